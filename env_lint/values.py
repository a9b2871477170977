"""Example values against schema facts: placeholders, meaning-equality, validation.

Functions here read values but return only facts about them (never the value itself), so a
caller can build a message without quoting a secret.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from .model import SchemaVar

_PLACEHOLDER = re.compile(
    r"""^(
        your[-_ ].*|.*[-_]here|<.*>|\[.*\]|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|
        x{3,}|X{3,}|\*{3,}|\.{3}|…|.*\.{3}|.*…|
        change[-_ ]?me|replace[-_ ]?me|todo|tbd|placeholder|example|dummy|fixme|
        secret|password|token|
        _{2}[A-Za-z0-9_]+_{2}|\*+\s*[A-Za-z][A-Za-z _-]*\s*\*+|
        [-=#~]*\s*(?:replace|change|set|fill|update|add)[-_ ]?(?:me|this|it|in|here)?\s*[-=#~]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_TRUE = {"true", "1", "yes", "on", "y"}
_FALSE = {"false", "0", "no", "off", "n", ""}


def is_placeholder(value: str | None) -> bool:
    """Empty values and the usual stand-ins (``your-...``, ``<...>``, ``xxx``, ``...``,
    ``changeme``, values ending in ``...``) are never checked against a schema."""
    if value is None:
        return True
    text = value.strip()
    return not text or bool(_PLACEHOLDER.match(text))


def as_number(value: str) -> float | None:
    try:
        number = float(value.strip().replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def as_bool(value: str) -> bool | None:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def same_as_default(value: str, default: str | int | float | bool | None) -> bool:
    """Compare meaning, not spelling: ``25`` == ``25.0``, ``true`` == ``"true"``."""
    text = _unquote(value.strip())
    if isinstance(default, bool):
        return as_bool(text) is default or text.lower() == str(default).lower()
    if isinstance(default, (int, float)):
        number = as_number(text)
        return number is not None and math.isclose(number, float(default), rel_tol=1e-12)
    if default is None:
        return text.lower() in ("", "null")
    if text == default:
        return True
    number, other = as_number(text), as_number(default)
    if number is not None and other is not None:
        return number == other
    flag, other_flag = as_bool(text), as_bool(default)
    return flag is not None and flag is other_flag and text.lower() == default.lower()


_NO_VALUE = frozenset(
    {"", "-", "—", "–", "none", "null", "nil", "n/a", "na", "not set", "unset", "empty",
     "(empty)", "(none)", "no default", "nothing", "undefined", "нет", "не задано"}
)  # fmt: skip


def doc_default_matches(stated: str, default: str | int | float | bool | None) -> bool | None:
    """Does a default the docs state mean the schema default? True / False, or None when the
    text is prose env-lint cannot compare (``the current hostname``). ``1000 (1s)`` means
    ``1000``; ``Not set`` / ``none`` / ``-`` mean no value."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", _unquote(stated.strip()).strip()).strip()
    text = _unquote(text.strip("`*_ ")).strip()
    if text.lower() in _NO_VALUE:
        return default is None or default == ""
    if same_as_default(text, default):
        return True
    if default == "" or _REFERENCE.search(text):
        return None  # "unset", resolved where it is used; ``${BASE_URL}/callback`` is computed
    if " " in text:
        first = text.split()[0]
        return True if same_as_default(first, default) else None
    return False


_REFERENCE = re.compile(r"\$\{?[A-Za-z_][A-Za-z0-9_]*")  # ``$HOME/x``, ``${ROOT_URL}/api``


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"`":
        return text[1:-1]
    return text


def describe_default(default: str | int | float | bool | None) -> str:
    if isinstance(default, bool):
        return "true" if default else "false"
    if default is None:
        return "null"
    if isinstance(default, str):
        return f'"{default}"'
    return str(default)


def problems(value: str, var: SchemaVar) -> list[str]:
    """What is wrong with ``value`` for ``var``, in words that never include the value."""
    text = value.strip()
    kind = var.type
    if kind == "enum" and var.choices:
        if text not in var.choices:
            return [f"is not one of the schema's choices: {', '.join(var.choices)}"]
        return []
    if kind == "number":
        return _number_problems(text, var)
    if kind == "boolean":
        return [] if as_bool(text) is not None else ["is not a boolean (true/false/1/0)"]
    if kind == "url" and not _is_url(text):
        return ["is not a URL (scheme://host...)"]
    if kind == "email" and not _is_email(text):
        return ["is not an email address"]
    if kind == "uuid" and not _is_uuid(text):
        return ["is not a UUID"]
    if kind in ("string", "url", "email", "uuid"):
        return _string_problems(text, var)
    return []


def _number_problems(text: str, var: SchemaVar) -> list[str]:
    number = as_number(text)
    if number is None:
        return ["is not a number"]
    limits = var.constraints
    found = []
    if limits.integer and not number.is_integer():
        found.append("is not an integer")
    if limits.positive and number <= 0:
        found.append("is not positive")
    if limits.nonnegative and number < 0:
        found.append("is negative")
    if limits.min is not None and number < limits.min:
        found.append(f"is below the schema minimum {_num(limits.min)}")
    if limits.max is not None and number > limits.max:
        found.append(f"is above the schema maximum {_num(limits.max)}")
    return found


def _string_problems(text: str, var: SchemaVar) -> list[str]:
    limits = var.constraints
    size = len(text)
    found = []
    if limits.length is not None and size != limits.length:
        found.append(f"has {size} characters, the schema requires exactly {limits.length}")
    if limits.min is not None and size < limits.min:
        found.append(f"has {size} characters, the schema requires at least {_num(limits.min)}")
    if limits.max is not None and size > limits.max:
        found.append(f"has {size} characters, the schema allows at most {_num(limits.max)}")
    if limits.starts_with is not None and not text.startswith(limits.starts_with):
        found.append(f'does not start with "{limits.starts_with}" as the schema requires')
    if limits.ends_with is not None and not text.endswith(limits.ends_with):
        found.append(f'does not end with "{limits.ends_with}" as the schema requires')
    if limits.pattern is not None and not _matches(limits.pattern, text):
        found.append("does not match the schema's pattern")
    return found


def _matches(pattern: str, text: str) -> bool:
    """A schema's ``pattern`` is the repo's own regex: it runs on RE2 (linear time on any
    pattern and any text), never on a backtracking engine. A pattern RE2 cannot run
    (lookaround, backreferences) is not checked: not the example's fault."""
    compiled = _re2(pattern)
    return True if compiled is None else compiled.search(text) is not None


@cache
def _re2(pattern: str) -> Any:
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency
        return None
    options = re2.Options()
    options.log_errors = False  # RE2 would write parse errors to stderr itself
    options.max_mem = 8 << 20
    try:
        return re2.compile(pattern, options)
    except re2.error:
        return None


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _is_email(text: str) -> bool:
    """``local@domain.tld``: no whitespace, one ``@``, a dot inside the domain (a split, not a
    regex that backtracks over every dot)."""
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain or any(c.isspace() for c in text):
        return False
    return "." in domain[1:-1]


def _is_url(text: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return bool(parts.scheme) and bool(parts.netloc or parts.path) and "://" in text


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
