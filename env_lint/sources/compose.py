"""Docker Compose files: each service that builds the repo's code (``build:`` a context) with the
variables its ``environment`` provides (a map or a ``KEY=value`` list; ``${X}`` / ``${X:-d}``
interpolation from the shell or ``.env``; a bare ``KEY`` passed through), its ``env_file``
references and the build stage it runs (``build.target``). A service that only runs an image
(postgres, redis) runs none of the repo's code and is not a target; what it mounts from the
repo (``./cube/cube.js:/cube/conf/cube.js``) runs in that image, not in the repo's packages,
and the env files it loads (``env_file: .env``) hold settings that image may read.
Every variable the file mentions is also a weak read, as before."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import DeployManifest, FileFacts, Location, ManifestVar, ParseFailure
from ..model.manifests import INTERPOLATED, LOCAL, VALUE
from ..paths import is_compose
from .base import Settings
from .deployfiles import (
    NAME,
    child,
    deploy_source,
    in_repo,
    interpolated,
    items,
    kept_value,
    pairs,
    read_documents,
    scalar,
    strings,
    where,
)
from .infra import image_repository, weak_facts

if TYPE_CHECKING:
    import yaml

_NAME = "compose"
_NULL = "tag:yaml.org,2002:null"


def _claims(rel: str, settings: Settings) -> bool:
    return is_compose(rel)


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    documents = read_documents(path, text, _NAME)
    if isinstance(documents, FileFacts):
        return weak_facts(path, text, _NAME)  # unparsable: the weak reads say why
    facts = weak_facts(path, text, _NAME, documents)
    base = path.rpartition("/")[0]
    units = [
        unit
        for root in documents
        for name, key, node in pairs(child(root, "services"))
        if (unit := _service(path, base, name, key, node)) is not None
    ]
    foreign = [
        node
        for root in documents
        for _, _, node in pairs(child(root, "services"))
        if child(node, "build") is None
    ]
    mounted = {path for node in foreign for path in _mounts(base, child(node, "volumes"))}
    handed = {
        (env_file, repository)
        for node in foreign
        if (repository := image_repository(scalar(child(node, "image")) or "$"))
        for env_file in _env_file_paths(base, child(node, "env_file"))
    }
    return replace(
        facts, deploy=tuple(units), mounted=tuple(sorted(mounted)), handed=tuple(sorted(handed))
    )


def _mounts(base: str, node: yaml.Node | None) -> list[str]:
    """The repo paths of a service's bind mounts: ``./src:/dst[:ro]`` or ``{type: bind,
    source: ./src}`` (named volumes and absolute host paths are not the repo)."""
    found = []
    for item in items(node):
        text = scalar(item)
        source = text.split(":", 1)[0] if text is not None else scalar(child(item, "source"))
        if source and source.startswith("."):
            path = in_repo(base, source)
            if path:  # the whole repo mounted is no clue about any one file
                found.append(path)
    return found


def _service(
    path: str, base: str, name: str, key: yaml.Node, node: yaml.Node
) -> DeployManifest | None:
    build = child(node, "build")
    context = scalar(build) if scalar(build) is not None else scalar(child(build, "context"))
    if build is None or context is None:
        return None  # an image only: not the repo's code
    directory = in_repo(base, context or ".")
    dockerfile = scalar(child(build, "dockerfile"))
    stage = scalar(child(build, "target"))
    env_files = [f for f in _env_files(child(node, "env_file")) if f]
    files = _env_file_paths(base, child(node, "env_file"))
    return DeployManifest(
        path=path,
        kind=_NAME,
        platform="container",
        unit=name,
        location=where(path, key),
        directory=directory,
        variables=tuple(_environment(path, child(node, "environment"))),
        dockerfile=in_repo(directory, dockerfile) if dockerfile and directory is not None else None,
        env_files=files,
        indirect=tuple(f"env_file {f}" for f in env_files),
        role=LOCAL,
        stage=stage.lower() if stage else None,
    )


def _env_file_paths(base: str, node: yaml.Node | None) -> tuple[str, ...]:
    """The root-relative paths of a service's ``env_file`` entries inside the repo."""
    found = (in_repo(base, f) for f in _env_files(node) if f)
    return tuple(p for p in found if p is not None)


def _env_files(node: yaml.Node | None) -> list[str]:
    """``env_file: .env``, ``[a, b]`` or ``[{path: a, required: false}]``."""
    found = strings(node)
    found += [p for p in (scalar(child(item, "path")) for item in items(node)) if p]
    return found


def _environment(path: str, node: yaml.Node | None) -> list[ManifestVar]:
    found: list[ManifestVar] = []
    for name, key, value in pairs(node):
        text = scalar(value)
        if NAME.match(name):
            given = None if value.tag == _NULL else text
            found.append(_var(name, given, where(path, key)))
    for item in items(node):
        entry = scalar(item)
        name, equals, text = (entry or "").partition("=")
        if NAME.match(name):
            found.append(_var(name, text if equals else None, where(path, item)))
    return found


def _var(name: str, value: str | None, at: Location) -> ManifestVar:
    if value is None:
        return ManifestVar(name, at, INTERPOLATED)  # passed through from the shell
    return interpolated(name, value, at) or ManifestVar(name, at, VALUE, kept_value(name, value))


def _unreadable(path: str, failure: ParseFailure) -> FileFacts:
    return FileFacts(path, _NAME)


SOURCE = deploy_source(_NAME, _claims, _read, unreadable=_unreadable)
