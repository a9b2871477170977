"""Command-line conventions: subcommands, --output-format, --exit-zero, rule prefixes,
extend-select, quiet everywhere, FORCE_COLOR, --write-report, GitHub's annotation cap."""

from __future__ import annotations

import json

import pytest

from .conftest import DEMO, FIXTURES, write_repo

DUPLICATE = FIXTURES / "rules" / "duplicate-key" / "fires"


def codes(result) -> list[str]:
    return sorted({f["code"] for f in result.json()["findings"]})


def test_check_is_the_explicit_form_of_the_bare_command(run):
    assert run("check", DEMO).out == run(DEMO).out
    assert run("check", DEMO, "--format", "json").out == run(DEMO, "--output-format", "json").out


def test_a_directory_named_like_a_command_is_checked_through_check(run, tmp_path, monkeypatch):
    write_repo(tmp_path, {"rules/.env.example": "A_B=1\nA_B=2\n"})
    monkeypatch.chdir(tmp_path)
    assert run("check", "rules", "-q").out.startswith("rules/.env.example:2:1: warning EL102")
    assert run("rules").out.startswith("EL100  parse-error")


def test_exit_zero_keeps_the_findings_but_not_the_failure(run):
    result = run(DEMO, "--exit-zero", "-q")
    assert result.code == 0 and result.out.count("\n") == 13
    assert run(DEMO, "--exit-zero", "--strict", "--select", "EL102").code == 0
    assert run(DEMO, "--exit-zero", "--select", "nope").code == 2  # a usage error stays 2
    assert run(DEMO, "--exit-zero", "--diff").code == 0


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # a prefix selects the off-by-default rules under it too (EL208, EL403)
        (["--select", "EL2"], ["EL200", "EL201", "EL202", "EL203", "EL208"]),
        (["--select", "el20"], ["EL200", "EL201", "EL202", "EL203", "EL208"]),
        (["--select", "EL4", "--ignore", "EL40"], []),
        (["--select", "EL4", "--ignore", "EL401"], ["EL400", "EL402", "EL403"]),
        (["--select", "EL1", "--extend-select", "EL50,stale-doc-var"], ["EL100", "EL101", "EL102", "EL301"]),
        (["--ignore", "EL1,EL3,EL4,EL5"], ["EL200", "EL201", "EL202", "EL203"]),
    ],
)
def test_rule_code_prefixes_and_extend_select(run, argv, expected):
    assert codes(run(DEMO, "--format", "json", *argv)) == expected


def test_an_unknown_prefix_is_a_usage_error(run):
    result = run(DEMO, "--select", "EL9")
    assert (result.code, result.err) == (2, "env-lint: error: --select: unknown rule 'EL9' (see `env-lint rules`)\n")


def test_prefixes_and_extend_select_in_the_config(run_in, tmp_path):
    write_repo(tmp_path, {
        ".env.example": "A_B=1\nA_B=2\n1BAD=x\nOLD_X=\nLEGACY_Y=\n",
        "src/a.ts": "export const a = process.env.A_B;\n",
        ".env-lint.toml": 'select = ["EL10"]\nextend-select = ["EL2"]\nignore = ["EL101"]\n\n[ignore-variables]\nEL2 = ["LEGACY_*"]\n',
    })
    found = run_in(tmp_path, "--format", "json").json()["findings"]
    assert [(f["code"], f["variable"]) for f in found] == [("EL102", "A_B"), ("EL201", "OLD_X")]
    assert codes(run_in(tmp_path, "--format", "json", "--select", "EL101")) == ["EL201"]  # ignore wins


def test_a_bad_prefix_in_the_config_names_the_key(run_in, tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=1\n", ".env-lint.toml": 'extend-select = ["EL9"]\n'})
    result = run_in(tmp_path)
    assert result.code == 2
    assert result.err.endswith(".env-lint.toml: extend-select[0]: unknown rule 'EL9' (see `env-lint rules`)\n")


def test_quiet_statistics_prints_the_counts_only(run):
    result = run(DEMO, "--statistics", "-q", "--select", "EL200,EL402")
    assert result.out == "1  EL200  [missing-from-example]\n2  EL402  [requiredness-mismatch]\n"


def test_quiet_everywhere(run, tmp_path):
    assert not run(DUPLICATE, "-q", "--format", "github").out.endswith("checked).\n")
    assert run(DUPLICATE, "--format", "github").out.endswith("(1 file checked).\n")
    assert run("rules", "-q").code == run("rule", "EL100", "-q").code == run("docs-table", DEMO, "-q").code == 0
    write_repo(tmp_path, {"src/env.ts": 'import { z } from "zod";\nexport const env = z.object({ A_B: z.string() }).parse(process.env);\n', ".env.example": "C_D=\n"})
    loud = run(tmp_path, "--fix", "--select", "EL200")
    assert "env-lint: fixed" in loud.err
    (tmp_path / ".env.example").write_text("C_D=\n")
    quiet = run(tmp_path, "--fix", "--select", "EL200", "-q")
    assert (quiet.out, quiet.err) == ("", "")
    assert (tmp_path / ".env.example").read_text().endswith("A_B=\n")


@pytest.mark.parametrize(
    ("environ", "flag", "colored"),
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "true"}, [], True),
        ({"FORCE_COLOR": "0"}, [], False),
        ({"FORCE_COLOR": ""}, [], False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, [], True),
        ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
    ],
)
def test_force_color_and_no_color(run, monkeypatch, environ, flag, colored):
    for name in ("FORCE_COLOR", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert ("\x1b[" in run(DUPLICATE, *flag).out) is colored
    assert "\x1b[" not in run(DUPLICATE, *flag, "--format", "json").out


def test_one_run_writes_several_forms(run, tmp_path):
    sarif, markdown = tmp_path / "out.sarif", tmp_path / "report.md"
    result = run(DEMO, "--format", "github", "--write-report", f"sarif={sarif}", "--write-report", f"markdown={markdown}")
    assert result.code == 1 and result.out.startswith("::warning file=fixtures/t11-platform/docs/SECRETS.md")
    assert json.loads(sarif.read_text()) == json.loads(run(DEMO, "--format", "sarif").out)
    assert markdown.read_text() == run(DEMO, "--format", "markdown").out
    assert "\x1b[" not in markdown.read_text()


@pytest.mark.parametrize("value", ["sarif", "yaml=out.txt", "sarif=", "auto=x.txt"])
def test_write_report_needs_format_and_file(run, value):
    result = run(DEMO, "--write-report", value)
    assert result.code == 2 and "--write-report" in result.err and result.out == ""


def test_github_shows_ten_annotations_per_kind_and_says_how_many_more(run_in, tmp_path):
    """12 errors and 3 warnings: 9 error annotations, 1 that counts the other 3, 3 warnings;
    the 3 errors without an annotation are still in the log as plain lines."""
    keys = "".join(f"{n}BAD=x\n" for n in range(1, 13))
    write_repo(tmp_path, {".env.example": keys + "A_B=1\nA_B=2\nA_B=3\nC_D=1\nC_D=2\n"})
    lines = run_in(tmp_path, "--format", "github").out.splitlines()
    errors = [line for line in lines if line.startswith("::error file=")]
    warnings = [line for line in lines if line.startswith("::warning file=")]
    assert len(errors) == 9 and len(warnings) == 3
    assert errors[-1].startswith("::error file=.env.example,line=9,col=1,title=EL101 invalid-key::")
    assert lines[12] == (
        "::error title=env-lint%3A 3 more errors::GitHub shows 10 error annotations per step: 3 more "
        "errors are listed in this step's log and in the job summary"
    )
    assert lines[13:16] == [
        f".env.example:{n}:1: error EL101 [invalid-key] `{n}BAD` is not a valid variable name: use letters, digits and `_`, not starting with a digit"
        for n in (10, 11, 12)
    ]
    assert lines[16] == "Found 12 errors, 3 warnings (1 file checked)."


def test_github_under_the_cap_annotates_everything(run_in, tmp_path):
    keys = "".join(f"{n}BAD=x\n" for n in range(1, 11))
    write_repo(tmp_path, {".env.example": keys})
    lines = run_in(tmp_path, "--format", "github", "-q").out.splitlines()
    assert len(lines) == 10 and all(line.startswith("::error file=.env.example,") for line in lines)
