"""Docs (Markdown / MDX) via markdown-it-py: where each variable is mentioned and what is said.

Structure (tables, headings, list items, fences) comes from markdown-it's block tokens; only the
words inside a cell, a heading or a code line are matched against the variable-name shape.
Candidates are returned for every ``[A-Z][A-Z0-9_]*`` word; the project keeps those with an
underscore or a name declared elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from hashlib import blake2b  # already loaded: ``credentials`` fingerprints with hashlib
from typing import TYPE_CHECKING, Any

from ..credentials import JSON_WEB_TOKEN, fingerprint, known_credential, local_only
from ..libraries import AUTH_PROVIDER_MODULE, auth_provider_settings, read_by
from ..model import DocMention, DocValue, FileFacts, Location, ParseFailure
from ..paths import is_doc_path, is_history_doc, matches
from ..targets import target_named
from ..textio import MAX_LINE_CHARS, decode
from ..wording import (
    opens_as_draft,
    requiredness,
    requiredness_words,
    says_dummy,
    says_edition_only,
    says_retired,
    says_secret,
    titles_a_plan,
    yes_no,
)
from .base import Settings, Source, text_parser
from .doctools import command_words, installs, jsx_installs, program_of, sample_imports, shell_words
from .manifests import package_name
from .mdparse import blocks, children, plain

if TYPE_CHECKING:
    from markdown_it.token import Token

NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_WORD = re.compile(r"(?<![A-Za-z0-9_$.])([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_])")
_WORD_RUN = re.compile(r"[A-Za-z0-9_]+")  # a name is a whole run of word characters
_ASSIGN = re.compile(r"^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=")
_ENV_ASSIGN = re.compile(r"^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=")
_PLAIN_ASSIGN = re.compile(r"^\s*([A-Z][A-Z0-9_]*)=")  # no export: the shell's own
_SETTING = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# Fences in a programming language: ``NAME = ...`` there is code, not an environment line.
_CODE_LANGUAGES = frozenset(
    {"python", "py", "python3", "pycon", "js", "javascript", "jsx", "mjs", "ts", "typescript",
     "tsx", "go", "golang", "rust", "rs", "java", "kotlin", "kt", "ruby", "rb", "php", "c",
     "cpp", "c++", "csharp", "cs", "swift", "scala", "elixir", "ex", "lua", "sql", "hcl",
     "terraform", "tf", "dart", "groovy", "perl", "r", "json", "jsonc", "json5"}
)  # fmt: skip
# What a page's own sample code reads: the variables of the app the page builds (a tutorial's
# ``.env`` block followed by ``process.env.X``), not the repo's own settings.
_PAGE_READ = re.compile(
    r"(?:process\.env|import\.meta\.env)(?:\?\.|\.)([A-Z][A-Z0-9_]*)"
    r"|(?:process\.env|environ|ENV)\[\s*[\"']([A-Z][A-Z0-9_]*)[\"']\s*\]"
    r"|(?:getenv|env|environ\.get|Env\.get|env::var)\s*\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']"
    r"|\$\{oc\.env:\s*([A-Z][A-Z0-9_]*)"  # OmegaConf's (and Hydra's) resolver in a YAML config
)
_NOT_READ = {"read": "code"}
_AUTH_PROVIDER = re.compile(AUTH_PROVIDER_MODULE)
# A shell expansion (``$X`` / ``${X}``) on a command line of a code block.
_EXPANSION = re.compile(r"\$\{?([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_])")
# Names that stand for "your variable here" in a how-to: never a claim.
_PLACEHOLDER = re.compile(
    r"(^|_)VARS?_?\d+$|^VAR\d*$|^(MY|YOUR|SOME)_|^(FOO|BAR|BAZ)(_|$)|(^|_)EXAMPLE(_|$)"
)
_VAR_HEADER = re.compile(r"variable|^name$|^key$|^env|переменн|название|ключ|^имя", re.I)
_GENERIC_HEADER = re.compile(r"^name$|^key$|название|ключ|^имя", re.I)
# A first column headed for something else: constants, settings, or the members of an enum or
# a status set (``| Value | Description |`` under a type's heading).
_NOT_VAR_HEADER = re.compile(
    r"constant|function|method|field|column|option|flag|setting|value|enum|member|status|"
    r"event|type|operator|error|role|permission|scope|command|\bcode\b|component|\bprops?\b|"
    r"action|shortcut|\bexports?\b|symbol|hook|topic|\bschemas?\b",
    re.I,
)
_REQUIRED_HEADER = re.compile(r"required|обязательн", re.I)
_DEFAULT_HEADER = re.compile(r"default|по умолчанию", re.I)
_DESCRIPTION_HEADER = re.compile(r"description|описание|purpose|назначение|^notes?$", re.I)
_WHERE_ATTR = re.compile(
    r"^\s*(?:where|stored(?: in)?|location|где хранится|хранится|где добавить|где)"
    r"\s*[:\uff1a]\s*(.+)$",
    re.I,
)
_DESCRIPTION_ATTR = re.compile(r"^\s*(?:description|описание)\s*[:\uff1a]\s*(.+)$", re.I)
_DEFAULT_ATTR = re.compile(r"^\s*(?:default|по умолчанию)\s*[:\uff1a]\s*(.+)$", re.I)
_NO_VALUE = {"", "-", "—", "–", "none", "n/a", "нет", "(none)", "не задано"}


@dataclass(frozen=True, slots=True)
class RawValue:
    """A value written in the doc; it never leaves this module (see ``DocValue``)."""

    location: Location
    name: str | None
    value: str
    assigned: bool = False


@dataclass
class _Section:
    level: int
    required: bool | None
    secret: bool = False  # the heading says "Secrets" / "Секреты"
    variable: str | None = None  # a heading that names one variable opens its own section
    mention_index: int | None = None
    browser: bool = False  # the heading says "Local Storage" / "Session Storage": its keys
    gated: bool = False  # a paid edition's section (``<EnterpriseOnly />`` under its heading)
    start: int = 0  # the index of its first mention
    line: int = 0  # the 0-based line of its heading


@dataclass
class _Doc:
    path: str
    lines: list[str]
    env: dict[str, Any]  # the parse env (link references), for inline passes on demand
    mentions: list[DocMention] = field(default_factory=list)
    values: list[RawValue] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    # heading mentions whose own text and section said nothing take the enclosing heading's word
    fallbacks: list[tuple[int, bool]] = field(default_factory=list)
    reads: set[str] = field(default_factory=set)  # what the page's own sample code reads
    read_prefixes: set[str] = field(default_factory=set)  # and the families its framework reads
    installed: set[str] = field(default_factory=set)  # programs its code blocks install
    packages: set[str] = field(default_factory=set)  # and packages, for the reader's project too
    imported: set[str] = field(default_factory=set)  # packages its sample code imports
    arguments: set[str] = field(default_factory=set)  # a usage line's ``[MODEL] [COMMIT]``
    # names the page's shell blocks assign, and those their commands expand (``$OLD_TAG``)
    assigned: set[str] = field(default_factory=set)
    expanded: set[str] = field(default_factory=set)
    ci_secrets: set[str] = field(default_factory=set)  # ``${{ secrets.X }}`` in its workflows
    gated: bool = False  # the whole page is a paid edition's (a gate before its first section)
    front: int = -1  # the last line of a YAML front matter (which parses as a heading)
    _words: dict[tuple[int, int], dict[str, Location]] = field(default_factory=dict)

    def read(self, name: str) -> bool:
        """The page's own sample code reads it (the reader's app's variable)."""
        return name in self.reads or name.startswith(tuple(self.read_prefixes))

    def kids(self, token: Token) -> list[Token]:
        return children(token, self.env)

    def locate(self, name: str, first: int, last: int) -> Location:
        """First whole-word occurrence of ``name`` in 0-based lines [first, last)."""
        stop = min(max(last, first + 1), len(self.lines))
        words = self._words.get((first, stop))
        if words is None:  # each block's words are indexed once, in one pass
            words = {}
            for index in range(first, stop):
                for hit in _WORD_RUN.finditer(self.lines[index]):
                    words.setdefault(hit.group(0), Location(self.path, index + 1, hit.start() + 1))
            self._words[(first, stop)] = words
        return words.get(name) or Location(self.path, first + 1, 1)

    def context_required(self) -> bool | None:
        for section in reversed(self.sections):
            if section.variable is None and section.required is not None:
                return section.required
        return None

    def context_secret(self) -> bool:
        """The nearest enclosing heading says "Secrets" (a document title does not count)."""
        enclosing = [s for s in self.sections if s.variable is None]
        return bool(enclosing) and enclosing[-1].secret and enclosing[-1].level > 1

    def own_section(self) -> _Section | None:
        for section in reversed(self.sections):
            if section.variable is not None:
                return section
        return None


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    mentions: list[DocMention]
    values: list[RawValue]  # code-block lines and table cells, for the credential check
    # the page's title or first paragraph says it is superseded, or its title calls it a design
    history: bool = False
    # what its commands expand (``git diff "$BASE_REF"``): a docs page's sample script's inputs
    inputs: frozenset[str] = frozenset()


def _claims(rel: str, settings: Settings) -> bool:
    return (settings.auto and is_doc_path(rel)) or (
        bool(settings.docs) and matches(rel, settings.docs)
    )


def as_elsewhere(mention: DocMention) -> DocMention:
    """A mention on a page (or in a section, a row) about code that is not in the repo: the
    name is that code's, a claim about nothing here."""
    return replace(as_history(mention), elsewhere=True)


# An MDX component that gates what follows to a paid edition: ``<EnterpriseOnly />``,
# ``<ProOnly source="vault" />``, ``<CloudOnly>``.
_GATE = re.compile(
    r"<(?:[A-Z]\w*?)?(?:Pro|Enterprise|Cloud|Premium|Paid|Business|Commercial)\w*Only\b"
)


def _gate(doc: _Doc) -> None:
    """A gate in a section makes the section (and those under it) a paid edition's; before
    the first section, the whole page."""
    section = doc.sections[-1] if doc.sections else None
    if section is not None and section.level > 1 and section.line > doc.front:
        section.gated = True
        start = section.start
    else:
        doc.gated = True
        start = 0
    doc.mentions[start:] = [as_elsewhere(m) for m in doc.mentions[start:]]


def as_history(mention: DocMention) -> DocMention:
    """A mention on a page about the past (or a plan): a mention, never a claim; its code is
    no sample of the reader's app, and the default it states is not what the code has now."""
    kind = _NOT_READ.get(mention.kind, mention.kind)
    return replace(mention, primary=False, kind=kind, default=None)


# A page's facts by the digest of its text: the first path it was read at, its mentions and
# credential-shaped values, whether it is history. Versioned and translated docs trees repeat
# pages byte for byte (hundreds of copies in one repo), and a page's facts depend on its path
# only through their locations. Bounded, and keyed by a digest, never by the text.
_Page = tuple[tuple[DocMention, ...], tuple[DocValue, ...], bool, frozenset[str]]
_PAGES: dict[bytes, tuple[str, _Page]] = {}
_MAX_PAGES = 50_000


def _page(path: str, text: str) -> _Page:
    """``parse_doc`` and the credential check, once per distinct page text."""
    key = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    seen = _PAGES.get(key)
    if seen is None:
        parsed = parse_doc(path, text)
        if len(_PAGES) >= _MAX_PAGES:
            _PAGES.clear()
        values = tuple(credentials(parsed.values))
        page = (tuple(parsed.mentions), values, parsed.history, parsed.inputs)
        seen = _PAGES[key] = (path, page)
    first, (mentions, values, history, inputs) = seen
    if first != path:
        mentions = tuple(replace(m, location=replace(m.location, path=path)) for m in mentions)
        values = tuple(replace(v, location=replace(v.location, path=path)) for v in values)
    return mentions, values, history, inputs


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    page, values, history, inputs = _page(path, text)
    mentions = list(page)
    if inputs and not _readme(path):  # a docs page's sample script: its inputs are the reader's
        mentions = [
            replace(m, primary=False) if m.primary and m.name in inputs else m for m in mentions
        ]
    if is_history_doc(path) or history:  # old names on purpose: mentions, not claims
        mentions = [as_history(m) for m in mentions]
    mentions = [
        replace(m, primary=False) if m.primary and _PLACEHOLDER.search(m.name) else m
        for m in mentions
    ]
    return FileFacts(
        path,
        "docs",
        mentions=tuple(mentions),
        doc_values=values,
        doc_package=front_matter_package(text) if mentions else None,
    )


_PACKAGE_KEYS = ("pkg", "package")


def _front_matter_end(lines: list[str]) -> int:
    """The 0-based line that closes a YAML front matter, or -1."""
    if not lines or lines[0].rstrip() != "---":
        return -1
    return next((i for i in range(1, min(len(lines), 200)) if lines[i].rstrip() == "---"), -1)


def front_matter_package(text: str) -> str | None:
    """The package a page's YAML front matter names (``pkg: "@acme/plugin-audit"``,
    ``package: acme-audit``): the page documents that package."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n", 200)
    end = _front_matter_end(lines)
    if end < 0:
        return None
    from .yamlsafe import compose

    try:
        root = compose("\n".join(lines[1:end]))
    except ValueError:
        return None
    if root is None or root.tag != "tag:yaml.org,2002:map":
        return None
    for key, value in root.value:
        if key.value in _PACKAGE_KEYS and isinstance(value.value, str):
            return package_name(value.value)
    return None


def credentials(values: list[RawValue]) -> Iterator[DocValue]:
    """The values that look like a credential, with what the detectors said and a
    fingerprint; the value itself is dropped here. Docs are full of made-up sample values, so
    only known credential formats count there (no entropy guess), a JSON Web Token only where
    it is assigned to a variable (not in a sample log), never a local development URL."""
    for raw in values:
        kind = known_credential(raw.value)  # first: it rules out nearly every line, and fast
        if kind == JSON_WEB_TOKEN and not raw.assigned:
            kind = None
        if kind is not None and not local_only(raw.value) and not says_dummy(raw.value):
            stamp = fingerprint(raw.value)
            yield DocValue(raw.location, raw.name, kind, kind, stamp, raw.assigned)


# Where an MDX page's JSX lands: an HTML block, a paragraph (a tag whose attributes are no
# HTML), an indented code block (a component nested in ``<Tab>``)
_JSX_HOLDERS = frozenset({"html_block", "inline", "code_block"})


def parse_doc(path: str, text: str) -> ParsedDoc:
    tokens, env = blocks(text)
    doc = _Doc(path, text.split("\n"), env)
    doc.front = _front_matter_end(doc.lines)
    lead = " ".join(t.content for t in [t for t in tokens if t.type == "inline"][:2])
    titles = _titles(tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in _JSX_HOLDERS and "Install" in token.content:
            doc.packages.update(jsx_installs(token.content))  # ``<InstallCommand npm={[]}/>``
        if token.type in _JSX_HOLDERS and "Only" in token.content and _GATE.search(token.content):
            _gate(doc)
        before = len(doc.mentions)
        if token.type == "heading_open":
            _heading(doc, token, tokens[index + 1])
            index += 2
        elif token.type == "table_open":
            index = _table(doc, tokens, index)
        elif token.type in ("fence", "code_block", "html_block"):
            _code(doc, token)
        elif token.type == "list_item_open":
            _list_item(doc, tokens, index)
        elif token.type == "inline":
            _inline(doc, token)
        if doc.sections and doc.sections[-1].browser and len(doc.mentions) > before:
            # the keys a web page keeps in the browser's storage are no variables
            doc.mentions[before:] = [replace(m, primary=False) for m in doc.mentions[before:]]
        if (doc.gated or (doc.sections and doc.sections[-1].gated)) and len(doc.mentions) > before:
            doc.mentions[before:] = [as_elsewhere(m) for m in doc.mentions[before:]]
        index += 1
    for mention_index, context in doc.fallbacks:
        if doc.mentions[mention_index].required is None:
            doc.mentions[mention_index] = replace(doc.mentions[mention_index], required=context)
    # a runbook's own (``export OLD_TAG=``, ``$OLD_TAG``), and the CI's secrets its workflows use
    procedure = (doc.assigned & doc.expanded) | doc.ci_secrets
    mentions = [
        replace(m, primary=False)
        if m.primary
        and ((m.kind == "code" and doc.read(m.name)) or _struck(doc, m) or m.name in procedure)
        else m
        for m in doc.mentions
        if m.name not in doc.arguments or (m.primary and m.kind == "code")
    ]
    history = says_retired(lead) or opens_as_draft(lead) or any(titles_a_plan(t) for t in titles)
    named = _named_after(mentions, doc.packages, doc.imported)
    return ParsedDoc(named, doc.values, history=history, inputs=frozenset(doc.expanded))


def _readme(path: str) -> bool:
    """A README describes this repo: its commands are this repo's procedures."""
    return path.rsplit("/", 1)[-1].lower().startswith("readme")


def _struck(doc: _Doc, mention: DocMention) -> bool:
    """A heading, list item or table row that strikes the name through (``~~`OLD_FLAG`~~``,
    ``### ~~Env var `OLD_FLAG` is undocumented~~ Fixed``): a name crossed out, no claim."""
    if mention.kind == "code":
        return False
    line = doc.lines[mention.location.line - 1] if mention.location.line <= len(doc.lines) else ""
    if "~~" not in line:
        return False
    return any(mention.name in span for span in _STRUCK.findall(line))


_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


# ``Why do I get an `ERR_REQUIRE_ESM` error?``: a name followed by "error" is an error code
_ERROR_NAMED = re.compile(r"^\W*(?:errors?|exceptions?)\b(?!\s+out\b)", re.IGNORECASE)


def _titles(tokens: list[Token]) -> list[str]:
    """The page's first heading; after a front matter title (which parses as a ``title: ...``
    heading), that title and the first heading of the body."""
    headings = (tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open")
    first = next(headings, "")
    front = _FRONT_TITLE.match(first)
    return [first[front.end() :], next(headings, "")] if front else [first]


_FRONT_TITLE = re.compile(r"^\s*title\s*:\s*", re.IGNORECASE)


# Variables of a framework's public prefix (``NEXT_PUBLIC_``, ``VITE_``) are the app's, whatever
# the page installs.
_FRAMEWORK_PREFIXES = ("NEXT_", "VITE_", "NUXT_", "EXPO_", "REACT_", "GATSBY_", "PUBLIC_")


# Parts of package names that name no product (``acme-plugins-voicely``, ``acme-sdk-python``).
_GENERIC_PARTS = frozenset(
    {"sdk", "sdks", "client", "clients", "python", "node", "plugin", "plugins", "agent",
     "agents", "core", "server", "service", "services", "api", "lib", "libs", "utils", "util",
     "tools", "tool", "cli", "web", "http", "https", "provider", "providers", "integration",
     "integrations", "adapter", "adapters", "extension", "extensions", "community", "types",
     "react", "next", "vue", "svelte", "express", "django", "flask", "fastapi", "kit", "base",
     "common", "shared", "app", "apps", "auth", "data", "cloud", "local", "test", "tests",
     "dev", "ai", "llm", "llms", "openapi", "graphql", "rest", "grpc", "proxy", "worker",
     "mcp"}
)  # fmt: skip


def _named_after(
    mentions: list[DocMention], packages: set[str], imported: set[str]
) -> list[DocMention]:
    """A variable named after a package the page installs (``OPENPANEL_CLIENT_ID`` on a page
    that runs ``cargo add openpanel-sdk``), or one that package or a package the page's sample
    code imports is known to read by itself (``DD_SITE`` on a page that runs ``pip install
    ddtrace``, ``AWS_REGION`` beside ``import { S3Client } from "@aws-sdk/client-s3"``), is
    that package's setting: its ``tool``. (An import names no settings by its name: a sample
    may be the repo's own code.)"""
    prefixes: dict[str, str] = {}
    reads: dict[str, str] = {}
    for package in sorted(packages | imported):
        for name in read_by(package):
            reads.setdefault(name, package)
    for package in sorted(packages):
        if package.startswith("@"):
            # a scope names a vendor (``@aws-sdk/...``), not the package's settings; unless the
            # rest names no product: ``npx @acme/mcp-server`` is Acme's, and reads ``ACME_*``
            scope, _, rest = package[1:].partition("/")
            if scope and all(p in _GENERIC_PARTS for p in re.split(r"[-_.]", rest)):
                word = scope.replace("-", "_").upper() + "_"
                if len(word) >= 4 and not word.startswith(_FRAMEWORK_PREFIXES):
                    prefixes.setdefault(word, package)
            continue
        # each part names a product: ``langchain-tavily`` reads ``TAVILY_API_KEY``; so do the
        # parts run together (``semantic-kernel`` reads ``SEMANTICKERNEL_...``)
        parts = re.split(r"[-_/.]", package)
        for part in [*parts, "".join(parts)] if len(parts) > 1 else parts:
            word = part.upper() + "_"
            generic = part in _GENERIC_PARTS or word.startswith(_FRAMEWORK_PREFIXES)
            if len(word) >= 4 and not generic:
                prefixes.setdefault(word, package)
    if not prefixes and not reads:
        return mentions
    families = [(name[:-1], package) for name, package in reads.items() if name.endswith("*")]
    named = []
    for m in mentions:
        first = m.name.partition("_")[0] + "_"
        owner = prefixes.get(first) or reads.get(m.name) or _shortened(first, prefixes)
        owner = owner or next((p for f, p in families if m.name.startswith(f)), None)
        named.append(replace(m, tool=owner) if m.primary and m.tool is None and owner else m)
    return named


def _shortened(first: str, prefixes: dict[str, str]) -> str | None:
    """The package a name's first word shortens or lengthens a product word of (``MONGO_``
    for ``mongodb-atlas-...``, ``POSTGRESQL_`` for ``postgres-...``), five letters at least."""
    if len(first) < 6:
        return None
    stem = first[:-1]
    for word, package in sorted(prefixes.items()):
        other = word[:-1]
        if len(other) >= 5 and (other.startswith(stem) or stem.startswith(other)):
            return package
    return None


def _inline_text(doc: _Doc, token: Token) -> str:
    if plain(token):
        return token.content
    kids = doc.kids(token)
    return "".join(c.content for c in kids if c.type in ("text", "code_inline"))


_BROWSER_STORAGE = re.compile(
    r"\b(?:local|session)\s*storage\b|\bindexed\s*db\b|\bweb\s+storage\b", re.IGNORECASE
)


def _heading(doc: _Doc, token: Token, inline: Token) -> None:
    level = int(token.tag[1:])
    while doc.sections and doc.sections[-1].level >= level:
        doc.sections.pop()
    text = _inline_text(doc, inline).strip()
    names = [
        c.content for c in doc.kids(inline) if c.type == "code_inline" and NAME.match(c.content)
    ]
    bare = text.split(". ", 1)[-1].strip()
    if not names and NAME.match(bare) and "_" in bare:
        names = [bare]
    names = [n for n in names if not _ERROR_NAMED.search(text.split(n, 1)[-1])]
    said = requiredness_words(text)
    context = doc.context_required()
    secret = says_secret(text) or doc.context_secret()
    first, last = token.map or (0, 1)
    inside = bool(doc.sections) and doc.sections[-1].browser  # the enclosing section's
    browser = inside or bool(_BROWSER_STORAGE.search(text))
    gated = bool(doc.sections) and doc.sections[-1].gated
    section = _Section(
        level,
        said,
        secret=says_secret(text) and not names,
        browser=browser,
        gated=gated,
        start=len(doc.mentions),
        line=first,
    )
    for name in names:
        location = doc.locate(name, first, last)
        doc.mentions.append(DocMention(name, location, "heading", True, said, secret=secret))
        if said is None and context is not None:
            doc.fallbacks.append((len(doc.mentions) - 1, context))
    if len(names) == 1:
        section.variable, section.mention_index = names[0], len(doc.mentions) - 1
    doc.sections.append(section)


def _table(doc: _Doc, tokens: list[Token], start: int) -> int:
    rows: list[tuple[Token, list[Token]]] = []
    index = start
    current: list[Token] | None = None
    row_token: Token | None = None
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            current, row_token = [], token
        elif token.type == "inline" and current is not None:
            current.append(token)
        elif token.type == "tr_close" and current is not None and row_token is not None:
            rows.append((row_token, current))
            current = None
        index += 1
    if rows:
        _table_rows(doc, rows)
    return index


def _variable_column(header: list[str], env_shape: bool) -> int | None:
    """The column of variable names: headed *Variable* / *Env* (or *Name* / *Key* in a table
    that also has a Required, Default or Description column); else the first column of such
    an env table. A *Constant* or *Function* table names no variables."""
    for i, text in enumerate(header):
        if _VAR_HEADER.search(text) and (env_shape or not _GENERIC_HEADER.search(text)):
            return i
    return 0 if env_shape and header and not _NOT_VAR_HEADER.search(header[0]) else None


def _table_rows(doc: _Doc, rows: list[tuple[Token, list[Token]]]) -> None:
    header = [_inline_text(doc, cell).strip() for cell in rows[0][1]]
    req_col = next((i for i, h in enumerate(header) if _REQUIRED_HEADER.search(h)), None)
    def_col = next((i for i, h in enumerate(header) if _DEFAULT_HEADER.search(h)), None)
    desc_col = next((i for i, h in enumerate(header) if _DESCRIPTION_HEADER.search(h)), None)
    env_shape = req_col is not None or def_col is not None or desc_col is not None
    var_col = _variable_column(header, env_shape)
    target_cols = {i: t for i, h in enumerate(header) if (t := target_named(h)) is not None}
    for row_token, cells in rows[1:]:
        first, last = row_token.map or (0, 1)
        raws = [_inline_text(doc, c).strip() for c in cells]
        texts = [r.strip("`*_ ") for r in raws]
        key = var_col
        if key is not None and (key >= len(texts) or not NAME.match(texts[key])):
            key = None
        if key is not None and raws[key].rstrip("` ").endswith("_*"):
            key = None  # `APP_PUBLIC_*`: a family of names, no variable
        retired = says_retired(" ".join(texts))
        edition = any("only" in c.content.lower() and says_edition_only(c.content) for c in cells)
        required = yes_no(texts[req_col]) if req_col is not None and req_col < len(texts) else None
        if required is None:
            required = doc.context_required()
        default = None
        if def_col is not None and def_col < len(texts) and texts[def_col].lower() not in _NO_VALUE:
            default = texts[def_col]
        description = texts[desc_col] if desc_col is not None and desc_col < len(texts) else None
        secret = says_secret(description or "") or doc.context_secret()
        row_name = texts[key] if key is not None and key < len(texts) else None
        for i, cell in enumerate(cells):
            if i != key and cell.content.strip():
                where = Location(doc.path, first + 1, 1)
                doc.values.append(RawValue(where, row_name, _inline_text(doc, cell).strip()))
        targets = tuple(
            sorted(t for i, t in target_cols.items() if i < len(texts) and yes_no(texts[i]))
        )
        for i, cell in enumerate(cells):
            if i == key:
                name = texts[i]
                mention = DocMention(
                    name,
                    doc.locate(name, first, last),
                    "table",
                    not retired,
                    required,
                    default,
                    description or None,
                    targets,
                    secret,
                )
                doc.mentions.append(as_elsewhere(mention) if edition else mention)
            elif i != def_col:
                for name in _code_names(doc, cell):
                    doc.mentions.append(
                        DocMention(name, doc.locate(name, first, last), "table", False)
                    )


def _list_item(doc: _Doc, tokens: list[Token], start: int) -> None:
    """``- `KEY` - description`` or ``- **KEY_NAME** - description``: a list item that starts
    with a variable's code span, or with a bold name that has an underscore and a description
    (a bold ``**NOTE**``, or a form field named in a step, is no variable)."""
    inline = next((t for t in tokens[start + 1 : start + 4] if t.type == "inline"), None)
    text = inline.content.lstrip() if inline is not None else ""
    if inline is None or not ("`" in text or text.startswith("**")) or not doc.kids(inline):
        return  # no code span or bold lead: no inline pass needed
    name = _lead_name([c for c in doc.kids(inline) if c.type != "text" or c.content.strip()])
    if name is None:
        return
    first, last = inline.map or (0, 1)
    rest = _inline_text(doc, inline).replace(name, "", 1)
    if _REPLACE_WITH.match(rest.lstrip(" *:")):  # after "Replace:": "`MW_TARGET` with your URL"
        inline.meta = {**(inline.meta or {}), "env_lint_seen": name}
        _stand_in(doc, name, first, last)
        return
    said = requiredness_words(rest)
    required = said if said is not None else doc.context_required()
    secret = says_secret(rest) or doc.context_secret()
    inline.meta = {**(inline.meta or {}), "env_lint_seen": name}
    location = doc.locate(name, first, last)
    mention = DocMention(name, location, "list", True, required, secret=secret)
    edition = "only" in inline.content.lower() and says_edition_only(inline.content)
    doc.mentions.append(as_elsewhere(mention) if edition else mention)


def _lead_name(lead: list[Token]) -> str | None:
    if lead and lead[0].type == "code_inline" and NAME.match(lead[0].content):
        return lead[0].content
    bold = [t.type for t in lead[:4]] == ["strong_open", "text", "strong_close", "text"]
    described = bold and lead[3].content.lstrip().startswith(("-", "–", "—", ":", "("))
    if described and NAME.match(lead[1].content) and "_" in lead[1].content:
        return lead[1].content  # ``**KEY** - what it does``, not a bare bold word in steps
    return None


def _section_attribute(doc: _Doc, inline: Token) -> None:
    """``- **Required:** yes`` / ``- **По умолчанию:** `25``` inside a variable's own section."""
    section = doc.own_section()
    if section is None or section.mention_index is None:
        return
    text = _inline_text(doc, inline)
    mention = doc.mentions[section.mention_index]
    said = requiredness(text)
    default_hit = _DEFAULT_ATTR.match(text)
    description_hit = _DESCRIPTION_ATTR.match(text)
    where_hit = _WHERE_ATTR.match(text)
    updates: dict[str, Any] = {}
    if where_hit:
        named = {target_named(part) for part in re.split(r",|/|\band\b|\bи\b", where_hit.group(1))}
        targets = tuple(sorted({*mention.targets, *(t for t in named if t)}))
        if targets != mention.targets:
            updates["targets"] = targets
    if description_hit and mention.description is None:
        updates["description"] = description_hit.group(1).strip()
        updates["secret"] = mention.secret or says_secret(updates["description"])
    if said is not None and mention.required is None:
        updates["required"] = said
    if default_hit and mention.default is None:
        value = default_hit.group(1).strip().strip("`*_ ")
        if value.lower() not in _NO_VALUE:
            updates["default"] = value
    if updates:
        doc.mentions[section.mention_index] = replace(mention, **updates)


def _inline(doc: _Doc, token: Token) -> None:
    """Code spans in any other paragraph: secondary mentions (they document, never declare);
    "Replace `NAME` with your key" makes ``NAME`` a stand-in the reader replaces."""
    skip = (token.meta or {}).get("env_lint_seen")
    if skip is None:
        _section_attribute(doc, token)
    first, last = token.map or (0, 1)
    for hit in _REPLACE_NAME.finditer(token.content) if "replace" in token.content.lower() else ():
        _stand_in(doc, hit.group(1), first, last)
    for child in doc.kids(token) if "`" in token.content else ():
        if child.type != "code_inline" or not NAME.match(child.content):
            continue
        if child.content == skip:
            skip = None
            continue
        name = child.content
        doc.mentions.append(DocMention(name, doc.locate(name, first, last), "text", False))


# "`NAME` with your endpoint" in a list after "Replace:", "Replace `NAME` with ...": a stand-in
_REPLACE_WITH = re.compile(r"with\s+(?:your|the|a|an)\b", re.IGNORECASE)
_REPLACE_NAME = re.compile(r"\breplace\s+`([A-Z][A-Z0-9_]*)`\s+with\b", re.IGNORECASE)


_REPLACE_ITEM = re.compile(
    r"^\s*(?:\d+[.)]|[-*])\s+`([A-Z][A-Z0-9_]*)`\s+with\s+(?:your|the|a|an)\b", re.IGNORECASE
)


def _stand_ins(doc: _Doc, lines: list[str], first: int) -> None:
    """The stand-ins a block of an MDX component (or an indented list) names: "1. `NAME` with
    your endpoint", "Replace `NAME` with your key"."""
    for offset, line in enumerate(lines):
        hits = [h.group(1) for h in (_REPLACE_ITEM.match(line),) if h]
        hits += [h.group(1) for h in _REPLACE_NAME.finditer(line)]
        for name in hits:
            _stand_in(doc, name, first + offset, first + offset + 1)


def _stand_in(doc: _Doc, name: str, first: int, last: int) -> None:
    """A name the page says to replace with the reader's own value: no claim, on any page."""
    doc.mentions.append(DocMention(name, doc.locate(name, first, last), "placeholder", False))


def _code_names(doc: _Doc, cell: Token) -> Iterator[str]:
    for child in doc.kids(cell) if "`" in cell.content else ():
        if child.type == "code_inline" and NAME.match(child.content):
            yield child.content


def _code(doc: _Doc, token: Token) -> None:
    """Fenced / indented code and HTML (MDX components): every name-shaped word is a mention;
    ``KEY=...`` at the start of a line declares it."""
    first = (token.map or (0, 0))[0] + (1 if token.type == "fence" else 0)
    language = (token.info or "").strip().split(" ", 1)[0].strip("{}").lower()
    in_code = language in _CODE_LANGUAGES
    lines = token.content.split("\n")
    if language in _INSTALL_FENCES:  # a docs site's install tabs: one package name per word
        words = (w for w in token.content.split() if not w.startswith("-"))
        doc.packages.update(n for w in words if (n := package_name(w)))
    if in_code:
        doc.imported.update(sample_imports(language, token.content))
    if (
        token.type != "fence" and "with" in token.content.lower()
    ):  # an MDX component's "Replace:" list
        _stand_ins(doc, lines, first)
    if "secrets." in token.content or "vars." in token.content:
        doc.ci_secrets.update(_CI_SECRET.findall(token.content))
    tool = None if in_code else _tool(doc, lines)
    named = frozenset() if in_code or tool is not None else _run_by_name(lines)
    local = frozenset() if in_code else _script_locals(lines)
    commands = _continued(lines)
    for offset, line in enumerate(lines):
        number = first + offset
        assigned = _ASSIGN.match(line)
        if not in_code:
            _note_shell(doc, line, assigned)
        claimed = None if in_code else _env_line(commands[offset])
        if claimed in local:
            claimed = None  # the script's own variable, not the environment's
        program = _page_reads(doc, line, command=not assigned)
        if not in_code and not assigned and "[" in line:
            doc.arguments.update(_usage_arguments(line))
        if line.strip():
            where = Location(doc.path, number + 1, 1)
            if assigned:
                value = line[assigned.end() :]
                doc.values.append(RawValue(where, assigned.group(1), value, assigned=True))
            else:
                doc.values.append(RawValue(where, None, line))
        for hit in _WORD.finditer(line):
            name = hit.group(1)
            primary = bool(claimed == name and assigned and hit.start(1) == assigned.start(1))
            location = Location(doc.path, number + 1, hit.start(1) + 1)
            kind = "read" if name in program and not primary else "code"
            owner = tool or _prefix_program(name, named)
            mention = DocMention(name, location, kind, primary, tool=owner if primary else None)
            doc.mentions.append(mention)
        for name, column in program.items():  # ``process.env.X``: no word of its own above
            if not any(m.name == name and m.location.line == number + 1 for m in doc.mentions):
                doc.mentions.append(
                    DocMention(name, Location(doc.path, number + 1, column), "read", False)
                )


def _note_shell(doc: _Doc, line: str, assigned: re.Match[str] | None) -> None:
    """Names a shell line assigns, and those a command expands other than to hand them on
    (``docker run -e KEY=$KEY``, ``KEY=${KEY}``: the program run reads them). An assignment's
    own ``${A}`` is interpolation, as in an env file."""
    if assigned is not None:
        doc.assigned.add(assigned.group(1))
        return
    if "$" not in line or line.lstrip().startswith("#"):
        return
    handed = set(_HANDED_ON.findall(line))
    doc.expanded.update(n for n in _EXPANSION.findall(line) if n not in handed)


# A workflow's ``${{ secrets.VENDOR_KEY }}`` / ``${{ vars.REGION }}``: set in the CI's settings
_CI_SECRET = re.compile(r"\$\{\{\s*(?:secrets|vars)\.([A-Z][A-Z0-9_]*)\s*\}\}")
_HANDED_ON = re.compile(r"\b([A-Z][A-Z0-9_]*)=[\"']?\$\{?\1\b")


_USAGE_ARGUMENT = re.compile(r"(?<=\s)\[([A-Z][A-Z0-9_]*)\](?=\s|$)")


def _usage_arguments(line: str) -> list[str]:
    """A command's usage line, ``./run.sh [MODEL_CONFIG] [GIT_COMMIT] [AGENT]``: two or more
    bracketed upper-case words after the command are its positional arguments, and a list that
    describes them there documents arguments, not variables."""
    found = _USAGE_ARGUMENT.findall(line)
    return found if len(found) > 1 and not line.lstrip().startswith("[") else []


# Docs frameworks' install blocks (fumadocs, Docusaurus' npm2yarn): package names only
_INSTALL_FENCES = frozenset({"package-install", "npm-install", "npm2yarn"})


def _script_locals(lines: list[str]) -> frozenset[str]:
    """A shell script's own variables: set without ``export`` (``DB_HOST="localhost"``) in a
    block that runs commands and expands them itself (``pg_dump -h "$DB_HOST"``). A block of
    settings alone is an env file, whose ``${A}`` is interpolation, not a script's use."""
    commands = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if all(
        _SETTING.match(line.strip()) or line.lstrip().startswith("export ") for line in commands
    ):
        return frozenset()
    expanded = {name for line in lines for name in _EXPANSION.findall(line)}
    plain = {hit.group(1) for line in lines if (hit := _PLAIN_ASSIGN.match(line))}
    return frozenset(plain & expanded)


def _tool(doc: _Doc, lines: list[str]) -> str | None:
    """The program whose settings this block sets: one the page installs (in this block or an
    earlier one) that the block runs (``pip install litellm``, then ``export KEY=...`` and
    ``litellm --model x``), or the one program a block of settings then runs by name
    (``export OLLAMA_HOST=0.0.0.0`` then ``ollama serve``; not a path such as ``./server``,
    not a package manager or interpreter). Whether it is this repo's own is decided across
    files."""
    for line in _joined(lines):
        packages, programs = installs(line)
        doc.packages.update(packages)
        if programs:
            doc.installed.update(packages)
    if not any(_ASSIGN.match(line) for line in lines):
        return None  # no ``KEY=`` line: no claim for a program to own (and no split per line)
    ran: dict[str, bool] = {}  # each program the block runs -> once by its name, not a path
    for line in lines:
        words = command_words(line)
        program = program_of(words)
        if program is not None:
            ran[program] = ran.get(program, False) or "/" not in words[0]
    installed = next((p for p in ran if p in doc.installed), None)
    if installed is not None:
        return installed
    return next(iter(ran)) if len(ran) == 1 and all(ran.values()) else None


def _run_by_name(lines: list[str]) -> frozenset[str]:
    """The programs a block runs by name (``snapcraft --debug``; not ``./build.sh``)."""
    found = set()
    for line in _joined(lines):
        words = command_words(line)
        program = program_of(words)
        if program is not None and "/" not in words[0]:
            found.add(program)
    return frozenset(found)


def _prefix_program(name: str, programs: frozenset[str]) -> str | None:
    """``SNAPCRAFT_BUILD_ENVIRONMENT_CPU`` in a block that runs ``snapcraft``: a setting
    named after a program the block runs is that program's."""
    first = name.partition("_")[0].lower()
    return first if len(first) >= 3 and first in programs else None


def _continued(lines: list[str]) -> list[str]:
    """Each line with the lines its ``\\`` continues onto (``A=1 \\`` / ``B=2 \\`` /
    ``./build.sh``: one command, whose settings are that command's)."""
    found = list(lines)
    after = ""
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].rstrip()
        if text.endswith("\\"):
            found[index] = text[:-1] + " " + after
        after = found[index]
    return found


def _joined(lines: list[str]) -> Iterator[str]:
    """Command lines with their ``\\`` continuations joined (``pip install a \\`` / ``  b``):
    the lines no continuation leads into."""
    for index, command in enumerate(_continued(lines)):
        if index == 0 or not lines[index - 1].rstrip().endswith("\\"):
            yield command


def _page_reads(doc: _Doc, line: str, *, command: bool) -> dict[str, int]:
    """The variables a code-block line reads: a program's ``process.env.X`` / ``getenv("X")``,
    or a command's ``$X`` (not an env file's own ``B=${A}/x``). Returns the program's reads:
    sample code of the reader's app, which marks the variable as the reader's on every page
    (each name with the 1-based column of its first read)."""
    program: dict[str, int] = {}
    if "env" in line or "ENV" in line:  # environ, getenv, process.env, ENV[...]
        for hit in _PAGE_READ.finditer(line):
            group = next(g for g in range(1, 5) if hit.group(g))
            program.setdefault(hit.group(group), hit.start(group) + 1)
        doc.reads.update(program)
    if "/providers/" in line:  # the sample app's Auth.js providers read their settings
        for hit in _AUTH_PROVIDER.finditer(line):
            doc.reads.update(auth_provider_settings(hit.group(1)))
    if "defineNuxtConfig" in line:  # Nuxt sets its runtime config from any ``NUXT_*``
        doc.read_prefixes.add("NUXT_")
    if command and "$" in line:
        doc.reads.update(_EXPANSION.findall(line))
    return program


def _env_line(line: str) -> str | None:
    """The variable a code-block line sets for the environment: ``KEY=value`` or ``export
    KEY=value``, with no space before ``=`` (``NAME = x`` is code) and no command after it
    (``KEY=1 some-tool`` sets KEY for that one command, which may not be this repo's)."""
    hit = _ENV_ASSIGN.match(line)
    if hit is None:
        return None
    # a trailing backslash continues the command on the next line (``KEY=1 tool \``)
    text = line.rstrip()
    words = shell_words(text[:-1] if text.endswith("\\") else text)
    # (none when the quotes do not balance: still a setting)
    if words[:1] == ["export"]:
        words = words[1:]
    return hit.group(1) if all(_SETTING.match(w) for w in words) else None


_TEXT = text_parser("docs", _read)


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    """A page with a line longer than any parser guard allows (an inline SVG of 70,000
    characters in an MDX snippet) renders fine on its docs site: skipped, not a parse error.
    Undecodable pages still are (a browser shows their bytes wrong too)."""
    if len(data) > MAX_LINE_CHARS:
        text = decode(data, path, check_lines=False)
        lines = text.text.split("\n") if not isinstance(text, ParseFailure) else []
        if any(len(line) > MAX_LINE_CHARS for line in lines):
            return FileFacts(path, "docs")
    return _TEXT(path, data, settings)


SOURCE = Source("docs", _claims, _parse)
