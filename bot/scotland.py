"""Requests to Scottish public authorities: the check in FOISA's terms. Pure logic.

The Freedom of Information (Scotland) Act 2002 covers the same ground as FOIA with other
numbers, another cost limit (£600 of staff time, not 18 hours), another advice duty (s15, not
s16), a *substantial* prejudice test and another regulator (the Scottish Information
Commissioner). The corpus is mostly English, so a check keeps FOIA's numbers (the precedents
cite them) and puts FOISA's beside them, and the wording the requester pastes cites FOISA.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.assessment import Assessment, QuestionAssessment
from bot.eir import EIR_NOTE, EIR_SENTENCE
from bot.explain import EXPLAIN_FROM, GROUNDS
from bot.reword import S16_SENTENCE, Rewording
from corpus.foisa import NCND_SECTION, SUBSTANTIAL, to_foisa

# Scottish bodies by name: the country, its councils' and health boards' places, and its
# national bodies. Not 'New Scotland Yard' (the Met), nor 'Caledonian Road' or 'Napier' alone.
_BODY = re.compile(
    r"\b(?:(?<!new )scotland(?! yard)|scottish|glasgow|edinburgh|aberdeen(?:shire)?|dundee|"
    r"highland council|nhs highland|highlands and islands|fife|lothian|lanarkshire|ayrshire|"
    r"renfrewshire|dunbartonshire|inverclyde|clackmannanshire|falkirk|stirling|moray|orkney|"
    r"shetland|argyll|dumfries|galloway|angus council|perth and kinross|eilean siar|"
    r"western isles|tayside|grampian|forth valley|nhs borders|heriot[- ]watt|"
    r"university of st andrews|strathclyde|abertay|calmac|naturescot|sepa|procurator fiscal)\b",
    re.I)
# a draft that cites the Act itself, whoever it is addressed to
_CITES_FOISA = re.compile(r"\(scotland\) act|\bfoisa\b|\bscottish information commissioner",
                          re.I)
# with no authority named, a Scottish body the draft speaks to
_DRAFT = re.compile(_CITES_FOISA.pattern + r"|\bscottish government\b|\bpolice scotland\b",
                    re.I)

FOISA_SENTENCE = ("If answering would exceed the cost limit, please advise me under section 15 of "
                  "the Freedom of Information (Scotland) Act how I could narrow the request.")
EISR_SENTENCE = ("If answering would be manifestly unreasonable, please advise me under "
                 "regulation 9 of the Environmental Information (Scotland) Regulations how I "
                 "could narrow the request.")
NOTE = ("Scotland: the Freedom of Information (Scotland) Act 2002 (FOISA) applies, not FOIA. "
        "Its cost limit is £600 of staff time (40 hours at £15 an hour); its prejudice-based "
        "exemptions need substantial prejudice, a higher bar than FOIA's; ask for a review within "
        "40 working days, then appeal to the Scottish Information Commissioner (not the ICO). "
        "This check names FOIA's sections, as the precedents cite them, with FOISA's beside "
        "them where they differ.")
EISR_NOTE = ("Environmental information (the Environmental Information (Scotland) Regulations "
             "2004): there is no cost limit; the nearest ground is 'manifestly unreasonable' "
             "(regulation 10(4)(b)), every exception carries a public interest test with a "
             "presumption in favour of disclosure, and advice is due under regulation 9. Where "
             "this check names FOIA sections, read the exception that matches (s12 as "
             "r10(4)(b), s40 as r11, s43 as r10(5)(e)).")
# FOISA has no rule adding up one person's requests for the cost limit
_AGGREGATION = "; space related requests out, since requests within 60 working days can be " \
               "aggregated for the cost limit."


def applies(authority: str | None, text: str) -> bool:
    """Whether FOISA governs the request: the authority is Scottish; or the draft cites FOISA
    (the requester knows a body this list does not); or, with no authority named, the draft
    speaks to a Scottish body. 'How many officers did Police Scotland send?' asked of the
    Home Office is not a Scottish request."""
    if authority and _BODY.search(authority):
        return True
    return bool((_CITES_FOISA if authority else _DRAFT).search(text))


def foisa_of(ex: dict) -> str | None:
    return to_foisa(ex.get("subsection") or ex.get("section") or "")


def with_foisa(exemptions: list[dict]) -> list[dict]:
    """Each likely exemption with FOISA's number beside FOIA's (`foisa`; absent where FOISA
    has no such ground)."""
    out = []
    for ex in exemptions:
        foisa = foisa_of(ex)
        out.append({**ex, **({"foisa": foisa} if foisa else {})})
    return out


def note_on(ex: dict) -> str:
    """One clause on an exemption in Scotland: its FOISA number and what differs there."""
    cite = ex.get("subsection") or ex["section"]
    foisa = foisa_of(ex)
    if foisa is None:
        return f"{cite} has no FOISA counterpart (the security bodies are not Scottish authorities)"
    if ex["section"] == "s12":
        return "FOISA's s12 limit is £600 of staff time (40 hours at £15 an hour), not 18 hours"
    clause = f"{cite} is FOISA {foisa}" if foisa != cite else f"{cite} is the same in FOISA"
    if ex["section"] in SUBSTANTIAL:
        clause += ", which needs substantial prejudice, a higher bar than FOIA's"
    if ex.get("ncnd"):
        clause += f"; FOISA's neither-confirm-nor-deny is {NCND_SECTION}"
    return clause


def _words(text: str) -> str:
    """The draft's and the advice's FOIA wording in FOISA's (and the EIR's in the EISRs')."""
    return (text.replace(S16_SENTENCE, FOISA_SENTENCE).replace(EIR_SENTENCE, EISR_SENTENCE)
            .replace(EIR_NOTE, EISR_NOTE).replace(_AGGREGATION, ".")
            .replace("the s16 sentence", "the s15 sentence").replace("EIR r12(", "EISR r10("))


def _question(q: QuestionAssessment) -> QuestionAssessment:
    shown = [e for e in q.likely_exemptions if e["probability"] >= EXPLAIN_FROM
             and e["section"] in GROUNDS]
    explanation = q.explanation
    if shown:
        explanation += " In Scotland: " + "; ".join(note_on(e) for e in shown) + "."
    return replace(q, likely_exemptions=with_foisa(q.likely_exemptions), explanation=explanation,
                   rewordings=[Rewording(_words(r.text), _words(r.why), r.based_on)
                               for r in q.rewordings])


def adapt(a: Assessment) -> Assessment:
    """The assessment in FOISA's terms: numbers beside FOIA's, the s15 sentence in place of the
    s16 one, the Scottish limits and appeal route in the advice."""
    overall = a.overall
    exemptions = with_foisa(overall.likely_exemptions)
    verdict = overall.verdict
    top = exemptions[0] if exemptions else None  # the one the verdict names
    if top and top.get("foisa") not in (None, top["subsection"] or top["section"]) and \
            "most likely under" in verdict:
        verdict += f" In Scotland that is FOISA {top['foisa']}."
    advice = [NOTE] + [_words(x) for x in overall.advice]
    overall = replace(overall, verdict=verdict, likely_exemptions=exemptions, advice=advice,
                      revised_draft=_words(overall.revised_draft))
    return replace(a, questions=[_question(q) for q in a.questions],
                   overall=overall, law="FOISA")
