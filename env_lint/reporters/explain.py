"""The text of ``env-lint explain VAR``: one section per kind of source, a line per fact with
its location (relative to the working directory, like the findings), then the findings."""

from __future__ import annotations

from collections.abc import Callable

from ..analysis.explain import Explanation
from ..model import Location
from ..textfmt import one_line
from .text import text_line


def render_explanation(explanation: Explanation, where: Callable[[Location], str]) -> str:
    if not explanation.known:
        name = explanation.name
        return f"`{name}`: no example file, schema, doc, code or deploy config names it\n"
    lines = [f"`{explanation.name}`"]
    for title, facts in explanation.sections:
        lines.append(f"  {title}:")
        for fact in facts:
            at = f"{one_line(where(fact.location))}: " if fact.location is not None else ""
            lines.append(f"    {at}{one_line(fact.text)}")
    if explanation.findings:
        lines.append("  findings:")
        lines += [f"    {text_line(f)}" for f in explanation.findings]
    else:
        lines.append("  findings: none")
    return "\n".join(lines) + "\n"
