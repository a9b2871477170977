"""``--fix`` / ``--diff``: add the variables an example file misses, and nothing else.

Each missing variable goes after the last key that shares its longest ``_``-prefix (``JOB_``),
or at the end under a comment; its value is empty or the schema default, with a comment from
the schema's ``.describe()`` or the docs. Writes are atomic (temp file + rename), keep the
file's newline style, BOM and permissions, and a second run changes nothing.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass

from .analysis.context import Context
from .model import ExampleFile, Finding, Project, SchemaVar

# The rules whose findings --fix acts on (the optional one only when selected).
FIX_RULES = frozenset({"missing-from-example", "missing-optional-from-example"})
APPENDIX_HEADER = "# Added by env-lint --fix"
_LINE = re.compile(r"(?<=\n)")
NO_NEWLINE = "\n\\ No newline at end of file\n"
_QUOTES = str.maketrans({"'": "\u2019", '"': "\u201d", "`": "\u2019"})


@dataclass(frozen=True, slots=True)
class Edit:
    path: str  # root-relative
    before: str
    after: str
    added: tuple[str, ...] = ()


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
        edit = _edit(project.root, example, variables, ctx)
        if edit is None:
            continue
        if not _only_adds(example, edit):
            skipped.append(Skipped(path, "the edit would change how existing lines parse"))
            continue
        edits.append(edit)
    return edits, skipped


def _only_adds(example: ExampleFile, edit: Edit) -> bool:
    """Re-parse the result: every old key with its old value, the new keys added, the same
    parse failures as before (a broken quote above the insertion must stay as broken)."""
    from .sources.dotenv_example import parse_example

    after = parse_example(example.path, edit.after.lstrip("\ufeff").replace("\r\n", "\n"))
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


def _edit(root: str, example: ExampleFile, variables: list[SchemaVar], ctx: Context) -> Edit | None:
    try:
        with open(os.path.join(root, example.path), "rb") as handle:
            raw = handle.read()
        before = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # reported as parse-error; never rewrite a file env-lint cannot read
    if "\x00" in before:
        return None
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    newline = "\r\n" if before.count("\r\n") * 2 > before.count("\n") else "\n"
    lines = _LINE.split(before)  # each line keeps its own ending
    if lines and lines[-1] == "":
        lines.pop()
    inserts: dict[int, list[str]] = defaultdict(list)  # after 0-based line index; -1: appendix
    for var in variables:
        inserts[_anchor(example, var.name)].extend(_block(var, ctx))
    for index in sorted((i for i in inserts if i >= 0), reverse=True):
        if not lines[index].endswith("\n"):
            lines[index] += newline
        lines[index + 1 : index + 1] = [f"{line}{newline}" for line in inserts[index]]
    if -1 in inserts:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
        if lines and lines[-1].strip():
            lines.append(newline)
        lines += [f"{line}{newline}" for line in [APPENDIX_HEADER, *inserts[-1]]]
    after = "".join(lines)
    if after == before:
        return None
    added = tuple(v.name for v in variables)
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
    description = next((n for n in notes if n), None)
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
    """A patch ``git apply`` and ``patch -p1`` accept: each line keeps its own ending (CRLF
    stays CRLF), a leading BOM stays part of the first line, and a last line without a newline
    is followed by ``\\ No newline at end of file``."""
    chunks: list[str] = []
    for edit in edits:
        for line in difflib.unified_diff(
            _lines(edit.before),
            _lines(edit.after),
            fromfile=f"a/{edit.path}",
            tofile=f"b/{edit.path}",
        ):
            chunks.append(line if line.endswith("\n") else line + NO_NEWLINE)
    return "".join(chunks)


def _lines(text: str) -> list[str]:
    """The lines of ``text``, each with its own ending (the last one may have none)."""
    return [line for line in _LINE.split(text) if line]


def write_atomically(root: str, edit: Edit) -> None:
    path = os.path.join(root, edit.path)
    directory = os.path.dirname(path) or "."
    mode = os.stat(path).st_mode & 0o7777
    handle, temp = tempfile.mkstemp(prefix=".env-lint-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edit.after.encode("utf-8"))  # a leading BOM is kept as U+FEFF
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
