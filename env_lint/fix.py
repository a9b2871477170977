"""``--fix`` / ``--diff``: add the variables an example file misses, and nothing else.

Each missing variable goes after the last key that shares its longest ``_``-prefix (``JOB_``),
or at the end under a comment; its value is empty or the schema default, with a comment from
the schema's ``.describe()`` or the docs (prose only: anything value-like is dropped).

Writing is a compare-and-swap under a lock on the file's directory: the file is read again, the
edit is made again from what is there now (a key that appeared meanwhile is not added twice),
and the bytes are compared once more right before the rename. A symlink is followed only inside
the repo (the target is edited, the link stays), a read-only file is never rewritten, and the
file keeps its newline convention (LF, CRLF or CR), BOM and permissions.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .analysis.context import Context
from .credentials import safe_prose
from .model import ExampleFile, Finding, ParseFailure, Project, SchemaVar

# The rules whose findings --fix acts on (the optional one only when selected).
FIX_RULES = frozenset({"missing-from-example", "missing-optional-from-example"})
APPENDIX_HEADER = "# Added by env-lint --fix"
_LINE = re.compile(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)")  # after each line ending, kept
_ASSIGNED = re.compile(r"^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.\-]*\s*=)")
NO_NEWLINE = "\n\\ No newline at end of file\n"
_QUOTES = str.maketrans({"'": "\u2019", '"': "\u201d", "`": "\u2019"})


@dataclass(frozen=True, slots=True)
class Edit:
    path: str  # root-relative
    before: str
    after: str
    added: tuple[str, ...] = ()
    blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, lines to add) to redo it
    raw: bytes = b""  # the bytes it was made from


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def plan_fixes(project: Project, findings: list[Finding]) -> tuple[list[Edit], list[Skipped]]:
    ctx = Context(project)
    wanted: dict[str, list[SchemaVar]] = defaultdict(list)
    for finding in findings:
        if finding.rule not in FIX_RULES or finding.variable is None:
            continue
        var = _schema_var(ctx, finding)
        covering = project.examples_covering(finding.location.path)
        if var is None or not covering:
            continue
        target = covering[0].path
        if all(v.name != var.name for v in wanted[target]):
            wanted[target].append(var)
    edits: list[Edit] = []
    skipped: list[Skipped] = []
    for path, variables in sorted(wanted.items()):
        example = next(e for e in project.examples if e.path == path)
        if not example.readable:
            skipped.append(Skipped(path, "env-lint cannot read it (see parse-error)"))
            continue
        blocks = tuple((v.name, tuple(_block(v, ctx))) for v in variables)
        raw = _read(project.root, path)
        result = make_edit(path, raw, blocks) if isinstance(raw, bytes) else raw
        if isinstance(result, Skipped):
            skipped.append(result)
        elif result is not None:
            edits.append(result)
    return edits, skipped


def _read(root: str, path: str) -> bytes | Skipped:
    from .textio import read_bytes

    data = read_bytes(os.path.join(root, path), path, root=root)
    return data if isinstance(data, bytes) else Skipped(path, data.reason)


def make_edit(
    path: str, raw: bytes, blocks: tuple[tuple[str, tuple[str, ...]], ...]
) -> Edit | Skipped | None:
    """The edit of one example file from its bytes as they are now (pure): the blocks of the
    names it does not list yet; None when there is nothing left to add."""
    from .sources.dotenv_example import parse_example
    from .textio import decode

    text = decode(raw, path)
    if isinstance(text, ParseFailure) or "\x00" in raw.decode("utf-8", "replace"):
        return Skipped(path, "env-lint cannot read it (see parse-error)")
    example = parse_example(path, text.text)
    listed = {e.name for e in example.entries}
    wanted = [(name, lines) for name, lines in blocks if name not in listed]
    if not wanted:
        return None
    edit = _edit(example, raw, wanted)
    if edit is None:
        return None
    if not _only_adds(example, edit):
        return Skipped(path, "the edit would change how existing lines parse")
    return replace(edit, blocks=blocks, raw=raw)


def _only_adds(example: ExampleFile, edit: Edit) -> bool:
    """Re-parse the result: every old key with its old value, the new keys added, the same
    parse failures as before (a broken quote above the insertion must stay as broken)."""
    from .sources.dotenv_example import parse_example

    after = parse_example(example.path, _normalized(edit.after.lstrip("\ufeff")))
    old = [(e.name, e.value, e.disabled) for e in example.entries]
    new = [(e.name, e.value, e.disabled) for e in after.entries if e.name not in edit.added]
    added = {e.name for e in after.entries} - {e.name for e in example.entries}
    failures_before = [(f.location.line, f.reason) for f in example.failures]
    return (
        len(after.failures) == len(failures_before)
        and [f.reason for f in after.failures] == [r for _, r in failures_before]
        and [e.name for e in after.invalid_keys] == [e.name for e in example.invalid_keys]
        and old == new
        and added == set(edit.added)
    )


def _schema_var(ctx: Context, finding: Finding) -> SchemaVar | None:
    for schema, var in ctx.schema_vars.get(finding.variable or "", ()):
        if schema.path == finding.location.path and var.location == finding.location:
            return var
    return None


def _normalized(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def newline_of(text: str) -> str:
    """The file's own line ending: the most common of CRLF, CR and LF."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    return max(counts, key=lambda k: (counts[k], k == "\n"))


def _edit(
    example: ExampleFile, raw: bytes, blocks: list[tuple[str, tuple[str, ...]]]
) -> Edit | None:
    before = raw.decode("utf-8-sig")
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    newline = newline_of(before)
    lines = [line for line in _LINE.split(before) if line]  # each line keeps its own ending
    inserts: dict[int, list[str]] = defaultdict(list)  # after 0-based line index; -1: appendix
    for name, block in blocks:
        inserts[_anchor(example, name)].extend(block)
    for index in sorted((i for i in inserts if 0 <= i < len(lines)), reverse=True):
        if not lines[index].endswith(("\n", "\r")):
            lines[index] += newline
        lines[index + 1 : index + 1] = [f"{line}{newline}" for line in inserts[index]]
    appendix = [
        *inserts.get(-1, []),
        *(b for i, v in inserts.items() if i >= len(lines) for b in v),
    ]
    if appendix:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        if lines and lines[-1].strip():
            lines.append(newline)
        lines += [f"{line}{newline}" for line in [APPENDIX_HEADER, *appendix]]
    after = "".join(lines)
    if after == before:
        return None
    added = tuple(name for name, _ in blocks)
    return Edit(example.path, bom + before, bom + after, added)


def _anchor(example: ExampleFile, name: str) -> int:
    """0-based index of the line after which ``name`` goes; -1 for the appendix."""
    parts = name.split("_")
    best, anchor = 0, -1
    for entry in example.entries:
        other = entry.name.split("_")
        shared = 0
        while shared < min(len(parts), len(other)) and parts[shared] == other[shared]:
            shared += 1
        if shared and shared >= best and shared < len(parts):
            best, anchor = shared, (entry.end_line or entry.location.line) - 1
    return anchor


def _block(var: SchemaVar, ctx: Context) -> list[str]:
    notes = [var.description] + [m.description for m in ctx.doc_mentions.get(var.name, ())]
    description = next((p for n in notes if (p := safe_prose(n))), None)
    if var.required:
        state = "required"
    elif var.has_default:
        state = "optional, has a default"
    else:
        state = "optional"
    if description:
        # Typographic quotes: an ASCII quote in a new comment could close an unterminated
        # quote higher up in the file and change how existing lines parse.
        description = description.translate(_QUOTES)
    comment = f"# {description} ({state})" if description else f"# {state.capitalize()}"
    return [comment, f"{var.name}={_dotenv_value(var)}"]


def _dotenv_value(var: SchemaVar) -> str:
    if not var.default_known or var.default is None:
        return ""
    value = var.default
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text and all(c.isalnum() or c in "-_.:/@+" for c in text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def unified_diff(edits: list[Edit]) -> str:
    """The edits as a unified diff with no context lines (the neighbouring lines of an example
    file hold values; apply it with ``git apply --unidiff-zero`` or ``patch``). A line of the
    file that must appear anyway (the last one, when it gains a line ending) is shown with its
    value hidden."""
    chunks: list[str] = []
    for edit in edits:
        ours = {line for _, block in edit.blocks for line in block} | {APPENDIX_HEADER, ""}
        for line in difflib.unified_diff(
            [line for line in _LINE.split(edit.before.lstrip("\ufeff")) if line],
            [line for line in _LINE.split(edit.after.lstrip("\ufeff")) if line],
            fromfile=f"a/{edit.path}",
            tofile=f"b/{edit.path}",
            n=0,
        ):
            body = line[1:].rstrip("\r\n")
            is_file_line = line[:1] in "-+ " and not line.startswith(("---", "+++"))
            if is_file_line and (line[0] != "+" or body not in ours):
                line = line[0] + _hide_value(line[1:])
            chunks.append(line if line.endswith(("\n", "\r")) else line + NO_NEWLINE)
    return "".join(chunks)


def _hide_value(line: str) -> str:
    ending = line[len(line.rstrip("\r\n")) :]
    hit = _ASSIGNED.match(line)
    return (hit.group(1) + "…" if hit else "…") + ending


class FixRefused(Exception):
    """The file is not rewritten, and why (said on stderr)."""


def write_atomically(root: str, edit: Edit) -> bool:
    """Apply ``edit`` as a compare-and-swap; True when the file was changed. Raises
    ``FixRefused`` when the file must not or cannot be rewritten."""
    target = _target(root, edit.path)
    directory = os.path.dirname(target) or "."
    with _locked(directory):
        for _ in range(5):
            current = _read(root, edit.path)
            if isinstance(current, Skipped):
                raise FixRefused(current.reason)
            redone = edit if current == edit.raw else make_edit(edit.path, current, edit.blocks)
            if redone is None:
                return False  # another run added them meanwhile
            if isinstance(redone, Skipped):
                raise FixRefused(redone.reason)
            if _swap(target, directory, redone, current):
                return True
    raise FixRefused("the file keeps changing while env-lint writes it")


def _target(root: str, path: str) -> str:
    """The file to rewrite: a symlink's target inside the repo (the link stays a link)."""
    from .textio import inside

    full = os.path.join(root, path)
    if os.path.islink(full):
        if not inside(full, root):
            raise FixRefused("it is a symlink to a file outside the repo")
        full = os.path.realpath(full)
    try:
        info = os.stat(full)
    except OSError as exc:
        raise FixRefused(f"cannot read it: {exc.strerror}") from None
    if not info.st_mode & 0o222 or not os.access(full, os.W_OK):
        raise FixRefused("the file is read-only")
    return full


def _swap(target: str, directory: str, edit: Edit, expected: bytes) -> bool:
    """Write the new bytes to a temporary file, then rename it over ``target`` if ``target``
    still holds ``expected``; False (nothing written) when it changed meanwhile."""
    try:
        mode = os.stat(target).st_mode & 0o7777
        handle, temp = tempfile.mkstemp(prefix=".env-lint-", dir=directory)
    except OSError as exc:
        raise FixRefused(f"cannot write in its directory: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edit.after.encode("utf-8"))  # a leading BOM is kept as U+FEFF
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        with open(target, "rb") as check:
            if check.read() != expected:
                os.unlink(temp)
                return False
        os.replace(temp, target)
    except OSError as exc:
        if os.path.exists(temp):
            os.unlink(temp)
        raise FixRefused(f"cannot write it: {exc.strerror}") from None
    return True


@contextmanager
def _locked(directory: str) -> Iterator[None]:
    """An exclusive lock on the directory (flock), so that parallel ``--fix`` runs take
    turns; where flock does not exist the compare-and-swap alone guards the file."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
