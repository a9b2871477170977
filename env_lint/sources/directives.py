"""Inline suppressions, each in its file type's own comment syntax.

- example files, TOML, shell-like files: ``# env-lint: ignore[rule-or-code, ...]``
- Python: the same ``#`` comment, found with the ``tokenize`` module
- TS/JS: ``// env-lint: ignore[...]`` or ``/* env-lint: ignore[...] */`` (tree-sitter comments)
- Markdown/MDX: ``<!-- env-lint: ignore[...] -->`` (markdown-it HTML tokens)

A comment at the end of a line covers that line; a comment on a line of its own covers the next
line that is not blank and not another comment. ``ignore-file[...]`` anywhere covers the whole
file. Without ``[...]`` every rule is covered.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Directive, Location

MARKER = "env-lint:"  # an inline suppression
MARKER_BYTES = MARKER.encode()

if TYPE_CHECKING:
    from markdown_it.token import Token

    from .typescript import Script
# the rule list is bounded, so an unclosed ``[`` is not scanned to the end of a long comment
_DIRECTIVE = re.compile(r"env-lint:[ \t]{0,16}(ignore-file|ignore)\b(?:\[([^\]\n]{0,200})\])?")


@dataclass(frozen=True, slots=True)
class _Comment:
    line: int  # 1-based
    column: int  # 1-based, of the comment's text
    text: str
    standalone: bool


def directives_in(path: str, text: str, script: Script | None = None) -> tuple[Directive, ...]:
    """Every suppression comment of one file (``text`` with ``\n`` newlines). A JS/TS file's
    comments come from its syntax tree (``script``, parsed here when not given)."""
    if MARKER not in text:
        return ()
    lines = text.split("\n")
    comments, marker = _comments(path, text, script)
    found: list[Directive] = []
    following: list[int] | None = None
    for comment in comments:
        for hit in _DIRECTIVE.finditer(comment.text):
            rules = tuple(r.strip() for r in (hit.group(2) or "").split(",") if r.strip())
            location = Location(path, comment.line, comment.column + hit.start())
            if hit.group(1) == "ignore-file":
                target = None
            elif comment.standalone:
                if following is None:
                    following = _next_code_lines(lines, marker)
                index = comment.line - 1
                target = following[index] if 0 <= index < len(following) else comment.line + 1
            else:
                target = comment.line
            found.append(Directive(location, rules, target))
    return tuple(found)


def _comments(
    path: str, text: str, script: Script | None
) -> tuple[list[_Comment], tuple[str, ...]]:
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith((".md", ".mdx", ".markdown")):
        return list(_markdown_comments(text)), ("<!--",)
    if name.endswith((".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")):
        return list(_script_comments(path, text, script)), ("//", "/*", "*")
    if name.endswith(".py"):
        return list(_python_comments(text)), ("#",)
    return list(_hash_comments(text)), ("#",)


def _next_code_lines(lines: list[str], markers: tuple[str, ...]) -> list[int]:
    """For each 0-based line index, the 1-based number of the first later line that is not
    blank and not a comment (the next line when there is none), computed once backwards: a run
    of thousands of comment lines is not scanned once per comment."""
    found = [0] * len(lines)
    following: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        found[index] = following if following is not None else index + 2
        stripped = lines[index].strip()
        if stripped and not stripped.startswith(markers):
            following = index + 1
    return found


def _hash_comments(text: str) -> Iterator[_Comment]:
    """``#`` comments of dotenv and TOML lines: whole-line, or after an unquoted value."""
    for number, line in enumerate(text.split("\n"), start=1):
        if MARKER not in line:
            continue
        stripped = line.lstrip()
        if stripped.startswith("#"):
            yield _Comment(number, len(line) - len(stripped) + 1, stripped, True)
            continue
        start = _trailing_hash(line)
        if start is not None:
            yield _Comment(number, start + 1, line[start:], False)


def _trailing_hash(line: str) -> int | None:
    quote: str | None = None
    escaped = False
    for index, char in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def _python_comments(text: str) -> Iterator[_Comment]:
    import tokenize

    lines = text.split("\n")
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and MARKER in token.string:
                row, col = token.start
                standalone = not lines[row - 1][:col].strip()
                yield _Comment(row, col + 1, token.string, standalone)
    except (tokenize.TokenError, SyntaxError):
        return


def _script_comments(path: str, text: str, script: Script | None) -> Iterator[_Comment]:
    from .typescript import Script

    src = script if script is not None else Script(path, text.encode("utf-8"))
    lines = text.split("\n")
    for node in src.walk():
        if node.type != "comment":
            continue
        body = src.text(node)
        if MARKER not in body:
            continue
        location = src.location(node)
        before = lines[location.line - 1][: location.column - 1]
        yield _Comment(location.line, location.column, body, not before.strip())


def _markdown_comments(text: str) -> Iterator[_Comment]:
    from .mdparse import markdown

    lines = text.split("\n")
    for token in markdown().parse(text):
        if token.type == "html_block" and MARKER in token.content and token.map:
            first, last = token.map
            yield from _html_comment(lines, first, last, standalone=True)
        elif token.type == "inline" and token.map and _has_comment(token):
            first, last = token.map  # once per paragraph or cell, however many comments
            yield from _html_comment(lines, first, last, standalone=False)


def _has_comment(token: Token) -> bool:
    return any(c.type == "html_inline" and MARKER in c.content for c in token.children or ())


def _html_comment(
    lines: list[str], first: int, last: int, *, standalone: bool
) -> Iterator[_Comment]:
    for index in range(first, min(last, len(lines))):
        column = lines[index].find(MARKER)
        if column >= 0:
            yield _Comment(index + 1, column + 1, lines[index][column:], standalone)
