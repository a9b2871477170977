"""Example env files (``.env.example``, ``env.production.example``...), via python-dotenv."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..credentials import credential_kind, fingerprint, value_like
from ..model import DocValue, ExampleEntry, ExampleFile, FileFacts, Location, ParseFailure
from ..paths import is_dotenv_name, is_example_name, matches
from ..textio import decode
from ..wording import comment_requiredness, says_retired, says_secret, says_values_are_dummies
from .base import Settings, Source, name_of
from .directives import directives_in

if TYPE_CHECKING:
    from dotenv.parser import Binding

VALID_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ENV_SHAPED = re.compile(r"^[A-Z][A-Z0-9_]*$")
_EXPORT = re.compile(r"^\s*export\s+")
# "--- Supabase ---", "=====", "### Worker ###": section banners, not descriptions
_BANNER_CHARS = frozenset("-=*#~_")


def _is_banner(body: str) -> bool:
    """Starts or ends with two banner characters (a check of four characters, not a regex
    that backtracks over a long line)."""
    return len(body) >= 2 and (
        _BANNER_CHARS.issuperset(body[:2]) or _BANNER_CHARS.issuperset(body[-2:])
    )


def _claims(rel: str, settings: Settings) -> bool:
    return (settings.auto and is_example_name(name_of(rel))) or (
        bool(settings.examples) and matches(rel, settings.examples)
    )


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    text = decode(data, path)
    if isinstance(text, ParseFailure):
        return _unreadable(path, text)
    example = parse_example(path, text.text)
    if _foreign(path, example):
        return FileFacts(path, "other", checked=False, words_kind="config")
    return FileFacts(
        path,
        SOURCE.name,
        failures=example.failures,
        directives=directives_in(path, text.text),
        example=example,
    )


def _foreign(path: str, example: ExampleFile) -> bool:
    """A file that only shares the name (a Helm partial ``_env.tpl``, a Jinja ``env-template.j2``,
    a YAML env-vars file ``.env.cloud.yaml.example``): named outside the dotenv grammar or for
    another format, and more of its lines fail than parse. Its names are a deploy config's
    mentions; a file named like ``.env.example`` is always held to dotenv."""
    name = name_of(path)
    if is_dotenv_name(name) and not _OTHER_FORMATS.intersection(name.lower().split(".")):
        return False
    failed = len(example.failures) + len(example.stray)
    return failed > len(example.entries) + len(example.invalid_keys)


_OTHER_FORMATS = frozenset({"yaml", "yml", "json", "toml", "xml", "ini", "properties"})


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(
        path, SOURCE.name, failures=(failure,), example=ExampleFile(path, (), readable=False)
    )


def parse_example(path: str, text: str) -> ExampleFile:
    """Parse one example file; ``text`` has ``\\n`` newlines."""
    from dotenv.parser import parse_stream

    lines = text.split("\n")
    entries: list[ExampleEntry] = []
    invalid: list[ExampleEntry] = []
    failures: list[ParseFailure] = []
    strays: list[DocValue] = []
    comments: list[str] = []  # comment block directly above the next key
    runs: list[str] = []  # the prose above a run of disabled keys, for the next ones
    in_block = False  # inside a ``/* ... */`` comment
    for binding in parse_stream(io.StringIO(text)):
        line_no = _first_content_line(binding)
        if line_no > binding.original.line:
            comments, runs = [], []  # a blank line separates a comment block from what follows
        raw = binding.original.string.strip()
        skipped, in_block = _c_comment(raw, in_block)
        if skipped or _TEMPLATE_SLOT.fullmatch(raw) or raw.startswith(_TEMPLATE_LEADS):
            comments, runs = [], []
            continue  # a comment, or ``{{providerKeys}}``: a generator fills the template in
        if binding.error:
            failures.append(ParseFailure(Location(path, line_no, 1), _error_reason(binding)))
            comments, runs = [], []
            continue
        if binding.key is None:
            comments, runs = _comment_block(binding, comments, runs, entries, path)
            continue
        if _stray(binding):
            stray = _stray_value(path, binding.original.string, line_no)
            if stray is not None:
                strays.append(stray)
            else:
                failures.append(
                    ParseFailure(Location(path, line_no, 1), "line is not a KEY=value assignment")
                )
            comments, runs = [], []
            continue
        span = binding.original.string.rstrip("\n").count("\n") + 1
        end_line = binding.original.line + span - 1
        entry = _entry(path, binding.key, binding.value, lines, line_no, comments, end_line)
        (entries if VALID_KEY.match(binding.key) else invalid).append(entry)
        comments, runs = [], []
    dummies = says_values_are_dummies(" ".join(_header(lines)))
    return ExampleFile(
        path,
        tuple(entries),
        tuple(invalid),
        tuple(failures),
        stray=tuple(strays),
        declares_dummies=dummies,
    )


def _header(lines: list[str]) -> list[str]:
    """The comment lines at the top of the file, before its first key (at most 40)."""
    found: list[str] = []
    for line in lines[:40]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if _commented_assignment(body) is not None:
            break
        found.append(body)
    return found


# A line that is one template tag (Handlebars / Jinja ``{{ x }}``, ``{% x %}``, EJS ``<%= x %>``):
# the example file is a generator's template, and the tag is where it writes more keys
_TEMPLATE_SLOT = re.compile(r"\{\{.*\}\}|\{%.*%\}|<%.*%>", re.DOTALL)
# A line led by a template tag (``{{ .name }}="{{ .value }}"``, ``{%- if x %}``): the generator
# writes its key, or decides whether the lines below are written
_TEMPLATE_LEADS = ("{{", "{%", "<%")


def _c_comment(raw: str, in_block: bool) -> tuple[bool, bool]:
    """(the line is a C-style comment that sets nothing, still inside a block after it):
    ``/* ... */`` and ``//`` lines without ``=``, which dotenv loaders skip as unparsable
    lines; one that holds an assignment is still parsed (and reported)."""
    if in_block or raw.startswith("/*"):
        return "=" not in raw, "*/" not in raw
    return raw.startswith("//") and "=" not in raw, False


def _stray(binding: Binding) -> bool:
    """A line that is a value, not a key: a bare word that is not an env-shaped name, or any
    key that looks like a credential (a token pasted on its own line)."""
    key = binding.key or ""
    bare = binding.value is None and "=" not in binding.original.string
    return (bare and not _ENV_SHAPED.match(key)) or value_like(key)


def _stray_value(path: str, raw: str, line: int) -> DocValue | None:
    """What the detectors say of a stray line (as if on a secret variable); never the text."""
    text = raw.strip()
    kind = credential_kind(text, secret_name=True)
    if kind is None:
        return None
    return DocValue(Location(path, line, 1), None, kind, kind, fingerprint(text))


def _first_content_line(binding: Binding) -> int:
    """python-dotenv points at the chunk's first line, which may be blank: skip those."""
    skipped = 0
    for raw in binding.original.string.split("\n"):
        if raw.strip():
            break
        skipped += 1
    return binding.original.line + skipped


def _comment_block(
    binding: Binding,
    comments: list[str],
    runs: list[str],
    entries: list[ExampleEntry],
    path: str,
) -> tuple[list[str], list[str]]:
    """A key-less chunk: blank lines reset the block, comment lines extend it or disable a key.
    Returns the comment block for the next key and the prose of the run of disabled keys it
    ends in (which describes the next disabled keys too)."""
    raw_lines = binding.original.string.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    block = list(comments)
    run = list(runs)  # the prose above a run of disabled keys describes each of them
    number = binding.original.line - 1
    for raw in raw_lines:
        number += 1
        stripped = raw.strip()
        if not stripped:
            block, run = [], []
            continue
        if not stripped.startswith("#"):
            continue
        body = stripped.lstrip("#").strip()
        disabled = _commented_assignment(body)
        if disabled is not None:
            name, value = disabled
            column = raw.index(name) + 1 if name in raw else 1
            run = block or run
            entries.append(_disabled_entry(path, name, value, number, column, run))
            block = []
            continue
        run = []
        if not _is_banner(body):
            block.append(body)
    return block, run


def _commented_assignment(body: str) -> tuple[str, str | None] | None:
    """``# KEY=value`` (a disabled key) returns (KEY, value); prose comments return None."""
    if "=" not in body or body.startswith(("=", "-", "*")):
        return None
    from dotenv.parser import parse_stream

    candidate = _EXPORT.sub("", body)
    try:
        bindings = list(parse_stream(io.StringIO(candidate)))
    except Exception:
        return None
    if len(bindings) != 1 or bindings[0].error or bindings[0].key is None:
        return None
    key = bindings[0].key
    name_part, _, raw = candidate.partition("=")
    if name_part != name_part.rstrip() and " " in raw.strip() and raw.strip()[:1] not in "'\"":
        return None  # ``# SHARE = % of last month's total``: prose about a name, not a key
    if not _ENV_SHAPED.match(key) or key.upper() in _SYNTAX_WORDS:
        return None  # ``#   KEY=VALUE`` under "The syntax is:": the format, not a key
    return key, bindings[0].value


# Stand-in names a comment uses to show the file's format (``# KEY=VALUE``, ``# NAME=value``).
_SYNTAX_WORDS = frozenset(
    {"KEY", "NAME", "VAR", "VARIABLE", "VARIABLE_NAME", "VAR_NAME", "ENV_VAR", "ENV_NAME",
     "KEY_NAME", "YOUR_KEY", "YOUR_VARIABLE", "MY_VAR", "SOME_VAR", "FOO", "BAR"}
)  # fmt: skip


def _disabled_entry(
    path: str, name: str, value: str | None, line: int, column: int, comments: list[str]
) -> ExampleEntry:
    description = tuple(c for c in comments if c)
    return ExampleEntry(
        name=name,
        location=Location(path, line, column),
        value=value,
        description=description,
        required=False,
        secret=any(says_secret(c) for c in description),
        disabled=True,
        end_line=line,
        retired=any(says_retired(c) for c in description),
    )


def _entry(
    path: str,
    key: str,
    value: str | None,
    lines: list[str],
    line_no: int,
    comments: list[str],
    end_line: int,
) -> ExampleEntry:
    line_text = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    exported = bool(_EXPORT.match(line_text))
    column = line_text.find(key) + 1 if key in line_text else 1
    description = tuple(c for c in comments if c)
    notes = [*description, *_inline_comment(line_text, key)]
    required = None
    for note in notes:
        said = comment_requiredness(note)
        if said is not None:
            required = said
            break
    return ExampleEntry(
        name=key,
        location=Location(path, line_no, column),
        value=value,
        description=description,
        required=required,
        secret=any(says_secret(n) for n in notes),
        exported=exported,
        end_line=end_line,
        retired=any(says_retired(n) for n in notes),
    )


def _inline_comment(line_text: str, key: str) -> Iterator[str]:
    """``KEY=value # optional``: dotenv strips the comment from unquoted values; keep it."""
    _, _, rest = line_text.partition("=")
    rest = rest.strip()
    if rest.startswith(("'", '"')):
        closing = rest.find(rest[0], 1)
        rest = rest[closing + 1 :] if closing > 0 else ""
        marker = rest.find("#")
    else:
        marker = rest.find(" #") + 1 if " #" in rest else (0 if rest.startswith("#") else -1)
    if marker >= 0 and key:
        yield rest[marker:].lstrip("#").strip()


def _error_reason(binding: Binding) -> str:
    raw = binding.original.string
    stripped = raw.strip()
    _, _, value = stripped.partition("=")
    value = value.strip()
    if value[:1] in ("'", '"') and value.count(value[0]) % 2 == 1:
        return "unterminated quoted value"
    if "=" not in stripped:
        return "line is not a KEY=value assignment"
    return "line cannot be parsed as KEY=value"


SOURCE = Source("example", _claims, _parse, unreadable=_unreadable)
