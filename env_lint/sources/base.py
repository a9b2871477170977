"""A source is declared once, like a rule: which files it claims, a cheap byte-level prefilter,
and a pure ``parse(path, data, settings) -> FileFacts``.

The registry (``sources/registry.py``) lists the sources in order; the first that claims a path
reads it. Nothing here touches the disk: the caller reads the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import FileFacts, ParseFailure
from ..paths import matches
from ..textio import decode
from .directives import MARKER_BYTES, directives_in

# An environment a runtime hands in: a parameter ``env`` (``fetch(req, env)``, ``(env: Env)``)
# or a context's ``c.env.API_KEY`` (Hono); not ``process.env`` nor a module's own ``env.X``
_ENV_PARAMETER = re.compile(rb"[(,]\s*env\s*[:,)=]")
_CONTEXT_ENV = re.compile(rb"\.env\s*\??\.\s*[A-Z]")
_ENV_OWNERS = (b"process", b"meta", b"Bun", b"Deno")


def binding_hint(data: bytes) -> bool:
    """A cheap test (literal-led patterns: a scan for identifiers would cost seconds on a
    large monorepo) in front of reading a runtime's environment."""
    if b"env" not in data:
        return False
    if _ENV_PARAMETER.search(data):
        return True
    for hit in _CONTEXT_ENV.finditer(data):
        before = data[max(0, hit.start() - 8) : hit.start()]
        if before[-1:].isalnum() and not before.endswith(_ENV_OWNERS):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Settings:
    """What affects which files a source claims and what it reads in them (part of the cache
    key of every file's facts)."""

    examples: tuple[str, ...] = ()  # configured globs
    schemas: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    auto: bool = True  # auto-discovery by file name
    accessors: tuple[str, ...] = ()  # functions that read a variable by name

    def configured_schema(self, rel: str) -> bool:
        return bool(self.schemas) and matches(rel, self.schemas)


Parse = Callable[[str, bytes, Settings], FileFacts]


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    claims: Callable[[str, Settings], bool]  # (root-relative path, settings)
    parse: Parse
    # (path, bytes, settings) -> False: the file cannot hold anything for this source (it is
    # still counted as checked)
    prefilter: Callable[[str, bytes, Settings], bool] | None = None
    # True: a file that cannot be read is a parse error; False: it is skipped silently (the
    # compiler or the tool that owns it reports it). A function decides per path.
    strict: bool | Callable[[str, Settings], bool] = True
    unreadable: Callable[[str, ParseFailure], FileFacts] | None = None
    # The variable names a file mentions are references: "code" (a name that appears there is
    # in use), "config" (a deploy or build config that sets it), or None (examples and docs
    # declare and describe, they do not use). A function decides per path.
    words: str | Callable[[str], str | None] | None = None
    # The bytes whose words count, when not the file's own (a notebook's code cells)
    words_from: Callable[[str, bytes], bytes] | None = None

    def words_of(self, path: str) -> str | None:
        return self.words(path) if callable(self.words) else self.words

    # True: its files are deploy manifests, and its name is a kind the config may call
    # complete (``[tool.env-lint.manifests] complete``).
    deploys: bool = False

    def is_strict(self, path: str, settings: Settings) -> bool:
        return self.strict if isinstance(self.strict, bool) else self.strict(path, settings)

    def wants(self, path: str, data: bytes, settings: Settings) -> bool:
        return self.prefilter is None or self.prefilter(path, data, settings)

    def failed(self, path: str, failure: ParseFailure) -> FileFacts:
        if self.unreadable is not None:
            return self.unreadable(path, failure)
        return FileFacts(path, self.name, failures=(failure,))


def name_of(rel: str) -> str:
    return rel.rsplit("/", 1)[-1]


def text_parser(
    name: str, read: Callable[[str, str, Settings], FileFacts], *, report: bool = True
) -> Parse:
    """A ``parse`` for a text source: the bytes are decoded (UTF-8, BOM and CRLF handled; a
    binary or undecodable file is a parse error when ``report``), ``read`` gets the text, and
    the file's suppression comments are added to its facts."""

    def parse(path: str, data: bytes, settings: Settings) -> FileFacts:
        text = decode(data, path)
        if isinstance(text, ParseFailure):
            return FileFacts(path, name, failures=(text,) if report else ())
        facts = read(path, text.text, settings)
        if MARKER_BYTES not in data:
            return facts
        return replace(facts, directives=directives_in(path, text.text))

    return parse


__all__ = ["MARKER_BYTES", "Parse", "Settings", "Source", "name_of", "text_parser"]
