"""Scotland's Act beside the UK one: FOISA's section numbers as FOIA's, and back. Pure data.

Requests to Scottish public authorities fall under the Freedom of Information (Scotland) Act
2002 (FOISA), whose exemptions cover the same ground as FOIA's under other numbers: law
enforcement is s35 there, s31 here, and FOISA's s35 is not FOIA's s35 (policy advice). The
store keeps what a Scottish reply cited; everything that counts citations across the corpus
reads them in FOIA's numbers, so a Scottish s35(1)(a) refusal counts as the s31(1)(a) it is.
The Environmental Information (Scotland) Regulations 2004 number the EIR's exceptions 10 and
11 where the EIR number them 12 and 13.
"""

from __future__ import annotations

import re

# FOIA section -> FOISA section (or its subsection, where only one matches)
_TO_FOISA = {
    "s12": "s12", "s14": "s14", "s21": "s25", "s22": "s27", "s24": "s31(1)", "s26": "s31(4)",
    "s27": "s32", "s28": "s28", "s29": "s33(2)", "s30": "s34", "s31": "s35", "s32": "s37",
    "s33": "s40", "s35": "s29", "s36": "s30", "s37": "s41", "s38": "s39(1)", "s40": "s38",
    "s41": "s36(2)", "s42": "s36(1)", "s43": "s33(1)(b)", "s44": "s26",
    # FOISA has no security-bodies exemption: national security covers what s23 would
    "s23": "s31(1)",
}
# subsections that match one to one, each way (the letters of s31(1) and s35(1) agree)
_SUBSECTIONS = {
    "s40(1)": "s38(1)(a)", "s40(2)": "s38(1)(b)", "s43(1)": "s33(1)(a)", "s43(2)": "s33(1)(b)",
    "s42(1)": "s36(1)", "s41(1)": "s36(2)", "s21(1)": "s25(1)", "s24(1)": "s31(1)",
    "s26(1)": "s31(4)", "s22(1)": "s27(1)",
}
# FOISA section -> FOIA section, where a bare FOISA section names one ground
_TO_FOIA = {"s12": "s12", "s14": "s14", "s25": "s21", "s26": "s44", "s27": "s22", "s28": "s28",
            "s29": "s35", "s30": "s36", "s32": "s27", "s34": "s30", "s35": "s31", "s36": "s42",
            "s37": "s32", "s38": "s40", "s39": "s38", "s40": "s33", "s41": "s37"}
_FROM_SUBSECTION = {v: k for k, v in _SUBSECTIONS.items()}
# subsections that keep their letters: FOIA s31(1)(a) is FOISA s35(1)(a), s36(2)(b)(i) is
# s30(b)(i), s35(1)(a) is s29(1)(a)
_PARALLEL = {"s31": ("s35", ""), "s36": ("s30", "(2)"), "s35": ("s29", "")}
_EIR = {"r12": "r10", "r13": "r11"}
# NCND: FOIA gives each exemption its own subsection for it; FOISA has one section, s18
NCND_SECTION = "s18"
# FOISA's harm-based exemptions ask for *substantial* prejudice, a higher bar than FOIA's;
# the others (s29 policy, s34 investigations, s36 confidentiality, s38 personal information...)
# are class-based and need no harm at all
SUBSTANTIAL = ("s27(2)", "s28", "s30", "s31(4)", "s32", "s33(1)(b)", "s33(2)", "s35", "s40")


def substantial(foisa: str) -> bool:
    """Whether a FOISA citation needs substantial prejudice ('s35(1)(a)' does, 's38' not)."""
    return any(foisa == s or foisa.startswith(s + "(") for s in SUBSTANTIAL)


def _split(cite: str) -> tuple[str, str]:
    m = re.match(r"([sr]\d+)(.*)", cite or "")
    return (m.group(1), m.group(2)) if m else (cite, "")


def to_foisa(cite: str) -> str | None:
    """FOIA's citation as FOISA's ('s31(1)(a)' -> 's35(1)(a)', 's40(2)' -> 's38(1)(b)'; a bare
    's43', nearly always commercial interests, -> 's33(1)(b)'); None for what is no
    exemption."""
    section, rest = _split(cite)
    if section in _EIR:
        return _EIR[section] + rest
    for foia, foisa in _SUBSECTIONS.items():
        if cite == foia or cite.startswith(foia + "("):
            return foisa
    if section in _PARALLEL and rest.startswith(_PARALLEL[section][1]) and \
            not re.match(r"\((?:3|4|5)\)", rest):
        target, dropped = _PARALLEL[section]
        if rest[len(dropped):]:
            return target + rest[len(dropped):]
    return _TO_FOISA.get(section)


_FROM_PARALLEL = {target: (foia, dropped) for foia, (target, dropped) in _PARALLEL.items()}


def as_foia(cites: list[str]) -> list[str]:
    """A Scottish record's citations in FOIA's numbers, each once."""
    return list(dict.fromkeys(to_foia(c) for c in cites))


def to_foia(cite: str) -> str:
    """A citation in a Scottish reply as FOIA's ('s35(1)(a)' -> 's31(1)(a)', 's25' -> 's21');
    one with no counterpart (s18, NCND) is kept as it is."""
    section, rest = _split(cite)
    if section in ("r10", "r11"):
        return {"r10": "r12", "r11": "r13"}[section] + rest
    for foisa, foia in _FROM_SUBSECTION.items():
        if cite == foisa or cite.startswith(foisa + "("):
            return foia
    if section in _FROM_PARALLEL and rest:
        foia, dropped = _FROM_PARALLEL[section]
        return foia + dropped + rest
    if section == "s31":  # s31(4), defence, is among the subsections above
        return "s24"
    if section == "s33" and rest.startswith("(2)"):
        return "s29"
    if section == "s33":
        return "s43"
    if section == "s39" and rest.startswith("(2)"):
        return "r12"  # FOISA s39(2): environmental information, under the EISRs
    return _TO_FOIA.get(section, cite)


_TYPED = re.compile(r"^\s*(?:foisa\s*(?:section\s*|s\.?\s*)?(\d+\S*)|(?:section\s*|s\.?\s*)?"
                    r"(\d+\S*)\s+(?:of\s+)?foisa)\s*$", re.I)


def typed_foisa(text: str) -> str | None:
    """The FOISA section a user typed ('FOISA s35', 's35 of FOISA' -> 's35'), or None."""
    m = _TYPED.match(text or "")
    return "s" + (m.group(1) or m.group(2)).lower() if m else None


def typed_citation(text: str) -> str:
    """What a user types for a ground, in FOIA's numbers: 'FOISA s35' and 's35 FOISA' (from a
    Scottish refusal letter) are 's31'; anything else is left as it is."""
    foisa = typed_foisa(text)
    return to_foia(foisa) if foisa else text


def scottish_case(reference: str | None) -> bool:
    """Whether a decision is a Court of Session one ('[2006] CSIH 8'), decided under FOISA."""
    return bool(re.search(r"\bCS(?:IH|OH)\b", reference or ""))
