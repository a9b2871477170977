"""Files on disk -> the project model. Parsers are imported only for the kinds of file present."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from .config import Config
from .discovery import FileSet, classify, list_files, shown_path
from .gitfiles import tracked_env_files
from .model import (
    DocMention,
    DocValue,
    DynamicRead,
    ExampleFile,
    Location,
    ParseFailure,
    Project,
    Schema,
    Usage,
    parent_dir,
)
from .services import discover_services
from .suppressions import MARKER
from .textio import MAX_FILE_BYTES, read_text

if TYPE_CHECKING:
    from .libraries import ImplicitVar
    from .snapshots import Snapshot
    from .sources.turbo import TurboConfig
    from .sources.typescript import Source
    from .sources.zod import ZodFile

T = TypeVar("T")
_JS_MARKERS = (
    b"process.env",
    b"import.meta.env",
    b"Bun.env",
    b"Deno.env",
    b"createEnv",
    b"cleanEnv",
)
_PY_MARKERS = (b"environ", b"getenv", b"BaseSettings")
_SCHEMA_MARKERS = (b"parse", b"createEnv", b"cleanEnv")  # a file without them has no schema
MARKER_BYTES = MARKER.encode()  # the file may hold an inline suppression
_RESOLVE_SUFFIXES = ("", ".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", "/index.ts", "/index.js")


def build_project(root: str, config: Config) -> Project:
    return _Builder(root, config).build()


class _Builder:
    def __init__(self, root: str, config: Config) -> None:
        self.root = root
        self.config = config
        self.failures: list[ParseFailure] = []
        self.directives: list[str] = []
        self.schemas: list[Schema] = []
        self.usages: list[Usage] = []
        self.dynamic: list[DynamicRead] = []
        self.unrecognized: list[tuple[Location, str]] = []
        self.modules: dict[str, ZodFile | None] = {}
        self.files_checked = 0

    def build(self) -> Project:
        files = list_files(self.root, self.config.exclude)
        config = self.config
        fileset = classify(
            files,
            examples=config.examples,
            schemas=config.schemas,
            docs=config.docs,
            auto=config.auto_discover,
        )
        examples = self._examples(fileset)
        self._code(fileset)
        self._python(fileset)
        self._json_schemas(fileset)
        self._infra(fileset)
        mentions, doc_values = self._docs(fileset)
        implicit = self._implicit(fileset)
        turbo = self._turbo(fileset)
        known = {e.name for f in examples for e in f.entries}
        known.update(v.name for s in self.schemas for v in s.variables)
        known.update(u.name for u in self.usages)
        return Project(
            root=self.root,
            examples=tuple(examples),
            schemas=tuple(self.schemas),
            usages=tuple(sorted(set(self.usages))),
            docs=tuple(m for m in mentions if "_" in m.name or m.name in known),
            failures=tuple(self.failures),
            files_checked=self.files_checked,
            doc_files=fileset.docs,
            directive_files=tuple(sorted(set(self.directives))),
            doc_values=tuple(doc_values),
            tracked_env_files=tracked_env_files(self.root, files),
            services=discover_services(self.root, files, config.services),
            snapshots=self._snapshots(),
            dynamic=tuple(sorted(set(self.dynamic))),
            unrecognized=tuple(sorted(set(self.unrecognized))),
            implicit=tuple(implicit),
            turbo=tuple(turbo),
        )

    # --- helpers ---------------------------------------------------------------------------

    def _guard(self, path: str, parse: Callable[[], T]) -> T | None:
        """Run one file's parser; an unexpected exception is that file's parse error."""
        try:
            return parse()
        except (RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            reason = f"could not be parsed ({type(exc).__name__})"
            self.failures.append(ParseFailure(Location(path, 1, 1), reason))
            return None

    def _text(self, rel: str, *, report: bool = True) -> str | None:
        text = read_text(os.path.join(self.root, rel), rel)
        self.files_checked += 1
        if isinstance(text, ParseFailure):
            if report:
                self.failures.append(text)
            return None
        if MARKER in text.text:
            self.directives.append(rel)
        return text.text

    def _bytes(self, rel: str) -> bytes | None:
        """Source bytes; unreadable, binary or huge source files are skipped (the compiler
        reports those)."""
        path = os.path.join(self.root, rel)
        try:
            if os.path.getsize(path) > MAX_FILE_BYTES:
                return None
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        self.files_checked += 1
        if b"\x00" in data[:8192]:
            return None
        if MARKER_BYTES in data:
            self.directives.append(rel)
        return data

    # --- example files ---------------------------------------------------------------------

    def _examples(self, fileset: FileSet) -> list[ExampleFile]:
        if not fileset.examples:
            return []
        from .sources.dotenv_example import parse_example

        found: list[ExampleFile] = []
        for rel in fileset.examples:
            text = self._text(rel)
            if text is None:
                found.append(ExampleFile(rel, (), readable=False))
                continue
            parsed = self._guard(rel, partial(parse_example, rel, text))
            if parsed is not None:
                self.failures.extend(parsed.failures)
                found.append(parsed)
        return found

    # --- JS / TS ---------------------------------------------------------------------------

    def _code(self, fileset: FileSet) -> None:
        named = frozenset(fileset.schemas)
        markers = _JS_MARKERS + tuple(f"{a}(".encode() for a in self.config.accessors)
        wanted: list[tuple[str, bytes]] = []
        for rel in fileset.sources:
            data = self._schema_bytes(rel) if rel in named else self._bytes(rel)
            if data is not None and (rel in named or any(m in data for m in markers)):
                wanted.append((rel, data))
        if not wanted:
            return
        from .sources.envalid import extract_envalid
        from .sources.t3env import extract_t3

        for rel, data in wanted:
            if rel not in named and not any(m in data for m in _SCHEMA_MARKERS):
                self._reads_only(rel, data)
                continue
            file = self._module(rel, data)
            if file is None:
                continue
            found = self._guard(rel, file.schemas) or []
            found += self._guard(rel, partial(extract_t3, file)) or []
            found += self._guard(rel, partial(extract_envalid, file)) or []
            self._add_reads(rel, file.src)
            self.schemas += found
            self.unrecognized += file.unrecognized
            if rel in named and not found and not file.unrecognized:
                self.unrecognized.append(
                    (Location(rel, 1, 1), "a schema file with no env schema env-lint can read")
                )
            if (found or rel in named) and (error := file.src.first_error()) is not None:
                reason = "syntax error; variables after it may be missed"
                self.failures.append(ParseFailure(file.src.location(error), reason))

    def _reads_only(self, rel: str, data: bytes) -> None:
        """A file with no schema in it: only its reads (no declaration index needed)."""
        from .sources.typescript import Source

        src = self._guard(rel, partial(Source, rel, data))
        if src is not None:
            self._add_reads(rel, src)

    def _add_reads(self, rel: str, src: Source) -> None:
        from .sources.code_usages import extract_reads

        reads = self._guard(rel, partial(extract_reads, src, self.config.accessors))
        if reads is not None:
            self.usages += reads.usages
            self.dynamic += reads.dynamic

    def _schema_bytes(self, rel: str) -> bytes | None:
        text = self._text(rel)
        return None if text is None else text.encode("utf-8")

    def _module(self, rel: str, data: bytes | None = None) -> ZodFile | None:
        """The parsed file (cached): also how relative imports between schema modules resolve."""
        if rel in self.modules:
            return self.modules[rel]
        from .sources.typescript import Source
        from .sources.zod import ZodFile

        self.modules[rel] = None  # guards against import cycles
        if data is None:
            data = self._bytes(rel)
        if data is None:
            return None
        src = self._guard(rel, partial(Source, rel, data))
        file = ZodFile(src, self._resolve) if src is not None else None
        self.modules[rel] = file
        return file

    def _resolve(self, from_path: str, specifier: str) -> ZodFile | None:
        base = os.path.normpath(os.path.join(parent_dir(from_path), specifier)).replace(os.sep, "/")
        base = base.removesuffix(".js") if base.endswith(".js") else base
        for suffix in _RESOLVE_SUFFIXES:
            candidate = base + suffix
            if not candidate.startswith("..") and os.path.isfile(
                os.path.join(self.root, candidate)
            ):
                return self._module(candidate)
        return None

    # --- Python ----------------------------------------------------------------------------

    def _python(self, fileset: FileSet) -> None:
        if not fileset.python:
            return
        from .sources.python_env import parse_python

        markers = _PY_MARKERS + tuple(a.encode() for a in self.config.accessors)
        for rel in fileset.python:
            data = self._bytes(rel)
            if data is None or not any(m in data for m in markers):
                continue
            text = data.decode("utf-8", "replace")
            try:
                found = parse_python(rel, text, self.config.accessors)
            except (SyntaxError, ValueError, RecursionError) as exc:
                if b"BaseSettings" in data:
                    line = getattr(exc, "lineno", None) or 1
                    self.failures.append(
                        ParseFailure(Location(rel, line, 1), "Python syntax error")
                    )
                continue
            self.schemas += found.schemas
            self.usages += found.usages
            self.dynamic += found.dynamic
            self.unrecognized += found.unrecognized

    # --- JSON Schema, infra, docs, manifests, turbo ----------------------------------------

    def _json_schemas(self, fileset: FileSet) -> None:
        if not fileset.json_schemas:
            return
        from .sources.json_schema import parse_json_schema

        for rel in fileset.json_schemas:
            text = self._text(rel)
            parsed = (
                self._guard(rel, partial(parse_json_schema, rel, text))
                if text is not None
                else None
            )
            if isinstance(parsed, ParseFailure):
                self.failures.append(parsed)
            elif parsed is not None:
                self.schemas.append(parsed)

    def _infra(self, fileset: FileSet) -> None:
        if not fileset.infra:
            return
        from .sources.infra import infra_reads

        for rel in fileset.infra:
            text = self._text(rel, report=False)
            if text is None or ("$" not in text and "env" not in text.lower()):
                continue
            try:
                self.usages += infra_reads(rel, text)
            except ValueError as exc:
                self.failures.append(ParseFailure(Location(rel, 1, 1), str(exc)))

    def _docs(self, fileset: FileSet) -> tuple[list[DocMention], list[DocValue]]:
        if not fileset.docs:
            return [], []
        from .sources.markdown_docs import parse_doc

        mentions: list[DocMention] = []
        values: list[DocValue] = []
        for rel in fileset.docs:
            text = self._text(rel)
            parsed = self._guard(rel, partial(parse_doc, rel, text)) if text is not None else None
            if parsed is not None:
                mentions.extend(parsed.mentions)
                values.extend(parsed.values)
        return mentions, values

    def _implicit(self, fileset: FileSet) -> list[ImplicitVar]:
        from .libraries import ImplicitVar, implicit_from_manifest, prisma_variables

        found: list[ImplicitVar] = []
        extra = dict(self.config.library_variables)
        for rel in fileset.manifests:
            text = self._text(rel, report=False)
            if text is not None:
                found += implicit_from_manifest(rel, text, extra)
        for rel in fileset.prisma:
            text = self._text(rel)
            for name, location in prisma_variables(rel, text or ""):
                self.usages.append(Usage(name, location))
                found.append(ImplicitVar(name, "prisma", rel))
        found += [ImplicitVar(name, "config", "") for name in self.config.implicit_variables]
        return sorted(set(found))

    def _turbo(self, fileset: FileSet) -> list[TurboConfig]:
        if not fileset.turbo:
            return []
        from .sources.turbo import parse_turbo

        found: list[TurboConfig] = []
        for rel in fileset.turbo:
            text = self._text(rel)
            parsed = parse_turbo(rel, parent_dir(rel), text) if text is not None else None
            if isinstance(parsed, ParseFailure):
                self.failures.append(parsed)
            elif parsed is not None:
                found.append(parsed)
        return found

    def _snapshots(self) -> tuple[Snapshot, ...]:
        if not self.config.snapshots:
            return ()
        from .snapshots import load_snapshot

        return tuple(
            load_snapshot(target, path, shown_path(path, self.root))
            for target, path in self.config.snapshots
        )
