"""--fix under attack: parallel runs, a file that changes during the run, symlinks, permissions,
CR-only files, and nothing value-like copied into the file or the diff."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from env_lint.config import Config
from env_lint.engine import run_rules
from env_lint.fix import plan_fixes, write_atomically
from env_lint.project import build_project

from .conftest import ROOT, write_repo

SCHEMA = (
    'import { z } from "zod";\n'
    "export const env = z.object({\n"
    "  APP_URL: z.string().url(),\n"
    '  APP_MODE: z.enum(["a", "b"]).default("a"),\n'
    "  OTHER_FLAG: z.coerce.boolean().optional(),\n"
    "}).parse(process.env);\n"
)


# --fix adds what missing-from-example reports, and the optional ones too when that rule runs
BOTH = Config(extend_select=("missing-optional-from-example",))


def planned(root):
    project = build_project(str(root), Config())
    return plan_fixes(project, run_rules(project, BOTH))


def test_twelve_parallel_fix_runs_add_each_key_once(tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=https://x.example.com\n"})

    def fix(_):
        return subprocess.run(
            [sys.executable, "-m", "env_lint", str(tmp_path), "--fix", "--select", "EL200,EL208"],
            capture_output=True, text=True, check=False, cwd=ROOT,
        )

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(fix, range(12)))
    assert all("Traceback" not in r.stderr for r in results)
    text = (tmp_path / ".env.example").read_text()
    assert text.count("APP_MODE=") == 1 and text.count("OTHER_FLAG=") == 1
    assert sum("env-lint: fixed" in r.stderr for r in results) == 1


def test_a_key_that_appears_during_the_run_is_not_added_twice(tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=\n"})
    (edit,), _ = planned(tmp_path)
    (tmp_path / ".env.example").write_text("APP_URL=\nAPP_MODE=b\n")  # someone else added it
    assert write_atomically(str(tmp_path), edit)
    text = (tmp_path / ".env.example").read_text()
    assert text.count("APP_MODE=") == 1 and text.count("OTHER_FLAG=") == 1


def test_a_file_that_shrinks_during_the_run(tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=\n# a\n# b\n# c\nZ_Z=1\n"})
    (edit,), _ = planned(tmp_path)
    (tmp_path / ".env.example").write_text("")
    assert write_atomically(str(tmp_path), edit)
    assert (tmp_path / ".env.example").read_text() == (
        "# Added by env-lint --fix\n# Optional, has a default\nAPP_MODE=a\n# Optional\nOTHER_FLAG=\n"
    )


def test_a_symlink_inside_the_repo_stays_a_link(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, "config/example.env": "APP_URL=\n"})
    (tmp_path / ".env.example").symlink_to("config/example.env")
    result = run(tmp_path, "--fix", "--select", "EL200,EL208")
    assert (tmp_path / ".env.example").is_symlink()
    assert "APP_MODE=a" in (tmp_path / "config/example.env").read_text()
    assert result.err.count("env-lint: fixed") == 1


def test_a_symlink_out_of_the_repo_is_never_written(run, tmp_path):
    outside = tmp_path / "outside.env"
    outside.write_text("APP_URL=\n")
    repo = write_repo(tmp_path / "repo", {"src/env.ts": SCHEMA, "config/example.env": "APP_URL=\n"})
    write_repo(repo, {".env-lint.toml": 'examples = ["linked.example"]\n'})
    (repo / "linked.example").symlink_to(outside)
    project = build_project(str(repo), Config(examples=("linked.example",)))
    edits, _ = plan_fixes(project, run_rules(project, BOTH))
    assert outside.read_text() == "APP_URL=\n"
    assert all(e.path != "linked.example" for e in edits)


def test_a_read_only_file_is_not_rewritten(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=\n"})
    path = tmp_path / ".env.example"
    path.chmod(0o444)
    result = run(tmp_path, "--fix", "--select", "EL200,EL208")
    assert path.read_text() == "APP_URL=\n"
    assert f"env-lint: not fixing {path}: the file is read-only\n" in result.err
    assert "Traceback" not in result.err


def test_a_directory_that_cannot_be_written(run, tmp_path, monkeypatch):
    import tempfile

    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_URL=\n"})

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = run(tmp_path, "--fix", "--select", "EL200,EL208")
    assert (tmp_path / ".env.example").read_text() == "APP_URL=\n"
    assert "cannot write in its directory: Permission denied" in result.err


def test_cr_only_files_keep_cr(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA})
    (tmp_path / ".env.example").write_bytes(b"APP_URL=https://x.example.com\r# end\r")
    run(tmp_path, "--fix", "--select", "EL200,EL208")
    data = (tmp_path / ".env.example").read_bytes()
    assert b"\n" not in data
    assert data == (
        b"APP_URL=https://x.example.com\r# Optional, has a default\rAPP_MODE=a\r# end\r"
        b"\r# Added by env-lint --fix\r# Optional\rOTHER_FLAG=\r"
    )


def test_diff_hides_the_value_of_a_last_line_without_newline(run, tmp_path):
    write_repo(tmp_path, {"src/env.ts": SCHEMA, ".env.example": "APP_MODE=b\nAPP_URL=s3cr3tValueZ9"})
    result = run(tmp_path, "--diff", "--select", "EL200,EL208")
    assert "s3cr3tValueZ9" not in result.out
    assert "-APP_URL=…\n" in result.out


def test_no_value_like_description_is_copied(run, tmp_path):
    schema = SCHEMA.replace("z.coerce.boolean().optional()", 'z.string().describe("old key was q9Vx2Lm7Pz4R")')
    write_repo(tmp_path, {"src/env.ts": schema, ".env.example": "APP_URL=\n"})
    result = run(tmp_path, "--diff", "--select", "EL200,EL208")
    assert "q9Vx2Lm7Pz4R" not in result.out
    assert "+OTHER_FLAG=\n" in result.out
