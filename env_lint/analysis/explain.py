"""``env-lint explain VAR``: everything the sources say about one variable, with where they
say it, and the findings about it.

Lines of facts only: never a value from an example file, an env file, the docs or a manifest;
schema defaults only as ``describe_default`` shows them (a credential-shaped default has already
been hidden when the project was built).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..known_vars import is_runtime_variable
from ..model import Finding, Location, Project, SchemaVar, Usage
from ..paths import is_source_path
from ..platforms import PLATFORMS
from ..values import describe_default
from .context import Context
from .providers import provided_by


@dataclass(frozen=True, slots=True)
class Fact:
    location: Location | None  # None: not tied to a line (a platform, a library)
    text: str


@dataclass(frozen=True, slots=True)
class Explanation:
    name: str
    sections: tuple[tuple[str, tuple[Fact, ...]], ...]  # (title, facts), only non-empty ones
    findings: tuple[Finding, ...]

    @property
    def known(self) -> bool:
        """Something in the repo names it (platform knowledge alone does not count)."""
        facts = (f for _, group in self.sections for f in group)
        return bool(self.findings) or any(f.location is not None for f in facts)


def explain(project: Project, findings: list[Finding], name: str) -> Explanation:
    ctx = Context(project)
    sections = [
        ("example files", _examples(ctx, name)),
        ("schemas", [_schema(s.path, s.kind, v) for s, v in ctx.schema_vars.get(name, ())]),
        ("docs", _docs(ctx, name)),
        ("code", [_read(u) for u in ctx.usages.get(name, ())]),
        ("deploy targets", _targets(project, name)),
        ("set outside the repo", _outside(ctx, name)),
    ]
    mine = tuple(f for f in findings if f.variable == name)
    return Explanation(name, tuple((t, tuple(f)) for t, f in sections if f), mine)


def _examples(ctx: Context, name: str) -> list[Fact]:
    facts = []
    for example, entry in ctx.example_entries.get(name, ()):
        said = {True: ", marked required", False: ", marked optional", None: ""}[entry.required]
        how = "listed commented out" if entry.disabled else "listed"
        secret = ", secret" if entry.secret else ""
        facts.append(Fact(entry.location, f"{how} in `{example.path}`{said}{secret}"))
    return facts


def _schema(path: str, kind: str, var: SchemaVar) -> Fact:
    if not var.known:
        how = "declared in a way env-lint cannot read fully"
    elif var.conditional:
        how = "required in some configurations only"
    elif var.required:
        how = "required, no default"
    elif var.has_default and var.default_known:
        how = f"optional, default {describe_default(var.default)}"
    elif var.has_default:
        how = "optional, with a default"
    else:
        how = "optional"
    renamed = f" (schema key `{var.key}`)" if var.key and var.key != var.name else ""
    return Fact(var.location, f"{kind} schema in `{path}`: {how}{renamed}")


def _docs(ctx: Context, name: str) -> list[Fact]:
    facts = []
    for mention in sorted(ctx.doc_mentions.get(name, ()), key=lambda m: m.location):
        what = f"described ({mention.kind})" if mention.primary else f"mentioned ({mention.kind})"
        said = {True: ", required", False: ", optional", None: ""}[mention.required]
        secret = ", secret" if mention.secret else ""
        targets = f", targets: {', '.join(mention.targets)}" if mention.targets else ""
        facts.append(Fact(mention.location, f"{what}{said}{secret}{targets}"))
    return facts


def _read(usage: Usage) -> Fact:
    if usage.weak and is_source_path(usage.location.path):
        how = "read through an imported environment a call wraps (kept in use, never required)"
    elif usage.weak:
        how = "used by a workflow, compose file, Dockerfile or script"
    elif usage.defaulted:
        how = "read with a fallback"
    elif usage.guarded:
        how = "read after a check (the code copes when it is unset)"
    elif usage.emptied:
        how = "read with an empty fallback"
    elif usage.passed:
        how = "read and handed on (the receiver decides)"
    else:
        how = "read with no fallback: the code needs it"
    return Fact(usage.location, how)


def _targets(project: Project, name: str) -> list[Fact]:
    facts = []
    for item in provided_by(project, name):
        runs = f" (runs {', '.join(item.services)})" if item.services else ""
        where = Location(item.path, item.line, item.column)
        facts.append(Fact(where, f"{item.target} provides it: {item.how}{runs}"))
    return facts


def _outside(ctx: Context, name: str) -> list[Fact]:
    facts = []
    if is_runtime_variable(name):
        facts.append(Fact(None, "a runtime or platform variable: set for every run"))
    platforms = sorted(p for p, spec in PLATFORMS.items() if spec.sets(name, plugins=True))
    if platforms and not is_runtime_variable(name):
        facts.append(Fact(None, f"set by the platform when attached: {', '.join(platforms)}"))
    for item in ctx.implicit_items(name):
        where = Location(item.manifest, 1, 1) if item.manifest else None
        facts.append(Fact(where, f"read by `{item.library}` itself"))
    if name in ctx.provided:
        facts.append(Fact(None, "set for the code by a build config (next.config env, define)"))
    if name in ctx.project.written:
        facts.append(
            Fact(None, "given a value by the application's own code (`process.env.X = ...`)")
        )
    if ctx.read_dynamically(name):
        facts.append(Fact(None, "matches a name the code builds at run time"))
    return facts
