"""Safe by construction: no value read from a file reaches any output, no socket is opened,
heavy modules are imported only when needed."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import string
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from env_lint.cli import FORMATS

from .conftest import DEMO, ROOT, write_repo

PLANTED = "q7Zk3VwX9pLm2TrB"  # unique: appears nowhere in the repo


def slices(value: str, size: int = 8) -> list[str]:
    return [value[i : i + size] for i in range(len(value) - size + 1)]


@pytest.fixture
def planted_demo(tmp_path):
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    example = target / "env.production.example"
    text = example.read_text()
    # Values that make rules fire (enum, default, duplicate, unused, invalid key) and plain ones.
    for line in ("LOG_LEVEL=verbose", "JOB_MAX_ATTEMPTS=5", "SMTP_HOST=smtp.mailgun.org",
                 "LEGACY_WEBHOOK_URL=https://hooks.example.com/old",
                 "MAIL.REPLY_TO=support@example.com", "NEXTAUTH_URL=https://app.example.com"):
        key = line.split("=")[0]
        text = text.replace(line, f"{key}={PLANTED}")
    text = text.replace("SMTP_PASS='never closed", f"SMTP_PASS='{PLANTED}")
    example.write_text(text)
    docs = target / "docs" / "SECRETS.md"
    docs.write_text(docs.read_text().replace("`default-queue`", f"`{PLANTED}`"))
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_planted_value_in_any_output(run, planted_demo, fmt):
    result = run(planted_demo, "--format", fmt)
    assert result.code == 1
    rules = result.out
    assert "default-mismatch" in rules and "invalid-example-value" in rules  # they did fire
    for piece in slices(PLANTED):
        assert piece not in result.out
        assert piece not in result.err


def test_no_socket_is_opened_during_a_run():
    script = textwrap.dedent(
        f"""
        import json, sys
        events = []
        sys.addaudithook(lambda e, a: events.append(e) if e.startswith("socket.") else None)
        from env_lint.cli import main
        code = main([{str(DEMO)!r}, "--format", "json"])
        sys.stdout.flush()
        sys.stderr.write(json.dumps({{"code": code, "events": events}}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    report = json.loads(done.stderr)
    assert report == {"code": 1, "events": []}


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_itself_has_sockets_disabled():
    import socket

    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


HEAVY = ("jsonschema", "tree_sitter", "markdown_it")


def imported_after_run(repo) -> set[str]:
    script = textwrap.dedent(
        f"""
        import sys
        from env_lint.cli import main
        main([{str(repo)!r}])
        print("HEAVY:" + ",".join(sorted(m for m in {HEAVY!r} if m in sys.modules)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    marker = done.stdout.strip().splitlines()[-1].removeprefix("HEAVY:")
    return set(filter(None, marker.split(",")))


def test_example_only_repo_imports_no_heavy_module(tmp_path):
    write_repo(tmp_path, {".env.example": "API_URL=https://api.example.com\n"})
    assert imported_after_run(tmp_path) == set()


def test_heavy_modules_load_when_needed(tmp_path):
    assert imported_after_run(DEMO) == {"tree_sitter", "markdown_it"}
    write_repo(tmp_path, {".env.example": "A_B=1\n", ".env-lint.toml": "strict = true\n"})
    assert imported_after_run(tmp_path) == {"jsonschema"}


# --- property: no planted value, nor any 8-character slice of it, reaches any output -------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALUE = st.text(alphabet=string.ascii_letters + string.digits + "_-+/", min_size=16, max_size=48)


def _plant(root: Path, example: str, table: str, block: str, snapshot: str) -> None:
    write_repo(
        root,
        {
            "package.json": '{"name": "web", "dependencies": {"next": "14"}}',
            ".env-lint.toml": '[snapshots]\nvercel = "vercel-env.json"\nrailway = "railway.env"\n',
            "vercel-env.json": json.dumps({"API_SECRET": snapshot, "EXTRA_SECRET": snapshot}),
            "railway.env": f"API_SECRET={snapshot}\nOTHER_TOKEN='{snapshot}'\n",
            ".env.example": f"API_URL=https://api.example.com\nAPI_SECRET={example}\n# OLD_SECRET={example}\n",
            "docs/ENV.md": (
                "| Variable | Default | Notes |\n|---|---|---|\n"
                f"| `API_SECRET` | `{table}` | {table} |\n| `API_URL` | — | |\n\n"
                f"```bash\nexport API_SECRET={block}\ncurl -H 'Authorization: Bearer {block}'\n```\n"
            ),
            "src/env.ts": 'import { z } from "zod";\nexport const env = z.object({ API_URL: z.string().url(), API_SECRET: z.string().min(100).default("d") }).parse(process.env);\n',
        },
    )


def _outputs(root: Path) -> str:
    from env_lint.cli import main

    chunks = []
    for argv in [[str(root), "--format", fmt] for fmt in FORMATS] + [["docs-table", str(root)]]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(argv)
        chunks += [out.getvalue(), err.getvalue()]
    return "\n".join(chunks)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(example=_VALUE, table=_VALUE, block=_VALUE, snapshot=_VALUE)
def test_planted_values_never_reach_any_output(example, table, block, snapshot):
    """Example files, docs tables and code blocks, provider snapshot files (JSON and dotenv)."""
    with tempfile.TemporaryDirectory() as neutral_dir, tempfile.TemporaryDirectory() as planted_dir:
        _plant(Path(neutral_dir), "n" * 20, "n" * 20, "n" * 20, "n" * 20)
        _plant(Path(planted_dir), example, table, block, snapshot)
        neutral = _outputs(Path(neutral_dir)).replace(neutral_dir, "ROOT")
        planted = _outputs(Path(planted_dir)).replace(planted_dir, "ROOT")
    assert "missing-on-target" in planted or "unexpected-on-target" in planted  # snapshots read
    for value in (example, table, block, snapshot):
        for piece in slices(value):
            # A slice that the output holds anyway (a word of a message) is not a leak.
            assert piece not in planted or piece in neutral, piece


def _plant_manifests(root: Path, value: str) -> None:
    """One value in every kind of deploy manifest, where a rule reads it (a literal compared
    with the schema default, an unused variable's value)."""
    v = json.dumps(value)  # a quoted YAML / TOML / JSON string
    write_repo(
        root,
        {
            "package.json": '{"name": "web", "scripts": {"test": "vitest"}}',
            "Dockerfile": "FROM node:20-alpine\n",
            "src/env.ts": 'import { z } from "zod";\nexport const env = z.object({ LOG_FORMAT: z.string().default("plain"), API_TOKEN: z.string() }).parse(process.env);\n',
            "render.yaml": f"services:\n  - type: web\n    name: web\n    runtime: node\n    envVars:\n      - key: LOG_FORMAT\n        value: {v}\n      - key: OLD_SETTING\n        value: {v}\n",
            "docker-compose.yml": f"services:\n  web:\n    build: .\n    environment:\n      LOG_FORMAT: ${{LOG_FORMAT:-{value}}}\n      OLD_SETTING: {v}\n",
            "fly.toml": f'app = "web"\n[env]\n  LOG_FORMAT = {v}\n  OLD_SETTING = {v}\n',
            "app.json": json.dumps({"name": "web", "env": {"LOG_FORMAT": {"value": value}, "OLD_SETTING": value}}),
            "k8s/web.yaml": f"kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: acme/web:1\n          env:\n            - name: LOG_FORMAT\n              value: {v}\n",
            "serverless.yml": f"service: web\nfunctions:\n  f:\n    handler: h\n    environment:\n      LOG_FORMAT: {v}\n",
            ".github/workflows/ci.yml": f"on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      LOG_FORMAT: {v}\n    steps:\n      - run: npm test\n",
        },
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_VALUE)
def test_planted_manifest_values_never_reach_any_output(value):
    """render.yaml, compose, fly.toml, app.json, Kubernetes, serverless.yml, workflows."""
    with tempfile.TemporaryDirectory() as neutral_dir, tempfile.TemporaryDirectory() as planted_dir:
        _plant_manifests(Path(neutral_dir), "n" * 20)
        _plant_manifests(Path(planted_dir), value)
        neutral = _outputs(Path(neutral_dir)).replace(neutral_dir, "ROOT")
        planted = _outputs(Path(planted_dir)).replace(planted_dir, "ROOT")
    for rule in ("manifest-default-mismatch", "unused-in-manifest", "missing-in-manifest"):
        assert rule in planted  # the manifests were read and compared
    for piece in slices(value):
        assert piece not in planted or piece in neutral, piece
