"""A rule is declared once: code, name, severity, docs and its check. Everything else (selection,
config validation, ``env-lint rule``, docs pages) is derived from that declaration."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..analysis.context import Context
from ..credentials import printable_name
from ..model import ExampleFile, Finding, Location, Related, Severity

HIDDEN_NAME = "a name that is not a variable name (not shown)"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity  # the default; a check may lower or raise it per finding
    summary: str
    what: str
    why: str
    example: str
    fix: str
    check: Callable[[Context], Iterator[Finding]]
    # On in a run with no selection. Off-by-default rules ("pedantic": what is incomplete
    # rather than wrong) run with --select NAME, the "pedantic" group, or ALL.
    default: bool = True

    def finding(
        self,
        location: Location,
        message: str,
        variable: str | None = None,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
        fingerprint: str | None = None,
    ) -> Finding:
        if variable is not None and not printable_name(variable):
            # Names are checked before they are printed: a non-name is described, not echoed.
            message = message.replace(f"`{variable}`", HIDDEN_NAME).replace(variable, "(hidden)")
            related = [Related(r.location, r.note.replace(variable, "(hidden)")) for r in related]
            variable = None
        return Finding(
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            location=location,
            message=message,
            variable=variable,
            related=tuple(sorted(set(related))),
            fingerprint=fingerprint,
        )


def related_to(locations: Iterable[Location], note: str) -> list[Related]:
    return [Related(location, note) for location in locations]


def files_phrase(files: Iterable[ExampleFile]) -> str:
    names = sorted({f"`{f.path}`" for f in files})
    return " or ".join(names)
