"""The command line: the only place that prints, writes or picks an exit code."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol, TextIO

from . import __version__
from .config import Config, ConfigError, load_config
from .model import Crash, Finding, Location, Project, Related, Severity
from .textfmt import one_line as shown_text

if TYPE_CHECKING:
    from .analysis.audit import Audit
    from .analysis.catalog import VariableInfo
    from .baseline import Entry

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
FORMATS = ("text", "json", "sarif", "github", "markdown")
COMMANDS = ("rules", "rule", "docs-table")

EPILOG = """\
examples:
  env-lint                          lint the repo in the current directory
  env-lint fixtures/t11-platform    lint another repo root
  env-lint --format sarif > env-lint.sarif
  env-lint --select missing-from-example,EL202 --strict
  env-lint --diff                   show what --fix would add to the example file(s)
  env-lint --fix                    add missing variables to the example file(s)
  env-lint rules                    list the rules
  env-lint rule stale-doc-var       explain one rule (name or code)
  env-lint docs-table               print a Markdown table of every variable

--format auto (the default) is github when GITHUB_ACTIONS=true, text otherwise.
When GITHUB_STEP_SUMMARY is set, a Markdown report is appended to that file.

exit codes: 0 no error findings, 1 error findings (or warnings with --strict; or
changes pending with --diff), 2 usage or configuration error (or the output cannot be
written), 3 internal error (a bug in env-lint: the findings of the other files are still
printed; please report it with the output of --debug).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="env-lint",
        usage="env-lint [PATH ...] [options]\n       env-lint {rules,rule NAME,docs-table [PATH]}",
        description="Find environment-variable drift between example files, env schemas, "
        "code and docs. Offline; never prints a value.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="repo root(s) to check (default: .)")
    add("--format", choices=("auto", *FORMATS), default="auto", help="output format")
    add("--config", metavar="FILE", help="pyproject.toml or .env-lint.toml to use")
    add("--select", metavar="RULES", help="only these rules (names or codes, comma-separated)")
    add("--ignore", metavar="RULES", help="skip these rules (names or codes, comma-separated)")
    add("--strict", action="store_true", help="exit 1 on warnings too")
    add("-q", "--quiet", action="store_true", help="print findings only, no summary")
    add("--statistics", action="store_true", help="print a count per rule instead of findings")
    add("--color", choices=("auto", "always", "never"), default="auto", help="colored text")
    add("--fix", action="store_true", help="add missing variables to example files")
    add("--diff", action="store_true", help="print the changes --fix would make, write nothing")
    add(
        "--snapshot",
        action="append",
        default=[],
        metavar="TARGET=FILE",
        help="variable names exported from a provider (vercel env ls, railway variables --json...)",
    )
    add("--baseline", metavar="FILE", help="accept the findings listed in FILE (report the rest)")
    add("--write-baseline", metavar="FILE", help="write every current finding to FILE and exit 0")
    add("--debug", action="store_true", help="show the traceback of an internal error")
    add("--version", action="version", version=f"env-lint {__version__}")
    return parser


class Writer(Protocol):
    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class OutputError(Exception):
    """The output stream cannot be written (a full disk...): exit 2."""


class _Checked:
    """A stream whose write errors (other than a closed pipe) become ``OutputError``."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str, /) -> int:
        if self._stream is None:  # started with stdout closed
            raise OutputError("standard output is closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or type(exc).__name__) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or type(exc).__name__) from None

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())


@dataclass(frozen=True, slots=True)
class Streams:
    out: Writer
    err: Writer
    environ: Mapping[str, str]
    stage: list[str] = field(default_factory=lambda: ["starting"])  # for an internal error


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a non-UTF-8 terminal gets escapes, not an error
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    streams = Streams(_Checked(sys.stdout), sys.stderr or _Checked(None), os.environ)
    debug = "--debug" in args_list
    try:
        code = _run(args_list, streams)
        streams.out.flush()
        return code
    except ConfigError as exc:
        _say(streams, f"env-lint: error: {exc}\n")
        return EXIT_USAGE
    except OutputError as exc:
        _say(streams, f"env-lint: error: cannot write the output: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # `env-lint | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except Exception as exc:  # a bug: one line (the traceback with --debug), exit 3
        from .project.collect import crash

        _crashed([crash(streams.stage[-1], exc)], streams, debug)
        return EXIT_INTERNAL


def _run(args_list: list[str], streams: Streams) -> int:
    if args_list and args_list[0] in COMMANDS:
        return _command(args_list, streams)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse has printed its message
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    return _lint(args, streams)


def _say(streams: Streams, text: str) -> None:
    """stderr, best effort: a failing stderr must not hide the exit code."""
    with contextlib.suppress(OSError, ValueError):
        streams.err.write(text)


def _crashed(crashes: Sequence[Crash], streams: Streams, debug: bool) -> None:
    for item in sorted(set(crashes)):
        where = shown_text(item.where)
        _say(
            streams,
            f"env-lint: internal error while processing {where} ({item.error}): this is a bug "
            "in env-lint; please report it with the output of the same command run with "
            "--debug\n",
        )
        if debug:
            _say(streams, item.traceback)


# --- env-lint rules / rule NAME / docs-table ---------------------------------------------------


def _command(argv: list[str], streams: Streams) -> int:
    command, rest = argv[0], argv[1:]
    if command == "rules":
        from .ruledoc import rules_table

        _no_more(command, rest)
        streams.out.write(rules_table())
        return EXIT_CLEAN
    if command == "rule":
        from .ruledoc import rule_markdown
        from .rules import lookup

        if len(rest) != 1:
            raise ConfigError("usage: env-lint rule NAME-or-CODE")
        rule = lookup(rest[0])
        if rule is None:
            raise ConfigError(f"rule {rest[0]!r}: unknown rule (see `env-lint rules`)")
        streams.out.write(rule_markdown(rule))
        return EXIT_CLEAN
    from .analysis.catalog import docs_table
    from .project import build_project
    from .rules import rule_keys

    debug = "--debug" in rest
    rest = [a for a in rest if a != "--debug"]
    root = rest[0] if rest else "."
    _no_more(command, rest[1:])
    _check_root(root)
    streams.stage.append(f"checking {root}")
    project = build_project(root, load_config(root, None, rule_keys()))
    _notes(project, streams)
    streams.out.write(docs_table(project))
    if project.crashes:
        _crashed(project.crashes, streams, debug)
        return EXIT_INTERNAL
    return EXIT_CLEAN


def _no_more(command: str, rest: list[str]) -> None:
    if rest:
        raise ConfigError(f"{command}: unexpected argument {rest[0]!r}")


def _check_root(root: str) -> None:
    if not os.path.isdir(root):
        raise ConfigError(f"{root}: not a directory (PATH is the repo root to check)")


# --- linting -----------------------------------------------------------------------------------


def _lint(args: argparse.Namespace, streams: Streams) -> int:
    from .reporters import REPORTERS, Report
    from .reporters.markdown import render_markdown
    from .reporters.text import render_quiet, render_statistics
    from .rules import rule_keys

    if args.fix and args.diff:
        raise ConfigError("--fix and --diff: choose one")
    if (args.baseline or args.write_baseline) and len(args.paths) > 1:
        raise ConfigError("--baseline / --write-baseline: check one root at a time")
    accepted = _load_baseline(args.baseline) if args.baseline else None
    fmt = args.format
    if fmt == "auto":
        fmt = "github" if streams.environ.get("GITHUB_ACTIONS") == "true" else "text"
    roots = args.paths or ["."]
    for root in roots:
        _check_root(root)
    keys = rule_keys()
    findings: list[Finding] = []
    files_checked = 0
    strict = args.strict
    pending = []
    audits: list[Audit] = []
    variables: list[VariableInfo] = []
    crashes: list[Crash] = []
    for root in roots:
        streams.stage.append(f"checking {root}")
        config = _with_cli_rules(load_config(root, args.config, keys), args, keys)
        strict = strict or config.strict
        project, found = _check(root, config, crashes)
        if args.fix or args.diff:
            changed = _fix(root, project, found, args.fix, streams)
            pending += changed
            if changed and args.fix:
                project, found = _check(root, config, crashes)
        _notes(project, streams)
        if fmt == "markdown" or streams.environ.get("GITHUB_STEP_SUMMARY"):
            audits.extend(_audit(project))
            variables.extend(_variables(project))
        files_checked += project.files_checked
        if args.write_baseline:
            if crashes:
                _crashed(crashes, streams, args.debug)
                return EXIT_INTERNAL  # an incomplete baseline would hide findings later
            return _write_baseline(args.write_baseline, found, streams)
        if accepted is not None:
            found = _apply_baseline(found, accepted, args.baseline)
        prefix = _display_prefix(root, fmt, len(roots))
        findings.extend(_prefixed(found, prefix) if prefix else found)
    if crashes:
        _crashed(crashes, streams, args.debug)
    if args.diff:
        return EXIT_INTERNAL if crashes else (EXIT_FINDINGS if pending else EXIT_CLEAN)
    findings.sort(key=Finding.sort_key)
    color = _color(args.color, fmt, streams)
    report = Report(
        tuple(findings),
        files_checked,
        color=color,
        audits=tuple(audits),
        variables=tuple(variables),
    )
    if args.statistics and fmt == "text":
        streams.out.write(render_statistics(report))
    elif args.quiet and fmt == "text":
        streams.out.write(render_quiet(report))
    else:
        streams.out.write(REPORTERS[fmt](replace(report, color=report.color and fmt == "text")))
    summary_path = streams.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        _append(summary_path, render_markdown(replace(report, color=False)), streams)
    if crashes:
        return EXIT_INTERNAL
    return _exit_code(report.findings, strict)


def _variables(project: Project) -> list[VariableInfo]:
    from .analysis.catalog import catalog

    return catalog(project)


def _audit(project: Project) -> list[Audit]:
    from .analysis.audit import build_audit

    audit = build_audit(project)
    return [audit] if audit is not None else []


def _check(root: str, config: Config, crashes: list[Crash]) -> tuple[Project, list[Finding]]:
    from .engine import run_rules
    from .project import build_project

    project = build_project(root, config)
    crashes.extend(c for c in project.crashes if c not in crashes)
    rule_crashes: list[Crash] = []
    found = run_rules(project, config, rule_crashes)
    crashes.extend(c for c in rule_crashes if c not in crashes)
    return project, found


def _notes(project: Project, streams: Streams) -> None:
    """What could not be checked and why, once per run (git missing, unreadable dirs)."""
    for note in project.notes:
        _say(streams, f"env-lint: note: {shown_text(note)}\n")


def _fix(
    root: str, project: Project, found: list[Finding], write: bool, streams: Streams
) -> list[str]:
    from .fix import FixRefused, plan_fixes, unified_diff, write_atomically

    edits, skipped = plan_fixes(project, found)
    for skip in skipped:
        where = shown_text(os.path.join(root, skip.path))
        streams.err.write(f"env-lint: not fixing {where}: {skip.reason}\n")
    if not write:
        streams.out.write(unified_diff(edits))
        return [e.path for e in edits]
    changed = []
    for edit in edits:
        where = shown_text(os.path.join(root, edit.path))
        try:
            wrote = write_atomically(root, edit)
        except FixRefused as exc:
            streams.err.write(f"env-lint: not fixing {where}: {exc}\n")
            continue
        if wrote:
            streams.err.write(f"env-lint: fixed {where}\n")
            changed.append(edit.path)
    return changed


def _load_baseline(path: str) -> list[tuple[Entry, int]]:
    from .baseline import load

    return load(path)


def _apply_baseline(
    found: list[Finding], accepted: list[tuple[Entry, int]], path: str
) -> list[Finding]:
    from .baseline import apply

    return sorted(apply(found, accepted, path), key=Finding.sort_key)


def _write_baseline(path: str, found: list[Finding], streams: Streams) -> int:
    from .baseline import write

    try:
        count = write(path, found)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror}") from None
    streams.err.write(f"env-lint: wrote {count} baseline entries to {path}\n")
    return EXIT_CLEAN


def _append(path: str, text: str, streams: Streams) -> None:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        streams.err.write(f"env-lint: warning: cannot write GITHUB_STEP_SUMMARY {path}: {exc}\n")


def _color(choice: str, fmt: str, streams: Streams) -> bool:
    if fmt != "text" or choice == "never":
        return False
    if choice == "always":
        return True
    if streams.environ.get("NO_COLOR") or streams.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(streams.out, "isatty", lambda: False)())


def _with_cli_rules(config: Config, args: argparse.Namespace, keys: frozenset[str]) -> Config:
    select = _rule_list(args.select, "--select", keys)
    ignore = _rule_list(args.ignore, "--ignore", keys)
    snapshots = dict(config.snapshots) | dict(_snapshot_arg(s) for s in args.snapshot)
    return replace(
        config,
        select=select or config.select,
        ignore=config.ignore + ignore,
        snapshots=tuple(sorted(snapshots.items())),
    )


def _snapshot_arg(value: str) -> tuple[str, str]:
    target, sep, path = value.partition("=")
    target = target.strip().lower()
    if not sep or not target or not path or not target.replace("-", "").isalnum():
        raise ConfigError(f"--snapshot {value!r}: expected TARGET=FILE, e.g. vercel=vercel-env.txt")
    if not os.path.lexists(path):
        raise ConfigError(f"{path}: snapshot file not found (--snapshot {target}=...)")
    return target, path


def _rule_list(value: str | None, flag: str, keys: frozenset[str]) -> tuple[str, ...]:
    if not value:
        return ()
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in keys and n.upper() not in keys and n != "ALL"]
    if unknown:
        listed = ", ".join(map(repr, unknown))
        raise ConfigError(f"{flag}: unknown rule {listed} (see `env-lint rules`)")
    return names


def _display_prefix(root: str, fmt: str, roots: int) -> str:
    """Paths are relative to the root; with several roots, or for annotations (github, sarif)
    that must resolve from the working directory, the root is put in front."""
    from .paths import shown_path

    prefix = shown_path(root)
    if prefix == ".":
        return ""
    return prefix if roots > 1 or fmt in ("github", "sarif") else ""


def _prefixed(findings: list[Finding], prefix: str) -> list[Finding]:
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
