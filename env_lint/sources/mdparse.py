"""The one Markdown parser (markdown-it-py, CommonMark plus tables), built on first use.

``blocks(text)`` runs the block pass only; ``children(token, env)`` runs the inline pass of one
inline token when a caller needs it. Exactly what a full parse gives that token (the same
inline rules, the same link references in ``env``, the same text join), for the few tokens
env-lint looks inside: a doc's inline pass is half of its parse time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_MD: MarkdownIt | None = None
_BLOCKS: MarkdownIt | None = None


def markdown() -> MarkdownIt:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        _MD = MarkdownIt("commonmark").enable("table")
    return _MD


def blocks(text: str) -> tuple[list[Token], dict[str, Any]]:
    """The block tokens of ``text`` (inline tokens without children yet) and the parse env."""
    global _BLOCKS
    if _BLOCKS is None:
        from markdown_it import MarkdownIt

        _BLOCKS = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    env: dict[str, Any] = {}
    return _BLOCKS.parse(text, env), env


def children(token: Token, env: dict[str, Any]) -> list[Token]:
    """The inline children of ``token``, parsed on first use. Text without a ``[`` parses the
    same on every page (only link references depend on ``env``): its children are shared, as
    the same cell (```id```, ```string```) fills thousands of rows of API tables."""
    if not (token.meta or {}).get(_PARSED):
        shared = "[" not in token.content
        kids = _SHARED.get(token.content) if shared else None
        if kids is None:
            kids = _parse_inline(token, env)
            if shared:
                if len(_SHARED) >= _SHARED_MAX:
                    _SHARED.clear()
                _SHARED[token.content] = kids
        token.children = kids
        token.meta = {**(token.meta or {}), _PARSED: True}
    return token.children or []


def _parse_inline(token: Token, env: dict[str, Any]) -> list[Token]:
    from markdown_it.rules_core import inline, text_join
    from markdown_it.rules_core.state_core import StateCore

    token.children = None  # the block pass leaves [] on an inline token
    state = StateCore("", markdown(), env, [token])
    inline(state)
    text_join(state)
    return token.children or []


def plain(token: Token) -> bool:
    """The inline pass would give ``token`` one text child equal to its content: no character
    any CommonMark inline rule starts at (escape, code span, emphasis, link, image, autolink,
    HTML, entity, line break). Most table cells are plain; their inline pass is skipped."""
    return _INLINE_START.search(token.content) is None


_PARSED = "env_lint_inline_parsed"
_SHARED: dict[str, list[Token]] = {}  # read only: callers never change a child token
_SHARED_MAX = 20_000
_INLINE_START = re.compile(r"[\\`*_\[\]!<&\n]")
