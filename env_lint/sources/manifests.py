"""Package manifests: ``package.json``, ``pyproject.toml``, ``requirements*.txt``. Their
dependencies make some variables implicit (a library reads them itself); a ``package.json``
also names a service and says whether it is a Next.js app."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from ..model import FileFacts, Manifest, ParseFailure
from .base import Settings, Source, name_of, text_parser

_NAME = "manifest"
_KEYS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


def _claims(rel: str, settings: Settings) -> bool:
    name = name_of(rel)
    return name in ("package.json", "pyproject.toml") or (
        name.startswith("requirements") and name.endswith(".txt")
    )


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    return FileFacts(path, _NAME, manifest=parse_manifest(path, text))


def parse_manifest(path: str, text: str) -> Manifest:
    name = name_of(path)
    if name == "package.json":
        return _package_json(text)
    if name == "pyproject.toml":
        return Manifest(tuple(sorted(_pyproject_dependencies(text))))
    found = {_requirement(line) for line in text.split("\n")}
    return Manifest(tuple(sorted(f for f in found if f)))


def _package_json(text: str) -> Manifest:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return Manifest()
    if not isinstance(data, dict):
        return Manifest()
    deps = {d for k in _KEYS if isinstance(data.get(k), dict) for d in data[k]}
    runtime = [data.get(k) for k in ("dependencies", "devDependencies")]
    next_app = any(isinstance(d, dict) and "next" in d for d in runtime)
    name = data.get("name")
    return Manifest(tuple(sorted(deps)), str(name) if name else None, next_app)


def _pyproject_dependencies(text: str) -> set[str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return set()
    project = _table(data.get("project"))
    found = {_requirement(d) for d in _list(project.get("dependencies")) if isinstance(d, str)}
    for extra in _table(project.get("optional-dependencies")).values():
        found |= {_requirement(d) for d in _list(extra) if isinstance(d, str)}
    poetry = _table(_table(_table(data.get("tool")).get("poetry")).get("dependencies"))
    found |= {str(k).lower() for k in poetry}
    return {f for f in found if f}


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _requirement(line: str) -> str:
    hit = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._\-]*)", line.split("#", 1)[0])
    return hit.group(1).lower().replace("_", "-") if hit else ""


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(path, _NAME)  # the package manager reports a broken manifest


SOURCE = Source(
    _NAME,
    _claims,
    text_parser(_NAME, _read, report=False),
    strict=False,
    unreadable=_unreadable,
)
