"""The case title ('A v B'): who appealed, and the title with private appellants redacted."""

from __future__ import annotations

import re

from corpus.tribunal.names import _IC, _ORG_WORDS, _is_org, _looks_like_person
from corpus.tribunal.redact import APPELLANT

_VERSUS = re.compile(r"\s+v\.?\s+")
_VERSUS_ANY = re.compile(r"\s+(?:v|vs)\.?\s+", re.I)
_PARTY_SPLIT = re.compile(r"(\s+(?:&|and|/)\s+|\s*,\s+(?=[A-Z])|\s*\(\d{4}[^)]*\)\s*)")
_ON_BEHALF = re.compile(r"^(.*?)\s*\(?\b(?:on behalf of|obo|o\.b\.o\.?)\s+(.*?)\)?$", re.I)


def _split_title(title: str) -> tuple[str, str]:
    """'A v B' -> ('A', 'B'); a lower-case ' v ' first, so 'Mrs A V Gross' stays whole."""
    parts = _VERSUS.split(title, maxsplit=1)
    if len(parts) < 2:
        parts = _VERSUS_ANY.split(title, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _complete(piece: str) -> bool:
    """A whole party: an organisation, or a private person named in at least two words."""
    return _is_org(piece) or _looks_like_person(piece, min_words=2)


def _parties(side: str) -> list[tuple[str, bool]]:
    """The appellant side cut into parties, each marked private person (True) or not.

    'Foreign and Commonwealth Office' must stay whole: a separator splits only where both
    sides are whole parties.
    """
    behalf = _ON_BEHALF.match(side)
    if behalf and behalf.group(1) and behalf.group(2):
        first, second = behalf.group(1), behalf.group(2)
        return [(first, not _is_org(first)), (second, not _is_org(second))]
    if not _ORG_WORDS.search(side) and not _is_org(side):
        return [(side, True)]
    bits = _PARTY_SPLIT.split(side)
    pieces, seps = bits[0::2], bits[1::2]

    def joined(i: int, j: int) -> str:
        return "".join(pieces[k] + (seps[k] if k < j else "") for k in range(i, j + 1))

    parties: list[str] = []
    start = 0
    for i in range(1, len(pieces)):
        rest_whole = any(_complete(joined(i, j)) for j in range(i, len(pieces)))
        if rest_whole and _complete(joined(start, i - 1)):
            parties.append(joined(start, i - 1))
            start = i
    parties.append(joined(start, len(pieces) - 1))
    parties = [p.strip() for p in parties if p.strip()]
    return [(p, _looks_like_person(p, min_words=2)) for p in parties]


def _redacted_title(title: str) -> tuple[str, list[str], str]:
    """(title with private appellants replaced, their names, the first appellant party)."""
    appellant, respondents = _split_title(title)
    parties = _parties(appellant)
    names = [p.strip(" ,.") for p, person in parties if person and p.strip(" ,.")]
    first = parties[0][0].strip() if parties else appellant
    left = appellant
    for name in sorted(names, key=len, reverse=True):
        left = left.replace(name, APPELLANT)
    left = re.sub(r"\[appellant\](?:\s*(?:&|and|,|/)?\s*\[appellant\])+", APPELLANT, left)
    if not respondents:
        return left, names, first
    resp = [r.strip() for r in re.split(r"\s+&\s+|\s+and\s+(?=the\b|[A-Z])", respondents)]
    resp = ["Information Commissioner" if _IC.match(r) else r for r in resp]
    return f"{left} v {' & '.join(resp)}", names, first
