"""t3-env: ``createEnv({ server, client, shared, runtimeEnv | experimental__runtimeEnv,
clientPrefix })`` from ``@t3-oss/env-nextjs`` / ``env-core`` / ``env-nuxt``, evaluated from a
module's facts."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Location, Schema, SchemaVar
from ..model.ir import Arr, Call, Env, Expr, Obj, ParseSite, Ref, Spread
from .modules import View
from .zod import Evaluator, env_name, sites_of, string

_SECTIONS = ("server", "client", "shared")
_VARIABLE_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_$")
_DEFAULT_PREFIX = {"@t3-oss/env-nextjs": "NEXT_PUBLIC_", "@t3-oss/env-nuxt": "NUXT_PUBLIC_"}
# ``extends: [neonVercel()]``: the variables t3-env's presets declare (name, required). The
# platform presets (vercel, render, railway, fly, netlify) declare what the platform sets: known
# platform variables already, nothing to declare. Another module's ``createEnv`` in
# ``extends`` is a schema of its own.
_PG = ("POSTGRES_USER", "POSTGRES_HOST", "POSTGRES_PASSWORD", "POSTGRES_DATABASE")
_PRESETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # (required, optional)
    "neonVercel": (
        ("DATABASE_URL",),
        ("DATABASE_URL_UNPOOLED", "PGHOST", "PGHOST_UNPOOLED", "PGUSER", "PGDATABASE",
         "PGPASSWORD", "POSTGRES_URL", "POSTGRES_URL_NON_POOLING", *_PG, "POSTGRES_URL_NO_SSL",
         "POSTGRES_PRISMA_URL"),
    ),
    "supabaseVercel": (
        ("POSTGRES_URL",),
        ("POSTGRES_PRISMA_URL", "POSTGRES_URL_NON_POOLING", *_PG, "SUPABASE_SERVICE_ROLE_KEY",
         "SUPABASE_ANON_KEY", "SUPABASE_URL", "SUPABASE_JWT_SECRET",
         "NEXT_PUBLIC_SUPABASE_ANON_KEY", "NEXT_PUBLIC_SUPABASE_URL"),
    ),
    "uploadthing": (("UPLOADTHING_TOKEN",), ()),
    "uploadthingV6": (("UPLOADTHING_TOKEN",), ()),
}  # fmt: skip


def t3_schemas(evaluator: Evaluator, view: View) -> list[Schema]:
    found = []
    for site in sites_of(view, "t3"):
        # the options inline, or a constant of the same module (``createEnv(options)``)
        options = evaluator.local(view, site.args[0]) if site.args else None
        if not isinstance(options, Obj):
            evaluator.note(site.loc, "createEnv() with options env-lint cannot read")
            continue
        if _passes_options_on(view, options):
            continue  # a wrapper of createEnv: its callers' schemas are read where they call it
        found.append(_schema(evaluator, view, site, options))
    return found


def _passes_options_on(view: View, options: Obj) -> bool:
    """``createEnv({ ...opts, server, client })`` inside a function: the options spread a name
    the module neither declares nor imports (a parameter), so the call hands on what its own
    caller gives (a project's copy of t3-env's ``createEnv``). No schema of its own."""
    return any(
        isinstance(item, Spread)
        and isinstance(item.expr, Ref)
        and item.expr.name not in view.decls
        and item.expr.name not in view.imports
        for item in options.items
    )


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
    extended = pairs.get("extends")
    for entry in extended.items if isinstance(extended, Arr) else ():
        variables.extend(_preset(view, entry))
    runtime, where, client_only = _runtime_env(evaluator, view, pairs)
    renamed = _renamed(evaluator, view, pairs, [v.name for v in variables])
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


def _preset(view: View, item: Expr) -> list[SchemaVar]:
    """The variables of ``preset()`` imported from ``@t3-oss/env-*/presets*``."""
    if not isinstance(item, Call) or not isinstance(item.func, Ref):
        return []
    imported = view.imports.get(item.func.name)
    if imported is None or not imported.specifier.startswith("@t3-oss/env"):
        return []
    if "preset" not in imported.specifier:
        return []
    required, optional = _PRESETS.get(imported.name, ((), ()))
    return [
        SchemaVar(name, item.loc, "string", name in required, section="server", expression="preset")
        for name in (*required, *optional)
    ]


def _renamed(
    evaluator: Evaluator, view: View, pairs: dict[str | None, Expr], keys: list[str]
) -> dict[str, str]:
    """``runtimeEnv: { KEY: process.env.OTHER }``: the environment must hold OTHER.
    ``runtimeEnv: withPrefix("CACHE_")``: a helper called with a variable prefix hands the
    schema ``CACHE_HOST`` as ``HOST`` (a key that already carries the prefix keeps its name)."""
    node = evaluator.local(view, pairs.get("runtimeEnv") or pairs.get("experimental__runtimeEnv"))
    prefix = _prefix_argument(node)
    if prefix is not None:
        return {key: prefix + key for key in keys if not key.startswith(prefix)}
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


def _prefix_argument(node: Expr | None) -> str | None:
    if not isinstance(node, Call) or len(node.args) != 1:
        return None
    text = string(node.args[0])
    return text if text is not None and _VARIABLE_PREFIX.match(text) else None


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
