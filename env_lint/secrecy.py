"""Is a variable a secret, and is it exposed to the browser? From its name, example comments
and the docs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import DocMention, ExampleEntry

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
        "AUTH",
    }
)
# Words that leave no doubt (KEY and TOKEN alone are often public: publishable keys, map tokens).
_STRONG_SECRET = (
    "SECRET",
    "PRIVATE",
    "SERVICE_ROLE",
    "PASSWORD",
    "PASSWD",
    "CREDENTIALS",
    "SIGNING_KEY",
    "ENCRYPTION_KEY",
    "MASTER_KEY",
    "ADMIN_KEY",
    "SK_LIVE",
)
# Public by design, even though the name says KEY / TOKEN / ID.
PUBLIC_BY_DESIGN = (
    "ANON_KEY",
    "PUBLISHABLE_KEY",
    "PUBLIC_KEY",
    "SITE_KEY",
    "DSN",
    "MEASUREMENT_ID",
    "CLIENT_ID",
    "APP_ID",
    "PROJECT_ID",
    "KEY_ID",
    "TRACKING_ID",
    "WRITE_KEY",
    "MAPBOX_TOKEN",
    "ACCESS_TOKEN_PUBLIC",
    "POSTHOG_KEY",
    "ALGOLIA_SEARCH_KEY",
    "SEARCH_KEY",
    "VAPID_KEY",
)
# Prefixes that bundlers inline into browser code.
PUBLIC_PREFIXES = (
    "NEXT_PUBLIC_",
    "VITE_",
    "PUBLIC_",
    "EXPO_PUBLIC_",
    "REACT_APP_",
    "NUXT_PUBLIC_",
    "GATSBY_",
    "STORYBOOK_",
    "SANITY_STUDIO_",
)


def _words(name: str) -> set[str]:
    return set(re.split(r"[_\W]+", name.upper()))


# A switch about a secret, not the secret (``DISABLE_EMAIL_PASSWORD_SIGNUP``,
# ``PASSWORD_RESET_ENABLED``: its value is true or false), or a demo account's password.
_SWITCH = re.compile(
    r"^(DISABLE|ENABLE|ALLOW|SHOW|HIDE|USE|REQUIRE|SKIP)_|"
    r"_(ENABLED|DISABLED|ALLOWED|REQUIRED|ENABLE|DISABLE|MIN_LENGTH|MAX_LENGTH|POLICY)$|"
    r"(^|_)DEMO_"  # a demo account's login, shown on the sign-in page on purpose
)


_TEST_VALUE_WORDS = frozenset({"TEST", "TESTS", "E2E", "DEMO", "DUMMY", "FAKE", "MOCK", "SAMPLE"})


def names_test_value(name: str) -> bool:
    """``E2E_TEST_USER_PASSWORD``, ``DEMO_API_KEY``: a test or demo account's value, made up for
    the test suite or shown on purpose."""
    return bool(_words(name) & _TEST_VALUE_WORDS)


def names_a_switch(name: str) -> bool:
    """A switch or a demo login, not a credential: what ``public-secret`` lets through even
    with a secret word in its name (its value is never shown for it either way)."""
    return bool(_SWITCH.search(name.upper()))


def public_by_design(name: str) -> bool:
    upper = name.upper()
    return upper.endswith(PUBLIC_BY_DESIGN) or upper.rsplit("_", 1)[-1] in _ABOUT_A_SECRET


# Last words of a setting about a secret rather than the secret: a password policy
# (``AUTH_PASSWORD_REGEX``, ``PASSWORD_MIN_LENGTH``), a switch (``PASSWORD_LOGIN_ENABLED``),
# a lifetime (``TOKEN_TTL``) or how it is made (``BCRYPT_ROUNDS``, ``JWT_SECRET_ALGORITHM``).
_ABOUT_A_SECRET = frozenset(
    {"REGEX", "PATTERN", "POLICY", "LENGTH", "RULES", "HINT", "ENABLED", "DISABLED",
     "REQUIRED", "ROUNDS", "ALGORITHM", "TTL", "EXPIRY"}
)  # fmt: skip


def secret_by_name(name: str) -> bool:
    """The name suggests a secret (``*_SECRET``, ``*_TOKEN``, ``*_API_KEY``...)."""
    return not public_by_design(name) and bool(_words(name) & _SECRET_WORDS)


def strongly_secret_name(name: str) -> bool:
    upper = name.upper()
    return not public_by_design(name) and any(word in upper for word in _STRONG_SECRET)


def public_prefix(name: str) -> str | None:
    """The browser-exposing prefix of ``name`` (``NEXT_PUBLIC_``...), if any."""
    return next((p for p in PUBLIC_PREFIXES if name.startswith(p) and len(name) > len(p)), None)


def marked_secret(entries: Iterable[ExampleEntry], mentions: Iterable[DocMention]) -> bool:
    """An example comment or the docs call it secret."""
    return any(e.secret for e in entries) or any(m.secret for m in mentions)


def is_secret(name: str, entries: Iterable[ExampleEntry], mentions: Iterable[DocMention]) -> bool:
    """The classification shown in reports: the name, an example comment or the docs."""
    if public_by_design(name):
        return False
    return secret_by_name(name) or marked_secret(entries, mentions)
