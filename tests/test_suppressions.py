"""Inline suppressions in each file type's comment syntax, file-level form, unused ones."""

from __future__ import annotations

import pytest

from env_lint.sources.directives import directives_in

from .conftest import write_repo

SCHEMA = 'import { z } from "zod";\nexport const env = z.object({ API_URL: z.string(), API_TOKEN: z.string() }).parse(process.env);\n'


def rules_and_lines(run_in, repo) -> list[str]:
    """``path:line:col: [rule]`` of each finding, run from inside the repo."""
    out = run_in(repo).out.splitlines()[:-1]
    return [line.split(" ")[0] + " " + line.split(" ")[3] for line in out]


@pytest.mark.parametrize(
    ("example", "expected"),
    [
        pytest.param("A_B=1\nA_B=2 # env-lint: ignore[duplicate-key]\n", [], id="trailing"),
        pytest.param(
            "A_B=1\n# env-lint: ignore[EL102]\n# second value for staging\nA_B=2\n", [], id="above-with-description"
        ),
        pytest.param("A_B=1\n# env-lint: ignore\nA_B=2\n", [], id="bare-covers-every-rule"),
        pytest.param("# env-lint: ignore-file[duplicate-key]\nA_B=1\nA_B=2\nA_B=3\n", [], id="file-level"),
        pytest.param(
            "A_B=1\n# env-lint: ignore[duplicate-key]\n\nA_B=2\n", [], id="blank-line-between-is-fine"
        ),
        pytest.param(
            "A_B=1\nA_B=2\n# env-lint: ignore[duplicate-key]\n",
            [".env.example:2:1: [duplicate-key]", ".env.example:3:3: [unused-suppression]"],
            id="below-does-not-count",
        ),
        pytest.param(
            "A_B=1\nA_B='# env-lint: ignore[duplicate-key]'\n",
            [".env.example:2:1: [duplicate-key]"],
            id="inside-a-quoted-value-is-not-a-comment",
        ),
    ],
)
def test_example_files(run_in, tmp_path, example, expected):
    write_repo(tmp_path, {".env.example": example})
    assert rules_and_lines(run_in, tmp_path) == expected


def test_typescript_comments(run_in, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "API_URL=\n",
            "src/env.ts": SCHEMA,
            "src/a.ts": (
                "// env-lint: ignore[undeclared-usage]\n"
                "export const a = process.env.FIRST_ONE;\n"
                "export const b = process.env.SECOND_ONE; /* env-lint: ignore[EL202] */\n"
                "export const c = process.env.THIRD_ONE;\n"
                'const s = "// env-lint: ignore[undeclared-usage]";\n'
                "export const d = process.env.FOURTH_ONE;\n"
            ),
        },
    )
    assert rules_and_lines(run_in, tmp_path) == [
        "src/a.ts:4:30: [undeclared-usage]",
        "src/a.ts:6:30: [undeclared-usage]",
        "src/env.ts:2:52: [missing-from-example]",
    ]


def test_markdown_comments(run_in, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "API_URL=\n",
            "src/a.ts": "export const a = process.env.API_URL;\n",
            "docs/ENV.md": (
                "| Variable | Notes |\n|---|---|\n| `API_URL` | url |\n"
                "| `OLD_ONE` <!-- env-lint: ignore[stale-doc-var] --> | gone |\n"
                "| `OLD_TWO` | gone |\n\n"
                "<!-- env-lint: ignore[stale-doc-var] -->\n"
                "## `OLD_THREE`\n"
            ),
        },
    )
    assert rules_and_lines(run_in, tmp_path) == ["docs/ENV.md:5:4: [stale-doc-var]"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "settings.py",
            'X = "# env-lint: ignore[a]"  # env-lint: ignore[b]\n# env-lint: ignore[c, d]\n\ny = 1\n',
            [(1, 32, ("b",), 1), (2, 3, ("c", "d"), 4)],
        ),
        (
            "pyproject.toml",
            '[tool.x]\nkey = "a # env-lint: ignore[no]" # env-lint: ignore[yes]\n# env-lint: ignore-file\n',
            [(2, 36, ("yes",), 2), (3, 3, (), None)],
        ),
        ("broken.py", "def f(:\n  # env-lint: ignore[x]\n", [(2, 5, ("x",), 3)]),
    ],
)
def test_python_and_toml_directives(tmp_path, name, text, expected):
    found = directives_in(name, text)
    assert [(d.location.line, d.location.column, d.rules, d.target_line) for d in found] == expected


def test_unused_only_for_rules_that_ran(run_in, tmp_path):
    write_repo(tmp_path, {".env.example": "# env-lint: ignore[stale-doc-var]\nA_B=1\n"})
    assert rules_and_lines(run_in, tmp_path) == [".env.example:1:3: [unused-suppression]"]
    result = run_in(tmp_path, "--ignore", "stale-doc-var")
    assert result.out.startswith("No problems found")
