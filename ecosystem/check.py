#!/usr/bin/env python3
"""The ecosystem check: run env-lint (JSON, default configuration) over every corpus tree,
print a table per repo and per rule (findings, verdicts, wall time), and diff the findings
against the reviewed triage in ``ecosystem/triage/``.

    python ecosystem/check.py CORPUS_DIR [--repo OWNER__NAME ...] [--env-lint CMD] [--json OUT]

CORPUS_DIR holds one plain checkout per line of ``repos.tsv`` (``<owner>__<name>``), as built
by ``../shared/corpus/build MIRROR_ROOT CORPUS_DIR``. Not part of the test suite: it needs the
trees. Exit status 0 when every finding has a verdict in the triage, 1 when some are new or
some triaged findings disappeared (review them and update the triage).

A triage file (``ecosystem/triage/<owner>__<name>.json``) lists every finding the default
configuration reports on that repo, with a verdict: ``true`` (a maintainer would fix it),
``noise`` (true but not worth reporting), ``false`` (the stated fact is wrong), a cause id and
one line of evidence. Findings are matched on (rule, variable, path, line).
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TRIAGE = HERE / "triage"
VERDICTS = ("true", "noise", "false")

Key = tuple[str, str | None, str, int]


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    corpus = Path(args.corpus)
    repos = args.repo or sorted(p.name for p in corpus.iterdir() if (p / ".git").exists())
    command = shlex.split(args.env_lint)
    rows, totals, by_rule, results = [], Counter(), {}, {}
    new_total = gone_total = 0
    for repo in repos:
        findings, seconds = run(command, corpus / repo)
        triaged = load_triage(repo)
        verdicts = Counter(triaged.get(key(f), {}).get("verdict", "new") for f in findings)
        gone = [k for k in triaged if k not in {key(f) for f in findings}]
        new = [f for f in findings if key(f) not in triaged]
        new_total += len(new)
        gone_total += len(gone)
        totals.update(verdicts)
        for f in findings:
            verdict = triaged.get(key(f), {}).get("verdict", "new")
            by_rule.setdefault(f["rule"], Counter())[verdict] += 1
        rows.append((repo, len(findings), verdicts, seconds, len(new), len(gone)))
        results[repo] = {"findings": findings, "new": new, "gone": [list(k) for k in gone]}
    print_tables(rows, totals, by_rule)
    gone_verdicts = Counter(
        load_triage(repo)[tuple(k)]["verdict"]  # type: ignore[index]
        for repo, result in results.items()
        for k in result["gone"]
    )
    print("gone since the triage: " + ", ".join(f"{n} {v}" for v, n in sorted(gone_verdicts.items())))
    for repo, result in results.items():
        for f in result["new"]:
            print(f"NEW   {repo}: {f['rule']} {f['variable']} {f['path']}:{f['line']}")
        for rule, variable, path, line in result["gone"]:
            print(f"GONE  {repo}: {rule} {variable} {path}:{line}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if new_total or gone_total else 0


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="directory of <owner>__<name> checkouts")
    parser.add_argument("--repo", action="append", help="only this repo (repeatable)")
    parser.add_argument("--env-lint", default=f"{sys.executable} -m env_lint", help="command")
    # runs are cold (--no-cache): the times are a cold run's, and no cache lands in the trees
    parser.add_argument("--json", help="write every finding, new and gone, to this file")
    return parser.parse_args(argv)


def run(command: list[str], tree: Path) -> tuple[list[dict[str, Any]], float]:
    """env-lint's findings on one tree, paths relative to the tree."""
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--output-format", "json", "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.stderr.write(f"{tree.name}: env-lint exited {done.returncode}: {done.stderr[-500:]}\n")
        return [], seconds
    return json.loads(done.stdout)["findings"], seconds


def key(finding: dict[str, Any]) -> Key:
    return (finding["rule"], finding.get("variable"), finding["path"], int(finding["line"]))


def load_triage(repo: str) -> dict[Key, dict[str, Any]]:
    path = TRIAGE / f"{repo}.json"
    if not path.exists():
        return {}
    document = json.loads(path.read_text(encoding="utf-8"))
    return {key(entry): entry for entry in document["findings"]}


def print_tables(
    rows: list[tuple[str, int, Counter[str], float, int, int]],
    totals: Counter[str],
    by_rule: dict[str, Counter[str]],
) -> None:
    print(f"{'repo':36} {'found':>5} {'true':>5} {'noise':>5} {'false':>5} {'new':>4} {'gone':>4} {'time':>7}")
    for repo, count, verdicts, seconds, new, gone in rows:
        print(
            f"{repo:36} {count:5} {verdicts['true']:5} {verdicts['noise']:5} "
            f"{verdicts['false']:5} {new:4} {gone:4} {seconds:6.2f}s"
        )
    counts = sorted(count for _, count, *_ in rows)
    judged = sum(totals[v] for v in VERDICTS)
    share = totals["true"] / judged if judged else 0.0
    median = counts[len(counts) // 2] if counts else 0
    print(
        f"\n{sum(counts)} findings: {totals['true']} true, {totals['noise']} noise, "
        f"{totals['false']} false, {totals['new']} new; {share:.0%} of the judged ones true; "
        f"max {max(counts, default=0)} per repo, median {median}"
    )
    print(f"\n{'rule':32} {'found':>5} {'true':>5} {'noise':>5} {'false':>5} {'new':>4}")
    for rule, verdicts in sorted(by_rule.items(), key=lambda kv: -sum(kv[1].values())):
        print(
            f"{rule:32} {sum(verdicts.values()):5} {verdicts['true']:5} {verdicts['noise']:5} "
            f"{verdicts['false']:5} {verdicts['new']:4}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
