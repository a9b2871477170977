"""What example files and docs say about a variable vs what the schema says."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..analysis.context import Context
from ..model import Finding, Related, Schema, SchemaVar, Severity
from ..paths import is_tooling_path
from ..values import (
    describe_default,
    doc_default_matches,
    is_placeholder,
    problems,
    same_as_default,
)
from .base import Rule


def _schema_facts(ctx: Context) -> Iterator[tuple[Schema, SchemaVar]]:
    for schema in ctx.project.schemas:
        for var in schema.variables:
            yield schema, var


def _default_mismatch(ctx: Context) -> Iterator[Finding]:
    """A default the docs state that means something else than the schema's default."""
    for schema, var in _schema_facts(ctx):
        if not var.default_known:
            continue
        default = describe_default(var.default)
        link = [Related(var.location, f"schema default {default}")]
        for mention in ctx.doc_mentions.get(var.name, ()):
            if mention.default is None or is_placeholder(mention.default):
                continue
            if not ctx.documents(mention.location.path, schema.path):
                continue  # a page about another package's variable of the same name
            if doc_default_matches(mention.default, var.default) is False:
                yield DEFAULT_MISMATCH.finding(
                    mention.location,
                    f"the default the docs state for `{var.name}` differs from the schema "
                    f"default {default}",
                    variable=var.name,
                    related=link,
                )


def _example_differs(ctx: Context) -> Iterator[Finding]:
    """An example value other than the schema default (often a deliberate dev value)."""
    for schema, var in _schema_facts(ctx):
        if not var.default_known:
            continue
        default = describe_default(var.default)
        link = [Related(var.location, f"schema default {default}")]
        for entry in ctx.entries_for(schema, var.name):
            if entry.disabled or entry.value is None or is_placeholder(entry.value):
                continue
            if problems(entry.value, var):
                continue  # invalid-example-value says it better
            if not same_as_default(entry.value, var.default):
                yield EXAMPLE_DIFFERS_FROM_DEFAULT.finding(
                    entry.location,
                    f"the example value of `{var.name}` differs from the schema default {default}",
                    variable=var.name,
                    related=link,
                )


def _invalid_example_value(ctx: Context) -> Iterator[Finding]:
    for schema, var in _schema_facts(ctx):
        for entry in ctx.entries_for(schema, var.name):
            if entry.disabled or entry.value is None or is_placeholder(entry.value):
                continue
            for problem in problems(entry.value, var):
                yield INVALID_EXAMPLE_VALUE.finding(
                    entry.location,
                    f"the example value of `{var.name}` {problem} ({var.expression or var.type})",
                    variable=var.name,
                    related=[Related(var.location, "declared here")],
                )


def _requiredness_mismatch(ctx: Context) -> Iterator[Finding]:
    for schema, var in _schema_facts(ctx):
        if ctx.is_runtime(var.name):
            continue  # NODE_ENV: the runtime or the framework sets it, whatever the schema says
        entries = ctx.entries_for(schema, var.name)
        per_file = Counter(e.location.path for e in entries)
        for entry in entries:
            if entry.required is not False or not var.required or var.conditional:
                continue  # only "optional" here against "required" there fails a deploy
            if entry.disabled and per_file[entry.location.path] > 1:
                # KEY=a then "# KEY=b" for another setup, or one "# KEY=..." per provider
                # block to uncomment: alternative values, not a mark of "optional"
                continue
            if not var.known or schema.kind == "typescript":
                # unknown is not "required"; a type declaration (``X: string``) enforces nothing
                continue
            said = (
                "commented out (optional)"
                if entry.disabled
                else ("marked required" if entry.required else "marked optional")
            )
            yield REQUIREDNESS_MISMATCH.finding(
                entry.location,
                f"`{var.name}` is {said} in the example file, but the schema {_schema_says(var)}",
                variable=var.name,
                related=[Related(var.location, "declared here")],
            )
    yield from _docs_requiredness(ctx)


def _docs_requiredness(ctx: Context) -> Iterator[Finding]:
    for name, mentions in sorted(ctx.doc_mentions.items()):
        schemas = [
            (s, v)
            for s, v in ctx.schema_vars.get(name, ())
            if not v.conditional and v.known and not is_tooling_path(s.path)
        ]  # (a dev tool's own schema under tools/ or scripts/ is not what the docs describe)
        if ctx.is_runtime(name):
            continue  # NODE_ENV: the runtime or the framework sets it, whatever the schema says
        for mention in mentions:
            declared = [v for s, v in schemas if ctx.documents(mention.location.path, s.path)]
            requiring = [v for v in declared if v.required]
            if not declared:
                continue
            if mention.required is not False or not requiring:
                continue  # only "optional" here against "required" there fails a deploy
            var = requiring[0]
            yield REQUIREDNESS_MISMATCH.finding(
                mention.location,
                f"the docs call `{name}` optional, but the schema {_schema_says(var)}",
                variable=name,
                related=[Related(var.location, "declared here")],
            )


def _schema_says(var: SchemaVar) -> str:
    if var.required:
        return "requires it (no default)"
    if var.has_default:
        return "gives it a default"
    return "makes it optional"


DEFAULT_MISMATCH = Rule(
    code="EL400",
    name="default-mismatch",
    severity=Severity.WARNING,
    summary="The docs state a default that differs from the schema default.",
    what="The schema gives a variable a default (`.default(25)`) and the docs about that "
    "schema's package state a different one (a Default column, a `Default:` line). Compared "
    'by meaning: `25` equals `25.0`, `true` equals `"true"`, `1000 (1s)` means `1000`, '
    "`Not set` / `none` / `-` mean no value; prose that is not a value (`the host name`), "
    "a default computed from another variable (`${BASE_URL}/callback`), placeholders and a "
    'schema default of `""` (unset: the real default is resolved where it is used) are never '
    "compared, nor the values of a plan, changelog or migration guide "
    "(`load-test-plan.md`: the settings under test then). Example values that differ from the "
    "default are "
    "`example-differs-from-default` (off by default).",
    why="Readers take the docs as the defaults; when they disagree with the code, environments "
    "end up configured differently from what anyone intended.",
    example="```ts\nJOB_MAX_ATTEMPTS: z.coerce.number().default(3),\n```\n"
    "with `| JOB_MAX_ATTEMPTS | 5 | ... |` in the docs' Default column.",
    fix="Make the docs' default match the schema default, or change the schema default if it "
    "is the one that is wrong.",
    check=_default_mismatch,
)

EXAMPLE_DIFFERS_FROM_DEFAULT = Rule(
    code="EL403",
    name="example-differs-from-default",
    severity=Severity.WARNING,
    summary="An example value differs from the schema default.",
    what="The schema gives a variable a default and the example file that covers it sets a "
    "different concrete value (compared by meaning; placeholders and invalid values are left "
    "to other rules). Off by default: example files often carry deliberate development "
    "values.",
    why="When the example is meant to show the defaults, a different value there makes every "
    "new environment run with something nobody chose.",
    example="```ts\nJOB_MAX_ATTEMPTS: z.coerce.number().default(3),\n```\n"
    "with `JOB_MAX_ATTEMPTS=5` in the example file.",
    fix="Make the example value match the schema default (or comment it out), or change the "
    "default.",
    check=_example_differs,
    default=False,
)

INVALID_EXAMPLE_VALUE = Rule(
    code="EL401",
    name="invalid-example-value",
    severity=Severity.ERROR,
    summary="A concrete example value would fail the schema.",
    what="An example file gives a concrete value that the schema rejects: not one of the "
    "enum's choices, not a number, not a boolean, not a URL or email, too short or too long, "
    "outside `min`/`max`, without the required prefix. Placeholders (empty, `your-...`, "
    "`<...>`, `xxx`, `...`, `changeme`, values ending in `...`) are never checked. The "
    "message never repeats the value.",
    why="Whoever copies the example gets a process that crashes at start-up on schema validation.",
    example='```dotenv\nLOG_LEVEL=verbose   # schema: z.enum(["debug", "info", "warn", '
    '"error"])\n```',
    fix="Use a value the schema accepts, or a placeholder.",
    check=_invalid_example_value,
)

REQUIREDNESS_MISMATCH = Rule(
    code="EL402",
    name="requiredness-mismatch",
    severity=Severity.WARNING,
    summary="Example comments or docs call a variable optional that the schema requires.",
    what="An example file marks a variable optional (a comment saying optional / "
    "опционально, or the key is commented out) or the docs do (a Required column, the words "
    "in its heading or section), while the schema requires it with no default. The other way "
    "round (the docs say required, the schema is lax) is not reported: nothing fails at "
    "deploy time, and a schema often stays lax on purpose while the docs describe what "
    "production needs. A key the same file lists more than once (`KEY=a` and `# KEY=b` for "
    "another setup, or one `# KEY=...` per provider block to uncomment) has alternative "
    "values: its commented lines mark nothing. A runtime's own variable (`NODE_ENV`) is not "
    "checked: the framework sets it. Nor is a TypeScript declaration (`readonly X: "
    "string` in `ImportMetaEnv`): a type enforces nothing. The docs are compared with the "
    "app's schemas, "
    "not a dev tool's own (under `tools/`, `scripts/`...).",
    why="People skip 'optional' variables when they set up a deploy target; if the schema "
    "requires them the service fails at start-up there.",
    example="```dotenv\n# Optional: only for AI features\nOPENROUTER_API_KEY=\n```\n"
    "while the schema has `OPENROUTER_API_KEY: z.string()`.",
    fix="Fix the comment or the docs, or make the schema optional / give it a default.",
    check=_requiredness_mismatch,
)
