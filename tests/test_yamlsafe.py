"""The safe YAML helper: positions come through (C composer included), aliases are refused or
walked once, nesting is bounded, errors never quote the file."""

from __future__ import annotations

import threading

import pytest
import yaml

from env_lint.sources import yamlsafe
from env_lint.sources.infra import infra_reads

SELF_ALIAS = "a: &x\n  - *x\n  - ${SELF_REF}\n"
BOMB = 'l0: &l0 ["${BOMB_VAR}", x]\n' + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 12)
)


def test_positions_come_through():
    root = yamlsafe.compose("a: é\nb: ${X}\n")
    _, value = root.value[1]
    assert (value.start_mark.line, value.start_mark.column, value.start_mark.index) == (1, 3, 8)


def test_the_c_composer_is_used_when_present():
    assert yamlsafe._loader() is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize("text", [SELF_ALIAS, BOMB])
def test_aliases_are_refused_by_default(text):
    with pytest.raises(ValueError, match=r"YAML aliases \(\*name\) are not supported here \(line \d+\)"):
        yamlsafe.compose(text)


def _bounded(target, *args):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("r", target(*args)), daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "hung"
    return box["r"]


@pytest.mark.parametrize("text", [SELF_ALIAS, BOMB])
def test_allowed_aliases_are_walked_once(text):
    root = yamlsafe.compose(text, aliases=True)
    seen = _bounded(lambda: list(yamlsafe.nodes(root)))
    assert len(seen) == len({id(n) for n in seen}) < 200


@pytest.mark.parametrize(("path", "name"), [("docker-compose.yml", "SELF_REF"), (".github/workflows/a.yml", "BOMB_VAR")])
def test_compose_files_with_alias_loops_and_bombs_finish(path, name):
    text = SELF_ALIAS if name == "SELF_REF" else BOMB
    usages = _bounded(infra_reads, path, text)
    assert [(u.name, u.location.line) for u in usages] == [(name, 3 if name == "SELF_REF" else 1)]


def test_nesting_is_bounded_before_composing():
    deep = "a: " + "[" * 150 + "]" * 150
    with pytest.raises(ValueError, match=r"YAML nested more than 100 levels deep \(line 1\)"):
        yamlsafe.compose(deep)
    block = "a:\n" + "".join(" " * i + "- \n" for i in range(1, 300))
    with pytest.raises(ValueError, match="nested more than 100 levels"):
        yamlsafe.compose(block)


def test_errors_never_quote_the_file():
    with pytest.raises(ValueError) as caught:
        yamlsafe.compose("a: *sk_live_secretalias\n", aliases=True)
    assert "sk_live" not in str(caught.value)
    assert str(caught.value).startswith("invalid YAML: found undefined alias")
    error = yaml.YAMLError()
    error.problem = "found undefined alias 'sk_live_secretalias'"
    assert yamlsafe._describe(error) == "invalid YAML: found undefined alias …"


def test_several_documents():
    assert len(yamlsafe.compose_all("a: 1\n---\nb: 2\n")) == 2
    with pytest.raises(ValueError, match="expected a single document"):
        yamlsafe.compose("a: 1\n---\nb: 2\n")
