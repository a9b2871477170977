"""envalid: ``cleanEnv(process.env, { X: str({ default, devDefault, choices, desc }) })``."""

from __future__ import annotations

from dataclasses import replace

from tree_sitter import Node

from ..model import Constraints, Schema, SchemaVar
from .typescript import is_process_env, literal, property_key, string_value, unwrap
from .zod import ZodFile

_TYPES = {
    "str": "string",
    "num": "number",
    "bool": "boolean",
    "port": "number",
    "url": "url",
    "email": "email",
    "host": "string",
    "json": "unknown",
}


def extract_envalid(file: ZodFile) -> list[Schema]:
    found = []
    for call in file.calls:
        function = unwrap(call.child_by_field_name("function"))
        if function is None:
            continue
        name = file.src.text(function).rsplit(".", 1)[-1]
        source = file.imports.get(file.src.text(function), ("envalid", name))[0]
        if name != "cleanEnv" or source != "envalid":
            continue
        arguments = call.child_by_field_name("arguments")
        args = list(arguments.named_children) if arguments is not None else []
        if len(args) < 2 or not _from_process_env(file, args[0]):
            file.note(call, "cleanEnv() env-lint cannot read (not process.env, or no spec)")
            continue
        spec = unwrap(args[1])
        if spec is not None and spec.type == "identifier":
            resolved = file.lookup(file.src.text(spec))
            spec = unwrap(resolved[1]) if resolved and resolved[0] is file else None
        if spec is None or spec.type != "object":
            file.note(call, "a cleanEnv() spec env-lint cannot read")
            continue
        variables = _spec(file, spec, conditional=False)
        found.append(
            Schema(file.src.path, file.src.location(call), tuple(variables), kind="envalid")
        )
    return found


def _from_process_env(file: ZodFile, arg: Node) -> bool:
    node = unwrap(arg)
    if node is not None and node.type == "identifier":
        resolved = file.lookup(file.src.text(node))
        node = unwrap(resolved[1]) if resolved and resolved[0] is file else None
    return node is not None and is_process_env(file.src, node)


def _spec(file: ZodFile, spec: Node, *, conditional: bool) -> list[SchemaVar]:
    variables: list[SchemaVar] = []
    for child in spec.named_children:
        if child.type == "spread_element":
            variables.extend(_spread(file, child))
            continue
        if child.type != "pair":
            continue
        key = child.child_by_field_name("key")
        name = property_key(file.src, key)
        if name is None or key is None:
            continue
        var = _validator(file, name, key, child.child_by_field_name("value"))
        variables.append(
            replace(var, conditional=var.conditional or (conditional and var.required))
        )
    return variables


def _spread(file: ZodFile, node: Node) -> list[SchemaVar]:
    """``...(isProd ? { X: str() } : {})``: keys present in some configurations only."""
    inner = unwrap(node.named_children[0]) if node.named_children else None
    if inner is not None and inner.type == "ternary_expression":
        found: list[SchemaVar] = []
        for side in ("consequence", "alternative"):
            branch = unwrap(inner.child_by_field_name(side))
            if branch is not None and branch.type == "object":
                found.extend(_spec(file, branch, conditional=True))
        return found
    if inner is not None and inner.type == "identifier":
        resolved = file.lookup(file.src.text(inner))
        target = unwrap(resolved[1]) if resolved and resolved[0] is file else None
        if target is not None and target.type == "object":
            return _spec(file, target, conditional=False)
    file.note(node, "a spread env-lint cannot follow")
    return []


def _validator(file: ZodFile, name: str, key: Node, value: Node | None) -> SchemaVar:
    value = unwrap(value)
    validator, options = "", None
    if value is not None and value.type == "call_expression":
        function = value.child_by_field_name("function")
        validator = file.src.text(function).rsplit(".", 1)[-1] if function is not None else ""
        arguments = value.child_by_field_name("arguments")
        first = (
            unwrap(arguments.named_children[0]) if arguments and arguments.named_children else None
        )
        options = first if first is not None and first.type == "object" else None
    opts = {
        property_key(file.src, p.child_by_field_name("key")): p.child_by_field_name("value")
        for p in (options.named_children if options is not None else [])
        if p.type == "pair"
    }
    has_default = "default" in opts
    known, default = literal(file.src, opts["default"]) if has_default else (False, None)
    choices = _choices(file, opts.get("choices"))
    kind = "enum" if choices else _TYPES.get(validator, "unknown")
    return SchemaVar(
        name=name,
        location=file.src.location(key),
        type=kind,
        required=not has_default,
        has_default=has_default,
        default=default if known else None,
        default_known=known and default is not None,
        choices=choices,
        constraints=Constraints(
            integer=validator == "port",
            min=1 if validator == "port" else None,
            max=65535 if validator == "port" else None,
        ),
        description=string_value(file.src, opts.get("desc")),
        expression=f"{validator}()" if validator else "",
        conditional="devDefault" in opts and not has_default,
    )


def _choices(file: ZodFile, node: Node | None) -> tuple[str, ...]:
    node = unwrap(node)
    if node is None or node.type != "array":
        return ()
    values = []
    for item in node.named_children:
        known, value = literal(file.src, item)
        if not known:
            return ()
        values.append("true" if value is True else "false" if value is False else str(value))
    return tuple(values)
