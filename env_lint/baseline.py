"""Baselines: accepted findings, keyed on (rule, path, variable, value fingerprint). No line
numbers, so editing lines above a finding does not churn the file; no values, ever."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

from .config import ConfigError
from .model import Finding, Location
from .rules import STALE_BASELINE_ENTRY

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    rule: str
    path: str
    variable: str | None
    fingerprint: str | None


def entry_of(finding: Finding) -> Entry:
    return Entry(finding.rule, finding.location.path, finding.variable, finding.fingerprint)


def _order(entry: Entry) -> tuple[str, str, bool, str, bool, str]:
    """A total order: ``None`` (no variable, no fingerprint) sorts before any string."""
    return (
        entry.rule,
        entry.path,
        entry.variable is not None,
        entry.variable or "",
        entry.fingerprint is not None,
        entry.fingerprint or "",
    )


def render(findings: Iterable[Finding]) -> str:
    """One entry per line, sorted, so that a diff of the baseline reads like a list."""
    entries = sorted(
        {entry_of(f) for f in findings if f.rule != STALE_BASELINE_ENTRY.name}, key=_order
    )
    lines = [
        "  "
        + json.dumps(
            {"rule": e.rule, "path": e.path, "variable": e.variable, "fingerprint": e.fingerprint},
            ensure_ascii=False,
        )
        for e in entries
    ]
    body = ",\n".join(lines)
    return (
        f'{{\n "version": {BASELINE_VERSION},\n "tool": "env-lint",\n "entries": [\n'
        + (body + "\n" if body else "")
        + " ]\n}\n"
    )


def write(path: str, findings: Iterable[Finding]) -> int:
    text = render(findings)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".env-lint-baseline-", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return text.count('"rule"')


def load(path: str) -> list[tuple[Entry, int]]:
    """The entries with the line each is on. A missing or malformed file is a usage error."""
    from .textio import read_bytes

    raw = read_bytes(path, path)
    if not isinstance(raw, bytes):
        raise ConfigError(f"{path}: cannot read baseline: {raw.reason}")
    try:
        text = raw.decode("utf-8")
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid baseline (expected JSON: {_where(exc)})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a valid baseline (JSON nested too deeply)") from None
    _validate(path, document)
    first_line: dict[tuple[str, str], int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        try:
            item = json.loads(line.strip().rstrip(","))
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict) and isinstance(item.get("rule"), str):
            first_line.setdefault((item["rule"], str(item.get("path"))), number)
    found = []
    for item in document["entries"]:
        entry = Entry(item["rule"], item["path"], item.get("variable"), item.get("fingerprint"))
        found.append((entry, first_line.get((entry.rule, entry.path), 1)))
    return found


def _where(exc: ValueError) -> str:
    """Where the JSON broke, never the text around it."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return "not valid UTF-8"


def _validate(path: str, document: object) -> None:
    import jsonschema

    from .config import package_schema, schema_problem

    validator = jsonschema.Draft202012Validator(package_schema("baseline.schema.json"))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    if errors:
        where = "/".join(map(str, errors[0].path)) or "(top level)"
        raise ConfigError(f"{path}: not a valid baseline: {where}: {schema_problem(errors[0])}")


def apply(
    findings: list[Finding], entries: list[tuple[Entry, int]], baseline_path: str
) -> list[Finding]:
    """Drop findings the baseline accepts; report entries that match nothing as stale."""
    accepted = {entry for entry, _ in entries}
    kept = [f for f in findings if entry_of(f) not in accepted]
    seen = {entry_of(f) for f in findings}
    shown = baseline_path.replace(os.sep, "/")
    for entry, line in entries:
        if entry in seen:
            continue
        what = f"`{entry.variable}` " if entry.variable else ""
        kept.append(
            STALE_BASELINE_ENTRY.finding(
                Location(shown, line, 1),
                f"baseline entry for {entry.rule} {what}in `{entry.path}` matches no finding any "
                "more; remove it (or rewrite the baseline with --write-baseline)",
                variable=entry.variable,
            )
        )
    return kept
