"""Variables that deploy platforms set themselves, or read from the app's environment to
build and run it (Clever Cloud's ``CC_PYTHON_MODULE``).

*Runtime* variables are set on every deployment (``VERCEL_URL``, ``RAILWAY_ENVIRONMENT``,
``PORT``): they are never drift anywhere. *Plugin* variables are set when a database or cache is
attached (Railway's ``REDIS_URL``, Heroku's ``DATABASE_URL``): for a service deployed there they
are never undeclared, and a provider snapshot holding them is never "unexpected"; elsewhere the
usual rules apply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Platform:
    runtime: frozenset[str]
    runtime_prefixes: tuple[str, ...]
    plugins: frozenset[str] = frozenset()
    plugin_prefixes: tuple[str, ...] = ()

    def sets(self, name: str, *, plugins: bool) -> bool:
        if name in self.runtime or name.startswith(self.runtime_prefixes):
            return True
        return plugins and (name in self.plugins or name.startswith(self.plugin_prefixes))


PLATFORMS: dict[str, Platform] = {
    "vercel": Platform(
        frozenset(
            {
                "VERCEL",
                "CI",
                "VERCEL_ENV",
                "VERCEL_URL",
                "VERCEL_BRANCH_URL",
                "VERCEL_REGION",
                "VERCEL_DEPLOYMENT_ID",
                "VERCEL_PROJECT_PRODUCTION_URL",
                "VERCEL_TARGET_ENV",
                "VERCEL_SKEW_PROTECTION_ENABLED",
                "VERCEL_AUTOMATION_BYPASS_SECRET",
                "VERCEL_OIDC_TOKEN",
                "VERCEL_PROJECT_ID",
                "VERCEL_ORG_ID",
                # read by Vercel's build itself
                "ENABLE_EXPERIMENTAL_COREPACK",
                "ENABLE_VC_BUILD",
                "VERCEL_FORCE_NO_BUILD_CACHE",
            }
        ),
        ("VERCEL_GIT_", "NEXT_PUBLIC_VERCEL_", "VITE_VERCEL_", "REACT_APP_VERCEL_"),
        frozenset({"BLOB_READ_WRITE_TOKEN", "EDGE_CONFIG"}),
        ("KV_", "POSTGRES_"),
    ),
    "railway": Platform(
        frozenset({"PORT", "RAILWAY_TOKEN"}),
        ("RAILWAY_",),
        frozenset(
            {
                "REDIS_URL",
                "REDIS_PUBLIC_URL",
                "REDISHOST",
                "REDISPORT",
                "REDISUSER",
                "REDISPASSWORD",
                "REDIS_PASSWORD",
                "DATABASE_URL",
                "DATABASE_PUBLIC_URL",
                "PGHOST",
                "PGPORT",
                "PGUSER",
                "PGPASSWORD",
                "PGDATABASE",
                "POSTGRES_USER",
                "POSTGRES_PASSWORD",
                "POSTGRES_DB",
                "MYSQL_URL",
                "MYSQLHOST",
                "MYSQLPORT",
                "MYSQLUSER",
                "MYSQLPASSWORD",
                "MYSQLDATABASE",
                "MONGO_URL",
                "MONGOHOST",
                "MONGOPORT",
                "MONGOUSER",
                "MONGOPASSWORD",
            }
        ),
    ),
    "render": Platform(
        frozenset({"RENDER", "PORT", "IS_PULL_REQUEST"}),
        ("RENDER_",),
    ),
    "fly": Platform(
        frozenset({"PORT", "PRIMARY_REGION"}),
        ("FLY_",),
        frozenset({"DATABASE_URL", "REDIS_URL"}),
    ),
    "netlify": Platform(
        frozenset(
            {
                "NETLIFY",
                "BUILD_ID",
                "CONTEXT",
                "URL",
                "DEPLOY_URL",
                "DEPLOY_PRIME_URL",
                "DEPLOY_ID",
                "SITE_NAME",
                "SITE_ID",
                "BRANCH",
                "HEAD",
                "COMMIT_REF",
                "CACHED_COMMIT_REF",
                "PULL_REQUEST",
                "REVIEW_ID",
                "REPOSITORY_URL",
                "INCOMING_HOOK_URL",
                "INCOMING_HOOK_TITLE",
                "INCOMING_HOOK_BODY",
                "NETLIFY_IMAGES_CDN_DOMAIN",
            }
        ),
        ("NETLIFY_",),
    ),
    "heroku": Platform(
        frozenset({"PORT", "DYNO"}),
        ("HEROKU_",),
        frozenset({"DATABASE_URL", "REDIS_URL", "REDIS_TLS_URL"}),
        ("HEROKU_POSTGRESQL_",),
    ),
    # every container; what a proxy container (nginx-proxy and its ACME companion) reads from
    # the environment of the containers it routes to; what an image's init system reads
    "container": Platform(
        frozenset(
            {
                "HOSTNAME",
                "PORT",
                "VIRTUAL_HOST",
                "VIRTUAL_PORT",
                "VIRTUAL_PROTO",
                "VIRTUAL_PATH",
                "LETSENCRYPT_HOST",
                "LETSENCRYPT_EMAIL",
                # the linuxserver.io images' init system: the user and group the app runs as,
                # and the mods it layers on at start
                "PUID",
                "PGID",
                "DOCKER_MODS",
            }
        ),
        (),
    ),
    # Clever Cloud reserves ``CC_`` for the settings its builders and runtime read
    # (``CC_PYTHON_MODULE``, ``CC_PRE_BUILD_HOOK``) and the values it sets (``CC_COMMIT_ID``)
    "clever-cloud": Platform(frozenset({"INSTANCE_NUMBER"}), ("CC_",)),
    # Coolify's generated "magic" variables (``SERVICE_FQDN_API_8000``, ``SERVICE_PASSWORD_DB``)
    "coolify": Platform(
        frozenset({"COOLIFY_FQDN", "COOLIFY_URL", "COOLIFY_BRANCH", "COOLIFY_CONTAINER_NAME"}),
        (
            "SERVICE_FQDN_",
            "SERVICE_URL_",
            "SERVICE_USER_",
            "SERVICE_PASSWORD_",
            "SERVICE_BASE64_",
            "SERVICE_REALBASE64_",
        ),
    ),
    # every pod gets the API server's address
    "kubernetes": Platform(
        frozenset({"KUBERNETES_PORT"}), ("KUBERNETES_SERVICE_", "KUBERNETES_PORT_")
    ),
    "github-actions": Platform(
        frozenset({"CI", "GITHUB_TOKEN", "RUNNER_OS", "RUNNER_ARCH", "RUNNER_TEMP"}),
        ("GITHUB_", "RUNNER_", "ACTIONS_"),
    ),
}


def platform_runtime(name: str) -> bool:
    """Set by some platform on every deployment: never drift."""
    return any(p.sets(name, plugins=False) for p in PLATFORMS.values())


def set_by(name: str, targets: Iterable[str]) -> bool:
    """Set by the platform of one of ``targets`` itself (runtime or plugin variable)."""
    return any(PLATFORMS[t].sets(name, plugins=True) for t in targets if t in PLATFORMS)
