__version__ = "0.2.0"
# The canonical repository: SARIF's informationUri and every rule's helpUri point into it.
HOMEPAGE = "https://github.com/env-lint/env-lint"


def rule_doc_url(name: str) -> str:
    """The rule's page in ``docs/rules/`` at this version's tag."""
    return f"{HOMEPAGE}/blob/v{__version__}/docs/rules/{name}.md"
