"""zod env schemas: ``z.object({...})`` (and what is built from it) parsed from ``process.env``.

Understood: ``.extend()``, ``.merge()``, ``.pick()``, ``.omit()``, ``.partial()``,
``.required()``, ``.strict()`` and friends; spreads of local shapes (``...base.shape``,
``...serverVars``), also from relative imports; unions and discriminated unions of objects;
``cond ? z.string() : z.string().optional()`` (conditionally required); every common chain
(``.optional()``, ``.default()``, ``.catch()``, ``.prefault()``, ``z.coerce.*``,
``z.preprocess``, ``.transform``, ``.refine``, ``.pipe``, ``z.stringbool()``, ``z.enum`` over a
local ``as const`` array, ``z.nativeEnum``...). What it cannot read it reports as
``unrecognized`` (file, line, what), never silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from tree_sitter import Node

from ..model import Constraints, Location, Schema, SchemaVar
from .typescript import Source, is_process_env, literal, property_key, string_value, unwrap

PARSE_METHODS = frozenset({"parse", "safeParse", "parseAsync", "safeParseAsync"})
_TRANSPARENT = frozenset(
    {
        "strict",
        "passthrough",
        "strip",
        "catchall",
        "readonly",
        "describe",
        "brand",
        "superRefine",
        "refine",
        "transform",
        "check",
        "loose",
    }
)
_OPTIONAL = frozenset({"optional", "nullable", "nullish"})
_DEFAULTS = frozenset({"default", "catch", "prefault"})
_FORMATS = frozenset({"url", "email", "uuid"})
_MAX_DEPTH = 24

Resolver = Callable[[str, str], "ZodFile | None"]  # (from path, import specifier) -> file


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
    conditional: bool = False


@dataclass(frozen=True)
class Member:
    """One key of a resolved shape, with the file whose syntax tree holds it."""

    file: ZodFile
    name: str
    key: Node
    value: Node | None
    optional: bool | None = None  # forced by .partial() / .required()
    conditional: bool = False  # present or required in some branches only


class ZodFile:
    """One parsed TS/JS file; ``schemas()`` returns every schema parsed from ``process.env``."""

    def __init__(self, src: Source, resolver: Resolver | None = None) -> None:
        self.src = src
        self.resolver = resolver
        self.decls: dict[str, Node] = {}
        self.imports: dict[str, tuple[str, str]] = {}  # local name -> (specifier, exported name)
        self.zod_names = {"z"}
        self.parse_calls: list[Node] = []
        self.calls: list[Node] = []
        self.unrecognized: list[tuple[Location, str]] = []
        for node in src.walk():
            self._index(node)

    def _index(self, node: Node) -> None:
        src = self.src
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                self.decls.setdefault(src.text(name), value)
        elif node.type == "enum_declaration":
            name, body = node.child_by_field_name("name"), node.child_by_field_name("body")
            if name is not None and body is not None:
                self.decls.setdefault(src.text(name), body)
        elif node.type == "import_statement":
            self._import(node)
        elif node.type == "call_expression":
            self.calls.append(node)
            function = node.child_by_field_name("function")
            if function is not None and function.type == "member_expression":
                prop = function.child_by_field_name("property")
                if prop is not None and src.text(prop) in PARSE_METHODS:
                    self.parse_calls.append(node)

    def _import(self, node: Node) -> None:
        source = string_value(self.src, node.child_by_field_name("source")) or ""
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for child in clause.named_children:
            if child.type == "identifier":
                local = self.src.text(child)
                self.imports[local] = (source, "default")
                if source.startswith("zod"):
                    self.zod_names.add(local)
            elif child.type == "namespace_import":
                for ident in child.named_children:
                    if source.startswith("zod"):
                        self.zod_names.add(self.src.text(ident))
            elif child.type == "named_imports":
                for spec in child.named_children:
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or name
                    if name is None or alias is None:
                        continue
                    self.imports[self.src.text(alias)] = (source, self.src.text(name))
                    if source.startswith("zod") and self.src.text(name) == "z":
                        self.zod_names.add(self.src.text(alias))

    # --- following identifiers, also into relative imports ----------------------------------

    def lookup(self, name: str) -> tuple[ZodFile, Node] | None:
        if name in self.decls:
            return self, self.decls[name]
        imported = self.imports.get(name)
        if imported is None or self.resolver is None or not imported[0].startswith("."):
            return None
        other = self.resolver(self.src.path, imported[0])
        if other is None or imported[1] not in other.decls:
            return None
        return other, other.decls[imported[1]]

    def note(self, node: Node, reason: str) -> None:
        self.unrecognized.append((self.src.location(node), reason))

    # --- which schema is parsed from where ----------------------------------------------------

    def schemas(self) -> list[Schema]:
        found: dict[int, tuple[Node, list[Member], _Wiring]] = {}
        for call in self.parse_calls:
            function = call.child_by_field_name("function")
            arguments = call.child_by_field_name("arguments")
            if function is None or arguments is None or not arguments.named_children:
                continue
            wiring = self._wiring(arguments.named_children[0], 0)
            if wiring is None:
                continue  # parsed from something else than process.env: not an env schema
            target = function.child_by_field_name("object")
            members = self.shape(target, 0)
            if members is not None and self._prop(function).startswith("safe"):
                # safeParse: an optional group, used only when it validates
                members = [replace(m, conditional=True) for m in members]
            if members is None:
                if target is not None:
                    self.note(target, "a schema parsed from process.env that env-lint cannot read")
                continue
            key = target.start_byte if target is not None else call.start_byte
            previous = found.get(key)
            if previous is None or wiring.keys is None:
                found[key] = (target or call, members, wiring)
        return [self._schema(node, members, wiring) for node, members, wiring in found.values()]

    def shape(self, node: Node | None, depth: int) -> list[Member] | None:
        """The keys of a zod object schema expression, or None when it is not one."""
        node = unwrap(node)
        if node is None or depth > _MAX_DEPTH:
            return None
        if node.type in ("identifier", "shorthand_property_identifier"):
            found = self.lookup(self.src.text(node))
            return found[0].shape(found[1], depth + 1) if found else None
        if node.type == "member_expression" and self._prop(node) == "shape":
            return self.shape(node.child_by_field_name("object"), depth + 1)
        if node.type == "object":
            return self._object_members(node, depth)
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        args = list(arguments.named_children) if arguments is not None else []
        if function is None or function.type != "member_expression":
            return None
        prop, target = self._prop(function), function.child_by_field_name("object")
        if self._is_zod(target):
            return self._zod_root(prop, args, depth)
        if prop in _TRANSPARENT or prop in ("pipe", "and"):
            return self.shape(target, depth + 1)
        base = self.shape(target, depth + 1)
        if base is None:
            return None
        return self._compose(prop, base, args, depth)

    def _zod_root(self, prop: str, args: list[Node], depth: int) -> list[Member] | None:
        if prop in ("object", "strictObject", "looseObject") and args:
            arg = unwrap(args[0])
            return (
                self._object_members(arg, depth)
                if arg is not None and arg.type == "object"
                else None
            )
        if prop in ("union", "discriminatedUnion") and args:
            options = unwrap(args[-1])
            if options is None or options.type != "array":
                return None
            branches = [self.shape(o, depth + 1) for o in options.named_children]
            if not branches or any(b is None for b in branches):
                return None
            return _merge_branches([b for b in branches if b is not None])
        if prop == "preprocess" and len(args) > 1:
            return self.shape(args[1], depth + 1)
        return None

    def _compose(
        self, prop: str, base: list[Member], args: list[Node], depth: int
    ) -> list[Member] | None:
        if prop in ("extend", "merge", "safeExtend") and args:
            extra = self.shape(args[0], depth + 1)
            if extra is None:
                return None
            names = {m.name for m in extra}
            return [m for m in base if m.name not in names] + extra
        if prop in ("partial", "required"):
            keys = self._flag_keys(args[0]) if args else None
            forced = prop == "partial"
            return [
                replace(m, optional=forced) if keys is None or m.name in keys else m for m in base
            ]
        if prop in ("pick", "omit") and args:
            keys = self._flag_keys(args[0])
            if keys is None:
                return None
            pick = prop == "pick"
            return [m for m in base if (m.name in keys) == pick]
        return None

    def _flag_keys(self, arg: Node) -> set[str] | None:
        node = unwrap(arg)
        if node is None or node.type != "object":
            return None
        keys: set[str] = set()
        for child in node.named_children:
            key_node = child.child_by_field_name("key") if child.type == "pair" else child
            key = property_key(self.src, key_node)
            if key is not None:
                keys.add(key)
        return keys

    def _object_members(self, obj: Node, depth: int) -> list[Member] | None:
        members: list[Member] = []
        for child in obj.named_children:
            if child.type == "spread_element":
                spread = self._spread(child, depth)
                if spread is None:
                    self.note(child, "a spread env-lint cannot follow")
                    continue
                names = {m.name for m in spread}
                members = [m for m in members if m.name not in names] + spread
            elif child.type == "pair":
                key = child.child_by_field_name("key")
                name = property_key(self.src, key)
                if name is not None and key is not None:
                    members.append(Member(self, name, key, child.child_by_field_name("value")))
                elif key is not None:
                    self.note(key, "a computed key env-lint cannot read")
            elif child.type == "shorthand_property_identifier":
                name = self.src.text(child)
                found = self.lookup(name)
                value = found[1] if found and found[0] is self else None
                members.append(Member(self, name, child, value))
        return members

    def _spread(self, node: Node, depth: int) -> list[Member] | None:
        inner = unwrap(node.named_children[0]) if node.named_children else None
        if inner is not None and inner.type == "ternary_expression":
            branches = [
                self.shape(inner.child_by_field_name(side), depth + 1) or []
                for side in ("consequence", "alternative")
            ]
            return [replace(m, conditional=True) for m in _merge_branches(branches)]
        return self.shape(inner, depth + 1)

    def _wiring(self, node: Node | None, depth: int) -> _Wiring | None:
        node = unwrap(node)
        if node is None or depth > _MAX_DEPTH:
            return None
        location = self.src.location(node)
        if is_process_env(self.src, node):
            return _Wiring(None, location)
        if node.type == "identifier":
            found = self.lookup(self.src.text(node))
            return found[0]._wiring(found[1], depth + 1) if found and found[0] is self else None
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

    def _schema(self, node: Node, members: list[Member], wiring: _Wiring) -> Schema:
        return Schema(
            path=self.src.path,
            location=self.src.location(node),
            variables=tuple(member_var(m) for m in members),
            wired=wiring.keys,
            wiring_location=wiring.location if wiring.keys is not None else None,
        )

    # --- one key's call chain ----------------------------------------------------------------

    def analyze(self, value: Node | None, depth: int = 0) -> _Var:
        info = _Var()
        chain: list[tuple[str, Node | None]] = []
        node = unwrap(value)
        file: ZodFile = self
        while node is not None and depth <= _MAX_DEPTH:
            depth += 1
            if node.type == "identifier":
                found = file.lookup(file.src.text(node))
                if found is None:
                    break
                file, node = found[0], unwrap(found[1])
                if file is not self:
                    return _finish(file.analyze(node, depth), chain, self)
                continue
            if node.type == "ternary_expression":
                return _finish(self._ternary(node, depth), chain, self)
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
        return _finish(info, chain, self)

    def _ternary(self, node: Node, depth: int) -> _Var:
        """``cond ? z.string() : z.string().optional()``: required in one branch only."""
        one = self.analyze(node.child_by_field_name("consequence"), depth + 1)
        two = self.analyze(node.child_by_field_name("alternative"), depth + 1)
        required_one = not (one.optional or one.has_default)
        required_two = not (two.optional or two.has_default)
        merged = one if one.type != "unknown" else two
        if required_one != required_two:
            merged = replace(merged, optional=False, has_default=False, conditional=True)
        return merged

    def _base(self, info: _Var, base: str, arguments: Node | None, *, coerce: bool) -> None:
        args = arguments.named_children if arguments is not None else []
        shown = "[...]" if base in ("enum", "union") else ("..." if args else "")
        info.expression = f"z.{'coerce.' if coerce else ''}{base}({shown})"
        if base in (
            "string",
            "date",
            "datetime",
            "cuid",
            "cuid2",
            "ulid",
            "nanoid",
            "jwt",
            "ipv4",
            "ipv6",
            "base64",
            "hostname",
            "emoji",
            "iso",
        ):
            info.type = "string"
        elif base in ("number", "bigint", "int", "float", "int32", "float64", "port"):
            info.type = "number"
            info.limits["integer"] = base in ("int", "int32", "bigint", "port")
        elif base in ("boolean", "stringbool"):
            info.type = "boolean"
        elif base in _FORMATS or base in ("httpUrl",):
            info.type = "url" if base == "httpUrl" else base
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
            inner = self.analyze(args[1])
            inner.expression = info.expression
            info.__dict__.update(inner.__dict__)

    def _union(self, info: _Var, options: Node) -> None:
        choices: list[str] = []
        options = unwrap(options) or options
        for option in options.named_children if options.type == "array" else []:
            inner = self.analyze(option)
            if inner.type != "enum":
                return
            choices.extend(inner.choices)
        info.type, info.choices = ("enum", tuple(choices)) if choices else ("unknown", ())

    def modifier(self, info: _Var, method: str, arguments: Node | None) -> None:
        args = arguments.named_children if arguments is not None else []
        if method in _OPTIONAL:
            info.optional = True
        elif method in _DEFAULTS:
            info.has_default = True
            info.conditional = False
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
            found = self.lookup(self.src.text(node))
            node = unwrap(found[1]) if found and found[0] is self else None
        if node is None or node.type not in ("array", "object", "enum_body"):
            return ()
        values: list[str] = []
        for child in node.named_children:
            if child.type == "property_identifier":  # enum Region { Eu }: the name is the value
                values.append(self.src.text(child))
                continue
            paired = child.type in ("pair", "enum_assignment")
            item = child.child_by_field_name("value") if paired else child
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
        if node is None or node.type != "identifier":
            return False
        return self.src.text(node) in self.zod_names

    def _is_zod_coerce(self, node: Node | None) -> bool:
        node = unwrap(node)
        if node is None or node.type != "member_expression":
            return False
        return self._prop(node) == "coerce" and self._is_zod(node.child_by_field_name("object"))


def _finish(info: _Var, chain: list[tuple[str, Node | None]], file: ZodFile) -> _Var:
    for method, arguments in reversed(chain):
        if method == "pipe":
            continue  # the input side decides what the environment must hold
        file.modifier(info, method, arguments)
    return info


def _merge_branches(branches: list[list[Member]]) -> list[Member]:
    """Keys of every branch of a union: a key missing from some branch is conditional."""
    merged: dict[str, Member] = {}
    for branch in branches:
        for member in branch:
            merged.setdefault(member.name, member)
    return [
        replace(
            m,
            conditional=m.conditional or not all(any(x.name == name for x in b) for b in branches),
        )
        for name, m in merged.items()
    ]


def member_var(member: Member, section: str | None = None) -> SchemaVar:
    info = member.file.analyze(member.value)
    optional = info.optional if member.optional is None else member.optional
    if member.optional is False:
        info.has_default = False
    required = not (optional or info.has_default)
    conditional = info.conditional or (member.conditional and required)
    return SchemaVar(
        name=member.name,
        location=member.file.src.location(member.key),
        type=info.type,
        required=required,
        has_default=info.has_default,
        default=info.default if info.default_known else None,
        default_known=info.default_known,
        choices=info.choices,
        constraints=_constraints(info.limits),
        description=info.description,
        expression=info.expression,
        section=section,
        conditional=conditional,
    )


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


def extract_schemas(src: Source, resolver: Resolver | None = None) -> list[Schema]:
    return ZodFile(src, resolver).schemas()
