"""The rule registry: every rule, declared once, in code order."""

from __future__ import annotations

from ..analysis.context import Context
from .base import Rule
from .deploy import MISSING_ON_TARGET, TARGET_MISMATCH, UNEXPECTED_ON_TARGET
from .docs import STALE_DOC_VAR, UNDOCUMENTED_VAR
from .drift import (
    MISSING_FROM_EXAMPLE,
    MISSING_OPTIONAL_FROM_EXAMPLE,
    SCHEMA_KEY_NOT_WIRED,
    UNDECLARED_USAGE,
    UNUSED_EXAMPLE_VAR,
)
from .files import DUPLICATE_KEY, INVALID_KEY, PARSE_ERROR
from .frameworks import CLIENT_PREFIX, RUNTIME_ENV_MISMATCH, TURBO_UNDECLARED, UNRECOGNIZED_SCHEMA
from .manifests import MANIFEST_DEFAULT_MISMATCH, MISSING_IN_MANIFEST, UNUSED_IN_MANIFEST
from .meta import STALE_BASELINE_ENTRY, UNUSED_SUPPRESSION
from .secrets import COMMITTED_ENV_FILE, PUBLIC_SECRET, SECRET_IN_EXAMPLE
from .unread import UNREAD_SCHEMA_VAR
from .values import (
    DEFAULT_MISMATCH,
    EXAMPLE_DIFFERS_FROM_DEFAULT,
    INVALID_EXAMPLE_VALUE,
    REQUIREDNESS_MISMATCH,
)

RULES: tuple[Rule, ...] = (
    PARSE_ERROR,
    INVALID_KEY,
    DUPLICATE_KEY,
    UNRECOGNIZED_SCHEMA,
    MISSING_FROM_EXAMPLE,
    UNUSED_EXAMPLE_VAR,
    UNDECLARED_USAGE,
    SCHEMA_KEY_NOT_WIRED,
    RUNTIME_ENV_MISMATCH,
    CLIENT_PREFIX,
    TURBO_UNDECLARED,
    UNREAD_SCHEMA_VAR,
    MISSING_OPTIONAL_FROM_EXAMPLE,
    UNDOCUMENTED_VAR,
    STALE_DOC_VAR,
    DEFAULT_MISMATCH,
    INVALID_EXAMPLE_VALUE,
    REQUIREDNESS_MISMATCH,
    EXAMPLE_DIFFERS_FROM_DEFAULT,
    UNUSED_SUPPRESSION,
    STALE_BASELINE_ENTRY,
    SECRET_IN_EXAMPLE,
    PUBLIC_SECRET,
    COMMITTED_ENV_FILE,
    TARGET_MISMATCH,
    MISSING_ON_TARGET,
    UNEXPECTED_ON_TARGET,
    MISSING_IN_MANIFEST,
    UNUSED_IN_MANIFEST,
    MANIFEST_DEFAULT_MISMATCH,
)

# Codes once used and retired are listed here and never reused.
RETIRED_CODES: frozenset[str] = frozenset()

BY_KEY: dict[str, Rule] = {r.code: r for r in RULES} | {r.name: r for r in RULES}


PEDANTIC = "pedantic"  # the group of every off-by-default rule


def rule_keys() -> frozenset[str]:
    """Every name and code a user may write in select / ignore / ignore-variables."""
    return frozenset(BY_KEY) | {PEDANTIC}


def lookup(key: str) -> Rule | None:
    return BY_KEY.get(key) or BY_KEY.get(key.upper())


__all__ = [
    "BY_KEY",
    "PEDANTIC",
    "RETIRED_CODES",
    "RULES",
    "STALE_BASELINE_ENTRY",
    "UNUSED_SUPPRESSION",
    "Context",
    "Rule",
    "lookup",
    "rule_keys",
]
