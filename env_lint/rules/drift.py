"""Cross-source drift: example files vs schemas vs code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis.context import Context
from ..model import ExampleFile, Finding, Location, Related, SchemaVar, Severity, Usage
from ..paths import is_compose, is_tooling_path
from .base import Rule, files_phrase, related_to


def _missing_from_example(ctx: Context) -> Iterator[Finding]:
    yield from _missing(ctx, MISSING_FROM_EXAMPLE, required=True)


def _missing_optional(ctx: Context) -> Iterator[Finding]:
    yield from _missing(ctx, MISSING_OPTIONAL_FROM_EXAMPLE, required=False)


def _needed_under(ctx: Context, name: str, covering: tuple[ExampleFile, ...]) -> bool:
    """Some code that the same example files cover needs ``name`` (a read with no fallback):
    a type declaration (``interface ImportMetaEnv``) says its type, the reads say whether a
    deploy must set it."""
    paths = {f.path for f in covering}
    return any(
        paths.intersection(f.path for f in ctx.project.examples_covering(u.location.path))
        for u in ctx.usages.get(name, ())
        if u.required
    )


def _set_by_its_stack(ctx: Context, covering: tuple[ExampleFile, ...]) -> set[str]:
    """A compose file's own input sheet (``docker-compose.prod.env.example`` beside
    ``docker-compose.prod.yml``) lists what the compose file does not set itself: what the
    compose file sets or passes on counts as listed."""
    stems = {stem for f in covering if (stem := _compose_stem(f.path))}
    if not stems:
        return set()
    return {
        u.name
        for reads in ctx.usages.values()
        for u in reads
        if u.weak and u.location.path.rsplit(".", 1)[0] in stems and is_compose(u.location.path)
    }


def _compose_stem(path: str) -> str | None:
    """``deploy/docker-compose.prod`` for ``deploy/docker-compose.prod.env.example``."""
    for suffix in (".env.example", ".env.sample", ".env.template", ".env.dist"):
        if path.endswith(suffix) and is_compose(path[: -len(suffix)] + ".yml"):
            return path[: -len(suffix)]
    return None


def _missing(ctx: Context, rule: Rule, *, required: bool) -> Iterator[Finding]:
    """Schema variables no covering example file lists: the required ones (no default, known
    to be required) or the rest."""
    if not ctx.project.examples:
        return
    for schema in ctx.project.schemas:
        if is_tooling_path(schema.path):
            continue  # a test suite's own schema: CI sets its variables, not a deploy
        covering = ctx.covering(schema)
        if not covering:
            continue  # only other apps have example files: none speaks for this schema
        listed = {e.name for f in covering for e in f.entries} | _set_by_its_stack(ctx, covering)
        for var in schema.variables:
            if listed.intersection(var.names()) or ctx.is_runtime(var.name):
                continue
            if needed(var) != required:
                continue
            if schema.kind == "typescript" and not _needed_under(ctx, var.name, covering):
                continue  # a type declaration this app never reads: nothing a deploy needs
            yield rule.finding(
                var.location,
                f"`{var.name}` is declared in the schema but missing from "
                f"{files_phrase(covering)}; {_why(var)}",
                variable=var.name,
                related=[Related(Location(f.path, 1, 1), "example file checked") for f in covering],
            )


def needed(var: SchemaVar) -> bool:
    """Required with no default, in every configuration, as far as env-lint can see."""
    return var.required and var.known and not var.conditional


def _why(var: SchemaVar) -> str:
    if not var.known:
        return "env-lint cannot see whether it is required"
    if var.conditional:
        return "it is required in some configurations only"
    if var.required:
        return "it is required with no default"
    if var.has_default:
        return "it has a default"
    return "it is optional"


_REFERENCE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def _interpolated(ctx: Context) -> set[tuple[str, str]]:
    """(file, name): a value of another key of that file expands ``$NAME`` / ``${NAME}``."""
    return {
        (example.path, name)
        for example in ctx.project.examples
        for entry in example.entries
        if entry.value and "$" in entry.value
        for name in _REFERENCE.findall(entry.value)
        if name != entry.name
    }


def _unused_example_var(ctx: Context) -> Iterator[Finding]:
    if not (ctx.project.schemas or ctx.project.usages):
        return  # no code env-lint can read: "unused" would be a guess
    if ctx.project.submodules and not ctx.application_reads:
        return  # the application is a git submodule's code, out of sight: the same guess
    interpolated = _interpolated(ctx)
    for name, entries in sorted(ctx.example_entries.items()):
        if name in ctx.schema_names or name in ctx.usages or name in ctx.provided:
            continue
        if ctx.referenced(name):
            continue  # named in code or config env-lint does not read: not provably unused
        if ctx.is_runtime(name) or ctx.set_by_any_platform(name) or ctx.read_dynamically(name):
            continue
        places = [
            (f, e)
            for f, e in entries
            if not (
                e.retired
                or ctx.implicit(name, f.path)
                or (f.path, name) in interpolated
                or ctx.read_by_image(name, f.path)
            )
        ]
        if not places:
            continue
        (first_file, first), *rest = places
        yield UNUSED_EXAMPLE_VAR.finding(
            first.location,
            f"`{name}` is listed in `{first_file.path}` but no schema declares it and no code "
            "reads it",
            variable=name,
            related=related_to((e.location for _, e in rest), "also listed here"),
        )


def _undeclared_usage(ctx: Context) -> Iterator[Finding]:
    project = ctx.project
    if not (project.examples or project.schemas):
        return  # no example file or schema: the repo keeps its variables elsewhere
    for name, usages in sorted(ctx.usages.items()):
        if name in ctx.declared_names or name in ctx.doc_mentions or ctx.is_runtime(name):
            continue
        if name in ctx.provided or ctx.implicit(name) or name in ctx.project.config_words:
            continue  # a build or deploy config sets it
        if name in ctx.project.written:
            continue  # the application sets it itself before (or instead of) the deploy
        if name in ctx.env_file_names:
            continue  # a committed env file (.env.production) lists it
        if any(_checks_presence(u) for u in usages):
            continue  # an optional feature: its other reads run behind that check
        usages = [u for u in usages if _needs_declaring(ctx, u)]
        if not usages:
            continue
        first, *rest = sorted(usages)
        yield UNDECLARED_USAGE.finding(
            first.location,
            f"`{name}` is read here with no fallback but no example file, schema or doc "
            "declares it",
            variable=name,
            related=related_to((u.location for u in rest), "also read here"),
        )


def _checks_presence(usage: Usage) -> bool:
    """Application code checks whether the variable is set (``if (process.env.X)``,
    ``available: !!process.env.X``, ``if (!process.env.X) return null``)."""
    return usage.guarded and not usage.weak and not is_tooling_path(usage.location.path)


def _needs_declaring(ctx: Context, usage: Usage) -> bool:
    """A read a deploy depends on: no fallback, not checked first, in application code (not
    tests or tooling) of a package that declares its variables (an example file in its
    directory or above, or a schema in its service), not set by the platform it runs on."""
    path = usage.location.path
    if not usage.required or is_tooling_path(path):
        return False
    if (path, usage.location.line, usage.name) in ctx.handed_to_schema:
        return False  # a t3-env runtimeEnv entry: runtime-env-mismatch judges it
    if not ctx.project.examples_above(path) and not ctx.service_has_schema(path):
        return False  # nothing there declares variables: nothing to drift from
    return not ctx.set_by_platform(usage.name, path)


def _schema_key_not_wired(ctx: Context) -> Iterator[Finding]:
    for schema in ctx.project.schemas:
        if schema.wired is None or is_tooling_path(schema.path):
            continue  # a test suite's deliberately broken schema
        for var in schema.variables:
            if var.name in schema.wired:
                continue
            related = (
                [Related(schema.wiring_location, "the parse() map")]
                if schema.wiring_location
                else []
            )
            yield SCHEMA_KEY_NOT_WIRED.finding(
                var.location,
                f"`{var.name}` is declared in the schema but the explicit parse() map never "
                f"passes `process.env.{var.name}`, so it is always undefined",
                variable=var.name,
                related=related,
            )


MISSING_FROM_EXAMPLE = Rule(
    code="EL200",
    name="missing-from-example",
    severity=Severity.ERROR,
    summary="A schema requires a variable that no example file lists.",
    what="A variable that an env schema requires (no default, not optional, in every "
    "configuration, and env-lint could read its definition) is not listed (not even "
    "commented out) in the example file(s) that cover the schema: those of the nearest "
    "directory, walking up from the schema, that holds any example file (when no directory "
    "on the way up has one, every example file of the schema's own package; another app's "
    "example file lists that app's variables). A compose file's own input sheet "
    "(`docker-compose.prod.env.example` beside `docker-compose.prod.yml`) need not list what "
    "the compose file sets itself. A TypeScript declaration (`interface ImportMetaEnv`) "
    "requires a variable only where code of the same example file reads it with no "
    "fallback. A pydantic-settings model built for the command line (a `cli_` option) may "
    "get a required field from a flag instead. Optional and defaulted variables "
    "are `missing-optional-from-example` (off by default): a hand-picked example file need not "
    "list every knob. Schemas of test suites and tooling (under `tests/`, `e2e/`, "
    "`scripts/`...) are not checked: CI sets their variables. Runs only when the repo has an "
    "example file.",
    why="The example file is what people copy to set up a machine or a deploy target; a "
    "variable missing from it is missing in the next environment, and the app fails at start.",
    example="```ts\n// services/worker/src/lib/env.ts\nJOB_QUEUE_NAME: z.string(),\n```\n"
    "with no `JOB_QUEUE_NAME=` line in `env.production.example`.",
    fix="Add `JOB_QUEUE_NAME=` (with a comment saying what it is) to the example file, or "
    "comment it out (`# JOB_QUEUE_NAME=`) if it is optional.",
    check=_missing_from_example,
)

MISSING_OPTIONAL_FROM_EXAMPLE = Rule(
    code="EL208",
    name="missing-optional-from-example",
    severity=Severity.WARNING,
    summary="A schema declares an optional or defaulted variable that no example file lists.",
    what="Like `missing-from-example`, for the variables a schema makes optional, gives a "
    "default, requires only in some configurations, or declares in a way env-lint cannot "
    "read fully. Off by default: many example files deliberately list only what a deploy "
    "must set.",
    why="An example file that lists every variable is the one place to see every knob; "
    "teams that keep it complete want to hear when a new knob is not there.",
    example="```ts\nJOB_TIMEOUT_MS: z.coerce.number().default(30_000),\n```\n"
    "with no `JOB_TIMEOUT_MS` line (not even commented out) in the example file.",
    fix="Add the variable to the example file, commented out with its default "
    "(`# JOB_TIMEOUT_MS=30000`), or run `env-lint --fix`.",
    check=_missing_optional,
    default=False,
)

UNUSED_EXAMPLE_VAR = Rule(
    code="EL201",
    name="unused-example-var",
    severity=Severity.WARNING,
    summary="An example file lists a variable that nothing declares or reads.",
    what="A key in an example file is declared by no schema and read by no code anywhere in "
    "the repo (reads in tests and scripts count; so do dynamic reads whose pattern matches, "
    "a read of names converted from another case, `process.env[constantCase(key)]`, which "
    "may read any name, "
    "libraries that read it themselves and platform variables; a key whose comment says it is "
    "deprecated or no longer used is kept for upgraders on purpose, and a key that another "
    "value of the same file expands, `API_URL=${PUBLIC_HOST}:3000`, is used there; so is a "
    "key named like a third-party image that a compose service loads the example's real file "
    "into, `FLOWBOX_MODE` for `image: vendor/flowbox` with `env_file: .env`). One "
    "finding per variable, "
    "with its other listings as related locations. Runs only when env-lint can see code or "
    "schemas in the repo, and not in a repo that packages an application kept in a git "
    "submodule (`.gitmodules`; `git ls-files` lists none of its files) when only scripts, "
    "Dockerfiles and CI read variables beside it.",
    why="Stale keys make people provision and rotate secrets that nothing uses, and hide the "
    "keys that matter.",
    example="```dotenv\nLEGACY_WEBHOOK_URL=https://hooks.example.com/old\n```",
    fix="Delete the key, or add it to the schema if the code should read it. If something "
    "env-lint cannot see reads it, list it under `ignore-variables` in the config.",
    check=_unused_example_var,
)

UNDECLARED_USAGE = Rule(
    code="EL202",
    name="undeclared-usage",
    severity=Severity.ERROR,
    summary="Code needs a variable that no example, schema or doc declares.",
    what='Application code reads `process.env.X` (or `process.env["X"]`, `os.environ["X"]`, '
    "an accessor...) with no fallback and without checking it first, and `X` appears in no "
    "example file, schema, doc, build or deploy config, or committed env file "
    '(`.env.production`, also as `# X=`). Reads with a fallback (`?? "d"`, '
    '`.get("X", d)`), guarded reads (`if (process.env.X)`, `X && ...`, `?.`, a local flag '
    "computed from it, a destructured `const { X } = process.env` then `if (X)`, a class "
    "property set from it then checked (`this.p = process.env.X`, `if (this.p)`), a branch "
    "another variable switches on: `process.env.VERCEL ? kv(process.env.KV_URL) : mem()`, "
    "also through a constant bound to it (`const SELF_HOSTED = process.env.SELF_HOSTED === "
    '"true"`, or a flag set in a branch on it: `var sso = false; if (process.env.SSO == '
    '"true") sso = true;`; a local used only in such branches), but not a branch on the '
    "deployment stage such as `NODE_ENV`), a key a bundler "
    "replaces "
    '(`DefinePlugin({ "process.env.X": ... })`), an old '
    "name read as another variable's fallback (`process.env.NEW ?? process.env.OLD`), a "
    "variable whose presence the application checks anywhere (one "
    "`available: !!process.env.X` makes `X` an optional feature: its other reads run behind "
    "that check; so does a check of the property of an exported config object that holds it, "
    "in a module that imports the object: `export default { SMTP_HOST: process.env.SMTP_HOST }`"
    ", then `if (!config.SMTP_HOST) return`), reads handed to someone who decides "
    "(`init(process.env.X)`, a value a "
    "function returns, also inside the object literal of a config factory: `() => ({ db: { "
    "url: process.env.X } })`, a client's base URL option: `createClient({ baseURL: "
    "process.env.X })`, a value a bundler substitutes: `define: { __PORT__: "
    "process.env.PORT }`), a runtime's environment handed to a handler (`env.X` in "
    "`fetch(req, env)`, Hono's `c.env.X`: its bindings share that object), "
    "a value `runtimeEnv` hands to a t3-env schema (runtime-env-mismatch judges it), "
    "variables the application sets itself (`process.env.X = ...`, a loop copying a "
    "defaults object: `for (const k in defaults) process.env[k] ??= defaults[k]`), "
    "reads only printed (`console.log`), reads in tests, examples, "
    "scripts and hidden tooling directories (`.github/`, `.claude/`), runtime and platform "
    "variables (`KUBERNETES_SERVICE_HOST`) are not reported. One finding per variable, at its "
    "first such read.",
    why="Nobody setting up a deploy target will know to set it: it is undefined in production "
    "until someone reads the code.",
    example="```ts\nconst clientId = process.env.KOMMO_CLIENT_ID;\n```",
    fix="Declare the variable in the schema and list it in the example file (and the docs).",
    check=_undeclared_usage,
)

SCHEMA_KEY_NOT_WIRED = Rule(
    code="EL203",
    name="schema-key-not-wired",
    severity=Severity.ERROR,
    summary="An explicit parse({...}) map forgets a schema key.",
    what="The schema is parsed from an explicit object (`schema.parse({ A: process.env.A })`, "
    "as needed for bundlers that inline `process.env.X`) and a key the schema declares is not "
    "in that object. A "
    "test suite's schema (under `test/`, `__tests__/`, `examples/`...) is not checked: it is "
    "built with made-up values, often broken on purpose.",
    why="The key is always undefined at run time: a required key fails validation in every "
    "environment, an optional one silently uses its default even where it is set.",
    example="```ts\nconst env = envSchema.parse({\n  SUPABASE_URL: process.env.SUPABASE_URL,\n"
    "  // UPSTASH_REDIS_REST_TOKEN forgotten\n});\n```",
    fix="Add `KEY: process.env.KEY` to the map.",
    check=_schema_key_not_wired,
)
