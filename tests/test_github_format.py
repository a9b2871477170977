"""GitHub workflow commands, --format auto and the job summary."""

from __future__ import annotations

import pytest

from env_lint.reporters.github import escape_data, escape_property

from .conftest import DEMO, FIXTURES


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A literal", "%250A literal", "%250A literal"),
    ],
)
def test_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_format_lines(run):
    result = run(FIXTURES / "rules" / "duplicate-key" / "fires", "--format", "github")
    assert result.out == (
        "::warning file=fixtures/rules/duplicate-key/fires/.env.example,line=3,col=1,"
        "title=EL102 duplicate-key::`API_URL` is listed twice in `.env.example` (first on line "
        "1); the last value wins\n"
        "Found 0 errors, 1 warning (1 file checked).\n"
    )


def test_error_and_notice_commands(run):
    result = run(FIXTURES / "rules" / "parse-error" / "fires", "--format", "github")
    assert result.out.startswith("::error file=fixtures/rules/parse-error/fires/.env.example,")


def test_auto_picks_github_in_actions(run, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run(DEMO).out.startswith("::warning file=fixtures/t11-platform/docs/SECRETS.md,line=23")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert run(DEMO).out.startswith("fixtures/t11-platform/docs/SECRETS.md:23:4: warning EL400")


def test_step_summary_gets_the_markdown_report(run, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run(DEMO, "--format", "json")
    text = summary.read_text()
    assert text.startswith("earlier step\n# env-lint report\n")
    assert "### EL200 `missing-from-example` (1)" in text
    assert "| `fixtures/t11-platform/services/worker/src/lib/env.ts:17:3` | error | `WORKER_HEALTHCHECK_TOKEN` |" in text
    assert result.json()["summary"]["errors"] == 6  # stdout keeps the chosen format


def test_unwritable_step_summary_is_a_warning_not_a_crash(run, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing-dir" / "summary.md"))
    result = run(FIXTURES / "clean-repo")
    assert result.code == 0
    assert "cannot write GITHUB_STEP_SUMMARY" in result.err
