"""Is a variable a secret? From its name, example comments and the docs."""

from __future__ import annotations

import re

_SECRET_WORDS = frozenset(
    {
        "SECRET",
        "TOKEN",
        "PASSWORD",
        "PASS",
        "PASSWD",
        "PWD",
        "PRIVATE",
        "KEY",
        "CREDENTIALS",
        "CREDENTIAL",
        "SALT",
        "SIGNING",
        "WEBHOOK_SECRET",
    }
)
# Public by design, even though the name says KEY / TOKEN.
_PUBLIC_NAMES = (
    "ANON_KEY",
    "PUBLISHABLE_KEY",
    "PUBLIC_KEY",
    "SITE_KEY",
    "MEASUREMENT_ID",
    "CLIENT_ID",
    "APP_ID",
    "PROJECT_ID",
    "KEY_ID",
)


def secret_by_name(name: str) -> bool:
    upper = name.upper()
    if upper.endswith(_PUBLIC_NAMES):
        return False
    words = set(re.split(r"[_\W]+", upper))
    return bool(words & _SECRET_WORDS)
