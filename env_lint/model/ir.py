"""What a JS/TS module says about env schemas, as plain data: the expressions env-lint may need
(lowered from the syntax tree once, then cacheable), the module's imports and exports, and the
places where a schema meets the environment (``schema.parse(process.env)``, ``createEnv()``,
``cleanEnv()``).

Schemas are *evaluated* from these facts in a later step that can follow imports into other
modules; nothing here knows zod.
"""

from __future__ import annotations

from dataclasses import dataclass

from .core import Location

LitValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Ref:
    """An identifier: a local declaration, a parameter, an import or a global."""

    name: str
    loc: Location


@dataclass(frozen=True, slots=True)
class Prop:
    """``obj.name`` (also ``obj?.name`` and ``obj["name"]``)."""

    obj: Expr
    name: str
    loc: Location


@dataclass(frozen=True, slots=True)
class Call:
    func: Expr
    args: tuple[Expr, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class Pair:
    """An object property; ``key`` None for a computed key env-lint cannot name."""

    key: str | None
    key_loc: Location
    value: Expr
    shorthand: bool = False


@dataclass(frozen=True, slots=True)
class Spread:
    expr: Expr
    loc: Location


@dataclass(frozen=True, slots=True)
class Obj:
    items: tuple[Pair | Spread, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class Arr:
    items: tuple[Expr, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class Lit:
    """A literal whose value is known exactly (numbers folded: ``60 * 1000``)."""

    value: LitValue
    loc: Location


@dataclass(frozen=True, slots=True)
class Cond:
    """``test ? then : other``."""

    then: Expr
    other: Expr
    loc: Location


@dataclass(frozen=True, slots=True)
class Fn:
    """An arrow or function whose result is one expression (``() => z.string().optional()``,
    ``function f(x) { return ... }``)."""

    params: tuple[str, ...]
    body: Expr
    loc: Location


@dataclass(frozen=True, slots=True)
class Env:
    """The environment object itself: ``process.env``, ``import.meta.env``, ``Bun.env``."""

    kind: str
    loc: Location


@dataclass(frozen=True, slots=True)
class Other:
    """An expression env-lint does not model (``a ?? b``, ```${x}```, ``await x``), with the
    sub-expressions it is made of (to see whether it reads the environment)."""

    parts: tuple[Expr, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class Opaque:
    """Anything else (kept only for its position)."""

    loc: Location


Expr = Ref | Prop | Call | Obj | Arr | Lit | Cond | Fn | Env | Other | Opaque


@dataclass(frozen=True, slots=True)
class Import:
    local: str
    specifier: str  # as written: "./env", "@/lib/env", "zod"
    name: str  # the exported name; "default" and "*" (a namespace) are names too


@dataclass(frozen=True, slots=True)
class Export:
    """``export const X`` / ``export { a as X }`` (local ``a``) / ``export default ...`` (the
    expression is the declaration ``default``), or a re-export from another module."""

    name: str
    local: str | None = None
    specifier: str | None = None  # re-export: ``export { X } from "./y"``
    imported: str | None = None


@dataclass(frozen=True, slots=True)
class ParseSite:
    """Where a schema meets the environment.

    - ``zod``: ``target.<method>(args[0])`` with a parse method;
    - ``t3``: ``createEnv(args[0])`` (``source`` is the import it came from);
    - ``envalid``: ``cleanEnv(args[0], args[1])``.
    """

    kind: str
    loc: Location  # the call
    target: Expr | None
    method: str
    args: tuple[Expr, ...]
    source: str = ""
    target_loc: Location | None = None  # where the schema expression starts, as written


@dataclass(frozen=True, slots=True)
class Module:
    """The schema-relevant facts of one JS/TS module."""

    path: str
    imports: tuple[Import, ...] = ()
    exports: tuple[Export, ...] = ()
    star_exports: tuple[str, ...] = ()  # ``export * from "./x"``
    decls: tuple[tuple[str, Expr], ...] = ()  # lowered declarations, first one per name
    sites: tuple[ParseSite, ...] = ()
    syntax_error: Location | None = None
    complete: bool = False  # True: every exported declaration is lowered too

    def decl(self, name: str) -> Expr | None:
        for key, value in self.decls:
            if key == name:
                return value
        return None
