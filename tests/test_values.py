"""Placeholders, meaning-equality, schema validation of example values."""

from __future__ import annotations

import pytest

from env_lint.model import Constraints, Location, SchemaVar
from env_lint.values import doc_default_matches, is_placeholder, problems, same_as_default


@pytest.mark.parametrize(
    "value",
    [
        "", "   ", "your-api-key", "your_token_here", "<paste here>", "xxx", "XXXXXXXX", "***",
        "...", "sk-or-v1-...", "changeme", "CHANGE_ME", "replace-me", "${OTHER_VAR}", "$OTHER",
        "put-key-here", "TODO", "placeholder", "…",
    ],
)
def test_placeholders(value):
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["info", "https://api.example.com", "3000", "true", "sk-live-abc", "verbose", "x"]
)
def test_concrete_values(value):
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("value", "default", "same"),
    [
        ("25", 25, True), ("25.0", 25, True), ("2.5e1", 25, True), ("26", 25, False),
        ("true", True, True), ('"true"', True, True), ("TRUE", True, True), ("1", True, True),
        ("false", True, False), ("info", "info", True), ("'info'", "info", True),
        ("Info", "info", False), ("3000.0", "3000", True), ("abc", 25, False), ("null", None, True),
    ],
)
def test_same_as_default(value, default, same):
    assert same_as_default(value, default) is same


def var(kind: str, **limits: object) -> SchemaVar:
    choices = tuple(limits.pop("choices", ()))  # type: ignore[call-overload]
    return SchemaVar("K", Location("e.ts", 1, 1), kind, True, choices=choices, constraints=Constraints(**limits))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "schema", "expected"),
    [
        ("debug", var("enum", choices=("debug", "info")), []),
        ("verbose", var("enum", choices=("debug", "info")), ["is not one of the schema's choices: debug, info"]),
        ("12", var("number"), []),
        ("twelve", var("number"), ["is not a number"]),
        ("1.5", var("number", integer=True), ["is not an integer"]),
        ("0", var("number", min=1, max=32), ["is below the schema minimum 1"]),
        ("64", var("number", min=1, max=32), ["is above the schema maximum 32"]),
        ("-1", var("number", positive=True), ["is not positive"]),
        ("yes", var("boolean"), []),
        ("maybe", var("boolean"), ["is not a boolean (true/false/1/0)"]),
        ("https://x.example.com", var("url"), []),
        ("redis://localhost:6379", var("url"), []),
        ("not a url", var("url"), ["is not a URL (scheme://host...)"]),
        ("a@b.co", var("email"), []),
        ("a-at-b", var("email"), ["is not an email address"]),
        ("123e4567-e89b-12d3-a456-426614174000", var("uuid"), []),
        ("123", var("uuid"), ["is not a UUID"]),
        ("abc", var("string", length=44), ["has 3 characters, the schema requires exactly 44"]),
        ("abc", var("string", min=8), ["has 3 characters, the schema requires at least 8"]),
        ("abcdef", var("string", max=4), ["has 6 characters, the schema allows at most 4"]),
        ("pk_abc", var("string", starts_with="sk_"), ['does not start with "sk_" as the schema requires']),
        ("anything", var("unknown"), []),
        ("abc-123", var("string", pattern=r"^[a-z]+-\d+$"), []),
        ("ABC", var("string", pattern=r"^[a-z]+$"), ["does not match the schema's pattern"]),
        ("x", var("string", pattern="("), []),
    ],
)
def test_problems(value, schema, expected):
    assert problems(value, schema) == expected
    assert all(value not in p for p in problems(value, schema) if len(value) > 3)


@pytest.mark.parametrize(
    ("stated", "default", "matches"),
    [
        ("`8080`", 8080, True),
        ("`9090`", 8080, False),
        ("Not set", "", True),
        ("`${ROOT_URL}/api/callback`", "https://x.example/api/callback", None),  # computed
        ("$HOME/.cache/app", "/var/cache/app", None),
        ("`info`", "", None),  # an empty schema default says "unset": resolved where it is used
        ("`info`", "debug", False),
    ],
)
def test_doc_default_matches(stated, default, matches):
    assert doc_default_matches(stated, default) is matches
