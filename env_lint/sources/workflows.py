"""GitHub Actions workflows: each job that runs the tests or the build (a ``run:`` step that
invokes the package's scripts: ``npm test``, ``pnpm run build``, ``turbo run test``,
``pytest``...) with the ``env:`` it provides at workflow, job and step level
(``${{ secrets.X }}`` is a secret by reference) and the directory it runs in
(``working-directory``). CI secrets are set out of band: a job is not complete unless
``[tool.env-lint.manifests] complete`` names ``github-actions``. Every variable a workflow
mentions is also a weak read, as before."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import DeployManifest, FileFacts, ManifestVar
from ..model.manifests import CI, REFERENCE, SECRET, VALUE
from ..paths import is_workflow
from .base import Settings
from .deployfiles import (
    NAME,
    child,
    deploy_source,
    in_repo,
    items,
    kept_value,
    pairs,
    read_documents,
    scalar,
    where,
)
from .infra import weak_facts

if TYPE_CHECKING:
    import yaml

_NAME = "github-actions"
_SECRET = re.compile(r"^\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$")
_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
_RUNNERS = frozenset({"npx", "bunx", "dlx", "exec"})
_TOOLS = frozenset({"jest", "vitest", "playwright", "turbo"})
_WITH_VALUE = frozenset({"--filter", "-F", "--workspace", "-w", "workspace", "--prefix", "-C"})
_SCRIPT = re.compile(r"(?:test|build|e2e)(?:[:-][\w:-]+)?")
_SEGMENT = re.compile(r"&&|\|\||[;|\n]")
# A step that writes or copies a real env file (``cp .env.example .env``, ``>> .env``): the
# job gets variables env-lint cannot list from it.
_ENV_FILE = re.compile(r"(?:^|[\s/'\"=>])\.env(?:\.[\w-]+)?(?=$|[\s'\";&|])", re.MULTILINE)


def _claims(rel: str, settings: Settings) -> bool:
    return is_workflow(rel)


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    documents = read_documents(path, text, _NAME)
    if isinstance(documents, FileFacts):
        return weak_facts(path, text, _NAME)  # unparsable: the weak reads say why
    facts = weak_facts(path, text, _NAME, documents)
    units = []
    for root in documents:
        shared = _env(path, child(root, "env"))
        default_dir = scalar(child(root, "defaults", "run", "working-directory"))
        for job, key, node in pairs(child(root, "jobs")):
            unit = _job(path, job, key, node, shared, default_dir)
            if unit is not None:
                units.append(unit)
    return replace(facts, deploy=tuple(units))


def _job(
    path: str,
    job: str,
    key: yaml.Node,
    node: yaml.Node,
    shared: list[ManifestVar],
    default_dir: str | None,
) -> DeployManifest | None:
    steps = [s for s in items(child(node, "steps")) if _runs_scripts(scalar(child(s, "run")))]
    if not steps:
        return None
    scripts = [scalar(child(s, "run")) or "" for s in items(child(node, "steps"))]
    indirect = ("a step writes an env file",) if any(_ENV_FILE.search(t) for t in scripts) else ()
    job_dir = scalar(child(node, "defaults", "run", "working-directory")) or default_dir
    directory = scalar(child(steps[0], "working-directory")) or job_dir or "."
    provided: dict[str, ManifestVar] = {}
    for var in [*shared, *_env(path, child(node, "env"))]:
        provided[var.name] = var
    for step in steps:
        for var in _env(path, child(step, "env")):
            provided.setdefault(var.name, var)
    return DeployManifest(
        path=path,
        kind=_NAME,
        platform="github-actions",
        unit=job,
        location=where(path, key),
        directory=in_repo("", directory.removeprefix("./")) if "$" not in directory else None,
        variables=tuple(sorted(provided.values())),
        indirect=indirect,
        role=CI,
        complete=False,
    )


def _runs_scripts(script: str | None) -> bool:
    """A shell command that runs the package's tests or build: ``npm test``, ``pnpm run
    build``, ``pnpm --filter web build``, ``yarn workspace web test``, ``npx vitest``,
    ``turbo run test``, ``pytest``, ``make test``... (words of the shell text, not YAML)."""
    for segment in _SEGMENT.split(script or ""):
        words = segment.split()
        for index, word in enumerate(words):
            if _invokes(word.rsplit("/", 1)[-1], words[index + 1 :]):
                return True
    return False


def _invokes(command: str, rest: list[str]) -> bool:
    if command in _MANAGERS or command == "turbo":
        name = _script_name(rest)
        return name is not None and bool(_SCRIPT.fullmatch(name))
    if command in _RUNNERS:
        return bool(rest) and (rest[0] in _TOOLS or rest[:2] == ["next", "build"])
    if command in ("pytest", "tox", "nox"):
        return True
    return command in ("manage.py", "make") and bool(rest) and rest[0] in ("test", "build")


def _script_name(words: list[str]) -> str | None:
    """The script a package manager runs: the first word that is not a flag, ``run`` or the
    value of ``--filter`` / ``workspace``."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in _WITH_VALUE:
            skip = True
        elif not word.startswith("-") and word not in ("run", "run-script"):
            return word
    return None


def _env(path: str, node: yaml.Node | None) -> list[ManifestVar]:
    found = []
    for name, key, value in pairs(node):
        text = scalar(value) or ""
        if not NAME.match(name):
            continue
        at = where(path, key)
        if _SECRET.match(text.strip()):
            found.append(ManifestVar(name, at, SECRET))
        elif "${{" in text:
            found.append(ManifestVar(name, at, REFERENCE))
        else:
            found.append(ManifestVar(name, at, VALUE, kept_value(name, text)))
    return found


SOURCE = deploy_source(_NAME, _claims, _read)
