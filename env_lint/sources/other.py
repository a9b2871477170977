"""Every other code or config file (Go, Ruby, Jupyter notebooks, Terraform, Kubernetes YAML,
Makefiles, a generator's templates of source files such as ``bot.py.jinja2``...): env-lint does
not parse them, but the variable names they mention are references all the same - a name that a
Go service reads or a Terraform module sets is never "unused", and a read that a deploy config
sets is never "undeclared". A notebook's names are those of its code cells."""

from __future__ import annotations

import re

from ..model import FileFacts, Location
from ..paths import CONFIG_NAMES, SOURCE_SUFFIXES
from .base import Settings, Source, name_of

CODE_SUFFIXES = frozenset(
    {
        "go", "rb", "rs", "java", "kt", "kts", "scala", "php", "cs", "swift", "ex", "exs",
        "erl", "clj", "lua", "pl", "r", "dart", "vue", "svelte", "astro", "html", "c", "cc",
        "cpp", "h", "hpp", "zig", "nim", "groovy", "ipynb",
    }
)  # fmt: skip
CONFIG_SUFFIXES = frozenset(
    {
        "tf", "tfvars", "hcl", "nix", "conf", "ini", "cfg", "properties", "yml", "yaml",
        "toml", "json", "jsonc", "json5", "xml", "mk", "bicep", "cue", "jsonnet", "tpl",
        "tmpl", "template",  # ``service_conf.yaml.template``: filled in by envsubst at start
    }
)  # fmt: skip


# A generator's template of a source file (``bot.py.jinja2``, ``server.ts.j2``): its names are
# the generated program's code
_TEMPLATE_SUFFIXES = frozenset({"jinja2", "jinja", "j2", "tmpl", "template", "tpl", "hbs", "ejs"})
_SCRIPT_SUFFIXES = frozenset(s.lstrip(".") for s in (*SOURCE_SUFFIXES, ".py"))


def kind_of(rel: str) -> str | None:
    """``code`` or ``config`` for a file this source claims, else None."""
    name = name_of(rel)
    parts = name.lower().split(".")
    suffix = parts[-1] if len(parts) > 1 else ""
    if suffix in CODE_SUFFIXES:
        return "code"
    inner = parts[-2] if len(parts) > 2 else ""
    if suffix in _TEMPLATE_SUFFIXES and (inner in CODE_SUFFIXES or inner in _SCRIPT_SUFFIXES):
        return "code"
    if suffix in CONFIG_SUFFIXES or name.split(".", 1)[0] in CONFIG_NAMES:
        return "config"
    return None


def _claims(rel: str, settings: Settings) -> bool:
    return kind_of(rel) is not None


# An environment read in a language env-lint does not parse: Ruby's ``ENV["X"]`` /
# ``ENV.fetch``, Go's ``os.Getenv`` / ``os.LookupEnv``, Java's ``System.getenv``, Elixir's
# ``System.get_env`` / ``fetch_env!``, Rust's ``env::var``, C's and PHP's ``getenv``.
_FOREIGN_READ = re.compile(
    rb"\bENV(?:\[|\.fetch\()|\bos\.(?:Getenv|LookupEnv)\(|\bSystem\.(?:getenv|get_env|fetch_env!?)\("
    rb"|\benv::var(?:_os)?\(|(?<![\w.$])getenv\("
)


def _parse(path: str, data: bytes, settings: Settings) -> FileFacts:
    """Only its words count (see collect.py); a code file that reads the environment in its
    own language is a read env-lint cannot follow (its service's reads are not all seen)."""
    if kind_of(path) != "code" or path.lower().endswith(".ipynb"):
        return FileFacts(path, "other", checked=False)
    hit = _FOREIGN_READ.search(data)
    if hit is None:
        return FileFacts(path, "other", checked=False)
    line = data.count(b"\n", 0, hit.start()) + 1
    return FileFacts(path, "other", checked=False, opaque=(Location(path, line, 1),))


def _code_cells(rel: str, data: bytes) -> bytes:
    """A Jupyter notebook's words are its code cells' (the JSON escapes their quotes, and its
    outputs are no code); any other file's are its own. A notebook that is no JSON has none."""
    if not rel.lower().endswith(".ipynb"):
        return data
    import json

    try:
        cells = json.loads(data).get("cells", [])
        code = [c.get("source", "") for c in cells if c.get("cell_type") == "code"]
        lines = [line for c in code for line in ([c] if isinstance(c, str) else c)]
        return "\n".join(str(line) for line in lines).encode("utf-8", "replace")
    except (ValueError, AttributeError, TypeError, RecursionError):
        return b""


def _nothing_to_parse(path: str, data: bytes, settings: Settings) -> bool:
    return True  # parse() is trivial; the prefilter must not make it a "checked" file


SOURCE = Source(
    "other",
    _claims,
    _parse,
    prefilter=_nothing_to_parse,
    strict=False,
    words=lambda rel: kind_of(rel) or "code",
    words_from=_code_cells,
)
