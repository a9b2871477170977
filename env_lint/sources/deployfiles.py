"""What every deploy-manifest source shares: YAML composed with positions (one function, so it
switches to the project's safe YAML helper in one line), node lookups, root-relative paths, and
which values may be kept to compare with schema defaults.

A manifest's values are kept only when they are literal and not secret-shaped, and only to be
compared; no message is ever built from them.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ..credentials import credential_kind
from ..model import FileFacts, Location, ManifestVar, ParseFailure, Unrecognized
from ..model.manifests import INTERPOLATED
from ..secrecy import secret_by_name

if TYPE_CHECKING:
    import yaml

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Compose interpolation: ``${X}``, ``${X:-d}``, ``${X-d}``, ``${X:?err}``, ``$X``.
_WHOLE = re.compile(
    r"^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$"
)


class AliasesRejected(ValueError):
    """A YAML document uses aliases (``*name``): not read, to stay linear on any input."""


@cache
def _loader() -> type[Any]:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise AliasesRejected("YAML aliases (`*name`)")
            return super().compose_node(parent, index)

    return NoAliasLoader


class InvalidYaml(ValueError):
    def __init__(self, problem: str, line: int) -> None:
        super().__init__(f"invalid YAML: {problem}")
        self.line = line  # 1-based


def compose_yaml(text: str) -> list[yaml.Node]:
    """Every document of ``text`` as a node tree with positions. Raises ``AliasesRejected`` for
    aliases and ``InvalidYaml`` (a ``ValueError``) for YAML that cannot be parsed."""
    import yaml

    try:
        return [node for node in yaml.compose_all(text, Loader=_loader()) if node is not None]
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        mark = getattr(exc, "problem_mark", None)
        raise InvalidYaml(problem, mark.line + 1 if mark is not None else 1) from None


def read_documents(
    path: str, text: str, source: str, *, report: bool = False
) -> list[yaml.Node] | FileFacts:
    """The documents, or the file's facts saying why there are none: aliases are an info; a
    syntax error is a parse error when ``report`` (a file that can only be a deploy manifest),
    else nothing."""
    try:
        return compose_yaml(text)
    except AliasesRejected as exc:
        reason = f"a deploy manifest with {exc}: its variables are not checked"
        note = Unrecognized(Location(path, 1, 1), reason)
        return FileFacts(path, source, unrecognized=(note,))
    except InvalidYaml as exc:
        failure = ParseFailure(Location(path, exc.line, 1), str(exc))
        return FileFacts(path, source, failures=(failure,) if report else ())
    except RecursionError:
        failure = ParseFailure(Location(path, 1, 1), "invalid YAML: nested too deeply")
        return FileFacts(path, source, failures=(failure,) if report else ())


def where(path: str, node: yaml.Node) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def pairs(node: yaml.Node | None) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """A mapping's (key text, key node, value node); [] for anything else."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return []
    return [(str(k.value), k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def child(node: yaml.Node | None, *keys: str) -> yaml.Node | None:
    """``node[k1][k2]...`` through mappings, or None."""
    for key in keys:
        node = next((v for text, _, v in pairs(node) if text == key), None)
        if node is None:
            return None
    return node


def items(node: yaml.Node | None) -> list[yaml.Node]:
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def scalar(node: yaml.Node | None) -> str | None:
    import yaml

    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def strings(node: yaml.Node | None) -> list[str]:
    """A scalar or a sequence of scalars, as strings."""
    one = scalar(node)
    if one is not None:
        return [one]
    return [s for s in (scalar(item) for item in items(node)) if s is not None]


def in_repo(base: str, relative: str) -> str | None:
    """``relative`` (from the directory ``base``) as a root-relative path; None when it leaves
    the repo or is absolute."""
    if relative.startswith("/") or "://" in relative:
        return None
    joined = posixpath.normpath(posixpath.join(base or ".", relative))
    if joined == ".":
        return ""
    return None if joined == ".." or joined.startswith("../") else joined


def kept_value(name: str, value: str) -> str | None:
    """The value, when it may be compared with a schema default: literal, not secret-shaped."""
    if "$" in value or secret_by_name(name):
        return None
    if credential_kind(value, secret_name=False) is not None:
        return None
    return value


def interpolated(name: str, value: str, at: Location) -> ManifestVar | None:
    """``KEY: ${X:-d}`` / ``${X}`` / ``$X``: provided from the shell or a ``.env`` file, with
    the literal default when there is one. None for anything else."""
    hit = _WHOLE.match(value.strip())
    if hit is None:
        return None
    operator, default = hit.group(2), hit.group(3)
    keep = kept_value(name, default) if operator in (":-", "-") and default else None
    return ManifestVar(name, at, INTERPOLATED, keep)


__all__ = [
    "NAME",
    "AliasesRejected",
    "child",
    "compose_yaml",
    "in_repo",
    "interpolated",
    "items",
    "kept_value",
    "pairs",
    "read_documents",
    "scalar",
    "strings",
    "where",
]
