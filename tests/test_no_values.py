"""Each way a value used to reach the output, as a class: a credential pasted on its own line,
schema validation errors, pydantic annotations, credential-shaped schema defaults and choices,
names that are not names."""

from __future__ import annotations

from .conftest import write_repo

LIVE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dcQ"  # Stripe-shaped, not the documented test key
TOKEN = "ghp_" + "Zq8Lm2Xc7Vb4Nn6Mm1Kk9Jj3Hh5Gg0Ff2Dd4"
ZOD = 'import { z } from "zod";\nexport const env = z.object({\n  BODY\n}).parse(process.env);\n'


def everything(run, repo) -> str:
    chunks = []
    for args in ([], ["--format", "json"], ["--format", "markdown"], ["--diff"]):
        result = run(repo, *args)
        chunks += [result.out, result.err]
    table = run("docs-table", repo)
    return "\n".join([*chunks, table.out, table.err])


def test_a_credential_on_its_own_line_is_reported_not_echoed(run, tmp_path):
    write_repo(tmp_path, {".env.example": f"API_URL=\n{TOKEN}\n{LIVE}\nlowercase_word\n", "src/a.ts": "process.env.API_URL\n"})
    result = run(tmp_path, "--format", "json")
    rules = [(f["rule"], f["line"], f["variable"]) for f in result.json()["findings"]]
    assert rules == [
        ("secret-in-example", 2, None),
        ("secret-in-example", 3, None),
        ("parse-error", 4, None),
    ]
    assert TOKEN[4:12] not in everything(run, tmp_path) and LIVE[8:16] not in everything(run, tmp_path)


def test_json_schema_errors_never_quote_a_value(run, tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=1\n", "env.schema.json": f'{{"properties": {{"A_B": {{"type": "{LIVE}"}}}}}}'})
    result = run(tmp_path)
    assert "env.schema.json:1:1: error EL100 [parse-error] cannot parse `env.schema.json`: not a valid JSON Schema: properties/A_B/type: " in result.out
    assert LIVE[8:16] not in result.out


def test_a_pydantic_annotation_is_shown_by_type_names(run, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "DB_URL=not-a-url\n",
            "settings.py": "from typing import Annotated\nfrom pydantic import Field, PostgresDsn\n"
            "from pydantic_settings import BaseSettings\n\nclass S(BaseSettings):\n"
            "    db_url: Annotated[PostgresDsn, Field(examples=['postgres://user:Zq8Lm2Xc7V@db/x'])]\n",
        },
    )
    result = run(tmp_path)
    assert "the example value of `DB_URL` is not a URL (scheme://host...) (PostgresDsn)" in result.out
    assert "Zq8Lm2Xc7V" not in everything(run, tmp_path)


def test_a_credential_shaped_default_is_reported_not_shown(run, tmp_path):
    schema = ZOD.replace("BODY", f'STRIPE_KEY: z.string().default("{LIVE}"),\n  MODE: z.enum(["a", "{TOKEN}"]),\n  NAME: z.string().default("plain")')
    write_repo(tmp_path, {"src/env.ts": schema, ".env.example": "NAME=other\nMODE=c\n"})
    out = everything(run, tmp_path)
    assert LIVE[8:16] not in out and TOKEN[4:12] not in out
    result = run(tmp_path, "--extend-select", "example-differs-from-default")
    assert "`STRIPE_KEY` looks like a real credential (Stripe live secret key; fingerprint" in result.out
    assert "the example value of `NAME` differs from the schema default \"plain\"" in result.out  # shown by design
    run(tmp_path, "--fix", "--select", "EL200,EL208")
    assert (tmp_path / ".env.example").read_text().count("STRIPE_KEY=\n") == 1


def test_names_that_are_not_names_are_described(run, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "A_B=1\n",
            "src/a.ts": f'const a = process.env["{LIVE}"];\nconst b = process.env["has space"];\n',
        },
    )
    result = run(tmp_path)
    assert LIVE[8:16] not in result.out and "has space" not in result.out
    assert result.out.count("a name that is not a variable name (not shown)") == 2
    table = run("docs-table", tmp_path).out + run(tmp_path, "--format", "markdown").out
    assert LIVE[8:16] not in table and "has space" not in table


def test_toml_errors_never_quote_a_key(run, tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=1\n", ".env-lint.toml": f'["{LIVE}"]\n["{LIVE}"]\n'})
    result = run(tmp_path)
    assert result.code == 2
    assert result.err == f"env-lint: error: {tmp_path / '.env-lint.toml'}: invalid TOML: Cannot declare (…,) twice (at line 2, column 37)\n"


def test_a_random_looking_id_default_is_hidden_but_not_called_a_credential(run, tmp_path):
    doc_id = "13dRq8Lm2Xc7Vb4Nn6Mm1Kk9Jj3Hh5Gg0"  # a document id: random, but not a secret
    schema = ZOD.replace("BODY", f'POLICY_DOCUMENT_ID: z.string().default("{doc_id}"),\n  API_SECRET: z.string().default("{doc_id}")')
    write_repo(tmp_path, {"src/env.ts": schema, ".env.example": "POLICY_DOCUMENT_ID=\nAPI_SECRET=\n"})
    result = run(tmp_path, "--format", "json")
    flagged = [f["variable"] for f in result.json()["findings"] if f["rule"] == "secret-in-example"]
    assert flagged == ["API_SECRET"]  # random key material on a secret-named variable only
    assert doc_id[4:14] not in everything(run, tmp_path)
