"""The standard streams as both entry points use them (``launch.py`` replaying a run, ``cli.py``
checking one): the exit codes, a stdout whose write errors become ``OutputError``, and what a
closed pipe or a failed write ends with. Imports nothing beyond ``os`` and ``sys``."""

from __future__ import annotations

import contextlib
import os
import sys

TYPE_CHECKING = False  # typing itself is not imported: 4 ms
if TYPE_CHECKING:
    from typing import TextIO

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT


class OutputError(Exception):
    """The output stream cannot be written (a full disk...): exit 2."""


class Checked:
    """A stream whose write errors (other than a closed pipe) become ``OutputError``."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str, /) -> int:
        if self._stream is None:  # started with stdout closed
            raise OutputError("standard output is closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or type(exc).__name__) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or type(exc).__name__) from None

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())


def escape_unencodable() -> None:
    """A non-UTF-8 terminal gets escapes, not an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def say(stream: object, text: str) -> None:
    """stderr, best effort: a failing stderr must not hide the exit code."""
    write = getattr(stream, "write", None)
    if write is not None:
        with contextlib.suppress(OSError, ValueError):
            write(text)


def reader_left() -> int:
    """``env-lint | head``: the reader left; say nothing more (and let the interpreter's final
    flush of stdout go nowhere)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_FINDINGS


def cannot_write(stderr: object, exc: OutputError) -> int:
    say(stderr, f"env-lint: error: cannot write the output: {exc}\n")
    return EXIT_USAGE
