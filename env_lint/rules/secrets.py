"""Secret safety: real credentials in examples and docs, secrets shipped to the browser, real
env files in git. Findings carry a fingerprint of the value, never the value."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..analysis.context import Context
from ..model import ExampleEntry, Finding, Location, SchemaVar, Severity
from ..paths import committed_on_purpose
from ..secrecy import (
    is_secret,
    marked_secret,
    names_a_switch,
    names_test_value,
    public_by_design,
    public_prefix,
    strongly_secret_name,
)
from ..values import as_bool
from .base import Rule, related_to


def _secret_in_example(ctx: Context) -> Iterator[Finding]:
    from ..credentials import (
        credential_kind,
        fingerprint,
        known_credential,
        local_only,
        local_service_key,
    )
    from ..wording import says_dummy

    for example in ctx.project.examples:
        local = _local_services(example.entries)
        for entry in example.entries:
            if entry.value is None or local_only(entry.value):
                continue
            if any(says_dummy(line) for line in entry.description):
                continue  # "# dummy key, create your own"
            secret = is_secret(entry.name, [entry], ctx.doc_mentions.get(entry.name, ()))
            kind = credential_kind(entry.value, secret_name=secret)
            if kind is None:
                continue
            local_default = names_test_value(entry.name) or local_service_key(entry.name, local)
            stand_in = local_default or example.declares_dummies
            if stand_in and known_credential(entry.value) is None:
                continue  # random-looking only: a test account's, a local emulator's key, or
                # one of a file whose header calls all its values placeholders
            stamp = fingerprint(entry.value)
            yield _leak(entry.location, entry.name, kind, stamp, f"`{example.path}`")
    for example in ctx.project.examples:
        for stray in example.stray:
            yield _leak(
                stray.location, None, stray.kind or "", stray.fingerprint, f"`{example.path}`"
            )
    for schema in ctx.project.schemas:
        for var in schema.variables:
            if var.hidden_value is not None:
                kind, stamp = var.hidden_value
                yield SECRET_IN_EXAMPLE.finding(
                    var.location,
                    f"the schema default or choice of `{var.name}` looks like a real credential "
                    f"({kind}; fingerprint {stamp}): it is never shown or written by --fix; "
                    "replace it and rotate it",
                    variable=var.name,
                    fingerprint=stamp,
                )
    for item in ctx.project.doc_values:
        # Random-looking values count only where a value is assigned (``KEY=value`` in a code
        # block); table cells and prose are checked for known credential formats only.
        mentions = ctx.doc_mentions.get(item.name or "", ())
        secret = item.assigned and item.name is not None and is_secret(item.name, (), mentions)
        kind = item.kind_if_secret if secret else item.kind
        if kind is not None:
            yield _leak(item.location, item.name, kind, item.fingerprint, "the docs")


def _leak(location: Location, name: str | None, kind: str, stamp: str, where: str) -> Finding:
    subject = f"`{name}` in {where}" if name else f"a value in {where}"
    return SECRET_IN_EXAMPLE.finding(
        location,
        f"{subject} looks like a real credential ({kind}; fingerprint {stamp}): replace it "
        "with a placeholder and rotate it",
        variable=name,
        fingerprint=stamp,
    )


def _public_secret(ctx: Context) -> Iterator[Finding]:
    names = set(ctx.example_entries) | set(ctx.schema_vars) | set(ctx.usages)
    client = {v.name for s in ctx.project.schemas for v in s.variables if v.section == "client"}
    for name in sorted(names):
        prefix = public_prefix(name) or ("" if name in client else None)
        if prefix is None:
            continue
        entries = [e for _, e in ctx.example_entries.get(name, ())]
        mentions = ctx.doc_mentions.get(name, [])
        bare = name[len(prefix) :]
        if public_by_design(bare) or names_a_switch(bare):
            continue  # NEXT_PUBLIC_SUPABASE_ANON_KEY, NEXT_PUBLIC_SENTRY_DSN, ..._ENABLED
        if _switched(entries, [v for _, v in ctx.schema_vars.get(name, ())]):
            continue  # ..._DEFAULT_CREDENTIALS=true: says which credentials, holds none
        # ``..._PRIVATE_ENDPOINT``: an address (who may reach it), not a credential
        by_name = strongly_secret_name(bare) and not _ADDRESS.search(bare)
        if not (by_name or marked_secret(entries, mentions)):
            continue
        places = [e.location for e in entries]
        places += sorted(v.location for _, v in ctx.schema_vars.get(name, ()))
        places += [u.location for u in ctx.usages.get(name, ())]
        first, *rest = places
        why = "its name says it is secret" if by_name else "the example file or docs call it secret"
        how = f"by the `{prefix}` prefix" if prefix else "as a t3-env `client` variable"
        yield PUBLIC_SECRET.finding(
            first,
            f"`{name}` is exposed to the browser {how}, but {why}",
            variable=name,
            related=related_to(rest, "also here"),
        )


def _switched(entries: list[ExampleEntry], declared: list[SchemaVar]) -> bool:
    """A true/false switch: the schema says boolean, or every example value is a boolean."""
    if any(v.type == "boolean" for v in declared):
        return True
    values = [e.value for e in entries if e.value and e.value.strip()]
    return bool(values) and all(as_bool(v) is not None for v in values)


_ADDRESS = re.compile(r"_(URL|URI|ENDPOINT|HOST|HOSTNAME|DOMAIN|ORIGIN|PATH|BUCKET)$")


def _local_services(entries: Iterable[ExampleEntry]) -> tuple[tuple[str, bool], ...]:
    from ..credentials import local_services

    return local_services((e.name, e.value) for e in entries if not e.disabled)


def _committed_env_file(ctx: Context) -> Iterator[Finding]:
    tracked = set(ctx.project.tracked_env_files)
    for env_file in ctx.project.env_files:
        if env_file.path not in tracked or not env_file.credentials:
            continue  # a committed file of non-secret settings is a team's choice
        if committed_on_purpose(env_file.path):
            continue  # test settings, or a container's settings template
        first, *rest = env_file.credentials
        names = sorted({c.name for c in env_file.credentials if c.name})
        shown = ", ".join(f"`{n}`" for n in names[:5]) + (" and more" if len(names) > 5 else "")
        yield COMMITTED_ENV_FILE.finding(
            first.location,
            f"`{env_file.path}` is tracked by git and holds what look like real credentials "
            f"({shown}; {first.kind}): remove it from the index (`git rm --cached`), add it to "
            "`.gitignore`, and rotate them",
            variable=first.name,
            related=related_to((c.location for c in rest), "another credential-looking value"),
            fingerprint=first.fingerprint,
        )


SECRET_IN_EXAMPLE = Rule(
    code="EL600",
    name="secret-in-example",
    severity=Severity.ERROR,
    summary="An example file or the docs hold what looks like a real credential.",
    what="A value in an example file (also a commented-out one), or in a docs code block or "
    "table, matches a known credential format (OpenAI / OpenRouter / Anthropic `sk-...`, "
    "GitHub `ghp_` / `github_pat_`, AWS `AKIA...`, Slack `xox[abpr]-`, Stripe `sk_live_` / "
    "`rk_live_`, Google `AIza`, SendGrid, npm, Hugging Face, GitLab, JWTs, PEM private keys, "
    "URLs with `user:password@`; not a JWT whose claims give it a public role, "
    '`"role": "anon"`), or is random-looking key material on a variable whose name, '
    "example comment or docs say it is secret. Placeholders (empty, `your-...`, `<...>`, "
    "`xxx`, `***`, `...`, `changeme`, `example`, `${VAR}`, values ending in `...`, trivial "
    "passwords such as `postgres`) and documented public test keys are never reported, nor a "
    "test or demo account's value (`E2E_TEST_USER_PASSWORD`) or a local emulator's keys (the "
    "`S3_` keys next to `S3_ENDPOINT=http://127.0.0.1:9000`, the `PEER_` keys next to "
    "`PEER_API_URL=http://127.0.0.1:5001`: a published development default), nor a "
    "random-looking value in an example file whose header says all its values are "
    "placeholders (a known format there still is). Also "
    "a credential pasted on a line of its own in an example file, and a schema default or "
    "enum choice that looks like a credential (it is then never shown or written by `--fix`). "
    "The finding shows a fingerprint (a keyed hash), never the value.",
    why="Example files and docs are committed and copied everywhere: a real key there is a "
    "leaked key. Rotating it is the only fix; the sooner it is caught, the smaller the damage.",
    example="```dotenv\nOPENROUTER_API_KEY=sk-or-v1-<64 real hex characters>\n```",
    fix="Replace the value with a placeholder (`OPENROUTER_API_KEY=sk-or-v1-...`), rotate the "
    "credential at its provider, and purge it from git history if it was pushed.",
    check=_secret_in_example,
)

PUBLIC_SECRET = Rule(
    code="EL601",
    name="public-secret",
    severity=Severity.ERROR,
    summary="A secret is exposed to the browser by its public prefix.",
    what="A variable with a prefix that bundlers inline into client code (`NEXT_PUBLIC_`, "
    "`VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, `REACT_APP_`, `NUXT_PUBLIC_`, `GATSBY_`...) has a "
    "name that says it is secret (`SECRET`, `PRIVATE`, `SERVICE_ROLE`, `PASSWORD`, "
    "`CREDENTIALS`...) or is called secret by an example comment or the docs. Names that are "
    "public by design are allowed: `ANON_KEY`, `PUBLISHABLE_KEY`, `PUBLIC_KEY`, `DSN`, "
    "`SITE_KEY`, `MEASUREMENT_ID`, `CLIENT_ID`, `APP_ID`, `PROJECT_ID`..., switches "
    "(`DISABLE_PASSWORD_SIGNUP`, `*_ENABLED`: their value is true or false; also any variable "
    "whose example values are all `true` / `false` or that a schema types boolean, such as "
    "`USE_DEFAULT_CREDENTIALS=true`) and a demo "
    "account's login (`DEMO_PASSWORD`, shown on the sign-in page on purpose). An address "
    "named secret by its name alone (`PRIVATE_FILES_ENDPOINT`, `*_URL`, `*_HOST`) says who "
    "may reach it, not that its value is a credential. A comment that says the values are "
    "*not* secret (`NOT secret`, `non-sensitive`) calls nothing secret.",
    why="Everything with a public prefix ships in the JavaScript bundle to every visitor: a "
    "service-role key there gives anyone full access.",
    example="```dotenv\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n```",
    fix="Drop the public prefix and use the variable on the server only; rotate the secret if "
    "it was ever deployed with the prefix.",
    check=_public_secret,
)

COMMITTED_ENV_FILE = Rule(
    code="EL602",
    name="committed-env-file",
    severity=Severity.ERROR,
    summary="A real env file is tracked by git.",
    what="A dotenv file by its own naming grammar (`.env`, `.env.local`, `.env.production`, "
    "`.env.production.local`, `env.production`, `prod.env`...; not example, sample, template "
    "or encrypted vault files, not `env.ts` or `.env.webp`) is tracked by git and holds values "
    "that look like real credentials (the same detectors as `secret-in-example`; local "
    "development URLs and values a comment calls dummy are not, nor a client key under a "
    "prefix the bundler exposes, which the bundle publishes anyway: a Google browser key "
    "(Firebase, Maps) or a random-looking value such as an analytics write key; a server "
    "secret's own format there, `sk_live_...`, still counts; nor a JSON Web Token whose claims "
    'give it a public role, `"role": "anon"`, made to be handed to every visitor). A '
    "committed env file of "
    "non-secret settings (a Next.js `.env.production` with public URLs) is a team's choice and "
    "is not reported, nor are test settings (`.env.test`, `ci.env`, an env file under a test "
    "directory such as `e2e/`: dummy values the test suite loads) and files named for what "
    "they configure rather than for a stage (`variables.env`, "
    "`postgres.env`: a container's settings template). One finding per file; the message "
    "names the variables, never a value. Runs only inside a git work tree.",
    why="Real env files hold live secrets; once committed they are in every clone and in the "
    "history forever.",
    example="`env.production` committed next to `env.production.example`.",
    fix="`git rm --cached FILE`, add it to `.gitignore`, rotate every secret it held, and purge "
    "it from history if it was pushed.",
    check=_committed_env_file,
)
