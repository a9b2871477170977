"""Files on disk -> each file's facts, through the source registry. The only place that reads a
repo's files for the sources; a source never sees the disk, only bytes."""

from __future__ import annotations

import dataclasses
import operator
import os
import re
import traceback
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Crash, FileFacts, Location, ParseFailure
from ..sources.base import Settings, Source
from ..sources.registry import SOURCES, source_for
from ..stamps import Stamp, stamp_of
from ..textio import is_binary, read_bytes
from .cache import FactsCache

if TYPE_CHECKING:
    from ..model.ir import Module


# ``\b`` on bytes is ASCII (letters, digits, ``_``): the same match as explicit lookarounds,
# about 2.5x faster on a large repo's 60 MB.
_NAME = re.compile(rb"\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b")


# A one-word name (``PORT``, ``PLATFORM``) counts only where an env accessor of a language
# env-lint does not parse names it: Go's ``os.Getenv("X")`` and ``env:"X"`` / ``envconfig:"X"``
# struct tags, Ruby's ``ENV["X"]`` / ``ENV.fetch("X")``, Rust's ``env::var("X")``, Java's
# ``System.getenv("X")``, PHP's ``getenv("X")`` / ``env("X")``, Elixir's
# ``System.get_env("X")`` / ``System.fetch_env!("X")``, a Caddyfile's ``{$X}``.
_ACCESSOR_HINTS = (
    b'nv("', b"nv('", b'ENV["', b"ENV['", b'env:"', b'envconfig:"', b"ENV.fetch(", b"{$",
    b'env!("',
)  # fmt: skip
_ONE_WORD_READ = re.compile(
    rb"""(?:[Gg]etenv|LookupEnv|ENV\.fetch|env::var|\benv|_env!?)\(\s*["']([A-Z][A-Z0-9]+)["']"""
    rb"""|ENV\[\s*["']([A-Z][A-Z0-9]+)["']\s*\]|\b(?:env|envconfig):"([A-Z][A-Z0-9]+)[",]"""
    rb"""|\{\$([A-Z][A-Z0-9]+)(?::[^}\n]*)?\}"""  # a Caddyfile's {$DOMAIN} / {$PORT:8080}
)


def words_in(data: bytes, *, tags: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """Every variable-shaped word (``UPPER_SNAKE`` with an underscore) the bytes mention, and
    the one-word names an env accessor reads; and those written as a whole string literal
    (``"API_KEY"``), with ``tags`` (a Go file) also the name of a struct tag with options. One
    pass finds both: a quoted name is a name with a quote on each side (half the time of a
    second pattern over every file)."""
    found: set[bytes] = set()
    quoted: set[bytes] = set()
    end = len(data)
    for hit in _NAME.finditer(data):
        word = hit.group()
        found.add(word)
        start, stop = hit.span()
        if start and stop < end and data[start - 1] in _QUOTES and data[stop] in _QUOTES:
            quoted.add(word)
    if tags:
        quoted.update(_TAG_WITH_OPTIONS.findall(data))
    names = {w.decode("ascii") for w in found}
    if any(hint in data for hint in _ACCESSOR_HINTS):
        for groups in _ONE_WORD_READ.findall(data):
            names.update(g.decode("ascii") for g in groups if g)
    return frozenset(names), frozenset(w.decode("ascii") for w in quoted)


_QUOTES = frozenset(b"\"'`")


# A Go struct tag with options after the name (``env:"DB_USER,default=app"``, caarlos0/env's
# ``env:"DB_USER,required"``): the name is the tag's, as a whole string would be
_TAG_WITH_OPTIONS = re.compile(rb'\b(?:env|envconfig):"([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]),')


# What a parser may raise on strange input (deep nesting, a pathological expression, a bug met
# only by odd shapes): that file's parse error, never a crash.
PARSER_ERRORS = (
    RecursionError,
    MemoryError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
)


def crash(where: str, exc: BaseException) -> Crash:
    """Anything else is a bug: recorded (exit 3), and the run goes on with the other files."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Crash(where, type(exc).__name__, text)


@dataclass
class Words:
    """The variable-shaped names code and configs mention, gathered file by file."""

    code: set[str] = field(default_factory=set)
    config: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)  # written as a string literal in code
    homes: dict[str, str | None] = field(default_factory=dict)  # code word -> its only file

    def add(self, item: FileFacts) -> None:
        if item.words_kind == "config":
            self.config.update(item.words)
        elif item.words_kind == "code":
            self.code.update(item.words)
            self.strings.update(item.strings)
            homes = self.homes
            for word in item.words:
                homes[word] = item.path if word not in homes else None


@dataclass
class Collected:
    facts: dict[str, FileFacts] = field(default_factory=dict)  # in listing order
    extra_reads: set[str] = field(default_factory=set)  # files read only to follow an import
    crashes: list[Crash] = field(default_factory=list)
    # files checked that hold nothing but the names they mention: counted, their names kept,
    # their facts dropped (a large repo's peak memory is mostly such files)
    bare: set[str] = field(default_factory=set)
    words: Words = field(default_factory=Words)


# Every field but the path, the source, ``checked`` and the names mentioned: all falsy when the
# file holds nothing else (one C-level getter instead of comparing whole dataclasses).
_CONTENT = operator.attrgetter(
    *(
        f.name
        for f in dataclasses.fields(FileFacts)
        if f.name not in ("path", "source", "checked", "words", "strings", "words_kind")
    )
)


def _bare(facts: FileFacts) -> bool:
    """Checked, and nothing in it but the names it mentions."""
    return facts.checked and not any(_CONTENT(facts))


class Collector:
    def __init__(
        self, root: str, settings: Settings, cache: FactsCache | None = None, jobs: int = 1
    ) -> None:
        self.root = root
        self.settings = settings
        self.result = Collected()
        self.cache = cache
        self.jobs = jobs  # worker processes for the files to read (0: one per core)

    def collect(self, files: list[str]) -> Collected:
        """Every file's facts: the cached ones first, then the files to read (on several cores
        when there are many), kept in listing order."""
        from .workers import read_all, workers_for

        misses = self._replay(files)
        tasks = [(rel, SOURCES.index(source)) for rel, source, _ in misses]
        workers = workers_for(self.jobs, len(tasks))
        fresh = read_all(self._reader, tasks, workers)
        cache = self.cache
        for (rel, _, stamp), (facts, crashes) in zip(misses, fresh, strict=True):
            self.result.crashes.extend(crashes)
            if facts is None:
                continue
            if cache is not None and stamp is not None:
                cache.put(rel, stamp, facts)
            self._keep(facts)
        kept = self.result.facts
        self.result.facts = {rel: kept[rel] for rel in files if rel in kept}
        return self.result

    def _replay(self, files: list[str]) -> list[tuple[str, Source, Stamp | None]]:
        """Keep each file the cache holds as it is; the others to read, with their source."""
        cache = self.cache
        misses: list[tuple[str, Source, Stamp | None]] = []
        for rel in files:
            stamp = None
            if cache is not None:
                if cache.unclaimed(rel):
                    continue
                stamp = stamp_of(os.path.join(self.root, rel))
                cached = cache.get(rel, stamp) if stamp is not None else None
                if cached is not None:  # claimed when it was stored (the key has the settings)
                    self._keep(cached)
                    continue
            source = source_for(rel, self.settings)
            if source is None:
                if cache is not None:
                    cache.add_unclaimed(rel)
                continue
            misses.append((rel, source, stamp))
        return misses

    @property
    def crashes(self) -> list[Crash]:
        return self.result.crashes

    def _reader(self) -> Collector:
        """A collector that reads files as this one does, for a worker (or this process)."""
        return Collector(self.root, self.settings)

    def _keep(self, facts: FileFacts) -> None:
        self.result.words.add(facts)
        if _bare(facts):
            self.result.bare.add(facts.path)
        else:
            self.result.facts[facts.path] = facts

    def read(self, rel: str, source: Source) -> FileFacts | None:
        data = read_bytes(os.path.join(self.root, rel), rel, root=self.root)
        if isinstance(data, ParseFailure):
            if source.is_strict(rel, self.settings) or source.unreadable is not None:
                return source.failed(rel, data)
            return None  # the compiler reports a source file it cannot read
        parsed = self._parsed(source, rel, data)
        return None if parsed is None else self._with_words(source, rel, data, parsed)

    def _parsed(self, source: Source, rel: str, data: bytes) -> FileFacts | None:
        if not source.wants(rel, data, self.settings):
            return FileFacts(rel, source.name)
        try:
            return source.parse(rel, data, self.settings)
        except PARSER_ERRORS as exc:
            reason = f"could not be parsed ({type(exc).__name__})"
            failure = ParseFailure(Location(rel, 1, 1), reason)
            return FileFacts(rel, source.name, failures=(failure,))
        except Exception as exc:  # a bug: say so, check the other files
            self.result.crashes.append(crash(rel, exc))
            return None

    @staticmethod
    def _with_words(source: Source, rel: str, data: bytes, facts: FileFacts) -> FileFacts:
        kind = source.words_of(rel) or facts.words_kind  # a parse may decide by content
        if kind is None or facts.history or is_binary(data):
            return facts
        if source.words_from is not None:
            data = source.words_from(rel, data)  # a notebook's code cells
        words, strings = words_in(data, tags=rel.endswith(".go"))
        return replace(facts, words=words, strings=strings, words_kind=kind)

    def module(self, rel: str) -> Module | None:
        """The complete module facts of a JS/TS file another module imports from."""
        from ..sources.scripts import load_module

        if rel not in self.result.facts and rel not in self.result.bare:
            self.result.extra_reads.add(rel)
        data = read_bytes(os.path.join(self.root, rel), rel, root=self.root)
        if isinstance(data, ParseFailure):
            return None
        try:
            return load_module(rel, data)
        except PARSER_ERRORS:
            return None
        except Exception as exc:  # a bug: say so, check the other files
            self.result.crashes.append(crash(rel, exc))
            return None
