"""Which files of a repo are example files, schemas, docs and source code."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class FileSet:
    examples: tuple[str, ...]
    schemas: tuple[str, ...]  # source files also checked for zod schemas by name or config
    sources: tuple[str, ...]
    docs: tuple[str, ...]


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: ``*`` and ``?`` stay in one segment, ``**`` crosses them."""
    out: list[str] = []
    index = 0
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    body = "".join(out).rstrip("/")
    return re.compile(rf"^{body}(?:/.*)?$")


def matches(rel_path: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_regex(p).match(rel_path) for p in patterns)


def walk(root: str, exclude: tuple[str, ...] = ()) -> list[str]:
    """Every regular file under ``root`` (relative POSIX paths, sorted), skipping vendored,
    generated and virtualenv directories and the ``exclude`` globs."""
    found: list[str] = []
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(root, rel_dir) if rel_dir else root
        try:
            entries = list(os.scandir(abs_dir))
        except OSError:
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if exclude and matches(rel, exclude):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIP_DIRS and not _is_virtualenv(entry.path):
                        stack.append(rel)
                elif entry.is_file():
                    found.append(rel)
            except OSError:
                continue
    return sorted(found)


def _is_virtualenv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))


def classify(
    files: list[str],
    *,
    examples: tuple[str, ...] = (),
    schemas: tuple[str, ...] = (),
    docs: tuple[str, ...] = (),
    auto: bool = True,
) -> FileSet:
    found_examples, found_schemas, found_sources, found_docs = [], [], [], []
    for rel in files:
        name = rel.rsplit("/", 1)[-1]
        if (auto and is_example_name(name)) or (examples and matches(rel, examples)):
            found_examples.append(rel)
        elif is_source_path(rel):
            found_sources.append(rel)
            if (auto and is_schema_name(name)) or (schemas and matches(rel, schemas)):
                found_schemas.append(rel)
        elif (auto and is_doc_path(rel)) or (docs and matches(rel, docs)):
            found_docs.append(rel)
    return FileSet(
        tuple(found_examples), tuple(found_schemas), tuple(found_sources), tuple(found_docs)
    )
