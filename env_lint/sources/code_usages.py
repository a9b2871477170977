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
            yield Usage(src.text(prop), src.location(prop))
    elif kind == "subscript_expression" and is_process_env(src, node.child_by_field_name("object")):
        index = node.child_by_field_name("index")
        name = string_value(src, index)
        if name is not None and index is not None:
            yield Usage(name, src.location(unwrap(index) or index))
    elif kind == "variable_declarator" and is_process_env(src, node.child_by_field_name("value")):
        pattern = node.child_by_field_name("name")
        if pattern is not None and pattern.type == "object_pattern":
            yield from _pattern_names(src, pattern)


def _pattern_names(src: Source, pattern: Node) -> Iterator[Usage]:
    for child in pattern.named_children:
        key: Node | None = None
        if child.type == "shorthand_property_identifier_pattern":
            key = child
        elif child.type == "pair_pattern":
            key = child.child_by_field_name("key")
        elif child.type == "object_assignment_pattern":
            key = child.child_by_field_name("left")
        name = property_key(src, key) if key is not None else None
        if name is not None and key is not None:
            yield Usage(name, src.location(key))
