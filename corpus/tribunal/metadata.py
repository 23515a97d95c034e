"""The record's metadata fields, each with its fallback read from the decision's text.

The metadata is trusted where it is filled; a few old records leave the date or reference
empty and the decision's opening block has them. The regime (FOIA or EIR) is the record's
jurisdiction unless EIR language clearly outweighs FOIA language in the first pages.
"""

from __future__ import annotations

import re
from datetime import date

from corpus.tribunal.text import _HEADER_SCAN


def _field(record: dict, key: str) -> str:
    """A metadata field as stripped text; anything that is not a string counts as empty."""
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}
_TEXT_DATE = re.compile(
    r"(?:date of (?:decision|promulgation)|promulgat(?:ed|ion)(?: date)?|decision date)"
    r"[^\n\d]{0,30}(\d{1,2})(?:st|nd|rd|th)?\.?\s+(" + "|".join(_MONTHS) + r"),?\s+(\d{4})"
)


def _iso(day: int, month: int, year: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date such as 31/02."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _decision_date(raw: str, low: str) -> str | None:
    """The record's DD/MM/YYYY as ISO; the text's 'Date of decision' when the field is empty."""
    m = _DMY.match(raw)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _TEXT_DATE.search(low, 0, _HEADER_SCAN)
    return _iso(int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))) if m else None


_REFERENCE_IN_TEXT = re.compile(r"\bEA\s?/\s?(\d{4})\s?/\s?(\d{4})\b")


def _reference(raw: str, text: str) -> str | None:
    """The record's reference; a few old records leave it empty and the text has it."""
    if raw:
        return raw
    m = _REFERENCE_IN_TEXT.search(text, 0, _HEADER_SCAN)
    return f"EA/{m.group(1)}/{m.group(2)}" if m else None


_EIR_PHRASES = ("environmental information", " eir", "(eir", "“eir", "\"eir", "regulation 12(",
                "regulation 13(", "reg. 12(", "reg 12(")
_FOIA_PHRASES = ("freedom of information act", "foia", "section ", "s.", " s ")


def _regime(record: dict, low: str) -> str:
    """EIR when the record says so, or when EIR language clearly outweighs FOIA language."""
    jurisdiction = _field(record, "jurisdiction").lower()
    if "environmental" in jurisdiction:
        return "EIR"
    low = low[:15_000]
    eir = sum(low.count(p) for p in _EIR_PHRASES)
    foia = sum(low.count(p) for p in _FOIA_PHRASES)
    if "freedom of information" in jurisdiction:
        return "EIR" if eir >= 10 and eir > 3 * foia else "FOIA"
    return "EIR" if eir >= 3 and eir > foia else "FOIA"
