#!/usr/bin/env python3
"""The speed benchmark: env-lint next to its yardsticks, per corpus repo, in one run.

    python bench/corpus.py CORPUS_DIR [--runs 5] [--repo OWNER__NAME ...] [--env-lint CMD]
    python bench/corpus.py --scaling [--runs 3] [--sizes 1000,10000,100000]

Per repo (a plain checkout per line of the ecosystem corpus, see ``ecosystem/check.py``),
medians of ``--runs`` runs, wall seconds, whole process:

- ``cold``: env-lint with an empty cache directory (reads and parses everything, writes the
  cache);
- ``warm``: env-lint again, nothing changed (the run is replayed from its record);
- ``edit``: env-lint after one file that reads the environment is touched (its mtime: a
  pre-commit hook's usual case; that file is parsed again, every other file comes from the
  per-file cache);
- ``grep``: ``git grep -c process.env`` (the floor for "look at every file");
- ``read``: a plain Python loop that reads every file ``git ls-files`` lists, once;
- ``pass``: ``python -c pass`` (interpreter start);
- ``dd``: ``dotenv-diff --scan-usage --ci`` (npm) when it is on PATH;

then the ratios the targets are stated in (warm/pass, cold/read, cold/dd). ``--scaling`` runs
env-lint cold and warm on generated trees of N TypeScript files (a tenth read
``process.env``, one example file) and prints the peak RSS of each run.

Not a test: it needs the corpus and takes minutes. Results go in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READ_LOOP = (
    "import os, subprocess\n"
    "out = subprocess.run(['git', 'ls-files', '-z'], capture_output=True).stdout\n"
    "for rel in out.decode('utf-8', 'replace').split('\\0'):\n"
    "    if rel and os.path.isfile(rel):\n"
    "        with open(rel, 'rb') as handle:\n"
    "            handle.read()\n"
)


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss


def median(command: list[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(timed(command, cwd, env)[0] for _ in range(runs))


def cold_and_warm(
    command: list[str], tree: Path, runs: int, touch: Path | None = None
) -> tuple[float, float, float, int, int]:
    """Medians of cold, warm and (with ``touch``) edited runs, and the peak RSS of cold and
    warm runs."""
    colds, warms, edits, cold_rss, warm_rss = [], [], [], 0, 0
    for _ in range(runs):
        cache = tempfile.mkdtemp(prefix="env-lint-bench-")
        env = {**os.environ, "ENV_LINT_CACHE_DIR": cache}
        seconds, rss = timed(command, tree, env)
        colds.append(seconds)
        cold_rss = max(cold_rss, rss)
        seconds, rss = timed(command, tree, env)
        warms.append(seconds)
        warm_rss = max(warm_rss, rss)
        if touch is not None:  # a new mtime, older than the racy window: the next cold run
            past = os.stat(touch).st_mtime - 60  # still records (a "now" would be racy)
            os.utime(touch, (past, past))
            edits.append(timed(command, tree, env)[0])
        shutil.rmtree(cache, ignore_errors=True)
    edit = statistics.median(edits) if edits else 0.0
    return statistics.median(colds), statistics.median(warms), edit, cold_rss, warm_rss


def reader(tree: Path) -> Path | None:
    """A file that reads the environment (the first ``git grep`` lists), to touch."""
    done = subprocess.run(
        ["git", "grep", "-l", "-e", "process.env", "-e", "os.environ", "-e", "getenv"],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    first = done.stdout.split("\n", 1)[0]
    return tree / first if first else None


def corpus(args: argparse.Namespace) -> None:
    root = Path(args.corpus)
    repos = args.repo or sorted(p.name for p in root.iterdir() if (p / ".git").exists())
    command = [*shlex.split(args.env_lint), "-q"]
    python = [sys.executable]
    dotenv_diff = shutil.which("dotenv-diff")
    print(
        f"{'repo':30} {'files':>6} {'cold':>6} {'warm':>6} {'edit':>6} {'grep':>6} {'read':>6} "
        f"{'pass':>6} "
        f"{'dd':>6} {'warm/pass':>9} {'cold/read':>9} {'cold/dd':>7}"
    )
    for repo in repos:
        tree = root / repo
        listed = subprocess.run(["git", "ls-files"], cwd=tree, capture_output=True, text=True)
        files = len(listed.stdout.splitlines())
        cold, warm, edit, _, _ = cold_and_warm(command, tree, args.runs, reader(tree))
        grep = median(["git", "grep", "-c", "process.env"], tree, args.runs)
        read = median([*python, "-c", READ_LOOP], tree, args.runs)
        bare = median([*python, "-c", "pass"], tree, args.runs)
        dd = median([dotenv_diff, "--scan-usage", "--ci"], tree, args.runs) if dotenv_diff else 0.0
        ratio_dd = f"{cold / dd:7.2f}" if dd else "      -"
        print(
            f"{repo[:30]:30} {files:6} {cold:6.2f} {warm:6.2f} {edit:6.2f} {grep:6.3f} {read:6.2f} "
            f"{bare:6.3f} {dd:6.2f} {warm / bare:9.1f} {cold / read:9.1f} {ratio_dd}",
            flush=True,
        )


def synthetic(directory: Path, count: int) -> None:
    (directory / ".env.example").write_text("API_URL=\nAPI_TOKEN=\n", encoding="utf-8")
    for index in range(count):
        folder = directory / "src" / f"m{index // 500}"
        folder.mkdir(parents=True, exist_ok=True)
        body = f"export function f{index}(a: number): number {{\n  return a * {index};\n}}\n"
        if index % 10 == 0:
            body += f"export const u{index} = process.env.API_URL ?? 'x';\n"
        (folder / f"f{index}.ts").write_text(body, encoding="utf-8")


def scaling(args: argparse.Namespace) -> None:
    command = [*shlex.split(args.env_lint), "-q"]
    print(f"{'files':>7} {'cold':>7} {'warm':>7} {'cold RSS':>10} {'warm RSS':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="env-lint-scale-") as where:
            tree = Path(where)
            synthetic(tree, size)
            past = time.time() - 60  # outside the cache's racy window
            for dirpath, _, names in os.walk(tree):
                for name in names:
                    os.utime(os.path.join(dirpath, name), (past, past))
            cold, warm, _, cold_rss, warm_rss = cold_and_warm(command, tree, args.runs)
            print(
                f"{size:7} {cold:7.2f} {warm:7.2f} {cold_rss / 1024:8.0f}MB {warm_rss / 1024:8.0f}MB",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", help="directory of <owner>__<name> checkouts")
    parser.add_argument("--repo", action="append", help="only this repo (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--env-lint", default=f"{sys.executable} -m env_lint", help="command")
    parser.add_argument("--scaling", action="store_true", help="the synthetic 1k/10k/100k run")
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    if args.scaling:
        scaling(args)
    elif args.corpus:
        corpus(args)
    else:
        parser.error("give CORPUS_DIR or --scaling")


if __name__ == "__main__":
    main()
