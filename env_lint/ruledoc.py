"""A rule's documentation, rendered from its one declaration (for `env-lint rule`, the
generated `docs/rules/*.md` pages and SARIF ``help``)."""

from __future__ import annotations

from .rules import RULES, Rule

DOCS_HEADER = "<!-- Generated from env_lint/rules by `python -m env_lint.docgen`; do not edit. -->"
PEDANTIC_NOTE = (
    "A run with no selection uses the rules that are on by default: what is *wrong* (a deploy "
    "breaks, a secret leaks, a claim is false). The others report what is merely *incomplete* "
    "(an optional variable not listed everywhere, a variable the docs do not mention); turn "
    'them on one by one with `--select`, or all at once with `extend-select = ["pedantic"]`.'
)


def severity_text(rule: Rule) -> str:
    return rule.severity.value


def default_text(rule: Rule) -> str:
    if rule.default:
        return "yes"
    return f'no (`--select {rule.name}`, or `extend-select = ["pedantic"]` for every such rule)'


def rule_markdown(rule: Rule) -> str:
    return "\n".join(
        [
            f"# {rule.name} ({rule.code})",
            "",
            f"**Default severity:** {severity_text(rule)}",
            "",
            f"**On by default:** {default_text(rule)}",
            "",
            rule.summary,
            "",
            "## What it does",
            "",
            rule.what,
            "",
            "## Why it matters",
            "",
            rule.why,
            "",
            "## Example",
            "",
            rule.example,
            "",
            "## How to fix",
            "",
            rule.fix,
            "",
            "## Suppressing it",
            "",
            f"Select or ignore it by name or code (`--ignore {rule.name}`, "
            f'`ignore = ["{rule.code}"]`), drop it for some variables with '
            "`[tool.env-lint.ignore-variables]`, or silence one finding with an inline "
            f"`env-lint: ignore[{rule.name}]` comment.",
            "",
        ]
    )


def rule_text(rule: Rule) -> str:
    """Plain text for SARIF ``help.text``."""
    return f"{rule.what}\n\nWhy: {rule.why}\n\nFix: {rule.fix}"


def rules_table() -> str:
    width = max(len(r.name) for r in RULES)
    lines = [
        f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {'on ' if r.default else 'off'}  "
        f"{r.summary}"
        for r in RULES
    ]
    return "\n".join(lines) + "\n"


def docs_index() -> str:
    lines = [DOCS_HEADER, "", "# Rules", "", PEDANTIC_NOTE, ""]
    lines += [
        "| code | name | severity | on by default | what it reports |",
        "|---|---|---|---|---|",
    ]
    for rule in RULES:
        link = f"[`{rule.name}`]({rule.name}.md)"
        on = "yes" if rule.default else "no"
        lines.append(f"| {rule.code} | {link} | {severity_text(rule)} | {on} | {rule.summary} |")
    return "\n".join(lines) + "\n"


def generated_docs() -> dict[str, str]:
    """File name -> content for ``docs/rules/``."""
    pages = {f"{r.name}.md": f"{DOCS_HEADER}\n\n{rule_markdown(r)}" for r in RULES}
    pages["README.md"] = docs_index()
    return pages
