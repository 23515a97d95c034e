"""The Environmental Information Regulations: which drafts they govern, and their wording.

Environmental information (emissions, water, air, land, waste, noise, and plans affecting
them) is requested under the EIR whatever the request cites: no cost limit in hours, a
'manifestly unreasonable' exception instead, and advice due under regulation 9. Pure logic.
"""

from __future__ import annotations

import re

_EIR = re.compile(r"\b(?i:environmental information regulations)\b|\bEIR\b")
EIR_SENTENCE = ("If answering would be manifestly unreasonable, please advise me under "
                "regulation 9 of the Environmental Information Regulations how I could narrow "
                "the request.")
# what the Environmental Information Regulations cover, whatever the request calls itself:
# emissions, water, air, land, waste, noise, natural sites, and plans and measures affecting them
_ENVIRONMENTAL = re.compile(
    r"\b(?:sewage|pollut\w*|emissions?|air quality|water quality|rivers?|flood(?:ing|s)?|"
    r"contaminat\w*|pesticides?|biodiversity|habitats?|noise (?:complaints?|levels?|nuisance)|"
    r"landfill|fly[- ]?tipping|waste (?:collection|disposal|management|sites?)|recycling|"
    r"planning (?:applications?|permission)|environmental impact|carbon|net zero|trees?|"
    # the climate itself, not 'climate protest groups'
    r"climate (?:change|emergency|action|targets?|strategy|plan|adaptation)|"
    r"green ?belt|bypass|road scheme|highways? scheme|low traffic neighbourhoods?|ltns?)\b", re.I)


def is_environmental(text: str) -> bool:
    """Whether a draft is about environmental information, which the EIR govern (an FOI
    request for it is handled under them whatever it cites)."""
    return bool(_EIR.search(text) or _ENVIRONMENTAL.search(text))


EIR_NOTE = ("Environmental information (EIR): there is no cost limit; the nearest ground is "
            "'manifestly unreasonable' (regulation 12(4)(b)), every exception but personal data "
            "(regulation 13) carries a public interest test with a presumption in favour of "
            "disclosure, and advice and assistance is due under regulation 9. Where this check "
            "names FOIA sections, read the EIR exception that matches (s12 as r12(4)(b), s40 as "
            "r13, s43 as r12(5)(e)).")


# the EIR exception that stands where each FOIA exemption would: a check's neighbours are
# mostly FOIA replies, so their sections are read across for an environmental draft
EIR_EQUIVALENT = {
    "s12": "r12(4)(b)", "s14": "r12(4)(b)", "s21": "r6(1)(b)", "s22": "r12(4)(d)",
    "s23": "r12(5)(a)", "s24": "r12(5)(a)", "s26": "r12(5)(a)", "s27": "r12(5)(a)",
    "s30": "r12(5)(b)", "s31": "r12(5)(b)", "s35": "r12(4)(e)", "s36": "r12(4)(e)",
    "s38": "r12(5)(a)", "s40": "r13", "s41": "r12(5)(f)", "s42": "r12(5)(b)",
    "s43": "r12(5)(e)",
}
_EIR_NAMES = {
    "r12(6)": "neither confirm nor deny, only where saying so would harm public safety or "
              "national security",
    "r12(4)(b)": "manifestly unreasonable", "r6(1)(b)": "already publicly available",
    "r12(4)(d)": "unfinished material", "r12(5)(a)": "public safety and security",
    "r12(5)(b)": "the course of justice", "r12(4)(e)": "internal communications",
    "r13": "personal data", "r12(5)(f)": "information supplied voluntarily",
    "r12(5)(e)": "commercial confidentiality"}
_MOST_LIKELY = re.compile(r"most likely under [^.;]+")


def with_eir(exemptions: list[dict], scottish: bool = False) -> list[dict]:
    """Each likely exemption with the EIR exception that matches it (`eir`); in Scotland the
    EISRs number the same exceptions r10 and r11."""
    out = []
    for ex in exemptions:
        # the EIR allow neither confirming nor denying only under r12(6) (EISR r10(8)), where
        # saying so would harm what r12(5)(a) protects
        reg = "r12(6)" if ex.get("ncnd") else EIR_EQUIVALENT.get(ex["section"])
        if reg and scottish and reg == "r12(6)":
            reg = "r10(8)"
        elif reg and scottish:
            reg = "r11" if reg == "r13" else reg.replace("r12(", "r10(")
        out.append({**ex, "eir": reg} if reg else dict(ex))
    return out


def eir_verdict(verdict: str, exemptions: list[dict], scottish: bool = False) -> str:
    """The verdict naming the EIR exception, with the FOIA section it stands for: a verdict
    'most likely under s12 (cost limit)' for a draft with no cost limit misleads."""
    top = exemptions[0] if exemptions else None
    if not top or not top.get("eir"):
        return verdict
    reg = top["eir"]
    name = _EIR_NAMES.get({"r10(8)": "r12(6)"}.get(reg) or
                          reg.replace("r10(", "r12(").replace("r11", "r13"), "")
    cited = top["subsection"] or top["section"]
    law = "the EISRs" if scottish else "the EIR"
    said = f"most likely under regulation {reg[1:]} of {law} (" + (f"{name}; " if name else "") \
        + f"FOIA's {cited})"
    return _MOST_LIKELY.sub(said, verdict, count=1)


def eir_name(reg: str) -> str:
    """'EIR r12(4)(b)', or 'EISR r10(4)(b)' for Scotland's numbering (r10 and r11)."""
    return f"{'EISR' if reg.startswith(('r10', 'r11')) else 'EIR'} {reg}"
