"""What a path is, by its name alone: example files, real env files, schema files, docs,
source code, deploy and CI files; and the glob matcher used for config patterns."""

from __future__ import annotations

import os
import re
from functools import cache

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "bower_components",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "dist",
        "build",
        "out",
        ".next",
        ".nuxt",
        ".svelte-kit",
        ".output",
        ".turbo",
        ".vercel",
        ".cache",
        "coverage",
        "target",
        ".parcel-cache",
        ".expo",
        "storybook-static",
        ".idea",
        ".vscode",
    }
)
SOURCE_SUFFIXES = (".ts", ".mts", ".cts", ".tsx", ".js", ".jsx", ".mjs", ".cjs")
DOC_SUFFIXES = (".md", ".mdx", ".markdown")
_EXAMPLE_WORDS = frozenset({"example", "examples", "sample", "template", "tpl", "dist"})
_NOT_DOTENV = frozenset(
    {
        "json",
        "js",
        "ts",
        "mjs",
        "cjs",
        "tsx",
        "jsx",
        "md",
        "mdx",
        "yaml",
        "yml",
        "py",
        "sh",
        "toml",
        "txt",
        "lock",
        "bak",
        "swp",
        "orig",
        "html",
        "xml",
        "ini",
        "cfg",
        "rb",
        "go",
    }
)
_SCHEMA_NAME = re.compile(
    r"^(env|environment|envs|env[-_.]?schema|env[-_.]?config|env[-_.](server|client|shared|"
    r"public|private|runtime))\.(ts|mts|cts|tsx|js|mjs|cjs)$",
    re.IGNORECASE,
)


def shown_path(path: str, base: str = ".") -> str:
    """``path`` relative to ``base`` with ``/`` when it lies inside ``base``, else absolute."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    inside = relative != os.pardir and not relative.startswith(os.pardir + os.sep)
    return (relative if inside else os.path.abspath(path)).replace(os.sep, "/")


def is_example_name(name: str) -> bool:
    """``.env.example``, ``env.production.example``, ``.env-template``, ``template.env``..."""
    words = [w for w in re.split(r"[.\-_]", name.lower()) if w]
    if "env" not in words or not _EXAMPLE_WORDS.intersection(words):
        return False
    return words[-1] not in _NOT_DOTENV


def is_real_env_name(name: str) -> bool:
    """``.env``, ``.env.local``, ``env.production``, ``.env.vercel``, ``prod.env``: files that
    hold real values (not example, sample or template files)."""
    words = [w for w in re.split(r"[.\-_]", name.lower()) if w]
    if "env" not in words or _EXAMPLE_WORDS.intersection(words) or words[-1] in _NOT_DOTENV:
        return False
    return name.lower() != "env" and (name.startswith(".") or "." in name)


def is_schema_name(name: str) -> bool:
    return bool(_SCHEMA_NAME.match(name))


def is_doc_path(rel_path: str) -> bool:
    parts = rel_path.split("/")
    name = parts[-1].lower()
    if not name.endswith(DOC_SUFFIXES):
        return False
    return name.startswith("readme") or "docs" in (p.lower() for p in parts[:-1])


def is_source_path(rel_path: str) -> bool:
    return rel_path.endswith(SOURCE_SUFFIXES) and not rel_path.endswith((".d.ts", ".d.mts"))


def is_json_schema_name(name: str) -> bool:
    return name == "env.schema.json" or name.endswith(".env.schema.json")


def is_workflow(path: str) -> bool:
    return path.startswith(".github/workflows/") and path.endswith((".yml", ".yaml"))


def is_compose(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name.endswith((".yml", ".yaml")) and name.startswith(("docker-compose", "compose"))


def is_dockerfile(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")


def is_shell(path: str) -> bool:
    return path.endswith((".sh", ".bash", ".zsh"))


_LITERAL, _ONE, _STAR, _ANY, _ANY_DIRS = range(5)


class Glob:
    """A gitignore-like glob: ``*`` and ``?`` stay in one segment, ``**`` crosses them, a
    pattern also matches everything under a directory it matches. Matched by simulating its
    automaton (every state at once): time is path length x pattern length on any input, where
    a backtracking regex can take exponential time on ``*a*a*a*a*b``-style patterns."""

    def __init__(self, pattern: str) -> None:
        pattern = pattern.strip()
        if pattern.startswith("./"):
            pattern = pattern[2:]
        pattern = pattern.rstrip("/")
        tokens: list[tuple[int, str]] = []
        index = 0
        while index < len(pattern):
            if pattern.startswith("**/", index):
                tokens.append((_ANY_DIRS, ""))
                index += 3
            elif pattern.startswith("**", index):
                tokens.append((_ANY, ""))
                index += 2
            elif pattern[index] in "*?":
                tokens.append((_STAR if pattern[index] == "*" else _ONE, ""))
                index += 1
            else:
                tokens.append((_LITERAL, pattern[index]))
                index += 1
        self.tokens = tuple(tokens)

    def _closure(self, states: set[int]) -> set[int]:
        todo = list(states)
        while todo:
            state = todo.pop()
            skippable = state < len(self.tokens) and self.tokens[state][0] in (
                _STAR,
                _ANY,
                _ANY_DIRS,
            )
            if skippable and state + 1 not in states:
                states.add(state + 1)
                todo.append(state + 1)
        return states

    def match(self, path: str) -> bool:
        end = len(self.tokens)
        states = self._closure({0})
        for char in path:
            if end in states and char == "/":
                return True  # a directory the pattern names: everything under it
            following: set[int] = set()
            for state in states:
                if state == end:
                    continue
                kind, literal = self.tokens[state]
                if (kind == _LITERAL and char == literal) or (kind == _ONE and char != "/"):
                    following.add(state + 1)
                elif (kind == _STAR and char != "/") or kind == _ANY:
                    following.add(state)
                elif kind == _ANY_DIRS:
                    following.add(state)
                    if char == "/":
                        following.add(state + 1)
            if not following:
                return False
            states = self._closure(following)
        return end in states


@cache
def glob_regex(pattern: str) -> Glob:
    """The matcher of a config glob (``.match(path)``), built once per pattern."""
    return Glob(pattern)


def matches(rel_path: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_regex(p).match(rel_path) for p in patterns)
