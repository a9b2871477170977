"""Every variable of the project in one row: what the sources say about it, combined.

Used by ``env-lint docs-table``. Values from example files are never part of a row; defaults
come from schemas only.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..credentials import printable_name, safe_prose
from ..known_vars import is_runtime_variable
from ..model import Project
from ..secrecy import is_secret
from ..textfmt import md_cell
from ..values import describe_default
from .context import Context


@dataclass(frozen=True, slots=True)
class VariableInfo:
    name: str
    required: bool | None
    default: str | None  # the schema default, as the schema writes it
    targets: tuple[str, ...]
    secret: bool
    description: str | None


def catalog(project: Project) -> list[VariableInfo]:
    ctx = Context(project)
    names = set(ctx.example_entries) | set(ctx.schema_vars) | set(ctx.usages)
    return [
        _info(ctx, name)
        for name in sorted(names)
        if not is_runtime_variable(name) and printable_name(name)  # a non-name is not listed
    ]


def _info(ctx: Context, name: str) -> VariableInfo:
    schema_vars = [v for _, v in ctx.schema_vars.get(name, ())]
    entries = [e for _, e in ctx.example_entries.get(name, ())]
    mentions = ctx.doc_mentions.get(name, [])
    required: bool | None = None
    if schema_vars:
        required = any(v.required for v in schema_vars)
    else:
        said = [e.required for e in entries] + [m.required for m in mentions]
        required = next((s for s in said if s is not None), None)
    defaults = [describe_default(v.default) for v in schema_vars if v.default_known]
    descriptions = [safe_prose(v.description) for v in schema_vars]
    descriptions += [safe_prose(m.description) for m in mentions]
    descriptions += [safe_prose(e.description[-1]) for e in entries if e.description]
    secret = is_secret(name, entries, mentions)
    return VariableInfo(
        name=name,
        required=required,
        default=defaults[0] if defaults else None,
        targets=tuple(sorted({t for m in mentions for t in m.targets})),
        secret=secret,
        description=next((d for d in descriptions if d), None),
    )


def docs_table(project: Project) -> str:
    lines = [
        "| Variable | Required | Default | Targets | Secret | Description |",
        "|---|---|---|---|---|---|",
    ]
    for info in catalog(project):
        required = {True: "yes", False: "no", None: "?"}[info.required]
        default = f"`{md_cell(info.default)}`" if info.default is not None else "—"
        targets = ", ".join(info.targets) or "—"
        secret = "yes" if info.secret else "no"
        description = md_cell(info.description or "")
        lines.append(
            f"| `{info.name}` | {required} | {default} | {targets} | {secret} | {description} |"
        )
    return "\n".join(lines) + "\n"


__all__ = ["VariableInfo", "catalog", "docs_table", "safe_prose"]
