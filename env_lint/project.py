"""Files on disk -> the project model. Parsers are imported only for the kinds of file present."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from .config import Config
from .discovery import FileSet, classify, walk
from .gitfiles import tracked_env_files
from .model import DocMention, DocValue, ExampleFile, Location, ParseFailure, Project, Schema, Usage
from .services import discover_services
from .suppressions import MARKER
from .textio import MAX_FILE_BYTES, read_text

if TYPE_CHECKING:
    from .snapshots import Snapshot

T = TypeVar("T")
_CODE_MARKERS = (b"process.env",)
MARKER_BYTES = MARKER.encode()  # the file may hold an inline suppression


def build_project(root: str, config: Config) -> Project:
    files = walk(root, config.exclude)
    fileset = classify(
        files,
        examples=config.examples,
        schemas=config.schemas,
        docs=config.docs,
        auto=config.auto_discover,
    )
    failures: list[ParseFailure] = []
    directives: list[str] = []
    examples = _examples(root, fileset, failures, directives)
    schemas, usages, code_files = _code(root, fileset, failures, directives)
    mentions, doc_values = _docs(root, fileset, failures, directives)
    known = {e.name for f in examples for e in f.entries}
    known.update(v.name for s in schemas for v in s.variables)
    known.update(u.name for u in usages)
    docs = tuple(m for m in mentions if "_" in m.name or m.name in known)
    return Project(
        root=root,
        examples=tuple(examples),
        schemas=tuple(schemas),
        usages=tuple(sorted(usages)),
        docs=docs,
        failures=tuple(failures),
        files_checked=len(fileset.examples) + code_files + len(fileset.docs),
        doc_files=fileset.docs,
        directive_files=tuple(sorted(directives)),
        doc_values=tuple(doc_values),
        tracked_env_files=tracked_env_files(root, files),
        services=discover_services(root, files, config.services),
        snapshots=_snapshots(root, config),
    )


def _snapshots(root: str, config: Config) -> tuple[Snapshot, ...]:
    if not config.snapshots:
        return ()
    from .snapshots import load_snapshot

    return tuple(
        load_snapshot(target, path, _shown(root, path)) for target, path in config.snapshots
    )


def _shown(root: str, path: str) -> str:
    """Root-relative when the file is inside the repo, else absolute."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    inside = not relative.startswith(os.pardir)
    return (relative if inside else os.path.abspath(path)).replace(os.sep, "/")


def _guard(path: str, failures: list[ParseFailure], parse: Callable[[], T]) -> T | None:
    """Run one file's parser; an unexpected exception is that file's parse error, not a crash."""
    try:
        return parse()
    except (RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        failures.append(
            ParseFailure(Location(path, 1, 1), f"could not be parsed ({type(exc).__name__})")
        )
        return None


def _examples(
    root: str, fileset: FileSet, failures: list[ParseFailure], directives: list[str]
) -> list[ExampleFile]:
    if not fileset.examples:
        return []
    from .sources.dotenv_example import parse_example

    found: list[ExampleFile] = []
    for rel in fileset.examples:
        text = read_text(os.path.join(root, rel), rel)
        if isinstance(text, ParseFailure):
            failures.append(text)
            found.append(ExampleFile(rel, (), readable=False))
            continue
        if MARKER in text.text:
            directives.append(rel)
        parsed = _guard(rel, failures, partial(parse_example, rel, text.text))
        if parsed is not None:
            failures.extend(parsed.failures)
            found.append(parsed)
    return found


def _code(
    root: str, fileset: FileSet, failures: list[ParseFailure], directives: list[str]
) -> tuple[list[Schema], list[Usage], int]:
    """Parse the JS/TS files that read ``process.env`` or are schema files (by name/config)."""
    named = frozenset(fileset.schemas)
    wanted: list[tuple[str, bytes]] = []
    for rel in fileset.sources:
        data = _read_code(root, rel, rel in named, failures)
        if data is not None and MARKER_BYTES in data:
            directives.append(rel)
        if data is not None and (rel in named or any(m in data for m in _CODE_MARKERS)):
            wanted.append((rel, data))
    if not wanted:
        return [], [], len(fileset.sources)
    from .sources.code_usages import extract_usages
    from .sources.typescript import Source
    from .sources.zod import extract_schemas

    schemas: list[Schema] = []
    usages: list[Usage] = []
    for rel, data in wanted:
        src = _guard(rel, failures, partial(Source, rel, data))
        if src is None:
            continue
        found = _guard(rel, failures, partial(extract_schemas, src)) or []
        usages.extend(_guard(rel, failures, partial(extract_usages, src)) or [])
        schemas.extend(found)
        if (found or rel in named) and (error := src.first_error()) is not None:
            failures.append(
                ParseFailure(src.location(error), "syntax error; variables after it may be missed")
            )
    return schemas, usages, len(fileset.sources)


def _read_code(root: str, rel: str, is_schema: bool, failures: list[ParseFailure]) -> bytes | None:
    """Source bytes. A schema file that cannot be read as text is reported; any other
    unreadable, binary or huge source file is skipped (the compiler reports those)."""
    path = os.path.join(root, rel)
    if is_schema:
        text = read_text(path, rel)
        if isinstance(text, ParseFailure):
            failures.append(text)
            return None
        return text.text.encode("utf-8")
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return None if b"\x00" in data[:8192] else data


def _docs(
    root: str, fileset: FileSet, failures: list[ParseFailure], directives: list[str]
) -> tuple[list[DocMention], list[DocValue]]:
    if not fileset.docs:
        return [], []
    from .sources.markdown_docs import parse_doc

    mentions: list[DocMention] = []
    values: list[DocValue] = []
    for rel in fileset.docs:
        text = read_text(os.path.join(root, rel), rel)
        if isinstance(text, ParseFailure):
            failures.append(text)
            continue
        if MARKER in text.text:
            directives.append(rel)
        parsed = _guard(rel, failures, partial(parse_doc, rel, text.text))
        if parsed is not None:
            mentions.extend(parsed.mentions)
            values.extend(parsed.values)
    return mentions, values
