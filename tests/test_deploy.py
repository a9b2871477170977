"""Deploy targets: services, snapshots, the seed's audit, offline."""

from __future__ import annotations

import json

import pytest

from env_lint.config import ConfigError
from env_lint.model import Owners, Service, ServiceConfig, service_of
from env_lint.project.services import discover_services
from env_lint.project.snapshots import load_snapshot

from .conftest import FIXTURES, ROOT, copy_fixture, write_repo

SEED = FIXTURES / "t11-seed"
SEED_MISSING_ON_VERCEL = [
    "ENCRYPTION_KEY", "JWT_SECRET", "NEXT_PUBLIC_SUPABASE_ANON_KEY", "OPENROUTER_API_KEY",
    "UPSTASH_REDIS_REST_TOKEN", "UPSTASH_REDIS_REST_URL",
]


def test_seed_reports_exactly_the_six_missing_on_vercel(run):
    result = run(SEED, "--format", "json")
    findings = result.json()["findings"]
    assert sorted(f["variable"] for f in findings) == SEED_MISSING_ON_VERCEL
    assert {f["rule"] for f in findings} == {"missing-on-target"}
    assert all("on vercel" in f["message"] for f in findings)
    assert result.code == 1


def test_seed_snapshot_counts_match_the_audit():
    vercel = load_snapshot("vercel", str(SEED / "snapshots" / "vercel-env-ls.txt"))
    railway = load_snapshot("railway", str(SEED / "snapshots" / "railway-variables.json"))
    assert len(vercel.variables) == 16
    assert len(railway.variables) == 11
    assert vercel.get("SMTP_HOST").environments == ("Production", "Preview", "Development")
    assert vercel.get("NEXTAUTH_SECRET").environments == ("Production",)
    assert vercel.get("SENTRY_DSN").line == 20


def test_seed_markdown_report_is_the_golden_file(run_in):
    result = run_in(SEED, "--format", "markdown")
    assert result.out == (ROOT / "tests" / "golden" / "t11-seed-report.md").read_text()


def test_docs_render_the_seed_report():
    golden = (ROOT / "tests" / "golden" / "t11-seed-report.md").read_text()
    assert golden in (ROOT / "docs" / "deploy-targets.md").read_text()


def test_no_snapshot_value_in_any_format(run):
    values = json.loads((SEED / "snapshots" / "railway-variables.json").read_text())
    secret_keys = ("SUPABASE_SERVICE_ROLE_KEY", "ENCRYPTION_KEY", "OPENROUTER_API_KEY", "UPSTASH_REDIS_REST_TOKEN", "REDIS_URL", "RAILWAY_TOKEN")
    secrets = [values[k] for k in secret_keys]
    secrets[secret_keys.index("REDIS_URL")] = values["REDIS_URL"].split(":")[2].split("@")[0]  # the password
    for fmt in ("text", "json", "sarif", "github", "markdown"):
        out = run(SEED, "--format", fmt).out
        for value in secrets:
            for start in range(0, len(value) - 8):
                assert value[start : start + 8] not in out, fmt


def test_snapshots_from_the_command_line(run, tmp_path):
    repo = tmp_path / "seed"
    copy_fixture(SEED, repo)
    (repo / ".env-lint.toml").unlink()
    assert run(repo).out.startswith("No problems found")
    result = run(repo, "--snapshot", f"vercel={repo / 'snapshots' / 'vercel-env-ls.txt'}", "--format", "json")
    assert len(result.json()["findings"]) == 6


# --- snapshot formats ----------------------------------------------------------------------

VERCEL_TABLE = """Vercel CLI 37.4.2
> Environment Variables found for acme/web [300ms]

 name               value               environments                  created
 API_URL            Encrypted           Production, Preview           2d ago
 API_TOKEN          Encrypted           Development                   1h ago
"""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("env-ls.txt", VERCEL_TABLE, [("API_TOKEN", 6, ("Development",)), ("API_URL", 5, ("Production", "Preview"))]),
        ("pull.env", '# Created by Vercel CLI\nAPI_URL="https://x"\nAPI_TOKEN="s3cret"\nVERCEL_URL="x"\n', [("API_TOKEN", 3, ()), ("API_URL", 2, ()), ("VERCEL_URL", 4, ())]),
        ("kv.txt", "API_URL=https://x\nAPI_TOKEN=abc\n", [("API_TOKEN", 2, ()), ("API_URL", 1, ())]),
        ("vars.json", '{\n  "API_URL": "https://x",\n  "API_TOKEN": "abc"\n}\n', [("API_TOKEN", 3, ()), ("API_URL", 2, ())]),
        ("names.json", '["API_URL", "API_TOKEN"]', [("API_TOKEN", 1, ()), ("API_URL", 1, ())]),
        ("api.json", '{"envs": [{"key": "API_URL", "target": ["production", "preview"], "value": "x"}]}', [("API_URL", 1, ("Production", "Preview"))]),
        ("list.txt", "# exported names\nAPI_URL\n\nAPI_TOKEN\n", [("API_TOKEN", 4, ()), ("API_URL", 2, ())]),
        ("empty.txt", "", []),
    ],
)
def test_snapshot_formats(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    snapshot = load_snapshot("vercel", str(path))
    assert [(v.name, v.line, v.environments) for v in snapshot.variables] == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"API_URL": "s3cr3t-value", ', "invalid JSON at line 1"),
        ('"just a string"', "not a provider snapshot"),
        ("42", "not a provider snapshot"),
        ('[{"nokey": "s3cr3t-value"}]', "JSON array items must be names or objects"),
        ('{"not a name": "s3cr3t-value"}', "entry 1 is not a variable name"),
        ("this is s3cr3t-value prose, not names\n", "not a provider snapshot env-lint can read"),
        ("API_URL='s3cr3t-value\n", "not a provider snapshot env-lint can read"),
    ],
)
def test_malformed_snapshots_exit_2_without_echoing(run, tmp_path, content, message):
    snapshot = tmp_path / "snap.txt"
    snapshot.write_text(content)
    write_repo(tmp_path / "repo", {".env.example": "API_URL=\n"})
    result = run(tmp_path / "repo", "--snapshot", f"vercel={snapshot}")
    assert result.code == 2
    assert message in result.err
    assert str(snapshot) in result.err
    assert "accepted:" in result.err or "JSON" in result.err
    assert "s3cr3t" not in result.err + result.out


def test_binary_snapshot_and_bad_arguments(run, tmp_path):
    write_repo(tmp_path / "repo", {".env.example": "API_URL=\n"})
    binary = tmp_path / "snap.bin"
    binary.write_bytes(b"\x00\x01API_URL")
    assert "binary file" in run(tmp_path / "repo", "--snapshot", f"vercel={binary}").err
    assert "expected TARGET=FILE" in run(tmp_path / "repo", "--snapshot", "vercel").err
    assert "snapshot file not found" in run(tmp_path / "repo", "--snapshot", "vercel=nope.txt").err


def test_snapshot_for_a_target_nobody_deploys_to(run, tmp_path):
    write_repo(tmp_path, {".env.example": "API_URL=\n", "src/a.ts": "process.env.API_URL;\n", "fly.txt": "API_URL\n"})
    result = run(tmp_path, "--snapshot", f"fly={tmp_path / 'fly.txt'}")
    assert "no service is deployed on fly" in result.out


# --- services ------------------------------------------------------------------------------


def test_services_and_targets(tmp_path):
    files = {
        "package.json": '{"name": "web", "dependencies": {"next": "14"}}',
        "apps/api/package.json": '{"name": "api"}',
        "apps/api/fly.toml": "",
        "apps/api/Dockerfile": "",
        "services/worker/railway.toml": "",
        "services/py/pyproject.toml": "",
        "services/py/Procfile": "",
        "packages/ui/package.json": '{"name": "@acme/ui"}',
        "site/netlify.toml": "",
        "edge/vercel.json": "{}",
        "render/render.yaml": "",
    }
    write_repo(tmp_path, files)
    services = discover_services(str(tmp_path), sorted(files))
    assert [(s.name, s.path, s.targets) for s in services] == [
        ("web", "", ("vercel",)),
        ("api", "apps/api", ("container", "fly")),
        ("edge", "edge", ("vercel",)),
        ("@acme/ui", "packages/ui", ()),
        ("render", "render", ("render",)),
        ("py", "services/py", ("heroku",)),
        ("worker", "services/worker", ("railway",)),
        ("site", "site", ("netlify",)),
    ]
    assert service_of(services, "apps/api/src/main.ts").name == "api"
    assert service_of(services, "src/app/page.tsx").name == "web"


@pytest.mark.parametrize(
    "path",
    ["apps/api/src/main.ts", "apps/api", "apps/apiary/x.ts", "apps/web/a.ts", "apps", "", "x.ts",
     "apps/api/v2/deep/x.ts"],
)
def test_the_owner_index_finds_the_deepest_service_as_a_scan_does(path):
    services = (
        Service("root", "", ()), Service("api", "apps/api", ()), Service("api2", "apps/api", ()),
        Service("v2", "apps/api/v2", ()), Service("web", "apps/web", ()),
    )
    assert Owners(services)(path) == service_of(services, path)
    assert Owners(services[1:])(path) == service_of(services[1:], path)


def test_configured_services_override(tmp_path):
    write_repo(tmp_path, {"services/worker/package.json": '{"name": "w"}'})
    configured = (ServiceConfig("worker", "./services/worker/", ("railway",)), ServiceConfig("jobs", "jobs", ("render",)))
    services = discover_services(str(tmp_path), ["services/worker/package.json"], configured)
    assert [(s.name, s.path, s.targets) for s in services] == [
        (tmp_path.name, "", ()), ("jobs", "jobs", ("render",)), ("worker", "services/worker", ("railway",)),
    ]


def test_services_in_config(run, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "API_TOKEN=\n",
            "src/a.ts": "process.env.API_TOKEN;\n",
            "names.txt": "OTHER\n",
            ".env-lint.toml": '[services.app]\npath = "."\ntargets = ["render"]\n[snapshots]\nrender = "names.txt"\n',
        },
    )
    out = run(tmp_path).out
    assert "`API_TOKEN` is needed by `app` on render" in out
    assert "`OTHER` is set on render" in out


def test_platform_and_plugin_variables(run, tmp_path):
    write_repo(
        tmp_path,
        {
            "package.json": '{"name": "w"}',
            "railway.toml": "",
            ".env.example": "API_URL=\n",
            "src/a.ts": "process.env.API_URL; process.env.REDIS_URL; process.env.RAILWAY_ENVIRONMENT; process.env.PORT;\n",
        },
    )
    assert run(tmp_path).out.startswith("No problems found")  # REDIS_URL: Railway plugin
    (tmp_path / "railway.toml").unlink()
    assert "`REDIS_URL` is read here with no fallback but" in run(tmp_path).out  # not on Railway: declare it


def test_config_error_for_snapshot_in_config(run, tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=\n", ".env-lint.toml": '[snapshots]\nvercel = "missing.txt"\n'})
    with pytest.raises(ConfigError):
        load_snapshot("vercel", str(tmp_path / "missing.txt"))
    result = run(tmp_path)
    assert result.code == 2 and "missing.txt" in result.err
