"""Regenerate ``docs/rules/`` from the rule registry: ``python -m env_lint.docgen [DIR]``."""

from __future__ import annotations

import sys
from pathlib import Path

from .ruledoc import generated_docs


def write_docs(directory: Path) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in sorted(generated_docs().items()):
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(name)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    for name in write_docs(target):
        sys.stdout.write(f"wrote {target / name}\n")
