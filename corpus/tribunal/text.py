"""Layout clean-up and the cheap text scans every reader of a decision shares.

Decisions arrive as layout-preserving PDF text: page numbers, running headers, odd spaces and
words hyphenated across lines. Offsets matter: `_lower` keeps them so a case-less regex on the
lower-cased text can index the original.
"""

from __future__ import annotations

import re

_HEADER_SCAN = 5_000  # the opening block: parties, date, reference, "Subject matter"

_ODD_SPACES = (("\r\n", "\n"), ("\r", "\n"), ("\x0c", "\n"), ("\uf020", " "), ("\xa0", " "),
               ("\t", "    "))
_RUNNING_HEADER = re.compile(
    r"^(?:(?:appeal|tribunal)\s+(?:no|number|ref(?:erence)?)s?\.?:?|case\s+no\.?:?)?\s*"
    r"ea[/.][\d/. a-z&,]*$"
)
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*([a-z]+)(-?)")
_PLACE_JOINERS = {"on", "upon", "in", "under", "le", "by", "en", "super", "sur"}
_SPACES = re.compile(r"\s+")


def _layout(text: str) -> str:
    """Page numbers, running headers and odd PDF spaces out; lines kept for indentation."""
    for odd, plain in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    kept = []
    for line in text.split("\n"):
        bare = line.strip()
        if len(bare) <= 7 and bare.strip("-–() ").isdigit():
            continue  # a page number
        if "EA" in bare and len(bare) < 60 and _RUNNING_HEADER.match(bare.lower()):
            continue  # 'Appeal No: EA/2016/0316' repeated on every page
        kept.append(line)
    return "\n".join(kept)


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets, so fast case-less regexes can index `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _join_hyphen(m: re.Match) -> str:
    """'inform-\\nation' -> 'information' but 'Stratford-\\non-Avon' keeps its hyphens."""
    if m.group(3) and m.group(2) in _PLACE_JOINERS:
        return f"{m.group(1)}-{m.group(2)}-"
    return m.group(1) + m.group(2) + m.group(3)


def _flatten(text: str) -> str:
    """One line from a layout block: hyphenation undone, whitespace collapsed."""
    return _SPACES.sub(" ", _HYPHEN_BREAK.sub(_join_hyphen, text)).strip()


def _positions(low: str, words: tuple[str, ...], limit: int) -> list[int]:
    """Word-initial offsets of literal words (str.find is far faster than a regex scan)."""
    found: set[int] = set()
    for word in words:
        i = low.find(word, 0, limit)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                found.add(i)
            i = low.find(word, i + 1, limit)
    return sorted(found)


_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isalpha() or b > 127)


def _ascii_letters(text: str) -> int:
    """How many ASCII letters: a decision's first pages are mostly English words."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
