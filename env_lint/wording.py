"""What human text says about a variable: required, optional, secret (English and Russian).

These classify words in a comment or a doc cell; the structure around them (dotenv lines,
Markdown blocks) is always found by the real parsers.
"""

from __future__ import annotations

import re

_OPTIONAL = re.compile(
    r"\b(optional|not\s+required|опционально|опциональн\w*|необязательн\w*|не\s+обязательн\w*)",
    re.IGNORECASE,
)
_REQUIRED = re.compile(r"\b(required|mandatory|обязательн\w*)", re.IGNORECASE)
_SECRET = re.compile(r"\b(secret|sensitive|секрет\w*|секретн\w*)", re.IGNORECASE)

_YES = {"yes", "y", "true", "required", "да", "✅", "✓", "✔", "✔️", "x", "+", "обязательно"}
_NO = {"no", "n", "false", "optional", "нет", "❌", "✗", "✘", "-", "—", "опционально"}
_ATTRIBUTE = re.compile(
    r"^\s*(required|обязательн\w*)\s*[:\uff1a]\s*(.+)$",
    re.IGNORECASE,
)


_DUMMY = re.compile(
    r"\b(dummy|fake|example|placeholder|sample|not\s+a\s+real|for\s+testing|test\s+key|"
    r"replace\s+(?:it|this|me)|пример|тестов\w*)\b",
    re.IGNORECASE,
)


# A file's header that says all its values are stand-ins ("The Keys or Secrets in this file
# are placeholders", "all values below are fake")
_DUMMY_FILE = re.compile(
    r"\b(?:values?|keys?|secrets?|credentials?|tokens?|ids?)\b[^.]{0,80}?\b(?:are|is)\s+"
    r"(?:all\s+|only\s+|just\s+)?(?:placeholders?|fake|dummy|dummies|examples?|samples?|"
    r"not\s+real)\b|\b(?:placeholder|dummy|fake|sample)\s+(?:values|keys|credentials)\b",
    re.IGNORECASE,
)


def says_values_are_dummies(text: str) -> bool:
    """A file header that calls every value of the file a stand-in."""
    return bool(_DUMMY_FILE.search(text))


def says_dummy(text: str) -> bool:
    """A comment that says the value next to it is not real (``# dummy key, create your own``)."""
    return bool(_DUMMY.search(text))


def requiredness(text: str) -> bool | None:
    """True when the text calls the variable required, False when optional, else None."""
    attribute = _ATTRIBUTE.match(text)
    if attribute:
        answer = yes_no(attribute.group(2))
        if answer is not None:
            return answer
    if _OPTIONAL.search(text):
        return False
    if _REQUIRED.search(text):
        return True
    return None


_CLAIM_START = re.compile(
    r"^\W*(?:(not\s+required|optional|опционально|необязательн\w*|не\s+обязательн\w*)|"
    r"(required|mandatory|обязательн\w*))\b",
    re.IGNORECASE,
)
_CLAIM_TAG = re.compile(
    r"[(\[]\s*(?:(optional|опционально)|(required|mandatory|обязательно))\s*[)\]]",
    re.IGNORECASE,
)


def comment_requiredness(text: str) -> bool | None:
    """What a comment next to one key says of that key: only a claim whose subject is the
    key counts (``Optional: only for AI``, ``(required)``, ``Required - the API key``), not
    the word in passing (``other providers are optional below``)."""
    attribute = _ATTRIBUTE.match(text)
    if attribute:
        answer = yes_no(attribute.group(2))
        if answer is not None:
            return answer
    hit = _CLAIM_START.match(text) or _CLAIM_TAG.search(text)
    if hit is None:
        return None
    return hit.group(1) is None


def yes_no(cell: str) -> bool | None:
    """A Required cell: Yes/No, ✅/❌, да/нет; None when it says neither."""
    words = cell.strip().strip("*_`").strip()
    if not words:
        return None
    first = words.split()[0].strip(".,;:!*_`()").lower()
    if first in _YES or words.lower() in _YES:
        return True
    if first in _NO or words.lower() in _NO:
        return False
    return requiredness_words(words)


def requiredness_words(text: str) -> bool | None:
    if _OPTIONAL.search(text):
        return False
    if _REQUIRED.search(text):
        return True
    return None


# Words that say a variable is gone or going: its line is kept for upgraders, not in use.
_RETIRED = re.compile(
    r"\b(retired|removed|deprecated|no longer|superseded|obsolete|replaced by|\(was\)|"
    r"historical|удал\w+|устарел\w*)\b",
    re.IGNORECASE,
)


def says_retired(text: str) -> bool:
    return _RETIRED.search(text) is not None


# A paid edition's feature, marked in parentheses or bold: ``**(Acme Pro only.)**``,
# ``(Enterprise only)``, ``**Cloud-only**``, ``(Enterprise plan only)``.
_EDITION_ONLY = re.compile(
    r"(?:\(|\*\*|__)\s*(?:[\w.-]+\s+){0,3}?"
    r"(?:pro|enterprise|cloud|premium|paid|business|commercial)"
    r"(?:\s+(?:plan|edition|version|tier|license|customers|users))?[\s-]+only\b",
    re.IGNORECASE,
)


def says_edition_only(text: str) -> bool:
    """The text marks a paid edition's feature (code that is not in an open-source repo)."""
    return _EDITION_ONLY.search(text) is not None


# A page title that calls the page a design or a decision record (``Widgets API Spec (RC)``,
# ``RFC: queues``, ``Decision: drop the v1 API``).
_PLANNED = re.compile(
    r"\b(specs?|specification|rfc|proposals?|draft|design\s+doc(ument)?)\b|\((rc|wip)\)|"
    r"^\s*(design|decision)\s*:",
    re.IGNORECASE,
)


def titles_a_plan(title: str) -> bool:
    return _PLANNED.search(title) is not None


# A page that opens with its status as a plan: ``Status: draft``, ``**Status:** Proposed``.
_DRAFT_STATUS = re.compile(r"\bstatus\W*\s*(draft|proposed|proposal|planned|rfc)\b", re.IGNORECASE)


def opens_as_draft(lead: str) -> bool:
    return _DRAFT_STATUS.search(lead) is not None


def says_secret(text: str) -> bool:
    """``Secret``, ``sensitive``; not ``They are NOT secret`` / ``non-sensitive``."""
    return any(
        not _NEGATED.search(text[max(0, hit.start() - 24) : hit.start()])
        for hit in _SECRET.finditer(text)
    )


_NEGATED = re.compile(r"(?:\b(?:not|never|no|non)|n't|\bне)[\s-]+(?:\w+\s+)?$", re.IGNORECASE)
