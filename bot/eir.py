"""The Environmental Information Regulations: which drafts they govern, and their wording.

Environmental information (emissions, water, air, land, waste, noise, and plans affecting
them) is requested under the EIR whatever the request cites: no cost limit in hours, a
'manifestly unreasonable' exception instead, and advice due under regulation 9. Pure logic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.prefilter import Prefiltered, lowered_pattern, prefiltered
from bot.reword import S16_SENTENCE

_EIR_RX = r"\b(?i:environmental information regulations)\b|\bEIR\b"
_EIR = Prefiltered(re.compile(_EIR_RX), lowered_pattern(_EIR_RX))
EIR_SENTENCE = ("If answering would be manifestly unreasonable, please advise me under "
                "regulation 9 of the Environmental Information Regulations how I could narrow "
                "the request.")
# what the Environmental Information Regulations cover, whatever the request calls itself:
# emissions, water, air, land, waste, noise, natural sites, and plans and measures affecting them
_ENVIRONMENTAL_RX = (
    r"\b(?:sewage|sewers?|sewerage|storm (?:overflows?|tanks?)|combined sewer overflows?|csos?|"
    r"(?:sewage|effluent|pollution|spills?|discharges?) (?:into|to|in) (?:the )?(?:rivers?|"
    r"sea|streams?|lakes?|lochs?|loughs?|becks?|brooks?|canals?|estuar\w+|waters?|coast\w*)|"
    r"(?:sewage|effluent|wastewater|waste water|storm|overflow) (?:spills?|discharges?)|"
    # 'discharges into the Thames': a named water, not 'discharges into care homes'
    r"(?:discharge[sd]?|spill(?:s|ed)?|dump(?:ed|ing)) into (?:the )?(?-i:[A-Z])\w+|"
    r"wastewater|waste water treatment|bathing waters?|drinking water|water (?:quality|supply|"
    r"leaks?|leakage|abstraction|resources?|pollution|companies|company|bodies)|hosepipe bans?|"
    r"pollut\w*|emissions?|air quality|clean air zones?|nitrogen dioxide|no2|particulates?|"
    r"pm2\.?5|pm10|smog|groundwater|coastal (?:erosion|defences?)|sea (?:defences?|walls?|"
    r"levels?)|rivers?|floods?|flooded|flooding|flood (?:risk|defences?|alleviation)|"
    r"contaminat\w*|pesticides?|herbicides?|glyphosate|fertilisers?|nitrates?|phosphates?|"
    r"biodiversity|habitats?|wildlife|(?:protected|endangered|invasive) species|sssis?|"
    r"ancient woodland|hedgerows?|peat\w*|"
    r"badger culls?|noise (?:complaints?|levels?|nuisance|monitoring)|odour complaints?|"
    r"landfill|fly[- ]?tipping|waste (?:collection|disposal|management|sites?|incinerat\w*|"
    r"water|transfer)|incinerat\w*|recycling|asbestos|radioactive|nuclear waste|"
    r"fracking|hydraulic fracturing|shale gas|oil and gas licen[cs]es?|quarr(?:y|ies)|"
    r"coal mines?|opencast|"
    r"planning (?:applications?|permission)|environmental (?:impact|permits?)|carbon|net zero|"
    # planning control is a measure affecting land (reg 2(1)(c)), whatever it costs or counts:
    # its enforcement, conditions, appeals and obligations (s106), the local plan; building
    # control (the Building Regulations) is not, nor is the upkeep of roads
    r"planning (?:enforcement|breach(?:es)?|contraventions?|conditions?|obligations?|appeals?|"
    r"consents?)|breach(?:es)? of planning|unauthorised (?:development|building works)|"
    r"listed building consents?|conservation areas?|permitted development|lawful development "
    r"certificates?|certificates? of lawful(?:ness)? (?:use|development)|local plan (?:"
    r"allocations?|sites?|reviews?|examination|consultation|polic(?:y|ies)|evidence base)|"
    r"(?:adopted|emerging|submitted) local plan|local development (?:plan|framework|scheme)|"
    r"housing land supply|brownfield (?:land|sites?|register)|section 106 (?:agreements?|"
    r"obligations?|contributions?|monies|money|funds?|payments?)|s106|"
    r"greenhouse gas(?:es)?|trees?|tree preservation orders?|"
    # the state of the air and atmosphere (reg 2(1)(a)): weather and climate observations,
    # not 'weather-related staff absence' or a 'severe weather' protocol
    r"rainfall|snowfall|precipitation|sunshine hours|wind speeds?|droughts?|tide gauges?|"
    r"(?:air|sea|sea surface|surface|land|global) temperatures?|temperature (?:readings?|"
    r"observations?|measurements?|records?|anomal(?:y|ies))|(?:weather|meteorological|"
    r"climate|climatological) (?:observations?|data|records?|readings?|measurements?|"
    r"stations?|monitoring)|(?:weather|met|observing) stations?|"
    # the climate itself, not 'climate protest groups'
    r"climate (?:change|emergency|action|targets?|strategy|plan|adaptation)|"
    r"green ?belt|bypass|road scheme|highways? scheme|low traffic neighbourhoods?|ltns?)\b")
# behind its lowered copy (bot/prefilter.py): the one case-sensitive part, a capital, negates
# nothing
_ENVIRONMENTAL = Prefiltered(re.compile(_ENVIRONMENTAL_RX, re.I),
                             lowered_pattern(_ENVIRONMENTAL_RX))
# the notices of planning control and the cases behind them: 'enforcement notices' alone are
# also the ICO's, the fire service's and the HSE's, so they count only beside planning words
# (in the question, or in another question of the same draft)
_PLANNING_NOTICES = prefiltered(re.compile(
    r"\b(?:enforcement (?:notices?|complaints?|cases?|register|investigations?|action)|stop "
    r"notices?|breach of condition notices?|planning contravention notices?)\b", re.I))
_PLANNING = prefiltered(re.compile(
    r"\bplanning\b|\btown and country planning\b|\bunauthorised (?:development|building "
    r"works)\b|\bs(?:ection)? ?(?:172|183|187a)\b", re.I))
# what a question asks about the body itself (its pay, staff, spending on itself, IT): under
# FOIA even beside questions on sewage, since it is no information on the environment
_ABOUT_THE_BODY = prefiltered(re.compile(
    r"\b(?:bonus(?:es)?|salar(?:y|ies)|pay (?:awards?|rises?|gap|scales?|bands?|grades?)|"
    r"remuneration|executive pay|severance|pay-?offs?|pensions?|expenses|hospitality|gifts|"
    r"staff (?:numbers|sickness|absence|turnover)|sickness absence|headcount|recruitment|"
    r"vacanc(?:y|ies)|agency staff|disciplinary|grievances?|tribunal claims|gender pay|"
    r"diversity|organisation(?:al)? chart|org chart|job titles?|freedom of information "
    r"requests?|foi requests?|subject access|data breach\w*|cyber\w*|it systems?|software|"
    r"laptops?|mobile phones?|credit cards?|company cars?|legal costs|consultancy fees)\b",
    re.I))


def is_environmental(text: str) -> bool:
    """Whether a draft is about environmental information, which the EIR govern (an FOI
    request for it is handled under them whatever it cites)."""
    return bool(_EIR.search(text) or _ENVIRONMENTAL.search(text)
                or planning_notices(text, text))


def planning_notices(question: str, context: str) -> bool:
    """Whether a question asks about planning enforcement notices or cases ('how many
    enforcement notices were served?') in a `context` (the question itself, or its whole
    draft) that is about planning: measures affecting land, so environmental information."""
    return bool(_PLANNING_NOTICES.search(question) and _PLANNING.search(context))


def question_laws(draft_eir: bool, questions: Sequence[str], subject: bool = True
                  ) -> list[bool]:
    """Which of a draft's questions the EIR govern (the rest are FOIA's). An environmental
    draft's questions are all EIR ones, save, in a draft that mixes the two, one plainly about
    the body itself and nothing on the environment: NI Water's executives' bonuses are FOIA's
    beside its sewage discharges. A draft whose environmental subject is named only in its
    opening keeps every question under the EIR. `questions` are as searched, a follow-up with
    the question it follows. Without an environmental `subject` in the opening, questions on
    the environment that are fewer than half are incidental: only they are the EIR's (the
    EISRs' in Scotland), so one about a hospital's contaminated water leaves A&E waits and
    agency spending under FOI. 'How many enforcement notices were served?' is environmental
    beside a question on planning enforcement, not alone (the ICO serves them too)."""
    planning = " ".join(q for q in questions if _PLANNING.search(q))
    own = [is_environmental(q) or planning_notices(q, planning) for q in questions]
    if not draft_eir or not any(own):
        return [draft_eir] * len(questions)
    if not subject and 2 * sum(own) < len(questions):
        return own
    return [mine or not _ABOUT_THE_BODY.search(q) for q, mine in zip(questions, own)]


def opening_subject(text: str, questions: Sequence[str]) -> bool:
    """Whether the words before the draft's first question name an environmental subject
    ('About the sewage discharges at Mogden: 1. ...'); the whole draft when the first
    question cannot be found in it."""
    head = (questions[0] if questions else "")[:30]
    at = text.find(head) if head else -1
    return is_environmental(text[:at] if at >= 0 else text)


def draft_law_is_eir(laws: Sequence[bool]) -> bool:
    """Whether a draft, judged question by question (`question_laws`), is an EIR one: at least
    half its questions are; the rest are named as the other law's."""
    return bool(laws) and 2 * sum(laws) >= len(laws)


# a draft with questions under both: one closing sentence asks for help under each
MIXED_SENTENCE = ("If answering would exceed the cost limit or be manifestly unreasonable, please "
                  "advise me under section 16 of the Freedom of Information Act or regulation 9 "
                  "of the Environmental Information Regulations how I could narrow the request.")
# material in the course of completion (r12(4)(d)): a draft plan, unfinished modelling,
# provisional data. 'Draft' must name a document: 'the draft request' is the requester's own.
_UNFINISHED = prefiltered(re.compile(
    r"\b(?:draft|emerging)\s+(?:[\w-]+\s+){0,4}?(?:plans?|strateg(?:y|ies)|reports?|"
    r"assessments?|stud(?:y|ies)|modelling|models?|proposals?|polic(?:y|ies)|documents?|maps?|"
    r"schemes?|frameworks?|statements?|findings|results|data|options|designs?|guidance|"
    r"versions?|minutes|budgets?|orders?|consultations?)\b|\bdrafts?\s+of\b|"
    r"\b(?:unfinished|incomplete|uncompleted|work[- ]in[- ]progress)\b|"
    r"\b(?:provisional|preliminary|interim|unvalidated|unverified)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:data|figures|results|findings|modelling|models?|reports?|assessments?|readings)\b|"
    r"\bin the course of completion\b|\b(?:not yet|yet to be) (?:been )?(?:finalised|"
    r"finalized|completed?|finished|final|agreed|signed off)\b", re.I))
# as many perfect neighbours as a wording cue in bot/risk.py counts for (CUE_WEIGHT), less a
# little: a qualified exception, weighed in the public interest, that authorities often waive
UNFINISHED_WEIGHT = 1.5


def eir_cues(text: str) -> dict[str, float]:
    """The FOIA sections an environmental question's wording points at under the EIR alone:
    unfinished material is r12(4)(d), which the check reads as FOIA's s22 (see
    EIR_EQUIVALENT), since its neighbours are mostly FOIA replies."""
    return {"s22": UNFINISHED_WEIGHT} if _UNFINISHED.search(text or "") else {}


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
    "r12(4)(d)": "material in the course of completion", "r12(5)(a)": "public safety and security",
    "r12(5)(b)": "the course of justice", "r12(4)(e)": "internal communications",
    "r13": "personal data", "r13(5)": "neither confirm nor deny, for personal data",
    "r12(5)(f)": "information supplied voluntarily",
    "r12(5)(e)": "commercial confidentiality"}
_MOST_LIKELY = re.compile(r"most likely under [^.;]+")


def with_eir(exemptions: list[dict], scottish: bool = False) -> list[dict]:
    """Each likely exemption with the EIR exception that matches it (`eir`); in Scotland the
    EISRs number the same exceptions r10 and r11."""
    out = []
    for ex in exemptions:
        # the EIR allow neither confirming nor denying only under r12(6) (EISR r10(8)), where
        # saying so would harm what r12(5)(a) protects
        # personal data, whose NCND rule is r13(5) (EISR r11(6))
        reg = EIR_EQUIVALENT.get(ex["section"])
        if ex.get("ncnd"):
            reg = "r13(5)" if reg == "r13" else "r12(6)"
        out.append({**ex, "eir": scottish_reg(reg) if scottish else reg} if reg else dict(ex))
    return out


def _one_counterpart(pairs: dict[str, str]) -> dict[str, str]:
    """EIR_EQUIVALENT read backwards, for the exceptions only one FOIA section maps to."""
    sections: dict[str, list[str]] = {}
    for section, reg in pairs.items():
        sections.setdefault(reg, []).append(section)
    return {reg: found[0] for reg, found in sections.items() if len(found) == 1}


# the FOIA exemption that stands where an EIR exception would, for a question under FOIA whose
# neighbours include EIR replies: only where there is one counterpart. Public safety
# (r12(5)(a): s24, s31 or s38), the course of justice (r12(5)(b): s30, s31 or s42) and manifestly
# unreasonable (r12(4)(b): s12 or s14) have none, and are left out; personal data's NCND rule
# is s40's, and internal communications outside a department are s36's
FOIA_EQUIVALENT = {**_one_counterpart(EIR_EQUIVALENT), "r13(5)": "s40", "r12(4)(e)": "s36"}


def foia_only(exemptions: list[dict]) -> list[dict]:
    """A FOIA question's likely exemptions in FOIA's terms: an EIR exception cited by an
    environmental neighbour ('r12(5)(a)' beside a question on bus CCTV) is not a ground the
    authority can use under the Act, so it is read as its FOIA counterpart (its share added to
    that section's) or dropped where it has none."""
    out = {ex["section"]: dict(ex) for ex in exemptions if not ex["section"].startswith("r")}
    for ex in exemptions:
        if not ex["section"].startswith("r"):
            continue
        sec = FOIA_EQUIVALENT.get(uk_reg(ex.get("subsection") or ex["section"]))
        if not sec:
            continue
        if sec in out:
            out[sec]["probability"] = round(out[sec]["probability"] + ex["probability"], 4)
        else:
            out[sec] = {**ex, "section": sec, "subsection": None}
    return sorted(out.values(), key=lambda e: -e["probability"])


def scottish_reg(reg: str) -> str:
    """The EISRs' number for an EIR exception: r12 is their r10, r13 their r11, and the NCND
    rules r12(6) and r13(5) their r10(8) and r11(6)."""
    return {"r12(6)": "r10(8)", "r13(5)": "r11(6)", "r13": "r11"}.get(
        reg, reg.replace("r12(", "r10("))


def uk_reg(reg: str) -> str:
    """The UK EIR's number for an exception given in either numbering: 'r10(4)(b)' is
    'r12(4)(b)', 'r11' is 'r13'."""
    return {"r10(8)": "r12(6)", "r11(6)": "r13(5)", "r11": "r13"}.get(
        reg, reg.replace("r10(", "r12("))


def eir_verdict(verdict: str, exemptions: list[dict], scottish: bool = False) -> str:
    """The verdict naming the EIR exception, with the FOIA section it stands for: a verdict
    'most likely under s12 (cost limit)' for a draft with no cost limit misleads."""
    top = exemptions[0] if exemptions else None
    if not top or not top.get("eir"):
        return verdict
    reg = top["eir"]
    name = _EIR_NAMES.get(uk_reg(reg), "")
    cited = top["subsection"] or top["section"]
    law = "the EISRs" if scottish else "the EIR"
    said = f"most likely under regulation {reg[1:]} of {law} (" + (f"{name}; " if name else "") \
        + f"FOIA's {cited})"
    return _MOST_LIKELY.sub(said, verdict, count=1)


def eir_name(reg: str) -> str:
    """'EIR r12(4)(b)', or 'EISR r10(4)(b)' for Scotland's numbering (r10 and r11)."""
    return f"{'EISR' if reg.startswith(('r10', 'r11')) else 'EIR'} {reg}"


# FOIA's words in the check's rewordings and notes, and what the EIR say instead: no cost limit
# in hours, no aggregation, advice under regulation 9
_FOIA_WORDS = [
    ("the s12 cost limit", "the manifestly unreasonable exception (EIR r12(4)(b))"),
    ("the cost limit turns on", "a burden refusal (EIR r12(4)(b)) turns on"),
    ("fits within the limit", "is no manifestly unreasonable burden"),
    ("the s16 sentence", "the regulation 9 sentence"),
]


def in_eir_words(text: str) -> str:
    """A rewording or note in the EIR's terms: the regulation 9 sentence for the s16 one, the
    manifestly unreasonable exception for the cost limit."""
    text = text.replace(S16_SENTENCE, EIR_SENTENCE)
    for foia, eir in _FOIA_WORDS:
        text = text.replace(foia, eir)
    return text
