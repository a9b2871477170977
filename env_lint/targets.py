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
    for target, words in TARGET_WORDS.items():
        for word in words:
            if re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", lowered):
                return target
    return None
