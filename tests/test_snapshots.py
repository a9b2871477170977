"""Every fixture repo's full JSON output, pinned: any change in behaviour shows as a diff here.

Regenerate after an intended change with ``ENV_LINT_UPDATE_SNAPSHOTS=1 pytest
tests/test_snapshots.py`` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"


def fixture_repos() -> list[Path]:
    repos = []
    for child in sorted(FIXTURES.iterdir()):
        if child.name in ("rules", "manifests"):
            repos += sorted(p for rule in child.iterdir() for p in rule.iterdir() if p.is_dir())
        elif child.name == "styles":
            repos += sorted(p for p in child.iterdir() if p.is_dir())
        elif child.is_dir():
            repos.append(child)
    return repos


def snapshot_name(repo: Path) -> str:
    return "__".join(repo.relative_to(FIXTURES).parts) + ".json"


@pytest.mark.parametrize("repo", fixture_repos(), ids=snapshot_name)
def test_fixture_output_is_pinned(run_in, repo: Path) -> None:
    """Run from inside the fixture, so paths are relative to its root, as its users see them."""
    result = run_in(repo, "--format", "json")
    assert result.err == ""
    path = SNAPSHOTS / snapshot_name(repo)
    if os.environ.get("ENV_LINT_UPDATE_SNAPSHOTS"):
        path.write_text(result.out, encoding="utf-8")
    assert path.exists(), f"no snapshot yet: run with ENV_LINT_UPDATE_SNAPSHOTS=1 ({path.name})"
    assert result.out == path.read_text(encoding="utf-8")


def test_every_snapshot_belongs_to_a_fixture() -> None:
    names = {snapshot_name(r) for r in fixture_repos()}
    assert {p.name for p in SNAPSHOTS.glob("*.json")} == names
