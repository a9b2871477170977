"""Prisma schemas: ``url = env("DATABASE_URL")`` reads a variable (and Prisma reads it
itself, so it is implicit too)."""

from __future__ import annotations

import re

from ..model import FileFacts, ImplicitVar, Location, Usage
from .base import Settings, Source, name_of, text_parser

_ENV = re.compile(r"\benv\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*\)")


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) == "schema.prisma"


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    found = prisma_variables(path, text)
    return FileFacts(
        path,
        "prisma",
        usages=tuple(Usage(name, location) for name, location in found),
        implicit=tuple(ImplicitVar(name, "prisma", path) for name, _ in found),
    )


def prisma_variables(path: str, text: str) -> list[tuple[str, Location]]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("//"):
            continue
        for hit in _ENV.finditer(line):
            found.append((hit.group(1), Location(path, number, hit.start(1) + 1)))
    return found


SOURCE = Source("prisma", _claims, text_parser("prisma", _read), words="config")
