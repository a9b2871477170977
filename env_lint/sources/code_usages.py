"""Reads of environment variables in JS/TS code, found in the tree-sitter syntax tree from the
positions of the environment objects (no walk over every node).

Read: ``process.env.X``, ``process.env["X"]``, ``process.env?.X``, ``import.meta.env.X``,
``Bun.env.X``, ``Deno.env.get("X")``; destructuring (``const { X, Y: y = d } = process.env``);
aliases (``const env = process.env``, ``loadEnv(...)`` in a Vite config, ``env`` from
``std-env`` or SvelteKit's ``$env/dynamic/*``, names imported from ``$env/static/*``);
configured accessors (``env("X")``, ``configService.get("X")``) and inferred ones (a function of
this module that returns ``process.env[name]``); names from a list that a loop or ``.map``
passes to ``process.env[k]``; dynamic names (``process.env[`BUCKET_${s}_URL`]``) kept as a
pattern (``BUCKET_*_URL``).

Each read says how it is used: with a fallback (``?? "d"``), guarded (an ``if``, a ternary,
``&&``, a comparison, ``?.``: the code copes when it is unset) or required. Writes
(``process.env.X = ...``, ``delete process.env.X``) are not reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from tree_sitter import Node

from ..known_vars import STAGE_VARIABLES
from ..model import DynamicRead, ImportedCheck, ImportedRead, Location, Usage
from ..paths import is_tooling_path
from ..secrecy import PUBLIC_PREFIXES
from .base import binding_hint
from .jsimports import checked_constants, string_callees, upper_receivers
from .typescript import Script, is_env_object, property_key, string_value, unwrap

BUILTIN_ACCESSORS = ("Deno.env.get",)
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
ENV_OBJECTS = (b"process.env", b"import.meta.env", b"Bun.env", b"Deno.env")
K6_ENV = b"__ENV"  # k6's global environment object
_PARAMETERS = ("required_parameter", "optional_parameter", "assignment_pattern")
# A parameter typed as the environment, or defaulting to it
_ENV_PARAMETER_HINT = re.compile(
    rb":\s*(?:NodeJS\.)?ProcessEnv\b|:\s*typeof\s+process\.env\b|=\s*process\.env(?![\w$.?\[])"
)
# ``env.API_KEY`` / ``c.env.API_KEY`` (group 1: the environment object)
_BINDING = re.compile(rb"(?<![A-Za-z0-9_$.])((?:[A-Za-z_$][A-Za-z0-9_$]*\.)?env)\s*\??\.\s*[A-Z]")

_ALIAS_SOURCES = ("std-env", "$env/dynamic/private", "$env/dynamic/public")
_STATIC_SOURCES = ("$env/static/private", "$env/static/public")
_WRAPPERS = frozenset(
    {"parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression"}
)
_CONVERSIONS = frozenset(
    {
        "Number",
        "parseInt",
        "parseFloat",
        "Number.parseInt",
        "Number.parseFloat",
        "String",
        "JSON.parse",
        "BigInt",
    }
)
_ITERATORS = frozenset({"map", "forEach", "filter", "every", "some", "flatMap", "reduce", "find"})
# Calls that list the whole environment; a prefix filter next to them reads PREFIX_*.
_ENUMERATORS = frozenset({"Object.entries", "Object.keys"})
_STATEMENTS = ("statement", "declaration")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*_[A-Z0-9_]*$")
_LOCAL = re.compile(rb"(?<![A-Za-z0-9_$.])([A-Za-z_$][A-Za-z0-9_$]*)(?![A-Za-z0-9_$(])")
_LOG_METHODS = frozenset({"log", "info", "debug", "warn", "error", "trace"})
_LOGGED_THROUGH = frozenset(
    {"pair", "object", "template_substitution", "template_string", "arguments", "array",
     "binary_expression", "parenthesized_expression"}
)  # fmt: skip
_MANY_READS = 200
_FROM_PROCESS = re.compile(rb"\}\s*=\s*process(?![A-Za-z0-9_$.])")
_COMPARISONS = frozenset({"===", "!==", "==", "!="})
# Where a value is handed on to someone else who decides what unset means.
_HANDED_ON = frozenset({"return_statement", "array", "arrow_function", "jsx_expression"})
_LITERAL_TYPES = frozenset(
    {"number", "string", "template_string", "true", "false", "object", "array", "null"}
)
# A guard does not carry into a function declared elsewhere in the branch (callbacks do).
_SCOPES = frozenset({"program", "function_declaration", "method_definition", "class_body"})
VITE_BUILTINS = frozenset({"DEV", "PROD", "MODE", "BASE_URL", "SSR"})


@dataclass
class CodeReads:
    usages: list[Usage] = field(default_factory=list)
    dynamic: list[DynamicRead] = field(default_factory=list)
    opaque: list[Location] = field(default_factory=list)  # the whole env passed on
    # inferred accessor functions, and how each uses its own read
    accessors: list[tuple[str, str]] = field(default_factory=list)
    imported: list[ImportedRead] = field(default_factory=list)  # ``imported.X``, resolved later
    checks: list[ImportedCheck] = field(default_factory=list)  # ``if (!IMPORTED)``, resolved later
    written: list[str] = field(default_factory=list)  # ``process.env.X = ...``: set by the code


def extract_usages(src: Script, accessors: tuple[str, ...] = ()) -> list[Usage]:
    return extract_reads(src, accessors).usages


def extract_reads(src: Script, accessors: tuple[str, ...] = ()) -> CodeReads:
    reads = _Reader(src, frozenset((*BUILTIN_ACCESSORS, *accessors)))
    reads.run()
    found = reads.found
    found.usages = sorted({_given(u, reads.written) for u in found.usages})
    found.dynamic = sorted(set(found.dynamic))
    found.opaque = sorted(set(found.opaque))
    found.accessors = sorted(set(found.accessors))
    found.imported = sorted(set(found.imported))
    found.checks = sorted(set(imported_checks(src)))
    found.written = sorted(reads.written)
    return found


def _given(usage: Usage, written: set[str]) -> Usage:
    """A required read of a variable this module assigns (``process.env.X = "d"``) has that
    value as its fallback."""
    if usage.name in written and usage.required:
        return Usage.classified(usage.name, usage.location, "defaulted")
    return usage


_CHECKED = frozenset({"guarded", "defaulted", "emptied"})


def imported_checks(src: Script) -> Iterator[ImportedCheck]:
    """Each use of a named import with a constant's name (``STRIPE_KEY``) that checks it or
    falls back (``if (!STRIPE_KEY)``, ``STRIPE_KEY ?? d``, ``[A, B].filter(Boolean)``); not a
    comparison with it (``token !== API_KEY`` needs it), and nothing for a name the file
    declares again (a parameter or a local of that name). Only in files parsed for their own
    reads: parsing every importer of a flag constant costs about a second on a 7,000-file
    repo. One pass over the file's upper-case words, whatever the number of imports."""
    candidates = checked_constants(src.data)
    imported: dict[str, tuple[str, str]] = {}  # local -> (specifier, imported name)
    objects: dict[str, tuple[str, str]] = {}  # the same, for any import (``config.KEY``)
    for node in src.tree.root_node.named_children:
        if node.type == "import_statement":
            specifier = string_value(src, node.child_by_field_name("source")) or ""
            for local, name, _ in _named_imports(src, node, default=True):
                if _may_hold_config(specifier, local):
                    objects[local] = (specifier, name)
                if local in candidates:
                    imported[local] = (specifier, name)
    yield from _member_checks(src, objects)
    if not imported:
        return
    found: list[ImportedCheck] = []
    shadowed: set[str] = set()
    for hit in _UPPER_WORD.finditer(src.data):
        local = hit.group(0).decode("ascii")
        if local not in imported:
            continue
        word = src.tree.root_node.descendant_for_byte_range(hit.start(), hit.end())
        if word is None or _declares(src, word):
            shadowed.add(local)
        elif word.type == "identifier" and not _compared(src, word):
            how, _ = _use(src, word)
            if how in _CHECKED:
                usage = Usage.classified(local, src.location(word), how)
                found.append(ImportedCheck(*imported[local], usage))
    yield from (check for check in found if check.usage.name not in shadowed)


_MEMBER_CHECKS = 200  # at most this many ``imported.key`` uses looked at per file
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.")


def _may_hold_config(specifier: str, local: str) -> bool:
    """An import that may be a config object of the repo: a lower-case binding (not a class,
    a component or a constant) from a relative, aliased or scoped module (``./config``,
    ``@/lib/env``, ``@acme/config``), not from a bare package name (``react``, ``zod``)."""
    first = specifier[:1]
    return local[:1].islower() and (first in (".", "@", "~", "#") or specifier.startswith("/"))


def _member_uses(
    data: bytes, locals_: Iterable[str], start: int = 0, *, subscripts: bool = False
) -> list[int]:
    """Where ``local.`` / ``local?.`` (and with ``subscripts``, ``local[``) starts at or after
    ``start``, for each local (a plain search per name: no pattern is built per file), in
    file order."""
    found: list[int] = []
    optional = b"?." in data
    tails = [b".", *([b"?."] if optional else []), *([b"["] if subscripts else [])]
    for local in locals_:
        for needle in (local.encode() + tail for tail in tails):
            at = data.find(needle, start)
            while at != -1:
                if at == 0 or data[at - 1] not in _NAME_BYTES:
                    found.append(at)
                at = data.find(needle, at + len(needle))
    return sorted(found)


def _member_checks(src: Script, objects: dict[str, tuple[str, str]]) -> Iterator[ImportedCheck]:
    """Each check of a property of an imported object (``if (!config.SMTP_HOST)``,
    ``settings.mail.from || d``): named ``imported.path`` (``default.SMTP_HOST``), resolved
    across files against the properties of the object the module exports."""
    for start in _member_uses(src.data, objects)[:_MEMBER_CHECKS]:
        word = src.tree.root_node.descendant_for_byte_range(start, start + 1)
        if word is None or word.type != "identifier" or src.text(word) not in objects:
            continue
        member, path = _member_path(src, word)
        if not path or _compared(src, member):
            continue
        how, _ = _use(src, member)
        if how in _CHECKED:
            # the object's read is no use of its own: a consumer that falls back shows the
            # program runs without the variable, as a check does
            specifier, name = objects[src.text(word)]
            usage = Usage.classified(f"{name}.{path}", src.location(member), "guarded")
            yield ImportedCheck(specifier, usage.name, usage)


def _member_path(src: Script, word: Node) -> tuple[Node, str]:
    """The outermost ``word.a.b`` member expression over ``word`` and its path (``a.b``); an
    empty path when it is called (``config.get()``) or indexed dynamically."""
    node, keys = word, []
    while (parent := src.parent_of(node)) is not None and parent.type == "member_expression":
        prop = parent.child_by_field_name("property")
        if not _is(parent.child_by_field_name("object"), node) or prop is None:
            break
        keys.append(src.text(prop))
        node = parent
    call = src.parent_of(node)
    if (
        call is not None
        and call.type == "call_expression"
        and _is(call.child_by_field_name("function"), node)
    ):
        return node, ""
    return node, ".".join(keys)


_UPPER_WORD = re.compile(rb"(?<![A-Za-z0-9_$.])[A-Z][A-Z0-9_]*(?![A-Za-z0-9_$])")
_BINDING_PARENTS = frozenset(
    {"required_parameter", "optional_parameter", "formal_parameters", "array_pattern",
     "object_pattern", "pair_pattern", "assignment_pattern", "rest_pattern",
     "function_declaration", "class_declaration"}
)  # fmt: skip


def _declares(src: Script, node: Node) -> bool:
    """The word declares a name of its own: ``const { K } = o``, ``(K) =>``, ``let K``."""
    if node.type == "shorthand_property_identifier_pattern":
        return True
    parent = src.parent_of(node)
    if parent is None or node.type != "identifier":
        return False
    if parent.type == "variable_declarator":
        return _is(parent.child_by_field_name("name"), node)
    return parent.type in _BINDING_PARENTS


def _compared(src: Script, node: Node) -> bool:
    """``token !== K``: the comparison needs the value (``!K`` or ``K ?? d`` do not)."""
    parent = _outer(src, node)
    if parent is None or parent.type != "binary_expression":
        return False
    return _operator(src, parent) in _COMPARISONS


def _outer(src: Script, node: Node) -> Node | None:
    """The first ancestor that is not a wrapper (parentheses, ``!``, ``as``...)."""
    parent = src.parent_of(node)
    while parent is not None and parent.type in _WRAPPERS:
        parent = src.parent_of(parent)
    return parent


class _Reader:
    def __init__(self, src: Script, calls: frozenset[str]) -> None:
        self.src = src
        self.calls = calls
        self.found = CodeReads()
        # name -> the scopes it is the environment in (None: the whole file), none nested
        self.aliases: dict[str, list[Node | None]] = {}
        self.inferred: dict[str, str] = {}  # accessor -> how its own read is used
        self.via: tuple[str, str] | None = None  # reading through an imported binding
        self.weak = False  # reading a runtime's bindings: a read, never "undeclared"
        self._functions: dict[int, Node | None] = {}  # node id -> its enclosing function
        self.written: set[str] = set()  # process.env.X = ...: the module gives X a value

    def run(self) -> None:
        for node in self._env_objects():
            self._use(node)
        self._imports()
        self._destructured()
        self._loaded()
        self._k6()
        self._env_parameters()
        self._bindings()
        for alias, scopes in sorted(self.aliases.items(), key=lambda item: item[0]):
            for scope in tuple(scopes):
                for node in self._identifiers(alias, scope):
                    self._use(node, alias=True)
        for name in sorted(self.calls | set(self.inferred)):
            for call in self._calls_of(name):
                self._accessor(call, self.inferred.get(name, "required"))
        self.found.accessors = sorted(self.inferred.items())
        self._imported_bindings()
        self._imported_calls()

    def _imported_bindings(self) -> None:
        """``import environment from "./env"`` and ``environment.X``: a read of ``X`` if that
        module exports the environment (decided across files; recorded with the import)."""
        for local, specifier, name in imported_bindings(self.src):
            if local in self.aliases:
                continue
            self.via = (specifier, name)
            for node in self._identifiers(local, None):
                self._use(node, alias=True)
            self.via = None

    def _imported_calls(self) -> None:
        """``import { getVar } from "./config"`` and ``getVar("X")``: a read of ``X`` if that
        module's ``getVar`` reads the variable its argument names (decided across files)."""
        for local, specifier, name in imported_callees(self.src):
            if local in self.calls or local in self.inferred:
                continue  # read here already
            for call in self._calls_of(local):
                arguments = call.child_by_field_name("arguments")
                args = arguments.named_children if arguments is not None else []
                first = unwrap(args[0]) if args else None
                variable = string_value(self.src, first) if first is not None else None
                if first is None or variable is None or not ENV_NAME.match(variable):
                    continue
                how = "defaulted" if len(args) > 1 else classify(self.src, call, variable)
                usage = Usage.classified(variable, self.src.location(first), how)
                self.found.imported.append(ImportedRead(specifier, name, usage, call=True))

    # --- where the environment objects are ---------------------------------------------------

    def _env_objects(self) -> Iterator[Node]:
        data = self.src.data
        hits = [
            hit
            for marker in ENV_OBJECTS
            for hit in re.finditer(re.escape(marker) + rb"(?![A-Za-z0-9_$])", data)
        ]
        if len(hits) > _MANY_READS:
            self.src.index()  # many reads, maybe nested deep: constant-time tree lookups
        for hit in hits:
            node = self._covering(hit.start(), hit.end(), ("member_expression",))
            if node is not None:
                yield node

    def _covering(self, start: int, end: int, kinds: tuple[str, ...]) -> Node | None:
        return self.src.spanning(start, end, kinds)

    def _identifiers(self, name: str, scope: Node | None) -> Iterator[Node]:
        """Uses of an alias of the environment object within its scope."""
        start = scope.start_byte if scope is not None else 0
        end = scope.end_byte if scope is not None else len(self.src.data)
        pattern = rb"(?<![A-Za-z0-9_$.])" + re.escape(name.encode()) + rb"(?=\s*(?:\.|\?\.|\[))"
        for hit in re.finditer(pattern, self.src.data[start:end]):
            at = start + hit.start()
            node = self._covering(at, at + len(name), ("identifier", "member_expression"))
            if node is not None:
                yield node

    def _calls_of(self, name: str) -> Iterator[Node]:
        head = name.split(".", 1)[0].encode()
        for hit in re.finditer(rb"(?<![A-Za-z0-9_$])" + re.escape(head), self.src.data):
            node = self.src.tree.root_node.descendant_for_byte_range(hit.start(), hit.end())
            while node is not None and node.start_byte == hit.start():
                if node.type == "call_expression":
                    function = node.child_by_field_name("function")
                    if function is not None and "".join(self.src.text(function).split()) == name:
                        yield node
                    break
                node = self.src.parent_of(node)

    def _imports(self) -> None:
        """``env`` from std-env or ``$env/dynamic/*`` is an alias; names imported from
        ``$env/static/*`` are reads themselves."""
        if b"std-env" not in self.src.data and b"$env/" not in self.src.data:
            return
        for node in self.src.tree.root_node.named_children:
            if node.type != "import_statement":
                continue
            source = string_value(self.src, node.child_by_field_name("source")) or ""
            for local, name, spec in _named_imports(self.src, node):
                if source in _ALIAS_SOURCES and name in ("env", "process"):
                    self._alias(local if name == "env" else f"{local}.env", None)
                elif source in _STATIC_SOURCES:
                    self._usage(name, spec, "required")

    def _k6(self) -> None:
        """k6 load-test scripts read their variables as ``__ENV.NAME``: a global alias of the
        environment (``k6 run -e NAME=...`` or the process's)."""
        if K6_ENV in self.src.data:
            self._alias("__ENV", None)

    def _loaded(self) -> None:
        """``const env = loadEnv(mode, root, "")`` in a Vite config: an alias of the
        environment (the env files and the process's variables, merged)."""
        if b"loadEnv" not in self.src.data or b"vite" not in self.src.data:
            return
        for call in self._calls_of("loadEnv"):
            declarator = _outer(self.src, call)
            if declarator is None or declarator.type != "variable_declarator":
                continue
            name = declarator.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                self._alias(self.src.text(name), _scope(self.src, declarator))

    def _env_parameters(self) -> None:
        """``function parse(source: NodeJS.ProcessEnv)``, ``(env = process.env) => ...``:
        within that function the parameter is the environment (its callers hand
        ``process.env`` to it), so ``source.X`` reads ``X``."""
        for hit in _ENV_PARAMETER_HINT.finditer(self.src.data):
            parameter = self.src.tree.root_node.descendant_for_byte_range(hit.start(), hit.end())
            while parameter is not None and parameter.type not in _PARAMETERS:
                if parameter.type in _FUNCTIONS or parameter.type == "program":
                    parameter = None  # a ``ProcessEnv`` elsewhere: a variable's type...
                    break
                parameter = parameter.parent
            if parameter is None or parameter.parent is None:
                continue
            if parameter.parent.type != "formal_parameters":
                continue
            field = "left" if parameter.type == "assignment_pattern" else "pattern"
            name = parameter.child_by_field_name(field)
            function = _enclosing_function(self.src, parameter)
            if name is None or name.type != "identifier" or function is None:
                continue
            self._alias(self.src.text(name), function)

    def _destructured(self) -> None:
        """``const { env } = process`` (or ``{ env: vars }``): an alias of ``process.env``."""
        for hit in _FROM_PROCESS.finditer(self.src.data):
            process = self._covering(hit.end() - len("process"), hit.end(), ("identifier",))
            declarator = self.src.parent_of(process) if process is not None else None
            if declarator is None or declarator.type != "variable_declarator":
                continue
            pattern = declarator.child_by_field_name("name")
            if pattern is None or pattern.type != "object_pattern":
                continue
            for item in pattern.named_children:
                local = None
                if item.type == "shorthand_property_identifier_pattern":
                    local = item if self.src.text(item) == "env" else None
                elif item.type == "pair_pattern":
                    key, value = item.child_by_field_name("key"), item.child_by_field_name("value")
                    if key is not None and value is not None and value.type == "identifier":
                        local = value if self.src.text(key) == "env" else None
                if local is not None:
                    self._alias(self.src.text(local), _scope(self.src, declarator))

    def _bindings(self) -> None:
        """The environment a runtime hands to a handler: ``fetch(req, env)`` then ``env.X``
        (Cloudflare Workers, Deno Deploy), ``(c) => c.env.X`` (Hono, Pages Functions). Its
        bindings (KV, D1, queues) share the object, so these reads never count as undeclared."""
        if not binding_hint(self.src.data):
            return
        hits = [h for h in _BINDING.finditer(self.src.data) if h.group(1) not in ENV_OBJECTS]
        if len(hits) > _MANY_READS:
            self.src.index()  # many reads, maybe nested deep: constant-time tree lookups
        self.weak = True
        for hit in hits:  # (process.env was read above)
            node = self._covering(hit.start(1), hit.end(1), ("identifier", "member_expression"))
            if node is not None and self._handed_in(node):
                self._use(node, alias=True)
        self.weak = False

    def _handed_in(self, node: Node) -> bool:
        """``env`` is a parameter of an enclosing function, or ``c.env`` of a parameter ``c``."""
        if node.type == "member_expression":
            holder = node.child_by_field_name("object")
            if holder is None or holder.type != "identifier":
                return False
            node, name = holder, self.src.text(holder)
        else:
            name = self.src.text(node)
        function = self._function_of(node)
        while function is not None:
            if name in _parameters(self.src, function):
                return True
            function = self._function_of(function)
        return False

    def _function_of(self, node: Node) -> Node | None:
        """The enclosing function, remembered for every node on the way up: many reads deep in
        one expression cost one walk, not one each."""
        seen = []
        parent = self.src.parent_of(node)
        while parent is not None and parent.type not in _FUNCTIONS:
            if parent.id in self._functions:
                break
            seen.append(parent.id)
            parent = self.src.parent_of(parent)
        found = self._functions.get(parent.id, parent) if parent is not None else None
        if parent is not None and parent.type in _FUNCTIONS:
            found = parent
        for key in seen:
            self._functions[key] = found
        return found

    # --- one use of the environment object ---------------------------------------------------

    def _use(self, env: Node, *, alias: bool = False) -> None:
        if self.src.text(env) == "Deno.env":
            return  # Deno.env.get("X") is read as an accessor call
        parent = self.src.parent_of(env)
        while parent is not None and parent.type in _WRAPPERS:
            env, parent = parent, self.src.parent_of(parent)
        if parent is None:
            return
        kind = parent.type
        if kind == "member_expression" and _is(parent.child_by_field_name("object"), env):
            prop = parent.child_by_field_name("property")
            if prop is None or prop.type != "property_identifier":
                return
            name = self.src.text(prop)
            if alias and not ENV_NAME.match(name):
                return  # ``env.get(...)`` on an alias is a method, not a variable
            if name in VITE_BUILTINS and self.src.text(env).startswith("import.meta"):
                return  # set by Vite itself
            self._usage(name, prop, classify(self.src, parent, name))
        elif kind == "subscript_expression" and _is(parent.child_by_field_name("object"), env):
            self._subscript(parent)
        elif kind == "variable_declarator" and _is(parent.child_by_field_name("value"), env):
            self._declared(parent)
        elif kind == "binary_expression" and _is(parent.child_by_field_name("right"), env):
            self._fallback(parent)
        elif kind == "arguments":
            self._argument(env, parent)

    def _fallback(self, binary: Node) -> None:
        """``const env = opts.env ?? process.env`` (or ``||``, through parentheses and casts):
        an environment handed in for tests, else the real one; the binding is the environment."""
        operator = binary.child_by_field_name("operator")
        holder = _outer(self.src, binary)
        if operator is None or self.src.text(operator) not in ("??", "||") or holder is None:
            return
        if holder.type == "variable_declarator":
            self._declared(holder)

    def _declared(self, declarator: Node) -> None:
        pattern = declarator.child_by_field_name("name")
        if pattern is None:
            return
        if pattern.type == "object_pattern":
            keys = list(_pattern_names(self.src, pattern))
            bindings = {key: _binding(self.src, key) for _, key, _ in keys}
            uses = _uses_of(self.src, [b for b in bindings.values() if b], declarator)
            for name, key, defaulted in keys:
                how = "defaulted" if defaulted else uses.get(bindings[key] or b"", "required")
                self._usage(name, key, how)
        elif pattern.type == "identifier" and self.via is None:
            self._alias(self.src.text(pattern), _scope(self.src, declarator))

    def _alias(self, name: str, scope: Node | None) -> None:
        """``name`` is the environment within ``scope`` (None: the whole file); a scope
        inside one already recorded adds nothing, one around recorded ones replaces them."""
        scopes = self.aliases.setdefault(name, [])
        if any(_holds(known, scope) for known in scopes):
            return
        scopes[:] = [known for known in scopes if not _holds(scope, known)] + [scope]

    def _argument(self, env: Node, arguments: Node) -> None:
        call = self.src.parent_of(arguments)
        if call is None or call.type != "call_expression":
            return
        function = call.child_by_field_name("function")
        text = "".join(self.src.text(function).split()) if function is not None else ""
        if text.rsplit(".", 1)[-1] in ("parse", "safeParse", "parseAsync", "safeParseAsync"):
            return  # a schema reads it: the schema's keys are the reads
        if text.endswith(("createEnv", "cleanEnv")) or self.via is not None:
            return
        self.found.opaque.append(self.src.location(env))
        if text in _ENUMERATORS:
            self._prefix_filters(call)

    def _prefix_filters(self, call: Node) -> None:
        """``Object.entries(process.env)`` filtered by ``key.startsWith("APP_")`` in the same
        statement (a loop body, a reduce callback): every ``APP_*`` variable is read."""
        statement: Node | None = call
        while statement is not None and not statement.type.endswith(_STATEMENTS):
            statement = self.src.parent_of(statement)
        within = statement or call
        text = self.src.data[within.start_byte : within.end_byte]
        for hit in re.finditer(rb"\.startsWith\s*\(", text):
            at = within.start_byte + hit.start() + 1
            node = self.src.tree.root_node.descendant_for_byte_range(at, at + len("startsWith"))
            while node is not None and node.type != "call_expression":
                node = self.src.parent_of(node)
            arguments = node.child_by_field_name("arguments") if node is not None else None
            if arguments is None or not arguments.named_children:
                continue
            first = unwrap(arguments.named_children[0])
            prefix = string_value(self.src, first)
            if prefix in PUBLIC_PREFIXES:
                continue  # a framework's whole public namespace passed on: none of it read
            if first is not None and prefix and _PREFIX.match(prefix):
                self.found.dynamic.append(DynamicRead(f"{prefix}*", self.src.location(first)))

    def _subscript(self, node: Node) -> None:
        index = unwrap(node.child_by_field_name("index"))
        if index is None:
            return
        name = string_value(self.src, index)
        how = classify(self.src, node, name or "")
        if name is not None:
            self._usage(name, index, how)
        elif index.type == "identifier":
            self._by_name(index, how)
        else:
            self._dynamic(index)

    def _by_name(self, index: Node, how: str) -> None:
        """``process.env[k]``: ``k`` is a parameter of an accessor function, or comes from a
        list of names; otherwise the name is unknown."""
        name = self.src.text(index)
        function = _enclosing_function(self.src, index)
        if function is not None and name in _parameters(self.src, function):
            names = self._iterated(function, name)
            if names is not None:
                for text, where in names:
                    self._usage(text, where, how)
                return
            accessor = _function_name(self.src, function)
            if accessor is not None:
                self.inferred[accessor] = how
                return
        names = self._loop_names(index, name)
        for text, where in names or ():
            self._usage(text, where, how)
        if names is None and self.via is None:
            pattern = _name_pattern(self.src, _declaration(self.src, name))
            if pattern.strip("*"):
                self.found.dynamic.append(DynamicRead(pattern, self.src.location(index)))

    def _iterated(self, function: Node, param: str) -> list[tuple[str, Node]] | None:
        """``["A", "B"].forEach((k) => process.env[k])``: the strings of the list."""
        arguments = self.src.parent_of(function)
        call = self.src.parent_of(arguments) if arguments is not None else None
        if call is None or call.type != "call_expression":
            return None
        callee = call.child_by_field_name("function")
        if callee is None or callee.type != "member_expression":
            return None
        prop = callee.child_by_field_name("property")
        if prop is None or self.src.text(prop) not in _ITERATORS:
            return None
        return self._strings(callee.child_by_field_name("object"))

    def _loop_names(self, index: Node, name: str) -> list[tuple[str, Node]] | None:
        """``for (const k of ["A", "B"]) process.env[k]``; ``for (const k in defaults)`` over
        an object literal of the file: its keys."""
        node: Node | None = index
        while node is not None:
            if node.type == "for_in_statement":
                left = node.child_by_field_name("left")
                if left is not None and self.src.text(left) == name:
                    right = node.child_by_field_name("right")
                    if _loops_over_keys(self.src, node, left, right):
                        return self._keys(right)
                    return self._strings(right)
            node = self.src.parent_of(node)
        return None

    def _literal(self, node: Node | None, kind: str) -> Node | None:
        """``node`` as a literal of ``kind`` (``object``, ``array``), through a name the file
        binds to one."""
        node = unwrap(node)
        if node is not None and node.type == "identifier":
            node = _declaration(self.src, self.src.text(node))
        return node if node is not None and node.type == kind else None

    def _keys(self, node: Node | None) -> list[tuple[str, Node]] | None:
        """The static keys of an object literal (or a ``const`` of the file bound to one)."""
        node = self._literal(node, "object")
        if node is None:
            return None
        found = []
        for pair in node.named_children:
            if pair.type == "comment":
                continue
            key = pair.child_by_field_name("key") if pair.type == "pair" else pair
            text = property_key(self.src, key) if key is not None else None
            if key is None or text is None or not ENV_NAME.match(text):
                return None  # a spread, a computed or lower-case key: not a list of names
            found.append((text, key))
        return found

    def _strings(self, node: Node | None) -> list[tuple[str, Node]] | None:
        node = self._literal(node, "array")
        if node is None:
            return None
        found = []
        for item in node.named_children:
            text = string_value(self.src, item)
            if text is None:
                return None
            found.append((text, item))
        return found

    def _dynamic(self, index: Node) -> None:
        if self.via is not None:
            return  # ``imported[k]`` on a module that may not be the environment
        pattern = glob_of(self.src, index)
        if pattern.strip("*"):
            self.found.dynamic.append(DynamicRead(pattern, self.src.location(index)))
            return
        self.found.opaque.append(self.src.location(index))
        if _case_converted(self.src, index) and not is_tooling_path(self.src.path):
            # process.env[constantCase(key)]: names made from the code's own (camelCase) keys,
            # so any name may be read, and none is provably unread
            self.found.dynamic.append(DynamicRead("*", self.src.location(index)))

    def _accessor(self, call: Node, inner: str = "required") -> None:
        """A call that reads the variable it names; ``inner``: how the accessor itself uses
        its read (one that falls back or copes with unset makes every call do so)."""
        arguments = call.child_by_field_name("arguments")
        args = arguments.named_children if arguments is not None else []
        first = unwrap(args[0]) if args else None
        if first is None:
            return
        name = string_value(self.src, first)
        if name is None:
            self._dynamic(first)
            return
        if len(args) > 1:
            how = "defaulted"
        elif inner in ("defaulted", "guarded", "emptied"):
            how = inner
        else:
            how = classify(self.src, call, name)
        self._usage(name, first, how)

    def _usage(self, name: str, node: Node, how: str) -> None:
        if how == "write":
            self.written.add(name)
            return
        usage = Usage.classified(name, self.src.location(node), how)
        if self.weak:
            usage = replace(usage, weak=True)
        if self.via is not None:
            self.found.imported.append(ImportedRead(*self.via, usage))
        else:
            self.found.usages.append(usage)


# --- how a read is used ------------------------------------------------------------------------


def classify(src: Script, read: Node, name: str = "") -> str:
    """``write``, ``defaulted``, ``emptied``, ``guarded``, ``passed`` (handed to a call, an
    object or a return: the receiver decides) or ``required`` (``name``: the variable, to
    recognise a branch that checked it first). ``X!`` and ``X as string`` assert it is set."""
    how, asserted = _use(src, read)
    if how in ("required", "passed") and _under_guard(src, read, name):
        return "guarded"
    if how == "required" and _logged(src, read):
        return "passed"  # console.log({ x: process.env.X }): printing it needs nothing
    if how == "required" and _defined_for_bundle(src, read):
        return "passed"  # define: { __PORT__: process.env.PORT }: the app's code decides
    if how == "passed" and asserted:
        return "required"
    return how


def _defined_for_bundle(src: Script, read: Node) -> bool:
    """A value a bundler substitutes into the app's code: ``define: { __PORT__:
    process.env.PORT }`` (Vite, esbuild, tsup...) or ``new DefinePlugin({ ... })``."""
    if b"define" not in src.data and b"DefinePlugin" not in src.data:
        return False
    pair = _outer(src, read)
    if pair is None or pair.type != "pair" or not _is(pair.child_by_field_name("value"), read):
        return False
    holder = src.parent_of(pair)
    outer = src.parent_of(holder) if holder is not None and holder.type == "object" else None
    if outer is not None and outer.type == "pair":
        return property_key(src, outer.child_by_field_name("key")) == "define"
    call = src.parent_of(outer) if outer is not None and outer.type == "arguments" else None
    callee = call.child_by_field_name("constructor") if call is not None else None
    return callee is not None and src.text(callee).endswith("DefinePlugin")


def _use(src: Script, read: Node) -> tuple[str, bool]:
    how, asserted, alias = _walk_use(src, read)
    if alias and how == "required":
        return "guarded", asserted  # process.env.NEW ?? process.env.OLD: OLD is an alias
    return how, asserted


def _walk_use(src: Script, read: Node) -> tuple[str, bool, bool]:
    node, asserted, alias = read, False, False
    while True:
        parent = src.parent_of(node)
        if parent is None:
            return "required", asserted, alias
        if parent.type in _WRAPPERS:
            asserted = asserted or parent.type in ("non_null_expression", "as_expression")
            node = parent
            continue
        if parent.type == "unary_expression" and _operator(src, parent) == "+":
            node = parent  # +process.env.X || 8000: a conversion, as Number(...) is
            continue
        if parent.type == "binary_expression" and _chained_fallback(src, node, parent):
            alias = alias or _reads_env(src, parent.child_by_field_name("left"))
            node = parent  # a ?? process.env.X ?? "d": the chain's own fallback decides
            continue
        if parent.type == "arguments":
            call = src.parent_of(parent)
            called = _called(src, call) if call is not None else ""
            if call is not None and called in _CONVERSIONS:
                node = call
                continue
            if called == "Boolean":
                return "guarded", asserted, alias
            return _argument(src, node, parent, call), asserted, alias
        if parent.type == "array" and _filtered(src, parent):
            return "guarded", asserted, alias  # [process.env.A, process.env.B].filter(Boolean)
        if parent.type in _HANDED_ON:
            return "passed", asserted, alias
        if parent.type == "pair" and _returned_object(src, parent):
            return "passed", asserted, alias  # () => ({ db: { url: X } }): a config factory
        if parent.type == "pair" and _base_url_option(src, parent):
            return "passed", asserted, alias  # new Client({ baseURL: X }): the SDK's default
        if parent.type == "pair" and _checked_key(src, parent):
            return "guarded", asserted, alias  # const c = { host: X }; if (!c.host) return
        if parent.type == "pair" and _returned_binding(src, parent):
            return "passed", asserted, alias  # const c = { id: X }; return { ...c, ...more }
        if parent.type == "variable_declarator" and _is(parent.child_by_field_name("value"), node):
            return _local(src, parent), asserted, alias
        return _context(src, node, parent), asserted, alias


def _operator(src: Script, expression: Node) -> str:
    """The operator of a unary or binary expression (``+``, ``??``, ``===``...)."""
    return src.text(expression.child_by_field_name("operator") or expression)


def _returned_object(src: Script, pair: Node) -> bool:
    """A property of an object literal (nested at any depth) that a function returns: a
    config factory (``registerAs("db", () => ({ url: process.env.X }))``) whose consumer
    decides, as for ``return process.env.X``."""
    node: Node | None = pair
    while node is not None and node.type in ("pair", "object", *_WRAPPERS):
        parent = src.parent_of(node)
        if parent is None:
            return False
        if parent.type == "return_statement" or (
            parent.type == "arrow_function" and _is(parent.child_by_field_name("body"), node)
        ):
            return node.type != "pair"
        node = parent
    return False


def _returned_binding(src: Script, pair: Node) -> bool:
    """A value of an object literal bound to a local that a function returns, as is or spread
    into the object it returns (``const config = { id: process.env.X }; return { ...config,
    ...extra }``): a config factory, as ``return { id: process.env.X }`` is."""
    obj = src.parent_of(pair)
    declarator = _outer(src, obj) if obj is not None and obj.type == "object" else None
    name = declarator.child_by_field_name("name") if declarator is not None else None
    if declarator is None or declarator.type != "variable_declarator" or name is None:
        return False
    if declarator.id not in src.returned:  # once per object, whatever the number of its reads
        src.returned[declarator.id] = _returns_local(src, declarator, src.text(name).encode())
    return src.returned[declarator.id]


def _returns_local(src: Script, declarator: Node, local: bytes) -> bool:
    """A use of ``local`` after ``declarator`` that a function returns, as is or spread."""
    scope = _scope(src, declarator)
    start, end = declarator.end_byte, scope.end_byte if scope is not None else len(src.data)
    # (``...config`` has a dot before it; a property ``x.config`` is no identifier node)
    pattern = rb"(?<![A-Za-z0-9_$])" + re.escape(local) + rb"(?![A-Za-z0-9_$])"
    for hit in re.finditer(pattern, src.data[start:end]):
        at = start + hit.start()
        use = src.tree.root_node.descendant_for_byte_range(at, at + len(local))
        if use is None or use.type != "identifier":
            continue
        holder = src.parent_of(use)
        if holder is not None and holder.type == "spread_element":
            spread_into = src.parent_of(holder)
            if spread_into is not None and _returned_object(src, spread_into):
                return True
        elif holder is not None and (
            holder.type == "return_statement"
            or (holder.type == "arrow_function" and _is(holder.child_by_field_name("body"), use))
        ):
            return True
    return False


_BASE_URL_KEY = re.compile(r"^(?:\w*[a-z_])?base_?url$", re.IGNORECASE)


def _base_url_option(src: Script, pair: Node) -> bool:
    """The base URL option of a client a call or ``new`` makes (``createClient({ baseURL:
    process.env.X })``): unset, the client talks to its vendor's own endpoint."""
    key = pair.child_by_field_name("key")
    if key is None or not _BASE_URL_KEY.match(src.text(key).strip("\"'")):
        return False
    obj = src.parent_of(pair)
    arguments = _outer(src, obj) if obj is not None and obj.type == "object" else None
    return arguments is not None and arguments.type == "arguments"


def _checked_key(src: Script, pair: Node) -> bool:
    """A value of an object literal bound to a name (``const channels = { billing:
    process.env.X }``, or a shorthand ``{ X }`` of a local holding it) whose key the file
    checks or falls back on: ``channels.billing ?? d``, ``if (!channels.billing)``, or any key
    through a computed one (``channels[kind] || null``)."""
    obj = src.parent_of(pair)
    declarator = _outer(src, obj) if obj is not None and obj.type == "object" else None
    if declarator is None or declarator.type != "variable_declarator":
        return False
    name = declarator.child_by_field_name("name")
    key = pair.child_by_field_name("key") if pair.type == "pair" else pair
    if name is None or name.type != "identifier" or key is None:
        return False
    checked = _checked_keys(src, declarator, src.text(name))
    return "*" in checked or src.text(key).strip("\"'") in checked


def _checked_keys(src: Script, declarator: Node, name: str) -> frozenset[str]:
    """The keys of the object ``name`` holds that the file checks after ``declarator`` (``*``:
    a computed key is checked), once per object."""
    memo = src.objects if src.objects is not None else {}
    src.objects = memo
    if declarator.id in memo:
        return memo[declarator.id]
    found: set[str] = set()
    uses = _member_uses(src.data, [name], declarator.end_byte, subscripts=True)
    for at in uses[:_MEMBER_CHECKS]:
        word = src.tree.root_node.descendant_for_byte_range(at, at + len(name))
        member = src.parent_of(word) if word is not None else None
        if word is None or member is None or not _is(member.child_by_field_name("object"), word):
            continue
        if member.type == "member_expression":
            prop = member.child_by_field_name("property")
            key = src.text(prop) if prop is not None else None
        elif member.type == "subscript_expression":
            key = string_value(src, member.child_by_field_name("index")) or "*"
        else:
            continue
        if key is not None and key not in found and _use(src, member)[0] in _CHECKED:
            found.add(key)
    memo[declarator.id] = frozenset(found)
    return memo[declarator.id]


def _filtered(src: Script, array: Node) -> bool:
    """``[...].filter(Boolean)`` (or ``.filter((x) => x)``): the unset ones are dropped."""
    member = _outer(src, array)
    if member is None or member.type != "member_expression":
        return False
    prop = member.child_by_field_name("property")
    call = src.parent_of(member)
    if prop is None or src.text(prop) != "filter" or call is None:
        return False
    arguments = call.child_by_field_name("arguments")
    first = (
        arguments.named_children[0] if arguments is not None and arguments.named_children else None
    )
    if first is None:
        return False
    text = "".join(src.text(first).split())
    return text == "Boolean" or re.fullmatch(r"\(?(\w+)\)?=>(?:!!)?\1", text) is not None


def _argument(src: Script, node: Node, arguments: Node, call: Node | None) -> str:
    """``helper(process.env.X, 30)``: a helper given a default; ``helper(process.env.X) ??
    d``: the call's own fallback; otherwise the callee decides ("passed")."""
    siblings = [unwrap(a) for a in arguments.named_children if not _is(a, node)]
    if any(a is not None and a.type in _LITERAL_TYPES for a in siblings):
        return "defaulted"
    if call is None:
        return "passed"
    how, _ = _use(src, call)
    return how if how in ("defaulted", "emptied", "guarded") else "passed"


def _reads_env(src: Script, left: Node | None) -> bool:
    """The last operand of a fallback chain's left side reads the environment by name
    (``process.env.NEW``, ``Deno.env.get("NEW")``; only that operand is looked at, so a long
    chain is not walked again at every link)."""
    node = unwrap(left)
    while node is not None and node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is None or src.text(operator) not in ("??", "||"):
            return False
        node = unwrap(node.child_by_field_name("right"))
    if node is None:
        return False
    if node.type in ("member_expression", "subscript_expression"):
        return is_env_object(src, node.child_by_field_name("object"))  # process.env.X, ["X"]
    return node.type == "call_expression" and _called(src, node) in BUILTIN_ACCESSORS


_CASE_CONVERSION = re.compile(r"(constant|snake|upper|screaming|macro)_?case$|^to_?upper", re.I)


def _case_converted(src: Script, index: Node) -> bool:
    """``constantCase(key)``, ``snakeCase(k).toUpperCase()``, ``key.toUpperCase()``: a name
    converted from another case."""
    node = unwrap(index)
    if node is None or node.type != "call_expression":
        return False
    return bool(_CASE_CONVERSION.search(_called(src, node).rsplit(".", 1)[-1]))


def _chained_fallback(src: Script, node: Node, parent: Node) -> bool:
    operator = parent.child_by_field_name("operator")
    return (
        operator is not None
        and src.text(operator) in ("??", "||")
        and _is(parent.child_by_field_name("right"), node)
    )


def _local(src: Script, declarator: Node) -> str:
    """``const raw = process.env.X`` then ``if (!raw) return`` / ``raw ? ... : d`` / ``raw ??
    d``: how the local is used decides."""
    target = declarator.child_by_field_name("name")
    if target is None or target.type != "identifier":
        return "required"
    return _uses(src, src.text(target).encode(), declarator)


def _binding(src: Script, key: Node) -> bytes | None:
    """The local a destructured key is bound to (``{ X }`` or ``{ X: raw }``); None for a
    nested pattern."""
    if key.parent is not None and key.parent.type == "pair_pattern":
        value = key.parent.child_by_field_name("value")
        return (
            src.text(value).encode() if value is not None and value.type == "identifier" else None
        )
    return src.text(key).encode()


def _uses(src: Script, name: bytes, declarator: Node) -> str:
    return _uses_of(src, [name], declarator).get(name, "required")


def _uses_of(src: Script, names: list[bytes], declarator: Node) -> dict[bytes, str]:
    """How each local bound by ``declarator`` is used in its scope (``if (!raw) return``, ``raw
    ?? d``...): "guarded", "defaulted" or "emptied" at its first such use. One pass over the
    scope for all the names (a destructuring of many keys is not a scan per key)."""
    if not names:
        return {}
    scope = _scope(src, declarator)
    start = declarator.end_byte
    end = scope.end_byte if scope is not None else len(src.data)
    alternatives = b"|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    pattern = rb"(?<![A-Za-z0-9_$.])(?:" + alternatives + rb")(?![A-Za-z0-9_$])"
    found: dict[bytes, str] = {}
    switched: dict[bytes, bool] = {}  # every use so far in a branch a flag switches on
    for hit in re.finditer(pattern, src.data[start:end]):
        name = hit.group(0)
        if name in found:
            continue
        at = start + hit.start()
        use = src.tree.root_node.descendant_for_byte_range(at, at + len(name))
        if use is not None and use.type == "shorthand_property_identifier":
            if _checked_key(src, use):  # const deps = { X }; if (!deps.X) ...
                found[name] = "guarded"
            switched[name] = False
            continue
        if use is None or use.type != "identifier":
            continue
        how, _ = _use(src, use)
        if how in ("guarded", "defaulted", "emptied"):
            found[name] = how
        switched[name] = switched.get(name, True) and _switched_on(src, use)
    for name, only in switched.items():
        if only and name not in found:  # const key = env.KEY; if (env.KEY_ON) use(key)
            found[name] = "guarded"
    return found


def _switched_on(src: Script, node: Node) -> bool:
    """``node`` runs only in a branch whose condition reads a feature flag or a companion
    setting (not the deployment stage)."""
    parent = src.parent_of(node)
    while parent is not None and parent.type not in _SCOPES:
        test = _guard_test(parent, node)
        if test is not None and _flag_test(src, test):
            return True
        node, parent = parent, src.parent_of(parent)
    return False


def _member_local(src: Script, assignment: Node) -> str:
    """``this.apiKey = process.env.API_KEY`` then ``if (this.apiKey)`` / ``this.apiKey ?? d``
    in the same class: how the property is used decides, as for a local."""
    left = assignment.child_by_field_name("left")
    if left is None or left.type != "member_expression":
        return "required"
    owner, prop = left.child_by_field_name("object"), left.child_by_field_name("property")
    if owner is None or owner.type != "this" or prop is None:
        return "required"
    body: Node | None = assignment
    while body is not None and body.type != "class_body":
        body = src.parent_of(body)
    if body is None:
        return "required"
    name = re.escape(src.text(prop).encode())
    pattern = rb"(?<![A-Za-z0-9_$.])this\s*\??\.\s*" + name + rb"(?![A-Za-z0-9_$])"
    for hit in re.finditer(pattern, src.data[body.start_byte : body.end_byte]):
        at = body.start_byte + hit.start()
        if at == left.start_byte:
            continue
        use = src.tree.root_node.descendant_for_byte_range(at, body.start_byte + hit.end())
        if use is None or use.type != "member_expression":
            continue
        how, _ = _use(src, use)
        if how in ("guarded", "defaulted", "emptied"):
            return how
    return "required"


def _context(src: Script, node: Node, parent: Node) -> str:
    kind = parent.type
    if kind in ("assignment_expression", "augmented_assignment_expression"):
        if _is(parent.child_by_field_name("left"), node):
            return "write"
        return _member_local(src, parent) if kind == "assignment_expression" else "required"
    if kind == "unary_expression":
        operator = _operator(src, parent)
        if operator == "delete":
            return "write"
        if operator in ("!", "typeof"):
            return "required" if _throws_unless(src, parent) else "guarded"
        return "required"
    if kind == "binary_expression":
        return _binary(src, node, parent)
    if kind == "ternary_expression":
        if _is(parent.child_by_field_name("condition"), node):
            return "guarded"
        if _tested(src, parent):
            return "guarded"
        # const v = typeof process !== "undefined" ? process.env.X : undefined; v ?? "d"
        holder = _outer(src, parent)
        if holder is not None and holder.type == "variable_declarator":
            return _local(src, holder)
        return "required"
    if kind in ("if_statement", "while_statement"):
        return "guarded" if _is(parent.child_by_field_name("condition"), node) else "required"
    if kind == "switch_statement" and _is(parent.child_by_field_name("value"), node):
        return "guarded"  # switch (process.env.X) { case "a": ... }: compared, as with ===
    if kind == "member_expression" and _is(parent.child_by_field_name("object"), node):
        optional = any(c.type == "optional_chain" for c in parent.children)
        return "guarded" if optional else "required"
    return "required"


def _tested(src: Script, expression: Node) -> bool:
    """The expression's value is only tested for truth: through ``||`` / ``&&`` operands and
    ternary arms up to an ``if`` / ``while`` condition, a ``!`` or a ternary's condition
    (``if (hosted ? !enabled : isPaid() || process.env.DEMO)``)."""
    node = expression
    while (parent := src.parent_of(node)) is not None:
        kind = parent.type
        logical = kind == "binary_expression" and _operator(src, parent) in ("||", "&&")
        if kind == "parenthesized_expression" or logical:
            node = parent
        elif kind == "ternary_expression":
            if _is(parent.child_by_field_name("condition"), node):
                return True
            node = parent
        elif kind in ("if_statement", "while_statement"):
            return _is(parent.child_by_field_name("condition"), node)
        else:
            return kind == "unary_expression" and _operator(src, parent) == "!"
    return False


def _under_guard(src: Script, read: Node, variable: str) -> bool:
    """A read inside the branch of an ``if`` / ternary / ``&&`` whose condition reads the same
    variable: ``process.env.X && setUp(process.env.X)``."""
    name = variable.encode()
    if not name:
        return False
    node = read
    parent = src.parent_of(node)
    while parent is not None and parent.type not in _SCOPES:
        test = _guard_test(parent, node)
        if test is not None and (_tests(src, test, name) or _flag_test(src, test)):
            return True
        if test is not None and _outside_production(src, test, parent, node):
            return True
        if parent.type == "statement_block" and _after_early_return(src, node, parent, name):
            return True
        node, parent = parent, src.parent_of(parent)
    return False


# ``env.X`` / ``env?.X`` / ``env["X"]`` in a condition: another variable switches the branch on
_FLAG_READ = re.compile(
    rb"env\s*\??\.\s*([A-Z][A-Z0-9_]*)|env\s*\[\s*[\"']([A-Z][A-Z0-9_]*)[\"']\s*\]"
)


def _flag_test(src: Script, test: Node) -> bool:
    """The condition reads another variable that is no deployment stage: a feature flag or
    a companion setting (``env.DEV_PROXY ? { target: env.DEV_PROXY_TARGET } : {}``), or a
    platform's (``process.env.VERCEL ? kv({ url: process.env.KV_URL }) : memory()``)."""
    if _env_names(src, test) - STAGE_VARIABLES:
        return True
    flags = _flag_locals(src)
    return bool(flags) and any(
        w.decode() in flags for w in _LOCAL.findall(src.data[test.start_byte : test.end_byte])
    )


def _flag_locals(src: Script) -> frozenset[str]:
    """The constants bound to an expression that reads a variable that is no deployment stage
    (``const SELF_HOSTED = process.env.SELF_HOSTED === "true"``): a branch on one is a branch
    on the variable. Found once per file, from the reads up to their declarator."""
    if src.flags is None:
        found: set[str] = set()
        for hit in _FLAG_READ.finditer(src.data):
            if (hit.group(1) or hit.group(2)).decode() in STAGE_VARIABLES:
                continue
            node = src.tree.root_node.descendant_for_byte_range(hit.start(), hit.end())
            found.update(_set_when(src, node))
            while node is not None and node.type != "variable_declarator":
                stop = node.type.endswith(_STATEMENTS) or node.type in _FUNCTIONS
                node = None if stop else src.parent_of(node)
            name = node.child_by_field_name("name") if node is not None else None
            if name is not None and name.type == "identifier":
                found.add(src.text(name))
        src.flags = frozenset(found)
    return src.flags


def _set_when(src: Script, read: Node | None) -> Iterator[str]:
    """``var sso = false; if (process.env.SSO == "true") { sso = true; }``: the names an
    ``if`` on the read assigns in its branch are flags bound to the variable."""
    node, parent = read, src.parent_of(read) if read is not None else None
    while node is not None and parent is not None and parent.type != "if_statement":
        if parent.type.endswith(_STATEMENTS) or parent.type in _FUNCTIONS:
            return
        node, parent = parent, src.parent_of(parent)
    if node is None or parent is None or node != parent.child_by_field_name("condition"):
        return
    branch = parent.child_by_field_name("consequence")
    if branch is None:
        return
    statements = branch.named_children if branch.type == "statement_block" else [branch]
    for statement in statements:
        if statement.type != "expression_statement" or not statement.named_children:
            continue
        expression = statement.named_children[0]
        left = expression.child_by_field_name("left")
        if expression.type == "assignment_expression" and left is not None:
            yield from ([src.text(left)] if left.type == "identifier" else [])


def _env_names(src: Script, node: Node) -> set[str]:
    """The variables ``node`` spells as ``env.X`` / ``env["X"]``."""
    text = src.data[node.start_byte : node.end_byte]
    return {(a or b).decode() for a, b in _FLAG_READ.findall(text)} if b"env" in text else set()


def _after_early_return(src: Script, statement: Node, block: Node, name: bytes) -> bool:
    """An earlier ``if (!process.env.KEY) return;`` in the block switches the rest on: like
    ``process.env.KEY ? init(process.env.HOST) : null``. (One that throws asserts instead;
    ``if (process.env.MAINTENANCE === "true") return;`` leaves the usual path to the rest.)"""
    for sibling in block.named_children:
        if sibling.start_byte >= statement.start_byte:
            return False
        if sibling.type != "if_statement" or sibling.child_by_field_name("alternative"):
            continue
        test = sibling.child_by_field_name("condition")
        if test is None or not _only_returns(sibling.child_by_field_name("consequence")):
            continue
        if not _unset_test(src, test):
            continue
        if _tests(src, test, name) or _flag_test(src, test):
            return True
    return False


def _unset_test(src: Script, test: Node) -> bool:
    """``!X``, ``!A || !B``, ``X == null``, ``X === undefined``: true when something is unset."""
    test = unwrap(test) or test
    if test.type == "unary_expression":
        return _operator(src, test) == "!"
    if test.type != "binary_expression":
        return False
    sides = [test.child_by_field_name(f) for f in ("left", "right")]
    if _operator(src, test) == "||":
        return all(side is not None and _unset_test(src, side) for side in sides)
    return _operator(src, test) in ("===", "==") and any(
        side is not None and src.text(side) in _NOTHING for side in sides
    )


_NOTHING = frozenset({"null", "undefined", '""', "''"})


def _only_returns(node: Node | None) -> bool:
    if node is not None and node.type == "statement_block":
        statements = [c for c in node.named_children if c.type != "comment"]
        node = statements[0] if len(statements) == 1 else None
    return node is not None and node.type == "return_statement"


def _outside_production(src: Script, test: Node, parent: Node, arm: Node) -> bool:
    """The branch runs only outside production (``NODE_ENV === "production" ? undefined :
    process.env.X``, ``if (process.env.NODE_ENV === "development") {...}``): a local
    development override, which no deployment needs."""
    test = unwrap(test) or test
    if test.type != "binary_expression" or _operator(src, test) not in _EQUALITY:
        return False
    sides = [unwrap(test.child_by_field_name(f)) for f in ("left", "right")]
    words = {string_value(src, side) for side in sides if side is not None} - {None}
    stage = [side for side in sides if side is not None and _reads_a_stage(src, side)]
    if len(words) != 1 or not stage:
        return False
    (word,) = words
    production = str(word).lower() in ("production", "prod")
    if not production and str(word).lower() not in ("development", "dev", "local", "test"):
        return False
    alternative = parent.type != "binary_expression" and _is(
        parent.child_by_field_name("alternative"), arm
    )
    holds = (_operator(src, test) in ("===", "==")) != alternative  # the arm runs when equal
    return holds != production


_EQUALITY = frozenset({"===", "==", "!==", "!="})


def _reads_a_stage(src: Script, node: Node) -> bool:
    names = _env_names(src, node)
    return bool(names) and names <= STAGE_VARIABLES


def _tests(src: Script, test: Node, name: bytes) -> bool:
    """The condition reads the variable, or a local computed from it (``const hasRedis =
    !!process.env.REDIS_URL``; ``hasRedis ? process.env.REDIS_URL : other``)."""
    text = src.data[test.start_byte : test.end_byte]
    if name in text:
        return True
    for local in _LOCAL.findall(text)[:4]:
        value = _declaration(src, local.decode())
        if value is not None and name in src.data[value.start_byte : value.end_byte]:
            return True
    return False


def _logged(src: Script, read: Node) -> bool:
    """The read is (inside an object or a template) an argument of a logging call."""
    node: Node | None = src.parent_of(read)
    while node is not None and node.type in _LOGGED_THROUGH:
        if node.type == "arguments":
            call = src.parent_of(node)
            called = _called(src, call) if call is not None else ""
            head, _, method = called.rpartition(".")
            return method in _LOG_METHODS and head.lower().endswith(("console", "logger", "log"))
        node = src.parent_of(node)
    return False


def _guard_test(parent: Node, child: Node) -> Node | None:
    if parent.type == "ternary_expression" and not _is(
        parent.child_by_field_name("condition"), child
    ):
        return parent.child_by_field_name("condition")
    if parent.type == "binary_expression" and _is(parent.child_by_field_name("right"), child):
        operator = parent.child_by_field_name("operator")
        if operator is not None and operator.type == "&&":
            return parent.child_by_field_name("left")
    if parent.type == "if_statement" and not _is(parent.child_by_field_name("condition"), child):
        return parent.child_by_field_name("condition")
    return None


def _called(src: Script, call: Node) -> str:
    function = call.child_by_field_name("function")
    return "".join(src.text(function).split()) if function is not None else ""


def _binary(src: Script, node: Node, parent: Node) -> str:
    operator = _operator(src, parent)
    left = parent.child_by_field_name("left")
    if operator in ("??", "||") and _is(left, node):
        right = unwrap(parent.child_by_field_name("right"))
        if _throws_at_once(right):
            return "required"  # X || (() => { throw new Error("X is required") })()
        return "emptied" if _empty(right) else "defaulted"
    if operator in ("===", "==") and _missing_value(parent, node):
        # if (process.env.X === undefined) throw ...: the check makes it required
        return "required" if _throws_unless(src, parent) else "guarded"
    if operator in ("&&", "||") or operator in _COMPARISONS:
        return "guarded"  # a flag or an opt-in: unset turns it off, whatever the branch does
    return "required"


def _throws_at_once(node: Node | None) -> bool:
    """``(() => { throw new Error("...") })()``: a fallback that throws is none."""
    if node is None or node.type != "call_expression":
        return False
    function = unwrap(node.child_by_field_name("function"))
    if function is None or function.type not in ("arrow_function", "function_expression"):
        return False
    body = function.child_by_field_name("body")
    if body is None or body.type != "statement_block":
        return False
    statements = [n for n in body.named_children if n.type != "comment"]
    return bool(statements) and statements[0].type == "throw_statement"


def _missing_value(comparison: Node, read: Node) -> bool:
    """The other side of the comparison is ``undefined``, ``null`` or ``""``."""
    left = comparison.child_by_field_name("left")
    other = comparison.child_by_field_name("right") if _is(left, read) else left
    return _empty(unwrap(other))


def _throws_unless(src: Script, condition: Node) -> bool:
    """``if (!process.env.X) throw ...``: the check makes the variable required."""
    node: Node | None = condition
    while node is not None and node.type in (
        *_WRAPPERS,
        "unary_expression",
        "binary_expression",
        "parenthesized_expression",
    ):
        node = src.parent_of(node)
    if node is None or node.type != "if_statement":
        return False
    body = node.child_by_field_name("consequence")
    if body is None:
        return False
    if body.type == "throw_statement":
        return True
    return any(child.type == "throw_statement" for child in body.named_children)


def _empty(node: Node | None) -> bool:
    """``""``, ``null``, ``undefined``: a fallback that only silences the type checker."""
    if node is None:
        return True
    if node.type in ("null", "undefined") or (
        node.type == "identifier" and node.text == b"undefined"
    ):
        return True
    return node.type in ("string", "template_string") and len(node.text or b"") <= 2


# --- small tree helpers ------------------------------------------------------------------------


def _is(a: Node | None, b: Node) -> bool:
    return a is not None and a.start_byte == b.start_byte and a.end_byte == b.end_byte


def glob_of(src: Script, node: Node) -> str:
    """``BUCKET_*_URL`` for ```BUCKET_${x}_URL``` or ``"BUCKET_" + x + "_URL"``."""
    node = unwrap(node) or node
    if node.type == "template_string":
        parts = []
        for child in node.named_children:
            parts.append(src.text(child) if child.type == "string_fragment" else "*")
        return _squash("".join(parts))
    if node.type == "binary_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        return _squash(
            (glob_of(src, left) if left is not None else "*")
            + (glob_of(src, right) if right is not None else "*")
        )
    text = string_value(src, node)
    return text if text is not None else "*"


def _name_pattern(src: Script, value: Node | None) -> str:
    """The shape of a name a local holds: ```P_${x}``` (``BUCKET_*``), or what the function
    or method it calls returns (``const k = this.keyFor(a, b)``, ``keyFor`` returning a
    template); ``*`` when unknown."""
    value = unwrap(value)
    if value is None:
        return "*"
    if value.type == "call_expression":
        function = value.child_by_field_name("function")
        callee = src.text(function).rsplit(".", 1)[-1] if function is not None else ""
        returned = _returned_by(src, callee) if callee.isidentifier() else None
        return glob_of(src, returned) if returned is not None else "*"
    return glob_of(src, value)


_NAME_BUILDERS = ("method_definition", "function_declaration")


def _returned_by(src: Script, name: str) -> Node | None:
    """The expression a function or method of this file named ``name`` returns, when its
    body is one ``return`` statement (a name builder)."""
    pattern = rb"(?<![A-Za-z0-9_$.])" + re.escape(name.encode()) + rb"\s*[(<]"
    for hit in re.finditer(pattern, src.data):
        node = src.spanning(
            hit.start(), hit.start() + len(name), ("property_identifier", "identifier")
        )
        function = src.parent_of(node) if node is not None else None
        if function is None or function.type not in _NAME_BUILDERS:
            continue
        body = function.child_by_field_name("body")
        statements = [c for c in body.named_children if c.type != "comment"] if body else []
        if len(statements) == 1 and statements[0].type == "return_statement":
            return statements[0].named_children[0] if statements[0].named_children else None
    return None


def _squash(pattern: str) -> str:
    while "**" in pattern:
        pattern = pattern.replace("**", "*")
    return pattern


def _pattern_names(src: Script, pattern: Node) -> Iterator[tuple[str, Node, bool]]:
    for child in pattern.named_children:
        key: Node | None = None
        defaulted = False
        if child.type == "shorthand_property_identifier_pattern":
            key = child
        elif child.type == "pair_pattern":
            key = child.child_by_field_name("key")
            value = child.child_by_field_name("value")
            defaulted = value is not None and value.type == "assignment_pattern"
        elif child.type == "object_assignment_pattern":
            key = child.child_by_field_name("left")
            defaulted = True
        name = property_key(src, key) if key is not None else None
        if name is not None and key is not None:
            yield name, key, defaulted


def imported_bindings(src: Script) -> Iterator[tuple[str, str, str]]:
    """(local, specifier, imported name) of each default or named import whose binding the
    file uses as ``local.UPPER`` (a relative module, a tsconfig alias or a workspace package:
    which one is decided across files; a dependency's is dropped there)."""
    if b"import" in src.data:
        yield from _imports_of(src, upper_receivers(src.data))


def imported_callees(src: Script) -> Iterator[tuple[str, str, str]]:
    """(local, specifier, imported name) of each default or named import the file calls with
    a variable-shaped string first (``getVar("API_URL")``)."""
    if b"import" in src.data:
        yield from _imports_of(src, string_callees(src.data))


def _imports_of(src: Script, locals_: frozenset[str]) -> Iterator[tuple[str, str, str]]:
    """(local, specifier, imported name) of the default and named imports bound to one of
    ``locals_`` (not ``node:`` built-ins)."""
    for node in src.tree.root_node.named_children:
        if node.type != "import_statement":
            continue
        specifier = string_value(src, node.child_by_field_name("source")) or ""
        if not specifier or specifier.startswith("node:"):
            continue
        for local, name, _ in _named_imports(src, node, default=True):
            if local in locals_:
                yield local, specifier, name


def _named_imports(
    src: Script, node: Node, *, default: bool = False
) -> Iterator[tuple[str, str, Node]]:
    """(local, imported name, name node) per named import; with ``default``, also the default
    import as ``(local, "default", node)``."""
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    for child in clause.named_children if clause is not None else ():
        if default and child.type == "identifier":
            yield src.text(child), "default", child
        if child.type != "named_imports":
            continue
        for spec in child.named_children:
            name = spec.child_by_field_name("name")
            alias = spec.child_by_field_name("alias") or name
            if name is not None and alias is not None:
                yield src.text(alias), src.text(name), name


_FUNCTIONS = ("function_declaration", "function_expression", "arrow_function", "method_definition")


def _holds(outer: Node | None, inner: Node | None) -> bool:
    """``outer`` (None: the whole file) spans ``inner``."""
    if outer is None:
        return True
    if inner is None:
        return False
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _scope(src: Script, node: Node) -> Node | None:
    """The block or program a declaration belongs to (None: the whole file)."""
    parent = src.parent_of(node)
    while parent is not None and parent.type not in ("statement_block", "program"):
        parent = src.parent_of(parent)
    return None if parent is None or parent.type == "program" else parent


def _enclosing_function(src: Script, node: Node) -> Node | None:
    parent = src.parent_of(node)
    while parent is not None and parent.type not in _FUNCTIONS:
        parent = src.parent_of(parent)
    return parent


def _parameters(src: Script, function: Node) -> list[str]:
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if params is None:
        return []
    if params.type == "identifier":
        return [src.text(params)]
    names = []
    for param in params.named_children:
        pattern = param.child_by_field_name("pattern") or param
        if pattern.type == "identifier":
            names.append(src.text(pattern))
    return names


def _loops_over_keys(src: Script, loop: Node, left: Node, right: Node | None) -> bool:
    """``for (k in obj)`` (its keys), not ``for (k of list)``."""
    if right is None:
        return False
    between = src.data[left.end_byte : right.start_byte]
    return re.search(rb"(?<![\w$])in(?![\w$])", between) is not None


def _function_name(src: Script, function: Node) -> str | None:
    name = function.child_by_field_name("name")
    if name is not None and function.type in ("function_declaration", "method_definition"):
        return src.text(name)
    parent = src.parent_of(function)
    if parent is not None and parent.type == "variable_declarator":
        target = parent.child_by_field_name("name")
        if target is not None and target.type == "identifier":
            return src.text(target)
    return None


def _declaration(src: Script, name: str) -> Node | None:
    pattern = rb"(?:const|let|var)\s+" + re.escape(name.encode()) + rb"\s*(?::[^=]*)?="
    hit = re.search(pattern, src.data)
    if hit is None:
        return None
    node = src.tree.root_node.descendant_for_byte_range(hit.start(), hit.start() + 1)
    while node is not None and node.type not in ("lexical_declaration", "variable_declaration"):
        node = src.parent_of(node)
    if node is None:
        return None
    for declarator in node.named_children:
        target = declarator.child_by_field_name("name")
        if target is not None and src.text(target) == name:
            return unwrap(declarator.child_by_field_name("value"))
    return None
