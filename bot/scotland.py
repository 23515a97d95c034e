"""Requests to Scottish public authorities: the check in FOISA's terms. Pure logic.

The Freedom of Information (Scotland) Act 2002 covers the same ground as FOIA with other
numbers, another cost limit (£600 of staff time, not 18 hours), another advice duty (s15, not
s16), a *substantial*-prejudice test for its harm-based exemptions and another regulator (the
Scottish Information Commissioner). The corpus is mostly English, so a check keeps FOIA's
numbers (the precedents cite them) and puts FOISA's beside them, and the wording the requester
pastes cites FOISA.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.assessment import Assessment, QuestionAssessment
from bot.eir import EIR_NOTE, EIR_SENTENCE, MIXED_SENTENCE, is_environmental, scottish_reg
from bot.explain import EXPLAIN_FROM, GROUNDS
from bot.overall import AGGREGATION
from bot.prefilter import prefiltered
from bot.reword import S16_SENTENCE, Rewording
from corpus.foisa import NCND_SECTION, substantial, to_foisa

# Scottish bodies by name: the country, its councils' and health boards' places, and its
# national bodies. Not 'New Scotland Yard' (the Met), nor 'Caledonian Road' or 'Napier' alone.
_BODY = prefiltered(re.compile(
    r"\b(?:(?<!new )scotland(?! yard)|scottish|glasgow|edinburgh|aberdeen(?:shire)?|dundee|"
    r"highland council|nhs highland|highlands and islands|fife|(?:mid|east|west)?lothian|"
    r"lanarkshire|ayrshire|renfrewshire|dunbartonshire|inverclyde|clackmannanshire|falkirk|"
    r"stirling|moray|orkney|shetland|argyll|dumfries|galloway|angus council|perth and kinross|"
    r"eilean siar|comhairle|western isles|tayside|grampian|forth valley|nhs borders|nhs 24|"
    r"nhsggc|heriot[- ]watt|university of st andrews|strathclyde|abertay|robert gordon|"
    r"calmac|caledonian macbrayne|naturescot|sepa|procurator fiscal|crown office|"
    r"lord advocate|visitscotland|sportscotland|care inspectorate(?! wales)|"
    r"accountant in bankruptcy|police investigations and review commissioner|"
    r"marine directorate|loch lomond|cairngorms|ferguson marine|david macbrayne|"
    r"caledonian maritime assets|transport scotland|historic environment scotland|"
    r"creative scotland|skills development scotland|audit scotland|"
    r"highlands and islands airports|hial|edinburgh trams|lothian buses)\b", re.I))
# UK bodies and companies whose names say Scotland but which FOISA does not cover (the Scotland
# Office and the BBC answer under FOIA; banks and power companies under neither)
_NOT_SCOTTISH = re.compile(
    r"\bscotland office\b|\bsecretary of state for scotland\b|\badvocate general for scotland"
    r"|\bbbc\b|\bscottish affairs committee\b|\bbank of scotland\b|\bscottish widows\b|"
    r"\bscottish ?power\b|\baberdeen (?:asset|standard|group)\b|\bscottish (?:and|&) southern\b",
    re.I)
# 'Edinburgh Road Surgery, Maidstone': a street named after a Scottish place
_STREET = re.compile(r"\b[\w'-]+ (?:road|street|lane|avenue|drive|crescent|terrace|gardens|"
                     r"square|way)\b", re.I)
# a draft that cites Scotland's Acts itself: 'under the Freedom of Information (Scotland) Act'
_CITES_FOISA = prefiltered(re.compile(
    r"freedom of information \(scotland\) act|\bfoisa\b|\beisrs?\b|"
    r"environmental information \(scotland\) regulations|scottish information commissioner",
    re.I))

FOISA_SENTENCE = ("If answering would exceed the cost limit, please advise me under section 15 of "
                  "the Freedom of Information (Scotland) Act how I could narrow the request.")
EISR_SENTENCE = ("If answering would be manifestly unreasonable, please advise me under "
                 "regulation 9 of the Environmental Information (Scotland) Regulations how I "
                 "could narrow the request.")
_ROUTE = ("ask for a review within 40 working days, then appeal to the Scottish Information "
          "Commissioner (not the ICO), and on a point of law to the Court of Session. The "
          "precedents and track records here are mostly English and Welsh replies under FOIA, "
          "and the tribunal decisions UK ones; this check names FOIA's sections, as they cite "
          "them, with FOISA's beside them where they differ.")
NOTE = ("Scotland: the Freedom of Information (Scotland) Act 2002 (FOISA) applies, not FOIA. "
        "Its cost limit is £600 of staff time (40 hours at £15 an hour); its harm-based "
        "exemptions need substantial prejudice, a higher bar than FOIA's; " + _ROUTE)
EISR_SCOTLAND_NOTE = ("Scotland: environmental information is requested under the Environmental "
                      "Information (Scotland) Regulations 2004 (FOISA s39(2) hands it to them), "
                      "not FOIA or FOISA; " + _ROUTE)
MIXED_SCOTTISH_SENTENCE = (
    "If answering would exceed the cost limit or be manifestly unreasonable, please advise me "
    "under section 15 of the Freedom of Information (Scotland) Act or regulation 9 of the "
    "Environmental Information (Scotland) Regulations how I could narrow the request.")
EISR_NOTE = ("Environmental information (the Environmental Information (Scotland) Regulations "
             "2004): there is no cost limit; the nearest ground is 'manifestly unreasonable' "
             "(regulation 10(4)(b)), every exception but personal data (regulation 11) carries a "
             "public interest test with a presumption in favour of disclosure, and advice is due "
             "under regulation 9. Where this check names FOIA sections, read the exception that "
             "matches (s12 as r10(4)(b), s40 as r11, s43 as r10(5)(e)).")


def scottish_body(name: str) -> bool:
    """Whether a name is a Scottish public authority's (Police Scotland, Glasgow City Council,
    NHS Lothian, SEPA...), not a UK body's or a company's that only mentions Scotland."""
    name = _STREET.sub(" ", name or "")
    return bool(_BODY.search(name)) and not _NOT_SCOTTISH.search(name)


def applies(authority: str | None, text: str) -> bool:
    """Whether FOISA governs the request: the authority is a Scottish one; with none named,
    the draft cites Scotland's Act itself. A named body decides (a Home Office question about
    the Children (Scotland) Act is under FOIA), and a draft that only mentions Police Scotland
    says nothing about whom it goes to."""
    if authority:
        return scottish_body(authority)
    return bool(_CITES_FOISA.search(text))


def misapplied(authority: str | None, text: str) -> str | None:
    """The warning for a draft that cites FOISA to a body it does not cover."""
    if not authority or scottish_body(authority) or not _CITES_FOISA.search(text):
        return None
    if is_environmental(text):  # the EISRs' counterpart is the EIR, not FOIA
        return (f"Your draft cites Scotland's law, but {authority} is not a Scottish public "
                "authority as far as this check knows, so it is checked under the EIR: a body "
                "in England, Wales or Northern Ireland, or a UK-wide one, answers requests for "
                "environmental information under the Environmental Information Regulations "
                "2004, with appeals to the ICO. Cite those instead.")
    return (f"Your draft cites Scotland's Act (FOISA), but {authority} is not a Scottish public "
            "authority as far as this check knows, so it is checked under FOIA: a body in "
            "England, Wales or Northern Ireland, or a UK-wide one, answers under the Freedom of "
            "Information Act 2000, with appeals to the ICO. Cite that Act instead.")


def foisa_of(ex: dict) -> str | None:
    """A likely exemption's FOISA citation; NCND is FOISA's s18, read with the ground."""
    foisa = to_foisa(ex.get("subsection") or ex.get("section") or "")
    return f"{NCND_SECTION} with {foisa}" if foisa and ex.get("ncnd") else foisa


def with_foisa(exemptions: list[dict]) -> list[dict]:
    """Each likely exemption with FOISA's citation beside FOIA's (`foisa`; null where FOISA
    has no such ground)."""
    return [{**ex, "foisa": foisa_of(ex)} for ex in exemptions]


def note_on(ex: dict) -> str:
    """One clause on an exemption in Scotland: its FOISA number and what differs there."""
    cite = ex.get("subsection") or ex["section"]
    foisa = foisa_of(ex)
    if foisa is None:
        return f"{cite} has no FOISA counterpart"
    if ex["section"] == "s12":
        return "FOISA's s12 limit is £600 of staff time (40 hours at £15 an hour)"
    clause = f"{cite} is FOISA {foisa}" if foisa != cite else f"{cite} is the same in FOISA"
    ground = foisa.rsplit(" ", 1)[-1]  # 's35' of 's18 with s35'
    if substantial(ground):
        clause += ", which needs substantial prejudice, a higher bar than FOIA's"
    elif ground.startswith(("s29", "s34", "s36", "s37", "s38", "s41", "s25", "s26", "s33(1)(a)")):
        clause += ", which is class-based: no harm need be shown"
    return clause


# the EIR's words that differ in the EISRs, beyond their numbers
_EISR_WORDS = [
    ("under the EIR it must reconsider within 40 working days (regulation 11), and then you can "
     "complain to the ICO", "under the EISRs it must review within 20 working days (regulation "
     "16), and then you can appeal to the Scottish Information Commissioner"),
    ("answered under FOIA, with its cost limit and advice under section 16",
     "answered under FOISA, with its £600 cost limit and advice under section 15"),
    ("The EIR have no cost limit in hours (FOIA's is only a guide)",
     "The EISRs have no cost limit (FOISA's £600 is only a guide)"),
    # a FOISA draft's question or two on the environment
    ("answered under the EIR, with no cost limit and advice under regulation 9",
     "answered under the EISRs, with no cost limit and advice under regulation 9"),
    ("the other questions under FOIA.", "the other questions under FOISA."),
    ("the other question under FOIA.", "the other question under FOISA."),
    ("under the EIR.", "under the EISRs."), ("the EIR have", "the EISRs have"),
    ("the EIR's vexatious", "the EISRs' vexatious"),
]
_EIR_CITE = re.compile(r"\bEIR (r\d+(?:\(\w+\))*)")


def _words(text: str) -> str:
    """The draft's and the advice's FOIA wording in FOISA's (and the EIR's in the EISRs')."""
    text = (text.replace(S16_SENTENCE, FOISA_SENTENCE).replace(EIR_SENTENCE, EISR_SENTENCE)
            .replace(MIXED_SENTENCE, MIXED_SCOTTISH_SENTENCE)
            .replace(EIR_NOTE, EISR_NOTE).replace(AGGREGATION, ".")
            .replace("the s16 sentence", "the s15 sentence"))
    for eir, eisr in _EISR_WORDS:
        text = text.replace(eir, eisr)
    return _EIR_CITE.sub(lambda m: "EISR " + scottish_reg(m.group(1)), text)


# the whole-draft advice for a FOISA draft, keyed by the FOIA advice's heading (the words
# before its first colon): FOISA's numbers, its £600 limit, its s15 advice duty, its review
# (20 working days, s21) and its Commissioner
_SIC = "the Scottish Information Commissioner"
_IN_FOISA_TERMS = {
    "Cost limit (s12)":
        "Cost limit (FOISA s12): 'all information' and long periods are the commonest reason "
        "for a refusal; FOISA's limit is £600 of staff time (40 hours at £15 an hour). Name the "
        "documents you want and limit the period. Add: \"" + FOISA_SENTENCE + "\"",
    "Personal data (s40)":
        "Personal data (FOISA s38, FOIA's s40): ask for anonymised totals, not names; small "
        "numbers may be suppressed. Senior officials acting in their official role are usually "
        "named.",
    "Commercial interests (s43)":
        "Commercial interests (FOISA s33(1)(b), FOIA's s43): it needs substantial prejudice; "
        "ask after the contract is awarded, for the total value rather than unit prices or "
        "bids.",
    "Already published (s21)":
        "Already published (FOISA s25, FOIA's s21): check the authority's website and "
        "publication scheme first; if it is published, the reply will only point you there.",
    "Tone (s14)":
        "Tone (FOISA s14(1), vexatious): accusations and insults let an authority call a "
        "request vexatious. Keep to neutral words and ask only for the recorded information; "
        "take a complaint to the complaints procedure or the Scottish Public Services "
        "Ombudsman instead.",
    "No reply yet (s10)":
        "No reply yet (FOISA s10): an authority must answer within 20 working days. Rather "
        "than send the request again, ask for a review of its failure to respond (FOISA s20), "
        f"then apply to {_SIC}.",
    "Internal review":
        "Review: this reads as a request to review an earlier reply, not a new request. Send it "
        "to the authority within 40 working days of the reply, quoting its reference and "
        "saying why the reply or exemption was wrong; it must answer within 20 working days "
        f"(FOISA s21), and then you can apply to {_SIC}.",
    "Repeated requests (s14(2))":
        "Repeated requests (FOISA s14(2)): an authority need not answer a request identical "
        "or substantially similar to one it answered from you, unless a reasonable time has "
        "passed. Ask for something new, or ask for a review of the earlier reply, then apply "
        f"to {_SIC}.",
    "Information about a named private person":
        "Information about a named private person: disclosure is to the world, so it is exempt "
        "(FOISA s38, FOIA's s40). For your own records, make a subject access request under "
        "data protection law instead; for someone else's, ask only for anonymised figures.",
    "Housing associations are not public authorities under FOIA in England and Wales":
        "Housing associations: in Scotland registered social landlords are covered by FOISA "
        "(since November 2019) for their housing and homelessness services; elsewhere they are "
        "not public authorities under FOIA.",
}
_FOIA_CITE = re.compile(r"\((s\d+(?:\(\w+\))*)\)")
_SECTION_16 = re.compile(r"under section 16\b(?! of the Freedom of Information \(Scotland\))")


def in_foisa_terms(advice: str) -> str:
    """One piece of whole-draft advice as FOISA has it: its own text for the cues' advice, and
    for a ground's ('Law enforcement (s31): ...') FOISA's number beside FOIA's and the s15
    duty for the s16 one. Advice already in the EIR's terms is left to `_words`."""
    head = advice.split(":", 1)[0]
    own = _IN_FOISA_TERMS.get(head)
    # the cost limit's own ground advice ('narrow the period, ask fewer parts ...') keeps its
    # words; only the cue's ('all information' and long periods) has FOISA's text
    if own and (head != "Cost limit (s12)" or "'all information'" in advice):
        return own
    if head.startswith(("Many parts (s12)", "Split the request")):
        advice = advice.replace("Many parts (s12)", "Many parts (FOISA s12, £600)").replace(
            " spaced apart", "")
    elif _FOIA_CITE.search(head) and "EIR" not in head:
        def cited(m: re.Match) -> str:
            foisa = to_foisa(m.group(1))
            if m.group(1) == "s12":
                return "(FOISA s12, £600 of staff time)"
            return (f"(FOISA {m.group(1)})" if foisa == m.group(1) else
                    f"(FOISA {foisa}, FOIA's {m.group(1)})" if foisa else m.group(0))
        advice = _FOIA_CITE.sub(cited, head, count=1) + advice[len(head):]
    if advice.startswith(NCND_NOTE_START):
        advice += f" In Scotland that is FOISA {NCND_SECTION}."
    advice = _SECTION_16.sub("under section 15 of the Freedom of Information (Scotland) Act",
                             advice)
    return _words(advice)


NCND_NOTE_START = "\"Neither confirm nor deny\" (NCND)"

# the FOIA grounds a rewording's reason cites whose FOISA number differs; the cost limit (s12)
# and vexatious requests (s14) keep theirs, and the s16 sentence is the s15 one (`_words`)
_WHY_CITE = re.compile(r"(?<!FOISA )(?<!FOIA's )\b(s(?:21|31|35|36|38|40|41|43)(?:\(\w+\))*)")
# where FOISA's subsection is not FOIA's with the section renumbered: the factual-background
# rule of FOIA s35(4) is FOISA s29(3), and NCND is FOISA's s18 read with the ground
_WHY_OVERRIDES = {"s35(4)": "s29(3)", "s31(3)": f"{NCND_SECTION} with s35"}


def foisa_why(why: str) -> str:
    """A rewording's reason in FOISA's numbers: 's35 protects the policy debate ... (s35(2))'
    to the Scottish Government is FOISA s29 and s29(2), since FOISA's s35 is law enforcement;
    a Scottish requester quoting the reason back cites the Act that applies."""
    def cited(m: re.Match) -> str:
        foisa = _WHY_OVERRIDES.get(m.group(1)) or to_foisa(m.group(1))
        return f"FOISA {foisa}" if foisa else m.group(0)
    return _WHY_CITE.sub(cited, _words(why))


def _question(q: QuestionAssessment, eisr: bool = False) -> QuestionAssessment:
    """One question in FOISA's terms; under the EISRs (`eisr`) its exceptions and explanation
    are in theirs already, and FOISA's numbers and £600 limit would mislead."""
    if eisr:
        return replace(q, rewordings=[Rewording(_words(r.text), _words(r.why), r.based_on)
                                      for r in q.rewordings])
    # an explanation of s12 gives FOISA's £600 limit itself (explain_citation's `scottish`):
    # no 'In Scotland' note says it again
    shown = [e for e in q.likely_exemptions if e["probability"] >= EXPLAIN_FROM
             and e["section"] in GROUNDS
             and not (e["section"] == "s12" and "£600" in q.explanation)]
    explanation = q.explanation
    if shown:
        explanation += " In Scotland: " + "; ".join(note_on(e) for e in shown) + "."
    return replace(q, likely_exemptions=with_foisa(q.likely_exemptions), explanation=explanation,
                   rewordings=[Rewording(_words(r.text), foisa_why(r.why), r.based_on)
                               for r in q.rewordings])


def adapt(a: Assessment, eir: bool = False, laws: Sequence[bool] | None = None) -> Assessment:
    """The assessment in FOISA's terms (the EISRs' for environmental information): numbers
    beside FOIA's, the s15 sentence in place of the s16 one, the Scottish limits and appeal
    route in the advice. `laws`: which questions the EISRs govern (all, if `eir` and none
    given); an exemption already given the EISRs' number gets no FOISA one beside it."""
    overall = a.overall
    laws = list(laws) if laws is not None else [eir] * len(a.questions)
    exemptions = [ex if ex.get("eir") else {**ex, "foisa": foisa_of(ex)}
                  for ex in overall.likely_exemptions]
    verdict = overall.verdict
    top = exemptions[0] if exemptions else None  # the one the verdict names
    if top and top.get("foisa") not in (None, top["subsection"] or top["section"]) and \
            "most likely under" in verdict and not eir:  # the EISRs' number is named already
        verdict += f" In Scotland that is FOISA {top['foisa']}."
    advice = [EISR_SCOTLAND_NOTE if eir else NOTE] + [
        _words(x) if eir else in_foisa_terms(x) for x in overall.advice]
    overall = replace(overall, verdict=verdict, likely_exemptions=exemptions, advice=advice,
                      revised_draft=_words(overall.revised_draft))
    return replace(a, questions=[_question(q, e) for q, e in zip(a.questions, laws)],
                   overall=overall, law="EISR" if eir else "FOISA")
