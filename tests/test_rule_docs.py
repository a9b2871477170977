"""Rule docs: generated pages are up to date; `env-lint rules` / `env-lint rule X`."""

from __future__ import annotations

import pytest

from env_lint.ruledoc import generated_docs, rule_markdown
from env_lint.rules import RULES

from .conftest import ROOT

DOCS = ROOT / "docs" / "rules"


def test_generated_docs_are_up_to_date():
    expected = generated_docs()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert on_disk == expected, "run: python -m env_lint.docgen docs/rules"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_page_has_all_sections(rule):
    page = rule_markdown(rule)
    for heading in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
        assert heading in page


@pytest.mark.parametrize("key_of", [lambda r: r.name, lambda r: r.code], ids=["name", "code"])
def test_rule_command(run, key_of):
    for rule in RULES:
        result = run("rule", key_of(rule))
        assert (result.code, result.out) == (0, rule_markdown(rule))


def test_rules_command(run):
    result = run("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split() [:3] == ["EL100", "parse-error", "error"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["rule"], "usage: env-lint rule [-h] [-q] NAME-or-CODE"),
        (["rule", "nope"], "unknown rule"),
        (["rules", "x"], "env-lint rules: error: unrecognized arguments: x"),
        (["rule", "a", "b"], "env-lint rule: error: unrecognized arguments: b"),
    ],
)
def test_command_usage_errors(run, argv, message):
    result = run(*argv)
    assert result.code == 2
    assert message in result.err
