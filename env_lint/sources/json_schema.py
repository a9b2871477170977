"""JSON Schema env files (``env.schema.json``, ``*.env.schema.json``, configured): ``properties``,
``required``, ``default``, ``enum``, ``type``, ``format``, length and range limits. The schema
itself is checked against its meta-schema with jsonschema; a broken one is a parse error."""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

from ..config import schema_problem
from ..credentials import printable_name
from ..model import Constraints, FileFacts, Location, ParseFailure, Schema, SchemaVar
from ..paths import is_json_schema_name
from .base import Settings, Source, name_of, text_parser

_NAME = "json-schema"

_FORMATS = {
    "uri": "url",
    "url": "url",
    "iri": "url",
    "email": "email",
    "idn-email": "email",
    "uuid": "uuid",
}
_TYPES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


def _claims(rel: str, settings: Settings) -> bool:
    name = name_of(rel)
    return (settings.auto and is_json_schema_name(name)) or (
        settings.configured_schema(rel) and name.endswith(".json")
    )


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    parsed = parse_json_schema(path, text)
    if isinstance(parsed, ParseFailure):
        return FileFacts(path, _NAME, failures=(parsed,))
    return FileFacts(path, _NAME, schemas=(parsed,))


def parse_json_schema(path: str, text: str) -> Schema | ParseFailure:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return ParseFailure(Location(path, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}")
    problem = _meta_problem(document)
    if problem is not None:
        return ParseFailure(Location(path, 1, 1), f"not a valid JSON Schema: {problem}")
    if not isinstance(document, dict) or not isinstance(document.get("properties"), dict):
        return ParseFailure(Location(path, 1, 1), "a JSON Schema without `properties`")
    keys = _key_positions(text)
    required = set(_strings(document.get("required")))
    variables = [
        _variable(path, keys, name, spec if isinstance(spec, dict) else {}, name in required)
        for name, spec in document["properties"].items()
    ]
    return Schema(path, Location(path, 1, 1), tuple(variables), kind="json-schema")


def _meta_problem(document: Any) -> str | None:
    import jsonschema
    from jsonschema.exceptions import SchemaError

    try:
        with warnings.catch_warnings():  # an unknown $schema draft: checked with the latest
            warnings.simplefilter("ignore")
            jsonschema.validators.validator_for(document).check_schema(document)
    except SchemaError as exc:
        where = "/".join(_part(p) for p in exc.path) or "(top level)"
        return f"{where}: {schema_problem(exc)}"
    return None


_KEY = re.compile(r'"((?:[^"\\\n]|\\.){0,256})"\s*:')


def _key_positions(text: str) -> dict[str, tuple[int, int]]:
    """The first (line, column) of every object key, in one pass over the text."""
    found: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for hit in _KEY.finditer(line):
            try:
                key = json.loads(f'"{hit.group(1)}"')
            except ValueError:
                continue
            found.setdefault(key, (number, hit.start() + 2))
    return found


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _part(part: object) -> str:
    """A path part: an index or a key; a key that is not name-shaped is described."""
    text = str(part)
    return text if isinstance(part, int) or printable_name(text) else "(a key)"


def _variable(
    path: str, keys: dict[str, tuple[int, int]], name: str, spec: dict[str, Any], listed: bool
) -> SchemaVar:
    line, column = keys.get(name, (1, 1))
    kinds = spec.get("type")
    kind = kinds[0] if isinstance(kinds, list) and kinds else kinds
    enum = spec.get("enum")
    has_default = "default" in spec
    default = spec.get("default")
    if "enum" in spec and isinstance(enum, list):
        typed = "enum"
    else:
        typed = _FORMATS.get(str(spec.get("format")), _TYPES.get(str(kind), "unknown"))
    return SchemaVar(
        name=name,
        location=Location(path, line, column),
        type=typed,
        required=listed and not has_default,
        has_default=has_default,
        default=default if isinstance(default, (str, int, float, bool)) else None,
        default_known=isinstance(default, (str, int, float, bool)),
        choices=tuple(str(v).lower() if isinstance(v, bool) else str(v) for v in enum)
        if isinstance(enum, list)
        else (),
        constraints=Constraints(
            min=spec.get("minimum", spec.get("minLength")),
            max=spec.get("maximum", spec.get("maxLength")),
            integer=kind == "integer",
            pattern=spec.get("pattern") if isinstance(spec.get("pattern"), str) else None,
        ),
        description=spec.get("description") if isinstance(spec.get("description"), str) else None,
        expression=f"JSON Schema {kind or 'value'}",
    )


SOURCE = Source(_NAME, _claims, text_parser(_NAME, _read))
