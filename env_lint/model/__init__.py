"""The data env-lint works on: frozen dataclasses at the bottom of the import graph."""

from .core import (
    Constraints,
    DocMention,
    DocValue,
    DynamicRead,
    ExampleEntry,
    ExampleFile,
    Finding,
    Location,
    ParseFailure,
    Related,
    Schema,
    SchemaVar,
    Severity,
    Unrecognized,
    Usage,
    parent_dir,
)
from .facts import Directive, FileFacts, Manifest
from .manifests import DeployManifest, ManifestVar
from .project import Project
from .targets import (
    ImplicitVar,
    Service,
    ServiceConfig,
    Snapshot,
    SnapshotVar,
    TurboConfig,
    service_of,
)

__all__ = [
    "Constraints",
    "DeployManifest",
    "Directive",
    "DocMention",
    "DocValue",
    "DynamicRead",
    "ExampleEntry",
    "ExampleFile",
    "FileFacts",
    "Finding",
    "ImplicitVar",
    "Location",
    "Manifest",
    "ManifestVar",
    "ParseFailure",
    "Project",
    "Related",
    "Schema",
    "SchemaVar",
    "Service",
    "ServiceConfig",
    "Severity",
    "Snapshot",
    "SnapshotVar",
    "TurboConfig",
    "Unrecognized",
    "Usage",
    "parent_dir",
    "service_of",
]
