"""zod env schemas: ``z.object({...})`` whose result is parsed from ``process.env``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tree_sitter import Node

from ..model import Constraints, Location, Schema, SchemaVar
from .typescript import Source, is_process_env, literal, property_key, string_value, unwrap

PARSE_METHODS = frozenset({"parse", "safeParse", "parseAsync", "safeParseAsync"})
_TRANSPARENT = frozenset({"strict", "passthrough", "strip", "catchall", "readonly", "describe"})
_OPTIONAL = frozenset({"optional", "nullable", "nullish"})
_DEFAULTS = frozenset({"default", "catch", "prefault"})
_FORMATS = frozenset({"url", "email", "uuid"})
_MAX_DEPTH = 16


@dataclass
class _Wiring:
    keys: frozenset[str] | None  # None: the whole process.env is passed
    location: Location


@dataclass
class _Var:
    type: str = "unknown"
    optional: bool = False
    has_default: bool = False
    default_known: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    limits: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    expression: str = ""


class ZodFile:
    """One parsed TS/JS file; ``schemas()`` returns every schema parsed from ``process.env``."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.decls: dict[str, Node] = {}
        self.zod_names = {"z"}
        self.parse_calls: list[Node] = []
        for node in src.walk():
            self._index(node)

    def _index(self, node: Node) -> None:
        src = self.src
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                self.decls.setdefault(src.text(name), value)
        elif node.type == "import_statement":
            source = node.child_by_field_name("source")
            if source is not None and (string_value(src, source) or "").startswith("zod"):
                for child in node.named_children:
                    if child.type == "import_clause":
                        self._zod_imports(child)
        elif node.type == "call_expression":
            function = node.child_by_field_name("function")
            if function is not None and function.type == "member_expression":
                prop = function.child_by_field_name("property")
                if prop is not None and src.text(prop) in PARSE_METHODS:
                    self.parse_calls.append(node)

    def _zod_imports(self, clause: Node) -> None:
        """``import { z as zz }``, ``import * as z``, ``import z from "zod"``."""
        for child in clause.named_children:
            if child.type == "identifier":
                self.zod_names.add(self.src.text(child))
            elif child.type == "namespace_import":
                self.zod_names.update(self.src.text(c) for c in child.named_children)
            elif child.type == "named_imports":
                for spec in child.named_children:
                    alias = spec.child_by_field_name("alias") or spec.child_by_field_name("name")
                    if alias is not None and self.src.text(spec).split()[0] == "z":
                        self.zod_names.add(self.src.text(alias))

    # --- which z.object is parsed from where -------------------------------------------------

    def schemas(self) -> list[Schema]:
        found: dict[int, tuple[Node, _Wiring]] = {}
        for call in self.parse_calls:
            function = call.child_by_field_name("function")
            arguments = call.child_by_field_name("arguments")
            if function is None or arguments is None or not arguments.named_children:
                continue
            obj = self._resolve_object(function.child_by_field_name("object"), 0)
            wiring = self._wiring(arguments.named_children[0], 0)
            if obj is None or wiring is None:
                continue
            previous = found.get(obj.start_byte)
            if previous is None or wiring.keys is None:
                found[obj.start_byte] = (obj, wiring)
        return [self._schema(obj, wiring) for obj, wiring in found.values()]

    def _resolve_object(self, node: Node | None, depth: int) -> Node | None:
        node = unwrap(node)
        if node is None or depth > _MAX_DEPTH:
            return None
        if node.type == "identifier":
            return self._resolve_object(self.decls.get(self.src.text(node)), depth + 1)
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            return None
        prop = self._prop(function)
        target = function.child_by_field_name("object")
        if prop == "object" and self._is_zod(target):
            return node
        if prop in _TRANSPARENT:
            return self._resolve_object(target, depth + 1)
        return None

    def _wiring(self, node: Node | None, depth: int) -> _Wiring | None:
        node = unwrap(node)
        if node is None or depth > _MAX_DEPTH:
            return None
        location = self.src.location(node)
        if is_process_env(self.src, node):
            return _Wiring(None, location)
        if node.type == "identifier":
            return self._wiring(self.decls.get(self.src.text(node)), depth + 1)
        if node.type != "object":
            return None
        keys: set[str] = set()
        for child in node.named_children:
            if child.type == "spread_element":
                return _Wiring(None, location)  # ...process.env or anything else: all wired
            key_node = child.child_by_field_name("key") if child.type == "pair" else child
            key = property_key(self.src, key_node)
            if key is not None:
                keys.add(key)
        return _Wiring(frozenset(keys), location)

    def _schema(self, obj: Node, wiring: _Wiring) -> Schema:
        src = self.src
        arguments = obj.child_by_field_name("arguments")
        shape = (
            unwrap(arguments.named_children[0]) if arguments and arguments.named_children else None
        )
        variables: list[SchemaVar] = []
        if shape is not None and shape.type == "object":
            for member in shape.named_children:
                variable = self._member(member)
                if variable is not None:
                    variables.append(variable)
        return Schema(
            path=src.path,
            location=src.location(obj),
            variables=tuple(variables),
            wired=wiring.keys,
            wiring_location=wiring.location if wiring.keys is not None else None,
        )

    def _member(self, member: Node) -> SchemaVar | None:
        if member.type == "pair":
            key_node = member.child_by_field_name("key")
            value = member.child_by_field_name("value")
        elif member.type == "shorthand_property_identifier":
            key_node = member
            value = self.decls.get(self.src.text(member))
        else:
            return None
        name = property_key(self.src, key_node)
        if name is None or key_node is None:
            return None
        info = self._analyze(value)
        return SchemaVar(
            name=name,
            location=self.src.location(key_node),
            type=info.type,
            required=not (info.optional or info.has_default),
            has_default=info.has_default,
            default=info.default if info.default_known else None,
            default_known=info.default_known,
            choices=info.choices,
            constraints=_constraints(info.limits),
            description=info.description,
            expression=info.expression,
        )

    # --- one key's call chain ----------------------------------------------------------------

    def _analyze(self, value: Node | None) -> _Var:
        info = _Var()
        chain: list[tuple[str, Node | None]] = []
        node = unwrap(value)
        depth = 0
        while node is not None and depth <= _MAX_DEPTH:
            depth += 1
            if node.type == "identifier":
                node = unwrap(self.decls.get(self.src.text(node)))
                continue
            if node.type != "call_expression":
                break
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if function is None or function.type != "member_expression":
                break
            prop = self._prop(function)
            target = function.child_by_field_name("object")
            if self._is_zod(target):
                self._base(info, prop, arguments, coerce=False)
                break
            if self._is_zod_coerce(target):
                self._base(info, prop, arguments, coerce=True)
                break
            chain.append((prop, arguments))
            node = unwrap(target)
        for method, arguments in reversed(chain):
            self._modifier(info, method, arguments)
        return info

    def _base(self, info: _Var, base: str, arguments: Node | None, *, coerce: bool) -> None:
        args = arguments.named_children if arguments is not None else []
        shown = "[...]" if base in ("enum", "union") else ("..." if args else "")
        info.expression = f"z.{'coerce.' if coerce else ''}{base}({shown})"
        if base in ("string", "date", "datetime", "cuid", "cuid2", "ulid", "nanoid", "jwt"):
            info.type = "string"
        elif base in ("number", "bigint", "int", "float", "int32", "float64"):
            info.type = "number"
            info.limits["integer"] = base in ("int", "int32", "bigint")
        elif base in ("boolean", "stringbool"):
            info.type = "boolean"
        elif base in _FORMATS:
            info.type = base
        elif base in ("enum", "nativeEnum") and args:
            info.choices = self._strings(args[0])
            info.type = "enum" if info.choices else "unknown"
        elif base == "literal" and args:
            known, value = literal(self.src, args[0])
            info.type = "enum" if known and value is not None else "unknown"
            info.choices = (_as_text(value),) if info.type == "enum" else ()
        elif base == "union" and args:
            self._union(info, args[0])
        elif base == "preprocess" and len(args) > 1:
            inner = self._analyze(args[1])
            inner.expression = info.expression
            info.__dict__.update(inner.__dict__)

    def _union(self, info: _Var, options: Node) -> None:
        choices: list[str] = []
        options = unwrap(options) or options
        for option in options.named_children if options.type == "array" else []:
            inner = self._analyze(option)
            if inner.type != "enum":
                return
            choices.extend(inner.choices)
        info.type, info.choices = ("enum", tuple(choices)) if choices else ("unknown", ())

    def _modifier(self, info: _Var, method: str, arguments: Node | None) -> None:
        args = arguments.named_children if arguments is not None else []
        if method in _OPTIONAL:
            info.optional = True
        elif method in _DEFAULTS:
            info.has_default = True
            known, value = literal(self.src, args[0]) if args else (False, None)
            info.default_known, info.default = known, value
        elif method in ("min", "gte", "max", "lte", "length") and args:
            known, value = literal(self.src, args[0])
            if known and isinstance(value, (int, float)) and not isinstance(value, bool):
                key = {"gte": "min", "lte": "max"}.get(method, method)
                info.limits[key] = value
        elif method in ("startsWith", "endsWith") and args:
            value = string_value(self.src, args[0])
            if value is not None:
                info.limits[method] = value
        elif method in ("int", "positive", "nonnegative"):
            info.limits["integer" if method == "int" else method] = True
        elif method in _FORMATS and info.type == "string":
            info.type = method
        elif method == "describe" and args:
            info.description = string_value(self.src, args[0])

    def _strings(self, node: Node | None) -> tuple[str, ...]:
        node = unwrap(node)
        if node is not None and node.type == "identifier":
            node = unwrap(self.decls.get(self.src.text(node)))
        if node is None or node.type not in ("array", "object"):
            return ()
        values: list[str] = []
        for child in node.named_children:
            item = child.child_by_field_name("value") if child.type == "pair" else child
            text = string_value(self.src, item)
            if text is None:
                return ()
            values.append(text)
        return tuple(values)

    # --- small helpers -----------------------------------------------------------------------

    def _prop(self, member: Node) -> str:
        prop = member.child_by_field_name("property")
        return self.src.text(prop) if prop is not None else ""

    def _is_zod(self, node: Node | None) -> bool:
        node = unwrap(node)
        return (
            node is not None and node.type == "identifier" and self.src.text(node) in self.zod_names
        )

    def _is_zod_coerce(self, node: Node | None) -> bool:
        node = unwrap(node)
        if node is None or node.type != "member_expression":
            return False
        return self._prop(node) == "coerce" and self._is_zod(node.child_by_field_name("object"))


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _constraints(limits: dict[str, Any]) -> Constraints:
    return Constraints(
        min=limits.get("min"),
        max=limits.get("max"),
        length=limits.get("length"),
        starts_with=limits.get("startsWith"),
        ends_with=limits.get("endsWith"),
        integer=bool(limits.get("integer")),
        positive=bool(limits.get("positive")),
        nonnegative=bool(limits.get("nonnegative")),
    )


def extract_schemas(src: Source) -> list[Schema]:
    return ZodFile(src).schemas()
