"""The cross-file step: every JS/TS schema evaluated from its module's facts (zod, t3-env,
envalid), following imports into other modules where a schema, a shape or a helper lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import FileFacts, Location, ParseFailure, Schema
from .collect import PARSER_ERRORS, crash
from .envalid import envalid_schemas
from .modules import Loader, Modules
from .resolved import Resolved
from .t3env import t3_schemas
from .zod import Evaluator

if TYPE_CHECKING:
    from ..sources.typescript import Script

_NO_SCHEMA = "a schema file with no env schema env-lint can read"
_SYNTAX = "syntax error; variables after it may be missed"


def resolve_schemas(facts: dict[str, FileFacts], files: list[str], load: Loader) -> Resolved:
    modules = Modules(facts, frozenset(files), load)
    evaluator = Evaluator(modules)
    resolved = Resolved()
    for path, item in facts.items():
        view = modules.view(path)
        if view is None:
            continue
        try:
            found = evaluator.zod_schemas(view)
            found += t3_schemas(evaluator, view)
            found += envalid_schemas(evaluator, view)
        except PARSER_ERRORS as exc:
            reason = f"could not be parsed ({type(exc).__name__})"
            resolved.failures.append(ParseFailure(Location(path, 1, 1), reason))
            continue
        except Exception as exc:  # a bug: say so, check the other files
            resolved.crashes.append(crash(path, exc))
            continue
        resolved.schemas += found
        resolved.by_path[path] = found
        error = view.module.syntax_error
        if (found or item.named_schema) and error is not None:
            resolved.failures.append(ParseFailure(error, _SYNTAX))
        if (
            item.named_schema
            and not found
            and all(n.location.path != path for n in evaluator.notes)
        ):
            evaluator.note(Location(path, 1, 1), _NO_SCHEMA)
    resolved.notes = evaluator.notes
    return resolved


def extract_schemas(script: Script) -> list[Schema]:
    """The schemas of one parsed file on its own (imports are not followed)."""
    from ..sources.ts_module import lower_module

    module = lower_module(script, complete=False)
    facts = {script.path: FileFacts(script.path, "script", module=module)}
    resolved = resolve_schemas(facts, [script.path], lambda path: None)
    return resolved.schemas
