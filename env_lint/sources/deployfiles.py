"""What every deploy-manifest source shares: YAML composed with positions (the project's safe
YAML helper, ``yamlsafe.py``), node lookups (merge keys included), root-relative paths, and
which values may be kept to compare with schema defaults.

A manifest's values are kept only when they are literal and not secret-shaped, and only to be
compared; no message is ever built from them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..credentials import credential_kind
from ..model import FileFacts, Location, ManifestVar, ParseFailure
from ..model.manifests import INTERPOLATED
from ..secrecy import secret_by_name
from .base import Settings, Source, text_parser

if TYPE_CHECKING:
    import yaml

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Compose interpolation: ``${X}``, ``${X:-d}``, ``${X-d}``, ``${X:?err}``, ``$X``.
_WHOLE = re.compile(
    r"^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$"
)


_LINE = re.compile(r"\(line (\d+)\)")


def compose_yaml(text: str) -> list[yaml.Node]:
    """Every document of ``text`` as a node tree with positions, through the safe YAML helper:
    anchors and aliases are allowed (compose files use them for shared settings) and stay
    shared nodes, and no lookup here walks a tree recursively, so an alias loop or bomb costs
    no more than its text. Raises ``ValueError`` for YAML that cannot be parsed."""
    from .yamlsafe import compose_all

    return compose_all(text, aliases=True)


def read_documents(
    path: str, text: str, source: str, *, report: bool = False
) -> list[yaml.Node] | FileFacts:
    """The documents, or the file's facts saying why there are none: a syntax error is a parse
    error when ``report`` (a file that can only be a deploy manifest), else nothing."""
    try:
        return compose_yaml(text)
    except ValueError as exc:
        hit = _LINE.search(str(exc))
        failure = ParseFailure(Location(path, int(hit.group(1)) if hit else 1, 1), str(exc))
        report = report and not templated(text)
        return FileFacts(path, source, failures=(failure,) if report else ())


# ``{{project_name}}``, ``{% if %}``: not GitHub's ``${{ secrets.X }}``
_TEMPLATE_TAG = re.compile(r"(?<!\$)\{\{[^{}\n]*\}\}|\{%[^%\n]*%\}")


def templated(text: str) -> bool:
    """A project template's file (``name: {{project_name}}_data``): YAML only once a generator
    renders it, so what it cannot parse as it stands is no error."""
    return bool(_TEMPLATE_TAG.search(text))


def where(path: str, node: yaml.Node) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def pairs(node: yaml.Node | None) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """A mapping's (key text, key node, value node), with what ``<<: *base`` merges in (its own
    keys win); [] for anything else."""
    import yaml

    found: dict[str, tuple[str, yaml.Node, yaml.Node]] = {}
    merged: list[tuple[str, yaml.Node, yaml.Node]] = []
    seen: set[int] = set()
    todo = [node]
    while todo:
        current = todo.pop(0)
        if not isinstance(current, yaml.MappingNode) or id(current) in seen:
            continue
        seen.add(id(current))
        for key, value in current.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.tag == "tag:yaml.org,2002:merge" or key.value == "<<":
                todo.extend(value.value if isinstance(value, yaml.SequenceNode) else [value])
            elif current is node:
                found.setdefault(str(key.value), (str(key.value), key, value))
            else:
                merged.append((str(key.value), key, value))
    for item in merged:
        found.setdefault(item[0], item)
    return list(found.values())


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


def deploy_source(
    name: str,
    claims: Callable[[str, Settings], bool],
    read: Callable[[str, str, Settings], FileFacts],
    **options: Any,
) -> Source:
    """The declaration every deploy-manifest source shares: text read without reporting an
    undecodable file (the platform's own tools do), never strict, a deploy kind the config may
    call complete, its names counted as config."""
    return Source(
        name,
        claims,
        text_parser(name, read, report=False),
        strict=False,
        deploys=True,
        words="config",
        **options,
    )
