"""Reading user files defensively: every failure is a value, never an exception."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is imported on a failure only: a config read stays light
    from .model import ParseFailure

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_LINE_CHARS = 64 * 1024
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    newline: str  # "\n", "\r\n" or "\r": the file's dominant style


def read_text(
    abs_path: str, rel_path: str, *, check_lines: bool = True, root: str | None = None
) -> Text | ParseFailure:
    """Read a UTF-8 text file; a binary, undecodable, huge or unreadable file is a failure."""
    data = read_bytes(abs_path, rel_path, root=root)
    if not isinstance(data, bytes):
        return data
    return decode(data, rel_path, check_lines=check_lines)


def read_bytes(
    abs_path: str, rel_path: str, *, root: str | None = None, limit: int = MAX_FILE_BYTES
) -> bytes | ParseFailure:
    """A regular file's bytes, at most ``limit`` of them. A FIFO, a device, a socket, a
    directory, a file over the limit, an unreadable one, or (with ``root``) a symlink that
    leads out of ``root`` is a failure, never a hang or an exception."""
    try:
        fd = open_regular(abs_path, root)
    except NotRegular as exc:
        return failure(rel_path, 1, 1, str(exc))
    except OSError as exc:
        return failure(rel_path, 1, 1, f"cannot read file: {exc.strerror or type(exc).__name__}")
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return failure(rel_path, 1, 1, f"cannot read file: {exc.strerror or type(exc).__name__}")
    if len(data) > limit:
        return failure(rel_path, 1, 1, f"file is too large to check (over {limit} bytes)")
    return data


def failure(rel_path: str, line: int, column: int, reason: str) -> ParseFailure:
    from .model import Location, ParseFailure

    return ParseFailure(Location(rel_path, line, column), reason)


class NotRegular(OSError):
    """A path env-lint refuses to read: not a regular file, or a symlink out of the repo."""


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def open_regular(abs_path: str, root: str | None = None) -> int:
    """A read-only descriptor of a regular file (opening a FIFO does not block). With ``root``,
    a symlink is followed only when its target lies inside ``root``."""
    try:
        fd = os.open(abs_path, _FLAGS | (_NOFOLLOW if root is not None else 0))
    except OSError as exc:
        if root is None or not os.path.islink(abs_path):
            raise
        if not inside(abs_path, root):
            raise NotRegular("a symlink to a file outside the repo (not read)") from exc
        fd = os.open(abs_path, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegular("not a regular file (a FIFO, device, socket or directory)")
    return fd


def inside(path: str, root: str) -> bool:
    """``path``, with every symlink resolved, lies inside ``root`` (also resolved)."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:_BINARY_SNIFF]


def decode(data: bytes, rel_path: str, *, check_lines: bool = True) -> Text | ParseFailure:
    if b"\x00" in data[:_BINARY_SNIFF]:
        return failure(rel_path, 1, 1, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # a character column: the valid prefix of the line decodes to that many characters
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return failure(rel_path, line, column, f"not valid UTF-8 (byte offset {exc.start})")
    if check_lines:
        for number, line_text in enumerate(text.split("\n"), start=1):
            if len(line_text) > MAX_LINE_CHARS:
                reason = f"line {number} is longer than {MAX_LINE_CHARS} characters"
                return failure(rel_path, number, 1, reason)
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    newline = "\r\n" if crlf and crlf >= max(cr, lf) else ("\r" if cr > lf else "\n")
    # CRLF and a lone CR (old Mac files) end a line too, as in editors and python-dotenv
    return Text(text.replace("\r\n", "\n").replace("\r", "\n"), newline)
