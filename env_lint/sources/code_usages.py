"""Reads of environment variables in JS/TS code, found in the tree-sitter syntax tree."""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from ..model import Usage
from .typescript import Source, is_process_env, property_key, string_value, unwrap


def extract_usages(src: Source) -> list[Usage]:
    """``process.env.X``, ``process.env["X"]``, ``const { X, Y: y = d } = process.env``."""
    found: list[Usage] = []
    for node in src.walk():
        found.extend(_usages_at(src, node))
    return sorted(set(found))


def _usages_at(src: Source, node: Node) -> Iterator[Usage]:
    kind = node.type
    if kind == "member_expression" and is_process_env(src, node.child_by_field_name("object")):
        prop = node.child_by_field_name("property")
        if prop is not None and prop.type == "property_identifier":
            yield Usage(src.text(prop), src.location(prop), _has_fallback(node))
    elif kind == "subscript_expression" and is_process_env(src, node.child_by_field_name("object")):
        index = node.child_by_field_name("index")
        name = string_value(src, index)
        if name is not None and index is not None:
            yield Usage(name, src.location(unwrap(index) or index), _has_fallback(node))
    elif kind == "variable_declarator" and is_process_env(src, node.child_by_field_name("value")):
        pattern = node.child_by_field_name("name")
        if pattern is not None and pattern.type == "object_pattern":
            yield from _pattern_names(src, pattern)


def _pattern_names(src: Source, pattern: Node) -> Iterator[Usage]:
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


def _has_fallback(read: Node) -> bool:
    """``process.env.X ?? "d"`` / ``|| "d"`` (also through ``!``, parentheses or a cast)."""
    node = read
    parent = node.parent
    while parent is not None and parent.type in (
        "parenthesized_expression",
        "as_expression",
        "non_null_expression",
        "satisfies_expression",
    ):
        node, parent = parent, parent.parent
    if parent is None or parent.type != "binary_expression":
        return False
    operator = parent.child_by_field_name("operator")
    left = parent.child_by_field_name("left")
    right = unwrap(parent.child_by_field_name("right"))
    return (
        operator is not None
        and operator.type in _FALLBACK_OPERATORS
        and left is not None
        and left.id == node.id
        and not _empty(right)
    )


def _empty(node: Node | None) -> bool:
    """``""``, ``null``, ``undefined``: a fallback that only silences the type checker."""
    if node is None:
        return True
    if node.type in ("null", "undefined") or (
        node.type == "identifier" and node.text == b"undefined"
    ):
        return True
    return node.type in ("string", "template_string") and len(node.text or b"") <= 2
