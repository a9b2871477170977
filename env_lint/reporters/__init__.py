"""Reporters: pure functions from a report to text, registered by format name."""

from __future__ import annotations

from collections.abc import Callable

from .base import Report
from .github import render_github
from .json_format import render_json
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "markdown": render_markdown,
}

__all__ = ["REPORTERS", "Report"]
