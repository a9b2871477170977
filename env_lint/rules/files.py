"""Rules about single files: they can be read, their keys are valid and unique."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import ExampleEntry, Finding, Related, Severity
from .base import Rule


def _parse_error(ctx: Context) -> Iterator[Finding]:
    for failure in ctx.project.failures:
        path = failure.location.path
        yield PARSE_ERROR.finding(failure.location, f"cannot parse `{path}`: {failure.reason}")


def _invalid_key(ctx: Context) -> Iterator[Finding]:
    for example in ctx.project.examples:
        for entry in example.invalid_keys:
            yield INVALID_KEY.finding(
                entry.location,
                f"`{entry.name}` is not a valid variable name: use letters, digits and `_`, "
                "not starting with a digit",
                variable=entry.name,
            )


def _duplicate_key(ctx: Context) -> Iterator[Finding]:
    for example in ctx.project.examples:
        first: dict[str, ExampleEntry] = {}
        for entry in example.entries:
            if entry.disabled:
                continue
            seen = first.setdefault(entry.name, entry)
            if seen is entry:
                continue
            yield DUPLICATE_KEY.finding(
                entry.location,
                f"`{entry.name}` is listed twice in `{example.path}` (first on line "
                f"{seen.location.line}); the last value wins",
                variable=entry.name,
                related=[Related(seen.location, "first listed here")],
            )


PARSE_ERROR = Rule(
    code="EL100",
    name="parse-error",
    severity=Severity.ERROR,
    summary="A file env-lint needs cannot be parsed.",
    what=(
        "An example file, env schema or doc could not be read: invalid UTF-8, a binary file, "
        "a line that is not `KEY=value`, an unterminated quote, a TypeScript syntax error, a "
        "file too large to check. The rest of the file and every other file are still checked. "
        "A line of an example file that is one template tag (`{{envExample}}`, `{% ... %}`, "
        "`<%= ... %>`) is where a generator writes more keys, not a broken line."
    ),
    why=(
        "Whatever env-lint cannot read it cannot check: the variables on a broken line are "
        "silently missing for your app too (dotenv skips them)."
    ),
    example='```dotenv\nSMTP_PASS="never closed\n```',
    fix="Fix the line or file named in the finding (close the quote, save as UTF-8...).",
    check=_parse_error,
)

INVALID_KEY = Rule(
    code="EL101",
    name="invalid-key",
    severity=Severity.ERROR,
    summary="An example file key is not a valid environment variable name.",
    what="A key in an example file contains characters other than letters, digits and `_`, or "
    "starts with a digit (`MAIL.REPLY_TO`, `1ST_KEY`, `my-key`).",
    why="python-dotenv accepts such keys, but shells, Docker and most platforms reject or "
    "mangle them, so the variable never reaches the process.",
    example="```dotenv\nMAIL.REPLY_TO=support@example.com\n```",
    fix="Rename the key to `UPPER_SNAKE_CASE` (`MAIL_REPLY_TO`) here and where it is read.",
    check=_invalid_key,
)

DUPLICATE_KEY = Rule(
    code="EL102",
    name="duplicate-key",
    severity=Severity.WARNING,
    summary="The same key is listed twice in one example file.",
    what="An example file assigns the same key more than once (commented-out alternatives "
    "such as `# KEY=dev-value` are not counted).",
    why="Only the last value wins; the first one is dead text that readers copy by mistake.",
    example="```dotenv\nSMTP_HOST=smtp.example.com\n...\nSMTP_HOST=mail.example.com\n```",
    fix="Delete one of the lines, or comment out the alternative.",
    check=_duplicate_key,
)
