"""t3-env: ``createEnv({ server, client, shared, runtimeEnv | experimental__runtimeEnv,
clientPrefix })`` from ``@t3-oss/env-nextjs`` / ``env-core`` / ``env-nuxt``, evaluated from a
module's facts."""

from __future__ import annotations

from dataclasses import replace

from ..model import Location, Schema, SchemaVar
from ..model.ir import Env, Expr, Obj, ParseSite, Spread
from .modules import View
from .zod import Evaluator, env_name, sites_of, string

_SECTIONS = ("server", "client", "shared")
_DEFAULT_PREFIX = {"@t3-oss/env-nextjs": "NEXT_PUBLIC_", "@t3-oss/env-nuxt": "NUXT_PUBLIC_"}


def t3_schemas(evaluator: Evaluator, view: View) -> list[Schema]:
    found = []
    for site in sites_of(view, "t3"):
        options = site.args[0] if site.args else None
        if not isinstance(options, Obj):
            evaluator.note(site.loc, "createEnv() with options env-lint cannot read")
            continue
        found.append(_schema(evaluator, view, site, options))
    return found


def _schema(evaluator: Evaluator, view: View, site: ParseSite, options: Obj) -> Schema:
    pairs: dict[str | None, Expr] = {}
    for item in options.items:
        if not isinstance(item, Spread):
            pairs[item.key] = item.value
    variables: list[SchemaVar] = []
    for section in _SECTIONS:
        value = pairs.get(section)
        if value is None:
            continue
        members = evaluator.shape(view, value, 0)
        if members is None:
            evaluator.note(value.loc, f"a createEnv `{section}` object env-lint cannot read")
            continue
        variables.extend(evaluator.member_var(m, section) for m in members)
    runtime, where, client_only = _runtime_env(evaluator, view, pairs)
    renamed = _renamed(evaluator, view, pairs)
    variables = [
        replace(v, name=renamed[v.name], key=v.name) if v.name in renamed else v for v in variables
    ]
    prefix = string(pairs.get("clientPrefix")) or _DEFAULT_PREFIX.get(site.source)
    return Schema(
        path=view.path,
        location=site.loc,
        variables=tuple(variables),
        kind="t3-env",
        runtime_env=runtime,
        runtime_env_location=where,
        runtime_env_client_only=client_only,
        client_prefix=prefix,
    )


def _renamed(evaluator: Evaluator, view: View, pairs: dict[str | None, Expr]) -> dict[str, str]:
    """``runtimeEnv: { KEY: process.env.OTHER }``: the environment must hold OTHER."""
    node = evaluator.local(view, pairs.get("runtimeEnv") or pairs.get("experimental__runtimeEnv"))
    if not isinstance(node, Obj):
        return {}
    found = {}
    for item in node.items:
        if isinstance(item, Spread) or item.key is None:
            continue
        read = env_name(item.value)
        if read is not None and read != item.key:
            found[item.key] = read
    return found


def _runtime_env(
    evaluator: Evaluator, view: View, pairs: dict[str | None, Expr]
) -> tuple[tuple[tuple[str, Location], ...] | None, Location | None, bool]:
    client_only = "experimental__runtimeEnv" in pairs and "runtimeEnv" not in pairs
    node = evaluator.local(view, pairs.get("runtimeEnv") or pairs.get("experimental__runtimeEnv"))
    if not isinstance(node, Obj) or isinstance(node, Env):
        return None, None, client_only
    keys = []
    for item in node.items:
        if isinstance(item, Spread):
            return None, None, client_only  # ...process.env: every key is passed
        if item.key is not None:
            keys.append((item.key, item.key_loc))
    return tuple(keys), node.loc, client_only
