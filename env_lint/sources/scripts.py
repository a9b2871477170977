"""JS/TS source files: the environment reads in them (``process.env.X`` and friends) and, in
files that build a schema, the schema facts of the module (``sources/ts_module.py``).

A file without any environment marker is not parsed at all. A schema file by name or config
(``env.ts``, ``schemas = [...]``) is read strictly: a syntax error in it is a parse error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..libraries import AUTH_PROVIDER_MODULE, auth_provider_settings
from ..model import Directive, FileFacts, ImplicitVar, ParseFailure, Usage
from ..paths import is_source_path
from ..textio import decode, is_binary
from .base import MARKER_BYTES, Settings, Source, binding_hint, name_of
from .directives import directives_in
from .jsimports import calls_through_import, reads_through_import, upper_members

if TYPE_CHECKING:
    from tree_sitter import Node

    from ..model.ir import Module
    from .typescript import Script

ENV_MARKERS = (
    b"process.env",
    b"import.meta.env",
    b"Bun.env",
    b"Deno.env",
    b"createEnv",
    b"cleanEnv",
    b"ProcessEnv",  # ``function parse(source: NodeJS.ProcessEnv)``
    b"$env/",  # SvelteKit: import { env } from "$env/dynamic/private"
    b"std-env",
    b"loadEnv(",  # Vite: const env = loadEnv(mode, root, "")
    b"} = process",  # const { env } = process
    b"__ENV",  # k6: __ENV.BASE_URL
)
# A file with no parse site has no schema: ``x.parse(`` / ``.safeParse(`` / ``.parseAsync(`` /
# ``.safeParseAsync(`` / ``.cleanEnv(``, ``createEnv(`` / ``cleanEnv(`` (JSON.parse is none).
# Led by the literal dot (an optional ``JSON`` group in front made the engine try every
# position: 6x slower on 13,000 files, the same answers).
_PARSE_SITE = re.compile(
    rb"\.\s*(?:safeParse|parse|parseAsync|safeParseAsync|cleanEnv)\s*\(|createEnv|cleanEnv"
)
_IDENTIFIER_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$")


def constructs_schema(data: bytes) -> bool:
    """The file has a call that may parse a schema (the ts_module parse sites): a cheap test
    in front of lowering the module. ``JSON.parse(`` (the word ``JSON`` before the dot, within
    64 bytes of whitespace) is none."""
    for hit in _PARSE_SITE.finditer(data):
        start = hit.start()
        if data[start : start + 1] == b".":
            head = data[max(0, start - 64) : start].rstrip()
            if head.endswith(b"JSON") and (len(head) == 4 or head[-5] not in _IDENTIFIER_BYTES):
                continue
        return True
    return False


def named_schema(rel: str, settings: Settings) -> bool:
    """A schema file by the config (``schemas = [...]``). A file is never a schema because of
    its name alone (``utils/env.ts`` full of helpers): what it contains decides."""
    return settings.configured_schema(rel)


def _claims(rel: str, settings: Settings) -> bool:
    return is_source_path(rel)


def _markers(settings: Settings) -> tuple[bytes, ...]:
    return ENV_MARKERS + tuple(f"{a}(".encode() for a in settings.accessors)


_CONFIG_CLASS = b"class-validator"


def _env_like(data: bytes, settings: Settings) -> bool:
    """Env markers, a decorated config class, or a read through an imported binding."""
    if any(m in data for m in _markers(settings)) or _CONFIG_CLASS in data:
        return True
    if binding_hint(data):
        return True
    return reads_through_import(data) or calls_through_import(data)


# A module that parses a schema imported from elsewhere, with an env map imported from
# elsewhere, has no env marker of its own: ``clientSchema.safeParse(clientEnv)``.
PARSE_CALLS = (b".parse(", b".safeParse(", b".parseAsync(", b".safeParseAsync(")


def _wanted(path: str, data: bytes, settings: Settings) -> bool:
    if named_schema(path, settings):
        return True  # read strictly: even a binary one is reported
    if is_binary(data):
        return False
    if MARKER_BYTES in data or any(m in data for m in PARSE_CALLS):
        return True
    return _env_like(data, settings) or _names_auth_provider(data) or _nuxt_runtime(path, data)


def _nuxt_runtime(path: str, data: bytes) -> bool:
    return b"runtimeConfig" in data and _NUXT_CONFIG.match(name_of(path)) is not None


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    named = named_schema(path, settings)
    if named:
        text = decode(data, path)
        if isinstance(text, ParseFailure):
            return FileFacts(path, SOURCE.name, failures=(text,), named_schema=True)
        data = text.text.encode("utf-8")
    reads_env = named or _env_like(data, settings) or _nuxt_runtime(path, data)
    implicit = tuple(auth_provider_variables(path, data))
    if not reads_env and not any(m in data for m in PARSE_CALLS):
        directives = _directives(path, data, None)
        return FileFacts(path, SOURCE.name, directives=directives, implicit=implicit)
    from .code_usages import extract_reads
    from .ts_config import config_fields, env_constants, env_exports
    from .ts_module import lower_module
    from .typescript import Script

    script = Script(path, data)
    reads = extract_reads(script, settings.accessors)
    module = None
    if named or constructs_schema(data):
        module = lower_module(script, complete=False)
    return FileFacts(
        path,
        SOURCE.name,
        directives=_directives(path, data, script),
        usages=tuple(sorted({*reads.usages, *nuxt_runtime_reads(script)})),
        dynamic=tuple(reads.dynamic),
        opaque=tuple(reads.opaque),
        loads_env=_loads_env(data),
        provided=tuple(provided_by_build_config(script)),
        module=module,
        named_schema=named,
        env_exports=env_exports(script),
        imported_reads=tuple(reads.imported),
        env_accessors=tuple(reads.accessors),
        written=tuple(reads.written),
        env_constants=env_constants(script),
        imported_checks=tuple(reads.checks),
        config_fields=config_fields(script),
        member_names=upper_members(data) if module is not None else frozenset(),
        implicit=implicit,
    )


_BUILD_CONFIG = re.compile(r"^(next|vite|nuxt|astro|svelte|remix|vitest)\.config\.[cm]?[jt]s$")
_PROVIDED_QUERY = """
(pair key: [(property_identifier) (string)] @key value: (object) @object)
"""


_NUXT_CONFIG = re.compile(r"^nuxt\.config\.[cm]?[jt]s$")


def nuxt_runtime_reads(script: Script) -> Iterator[Usage]:
    """Nuxt sets each ``runtimeConfig`` key of ``nuxt.config`` from ``NUXT_<KEY>`` at run
    time (``openaiApiKey``: ``NUXT_OPENAI_API_KEY``; ``public.apiBase``:
    ``NUXT_PUBLIC_API_BASE``; nested keys joined by ``_``): a read with the config's value as
    its fallback."""
    if not _nuxt_runtime(script.path, script.data):
        return
    from .typescript import property_key

    for _, captures in script.matches(_PROVIDED_QUERY):
        if property_key(script, captures["key"][0]) == "runtimeConfig":
            yield from _runtime_keys(script, captures["object"][0], "NUXT_", 0)


def _runtime_keys(script: Script, node: Node, prefix: str, depth: int) -> Iterator[Usage]:
    from .code_usages import ENV_NAME

    for name, key in _object_keys(script, node):
        variable = prefix + _CASE_BOUNDARY.sub("_", name).replace("-", "_").upper()
        pair = script.parent_of(key)
        value = (
            pair.child_by_field_name("value") if pair is not None and pair.type == "pair" else None
        )
        if value is not None and value.type == "object" and depth < 3:
            yield from _runtime_keys(script, value, variable + "_", depth + 1)
        elif ENV_NAME.match(variable):
            yield Usage.classified(variable, script.location(key), "defaulted")


# scule's snakeCase, as Nuxt applies it: ``openaiApiKey`` -> ``openai_api_key``
_CASE_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


_DEFINED_KEY = re.compile(rb"""['"](?:process|import\.meta)\.env[.'"]""")
_DEFINE_QUERY = """
(pair key: (string) @key)
"""


def provided_by_build_config(script: Script) -> Iterator[Usage]:
    """Variables a build config sets for the code: Next.js ``env: { X: ... }``, Vite
    ``define: { "process.env.X": ... }`` / ``"import.meta.env.X"``; and in any file, an
    object key spelled ``"process.env.X"`` (webpack's ``DefinePlugin``, a bundler's
    ``replace``/``define`` map) or each key of an object defined as ``"process.env"``
    (``define: { "process.env": { X: ... } }``): a value the build puts in place of the read."""
    if not _BUILD_CONFIG.match(name_of(script.path)):
        yield from _defined(script)
        return
    from .typescript import property_key

    for _, captures in script.matches(_PROVIDED_QUERY):
        kind = property_key(script, captures["key"][0])
        if kind in _ENV_OBJECTS:
            yield from _keys_of(script, captures["object"][0])
        if kind not in ("env", "define"):
            continue
        for text, key in _object_keys(script, captures["object"][0]):
            name = text.rsplit(".", 1)[-1] if kind == "define" else text
            if kind == "define" and not text.startswith(("process.env.", "import.meta.env.")):
                continue
            yield Usage(name, script.location(key))


_ENV_OBJECTS = ("process.env", "import.meta.env")


def _object_keys(script: Script, node: Node) -> Iterator[tuple[str, Node]]:
    """The static keys of an object literal with their nodes (``{ A: 1, "b.c": 2, D }``; a
    spread or a computed key has none)."""
    from .typescript import property_key

    for child in node.named_children:
        key = child.child_by_field_name("key") if child.type == "pair" else child
        text = property_key(script, key) if key is not None else None
        if key is not None and text is not None:
            yield text, key


def _keys_of(script: Script, node: Node) -> Iterator[Usage]:
    """The names an object literal defines (``{ A: 1, B }``)."""
    for name, key in _object_keys(script, node):
        if name.isidentifier():
            yield Usage(name, script.location(key))


def _defined(script: Script) -> Iterator[Usage]:
    if b".env" not in script.data or not _DEFINED_KEY.search(script.data):
        return
    from .typescript import string_value

    for _, captures in script.matches(_DEFINE_QUERY):
        key = captures["key"][0]
        text = string_value(script, key) or ""
        name = text.rsplit(".", 1)[-1]
        if text in (f"process.env.{name}", f"import.meta.env.{name}") and name.isidentifier():
            yield Usage(name, script.location(key))
        value = key.parent.child_by_field_name("value") if key.parent is not None else None
        if text in _ENV_OBJECTS and value is not None and value.type == "object":
            yield from _keys_of(script, value)


# Auth.js (next-auth v5, @auth/*) reads each configured provider's settings itself, named
# after the provider's id: ``AUTH_<ID>_ID``, ``_SECRET``, ``_ISSUER`` (OIDC), ``_KEY``.
_AUTH_PROVIDER = re.compile(AUTH_PROVIDER_MODULE.encode())


def _names_auth_provider(data: bytes) -> bool:
    return b"/providers/" in data and _AUTH_PROVIDER.search(data) is not None


def auth_provider_variables(path: str, data: bytes) -> Iterator[ImplicitVar]:
    """``import GitHub from "next-auth/providers/github"``: Auth.js reads
    ``AUTH_GITHUB_ID`` and ``AUTH_GITHUB_SECRET`` for it."""
    if b"/providers/" not in data:
        return
    for provider in sorted({hit.group(1).decode() for hit in _AUTH_PROVIDER.finditer(data)}):
        for name in auth_provider_settings(provider):
            yield ImplicitVar(name, "next-auth", path)


def _loads_env(data: bytes) -> bool:
    """The code loads an env file itself: dotenv, Node's ``loadEnvFile``, ``@next/env``."""
    if b"dotenv" in data:
        return b"dotenv/config" in data or b"config(" in data
    return b"loadEnvFile(" in data or b"loadEnvConfig(" in data


def _directives(path: str, data: bytes, script: Script | None) -> tuple[Directive, ...]:
    if MARKER_BYTES not in data:
        return ()
    text = decode(data, path)
    if isinstance(text, ParseFailure):
        return ()
    same = script is not None and text.text.encode("utf-8") == data
    return directives_in(path, text.text, script if same else None)


SOURCE = Source("script", _claims, _parse, prefilter=_wanted, words="code", strict=named_schema)


def load_module(path: str, data: bytes) -> Module | None:
    """The complete module facts of a file another module imports from (None: unreadable)."""
    if is_binary(data):
        return None
    from .ts_module import lower_module
    from .typescript import Script

    return lower_module(Script(path, data), complete=True)
