"""Docs drift: variables the docs miss, and docs about variables that no longer exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import DocMention, Finding, Location, Severity
from .base import Rule, related_to


def _undocumented_var(ctx: Context) -> Iterator[Finding]:
    if not ctx.doc_mentions:
        return  # the repo has no docs about variables: nothing to keep in sync
    declared = set(ctx.example_entries) | set(ctx.schema_vars)
    declared -= {a for s in ctx.project.schemas for v in s.variables for a in v.aliases}
    for name in sorted(declared - set(ctx.doc_mentions)):
        if ctx.is_runtime(name):
            continue
        places: list[Location] = [e.location for _, e in ctx.example_entries.get(name, ())]
        places += sorted(v.location for _, v in ctx.schema_vars.get(name, ()))
        first, *rest = places
        doc_files = sorted({m.location.path for ms in ctx.doc_mentions.values() for m in ms})
        yield UNDOCUMENTED_VAR.finding(
            first,
            f"`{name}` is declared here but never mentioned in the docs "
            f"({', '.join(f'`{p}`' for p in doc_files)})",
            variable=name,
            related=related_to(rest, "also declared here"),
        )


# A table row or a ``KEY=value`` line says "environment variable"; a heading or list item that
# names a constant of the code reads the same way but is about the constant.
_ENV_CLAIMS = frozenset({"table", "code"})


def _stale_doc_var(ctx: Context) -> Iterator[Finding]:
    project = ctx.project
    # a code block's settings for a program the page installs count only for this repo's own
    # (and the packages it depends on: a docs page that installs them sets up this repo)
    own = {
        _own(n) for _, m in project.packages for n in (m.name, *m.programs, *m.dependencies) if n
    }
    for name, mentions in sorted(ctx.doc_mentions.items()):
        if name in ctx.declared_names or name in ctx.usages or name in ctx.provided:
            continue
        if name in project.code_strings or name in project.config_words:
            continue  # code looks it up by name, or a deploy config sets it: not provably stale
        if ctx.is_runtime(name) or ctx.set_by_any_platform(name):
            continue
        if ctx.read_dynamically(name) or ctx.implicit(name):
            continue
        if any(m.kind == "placeholder" for m in mentions):
            continue  # a page says to replace it with the reader's own value: a stand-in
        if any(m.elsewhere for m in mentions):
            continue  # documented as code that is not in the repo (a paid edition's)
        primary = sorted((m for m in mentions if m.primary), key=lambda m: m.location)
        primary = _without_reader_settings(primary, mentions)
        primary = [m for m in primary if m.tool is None or _own(m.tool) in own]
        if not primary:
            continue  # only mentioned in passing: not a claim that the variable exists
        if name in project.code_words and not any(m.kind in _ENV_CLAIMS for m in primary):
            continue  # a heading or list item about a name the code defines: likely a constant
        first, *rest = primary
        yield STALE_DOC_VAR.finding(
            first.location,
            f"`{name}` is documented here but no example file or schema declares it and no "
            "code reads it",
            variable=name,
            related=related_to((m.location for m in rest), "also documented here"),
        )


def _without_reader_settings(
    primary: list[DocMention], mentions: list[DocMention]
) -> list[DocMention]:
    """Drop the claims (``KEY=value`` lines, table rows, list items) of a docs tree whose sample
    code reads the variable (``process.env.X`` in a tutorial): that tree teaches readers to set
    up their own app. A README describes this repo, and its snippets are this repo's code:
    neither counts."""
    reading = {_docs_tree(m.location.path) for m in mentions if m.kind == "read"} - {None}
    if not reading:
        return primary
    return [m for m in primary if _docs_tree(m.location.path) not in reading]


def _own(name: str) -> str:
    return name.lower().replace("_", "-")


def _docs_tree(path: str) -> str | None:
    """``docs`` for ``docs/guides/nextjs.mdx`` (the first directory named for docs), None for a
    README or a page outside any docs directory."""
    parts = path.split("/")
    if parts[-1].lower().startswith("readme"):
        return None
    for index, part in enumerate(parts[:-1]):
        if "doc" in part.lower():
            return "/".join(parts[: index + 1])
    return None


UNDOCUMENTED_VAR = Rule(
    code="EL300",
    name="undocumented-var",
    severity=Severity.WARNING,
    summary="An example file or schema declares a variable the docs never mention.",
    what="A variable listed in an example file or declared in a schema is mentioned nowhere in "
    "the docs (Markdown/MDX under any `docs/` directory, READMEs, configured doc paths): not in "
    "a table, heading, list, code span or code block. Off by default: docs often cover only "
    "what a self-hoster sets, on purpose. Runs only when the docs mention at least one "
    "variable.",
    why="The docs are where people learn what a variable is for, whether it is secret and "
    "where it is stored; an undocumented variable gets guessed at.",
    example="`JOB_CONCURRENCY` in the schema and the example file, absent from `docs/SECRETS.md`.",
    fix="Add a row or a section for the variable to the docs.",
    check=_undocumented_var,
    default=False,
)

STALE_DOC_VAR = Rule(
    code="EL301",
    name="stale-doc-var",
    severity=Severity.WARNING,
    summary="The docs describe a variable that nothing declares or reads.",
    what="A variable the docs describe (a table row's variable cell, a heading, a list item "
    "that starts with it, a `KEY=value` line in a shell or env code block) is in no example "
    "file or schema and no code reads it. Not claims, so not reported: passing mentions in "
    "prose, `NAME = x` in a programming-language block, `KEY=1 some-command` (a setting for "
    "one command), settings in a block that runs a third-party program the page installs "
    "(`pip install litellm`, then `export KEY=...` and `litellm ...`) or that sets variables "
    "and then runs one program by name (`export OLLAMA_HOST=...`, then `ollama serve`), "
    "a setting named after a program its block runs (`SNAPCRAFT_BUILD_CPU=8` beside "
    "`snapcraft --debug`), "
    "variables named after a package the page installs or adds (`SHOPMETRICS_CLIENT_ID` "
    "after `bundle add shopmetrics-sdk`, `TAVILY_API_KEY` after `pip install "
    "langchain-tavily`, also from a docs site's `package-install` block or `npx pkg`; a "
    "scoped package whose name is otherwise generic names its scope: `ACME_TOKEN` after "
    "`npx @acme/mcp-server`), and "
    "variables such a package is known to read, `DD_SITE` after `pip install ddtrace`; this "
    "repo's own "
    "packages and commands still count), the settings of the sample's framework (`AUTH_<ID>_*` "
    "of an Auth.js provider the sample imports, `NUXT_*` beside a `defineNuxtConfig`), any "
    "claim (a line, a row, a list item) in a docs "
    "directory whose sample code reads the variable on some page (`process.env.X`, "
    '`getenv("X")`: the reader\'s app, not this repo; READMEs describe the repo itself and do '
    'not count), a shell script\'s own variables (`DB_HOST="localhost"` with no `export` in '
    'a block that runs commands and expands `"$DB_HOST"` itself; or set with `export` in one '
    'block and expanded by a command of the page: `--set tag="$OLD_TAG"`), names struck '
    "through (`~~OLD_FLAG~~`), tables whose first column "
    "is headed for something else (`| Value | Description |` of an enum, a status, an event "
    "type, `| Command |`, `| Code |` of error codes, `| Export |` of a module's API, `| Topic |` "
    "of webhooks, `| Schema |`), "
    "placeholder "
    'names (`MY_VAR`, `VAR_1`), names a page says to replace ("Replace `VENDOR_TARGET` with '
    'your URL", also a list after "Replace:"), a command\'s bracketed arguments on its usage '
    "line (`./run.sh [MODEL] [REF]`), retired or deprecated rows, pages marked superseded, "
    "keys a web page keeps in the browser (under a Local or Session Storage heading), "
    "changelogs and release notes (`docs/releases/`), migration and upgrade guides "
    "(`docs/upgrade/`), plans and design specs "
    "(`docs/specs/`, `load-test-plan.md`, `plan.md`, `prd.md`, `TODO.md`, `auth.specs.md`, "
    "`CLIENT_SPEC.md`, a page titled `... Spec (RC)`, `RFC: ...`, `Draft: ...`, `Design: ...`, "
    "`Decision: ...`, a page that opens with `Status: draft`), "
    "blog posts (`blog/`, `posts/`), pages of an earlier docs version (`docs/v3/` beside "
    "`docs/v4/`, or a lone `docs/v2/` beside an unversioned tree of pages), "
    "pages of code that is not in the repo (a front matter `pkg:` or `package:` naming a "
    "package no manifest of the repo names; pages under `enterprise/` or `ee/` when no code "
    "of the repo is), a paid edition's features (a row or list item marked `**(Acme Cloud "
    "only.)**` or `(Enterprise plan only)`, a page or section gated by an MDX component such "
    "as `<EnterpriseOnly />` or `<ProOnly />`; such a name is not reported on any page), "
    "the inputs of a docs page's sample script (names its shell commands expand, `git diff "
    '"$BASE_REF"`, unless handed to a program: `-e KEY=$KEY`; a README\'s commands are the '
    "repo's own and still count), "
    "RFCs and decision records, any name when some code reads names converted from another case "
    "(`process.env[constantCase(key)]`); a heading or list item "
    "about a name the code defines (a constant) is not reported either.",
    why="Stale docs send people to set secrets nothing uses, and hide the renamed variable "
    "that the code reads now.",
    example="A `MAILGUN_API_KEY` row in `docs/SECRETS.md` after the app moved to SMTP.",
    fix="Delete the row or section, or rename it to the variable the code reads now.",
    check=_stale_doc_var,
)
