"""TypeScript declarations of the environment: ``interface ProcessEnv`` (in ``declare namespace
NodeJS`` or ``declare global``) and Vite's ``interface ImportMetaEnv``, in ``.d.ts`` files such
as ``env.d.ts`` or ``vite-env.d.ts``. A declared property is a declared variable; ``X?:`` (or
``X: string | undefined``) is optional, ``X:`` required (types only: nothing validates them at
run time). Vite's own keys of
``import.meta.env`` (``DEV``, ``PROD``, ``MODE``, ``BASE_URL``, ``SSR``) are set by Vite, not
by the environment, and declare nothing."""

from __future__ import annotations

from ..model import FileFacts, Location, Schema, SchemaVar
from .base import Settings, Source, text_parser

_INTERFACES = (b"ProcessEnv", b"ImportMetaEnv")
_VITE_BUILT_INS = frozenset({"DEV", "PROD", "MODE", "BASE_URL", "SSR"})
_QUERY = """
(interface_declaration
  name: (type_identifier) @name (#any-of? @name "ProcessEnv" "ImportMetaEnv")
  body: (interface_body) @body) @interface
"""


def _may_be_unset(annotation: str) -> bool:
    """``X: string | undefined``: a union with ``undefined`` says the variable may be unset."""
    return "undefined" in annotation.replace("|", " ").split()


def _claims(rel: str, settings: Settings) -> bool:
    return rel.endswith((".d.ts", ".d.mts", ".d.cts"))


def _wanted(path: str, data: bytes, settings: Settings) -> bool:
    return any(name in data for name in _INTERFACES)


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    from .typescript import Script, property_key

    script = Script(path, text.encode("utf-8"))
    schemas = []
    for _, captures in script.matches(_QUERY):
        interface = script.text(captures["name"][0])
        built_in = _VITE_BUILT_INS if interface == "ImportMetaEnv" else frozenset()
        variables = []
        for member in captures["body"][0].named_children:
            if member.type != "property_signature":
                continue
            key = member.child_by_field_name("name")
            name = property_key(script, key) if key is not None else None
            if name is None or key is None or name in built_in:
                continue
            optional = any(c.type == "?" for c in member.children) or _may_be_unset(
                script.text(member.child_by_field_name("type") or member)
            )
            variables.append(
                SchemaVar(
                    name,
                    script.location(key),
                    "string",
                    required=not optional,
                    expression=f"{interface} declaration",
                )
            )
        location: Location = script.location(captures["interface"][0])
        schemas.append(Schema(path, location, tuple(variables), kind="typescript"))
    return FileFacts(path, "ts-declaration", schemas=tuple(schemas))


SOURCE = Source(
    "ts-declaration",
    _claims,
    text_parser("ts-declaration", _read),
    prefilter=_wanted,
    strict=False,
    words="code",
)
