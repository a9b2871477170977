"""Variables used outside application code: GitHub Actions workflows, docker-compose files,
Dockerfiles and shell scripts. These are *weak* reads: a variable they use is never unused or
stale, but they never raise ``undeclared-usage`` on their own (``$HOME`` is not drift).
A Dockerfile's build stages are read too (instruction by instruction): the image each one
starts from tells whether a unit built from it runs the repo's code or another application.

YAML is read with PyYAML's composer, so every position comes from the parser.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import BuildStage, FileFacts, Location, ParseFailure, Usage
from ..paths import (
    is_compose,
    is_dockerfile,
    is_real_env_name,
    is_shell,
    is_workflow,
    maybe_script,
    node_shebang,
    shell_shebang,
)
from .base import Settings, Source, text_parser
from .deployfiles import templated
from .manifests import runs_turbo

if TYPE_CHECKING:
    import yaml

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_EXPRESSION = re.compile(r"\$\{\{\s*(?:secrets|vars|env)\.(" + _NAME + r")\s*\}\}")
# ``${X}``, ``${X:-default}``, ``$X``: only the name is matched (what follows it is not), so
# every match attempt is bounded by the length of a name: linear on any input.
_INTERPOLATION = re.compile(r"\$\{(" + _NAME + r")(?=[:?+\-}])|\$(" + _NAME + r")")
_SHELL_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)")
_ASSIGNMENT = re.compile(r"^(" + _NAME + r")(?:=|$)")


def _claims(rel: str, settings: Settings) -> bool:
    return (
        is_workflow(rel) or is_compose(rel) or is_dockerfile(rel) or is_shell(rel)
    ) or maybe_script(rel)


def _wanted(rel: str, data: bytes, settings: Settings) -> bool:
    """A file with no extension is read only when its shebang runs a shell, or Node.js (or
    another JavaScript runtime: read as a JavaScript file)."""
    return not maybe_script(rel) or shell_shebang(data) or node_shebang(data)


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    if maybe_script(path) and node_shebang(data):
        from .scripts import SOURCE as SCRIPTS

        return SCRIPTS.parse(path, data, settings)
    return _TEXT(path, data, settings)


_TURBO_RUN = re.compile(
    r"(?:^|[\s;&|(\"'])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+|bunx\s+)?turbo\s+(?:run\s+)?[a-z]"
)


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    facts = weak_facts(path, text, "infra")
    if is_dockerfile(path):
        return replace(facts, stages=build_stages(path, text))
    return facts


def weak_facts(
    path: str, text: str, source: str, documents: list[yaml.Node] | None = None
) -> FileFacts:
    """The weak reads of a workflow, compose file, Dockerfile or script, as that file's facts
    (also for the deploy-manifest sources that take compose files and workflows over: they pass
    the YAML ``documents`` they composed, so the file is composed once), and whether its
    commands run turbo tasks."""
    runs = runs_turbo(text)
    if "$" not in text and "env" not in text.lower():
        return FileFacts(path, source, runs_turbo=runs)
    try:
        usages = infra_reads(path, text, documents)
    except ValueError as exc:
        failures = () if templated(text) else (ParseFailure(Location(path, 1, 1), str(exc)),)
        return FileFacts(path, source, failures=failures, runs_turbo=runs)
    return FileFacts(path, source, usages=tuple(usages), runs_turbo=runs)


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(path, "infra")


def infra_reads(path: str, text: str, documents: list[yaml.Node] | None = None) -> list[Usage]:
    """Raises ValueError for YAML that cannot be parsed (the caller reports it)."""
    if is_workflow(path) or is_compose(path):
        if documents is None:
            from .yamlsafe import compose_all

            documents = compose_all(text, aliases=True)
        return sorted(set(_yaml_reads(path, text, documents)))
    if is_dockerfile(path):
        return sorted(set(_dockerfile_reads(path, text)))
    return sorted(set(_shell_reads(path, text)))


def _yaml_reads(path: str, text: str, documents: list[yaml.Node]) -> Iterator[Usage]:
    """Anchors and aliases are common in compose files: an aliased node is the anchored node
    itself, read once where it was written."""
    import yaml

    from .yamlsafe import nodes

    lines = LineIndex(text)
    declared: set[int] = set()
    for node in (n for root in documents for n in nodes(root)):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                is_env = isinstance(key, yaml.ScalarNode) and key.value in ("env", "environment")
                if is_env and id(value) not in declared:
                    declared.add(id(value))
                    yield from _declared(path, value)
        elif isinstance(node, yaml.ScalarNode) and "$" in str(node.value):
            yield from _references(path, text, node, lines)


def _declared(path: str, node: yaml.Node) -> Iterator[Usage]:
    """``env: {KEY: ...}`` / compose ``environment: [KEY=value, KEY]``."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and re.fullmatch(_NAME, str(key.value)):
                yield Usage(key.value, _mark(path, key), weak=True)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            hit = _ASSIGNMENT.match(str(getattr(item, "value", "")))
            if isinstance(item, yaml.ScalarNode) and hit:
                yield Usage(hit.group(1), _mark(path, item), weak=True)


def _mark(path: str, node: yaml.Node) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def _references(path: str, text: str, node: yaml.Node, lines: LineIndex) -> Iterator[Usage]:
    """``${{ secrets.X }}``, ``${X}``, ``${X:-d}``, ``$X``, located in the file itself."""
    start, end = node.start_mark.index, node.end_mark.index
    for pattern in (_EXPRESSION, _INTERPOLATION):
        for hit in pattern.finditer(text, start, end):
            name = next(g for g in hit.groups() if g)
            yield Usage(name, lines.location(path, hit.start()), weak=True)


class LineIndex:
    """Character index -> 1-based line and column, by binary search (not a scan per lookup)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(hit.end() for hit in re.finditer("\n", text))]

    def location(self, path: str, index: int) -> Location:
        line = bisect_right(self.starts, index) - 1
        return Location(path, line + 1, index - self.starts[line] + 1)


def _dockerfile_reads(path: str, text: str) -> Iterator[Usage]:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        instruction, _, rest = stripped.partition(" ")
        if instruction.upper() in ("ENV", "ARG"):
            offset = line.index(rest) if rest else 0
            for hit in re.finditer(r"(?:^|\s)(" + _NAME + r")(?==|\s|$)", rest):
                if instruction.upper() == "ARG" or "=" in rest or hit.start(1) == 0:
                    yield Usage(
                        hit.group(1), Location(path, number, offset + hit.start(1) + 1), weak=True
                    )
                    if "=" not in rest:
                        break
        for hit in _INTERPOLATION.finditer(line):
            yield Usage(
                next(g for g in hit.groups() if g),
                Location(path, number, hit.start() + 1),
                weak=True,
            )


@dataclass(frozen=True, slots=True)
class Instruction:
    """One Dockerfile instruction, its continuation lines joined."""

    line: int  # 1-based, where it starts
    keyword: str  # upper-cased: FROM, RUN, ...
    arguments: str


_DIRECTIVE = re.compile(r"#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$")
_HEREDOC = re.compile(r"(?:^|\s)<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?")


def _escape_of(lines: list[str]) -> str:
    """The escape character: ``\\``, or what an ``# escape=`` parser directive at the top of
    the file says (directives end at the first line that is not one)."""
    for line in lines:
        hit = _DIRECTIVE.match(line.strip())
        if hit is None:
            break
        if hit.group(1).lower() == "escape":
            return hit.group(2)
    return "\\"


def dockerfile_instructions(text: str) -> Iterator[Instruction]:
    """The instructions of a Dockerfile: a line ending in the escape character continues on
    the next one; comment and blank lines are dropped, also inside a continuation; the body
    of a heredoc (``RUN <<EOF`` ... ``EOF``) is not read as instructions."""
    lines = text.splitlines()
    escape = _escape_of(lines)
    parts: list[str] = []
    start = 0
    heredocs: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if heredocs:
            if line == heredocs[0]:
                heredocs.pop(0)
            continue
        if not line or line.startswith("#"):
            continue
        start = start if parts else number
        continued = line.endswith(escape)
        parts.append(line[: -len(escape)] if continued else line)
        if continued:
            continue
        instruction = _instruction(start, parts)
        parts = []
        yield instruction
        if instruction.keyword in ("RUN", "COPY", "ADD"):
            heredocs = _HEREDOC.findall(instruction.arguments)
    if parts:  # the file ends inside a continuation
        yield _instruction(start, parts)


def _instruction(line: int, parts: list[str]) -> Instruction:
    keyword, *arguments = " ".join(parts).split(None, 1)
    return Instruction(line, keyword.upper(), arguments[0].strip() if arguments else "")


def build_stages(path: str, text: str) -> tuple[BuildStage, ...]:
    """The stages of a Dockerfile, each with the image it starts from (an earlier stage named
    in ``FROM`` resolved to that stage's image)."""
    stages: list[BuildStage] = []
    named: dict[str, BuildStage] = {}
    for instruction in dockerfile_instructions(text):
        if instruction.keyword in ("COPY", "ADD") and stages:
            sources = _context_sources(instruction)
            copied = stages[-1].copied + tuple(s for s in sources if s not in stages[-1].copied)
            copies_env = stages[-1].copies_env or _copies_env(sources)
            stages[-1] = replace(stages[-1], copies_env=copies_env, copied=copied)
        if instruction.keyword != "FROM":
            continue
        words = [w for w in instruction.arguments.split() if not w.startswith("--")]
        if not words:
            continue
        name = words[2].lower() if len(words) > 2 and words[1].lower() == "as" else None
        earlier = named.get(words[0].lower())
        image = earlier.image if earlier is not None else image_repository(words[0])
        stage = BuildStage(Location(path, instruction.line, 1), name, image)
        stages.append(stage)
        if name is not None:
            named[name] = stage
    return tuple(stages)


def _context_sources(instruction: Instruction) -> list[str]:
    """The build-context paths a ``COPY`` / ``ADD`` takes (all words but the destination, in
    shell or JSON form), normalised; none for ``--from`` another stage or a URL."""
    words = instruction.arguments.split()
    if any(w.startswith("--from") for w in words):
        return []
    sources = [w.strip("\"',[]") for w in words if not w.startswith("--")][:-1]
    return [_normalised(s) for s in sources if s and "://" not in s]


def _normalised(source: str) -> str:
    parts = [p for p in source.split("/") if p not in ("", ".")]
    return "/".join(parts)


def _copies_env(sources: list[str]) -> bool:
    """``COPY .env .env`` / ``COPY .env.production* ./``: a real env file of the build context
    (not an example file) goes into the image."""
    return any(is_real_env_name(s.rsplit("/", 1)[-1].rstrip("*")) for s in sources)


def image_repository(reference: str) -> str | None:
    """``registry:5000/team/app:tag@sha256:...`` -> ``team/app``, lower-cased; Docker Hub's
    ``library/`` namespace dropped (``docker.io/library/node`` is ``node``). None when a
    variable names the repository (a variable in the tag alone leaves it known)."""
    parts = reference.split("@", 1)[0].lower().split("/")
    parts[-1] = parts[-1].split(":", 1)[0]  # the tag (a colon before a slash is a port)
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == "library":
        parts = parts[1:]
    repository = "/".join(parts)
    return None if "$" in repository or not repository else repository


def _shell_reads(path: str, text: str) -> Iterator[Usage]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("#"):
            continue
        for hit in _SHELL_REF.finditer(line):
            yield Usage(
                next(g for g in hit.groups() if g),
                Location(path, number, hit.start() + 1),
                weak=True,
            )


_TEXT = text_parser("infra", _read, report=False)

SOURCE = Source(
    "infra",
    _claims,
    _parse,
    prefilter=_wanted,
    strict=False,
    unreadable=_unreadable,
    words=lambda rel: None if maybe_script(rel) else "config",
)
