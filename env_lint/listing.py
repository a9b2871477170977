"""Which files a repo has: inside a git work tree the files git tracks (the index: an untracked
file is never read, and under pre-commit, which stashes unstaged changes, that is exactly what
is being committed), a directory walk elsewhere; and which real env files git tracks. git is a
subprocess, never the network, and is asked nothing outside a work tree."""

from __future__ import annotations

import os

_CHUNK = 200
# Never listed: vendored, generated and virtualenv directories, VCS internals, caches.
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
        ".env-lint-cache",  # our own cache (a custom cache-dir: see project/cache.py)
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


def tracked_env_files(
    root: str, files: list[str], notes: list[str] | None = None
) -> tuple[str, ...]:
    """The real env files (``.env``, ``.env.local``...) among ``files`` that git tracks."""
    from .paths import is_real_env_name

    candidates = [f for f in files if is_real_env_name(f.rsplit("/", 1)[-1])]
    if not candidates or not inside_work_tree(root):
        return ()  # nothing to ask, or no repository to ask
    tracked: set[str] = set()
    for start in range(0, len(candidates), _CHUNK):
        chunk = candidates[start : start + _CHUNK]
        done = run_git(root, ["ls-files", "-z", "--", *chunk], timeout=30)
        if isinstance(done, str):
            if notes is not None and done == _NO_GIT:
                notes.append(
                    f"{done}: committed-env-file cannot tell whether env files are tracked"
                )
            return ()
        tracked.update(_paths(done))
    return tuple(sorted(tracked))


# git config is repo-controlled: every setting that could make ``git ls-files`` run a command
# or touch the network is overridden here (``-c`` wins over every config file).
#   core.fsmonitor: a hook command run to query file changes (ls-files runs it);
#   core.untrackedCache: kept off, nothing is written to the index (also GIT_OPTIONAL_LOCKS);
#   protocol.allow / GIT_NO_LAZY_FETCH: no fetch of missing objects in a partial clone.
# Checked and not used by ls-files: core.hooksPath (no hook runs), filter.<driver>.clean /
# .process (ls-files never reads file contents), core.pager / pager.ls-files (--no-pager, and
# output is not a terminal), diff.external / textconv, core.sshCommand, credential helpers.
GIT_OPTIONS = (
    "--no-pager",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.untrackedCache=false",
    "-c",
    "protocol.allow=never",
)
_KEPT_ENV = ("PATH", "HOME", "XDG_CONFIG_HOME", "SYSTEMROOT", "USERPROFILE", "TMPDIR")
_NO_GIT = "git is not installed"


def git_environment() -> dict[str, str]:
    """A clean environment: no GIT_DIR / GIT_INDEX_FILE / GIT_CONFIG_* / pager from the caller
    (a hook that runs env-lint may have them set), no system config."""
    env = {k: os.environ[k] for k in _KEPT_ENV if k in os.environ}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_OPTIONAL_LOCKS="0",
        GIT_TERMINAL_PROMPT="0",
        GIT_NO_LAZY_FETCH="1",
        GIT_PAGER="cat",
        PAGER="cat",
        LC_ALL="C",
    )
    return env


def run_git(root: str, args: list[str], timeout: float) -> bytes | str:
    """git's stdout, or why there is none (git missing, not a repository, a timeout)."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", *GIT_OPTIONS, "-C", root, *args],
            capture_output=True,
            check=False,
            timeout=timeout,
            env=git_environment(),
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        return _NO_GIT
    except (OSError, subprocess.SubprocessError) as exc:
        return f"git could not run ({type(exc).__name__})"
    if done.returncode != 0:
        return "git failed"
    return done.stdout


def _paths(stdout: bytes) -> list[str]:
    return [p for p in stdout.decode("utf-8", "replace").split("\0") if p]


def inside_work_tree(root: str) -> bool:
    directory = os.path.abspath(root)
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return True
        parent = os.path.dirname(directory)
        if parent == directory:
            return False
        directory = parent


def git_files(root: str, notes: list[str] | None = None) -> list[str] | None:
    """The files in git's index (tracked; never untracked ones); None outside a work tree."""
    if not inside_work_tree(root):
        return None  # no subprocess for a plain directory
    done = run_git(root, ["ls-files", "-z", "--cached"], 60)
    if isinstance(done, str):
        if notes is not None:
            notes.append(
                f"{done}: files are listed by walking the directory (.gitignore is not applied)"
            )
        return None
    return _paths(done)


def list_files(
    root: str, exclude: tuple[str, ...] = (), notes: list[str] | None = None
) -> list[str]:
    """In a git work tree, what ``git ls-files`` lists (``.gitignore`` respected); elsewhere a
    walk of the directory. Vendored, generated and virtualenv directories are skipped either way.
    ``notes`` gets what could not be listed (git missing, an unreadable directory)."""
    from .paths import matches

    listed = git_files(root, notes)
    if listed is None:
        return walk(root, exclude, notes)
    packages = _package_dirs(listed)
    kept = []
    for rel in listed:
        if _skipped(rel, packages) or (exclude and matches(rel, exclude)):
            continue
        if os.path.isfile(os.path.join(root, rel)):
            kept.append(rel)
    return sorted(kept)


# Output directory names that are also common names of a workspace package (``packages/build``
# holding a build tool's source) or of a Python package (``features/build/__init__.py``):
# tracked with a manifest or an ``__init__.py`` of their own, they are source.
_MAY_BE_PACKAGES = frozenset({"build", "out", "target"})
_MANIFESTS = ("package.json", "pyproject.toml", "__init__.py")


def _package_dirs(listed: list[str]) -> frozenset[str]:
    """The tracked directories named like output that hold a manifest or a Python package's
    ``__init__.py`` of their own, or sit in a Python package (a module ``pkg/build/`` of a
    package whose ``__init__.py`` is beside it, even without one of its own)."""
    found = set()
    python = set()  # directories holding an ``__init__.py``
    directories = set()
    for rel in listed:
        directory, _, name = rel.rpartition("/")
        directories.add(directory)
        if name == "__init__.py":
            python.add(directory)
        if name in _MANIFESTS and directory.rpartition("/")[2] in _MAY_BE_PACKAGES:
            found.add(directory)
    for directory in directories if python else ():
        if not any(f"/{p}/" in f"/{directory}/" for p in _MAY_BE_PACKAGES):
            continue  # once per directory, not per file: this runs on every listing
        parts = directory.split("/")
        for index, part in enumerate(parts):
            if part in _MAY_BE_PACKAGES and "/".join(parts[:index]) in python:
                found.add("/".join(parts[: index + 1]))
    return frozenset(found)


def _skipped(rel: str, packages: frozenset[str]) -> bool:
    parts = rel.split("/")
    for index, part in enumerate(parts[:-1]):
        if part in SKIP_DIRS and "/".join(parts[: index + 1]) not in packages:
            return True
        if template_dir(part):
            return True
    return False


def template_dir(name: str) -> bool:
    """``{{cookiecutter.project_slug}}``: a project generator's template, whose files become
    another project's once rendered (neither this repo's code nor valid as they stand)."""
    return "{{" in name and "}}" in name


def walk(root: str, exclude: tuple[str, ...] = (), notes: list[str] | None = None) -> list[str]:
    """Every regular file under ``root`` (relative POSIX paths, sorted), skipping vendored,
    generated and virtualenv directories and the ``exclude`` globs."""
    if exclude:
        from .paths import matches
    found: list[str] = []
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(root, rel_dir) if rel_dir else root
        try:
            entries = list(os.scandir(abs_dir))
        except OSError as exc:
            if notes is not None:
                shown = rel_dir or "."
                notes.append(
                    f"cannot read directory {shown}: {exc.strerror}; its files are not checked"
                )
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if exclude and matches(rel, exclude):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if _descends(entry.name, entry.path):
                        stack.append(rel)
                elif entry.is_file():
                    found.append(rel)
            except OSError:
                continue
    return sorted(found)


def _descends(name: str, path: str) -> bool:
    if template_dir(name):
        return False
    if name in SKIP_DIRS:
        inside = (os.path.join(path, m) for m in _MANIFESTS)
        beside = os.path.join(os.path.dirname(path), "__init__.py")
        return name in _MAY_BE_PACKAGES and any(map(os.path.isfile, (*inside, beside)))
    return not _is_virtualenv(path)


def _is_virtualenv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))
