"""Generate a tree of N source files (a tenth of them read process.env) and time the usage scan
next to `git grep -c process.env`. Usage: python bench/usage_scan.py [N] [DIR]"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

from env_lint.config import Config
from env_lint.project import build_project


def generate(root: str, count: int) -> None:
    rng = random.Random(1)
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, ".env.example"), "w") as handle:
        handle.write("".join(f"VAR_{i}=\n" for i in range(200)))
    for index in range(count):
        directory = os.path.join(root, "packages", f"pkg{index % 100}", "src", f"mod{index % 7}")
        os.makedirs(directory, exist_ok=True)
        body = [f"export function f{index}(x: number): number {{", "  let total = x;"]
        body += [f"  total += {rng.randint(1, 99)} * x; // line {n}" for n in range(30)]
        if index % 10 == 0:
            body += [f"  const v = process.env.VAR_{rng.randrange(200)} ?? '';", "  total += v.length;"]
        body += ["  return total;", "}", ""]
        with open(os.path.join(directory, f"file{index}.ts"), "w") as handle:
            handle.write("\n".join(body))
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)


def timed(action, runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    root = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="env-lint-bench-")
    if not os.path.exists(os.path.join(root, ".env.example")):
        generate(root, count)
    scan = timed(lambda: build_project(root, Config()))
    grep = timed(lambda: subprocess.run(["git", "grep", "-c", "process.env"], cwd=root, capture_output=True, check=False))
    whole = timed(lambda: subprocess.run([sys.executable, "-m", "env_lint", root, "-q"], capture_output=True, check=False), runs=3)
    print(f"{count} files in {root}")
    print(f"  usage scan (build_project, median of 5): {scan * 1000:8.0f} ms")
    print(f"  git grep -c process.env (median of 5):   {grep * 1000:8.0f} ms")
    print(f"  env-lint whole run (median of 3):        {whole * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
