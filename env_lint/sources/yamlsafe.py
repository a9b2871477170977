"""YAML for every source that reads it: PyYAML's composer (libyaml's C parser when present),
node trees with positions, never constructed into Python objects.

Bounded by construction: nesting deeper than ``MAX_DEPTH`` is refused before composing (the
composer recurses), and aliases (``*name``) are refused unless the caller asks for them; a
caller that allows them gets shared nodes (an alias is the anchored node itself, never a copy)
and walks them with ``nodes()``, which visits every node once, so a self-referencing anchor or
an alias bomb costs no more than the text that wrote it.

API: ``compose(text)`` / ``compose_all(text)`` return nodes with ``start_mark`` / ``end_mark``
(0-based line, column and character index) or raise ``ValueError`` with a message that names the
problem and its line and never quotes the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 100
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def _loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str, *, aliases: bool = False) -> yaml.Node | None:
    """The node tree of a single-document stream (None when empty)."""
    found = compose_all(text, aliases=aliases)
    if len(found) > 1:
        raise ValueError("invalid YAML: expected a single document, found several")
    return found[0] if found else None


def compose_all(text: str, *, aliases: bool = False) -> list[yaml.Node]:
    """The node tree of every document of the stream."""
    import yaml

    loader = _loader()
    try:
        _check_events(yaml.parse(text, Loader=loader), aliases)
        return [node for node in yaml.compose_all(text, Loader=loader) if node is not None]
    except yaml.YAMLError as exc:
        raise ValueError(_describe(exc)) from None
    except (RecursionError, MemoryError):
        raise ValueError("invalid YAML: nested too deeply") from None


def _check_events(events: Iterator[Any], aliases: bool) -> None:
    """One streaming pass over the parser's events (no recursion): depth and aliases."""
    import yaml

    depth = 0
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line = _line(event)
                raise ValueError(f"YAML nested more than {MAX_DEPTH} levels deep (line {line})")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent) and not aliases:
            line = _line(event)
            raise ValueError(f"YAML aliases (*name) are not supported here (line {line})")


def _line(event: Any) -> int:
    return int(getattr(event.start_mark, "line", 0)) + 1


def _describe(exc: Exception) -> str:
    problem = getattr(exc, "problem", None) or "cannot be parsed"
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1})" if mark is not None else ""
    return f"invalid YAML: {_QUOTED.sub(_elide, str(problem))}{where}"


def _elide(hit: re.Match[str]) -> str:
    """A quoted token of the file is dropped (it may be a value); quoted punctuation such as
    ``','`` in "expected ',' or ']'" is kept."""
    inner = hit.group(1) if hit.group(1) is not None else hit.group(2)
    return hit.group(0) if not any(c.isalnum() for c in inner) else "…"


def nodes(root: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node reachable from ``root``, each once (shared and cyclic nodes included), in
    document order."""
    import yaml

    if root is None:
        return
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in reversed(node.value) for item in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
