"""What example files and docs say about a variable vs what the schema says."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import Finding, Related, Schema, SchemaVar, Severity
from ..values import describe_default, is_placeholder, problems, same_as_default
from .base import Rule


def _schema_facts(ctx: Context) -> Iterator[tuple[Schema, SchemaVar]]:
    for schema in ctx.project.schemas:
        for var in schema.variables:
            yield schema, var


def _default_mismatch(ctx: Context) -> Iterator[Finding]:
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
                yield DEFAULT_MISMATCH.finding(
                    entry.location,
                    f"the example value of `{var.name}` differs from the schema default {default}",
                    variable=var.name,
                    related=link,
                )
        for mention in ctx.doc_mentions.get(var.name, ()):
            if mention.default is None or is_placeholder(mention.default):
                continue
            if not same_as_default(mention.default, var.default):
                yield DEFAULT_MISMATCH.finding(
                    mention.location,
                    f"the default the docs state for `{var.name}` differs from the schema "
                    f"default {default}",
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
        for entry in ctx.entries_for(schema, var.name):
            if entry.required is None or entry.required == var.required or var.conditional:
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
        declared = [v for _, v in ctx.schema_vars.get(name, ()) if not v.conditional]
        if not declared:
            continue
        requiring = [v for v in declared if v.required]
        for mention in mentions:
            if mention.required is False and requiring:
                var = requiring[0]
            elif mention.required is True and not requiring:
                var = declared[0]
            else:
                continue
            said = "required" if mention.required else "optional"
            yield REQUIREDNESS_MISMATCH.finding(
                mention.location,
                f"the docs call `{name}` {said}, but the schema {_schema_says(var)}",
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
    summary="An example value or a documented default differs from the schema default.",
    what="The schema gives a variable a default (`.default(25)`) and the example file sets a "
    "different value, or the docs state a different default. Values are compared by meaning "
    '(`25` equals `25.0`, `true` equals `"true"`); placeholders are never compared.',
    why="Readers take the example and the docs as the defaults; when they disagree with the "
    "code, environments end up configured differently from what anyone intended.",
    example="```ts\nJOB_MAX_ATTEMPTS: z.coerce.number().default(3),\n```\n"
    "with `JOB_MAX_ATTEMPTS=5` in the example file.",
    fix="Make the example value (or the docs' default) match the schema default, or change "
    "the schema default if it is the one that is wrong.",
    check=_default_mismatch,
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
    summary="Example comments or docs disagree with the schema on whether a variable is required.",
    what="An example file marks a variable optional (a comment saying optional / "
    "опционально, or the key is commented out) or the docs do (a Required column, the words "
    "in its heading or section), while the schema requires it with no default; or they call "
    "it required while the schema makes it optional or gives it a default.",
    why="People skip 'optional' variables when they set up a deploy target; if the schema "
    "requires them the service fails at start-up there.",
    example="```dotenv\n# Optional: only for AI features\nOPENROUTER_API_KEY=\n```\n"
    "while the schema has `OPENROUTER_API_KEY: z.string()`.",
    fix="Fix the comment or the docs, or make the schema optional / give it a default.",
    check=_requiredness_mismatch,
)
