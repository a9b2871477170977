"""Configuration: ``[tool.env-lint]`` in ``pyproject.toml`` or the same keys in ``.env-lint.toml``.

Validated against ``schemas/config.schema.json`` (jsonschema is imported only when a config
exists). A bad config raises ``ConfigError`` naming the file, the key path and what was expected.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .textio import inside

if TYPE_CHECKING:
    from .model import ServiceConfig

CONFIG_FILE = ".env-lint.toml"
_CODE_PREFIX = re.compile(r"EL[0-9]{0,3}")


class ConfigError(Exception):
    """A usage or configuration problem: exit code 2."""


@dataclass(frozen=True, slots=True)
class Config:
    examples: tuple[str, ...] = ()
    schemas: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    default_excludes: bool = True  # skip frozen copies (paths.DEFAULT_EXCLUDES)
    auto_discover: bool = True
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    ignore_variables: tuple[tuple[str, tuple[str, ...]], ...] = ()
    accessors: tuple[str, ...] = ()
    implicit_variables: tuple[str, ...] = ()
    library_variables: tuple[tuple[str, tuple[str, ...]], ...] = ()
    services: tuple[ServiceConfig, ...] = ()
    snapshots: tuple[tuple[str, str], ...] = ()  # (target, path) from the config or the CLI
    # Manifest kinds that must provide every variable their service requires (fly.toml, CI jobs:
    # by default their secrets are set out of band).
    complete_manifests: tuple[str, ...] = ()
    cache: bool = False  # keep per-file facts between runs: on for the CLI (load_config)
    cache_dir: str | None = None  # default: .env-lint-cache at the root
    jobs: int = 1  # worker processes reading files (0: one per core; the CLI's default)
    source: str | None = None  # the file it was read from, for messages


@dataclass(frozen=True, slots=True)
class FoundRoot:
    path: str  # relative to the working directory ("." or "../..")
    how: str  # how it was found, for the note printed when there is nothing to check
    looked_at: tuple[str, ...] = ()  # the directories whose files decided it (absolute)


def discover_root(start: str = ".") -> FoundRoot:
    """Like ruff: the nearest directory from ``start`` up that holds ``.env-lint.toml`` or a
    ``pyproject.toml`` with ``[tool.env-lint]``; else the git work-tree top; else ``start``.
    The search for a config stops at the work-tree top: a config above the repo is not its own."""
    origin = os.path.abspath(start)
    directory = origin
    looked_at: list[str] = []
    while True:
        looked_at.append(directory)
        marker = _config_marker(directory)
        if marker is not None:
            how = f"the nearest directory with {marker}"
            return FoundRoot(_relative(directory), how, tuple(looked_at))
        if os.path.exists(os.path.join(directory, ".git")):
            return FoundRoot(_relative(directory), "the top of the git work tree", tuple(looked_at))
        parent = os.path.dirname(directory)
        if parent == directory:
            how = "the working directory (no env-lint config and no git work tree above it)"
            return FoundRoot(_relative(origin), how, tuple(looked_at))
        directory = parent


def root_markers(directory: str) -> tuple[tuple[str, str], str]:
    """What ``discover_root`` looks at in a directory: the two config files (their content
    decides) and ``.git`` (its presence decides)."""
    config = (os.path.join(directory, CONFIG_FILE), os.path.join(directory, "pyproject.toml"))
    return config, os.path.join(directory, ".git")


def _config_marker(directory: str) -> str | None:
    if os.path.isfile(os.path.join(directory, CONFIG_FILE)):
        return CONFIG_FILE
    pyproject = os.path.join(directory, "pyproject.toml")
    try:
        with open(pyproject, "rb") as handle:
            if b"env-lint" not in handle.read():
                return None  # no [tool.env-lint]: no need to parse it
    except OSError:
        return None
    if _tool_table(pyproject, _read_toml(pyproject)) is None:
        return None
    return "[tool.env-lint] in pyproject.toml"


def _relative(directory: str) -> str:
    return os.path.relpath(directory).replace(os.sep, "/")


def find_config(root: str, explicit: str | None) -> tuple[str, dict[str, Any]] | None:
    """The config table and the file it came from, or None when the repo has none."""
    if explicit is not None:
        if not os.path.lexists(explicit):
            raise ConfigError(f"{explicit}: config file not found")
        data = _read_toml(explicit)
        if os.path.basename(explicit) == "pyproject.toml":
            return explicit, _tool_table(explicit, data) or {}
        return explicit, data
    dedicated = os.path.join(root, CONFIG_FILE)
    if os.path.lexists(dedicated):
        return dedicated, _read_toml(dedicated, root)
    pyproject = os.path.join(root, "pyproject.toml")
    if os.path.lexists(pyproject):
        table = _tool_table(pyproject, _read_toml(pyproject, root))
        if table is not None:
            return pyproject, table
    return None


def _tool_table(path: str, data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    if not isinstance(tool, dict) or "env-lint" not in tool:
        return None
    table = tool["env-lint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.env-lint] must be a table")
    return table


def _read_toml(path: str, root: str | None = None) -> dict[str, Any]:
    """A TOML file (a regular file under the size cap; inside ``root`` when given)."""
    from .textio import read_bytes

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    raw = read_bytes(path, path, root=root)
    if not isinstance(raw, bytes):
        raise ConfigError(f"{path}: cannot read config: {raw.reason}")
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        return data
    except tomllib.TOMLDecodeError as exc:  # its message may quote a key: not the text
        raise ConfigError(f"{path}: invalid TOML: {_QUOTED.sub('…', str(exc))}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read config: not valid UTF-8") from None
    except (RecursionError, MemoryError):
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_config(root: str, explicit: str | None, known_rules: frozenset[str]) -> Config:
    from .model import ServiceConfig

    found = find_config(root, explicit)
    if found is None:
        return Config(cache=True)
    path, table = found
    prefix = "[tool.env-lint]" if path.endswith("pyproject.toml") else ""
    validate(path, prefix, table)
    _check_rule_names(path, prefix, table, known_rules)
    ignore_vars = table.get("ignore-variables", {})
    base = os.path.dirname(path)
    services = tuple(
        ServiceConfig(name, str(item["path"]), tuple(item.get("targets", ())))
        for name, item in sorted(table.get("services", {}).items())
    )
    snapshots = tuple(
        (target, os.path.join(base, file))
        for target, file in sorted(table.get("snapshots", {}).items())
    )
    cache_dir = _cache_dir(path, table)
    if explicit is None:  # a config the repo brings may not point env-lint outside the repo
        for target, file in snapshots:
            if not inside(file, root):
                where = _key_path(prefix, ["snapshots", target])
                raise ConfigError(f"{path}: {where}: the snapshot file must be inside the repo")
        if cache_dir is not None and not inside(cache_dir, root):
            where = _key_path(prefix, ["cache-dir"])
            raise ConfigError(f"{path}: {where}: the cache directory must be inside the repo")
    return Config(
        examples=tuple(table.get("examples", ())),
        schemas=tuple(table.get("schemas", ())),
        docs=tuple(table.get("docs", ())),
        exclude=tuple(table.get("exclude", ())),
        default_excludes=bool(table.get("default-excludes", True)),
        auto_discover=bool(table.get("auto-discover", True)),
        select=tuple(table.get("select", ())),
        extend_select=tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())),
        strict=bool(table.get("strict", False)),
        ignore_variables=tuple((k, tuple(v)) for k, v in sorted(ignore_vars.items())),
        accessors=tuple(table.get("accessors", ())),
        implicit_variables=tuple(table.get("implicit-variables", ())),
        library_variables=tuple(
            (k, tuple(v)) for k, v in sorted(table.get("library-variables", {}).items())
        ),
        services=services,
        snapshots=snapshots,
        complete_manifests=tuple(table.get("manifests", {}).get("complete", ())),
        cache=bool(table.get("cache", True)),
        cache_dir=cache_dir,
        source=path,
    )


def _cache_dir(path: str, table: dict[str, Any]) -> str | None:
    value = table.get("cache-dir")
    return os.path.join(os.path.dirname(path), value) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class CacheSetting:
    """What a replayed run needs of the config, read without validating it (a config the full
    run would refuse never has a recorded run): where the cache is, and the files it names."""

    enabled: bool
    directory: str | None  # from ``cache-dir``; None: the default place
    files: tuple[str, ...]  # where a config would be, and the snapshot files it names


def cache_setting(root: str, explicit: str | None) -> CacheSetting:
    # Where a config would be found, present or not: a config created since (even one git does
    # not track) is another run.
    looked = [explicit] if explicit is not None else list(root_markers(root)[0])
    found = find_config(root, explicit)
    if found is None:
        return CacheSetting(True, None, tuple(looked))
    path, table = found
    snapshots = table.get("snapshots")
    named = snapshots.values() if isinstance(snapshots, dict) else ()
    files = [
        *looked,
        *(os.path.join(os.path.dirname(path), f) for f in named if isinstance(f, str)),
    ]
    return CacheSetting(
        table.get("cache", True) is not False, _cache_dir(path, table), tuple(dict.fromkeys(files))
    )


def package_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``env_lint/schemas/``."""
    import json
    from importlib import resources

    text = resources.files("env_lint").joinpath(f"schemas/{name}").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def config_schema() -> dict[str, Any]:
    return package_schema("config.schema.json")


def validate(path: str, prefix: str, table: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(config_schema())
    problems = []
    for error in sorted(validator.iter_errors(table), key=lambda e: list(map(str, e.path))):
        key = _key_path(prefix, list(error.path))
        problems.append(f"{path}: {key}: {_expected(error)}")
    if problems:
        raise ConfigError("\n".join(problems))


def _key_path(prefix: str, parts: list[Any]) -> str:
    text = prefix
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _expected(error: Any) -> str:
    return schema_problem(error)


_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_KEY_SHAPE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_WHAT = {
    "enum": "not one of the allowed values",
    "const": "not the expected value",
    "pattern": "does not have the expected form",
    "minLength": "too short",
    "maxLength": "too long",
    "minItems": "too few items",
    "maxItems": "too many items",
    "uniqueItems": "has duplicate items",
    "required": "a required key is missing",
    "minimum": "too small",
    "maximum": "too large",
    "format": "not in the expected format",
}


def schema_problem(error: Any) -> str:
    """What a jsonschema error says, in words that never quote the offending value (the
    library's own messages do)."""
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted(str(k) for k in error.instance if k not in known)
        shown = ", ".join(
            repr(k) if _KEY_SHAPE.match(k) else "a key that is not a name" for k in extra
        )
        verb = "were" if len(extra) > 1 else "was"
        return f"unknown key ({shown} {verb} unexpected)"
    if kind == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__}"
    if kind == "required" and isinstance(error.validator_value, list):
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        return f"missing key {', '.join(map(repr, missing))}" if missing else _WHAT[kind]
    return _WHAT.get(str(kind), f"does not satisfy `{kind}`")


def code_prefix(key: str) -> str | None:
    """``EL2`` / ``el20`` / ``EL200``: the upper-case code prefix a selector names, else None."""
    upper = key.strip().upper()
    return upper if _CODE_PREFIX.fullmatch(upper) else None


def is_rule_selector(key: str, known_rules: frozenset[str]) -> bool:
    """A rule name or code, ``ALL``, or a code prefix that at least one rule has."""
    if key in known_rules or key.upper() in known_rules or key == "ALL":
        return True
    prefix = code_prefix(key)
    return prefix is not None and any(k.startswith(prefix) for k in known_rules)


def _check_rule_names(
    path: str, prefix: str, table: dict[str, Any], known_rules: frozenset[str]
) -> None:
    problems = []
    for key in ("select", "extend-select", "ignore"):
        for index, name in enumerate(table.get(key, ())):
            if not is_rule_selector(name, known_rules):
                where = _key_path(prefix, [key, index])
                problems.append(f"{path}: {where}: unknown rule {name!r} (see `env-lint rules`)")
    for name in table.get("ignore-variables", {}):
        if name != "*" and not is_rule_selector(name, known_rules):
            where = _key_path(prefix, ["ignore-variables", name])
            problems.append(f"{path}: {where}: unknown rule {name!r} (see `env-lint rules`)")
    if problems:
        raise ConfigError("\n".join(problems))
