"""--quiet, --statistics, --color, docs-table, markdown format."""

from __future__ import annotations

from .conftest import DEMO, FIXTURES, ROOT

DUPLICATE = FIXTURES / "rules" / "duplicate-key" / "fires"
LINE = "fixtures/rules/duplicate-key/fires/.env.example:3:1: warning EL102 [duplicate-key] `API_URL` is listed twice in `.env.example` (first on line 1); the last value wins\n"


def test_quiet_prints_findings_only(run):
    assert run(DUPLICATE, "--quiet").out == LINE
    assert run(FIXTURES / "clean-repo", "-q").out == ""


def test_statistics(run):
    result = run(DEMO, "--statistics", "--select", "EL200,EL208,EL402,EL100")
    assert result.out == (
        "1  EL100  [parse-error]\n"
        "1  EL200  [missing-from-example]\n"
        "1  EL208  [missing-optional-from-example]\n"
        "2  EL402  [requiredness-mismatch]\n"
        "Found 2 errors, 3 warnings (17 files checked).\n"
    )
    assert result.code == 1


def test_color_always_never_and_no_color(run, monkeypatch):
    colored = run(DUPLICATE, "--color", "always").out
    assert colored.startswith("\x1b[1mfixtures/rules/duplicate-key/fires/.env.example:3:1\x1b[0m: \x1b[33mwarning EL102\x1b[0m \x1b[2m[duplicate-key]\x1b[0m")
    assert run(DUPLICATE, "--color", "never").out.startswith(LINE)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(DUPLICATE).out  # auto: not a TTY, and NO_COLOR
    assert "\x1b[" in run(DUPLICATE, "--color", "always").out  # the flag wins
    assert "\x1b[" not in run(DUPLICATE, "--color", "always", "--format", "json").out


def test_markdown_format(run):
    out = run(DUPLICATE, "--format", "markdown").out
    assert out == (
        "# env-lint report\n\n"
        "Found 0 errors, 1 warning (1 file checked).\n\n"
        "## Variables\n\n"
        "| variable | required | secret | targets (docs) |\n|---|---|---|---|\n"
        "| `API_TOKEN` | ? | 🔒 yes | — |\n| `API_URL` | ? | no | — |\n\n"
        "## Findings\n\n"
        "| errors | warnings | infos | files checked |\n|---:|---:|---:|---:|\n| 0 | 1 | 0 | 1 |\n\n"
        "### EL102 `duplicate-key` (1)\n\n"
        "The same key is listed twice in one example file.\n\n"
        "| location | severity | variable | message |\n|---|---|---|---|\n"
        "| `fixtures/rules/duplicate-key/fires/.env.example:3:1` | warning | `API_URL` | `API_URL` is listed twice in `.env.example` (first on line 1); the last value wins |\n"
    )


def test_docs_table_golden(run):
    result = run("docs-table", DEMO)
    assert result.code == 0
    assert result.out == (ROOT / "tests" / "golden" / "docs-table.md").read_text()


def test_docs_table_never_prints_example_values(run):
    out = run("docs-table", DEMO).out
    for value in ("app.example.com", "your-anon-key", "smtp.mailgun.org", "verbose", "sk-or-v1"):
        assert value not in out


def test_docs_table_bad_root(run):
    assert run("docs-table", "nope/").code == 2


def test_docs_table_drops_descriptions_that_could_hold_a_value():
    from env_lint.analysis.catalog import safe_prose

    assert safe_prose("Queue the worker consumes") == "Queue the worker consumes"
    assert safe_prose("32 random bytes, base64 (openssl rand -base64 32)") is not None
    assert safe_prose("old value was q9Vx2Lm7Pz4R") is None
    assert safe_prose("token abcdefghijklmnopqrstuv") is None
    assert safe_prose(None) is None
