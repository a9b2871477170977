"""The README and the docs stay true: set-up commands, shown outputs, versions, links."""

from __future__ import annotations

import re
import subprocess
import sys

from markdown_it import MarkdownIt

from env_lint import HOMEPAGE, __version__

from .conftest import FIXTURES, ROOT
from .test_demo import EXPECTED_TEXT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

README = (ROOT / "README.md").read_text()
DEMO_COMMAND = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/env-lint fixtures/t11-platform"
TEST_COMMAND = 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]


def fences(text: str) -> list[tuple[str, str]]:
    return [(t.info.strip(), t.content) for t in MarkdownIt("commonmark").parse(text) if t.type == "fence"]


def test_the_two_set_up_commands_are_in_the_readme_and_ci_runs_the_test_one():
    blocks = [content for info, content in fences(README) if info == "bash"]
    assert f"{DEMO_COMMAND}\n" in blocks and f"{TEST_COMMAND}\n" in blocks
    assert TEST_COMMAND.replace("pip install", "pip install -q") in (ROOT / ".ci" / "run").read_text()


def test_the_readme_shows_what_the_demo_prints():
    assert ("text", EXPECTED_TEXT) in fences(README)


def test_the_readme_shows_what_the_seed_prints():
    done = subprocess.run([sys.executable, "-m", "env_lint"], cwd=FIXTURES / "t11-seed", capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert ("console", f"$ cd fixtures/t11-seed && env-lint\n{done.stdout}") in fences(README)


def test_versions_agree_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["version"] == __version__
    assert project["urls"]["Homepage"] == HOMEPAGE
    refs = {ref for page in PAGES for ref in re.findall(r"env-lint/env-lint@(v[\w.]+)", page.read_text())}
    assert refs == {f"v{__version__}"}
    assert f"rev: v{__version__}\n" in README
    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text()


def test_license_is_the_mit_license_of_the_contributors():
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 env-lint contributors\n")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == {"text": "MIT"}


def test_relative_links_point_at_files_that_exist():
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", page.read_text()):
            assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_the_readme_does_not_promise_to_never_write():
    assert "never writes" not in README and "never write" not in README


def test_the_readme_rule_table_matches_the_registry():
    """Every rule has its row: code, name, default severity, on by default, summary."""
    from env_lint.rules import RULES

    for rule in RULES:
        on = "yes" if rule.default else "no"
        row = f"| {rule.code} | `{rule.name}` | {rule.severity.value} | {on} | {rule.summary} |"
        assert row in README.splitlines(), row
