"""JSON with comments (JSONC: ``turbo.json``, ``tsconfig.json``): comments and trailing commas
removed by a scanner that knows strings, then the standard ``json`` module. Positions are kept:
comments become spaces, so line and column numbers in errors stay those of the file."""

from __future__ import annotations

import json
from typing import Any


def loads(text: str) -> Any:
    """Raises ``json.JSONDecodeError`` (with the file's own line and column) when invalid."""
    return json.loads(strip(text))


def strip(text: str) -> str:
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char == '"':
            end = _string_end(text, index)
            out.append(text[index:end])
            index = end
        elif text.startswith("//", index):
            end = text.find("\n", index)
            end = size if end < 0 else end
            out.append(" " * (end - index))
            index = end
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            end = size if end < 0 else end + 2
            out.append("".join(c if c == "\n" else " " for c in text[index:end]))
            index = end
        else:
            out.append(char)
            index += 1
    return _trailing_commas("".join(out))


def _string_end(text: str, start: int) -> int:
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in '"\n':
            return index + 1
        index += 1
    return len(text)


def _trailing_commas(text: str) -> str:
    """``[1, 2,]`` -> ``[1, 2 ]`` (a comma followed only by blanks before ``]`` or ``}``)."""
    chars = list(text)
    in_string = False
    index = 0
    while index < len(chars):
        char = chars[index]
        if in_string:
            if char == "\\":
                index += 2
                continue
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char == ",":
            following = index + 1
            while following < len(chars) and chars[following] in " \t\r\n":
                following += 1
            if following < len(chars) and chars[following] in "]}":
                chars[index] = " "
        index += 1
    return "".join(chars)
