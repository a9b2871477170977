"""Schema keys that nothing reads."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import Finding, Schema, Severity
from ..paths import is_tooling_path
from .base import Rule

# The JS/TS schema kinds, whose parsed object is read as ``env.NAME``; pydantic settings are
# read as ``settings.field_name`` (not checked yet).
_KINDS = frozenset({"zod", "t3-env", "envalid", "class-validator"})


def _unread_schema_var(ctx: Context) -> Iterator[Finding]:
    for schema in ctx.project.schemas:
        if schema.kind not in _KINDS or is_tooling_path(schema.path):
            continue
        # a preset's keys (t3-env ``extends: [neonVercel()]``) are the platform's to set
        own = [var for var in schema.variables if var.expression != "preset"]
        unread = [
            var
            for var in own
            if not any(_read(ctx, schema, name) for name in (*var.names(), var.key or var.name))
        ]
        if len(unread) == len(own):
            continue  # no key is read: whatever reads this schema is out of sight
        for var in unread:
            yield UNREAD_SCHEMA_VAR.finding(
                var.location,
                f"`{var.name}` is declared in the schema but no code reads it",
                variable=var.name,
            )


def _read(ctx: Context, schema: Schema, name: str) -> bool:
    """Read, maybe: named by any other code file or a build or deploy config, read in the
    schema's own module as ``env.NAME``, read by a library, the platform or a dynamic read."""
    project = ctx.project
    if ctx.is_runtime(name) or ctx.implicit(name) or name in ctx.provided:
        return True
    if ctx.read_dynamically(name) or name in project.config_words:
        return True
    if "_" not in name:
        return True  # only names with an ``_`` are indexed per file: in doubt, read
    if schema.kind != "class-validator" and name in project.member_names.get(schema.path, ()):
        return True
    usages = ctx.usages.get(name, ())
    # the one read that hands the variable to the schema (``runtimeEnv: { X: process.env.X }``,
    # a class field's initializer) is no use of it
    wiring = (
        schema.kind == "class-validator" or schema.runtime_env is not None or bool(schema.wired)
    )
    if any(u.location.path != schema.path for u in usages) or len(usages) > wiring:
        return True
    return name in project.code_words and project.lone_code_words.get(name) != schema.path


UNREAD_SCHEMA_VAR = Rule(
    code="EL207",
    name="unread-schema-var",
    severity=Severity.WARNING,
    summary="A schema declares a variable that no code reads.",
    what="A variable a JS/TS schema (zod, t3-env, envalid, class-validator) declares is named by "
    "no other code file (`env.X`, destructuring, `process.env.X`), not read as `env.X` or "
    "destructured (`const { X } = schema.parse(process.env)`) in the schema's own module, and "
    "not read by a library, the platform, a build or deploy config,"
    " or a dynamic read whose pattern matches (one of names converted from another case, "
    "`process.env[constantCase(key)]`, matches every name). A name any other code file "
    "mentions counts as read, so this stays quiet when in doubt, and so it does for a schema "
    "none of whose keys is read (its reader is out of sight) and for the keys a t3-env preset"
    " declares (`extends: [neonVercel()]`: the platform sets them). On by default since every"
    " finding it made on the ecosystem corpus was a dead key; a key read only through a "
    "computed name (`env[key]`) or by code outside the repo looks unread: ignore it there. "
    "pydantic settings are not checked (their fields are read as `settings.field`).",
    why="Dead keys make people provision and rotate secrets that nothing uses, and a required "
    "dead key fails a deploy for nothing.",
    example="```ts\nexport const env = createEnv({\n  server: { LEGACY_SMTP_URL: "
    "z.string().url() },\n  runtimeEnv: process.env,\n});\n```\nwith no code that reads "
    "`env.LEGACY_SMTP_URL`.",
    fix="Remove the key from the schema (and the example file and docs), or read it where it "
    "is meant to be used.",
    check=_unread_schema_var,
    default=True,
)
