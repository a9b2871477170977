"""Does a value look like a real credential? Known formats, URL passwords, random-looking
values on secret-named variables; placeholders and documented public test keys never do.

Functions here return the kind of credential (``"GitHub token"``), never the value.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .values import is_placeholder


@dataclass(frozen=True, slots=True)
class Detector:
    kind: str
    hint: str  # a literal every match contains: most values are skipped without a regex
    pattern: re.Pattern[str]


def _d(kind: str, hint: str, pattern: str) -> Detector:
    return Detector(kind, hint, re.compile(pattern))


JSON_WEB_TOKEN = "JSON Web Token"
GOOGLE_API_KEY = "Google API key"  # also a browser key, public by design (see envfiles)

# Most specific first: the first match names the kind.
DETECTORS: tuple[Detector, ...] = (
    _d("PEM private key", "-----BEGIN", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
    _d("OpenRouter API key", "sk-or-v1-", r"\bsk-or-v1-[a-f0-9]{64}\b"),
    _d("Anthropic API key", "sk-ant-", r"\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,300}"),
    _d(
        "OpenAI API key",
        "T3BlbkFJ",
        r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,200}T3BlbkFJ[A-Za-z0-9_\-]{20,200}",
    ),
    _d("OpenAI API key", "sk-", r"\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,300}"),
    _d("OpenAI-style API key", "sk-", r"\bsk-[A-Za-z0-9]{32,300}\b"),
    _d("GitHub token", "gh", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"),
    _d("GitHub fine-grained token", "github_pat_", r"\bgithub_pat_[A-Za-z0-9_]{60,255}\b"),
    _d("AWS access key ID", "A", r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"),
    _d("Slack token", "xox", r"\bxox[abpr]-[A-Za-z0-9\-]{10,300}"),
    _d(
        "Slack webhook URL",
        "hooks.slack.com",
        r"https://hooks\.slack\.com/services/T[A-Z0-9]{1,40}/B[A-Z0-9]{1,40}/[A-Za-z0-9]{20,100}",
    ),
    _d("Stripe live secret key", "_live_", r"\b(?:sk|rk)_live_[A-Za-z0-9]{20,300}\b"),
    _d("Stripe test secret key", "_test_", r"\b(?:sk|rk)_test_[A-Za-z0-9]{20,300}\b"),
    _d(GOOGLE_API_KEY, "AIza", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    _d("SendGrid API key", "SG.", r"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
    _d("npm token", "npm_", r"\bnpm_[A-Za-z0-9]{36}\b"),
    _d("Hugging Face token", "hf_", r"\bhf_[A-Za-z0-9]{34,100}\b"),
    _d("GitLab token", "glpat-", r"\bglpat-[A-Za-z0-9_\-]{20,100}\b"),
    _d("Twilio API key", "SK", r"\bSK[0-9a-f]{32}\b"),
    # not the tail of a longer slug (``/setting-up-the-api-key-<page id>``: a help page's URL)
    _d("Mailgun API key", "key-", r"(?<![\w/.-])key-[0-9a-f]{32}\b"),
    _d("Discord bot token", ".", r"\b[MN][A-Za-z\d]{23,25}\.[\w-]{6}\.[\w-]{27,38}\b"),
    _d(
        JSON_WEB_TOKEN,
        "eyJ",
        r"\beyJ[A-Za-z0-9_\-]{10,4096}\.eyJ[A-Za-z0-9_\-]{10,8192}\.[A-Za-z0-9_\-]{10,1024}",
    ),
)

# Published by their vendors for tests and docs: never a leak.
PUBLIC_TEST_VALUES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",  # AWS documentation
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",  # AWS documentation
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",  # Stripe documentation
        "pk_test_TYooMQauvdEDq54NiTphI7jx",  # Stripe documentation
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",  # Stripe's earlier documentation pair
        "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
        "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",  # reCAPTCHA v2 test site key
        "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",  # reCAPTCHA v2 test secret key
        "1x00000000000000000000AA",  # Cloudflare Turnstile test site key
        "1x0000000000000000000000000000000AA",  # Cloudflare Turnstile test secret key
    }
)
_PUBLIC_TEST_SUBSTRINGS = (
    # Supabase's local-development JWTs (supabase start) share this issuer claim.
    "eyJpc3MiOiJzdXBhYmFzZS1kZW1vIi",
)
_PLACEHOLDER_WORDS = re.compile(
    r"x{4,}|X{4,}|\*{3,}|your[-_]?|example|placeholder|changeme|change[-_]me|replace[-_]?me|"
    r"dummy|fake|sample|<[^>]{0,200}>|\$\{[^}]{0,200}\}|\.\.\.|…|0123456789|1234567890|abcdefghij|"
    r"^\{\{?[A-Za-z_][\w.]{0,80}\}\}?$|^%\([A-Za-z_]\w{0,80}\)s$|^%s$",  # f-string, format slots
    re.IGNORECASE,
)
# A host the reader is to fill in: ``your.host``, ``your-db-host``, ``<host>``, ``{{host}}``
_STAND_IN_HOST = re.compile(r"your[-_.]|<|\{\{|\$\{|x{4,}", re.IGNORECASE)
# Names reserved for documentation and tests (RFC 2606, RFC 6761): no such host exists
_RESERVED_HOST = re.compile(
    r"(?:.*\.)?(?:example|example\.com|example\.org|example\.net|test|invalid)(?::\d+)?$",
    re.IGNORECASE,
)
# ``changeEncryptionKey``, ``replace-with-a-token``: an instruction spelled as the value
_CHANGE_THIS = re.compile(r"^(?:change|replace)(?:[A-Z][a-z]+|[-_][a-z]+)+$")
# A URL whose host only exists on a developer's machine or inside a compose network: its
# password is a local default (``postgres://app:app@localhost/app``, ``redis://:pw@redis:6379``).
_LOCAL_HOST = re.compile(
    r"^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|"
    r"[a-z0-9][a-z0-9_-]*)(?::(?:\d|\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[0-9]*)?\})+)?$",
    re.IGNORECASE,
)
_PEM_BODY = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(.*?)-----END", re.DOTALL)
_TRIVIAL_PASSWORDS = frozenset(
    {
        "password",
        "pass",
        "passwd",
        "postgres",
        "root",
        "admin",
        "secret",
        "changeme",
        "user",
        "mysql",
        "redis",
        "guest",
        "test",
        "dev",
        "local",
        "example",
        "default",
        "pwd",
        "1234",
        "12345",
        "123456",
        "password123",
        "mongo",
        "rabbitmq",
        "minio",
        "minioadmin",
    }
)
# ``scheme://user:password@host``: found from each ``://`` (scheme backwards, credentials
# forwards), so that no start position is scanned more than a bounded number of times.
_SCHEME_TAIL = re.compile(r"[a-z][a-z0-9+.\-]{0,31}\Z", re.IGNORECASE)
_USERINFO = re.compile(r"://([^\s/:@]*):([^\s/@]+)@([^\s/?#'\"`]+)")
_TOKEN_CHARS = re.compile(r"^[A-Za-z0-9+/=_\-.~:]+$")
_PATH = re.compile(r"[a-z0-9_.\-]+(?:/[a-z0-9_.\-]+)+(?::\d+)*")
# Words joined by separators: ``generate-with-openssl``, ``VENDOR_MODEL4.6_LARGE`` (a name
# with a version in it, such as a model's id).
_WORDS = re.compile(r"[a-z]+(?:[-_.][a-z0-9]+)+|[A-Z]+(?:_[A-Z0-9]+(?:\.[0-9]+)*)+")


# Typographic dashes a docs site puts between words (``strong\u2011pw\u2011here``)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def placeholder_like(value: str) -> bool:
    """Empty values, the usual stand-ins, values made of few distinct characters."""
    text = value.strip().strip("'\"").translate(_DASHES)
    if is_placeholder(text) or _PLACEHOLDER_WORDS.search(text) or _CHANGE_THIS.match(text):
        return True
    if text in PUBLIC_TEST_VALUES or any(s in text for s in _PUBLIC_TEST_SUBSTRINGS):
        return True
    return len(set(text)) < 6 or _keyboard_runs(text)


_KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW_PLACE = {c: (row, i) for row, keys in enumerate(_KEY_ROWS) for i, c in enumerate(keys)}


def _keyboard_runs(text: str) -> bool:
    """A filler typed along the keyboard or the alphabet (``asdfghZXCVBN98765``,
    ``hijklmno87654321``): nearly every character is in a run of four or more neighbours."""
    if len(text) < 8:
        return False
    lower = text.lower()
    in_runs, run = 0, 1
    for previous, current in itertools.pairwise(lower):
        if _neighbours(previous, current):
            run += 1
            continue
        in_runs += run if run >= 4 else 0
        run = 1
    in_runs += run if run >= 4 else 0
    return in_runs >= 0.8 * len(text)


def _neighbours(a: str, b: str) -> bool:
    if a.isalnum() and b.isalnum() and abs(ord(a) - ord(b)) == 1:
        return True  # the alphabet or the digits, either way
    place_a, place_b = _ROW_PLACE.get(a), _ROW_PLACE.get(b)
    return (
        place_a is not None
        and place_b is not None
        and place_a[0] == place_b[0]
        and abs(place_a[1] - place_b[1]) == 1
    )


def known_credential(value: str) -> str | None:
    """The kind of the first known credential format in ``value``, if it is not a stand-in
    (nor a token made public by design)."""
    for detector in DETECTORS:
        if detector.hint not in value:
            continue
        for hit in detector.pattern.finditer(value):
            if detector.kind == "PEM private key" and _elided_pem(value):
                continue
            if detector.kind == JSON_WEB_TOKEN and public_token(hit.group(0)):
                continue  # an ``anon`` token: made to be handed to every visitor
            if not placeholder_like(hit.group(0)):
                return detector.kind
    for user, password, host in _url_credentials(value):
        trivial = password.lower() in _TRIVIAL_PASSWORDS or placeholder_like(password)
        trivial = trivial or bool(_STAND_IN_HOST.match(host))  # ``@your.host``, ``@<host>``
        trivial = trivial or bool(_RESERVED_HOST.match(host))  # ``@db.example``: RFC 2606
        if password.lower() == user.lower():
            trivial = True  # ``postgres:postgres@``: a local setup's default, not a secret
        if not trivial and not local_only(value) and not _LOCAL_HOST.match(host):
            return "URL with an embedded password"
    return None


def _elided_pem(value: str) -> bool:
    """``-----BEGIN PRIVATE KEY-----\\n...\\n-----END...``: a key with no key material."""
    text = value.replace("\\n", "\n")
    body = _PEM_BODY.search(text)
    if body is None:
        return "-----END" not in text and len(text) < 200
    material = re.sub(r"\s|\\n", "", body.group(1))
    return len(material) < 64 or placeholder_like(material) or "..." in material


def loopback(value: str) -> bool:
    """An address on this machine or a compose network (``http://127.0.0.1:9000``,
    ``localhost:10000``, ``http://minio:9000``): a local service's endpoint."""
    from urllib.parse import urlsplit

    text = value.strip().strip("'\"")
    if ":" not in text:
        return False  # a bare word is no address (``production``)
    try:
        netloc = urlsplit(text if "://" in text else f"//{text}").netloc
    except ValueError:
        return False
    return bool(netloc) and bool(_LOCAL_HOST.match(netloc.rsplit("@", 1)[-1]))


# A service's address: an emulator's endpoint (``S3_ENDPOINT``, any key of that prefix is the
# emulator's), or a service's URL (``PEER_API_URL``, ``JOB_QUEUE_URL``: only the keys that
# reach it, ``PEER_API_KEY`` / ``JOB_QUEUE_TOKEN``, not an app's own ``AUTH_SECRET`` next to
# its ``AUTH_URL``). The shortest prefix.
_EMULATOR_ENDPOINT = re.compile(r"^(\w+?_)ENDPOINT(?:_URL)?$")
_SERVICE_URL = re.compile(r"^(\w+?_)(?:API_URL|SERVER_URL|BASE_URL|URL)$")
_SERVICE_CREDENTIAL = re.compile(
    r"^(?:API_|ACCESS_|AUTH_|ACCOUNT_|SECRET_ACCESS_|(?:CURRENT_|NEXT_)?SIGNING_)?"
    r"(?:KEY|KEY_ID|TOKEN|PASSWORD)$"
)


def local_services(pairs: Iterable[tuple[str, str | None]]) -> tuple[tuple[str, bool], ...]:
    """(name prefix, whether every key of it counts) of the services on this machine
    (``S3_ENDPOINT=http://127.0.0.1:9000``, ``PEER_API_URL=http://localhost:5001``): their
    keys are a local emulator's or a sibling service's development defaults (MinIO's and
    Azurite's published keys, a compose stack's shared key)."""
    found = []
    for name, value in pairs:
        if not value or not loopback(value):
            continue
        if hit := _EMULATOR_ENDPOINT.match(name):
            found.append((hit.group(1), True))
        elif hit := _SERVICE_URL.match(name):
            found.append((hit.group(1), False))
    return tuple(found)


def local_service_key(name: str, services: tuple[tuple[str, bool], ...]) -> bool:
    """``name`` is a key of one of ``services`` (``local_services``)."""
    return any(
        name.startswith(prefix) and (every or bool(_SERVICE_CREDENTIAL.match(name[len(prefix) :])))
        for prefix, every in services
    )


def local_only(value: str) -> bool:
    """A URL with credentials whose host is local (localhost, a compose service name)."""
    from urllib.parse import urlsplit

    text = value.strip().strip("'\"")
    if "://" not in text or "@" not in text:
        return False
    try:
        host = urlsplit(text).netloc.rsplit("@", 1)[-1]
    except ValueError:
        return False
    return bool(_LOCAL_HOST.match(host))


def url_passwords(value: str) -> list[str]:
    """The passwords of ``scheme://user:password@host`` URLs in ``value``."""
    return [password for _, password, _ in _url_credentials(value)]


def _url_credentials(value: str) -> list[tuple[str, str, str]]:
    """(user, password, host) of each ``scheme://user:password@host`` URL in ``value``; linear
    time (every match attempt starts at a literal ``://`` and stops at the next ``/``)."""
    found = []
    for hit in _USERINFO.finditer(value):
        start = hit.start()
        scheme = _SCHEME_TAIL.search(value, max(0, start - 32), start)
        if scheme is not None and any(
            value[i].isalpha() and _word_start(value, i) for i in range(scheme.start(), start)
        ):
            found.append((hit.group(1), hit.group(2), hit.group(3)))
    return found


def _word_start(value: str, index: int) -> bool:
    """A scheme starts a word: ``\\b`` before its first letter."""
    return index == 0 or not (value[index - 1].isalnum() or value[index - 1] == "_")


def shannon_entropy(text: str) -> float:
    counts = Counter(text)
    size = len(text)
    return -sum(n / size * math.log2(n / size) for n in counts.values())


def random_looking(value: str) -> bool:
    """A token-shaped value with the entropy of generated key material."""
    text = value.strip().strip("'\"")
    if len(text) < 16 or not _TOKEN_CHARS.match(text) or placeholder_like(text):
        return False
    if "://" in text or (text.count(".") > 2 and not text.startswith("eyJ")):
        return False  # URLs and host names are not key material
    if _WORDS.fullmatch(text) or _PATH.fullmatch(text):
        return False  # "generate-with-openssl-rand-base64-32", "src/lib/ai.ts:4:53": not keys
    if _encoded_prose(text):
        return False  # base64 of "my-dev-signing-key": a placeholder, encoded
    hex_only = all(c in "0123456789abcdefABCDEF" for c in text)
    threshold = 3.0 if hex_only else 3.5
    classes = sum(bool(re.search(p, text)) for p in ("[a-z]", "[A-Z]", "[0-9]"))
    return shannon_entropy(text) >= threshold and (hex_only or classes >= 2)


def _encoded_prose(text: str) -> bool:
    """Base64 of readable words (``dev signing key for the local store``): what was encoded is
    a placeholder, not key material (random bytes never decode to words and spaces)."""
    if len(text) % 4 or not _BASE64.fullmatch(text):
        return False
    import base64
    import binascii

    try:
        decoded = base64.b64decode(text, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return _PROSE.fullmatch(decoded) is not None


_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_PROSE = re.compile(r"[A-Za-z]{2,}(?:[ \-_.,:][A-Za-z0-9]+)+[.!]?\s*")


def credential_kind(value: str, *, secret_name: bool) -> str | None:
    """Why ``value`` looks like a real credential (a known format, or random key material on a
    variable whose name or docs say it is secret), or None."""
    if value.startswith(PUBLIC_KEY_PREFIXES):
        return None
    kind = known_credential(value)
    if kind is None and secret_name and random_looking(value):
        kind = HIGH_ENTROPY
    return kind


# Formats of keys made to be handed to every visitor: a PostHog project key (``phc_``; the
# personal key, ``phx_``, is secret), a Stripe or Clerk publishable key (``pk_live_``,
# ``pk_test_``) and a Mapbox public token (``pk.eyJ``; secret ones are ``sk.``).
PUBLIC_KEY_PREFIXES = ("phc_", "pk_live_", "pk_test_", "pk.eyJ")


HIGH_ENTROPY = "high-entropy value on a secret variable"


# Roles of tokens made to be handed to every visitor (Supabase's ``anon`` key)
_PUBLIC_ROLES = frozenset({"anon", "public"})


def public_token(value: str) -> bool:
    """A JSON Web Token whose claims give it a public role (``"role": "anon"``): a client key
    published by design, as the vendor's docs say. Only the claims segment is decoded."""
    import base64
    import binascii
    import json

    parts = value.strip().split(".")
    if len(parts) != 3 or not parts[0].startswith("eyJ"):
        return False
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):  # a JSONDecodeError or UnicodeDecodeError is one too
        return False
    return isinstance(claims, dict) and claims.get("role") in _PUBLIC_ROLES


def fingerprint(value: str, salt: str = "env-lint/v1") -> str:
    """A short keyed hash: identifies a value across runs without revealing it."""
    digest = hmac.new(salt.encode(), value.strip().encode(), hashlib.sha256).hexdigest()
    return digest[:12]


_NAME_CHARS = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}$")


def value_like(text: str) -> bool:
    """A credential by its format, or a long random-looking token with digits in it: a string
    that must never be printed, even where a name was expected (a key pasted on its own
    line, a snapshot line)."""
    if known_credential(text) is not None:
        return True
    if _SNAKE.match(text) and _wordy(text):
        return False  # S3_UPLOAD_B2_ENDPOINT: a name made of words, whatever its digits
    return len(text) >= 16 and sum(c.isdigit() for c in text) >= 2 and random_looking(text)


_SNAKE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")
_SEPARATORS = re.compile(r"[/:@.\-_~]+")
_NAME_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def name_like(text: str) -> bool:
    """Made of words: a camelCase, snake or kebab name, or a path of them
    (``getB2ImageS3Client``, ``~/components/Model3D/Viewer``); at least 70 % of its letters
    and digits are in alphabetic parts of three letters or more. Key material is not."""
    parts = [p for s in _SEPARATORS.split(text) for p in _NAME_PART.findall(s)]
    total = sum(len(p) for p in parts)
    words = sum(len(p) for p in parts if len(p) >= 3 and p.isalpha())
    return total > 0 and words * 10 >= total * 7


def _wordy(text: str) -> bool:
    """Most ``_``-separated parts are plain words (three letters or more)."""
    parts = text.split("_")
    words = sum(1 for p in parts if len(p) >= 3 and p.isalpha())
    return words * 2 >= len(parts)


def printable_name(name: str) -> bool:
    """A variable name that may appear in output: letters, digits, ``_``, ``.``, ``-`` (also
    an invalid key such as ``MAIL.REPLY_TO``), at most 128 characters, not value-like."""
    return bool(_NAME_CHARS.match(name)) and not value_like(name)


def safe_prose(text: str | None) -> str | None:
    """A description read from a doc or an example comment, or None when it holds anything
    that could be a value: a long token, or a shorter one mixing letters with digits or
    symbols, or with many capitals inside (``OpenRouter`` is prose, ``qVxLmPzRtK`` is not)."""
    if not text:
        return None
    return None if any(_value_like(raw.strip(".,;:!?()[]{}'\"`")) for raw in text.split()) else text


def _value_like(token: str) -> bool:
    if len(token) >= 16 or credential_kind(token, secret_name=True) is not None:
        return True
    if len(token) < 10:
        return False
    letters = bool(re.search("[A-Za-z]", token))
    digits_or_symbols = bool(re.search(r"[0-9/+=_$@]", token))
    inner_capitals = sum(c.isupper() for c in token[1:])
    return (letters and digits_or_symbols) or inner_capitals >= 4
