"""The one Markdown parser (markdown-it-py, CommonMark plus tables), built on first use.

``blocks(text)`` runs the block pass only; ``children(token, env)`` runs the inline pass of one
inline token when a caller needs it. Exactly what a full parse gives that token (the same
inline rules, the same link references in ``env``, the same text join), for the few tokens
env-lint looks inside: a doc's inline pass is half of its parse time.
"""

from __future__ import annotations

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
    """The inline children of ``token``, parsed on first use."""
    if not (token.meta or {}).get(_PARSED):
        from markdown_it.rules_core import inline, text_join
        from markdown_it.rules_core.state_core import StateCore

        token.children = None  # the block pass leaves [] on an inline token
        state = StateCore("", markdown(), env, [token])
        inline(state)
        text_join(state)
        token.meta = {**(token.meta or {}), _PARSED: True}
    return token.children or []


_PARSED = "env_lint_inline_parsed"
