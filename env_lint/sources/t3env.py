"""t3-env: ``createEnv({ server, client, shared, runtimeEnv | experimental__runtimeEnv,
clientPrefix })`` from ``@t3-oss/env-nextjs`` / ``env-core`` / ``env-nuxt``."""

from __future__ import annotations

from tree_sitter import Node

from ..model import Location, Schema, SchemaVar
from .typescript import is_process_env, property_key, string_value, unwrap
from .zod import ZodFile, member_var

_SECTIONS = ("server", "client", "shared")
_DEFAULT_PREFIX = {"@t3-oss/env-nextjs": "NEXT_PUBLIC_", "@t3-oss/env-nuxt": "NUXT_PUBLIC_"}


def extract_t3(file: ZodFile) -> list[Schema]:
    found = []
    for call in file.calls:
        function = unwrap(call.child_by_field_name("function"))
        if function is None or function.type != "identifier":
            continue
        local = file.src.text(function)
        source, name = file.imports.get(local, ("", local))
        if name != "createEnv" or (source and not source.startswith("@t3-oss/env")):
            continue
        arguments = call.child_by_field_name("arguments")
        options = (
            unwrap(arguments.named_children[0]) if arguments and arguments.named_children else None
        )
        if options is None or options.type != "object":
            file.note(call, "createEnv() with options env-lint cannot read")
            continue
        found.append(_schema(file, call, options, _DEFAULT_PREFIX.get(source)))
    return found


def _schema(file: ZodFile, call: Node, options: Node, default_prefix: str | None) -> Schema:
    pairs: dict[str | None, Node | None] = {}
    for child in options.named_children:
        if child.type == "pair":
            key = property_key(file.src, child.child_by_field_name("key"))
            pairs[key] = child.child_by_field_name("value")
        elif child.type == "shorthand_property_identifier":  # createEnv({ server, client })
            pairs[file.src.text(child)] = child
    variables: list[SchemaVar] = []
    for section in _SECTIONS:
        value = pairs.get(section)
        if value is None:
            continue
        members = file.shape(value, 0)
        if members is None:
            file.note(value, f"a createEnv `{section}` object env-lint cannot read")
            continue
        variables.extend(member_var(m, section) for m in members)
    runtime, where, client_only = _runtime_env(file, pairs)
    prefix = string_value(file.src, pairs.get("clientPrefix")) or default_prefix
    return Schema(
        path=file.src.path,
        location=file.src.location(call),
        variables=tuple(variables),
        kind="t3-env",
        runtime_env=runtime,
        runtime_env_location=where,
        runtime_env_client_only=client_only,
        client_prefix=prefix,
    )


def _runtime_env(
    file: ZodFile, pairs: dict[str | None, Node | None]
) -> tuple[tuple[tuple[str, Location], ...] | None, Location | None, bool]:
    client_only = "experimental__runtimeEnv" in pairs and "runtimeEnv" not in pairs
    node = unwrap(pairs.get("runtimeEnv") or pairs.get("experimental__runtimeEnv"))
    if node is None or is_process_env(file.src, node):
        return None, None, client_only
    if node.type == "identifier":
        found = file.lookup(file.src.text(node))
        node = unwrap(found[1]) if found and found[0] is file else None
        if node is None or is_process_env(file.src, node):
            return None, None, client_only
    if node.type != "object":
        return None, None, client_only
    keys = []
    for child in node.named_children:
        if child.type == "spread_element":
            return None, None, client_only  # ...process.env: every key is passed
        key_node = child.child_by_field_name("key") if child.type == "pair" else child
        key = property_key(file.src, key_node)
        if key is not None and key_node is not None:
            keys.append((key, file.src.location(key_node)))
    return tuple(keys), file.src.location(node), client_only
