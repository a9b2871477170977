"""tree-sitter plumbing shared by the TS/JS extractors (imported only when a run needs it)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate
from typing import Any

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

from ..model import Location

TS_SUFFIXES = (".ts", ".mts", ".cts")
JS_SUFFIXES = (".tsx", ".js", ".jsx", ".mjs", ".cjs")
SOURCE_SUFFIXES = TS_SUFFIXES + JS_SUFFIXES


@cache
def language(tsx: bool) -> Language:
    raw = (
        tree_sitter_typescript.language_tsx()
        if tsx
        else tree_sitter_typescript.language_typescript()
    )
    return Language(raw)


@cache
def _parser(tsx: bool) -> Parser:
    return Parser(language(tsx))


@cache
def query(tsx: bool, source: str) -> Query:
    """A compiled tree-sitter query (matched in C, not by walking nodes in Python)."""
    compiled: Query = Query(language(tsx), source)
    return compiled


def is_tsx(path: str) -> bool:
    """TypeScript grammar for .ts/.mts/.cts; TSX (a superset of JS + JSX) for the rest."""
    return not path.endswith(TS_SUFFIXES)


def parse(path: str, data: bytes) -> Tree:
    return _parser(is_tsx(path)).parse(data)


class Script:
    """A parsed JS/TS file: node text and 1-based character positions."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.tree = parse(path, data)
        self._line_starts: list[int] | None = None
        self._char_columns: dict[int, tuple[int, ...]] = {}
        self._parents: dict[int, Node] | None = None
        self._spans: dict[tuple[int, int], list[Node]] | None = None
        self.flags: frozenset[str] | None = None  # locals bound to a read (code_usages)
        self.objects: dict[int, frozenset[str]] | None = None  # checked keys, per object
        self.returned: dict[int, bool] = {}  # whether a function returns the object, per object

    def index(self) -> None:
        """Every node's parent and span, from one cursor walk, for a file with many reads:
        ``Node.parent`` and ``descendant_for_byte_range`` each cost the tree's depth, so reads
        nested thousands deep (a 20k-link ``??`` chain) would take quadratic time."""
        parents: dict[int, Node] = {}
        spans: dict[tuple[int, int], list[Node]] = {}
        cursor = self.tree.walk()
        stack: list[Node] = []
        while True:
            node = cursor.node
            if node is None:
                break
            if stack:
                parents[node.id] = stack[-1]
            if node.is_named:
                spans.setdefault((node.start_byte, node.end_byte), []).append(node)
            if cursor.goto_first_child():
                stack.append(node)
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    self._parents, self._spans = parents, spans
                    return
                stack.pop()
        self._parents, self._spans = parents, spans

    def parent_of(self, node: Node) -> Node | None:
        if self._parents is None:
            return node.parent
        return self._parents.get(node.id)

    def spanning(self, start: int, end: int, kinds: tuple[str, ...]) -> Node | None:
        """The innermost named node of one of ``kinds`` that spans exactly [start, end)."""
        if self._spans is not None:
            found = [n for n in self._spans.get((start, end), ()) if n.type in kinds]
            return found[-1] if found else None
        node = self.tree.root_node.descendant_for_byte_range(start, end)
        while node is not None and node.start_byte >= start and node.end_byte <= end:
            if node.type in kinds and node.start_byte == start and node.end_byte == end:
                return node
            node = node.parent
        return None

    def text(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def matches(self, source: str) -> list[tuple[int, dict[str, list[Node]]]]:
        """The matches of a query over the whole tree, in document order."""
        found = QueryCursor(query(is_tsx(self.path), source)).matches(self.tree.root_node)
        return sorted(found, key=lambda m: min(n.start_byte for ns in m[1].values() for n in ns))

    def location(self, node: Node) -> Location:
        return self._point(*node.start_point)

    def end_location(self, node: Node) -> Location:
        """Where a node ends: the column just past its last character."""
        return self._point(*node.end_point)

    def _point(self, row: int, byte_col: int) -> Location:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer(b"\n", self.data))]
        start = self._line_starts[row] if row < len(self._line_starts) else 0
        return Location(self.path, row + 1, self._column(row, start, byte_col))

    def _column(self, row: int, start: int, byte_col: int) -> int:
        """1-based character column; a line is decoded at most once (a minified one-line
        file with thousands of reads must not decode its prefix per read)."""
        offsets = self._char_columns.get(row)
        if offsets is None:
            end = self.data.find(b"\n", start)
            line = self.data[start : end if end >= 0 else len(self.data)]
            if line.isascii():
                offsets = ()
            else:  # byte offset -> character count, for the lead byte of every character
                offsets = tuple(
                    accumulate((1 if (b & 0xC0) != 0x80 else 0 for b in line), initial=0)
                )
            self._char_columns[row] = offsets
        if not offsets:
            return byte_col + 1
        return offsets[min(byte_col, len(offsets) - 1)] + 1

    def walk(self) -> Iterator[Node]:
        """Every named node in document order, with a tree cursor (no recursion, no lists)."""
        cursor = self.tree.walk()
        while True:
            node = cursor.node
            if node is not None and node.is_named:
                yield node
            if cursor.goto_first_child():
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return

    def first_error(self) -> Node | None:
        """The first ``ERROR`` or missing node in the file, found by following the children
        that hold an error (a missing ``)`` is an anonymous node, which ``walk`` skips)."""
        node = self.tree.root_node
        if not node.has_error:
            return None
        while node.type != "ERROR" and not node.is_missing:
            child = next((c for c in node.children if c.has_error or c.is_missing), None)
            if child is None:
                break
            node = child
        return node


def unwrap(node: Node | None) -> Node | None:
    """Strip parentheses, ``as`` casts, ``satisfies`` and non-null assertions."""
    while node is not None and node.type in (
        "parenthesized_expression",
        "as_expression",
        "satisfies_expression",
        "non_null_expression",
        "type_assertion",
    ):
        node = node.named_children[0] if node.named_children else None
    return node


def string_value(src: Script, node: Node | None) -> str | None:
    """The value of a string literal or a template string without substitutions."""
    node = unwrap(node)
    if node is None:
        return None
    if node.type == "string":
        raw = src.text(node)
        try:
            value = ast.literal_eval(raw) if raw[:1] in "'\"" else None
        except (ValueError, SyntaxError):
            value = raw[1:-1]
        return value if isinstance(value, str) else None
    if node.type == "template_string":
        if any(c.type == "template_substitution" for c in node.named_children):
            return None
        return src.text(node)[1:-1]
    return None


def property_key(src: Script, node: Node | None) -> str | None:
    """The static name of an object key: ``A``, ``"A"``, ``['A']``."""
    if node is None:
        return None
    if node.type in (
        "property_identifier",
        "shorthand_property_identifier",
        "shorthand_property_identifier_pattern",
        "identifier",
    ):
        return src.text(node)
    if node.type == "computed_property_name" and node.named_children:
        return string_value(src, node.named_children[0])
    return string_value(src, node)


def is_env_object(src: Script, node: Node | None) -> bool:
    """``process.env``, ``import.meta.env``, ``Bun.env``."""
    node = unwrap(node)
    if node is None or node.type != "member_expression":
        return False
    obj = node.child_by_field_name("object")
    prop = node.child_by_field_name("property")
    if obj is None or prop is None or src.text(prop) != "env":
        return False
    if obj.type == "meta_property":
        return src.text(obj) == "import.meta"
    return obj.type == "identifier" and src.text(obj) in ("process", "Bun")


def is_process_env(src: Script, node: Node | None) -> bool:
    """``process.env`` (also ``process?.env``, ``(process.env as X)``)."""
    node = unwrap(node)
    if node is None or node.type != "member_expression":
        return False
    obj = node.child_by_field_name("object")
    prop = node.child_by_field_name("property")
    return (
        obj is not None
        and prop is not None
        and obj.type == "identifier"
        and src.text(obj) == "process"
        and src.text(prop) == "env"
    )


def _arithmetic(op: str, left: float, right: float) -> float | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op in ("/", "%") and right == 0:
        return None
    if op == "/":
        return left / right
    if op == "%":
        return left % right
    if op == "**" and abs(right) < 64:
        result: float = left**right
        return result
    return None


def literal(src: Script, node: Node | None, depth: int = 0) -> tuple[bool, Any]:
    """Evaluate a literal expression exactly: (known, value). Numbers, strings, booleans, null,
    unary minus and arithmetic over numbers (``60 * 1000``, ``524_288``)."""
    node = unwrap(node)
    if node is None or depth > 32:
        return False, None
    kind = node.type
    if kind in ("string", "template_string"):
        value = string_value(src, node)
        return value is not None, value
    if kind == "number":
        return _number(src.text(node))
    if kind in ("true", "false"):
        return True, kind == "true"
    if kind == "null":
        return True, None
    if kind == "unary_expression":
        operator = node.child_by_field_name("operator")
        known, value = literal(src, node.child_by_field_name("argument"), depth + 1)
        if known and operator is not None and isinstance(value, (int, float)):
            op = src.text(operator)
            if op == "-":
                return True, -value
            if op == "+":
                return True, value
        return False, None
    if kind == "binary_expression":
        return _binary(src, node, depth)
    return False, None


def _binary(src: Script, node: Node, depth: int) -> tuple[bool, Any]:
    operator = node.child_by_field_name("operator")
    left_known, left = literal(src, node.child_by_field_name("left"), depth + 1)
    right_known, right = literal(src, node.child_by_field_name("right"), depth + 1)
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
    if operator is None or not (left_known and right_known and numbers):
        return False, None
    op = src.text(operator)
    value = _arithmetic(op, left, right)
    if isinstance(value, float) and value.is_integer() and op != "/":
        value = int(value)
    return value is not None, value


def _number(raw: str) -> tuple[bool, Any]:
    text = raw.replace("_", "").lower()
    try:
        if text.startswith(("0x", "0o", "0b")):
            return True, int(text, 0)
        if text.endswith("n"):
            return True, int(text[:-1])
        if any(c in text for c in ".e"):
            return True, float(text)
        return True, int(text)
    except ValueError:
        return False, None
