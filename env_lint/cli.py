"""The command line: the only place that prints, writes or picks an exit code.

``env-lint [check] [PATH ...]`` lints; every other subcommand is one entry of ``COMMANDS``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from . import __version__
from .cachedir import DIR_NAME
from .config import Config, ConfigError, discover_root, load_config
from .stdio import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Checked,
    OutputError,
    cannot_write,
    escape_unencodable,
    reader_left,
    say,
)
from .textfmt import one_line as shown_text

if TYPE_CHECKING:  # the model is imported when a check runs (a replayed run never needs it)
    from .analysis.audit import Audit
    from .analysis.catalog import VariableInfo
    from .baseline import Entry
    from .model import Crash, Finding, Location, Project
    from .replay import Plan
    from .reporters import Report
    from .runrecord import Taken

FORMATS = ("text", "json", "sarif", "github", "markdown")

EPILOG = """\
examples:
  env-lint                          lint the repo the working directory is in
  env-lint check fixtures/t11-platform
  env-lint --output-format sarif > env-lint.sarif
  env-lint --select EL2,stale-doc-var --strict
  env-lint --diff                   show what --fix would add to the example file(s)
  env-lint --fix                    add missing variables to the example file(s)

Without PATH or --root, the root is the nearest directory from the working directory up with
.env-lint.toml or [tool.env-lint] in pyproject.toml, else the git work-tree top, else the
working directory. Paths in the output are relative to the working directory.
--output-format auto (the default) is github when GITHUB_ACTIONS=true, text otherwise.
When GITHUB_STEP_SUMMARY is set, a Markdown report is appended to that file.
Color: --color, else NO_COLOR turns it off, else FORCE_COLOR turns it on, else a terminal.

exit codes: 0 no error findings (or --exit-zero), 1 error findings (or warnings with --strict;
or changes pending with --diff), 2 usage or configuration error (or the output cannot be
written), 3 internal error (a bug in env-lint: the findings of the other files are still
printed; please report it with the output of --debug).
"""


class Writer(Protocol):
    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Streams:
    out: Writer
    err: Writer
    environ: Mapping[str, str]
    argv: tuple[str, ...] = ()  # the whole command line (a run's record is keyed on it)
    stage: list[str] = field(default_factory=lambda: ["starting"])  # for an internal error
    taken: Taken | None = None  # input digests the launcher took just before (runrecord)


@dataclass(frozen=True, slots=True)
class Command:
    run: Callable[[list[str], Streams], int]
    synopsis: str  # what follows ``env-lint``
    help: str


def _commands_help() -> str:
    lines = ["commands:"]
    for command in COMMANDS.values():
        lines.append(f"  env-lint {command.synopsis:<25} {command.help}")
    return "\n".join(lines) + "\n\n"


class _Done(Exception):
    """argparse has finished the run (``--help``, ``--version``, a usage error)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def main(argv: Sequence[str] | None = None, *, taken: Taken | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    escape_unencodable()
    err = sys.stderr or Checked(None)
    streams = Streams(Checked(sys.stdout), err, os.environ, tuple(args_list), taken=taken)
    name, rest = "check", args_list
    if args_list and args_list[0] in COMMANDS:
        name, rest = args_list[0], args_list[1:]
    try:
        code = COMMANDS[name].run(rest, streams)
        streams.out.flush()
        return code
    except _Done as done:
        return done.code
    except ConfigError as exc:
        _say(streams, f"env-lint: error: {exc}\n")
        return EXIT_USAGE
    except OutputError as exc:
        return cannot_write(streams.err, exc)
    except BrokenPipeError:  # `env-lint | head`
        return reader_left()
    except KeyboardInterrupt:  # Ctrl-C: nothing was written (writes are atomic), no traceback
        _say(streams, "env-lint: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line (the traceback with --debug), exit 3
        from .project.collect import crash

        _crashed([crash(streams.stage[-1], exc)], streams, "--debug" in args_list)
        return EXIT_INTERNAL


# --- argument parsing --------------------------------------------------------------------------


def _parser(command: str, description: str, epilog: str = "") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="env-lint" if command == "check" else f"env-lint {command}",
        description=description,
        epilog=epilog or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the results only, no summary or notes"
    )
    return parser


def _root_options(parser: argparse.ArgumentParser, many: bool) -> None:
    parser.add_argument(
        "paths",
        nargs="*" if many else "?",
        metavar="PATH",
        help="repo root(s) to check, as given (default: found from the working directory)",
    )
    parser.add_argument("--root", metavar="DIR", help="the repo root (instead of finding it)")
    parser.add_argument("--config", metavar="FILE", help="pyproject.toml or .env-lint.toml to use")


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message
        raise _Done(exc.code if isinstance(exc.code, int) else EXIT_USAGE) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "check",
        "Find environment-variable drift between example files, env schemas, code, docs and "
        "deploy configs. Offline; never prints a value.",
        _commands_help() + EPILOG,
    )
    others = ",".join(name for name in COMMANDS if name != "check")
    parser.usage = f"env-lint [check] [PATH ...] [options]\n       env-lint {{{others}}} ..."
    _root_options(parser, many=True)
    add = parser.add_argument
    add(
        "--output-format",
        "--format",
        dest="output_format",
        choices=("auto", *FORMATS),
        default="auto",
        metavar="FORMAT",
        help=f"auto (the default), {', '.join(FORMATS)}; --format is an alias",
    )
    add("--select", metavar="RULES", help="only these rules: names, codes or code prefixes (EL2)")
    add("--extend-select", metavar="RULES", help="these rules on top of the selection")
    add("--ignore", metavar="RULES", help="skip these rules: names, codes or code prefixes")
    add("--strict", action="store_true", help="exit 1 on warnings too")
    add("--exit-zero", action="store_true", help="exit 0 even with findings (2 stays 2)")
    add("--statistics", action="store_true", help="print a count per rule instead of findings")
    add("--color", choices=("auto", "always", "never"), default="auto", help="colored text")
    add("--fix", action="store_true", help="add missing variables to example files")
    add("--diff", action="store_true", help="print the changes --fix would make, write nothing")
    add(
        "--write-report",
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write the report in FORMAT to FILE (atomically), from the same run",
    )
    add(
        "--snapshot",
        action="append",
        default=[],
        metavar="TARGET=FILE",
        help="variable names exported from a provider (vercel env ls, railway variables --json...)",
    )
    add("--baseline", metavar="FILE", help="accept the findings listed in FILE (report the rest)")
    add("--write-baseline", metavar="FILE", help="write every current finding to FILE and exit 0")
    add("--no-cache", action="store_true", help="read every file afresh; write no cache")
    _jobs_option(add)
    add("--debug", action="store_true", help="show the traceback of an internal error")
    add("--version", action="version", version=f"env-lint {__version__}")
    return parser


# --- roots -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Roots:
    paths: tuple[str, ...]
    how: str | None  # how the root was found; None when it was given
    looked_at: tuple[str, ...] = ()  # where it was looked for (see config.discover_root)


def _roots(paths: list[str], root: str | None) -> Roots:
    if root is not None and paths:
        raise ConfigError("--root and PATH: give the root one way")
    given = [root] if root is not None else paths
    for path in given:
        if not os.path.isdir(path):
            raise ConfigError(f"{path}: not a directory (PATH is the repo root to check)")
    if given:
        return Roots(tuple(given), None)
    found = discover_root()
    return Roots((found.path,), found.how, found.looked_at)


def _nothing_found(roots: Roots) -> str:
    where = ", ".join(roots.paths)
    text = (
        f"env-lint: nothing to check in {where}: no example file (.env.example...), env schema, "
        "code reading the environment, docs or deploy config found\n"
    )
    if roots.how is not None:
        text += (
            f"env-lint: the root {roots.paths[0]} is {roots.how}; the root is the nearest "
            "directory up with .env-lint.toml or [tool.env-lint] in pyproject.toml, else the git "
            "work-tree top, else the working directory (or give PATH or --root)\n"
        )
    return text


def _say(streams: Streams, text: str) -> None:
    say(streams.err, text)


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


def _rules_command(argv: list[str], streams: Streams) -> int:
    from .ruledoc import rules_table

    _parse(_parser("rules", "List every rule: code, name, default severity, summary."), argv)
    streams.out.write(rules_table())
    return EXIT_CLEAN


def _rule_command(argv: list[str], streams: Streams) -> int:
    from .ruledoc import rule_markdown
    from .rules import lookup

    parser = _parser("rule", "Print one rule's documentation.")
    parser.add_argument("name", metavar="NAME-or-CODE")
    args = _parse(parser, argv)
    rule = lookup(args.name)
    if rule is None:
        raise ConfigError(f"rule {args.name!r}: unknown rule (see `env-lint rules`)")
    streams.out.write(rule_markdown(rule))
    return EXIT_CLEAN


def _docs_table_command(argv: list[str], streams: Streams) -> int:
    from .analysis.catalog import docs_table
    from .project import build_project
    from .rules import rule_keys

    parser = _parser("docs-table", "Print a Markdown table of every variable.")
    _root_options(parser, many=False)
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    parser.add_argument("--no-cache", action="store_true", help="read every file afresh")
    _jobs_option(parser.add_argument)
    args = _parse(parser, argv)
    roots = _roots([args.paths] if args.paths else [], args.root)
    root = roots.paths[0]
    streams.stage.append(f"checking {root}")
    config = _with_cache(load_config(root, args.config, rule_keys()), args, streams)
    project = build_project(root, config)
    if not args.quiet:
        _notes(project, streams)
    streams.out.write(docs_table(project))
    if project.files_checked == 0 and not args.quiet:
        streams.err.write(_nothing_found(roots))
    if project.crashes:
        _crashed(project.crashes, streams, args.debug)
        return EXIT_INTERNAL
    return EXIT_CLEAN


def _explain_command(argv: list[str], streams: Streams) -> int:
    from .analysis.explain import explain
    from .credentials import printable_name
    from .paths import display_path
    from .reporters.explain import render_explanation
    from .rules import rule_keys

    parser = _parser(
        "explain",
        "Everything env-lint knows about one variable: where it is declared, documented, read "
        "and provided, and the findings about it. Exit 0 when something names it, else 1.",
    )
    parser.add_argument("variable", metavar="VAR")
    _root_options(parser, many=False)
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    parser.add_argument("--no-cache", action="store_true", help="read every file afresh")
    _jobs_option(parser.add_argument)
    args = _parse(parser, argv)
    if not printable_name(args.variable):
        raise ConfigError("VAR: give a variable name (letters, digits, _)")
    roots = _roots([args.paths] if args.paths else [], args.root)
    root = roots.paths[0]
    streams.stage.append(f"checking {root}")
    crashes: list[Crash] = []
    config = _with_cache(load_config(root, args.config, rule_keys()), args, streams)
    project, found = _check(root, config, crashes)
    if not args.quiet:
        _notes(project, streams)
    explanation = explain(project, _relocated(found, root), args.variable)
    where = lambda at: display_path(root, at.path) + f":{at.line}:{at.column}"  # noqa: E731
    streams.out.write(render_explanation(explanation, where))
    if crashes:
        _crashed(crashes, streams, args.debug)
        return EXIT_INTERNAL
    return EXIT_CLEAN if explanation.known else EXIT_FINDINGS


# --- env-lint [check] --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Run:
    """What the roots of one run add up to."""

    findings: tuple[Finding, ...]  # paths relative to the working directory, sorted
    files_checked: int
    strict: bool
    pending: int  # files --diff would change
    audits: tuple[Audit, ...]
    variables: tuple[VariableInfo, ...]
    crashes: tuple[Crash, ...] = ()  # bugs met on the way: exit 3, other files still reported


def _check_command(argv: list[str], streams: Streams) -> int:
    args = _parse(build_parser(), argv)
    if args.fix and args.diff:
        raise ConfigError("--fix and --diff: choose one")
    roots = _roots(args.paths, args.root)
    if (args.baseline or args.write_baseline) and len(roots.paths) > 1:
        raise ConfigError("--baseline / --write-baseline: check one root at a time")
    reports = [_report_arg(value) for value in args.write_report]
    fmt = args.output_format
    if fmt == "auto":
        fmt = "github" if streams.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if args.write_baseline:
        return _write_baseline(args, roots.paths[0], streams)
    plan = _replay_plan(args, roots, reports, streams)
    if plan is None:
        return _check_run(args, roots, reports, fmt, streams)
    from .replay import Recorder, recall, record

    recorded = recall(plan)
    if recorded is not None:  # nothing changed since the same run: print what it printed
        streams.out.write(recorded.out)
        _say(streams, recorded.err)
        return recorded.code
    started = time.time_ns()
    out, err = Recorder(streams.out), Recorder(streams.err)
    code = _check_run(args, roots, reports, fmt, replace(streams, out=out, err=err))
    if code in (EXIT_CLEAN, EXIT_FINDINGS):
        record(plan, code, out.text, err.text, started)
    return code


def _replay_plan(
    args: argparse.Namespace, roots: Roots, reports: list[tuple[str, str]], streams: Streams
) -> Plan | None:
    """How to replay this run, when it writes nothing but its output and every root keeps a
    cache; None otherwise (or when the config cannot be read: the run reports that)."""
    if args.fix or args.diff or args.no_cache or reports or _summary_path(streams):
        return None
    from .config import cache_setting, root_markers
    from .replay import plan
    from .runrecord import run_key

    extra = [args.baseline] if args.baseline else []
    extra += [_snapshot_arg(s)[1] for s in args.snapshot]
    present = []
    for looked_at in roots.looked_at:  # a discovered root: what decided it
        config, git = root_markers(looked_at)
        extra += config
        present.append(git)
    directory = None
    for root in roots.paths:
        try:
            setting = cache_setting(root, args.config)
        except ConfigError:
            return None
        if not setting.enabled:
            return None
        extra += setting.files
        directory = directory or setting.directory or os.path.join(root, DIR_NAME)
    moved = streams.environ.get("ENV_LINT_CACHE_DIR")
    tty = bool(getattr(streams.out, "isatty", lambda: False)())
    key = run_key(streams.argv, streams.environ, tty)
    inputs = (roots.paths, tuple(dict.fromkeys(extra)), tuple(present))
    return plan(moved or directory or ".", key, inputs, streams.taken)


def _check_run(
    args: argparse.Namespace,
    roots: Roots,
    reports: list[tuple[str, str]],
    fmt: str,
    streams: Streams,
) -> int:
    wants_md = fmt == "markdown" or "markdown" in (f for f, _ in reports)
    run = _check_roots(args, roots.paths, wants_md or bool(_summary_path(streams)), streams)
    if run.crashes:
        _crashed(run.crashes, streams, args.debug)
    if args.diff:
        code = EXIT_INTERNAL if run.crashes else EXIT_FINDINGS if run.pending else EXIT_CLEAN
        return _final(code, args)
    report = _report(run, args, fmt, streams)
    _print(report, args, fmt, streams)
    for report_format, path in reports:
        _write_report(path, _render(replace(report, color=False), report_format))
    summary_path = _summary_path(streams)
    if summary_path:
        _append(summary_path, _render(report, "markdown") + "\n", streams)
    if report.files_checked == 0 and not args.quiet:
        streams.err.write(_nothing_found(roots))
    if run.crashes:
        return EXIT_INTERNAL
    return _final(_exit_code(report.findings, run.strict or args.strict), args)


def _check_roots(
    args: argparse.Namespace, roots: tuple[str, ...], details: bool, streams: Streams
) -> _Run:
    accepted = _load_baseline(args.baseline) if args.baseline else None
    findings: list[Finding] = []
    audits: list[Audit] = []
    variables: list[VariableInfo] = []
    files_checked = pending = 0
    strict = False
    crashes: list[Crash] = []
    for root in roots:
        streams.stage.append(f"checking {root}")
        config = _config(root, args, streams)
        strict = strict or config.strict
        project, found, changed = _check_and_fix(root, config, args, streams, crashes)
        pending += changed
        if not args.quiet:
            _notes(project, streams)
        if details:
            audits += _audit(project)
            variables += _variables(project)
        files_checked += project.files_checked
        if accepted is not None:
            found = _apply_baseline(found, accepted, args.baseline)
        findings += _relocated(found, root)
    from .model import Finding

    findings.sort(key=Finding.sort_key)
    run = _Run(tuple(findings), files_checked, strict, pending, tuple(audits), tuple(variables))
    return replace(run, crashes=tuple(crashes))


def _config(root: str, args: argparse.Namespace, streams: Streams) -> Config:
    from .rules import rule_keys

    keys = rule_keys()
    config = _with_cli_rules(load_config(root, args.config, keys), args, keys)
    return _with_cache(config, args, streams)


def _with_cache(config: Config, args: argparse.Namespace, streams: Streams) -> Config:
    """``--no-cache`` turns the cache off; ``ENV_LINT_CACHE_DIR`` moves it (CI caches, tests)."""
    config = replace(config, jobs=args.jobs)
    if args.no_cache:
        return replace(config, cache=False)
    moved = streams.environ.get("ENV_LINT_CACHE_DIR")
    return replace(config, cache_dir=moved) if moved else config


def _jobs_option(add: Callable[..., object]) -> None:
    add(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes reading files on a large cold run (default 0: one per core; 1: none)",
    )


def _jobs(text: str) -> int:
    """``--jobs N``: a whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number (0: one per core), got {text!r}")
    return int(text)


def _check_and_fix(
    root: str, config: Config, args: argparse.Namespace, streams: Streams, crashes: list[Crash]
) -> tuple[Project, list[Finding], int]:
    """The project and its findings (after ``--fix``, when it changed a file), and the number
    of files ``--fix`` changed or ``--diff`` would change; bugs met go to ``crashes``."""
    project, found = _check(root, config, crashes)
    if not (args.fix or args.diff):
        return project, found, 0
    changed = _fix(root, project, found, args, streams)
    if changed and args.fix:
        project, found = _check(root, config, crashes)
    return project, found, changed


def _report(run: _Run, args: argparse.Namespace, fmt: str, streams: Streams) -> Report:
    from .reporters import Report

    return Report(
        tuple(run.findings),
        run.files_checked,
        color=fmt == "text" and _color(args.color, streams),
        audits=run.audits,
        variables=run.variables,
        summary=not args.quiet,
    )


def _print(report: Report, args: argparse.Namespace, fmt: str, streams: Streams) -> None:
    from .reporters.text import render_statistics

    if args.statistics and fmt == "text":
        streams.out.write(render_statistics(report))
    else:
        streams.out.write(_render(report, fmt))


def _render(report: Report, fmt: str) -> str:
    from .reporters import REPORTERS

    return REPORTERS[fmt](report if fmt == "text" else replace(report, color=False))


def _final(code: int, args: argparse.Namespace) -> int:
    """``--exit-zero``: findings (1) do not fail the run; a usage error (2) never gets here."""
    return EXIT_CLEAN if args.exit_zero and code == EXIT_FINDINGS else code


def _summary_path(streams: Streams) -> str:
    return streams.environ.get("GITHUB_STEP_SUMMARY", "")


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
    root: str, project: Project, found: list[Finding], args: argparse.Namespace, streams: Streams
) -> int:
    from .fix import FixRefused, plan_fixes, unified_diff, write_atomically
    from .paths import display_path

    edits, skipped = plan_fixes(project, found)
    for skip in skipped:
        where = shown_text(display_path(root, skip.path))
        streams.err.write(f"env-lint: not fixing {where}: {skip.reason}\n")
    if not args.fix:
        streams.out.write(unified_diff([replace(e, path=_patch_path(root, e.path)) for e in edits]))
        return len(edits)
    changed = 0
    for edit in edits:
        where = shown_text(display_path(root, edit.path))
        try:
            wrote = write_atomically(root, edit)
        except FixRefused as exc:
            streams.err.write(f"env-lint: not fixing {where}: {exc}\n")
            continue
        if wrote:
            changed += 1
            if not args.quiet:
                streams.err.write(f"env-lint: fixed {where}\n")
    return changed


def _patch_path(root: str, rel: str) -> str:
    """Relative to the working directory when the file is below it; else to the root (a patch
    path may not climb with ``..`` nor be absolute): apply such a patch from the root."""
    from .paths import display_path

    shown = display_path(root, rel)
    return rel if shown.startswith(("/", "../")) else shown


def _load_baseline(path: str) -> list[tuple[Entry, int]]:
    from .baseline import load

    return load(path)


def _apply_baseline(
    found: list[Finding], accepted: list[tuple[Entry, int]], path: str
) -> list[Finding]:
    from .baseline import apply
    from .model import Finding

    return sorted(apply(found, accepted, path), key=Finding.sort_key)


def _write_baseline(args: argparse.Namespace, root: str, streams: Streams) -> int:
    """Every current finding (after ``--fix``, when given) into the baseline file, exit 0."""
    from .baseline import write

    crashes: list[Crash] = []
    _, found, _ = _check_and_fix(root, _config(root, args, streams), args, streams, crashes)
    if crashes:
        _crashed(crashes, streams, args.debug)
        return EXIT_INTERNAL  # an incomplete baseline would hide findings later
    path = args.write_baseline
    try:
        count = write(path, found)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror}") from None
    if not args.quiet:
        streams.err.write(f"env-lint: wrote {count} baseline entries to {path}\n")
    return EXIT_CLEAN


def _report_arg(value: str) -> tuple[str, str]:
    fmt, sep, path = value.partition("=")
    if not sep or fmt not in FORMATS or not path:
        choices = ", ".join(FORMATS)
        raise ConfigError(f"--write-report {value!r}: expected FORMAT=FILE ({choices})")
    return fmt, path


def _write_report(path: str, text: str) -> None:
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temp = tempfile.mkstemp(prefix=".env-lint-report-", dir=directory)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write report: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _append(path: str, text: str, streams: Streams) -> None:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        streams.err.write(f"env-lint: warning: cannot write GITHUB_STEP_SUMMARY {path}: {exc}\n")


def _color(choice: str, streams: Streams) -> bool:
    """``--color`` wins; then ``NO_COLOR`` (no-color.org) over ``FORCE_COLOR`` (force-color.org;
    ``0`` / ``false`` turn it off, as in Node and chalk); then a terminal that is not dumb."""
    if choice != "auto":
        return choice == "always"
    if streams.environ.get("NO_COLOR"):
        return False
    force = streams.environ.get("FORCE_COLOR")
    if force:
        return force.strip().lower() not in ("0", "false")
    if streams.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(streams.out, "isatty", lambda: False)())


def _with_cli_rules(config: Config, args: argparse.Namespace, keys: frozenset[str]) -> Config:
    select = _rule_list(args.select, "--select", keys)
    extend = _rule_list(args.extend_select, "--extend-select", keys)
    ignore = _rule_list(args.ignore, "--ignore", keys)
    snapshots = dict(config.snapshots) | dict(_snapshot_arg(s) for s in args.snapshot)
    return replace(
        config,
        select=select or config.select,
        extend_select=config.extend_select + extend,
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
    from .config import is_rule_selector

    if not value:
        return ()
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if not is_rule_selector(n, keys)]
    if unknown:
        listed = ", ".join(map(repr, unknown))
        raise ConfigError(f"{flag}: unknown rule {listed} (see `env-lint rules`)")
    return names


def _relocated(findings: list[Finding], root: str) -> list[Finding]:
    """Root-relative paths -> paths relative to the working directory (``paths.display_path``)."""
    from .model import Related
    from .paths import display_path

    def move(location: Location) -> Location:
        return replace(location, path=display_path(root, location.path))

    return [
        replace(
            f,
            location=move(f.location),
            related=tuple(Related(move(r.location), r.note) for r in f.related),
        )
        for f in findings
    ]


def _exit_code(findings: Sequence[Finding], strict: bool) -> int:
    from .model import Severity

    if any(f.severity is Severity.ERROR for f in findings):
        return EXIT_FINDINGS
    if strict and any(f.severity is Severity.WARNING for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


# The subcommands, by name: adding one is one entry. Anything else is `check`'s PATH or option.
COMMANDS: dict[str, Command] = {
    "check": Command(_check_command, "[check] [PATH ...]", "lint (check is the default command)"),
    "rules": Command(_rules_command, "rules", "list the rules"),
    "rule": Command(_rule_command, "rule NAME-or-CODE", "print one rule's documentation"),
    "docs-table": Command(
        _docs_table_command, "docs-table [PATH]", "print a Markdown table of every variable"
    ),
    "explain": Command(
        _explain_command, "explain VAR [PATH]", "what every source says about one variable"
    ),
}
