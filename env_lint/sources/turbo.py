"""turbo.json: which variables Turborepo's strict env mode lets through to a workspace's tasks.

``globalEnv``, ``globalPassThroughEnv``, and every task's ``env`` / ``passThroughEnv`` (``tasks``
in turbo 2, ``pipeline`` in turbo 1), at the root and in a workspace's own ``turbo.json``;
wildcards (``NEXT_PUBLIC_*``) and ``!`` negations; ``envMode: "loose"`` turns the filter off.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase

from .. import jsonc
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
    """``turbo.json`` is JSONC: comments and trailing commas are allowed."""
    try:
        document = jsonc.loads(text)
    except json.JSONDecodeError as exc:
        return ParseFailure(Location(path, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}")
    except RecursionError:
        return ParseFailure(Location(path, 1, 1), "JSON nested too deeply")
    if not isinstance(document, dict):
        return ParseFailure(Location(path, 1, 1), "turbo.json must be a JSON object")
    patterns: list[str] = []
    pass_through = bool(_strings(document.get("globalPassThroughEnv")))
    for key in ("globalEnv", "globalPassThroughEnv"):
        patterns += _strings(document.get(key))
    legacy = "pipeline" in document and "tasks" not in document
    tasks = document.get("tasks", document.get("pipeline", {}))
    names: list[str] = []
    for name, task in tasks.items() if isinstance(tasks, dict) else ():
        names.append(str(name).rsplit("#", 1)[-1])
        if isinstance(task, dict):
            patterns += _strings(task.get("env")) + _strings(task.get("passThroughEnv"))
            pass_through = pass_through or bool(_strings(task.get("passThroughEnv")))
    mode = document.get("envMode")
    return TurboConfig(
        path,
        directory,
        tuple(patterns),
        loose=mode == "loose",
        tasks=tuple(sorted(set(names))),
        pass_through=pass_through,
        legacy=legacy,
        strict=mode == "strict",
    )


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


SOURCE = Source(_NAME, _claims, text_parser(_NAME, _read), words="config")
