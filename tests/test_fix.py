"""--fix / --diff: add missing variables, nothing else; atomic, idempotent, newline-preserving."""

from __future__ import annotations

import difflib
import os
import shutil
import stat

import pytest

from .conftest import DEMO, copy_fixture, write_repo

EXAMPLE = "env.production.example"
ADDED = [
    "# Job timeout in milliseconds (optional, has a default)\n",
    "JOB_TIMEOUT_MS=60000\n",
    "\n",
    "# Added by env-lint --fix\n",
    "# Token for the worker\u2019s health endpoint (required)\n",
    "WORKER_HEALTHCHECK_TOKEN=\n",
]


@pytest.fixture
def demo(tmp_path):
    target = tmp_path / "demo"
    copy_fixture(DEMO, target)
    return target


# --fix adds what the selected missing-* rules report; the optional variables come from the
# off-by-default rule, so these tests select both.
BOTH = ("--select", "missing-from-example,missing-optional-from-example")


def rules(result) -> list[str]:
    return [f["rule"] for f in result.json()["findings"]]


def test_fix_on_the_demo_then_a_second_run(run, demo):
    original = (demo / EXAMPLE).read_bytes()
    mode = stat.S_IMODE(os.stat(demo / EXAMPLE).st_mode)
    first = run(demo, "--fix", "--format", "json", *BOTH)
    assert "missing-from-example" not in rules(first)
    assert first.err == f"env-lint: fixed {demo / EXAMPLE}\n"
    fixed = (demo / EXAMPLE).read_bytes()
    old, new = original.decode().splitlines(True), fixed.decode().splitlines(True)
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    changes = [(tag, new[j1:j2]) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]
    # Only insertions, exactly the added block: everything else is byte-identical.
    assert [tag for tag, _ in changes] == ["insert", "insert"]
    assert [line for _, lines in changes for line in lines] == ADDED
    assert stat.S_IMODE(os.stat(demo / EXAMPLE).st_mode) == mode
    second = run(demo, "--fix", "--format", "json", *BOTH)
    assert (demo / EXAMPLE).read_bytes() == fixed  # idempotent
    assert second.err == ""
    assert rules(second) == rules(first)
    assert not [p for p in os.listdir(demo) if p.startswith(".env-lint-")]  # no temp files left


def test_diff_prints_and_writes_nothing(run, demo):
    before = (demo / EXAMPLE).read_bytes()
    result = run(demo, "--diff", *BOTH)
    assert result.code == 1
    assert (demo / EXAMPLE).read_bytes() == before
    # No context lines: the neighbouring lines of an example file hold values.
    assert result.out == (
        f"--- a/{EXAMPLE}\n+++ b/{EXAMPLE}\n"
        "@@ -37,0 +38,2 @@\n"
        "+# Job timeout in milliseconds (optional, has a default)\n+JOB_TIMEOUT_MS=60000\n"
        "@@ -59,0 +62,4 @@\n"
        "+\n+# Added by env-lint --fix\n+# Token for the worker\u2019s health endpoint (required)\n"
        "+WORKER_HEALTHCHECK_TOKEN=\n"
    )
    run(demo, "--fix", *BOTH)
    assert run(demo, "--diff", *BOTH).code == 0


SCHEMA = (
    'import { z } from "zod";\n'
    "export const env = z.object({\n"
    "  APP_URL: z.string().url(),\n"
    '  APP_MODE: z.enum(["a", "b"]).default("a"),\n'
    '  APP_GREETING: z.string().default("hello world"),\n'
    "  OTHER_FLAG: z.coerce.boolean().optional(),\n"
    "}).parse(process.env);\n"
)


def test_crlf_bom_and_placement(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA})
    (tmp_path / ".env.example").write_bytes(b"\xef\xbb\xbfAPP_URL=https://x.example.com\r\n")
    run(tmp_path, "--fix", *BOTH)
    assert (tmp_path / ".env.example").read_bytes() == (
        b"\xef\xbb\xbfAPP_URL=https://x.example.com\r\n"
        b"# Optional, has a default\r\nAPP_MODE=a\r\n"
        b'# Optional, has a default\r\nAPP_GREETING="hello world"\r\n'
        b"\r\n# Added by env-lint --fix\r\n# Optional\r\nOTHER_FLAG=\r\n"
    )


def test_no_trailing_newline_is_handled(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=\nAPP_MODE=a\nAPP_GREETING=hi\n# OTHER_FLAG="})
    run(tmp_path, "--fix")
    assert (tmp_path / ".env.example").read_text() == "APP_URL=\nAPP_MODE=a\nAPP_GREETING=hi\n# OTHER_FLAG="


def test_refuses_an_edit_that_would_change_existing_lines(run, tmp_path):
    # The unterminated quote would be closed by the quoted default added below it.
    broken = 'APP_MODE="oops\nAPP_URL=https://x.example.com\n'
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": broken})
    result = run(tmp_path, "--fix", *BOTH)
    assert (tmp_path / ".env.example").read_text() == broken
    assert "not fixing" in result.err and "change how existing lines parse" in result.err


def test_unreadable_example_is_never_rewritten(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": b"APP_URL=\xff\n"})
    result = run(tmp_path, "--fix")
    assert (tmp_path / ".env.example").read_bytes() == b"APP_URL=\xff\n"
    assert "not fixing" in result.err


def test_fix_and_diff_together_is_a_usage_error(run, demo):
    assert run(demo, "--fix", "--diff").code == 2


NEWLINE_CASES = [
    pytest.param(b"APP_URL=\nAPP_MODE=a\n", id="lf"),
    pytest.param(b"APP_URL=\r\nAPP_MODE=a\r\n", id="crlf"),
    pytest.param(b"\xef\xbb\xbfAPP_URL=\nAPP_MODE=a\n", id="bom"),
]
# The fix gives the last line its missing line ending: a patch would have to quote that line,
# value and all, so --diff shows it with the value hidden (and it is not a patch to apply).
HIDDEN_LAST_LINE = [
    pytest.param(b"APP_URL=\nAPP_MODE=a", "APP_MODE", id="no-final-newline-on-the-changed-line"),
    pytest.param(b"APP_URL=\n# tail\nX_Y=1\nZ_W=2", "Z_W", id="no-final-newline-elsewhere"),
    pytest.param(b"\xef\xbb\xbfAPP_URL=\r\nAPP_MODE=a", "APP_MODE", id="bom-crlf-no-final-newline"),
]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("example", NEWLINE_CASES)
def test_diff_is_a_zero_context_patch_git_applies_and_it_equals_the_fix(run_in, tmp_path, example):
    import subprocess

    repo, fixed = tmp_path / "repo", tmp_path / "fixed"
    for target in (repo, fixed):
        write_repo(target, {"src/env.ts": SCHEMA, ".env.example": example})
    patch = run_in(repo, "--diff", *BOTH).out
    assert patch.startswith("--- a/.env.example\n+++ b/.env.example\n@@ ")
    assert "=1" not in patch and "=2" not in patch and "-APP" not in patch  # no file line
    (tmp_path / "fix.patch").write_bytes(patch.encode("utf-8"))
    for args in (["--check"], []):
        command = ["git", "apply", "--unidiff-zero", *args, str(tmp_path / "fix.patch")]
        done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr + patch
    run_in(fixed, "--fix", *BOTH)
    assert (repo / ".env.example").read_bytes() == (fixed / ".env.example").read_bytes() != example


@pytest.mark.parametrize(("example", "last"), HIDDEN_LAST_LINE)
def test_a_last_line_the_fix_must_touch_is_shown_without_its_value(run_in, tmp_path, example, last):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": example})
    patch = run_in(tmp_path, "--diff", *BOTH).out.replace("\r", "")
    assert f"-{last}=…\n\\ No newline at end of file\n+{last}=…\n" in patch
    assert f"{last}=a" not in patch and f"{last}=2" not in patch
