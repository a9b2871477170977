"""Example-file parser: table-driven, including broken input."""

from __future__ import annotations

import pytest

from env_lint.model import Location
from env_lint.sources.dotenv_example import parse_example


def entries(text: str) -> list[tuple[str, int, int, bool | None, bool, bool]]:
    parsed = parse_example("x/.env.example", text)
    return [
        (e.name, e.location.line, e.location.column, e.required, e.secret, e.disabled)
        for e in parsed.entries
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A_B=1\n", [("A_B", 1, 1, None, False, False)], id="plain"),
        pytest.param("\n\n\nA_B=1\n", [("A_B", 4, 1, None, False, False)], id="blank-lines-before"),
        pytest.param("export TOKEN=x\n", [("TOKEN", 1, 8, None, False, False)], id="export"),
        pytest.param("   SPACED = 1\n", [("SPACED", 1, 4, None, False, False)], id="indented"),
        pytest.param(
            "# Optional\nSENTRY_DSN=\n", [("SENTRY_DSN", 2, 1, False, False, False)], id="optional"
        ),
        pytest.param(
            "# Обязательно. Секретный ключ\nKEY=\n",
            [("KEY", 2, 1, True, True, False)],
            id="russian-required-secret",
        ),
        pytest.param(
            "# необязательно\nKEY=\n", [("KEY", 2, 1, False, False, False)], id="russian-optional"
        ),
        pytest.param(
            "# required\n\nKEY=\n", [("KEY", 3, 1, None, False, False)], id="blank-line-detaches"
        ),
        pytest.param("KEY=x # optional\n", [("KEY", 1, 1, False, False, False)], id="inline-comment"),
        pytest.param(
            "KEY='a # b'\n", [("KEY", 1, 1, None, False, False)], id="hash-inside-quotes-is-value"
        ),
        pytest.param(
            "# Sentry (optional)\n# SENTRY_DSN=\nNEXT=1\n",
            [("SENTRY_DSN", 2, 3, False, False, True), ("NEXT", 3, 1, None, False, False)],
            id="commented-out-assignment",
        ),
        pytest.param(
            "# export OLD_KEY=\"v\"\n", [("OLD_KEY", 1, 10, False, False, True)], id="commented-export"
        ),
        pytest.param("# Format: KEY=value\nA_B=1\n", [("A_B", 2, 1, None, False, False)], id="prose"),
        pytest.param("# e.g. lower=case\n", [], id="prose-lowercase-not-disabled"),
        pytest.param(
            'MULTI="line one\nline two"\nAFTER=1\n',
            [("MULTI", 1, 1, None, False, False), ("AFTER", 3, 1, None, False, False)],
            id="multiline-quoted",
        ),
        pytest.param("A=1\r\nB=2\r\n".replace("\r\n", "\n"), [("A", 1, 1, None, False, False), ("B", 2, 1, None, False, False)], id="crlf-normalised"),
    ],
)
def test_entries(text, expected):
    assert entries(text) == expected


def test_description_keeps_the_comment_block():
    parsed = parse_example("e", "# Supabase\n# Service role key (secret)\nSUPABASE_KEY=\n")
    assert parsed.entries[0].description == ("Supabase", "Service role key (secret)")
    assert parsed.entries[0].secret is True


def test_values_are_kept_for_comparison_only():
    parsed = parse_example("e", "A='quoted value'\nB=\n")
    assert [e.value for e in parsed.entries] == ["quoted value", ""]


@pytest.mark.parametrize(
    ("text", "failure"),
    [
        pytest.param("A=1\nB='never closed\nC=3\n", (2, "unterminated quoted value"), id="quote"),
        pytest.param('A=1\nB="never closed\nC=3\n', (2, "unterminated quoted value"), id="dquote"),
        pytest.param("A=1\njust words\nC=3\n", (2, "line is not a KEY=value assignment"), id="words"),
    ],
)
def test_broken_lines_are_failures_and_the_rest_is_read(text, failure):
    parsed = parse_example("x/.env.example", text)
    assert [(f.location.line, f.reason) for f in parsed.failures] == [failure]
    assert [e.name for e in parsed.entries] == ["A", "C"]
    assert all(f.location == Location("x/.env.example", failure[0], 1) for f in parsed.failures)


def test_the_prose_above_a_run_of_disabled_keys_describes_each_of_them():
    text = "# OLD_A and OLD_B are deprecated: use NEW_URL\n# OLD_A=x\n# OLD_B=y\nNEW_URL=z\n"
    parsed = parse_example(".env.example", text)
    described = {e.name: e.description for e in parsed.entries}
    assert described["OLD_A"] == described["OLD_B"] == ("OLD_A and OLD_B are deprecated: use NEW_URL",)
    assert described["NEW_URL"] == ()


def test_a_comment_showing_the_format_disables_no_key():
    text = "# The syntax is:\n#   KEY=VALUE\n# NAME=value\n# REAL_OLD=1\nAPI_URL=\n"
    parsed = parse_example(".env.example", text)
    assert [(e.name, e.disabled) for e in parsed.entries] == [("REAL_OLD", True), ("API_URL", False)]


def test_a_c_style_comment_that_sets_nothing_is_a_comment():
    """``/* ... */`` and ``//`` lines are skipped by dotenv loaders as unparsable lines: no
    failure while they hold no ``=``; an assignment inside one is still read as a line."""
    text = "A=1\n/*\n * The keys below are made for you\n */\n// on deploy\nB=2\n/* C=3 */\nD=4\n"
    parsed = parse_example(".env.example", text)
    assert [e.name for e in parsed.entries] == ["A", "B", "D"]
    assert [f.location.line for f in parsed.failures] == [7]


@pytest.mark.parametrize(
    "slot",
    ["{{envExample}}", "{{ provider_keys }}", "{% include 'keys' %}", "<%= keys %>",
     '{{ .name }}="{{ if .value }}{{ .value }}{{ end }}"', "{{- range .env -}}"],
)
def test_a_template_tag_on_its_own_line_is_a_generators_slot(slot):
    """An example file that a scaffolding tool renders (``{{envExample}}`` where it writes the
    chosen provider's keys): the tag is neither an entry nor a broken line; a broken line
    beside it still is."""
    parsed = parse_example(".env.template", f"# Copy this file to .env\n{slot}\nPORT=3000\njust words\n")
    assert [e.name for e in parsed.entries] == ["PORT"]
    assert [f.location.line for f in parsed.failures] == [4]


@pytest.mark.parametrize("key", ["my-key.x", "1ABC", "MAIL.REPLY_TO"])
def test_invalid_keys_are_kept_apart(key):
    parsed = parse_example("e", f"{key}=1\nGOOD=2\n")
    assert [e.name for e in parsed.invalid_keys] == [key]
    assert [e.name for e in parsed.entries] == ["GOOD"]


def test_duplicates_are_all_returned():
    parsed = parse_example("e", "A=1\nA=2\n")
    assert [(e.name, e.location.line) for e in parsed.entries] == [("A", 1), ("A", 2)]


@pytest.mark.parametrize("key", ["S3_UPLOAD_B2_ENDPOINT", "R2_ACCOUNT_ID_2FA_V2", "X9_TOKEN_URL"])
def test_keys_with_digits_are_keys_not_pasted_credentials(key):
    parsed = parse_example(".env.example", f"{key}=\n")
    assert [e.name for e in parsed.entries] == [key] and parsed.stray == ()


HELM_PARTIAL = b"""{{- define "app.env" -}}
- name: API_URL
  value: {{ .Values.apiUrl | quote }}
- name: API_TOKEN
  valueFrom:
    secretKeyRef:
      key: api-token
{{- end -}}
"""


YAML_ENV_VARS = b"""API_URL: https://api.example.com
FEATURE_ON: "true"
API_TOKEN: your-token
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [("chart/templates/_env.tpl", HELM_PARTIAL), (".env.cloud.yaml.example", YAML_ENV_VARS)],
)
def test_a_template_in_another_language_is_not_held_to_dotenv(name, text):
    """``_env.tpl`` (a Helm partial) shares an example file's name, not its grammar, and so
    does a YAML env-vars file named for its format (``.env.cloud.yaml.example``): its names
    are a deploy config's mentions, and it reports no parse errors."""
    from env_lint.sources.base import Settings
    from env_lint.sources.dotenv_example import SOURCE

    facts = SOURCE.parse(name, text, Settings())
    assert (facts.source, facts.failures, facts.example, facts.words_kind) == (
        "other",
        (),
        None,
        "config",
    )


@pytest.mark.parametrize("name", [".env.tpl", "env.production.example", "_env.tpl", ".env.yaml.example"])
def test_a_dotenv_named_or_mostly_dotenv_file_keeps_its_parse_errors(name):
    from env_lint.sources.base import Settings
    from env_lint.sources.dotenv_example import SOURCE

    mostly_dotenv = name in ("_env.tpl", ".env.yaml.example")
    text = b"A=1\nB=2\nnot an assignment\n" if mostly_dotenv else HELM_PARTIAL
    facts = SOURCE.parse(f"deploy/{name}", text, Settings())
    assert facts.source == "example" and facts.failures
