"""SARIF 2.1.0 output: valid against the official schema for every fixture repo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from env_lint.rules import RULES

from .conftest import DEMO, FIXTURES, ROOT

SCHEMA_PATH = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
SHARED_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def fixture_repos() -> list[Path]:
    top = [p for p in sorted(FIXTURES.iterdir()) if p.is_dir() and p.name != "rules"]
    rules = sorted(p for p in (FIXTURES / "rules").glob("*/*") if p.is_dir())
    return top + rules


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft4Validator(schema)


def test_vendored_schema_is_the_official_one():
    if SHARED_SCHEMA.exists():
        assert json.loads(SHARED_SCHEMA.read_text()) == json.loads(SCHEMA_PATH.read_text())
    assert json.loads(SCHEMA_PATH.read_text())["id"].endswith("sarif-schema-2.1.0.json")


@pytest.mark.parametrize("repo", fixture_repos(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_is_valid_sarif(run, validator, repo):
    result = run(repo, "--format", "sarif")
    document = json.loads(result.out)
    errors = sorted(validator.iter_errors(document), key=str)
    assert errors == []
    text = run(repo, "--format", "json").json()
    assert len(document["runs"][0]["results"]) == len(text["findings"])


def test_driver_rules_come_from_the_registry(run):
    document = json.loads(run(DEMO, "--format", "sarif").out)
    driver = document["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    assert [r["name"] for r in driver["rules"]] == [r.name for r in RULES]
    first = driver["rules"][0]
    assert first["shortDescription"]["text"] == RULES[0].summary
    assert first["fullDescription"]["text"] == RULES[0].what
    assert first["help"]["markdown"].startswith(f"# {RULES[0].name} ({RULES[0].code})")
    assert first["defaultConfiguration"]["level"] == "error"


def test_information_and_help_uris_point_into_the_repo_at_this_version(run):
    from env_lint import HOMEPAGE, __version__

    driver = json.loads(run(DEMO, "--format", "sarif").out)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == HOMEPAGE == "https://github.com/env-lint/env-lint"
    for rule in driver["rules"]:
        page = f"docs/rules/{rule['name']}.md"
        assert rule["helpUri"] == f"{HOMEPAGE}/blob/v{__version__}/{page}"
        assert (ROOT / page).is_file(), page


def test_results_regions_related_and_levels(run):
    document = json.loads(run(DEMO, "--format", "sarif").out)
    results = document["runs"][0]["results"]
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    by_place = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]
        + ":"
        + str(r["locations"][0]["physicalLocation"]["region"]["startLine"]): r
        for r in results
    }
    duplicate = by_place["env.production.example:50"]
    assert duplicate["ruleId"] == "EL102"
    assert rules[duplicate["ruleIndex"]]["id"] == "EL102"
    assert duplicate["level"] == "warning"
    assert duplicate["locations"][0]["physicalLocation"]["region"] == {"startLine": 50, "startColumn": 1}
    assert duplicate["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 45
    assert duplicate["relatedLocations"][0]["message"]["text"] == "first listed here"
    assert document["runs"][0]["columnKind"] == "unicodeCodePoints"


def fingerprints(run, repo) -> dict[tuple[str, str], str]:
    document = json.loads(run(repo, "--format", "sarif").out)
    return {
        (r["ruleId"], r["message"]["text"]): r["partialFingerprints"]["envLintIdentity/v1"]
        for r in document["runs"][0]["results"]
    }


def test_fingerprints_survive_line_moves(run, tmp_path):
    repo = tmp_path / "demo"
    shutil.copytree(DEMO, repo)
    before = fingerprints(run, repo)
    for rel in ("env.production.example", "services/worker/src/lib/env.ts", "docs/SECRETS.md"):
        path = repo / rel
        prefix = "\n\n\n" if rel.endswith(".md") else ("// moved\n\n" if rel.endswith(".ts") else "# moved\n\n")
        path.write_text(prefix + path.read_text())
    after = fingerprints(run, repo)
    assert len(set(before.values())) == len(before)  # unique
    # Messages that quote line numbers change; fingerprints must not.
    assert sorted(before.values()) == sorted(after.values())


def test_paths_are_relative_to_the_working_directory(run):
    document = json.loads(run(FIXTURES / "monorepo-scope", "--format", "sarif").out)
    [result] = document["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "fixtures/monorepo-scope/services/worker/src/env.ts"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"


def test_a_root_outside_the_working_directory_is_a_file_uri(run, tmp_path):
    shutil.copytree(FIXTURES / "monorepo-scope", tmp_path / "my repo")
    document = json.loads(run(tmp_path / "my repo", "--format", "sarif").out)
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": f"file://{tmp_path}/my%20repo/services/worker/src/env.ts".replace(" ", "%20")
    }
