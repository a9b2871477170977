"""Property tests per parser: on arbitrary bytes, arbitrary text and mutations of the fixture
files, a source's parse never raises (beyond the kinds the collector turns into that file's
parse-error) and every location it reports lies inside the file.

The normal suite runs a few examples per parser; a long run:

    ENV_LINT_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz_parsers.py
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from env_lint.model import Location
from env_lint.project.collect import PARSER_ERRORS
from env_lint.sources.base import Settings
from env_lint.sources.registry import source_for

from .conftest import FIXTURES

EXAMPLES = int(os.environ.get("ENV_LINT_FUZZ_EXAMPLES", "12"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# (what, the path the source claims, fixture file names to mutate)
PARSERS = {
    "dotenv": (".env.example", (".env.example", "env.production.example")),
    "typescript": ("src/env.ts", ("env.ts", "api.ts", "route.ts")),
    "javascript": ("src/app.mjs", ("next.config.mjs", "index.ts")),
    "python": ("app/settings.py", ("settings.py", "main.py")),
    "markdown": ("docs/ENV.md", ("ENV.md", "SECRETS.md")),
    "workflow-yaml": (".github/workflows/ci.yml", ("ci.yml", "deploy.yml")),
    "compose-yaml": ("docker-compose.yml", ("docker-compose.yml",)),
    "json-schema": ("env.schema.json", ("app.env.schema.json",)),
    "turbo": ("turbo.json", ("turbo.json",)),
    "package-json": ("package.json", ("package.json",)),
    "pyproject": ("pyproject.toml", ("pyproject.toml",)),
    "dockerfile": ("Dockerfile", ("Dockerfile",)),
    "prisma": ("prisma/schema.prisma", ("schema.prisma",)),
}
SETTINGS = Settings(accessors=("env",))


def _fixtures(names: tuple[str, ...]) -> list[bytes]:
    found = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.name in names)
    return [p.read_bytes() for p in found] or [b""]


def locations(value: object) -> Iterator[Location]:
    if isinstance(value, Location):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from locations(getattr(value, item.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from locations(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from locations(item)


def _line_sets(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8", "replace")
    variants = []
    for body in (text, text.removeprefix("\ufeff")):
        variants.append(body.split("\n"))
        variants.append(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return variants


def _inside(location: Location, variants: list[list[str]]) -> bool:
    return any(
        1 <= location.line <= len(lines) and 1 <= location.column <= len(lines[location.line - 1]) + 1
        for lines in variants
    )


def check(kind: str, data: bytes) -> None:
    path = PARSERS[kind][0]
    source = source_for(path, SETTINGS)
    assert source is not None
    try:
        if not source.wants(path, data, SETTINGS):
            return
        facts = source.parse(path, data, SETTINGS)
        if facts.module is not None:
            from env_lint.project.schemas import resolve_schemas

            resolved = resolve_schemas({path: facts}, [path], lambda p: None)
            facts = dataclasses.replace(facts, schemas=tuple(resolved.schemas))
    except PARSER_ERRORS:
        return  # the collector reports it as this file's parse-error
    variants = _line_sets(data)
    for location in locations(facts):
        assert location.path == path
        assert _inside(location, variants), location


def mutate(data: st.DataObject, original: bytes) -> bytes:
    out = bytearray(original)
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]))
        size = len(out)
        a = data.draw(st.integers(0, size))
        b = data.draw(st.integers(a, min(size, a + 200)))
        if op == "delete":
            del out[a:b]
        elif op == "duplicate":
            out[b:b] = out[a:b] * data.draw(st.integers(1, 50))
        elif op == "insert":
            piece = data.draw(st.binary(max_size=40) | st.text(max_size=40).map(str.encode))
            out[a:a] = piece
        elif op == "swap":
            c = data.draw(st.integers(0, size))
            chunk = out[a:b]
            del out[a:b]
            out[min(c, len(out)) : min(c, len(out))] = chunk
        else:
            del out[a:]
    return bytes(out)


KINDS = sorted(PARSERS)


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(kind, data):
    check(kind, data)


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(text=st.text(max_size=3000))
def test_arbitrary_text(kind, text):
    check(kind, text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(data=st.data())
def test_mutated_fixtures(kind, data):
    originals = _fixtures(PARSERS[kind][1])
    original = data.draw(st.sampled_from(originals))
    check(kind, mutate(data, original))


def test_every_parser_kind_has_fixtures_to_mutate():
    for kind, (_, names) in PARSERS.items():
        assert _fixtures(names) != [b""], kind
    assert Path(FIXTURES).is_dir()
