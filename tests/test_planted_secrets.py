"""Property: a value planted in any input kind never reaches any output mode, not even an
8-character slice of it. Input kinds: example files (values, commented-out values, a token on
its own line, comments), docs (table cells, default and description columns, code blocks,
attribute lines), schema defaults / choices / descriptions (zod, JSON Schema, pydantic),
code fallbacks (TS, Python), workflows, compose files, Dockerfiles, package.json, turbo.json and
provider snapshots (JSON and dotenv). Output modes: every --format, --statistics, -q, --diff,
the file --fix writes, docs-table, --write-baseline, the GitHub step summary, and stderr of all.

Schema defaults, enum choices and package names are shown by design, so only credential-shaped
ones are planted there (they must be hidden). More examples: ENV_LINT_FUZZ_EXAMPLES=200.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from env_lint.cli import FORMATS, main
from env_lint.credentials import placeholder_like

from .conftest import write_repo

EXAMPLES = max(3, int(os.environ.get("ENV_LINT_FUZZ_EXAMPLES", "12")) // 4)

# Every other command that reads the repo and prints about it.
EXTRA_COMMANDS: list[list[str]] = [
    ["explain", "API_SECRET", "{root}"],
    ["explain", "OTHER_TOKEN", "{root}"],
    ["explain", "NEW_KEY", "{root}"],
]

_BODY = st.text(alphabet=string.ascii_letters + string.digits, min_size=24, max_size=40)
_ALNUM = string.ascii_letters + string.digits
_CREDENTIAL = st.one_of(  # real formats (credentials.DETECTORS)
    st.text(alphabet=_ALNUM, min_size=24, max_size=40).map(lambda b: "sk_live_" + b),
    st.text(alphabet=_ALNUM, min_size=36, max_size=40).map(lambda b: "ghp_" + b),
    st.text(alphabet=_ALNUM + "-", min_size=12, max_size=40).map(lambda b: "xoxb-" + b),
    st.text(alphabet=_ALNUM, min_size=20, max_size=30).map(lambda b: "glpat-" + b),
)
_ANY = _BODY | _CREDENTIAL | st.text(alphabet=string.ascii_letters + string.digits + "_-+/", min_size=16, max_size=48)

SHOWN_BY_DESIGN = ("default", "choice", "package")
SLOTS = ("example", "disabled", "bare", "comment", "cell", "block", "attr", "default", "choice",
         "describe", "jsdefault", "pydefault", "field", "compose", "workflow", "docker",
         "package", "turbo", "snapshot")


def _plant(root: Path, v: dict[str, str]) -> None:
    write_repo(
        root,
        {
            "package.json": json.dumps({"name": v["package"], "dependencies": {"next": "14"}, "description": v["package"]}),
            ".env-lint.toml": '[snapshots]\nvercel = "vercel-env.json"\nrailway = "railway.env"\n',
            "vercel.json": "{}",
            "vercel-env.json": json.dumps({"API_SECRET": v["snapshot"], "EXTRA_SECRET": v["snapshot"]}),
            "railway.env": f"API_SECRET={v['snapshot']}\nOTHER_TOKEN='{v['snapshot']}'\n",
            ".env.example": (
                f"# {v['comment']}\nAPI_URL=https://api.example.com\nAPI_SECRET={v['example']}\n"
                f"LOG_LEVEL={v['example']}\n# OLD_SECRET={v['disabled']}\n{v['bare']}\n"
            ),
            "docs/ENV.md": (
                "| Variable | Default | Description |\n|---|---|---|\n"
                f"| `API_SECRET` | `{v['cell']}` | {v['cell']} |\n| `NEW_KEY` | — | {v['cell']} |\n\n"
                f"### `LOG_LEVEL`\n- Default: {v['attr']}\n- Description: {v['attr']}\n\n"
                f"```bash\nexport API_SECRET={v['block']}\ncurl -H 'Authorization: Bearer {v['block']}'\n```\n"
            ),
            "src/env.ts": (
                'import { z } from "zod";\nexport const env = z.object({\n'
                "  API_URL: z.string().url(),\n"
                f'  API_SECRET: z.string().min(100).default("{v["default"]}"),\n'
                f'  LOG_LEVEL: z.enum(["debug", "{v["choice"]}"]),\n'
                f'  NEW_KEY: z.string().describe("{v["describe"]}"),\n'
                "}).parse(process.env);\n"
                f'export const x = process.env.FALLBACK_KEY ?? "{v["jsdefault"]}";\n'
            ),
            "env.schema.json": json.dumps({"type": "object", "properties": {
                "SCHEMA_KEY": {"type": "string", "default": v["default"], "description": v["describe"]},
                "SCHEMA_CHOICE": {"enum": [v["choice"]]}}}),
            "app/settings.py": (
                "import os\nfrom typing import Annotated\nfrom pydantic import Field\n"
                "from pydantic_settings import BaseSettings\n\nclass S(BaseSettings):\n"
                f"    py_key: Annotated[int, Field(examples=['{v['field']}'])] = 1\n"
                f"    py_secret: str = '{v['default']}'\n\n"
                f"X = os.environ.get('PY_FALLBACK', '{v['pydefault']}')\n"
            ),
            "docker-compose.yml": f"services:\n  web:\n    environment:\n      - COMPOSE_KEY={v['compose']}\n",
            ".github/workflows/ci.yml": f"on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      WF_KEY: {v['workflow']}\n    steps:\n      - run: echo $WF_KEY\n",
            "Dockerfile": f"FROM x\nENV DOCKER_KEY={v['docker']}\n",
            "turbo.json": json.dumps({"globalEnv": [v["turbo"], "API_*"], "tasks": {"build": {"env": [v["turbo"]]}}}),
        },
    )


def _run(argv: list[str], env: dict[str, str] | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(argv)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return out.getvalue() + "\n" + err.getvalue()


def _outputs(root: Path, work: Path) -> str:
    r = str(root)
    chunks = [_run([r, "--format", fmt]) for fmt in FORMATS]
    chunks += [_run([r, "--statistics"]), _run([r, "-q"]), _run([r, "--diff"])]
    chunks += [_run(["docs-table", r])]
    chunks += [_run([a.format(root=r) for a in argv]) for argv in EXTRA_COMMANDS]
    summary = work / "summary.md"
    chunks.append(_run([r, "--format", "json"], {"GITHUB_STEP_SUMMARY": str(summary)}))
    chunks.append(summary.read_text(encoding="utf-8"))
    baseline = work / "baseline.json"
    chunks.append(_run([r, "--write-baseline", str(baseline)]))
    chunks.append(baseline.read_text(encoding="utf-8"))
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    chunks.append(_run([r, "--fix"]))
    for path, old in before.items():
        new = path.read_bytes()
        if new != old:  # what --fix wrote (it only adds lines)
            old_lines = set(old.decode("utf-8", "replace").splitlines())
            chunks += [line for line in new.decode("utf-8", "replace").splitlines() if line not in old_lines]
    return "\n".join(chunks)


def slices(value: str, size: int = 8) -> list[str]:
    return [value[i : i + size] for i in range(len(value) - size + 1)]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=st.fixed_dictionaries({slot: _CREDENTIAL if slot in SHOWN_BY_DESIGN else _ANY for slot in SLOTS}))
def test_planted_values_never_reach_any_output_mode(values):
    for slot in SHOWN_BY_DESIGN:
        assume(not placeholder_like(values[slot]))
    with tempfile.TemporaryDirectory() as neutral_dir, tempfile.TemporaryDirectory() as planted_dir:
        neutral_root, planted_root = Path(neutral_dir) / "repo", Path(planted_dir) / "repo"
        _plant(neutral_root, {slot: "sk_live_" + "n" * 24 if slot in SHOWN_BY_DESIGN else "n" * 20 for slot in SLOTS})
        _plant(planted_root, values)
        neutral = _outputs(neutral_root, Path(neutral_dir)).replace(neutral_dir, "ROOT")
        planted = _outputs(planted_root, Path(planted_dir)).replace(planted_dir, "ROOT")
    assert "secret-in-example" in planted and "missing-on-target" in planted  # the rules ran
    for slot, value in values.items():
        for piece in slices(value):
            # A slice that the output holds anyway (a word of a message) is not a leak.
            assert piece not in planted or piece in neutral, (slot, piece)
