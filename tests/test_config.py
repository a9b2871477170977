"""Config in pyproject.toml / .env-lint.toml, validated; bad config exits 2 naming file and key."""

from __future__ import annotations

import pytest

from .conftest import DEMO, copy_fixture, write_repo


@pytest.fixture
def demo_copy(tmp_path):
    target = tmp_path / "demo"
    copy_fixture(DEMO, target)
    return target


def rules_fired(result) -> set[str]:
    return {f["rule"] for f in result.json()["findings"]}


def test_pyproject_select(run, demo_copy):
    (demo_copy / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.env-lint]\nselect = ["missing-from-example", "EL202"]\n'
    )
    result = run(demo_copy, "--format", "json")
    assert rules_fired(result) == {"missing-from-example", "undeclared-usage"}


def test_dedicated_file_wins_and_ignores_rules_and_variables(run, demo_copy):
    (demo_copy / "pyproject.toml").write_text('[tool.env-lint]\nselect = ["parse-error"]\n')
    (demo_copy / ".env-lint.toml").write_text(
        'ignore = ["EL100", "invalid-key"]\n'
        "[ignore-variables]\n"
        '"*" = ["JOB_*"]\n'
        'undeclared-usage = ["KOMMO_CLIENT_ID"]\n'
    )
    result = run(demo_copy, "--format", "json")
    found = {(f["rule"], f["variable"]) for f in result.json()["findings"]}
    assert ("parse-error", None) not in found
    assert not any(rule == "invalid-key" for rule, _ in found)
    assert not any((v or "").startswith("JOB_") for _, v in found)
    assert ("undeclared-usage", "KOMMO_CLIENT_ID") not in found
    assert ("unused-example-var", "LEGACY_WEBHOOK_URL") in found


def test_exclude_and_strict(run, demo_copy):
    (demo_copy / ".env-lint.toml").write_text('exclude = ["src", "services"]\nstrict = true\n')
    result = run(demo_copy, "--format", "json", "--select", "undocumented-var,stale-doc-var")
    paths = {f["path"] for f in result.json()["findings"]}
    assert not any(p.startswith(("src/", "services/")) for p in paths)
    assert result.code == 1  # warnings only, but strict


def test_configured_paths(run_in, tmp_path):
    write_repo(
        tmp_path,
        {
            "config/vars.dotenv": "API_URL=\n",
            "src/settings.ts": 'import { z } from "zod";\nexport const s = z.object({ API_URL: z.string(), TOKEN: z.string() }).parse(process.env);\n',
            "src/app.ts": 'import { s } from "./settings";\nexport const client = [s.API_URL, s.TOKEN];\n',
            ".env-lint.toml": 'examples = ["config/*.dotenv"]\nschemas = ["src/settings.ts"]\n',
        },
    )
    result = run_in(tmp_path)
    assert result.out.splitlines()[0] == (
        "src/settings.ts:2:50: error EL200 [missing-from-example] `TOKEN` is declared in the schema "
        "but missing from `config/vars.dotenv`; it is required with no default"
    )


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        pytest.param(
            "pyproject.toml",
            '[tool.env-lint]\nselect = "missing-from-example"\n',
            "pyproject.toml: [tool.env-lint].select: expected array, got str",
            id="wrong-type",
        ),
        pytest.param(
            ".env-lint.toml",
            'examples = ["ok", 3]\n',
            ".env-lint.toml: examples[1]: expected string, got int",
            id="wrong-item-type",
        ),
        pytest.param(
            ".env-lint.toml",
            "colour = true\n",
            ".env-lint.toml: (top level): unknown key ('colour' was unexpected)",
            id="unknown-key",
        ),
        pytest.param(
            ".env-lint.toml",
            'ignore = ["no-such-rule"]\n',
            ".env-lint.toml: ignore[0]: unknown rule 'no-such-rule' (see `env-lint rules`)",
            id="unknown-rule",
        ),
        pytest.param(
            ".env-lint.toml",
            "[ignore-variables]\nbogus = []\n",
            ".env-lint.toml: ignore-variables.bogus: unknown rule 'bogus' (see `env-lint rules`)",
            id="unknown-rule-in-table",
        ),
        pytest.param(
            ".env-lint.toml",
            "select = [\n",
            ".env-lint.toml: invalid TOML:",
            id="broken-toml",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool]\nenv-lint = "x"\n',
            "pyproject.toml: [tool.env-lint] must be a table",
            id="not-a-table",
        ),
    ],
)
def test_bad_config_exits_2_naming_file_and_key(run, tmp_path, filename, content, message):
    write_repo(tmp_path, {filename: content, ".env.example": "A=1\n"})
    result = run(tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err
    assert result.err.startswith("env-lint: error: ")
    assert "Traceback" not in result.err


def test_explicit_config_file(run, tmp_path, demo_copy):
    config = tmp_path / "custom.toml"
    config.write_text('select = ["stale-doc-var"]\n')
    result = run(demo_copy, "--config", config, "--format", "json")
    assert rules_fired(result) == {"stale-doc-var"}
    missing = run(demo_copy, "--config", tmp_path / "nope.toml")
    assert missing.code == 2
    assert "nope.toml: config file not found" in missing.err


def test_pyproject_without_our_table_is_not_config(run, tmp_path):
    write_repo(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n', ".env.example": "A=1\n"})
    assert run(tmp_path).code == 0
