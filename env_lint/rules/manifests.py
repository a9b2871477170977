"""Deploy manifests in the repo (render.yaml, compose, fly.toml, Kubernetes, app.json,
serverless.yml, CI jobs) against what the service they run declares and reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..analysis.context import Context
from ..analysis.targets import RUNTIME_IMAGES, RUNTIME_NAMESPACES, Target
from ..model import Finding, Location, Related, Severity
from ..model.manifests import CI, DEFAULT, INTERPOLATED
from ..values import describe_default, is_placeholder, same_as_default
from .base import Rule

# What a manifest offers as a *default* (used when nothing else sets the variable): compose's
# ``${X:-d}`` and an app.json ``value``. A literal value in render.yaml, fly.toml or a
# Kubernetes manifest is a setting for that environment, not a default to keep in step.
_DEFAULTS = (INTERPOLATED, DEFAULT)

# The base images that run the repo's own code, as the docs list them.
_RUNTIMES = ", ".join(
    [*(f"`{i}`" for i in sorted(RUNTIME_IMAGES)), *(f"`{n}*`" for n in RUNTIME_NAMESPACES)]
)


def _manifest_targets(ctx: Context) -> Iterator[Target]:
    if ctx.project.manifests:
        yield from (t for t in ctx.targets.all if t.manifest is not None)


def _where(target: Target) -> str:
    return f"{target.label} (`{target.path}`)"


def _missing_in_manifest(ctx: Context) -> Iterator[Finding]:
    for target in _manifest_targets(ctx):
        service = target.services[0]
        for name, need in ctx.targets.missing(target):
            yield MISSING_IN_MANIFEST.finding(
                target.location,
                f"`{name}` is required by `{service.name}` (no default), but {_where(target)} "
                "does not provide it",
                variable=name,
                related=[Related(need.location, "required here")],
            )


def _unused_in_manifest(ctx: Context) -> Iterator[Finding]:
    # A line several units share (a serverless provider's env, a compose ``x-`` block merged
    # with ``<<: *defaults``) is unused only when every unit that sets it leaves it unread;
    # then it is reported once.
    targets = list(_manifest_targets(ctx))
    setting: Counter[tuple[Location, str]] = Counter(
        (p.location, p.name) for target in targets for p in set(target.provided)
    )
    unused = [(target, ctx.targets.unused(target)) for target in targets]
    leaving: Counter[tuple[Location, str]] = Counter(
        (p.location, p.name) for _, found in unused for p in set(found)
    )
    seen: set[tuple[Location, str]] = set()
    for target, found in unused:
        service = target.services[0]
        for provided in found:
            key = (provided.location, provided.name)
            if key in seen or leaving[key] < setting[key]:
                continue
            seen.add(key)
            yield UNUSED_IN_MANIFEST.finding(
                provided.location,
                f"{target.label} sets `{provided.name}`, but `{service.name}` never declares or "
                "reads it",
                variable=provided.name,
                related=[Related(target.location, f"{target.label} runs `{service.name}`")],
            )


def _manifest_default_mismatch(ctx: Context) -> Iterator[Finding]:
    for target in _manifest_targets(ctx):
        manifest = target.manifest
        if manifest is None or manifest.role == CI:
            continue
        service = target.services[0]
        for var in manifest.variables:
            if var.how not in _DEFAULTS or var.default is None or is_placeholder(var.default):
                continue
            if ctx.is_runtime(var.name):
                continue
            declared = [
                v
                for s, v in ctx.schema_vars.get(var.name, ())
                if v.default_known and ctx.targets.in_scope(service, s.path)
            ]
            if not declared or any(same_as_default(var.default, v.default) for v in declared):
                continue
            default = describe_default(declared[0].default)
            what = "the `${...:-default}`" if var.how == INTERPOLATED else "the default value"
            yield MANIFEST_DEFAULT_MISMATCH.finding(
                var.location,
                f"{what} {target.label} gives `{var.name}` differs from the schema default "
                f"{default} of `{service.name}`",
                variable=var.name,
                related=[Related(declared[0].location, f"schema default {default}")],
            )


MISSING_IN_MANIFEST = Rule(
    code="EL703",
    name="missing-in-manifest",
    severity=Severity.ERROR,
    summary="A deploy manifest in the repo lacks a variable its service requires.",
    what="A unit of a deploy manifest in the repo (a `render.yaml` service, a compose service "
    "that builds the code, a Kubernetes container, an `app.json`, a `serverless.yml` function) "
    "runs a service whose schema requires a variable with no default, and the unit does not "
    "provide it. Provided means listed in any form: a value, `${X}` interpolation, a secret "
    "reference (`secretKeyRef`, `generateValue`), `fromDatabase` / `fromService`, a `sync: "
    "false` placeholder set in the dashboard, or an `ENV` in the service's Dockerfile. Never "
    "reported when the unit also takes variables from somewhere env-lint cannot list "
    "(`env_file`, `envFrom`, `fromGroup`), for variables the platform sets itself, for "
    "variables required only in some configurations, for `fly.toml` (secrets are set with "
    "`fly secrets`) and CI jobs unless `[tool.env-lint.manifests] complete` names them.",
    why="The deploy described by the file starts without the variable: the schema check "
    "exits at boot.",
    example="```yaml\n# render.yaml\nservices:\n  - type: worker\n    name: worker\n    "
    "rootDir: services/worker\n    envVars:\n      - key: REDIS_URL\n        sync: false\n"
    "```\nwhile `services/worker/src/lib/env.ts` requires `UPSTASH_REDIS_REST_URL`.",
    fix="Add the variable to the unit (`sync: false` for a secret set in the dashboard, a "
    "secret reference, or a value), or give it a default in the schema.",
    check=_missing_in_manifest,
)

UNUSED_IN_MANIFEST = Rule(
    code="EL704",
    name="unused-in-manifest",
    severity=Severity.WARNING,
    summary="A deploy manifest sets a variable the service it runs never declares or reads.",
    what="A unit of a deploy manifest sets a variable that no schema, code read, Dockerfile, "
    "shell script or example file of the service it runs declares or reads (libraries of the "
    "repo count as the service's; other deployed services do not). Variables the platform or "
    "the runtime set, variables libraries read by themselves, CI jobs, and services whose "
    "reads env-lint cannot see (no schema or read in their code, a read by a computed "
    "name, or code in a language env-lint does not parse that reads the environment: Ruby's "
    "`ENV[...]`, Go's `os.Getenv`, Java's `System.getenv`...) are never reported. Neither "
    "are units whose Dockerfile (the one they name, or "
    "compose's `<context>/Dockerfile`) runs a third-party application's image: the stage that "
    "runs (compose's `build.target`, else the last; `FROM build` follows stage `build`) starts "
    "from an image that is not a language runtime or an OS base (`FROM vendor/server:1.6` with "
    "a script of the repo added reads the server's variables, not the repo's), or from an "
    "image an ARG names (`FROM ${BASE_IMAGE}`). Runtimes and OS bases, by repository without "
    f"registry, tag or digest: {_RUNTIMES}. nginx, caddy and httpd are applications: they read "
    "the environment through their own configuration. A line several units share (a compose "
    "`x-` block merged with `<<: *defaults`, a serverless provider's `environment`) is reported "
    "once, and only when every unit that sets it leaves it unread. A unit built from a context "
    "with a Dockerfile kept in another directory (`dockerfile: tools/docker/Dockerfile`) runs "
    "the package of that directory, unless the Dockerfile copies the context's package manifest "
    "(`COPY pyproject.toml ./`) or only paths outside it: then it runs the context's.",
    why="A leftover in a deploy file is a secret nobody rotates, and it hides the variable the "
    "service reads now (`REDIS_URL` still set after the move to Upstash's REST variables).",
    example="```yaml\n    envVars:\n      - key: REDIS_URL\n        sync: false\n```\nin the "
    "worker's `render.yaml` after the worker stopped reading `REDIS_URL`.",
    fix="Remove it from the manifest, or declare it where the service reads it.",
    check=_unused_in_manifest,
)

MANIFEST_DEFAULT_MISMATCH = Rule(
    code="EL705",
    name="manifest-default-mismatch",
    severity=Severity.WARNING,
    summary="A default in a deploy manifest (`${X:-default}`) differs from the schema default.",
    what="A deploy manifest gives a variable a default that applies when nothing else sets it "
    "(a compose interpolation default such as `${JOB_CONCURRENCY:-10}`, an `app.json` "
    "`value`), the value is not secret-shaped, and the schema of the service it runs gives the "
    "same variable a different concrete default. Values are compared by meaning (`25` equals "
    '`25.0`, `true` equals `"true"`). A literal value in `render.yaml`, `fly.toml` or a '
    "Kubernetes manifest is a setting for that environment, not a default, and is never "
    "compared; neither are runtime variables (`NODE_ENV`...), placeholders and CI jobs. The "
    "message never repeats the manifest's value.",
    why="Two defaults for one setting drift apart silently: the service behaves differently "
    "depending on how it was started, and readers cannot tell which one is meant.",
    example="```yaml\n    environment:\n      JOB_CONCURRENCY: ${JOB_CONCURRENCY:-10}\n```\n"
    "while the schema has `JOB_CONCURRENCY: z.coerce.number().default(5)`.",
    fix="Make the manifest and the schema agree, or drop the default from the manifest and "
    "let the schema default apply.",
    check=_manifest_default_mismatch,
)

__all__ = ["MANIFEST_DEFAULT_MISMATCH", "MISSING_IN_MANIFEST", "UNUSED_IN_MANIFEST"]
