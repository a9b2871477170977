"""Every source, in the order they claim files: the first source that claims a path reads it.

Adding an input kind: write its module in ``sources/`` with one ``SOURCE`` declaration, add it
here, and give it fixtures and tests. Nothing else changes.
"""

from __future__ import annotations

from . import (
    compose,
    dotenv_example,
    envfiles,
    fly_toml,
    gitmodules,
    heroku_app,
    infra,
    json_schema,
    kubernetes,
    manifests,
    markdown_docs,
    other,
    prisma,
    python_env,
    render_blueprint,
    scripts,
    serverless,
    ts_declarations,
    tsconfig,
    turbo,
    workflows,
)
from .base import Settings, Source

SOURCES: tuple[Source, ...] = (
    dotenv_example.SOURCE,
    envfiles.SOURCE,
    ts_declarations.SOURCE,
    scripts.SOURCE,
    python_env.SOURCE,
    json_schema.SOURCE,
    markdown_docs.SOURCE,
    turbo.SOURCE,
    tsconfig.SOURCE,
    manifests.SOURCE,
    prisma.SOURCE,
    render_blueprint.SOURCE,
    compose.SOURCE,
    workflows.SOURCE,
    fly_toml.SOURCE,
    heroku_app.SOURCE,
    serverless.SOURCE,
    kubernetes.SOURCE,
    infra.SOURCE,
    gitmodules.SOURCE,
    other.SOURCE,
)


def source_for(rel: str, settings: Settings) -> Source | None:
    return next((s for s in SOURCES if s.claims(rel, settings)), None)


def classify(files: list[str], settings: Settings) -> dict[str, tuple[str, ...]]:
    """Each source's files (by source name), plus ``schema-file`` for JS/TS schema files by
    name or config."""
    from .scripts import named_schema

    found: dict[str, list[str]] = {s.name: [] for s in SOURCES}
    found["schema-file"] = []
    for rel in files:
        source = source_for(rel, settings)
        if source is not None:
            found[source.name].append(rel)
            if source is scripts.SOURCE and named_schema(rel, settings):
                found["schema-file"].append(rel)
    return {name: tuple(paths) for name, paths in found.items()}
