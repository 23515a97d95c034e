"""The parties, and who appealed.

A private person in the case title is a requester. An organisation is the public authority
resisting an ICO order to disclose when it looks like a public body (council, police,
ministry, NHS...) and no other public body is a respondent, unless the text says "the
Appellant requested..." more often than "...refused" (the BBC, say, asking a police
commissioner).
"""

from __future__ import annotations

import re

from corpus.tribunal.case_title import _redacted_title
from corpus.tribunal.header import _header_parties
from corpus.tribunal.metadata import _field
from corpus.tribunal.names import _COMMISSIONER, _is_org, _is_public_body, _title_case
from corpus.tribunal.redact import APPELLANT
from corpus.tribunal.text import _HEADER_SCAN, _SPACES, _positions

_APPELLANT_REQUESTED = re.compile(
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:requested|asked\s+for|sought\s+(?:disclosure|"
    r"information|copies|a\s+copy|access)|(?:made|submitted|sent)\s+(?:a|an|his|her|its|their)\s+"
    r"(?:\w+\s+){0,2}?request)|\bappellant['’]s\s+(?:\w+\s+)?request\b|\brequests?\s+(?:\w+\s+){0,2}?"
    r"(?:made\s+)?by\s+the\s+appellant\b(?!\s*\n)"
)
_APPELLANT_REFUSED = re.compile(
    r"\b(?:request(?:s|ed)?|wrote|applied)\s+(?:\w+\s+){0,3}?(?:to|of|from)\s+the\s+appellant\b|"
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:refused|withheld|relied|declined|disclosed|"
    r"neither\s+confirm)|\bappellant['’]s\s+(?:refusal|reliance)"
)


_GENERIC_NAME_WORDS = {
    "council", "borough", "county", "city", "district", "department", "office", "ministry",
    "metropolitan", "london", "information", "commissioner",
}


def _same_body(a: str, b: str) -> bool:
    """'SHEFFIELD CITY COUNCIL' and 'Sheffield City Council (EA/2017/0001)' are one body."""
    words_a = set(re.findall(r"[a-z]{4,}", a.lower())) - _GENERIC_NAME_WORDS
    words_b = set(re.findall(r"[a-z]{4,}", b.lower())) - _GENERIC_NAME_WORDS
    return bool(words_a & words_b) or a.lower().strip() == b.lower().strip()


def _other_respondents(record: dict, header_respondents: list[str],
                       first_party: str) -> list[str]:
    """Respondents besides the Commissioner (and the appellant, in joined appeals)."""
    listed = record.get("respondents")
    listed = [r for r in listed if isinstance(r, str)] if isinstance(listed, list) else []
    return [r for r in header_respondents + listed
            if not _COMMISSIONER.match(r.strip()) and not _same_body(r, first_party)]


def _authority_appealed(first_party: str, record: dict, low: str,
                        respondents: list[str]) -> bool:
    """True when the appellant is the public authority resisting an order to disclose."""
    if not _is_org(first_party):
        return False
    if len(respondents) <= 3 and any(_is_public_body(r) for r in respondents):
        return False  # the authority is a respondent, so the appellant asked
    field = _field(record, "public_authority").lower()
    if field and _is_org(field):
        words = set(re.findall(r"[a-z]{4,}", field)) - {"council", "borough", "county", "city"}
        mine = set(re.findall(r"[a-z]{4,}", first_party.lower()))
        if words and not words & mine:
            return False
    requested = refused = 0
    for pos in _positions(low, ("appellant",), len(low)):
        window = low[max(0, pos - 60): pos + 70]
        requested += bool(_APPELLANT_REQUESTED.search(window))
        refused += bool(_APPELLANT_REFUSED.search(window))
    if _is_public_body(first_party):
        return not requested >= refused + 2
    return refused >= 2 and refused > requested


def _parties_of(record: dict, head: str, low: str) -> tuple[str, list[str], str, list[str]]:
    """(redacted title, private names, first appellant party, respondents in the header)."""
    case_title = _SPACES.sub(" ", _field(record, "case_title"))
    header_appellants, header_respondents = _header_parties(head[:_HEADER_SCAN],
                                                            low[:_HEADER_SCAN])
    if case_title:
        title, names, first = _redacted_title(case_title)
    elif header_appellants:
        first = header_appellants[0]
        names = [] if _is_org(first) else [first]
        title = f"{APPELLANT if names else _title_case(first)} v Information Commissioner"
    else:
        title, names, first = "", [], ""
    return title, names, first, header_respondents
