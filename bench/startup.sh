#!/usr/bin/env bash
# Wall time of env-lint next to a bare interpreter start (needs hyperfine: apt-get install hyperfine).
# Usage: bench/startup.sh [path/to/venv]   (default: .venv)
# Measure a `pip install .` venv, as users have: an editable install (`pip install -e`) adds its
# import hook (~10 ms) to every start, `python -c pass` included, which flatters the ratios.
# The "floor" line imports only what a checked run cannot do without (python-dotenv's parser,
# dataclasses, argparse, pathlib, re): no env-lint code at all.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
# Measure what users run: compiled bytecode, as pip leaves it after an install.
unset PYTHONDONTWRITEBYTECODE
"$venv/bin/python" -m compileall -q "$("$venv/bin/python" -c 'import env_lint, os; print(os.path.dirname(env_lint.__file__))')" >/dev/null
example_only=$(mktemp -d)
export ENV_LINT_CACHE_DIR=$(mktemp -d)  # never a cache inside fixtures/
trap 'rm -rf "$example_only" "$ENV_LINT_CACHE_DIR"' EXIT
printf 'API_URL=https://api.example.com\nAPI_TOKEN=\n' > "$example_only/.env.example"
touch -d '1 minute ago' "$example_only/.env.example"  # outside the racy window: runs are recorded
hyperfine -N --warmup 3 --runs 40 -i \
  "$venv/bin/python -c pass" \
  "$venv/bin/python -c 'import dotenv.parser, dataclasses, argparse, pathlib, re'" \
  "$venv/bin/env-lint --no-cache $example_only" \
  "$venv/bin/env-lint $example_only" \
  "$venv/bin/env-lint fixtures/t11-platform" \
  --export-json "${TMPDIR:-/tmp}/env-lint-startup.json" >/dev/null 2>&1
"$venv/bin/python" - "${TMPDIR:-/tmp}/env-lint-startup.json" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"{result['median'] * 1000:7.1f} ms median  {result['command']}")
PY
