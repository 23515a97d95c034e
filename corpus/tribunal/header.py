"""The parties as the decision's opening block names them ('Appellant: X', 'X  Respondent'),
skipping counsel and solicitors, who are listed by role too.
"""

from __future__ import annotations

import re

from corpus.tribunal.names import _CONNECTORS

_ROLE_LABEL = re.compile(
    r"^\s*(?P<role>(?:(?:first|second|third|1st|2nd|3rd)\s+)?respondents?|appellants?|"
    r"public authority|additional party|joined party)\s*[:\-]\s*(?P<name>\S.*)$"
)
_ROLE_TRAIL = re.compile(
    r"^(?P<name>.*?)(?:\s{2,}|^)\(?(?P<role>(?:(?:first|second|third)\s+)?respondents?|"
    r"appellants?|additional party|(?:second|third) party)\)?\s*$"
)
_HEADER_NOISE = re.compile(
    r"tribunal|judge|before|chamber|heard|hearing|determined|date|promulgat|copyright|appeal|"
    r"reference|decision|notice|members?\b|between|chairman|deputy|information rights|"
    r"\bon the papers|considered|representation|subject matter|attendances|for the |"
    r"^-?\s*and\s*-?$|^-?v-?$|:"
)
_HEADER_JUNK = re.compile(
    r"^(?:and|before|between|in person|first|second|third|judge)\b|counsel|judge|tribunal\s+"
    r"members?|\bq\.?c\.?$|^(?:mr|ms|mrs|dr)\s+\w+\s*\(|\b(?:first|second)$",
    re.I,
)
_CASE_REF = re.compile(
    r"\s*\(\s*EA[/.][^)]*\)|\s+(?:first|second|third)$|^\s*\(\d\)\s*|\s*\(\d\)\s*$", re.I
)
_NUMBERED_PARTY = re.compile(r"\(\d\)\s*|\s{3,}")
_HEADER_END = re.compile(r"^\s*(?:decision|reasons|background|introduction)\b", re.M)
_COUNSEL_HEADINGS = ("representation", "written representation", "appearances", "attendances",
                     "for the appellant", "in attendance")
_CONNECTOR_END = re.compile(r"\b(?:of|for|and|the|&|on|upon|in)$", re.I)


def _trailing_words(name: str) -> str:
    """'CARDIFF COUNCIL did not appear' -> 'CARDIFF COUNCIL'."""
    words = name.split()
    for i, word in enumerate(words):
        letters = word.lstrip("(“\"‘'")
        if i and letters[:1].islower() and letters.lower() not in _CONNECTORS:
            return " ".join(words[:i])
    return name


def _header_parties(head: str, low: str) -> tuple[list[str], list[str]]:
    """(appellants, respondents) named in the decision's opening block."""
    end = _HEADER_END.search(low, 200)
    appellants: list[str] = []
    respondents: list[str] = []
    buffer: list[str] = []
    last_role: list[str] | None = None
    skipping = skipped = False
    for line, lower in zip(head[: end.start() if end else None].splitlines(),
                           low[: end.start() if end else None].splitlines(), strict=False):
        stripped = line.strip()
        if not stripped:
            skipping = skipping and not skipped  # a blank line ends the counsel block
            continue
        if lower.lstrip().startswith(_COUNSEL_HEADINGS):
            skipping, skipped, buffer, last_role = True, False, [], None
            continue  # counsel and solicitors are listed by role too
        if skipping:
            skipped = True
            continue
        if "ppellant" in lower or "espondent" in lower or "party" in lower:
            label = _ROLE_LABEL.match(lower)
            trail = None if label else _ROLE_TRAIL.match(lower)
            if label or trail:
                found = label or trail
                role = appellants if found.group("role").startswith("appell") else respondents
                name = line[found.start("name"): found.end("name")]
                role.extend((buffer if trail else []) + _NUMBERED_PARTY.split(name))
                buffer, last_role = [], (role if label else None)
                continue
        if last_role is not None and (line.startswith("        ") or (
                last_role and _CONNECTOR_END.search(last_role[-1]))):
            if last_role and _CONNECTOR_END.search(last_role[-1]):
                last_role[-1] += " " + stripped
            else:
                last_role.extend(_NUMBERED_PARTY.split(stripped))
            continue
        last_role = None
        if _HEADER_NOISE.search(lower) or len(stripped) > 90:
            buffer = []
            continue
        buffer = [*buffer[-2:], stripped]

    def clean(names: list[str]) -> list[str]:
        """Names broken over lines joined; counsel notes, 'and' and case numbers dropped."""
        merged: list[str] = []
        for name in names:
            name = _CASE_REF.sub("", name).strip(" ,.-")
            if not name or name.lower() in ("and", "- and -", "v"):
                continue
            if merged and name[:1].islower():
                if " " not in name and merged[-1][-1:].isalpha():
                    merged[-1] += name  # 'Rural Af' + 'fairs'
                continue  # 'did not appear'
            if merged and _CONNECTOR_END.search(merged[-1]):
                merged[-1] += " " + name  # a name broken over two lines
            else:
                merged.append(_trailing_words(name))
        return [n for n in merged if len(n) > 2 and not _HEADER_JUNK.search(n)]

    return clean(appellants), clean(respondents)
