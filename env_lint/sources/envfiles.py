"""Real env files (``.env``, ``.env.production``, ``prod.env``): the names they set, and which
values look like real credentials. Values are dropped here; only names, positions, the kind of
credential and a keyed fingerprint leave this module."""

from __future__ import annotations

from collections.abc import Iterator

from ..credentials import (
    GOOGLE_API_KEY,
    HIGH_ENTROPY,
    credential_kind,
    fingerprint,
    known_credential,
    local_only,
    local_service_key,
    local_services,
)
from ..model import Credential, EnvFile, ExampleEntry, FileFacts, ParseFailure
from ..paths import is_real_env_name
from ..secrecy import public_prefix, secret_by_name
from ..wording import says_dummy
from .base import Settings, Source, name_of, text_parser
from .dotenv_example import parse_example


def _claims(rel: str, settings: Settings) -> bool:
    return is_real_env_name(name_of(rel))


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    parsed = parse_example(path, text)
    names = tuple((e.name, e.location) for e in parsed.entries if not e.disabled)
    credentials = tuple(_credentials(parsed.entries))
    commented = tuple(e.name for e in parsed.entries if e.disabled)
    return FileFacts(path, "env-file", env_file=EnvFile(path, names, credentials, commented))


def _credentials(entries: tuple[ExampleEntry, ...]) -> Iterator[Credential]:
    local = local_services((e.name, e.value) for e in entries if not e.disabled)
    for entry in entries:
        value = entry.value
        if value is None or entry.disabled or local_only(value):
            continue
        if any(says_dummy(line) for line in entry.description):
            continue
        kind = credential_kind(value, secret_name=secret_by_name(entry.name) or entry.secret)
        if kind is None:
            continue
        if local_service_key(entry.name, local) and known_credential(value) is None:
            continue  # random-looking only: a local emulator's or sibling service's default
        if public_prefix(entry.name) is not None and kind in _CLIENT_KEYS:
            continue  # a client key (Firebase, Maps, analytics): the bundle publishes it
        yield Credential(entry.name, entry.location, kind, fingerprint(value))


# Under a prefix the bundler exposes, a committed value ships to every visitor anyway: a
# Google browser key (public by design, restricted by referrer) or a random-looking client
# key (an analytics write key) is no leak. A server secret's own format (``sk_live_``...)
# under such a prefix still is.
_CLIENT_KEYS = frozenset({GOOGLE_API_KEY, HIGH_ENTROPY})


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(path, "env-file")


SOURCE = Source(
    "env-file",
    _claims,
    text_parser("env-file", _read, report=False),
    strict=False,
    unreadable=_unreadable,
)
