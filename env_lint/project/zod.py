"""zod env schemas, evaluated from a module's facts: ``z.object({...})`` (and what is built from
it) parsed from ``process.env``.

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

from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Constraints, Location, Schema, SchemaVar, Unrecognized
from ..model.ir import (
    Arr,
    Call,
    Cond,
    Env,
    Expr,
    Fn,
    Lit,
    Obj,
    Other,
    Pair,
    ParseSite,
    Prop,
    Ref,
    Spread,
)
from .modules import Modules, View

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
_STRINGS = frozenset(
    {
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
    }
)
_NUMBERS = frozenset({"number", "bigint", "int", "float", "int32", "float64", "port"})
_MAX_DEPTH = 24


@dataclass
class Wiring:
    keys: frozenset[str] | None  # None: the whole environment is passed
    location: Location
    renamed: dict[str, str] = field(default_factory=dict)  # schema key -> the variable it reads


@dataclass
class VarInfo:
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
    resolved: bool = False  # the chain reached a zod type (or says optional / a default)


@dataclass(frozen=True)
class Member:
    """One key of a resolved shape, with the module that holds its definition."""

    view: View
    name: str
    key: Location
    value: Expr | None
    optional: bool | None = None  # forced by .partial() / .required()
    conditional: bool = False  # present or required in some branches only


class Evaluator:
    """Evaluates schema expressions over module facts; notes what it cannot read."""

    def __init__(self, modules: Modules) -> None:
        self.modules = modules
        self.notes: list[Unrecognized] = []

    def note(self, location: Location, reason: str) -> None:
        self.notes.append(Unrecognized(location, reason))

    def lookup(self, view: View, name: str) -> tuple[View, Expr] | None:
        if name in view.decls:
            return view, view.decls[name]
        return self.modules.imported(view, name)

    def local(self, view: View, expr: Expr | None) -> Expr | None:
        """An identifier resolved to its declaration in the same module (else None)."""
        if isinstance(expr, Ref):
            return view.decls.get(expr.name)
        return expr

    # --- which schema is parsed from where ---------------------------------------------------

    def zod_schemas(self, view: View) -> list[Schema]:
        found: dict[Location, tuple[Location, list[Member], Wiring]] = {}
        for site in view.module.sites:
            if site.kind != "zod" or not site.args:
                continue
            wiring = self.wiring(view, site.args[0], 0)
            if wiring is None:
                continue  # parsed from something else than process.env: not an env schema
            members = self.shape(view, site.target, 0)
            if members is not None and site.method.startswith("safe"):
                # safeParse: an optional group, used only when it validates
                members = [replace(m, conditional=True) for m in members]
            where = site.target_loc or site.loc
            if members is None:
                if site.target is not None:
                    self.note(where, "a schema parsed from process.env that env-lint cannot read")
                continue
            previous = found.get(where)
            if previous is None or wiring.keys is None:
                found[where] = (where, members, wiring)
        return [self._schema(view, loc, members, wiring) for loc, members, wiring in found.values()]

    def _schema(self, view: View, loc: Location, members: list[Member], wiring: Wiring) -> Schema:
        variables = [self.member_var(m) for m in members]
        if wiring.renamed:  # { KEY: process.env.OTHER }: the environment must hold OTHER
            variables = [
                replace(v, name=wiring.renamed[v.name], key=v.name)
                if v.name in wiring.renamed
                else v
                for v in variables
            ]
        wired = wiring.keys
        if wired is not None and wiring.renamed:
            wired = frozenset(wiring.renamed.get(k, k) for k in wired)
        return Schema(
            path=view.path,
            location=loc,
            variables=tuple(variables),
            wired=wired,
            wiring_location=wiring.location if wiring.keys is not None else None,
        )

    def wiring(self, view: View, expr: Expr | None, depth: int) -> Wiring | None:
        """How the environment reaches a parse: all of it (``process.env``, an alias, a
        wrapper call around it, ``{...process.env, ...}``), or an explicit map of keys."""
        if expr is None or depth > _MAX_DEPTH:
            return None
        if isinstance(expr, Env) or self.modules.env_alias(view, expr):
            return Wiring(None, expr.loc)
        if isinstance(expr, Ref):
            found = self.lookup(view, expr.name)
            return self.wiring(found[0], found[1], depth + 1) if found is not None else None
        if isinstance(expr, Call):
            whole = any(isinstance(a, Env) or self.modules.env_alias(view, a) for a in expr.args)
            return Wiring(None, expr.loc) if whole else None
        return self._map(expr) if isinstance(expr, Obj) else None

    def _map(self, obj: Obj) -> Wiring | None:
        keys: set[str] = set()
        renamed: dict[str, str] = {}
        for item in obj.items:
            if isinstance(item, Spread):
                if not _reads_env(item.expr):
                    return None  # { ...body }: some other object, not the environment
                return Wiring(None, obj.loc)  # { ...process.env, X: ... }: all wired
            if item.key is None:
                continue
            keys.add(item.key)
            read = env_name(item.value)
            if read is not None and read != item.key:
                renamed[item.key] = read
        if not any(_reads_env(i.value) for i in obj.items if isinstance(i, Pair)):
            return None  # { a: 1 } parsed: a schema for something else than the environment
        return Wiring(frozenset(keys), obj.loc, renamed)

    # --- shapes ------------------------------------------------------------------------------

    def shape(self, view: View, expr: Expr | None, depth: int) -> list[Member] | None:
        """The keys of a zod object schema expression, or None when it is not one."""
        if expr is None or depth > _MAX_DEPTH:
            return None
        if isinstance(expr, Ref):
            found = self.lookup(view, expr.name)
            return self.shape(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, Prop) and expr.name == "shape":
            return self.shape(view, expr.obj, depth + 1)
        if isinstance(expr, Prop):  # ``...feature.server``: a section of a local object
            found = self.property_of(view, expr, depth)
            return self.shape(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, Obj):
            return self.object_members(view, expr, depth)
        if not isinstance(expr, Call) or not isinstance(expr.func, Prop):
            return None
        prop, target, args = expr.func.name, expr.func.obj, list(expr.args)
        if self.is_zod(view, target):
            return self._zod_root(view, prop, args, depth)
        if prop in _TRANSPARENT or prop in ("pipe", "and"):
            return self.shape(view, target, depth + 1)
        base = self.shape(view, target, depth + 1)
        if base is None:
            return None
        return self._compose(view, prop, base, args, depth)

    def property_of(self, view: View, expr: Prop, depth: int) -> tuple[View, Expr] | None:
        """``feature.server`` where ``feature`` is an object literal: that key's value (the
        last one written, as JavaScript keeps it)."""
        if not isinstance(expr.obj, Ref) or depth > _MAX_DEPTH:
            return None
        found = self.lookup(view, expr.obj.name)
        if found is None or not isinstance(found[1], Obj):
            return None
        owner, obj = found[0], found[1]
        for pair in reversed(obj.items):
            if isinstance(pair, Pair) and pair.key == expr.name:
                value = owner.decls.get(pair.key) if pair.shorthand else pair.value
                return (owner, value) if value is not None else None
        return None

    def _zod_root(self, view: View, prop: str, args: list[Expr], depth: int) -> list[Member] | None:
        if prop in ("object", "strictObject", "looseObject") and args:
            arg = args[0]
            return self.object_members(view, arg, depth) if isinstance(arg, Obj) else None
        if prop in ("union", "discriminatedUnion") and args:
            options = args[-1]
            if not isinstance(options, Arr):
                return None
            branches = [self.shape(view, o, depth + 1) for o in options.items]
            if not branches or any(b is None for b in branches):
                return None
            return merge_branches([b for b in branches if b is not None])
        if prop == "preprocess" and len(args) > 1:
            return self.shape(view, args[1], depth + 1)
        return None

    def _compose(
        self, view: View, prop: str, base: list[Member], args: list[Expr], depth: int
    ) -> list[Member] | None:
        if prop in ("extend", "merge", "safeExtend") and args:
            extra = self.shape(view, args[0], depth + 1)
            if extra is None:
                return None
            names = {m.name for m in extra}
            return [m for m in base if m.name not in names] + extra
        if prop in ("partial", "required"):
            keys = flag_keys(args[0]) if args else None
            forced = prop == "partial"
            return [
                replace(m, optional=forced) if keys is None or m.name in keys else m for m in base
            ]
        if prop in ("pick", "omit") and args:
            keys = flag_keys(args[0])
            if keys is None:
                return None
            pick = prop == "pick"
            return [m for m in base if (m.name in keys) == pick]
        return None

    def object_members(self, view: View, obj: Obj, depth: int) -> list[Member] | None:
        members: list[Member] = []
        lost: list[Location] = []  # spreads it cannot follow: said once per object
        for item in obj.items:
            if isinstance(item, Spread):
                spread = self._spread(view, item, depth)
                if spread is None:
                    lost.append(item.loc)
                    continue
                names = {m.name for m in spread}
                members = [m for m in members if m.name not in names] + spread
            elif item.key is None:
                self.note(item.key_loc, "a computed key env-lint cannot read")
            elif item.shorthand:
                members.append(Member(view, item.key, item.key_loc, view.decls.get(item.key)))
            else:
                members.append(Member(view, item.key, item.key_loc, item.value))
        if lost:
            more = f" (and {len(lost) - 1} more in this object)" if len(lost) > 1 else ""
            self.note(lost[0], f"a spread env-lint cannot follow{more}")
        return members

    def _spread(self, view: View, item: Spread, depth: int) -> list[Member] | None:
        inner = item.expr
        sides = guarded_object(inner)
        if isinstance(inner, Cond):
            sides = (inner.then, inner.other)
        if sides:
            branches = [self.shape(view, side, depth + 1) or [] for side in sides]
            return [replace(m, conditional=True) for m in merge_branches(branches)]
        return self.shape(view, inner, depth + 1)

    # --- one key's call chain ----------------------------------------------------------------

    def member_var(self, member: Member, section: str | None = None) -> SchemaVar:
        info = self.analyze(member.view, member.value)
        optional = info.optional if member.optional is None else member.optional
        if member.optional is False:
            info.has_default = False
        required = not (optional or info.has_default)
        conditional = info.conditional or (member.conditional and required)
        known = info.resolved or member.optional is not None
        return SchemaVar(
            name=member.name,
            location=member.key,
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
            known=known,
        )

    def analyze(self, view: View, value: Expr | None, depth: int = 0) -> VarInfo:
        info = VarInfo()
        chain: list[tuple[str, tuple[Expr, ...]]] = []
        expr = value
        while expr is not None and depth <= _MAX_DEPTH:
            depth += 1
            if isinstance(expr, Ref):
                found = self.lookup(view, expr.name)
                if found is None:
                    break
                if found[0] is not view:
                    return self._finish(self.analyze(found[0], found[1], depth), chain)
                expr = found[1]
                continue
            if isinstance(expr, Cond):
                return self._finish(self._ternary(view, expr, depth), chain)
            helper = self._helper(view, expr)
            if helper is not None:  # optionalUrl(): a function that returns a zod chain
                return self._finish(self.analyze(helper[0], helper[1], depth), chain)
            if not isinstance(expr, Call) or not isinstance(expr.func, Prop):
                break
            prop, target = expr.func.name, expr.func.obj
            if self.is_zod(view, target):
                self._base(view, info, prop, expr.args, coerce=False)
                break
            if self.is_zod_coerce(view, target):
                self._base(view, info, prop, expr.args, coerce=True)
                break
            chain.append((prop, expr.args))
            expr = target
        return self._finish(info, chain)

    def _helper(self, view: View, expr: Expr) -> tuple[View, Expr] | None:
        """The expression a local or imported helper function returns, for ``helper(...)``."""
        if not isinstance(expr, Call) or not isinstance(expr.func, Ref):
            return None
        found = self.lookup(view, expr.func.name)
        if found is None or not isinstance(found[1], Fn):
            return None
        return found[0], found[1].body

    def _ternary(self, view: View, expr: Cond, depth: int) -> VarInfo:
        """``cond ? z.string() : z.string().optional()``: required in one branch only."""
        one = self.analyze(view, expr.then, depth + 1)
        two = self.analyze(view, expr.other, depth + 1)
        required_one = not (one.optional or one.has_default)
        required_two = not (two.optional or two.has_default)
        merged = one if one.type != "unknown" else two
        if required_one != required_two:
            merged = replace(merged, optional=False, has_default=False, conditional=True)
        return merged

    def _base(
        self, view: View, info: VarInfo, base: str, args: tuple[Expr, ...], *, coerce: bool
    ) -> None:
        shown = "[...]" if base in ("enum", "union") else ("..." if args else "")
        info.expression = f"z.{'coerce.' if coerce else ''}{base}({shown})"
        info.resolved = True
        if base in _STRINGS:
            info.type = "string"
        elif base in _NUMBERS:
            info.type = "number"
            info.limits["integer"] = base in ("int", "int32", "bigint", "port")
        elif base in ("boolean", "stringbool"):
            info.type = "boolean"
        elif base in _FORMATS or base in ("httpUrl",):
            info.type = "url" if base == "httpUrl" else base
        elif base in ("enum", "nativeEnum") and args:
            info.choices = self.strings(view, args[0])
            info.type = "enum" if info.choices else "unknown"
        elif base == "literal" and args:
            known, value = literal(args[0])
            info.type = "enum" if known and value is not None else "unknown"
            info.choices = (as_text(value),) if info.type == "enum" else ()
        elif base == "union" and args:
            self._union(view, info, args[0])
        elif base == "preprocess" and len(args) > 1:
            inner = self.analyze(view, args[1])
            inner.expression = info.expression
            info.__dict__.update(inner.__dict__)

    def _union(self, view: View, info: VarInfo, options: Expr) -> None:
        choices: list[str] = []
        for option in options.items if isinstance(options, Arr) else ():
            inner = self.analyze(view, option)
            if inner.type != "enum":
                return
            choices.extend(inner.choices)
        info.type, info.choices = ("enum", tuple(choices)) if choices else ("unknown", ())

    def _finish(self, info: VarInfo, chain: list[tuple[str, tuple[Expr, ...]]]) -> VarInfo:
        for method, args in reversed(chain):
            if method == "pipe":
                continue  # the input side decides what the environment must hold
            modifier(info, method, args)
        return info

    def strings(self, view: View, expr: Expr | None) -> tuple[str, ...]:
        node = self.local(view, expr)
        values: list[str] = []
        if isinstance(node, Arr):
            for item in node.items:
                if not isinstance(item, Lit) or not isinstance(item.value, str):
                    return ()
                values.append(item.value)
            return tuple(values)
        if isinstance(node, Obj):
            for entry in node.items:
                if isinstance(entry, Spread):
                    return ()
                if not isinstance(entry.value, Lit) or not isinstance(entry.value.value, str):
                    return ()
                values.append(entry.value.value)
            return tuple(values)
        return ()

    # --- small helpers -----------------------------------------------------------------------

    def is_zod(self, view: View, expr: Expr | None) -> bool:
        return isinstance(expr, Ref) and expr.name in view.zod_names

    def is_zod_coerce(self, view: View, expr: Expr | None) -> bool:
        return isinstance(expr, Prop) and expr.name == "coerce" and self.is_zod(view, expr.obj)


def modifier(info: VarInfo, method: str, args: tuple[Expr, ...]) -> None:
    if method in _OPTIONAL:
        info.optional = True
        info.resolved = True
    elif method in _DEFAULTS:
        info.has_default = True
        info.resolved = True
        info.conditional = False
        known, value = literal(args[0]) if args else (False, None)
        info.default_known, info.default = known, value
    elif method in ("min", "gte", "max", "lte", "length") and args:
        known, value = literal(args[0])
        if known and isinstance(value, (int, float)) and not isinstance(value, bool):
            key = {"gte": "min", "lte": "max"}.get(method, method)
            info.limits[key] = value
    elif method in ("startsWith", "endsWith") and args:
        text = string(args[0])
        if text is not None:
            info.limits[method] = text
    elif method in ("int", "positive", "nonnegative"):
        info.limits["integer" if method == "int" else method] = True
    elif method in _FORMATS and info.type == "string":
        info.type = method
    elif method == "describe" and args:
        info.description = string(args[0])


def _reads_env(expr: Expr | None, depth: int = 0) -> bool:
    """Does the expression read the environment (``process.env.X``, ``import.meta.env.X``,
    ``process.env``, possibly inside a call or a fallback)?"""
    if expr is None or depth > 8:
        return False
    if isinstance(expr, Env):
        return True
    if isinstance(expr, Prop):
        return _reads_env(expr.obj, depth + 1)
    if isinstance(expr, Call):
        return any(_reads_env(a, depth + 1) for a in (expr.func, *expr.args))
    if isinstance(expr, Cond):
        return _reads_env(expr.then, depth + 1) or _reads_env(expr.other, depth + 1)
    if isinstance(expr, Other):
        return any(_reads_env(p, depth + 1) for p in expr.parts)
    return False


def env_name(expr: Expr | None, depth: int = 0) -> str | None:
    """The first variable an expression reads: ``process.env.X ?? process.env.Y`` -> X."""
    if expr is None or depth > 8:
        return None
    if isinstance(expr, Prop) and isinstance(expr.obj, Env):
        return expr.name
    parts: tuple[Expr, ...] = ()
    if isinstance(expr, Call):
        parts = expr.args
    elif isinstance(expr, Other):
        parts = expr.parts
    elif isinstance(expr, Cond):
        parts = (expr.then, expr.other)
    for part in parts:
        name = env_name(part, depth + 1)
        if name is not None:
            return name
    return None


def literal(expr: Expr | None) -> tuple[bool, Any]:
    return (True, expr.value) if isinstance(expr, Lit) else (False, None)


def string(expr: Expr | None) -> str | None:
    return expr.value if isinstance(expr, Lit) and isinstance(expr.value, str) else None


def flag_keys(expr: Expr) -> set[str] | None:
    if not isinstance(expr, Obj):
        return None
    return {item.key for item in expr.items if isinstance(item, Pair) and item.key is not None}


def guarded_object(expr: Expr) -> tuple[Expr, ...]:
    """``flag && { X: ... }`` (or ``||``, ``??``) spread into a shape: the object literal on the
    right, whose keys exist only when the guard lets it through; nothing for anything else."""
    if isinstance(expr, Other) and len(expr.parts) == 2 and isinstance(expr.parts[1], Obj):
        return (expr.parts[1],)
    return ()


def merge_branches(branches: list[list[Member]]) -> list[Member]:
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


def as_text(value: Any) -> str:
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


def sites_of(view: View, kind: str) -> list[ParseSite]:
    return [s for s in view.module.sites if s.kind == kind]
