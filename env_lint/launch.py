"""The entry point (console script and ``python -m env_lint``): replay the recorded run of this
very command line when nothing it read has changed, else hand over to ``cli.main``.

The command line is not parsed here (argparse alone costs a replayed run a third of its time):
the record is filed under the key of the raw arguments (``runrecord.run_key``), and the record
itself names the roots and files its digest covers. Where to look is a guess that costs a
failed ``open`` each: ``$ENV_LINT_CACHE_DIR`` when set, else ``.env-lint-cache`` in each
argument that may be a directory, in the working directory, and in the nearest directory up
with a config or ``.git`` (the root ``config.discover_root`` finds). A record is replayed only
when the file is the user's own, it lies in the cache directory of a root it names (or in
``$ENV_LINT_CACHE_DIR``), the command line is one that is ever recorded, and its key and
digest are this run's. A cache moved by ``cache-dir`` is not guessed: ``cli.main`` replays
it after parsing the arguments.
"""

from __future__ import annotations

import os
import sys

from .cachedir import DIR_NAME
from .stdio import Checked, OutputError, cannot_write, escape_unencodable, reader_left, say

TYPE_CHECKING = False  # typing itself is not imported: 4 ms
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from .runrecord import Recorded, Taken

_GUESSED_ARGUMENTS = 16  # a long command line is not searched further
# Options whose runs write elsewhere or skip the cache: never recorded (see cli._replay_plan).
_NEVER_RECORDED = frozenset({"--fix", "--diff", "--no-cache", "--write-baseline", "--write-report"})
_ROOT_MARKERS = (".git", ".env-lint.toml", "pyproject.toml")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    escape_unencodable()
    taken: Taken = {}
    recorded = _recorded(args, os.environ, taken) if sys.stdout is not None else None
    if recorded is None:
        from .cli import main as check

        return check(args, taken=taken)
    out = Checked(sys.stdout)
    try:
        out.write(recorded.out)
        out.flush()
    except OutputError as exc:
        return cannot_write(sys.stderr, exc)
    except BrokenPipeError:  # `env-lint | head`
        return reader_left()
    say(sys.stderr, recorded.err)
    return recorded.code


def main_entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


def _recorded(args: list[str], environ: Mapping[str, str], taken: Taken) -> Recorded | None:
    """The recorded run of this command line, when its inputs are unchanged; ``taken`` gets
    the digests it took (the check that runs next needs the same one to record itself)."""
    from .runrecord import read, record_path, run_key, take

    if any(arg.split("=", 1)[0] in _NEVER_RECORDED for arg in args):
        return None  # (a record of such a run is never written: one found here is planted)
    if environ.get("GITHUB_STEP_SUMMARY"):
        return None
    try:
        key = run_key(args, environ, sys.stdout.isatty())
        for directory in dict.fromkeys(_places(args, environ)):
            found = read(record_path(directory, key), key)
            if found is None or not _kept_by_its_roots(directory, found, environ):
                continue
            inputs = (found.roots, found.extra, found.present)
            cache = os.path.abspath(directory)
            taken[(inputs, cache)] = take(inputs, cache)
            if taken[(inputs, cache)][0] == found.digest:
                return found
    except (OSError, ValueError):  # no working directory, a broken stream: the check says
        return None
    return None


def _kept_by_its_roots(directory: str, found: Recorded, environ: Mapping[str, str]) -> bool:
    """A record lives where the run that wrote it keeps its cache: ``$ENV_LINT_CACHE_DIR``, or
    ``.env-lint-cache`` in one of the roots it names (a record in a parent directory naming
    other roots, or none, is not this run's)."""
    if not found.roots:
        return False
    here = os.path.abspath(directory)
    moved = environ.get("ENV_LINT_CACHE_DIR")
    if moved:
        return here == os.path.abspath(moved)
    return any(here == os.path.abspath(os.path.join(root, DIR_NAME)) for root in found.roots)


def _places(args: Sequence[str], environ: Mapping[str, str]) -> Iterator[str]:
    """Where a record of this command line may be: the cache directory of each argument that
    may be a root, and of the working directory and each directory above it."""
    moved = environ.get("ENV_LINT_CACHE_DIR")
    if moved:
        yield moved
        return
    for arg in args[:_GUESSED_ARGUMENTS]:
        if arg.startswith("--") and "=" in arg:
            arg = arg.partition("=")[2]
        if arg and not arg.startswith("-"):
            yield os.path.join(arg, DIR_NAME)
    # the root config.discover_root would find: the nearest directory up with a config or
    # .git, else the working directory itself
    directory = os.getcwd()
    yield os.path.join(directory, DIR_NAME)
    while True:
        if any(os.path.exists(os.path.join(directory, marker)) for marker in _ROOT_MARKERS):
            yield os.path.join(directory, DIR_NAME)
            return
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent
