"""Meta-tests over the rule catalogue: one declaration per rule drives everything."""

from __future__ import annotations

import re

import jsonschema
import pytest

from env_lint.config import config_schema
from env_lint.engine import selected_rules
from env_lint.rules import RETIRED_CODES, RULES, lookup

from .conftest import output_schema


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"EL[1-9]\d\d", c) for c in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)
    assert not RETIRED_CODES & set(codes)
    assert codes == sorted(codes)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_is_documented(rule):
    for section in (rule.summary, rule.what, rule.why, rule.example, rule.fix):
        assert section.strip()
    assert rule.summary.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_lookup_by_name_and_code(rule):
    assert lookup(rule.name) is rule
    assert lookup(rule.code) is rule
    assert lookup(rule.code.lower()) is rule
    assert selected_rules((rule.name,), ()) == [rule]
    assert rule not in selected_rules((), (rule.code,))


def test_shipped_schemas_are_valid_json_schemas():
    jsonschema.Draft202012Validator.check_schema(output_schema())
    jsonschema.Draft202012Validator.check_schema(config_schema())


def test_readme_lists_every_rule():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    for rule in RULES:
        assert f"| {rule.code} | `{rule.name}` |" in readme
