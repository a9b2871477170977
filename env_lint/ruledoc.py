"""A rule's documentation, rendered from its one declaration (for `env-lint rule`, the
generated `docs/rules/*.md` pages and SARIF ``help``)."""

from __future__ import annotations

from .rules import RULES, Rule

DOCS_HEADER = "<!-- Generated from env_lint/rules by `python -m env_lint.docgen`; do not edit. -->"


def severity_text(rule: Rule) -> str:
    text = rule.severity.value
    if rule.name == "missing-from-example":
        text += " (warning when the variable is optional or has a default)"
    return text


def rule_markdown(rule: Rule) -> str:
    return "\n".join(
        [
            f"# {rule.name} ({rule.code})",
            "",
            f"**Default severity:** {severity_text(rule)}",
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
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}" for r in RULES]
    return "\n".join(lines) + "\n"


def docs_index() -> str:
    lines = [DOCS_HEADER, "", "# Rules", "", "| code | name | severity | what it reports |"]
    lines.append("|---|---|---|---|")
    for rule in RULES:
        link = f"[`{rule.name}`]({rule.name}.md)"
        lines.append(f"| {rule.code} | {link} | {severity_text(rule)} | {rule.summary} |")
    return "\n".join(lines) + "\n"


def generated_docs() -> dict[str, str]:
    """File name -> content for ``docs/rules/``."""
    pages = {f"{r.name}.md": f"{DOCS_HEADER}\n\n{rule_markdown(r)}" for r in RULES}
    pages["README.md"] = docs_index()
    return pages
