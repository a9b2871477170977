"""Small fake repos: scope in a monorepo, a clean repo, broken input."""

from __future__ import annotations

from .conftest import FIXTURES


def test_clean_repo_has_no_findings(run):
    result = run(FIXTURES / "clean-repo")
    assert result.out == "No problems found (4 files checked).\n"
    assert result.code == 0


def test_monorepo_scope_uses_the_nearest_example_file(run_in):
    result = run_in(FIXTURES / "monorepo-scope")
    assert result.out == (
        "services/worker/src/env.ts:6:5: error EL200 [missing-from-example] `SHARED_URL` is declared "
        "in the schema but missing from `services/worker/.env.example`; it is required with no "
        "default\n"
        "Found 1 error, 0 warnings (4 files checked).\n"
    )
    assert result.code == 1


def test_broken_inputs_are_findings_and_every_other_file_is_checked(run_in):
    result = run_in(FIXTURES / "broken-inputs")
    assert result.err == ""
    assert "Traceback" not in result.out
    assert result.out == (
        "apps/bin/.env.example:1:1: error EL100 [parse-error] cannot parse `apps/bin/.env.example`: "
        "binary file (contains NUL bytes)\n"
        "apps/latin1/.env.sample:1:6: error EL100 [parse-error] cannot parse `apps/latin1/.env.sample`: "
        "not valid UTF-8 (byte offset 5)\n"
        "apps/long/.env.template:1:1: error EL100 [parse-error] cannot parse `apps/long/.env.template`: "
        "line 1 is longer than 65536 characters\n"
        "docs/broken.md:3:18: error EL100 [parse-error] cannot parse `docs/broken.md`: not valid UTF-8 "
        "(byte offset 27)\n"
        # API_TOKEN's definition is broken by the syntax error: env-lint cannot see whether it
        # is required, so it is not called required; the parse error says what is wrong.
        "services/api/src/env.ts:5:22: error EL100 [parse-error] cannot parse `services/api/src/env.ts`: "
        "syntax error; variables after it may be missed\n"
        "Found 5 errors, 0 warnings (8 files checked).\n"
    )
    assert result.code == 1
    unknown = run_in(FIXTURES / "broken-inputs", "--select", "missing-optional-from-example").out
    assert "`API_TOKEN` is declared in the schema but missing from `.env.example`; env-lint cannot see whether it is required" in unknown
