"""Escaping text for the formats env-lint writes (shared by the catalog and the reporters)."""

from __future__ import annotations


def md_cell(text: str) -> str:
    """Text safe inside one Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
