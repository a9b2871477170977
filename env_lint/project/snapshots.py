"""Provider snapshots: the variable *names* a user exported from a provider, read offline.

Accepted: ``vercel env ls`` output (its table, with the environments column), a dotenv file
(``vercel env pull``, ``railway variables --kv``), JSON (``railway variables --json``, an object
keyed by name, an array of names or of ``{"key"|"name", "target"|"environments"}`` objects, a
Vercel API ``{"envs": [...]}``), or one name per line. Values are dropped as soon as the file is
parsed and never leave this module; errors never quote the file.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence

from ..config import ConfigError
from ..credentials import printable_name
from ..model import Snapshot, SnapshotVar
from ..textio import Text, read_text

ACCEPTED = (
    "`vercel env ls` output, a dotenv file (`vercel env pull`, `railway variables --kv`), "
    "JSON (`railway variables --json`, an object or an array of names), or one name per line"
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_QUOTED_NAME = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"')
_ENVIRONMENTS = {"production": "Production", "preview": "Preview", "development": "Development"}


def load_snapshot(target: str, path: str, shown: str | None = None) -> Snapshot:
    text = read_text(path, path)
    if not isinstance(text, Text):
        raise ConfigError(f"{path}: cannot read snapshot for {target}: {text.reason}")
    body = text.text
    stripped = body.lstrip()
    if stripped and stripped[0] in "[{":
        found = _json(path, body)
    elif (table := _vercel_table(body)) is not None:
        found = table
    elif (dotenv := _dotenv(body)) is not None:
        found = dotenv
    elif (names := _names(body)) is not None:
        found = names
    else:
        raise ConfigError(
            f"{path}: not a provider snapshot env-lint can read; accepted: {ACCEPTED}"
        )
    unique: dict[str, SnapshotVar] = {}
    for var in found:
        unique.setdefault(var.name, var)
    return Snapshot(target, shown or path, tuple(sorted(unique.values())))


def _json(path: str, body: str) -> list[SnapshotVar]:
    try:
        document = json.loads(body)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}; accepted: {ACCEPTED}"
        ) from None
    except RecursionError:
        raise ConfigError(f"{path}: JSON nested too deeply; accepted: {ACCEPTED}") from None
    if isinstance(document, dict) and isinstance(document.get("envs"), list):
        document = document["envs"]
    items: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(document, dict):
        items = [(str(k), ()) for k in document]
    elif isinstance(document, list):
        for item in document:
            if isinstance(item, str):
                items.append((item, ()))
            elif isinstance(item, dict) and isinstance(
                key := item.get("key", item.get("name")), str
            ):
                where = item.get("target", item.get("environments", item.get("environment", ())))
                envs = (
                    [where] if isinstance(where, str) else where if isinstance(where, list) else []
                )
                items.append((key, _environments(envs)))
            else:
                raise ConfigError(
                    f"{path}: JSON array items must be names or objects; accepted: {ACCEPTED}"
                )
    else:
        raise ConfigError(f"{path}: JSON must be an object or an array; accepted: {ACCEPTED}")
    bad = [i for i, (name, _) in enumerate(items) if not _is_name(name)]
    if bad:
        raise ConfigError(
            f"{path}: entry {bad[0] + 1} is not a variable name; accepted: {ACCEPTED}"
        )
    lines = _first_lines(body)
    return [SnapshotVar(name, lines.get(name, 1), envs) for name, envs in items]


def _is_name(name: str) -> bool:
    """A variable name, and not a value pasted where a name belongs (never printed)."""
    return bool(_NAME.match(name)) and printable_name(name)


def _first_lines(body: str) -> dict[str, int]:
    """The first line of each quoted name, in one pass."""
    found: dict[str, int] = {}
    for number, line in enumerate(body.split("\n"), start=1):
        for hit in _QUOTED_NAME.finditer(line):
            found.setdefault(hit.group(1), number)
    return found


def _vercel_table(body: str) -> list[SnapshotVar] | None:
    """``vercel env ls``: a header row with name / value / environments / created columns."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        lowered = line.lower()
        if re.search(r"\bname\b", lowered) and "environments" in lowered:
            start = lowered.index("environments")
            after = re.search(r"\S", lowered[start + len("environments") :])
            end = start + len("environments") + after.start() if after else None
            rows = []
            for number, row in enumerate(lines[index + 1 :], start=index + 2):
                words = row.split()
                if not words or not _is_name(words[0]):
                    continue
                cell = row[start:end] if len(row) > start else ""
                rows.append(SnapshotVar(words[0], number, _environments(cell.split(","))))
            return rows
    return None


def _environments(raw: Sequence[object]) -> tuple[str, ...]:
    found = []
    for item in raw:
        word = str(item).strip().lower()
        if word in ("all", "all environments"):
            return tuple(_ENVIRONMENTS.values())
        if word in _ENVIRONMENTS:
            found.append(_ENVIRONMENTS[word])
    return tuple(sorted(set(found), key=list(_ENVIRONMENTS.values()).index))


def _dotenv(body: str) -> list[SnapshotVar] | None:
    content = [
        line for line in body.split("\n") if line.strip() and not line.lstrip().startswith("#")
    ]
    if not content or not all("=" in line for line in content):
        return None
    from dotenv.parser import parse_stream

    found = []
    for binding in parse_stream(io.StringIO(body)):
        if binding.error:
            return None
        if binding.key is not None and _is_name(binding.key):
            skipped = len(binding.original.string) - len(binding.original.string.lstrip("\n"))
            found.append(SnapshotVar(binding.key, binding.original.line + skipped))
    return found


def _names(body: str) -> list[SnapshotVar] | None:
    found = []
    for number, line in enumerate(body.split("\n"), start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not _is_name(word):
            return None
        found.append(SnapshotVar(word, number))
    return found
