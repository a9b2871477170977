"""The data env-lint works on: frozen, hashable, sorted where order matters.

The bottom of the import graph: nothing here imports anything else of the package.

Lines and columns are 1-based everywhere; paths are POSIX paths relative to the repo root.
Values read from example files or docs live in ``ExampleEntry.value`` / ``DocMention.default``
only so that rules can compare them; no message is ever built from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from fnmatch import fnmatchcase


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class Crash:
    """An unexpected error (a bug in env-lint) while processing one file or one step: the
    run goes on with the other files and ends with exit code 3."""

    where: str  # the file (root-relative) or the step, e.g. "rule stale-doc-var"
    error: str  # the exception type only: its message may quote a value
    traceback: str  # shown with --debug only


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """A file (or a part of it) that could not be read: becomes a ``parse-error`` finding."""

    location: Location
    reason: str


@dataclass(frozen=True, slots=True)
class DocValue:
    """A value written in the docs (a code-block line, a table cell) that looks like a
    credential. The value itself is not kept: only what the credential detectors said of it
    (as if its variable were secret, and as if not) and a keyed fingerprint."""

    location: Location
    name: str | None  # the variable it is assigned to (``KEY=value``, a row's variable)
    kind: str | None  # the credential kind if the variable is not known to be secret
    kind_if_secret: str | None  # the kind if it is (random-looking key material counts too)
    fingerprint: str
    assigned: bool = False  # ``KEY=value`` in a code block (not a table cell or other text)


# --- example files -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExampleEntry:
    name: str
    location: Location
    value: str | None  # never rendered (also kept for a commented-out entry, for secret checks)
    description: tuple[str, ...] = ()
    required: bool | None = None  # from a comment: True "required", False "optional"
    secret: bool = False
    disabled: bool = False  # "# KEY=value": listed, optional, switched off
    exported: bool = False
    end_line: int = 0  # last line of the assignment (a quoted value may span lines)
    retired: bool = False  # its comment says deprecated / no longer used: kept for upgraders


@dataclass(frozen=True, slots=True)
class ExampleFile:
    path: str
    entries: tuple[ExampleEntry, ...]
    invalid_keys: tuple[ExampleEntry, ...] = ()
    failures: tuple[ParseFailure, ...] = ()
    readable: bool = True  # False: binary, undecodable or unreadable (a parse-error)
    # lines that hold a credential-looking value and no key (a token pasted on its own line):
    # what the detectors said and a fingerprint, never the line
    stray: tuple[DocValue, ...] = ()
    # its header says every value is a stand-in ("the keys in this file are placeholders")
    declares_dummies: bool = False

    @property
    def directory(self) -> str:
        return parent_dir(self.path)


# --- schemas -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Constraints:
    min: float | None = None
    max: float | None = None
    length: int | None = None
    starts_with: str | None = None
    ends_with: str | None = None
    integer: bool = False
    positive: bool = False
    nonnegative: bool = False
    pattern: str | None = None  # a JSON Schema ``pattern`` (ECMA regex, checked with ``re``)


@dataclass(frozen=True, slots=True)
class SchemaVar:
    name: str
    location: Location
    type: str  # string | number | boolean | enum | url | email | uuid | literal | unknown
    required: bool  # True: must be set (no optional/nullable/default)
    has_default: bool = False
    default: str | int | float | bool | None = None  # meaningful only if default_known
    default_known: bool = False
    choices: tuple[str, ...] = ()
    constraints: Constraints = field(default_factory=Constraints)
    description: str | None = None
    expression: str = ""  # the zod call chain head, e.g. "z.coerce.number()", for messages
    section: str | None = None  # t3-env: server | client | shared
    conditional: bool = False  # required in some configurations only (ternary, union branch)
    aliases: tuple[str, ...] = ()  # other names that set it (pydantic AliasChoices)
    known: bool = True  # False: defined in a way env-lint cannot read (requiredness unknown)
    key: str | None = None  # the schema key, when it reads a variable of another name
    # a default or choice that looks like a real credential: dropped from the facts above and
    # kept only as (credential kind, fingerprint), for secret-in-example
    hidden_value: tuple[str, str] | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Schema:
    path: str
    location: Location  # the z.object(...) call
    variables: tuple[SchemaVar, ...]
    # Keys passed by an explicit ``parse({ KEY: process.env.KEY })`` map; None when the schema
    # is parsed from ``process.env`` itself (every key is wired).
    wired: frozenset[str] | None = None
    wiring_location: Location | None = None
    kind: str = "zod"  # zod | t3-env | envalid | pydantic-settings | json-schema
    # t3-env: the keys passed one by one in runtimeEnv / experimental__runtimeEnv (None: all)
    runtime_env: tuple[tuple[str, Location], ...] | None = None
    runtime_env_location: Location | None = None
    runtime_env_client_only: bool = False  # experimental__runtimeEnv: client keys only
    client_prefix: str | None = None
    # pydantic-settings: ``env_prefix`` imported from another module (``pkg.mod:NAME``); its
    # variables with a ``key`` take that prefix once the project resolves it
    prefix_from: str | None = None


# --- code and docs -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Usage:
    name: str
    location: Location
    defaulted: bool = False  # read with a fallback: ``?? "x"``, ``|| 3``, ``{ X = "d" }``
    weak: bool = False  # a CI workflow, compose file, Dockerfile or shell script: never undeclared
    guarded: bool = False  # the code copes when it is unset (``if (X)``, ``X && ...``, ``X?.y``)
    emptied: bool = False  # ``?? ""`` / ``|| ""``: unset becomes empty (optional, or a bug)
    passed: bool = False  # handed to a call, an object, a return: the receiver decides

    @classmethod
    def classified(cls, name: str, location: Location, how: str) -> Usage:
        """A read as the readers classify it: ``required``, ``defaulted``, ``guarded``,
        ``emptied`` or ``passed``."""
        return cls(
            name,
            location,
            defaulted=how == "defaulted",
            guarded=how == "guarded",
            emptied=how == "emptied",
            passed=how == "passed",
        )

    @property
    def required(self) -> bool:
        """A strong read the code depends on: no fallback, not checked first, not handed to
        someone else who may cope with unset (unless asserted with ``!`` / ``as string``)."""
        return not (self.defaulted or self.weak or self.guarded or self.emptied or self.passed)

    @property
    def needed(self) -> bool:
        """What a deploy target must set: like ``required``, but ``?? ""`` only silences the
        type checker, so the variable is still needed there."""
        return not (self.defaulted or self.weak or self.guarded)


@dataclass(frozen=True, slots=True, order=True)
class ImportedRead:
    """``environment.X`` where ``environment`` is imported from another module of the repo
    (``import environment from "./env"``): a read of ``X`` when that module exports the
    environment itself (``export default withFileSecrets(process.env)``); resolved across
    files."""

    specifier: str  # as written: "./utils/environment"
    name: str  # the imported name: "default" or a named export
    usage: Usage
    call: bool = False  # ``getVar("X")``: a call of the binding, a read if it is an accessor


@dataclass(frozen=True, slots=True, order=True)
class ImportedCheck:
    """``if (!STRIPE_KEY)``, ``STRIPE_KEY ?? d`` or ``[A, B].filter(Boolean)`` where the
    constant is imported from another module of the repo: when that module exports it as one
    variable's value (``export const STRIPE_KEY = process.env.STRIPE_KEY``), the variable is
    checked here. Resolved across files; ``usage`` is named for the imported binding until
    then."""

    specifier: str  # as written: "@/lib/constants"
    name: str  # the imported name
    usage: Usage


@dataclass(frozen=True, slots=True, order=True)
class ConfigField:
    """A field of a decorated config class (class-validator style): ``@IsOptional() public
    URL = toString(environment.URL)`` (the variable is the read inside the field) or ``@IsUrl()
    DATABASE_URL!: string`` in a class that is validated as the environment (the field is the
    variable)."""

    location: Location  # the field's name
    end: Location  # where the field ends: the reads between are its variables
    name: str | None  # the field's own name, when the field itself is the variable
    optional: bool  # ``@IsOptional()`` or ``field?:``
    required: bool  # ``@IsNotEmpty()`` / ``@IsDefined()``, or a field of a validated class
    owner: Location  # the class
    key: str = ""  # the field's name (what code reads: ``env.VERSION``)


@dataclass(frozen=True, slots=True, order=True)
class DynamicRead:
    """``process.env[`BUCKET_${s}_URL`]``: a read whose name is only known by a pattern
    (``BUCKET_*_URL``); it counts as a read of every name that matches."""

    pattern: str
    location: Location

    def matches(self, name: str) -> bool:
        return fnmatchcase(name, self.pattern)


@dataclass(frozen=True, slots=True)
class DocMention:
    name: str
    location: Location
    # table | heading | list | code | text | read (sample code reads it: getenv("X")) |
    # placeholder (a page says to replace it: "Replace `X` with your key")
    kind: str
    primary: bool  # the mention declares the variable (table key cell, heading, list, KEY=)
    required: bool | None = None
    default: str | None = None  # never rendered
    description: str | None = None  # prose from a Description column or section
    targets: tuple[str, ...] = ()  # deploy targets marked in the row (Vercel, Railway...)
    secret: bool = False  # its description, section or enclosing heading says secret
    # the program a code block's settings are for: one the page installs and the block runs
    # (``pip install litellm`` ... ``litellm --model x``); this repo's own or not is decided
    # across files
    tool: str | None = None
    # documented as code that is not in the repo (a paid edition's feature, a package shipped
    # elsewhere): the name is that code's, on every page
    elsewhere: bool = False


# --- findings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Related:
    location: Location
    note: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    rule: str
    severity: Severity
    location: Location
    message: str
    variable: str | None = None
    related: tuple[Related, ...] = ()
    fingerprint: str | None = None  # a keyed hash of the value concerned, never the value

    def sort_key(
        self,
    ) -> tuple[str, int, int, str, str, str, tuple[Related, ...], str]:
        """A total order: two findings that differ in anything sort the same way every run."""
        loc = self.location
        return (
            loc.path,
            loc.line,
            loc.column,
            self.code,
            self.variable or "",
            self.message,
            self.related,
            self.fingerprint or "",
        )


def parent_dir(path: str) -> str:
    """POSIX parent of a root-relative path; the root itself is ``""``."""
    head, _, _ = path.rpartition("/")
    return head


@dataclass(frozen=True, slots=True)
class Credential:
    """A value that looks like a real credential: where, what kind, a keyed fingerprint. The
    value itself is never kept."""

    name: str | None
    location: Location
    kind: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class EnvFile:
    """A real env file (``.env``, ``.env.production``): the names it sets and the values in it
    that look like credentials (no values)."""

    path: str
    names: tuple[tuple[str, Location], ...]
    credentials: tuple[Credential, ...] = ()
    commented: tuple[str, ...] = ()  # ``# KEY=`` lines: listed for whoever fills the file in


@dataclass(frozen=True, slots=True, order=True)
class Unrecognized:
    """A construct env-lint found but could not read: an ``unrecognized-schema`` info."""

    location: Location
    reason: str
