"""One finding per variable and place: what several rules say about one variable at one
location is one finding, by the most severe rule, with the others as related notes."""

from __future__ import annotations

from env_lint.engine import fold_same_place
from env_lint.model import Finding, Location, Related, Severity

from .conftest import write_repo

KEY = "ghp_" + "Q7w2Zr9Tk4Lm8Xv3Bn6Hc1Jd5Fs0Gp2Ya7Ue"


def test_a_secret_in_an_unused_key_is_one_finding(run_in, tmp_path):
    repo = write_repo(tmp_path, {
        ".env.example": f"API_URL=\nLEGACY_GITHUB_TOKEN={KEY}\n",
        "src/api.ts": "export const url = process.env.API_URL;\n",
    })
    result = run_in(repo, "--format", "json")
    findings = result.json()["findings"]
    assert [(f["rule"], f["variable"], f["line"]) for f in findings] == [
        ("secret-in-example", "LEGACY_GITHUB_TOKEN", 2)
    ]
    assert [r["note"] for r in findings[0]["related"]] == [
        "also unused-example-var: `LEGACY_GITHUB_TOKEN` is listed in `.env.example` but no "
        "schema declares it and no code reads it"
    ]
    assert KEY[4:20] not in result.out


def test_different_places_or_variables_stay_apart():
    here, there = Location("a", 1, 1), Location("a", 2, 1)
    one = Finding("EL201", "unused-example-var", Severity.WARNING, here, "m1", "A_B")
    two = Finding("EL600", "secret-in-example", Severity.ERROR, there, "m2", "A_B")
    three = Finding("EL102", "duplicate-key", Severity.WARNING, here, "m3", "C_D")
    assert sorted(fold_same_place([one, two, three]), key=Finding.sort_key) == [three, one, two]
    four = Finding("EL402", "requiredness-mismatch", Severity.WARNING, here, "m4", "A_B")
    folded = fold_same_place([four, one])
    assert folded == [Finding(
        "EL201", "unused-example-var", Severity.WARNING, here, "m1", "A_B",
        related=(Related(here, "also requiredness-mismatch: m4"),),
    )]
