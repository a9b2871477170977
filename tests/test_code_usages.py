"""Code usages in JS/TS: table-driven."""

from __future__ import annotations

import pytest

from env_lint.sources.code_usages import extract_usages
from env_lint.sources.typescript import Script


def usages(code: str, path: str = "src/a.ts") -> list[tuple[str, int, int]]:
    found = extract_usages(Script(path, code.encode()))
    return [(u.name, u.location.line, u.location.column) for u in found]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("const a = process.env.API_URL;", [("API_URL", 1, 23)]),
        ('const a = process.env["API_URL"];', [("API_URL", 1, 23)]),
        ("const a = process.env['API_URL'];", [("API_URL", 1, 23)]),
        ("const a = process.env?.API_URL;", [("API_URL", 1, 24)]),
        ("const a = (process.env as any).API_URL;", [("API_URL", 1, 32)]),
        ("const { A, B: b, C = 'x', D: d = 1 } = process.env;", [("A", 1, 9), ("B", 1, 12), ("C", 1, 18), ("D", 1, 27)]),
        ("process.env.WRITE_ME = '1';", []),  # a write is not a read
        ("const k = 'X'; const a = process.env[k];", []),
        ("const a = process.env[`T_${x}`];", []),
        ("const env = process.env;", []),
        ("const a = myprocess.env.NOPE; const b = process.envx.NOPE2;", []),
        ("// process.env.IN_COMMENT\nconst s = 'process.env.IN_STRING';", []),
    ],
)
def test_usages(code, expected):
    assert usages(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # an environment handed in for tests, else the real one
        ("function f(o) {\n  const env = o.env ?? process.env;\n  return env.ROLE;\n}", [("ROLE", 3, 14)]),
        ("const { POOL } = opts.env || process.env;", [("POOL", 1, 9)]),
        ("const env = (opts.env ?? process.env) as Env;\nenv.CAST_ROLE;", [("CAST_ROLE", 2, 5)]),
        ("const env = o.env && process.env;\nenv.NOT_A;", []),  # not a fallback to it
        ("const x = o.env ?? process.env.LEVEL;\nx.NOT_B;", [("LEVEL", 1, 32)]),
        # the same name bound to the environment in two functions: each is followed
        ("function a() { const env = process.env; return env.A_ONE; }\n"
         "function b(o) { const env = o.env ?? process.env; return env.B_TWO; }",
         [("A_ONE", 1, 52), ("B_TWO", 2, 62)]),
    ],
)
def test_an_environment_bound_with_a_fallback(code, expected):
    assert usages(code) == expected


def test_a_ternary_bound_to_a_local_is_used_as_the_local_is():
    from env_lint.sources.code_usages import extract_usages

    code = (
        "export function level() {\n"
        "  const v = typeof process !== 'undefined' ? process.env.LOG_LEVEL : undefined;\n"
        "  return v ?? 'info';\n}\n"
        "export function url() {\n"
        "  const u = typeof process !== 'undefined' ? process.env.API_URL : undefined;\n"
        "  return fetch(u);\n}\n"
    )
    found = {u.name: u.required for u in extract_usages(Script("src/a.ts", code.encode()))}
    assert found == {"LOG_LEVEL": False, "API_URL": True}


def test_jsx_in_js_files():
    code = "export const A = () => <div>{process.env.NEXT_PUBLIC_X}</div>;\n"
    assert usages(code, "src/a.jsx") == [("NEXT_PUBLIC_X", 1, 42)]
    assert usages(code, "src/a.js") == [("NEXT_PUBLIC_X", 1, 42)]


def test_each_read_is_kept_sorted():
    code = "process.env.B;\nprocess.env.A;\nprocess.env.B;\n"
    assert usages(code) == [("A", 2, 13), ("B", 1, 13), ("B", 3, 13)]


@pytest.mark.parametrize(
    ("index", "derived"),
    [
        ("constantCase(key)", True),
        ("snakeCase(key).toUpperCase()", True),
        ("key.toUpperCase()", True),
        ("key", False),
        ("lookup(key)", False),
    ],
)
def test_a_name_converted_from_another_case_may_be_any_name(index, derived):
    """``process.env[constantCase(key)]`` reads names made from the code's own keys: every name
    counts as read (nothing is provably unread); any other computed name stays opaque."""
    from env_lint.sources.code_usages import extract_reads

    reads = extract_reads(Script("a.ts", f"for (const key of keys) out[key] = process.env[{index}];\n".encode()))
    assert [d.pattern for d in reads.dynamic] == (["*"] if derived else [])
    if derived:
        assert len(reads.opaque) == 1  # and still a computed name for the deploy targets


def test_a_case_converting_loader_keeps_docs_claims_unproven(run, tmp_path):
    from .conftest import write_repo

    files = {
        "docs/deploy.md": "| Variable | Description |\n|---|---|\n| `QUEUE_SSL` | use TLS |\n",
        "src/app.ts": "export const u = process.env.APP_URL ?? 'http://localhost';\n",
    }
    write_repo(tmp_path, files)
    assert "`QUEUE_SSL` is documented here" in run(tmp_path, "--no-cache").out
    (tmp_path / "src" / "loader.ts").write_text("for (const key of keys) cfg[key] = process.env[constantCase(key)];\n")
    assert run(tmp_path, "--no-cache").out.startswith("No problems found")


def test_a_case_converted_read_in_a_script_stays_opaque():
    """A one-off script's ``process.env[k.toUpperCase()]`` says nothing about the app's names."""
    from env_lint.sources.code_usages import extract_reads

    reads = extract_reads(Script("scripts/sync.ts", b"out[k] = process.env[k.toUpperCase()];\n"))
    assert reads.dynamic == [] and len(reads.opaque) == 1
