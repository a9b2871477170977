"""Reporters: pure functions from a report to text, registered by format name."""

from __future__ import annotations

from collections.abc import Callable

from .base import Report
from .json_format import render_json
from .text import render_text

REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
}

__all__ = ["REPORTERS", "Report"]
