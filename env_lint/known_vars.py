"""Variables set by the runtime itself, never drift: not undeclared, unused or stale.

The language runtimes' and CI's own variables are listed here; deploy platforms' variables are
in ``platforms.py`` (those set on every deployment count here too).
"""

from __future__ import annotations

from .platforms import platform_runtime

RUNTIME_VARIABLES = frozenset(
    {
        "NODE_ENV",
        "NODE_OPTIONS",
        "NODE_DEBUG",
        "NEXT_RUNTIME",
        "NEXT_PHASE",
        "CI",
        "HOME",
        "PATH",
        "PWD",
        "TZ",
        "LANG",
        "LC_ALL",
        "SHELL",
        "USER",
        "TERM",
        "TMPDIR",
        "HOSTNAME",
        "DEBUG",
        "NO_COLOR",
        "FORCE_COLOR",
    }
)
RUNTIME_PREFIXES = ("npm_", "npm_config_", "npm_package_")


def is_runtime_variable(name: str) -> bool:
    return name in RUNTIME_VARIABLES or name.startswith(RUNTIME_PREFIXES) or platform_runtime(name)
