"""Kubernetes manifests: each container of a Deployment, StatefulSet, DaemonSet, Job, CronJob or
Pod, with the variables its ``env`` provides (a ``value``; ``valueFrom`` a ``secretKeyRef``, a
``configMapKeyRef``, a field) and its ``envFrom`` sources (a ConfigMap defined in the same file
provides its keys; anything else provides names env-lint cannot list).

A container names an image, not a directory: it runs the one deployable service whose directory
or package is named like the image (``ghcr.io/acme/api:1.2`` runs ``apps/api``), else none
env-lint can tell. Files are claimed under directories named like deploy config (``k8s``,
``kubernetes``, ``manifests``, ``deploy``...) or named like a workload; Helm chart templates are
Go templates, not YAML, and are not read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import DeployManifest, FileFacts, ManifestVar
from ..model.manifests import REFERENCE, SECRET, VALUE
from .base import Settings
from .deployfiles import (
    NAME,
    child,
    deploy_source,
    items,
    kept_value,
    pairs,
    read_documents,
    scalar,
    where,
)

if TYPE_CHECKING:
    import yaml

_NAME = "kubernetes"
_DIRECTORIES = frozenset(
    {"k8s", "kube", "kubernetes", "manifests", "deploy", "deployment", "deployments", "kustomize"}
)
_WORKLOADS = {
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "Pod": ("spec",),
}


def _claims(rel: str, settings: Settings) -> bool:
    parts = rel.lower().split("/")
    if not parts[-1].endswith((".yaml", ".yml")) or "templates" in parts[:-1]:
        return False
    named = any(word in parts[-1] for word in ("deployment", "statefulset", "cronjob", "k8s"))
    return named or bool(_DIRECTORIES.intersection(parts[:-1]))


def _prefilter(rel: str, data: bytes, settings: Settings) -> bool:
    return b"kind:" in data and b"containers" in data and b"{{" not in data


def _read(path: str, text: str, settings: Settings) -> FileFacts:
    documents = read_documents(path, text, _NAME)
    if isinstance(documents, FileFacts):
        return documents
    config_maps = {
        scalar(child(doc, "metadata", "name")) or "": [k for k, _, _ in pairs(child(doc, "data"))]
        for doc in documents
        if scalar(child(doc, "kind")) == "ConfigMap"
    }
    units = []
    for doc in documents:
        spec_path = _WORKLOADS.get(scalar(child(doc, "kind")) or "")
        if spec_path is None:
            continue
        workload = scalar(child(doc, "metadata", "name")) or ""
        for container in items(child(doc, *spec_path, "containers")):
            units.append(_container(path, workload, container, config_maps))
    return FileFacts(path, _NAME, deploy=tuple(units))


def _container(
    path: str, workload: str, node: yaml.Node, config_maps: dict[str, list[str]]
) -> DeployManifest:
    variables = [v for item in items(child(node, "env")) if (v := _var(path, item)) is not None]
    indirect = []
    for source in items(child(node, "envFrom")):
        config_map = scalar(child(source, "configMapRef", "name"))
        prefix = scalar(child(source, "prefix")) or ""
        if config_map in config_maps and not prefix:
            at = where(path, source)
            variables += [ManifestVar(k, at, REFERENCE) for k in config_maps[config_map]]
        else:
            secret = scalar(child(source, "secretRef", "name"))
            indirect.append(
                f"envFrom {'Secret ' + secret if secret else 'ConfigMap ' + str(config_map)}"
            )
    container = scalar(child(node, "name")) or ""
    return DeployManifest(
        path=path,
        kind=_NAME,
        platform="container",
        unit=f"{workload}/{container}" if workload else container,
        location=where(path, node),
        directory=None,
        variables=tuple(variables),
        indirect=tuple(indirect),
        image=scalar(child(node, "image")) or "",
    )


def _var(path: str, item: yaml.Node) -> ManifestVar | None:
    name_node = child(item, "name")
    name = scalar(name_node)
    if name_node is None or name is None or not NAME.match(name):
        return None
    at = where(path, name_node)
    value = scalar(child(item, "value"))
    if value is not None:
        return ManifestVar(name, at, VALUE, kept_value(name, value))
    if child(item, "valueFrom", "secretKeyRef") is not None:
        return ManifestVar(name, at, SECRET)
    return ManifestVar(name, at, REFERENCE)


SOURCE = deploy_source(_NAME, _claims, _read, prefilter=_prefilter)
