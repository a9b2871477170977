"""Variables that libraries and build tools read by themselves: when the library is a dependency,
such a variable listed in an example file or the docs is never ``unused`` or ``stale``.

Extend it in the config: ``[tool.env-lint.library-variables] "my-sdk" = ["MY_SDK_TOKEN"]`` or
``implicit-variables = ["X"]`` (for every repo layout).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass

from .model import Location, parent_dir

_PRISMA = ("DATABASE_URL", "DIRECT_URL", "SHADOW_DATABASE_URL")
_SENTRY = (
    "SENTRY_AUTH_TOKEN",
    "SENTRY_ORG",
    "SENTRY_PROJECT",
    "SENTRY_DSN",
    "SENTRY_ENVIRONMENT",
    "SENTRY_RELEASE",
    "NEXT_PUBLIC_SENTRY_DSN",
    "SENTRY_URL",
)
_AUTH = (
    "AUTH_SECRET",
    "AUTH_URL",
    "AUTH_TRUST_HOST",
    "NEXTAUTH_SECRET",
    "NEXTAUTH_URL",
    "NEXTAUTH_URL_INTERNAL",
)
_AWS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
)

LIBRARY_VARIABLES: dict[str, tuple[str, ...]] = {
    "prisma": _PRISMA,
    "@prisma/client": _PRISMA,
    "@sentry/nextjs": _SENTRY,
    "@sentry/node": _SENTRY,
    "@sentry/react": _SENTRY,
    "@sentry/sveltekit": _SENTRY,
    "@sentry/webpack-plugin": _SENTRY,
    "@sentry/vite-plugin": _SENTRY,
    "sentry-sdk": ("SENTRY_DSN", "SENTRY_ENVIRONMENT", "SENTRY_RELEASE"),
    "@vercel/blob": ("BLOB_READ_WRITE_TOKEN",),
    "@vercel/kv": ("KV_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "KV_REST_API_READ_ONLY_TOKEN"),
    "@vercel/postgres": (
        "POSTGRES_URL",
        "POSTGRES_URL_NON_POOLING",
        "POSTGRES_PRISMA_URL",
        "POSTGRES_USER",
        "POSTGRES_HOST",
        "POSTGRES_PASSWORD",
        "POSTGRES_DATABASE",
    ),
    "@vercel/edge-config": ("EDGE_CONFIG",),
    "inngest": (
        "INNGEST_EVENT_KEY",
        "INNGEST_SIGNING_KEY",
        "INNGEST_SIGNING_KEY_FALLBACK",
        "INNGEST_DEV",
        "INNGEST_BASE_URL",
        "INNGEST_ENV",
    ),
    "next-auth": _AUTH,
    "@auth/core": _AUTH,
    "@auth/nextjs": _AUTH,
    "@upstash/redis": ("UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"),
    "@upstash/qstash": (
        "QSTASH_URL",
        "QSTASH_TOKEN",
        "QSTASH_CURRENT_SIGNING_KEY",
        "QSTASH_NEXT_SIGNING_KEY",
    ),
    "@clerk/nextjs": (
        "CLERK_SECRET_KEY",
        "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
        "CLERK_WEBHOOK_SECRET",
        "NEXT_PUBLIC_CLERK_SIGN_IN_URL",
        "NEXT_PUBLIC_CLERK_SIGN_UP_URL",
    ),
    "openai": ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"),
    "@anthropic-ai/sdk": ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    "anthropic": ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    "@ai-sdk/openai": ("OPENAI_API_KEY",),
    "@ai-sdk/anthropic": ("ANTHROPIC_API_KEY",),
    "@aws-sdk/client-s3": _AWS,
    "aws-sdk": _AWS,
    "boto3": _AWS,
    "pg": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "psycopg": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "psycopg2": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "@google-cloud/storage": ("GOOGLE_APPLICATION_CREDENTIALS",),
    "google-cloud-storage": ("GOOGLE_APPLICATION_CREDENTIALS",),
    "django": ("DJANGO_SETTINGS_MODULE",),
    "@t3-oss/env-nextjs": ("SKIP_ENV_VALIDATION",),
    "turbo": ("TURBO_TOKEN", "TURBO_TEAM", "TURBO_REMOTE_ONLY"),
}
_PRISMA_ENV = re.compile(r"\benv\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*\)")


@dataclass(frozen=True, slots=True, order=True)
class ImplicitVar:
    name: str
    library: str
    manifest: str  # the file that makes it implicit (package.json, pyproject.toml, schema.prisma)

    @property
    def directory(self) -> str:
        return parent_dir(self.manifest)


def manifest_dependencies(path: str, text: str) -> set[str]:
    """Dependency names of a package.json, pyproject.toml or requirements file."""
    name = path.rsplit("/", 1)[-1]
    if name == "package.json":
        try:
            data = json.loads(text)
        except ValueError:
            return set()
        keys = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
        return {d for k in keys if isinstance(data.get(k), dict) for d in data[k]}
    if name == "pyproject.toml":
        return _pyproject_dependencies(text)
    return {_requirement(line) for line in text.split("\n") if _requirement(line)}


def _pyproject_dependencies(text: str) -> set[str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return set()
    project = data.get("project", {})
    found = {_requirement(d) for d in project.get("dependencies", []) if isinstance(d, str)}
    for extra in project.get("optional-dependencies", {}).values():
        found |= {_requirement(d) for d in extra if isinstance(d, str)}
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    found |= {str(k).lower() for k in poetry}
    return {f for f in found if f}


def _requirement(line: str) -> str:
    hit = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._\-]*)", line.split("#", 1)[0])
    return hit.group(1).lower().replace("_", "-") if hit else ""


def implicit_from_manifest(
    path: str, text: str, extra: dict[str, tuple[str, ...]]
) -> list[ImplicitVar]:
    table = {**LIBRARY_VARIABLES, **extra}
    found = []
    for library in sorted(manifest_dependencies(path, text)):
        for name in table.get(library, ()):
            found.append(ImplicitVar(name, library, path))
    return found


def prisma_variables(path: str, text: str) -> list[tuple[str, Location]]:
    """``url = env("DATABASE_URL")`` in a Prisma schema."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("//"):
            continue
        for hit in _PRISMA_ENV.finditer(line):
            found.append((hit.group(1), Location(path, number, hit.start(1) + 1)))
    return found
