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


@dataclass(frozen=True, slots=True)
class FileSet:
    examples: tuple[str, ...]
    schemas: tuple[str, ...]  # JS/TS schema files by name or config: syntax errors are reported
    sources: tuple[str, ...]  # JS/TS
    docs: tuple[str, ...]
    python: tuple[str, ...] = ()
    json_schemas: tuple[str, ...] = ()
    infra: tuple[str, ...] = ()  # workflows, compose files, Dockerfiles, shell scripts
    turbo: tuple[str, ...] = ()
    manifests: tuple[str, ...] = ()  # package.json, pyproject.toml, requirements*.txt
    prisma: tuple[str, ...] = ()


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


def list_files(root: str, exclude: tuple[str, ...] = ()) -> list[str]:
    """In a git work tree, what ``git ls-files`` lists (``.gitignore`` respected); elsewhere a
    walk of the directory. Vendored, generated and virtualenv directories are skipped either way."""
    from .gitfiles import git_files

    listed = git_files(root)
    if listed is None:
        return walk(root, exclude)
    kept = []
    for rel in listed:
        parts = rel.split("/")
        if any(p in SKIP_DIRS for p in parts[:-1]) or (exclude and matches(rel, exclude)):
            continue
        if os.path.isfile(os.path.join(root, rel)):
            kept.append(rel)
    return sorted(kept)


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


def is_json_schema_name(name: str) -> bool:
    return name == "env.schema.json" or name.endswith(".env.schema.json")


def _infra(rel: str) -> bool:
    from .sources.infra import is_compose, is_dockerfile, is_shell, is_workflow

    return is_workflow(rel) or is_compose(rel) or is_dockerfile(rel) or is_shell(rel)


def classify(
    files: list[str],
    *,
    examples: tuple[str, ...] = (),
    schemas: tuple[str, ...] = (),
    docs: tuple[str, ...] = (),
    auto: bool = True,
) -> FileSet:
    found: dict[str, list[str]] = {k: [] for k in FileSet.__slots__}
    for rel in files:
        name = rel.rsplit("/", 1)[-1]
        configured_schema = bool(schemas) and matches(rel, schemas)
        if (auto and is_example_name(name)) or (examples and matches(rel, examples)):
            found["examples"].append(rel)
        elif is_source_path(rel):
            found["sources"].append(rel)
            if (auto and is_schema_name(name)) or configured_schema:
                found["schemas"].append(rel)
        elif rel.endswith(".py"):
            found["python"].append(rel)
        elif (auto and is_json_schema_name(name)) or (configured_schema and name.endswith(".json")):
            found["json_schemas"].append(rel)
        elif (auto and is_doc_path(rel)) or (docs and matches(rel, docs)):
            found["docs"].append(rel)
        elif name == "turbo.json":
            found["turbo"].append(rel)
        elif name in ("package.json", "pyproject.toml") or (
            name.startswith("requirements") and name.endswith(".txt")
        ):
            found["manifests"].append(rel)
        elif name == "schema.prisma":
            found["prisma"].append(rel)
        elif _infra(rel):
            found["infra"].append(rel)
    return FileSet(**{k: tuple(v) for k, v in found.items()})
