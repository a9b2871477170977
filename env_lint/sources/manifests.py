"""Package manifests: ``package.json``, ``pyproject.toml``, ``requirements*.txt``. Their
dependencies make some variables implicit (a library reads them itself); a ``package.json``
also names a service and says whether it is a Next.js app."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from ..model import FileFacts, Manifest, ParseFailure
from .base import Settings, Source, name_of, text_parser

_NAME = "manifest"
_KEYS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


_TURBO_RUN = re.compile(
    r"""(?:^|[\s;&|("'])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+|bunx\s+)?
        turbo\s+(?:run\s+)?[a-z]""",
    re.VERBOSE,
)
_ENV_MODE = re.compile(r"--env-mode[= ](strict|loose)")
# ``npx pkg@1 run``, ``pnpm dlx pkg``, ``yarn dlx``, ``bunx``, ``pnpx``: the package is fetched
# and run on demand, a dependency in all but name.
_ON_DEMAND = ("npx", "pnpx", "bunx", "pnpm dlx", "yarn dlx", "npm exec")
_COMMAND_SPLIT = re.compile(r"&&|\|\||[;|&()\n]")
_ENV_FILE_LOADERS = re.compile(
    r"--env-file\b|\bdotenv\s+-e\b|\bdotenv-cli\b|\benv-cmd\b|\bdotenvx\s+run\b"
)


def runs_turbo(text: str) -> bool:
    """A command line (a package.json script, a CI step, a Dockerfile) that runs turbo tasks."""
    return "turbo" in text and bool(_TURBO_RUN.search(text))


def _claims(rel: str, settings: Settings) -> bool:
    name = name_of(rel)
    return name in ("package.json", "pyproject.toml", "pnpm-workspace.yaml") or (
        name.startswith("requirements") and name.endswith(".txt")
    )


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    return FileFacts(path, _NAME, manifest=parse_manifest(path, text))


def parse_manifest(path: str, text: str) -> Manifest:
    name = name_of(path)
    if name == "package.json":
        return _package_json(text)
    if name == "pyproject.toml":
        return _pyproject(text)
    if name == "pnpm-workspace.yaml":
        return Manifest(workspaces=_pnpm_workspaces(text))
    found = {_requirement(line) for line in text.split("\n")}
    return Manifest(tuple(sorted(f for f in found if f)))


def _package_json(text: str) -> Manifest:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return Manifest()
    if not isinstance(data, dict):
        return Manifest()
    deps = {d for k in _KEYS if isinstance(data.get(k), dict) for d in data[k]}
    runtime = [_table(data.get(k)) for k in ("dependencies", "devDependencies")]
    next_app = any("next" in d for d in runtime)
    turbo = next((str(d["turbo"]) for d in runtime if "turbo" in d), None)
    name = data.get("name")
    scripts = {str(k): str(v) for k, v in _table(data.get("scripts")).items()}
    commands = "\n".join(scripts.values())
    mode = _ENV_MODE.search(commands)
    return Manifest(
        dependencies=tuple(sorted(deps)),
        name=str(name) if name else None,
        next_app=next_app,
        scripts=tuple(sorted(scripts)),
        workspaces=_package_workspaces(data.get("workspaces")),
        turbo=turbo,
        runs_turbo=runs_turbo(commands),
        env_mode=mode.group(1) if mode else None,
        loads_env=bool(_ENV_FILE_LOADERS.search(commands)),
        tools=run_on_demand(commands),
        programs=_programs(name, data.get("bin")),
    )


def _programs(name: Any, binaries: Any) -> tuple[str, ...]:
    """The commands a package installs: its ``bin`` names (a string ``bin``: the package's
    own name, without its scope)."""
    found = {str(k) for k in binaries} if isinstance(binaries, dict) else set()
    if isinstance(binaries, str) and isinstance(name, str):
        found.add(name.rsplit("/", 1)[-1])
    return tuple(sorted(found))


def run_on_demand(commands: str) -> tuple[str, ...]:
    """The packages that command lines run through ``npx`` and its kin (``npx lingo.dev@latest
    run``, ``pnpm dlx @scope/cli``): the name, without a version; options before it skipped."""
    found: set[str] = set()
    runners = [tuple(r.split()) for r in _ON_DEMAND]
    for command in _COMMAND_SPLIT.split(commands):
        words = command.split()
        for at in range(len(words)):
            runner = next((r for r in runners if tuple(words[at : at + len(r)]) == r), None)
            if runner is None:
                continue
            rest = [w for w in words[at + len(runner) :] if not w.startswith("-")]
            if rest and (name := package_name(rest[0])):
                found.add(name)
    return tuple(sorted(found))


def package_name(word: str) -> str | None:
    """``lingo.dev@latest`` -> ``lingo.dev``; ``@scope/cli@2`` -> ``@scope/cli``; not a path."""
    word = word.strip("'\"")
    head, _, _ = word[1:].partition("@")
    name = word[0] + head if word else ""
    valid = re.fullmatch(r"(@[a-z0-9][\w.-]*/)?[a-z0-9][\w.-]*", name)
    return name if valid else None


def _package_workspaces(value: Any) -> tuple[str, ...]:
    """``"workspaces": ["apps/*"]`` or ``{"packages": [...]}`` (yarn)."""
    if isinstance(value, dict):
        value = value.get("packages")
    return tuple(str(v) for v in _list(value) if isinstance(v, str))


def _pnpm_workspaces(text: str) -> tuple[str, ...]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return ()
    packages = data.get("packages") if isinstance(data, dict) else None
    return tuple(str(v) for v in _list(packages) if isinstance(v, str))


def _pyproject(text: str) -> Manifest:
    """Its dependencies, and as programs its project name and console scripts."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return Manifest()
    project = _table(data.get("project"))
    poetry = _table(_table(data.get("tool")).get("poetry"))
    names = {project.get("name"), poetry.get("name")}
    names |= set(_table(project.get("scripts"))) | set(_table(poetry.get("scripts")))
    programs = sorted(str(n).lower() for n in names if isinstance(n, str) and n)
    own = project.get("name") or poetry.get("name")
    name = python_distribution(own) if isinstance(own, str) and own else None
    dependencies = tuple(sorted(_pyproject_dependencies(data)))
    return Manifest(dependencies, name=name, programs=tuple(programs))


def _pyproject_dependencies(data: dict[str, Any]) -> set[str]:
    project = _table(data.get("project"))
    found = {_requirement(d) for d in _list(project.get("dependencies")) if isinstance(d, str)}
    for extra in _table(project.get("optional-dependencies")).values():
        found |= {_requirement(d) for d in _list(extra) if isinstance(d, str)}
    poetry = _table(_table(_table(data.get("tool")).get("poetry")).get("dependencies"))
    found |= {str(k).lower() for k in poetry}
    return {f for f in found if f}


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _requirement(line: str) -> str:
    hit = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._\-]*)", line.split("#", 1)[0])
    return python_distribution(hit.group(1)) if hit else ""


def python_distribution(name: str) -> str:
    """A Python package's name as the library table spells it: ``Slack_Bolt`` -> ``slack-bolt``."""
    return name.lower().replace("_", "-")


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(path, _NAME)  # the package manager reports a broken manifest


SOURCE = Source(
    _NAME,
    _claims,
    text_parser(_NAME, _read, report=False),
    strict=False,
    unreadable=_unreadable,
    words="config",
)
