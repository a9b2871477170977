"""Serverless Framework configs (``serverless.yml``): each function with the variables of
``provider.environment`` and its own ``environment`` (a literal value, or a ``${ssm:...}`` /
``${env:X}`` / ``${self:...}`` reference), for the service in the file's directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import DeployManifest, FileFacts, ManifestVar
from ..model.manifests import REFERENCE, VALUE
from .base import Settings, name_of
from .deployfiles import (
    NAME,
    child,
    deploy_source,
    kept_value,
    pairs,
    read_documents,
    scalar,
    where,
)

if TYPE_CHECKING:
    import yaml

_NAME = "serverless"


def _claims(rel: str, settings: Settings) -> bool:
    return name_of(rel) in ("serverless.yml", "serverless.yaml")


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    documents = read_documents(path, text, _NAME, report=True)
    if isinstance(documents, FileFacts):
        return documents
    units = []
    for root in documents:
        shared = _environment(path, child(root, "provider", "environment"))
        functions = pairs(child(root, "functions"))
        service = scalar(child(root, "service")) or ""
        if not functions:
            units.append(_unit(path, service, root, shared))
        for name, key, node in functions:
            own = _environment(path, child(node, "environment"))
            mine = {v.name for v in own}
            units.append(_unit(path, name, key, [*(v for v in shared if v.name not in mine), *own]))
    return FileFacts(path, _NAME, deploy=tuple(units))


def _unit(path: str, name: str, node: yaml.Node, variables: list[ManifestVar]) -> DeployManifest:
    return DeployManifest(
        path=path,
        kind=_NAME,
        platform=None,
        unit=name,
        location=where(path, node),
        directory=path.rpartition("/")[0],
        variables=tuple(sorted(variables)),
    )


def _environment(path: str, node: yaml.Node | None) -> list[ManifestVar]:
    found = []
    for name, key, value in pairs(node):
        text = scalar(value)
        if not NAME.match(name):
            continue
        if text is None or "${" in text:
            found.append(ManifestVar(name, where(path, key), REFERENCE))
        else:
            found.append(ManifestVar(name, where(path, key), VALUE, kept_value(name, text)))
    return found


SOURCE = deploy_source(_NAME, _claims, _read)
