"""Render Blueprints (``render.yaml``): each service that runs the repo's code, with the
variables its ``envVars`` provide (a ``value``, ``sync: false`` set in the dashboard,
``generateValue``, ``fromDatabase`` / ``fromService``, ``fromGroup`` with a group defined in
the same file) and the directory it deploys (``rootDir``, ``dockerContext``, the directory of
its ``dockerfilePath``, else the file's own directory). Render reads every path from the repo
root, wherever the Blueprint file is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import DeployManifest, FileFacts, ManifestVar
from ..model.manifests import PLACEHOLDER, REFERENCE, SECRET, VALUE
from .base import Settings, name_of
from .deployfiles import (
    NAME,
    child,
    deploy_source,
    in_repo,
    items,
    kept_value,
    read_documents,
    scalar,
    where,
)

if TYPE_CHECKING:
    import yaml

_NAME = "render"
_NO_CODE = frozenset({"redis", "keyvalue"})  # Render-managed services that run no repo code


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) in ("render.yaml", "render.yml")


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    documents = read_documents(path, text, _NAME, report=True)
    if isinstance(documents, FileFacts):
        return documents
    units: list[DeployManifest | None] = []
    for root in documents:
        groups = _groups(path, root)
        units += [_service(path, s, groups) for s in items(child(root, "services"))]
    return FileFacts(path, _NAME, deploy=tuple(u for u in units if u is not None))


def _groups(path: str, root: yaml.Node) -> dict[str, list[ManifestVar]]:
    found: dict[str, list[ManifestVar]] = {}
    for group in items(child(root, "envVarGroups")):
        name = scalar(child(group, "name"))
        if name:
            found[name] = [v for item in items(child(group, "envVars")) for v in _var(path, item)]
    return found


def _service(
    path: str, node: yaml.Node, groups: dict[str, list[ManifestVar]]
) -> DeployManifest | None:
    kind = scalar(child(node, "type")) or ""
    runtime = scalar(child(node, "runtime")) or scalar(child(node, "env")) or ""
    name = scalar(child(node, "name")) or ""
    if kind in _NO_CODE or runtime == "image" or child(node, "image") is not None:
        return None
    base = path.rpartition("/")[0]
    root_dir = scalar(child(node, "rootDir"))
    context = scalar(child(node, "dockerContext"))
    dockerfile = scalar(child(node, "dockerfilePath"))
    directory = in_repo("", root_dir) if root_dir else None
    if directory is None and context:
        directory = in_repo("", context)
    named = in_repo("", dockerfile) if dockerfile else None
    if directory is None and named is not None:  # the repo root's path, wherever the file is
        directory = named.rpartition("/")[0]
    if directory is None:
        directory = base
    variables: list[ManifestVar] = []
    indirect: list[str] = []
    for item in items(child(node, "envVars")):
        group = scalar(child(item, "fromGroup"))
        if group is None:
            variables += _var(path, item)
        elif group in groups:
            variables += groups[group]
        else:
            indirect.append(f"fromGroup {group}")
    return DeployManifest(
        path=path,
        kind=_NAME,
        platform="render",
        unit=name,
        location=where(path, node),
        directory=directory,
        variables=tuple(variables),
        dockerfile=in_repo(root_dir or "", dockerfile) if dockerfile else None,
        indirect=tuple(indirect),
    )


def _var(path: str, item: yaml.Node) -> list[ManifestVar]:
    key_node = child(item, "key")
    key = scalar(key_node)
    if key_node is None or key is None or not NAME.match(key):
        return []
    at = where(path, key_node)
    value = scalar(child(item, "value"))
    if value is not None:
        return [ManifestVar(key, at, VALUE, kept_value(key, value))]
    if scalar(child(item, "sync")) == "false":
        return [ManifestVar(key, at, PLACEHOLDER)]
    if child(item, "generateValue") is not None:
        return [ManifestVar(key, at, SECRET)]
    return [ManifestVar(key, at, REFERENCE)]  # fromDatabase / fromService


SOURCE = deploy_source(_NAME, _claims, _read)
