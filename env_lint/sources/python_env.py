"""Python, with the ``ast`` module (user code is never imported or run).

- pydantic-settings: ``BaseSettings`` subclasses (also through local base classes), fields with
  annotations and defaults, ``Field(default=..., alias=..., validation_alias=AliasChoices(...))``,
  ``model_config = SettingsConfigDict(env_prefix=..., case_sensitive=...)`` and the old
  ``class Config:``; env names computed as pydantic does. A ``cli_`` option makes the class a
  command-line model, whose required fields the command line may give instead.
- reads: ``os.environ["X"]``, ``os.environ.get("X", d)``, ``os.getenv("X")``,
  ``environ.get`` / ``getenv`` after ``from os import ...``, ``os.environ.setdefault``, and
  configured accessors; dynamic names are kept as their static prefix.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import (
    Constraints,
    DynamicRead,
    FileFacts,
    Location,
    ParseFailure,
    Schema,
    SchemaVar,
    Unrecognized,
    Usage,
)
from ..textio import decode, is_binary
from .base import MARKER_BYTES, Settings, Source
from .directives import directives_in
from .python_reads import dotted as _dotted
from .python_reads import is_classvar, python_reads

_MARKERS = (
    b"environ", b"getenv", b"BaseSettings", b"decouple", b"starlette.config", b"environs",
    b"envvar", b"env_var",  # click / typer / configargparse options read from the environment
    b"import env",  # ``from config.env import env``: a project's shared environment reader
    b"Dynaconf",  # dynaconf loads a prefix's variables as settings
)  # fmt: skip

_SETTINGS_BASES = {"BaseSettings"}
_URL_TYPES = {
    "AnyUrl",
    "HttpUrl",
    "AnyHttpUrl",
    "PostgresDsn",
    "RedisDsn",
    "MongoDsn",
    "AmqpDsn",
    "KafkaDsn",
    "MySQLDsn",
    "FileUrl",
    "WebsocketUrl",
    "NatsDsn",
    "ClickHouseDsn",
}
_TYPE_NAMES = {
    "str": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "SecretStr": "string",
    "EmailStr": "email",
    "UUID": "uuid",
    "Decimal": "number",
    "PositiveInt": "number",
    "NonNegativeInt": "number",
    "Path": "string",
}


@dataclass
class PythonEnv:
    schemas: list[Schema] = field(default_factory=list)
    usages: list[Usage] = field(default_factory=list)
    dynamic: list[DynamicRead] = field(default_factory=list)
    unrecognized: list[Unrecognized] = field(default_factory=list)
    history: bool = False  # a migration script


def _claims(rel: str, settings: Settings) -> bool:
    return rel.endswith(".py")


# Alembic revisions and Django migrations are history: nothing they mention is in use today.
_MIGRATION = re.compile(rb"^down_revision\s*[:=]|\(migrations\.Migration\)", re.MULTILINE)


def _wanted(path: str, data: bytes, settings: Settings) -> bool:
    if is_binary(data):
        return False
    markers = (*_MARKERS, MARKER_BYTES, *(a.encode() for a in settings.accessors))
    return any(m in data for m in markers) or b"igration" in data or b"revision" in data


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    if _MIGRATION.search(data):
        return FileFacts(path, SOURCE.name, history=True)
    text = decode(data, path)
    directives = directives_in(path, text.text) if not isinstance(text, ParseFailure) else ()
    markers = (*_MARKERS, *(a.encode() for a in settings.accessors))
    if not any(m in data for m in markers):
        return FileFacts(path, SOURCE.name, directives=directives)
    try:
        found = parse_python(path, data.decode("utf-8", "replace"), settings.accessors)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        failures: tuple[ParseFailure, ...] = ()
        if b"BaseSettings" in data:
            line = getattr(exc, "lineno", None) or 1
            failures = (ParseFailure(Location(path, line, 1), "Python syntax error"),)
        return FileFacts(path, SOURCE.name, failures=failures, directives=directives)
    return FileFacts(
        path,
        SOURCE.name,
        history=found.history,
        directives=directives,
        schemas=tuple(found.schemas),
        usages=tuple(found.usages),
        dynamic=tuple(found.dynamic),
        unrecognized=tuple(found.unrecognized),
    )


def parse_python(path: str, text: str, accessors: tuple[str, ...] = ()) -> PythonEnv:
    """Raises SyntaxError for a file Python cannot parse (the caller reports it)."""
    with warnings.catch_warnings():  # "invalid escape sequence" & co. are the code's business
        warnings.simplefilter("ignore")
        tree = ast.parse(text, filename=path)
    found = PythonEnv()
    reads = python_reads(path, tree, accessors)
    found.usages, found.dynamic, found.history = reads.usages, reads.dynamic, reads.history
    found.schemas = _settings(path, tree, found)
    return found


# --- pydantic-settings ---------------------------------------------------------------------


@dataclass
class _Settings:
    prefix: str = ""
    case_sensitive: bool = False
    nested_delimiter: str | None = None  # ``env_nested_delimiter="__"``: ``DB__HOST``
    models: dict[str, ast.ClassDef] = field(default_factory=dict)  # local pydantic models
    names: _ModuleNames | None = None  # the module's string constants and imports
    prefix_from: str | None = None  # ``env_prefix=PREFIX`` imported: ``pkg.mod:PREFIX``
    # a command-line model (``cli_parse_args=True``, ``class C(BaseSettings,
    # cli_implicit_flags=False)``): the command line may give what a field needs
    cli: bool = False


@dataclass(frozen=True)
class _ModuleNames:
    constants: dict[str, str]  # NAME = "literal" at module level
    imported: dict[str, str]  # local name -> ``module:NAME`` (``.mod:NAME`` when relative)
    modules: dict[str, str]  # local name -> module (``import pkg.settings_base as base``)


def module_constants(tree: ast.Module) -> dict[str, str]:
    """``NAME = "text"`` (also annotated) at a module's top level."""
    found = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and node.targets else None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        value = getattr(node, "value", None)
        text = value.value if isinstance(value, ast.Constant) else None
        if isinstance(target, ast.Name) and isinstance(text, str):
            found[target.id] = text
    return found


def module_imports(tree: ast.Module) -> dict[str, str]:
    """``from pkg.mod import NAME as local`` at top level: local -> ``pkg.mod:NAME``."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                found[alias.asname or alias.name] = f"{module}:{alias.name}"
    return found


def _module_names(tree: ast.Module) -> _ModuleNames:
    modules = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    modules[alias.asname] = alias.name
    return _ModuleNames(module_constants(tree), module_imports(tree), modules)


def _settings(path: str, tree: ast.Module, found: PythonEnv) -> list[Schema]:
    classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    chains = {name: _settings_chain(cls, classes) for name, cls in classes.items()}
    bases = {c.name for chain in chains.values() if chain for c in chain[1:]}
    models = {name: cls for name, cls in classes.items() if chains[name] is None}
    names = _module_names(tree) if any(chains.values()) else None
    schemas = []
    for cls in classes.values():
        chain = chains[cls.name]
        if chain is None or cls.name in bases:
            continue  # not settings, or a base that a settings class in this file extends
        config = _Settings(models=models, names=names)
        variables: dict[str, SchemaVar] = {}
        for klass in reversed(chain):  # base classes first, subclasses override
            config = _config(klass, config)
        for klass in reversed(chain):
            for var in _fields(path, klass, config, found):
                variables[var.name] = var
        location = Location(path, cls.lineno, cls.col_offset + 1)
        schemas.append(
            Schema(
                path,
                location,
                tuple(variables.values()),
                kind="pydantic-settings",
                prefix_from=config.prefix_from,
            )
        )
    return schemas


def _settings_chain(
    cls: ast.ClassDef, classes: dict[str, ast.ClassDef]
) -> list[ast.ClassDef] | None:
    """The class and its local bases up to ``BaseSettings``; None when it is not settings."""
    chain, current, seen = [cls], cls, set()
    while current.name not in seen:
        seen.add(current.name)
        names = [_dotted(b).rsplit(".", 1)[-1] for b in current.bases]
        if any(n in _SETTINGS_BASES for n in names):
            return chain
        local = next((classes[n] for n in names if n in classes), None)
        if local is None:
            return None
        chain.append(local)
        current = local
    return None


def _model_config(node: ast.stmt) -> ast.expr | None:
    """The value of ``model_config = ...`` (or ``model_config: ClassVar[...] = ...``)."""
    if isinstance(node, ast.Assign) and any(_dotted(t) == "model_config" for t in node.targets):
        return node.value
    if isinstance(node, ast.AnnAssign) and _dotted(node.target) == "model_config":
        return node.value
    return None


def _config(cls: ast.ClassDef, base: _Settings) -> _Settings:
    result = _Settings(
        base.prefix,
        base.case_sensitive,
        base.nested_delimiter,
        base.models,
        base.names,
        base.prefix_from,
        base.cli,
    )
    _apply(result, {k.arg: k.value for k in cls.keywords if k.arg and k.arg.startswith("cli_")})
    for node in cls.body:
        config = _model_config(node)
        if isinstance(config, ast.Call):
            _apply(result, {k.arg: k.value for k in config.keywords if k.arg})
        elif isinstance(config, ast.Dict):
            _apply(
                result,
                {_const(k): v for k, v in zip(config.keys, config.values, strict=True) if k},
            )
        elif isinstance(node, ast.ClassDef) and node.name == "Config":
            _apply(
                result,
                {
                    _dotted(t): n.value
                    for n in node.body
                    if isinstance(n, ast.Assign)
                    for t in n.targets
                },
            )
    return result


def _apply(settings: _Settings, options: dict[Any, ast.expr]) -> None:
    prefix, case = options.get("env_prefix"), options.get("case_sensitive")
    if any(isinstance(k, str) and k.startswith("cli_") for k in options):
        settings.cli = True
    if prefix is not None:
        settings.prefix, settings.prefix_from = _prefix(prefix, settings.names)
    delimiter = options.get("env_nested_delimiter")
    if isinstance(delimiter, ast.Constant) and isinstance(delimiter.value, str) and delimiter.value:
        settings.nested_delimiter = delimiter.value
    if isinstance(case, ast.Constant) and isinstance(case.value, bool):
        settings.case_sensitive = case.value


def _prefix(node: ast.expr, names: _ModuleNames | None) -> tuple[str, str | None]:
    """``env_prefix``: a literal, a constant of this module, or a name imported from another
    (``module:NAME``, resolved across files); "" when it cannot be known."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, None
    if names is None:
        return "", None
    if isinstance(node, ast.Name):
        if node.id in names.constants:
            return names.constants[node.id], None
        return "", names.imported.get(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        module = names.modules.get(node.value.id) or node.value.id
        imported = names.imported.get(node.value.id)
        if imported is not None:  # ``from pkg import settings_base``
            package, _, name = imported.partition(":")
            module = f"{package}.{name}" if package.strip(".") else f"{package}{name}"
        return "", f"{module}:{node.attr}"
    return "", None


def _const(node: ast.expr | None) -> Any:
    return node.value if isinstance(node, ast.Constant) else None


def _fields(path: str, cls: ast.ClassDef, config: _Settings, found: PythonEnv) -> list[SchemaVar]:
    variables = []
    for node in cls.body:
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            continue
        name = node.target.id
        if name.startswith("_") or name == "model_config" or is_classvar(node.annotation):
            continue
        var = _field(path, name, node, config, found)
        if config.cli and var.required:
            var = replace(var, required=False, conditional=True)  # or a command-line flag
        model = _nested_model(node.annotation, config)
        if model is None:
            variables.append(var)
            continue
        # a nested model: the variable takes JSON, or each of its fields one by one
        # (``DB__HOST``): which one a deploy sets is its choice
        variables.append(replace(var, required=False, conditional=var.required))
        variables += _nested(path, var.name, model, config, var.required, found, depth=1)
    return variables


def _nested_model(annotation: ast.expr, config: _Settings) -> ast.ClassDef | None:
    """The local pydantic model a field is annotated with, when a nested delimiter is set."""
    if config.nested_delimiter is None:
        return None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        parts = [p for p in (annotation.left, annotation.right) if not _is_none(p)]
        annotation = parts[0] if len(parts) == 1 else annotation
    if isinstance(annotation, ast.Subscript) and _dotted(annotation.value).endswith("Optional"):
        annotation = annotation.slice
    return config.models.get(_dotted(annotation).rsplit(".", 1)[-1])


def _nested(
    path: str,
    parent: str,
    model: ast.ClassDef,
    config: _Settings,
    required: bool,
    found: PythonEnv,
    depth: int,
) -> list[SchemaVar]:
    """``PARENT__FIELD`` for each field of a nested model (and deeper, up to three levels):
    required only in the configurations that set the model field by field."""
    delimiter = config.nested_delimiter or "__"
    inner = _Settings(case_sensitive=config.case_sensitive, nested_delimiter=delimiter)
    inner.models = config.models
    variables = []
    for node in model.body:
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            continue
        if node.target.id.startswith("_") or is_classvar(node.annotation):
            continue
        var = _field(path, node.target.id, node, inner, found)
        name = f"{parent}{delimiter}{var.name}"
        needed = required and var.required
        key = name if config.prefix_from else None
        variables.append(
            replace(var, name=name, aliases=(), required=needed, conditional=needed, key=key)
        )
        deeper = _nested_model(node.annotation, inner) if depth < 3 else None
        if deeper is not None:
            variables += _nested(path, name, deeper, config, needed, found, depth + 1)
    return variables


def _field(
    path: str, name: str, node: ast.AnnAssign, config: _Settings, found: PythonEnv
) -> SchemaVar:
    has_default, default, aliases, description = node.value is not None, node.value, [], None
    if isinstance(node.value, ast.Call) and _dotted(node.value.func).endswith("Field"):
        call = node.value
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        first = call.args[0] if call.args else keywords.get("default")
        has_default = (
            first is not None and not _is_ellipsis(first)
        ) or "default_factory" in keywords
        default = first if first is not None and not _is_ellipsis(first) else None
        aliases = _aliases(keywords.get("validation_alias") or keywords.get("alias"))
        description = _const(keywords.get("description"))
    env_names = aliases or [config.prefix + name]
    if not config.case_sensitive:
        env_names = [n.upper() for n in env_names]
    # under a prefix another module holds: the name without it, until it is resolved
    key = env_names[0] if config.prefix_from and not aliases and not config.case_sensitive else None
    kind, choices = _annotation(node.annotation)
    known, value = _literal(default)
    return SchemaVar(
        name=env_names[0],
        location=Location(path, node.lineno, node.col_offset + 1),
        type=kind,
        required=not has_default,
        has_default=has_default,
        default=value if known else None,
        default_known=known and value is not None,
        choices=choices,
        constraints=Constraints(),
        description=description if isinstance(description, str) else None,
        expression=_label(node.annotation),
        aliases=tuple(env_names[1:]),
        key=key,
    )


def _label(node: ast.expr) -> str:
    """The annotation as type names only (``Optional[int]``, ``PostgresDsn``): never a literal
    from it (``Field(examples=['postgres://user:pass@...'])`` inside ``Annotated``)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return f"{_label(node.left)} | {_label(node.right)}"
    if isinstance(node, ast.Constant) and node.value is None:
        return "None"
    if isinstance(node, ast.Subscript):
        outer = _dotted(node.value) or "type"
        if outer.rsplit(".", 1)[-1] == "Annotated" and isinstance(node.slice, ast.Tuple):
            return _label(node.slice.elts[0]) if node.slice.elts else outer
        if outer.rsplit(".", 1)[-1] == "Literal":
            return f"{outer}[...]"
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return f"{outer}[{', '.join(_label(i) for i in items)}]"
    return _dotted(node) or "annotation"


def _is_ellipsis(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _aliases(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and _dotted(node.func).endswith("AliasChoices"):
        return [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
    return []


def _annotation(node: ast.expr) -> tuple[str, tuple[str, ...]]:
    """(type, choices): ``Optional[X]`` / ``X | None`` unwrap to X; ``Literal[...]`` is an enum."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        parts = [p for p in (node.left, node.right) if not _is_none(p)]
        return _annotation(parts[0]) if len(parts) == 1 else ("unknown", ())
    if isinstance(node, ast.Subscript):
        outer = _dotted(node.value).rsplit(".", 1)[-1]
        if outer == "Optional":
            return _annotation(node.slice)
        if outer == "Literal":
            items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            values = [
                str(_const(i)).lower() if isinstance(_const(i), bool) else str(_const(i))
                for i in items
            ]
            return "enum", tuple(values)
        if outer == "Annotated" and isinstance(node.slice, ast.Tuple) and node.slice.elts:
            return _annotation(node.slice.elts[0])
        return "unknown", ()
    name = _dotted(node).rsplit(".", 1)[-1]
    if name in _URL_TYPES:
        return "url", ()
    return _TYPE_NAMES.get(name, "unknown"), ()


def _literal(node: ast.expr | None) -> tuple[bool, Any]:
    if node is None:
        return False, None
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True, value
    return False, None


SOURCE = Source("python", _claims, _parse, prefilter=_wanted, words="code", strict=False)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in (None, "")
