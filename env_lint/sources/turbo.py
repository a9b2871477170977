"""turbo.json: which variables Turborepo's strict env mode lets through to a workspace's tasks.

``globalEnv``, ``globalPassThroughEnv``, and every task's ``env`` / ``passThroughEnv`` (``tasks``
in turbo 2, ``pipeline`` in turbo 1), at the root and in a workspace's own ``turbo.json``;
wildcards (``NEXT_PUBLIC_*``) and ``!`` negations; ``envMode: "loose"`` turns the filter off.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase

from ..model import FileFacts, Location, ParseFailure, TurboConfig, parent_dir
from .base import Settings, Source, name_of, text_parser

_NAME = "turbo"


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) == "turbo.json"


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    parsed = parse_turbo(path, parent_dir(path), text)
    if isinstance(parsed, ParseFailure):
        return FileFacts(path, _NAME, failures=(parsed,))
    return FileFacts(path, _NAME, turbo=parsed)


def parse_turbo(path: str, directory: str, text: str) -> TurboConfig | ParseFailure:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return ParseFailure(Location(path, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}")
    if not isinstance(document, dict):
        return ParseFailure(Location(path, 1, 1), "turbo.json must be a JSON object")
    patterns: list[str] = []
    for key in ("globalEnv", "globalPassThroughEnv"):
        patterns += _strings(document.get(key))
    tasks = document.get("tasks", document.get("pipeline", {}))
    for task in tasks.values() if isinstance(tasks, dict) else ():
        if isinstance(task, dict):
            patterns += _strings(task.get("env")) + _strings(task.get("passThroughEnv"))
    loose = document.get("envMode") == "loose"
    return TurboConfig(path, directory, tuple(patterns), loose)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def allows(patterns: tuple[str, ...], name: str) -> bool:
    """Turbo's matching: the last matching pattern wins, ``!`` excludes."""
    allowed = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        if fnmatchcase(name, pattern[1:] if negated else pattern):
            allowed = not negated
    return allowed


SOURCE = Source(_NAME, _claims, text_parser(_NAME, _read))
