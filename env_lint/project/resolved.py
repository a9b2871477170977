"""What the cross-file step returns (``schemas.py``), in a module of its own so a run with no
JS/TS module to resolve never imports the evaluator."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Crash, ParseFailure, Schema, Unrecognized


@dataclass
class Resolved:
    schemas: list[Schema] = field(default_factory=list)  # in file order
    by_path: dict[str, list[Schema]] = field(default_factory=dict)
    notes: list[Unrecognized] = field(default_factory=list)
    failures: list[ParseFailure] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
