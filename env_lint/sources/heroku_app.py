"""Heroku app manifests (``app.json``): the ``env`` the app is created with (a ``value``, the
default the deployer may change; a ``generator: secret``; a variable with neither is asked for
at deploy time) for the app in the
file's directory. An ``app.json`` without Heroku keys (an Expo config) is not one. JSON has no
positions: a key's line is the first line that holds it as a JSON string."""

from __future__ import annotations

import json
from typing import Any

from ..model import DeployManifest, FileFacts, Location, ManifestVar
from ..model.manifests import DEFAULT, PLACEHOLDER, SECRET, VALUE
from .base import Settings, name_of
from .deployfiles import NAME, deploy_source, kept_value

_NAME = "heroku"
_HEROKU_KEYS = ("env", "addons", "formation", "buildpacks", "stack")


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) == "app.json"


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return FileFacts(path, _NAME)
    if not isinstance(data, dict) or not any(k in data for k in _HEROKU_KEYS):
        return FileFacts(path, _NAME)
    env = data.get("env")
    lines = text.split("\n")
    variables = [
        _var(path, lines, name, spec)
        for name, spec in (env.items() if isinstance(env, dict) else ())
        if NAME.match(name)
    ]
    unit = DeployManifest(
        path=path,
        kind=_NAME,
        platform="heroku",
        unit=str(data.get("name") or ""),
        location=_locate(path, lines, "env") if isinstance(env, dict) else Location(path, 1, 1),
        directory=path.rpartition("/")[0],
        variables=tuple(variables),
    )
    return FileFacts(path, _NAME, deploy=(unit,))


def _var(path: str, lines: list[str], name: str, spec: Any) -> ManifestVar:
    at = _locate(path, lines, name)
    if isinstance(spec, str):
        return ManifestVar(name, at, VALUE, kept_value(name, spec))
    spec = spec if isinstance(spec, dict) else {}
    value = spec.get("value")
    if isinstance(value, (str, int, float, bool)) and str(value):
        text = str(value).lower() if isinstance(value, bool) else str(value)
        return ManifestVar(name, at, DEFAULT, kept_value(name, text))
    if spec.get("generator") == "secret":
        return ManifestVar(name, at, SECRET)
    return ManifestVar(name, at, PLACEHOLDER)


def _locate(path: str, lines: list[str], name: str) -> Location:
    needle = json.dumps(name)
    for index, line in enumerate(lines):
        if needle in line:
            return Location(path, index + 1, line.index(needle) + 1)
    return Location(path, 1, 1)


SOURCE = deploy_source(_NAME, _claims, _read)
