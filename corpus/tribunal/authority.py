"""The public authority the request went to: the record's field, the appellant when the
authority appealed, a public-body respondent, else the first public body the text names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpus.tribunal.metadata import _field
from corpus.tribunal.names import (
    _COMMISSIONER,
    _CONNECTORS,
    _clean_authority,
    _is_org,
    _is_public_body,
)
from corpus.tribunal.text import _flatten, _positions

_PUBLIC_AUTHORITY_AT = re.compile(r"public\s+authority\s*:[ \t]*(\S[^\n]{2,100})")
_DEFINED_MARK = re.compile(r"\(\s*(?:the\s+|hereafter\s+)?[“\"‘']|\((?=[A-Z][A-Za-z]{1,7}\))")
_NAME_TOKEN = r"(?:[A-Z][\w'’&.,-]*|[a-z]+-[A-Z][\w'’-]*|\([A-Z]+\))"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN + "$")
_NOT_IN_NAMES = {
    "although", "when", "while", "whilst", "since", "after", "before", "if", "as", "but", "that",
    "which", "then", "however", "thus", "respondent", "respondents", "appellant", "second",
    "first", "third", "additional", "party", "by", "to", "from", "at", "dear",
}
_REQUEST_TO_AT = re.compile(
    r"(?:request(?:s|ed)?(?:\s+for\s+information)?\s+(?:to|of|from)|wrote\s+to|"
    r"applied\s+to)\s+(?:the\s+)?(" + _NAME_TOKEN + r"(?:[ \t\n]+(?:" + _NAME_TOKEN +
    r"|of|and|for|the|upon|on|in|&)){0,8})"
)
_EDGE_WORDS = re.compile(r"^(?:(?:the|of|and|for|on|in|upon|&|with)\s+)+|(?:\s+(?:the|of|and|for|"
                         r"on|in|upon|&|with))+$", re.I)


_WORD = re.compile(r"\S+")
_LEADING_CONNECTORS = re.compile(r"^(?:(?:of|and|for|the|upon|on|in|&|with)\s+)+", re.I)


def _name_before(text: str, pos: int) -> str | None:
    """The capitalised name that ends just before `pos` ('North Somerset Council')."""
    window = text[max(0, pos - 150):pos]
    words = list(_WORD.finditer(window))
    start = None
    for word in reversed(words):
        token = word.group(0)
        bare = token.lstrip("“\"‘'([")
        if bare.lower().strip(",.") in _NOT_IN_NAMES:
            break
        if _NAME_TOKEN_RE.match(bare) or (start is not None and bare.lower() in _CONNECTORS):
            start = word.start() + len(token) - len(bare)
        else:
            break
        if bare != token:
            break  # an opening quote or bracket starts the name
    if start is None:
        return None
    return _LEADING_CONNECTORS.sub("", window[start:]).strip() or None  # no leading 'with the'


def _authority_candidates(text: str, low: str) -> Iterator[str]:
    """Names introduced with a defined term ('X ("the Council")', 'X (DfE)') or 'request to X'."""
    found: list[tuple[int, str]] = []
    for m in _DEFINED_MARK.finditer(text):
        name = _name_before(text, m.start())
        if name:
            found.append((m.start(), name))
    for pos in _positions(low, ("request", "wrote to", "applied to"), len(low)):
        m = _REQUEST_TO_AT.match(text, pos)
        if m:
            found.append((pos, m.group(1)))
    for _, name in sorted(found):
        yield _flatten(name)


def _labelled_authority(text: str, low: str) -> str | None:
    """'Public Authority: X', as a substituted decision notice sets it out."""
    for pos in _positions(low, ("public authority",), len(low)):
        line_start = low.rfind("\n", 0, pos) + 1
        m = _PUBLIC_AUTHORITY_AT.match(low, pos)
        if m and not low[line_start:pos].strip():
            name = text[m.start(1): m.end(1)].strip()
            if _is_org(name) and not _COMMISSIONER.match(name):
                return name
    return None


def _authority_from_text(text: str, low: str, appellant: str) -> str | None:
    """'Public Authority: X' in a substituted notice, else the first public body named."""
    labelled = _labelled_authority(text, low)
    if labelled:
        return labelled
    acronym = None
    for raw in _authority_candidates(text[:20_000], low[:20_000]):
        name = _EDGE_WORDS.sub("", re.sub(r"['’]s?$", "", raw.strip(" ,.")))
        lower = name.lower()
        if " " not in name and not name.isupper():
            continue  # a bare 'Council' or 'Trust' says nothing
        if (name and _is_public_body(name) and not _COMMISSIONER.match(name)
                and lower not in appellant.lower() and "tribunal" not in lower
                and not lower.endswith(("commissioner", "commissioner's office"))):
            if " " in name:
                return name
            acronym = acronym or name  # 'FCO': keep looking for the full name
    return acronym


def _authority(record: dict, text: str, low: str, appellant: str, appellant_is_authority: bool,
               respondents: list[str]) -> str | None:
    """The public authority the request went to, best source first."""
    field = _field(record, "public_authority")
    if field and _is_org(field):  # it sometimes names the requester (a second respondent)
        return _clean_authority(field)
    if appellant_is_authority:
        return _clean_authority(appellant)
    for name in respondents:
        if _is_public_body(name):
            return _clean_authority(name)
    found = _authority_from_text(text, low, appellant)
    return _clean_authority(found) if found else None
