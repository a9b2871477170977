"""Reads of environment variables in JS/TS code, found in the tree-sitter syntax tree.

``process.env.X``, ``process.env["X"]``, ``import.meta.env.X``, ``Bun.env.X``,
``Deno.env.get("X")``, destructuring (``const { X, Y: y = d } = process.env``), configured
accessor functions (``env("X")``, ``configService.get("X")``), and dynamic names
(``process.env[`BUCKET_${s}`]``), kept as a static prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

from ..model import DynamicRead, Usage
from .typescript import Script, is_env_object, property_key, string_value, unwrap

BUILTIN_ACCESSORS = ("Deno.env.get",)


@dataclass
class CodeReads:
    usages: list[Usage] = field(default_factory=list)
    dynamic: list[DynamicRead] = field(default_factory=list)


def extract_usages(src: Script, accessors: tuple[str, ...] = ()) -> list[Usage]:
    return extract_reads(src, accessors).usages


def extract_reads(src: Script, accessors: tuple[str, ...] = ()) -> CodeReads:
    reads = CodeReads()
    calls = frozenset((*BUILTIN_ACCESSORS, *accessors))
    fallbacks: set[int] = set()  # left operands of ``??`` / ``||`` with a real fallback
    for node in src.walk():  # document order: an operator is seen before its operands
        if node.type == "binary_expression":
            _mark_fallback(node, fallbacks)
        for item in _reads_at(src, node, calls, fallbacks):
            if isinstance(item, DynamicRead):
                reads.dynamic.append(item)
            else:
                reads.usages.append(item)
    reads.usages = sorted(set(reads.usages))
    reads.dynamic = sorted(set(reads.dynamic))
    return reads


def _reads_at(
    src: Script, node: Node, calls: frozenset[str], fallbacks: set[int]
) -> Iterator[Usage | DynamicRead]:
    kind = node.type
    if kind == "member_expression" and is_env_object(src, node.child_by_field_name("object")):
        prop = node.child_by_field_name("property")
        if prop is not None and prop.type == "property_identifier":
            yield Usage(src.text(prop), src.location(prop), node.id in fallbacks)
    elif kind == "subscript_expression" and is_env_object(src, node.child_by_field_name("object")):
        yield from _subscript(src, node, fallbacks)
    elif kind == "variable_declarator" and is_env_object(src, node.child_by_field_name("value")):
        pattern = node.child_by_field_name("name")
        if pattern is not None and pattern.type == "object_pattern":
            yield from _pattern_names(src, pattern)
    elif kind == "call_expression" and calls:
        function = node.child_by_field_name("function")
        if function is not None and "".join(src.text(function).split()) in calls:
            yield from _accessor(src, node, fallbacks)


def _subscript(src: Script, node: Node, fallbacks: set[int]) -> Iterator[Usage | DynamicRead]:
    index = unwrap(node.child_by_field_name("index"))
    if index is None:
        return
    name = string_value(src, index)
    if name is not None:
        yield Usage(name, src.location(index), node.id in fallbacks)
    else:
        yield DynamicRead(_static_prefix(src, index), src.location(index))


def _accessor(src: Script, call: Node, fallbacks: set[int]) -> Iterator[Usage | DynamicRead]:
    arguments = call.child_by_field_name("arguments")
    first = unwrap(arguments.named_children[0]) if arguments and arguments.named_children else None
    if first is None:
        return
    name = string_value(src, first)
    if name is not None:
        defaulted = arguments is not None and len(arguments.named_children) > 1
        yield Usage(name, src.location(first), defaulted or call.id in fallbacks)
    else:
        yield DynamicRead(_static_prefix(src, first), src.location(first))


def _static_prefix(src: Script, node: Node) -> str:
    """``BUCKET_`` of ```BUCKET_${x}``` or ``"BUCKET_" + x``; "" when nothing is static."""
    if node.type == "template_string" and node.named_children:
        first = node.named_children[0]
        return src.text(first) if first.type == "string_fragment" else ""
    if node.type == "binary_expression":
        left = unwrap(node.child_by_field_name("left"))
        if left is not None:
            text = string_value(src, left)
            return text if text is not None else _static_prefix(src, left)
    return ""


def _pattern_names(src: Script, pattern: Node) -> Iterator[Usage]:
    for child in pattern.named_children:
        key: Node | None = None
        defaulted = False
        if child.type == "shorthand_property_identifier_pattern":
            key = child
        elif child.type == "pair_pattern":
            key = child.child_by_field_name("key")
            value = child.child_by_field_name("value")
            defaulted = value is not None and value.type == "assignment_pattern"
        elif child.type == "object_assignment_pattern":
            key = child.child_by_field_name("left")
            defaulted = True
        name = property_key(src, key) if key is not None else None
        if name is not None and key is not None:
            yield Usage(name, src.location(key), defaulted)


_FALLBACK_OPERATORS = ("??", "||")
_WRAPPERS = (
    "parenthesized_expression",
    "as_expression",
    "non_null_expression",
    "satisfies_expression",
)


def _mark_fallback(binary: Node, fallbacks: set[int]) -> None:
    """``process.env.X ?? "d"`` / ``|| "d"`` (also through ``!``, parentheses or a cast): the
    left operand, and what the wrappers wrap, read with a fallback. Marked from the operator
    down, so no read ever walks up its ancestors (``Node.parent`` costs the tree's depth)."""
    operator = binary.child_by_field_name("operator")
    if operator is None or operator.type not in _FALLBACK_OPERATORS:
        return
    if _empty(unwrap(binary.child_by_field_name("right"))):
        return
    node = binary.child_by_field_name("left")
    while node is not None:
        fallbacks.add(node.id)
        if node.type not in _WRAPPERS or not node.named_children:
            break
        node = node.named_children[0]


def _empty(node: Node | None) -> bool:
    """``""``, ``null``, ``undefined``: a fallback that only silences the type checker."""
    if node is None:
        return True
    if node.type in ("null", "undefined") or (
        node.type == "identifier" and node.text == b"undefined"
    ):
        return True
    return node.type in ("string", "template_string") and len(node.text or b"") <= 2
