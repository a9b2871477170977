"""Reading user files defensively: every failure is a value, never an exception."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .model import Location, ParseFailure

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_LINE_CHARS = 64 * 1024
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    newline: str  # "\n" or "\r\n", the file's dominant style


def read_text(abs_path: str, rel_path: str, *, check_lines: bool = True) -> Text | ParseFailure:
    """Read a UTF-8 text file; a binary, undecodable, huge or unreadable file is a failure."""
    data = read_bytes(abs_path, rel_path)
    if isinstance(data, ParseFailure):
        return data
    return decode(data, rel_path, check_lines=check_lines)


def read_bytes(abs_path: str, rel_path: str) -> bytes | ParseFailure:
    """A file's bytes; a huge or unreadable file is a failure."""
    where = Location(rel_path, 1, 1)
    try:
        size = os.path.getsize(abs_path)
        if size > MAX_FILE_BYTES:
            return ParseFailure(where, f"file is too large to check ({size} bytes)")
        with open(abs_path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return ParseFailure(where, f"cannot read file: {exc.strerror or type(exc).__name__}")


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:_BINARY_SNIFF]


def decode(data: bytes, rel_path: str, *, check_lines: bool = True) -> Text | ParseFailure:
    if b"\x00" in data[:_BINARY_SNIFF]:
        return ParseFailure(Location(rel_path, 1, 1), "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return ParseFailure(
            Location(rel_path, line, column), f"not valid UTF-8 (byte offset {exc.start})"
        )
    if check_lines:
        for number, line_text in enumerate(text.split("\n"), start=1):
            if len(line_text) > MAX_LINE_CHARS:
                return ParseFailure(
                    Location(rel_path, number, 1),
                    f"line {number} is longer than {MAX_LINE_CHARS} characters",
                )
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    return Text(text.replace("\r\n", "\n"), newline)
