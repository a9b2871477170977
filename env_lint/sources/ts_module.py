"""Lowering a JS/TS syntax tree to the plain facts of ``model/ir.py``: the places where a schema
meets the environment, the declarations they reach, and the module's imports and exports.

Only what a schema evaluation can need is lowered: the expressions of the parse sites and,
transitively, the declarations they name (``complete=False``); or, when another module imports
from this one, every declaration (``complete=True``). Evaluation happens later, over the facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

from ..model import Location
from ..model.ir import (
    Arr,
    Call,
    Cond,
    Env,
    Export,
    Expr,
    Fn,
    Import,
    Lit,
    Module,
    Obj,
    Opaque,
    Other,
    Pair,
    ParseSite,
    Prop,
    Ref,
    Spread,
)
from .typescript import Script, literal, property_key, string_value, unwrap

PARSE_METHODS = frozenset({"parse", "safeParse", "parseAsync", "safeParseAsync"})
_MAX_DEPTH = 48
_FUNCTIONS = ("arrow_function", "function_expression", "function", "function_declaration")
_LITERALS = frozenset(
    {"string", "template_string", "number", "true", "false", "null", "unary_expression"}
)
_COMPOSITE = frozenset({"await_expression", "template_substitution", "spread_element"})


@dataclass
class _Index:
    """One walk over the tree: declarations by name (the first wins), imports, exports and
    the calls that may be parse sites."""

    decls: dict[str, Node] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    stars: list[str] = field(default_factory=list)
    calls: list[Node] = field(default_factory=list)


def lower_module(src: Script, *, complete: bool) -> Module:
    index = _index(src)
    imported = {i.local: i for i in index.imports}
    sites = list(_sites(src, index, imported))
    lowering = _Lowering(src, index.decls)
    site_facts = tuple(
        ParseSite(
            kind,
            src.location(call),
            lowering.expr(target) if target is not None else None,
            method,
            tuple(lowering.expr(a) for a in args),
            source,
            src.location(target) if target is not None else None,
        )
        for kind, call, target, method, args, source in sites
    )
    if complete:
        for name in index.decls:
            lowering.declaration(name)
    error = src.first_error()
    return Module(
        path=src.path,
        imports=tuple(index.imports),
        exports=tuple(index.exports),
        star_exports=tuple(index.stars),
        decls=tuple(lowering.done.items()),
        sites=site_facts,
        syntax_error=src.location(error) if error is not None else None,
        complete=complete,
    )


# --- the index ---------------------------------------------------------------------------


_INDEX_QUERY = """
(variable_declarator name: (identifier) @name value: (_) @value)
(enum_declaration name: (identifier) @name body: (enum_body) @value)
(function_declaration name: (identifier) @name) @value
(import_statement) @import
(export_statement) @export
"""
_SITES_QUERY = """
(call_expression
  function: (member_expression property: (property_identifier) @method)
  (#any-of? @method "parse" "safeParse" "parseAsync" "safeParseAsync" "cleanEnv")) @call
(call_expression function: (identifier) @function (#any-of? @function {names})) @call
"""


def _index(src: Script) -> _Index:
    """Declarations (the first one of each name wins), imports, exports and calls, from one
    query matched in C."""
    index = _Index()
    for _, captures in src.matches(_INDEX_QUERY):
        if "name" in captures:
            name, value = captures["name"][0], captures["value"][0]
            index.decls.setdefault(src.text(name), value)
        elif "import" in captures:
            index.imports.extend(_imports(src, captures["import"][0]))
        elif "export" in captures:
            _exports(src, captures["export"][0], index)
    names = {"createEnv", "cleanEnv"}
    names |= {i.local for i in index.imports if i.name in ("createEnv", "cleanEnv")}
    quoted = " ".join(f'"{n}"' for n in sorted(names))
    for _, captures in src.matches(_SITES_QUERY.replace("{names}", quoted)):
        index.calls.append(captures["call"][0])
    return index


def _imports(src: Script, node: Node) -> Iterator[Import]:
    source = string_value(src, node.child_by_field_name("source")) or ""
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    if clause is None:
        return
    for child in clause.named_children:
        if child.type == "identifier":
            yield Import(src.text(child), source, "default")
        elif child.type == "namespace_import":
            for ident in child.named_children:
                yield Import(src.text(ident), source, "*")
        elif child.type == "named_imports":
            for spec in child.named_children:
                name = spec.child_by_field_name("name")
                alias = spec.child_by_field_name("alias") or name
                if name is not None and alias is not None:
                    yield Import(src.text(alias), source, src.text(name))


def _exports(src: Script, node: Node, index: _Index) -> None:
    source = string_value(src, node.child_by_field_name("source"))
    declaration = node.child_by_field_name("declaration")
    value = node.child_by_field_name("value")
    if declaration is not None:
        for name in _declared_names(src, declaration):
            index.exports.append(Export(name, local=name))
        return
    if value is not None:  # export default <expression>
        index.decls.setdefault("default", value)
        index.exports.append(Export("default", local="default"))
        return
    clause = next((c for c in node.named_children if c.type == "export_clause"), None)
    if clause is None:
        if source is not None:
            index.stars.append(source)
        return
    for spec in clause.named_children:
        name_node = spec.child_by_field_name("name")
        alias_node = spec.child_by_field_name("alias") or name_node
        if name_node is None or alias_node is None:
            continue
        local, exported = src.text(name_node), src.text(alias_node)
        if source is None:
            index.exports.append(Export(exported, local=local))
        else:
            index.exports.append(Export(exported, specifier=source, imported=local))


def _declared_names(src: Script, declaration: Node) -> Iterator[str]:
    if declaration.type in ("lexical_declaration", "variable_declaration"):
        for child in declaration.named_children:
            name = (
                child.child_by_field_name("name") if child.type == "variable_declarator" else None
            )
            if name is not None and name.type == "identifier":
                yield src.text(name)
        return
    name = declaration.child_by_field_name("name")
    if name is not None:
        yield src.text(name)


# --- parse sites -------------------------------------------------------------------------

_Site = tuple[str, Node, Node | None, str, list[Node], str]


def _sites(src: Script, index: _Index, imported: dict[str, Import]) -> Iterator[_Site]:
    zod: list[_Site] = []
    t3: list[_Site] = []
    envalid: list[_Site] = []
    for call in index.calls:
        function = call.child_by_field_name("function")
        arguments = call.child_by_field_name("arguments")
        args = list(arguments.named_children) if arguments is not None else []
        if function is None:
            continue
        if function.type == "member_expression":
            prop = function.child_by_field_name("property")
            method = src.text(prop) if prop is not None else ""
            if method in PARSE_METHODS:
                zod.append(("zod", call, function.child_by_field_name("object"), method, args, ""))
        bare = unwrap(function)
        if bare is None:
            continue
        if bare.type == "identifier":
            local = src.text(bare)
            known = imported.get(local)
            source, name = (known.specifier, known.name) if known else ("", local)
            if name == "createEnv" and (
                source.startswith("@t3-oss/env") or (known and _t3_shaped(src, args))
            ):
                t3.append(("t3", call, None, "createEnv", args, source))
        if _from_envalid(src.text(bare), imported):
            envalid.append(("envalid", call, None, "cleanEnv", args, "envalid"))
    yield from zod
    yield from t3
    yield from envalid


_T3_SECTIONS = frozenset({"server", "client", "shared"})
_T3_RUNTIME = frozenset({"runtimeEnv", "experimental__runtimeEnv", "runtimeEnvStrict"})


def _t3_shaped(src: Script, args: list[Node]) -> bool:
    """``createEnv({ server: {...}, runtimeEnv: ... })`` imported from the project's own wrapper of
    t3-env (``export const createEnv: typeof t3 = (o) => t3({ ...defaults, ...o })``): the
    options name a section and where the values come from, as only t3-env's do."""
    options = unwrap(args[0]) if args else None
    if options is None or options.type != "object":
        return False
    keys = {
        property_key(src, item.child_by_field_name("key") if item.type == "pair" else item)
        for item in options.named_children
    }
    return bool(keys & _T3_SECTIONS) and bool(keys & _T3_RUNTIME)


def _from_envalid(text: str, imported: dict[str, Import]) -> bool:
    """``cleanEnv`` imported from envalid, or ``envalid.cleanEnv`` of a namespace import."""
    if text.rsplit(".", 1)[-1] != "cleanEnv":
        return False
    known = imported.get(text) or imported.get(text.split(".", 1)[0])
    return known is not None and known.specifier == "envalid"


# --- expressions -------------------------------------------------------------------------


class _Lowering:
    def __init__(self, src: Script, decls: dict[str, Node]) -> None:
        self.src = src
        self.decls = decls
        self.done: dict[str, Expr] = {}
        self._pending: set[str] = set()

    def declaration(self, name: str) -> None:
        if name in self.done or name in self._pending or name not in self.decls:
            return
        self._pending.add(name)
        self.done[name] = self.expr(self.decls[name])

    def expr(self, node: Node | None, depth: int = 0) -> Expr:
        node = unwrap(node)
        if node is None:
            return Opaque(Location(self.src.path, 1, 1))
        loc = self.src.location(node)
        if depth > _MAX_DEPTH:
            return Opaque(loc)
        kind = node.type
        if kind in _LITERALS or kind == "binary_expression":
            known, value = literal(self.src, node)
            if known:
                return Lit(value, loc)
            parts = [c for c in node.named_children if c.type != "string_fragment"]
            return Other(tuple(self.expr(c, depth + 1) for c in parts), loc)
        if kind in _COMPOSITE:
            return Other(tuple(self.expr(c, depth + 1) for c in node.named_children), loc)
        if kind in ("identifier", "shorthand_property_identifier"):
            name = self.src.text(node)
            self.declaration(name)
            return Ref(name, loc)
        if kind == "member_expression":
            return self._member(node, loc, depth)
        if kind == "call_expression":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            args = arguments.named_children if arguments is not None else []
            return Call(
                self.expr(function, depth + 1),
                tuple(self.expr(a, depth + 1) for a in args),
                loc,
            )
        if kind == "object" or kind == "enum_body":
            return Obj(tuple(self._items(node, depth)), loc)
        if kind == "array":
            return Arr(tuple(self.expr(c, depth + 1) for c in node.named_children), loc)
        if kind == "ternary_expression":
            return Cond(
                self.expr(node.child_by_field_name("consequence"), depth + 1),
                self.expr(node.child_by_field_name("alternative"), depth + 1),
                loc,
            )
        if kind in _FUNCTIONS:
            return self._function(node, loc, depth)
        return Opaque(loc)

    def _member(self, node: Node, loc: Location, depth: int) -> Expr:
        obj = node.child_by_field_name("object")
        prop = node.child_by_field_name("property")
        if obj is None or prop is None:
            return Opaque(loc)
        name = self.src.text(prop)
        if name == "env":
            inner = unwrap(obj)
            if inner is not None and inner.type == "meta_property":
                if self.src.text(inner) == "import.meta":
                    return Env("import.meta", loc)
            elif inner is not None and inner.type == "identifier":
                owner = self.src.text(inner)
                if owner in ("process", "Bun"):
                    return Env(owner, loc)
        return Prop(self.expr(obj, depth + 1), name, loc)

    def _items(self, node: Node, depth: int) -> Iterator[Pair | Spread]:
        src = self.src
        for child in node.named_children:
            kind = child.type
            if kind == "spread_element":
                inner = child.named_children[0] if child.named_children else None
                yield Spread(self.expr(inner, depth + 1), src.location(child))
            elif kind == "pair":
                key = child.child_by_field_name("key")
                if key is None:
                    continue
                value = self.expr(child.child_by_field_name("value"), depth + 1)
                yield Pair(property_key(src, key), src.location(key), value)
            elif kind == "shorthand_property_identifier":
                name = src.text(child)
                self.declaration(name)
                location = src.location(child)
                yield Pair(name, location, Ref(name, location), shorthand=True)
            elif kind == "property_identifier":  # enum Region { Eu }: the name is the value
                name = src.text(child)
                yield Pair(name, src.location(child), Lit(name, src.location(child)))
            elif kind == "enum_assignment":
                key = child.child_by_field_name("name")
                if key is not None:
                    value = self.expr(child.child_by_field_name("value"), depth + 1)
                    yield Pair(property_key(src, key), src.location(key), value)

    def _function(self, node: Node, loc: Location, depth: int) -> Expr:
        params = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
        names: list[str] = []
        if params is not None and params.type == "identifier":
            names.append(self.src.text(params))
        elif params is not None:
            for param in params.named_children:
                pattern = param.child_by_field_name("pattern") or param
                names.append(self.src.text(pattern) if pattern.type == "identifier" else "")
        body = node.child_by_field_name("body")
        if body is not None and body.type == "statement_block":
            body = next(
                (
                    s.named_children[0]
                    for s in body.named_children
                    if s.type == "return_statement" and s.named_children
                ),
                None,
            )
        if body is None:
            return Opaque(loc)
        return Fn(tuple(names), self.expr(body, depth + 1), loc)
