"""Framework wiring: t3-env's runtimeEnv and client prefix, Turborepo's env filter, and
schemas env-lint could not read."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import Finding, Location, Related, Severity
from ..paths import is_tooling_path
from ..sources.turbo import allows
from .base import Rule

# Prefixes Turborepo lets through by framework inference (Next.js, Vite, Nuxt, Expo...).
_INFERRED = (
    "NEXT_PUBLIC_",
    "VITE_",
    "NUXT_PUBLIC_",
    "NUXT_ENV_",
    "EXPO_PUBLIC_",
    "REACT_APP_",
    "GATSBY_",
    "PUBLIC_",
    "STORYBOOK_",
    "SANITY_STUDIO_",
    "NG_",
    "VUE_APP_",
)


def _runtime_env_mismatch(ctx: Context) -> Iterator[Finding]:
    for schema in ctx.project.schemas:
        if schema.kind != "t3-env" or schema.runtime_env is None or is_tooling_path(schema.path):
            continue  # a test suite builds broken schemas on purpose, with made-up values
        passed = {name for name, _ in schema.runtime_env}
        declared = {v.key or v.name for v in schema.variables}
        where = "experimental__runtimeEnv" if schema.runtime_env_client_only else "runtimeEnv"
        at = [Related(schema.runtime_env_location, where)] if schema.runtime_env_location else []
        for var in schema.variables:
            key = var.key or var.name
            if key in passed or (schema.runtime_env_client_only and var.section == "server"):
                continue
            yield RUNTIME_ENV_MISMATCH.finding(
                var.location,
                f"`{var.name}` is declared in `{var.section}` but not passed in `{where}`, so it "
                "is always undefined",
                variable=var.name,
                related=at,
            )
        for name, location in schema.runtime_env:
            if name not in declared:
                yield RUNTIME_ENV_MISMATCH.finding(
                    location,
                    f"`{name}` is passed in `{where}` but declared in no server / client / "
                    "shared section",
                    variable=name,
                )


def _client_prefix(ctx: Context) -> Iterator[Finding]:
    for schema in ctx.project.schemas:
        prefix = schema.client_prefix
        if schema.kind != "t3-env" or not prefix or is_tooling_path(schema.path):
            continue
        for var in schema.variables:
            key = var.key or var.name  # t3-env checks the prefix of the schema key
            if var.section == "client" and not key.startswith(prefix):
                message = (
                    f"`{var.name}` is a `client` variable without the `{prefix}` prefix: the "
                    "bundler will not expose it"
                )
            elif var.section == "server" and key.startswith(prefix):
                message = (
                    f"`{var.name}` is a `server` variable with the public `{prefix}` prefix: it "
                    "ships to the browser"
                )
            else:
                continue
            yield CLIENT_PREFIX.finding(var.location, message, variable=var.name)


def _turbo_undeclared(ctx: Context) -> Iterator[Finding]:
    from ..analysis.turbo import strict_turbo

    turbo = strict_turbo(ctx.project)
    if turbo is None:
        return
    for service in turbo.filtered:
        patterns = turbo.patterns(ctx.project, service)
        for name, need in ctx.deploy.needs.get(service, {}).items():
            if not need.required or allows(patterns, name) or name.startswith(_INFERRED):
                continue
            yield TURBO_UNDECLARED.finding(
                need.location,
                f"`{name}` is required by `{service.name}` but `{turbo.root.path}` lists it in "
                "no env / globalEnv / passThroughEnv: turbo's strict env mode removes it from "
                "the task",
                variable=name,
                related=[Related(Location(turbo.root.path, 1, 1), "turbo.json")],
            )


def _unrecognized_schema(ctx: Context) -> Iterator[Finding]:
    for item in ctx.project.unrecognized:
        yield UNRECOGNIZED_SCHEMA.finding(
            item.location, f"env-lint cannot read this: {item.reason}"
        )


RUNTIME_ENV_MISMATCH = Rule(
    code="EL204",
    name="runtime-env-mismatch",
    severity=Severity.ERROR,
    summary="t3-env's runtimeEnv and the declared variables disagree.",
    what="In `createEnv({ server, client, shared, runtimeEnv })` with a key-by-key "
    "`runtimeEnv` (or `experimental__runtimeEnv`, which needs the client and shared keys), a "
    "declared key is missing from it, or it passes a key that no section declares. A "
    "test suite's schema (under `test/`, `__tests__/`, `examples/`...) is not checked: it is "
    "built with made-up values, often broken on purpose.",
    why="t3-env validates only what `runtimeEnv` hands it: a key missing there is always "
    "undefined, and validation fails in every environment (or the default silently wins).",
    example="```ts\nclient: { NEXT_PUBLIC_API_URL: z.string().url() },\n"
    "runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL },\n```",
    fix="Add `KEY: process.env.KEY` to `runtimeEnv`, or remove the stray key.",
    check=_runtime_env_mismatch,
)

CLIENT_PREFIX = Rule(
    code="EL205",
    name="client-prefix",
    severity=Severity.ERROR,
    summary="A t3-env client variable lacks the public prefix, or a server one has it.",
    what="A key in t3-env's `client` section without the framework's public prefix "
    "(`NEXT_PUBLIC_` for env-nextjs, `NUXT_PUBLIC_` for env-nuxt, or `clientPrefix`), or a "
    "key in `server` with it. A "
    "test suite's schema (under `test/`, `__tests__/`, `examples/`...) is not checked: it is "
    "built with made-up values, often broken on purpose.",
    why="Without the prefix the bundler never inlines the value, so the client always sees "
    "undefined; with it, a server secret ships to every browser.",
    example="```ts\nclient: { API_URL: z.string().url() },\n```",
    fix="Rename the variable (and its uses), or move it to the right section.",
    check=_client_prefix,
)

TURBO_UNDECLARED = Rule(
    code="EL206",
    name="turbo-undeclared",
    severity=Severity.WARNING,
    summary="turbo's strict env mode would filter out a variable a workspace needs.",
    what="A variable that a workspace requires (its schema requires it, or its code reads it "
    "with no fallback and without checking it) is in none of `turbo.json`'s `globalEnv`, "
    "`globalPassThroughEnv`, or a task's `env` / `passThroughEnv` (root or the workspace's own "
    "`turbo.json`; wildcards and `!` negations apply; framework prefixes such as "
    "`NEXT_PUBLIC_*` are let through as turbo infers them). Only where turbo really filters: "
    "something runs `turbo run ...` (a package.json script, a CI step, a Dockerfile); turbo 2+ "
    'without `envMode: "loose"` / `--env-mode=loose`, or turbo 1 with `envMode: "strict"`, '
    "`--env-mode=strict` or pass-through keys; the workspace is one of the package manager's "
    "workspaces with a script turbo runs as a task, and does not load its env from a file "
    "itself (`node --env-file`, dotenv). A code file a compose service mounts into an image it "
    "does not build (`./cube/cube.js:/cube/conf/cube.js`) runs in that image: its reads are not "
    "the workspace's. `turbo.json` may have comments (JSONC). Off by default: on public "
    "monorepos most such reads run where turbo filters nothing (a library package's read runs "
    "in the apps that import it, a framework's own command loads the package's `.env`, loose "
    "mode is set through `TURBO_ENV_MODE` in an env file), so the rule is for a repo that "
    "knows its tasks run under strict mode.",
    why="In strict mode turbo removes unlisted variables from the task's environment, and "
    "caches ignore them: the build runs without the value, or reuses a stale cache.",
    example='`DATABASE_URL` read by `apps/web` while `turbo.json` has `"env": ["NEXT_PUBLIC_*"]`.',
    fix="Add the variable to the task's `env` (it changes the output) or `passThroughEnv`.",
    check=_turbo_undeclared,
    default=False,
)

UNRECOGNIZED_SCHEMA = Rule(
    code="EL103",
    name="unrecognized-schema",
    severity=Severity.INFO,
    summary="An env schema construct env-lint cannot read.",
    what="A schema file or call env-lint found but could not fully read: a zod schema "
    "parsed from `process.env` built in a way it does not follow, a spread it cannot resolve, "
    "`createEnv()` / `cleanEnv()` with options it cannot read, a schema file with no schema.",
    why="Variables hidden there are invisible to every other rule: better said than silently "
    "missed.",
    example="```ts\nexport const env = makeSchema().parse(process.env);\n```",
    fix="Write the schema as a literal `z.object({...})` (or list the variables in an example "
    "file), or ignore the finding if the variables are declared elsewhere.",
    check=_unrecognized_schema,
)
