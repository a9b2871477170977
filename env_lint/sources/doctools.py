"""The third-party programs a docs page installs and runs: ``pip install litellm[proxy]``,
then ``export MISTRAL_API_KEY=...`` and ``litellm --model ...`` in a shell block. Settings in
such a block are for that program; whether it is this repo's own is decided across files (its
package names). Command lines are split as the shell would (``shlex``), never parsed further."""

from __future__ import annotations

import re
import shlex

from .manifests import package_name, python_distribution

# The install command heads, and whether only a global install counts (a local ``npm install``
# adds a dependency to the reader's app, a program it does not run from the shell).
_INSTALLS = (
    (("pip", "install"), False),
    (("pip3", "install"), False),
    (("python", "-m", "pip", "install"), False),
    (("python3", "-m", "pip", "install"), False),
    (("uv", "pip", "install"), False),
    (("pipx", "install"), False),
    (("uv", "tool", "install"), False),
    (("brew", "install"), False),
    (("cargo", "install"), False),
    (("go", "install"), False),
    (("npm", "install"), True),
    (("npm", "i"), True),
    (("pnpm", "add"), True),
    (("bun", "add"), True),
    (("yarn", "global", "add"), False),
    (("yarn", "add"), True),
    (("cargo", "add"), True),
    (("bundle", "add"), True),
    (("uv", "add"), True),
    (("poetry", "add"), True),
    (("pdm", "add"), True),
    (("rye", "add"), True),
    (("pipenv", "install"), True),
    (("gem", "install"), False),
    (("composer", "require"), True),
    (("dotnet", "add", "package"), True),
)
_GLOBAL = frozenset({"-g", "--global"})
_NOT_PROGRAMS = frozenset(
    {"export", "set", "unset", "cd", "echo", "printf", "cat", "source", ".", "env", "sudo",
     "mkdir", "cp", "mv", "rm", "ls", "touch", "chmod", "curl", "wget", "git"}
)  # fmt: skip


def shell_words(line: str) -> list[str]:
    """The words of a command line as the shell splits them; none when its quotes do not
    balance."""
    try:
        return shlex.split(line, comments=True)
    except ValueError:
        return []


def installed(line: str, *, local: bool = False) -> list[str]:
    """The package names a command line installs (extras, versions and paths dropped); with
    ``local``, also a dependency added to the reader's project (``npm install sdk``)."""
    packages, programs = installs(line)
    return packages if local or programs else []


def installs(line: str) -> tuple[list[str], bool]:
    """The package names a command line installs or adds, and whether they are programs to run
    (a global install) rather than dependencies of the reader's project; one split per line."""
    heads = ("install", " add", "require", "npx ", "pnpx ", "bunx ")
    if not any(head in line for head in heads):
        return [], False
    words = shell_words(line)
    while words[:1] == ["sudo"]:
        words = words[1:]
    if words and "/" in words[0]:  # ``/srv/app/venv/bin/pip install x``: the program's name
        words[0] = words[0].rsplit("/", 1)[1]
    if words[:1] in (["npx"], ["pnpx"], ["bunx"]):  # runs a package's program: ``npx convex dev``
        first = next((w for w in words[1:] if not w.startswith("-")), None)
        name = _package(first) if first else None
        return ([name] if name else []), True
    for head, only_global in _INSTALLS:
        if tuple(words[: len(head)]) != head:
            continue
        rest = words[len(head) :]
        packages = [n for n in (_package(w) for w in rest if not w.startswith("-")) if n]
        return packages, not only_global or not _GLOBAL.isdisjoint(rest)
    return [], False


def _package(word: str) -> str | None:
    """``litellm[proxy]==1.2`` -> ``litellm``; ``golang.org/x/tool@latest`` -> ``tool``."""
    name = re.split(r"[\[=<>!~;]", word, maxsplit=1)[0].lower()
    if "/" in name and not name.startswith("@"):
        name = name.rstrip("/").rsplit("/", 1)[-1]
    archive = _ARCHIVE.match(name)
    if archive is not None:  # ``.../open_webui-0.5.0-py3-none-any.whl``: the distribution
        name = archive.group(1).replace("_", "-")
    return package_name(name) if name else None


# A wheel or source archive by file name or URL: ``{distribution}-{version}...``
_ARCHIVE = re.compile(r"^([a-z0-9][a-z0-9_.]*?)-\d[^/]*\.(?:whl|tar\.gz|zip)$")


# Package managers, interpreters, app servers and task runners: installed on a page, they
# still run this repo's own code (``npm install -g pnpm`` ... ``pnpm dev``).
_RUNNERS = frozenset(
    {"npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx", "deno", "node", "nodemon", "pm2",
     "tsx", "ts-node", "python", "python3", "pip", "pip3", "pipx", "poetry", "pipenv", "uv",
     "uvx", "pdm", "hatch", "uvicorn", "gunicorn", "hypercorn", "daphne", "granian", "flask",
     "django-admin", "celery", "make", "just", "task", "docker", "docker-compose", "podman",
     "turbo", "nx", "dotenv", "dotenv-cli", "env-cmd", "cross-env", "bash", "sh", "zsh"}
)  # fmt: skip


def command_words(line: str) -> list[str]:
    """A command line's words from the program on: without ``sudo`` and ``KEY=value``
    prefixes."""
    words = shell_words(line)
    while words and (words[0] == "sudo" or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0])):
        words = words[1:]
    return words


def runs(line: str) -> str | None:
    """The program a command line runs: its first word after ``sudo`` and ``KEY=value``
    prefixes; None for settings alone, shell builtins, file chores and the runners that run
    this repo's own code."""
    return program_of(command_words(line))


def program_of(words: list[str]) -> str | None:
    """``runs`` for a command line already split by ``command_words``."""
    program = words[0].rsplit("/", 1)[-1].lower() if words else ""
    return None if not program or program in _NOT_PROGRAMS or program in _RUNNERS else program


# A docs framework's install component: ``<InstallCommand npm={["ai", "@ai-sdk/x"]} />``,
# ``<PackageInstall packages="a b" />`` (the JSX of an MDX page, parsed as TSX)
_INSTALL_TAG = re.compile(r"<[A-Za-z.]*Install")
_JSX_TAGS = """
(jsx_self_closing_element name: (_) @name) @element
(jsx_opening_element name: (_) @name) @element
"""


def jsx_installs(text: str) -> set[str]:
    """The packages the install components of an MDX block name: every word of the string
    literals among their attributes."""
    if _INSTALL_TAG.search(text) is None:
        return set()
    from .typescript import Script, string_value

    script = Script("page.tsx", text.encode())
    found: set[str] = set()
    for _, captures in script.matches(_JSX_TAGS):
        if "Install" not in script.text(captures["name"][0]):
            continue
        stack = list(captures["element"][0].named_children)
        while stack:
            node = stack.pop()
            if node.type == "string":
                words = (string_value(script, node) or "").split()
                found.update(n for w in words if not w.startswith("-") and (n := package_name(w)))
            else:
                stack.extend(node.named_children)
    return found


_JS_SAMPLES = frozenset({"js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx"})
_PY_SAMPLES = frozenset({"python", "py", "python3"})
_IMPORTS = """
(import_statement source: (string) @source)
(call_expression function: (identifier) @function arguments: (arguments . (string) @source))
"""


def sample_imports(language: str, text: str) -> set[str]:
    """The packages a docs code sample imports: ``import { S3Client } from
    "@aws-sdk/client-s3"`` / ``require("stripe")`` (parsed as TSX), or ``from slack_bolt
    import App`` (``ast``; a module's name with ``-`` for ``_``, and its first two parts joined:
    ``google.adk`` -> ``google-adk``). Relative paths, aliases and standard modules are none."""
    if language in _JS_SAMPLES and ("from" in text or "require(" in text):
        return _js_imports(text)
    if language in _PY_SAMPLES and "import" in text:
        return _python_imports(text)
    return set()


def _js_imports(text: str) -> set[str]:
    from .typescript import Script, string_value

    script = Script("sample.tsx", text.encode())
    found = set()
    for _, captures in script.matches(_IMPORTS):
        if "function" in captures and script.text(captures["function"][0]) != "require":
            continue
        specifier = string_value(script, captures["source"][0]) or ""
        parts = specifier.split("/")
        name = package_name("/".join(parts[:2] if specifier.startswith("@") else parts[:1]))
        if name is not None:
            found.add(name)
    return found


def _python_imports(text: str) -> set[str]:
    import ast
    import sys

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()  # a console session or an excerpt: no imports to tell
    modules = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    modules += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    found = set()
    for module in modules:
        parts = module.split(".")
        if parts[0] in sys.stdlib_module_names:
            continue
        found.add(python_distribution(parts[0]))
        if len(parts) > 1:
            found.add(python_distribution("-".join(parts[:2])))
    return found
