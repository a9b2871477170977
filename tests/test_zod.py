"""zod schema extraction: table-driven over small sources."""

from __future__ import annotations

import pytest

from env_lint.project.schemas import extract_schemas
from env_lint.sources.typescript import Script


def schema_rows(code: str, path: str = "src/env.ts") -> list[tuple[object, ...]]:
    [schema] = extract_schemas(Script(path, code.encode()))
    return [
        (v.name, v.location.line, v.type, v.required, v.default if v.default_known else "?", v.choices)
        for v in schema.variables
    ]


def one(chain: str) -> tuple[object, ...]:
    code = f'import {{ z }} from "zod";\nexport const env = z.object({{ K: {chain} }}).parse(process.env);\n'
    [row] = schema_rows(code)
    return row[2:]


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("z.string()", ("string", True, "?", ())),
        ("z.string().optional()", ("string", False, "?", ())),
        ("z.string().nullable()", ("string", False, "?", ())),
        ("z.string().nullish()", ("string", False, "?", ())),
        ('z.string().default("x")', ("string", False, "x", ())),
        ("z.string().url()", ("url", True, "?", ())),
        ("z.url()", ("url", True, "?", ())),
        ("z.string().email().optional()", ("email", False, "?", ())),
        ("z.coerce.number().default(25)", ("number", False, 25, ())),
        ("z.coerce.number().default(60 * 1000)", ("number", False, 60000, ())),
        ("z.coerce.number().default(524_288)", ("number", False, 524288, ())),
        ("z.coerce.number().default(-1.5)", ("number", False, -1.5, ())),
        ("z.number().default(0x10)", ("number", False, 16, ())),
        ("z.coerce.boolean().default(false)", ("boolean", False, False, ())),
        ('z.enum(["a", "b"]).default("a")', ("enum", False, "a", ("a", "b"))),
        ('z.literal("on")', ("enum", True, "?", ("on",))),
        ('z.union([z.literal("x"), z.literal("y")])', ("enum", True, "?", ("x", "y"))),
        ("z.string().default(`tmpl`)", ("string", False, "tmpl", ())),
        ("z.string().default(someFn())", ("string", False, "?", ())),
        ("z.string().transform((s) => s.trim())", ("string", True, "?", ())),
        ("z.string().min(3).max(9)", ("string", True, "?", ())),
        ("(z.string() as any)", ("string", True, "?", ())),
        ("z.preprocess((v) => v, z.coerce.number().default(2))", ("number", False, 2, ())),
        ("somethingElse()", ("unknown", True, "?", ())),
    ],
)
def test_chain(chain, expected):
    assert one(chain) == expected


def test_constraints_and_description():
    code = (
        'import { z } from "zod";\n'
        "const s = z.object({\n"
        '  KEY: z.string().length(44).startsWith("sk-").describe("Encryption key"),\n'
        "  N: z.coerce.number().int().min(1).max(64),\n"
        "});\n"
        "s.parse(process.env);\n"
    )
    [schema] = extract_schemas(Script("env.ts", code.encode()))
    key, n = schema.variables
    assert (key.constraints.length, key.constraints.starts_with, key.description) == (
        44,
        "sk-",
        "Encryption key",
    )
    assert (n.constraints.min, n.constraints.max, n.constraints.integer) == (1, 64, True)
    assert (key.location.line, key.location.column) == (3, 3)


@pytest.mark.parametrize(
    ("code", "wired"),
    [
        pytest.param("z.object({ A: z.string() }).parse(process.env);", None, id="direct"),
        pytest.param(
            "const s = z.object({ A: z.string() }).strict();\nexport const e = s.safeParse(process.env);",
            None,
            id="through-variable",
        ),
        pytest.param(
            "const raw = process.env;\nz.object({ A: z.string() }).parse(raw);", None, id="env-alias"
        ),
        pytest.param(
            "const s = z.object({ A: z.string(), B: z.string() });\ns.parse({ A: process.env.A });",
            frozenset({"A"}),
            id="explicit-map",
        ),
        pytest.param(
            "const s = z.object({ A: z.string() });\ns.parse({ ...process.env, A: 'x' });",
            None,
            id="spread-env",
        ),
    ],
)
def test_parsed_from_process_env(code, wired):
    [schema] = extract_schemas(Script("env.ts", f'import {{ z }} from "zod";\n{code}\n'.encode()))
    assert schema.wired == wired


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("const s = z.object({ A: z.string() });", id="never-parsed"),
        pytest.param("z.object({ A: z.string() }).parse(req.body);", id="parsed-from-a-body"),
        pytest.param("other.object({ A: 1 }).parse(process.env);", id="not-zod"),
    ],
)
def test_objects_not_parsed_from_env_are_not_schemas(code):
    assert extract_schemas(Script("env.ts", code.encode())) == []


def test_aliases_quoted_keys_shorthand_and_local_enum():
    code = (
        'import { z as zod } from "zod";\n'
        'const LEVELS = ["debug", "info"] as const;\n'
        "const PORT = zod.coerce.number().default(3000);\n"
        'export const env = zod.object({ "QUOTED_KEY": zod.string(), PORT, LEVEL: zod.enum(LEVELS) })\n'
        "  .parse(process.env);\n"
    )
    assert schema_rows(code) == [
        ("QUOTED_KEY", 4, "string", True, "?", ()),
        ("PORT", 4, "number", False, 3000, ()),
        ("LEVEL", 4, "enum", True, "?", ("debug", "info")),
    ]


def test_javascript_and_unicode_columns():
    code = '// ключ — schema\nconst { z } = require("zod");\nmodule.exports = z.object({ /* é */ A_B: z.string() }).parse(process.env);\n'
    [schema] = extract_schemas(Script("env.js", code.encode()))
    assert schema.variables[0].location.column == 37  # characters, not bytes


def test_syntax_error_still_extracts_what_it_can():
    code = 'import { z } from "zod";\nexport const env = z.object({ A: z.string(), B: z.string( }).parse(process.env);\n'
    src = Script("env.ts", code.encode())
    assert src.first_error() is not None
    names = [v.name for s in extract_schemas(src) for v in s.variables]
    assert "A" in names


def test_a_syntax_error_is_located_where_it_is_even_when_only_a_token_is_missing():
    """A missing ``)`` is an anonymous node: the error is there, not at the top of the file."""
    code = 'import { z } from "zod";\nexport const env = z.object({\n  API_URL: z.string(,\n}).parse(process.env);\n'
    error = Script("env.ts", code.encode()).first_error()
    assert error is not None and (error.start_point.row, error.start_point.column) == (2, 21)


@pytest.mark.parametrize(
    ("code", "site"),
    [
        ("const e = schema.parse(process.env);", True),
        ("const e = schema . safeParseAsync (x);", True),
        ("export const env = createEnv({});", True),
        ("const c = cleanEnv(process.env, {});", True),
        ("const o = JSON.parse(text);", False),
        ("const o = JSON\n  .parse(text);", False),
        ("const o = myJSON.parse(text);", True),  # another object's parse
        ("const o = JSON.parse(a); const e = s.parse(b);", True),
        ("const parsed = parse(text);", False),  # a plain function: no schema method
    ],
)
def test_which_files_hold_a_call_that_may_parse_a_schema(code, site):
    from env_lint.sources.scripts import constructs_schema

    assert constructs_schema(code.encode()) is site
