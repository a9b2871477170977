"""Deploy targets by name: how docs and configs refer to them."""

from __future__ import annotations

import re

# Canonical target -> words that name it in a doc heading or column.
TARGET_WORDS: dict[str, tuple[str, ...]] = {
    "vercel": ("vercel",),
    "railway": ("railway",),
    "render": ("render",),
    "fly": ("fly", "fly.io"),
    "netlify": ("netlify",),
    "heroku": ("heroku",),
    "cloudflare": ("cloudflare", "workers", "pages"),
    "container": ("docker", "container", "kubernetes", "k8s"),
    "github-actions": ("github actions", "gha", "ci"),
}


def target_named(text: str) -> str | None:
    """The target a column header or a phrase names (``Vercel``, ``Railway (worker)``...)."""
    lowered = text.lower()
    return next((target for target, words in _WORDS if words.search(lowered)), None)


# One pattern per target, in the order above: the first target with a whole word wins.
_WORDS = tuple(
    (target, re.compile("|".join(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])" for w in words)))
    for target, words in TARGET_WORDS.items()
)
