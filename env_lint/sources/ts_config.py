"""How a JS/TS module hands the environment on: exported whole (``export default
withFileSecrets(process.env)``, ``export const env = process.env``), or as the fields of a
decorated config class (class-validator).

Both are per-file facts; what they mean is decided across files (``project/crossfile.py``): an
importer's ``environment.X`` is a read of ``X`` only when the module it imports exports the
environment, and a class field declares the variables read inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tree_sitter import Node

from ..model import ConfigField
from .typescript import Script, unwrap

_ENV_OBJECTS = frozenset({"process.env", "import.meta.env", "Bun.env"})
_DECLARATIONS = ("lexical_declaration", "variable_declaration")
_CALLS = ("call_expression", "new_expression")
_OPTIONAL = frozenset({"IsOptional", "ValidateIf"})
_REQUIRED = frozenset({"IsNotEmpty", "IsDefined"})
# ``plainToInstance(EnvClass, config)``: the class whose fields are the variables.
_VALIDATED = re.compile(rb"\bplainTo(?:Instance|Class)\s*\(\s*([A-Za-z_$][A-Za-z0-9_$]*)")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def env_exports(src: Script) -> tuple[tuple[str, bool], ...]:
    """The exported names whose value is the environment object, and whether it is wrapped:
    the object itself or one spreading it (not wrapped), a call or ``new`` with it as the first
    argument (wrapped), or a top-level constant holding one of those."""
    if b"export" not in src.data:
        return ()
    tops = dict(_top_declarations(src))
    found: list[tuple[str, bool]] = []
    for name, expr in _exported(src, tops):
        kind = _is_env(src, expr, tops)
        if kind is not None:
            found.append((name, kind == "wrapped"))
    return tuple(sorted(set(found)))


def _exported(src: Script, tops: dict[str, Node]) -> Iterator[tuple[str, Node | None]]:
    """Each exported name and its value: ``export default X``, ``export const X = ...``,
    ``export { X as Y }`` (a top-level constant's value)."""
    for node in src.tree.root_node.named_children:
        if node.type != "export_statement":
            continue
        value = node.child_by_field_name("value")
        if value is not None:
            yield (
                "default",
                tops.get(src.text(value), value) if value.type == "identifier" else value,
            )
        declaration = node.child_by_field_name("declaration")
        if declaration is not None and declaration.type in _DECLARATIONS:
            yield from _declarators(src, declaration)
        for clause in (c for c in node.named_children if c.type == "export_clause"):
            for spec in clause.named_children:
                local = spec.child_by_field_name("name")
                alias = spec.child_by_field_name("alias") or local
                if local is not None and alias is not None:
                    yield src.text(alias), tops.get(src.text(local))


def _top_declarations(src: Script) -> Iterator[tuple[str, Node]]:
    for node in src.tree.root_node.named_children:
        if node.type == "export_statement":
            node = node.child_by_field_name("declaration") or node
        if node.type in _DECLARATIONS:
            yield from _declarators(src, node)


def _declarators(src: Script, declaration: Node) -> Iterator[tuple[str, Node]]:
    for child in declaration.named_children:
        name = child.child_by_field_name("name")
        value = child.child_by_field_name("value")
        if child.type != "variable_declarator" or value is None:
            continue
        if name is not None and name.type == "identifier":
            yield src.text(name), value


def _is_env(src: Script, node: Node | None, tops: dict[str, Node], depth: int = 0) -> str | None:
    """``"env"`` (the environment itself, or an object spreading it), ``"wrapped"`` (passed
    through a call env-lint does not know: its result may hold other keys) or None."""
    node = unwrap(node)
    if node is None or depth > 4:
        return None
    if node.type == "member_expression":
        return "env" if "".join(src.text(node).split()) in _ENV_OBJECTS else None
    if node.type in _CALLS:
        arguments = node.child_by_field_name("arguments")
        args = arguments.named_children if arguments is not None else []
        return "wrapped" if args and _is_env(src, args[0], tops, depth + 1) else None
    if node.type == "object":
        spreads = [c for c in node.named_children if c.type == "spread_element"]
        kinds = {_is_env(src, s.named_children[0], tops, depth + 1) for s in spreads}
        return "env" if "env" in kinds else "wrapped" if "wrapped" in kinds else None
    if node.type == "identifier" and src.text(node) in tops:
        return _is_env(src, tops[src.text(node)], tops, depth + 1)
    return None


def env_constants(src: Script) -> tuple[tuple[str, str], ...]:
    """Exported values that hold one variable's value as read: a constant (``export const
    STRIPE_KEY = process.env.STRIPE_KEY!``: ``("STRIPE_KEY", "STRIPE_KEY")``) or a property of
    an exported object literal, at any depth (``export default { smtp: { host:
    process.env.SMTP_HOST } }``: ``("default.smtp.host", "SMTP_HOST")``). An importer that
    checks the constant or the property checks the variable (``project/crossfile.py``)."""
    if b"export" not in src.data:
        return ()
    found: list[tuple[str, str]] = []
    for name, value in _exported(src, dict(_top_declarations(src))):
        variable = _env_member(src, value)
        if variable is not None:
            found.append((name, variable))
        elif (node := unwrap(value)) is not None and node.type == "object":
            found += _object_members(src, name, node, 0)
    return tuple(sorted(set(found)))


def _object_members(src: Script, path: str, node: Node, depth: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for pair in node.named_children:
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is None or key.type not in ("property_identifier", "string"):
            continue
        here = path + "." + src.text(key).strip("\"'")
        value = unwrap(pair.child_by_field_name("value"))
        variable = _env_member(src, value)
        if variable is not None:
            found.append((here, variable))
        elif value is not None and value.type == "object" and depth < 4:
            found += _object_members(src, here, value, depth + 1)
    return found


def _env_member(src: Script, node: Node | None) -> str | None:
    """``process.env.X`` (or ``process.env["X"]``, through parentheses, ``!`` and casts)."""
    node = unwrap(node)
    if node is None or node.type not in ("member_expression", "subscript_expression"):
        return None
    obj = node.child_by_field_name("object")
    if obj is None or "".join(src.text(obj).split()) not in _ENV_OBJECTS:
        return None
    key = node.child_by_field_name("property") or node.child_by_field_name("index")
    name = src.text(key).strip("\"'`") if key is not None else ""
    return name if _ENV_NAME.match(name) else None


def config_fields(src: Script) -> tuple[ConfigField, ...]:
    """The fields of the classes that use class-validator decorators. A field with a value
    declares the variables read inside it; a field of a class the module validates as the
    environment (``plainToInstance(Env, config)``) is a variable by its own name."""
    if b"class-validator" not in src.data:
        return ()
    validated = {m.group(1).decode() for m in _VALIDATED.finditer(src.data)}
    found: list[ConfigField] = []
    for node in src.tree.root_node.named_children:
        if node.type == "export_statement":
            node = node.child_by_field_name("declaration") or node
        if node.type != "class_declaration":
            continue
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name is None or body is None:
            continue
        fields = [c for c in body.named_children if c.type == "public_field_definition"]
        if not any(_decorators(src, f) for f in fields):
            continue
        whole = src.text(name) in validated
        found += [f for f in (_field(src, c, node, whole) for c in fields) if f is not None]
    return tuple(found)


def _decorators(src: Script, field: Node) -> list[str]:
    names = []
    for child in field.children:
        if child.type != "decorator" or not child.named_children:
            continue
        target = child.named_children[0]
        if target.type == "call_expression":
            target = target.child_by_field_name("function") or target
        names.append(src.text(target).rsplit(".", 1)[-1])
    return names


def _field(src: Script, field: Node, owner: Node, whole: bool) -> ConfigField | None:
    key = field.child_by_field_name("name")
    if key is None:
        return None
    decorators = set(_decorators(src, field))
    optional = bool(decorators & _OPTIONAL) or any(c.type == "?" for c in field.children)
    own = src.text(key)
    value = field.child_by_field_name("value")
    if whole and decorators and _ENV_NAME.match(own):
        name, required = own, not optional and value is None
    elif value is not None:
        name, required = None, bool(decorators & _REQUIRED) and not optional
    else:
        return None
    end, owned = src.end_location(field), src.location(owner)
    return ConfigField(src.location(key), end, name, optional, required, owned, own)
