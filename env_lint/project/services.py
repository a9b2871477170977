"""Services of a repo and where each is deployed.

A service is the repo root (a single-app repo is one service) or a directory that holds its
own ``package.json`` / ``pyproject.toml`` or a deploy config. A file belongs to the deepest
service directory that contains it. Targets come from deploy configs in the service's
directory (``vercel.json``, ``railway.json``/``railway.toml``, ``render.yaml``, ``fly.toml``,
``netlify.toml``, ``Procfile``, ``Dockerfile``) or naming it (a ``render.yaml`` service's
``rootDir``), or Vercel for a Next.js app with none, or the config
(``[tool.env-lint.services.NAME] path = ... targets = [...]``).
"""

from __future__ import annotations

import os
import re

from ..credentials import value_like
from ..model import FileFacts, Manifest, Service, ServiceConfig, parent_dir

DEPLOY_FILES: dict[str, str] = {
    "vercel.json": "vercel",
    "railway.json": "railway",
    "railway.toml": "railway",
    "render.yaml": "render",
    "fly.toml": "fly",
    "netlify.toml": "netlify",
    "Procfile": "heroku",
    "Dockerfile": "container",
}
_PACKAGE_FILES = ("package.json", "pyproject.toml")
_SERVICE_NAME = re.compile(r"^[A-Za-z0-9@/._\-]{1,128}$")  # npm names, scopes included


def discover_services(
    root: str,
    files: list[str],
    configured: tuple[ServiceConfig, ...] = (),
    facts: dict[str, FileFacts] | None = None,
) -> tuple[Service, ...]:
    """``facts``: the files' facts (package.json manifests); without them, package.json files
    are read here."""
    deploy: dict[str, set[str]] = {}
    packages: set[str] = set()
    for rel in files:
        directory, name = parent_dir(rel), rel.rsplit("/", 1)[-1]
        if name in DEPLOY_FILES:
            for deployed in _deployed_directories(rel, facts) or [directory]:
                deploy.setdefault(deployed, set()).add(DEPLOY_FILES[name])
        elif name in _PACKAGE_FILES:
            packages.add(directory)
    listed = set(files)
    found: dict[str, Service] = {}
    for directory in sorted({""} | packages | set(deploy)):
        package_json = f"{directory}/package.json" if directory else "package.json"
        manifest = _manifest(root, package_json, facts)
        targets = set(deploy.get(directory, ()))
        if not targets and manifest.next_app:
            targets.add("vercel")
        own = manifest.name if manifest.name and _SERVICE_NAME.match(manifest.name) else None
        if own is not None and value_like(own):
            own = None  # a package name is printed: never a value pasted there
        name = own or os.path.basename(os.path.abspath(os.path.join(root, directory)))
        node = package_json in listed
        deps, package = _dependencies(directory, manifest, facts)
        found[directory] = Service(name, directory, tuple(sorted(targets)), node, deps, package)
    for item in configured:
        path = os.path.normpath(item.path.strip()).replace(os.sep, "/").strip("/")
        path = "" if path == "." else path
        previous = found.get(path)
        chosen = tuple(sorted(item.targets)) or (previous.targets if previous else ())
        node = os.path.isfile(os.path.join(root, path, "package.json"))
        deps = previous.dependencies if previous else ()
        package = previous.package if previous else None
        found[path] = Service(item.name, path, chosen, node, deps, package)
    return tuple(found[d] for d in sorted(found))


def _dependencies(
    directory: str, manifest: Manifest, facts: dict[str, FileFacts] | None
) -> tuple[tuple[str, ...], str | None]:
    """The dependencies its package.json and pyproject.toml name, and its pyproject.toml's
    project name."""
    pyproject = f"{directory}/pyproject.toml" if directory else "pyproject.toml"
    own = facts.get(pyproject) if facts is not None else None
    python = own.manifest if own is not None and own.manifest is not None else Manifest()
    return tuple(sorted({*manifest.dependencies, *python.dependencies})), python.name


def _deployed_directories(rel: str, facts: dict[str, FileFacts] | None) -> list[str]:
    """The directories a deploy config's units run (``render.yaml``'s ``rootDir``)."""
    own = facts.get(rel) if facts is not None else None
    units = own.deploy if own is not None else ()
    return sorted({u.directory for u in units if u.directory is not None})


def _manifest(root: str, package_json: str, facts: dict[str, FileFacts] | None) -> Manifest:
    if facts is not None:
        own = facts.get(package_json)
        return own.manifest if own is not None and own.manifest is not None else Manifest()
    from ..sources.manifests import parse_manifest
    from ..textio import Text, read_text

    text = read_text(os.path.join(root, package_json), package_json, root=root)
    return parse_manifest(package_json, text.text) if isinstance(text, Text) else Manifest()
