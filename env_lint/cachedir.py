"""The cache directory (``.env-lint-cache/`` at the root unless moved): made on first write,
with a ``.gitignore`` inside so that it is never committed."""

from __future__ import annotations

import os

DIR_NAME = ".env-lint-cache"
_IGNORE = "# written by env-lint: a cache, never commit it\n*\n"


def prepare(directory: str) -> None:
    """Make the directory and its ``.gitignore``; raises ``OSError``."""
    os.makedirs(directory, exist_ok=True)
    ignore = os.path.join(directory, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write(_IGNORE)
