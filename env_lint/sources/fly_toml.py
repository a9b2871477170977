"""Fly.io app configs (``fly.toml``): the ``[env]`` table of the app in the file's directory.

Fly secrets are set out of band (``fly secrets set``), so the file is not complete: a required
variable it lacks is reported only when ``[tool.env-lint.manifests] complete`` names ``fly``.
tomllib has no positions: a key's line is the first line of the ``[env]`` table that assigns
it (line 1 when it cannot be found)."""

from __future__ import annotations

import re
import sys
from typing import Any

from ..model import DeployManifest, FileFacts, Location, ManifestVar, ParseFailure
from ..model.manifests import VALUE
from .base import Settings, name_of
from .deployfiles import NAME, deploy_source, in_repo, kept_value

_NAME = "fly"


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) == "fly.toml"


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        message, _, where = str(exc).partition(" (at line ")
        line = int(where.split(",", 1)[0]) if where[:1].isdigit() else 1
        failure = ParseFailure(Location(path, line, 1), f"invalid TOML: {message}")
        return FileFacts(path, _NAME, failures=(failure,))
    env = data.get("env")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == "[env]"), 0)
    base = path.rpartition("/")[0]
    build = data.get("build") if isinstance(data.get("build"), dict) else {}
    dockerfile = build.get("dockerfile") if isinstance(build, dict) else None
    unit = DeployManifest(
        path=path,
        kind=_NAME,
        platform="fly",
        unit=str(data.get("app") or ""),
        location=Location(path, start + 1, 1),
        directory=base,
        variables=tuple(_variables(path, env, lines, start)),
        dockerfile=in_repo(base, dockerfile) if isinstance(dockerfile, str) else None,
        complete=False,
    )
    return FileFacts(path, _NAME, deploy=(unit,))


def _variables(path: str, env: Any, lines: list[str], start: int) -> list[ManifestVar]:
    if not isinstance(env, dict):
        return []
    found = []
    for key, value in env.items():
        if not NAME.match(key) or isinstance(value, (dict, list)):
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        found.append(
            ManifestVar(key, _locate(path, lines, start, key), VALUE, kept_value(key, text))
        )
    return found


def _locate(path: str, lines: list[str], start: int, key: str) -> Location:
    assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for index in range(start, len(lines)):
        if assignment.match(lines[index]):
            return Location(path, index + 1, lines[index].index(key) + 1)
    return Location(path, 1, 1)


SOURCE = deploy_source(_NAME, _claims, _read)
