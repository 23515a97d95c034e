"""Authority, date and reference from the free text of a response or page title."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
MONTH_WORDS = frozenset(_MONTHS)  # month names and their three-letter forms
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\b(20[0-2]\d|19[89]\d)\b")
_REF = re.compile(
    r"(?:our ref(?:erence)?|ref(?:erence)?(?:\s+(?:no|number))?|request(?:\s+(?:no|number|id))?|"
    r"case(?:\s+(?:no|number))?|foi(?:\s+ref)?)\b\s*[:.#]?\s*((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{3,30})",
    re.I,
)
_BARE_REF = re.compile(r"\b((?:FOIR?|FOI|EIR|CAS|FS|IC|EA|REQ|RFI|FI)[-/ ]?\d[\w/-]{2,24})\b")
_AUTHORITY = re.compile(
    r"((?:(?:London Borough|Royal Borough|City|County|Metropolitan Borough|Borough|District) of "
    r"[A-Z][\w'&-]*(?: (?:and|upon|on|under)? ?[A-Z][\w'&-]*)*)|"
    r"(?:[A-Z][\w'&.-]+ ){1,4}(?:City Council|County Council|Borough Council|District Council|"
    r"Council|Police|Constabulary|NHS (?:Foundation )?Trust|Fire and Rescue Service|University|"
    r"Fire Authority|Combined Authority|Transport for London))"
)
_ACRONYM_WORDS = {"C": ("City", "County", "Council"), "B": ("Borough",), "D": ("District",)}


def iso_date(d: int, m: int, y: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date written in the text, as YYYY-MM-DD."""
    candidates: list[tuple[int, str]] = []
    for m in _DATE_WORDS.finditer(text):
        month = _MONTHS.get(m.group(2).lower()) or _MONTHS.get(m.group(2).lower()[:3])
        if month and (iso := iso_date(int(m.group(1)), month, int(m.group(3)))):
            candidates.append((m.start(), iso))
    for m in _DATE_NUM.finditer(text):
        if iso := iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            candidates.append((m.start(), iso))
    for m in _DATE_ISO.finditer(text):
        if iso := iso_date(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            candidates.append((m.start(), iso))
    return min(candidates)[1] if candidates else None


def find_year(text: str) -> str | None:
    m = _YEAR.search(text)
    return m.group(1) if m else None


def find_reference(text: str) -> str | None:
    m = _REF.search(text)
    if m:
        return m.group(1).rstrip("/-")
    m = _BARE_REF.search(text)
    return m.group(1) if m else None


def find_authority(text: str) -> str | None:
    m = _AUTHORITY.search(text)
    if m:
        return m.group(1).strip()
    return _authority_from_email(text)


def _authority_from_email(text: str) -> str | None:
    """'info@leicester.gov.uk' and 'LCC' in the text -> 'Leicester City Council'."""
    m = re.search(r"@([a-z-]+)\.gov\.uk", text, re.I)
    if not m:
        return None
    place = m.group(1).replace("-", " ").title()
    for acr in re.findall(r"\b([A-Z]{2,4})\b", text):
        if acr[0] == place[0] and all(ch in _ACRONYM_WORDS for ch in acr[1:]):
            words = [_ACRONYM_WORDS[ch][0] for ch in acr[1:-1]] + ["Council"]
            return f"{place} {' '.join(words)}"
    return f"{place} Council"


_KEY_NOISE = re.compile(
    r"\b(the|of|council|city|county|borough|district|london|metropolitan|royal|and|nhs|trust|"
    r"foundation|police|service|foi|response|disclosure|log|ft)\b")
_POLICE = re.compile(r"\b(?:police|constabulary|chief constable)\b")
_NHS = re.compile(r"\b(?:nhs|trust|hospitals?|ambulance|clinical commissioning|ccg)\b")
_FORCE_NOISE = re.compile(r"\b(?:commissioner of|chief constable of|constabulary|foi|"
                          r"response|disclosure|log|commissioner)\b")
_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.(?:gov\.uk|gov\.scot|gov\.wales|nhs\.uk|"
                     r"police\.uk|ac\.uk|org\.uk|co\.uk|org|com)$")


def is_generic(name: str) -> bool:
    """'council' or 'the police': words every authority shares, naming none."""
    return not _KEY_NOISE.sub(" ", name.lower()).strip()


@lru_cache(maxsize=4096)  # the check's neighbour weighting asks it ~400 times per draft
def authority_key(name: str | None) -> str:
    """One key for the spellings of one authority: 'London Borough of Barnet', 'Barnet
    Council', 'barnet.gov.uk' and 'London Borough of Barnet FOI' all give 'barnet'; a place's
    force and NHS body keep their kind ('surrey police', 'surrey nhs', 'surrey')."""
    if not name:
        return ""
    low = " ".join(name.lower().split())
    m = _DOMAIN.match(low)
    if m:
        low = m.group(1).replace("-", " ")
    low = re.sub(r"\btfl\b", "transport for london", low)  # tfl.gov.uk, TfL
    # Surrey Police, Surrey County Council and NHS Surrey are three bodies: the kind stays in
    # the key, and a force's own name in it ('Metropolitan Police', 'Met Police')
    kind = "police" if _POLICE.search(low) else "nhs" if _NHS.search(low) else ""
    if "university" in low:
        return " ".join(re.sub(r"\b(?:the|of)\b", " ", low).split())
    if kind == "police":
        low = _FORCE_NOISE.sub(" ", re.sub(r"\bmet\b", "metropolitan", low))
        base = " ".join(re.sub(r"\b(?:police|service|the|of|and)\b", " ", low).split())
    else:
        base = " ".join(_KEY_NOISE.sub(" ", low).split())
    return f"{base} {kind}".strip() if base else low
