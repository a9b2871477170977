"""Reads of environment variables in Python, with the ``ast`` module (user code is never run).

Read: ``os.environ["X"]``, ``os.environ.get("X", d)``, ``os.getenv("X")``, ``"X" in
os.environ``, ``environ`` / ``getenv`` imported from ``os`` (also renamed); python-decouple's
``config("X", default=..., cast=...)``, Starlette's ``Config`` object, django-environ's
``environ.Env`` (``env("X")``, ``env.bool("X")``, defaults declared in ``Env(X=(bool, False))``),
environs' ``Env``; command-line options that fall back to the environment (click's and
typer's ``envvar=``, configargparse's ``env_var=``, and both tools' automatic prefixes);
configured accessors and inferred ones (a function of this module that
reads the environment by its parameter); names from a literal list or tuple that a loop passes
to a reader; f-string names kept as a pattern (``P_*``).

Each read says how it is used: with a default, guarded (``.get`` without a default returns
``None``; a membership test) or required (``os.environ["X"]``, ``config("X")`` with no
default; a ``try`` whose ``except KeyError`` recovers makes its reads guarded). Writes
(``os.environ["X"] = v``, ``setdefault``, ``pop``, ``del``) are not reads.
Migration scripts (Alembic revisions, Django migrations) are history: their reads do not count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..known_vars import STAGE_VARIABLES
from ..model import DynamicRead, Location, Usage

MARKERS = ("environ", "getenv", "config", "Config", "Env")
_CONFIG_CLASSES = {
    "decouple": {"AutoConfig", "Config"},
    "starlette.config": {"Config"},
    "environ": {"Env"},
    "environs": {"Env"},
}
_TYPED = {
    "str", "bool", "int", "float", "list", "tuple", "dict", "json", "url", "path", "decimal",
    "db", "db_url", "cache", "cache_url", "email", "email_url", "search_url", "date",
    "datetime", "timedelta", "uuid", "log_level", "enum", "dj_db_url", "dj_cache_url",
    "dj_email_url",
}  # fmt: skip
# Modules whose ``env`` is no shared environment reader (a Jinja environment, a test fixture)
_NOT_ENV_MODULES = frozenset({"os", "jinja2", "conftest"})
_WRITES = frozenset({"setdefault", "pop", "update", "clear", "popitem"})
# configargparse's ways to add an option (``parser.add_argument(..., env_var="X")``)
_ADD_OPTION = frozenset({"add_argument", "add", "add_arg"})
_AUTO_PREFIX = frozenset({"auto_envvar_prefix", "auto_env_var_prefix"})  # click, configargparse
# dynaconf's settings objects, by the prefix each reads when ``envvar_prefix`` is not given
_DYNACONF = {"Dynaconf": "DYNACONF", "LazySettings": "DYNACONF", "FlaskDynaconf": "FLASK"}


@dataclass
class PythonReads:
    usages: list[Usage] = field(default_factory=list)
    dynamic: list[DynamicRead] = field(default_factory=list)
    history: bool = False  # a migration script: its reads are the past


def python_reads(path: str, tree: ast.Module, accessors: tuple[str, ...] = ()) -> PythonReads:
    found = PythonReads()
    if _is_migration(tree):
        found.history = True
        return found
    reader = _Reader(path, found, set(accessors))
    reader.bind_imports(tree)
    reader.infer_accessors(tree)
    reader.visit(tree)
    return found


def _is_migration(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(dotted(t) == "down_revision" for t in node.targets):
            return True
        bases = node.bases if isinstance(node, ast.ClassDef) else []
        if any(dotted(b).endswith("migrations.Migration") for b in bases):
            return True
    return False


class _Reader(ast.NodeVisitor):
    def __init__(self, path: str, found: PythonReads, accessors: set[str]) -> None:
        self.path = path
        self.found = found
        self.environ = {"os.environ"}
        self.getenv = {"os.getenv"}
        self.accessors = accessors  # call("X") reads X
        self.typed: set[str] = set()  # obj.str("X") reads X
        self.defaults: set[str] = set()  # declared with a default in environ.Env(...)
        self.config_classes: set[str] = set()
        self.inner: dict[str, str] = {}  # inferred accessor -> how its own read is used
        self.keyed: dict[str, tuple[int | None, str]] = {}  # inferred accessor -> its key param
        self.loops: dict[str, list[tuple[str, ast.expr]]] = {}
        self.bound: dict[str, ast.expr] = {}  # names a file binds once to a string it spells
        self.classes: dict[str, ast.ClassDef] = {}  # the file's classes by name
        self.enclosing: list[ast.ClassDef] = []  # the classes being visited (``cls``, ``self``)
        self.fields: dict[str, list[str]] = {}  # loop variable -> a model's field names
        self.guards: list[frozenset[str]] = []  # names the enclosing ifs checked
        self.derived: dict[str, frozenset[str]] = {}  # ``MODE = env("X")``: MODE -> {"X"}
        self.caught = 0  # inside ``try:`` blocks whose handler recovers from a missing key

    # --- what names read the environment here ------------------------------------------------

    def bind_imports(self, tree: ast.Module) -> None:
        strings: dict[str, list[ast.expr]] = {}
        other: set[str] = set()  # parameters, loop targets, other assignments
        for node in ast.walk(tree):
            _bindings(node, strings, other)
            if isinstance(node, ast.ClassDef):
                self.classes.setdefault(node.name, node)
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "os" and alias.asname:
                        self.environ.add(f"{alias.asname}.environ")
                        self.getenv.add(f"{alias.asname}.getenv")
                    if alias.name in _CONFIG_CLASSES:
                        local = alias.asname or alias.name
                        self.config_classes |= {f"{local}.{c}" for c in _CONFIG_CLASSES[alias.name]}
            elif isinstance(node, ast.ImportFrom):
                self._from_import(node)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                self._config_object(node)
        self.bound = {n: v[0] for n, v in strings.items() if len(v) == 1 and n not in other}

    def _from_import(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        for alias in node.names:
            local = alias.asname or alias.name
            if module == "os" and alias.name == "environ":
                self.environ.add(local)
            elif module == "os" and alias.name == "getenv":
                self.getenv.add(local)
            elif module == "decouple" and alias.name == "config":
                self.accessors.add(local)
            elif alias.name == "env" and local == "env" and module not in _NOT_ENV_MODULES:
                # ``from config.env import env``: the project's shared ``environ.Env()`` (or
                # environs ``Env()``) instance, called ``env("X", default=...)``
                self.accessors.add(local)
                self.typed.add(local)
            elif alias.name in _CONFIG_CLASSES.get(module, ()):
                self.config_classes.add(local)

    def _config_object(self, node: ast.Assign) -> None:
        call = node.value
        assert isinstance(call, ast.Call)
        if dotted(call.func) not in self.config_classes:
            return
        for target in node.targets:
            name = dotted(target)
            if name:
                self.accessors.add(name)
                self.typed.add(name)
        for keyword in call.keywords:  # environ.Env(DEBUG=(bool, False))
            if keyword.arg and isinstance(keyword.value, ast.Tuple) and len(keyword.value.elts) > 1:
                self.defaults.add(keyword.arg)

    def infer_accessors(self, tree: ast.Module) -> None:
        """``def get_env(name, default=None): return os.environ.get(name, default)``."""
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
            params = {*positional, *(a.arg for a in node.args.kwonlyargs)}
            for inner in ast.walk(node):
                key = self._read_key(inner)
                if isinstance(key, ast.Name) and key.id in params:
                    self.accessors.add(node.name)
                    index = positional.index(key.id) if key.id in positional else None
                    self.keyed[node.name] = (index, key.id)
                    checked = self._checks_membership(node, key.id)
                    self.inner[node.name] = "guarded" if checked else self._inner_use(inner)
                    break

    def _checks_membership(self, function: ast.AST, param: str) -> bool:
        """The function tests ``name in os.environ`` first: unset is a case it handles."""
        for node in ast.walk(function):
            if not isinstance(node, ast.Compare) or len(node.ops) != 1:
                continue
            left, right = node.left, node.comparators[0]
            if isinstance(left, ast.Name) and left.id == param and dotted(right) in self.environ:
                return isinstance(node.ops[0], (ast.In, ast.NotIn))
        return False

    def _read_key(self, node: ast.AST) -> ast.expr | None:
        if isinstance(node, ast.Subscript) and dotted(node.value) in self.environ:
            return node.slice
        if isinstance(node, ast.Call) and node.args and self._reader_call(node) is not None:
            return node.args[0]
        return None

    def _reader_call(self, node: ast.Call) -> str | None:
        """How a call reads: ``get`` (may return None), ``config`` (an accessor), or None."""
        name = dotted(node.func)
        owner, _, method = name.rpartition(".")
        if name in self.getenv or (owner in self.environ and method == "get"):
            return "get"
        if name in self.accessors or (owner in self.typed and method in _TYPED):
            return "config"
        return None

    # --- visiting ----------------------------------------------------------------------------

    def visit_If(self, node: ast.If) -> None:
        """Reads in the body of ``if "X" in os.environ:`` / ``if os.getenv("X"):`` are
        guarded by the check; so are all reads there when the test reads another variable
        that is no deployment stage (``if "CDN_TOKEN" in os.environ:``: a feature's switch)."""
        self.guards.append(self._test(node.test))
        for statement in node.body:
            self.visit(statement)
        self.guards.pop()
        for statement in node.orelse:
            self.visit(statement)

    def _test(self, test: ast.expr) -> frozenset[str]:
        """Visit an ``if`` test: the names it guards (``_ANY``: a switch on another variable,
        read there or through a name bound to its value: ``if STRATEGY == Strategy.SMTP:``)."""
        before = len(self.found.usages)
        self.visit(test)
        read = {u.name for u in self.found.usages[before:]}
        for node in ast.walk(test):
            if isinstance(node, ast.Name) and node.id in self.derived:
                read |= self.derived[node.id]
        return _ANY if read - STAGE_VARIABLES else _strings_in(test)

    def visit_Assign(self, node: ast.Assign) -> None:
        """``STRATEGY = env("MAIL_STRATEGY", default="local")``: the name holds that
        variable's value, so a branch on it is a switch on the variable."""
        before = len(self.found.usages)
        self.visit(node.value)
        read = frozenset(u.name for u in self.found.usages[before:])
        for target in node.targets:
            if isinstance(target, ast.Name) and read:
                self.derived[target.id] = read
            self.visit(target)

    def visit_Try(self, node: ast.Try) -> None:
        """``try: key = os.environ["X"]`` / ``except KeyError: key = ""``: the handler is the
        fallback, unless it raises again."""
        recovers = any(_recovers(handler) for handler in node.handlers)
        self.caught += recovers
        for statement in node.body:
            self.visit(statement)
        self.caught -= recovers
        for part in (*node.handlers, *node.orelse, *node.finalbody):
            self.visit(part)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self.guards.append(self._test(node.test))
        self.visit(node.body)
        self.guards.pop()
        self.visit(node.orelse)

    def visit_For(self, node: ast.For) -> None:
        names = _strings(node.iter)
        if isinstance(node.target, ast.Name) and names is not None:
            self.loops[node.target.id] = names
        self._field_loop(node.target, node.iter)
        self._prefix_scan(node.target, node.iter, node.body, node)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.enclosing.append(node)
        self.generic_visit(node)
        self.enclosing.pop()

    def visit_comprehension(self, node: ast.comprehension) -> None:
        names = _strings(node.iter)
        if isinstance(node.target, ast.Name) and names is not None:
            self.loops[node.target.id] = names
        self._field_loop(node.target, node.iter)
        self.generic_visit(node)

    def _comprehension(
        self, node: ast.DictComp | ast.ListComp | ast.SetComp | ast.GeneratorExp
    ) -> None:
        """The generators first (they bind the loop names), then what each item computes."""
        for generator in node.generators:
            self._prefix_scan(generator.target, generator.iter, generator.ifs, node)
        for generator in node.generators:
            self.visit(generator)
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        for part in parts:
            self.visit(part)

    def _field_loop(self, target: ast.expr, source: ast.expr) -> None:
        """``for name in cls.model_fields`` (``.keys()``, ``.items()``, ``__fields__``) or
        ``for f in fields(cls)``: the loop variable takes the names of the class's fields."""
        if isinstance(target, ast.Tuple) and target.elts:
            target = target.elts[0]
        if not isinstance(target, ast.Name):
            return
        method = source.func if isinstance(source, ast.Call) else None
        if isinstance(method, ast.Attribute) and method.attr in ("keys", "items"):
            source = method.value  # ``cls.model_fields.keys()``
        owner = None
        if isinstance(source, ast.Attribute) and source.attr in _FIELD_MAPS:
            owner = source.value
        elif isinstance(source, ast.Call) and dotted(source.func) in _FIELD_LISTS and source.args:
            owner = source.args[0]
        klass = self._class_named(owner)
        if klass is not None:
            self.fields[target.id] = _field_names(klass)

    def _class_named(self, node: ast.expr | None) -> ast.ClassDef | None:
        if not isinstance(node, ast.Name):
            return None
        if node.id in ("cls", "self"):
            return self.enclosing[-1] if self.enclosing else None
        return self.classes.get(node.id)

    visit_DictComp = visit_ListComp = visit_SetComp = visit_GeneratorExp = _comprehension

    def _prefix_scan(
        self, target: ast.expr, source: ast.expr, tests: Sequence[ast.AST], scope: ast.AST
    ) -> None:
        """``for k, v in os.environ.items(): if k.startswith("P_")``, then ``k`` without its
        prefix (``k[len("P_"):]``, ``k.removeprefix("P_")``): every ``P_*`` is read. Copying
        the matching keys whole hands them to another program (a child process): no read."""
        method = source.func if isinstance(source, ast.Call) else None
        if isinstance(method, ast.Attribute) and method.attr in ("items", "keys"):
            source = method.value
        if dotted(source) not in self.environ:
            return
        key = target.elts[0] if isinstance(target, ast.Tuple) and target.elts else target
        if not isinstance(key, ast.Name) or not _strips(scope, key.id):
            return
        for test in tests:
            for node in ast.walk(test):
                if isinstance(node, ast.Call) and (prefix := _startswith(node, key.id)):
                    location = Location(self.path, node.lineno, node.col_offset + 1)
                    self.found.dynamic.append(DynamicRead(f"{prefix}*", location))

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if dotted(node.value) in self.environ:
            how = "required" if isinstance(node.ctx, ast.Load) else "write"
            self._read(node.slice, how)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        """``"X" in os.environ``."""
        membership = len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn))
        if membership and dotted(node.comparators[0]) in self.environ:
            self._read(node.left, "guarded")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = dotted(node.func)
        owner, _, method = name.rpartition(".")
        how = self._reader_call(node)
        key = self._key_argument(node) if how is not None else None
        if how is not None and key is not None:
            self._read(key, self._call_use(node, how))
        elif owner in self.environ and method == "setdefault" and node.args:
            self._read(node.args[0], "defaulted")  # kept when set: a read with a fallback
        elif owner in self.environ and method in _WRITES:
            pass  # os.environ.update(...), .pop("X") write
        for keyword in node.keywords:
            if keyword.arg == "envvar" or (keyword.arg == "env_var" and method in _ADD_OPTION):
                self._option(node, keyword.value)
            elif keyword.arg in _AUTO_PREFIX:
                self._option_prefix(keyword.arg, keyword.value)
        if (method or name) in _DYNACONF:
            self._dynaconf(node, _DYNACONF[method or name])
        self.generic_visit(node)

    def _dynaconf(self, call: ast.Call, default: str) -> None:
        """``Dynaconf(envvar_prefix="APP")`` loads every ``APP_*`` variable as a setting
        (``APP_DB__HOST`` is ``db.host``): a read of that family, by dynaconf's default prefix
        when none is given. ``envvar_prefix=False`` loads every variable, nested ones spelled
        ``SECTION__KEY``: a read of every name with ``__``. A prefix the file computes is
        no pattern env-lint can tell."""
        given = next((k.value for k in call.keywords if k.arg == "envvar_prefix"), None)
        value = (
            given.value if isinstance(given, ast.Constant) else default if given is None else None
        )
        location = Location(self.path, call.lineno, call.col_offset + 1)
        if value is False:
            self.found.dynamic.append(DynamicRead("*__*", location))
        elif isinstance(value, str) and value.strip("_"):
            self.found.dynamic.append(DynamicRead(f"{value.upper().rstrip('_')}_*", location))

    def visit_Dict(self, node: ast.Dict) -> None:
        """``context_settings={"auto_envvar_prefix": "APP"}`` (click)."""
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and key.value in _AUTO_PREFIX:
                self._option_prefix(key.value, value)
        self.generic_visit(node)

    def _option(self, call: ast.Call, names: ast.expr) -> None:
        """A command-line option that falls back to the environment: click's and typer's
        ``envvar="X"`` (or a list of names), configargparse's ``env_var="X"``. Never required
        by itself: with ``required=True`` the command line may give the value instead (the
        parser decides: ``passed``); a ``default=`` is its fallback."""
        options = {k.arg: k.value for k in call.keywords if k.arg}
        required = options.get("required")
        how = "guarded"
        if isinstance(required, ast.Constant) and required.value is True:
            how = "passed"
        elif "default" in options and not _is_none(options["default"]):
            how = "defaulted"
        if isinstance(names, ast.Constant) and isinstance(names.value, str):
            self._usage(names.value, names, how)
        for name, where in _strings(names) or ():
            self._usage(name, where, how)

    def _option_prefix(self, keyword: str, value: ast.expr) -> None:
        """Every option read from ``PREFIX_<OPTION>``: click's ``auto_envvar_prefix="APP"``
        (``APP_PORT``), configargparse's ``auto_env_var_prefix="APP_"`` (``APP_PORT``)."""
        if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
            return
        prefix = value.value.upper() + ("_" if keyword == "auto_envvar_prefix" else "")
        if prefix.strip("_"):
            location = Location(self.path, value.lineno, value.col_offset + 1)
            self.found.dynamic.append(DynamicRead(f"{prefix}*", location))

    def _key_argument(self, node: ast.Call) -> ast.expr | None:
        """The argument that names the variable: the first, or for a function of this module
        the one its read takes (``resolve(config, "url", "SERVICE_URL", default)``)."""
        index, param = self.keyed.get(dotted(node.func), (0, ""))
        for keyword in node.keywords:
            if param and keyword.arg == param:
                return keyword.value
        if index is not None and index < len(node.args):
            return node.args[index]
        return None

    def _inner_use(self, read: ast.AST) -> str:
        if isinstance(read, ast.Call):
            how = self._reader_call(read)
            return self._call_use(read, how) if how is not None else "required"
        return "required"

    def _call_use(self, node: ast.Call, how: str) -> str:
        inner = self.inner.get(dotted(node.func))
        index, _ = self.keyed.get(dotted(node.func), (0, ""))
        if inner in ("defaulted", "guarded", "emptied") and (len(node.args) < 2 or index != 0):
            return inner
        if index != 0:  # the default, if any, is a parameter the function's own read decides
            return inner or "required"
        default = node.args[1] if len(node.args) > 1 else None
        for keyword in node.keywords:
            if keyword.arg == "default":
                default = keyword.value
        key = node.args[0] if node.args else None
        if isinstance(key, ast.Constant) and key.value in self.defaults:
            return "defaulted"
        if default is None:
            return "guarded" if how == "get" else "required"
        if isinstance(default, ast.Constant) and default.value == "":
            return "emptied"
        return "guarded" if _is_none(default) else "defaulted"

    def _read(self, key: ast.expr, how: str) -> None:
        if how == "write":
            return
        if isinstance(key, ast.Name) and key.id in self.loops:
            for name, where in self.loops[key.id]:
                self._usage(name, where, how)
            return
        loop = _upper_of(key)
        if loop is not None and loop in self.fields:  # ``os.environ.get(name.upper())``
            for name in self.fields[loop]:
                self._usage(name.upper(), key, how)
            return
        if isinstance(key, ast.Name) and key.id in self.bound:
            value = self.bound[key.id]  # ``k = "X"`` / ``k = f"{p}_API_KEY"``, then ``getenv(k)``
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                self._usage(value.value, key, how)
                return
            self._dynamic(_glob(value), key)
            return
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            self._usage(key.value, key, how)
            return
        self._dynamic(_glob(key), key)

    def _dynamic(self, pattern: str, where: ast.expr) -> None:
        if pattern.strip("*"):
            location = Location(self.path, where.lineno, where.col_offset + 1)
            self.found.dynamic.append(DynamicRead(pattern, location))

    def _usage(self, name: str, where: ast.expr, how: str) -> None:
        if how == "required" and (self.caught or any(name in g or g is _ANY for g in self.guards)):
            how = "guarded"
        location = Location(self.path, where.lineno, where.col_offset + 1)
        self.found.usages.append(Usage.classified(name, location, how))


_STRIPS = frozenset({"removeprefix", "replace", "lstrip", "split", "partition"})


def _strips(scope: ast.AST, name: str) -> bool:
    """``name[n:]`` or ``name.removeprefix(...)`` (or ``replace``...) somewhere in ``scope``."""
    return any(_stripped(node, name) for node in ast.walk(scope))


def _stripped(node: ast.AST, name: str) -> bool:
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        return dotted(node.value) == name and node.slice.lower is not None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in _STRIPS and dotted(node.func.value) == name
    return False


def _startswith(node: ast.Call, name: str) -> str | None:
    """The literal prefix of ``name.startswith("P_")``."""
    if not isinstance(node.func, ast.Attribute):
        return None
    receiver = node.func.value
    if node.func.attr != "startswith" or dotted(receiver) != name or len(node.args) != 1:
        return None
    prefix = node.args[0]
    if isinstance(prefix, ast.Constant) and isinstance(prefix.value, str) and prefix.value:
        return prefix.value
    return None


_MISSING_KEY = frozenset({"KeyError", "LookupError", "Exception", "BaseException"})


def _recovers(handler: ast.ExceptHandler) -> bool:
    """An ``except`` that catches a missing key (``KeyError``, a bare ``except``...) and does
    not raise again."""
    caught = handler.type
    kinds = caught.elts if isinstance(caught, ast.Tuple) else [caught] if caught else []
    if kinds and not any(dotted(k).rsplit(".", 1)[-1] in _MISSING_KEY for k in kinds):
        return False
    return not any(isinstance(n, ast.Raise) for n in ast.walk(handler))


_ANY: frozenset[str] = frozenset({"*"})  # every read of the branch is switched on


def _strings_in(node: ast.expr) -> frozenset[str]:
    """Every string constant in an expression (the names an ``if`` test mentions)."""
    return frozenset(
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    )


_FIELD_MAPS = frozenset({"model_fields", "__fields__", "__dataclass_fields__"})
_FIELD_LISTS = frozenset({"fields", "dataclasses.fields"})


def _field_names(klass: ast.ClassDef) -> list[str]:
    """A model's own annotated fields (not private, not ``ClassVar``)."""
    return [
        node.target.id
        for node in klass.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and not node.target.id.startswith("_")
        and not is_classvar(node.annotation)
    ]


def is_classvar(annotation: ast.expr) -> bool:
    """``ClassVar[...]`` / ``typing.ClassVar``: a class attribute, not a field."""
    target = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return dotted(target).endswith("ClassVar")


def _upper_of(key: ast.expr) -> str | None:
    """``name.upper()`` or ``field.name.upper()``: the loop variable it upper-cases."""
    if not (isinstance(key, ast.Call) and isinstance(key.func, ast.Attribute)):
        return None
    if key.func.attr != "upper" or key.args:
        return None
    value = key.func.value
    if isinstance(value, ast.Attribute) and value.attr == "name":
        value = value.value
    return value.id if isinstance(value, ast.Name) else None


def _bindings(node: ast.AST, strings: dict[str, list[ast.expr]], other: set[str]) -> None:
    """Record a name bound to a string the file spells (a constant, an f-string, a ``+`` of
    them) in ``strings``, and every other binding of a name in ``other``."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name) and _spelled(node.value):
                strings.setdefault(target.id, []).append(node.value)
            elif isinstance(target, ast.Name):
                other.add(target.id)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
        if isinstance(node.target, ast.Name):
            other.add(node.target.id)
    elif isinstance(node, ast.arg):
        other.add(node.arg)
    elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
        other.add(node.target.id)


def _spelled(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and (_spelled(node.left) or _spelled(node.right))
    )


def _strings(node: ast.expr) -> list[tuple[str, ast.expr]] | None:
    if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return None
    found: list[tuple[str, ast.expr]] = []
    for item in node.elts:
        if not isinstance(item, ast.Constant) or not isinstance(item.value, str):
            return None
        found.append((item.value, item))
    return found


def _glob(node: ast.expr) -> str:
    """``P_*_URL`` for ``f"P_{x}_URL"`` or ``"P_" + x + "_URL"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else "*" for v in node.values]
        return _squash("".join(str(p) for p in parts))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _squash(_glob(node.left) + _glob(node.right))
    return "*"


def _squash(pattern: str) -> str:
    while "**" in pattern:
        pattern = pattern.replace("**", "*")
    return pattern


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _is_none(node: ast.expr) -> bool:
    """``None`` or ``""``: a default that only says "may be unset"."""
    return isinstance(node, ast.Constant) and node.value in (None, "")


def marker_lines(text: str, extra: tuple[str, ...] = ()) -> Iterator[int]:
    for number, line in enumerate(text.split("\n"), start=1):
        if any(m in line for m in (*MARKERS, *extra)):
            yield number
