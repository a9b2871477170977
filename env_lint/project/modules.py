"""JS/TS modules by path, and how an import specifier names one: the cross-file step that the
schema evaluation uses to follow a schema, a shape or a helper into the module that defines it.

A module's facts come from the file's own facts when they hold every declaration; otherwise the
module is lowered again, completely, on demand (``load``), at most once per run.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import FileFacts
from ..model.ir import Expr, Import, Module, Prop, Ref
from .crossfile import Resolver

Loader = Callable[[str], Module | None]  # root-relative path -> its complete module
ZOD_MODULES = ("zod",)
ENV_MODULES = frozenset({"std-env", "$env/dynamic/private", "$env/dynamic/public"})


class View:
    """One module with its lookups built once."""

    def __init__(self, module: Module) -> None:
        self.module = module
        self.path = module.path
        self.decls: dict[str, Expr] = dict(module.decls)
        self.imports: dict[str, Import] = {i.local: i for i in module.imports}
        self.zod_names = {"z"}
        for item in module.imports:
            if not item.specifier.startswith(ZOD_MODULES):
                continue
            if item.name in ("default", "*") or item.name == "z":
                self.zod_names.add(item.local)


class Modules:
    def __init__(self, facts: dict[str, FileFacts], files: frozenset[str], load: Loader) -> None:
        self._facts = facts
        self._files = files
        self._load = load
        self._resolver = Resolver(facts, files)
        self._views: dict[str, View | None] = {}
        self._complete: dict[str, View | None] = {}

    def view(self, path: str) -> View | None:
        """The module as its own facts describe it (its parse sites and what they reach)."""
        if path not in self._views:
            facts = self._facts.get(path)
            module = facts.module if facts is not None else None
            self._views[path] = View(module) if module is not None else None
        return self._views[path]

    def complete(self, path: str) -> View | None:
        """The module with every declaration, for a lookup that comes from another module."""
        if path not in self._complete:
            own = self.view(path)
            if own is not None and own.module.complete:
                self._complete[path] = own
            else:
                self._complete[path] = None  # guards against import cycles
                module = self._load(path)
                self._complete[path] = View(module) if module is not None else None
        return self._complete[path]

    def resolve(self, from_path: str, specifier: str) -> str | None:
        """The file an import names (relative, a tsconfig alias, a workspace package)."""
        return self._resolver.resolve(from_path, specifier)

    def env_alias(self, view: View, expr: Expr) -> bool:
        """``env`` imported from std-env or SvelteKit's ``$env/dynamic/*``."""
        if isinstance(expr, Prop) and expr.name == "env" and isinstance(expr.obj, Ref):
            item = view.imports.get(expr.obj.name)
            return item is not None and item.specifier in ENV_MODULES and item.name == "process"
        if not isinstance(expr, Ref):
            return False
        item = view.imports.get(expr.name)
        return item is not None and item.specifier in ENV_MODULES and item.name == "env"

    def imported(self, view: View, name: str) -> tuple[View, Expr] | None:
        """The declaration behind an imported name, in the module that declares it."""
        item = view.imports.get(name)
        if item is None:
            return None
        path = self.resolve(view.path, item.specifier)
        other = self.complete(path) if path is not None else None
        if other is None or item.name not in other.decls:
            return None
        return other, other.decls[item.name]
