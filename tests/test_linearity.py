"""Every regex and loop that sees file content finishes on 1 MB adversarial inputs (inputs that
made the old code quadratic or exponential). No timing assertion: a generous alarm turns a hang
into a failure instead of a stuck suite."""

from __future__ import annotations

import os
import re
import signal

import pytest

from env_lint.credentials import DETECTORS, url_passwords
from env_lint.model import Constraints, Location, SchemaVar
from env_lint.paths import Glob
from env_lint.sources.dotenv_example import parse_example
from env_lint.sources.infra import infra_reads
from env_lint.sources.markdown_docs import parse_doc
from env_lint.values import problems

MB = 1 << 20
# Whole-parser inputs are smaller than 1 MB in the normal suite (each still took minutes with the
# old quadratic code); ENV_LINT_LINEARITY_SCALE=5 runs them at about 1 MB and more.
SCALE = float(os.environ.get("ENV_LINT_LINEARITY_SCALE", "1"))


def n(count: int) -> int:
    return int(count * SCALE)


def fill(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.fixture(autouse=True)
def alarm():
    def hung(signum, frame):
        raise TimeoutError("did not finish: super-linear on this input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_banner_comment_line():
    example = parse_example(".env.example", "# a" + "-" * MB + "a\nA_B=1\n")
    assert [e.name for e in example.entries] == ["A_B"]


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.kind)
def test_credential_detectors(detector):
    head = re.sub(r"\\[bdsw]|[\\()?:\[\]{}+*^$|]", "", detector.pattern.pattern)[:12] or "a"
    for unit in (head + "-", "a." + head):
        for _ in detector.pattern.finditer(fill(unit)):
            pass


@pytest.mark.parametrize("unit", ["a.", "a://", "a://:", "a://b:c", "a+b.c-d"])
def test_url_passwords(unit):
    url_passwords(fill(unit) + "://u:p4ssw0rdX@h")


@pytest.mark.parametrize("unit", ["${A:-", "${A", "$", "${{ secrets.", "${{ ", "${{ env.A "])
def test_interpolation_regexes(unit):
    from env_lint.sources.infra import _EXPRESSION, _INTERPOLATION, _SHELL_REF

    text = fill(unit)
    for pattern in (_EXPRESSION, _INTERPOLATION, _SHELL_REF):
        for _ in pattern.finditer(text):
            pass


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("docker-compose.yml", "".join(f"k{i}: $A{i}\n" for i in range(n(5000))) + "e: " + fill("$B ", n(50000)) + "\n"),
        ("Dockerfile", "RUN " + fill("${A:-", 60000) + "\n" + "ARG " + fill("A_B ", 60000) + "\n"),
        ("a.sh", fill("${A", 60000) + "\n"),
    ],
    ids=["compose-positions", "dockerfile", "shell"],
)
def test_infra_files(path, text):
    assert infra_reads(path, text)


@pytest.mark.parametrize(
    "text",
    [
        "| Variable | x |\n|---|---|\n| `A_B` | " + " ".join(f"`N_{i}`" for i in range(n(15000))) + " |\n",
        "```\n" + " ".join(f"N_{i}" for i in range(n(30000))) + "\n```\n",
        "".join(f"`N_{i}` x\n" for i in range(n(5000))),
    ],
    ids=["table-row", "code-block", "paragraph"],
)
def test_markdown_mentions_are_located_once(text):
    assert parse_doc("docs/a.md", text).mentions


def test_user_globs():
    assert not Glob("*a*a*a*a*a*a*a*a*a*b").match(fill("a", n(20000)))
    assert Glob("**/x/**/y").match(fill("x/", n(20000)) + "y")


def test_json_schema_pattern():
    var = SchemaVar("A", Location("x", 1, 1), "string", True, constraints=Constraints(pattern="(a+)+$"))
    assert problems("a" * MB + "!", var) == ["does not match the schema's pattern"]
    var = SchemaVar("A", Location("x", 1, 1), "string", True, constraints=Constraints(pattern="^(a|a)*b$"))
    assert problems("a" * MB, var) == ["does not match the schema's pattern"]


def test_a_long_chain_of_reads_of_a_handed_in_environment():
    from env_lint.sources.code_usages import extract_reads
    from env_lint.sources.typescript import Script

    reads = " ?? ".join(f"env.V{i}" for i in range(n(20000)))
    code = f'export default {{ fetch(req, env) {{ return {reads} ?? "d"; }} }};\n'
    found = extract_reads(Script("a.ts", code.encode()))
    assert len(found.usages) == n(20000) and all(u.weak for u in found.usages)


def test_fallback_chain_and_minified_reads():
    from env_lint.sources.code_usages import extract_reads
    from env_lint.sources.typescript import Script

    chain = "const x = " + " ?? ".join(f"process.env.V{i}" for i in range(n(20000))) + ' ?? "d";\n'
    reads = extract_reads(Script("a.ts", chain.encode()))
    assert len(reads.usages) == n(20000)
    assert all(u.defaulted for u in reads.usages)  # every link falls back to the chain's "d"
    minified = "é;" + ";".join(f"process.env.W{i}" for i in range(n(40000)))
    reads = extract_reads(Script("a.js", minified.encode()))
    assert reads.usages[0].location.column > 1


def test_many_keys_in_json_snapshots_and_schemas():
    import json

    from env_lint.sources.json_schema import parse_json_schema

    names = [f"K_{i}" for i in range(n(1500))]
    schema = json.dumps({"type": "object", "properties": {n: {"type": "string"} for n in names}}, indent=1)
    parsed = parse_json_schema("env.schema.json", schema)
    assert parsed.variables[-1].location.line > n(1500)


def test_suppression_comments():
    from env_lint.sources.directives import directives_in

    many = "".join("# env-lint: ignore[unused-example-var]\n" for _ in range(n(20000))) + "A_B=1\n"
    found = directives_in(".env.example", many)
    assert {d.target_line for d in found} == {n(20000) + 1}
    unclosed = "# " + fill("env-lint: ignore[", MB) + "\n"
    assert directives_in(".env.example", unclosed)


def test_placeholders_and_emails():
    from env_lint.credentials import known_credential, placeholder_like

    for unit in ("<", "${", "<a", "${a"):
        placeholder_like(fill(unit))
        known_credential("a://u:" + fill(unit) + "@h")
    var = SchemaVar("A", Location("x", 1, 1), "email", True)
    assert problems("a@" + fill("b.") + " x", var) == ["is not an email address"]
    assert problems("a@b.co", var) == []


@pytest.mark.parametrize("unit", ["a.", "a.B", "import a, {", "import {a", "a?.", "process.env."])
def test_import_and_member_scans(unit):
    """The byte tests in front of the JS/TS parser: ``a.a.a...`` once made the member scan
    quadratic; unclosed braces must not make each import match scan to the end."""
    from env_lint.sources.jsimports import reads_through_import, upper_members, upper_receivers

    data = fill(unit).encode() + b"\nimport a from './x';\n"
    upper_members(data)
    reads_through_import(data)
    assert "a" in upper_receivers(b"a " * (MB // 2) + b"a.UPPER_NAME")


def test_many_distinct_imports_are_one_scan():
    from env_lint.sources.jsimports import reads_through_import

    imports = "".join(f"import n{i} from './m{i}';\n" for i in range(n(40_000)))
    assert reads_through_import((imports + "n7.UPPER_NAME;\n").encode())
    assert not reads_through_import((imports + "n7.lower;\n").encode())


def test_a_deep_directory_resolves_without_recursion():
    from env_lint.model import FileFacts
    from env_lint.project.crossfile import Resolver

    deep = "/".join(["d"] * 5000)
    files = frozenset({"tsconfig.json", f"{deep}/src/env.ts", f"{deep}/a.ts"})
    resolver = Resolver({"tsconfig.json": FileFacts("tsconfig.json", "tsconfig")}, files)
    assert resolver.resolve(f"{deep}/a.ts", "./src/env") == f"{deep}/src/env.ts"
    assert resolver.resolve(f"{deep}/a.ts", "@/env") is None
