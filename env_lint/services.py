"""Services of a repo and where each is deployed.

A service is the repo root (a single-app repo is one service) or a directory that holds its
own ``package.json`` / ``pyproject.toml`` or a deploy config. A file belongs to the deepest
service directory that contains it. Targets come from deploy configs in the service's
directory (``vercel.json``, ``railway.json``/``railway.toml``, ``render.yaml``, ``fly.toml``,
``netlify.toml``, ``Procfile``, ``Dockerfile``), or Vercel for a Next.js app with none, or the
config (``[tool.env-lint.services.NAME] path = ... targets = [...]``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .model import parent_dir

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


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    path: str  # root-relative directory; "" is the repo root
    targets: tuple[str, ...]
    node: bool = False  # has a package.json (a JS workspace: turbo filters its env)

    def owns(self, rel_path: str) -> bool:
        return self.path == "" or rel_path == self.path or rel_path.startswith(self.path + "/")


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    name: str
    path: str
    targets: tuple[str, ...]


def discover_services(
    root: str, files: list[str], configured: tuple[ServiceConfig, ...] = ()
) -> tuple[Service, ...]:
    deploy: dict[str, set[str]] = {}
    packages: set[str] = set()
    for rel in files:
        directory, name = parent_dir(rel), rel.rsplit("/", 1)[-1]
        if name in DEPLOY_FILES:
            deploy.setdefault(directory, set()).add(DEPLOY_FILES[name])
        elif name in _PACKAGE_FILES:
            packages.add(directory)
    found: dict[str, Service] = {}
    for directory in sorted({""} | packages | set(deploy)):
        package = _package_json(root, directory)
        targets = set(deploy.get(directory, ()))
        if not targets and _is_next_app(package):
            targets.add("vercel")
        name = str(
            package.get("name") or os.path.basename(os.path.abspath(os.path.join(root, directory)))
        )
        node = os.path.isfile(os.path.join(root, directory, "package.json"))
        found[directory] = Service(name, directory, tuple(sorted(targets)), node)
    for item in configured:
        path = os.path.normpath(item.path.strip()).replace(os.sep, "/").strip("/")
        path = "" if path == "." else path
        previous = found.get(path)
        chosen = tuple(sorted(item.targets)) or (previous.targets if previous else ())
        node = os.path.isfile(os.path.join(root, path, "package.json"))
        found[path] = Service(item.name, path, chosen, node)
    return tuple(found[d] for d in sorted(found))


def service_of(services: tuple[Service, ...], rel_path: str) -> Service | None:
    owners = [s for s in services if s.owns(rel_path)]
    return max(owners, key=lambda s: len(s.path)) if owners else None


def _package_json(root: str, directory: str) -> dict[str, object]:
    path = os.path.join(root, directory, "package.json")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _is_next_app(package: dict[str, object]) -> bool:
    for key in ("dependencies", "devDependencies"):
        deps = package.get(key)
        if isinstance(deps, dict) and "next" in deps:
            return True
    return False
