"""envalid: ``cleanEnv(process.env, { X: str({ default, devDefault, choices, desc }) })``,
evaluated from a module's facts."""

from __future__ import annotations

from dataclasses import replace

from ..model import Constraints, Location, Schema, SchemaVar
from ..model.ir import Arr, Call, Cond, Env, Expr, Obj, Prop, Ref, Spread
from .modules import View
from .zod import Evaluator, as_text, guarded_object, literal, sites_of, string

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


def envalid_schemas(evaluator: Evaluator, view: View) -> list[Schema]:
    found = []
    for site in sites_of(view, "envalid"):
        args = site.args
        source = evaluator.local(view, args[0]) if args else None
        if len(args) < 2 or not (isinstance(source, Env) and source.kind == "process"):
            evaluator.note(
                site.loc, "cleanEnv() env-lint cannot read (not process.env, or no spec)"
            )
            continue
        spec = evaluator.local(view, args[1])
        if not isinstance(spec, Obj):
            evaluator.note(site.loc, "a cleanEnv() spec env-lint cannot read")
            continue
        variables = _spec(evaluator, view, spec, conditional=False)
        found.append(Schema(view.path, site.loc, tuple(variables), kind="envalid"))
    return found


def _spec(evaluator: Evaluator, view: View, spec: Obj, *, conditional: bool) -> list[SchemaVar]:
    variables: list[SchemaVar] = []
    for item in spec.items:
        if isinstance(item, Spread):
            variables.extend(_spread(evaluator, view, item))
            continue
        if item.shorthand or item.key is None:
            continue
        var = _validator(item.key, item.key_loc, item.value)
        variables.append(
            replace(var, conditional=var.conditional or (conditional and var.required))
        )
    return variables


def _spread(evaluator: Evaluator, view: View, item: Spread) -> list[SchemaVar]:
    """``...(isProd ? { X: str() } : {})``, ``...(isProd && { X: str() })``: keys present in
    some configurations only."""
    inner = item.expr
    sides = (inner.then, inner.other) if isinstance(inner, Cond) else guarded_object(inner)
    if sides:
        found: list[SchemaVar] = []
        for branch in sides:
            if isinstance(branch, Obj):
                found.extend(_spec(evaluator, view, branch, conditional=True))
        return found
    target = evaluator.local(view, inner) if isinstance(inner, Ref) else None
    if isinstance(target, Obj):
        return _spec(evaluator, view, target, conditional=False)
    evaluator.note(item.loc, "a spread env-lint cannot follow")
    return []


def _validator(name: str, key: Location, value: Expr) -> SchemaVar:
    validator, options = "", None
    if isinstance(value, Call):
        if isinstance(value.func, (Ref, Prop)):
            validator = value.func.name
        first = value.args[0] if value.args else None
        options = first if isinstance(first, Obj) else None
    opts = {
        item.key: item.value
        for item in (options.items if options is not None else ())
        if not isinstance(item, Spread) and not item.shorthand
    }
    has_default = "default" in opts
    known, default = literal(opts["default"]) if has_default else (False, None)
    choices = _choices(opts.get("choices"))
    kind = "enum" if choices else _TYPES.get(validator, "unknown")
    return SchemaVar(
        name=name,
        location=key,
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
        description=string(opts.get("desc")),
        expression=f"{validator}()" if validator else "",
        conditional="devDefault" in opts and not has_default,
    )


def _choices(expr: Expr | None) -> tuple[str, ...]:
    if not isinstance(expr, Arr):
        return ()
    values = []
    for item in expr.items:
        known, value = literal(item)
        if not known:
            return ()
        values.append(as_text(value) if isinstance(value, bool) else str(value))
    return tuple(values)
