"""``.gitmodules``: the paths of the repo's git submodules. Their code is another repository's,
and ``git ls-files`` never lists it: what a submodule reads is out of env-lint's sight."""

from __future__ import annotations

import configparser

from ..model import FileFacts
from .base import Settings, Source, name_of, text_parser
from .deployfiles import in_repo

_NAME = "gitmodules"


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) == ".gitmodules" and "/" not in rel


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text, source=path)
    except (configparser.Error, ValueError):
        return FileFacts(path, _NAME, checked=False)  # git reports a broken one
    found = set()
    for section in parser.sections():
        written = parser.get(section, "path", fallback="").strip()
        submodule = in_repo("", written) if written else None
        if submodule:  # not the repo itself, nor a path outside it
            found.add(submodule)
    return FileFacts(path, _NAME, checked=False, submodules=tuple(sorted(found)))


SOURCE = Source(_NAME, _claims, text_parser(_NAME, _read, report=False), strict=False)
