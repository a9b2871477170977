"""``tsconfig.json`` / ``jsconfig.json``: the import aliases (``compilerOptions.paths`` and
``baseUrl``, and relative ``extends``) that decide which file ``@/env`` names. A broken one
is the compiler's business: it is skipped, never a finding."""

from __future__ import annotations

import json
import re
from typing import Any

from .. import jsonc
from ..model import FileFacts, TsConfig
from .base import Settings, Source, name_of, text_parser

_NAME = "tsconfig"
_FILE = re.compile(r"^(?:tsconfig(?:\.[\w.-]+)?|jsconfig)\.json$")


def _claims(rel: str, settings: Settings) -> bool:
    return _FILE.match(name_of(rel)) is not None


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    try:
        document = jsonc.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return FileFacts(path, _NAME)
    config = ts_config(document) if isinstance(document, dict) else None
    return FileFacts(path, _NAME, ts_config=config)


def ts_config(document: dict[str, Any]) -> TsConfig | None:
    options = document.get("compilerOptions")
    options = options if isinstance(options, dict) else {}
    base = options.get("baseUrl")
    paths = options.get("paths")
    found = []
    for pattern, targets in paths.items() if isinstance(paths, dict) else ():
        if isinstance(targets, list):
            found.append((str(pattern), tuple(t for t in targets if isinstance(t, str))))
    extends = document.get("extends")
    parents = extends if isinstance(extends, list) else [extends]
    relative = tuple(p for p in parents if isinstance(p, str) and p.startswith("."))
    if base is None and not found and not relative:
        return None
    return TsConfig(base if isinstance(base, str) else None, tuple(found), relative)


SOURCE = Source("tsconfig", _claims, text_parser(_NAME, _read, report=False), words="config")
