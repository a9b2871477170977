"""The command line: the only place that prints or picks an exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from . import __version__
from .config import Config, ConfigError, load_config
from .model import Finding, Location, Related, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json")

EPILOG = """\
examples:
  env-lint                          lint the repo in the current directory
  env-lint fixtures/t11-platform    lint another repo root
  env-lint --format json > env-lint.json
  env-lint --select missing-from-example,EL202 --strict

exit codes: 0 no error findings, 1 error findings (or warnings with --strict),
2 usage or configuration error.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="env-lint",
        description="Find environment-variable drift between example files, env schemas, "
        "code and docs. Offline; never prints a value.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="repo root(s) (default: .)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument("--config", metavar="FILE", help="pyproject.toml or .env-lint.toml to use")
    parser.add_argument(
        "--select", metavar="RULES", help="only these rules (names or codes, comma-separated)"
    )
    parser.add_argument(
        "--ignore", metavar="RULES", help="skip these rules (names or codes, comma-separated)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--version", action="version", version=f"env-lint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own usage message
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args)
    except ConfigError as exc:
        sys.stderr.write(f"env-lint: error: {exc}\n")
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from .engine import run_rules
    from .project import build_project
    from .reporters import REPORTERS, Report
    from .rules import rule_keys

    roots = args.paths or ["."]
    for root in roots:
        if not os.path.isdir(root):
            raise ConfigError(f"{root}: not a directory (PATH is the repo root to check)")
    keys = rule_keys()
    findings: list[Finding] = []
    files_checked = 0
    strict = args.strict
    for root in roots:
        config = _with_cli_rules(load_config(root, args.config, keys), args, keys)
        strict = strict or config.strict
        project = build_project(root, config)
        files_checked += project.files_checked
        found = run_rules(project, config)
        findings.extend(_prefixed(found, root) if len(roots) > 1 else found)
    findings.sort(key=Finding.sort_key)
    report = Report(tuple(findings), files_checked)
    sys.stdout.write(REPORTERS[args.format](report))
    return _exit_code(report.findings, strict)


def _with_cli_rules(config: Config, args: argparse.Namespace, keys: frozenset[str]) -> Config:
    select = _rule_list(args.select, "--select", keys)
    ignore = _rule_list(args.ignore, "--ignore", keys)
    return replace(
        config,
        select=select if select else config.select,
        ignore=config.ignore + ignore,
    )


def _rule_list(value: str | None, flag: str, keys: frozenset[str]) -> tuple[str, ...]:
    if not value:
        return ()
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in keys and n.upper() not in keys and n != "ALL"]
    if unknown:
        raise ConfigError(
            f"{flag}: unknown rule {', '.join(map(repr, unknown))} (see the README's rule list)"
        )
    return names


def _prefixed(findings: list[Finding], root: str) -> list[Finding]:
    prefix = os.path.normpath(root).replace(os.sep, "/")

    def move(location: Location) -> Location:
        return replace(location, path=f"{prefix}/{location.path}")

    return [
        replace(
            f,
            location=move(f.location),
            related=tuple(Related(move(r.location), r.note) for r in f.related),
        )
        for f in findings
    ]


def _exit_code(findings: Sequence[Finding], strict: bool) -> int:
    if any(f.severity is Severity.ERROR for f in findings):
        return EXIT_FINDINGS
    if strict and any(f.severity is Severity.WARNING for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def main_entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
