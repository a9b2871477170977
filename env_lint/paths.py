"""What a path is, by its name alone: example files, real env files, schema files, docs,
source code, deploy and CI files; and the glob matcher used for config patterns."""

from __future__ import annotations

import os
import re
from functools import cache

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


# Frozen copies: versioned or translated docs, vendored and generated code. Not sources of
# truth, so never read (config: ``default-excludes = false`` to read them anyway).
DEFAULT_EXCLUDES = (
    "**/versioned_docs",
    "**/versioned_sidebars",
    "**/i18n",
    "**/translations",
    "**/vendor",
    "**/vendored",
    "**/third_party",
    "**/third-party",
    "**/generated",
    "**/__generated__",
    "**/*.generated.*",
    "**/*.gen.ts",
    "**/*.min.js",
)
# Tests, fixtures, examples, dev tooling: their reads keep a variable in use, but a variable
# read only there is not something a deploy needs.
_TOOLING_DIRS = frozenset(
    {
        "test",
        "tests",
        "__tests__",
        "__test__",
        "e2e",
        "spec",
        "specs",
        "__mocks__",
        "mocks",
        "fixtures",
        "__fixtures__",
        "cypress",
        "playwright",
        "testing",
        "test-utils",
        "benchmark",
        "benchmarks",
        "bench",
        "examples",
        "example",
        "scripts",
        "script",
        "tools",
        "tooling",
        "dev",
        ".storybook",
        "stories",
        "seed",
        "seeds",
    }
)
_TOOLING_FILE = re.compile(
    r"[._-](test|spec|e2e|stories|story|bench|mock)\.[A-Za-z]+$|^test_[^/]*\.py$|_test\.py$|"
    r"^(?:test|tests|spec)\.[cm]?[jt]sx?$|^tests?\.py$|"  # a file named only test
    r"^conftest\.py$|^(jest|vitest|playwright|cypress|karma|wdio)(\.[\w-]+)*\.(config|setup)\b|"
    r"^setup[Tt]ests\.",
)


def is_tooling_path(rel_path: str) -> bool:
    """Tests, fixtures, examples, scripts and dev tooling (by directory or file name)."""
    parts = rel_path.split("/")
    if any(p.lower() in _TOOLING_DIRS or p.startswith(".") for p in parts[:-1]):
        return True  # hidden directories hold editor, agent, CI and hook tooling
    return bool(_TOOLING_FILE.search(parts[-1]))


def shown_path(path: str, base: str = ".") -> str:
    """``path`` relative to ``base`` with ``/`` when it lies inside ``base``, else absolute."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    inside = relative != os.pardir and not relative.startswith(os.pardir + os.sep)
    return (relative if inside else os.path.abspath(path)).replace(os.sep, "/")


def display_path(root: str, rel: str) -> str:
    """A root-relative path as the user sees it (ruff-like): relative to the working directory,
    also with ``..`` when the working directory lies inside the root (run from a subdirectory),
    absolute when the root is elsewhere."""
    cwd = os.getcwd()
    absolute_root = os.path.abspath(root)
    full = os.path.join(absolute_root, *rel.split("/"))
    try:
        relative = os.path.relpath(full, cwd)
        around = os.path.commonpath([absolute_root, cwd]) == absolute_root
    except ValueError:  # another drive (Windows)
        return full.replace(os.sep, "/")
    below = relative != os.pardir and not relative.startswith(os.pardir + os.sep)
    return (relative if below or around else full).replace(os.sep, "/")


def is_example_name(name: str) -> bool:
    """``.env.example``, ``env.production.example``, ``.env-template``, ``template.env``..."""
    words = [w for w in re.split(r"[.\-_]", name.lower()) if w]
    if "env" not in words or not _EXAMPLE_WORDS.intersection(words):
        return False
    return words[-1] not in _NOT_DOTENV


def copy_key(rel_path: str) -> tuple[str, tuple[str, ...]]:
    """An env file's directory and the words of its name without the example words: an example
    file and the real file it is copied to share it (``.env.example`` / ``.env``,
    ``db.env.sample`` / ``db.env``)."""
    directory, _, name = rel_path.rpartition("/")
    words = [w for w in re.split(r"[.\-_]", name.lower()) if w]
    return directory, tuple(w for w in words if w not in _EXAMPLE_WORDS)


# dotenv files by their own naming grammar: ``.env``, ``.env.local``, ``.env.production.local``,
# ``env.production``, ``prod.env``; never ``env.ts``, ``.env.webp``, ``data_and_env.sql``.
_DOTENV_NAME = re.compile(r"^(?:\.?env(?:\.[a-z0-9_-]+)*|[a-z0-9_-]+\.env)$", re.IGNORECASE)
_NOT_REAL = frozenset(
    {*_EXAMPLE_WORDS, "vault", "enc", "encrypted", "gpg", "age", "sops", "asc", "schema",
     "defaults", "types", "diff", "patch", "orig", "bak", "swp", "d", "webp", "png", "jpg",
     "jpeg", "gif", "svg", "ico", "pdf", "vue", "svelte", "astro", "sql", "ps1", "bat", "cmd",
     "css", "scss", "lock", "log", "csv", "tsv", "txt", "html", "xml", "zip", "gz", "tar"}
)  # fmt: skip


def is_dotenv_name(name: str) -> bool:
    """Named by the dotenv grammar (``.env.tpl``, ``env.production.example``, ``sample.env``)."""
    return bool(_DOTENV_NAME.match(name))


def is_real_env_name(name: str) -> bool:
    """``.env``, ``.env.local``, ``env.production``, ``.env.vercel``, ``prod.env``: dotenv files
    that hold real values (not example, sample or template files, not encrypted vaults)."""
    if not is_dotenv_name(name) or name.lower() == "env":
        return False
    words = [w for w in re.split(r"[.\-_]", name.lower()) if w]
    return not _NOT_REAL.intersection(words) and words[-1] not in _NOT_DOTENV


_TEST_ENV_WORDS = frozenset(
    {"test", "tests", "testing", "ci", "e2e", "spec", "jest", "vitest", "cypress",
     "playwright", "mock", "mocks", "fixture", "fixtures", "__tests__", "testdata"}
)  # fmt: skip
_STAGE_WORDS = frozenset(
    {"prod", "production", "staging", "stage", "dev", "development", "local", "live",
     "secret", "secrets", "private", "preview", "release", "main", "app", "server", "backend"}
)  # fmt: skip


def committed_on_purpose(rel_path: str) -> bool:
    """A real env file teams commit knowingly: test settings (``.env.test``, ``ci.env``, any env
    file under a test directory such as ``e2e/.env.backend``: dummy values the test suite
    loads) and ``<something>.env`` named for what it configures rather than for a stage
    (``variables.env``, ``postgres.env``: templates a container reads)."""
    *directories, name = rel_path.lower().split("/")
    if _TEST_ENV_WORDS.intersection(directories):
        return True
    words = [w for w in re.split(r"[.\-_]", name) if w]
    if _TEST_ENV_WORDS.intersection(words):
        return True
    return not name.startswith(".") and words[0] != "env" and words[0] not in _STAGE_WORDS


def is_schema_name(name: str) -> bool:
    return bool(_SCHEMA_NAME.match(name))


_HISTORY_DOC = re.compile(
    r"(^|[-_/.])(change-?log|changes|history|release-?notes?|releases|news|migrat\w*|"
    r"upgrad\w*|breaking-?changes?|deprecat\w*|(?:test|qa|design|load|stress|rollout)-?plans?|prd|"
    r"proposals?|rfcs?|adrs?|specs?|specification)([-_.]|$)|"
    r"(^|/)(plans?|roadmap|todo)$|"
    r"(^|/)(plans?|proposals?|rfcs?|adrs?|decisions|archived?|specs|blogs?|posts|"
    r"upgrad\w*|migrat\w*|release-?notes|releases|change-?logs?|deprecated|legacy)/",
    re.IGNORECASE,
)


def is_history_doc(rel_path: str) -> bool:
    """Changelogs, release notes, migration and upgrade guides, designs, plans and specs
    (``docs/plans/``, ``load-test-plan.md``, ``plan.md``, ``TODO.md``,
    ``docs/specs/``, ``CLIENT_SPEC.md``, ``auth.specs.md``), proposals and decision records,
    archives: they name old (or not yet built) variables on purpose, so a
    variable there is not a claim that it exists today."""
    return bool(_HISTORY_DOC.search(rel_path.rsplit(".", 1)[0]))


_VERSION_DIR = re.compile(r"^(?:v|version-)?(\d+)(?:\.(\d+))?(?:\.(\d+))?$", re.IGNORECASE)


def superseded_dirs(paths: list[str]) -> frozenset[str]:
    """Directories of earlier versions of the docs: of sibling version directories
    (``docs/v2/``, ``docs/v3/``, ``docs/v4/``; ``version-1.0/``, ``version-2.0/``) all but the
    newest; and a lone ``vN/`` (or ``version-N/``) beside other directories of pages
    (``docs/v2/`` next to ``docs/servers/``): the current version is the unversioned tree.
    (Docusaurus' ``versioned_docs/`` is a default exclude: frozen copies.)"""
    siblings: dict[str, dict[str, tuple[int, ...]]] = {}
    unversioned: set[str] = set()  # parents with a page in a directory not named for a version
    for path in paths:
        parts = path.split("/")[:-1]
        for depth, part in enumerate(parts):
            parent = "/".join(parts[:depth])
            hit = _VERSION_DIR.match(part)
            if hit:
                number = tuple(int(g) for g in hit.groups() if g is not None)
                siblings.setdefault(parent, {})[part] = number
            else:
                unversioned.add(parent)
    found = set()
    for parent, versions in siblings.items():
        newest = max(versions.values())
        for part, number in versions.items():
            lone = len(versions) == 1 and parent in unversioned and part[:1] in "vV"
            if number < newest or lone:
                found.add(f"{parent}/{part}" if parent else part)
    return frozenset(found)


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


def is_application_code(path: str) -> bool:
    """Code of an application: not tooling (tests, scripts, hidden directories), a shell
    script, a Dockerfile, a compose file or a CI workflow."""
    return not (
        is_tooling_path(path)
        or is_shell(path)
        or maybe_script(path)
        or is_dockerfile(path)
        or is_compose(path)
        or is_workflow(path)
    )


# Config files known by name (``Caddyfile.prod`` too): their words are references.
CONFIG_NAMES = frozenset(
    {"Makefile", "Procfile", "Caddyfile", "Justfile", "justfile", "Jenkinsfile", "Tiltfile",
     "Vagrantfile", "Brewfile", "Earthfile"}
)  # fmt: skip


def maybe_script(path: str) -> bool:
    """A file with no extension (``bin/run``, an s6 ``run`` file, ``docker-entrypoint``): a
    shell script when its first line says so."""
    name = path.rsplit("/", 1)[-1]
    return "." not in name and name[:1].islower() and name not in CONFIG_NAMES


def _shebang(data: bytes) -> bytes:
    """The first line when it is a shebang (``#!/usr/bin/env node``), else nothing."""
    first = data[:200].split(b"\n", 1)[0]
    return first if first.startswith(b"#!") else b""


def shell_shebang(data: bytes) -> bool:
    first = _shebang(data)
    return any(shell in first for shell in (b"sh", b"bash", b"zsh", b"with-contenv"))


def node_shebang(data: bytes) -> bool:
    """``#!/usr/bin/env node`` (or deno, bun, tsx, ts-node): a JavaScript program with no
    extension (``bin/cli``)."""
    first = _shebang(data)
    return any(runtime in first for runtime in (b"node", b"deno", b"bun", b"tsx", b"ts-node"))


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
            at_segment = index == 0 or pattern[index - 1] == "/"
            if at_segment and pattern.startswith("**/", index):
                tokens.append((_ANY_DIRS, ""))
                index += 3
            elif at_segment and pattern.startswith("**", index) and index + 2 == len(pattern):
                tokens.append((_ANY, ""))
                index += 2
            elif pattern.startswith("**", index):  # inside a segment: as gitignore, one ``*``
                tokens.append((_STAR, ""))
                index += 2
            elif pattern[index] in "*?":
                tokens.append((_STAR if pattern[index] == "*" else _ONE, ""))
                index += 1
            else:
                tokens.append((_LITERAL, pattern[index]))
                index += 1
        self.tokens = tuple(tokens)
        self._regex = _simple_regex(self.tokens)

    def _closure(self, states: set[int], segment_start: bool) -> set[int]:
        """``*`` and ``**`` may match nothing; ``**/`` only where a segment starts."""
        todo = list(states)
        while todo:
            state = todo.pop()
            kind = self.tokens[state][0] if state < len(self.tokens) else None
            skippable = kind in (_STAR, _ANY) or (kind == _ANY_DIRS and segment_start)
            if skippable and state + 1 not in states:
                states.add(state + 1)
                todo.append(state + 1)
        return states

    def match(self, path: str) -> bool:
        if self._regex is not None:
            return self._regex.match(path) is not None
        end = len(self.tokens)
        states = self._closure({0}, True)
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
            states = self._closure(following, char == "/")
        return end in states


def _simple_regex(tokens: tuple[tuple[int, str], ...]) -> re.Pattern[str] | None:
    """The same match as an ``re`` pattern, for globs with at most two ``*`` per segment (every
    default exclude, nearly every config glob): there a regex backtracks within one segment
    at most (a file name: 255 bytes), and it runs in C. Other globs keep the automaton."""
    parts: list[str] = []
    stars = 0
    for index, (kind, literal) in enumerate(tokens):
        if kind == _LITERAL:
            stars = 0 if literal == "/" else stars
            parts.append(re.escape(literal))
        elif kind == _ONE:
            parts.append("[^/]")
        elif kind == _STAR:
            stars += 1
            if stars > 2:
                return None
            parts.append("[^/]*")
        elif kind == _ANY:
            if index != len(tokens) - 1:
                return None
            parts.append(".*")
        else:  # **/
            parts.append("(?:[^/]*/)*")
    return re.compile("".join(parts) + r"(?:/.*)?\Z", re.DOTALL)


@cache
def glob_regex(pattern: str) -> Glob:
    """The matcher of a config glob (``.match(path)``), built once per pattern."""
    return Glob(pattern)


class GlobSet:
    """Several globs matched at once: those with a regex form as one alternation (one scan of
    the path instead of one per pattern), the others by their automaton."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        globs = [glob_regex(p) for p in patterns]
        simple = [g._regex.pattern for g in globs if g._regex is not None]
        joined = "|".join(f"(?:{p})" for p in simple)
        self._regex = re.compile(joined, re.DOTALL) if simple else None
        self._others = [g for g in globs if g._regex is None]

    def match(self, path: str) -> bool:
        if self._regex is not None and self._regex.match(path) is not None:
            return True
        return any(g.match(path) for g in self._others)


@cache
def glob_set(patterns: tuple[str, ...]) -> GlobSet:
    return GlobSet(patterns)


def matches(rel_path: str, patterns: tuple[str, ...]) -> bool:
    return glob_set(patterns).match(rel_path)
