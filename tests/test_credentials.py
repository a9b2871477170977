"""Credential detection: real-format fake credentials are caught, placeholders from real
example files are not. The fake credentials are generated here (seeded), so that no
credential-shaped string is committed to the repo."""

from __future__ import annotations

import base64
import json
import random
import string

import pytest

from env_lint.credentials import DETECTORS, credential_kind, fingerprint, known_credential
from env_lint.secrecy import secret_by_name

from .conftest import write_repo

_RNG = random.Random(20261123)
ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64URL = ALNUM + "-_"


def r(alphabet: str, size: int) -> str:
    return "".join(_RNG.choice(alphabet) for _ in range(size))


def b64(size: int) -> str:
    return base64.b64encode(bytes(_RNG.randrange(256) for _ in range(size))).decode()


def jwt() -> str:
    part = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")  # noqa: E731
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part({'sub': r(ALNUM, 12), 'role': 'service_role'})}.{r(B64URL, 43)}"


def pem(kind: str) -> str:
    return f"-----BEGIN {kind}PRIVATE KEY-----\\n{b64(48)}\\n-----END {kind}PRIVATE KEY-----"


CREDENTIALS: list[tuple[str, str]] = [
    ("OPENROUTER_API_KEY", "sk-or-v1-" + r(HEX, 64)),
    ("ANTHROPIC_API_KEY", "sk-ant-api03-" + r(B64URL, 93) + "AA"),
    ("ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-" + r(B64URL, 93) + "AA"),
    ("OPENAI_API_KEY", "sk-proj-" + r(B64URL, 74) + "T3BlbkFJ" + r(B64URL, 74)),
    ("OPENAI_API_KEY", "sk-" + r(ALNUM, 20) + "T3BlbkFJ" + r(ALNUM, 20)),
    ("OPENAI_API_KEY", "sk-" + r(ALNUM, 48)),
    ("OPENAI_ADMIN_KEY", "sk-svcacct-" + r(B64URL, 64)),
    ("DEEPSEEK_API_KEY", "sk-" + r(HEX, 32)),
    ("GITHUB_TOKEN", "ghp_" + r(ALNUM, 36)),
    ("GH_OAUTH_TOKEN", "gho_" + r(ALNUM, 36)),
    ("GH_USER_TOKEN", "ghu_" + r(ALNUM, 36)),
    ("GH_APP_TOKEN", "ghs_" + r(ALNUM, 36)),
    ("GH_REFRESH_TOKEN", "ghr_" + r(ALNUM, 36)),
    ("GITHUB_PAT", "github_pat_" + r(ALNUM, 22) + "_" + r(ALNUM, 59)),
    ("AWS_ACCESS_KEY_ID", "AKIA" + r(UPPER_DIGITS, 16)),
    ("AWS_SESSION_KEY_ID", "ASIA" + r(UPPER_DIGITS, 16)),
    ("AWS_SECRET_ACCESS_KEY", r(ALNUM + "/+", 40)),
    ("SLACK_BOT_TOKEN", "xoxb-" + r(string.digits, 12) + "-" + r(string.digits, 13) + "-" + r(ALNUM, 24)),
    ("SLACK_USER_TOKEN", "xoxp-" + r(string.digits, 12) + "-" + r(string.digits, 12) + "-" + r(HEX, 32)),
    ("SLACK_APP_TOKEN", "xoxa-" + r(string.digits, 12) + "-" + r(ALNUM, 30)),
    ("SLACK_REFRESH", "xoxr-" + r(string.digits, 12) + "-" + r(ALNUM, 30)),
    ("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T" + r(UPPER_DIGITS, 10) + "/B" + r(UPPER_DIGITS, 10) + "/" + r(ALNUM, 24)),
    ("STRIPE_SECRET_KEY", "sk_live_" + r(ALNUM, 99)),
    ("STRIPE_RESTRICTED_KEY", "rk_live_" + r(ALNUM, 24)),
    ("GOOGLE_API_KEY", "AIza" + r(B64URL, 35)),
    ("FIREBASE_API_KEY", "AIza" + r(B64URL, 35)),
    ("SUPABASE_SERVICE_ROLE_KEY", jwt()),
    ("AUTH_JWT", jwt()),
    ("PRIVATE_KEY", pem("RSA ")),
    ("SSH_PRIVATE_KEY", pem("OPENSSH ")),
    ("EC_KEY", pem("EC ")),
    ("SIGNING_KEY", pem("")),
    ("DATABASE_URL", f"postgres://app:{r(ALNUM, 20)}@db.internal:5432/app"),
    ("DATABASE_URL", f"-- then: DB_URI=postgres://app:{r(ALNUM, 20)}@db.internal/app"),
    ("REDIS_URL", f"rediss://default:{r(ALNUM, 32)}@eu1-example.upstash.io:6379"),
    ("MONGODB_URI", f"mongodb+srv://admin:{r(ALNUM, 16)}@cluster0.mongodb.net/app"),
    ("SENDGRID_API_KEY", "SG." + r(B64URL, 22) + "." + r(B64URL, 43)),
    ("NPM_TOKEN", "npm_" + r(ALNUM, 36)),
    ("HF_TOKEN", "hf_" + r(ALNUM, 34)),
    ("GITLAB_TOKEN", "glpat-" + r(B64URL, 20)),
    ("TWILIO_API_KEY", "SK" + r(HEX, 32)),
    ("MAILGUN_API_KEY", "key-" + r(HEX, 32)),
    ("JWT_SECRET", b64(32)),
    ("ENCRYPTION_KEY", b64(32)),
    ("SESSION_SECRET", r(HEX, 64)),
    ("NEXTAUTH_SECRET", r(B64URL, 43)),
    ("WEBHOOK_SECRET", "whsec_" + r(ALNUM, 32)),
    ("STRIPE_TEST_SECRET_KEY", "sk_test_" + r(ALNUM, 24)),
    ("DISCORD_BOT_TOKEN", "M" + r(ALNUM, 24) + "." + r(B64URL, 6) + "." + r(B64URL, 27)),
]

PLACEHOLDERS: list[tuple[str, str]] = [
    # a help page's URL whose slug ends in "api-key-" and the page's 32-hex id
    ("DOCS_URL", "https://acme.notion.site/Setting-up-the-api-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0"),
    # a host reserved for documentation (RFC 2606)
    ("DATABASE_URL", "postgres://johndoe:Qm7vLx2RtK9pWz4N@db.example:5432/app"),
    ("DATABASE_URL", "postgres://johndoe:Qm7vLx2RtK9pWz4N@db.example.com/app"),
    # base64 of a readable placeholder ("dev signing key for the local store")
    ("STORE_SIGNING_KEY", "ZGV2IHNpZ25pbmcga2V5IGZvciB0aGUgbG9jYWwgc3RvcmU="),
    # keys made public by design, in their own formats, on secret-named variables
    ("POSTHOG_API_KEY", "phc_" + "q7Rt2Xv9Lm4Kp8Zs3Wd6Fh1Jn5Bc0Ye7Ua2Io9Tg4Hx"),
    ("STRIPE_KEY", "pk_live_" + "51Hq7Rt2Xv9Lm4Kp8Zs3Wd6Fh1Jn5Bc0Ye7Ua2Io9Tg4"),
    ("MAPBOX_ACCESS_TOKEN", "pk.eyJ" + "1Ijoia2V5IiwiYSI6ImNsNHE3UnQyWHY5TG00In0.q7Rt2Xv9Lm4Kp8Zs3Wd6Fh"),
    ("OPENAI_API_KEY", ""),
    ("OPENAI_API_KEY", "your-api-key"),
    ("OPENAI_API_KEY", "your_openai_api_key_here"),
    ("OPENAI_API_KEY", "sk-..."),
    ("OPENROUTER_API_KEY", "sk-or-v1-..."),
    ("ANTHROPIC_API_KEY", "sk-ant-api03-..."),
    ("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
    ("STRIPE_SECRET_KEY", "sk_test_BQokikJOvBiI2HlWgH4olfQ2"),  # the earlier docs pair
    ("STRIPE_PUBLISHABLE_KEY", "pk_test_6pRNASCoBOKtIshFeQd4XMUh"),
    ("STRIPE_SECRET_KEY", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"),
    ("STRIPE_PUBLISHABLE_KEY", "pk_test_TYooMQauvdEDq54NiTphI7jx"),
    ("GITHUB_TOKEN", "<your-token>"),
    ("GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("API_KEY", "xxx"),
    ("API_KEY", "xxxxxxxxxxxxxxxxxxxxxxxx"),
    ("API_KEY", "***"),
    ("SECRET_KEY", "changeme"),
    ("SECRET_KEY", "change-me"),
    ("JWT_SECRET", "super-secret"),
    ("JWT_SECRET", "your-secret-here"),
    ("JWT_SECRET", "generate-with-openssl-rand-base64-32"),
    ("SESSION_SECRET", "replace-me"),
    ("ENCRYPTION_KEY", "changeEncryptionKey"),  # an instruction spelled as the value
    ("RUNNER_AUTH_TOKEN", "replace_with_a_long_token"),
    ("AUTH_SECRET", "TODO"),
    ("AUTH_SECRET", "placeholder"),
    ("API_TOKEN", "dummy-token"),
    ("API_TOKEN", "0000000000000000"),
    ("API_TOKEN", "1234567890abcdef1234567890abcdef"),
    ("DATABASE_URL", "${DATABASE_URL}"),
    ("DATABASE_URL", "$DATABASE_URL"),
    ("DATABASE_URL", "postgres://postgres:postgres@localhost:5432/postgres"),
    ("DATABASE_URL", "postgresql://user:password@localhost:5432/mydb"),
    ("DATABASE_URL", "mysql://root:root@127.0.0.1:3306/app"),
    ("DATABASE_URL", "postgresql://USER:PASSWORD@HOST:5432/DATABASE"),
    ("DATABASE_URL", "-- then: DB_URI=postgresql://shop:Xk29vLq81@localhost/shop"),
    ("DATABASE_URL", "postgresql://shopdb:shopdb@db.example.com:5432/shop"),
    ("REDIS_URL", "redis://localhost:6379"),
    ("MONGODB_URI", "mongodb://localhost:27017/app"),
    ("NEXTAUTH_URL", "http://localhost:3000"),
    ("SUPABASE_URL", "https://your-project.supabase.co"),
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("NEXT_PUBLIC_RECAPTCHA_SITE_KEY", "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"),
    ("RECAPTCHA_SECRET_KEY", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"),
    (
        "SUPABASE_ANON_KEY",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0",
    ),
    ("LOG_LEVEL", "info"),
    ("PORT", "3000"),
    ("SMTP_PASS", "password"),
    ("SENTRY_DSN", "https://examplePublicKey@o0.ingest.sentry.io/0"),
    ("DB_URL", 'f"mysql://{USER}:{PASSWORD}@{HOST}:3306/app"'),  # f-string / format slots
    ("DB_URL", "postgres://shop:%(db_password)s@db.prod-cluster.net/shop"),
    ("DB_URL", "postgres://shop:{{ db_password }}@db.prod-cluster.net/shop"),
    ("SUMMARY_MODEL_KEY", "VENDOR_MODEL4.6_LARGE"),  # a model's id, words and a version
    ("SUMMARY_MODEL_KEY", "VENDOR_3.1_FLASH_MINI"),
    # a URL whose host is a stand-in: the whole URL is an example
    ("DATABASE_URL", "postgresql://appuser:Qm7vLx2RtK9pWz4N@your.host:5432/appdb"),
    # fillers typed along the keyboard or the alphabet
    ("API_SECRET", "asdfghZXCVBN98765"),
    ("SIGNING_KEY", "hijklmno87654321"),
    # a stand-in typeset with non-breaking hyphens (U+2011), as a docs site renders them
    ("DATABASE_URL", "postgres://app:strong\u2011pw\u2011here@%2Fvar%2Frun%2Fpostgresql/app"),
]


def test_tables_are_big_enough():
    assert len(CREDENTIALS) >= 40
    assert len(PLACEHOLDERS) >= 40


@pytest.mark.parametrize(("name", "value"), CREDENTIALS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CREDENTIALS)])
def test_every_credential_is_caught(name, value):
    assert credential_kind(value.replace("\\n", "\n"), secret_name=secret_by_name(name)) is not None


def _first_pattern(value: str) -> int | None:
    return next((i for i, d in enumerate(DETECTORS) if d.pattern.search(value)), None)


@pytest.mark.parametrize("index", range(len(DETECTORS)))
def test_every_detector_still_names_its_values_through_its_literal_hint(index):
    """A detector's regex runs only when its hint is in the value: a wrong hint would lose the
    values only that regex names, so each detector needs one (the first pattern to match)."""
    values = [v.replace("\\n", "\n") for _, v in CREDENTIALS]
    own = [v for v in values if _first_pattern(v) == index]
    assert own
    assert all(known_credential(v) == DETECTORS[index].kind for v in own)


@pytest.mark.parametrize(("name", "value"), PLACEHOLDERS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(PLACEHOLDERS)])
def test_no_placeholder_is_flagged(name, value):
    assert credential_kind(value, secret_name=secret_by_name(name)) is None


def test_end_to_end_every_credential_one_finding_no_value(run, tmp_path):
    lines = [f'{name}_{i}="{value}"' for i, (name, value) in enumerate(CREDENTIALS)]
    lines += [f'{name}_P{i}="{value}"' for i, (name, value) in enumerate(PLACEHOLDERS)]
    write_repo(tmp_path, {".env.example": "\n".join(lines) + "\n"})
    result = run(tmp_path, "--select", "secret-in-example", "--format", "json")
    flagged = [f["variable"] for f in result.json()["findings"]]
    assert flagged == [f"{name}_{i}" for i, (name, _) in enumerate(CREDENTIALS)]
    for _, value in CREDENTIALS:
        body = value.split("\\n")[1] if "\\n" in value else value
        for start in range(0, len(body) - 8, 4):
            assert body[start : start + 8] not in result.out


def test_docs_code_blocks_and_tables_are_checked(run_in, tmp_path):
    token = "ghp_" + r(ALNUM, 36)
    secret = b64(32)
    write_repo(
        tmp_path,
        {
            "docs/ENV.md": (
                "| Variable | Example |\n|---|---|\n"
                f"| `GH_TOKEN` | `{token}` |\n| `API_URL` | `https://api.example.com` |\n\n"
                f"```bash\nexport JWT_SECRET={secret}\nJWT_SECRET=your-secret\n```\n"
            ),
        },
    )
    result = run_in(tmp_path, "--select", "secret-in-example")
    # Docs are full of made-up sample values: only known credential formats count there, not
    # a random-looking value (the JWT_SECRET line).
    assert result.out.splitlines()[:2] == [
        f"docs/ENV.md:3:1: error EL600 [secret-in-example] `GH_TOKEN` in the docs looks like a real credential (GitHub token; fingerprint {fingerprint(token)}): replace it with a placeholder and rotate it",
        "Found 1 error, 0 warnings (1 file checked).",
    ]
    assert token not in result.out and secret not in result.out


def test_commented_out_values_are_checked(run, tmp_path):
    token = "xoxb-" + r(string.digits, 12) + "-" + r(ALNUM, 24)
    write_repo(tmp_path, {".env.example": f"# SLACK_TOKEN={token}\n"})
    result = run(tmp_path, "--select", "secret-in-example")
    assert "`SLACK_TOKEN` in `.env.example` looks like a real credential (Slack token" in result.out


def test_fingerprint_is_stable_short_and_keyed():
    assert fingerprint("abc") == fingerprint(" abc ")
    assert len(fingerprint("abc")) == 12
    assert fingerprint("abc") != fingerprint("abd")
    assert fingerprint("abc", salt="other") != fingerprint("abc")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("BLOB_SECRET_ACCESS_KEY", True),  # any key of an emulator's endpoint prefix
        ("PEER_API_KEY", True),  # the key that reaches a local sibling service
        ("JOB_QUEUE_TOKEN", True),
        ("JOB_QUEUE_CURRENT_SIGNING_KEY", True),
        ("AUTH_SECRET", False),  # the app's own secret next to its own local URL
        ("PEER_JWT_SECRET", False),
        ("OTHER_API_KEY", False),
    ],
)
def test_keys_of_a_service_on_this_machine(name, expected):
    from env_lint.credentials import local_service_key, local_services

    services = local_services([
        ("BLOB_ENDPOINT", "http://127.0.0.1:10000"),
        ("PEER_API_URL", "http://localhost:5001"),
        ("JOB_QUEUE_URL", "http://localhost:${PORT_PREFIX:-81}25"),
        ("AUTH_URL", "http://localhost:3000"),
        ("OTHER_API_URL", "https://api.example.com"),
    ])
    assert local_service_key(name, services) is expected


@pytest.mark.parametrize(
    ("files", "fires"),
    [
        pytest.param({".env.example": "# NEXT_PUBLIC_USE_DEFAULT_CREDENTIALS=true\n"}, False, id="a-true-false-switch"),
        pytest.param({".env.example": "NEXT_PUBLIC_DEFAULT_CREDENTIALS=0\n"}, False, id="a-zero-one-switch"),
        pytest.param(
            {
                ".env.example": "NEXT_PUBLIC_DEFAULT_CREDENTIALS=\n",
                "src/env.ts": 'import { z } from "zod";\nexport const env = z.object({\n'
                "  NEXT_PUBLIC_DEFAULT_CREDENTIALS: z.coerce.boolean(),\n}).parse(process.env);\n",
            },
            False,
            id="a-boolean-in-the-schema",
        ),
        pytest.param({".env.example": "NEXT_PUBLIC_DEFAULT_CREDENTIALS=\n"}, True, id="no-value"),
        pytest.param({".env.example": "NEXT_PUBLIC_DEFAULT_CREDENTIALS=abc123\n"}, True, id="a-value"),
        pytest.param({".env.example": "NEXT_PUBLIC_AUTH_PASSWORD_REGEX=\n"}, False, id="a-password-policy"),
        pytest.param({".env.example": "NEXT_PUBLIC_MAGIC_LINK_TOKEN_TTL=\n"}, False, id="a-lifetime"),
        pytest.param({".env.example": "NEXT_PUBLIC_LOGIN_PASSWORD=\n"}, True, id="the-password-itself"),
    ],
)
def test_a_public_switch_named_after_credentials_holds_none(run_in, tmp_path, files, fires):
    write_repo(tmp_path, files)
    assert ("EL601" in run_in(tmp_path).out) is fires


def _token(claims: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.{r(B64URL, 43)}"


@pytest.mark.parametrize(
    ("name", "kind", "fires"),
    [
        ("VITE_FIREBASE_CONFIG", "google", False),
        ("FIREBASE_ADMIN_CONFIG", "google", True),
        ("REACT_APP_SEGMENT_TOKEN", "random", False),
        ("SEGMENT_TOKEN", "random", True),
        ("NEXT_PUBLIC_STRIPE_SECRET", "stripe", True),  # a server secret's format: still a leak
        ("NEXT_PUBLIC_DB_ANON_KEY", "anon-token", False),  # a token with a public role
        ("DB_ANON_KEY", "anon-token", False),
        ("NEXT_PUBLIC_DB_SERVICE_KEY", "service-token", True),  # its role grants more
    ],
)
def test_a_committed_client_key_under_a_public_prefix_is_no_leak(run_in, tmp_path, name, kind, fires):
    import subprocess

    alphabet = string.ascii_letters + string.digits
    key = "AIza" + r(alphabet, 35)
    config = {
        "google": json.dumps({"apiKey": key, "authDomain": "demo.firebaseapp.com", "projectId": "demo"}),
        "random": r(alphabet, 32),
        "stripe": "sk_live_" + r(alphabet, 24),
        "anon-token": _token({"iss": "db", "role": "anon", "exp": 1983812996}),
        "service-token": _token({"iss": "db", "role": "service_role", "exp": 1983812996}),
    }[kind]
    write_repo(tmp_path, {".env.production": f"{name}='{config}'\n", "src/a.ts": f"process.env.{name};\n"})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-f", "."], cwd=tmp_path, check=True)
    assert ("EL602" in run_in(tmp_path).out) is fires


@pytest.mark.parametrize(
    ("header", "declared"),
    [
        ("# The App ID, Keys, or Secrets in this file are placeholders.\n", True),
        ("#\n# All values below are fake: register with each provider.\n#\n\nPORT=3000\n", True),
        ("# Copy to .env and fill in your keys.\n", False),
    ],
)
def test_a_file_whose_header_calls_its_values_placeholders_keeps_only_known_formats(
    run, tmp_path, header, declared
):
    """A starter's example file that says all its values are stand-ins: random-looking values
    there are not reported; a known credential format still is."""
    token = "ghp_" + r(ALNUM, 36)
    write_repo(tmp_path, {".env.example": f'{header}SESSION_SECRET="{b64(32)}"\nGH_TOKEN="{token}"\n'})
    result = run(tmp_path, "--select", "secret-in-example", "--format", "json")
    flagged = [f["variable"] for f in result.json()["findings"]]
    assert flagged == (["GH_TOKEN"] if declared else ["SESSION_SECRET", "GH_TOKEN"])
