"""Find the FOIA sections and EIR regulations an authority cites, in one normal form.

Normal form: ``s31(1)(a)``, ``s31(3)``, ``s12``, ``s43(2)``; EIR exceptions ``r12(5)(b)``.
Procedural sections (s1, s10, s16, s17...) are not exemptions and are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache

# FOIA exemptions (and FOISA's 25-41); s12 cost limit and s14 vexatious are refusal grounds too.
_SECTIONS = {12, 14, *range(21, 45)}
_REGULATIONS = {12, 13}

_PARTS = r"((?:\s?\(\s?[0-9]{1,2}[A-Za-z]?\s?\)|\s?\(\s?[a-z]{1,4}\s?\))*)"
_SIBLINGS = r"((?:\s?(?:,|and|&|or)\s?\(\s?(?:[a-z]|\d{1,2})\s?\))*)"  # "31(1)(a) and (b)"
# a section's name in brackets between two cited sections: "40(2) (personal data) and 43(2)"
_NAMED = r"\s?\([A-Za-z][A-Za-z ,'-]{3,60}\)"
_SECTION_RE = re.compile(
    # a bare "s" before a number, but not a postcode's: "Sheffield S12 2AB"
    r"(?<!['’])\b(?:sections?|secs?\.?|ss\.?|s\.?(?=\s?\d)(?!\d{1,2}[a-z]?\s\d[a-z]{2}\b))"
    r"\s{0,8}(\d{1,2})" + _PARTS
    + _SIBLINGS + r"(?![\d%£$])"
    r"((?:\s?(?:,|and|&|/|or)\s?(?:s\.?\s?)?\d{1,2}" + _PARTS + r"(?![\d%£])"
    r"|\s[a-z][a-z ]{0,40}?\s?(?:,|and|&)\s?\d{1,2}(?=\s?\()" + _PARTS
    + r"|" + _NAMED + r"\s?(?:,|and|&)\s?\d{1,2}(?=\s?\()" + _PARTS + r")*)",
    re.IGNORECASE,
)
_REGULATION_RE = re.compile(
    r"\b(?:regulations?|regs?\.?|exceptions?|r\.?(?=\s?1[23]\s?\())\s?(\d{1,2})" + _PARTS
    + _SIBLINGS + r"((?:\s?(?:,|and|&|/|or)\s?\d{1,2}" + _PARTS
    + r"|\s[a-z][a-z ]{0,40}?\s?(?:,|and|&)\s?\d{1,2}(?=\s?\()" + _PARTS + r")*)",
    re.IGNORECASE,
)
_LIST_ITEM_RE = re.compile(r"(\d{1,2})" + _PARTS)
_GROUP_RE = re.compile(r"\(\s?(\w+)\s?\)")

# A cost-limit refusal that gives only its estimate: "would require searching paper logs,
# about 90 hours of work" (more than the 18 hours, or 24 for central government, of s12).
OVER_LIMIT_ESTIMATE = (
    r"\bwould (?:take|require|need|involve|amount to)\b[^.;]{0,120}?"
    r"\b(?:19|[2-9]\d|[1-9]\d{2,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?\s?(?:working |man |staff )?"
    r"hours\b")
# Refusal grounds often stated without their section number.
_IMPLIED = (
    (re.compile(r"appropriate (?:\(?(?:cost|time)\)? )?limit|cost limit"
                r"|exceed(?:s|ed)? the (?:£\d+ )?limit|18 hours|" + OVER_LIMIT_ESTIMATE, re.I),
     "s12"),
    (re.compile(r"\bvexatious\b", re.I), "s14"),
    (re.compile(r"reasonably accessible|already (?:publicly )?(?:available|published)", re.I),
     "s21"),
)


def _consecutive(groups: list[str]) -> bool:
    """(a)(b)(c) are siblings; (a)(i) is a sub-paragraph of (a)."""
    return all(len(g) == 1 and g.isalpha() for g in groups) and all(
        ord(b) == ord(a) + 1 for a, b in zip(groups, groups[1:]))


def _expand(prefix: str, number: str, parts: str) -> list[str]:
    """`31`, `(1)(a)(b)` -> s31(1)(a), s31(1)(b): a trailing run of letters names siblings."""
    groups = [g.lower() for g in _GROUP_RE.findall(parts)]
    head = f"{prefix}{int(number)}"
    letters = groups[1:]
    if len(groups) >= 3 and groups[0][0].isdigit() and _consecutive(letters):
        return [f"{head}({groups[0]})({g})" for g in groups[1:]]
    return [head + "".join(f"({g})" for g in path) for path in _sibling_paths(groups, prefix)]


_ROMAN = re.compile(r"(?:i{1,3}|iv|vi{0,3}|ix|x)$")


def _sibling_paths(groups: list[str], prefix: str = "s") -> list[list[str]]:
    """'(2)(3)' cites subsections 2 and 3, and '(2)(a)(i)(b)' paragraphs (a)(i) and (b): a
    group no deeper than the one before it (a number after a number, a letter after a roman
    sub-paragraph) starts a sibling, since the Act nests number, letter, roman in that order.
    A regulation's '12(5)(1)' is left as written: it is a misprint, and read as siblings it
    would cite the procedural r12(1)."""
    paths: list[list[str]] = []
    path: list[tuple[int, str]] = []
    for g in groups:
        level = 1 if g[0].isdigit() else 3 if (
            _ROMAN.match(g) and path and path[-1][0] >= 2) else 2
        # only a number after a number or a letter after a roman sub-paragraph: '40(3)(a)(1)'
        # is a misread '(i)' and '31(l)(a)' a misread '(1)', kept as written
        if path and (level, path[-1][0]) in ((1, 1), (2, 3), (3, 3)) and (
                level > 1 or prefix == "s"):
            paths.append([x for _, x in path])
            path = [x for x in path if x[0] < level]
        path.append((level, g))
    return [*paths, [x for _, x in path]]


def _siblings(parts: str, letters: str) -> list[str]:
    """'(1)(a)' with ' and (b)' -> ['(1)(a)', '(1)(b)']; '(2)' with ' and (3)' -> '(2)', '(3)';
    '(1)(a)(b) and (c)' -> ..., '(1)(c)'; '(2)(a)(b) and (3)' -> ..., '(3)': each sibling
    replaces the last group of its kind (number or letter), a run of letters as one."""
    groups = list(_GROUP_RE.finditer(parts))
    out = [parts]
    for g in _GROUP_RE.findall(letters or ""):
        same = [i for i, m in enumerate(groups) if m.group(1).isdigit() == g.isdigit()]
        if not same:
            continue
        i = same[-1]
        while len(g) == 1 and g.isalpha() and i > 0 and _single_letter(groups[i - 1].group(1)):
            i -= 1
        out.append(parts[:groups[i].start()] + f"({g})")
    return out


def _single_letter(group: str) -> bool:
    return len(group) == 1 and group.isalpha()


# "S12 Community Pantry", "S2 Food Bank": a Sheffield postcode district naming a ward's group
_DISTRICT = re.compile(r"S\d{1,2} [A-Z][a-z]")
_CITING = re.compile(r"exempt|refus|withh|\bappl(?:y|ies)\b|\bFOI|\bAct\b|section|limit", re.I)


def _district(text: str, m: re.Match) -> bool:
    """Whether a bare 'S12' before a name is a postcode district: nothing near it speaks of
    exemptions ('... under S43 Commercial Interests' does)."""
    return bool(_DISTRICT.match(text, m.start())) and not _CITING.search(
        text, max(0, m.start() - 80), m.start() + 80)


def _collect(regex: re.Pattern, text: str, prefix: str, allowed: set[int]) -> list[str]:
    found: list[str] = []
    for m in regex.finditer(text):
        if _district(text, m):
            continue
        first = [(m.group(1), p) for p in _siblings(m.group(2), m.group(3))]
        items = [*first, *_LIST_ITEM_RE.findall(m.group(4) or "")]
        for number, parts in items:
            if int(number) in allowed:
                found.extend(_expand(prefix, number, parts))
    return found


def _drop_general(cites: list[str]) -> list[str]:
    """Keep `s31(1)(a)` and drop a bare `s31` (or `s31(1)`) that it refines."""
    return [c for c in cites if not any(o != c and o.startswith(c + "(") for o in cites)]


def find_exemptions(text: str, implied: bool = True) -> list[str]:
    """Normalised citations in order of first appearance, without duplicates."""
    if not text:
        return []
    return list(_find(text, implied))


@lru_cache(maxsize=2048)
def _find(text: str, implied: bool) -> tuple[str, ...]:
    text = " ".join(text.split())  # a wrapped letter: "the appropriate\nlimit"
    cites = _collect(_SECTION_RE, text, "s", _SECTIONS)
    cites += _collect(_REGULATION_RE, text, "r", _REGULATIONS)
    if implied:
        for pattern, section in _IMPLIED:
            # under the EIR the cost of complying is argued as r12(4)(b), not s12
            grounds = (section, "r12(4)(b)") if section == "s12" else (section,)
            if pattern.search(text) and not any(c.startswith(grounds) for c in cites):
                cites.append(section)
    unique = list(dict.fromkeys(cites))
    return tuple(_drop_general(unique))


def section_of(citation: str) -> str:
    """`s31(1)(a)` -> `s31`; `r12(5)(b)` -> `r12`."""
    return re.match(r"[sr]\d+", citation).group(0) if re.match(r"[sr]\d+", citation) else citation


_INSERTED = re.compile(r"\((\d+)([a-z])\)")


def as_printed(cite: str) -> str:
    """A citation as the Act prints it: 's40(5b)(a)(i)' -> 's40(5B)(a)(i)'. Citations are
    stored in lower case (one spelling to match on); subsections inserted later, numbered
    with a capital letter (s40(3A), s40(5B)), are shown as the Act numbers them."""
    return _INSERTED.sub(lambda m: f"({m.group(1)}{m.group(2).upper()})", cite)


# parts of the EIR's regulation 12 (the EISRs' 10) that are no exception but how every
# exception is applied (the presumption in favour of disclosure, the public interest test): a
# reply cites them beside the exception it relies on, never as a ground of its own
EIR_PROCEDURAL = frozenset({"r12(1)", "r12(1)(a)", "r12(1)(b)", "r12(2)", "r12(3)"})
_EISR_PROCEDURAL = {"r10(1)": "r12(1)", "r10(1)(a)": "r12(1)(a)", "r10(1)(b)": "r12(1)(b)",
                    "r10(2)": "r12(2)", "r10(2)(a)": "r12(2)", "r10(2)(b)": "r12(2)",
                    "r10(3)": "r12(3)"}


def procedural(cite: str) -> str | None:
    """The EIR provision a citation names when it is no exception but how the exceptions are
    applied (r12(2), the presumption in favour of disclosure; r12(1)(b), the public interest
    test; the EISRs' r10(1) to r10(3)); None for anything else."""
    cite = (cite or "").strip().lower().replace(" ", "")
    return cite if cite in EIR_PROCEDURAL else _EISR_PROCEDURAL.get(cite)
