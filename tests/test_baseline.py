"""Baselines: write, re-run with it, survive line moves, report stale entries."""

from __future__ import annotations

import json

import pytest

from .conftest import write_repo

SECRET = "q9Vx2Lm7Pz4Rt8Kw3Nb6Yc1Hd5Gf0Js"  # random-looking, on a secret-named variable


@pytest.fixture
def repo(tmp_path):
    return write_repo(
        tmp_path / "repo",
        {
            ".env.example": f"API_URL=https://api.example.com\nAPI_SECRET={SECRET}\nAPI_URL=https://b.example.com\n",
            "src/a.ts": "export const a = [process.env.API_URL, process.env.API_SECRET];\n",
        },
    )


def test_round_trip(run, repo, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run(repo, "--format", "json")
    assert {f["rule"] for f in first.json()["findings"]} == {"secret-in-example", "duplicate-key"}

    written = run(repo, "--write-baseline", baseline)
    assert written.code == 0
    assert written.err == f"env-lint: wrote 2 baseline entries to {baseline}\n"
    text = baseline.read_text()
    assert SECRET not in text and SECRET[:8] not in text
    entries = json.loads(text)["entries"]
    assert [e["rule"] for e in entries] == ["duplicate-key", "secret-in-example"]
    assert all("line" not in e for e in entries)

    assert run(repo, "--baseline", baseline).out == "No problems found (2 files checked).\n"

    example = repo / ".env.example"
    example.write_text("# moved down by a comment\n\n" + example.read_text())
    moved = run(repo, "--baseline", baseline)
    assert (moved.code, moved.out) == (0, "No problems found (2 files checked).\n")

    example.write_text("API_URL=https://api.example.com\nAPI_SECRET=\n")
    fixed = run(repo, "--baseline", baseline, "--format", "json")
    stale = fixed.json()["findings"]
    assert [(f["rule"], f["severity"], f["variable"], f["line"]) for f in stale] == [
        ("stale-baseline-entry", "info", "API_URL", 5),
        ("stale-baseline-entry", "info", "API_SECRET", 6),
    ]
    assert fixed.code == 0  # info does not fail the run


def test_a_new_finding_is_still_reported(run, repo, tmp_path):
    baseline = tmp_path / "baseline.json"
    run(repo, "--write-baseline", baseline)
    (repo / ".env.example").write_text((repo / ".env.example").read_text() + "OTHER_SECRET=" + SECRET[::-1] + "\n")
    result = run(repo, "--baseline", baseline, "--format", "json")
    findings = result.json()["findings"]
    # the secret and the unused key at one place: one finding, the other rule as a related note
    assert [(f["rule"], f["variable"]) for f in findings] == [("secret-in-example", "OTHER_SECRET")]
    assert [r["note"].split(":")[0] for r in findings[0]["related"]] == ["also unused-example-var"]
    assert result.code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a valid baseline (expected JSON"),
        ('{"version": 2, "entries": []}', "not a valid baseline: version"),
        ('{"version": 1, "entries": [{"rule": "x"}]}', "not a valid baseline: entries/0"),
    ],
)
def test_bad_baseline_exits_2(run, repo, tmp_path, content, message):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content)
    result = run(repo, "--baseline", baseline)
    assert result.code == 2
    assert message in result.err
    assert str(baseline) in result.err


def test_missing_baseline_and_several_roots(run, repo, tmp_path):
    assert "cannot read baseline" in run(repo, "--baseline", tmp_path / "nope.json").err
    assert run(repo, repo, "--write-baseline", tmp_path / "b.json").code == 2
