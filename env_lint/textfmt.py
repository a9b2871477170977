"""Escaping text for the formats env-lint writes (shared by the catalog and the reporters)."""

from __future__ import annotations


def md_cell(text: str) -> str:
    """Text safe inside one Markdown table cell."""
    return one_line(text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " "))


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}
_CONTROL.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
_CONTROL.update({c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029)})


def one_line(text: str) -> str:
    """Text that stays on one line whatever it holds (a file name with a newline cannot start
    a line of its own, such as a forged ``::error`` workflow command)."""
    return text.translate(_CONTROL)
