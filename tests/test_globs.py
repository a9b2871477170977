"""Config globs: the regex fast path (at most one ``*`` per segment) matches exactly what the
linear-time automaton matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from env_lint.paths import Glob

PATTERN = st.lists(st.sampled_from(["a", "b", ".", "/", "*", "?", "**/", "**"]), max_size=8).map("".join)
PATH = st.lists(st.sampled_from(["a", "b", ".", "/", "ab"]), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(PATTERN, PATH)
def test_fast_path_agrees_with_the_automaton(pattern, path):
    fast = Glob(pattern)
    slow = Glob(pattern)
    slow._regex = None
    assert fast.match(path) == slow.match(path)


def test_default_excludes_take_the_fast_path():
    from env_lint.paths import DEFAULT_EXCLUDES

    assert all(Glob(p)._regex is not None for p in DEFAULT_EXCLUDES)
