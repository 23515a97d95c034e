"""The whole draft: its verdict, the advice that applies to all of it, and the revised draft.

Built from the questions' assessments and the draft's own words (cost limit, personal data,
tone, repeated requests, a subject access request in disguise...). Pure logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.assessment import Overall, QuestionAssessment
from bot.eir import EIR_NOTE, EIR_SENTENCE, MIXED_SENTENCE, eir_cues, is_environmental
from bot.explain import EXPLAIN_FROM, GROUNDS, NCND_NOTE, S31_IT_AROUND
from bot.prefilter import prefiltered_pairs
from bot.reword import (
    OWN_DEALINGS,
    S16_SENTENCE,
    WANTS,
    asks_the_same,
    asks_why,
    pasteable,
    plain_question,
    recorded_reasons,
)
from bot.risk import ABOUT_PEOPLE
from corpus.exemptions import as_printed

_GENERAL = prefiltered_pairs([
    # 'everything you hold about HS2', 'any information relating to X': the textbook s12 refusal
    (re.compile(r"\b(all (information|correspondence|records|emails|documents|data)|any and all|"
                r"every (email|document|record)|since (19|20)\d\d|everything (?:(?:that )?you "
                r"(?:hold|have|keep)|held) (?:about|on|regarding|concerning|relating to|in "
                r"relation to)|everything (?:about|on|regarding|concerning|relating to)|"
                r"(?:any|all) (?:the )?(?:information|documents|records|data|material) "
                r"(?:(?:that )?(?:you (?:hold|have)|(?:is )?held) )?(?:about|on|regarding|"
                r"concerning|relating to|related to|in relation to))\b", re.I),
     "Cost limit (s12): 'all information' and long periods are the commonest reason for a "
     "refusal. Name the documents you want and limit the period. Add: \"" + S16_SENTENCE + "\""),
    (ABOUT_PEOPLE,
     "Personal data (s40): ask for anonymised totals, not names; small numbers may be suppressed. "
     "Senior officials acting in their official role are usually named."),
    (re.compile(r"\b(contracts?|tenders?|suppliers?|unit (price|cost)|pricing|bids?|invoices?)\b",
                re.I),
     "Commercial interests (s43): ask after the contract is awarded, for the total value rather "
     "than unit prices or bids."),
    # planning enforcement notices are on a register anyone may inspect
    (re.compile(r"\b(annual report|statement of accounts|published|statistics|budget book|"
                r"minutes|enforcement notices?|enforcement register|planning register)\b", re.I),
     "Already published (s21): check the authority's website and disclosure log first; if it is "
     "published, the reply will only point you there."),
    # 'Does the council think ...?', 'Who was to blame?', 'Will the council admit ...?'
    (re.compile(r"\b(do|does) (you|the \w+) (think|believe|feel|consider)\b|\bin your (view|"
                r"opinion)\b|\bwho (is|was) to blame\b|\bwill (you|the \w+) (admit|apologi[sz]e)\b"
                r"|\bwhy (did|does|do|has|have) (you|the \w+)\b|\bjustify\b", re.I),
     "Recorded information only: FOI gives access to information the authority holds, not to "
     "its opinions or explanations. Ask for the documents that record the decision (reports, "
     "minutes, emails, the decision notice); a question asking why, or what it thinks, is "
     "often answered 'not held'."),
    # 'You are a bunch of corrupt liars ...': the tone, not the question, draws the refusal
    (TONE := re.compile(
        r"\b(you|your|you're|you are|you lot|the council|the force)\b[^.?!]{0,40}\b("
        r"liars?|lying|corrupt|incompetent|useless|idiots?|disgrace(ful)?|shameful|"
        r"cover(ing)?[- ]?up|crooks?|pathetic|clowns)\b|\b(liars?|crooks?|idiots?|"
        r"clowns)\b[^.?!]{0,30}\b(you|your)\b", re.I),
     "Tone (s14): accusations and insults let an authority call a request vexatious. Keep to "
     "neutral words and ask only for the recorded information; take a complaint to the "
     "complaints procedure or the Ombudsman instead."),
    # 'you keep ignoring me': a request not answered is a complaint about delay, not a repeat
    (re.compile(r"\b(keep ignoring|no (reply|response) (yet|at all|to my)|not (yet )?(replied|"
                r"responded)|still waiting|heard nothing|ignored my)\b", re.I),
     "No reply yet (s10): an authority must answer within 20 working days. Rather than send the "
     "request again, ask for an internal review of the delay, then complain to the ICO."),
    (re.compile(r"\binternal review\b", re.I),
     "Internal review: this reads as a request to review an earlier reply, not a new request. "
     "Send it to the authority quoting its reference and saying why the reply or exemption was "
     "wrong; it should answer within 20 working days, and then you can complain to the ICO."),
    (re.compile(r"\bhousing associations?\b", re.I),
     "Housing associations are not public authorities under FOIA in England and Wales: ask "
     "the council or the Regulator of Social Housing, or use the association's own access "
     "policy. (In Scotland registered social landlords are covered by FOISA.)"),
    # 'my late mother's care home records': a relative's records, not a request to the world
    (re.compile(r"\bmy (?:late )?(?:mother|father|mum|dad|husband|wife|partner|son|daughter|"
                r"brother|sister|grandmother|grandfather|gran|nan)['’]?s? (?:[\w-]+ ){0,3}"
                r"(?:records|notes|file)\b", re.I),
     "A relative's records: FOI disclosure is to the world, so personal records are exempt. "
     "For someone who has died, a personal representative can use the Access to Health Records "
     "Act 1990 for health records; otherwise ask the body about its own access arrangements."),
    # 'This is my fifth request on this subject'
    (re.compile(r"\b((ask(ing)?|request(ing)?) (this )?again|(second|third|fourth|fifth|another) "
                r"(request|time)|(already|previously) "
                r"(asked|requested)|keep refusing)\b", re.I),
     "Repeated requests (s14(2)): an authority need not answer a request identical or "
     "substantially similar to one it answered from you recently. Ask for something new, or "
     "request an internal review of the earlier reply, then complain to the ICO."),
    # 'all information you hold about Mr John Peters of 14 Acacia Avenue'
    (re.compile(r"\b(about|on|regarding|concerning) (mr|mrs|ms|miss|dr)\.? [A-Z]\w+"
                r"|\b(about|on) (my|me|myself|my (late )?(mother|father|son|daughter))\b"
                r"|\b\d{1,4} [A-Z]\w+ (avenue|road|street|lane|close|drive|way|crescent)\b", re.I),
     "Information about a named private person: FOI disclosure is to the world, so it is "
     "exempt (s40). For your own records, make a subject access request under data protection "
     "law instead; for someone else's, ask only for anonymised figures."),
])


# the same advice for environmental information, which the EIR govern: no cost limit in hours,
# no s16, no repeat-request rule, and their own exception numbers (keyed by the FOIA advice's
# heading, the words before its first colon)
_IN_EIR_TERMS = {
    "Cost limit (s12)":
        "Burden (EIR r12(4)(b), manifestly unreasonable): 'all information' and long periods "
        "are the commonest reason for a refusal. The EIR have no cost limit in hours (FOIA's is "
        "only a guide), but a request that would take a disproportionate effort can be refused "
        "as manifestly unreasonable. Name the documents you want and limit the period. Add: \""
        + EIR_SENTENCE + "\"",
    "Personal data (s40)":
        "Personal data (EIR r13, FOIA's s40): ask for anonymised totals, not names; small "
        "numbers may be suppressed. Senior officials acting in their official role are usually "
        "named.",
    "Commercial interests (s43)":
        "Commercial confidentiality (EIR r12(5)(e), FOIA's s43): ask after the contract is "
        "awarded, for the total value rather than unit prices or bids. Information on "
        "emissions cannot be withheld under it.",
    "Already published (s21)":
        "Already published (EIR r6(1)(b)): check the authority's website and disclosure log "
        "first; if it is published, the reply will only point you there.",
    "Tone (s14)":
        "Tone (EIR r12(4)(b), manifestly unreasonable): accusations and insults let an "
        "authority call a request manifestly unreasonable, the EIR's vexatious. Keep to neutral "
        "words and ask only for the recorded information; take a complaint to the complaints "
        "procedure or the Ombudsman instead.",
    "No reply yet (s10)":
        "No reply yet (EIR r5(2)): an authority must answer within 20 working days (40 if the "
        "request is complex and voluminous, and it must say so). Rather than send the request "
        "again, ask it to reconsider (an internal review) the delay, then complain to the ICO.",
    "Internal review":
        "Internal review: this reads as a request to reconsider an earlier reply, not a new "
        "request. Send it to the authority within 40 working days of the reply, quoting its "
        "reference and saying why the reply or exception was wrong; under the EIR it must "
        "reconsider within 40 working days (regulation 11), and then you can complain to the "
        "ICO.",
    "Repeated requests (s14(2))":
        "Repeated requests (EIR r12(4)(b)): the EIR have no repeat-request rule as such, but a "
        "request substantially similar to one answered recently can be refused as manifestly "
        "unreasonable. Ask for something new, or ask for an internal review of the earlier "
        "reply, then complain to the ICO.",
    "Information about a named private person":
        "Information about a named private person: disclosure is to the world, so it is exempt "
        "(EIR r13, FOIA's s40). For your own records, make a subject access request under data "
        "protection law instead; for someone else's, ask only for anonymised figures.",
}


# a draft plan or unfinished modelling: withheld while in the course of completion, sometimes
UNFINISHED = (
    "Unfinished material (EIR r12(4)(d)): a draft plan or strategy, or modelling still under "
    "way, can be withheld while it is being completed, though the public interest often "
    "favours release and a refusal must say when it should be finished. Ask too for the data "
    "and evidence it rests on, which are usually complete, or for the date the final version "
    "or consultation is due.")


def _in_eir_terms(advice: str) -> str:
    """One piece of general advice as the EIR would have it (unchanged if they say the same)."""
    eir = _IN_EIR_TERMS.get(advice.split(":", 1)[0])
    return eir or advice.replace(S16_SENTENCE, EIR_SENTENCE).replace(AGGREGATION, ".")


def general_advice(text: str, assessed: Sequence[QuestionAssessment], eir: bool = False,
                   skip: Sequence[int] = ()) -> list[str]:
    """The advice the draft's words call for, in the EIR's terms for environmental
    information (`eir`); questions in `skip` (0-based: outside the law at this body) take no
    part in the split advice."""
    advice = [msg for rx, msg in _GENERAL if rx.search(text)]
    if len(assessed) > 8 and eir:
        advice.insert(0, f"Many parts (EIR r12(4)(b)): {len(assessed)} questions in one request "
                      "is a lot; the authority weighs the burden of all parts together, so one "
                      "hard part can make the whole manifestly unreasonable. Send fewer, or split "
                      "them into separate requests. Add: \"" + EIR_SENTENCE + "\"")
    elif len(assessed) > 8:
        advice.insert(0, f"Many parts (s12): {len(assessed)} questions in one request is a lot; "
                      "authorities add up the time for all parts, so one hard part can sink the "
                      "rest. Send fewer, or split them into separate requests spaced apart. Add: "
                      "\"" + S16_SENTENCE + "\"")
    if eir:
        advice = [_in_eir_terms(a) for a in advice] + ([UNFINISHED] if eir_cues(text) else [])
    if not has_lead(text, assessed) and (
            vague := [i for i, q in enumerate(assessed, 1)
                      if i - 1 not in skip and too_vague(q.text)]):
        advice.append(vague_advice(vague, eir))
    # judged as each would fare on its own: in a sensitive draft a harmless question's risk is
    # raised by its company, which is exactly what splitting the request removes
    alone = [q.level_alone or q.level for q in assessed]
    for i, q in enumerate(assessed):  # a follow-up goes wherever the question it follows goes
        if q.follows is not None:
            alone[i] = alone[q.follows]
    risky = [i for i, level in enumerate(alone, 1) if level in ("medium", "high")
             and i - 1 not in skip]
    safe = [i for i, level in enumerate(alone, 1) if level == "low" and i - 1 not in skip]
    # a draft the user sees rated low throughout is not told to split: nothing shown is at risk
    shown_risky = any(q.level in ("medium", "high") for i, q in enumerate(assessed)
                      if i not in skip)
    if risky and safe and shown_risky:
        advice.append(
            f"Split the request: send question{'s' if len(safe) > 1 else ''} "
            f"{_numbers(safe)} on {'their' if len(safe) > 1 else 'its'} own and "
            f"question{'s' if len(risky) > 1 else ''} "
            f"{_numbers(risky)} separately. One sensitive part can sink a whole request, while "
            "others answer the harmless parts" + ("." if eir else AGGREGATION))
    return advice


_GREETING_LINE = re.compile(r"^\s*(?:dear|to|fao|hello|hi|good (?:morning|afternoon))\b.*$",
                            re.I | re.M)


def has_lead(text: str, assessed: Sequence[QuestionAssessment]) -> bool:
    """Whether words before the first question say what the questions are about ('Please
    provide the following about your CCTV contract: 1. Supplier 2. Value'): then a one-word
    question is a field of it, not a vague question. A greeting line says nothing of it."""
    first = assessed[0].text if assessed else ""
    at = text.find(first) if first else -1
    lead = _GREETING_LINE.sub("", text[:at] if at > 0 else "")
    return len(re.findall(r"[A-Za-z]{3,}", lead)) >= 3


def too_vague(question: str) -> bool:
    """Whether a question is too short to say what it asks ('Budget?', 'Staff numbers'): no
    subject, period or part of the body, so the authority must ask what is meant."""
    return len(re.findall(r"[A-Za-z]+", question)) <= 2


def vague_advice(numbers: Sequence[int], eir: bool = False) -> str:
    """What to do about questions too vague to answer, by their numbers."""
    duty = "regulation 9 of the EIR" if eir else "s16"
    return (f"Too vague to answer (question{'s' if len(numbers) > 1 else ''} "
            f"{_numbers(list(numbers))}): say what you want, for which period and which part of "
            "the authority (for example \"the revenue budget for 2024/25, by department\"). "
            f"The authority must help you say it ({duty}), but it may first ask "
            "what you mean, and the time limit runs again from your answer.")


# FOIA adds up one person's related requests for its cost limit; FOISA and the EIR do not
AGGREGATION = ("; space related requests out, since requests within 60 working days can be "
               "aggregated for the cost limit.")


def _numbers(items: Iterable[int]) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _merge_exemptions(assessed: Sequence[QuestionAssessment]) -> list[dict]:
    best: dict[tuple[str, bool], dict] = {}
    for q in assessed:
        for ex in q.likely_exemptions:
            key = (ex["section"], ex["ncnd"])
            if key not in best or ex["probability"] > best[key]["probability"]:
                best[key] = dict(ex)
    return sorted(best.values(), key=lambda e: -e["probability"])[:4]


def verdict(assessed: Sequence[QuestionAssessment], exemptions: list[dict]) -> str:
    high = sum(q.level == "high" for q in assessed)
    medium = sum(q.level == "medium" for q in assessed)
    unknown = sum(q.level == "unknown" for q in assessed)
    n = len(assessed)
    top = exemptions[0] if exemptions else None
    ground = GROUNDS.get(top["section"]) if top else None
    why = f", most likely under {as_printed(top['subsection'] or top['section'])}" + (
        f" ({ground.name})" if ground else "") if top else ""
    if high:
        head = (f"High risk: {high} of {n} question{'s' if n > 1 else ''} "
                f"look{'s' if high == 1 else ''} likely to be refused")
    elif medium:
        head = f"Medium risk: {medium} of {n} question{'s' if n > 1 else ''} may be refused"
    elif unknown == n:  # nothing close to judge by: no verdict on what was answered
        return (f"No close precedent: nothing asked before is near enough to judge "
                f"{'these questions' if n > 1 else 'this question'} by.")
    else:
        head = f"Low risk: similar questions were usually answered ({n} checked)"
        why = ""
    tail = f"; {unknown} with no close precedent" if unknown else ""
    return head + why + tail + "."


def rest_risk(levels: Sequence[str]) -> str:
    """The risk of the questions left to ask ('at most low risk; 1 with no close precedent'):
    'unknown' is no level, but the want of a close precedent, so it is said as that."""
    known = [lv for lv in levels if lv != "unknown"]
    unknown = len(levels) - len(known)
    if not known:
        return "no close precedent to judge by"
    order = ("low", "medium", "high")
    worst = max(known, key=lambda lv: order.index(lv) if lv in order else -1)
    head = f"{'at most ' if len(known) > 1 else ''}{worst} risk"
    return head + (f"; {unknown} with no close precedent" if unknown else "")


# '(b) Where is each of the cameras in (a) located?': the revised draft numbers its questions,
# so a lettered draft's cross-references are renamed to match
_LETTERED = re.compile(r"^\s*\(?[a-h]\)", re.M)
_LETTER_REF = re.compile(r"\(([a-h])\)")


def _renamed_refs(text: str, count: int) -> str:
    return _LETTER_REF.sub(lambda m: f"question {ord(m.group(1)) - 96}"
                           if ord(m.group(1)) - 96 <= count else m.group(0), text)


# 'I am writing to ask how many children ...', '... in unregistered homes. Thank you.': a
# prose draft's words around its questions, which the revised draft's numbered list drops
_LEAD_IN = re.compile(r"^(?:i am writing to (?:ask|request|find out)|i(?:'d| would) like to "
                      r"(?:know|ask|request)|please (?:tell me|let me know|advise me)|could you "
                      r"(?:please )?(?:tell me|let me know))\s*,?\s*", re.I)
_THANKS_TAIL = re.compile(r"(?<=[.?!])\s*(?:thank you|thanks|many thanks)\b[^.?!]*[.!]?\s*$",
                          re.I)


# 'In addition, could you tell me ...', 'Finally, how many ...': a letter's joins between its
# questions, which a numbered list does without
_CONNECTIVE = re.compile(r"^(?:in addition|additionally|also|further(?:more)?|moreover|finally|"
                         r"lastly|secondly|thirdly|then|and|plus)\s*[,:]?\s+(?=\w)", re.I)
# 'I would therefore like to request ...': an adverb inside a lead-in
_LEAD_IN_ADVERB = re.compile(r"^(i(?:'d| would)) (?:therefore|also|further|additionally|now) "
                             r"(like to)\b", re.I)


def as_asked(text: str) -> str:
    """A question as a numbered line of a request: no joining word or lead-in, no thanks, a
    closing mark; 'I would like to request X' and 'I would like to know how many X' said as
    the request it is ('Please provide X.'), not left as a bare noun phrase."""
    bare = _LEAD_IN_ADVERB.sub(r"\1 \2", _CONNECTIVE.sub("", text.strip()))
    if m := WANTS.match(bare):  # 'I would like to request the number of ...'
        bare = f"Please provide {bare[m.end():]}"
    bare = _THANKS_TAIL.sub("", _LEAD_IN.sub("", bare)).strip()
    return pasteable(bare[:1].upper() + bare[1:]) if bare else text


EDITORIAL_WHY = "about programmes or editorial work, which FOI does not cover there"
OWN_DATA_WHY = "information about yourself: ask for it by a subject access request"
TONE_LEFT_OUT = ("(Insults, accusations and asides are left out: an authority may refuse a "
                 "request as vexatious for its tone alone. Keep the covering letter neutral "
                 "too.)")
# 'the idiot responsible for highways', '... while my road falls apart?': words a neutral
# request does without
_INSULT_NOUN = re.compile(r"\bthe (?:idiots?|clowns?|crooks?|morons?|imbeciles?|liars?|"
                          r"jokers?|fools?)\b", re.I)
_ASIDE = re.compile(r",?\s+(?:while|whilst) (?:my|our|people|residents|taxpayers|the public|"
                    r"everyone|we)\b[^?.!]*", re.I)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=\S)")


def neutral(text: str) -> str:
    """A question without its insults: sentences aimed at the authority dropped, 'the idiot'
    made 'the officer', an aside ('while my road falls apart') cut; '' if nothing is left."""
    kept = [s for s in _SENTENCE.split(text.strip()) if not TONE.search(s)]
    said = " ".join(kept)
    said = _INSULT_NOUN.sub(lambda m: "The officer" if m.group(0)[0].isupper() else
                            "the officer", said)
    return _ASIDE.sub("", said).strip()


def your_question(i: int, text: str, words: int = 8) -> str:
    """'your question 3 ("How much was paid per night per room…")': the draft's own number
    (0-based in) with its first words, since the revised draft numbers its questions anew."""
    said = plain_question(text).split()
    quoted = " ".join(said[:words]) + ("…" if len(said) > words else "")
    return f'your question {i + 1} ("{quoted}")'


OWN_DEALINGS_WHY = ("it asks about your own dealings with the body, whose records are "
                    "information about you: ask for them by a subject access request (for "
                    "example \"Please provide the records of how my complaints of <dates> were "
                    "handled, including any decision and its reasons.\"), and take a complaint "
                    "about how you were treated to the complaints procedure or the Ombudsman")


def revised_draft(assessed: Sequence[QuestionAssessment], advice: Sequence[str],
                  closing: str = S16_SENTENCE, lettered: bool = False,
                  outside: Sequence[int] = (), outside_why: str = EDITORIAL_WHY,
                  toned: bool = False) -> str:
    """The draft as it had best be sent; `outside`: questions (0-based) the law does not reach
    at this body (a broadcaster's editorial work, a water company's pay), left out and said
    so (`outside_why`), since no wording of them can be answered. A draft whose tone risks a
    vexatious refusal (`toned`) loses its insults. Every question left out is named in the
    user's own numbering with its first words (the revised list is numbered anew); a 'why'
    question asks for the records behind the decision instead (FOI gives recorded
    information), or, about the requester's own complaints, is left out for a SAR."""
    lines, left_out = [], []
    used: set[str] = set()
    asks_else: set[int] = set()  # questions the revised draft asks differently, not extends
    for i, q in enumerate(assessed):
        yours = your_question(i, q.text)
        if i in outside:
            left_out.append(f"{yours}: {outside_why}")
            continue
        # one question's rewording is not another's: 'Who supplies the ANPR cameras?' does not
        # become the count already put in for 'How many ANPR cameras?', nor 'the names of the
        # staff dismissed' the count question 1 asks already
        others = [o.text for j, o in enumerate(assessed) if j != i and o.text != q.text] + \
            [line.split(". ", 1)[-1] for line in lines]
        unused = [r.text for r in q.rewordings if r.text not in used]
        fresh = [t for t in unused if not any(asks_the_same(t, o) for o in others)]
        risky = q.level in ("medium", "high") or q.level_alone in ("medium", "high") or \
            bool(ABOUT_PEOPLE.search(q.text))
        if risky and unused and not fresh:  # its safer wording would ask another's question
            same = next((f"your question {j + 1}" for j, o in enumerate(assessed)
                         if j != i and o.text != q.text and asks_the_same(unused[0], o.text)),
                        "another question")
            safer = re.split(r"(?<=[.?!])\s+", unused[0], maxsplit=1)[0]
            left_out.append(f'{yours}: its safer wording ("{safer}") asks what {same} '
                            "asks already")
            continue
        text = fresh[0] if fresh and risky else q.text
        if asks_why(text):  # FOI gives recorded information, not explanations
            if OWN_DEALINGS.search(text):
                left_out.append(f"{yours}: {OWN_DEALINGS_WHY}")
                continue
            text = recorded_reasons(text) or text
        used.add(text)
        # 'Please tell me how many X. Please limit...' still asks 'I would like to know how many X'
        if not any(text.startswith(asked.rstrip("?. ")) for asked in (q.text,
                                                                      plain_question(q.text))):
            asks_else.add(i)
        if q.follows in asks_else and text == q.text:
            # 'If so, was a ransom paid?' after a question now asked differently hangs on nothing
            left_out.append(f"{yours}: it followed your question {q.follows + 1}, which the "
                            "revised draft asks differently")
            continue
        if toned:
            text = neutral(text)
            if not text:
                left_out.append(f"{yours}: it was only an accusation")
                continue
        text = as_asked(text)
        if lettered:
            text = _renamed_refs(text, len(assessed))
        # the s16 sentence closes the whole draft once, not every question that asked for it
        text = text.replace(S16_SENTENCE, "").replace(EIR_SENTENCE, "") \
            .replace(MIXED_SENTENCE, "").strip()
        lines.append(f"{len(lines) + 1}. {text}")
    lines.append("")
    if left_out:
        lines += [f"(Left out: {'; '.join(left_out)}.)", ""]
    if toned:
        lines += [TONE_LEFT_OUT, ""]
    lines.append(closing)
    return "\n".join(lines)


# 'Kind regards,' on a line of its own: what follows is the requester's name, address, e-mail
# and phone, which no advice cue reads as a request for someone's data ('14 Station Road')
_SIGN_OFF = re.compile(r"^[ \t]*(?:yours (?:faithfully|sincerely|truly)|(?:kind|best|warm|many)"
                       r" regards|regards|best wishes|(?:many )?thanks(?: again)?|thank you"
                       r"(?: (?:very much|in advance))?|cheers)[ \t]*[,.!]?[ \t]*$", re.I | re.M)


def without_signature(text: str) -> str:
    """The draft without its sign-off block (the line 'Kind regards,' and all after it)."""
    m = _SIGN_OFF.search(text or "")
    return text[:m.start()] if m and text[:m.start()].strip() else text


def overall(assessed: Sequence[QuestionAssessment], text: str, eir: bool | None = None,
            foia: Sequence[int] = (), outside: Sequence[int] = (),
            environmental: Sequence[int] = (), outside_why: str = EDITORIAL_WHY) -> Overall:
    """The verdict, advice and revised draft; `eir` when the caller has judged it already,
    `foia` the questions (0-based) of an environmental draft that are FOIA's nonetheless,
    `environmental` those of a FOIA draft that are the EIR's, and `outside` those the law
    does not reach at the body (left out of the revised draft, for `outside_why`). The
    sign-off block (name, address, e-mail, phone) is no part of what the cues read."""
    body = without_signature(text)
    exemptions = _merge_exemptions(assessed)
    eir = is_environmental(body) if eir is None else eir
    mine = own_data_questions([q.text for q in assessed], body)
    if mine and len(mine) == len(assessed):  # 'all information you hold about me'
        return Overall(max(max((q.risk for q in assessed), default=0.0), OWN_DATA_RISK),
                       OWN_DATA_VERDICT, [dict(OWN_DATA_EXEMPTION)], [SAR_ADVICE],
                       sar_draft([q.text for q in assessed]))
    advice = _follows_grounds(general_advice(body, assessed, eir, skip=[*outside, *mine]),
                              assessed)
    if eir:  # no cost limit, so no adding up of requests for it either
        advice += [EIR_NOTE] + ([mixed_note(foia, len(assessed))] if foia else [])
    elif environmental:
        advice += [environmental_note(environmental, len(assessed)), EIR_NOTE]
    if any(e["ncnd"] and e["probability"] >= EXPLAIN_FROM for e in exemptions):
        advice.append(NCND_NOTE)
    asked = [q for i, q in enumerate(assessed) if i not in outside and i not in mine]
    risk = max((q.risk for q in asked or assessed), default=0.0)
    said = verdict(asked or assessed, _merge_exemptions(asked) if asked else exemptions)
    if mine:  # a question about the requester among FOI ones: that part is a SAR
        said = (f"Partly not FOI: {_which(mine)} information about yourself, which FOI does "
                "not give you (s40(1), absolute); ask for it by a subject access request "
                f"(free, answered within a month). The rest: {said[:1].lower()}{said[1:]}")
        advice.append(SAR_ADVICE)
    toned = bool(TONE.search(body))
    if toned:  # the tone can sink a request whatever its questions: said first
        head = TONE_VERDICT_EIR if eir else TONE_VERDICT
        said = f"{head} Otherwise: {said[:1].lower()}{said[1:]}"
        risk = max(risk, TONE_RISK)
        advice = [a for a in advice if a.startswith("Tone (")] + \
            [a for a in advice if not a.startswith("Tone (")]
    closing = (MIXED_SENTENCE if foia else EIR_SENTENCE) if eir else \
        (MIXED_SENTENCE if environmental else S16_SENTENCE)
    left = sorted({*outside, *mine})
    why = outside_why if not mine else OWN_DATA_WHY if not outside else \
        f"{outside_why}; or {OWN_DATA_WHY}"
    return Overall(risk, said, exemptions, advice,
                   revised_draft(assessed, advice, closing,
                                 lettered=bool(_LETTERED.search(text)), outside=left,
                                 outside_why=why, toned=toned))


def _which(items: Sequence[int]) -> str:
    """'question 2 asks for' or 'questions 1 and 3 ask for' (0-based in)."""
    many = len(items) > 1
    return (f"question{'s' if many else ''} {_numbers(i + 1 for i in items)} "
            f"ask{'' if many else 's'} for")


# an insulting or accusing draft: a vexatious refusal (s14(1)) needs no exemption, so it is
# at least a medium risk whatever its questions' precedents say
TONE_RISK = 0.5
TONE_VERDICT = ("Tone risk (s14): the draft's insults and accusations could get the whole "
                "request refused as vexatious, whatever its questions; send it in neutral "
                "words (the revised draft below leaves them out).")
TONE_VERDICT_EIR = ("Tone risk (EIR r12(4)(b), manifestly unreasonable): the draft's insults "
                    "and accusations could get the whole request refused, whatever its "
                    "questions; send it in neutral words (the revised draft below leaves them "
                    "out).")


# advice a wording cue calls for that is about one ground: given only when a question shows it
_GROUND_ADVICE = {"Commercial interests (s43)": "s43",
                  "Commercial confidentiality (EIR r12(5)(e), FOIA's s43)": "s43"}
MAX_GROUND_ADVICE = 3


def _shown(assessed: Sequence[QuestionAssessment], section: str,
           at_least: float = 0.0) -> list[int]:
    """The questions (1-based) that list `section` among their likely exemptions."""
    return [i for i, q in enumerate(assessed, 1)
            if any(e["section"] == section and e["probability"] >= at_least
                   for e in q.likely_exemptions)]


# words that make law enforcement or security a real concern for a question, whatever its
# risk: crime and policing, security measures, surveillance, prisons, IT attacks
LAW_ENFORCEMENT_CUES = re.compile(
    r"\b(?:crimes?|criminal|offen(?:ces?|ders?)|polic(?:e|ing)|arrests?|prosecut\w*|"
    r"stop and search|firearms?|weapons?|tasers?|covert|surveillance|informants?|tactics?|"
    r"cctv|cameras?|anpr|facial recognition|security|secur(?:e|ity) (?:measures|controls)|"
    r"fraud|theft|burglar\w*|terror\w*|prisons?|prisoners?|custody|cyber\w*|attacks?|"
    r"ransom\w*|malware|hack\w*|phishing|firewalls?|anti-?virus|vulnerabilit\w*|breach(?:es)?|"
    r"immigration enforcement|raids?)\b", re.I)
# an IT or cyber question: only these are told about certifications, ICO-reported breaches
# and product versions
IT_CUES = re.compile(
    r"\b(?:cyber\w*|it (?:systems?|department|security|infrastructure|staff|team)|software|"
    r"firewalls?|anti-?virus|ransom\w*|malware|phishing|servers?|networks?|patch(?:es|ing)?|"
    r"encrypt\w*|passwords?|hack\w*|operating systems?|windows|microsoft|cloud|backups?|"
    r"penetration test\w*|vulnerabilit\w*|ddos|data breach(?:es)?|cyber essentials|iso ?27001|"
    r"psn|email filter\w*|endpoint)\b", re.I)


def law_enforcement_concerns(assessed: Sequence[QuestionAssessment]) -> list[int]:
    """The questions (1-based) for which s31 is a real concern: at medium or high risk with
    s31 its leading exemption, or worded about crime, policing or security. s31 is in most
    questions' list at 10-15% from the corpus's mix alone, and its advice (tactics, camera
    locations, IT certifications) is noise on ministerial correspondence or a VC's pay."""
    def leads(q: QuestionAssessment) -> bool:
        top = q.likely_exemptions[0] if q.likely_exemptions else None
        return bool(top and top["section"] == "s31" and top["probability"] >= EXPLAIN_FROM)
    return [i for i, q in enumerate(assessed, 1)
            if (q.level in ("medium", "high") and leads(q))
            or (LAW_ENFORCEMENT_CUES.search(q.text) and
                any(e["section"] == "s31" and e["probability"] >= EXPLAIN_FROM
                    for e in q.likely_exemptions))]


def _follows_grounds(advice: list[str], assessed: Sequence[QuestionAssessment]) -> list[str]:
    """The whole-draft advice follows the grounds the questions show: a cue's advice about a
    ground no question lists is dropped (s43 for a facial-recognition draft because it names
    a supplier), and each ground shown that no advice covers gets its way around, naming the
    questions it was flagged for."""
    if not assessed:
        return advice
    kept = [a for a in advice if a.split(":", 1)[0] not in _GROUND_ADVICE
            or _shown(assessed, _GROUND_ADVICE[a.split(":", 1)[0]])]
    added = 0
    for ex in _merge_exemptions(assessed):
        section = ex["section"]
        ground = GROUNDS.get(section)
        if ex.get("eir") or not ground or ex["probability"] < EXPLAIN_FROM or \
                any(f"({section}" in a or f"{section})" in a for a in kept):
            continue  # the EIR's exceptions have their own notes; one piece of advice a ground
        flagged = _shown(assessed, section, EXPLAIN_FROM)
        around = ground.around
        if section == "s31":  # a prior's 12% beside VC pay is no law-enforcement concern
            flagged = law_enforcement_concerns(assessed)
            if not flagged:
                continue
            if not any(IT_CUES.search(assessed[i - 1].text) for i in flagged):
                around = around.replace(S31_IT_AROUND, "")
        which = "" if len(flagged) == len(assessed) else \
            f", flagged for question{'s' if len(flagged) > 1 else ''} {_numbers(flagged)}"
        kept.append(f"{ground.name[:1].upper()}{ground.name[1:]} ({section}){which}: "
                    f"{around[:1].lower()}{around[1:]}")
        added += 1
        if added == MAX_GROUND_ADVICE:
            break
    return kept


def _under_other_law(which: Sequence[int], count: int, why: tuple[str, str], law: str,
                     other: str) -> str:
    """'Question 2 asks for environmental information, so it is answered under the EIR, ...;
    the other questions under FOIA.': which questions a second law governs, and why; `why`
    is the reason for one question and for several."""
    many, rest = len(which) > 1, count - len(which)
    others = f"; the other question{'s' if rest > 1 else ''} under {other}." if rest else "."
    return (f"Question{'s' if many else ''} {_numbers(i + 1 for i in which)} "
            f"{why[many]}, so {'they are' if many else 'it is'} answered under {law}" + others)


def mixed_note(foia: Sequence[int], count: int) -> str:
    """What a draft with questions under both laws needs told: which are FOIA's."""
    return _under_other_law(foia, count, ("is about the authority itself, not the environment",
                                          "are about the authority itself, not the environment"),
                            "FOIA, with its cost limit and advice under section 16", "the EIR")


def environmental_note(environmental: Sequence[int], count: int) -> str:
    """What a FOIA draft with a question or two on the environment needs told: those are the
    EIR's (one word on the environment does not make the whole draft theirs)."""
    return _under_other_law(environmental, count,
                            ("asks for environmental information",
                             "ask for environmental information"),
                            "the EIR, with no cost limit and advice under regulation 9", "FOIA")


_OWN_DATA = re.compile(r"\b(?:about|on|regarding|concerning|mention|mentions|mentioning|that "
                       r"mention) (?:me|myself|my name)\b|\bmy "
                       r"(?:own )?(?:case (?:notes|file)|file|records|personal (?:data|"
                       r"information)|data|notes)\b", re.I)
OWN_DATA_VERDICT = (
    "Not an FOI request: information about yourself is exempt under FOI (s40(1), absolute), "
    "but yours to have by a subject access request under data protection law (free, answered "
    "within a month). Send it as a subject access request instead.")


OWN_DATA_RISK = 0.9
# what FOI answers to a request for one's own data: absolutely exempt, and no harm to argue
OWN_DATA_EXEMPTION = {"section": "s40", "subsection": "s40(1)", "probability": 0.9,
                      "ncnd": False}
SAR_ADVICE = (
    "Subject access request: information about you is yours to have under Article 15 of the "
    "UK GDPR, not FOI. Send the request to the body's data protection officer (any wording "
    "will do, in writing or not); it is free and must be answered within one month (up to "
    "three more if complex, and it must say so), and the body may ask for proof of identity. "
    "If it does not answer or withholds without a reason, complain to the ICO. FOI's cost "
    "limit, exemptions and internal review do not apply.")
SAR_CLOSING = ("I understand that this request is free and that you should reply within one "
               "month. If you need proof of my identity, please tell me what you need.")


def own_data_questions(questions: Sequence[str], text: str) -> list[int]:
    """The questions (0-based) that ask for the requester's own data; every question when the
    draft asks for it (a one-paragraph SAR) and no question says so by itself."""
    if not _OWN_DATA.search(text or ""):
        return []
    return [i for i, q in enumerate(questions) if _OWN_DATA.search(q)] or \
        list(range(len(questions)))


def sar_draft(questions: Sequence[str]) -> str:
    """A subject access request in place of an FOI draft: UK GDPR Art. 15, free, one month."""
    items = [f"{i}. {as_asked(q)}" for i, q in enumerate(questions, 1)]
    return "\n".join([
        "Subject access request",
        "",
        "Under Article 15 of the UK GDPR, please provide a copy of the personal data you hold "
        "about me, with the purposes for which you hold it, who it has been shared with and "
        "where it came from. In particular:",
        *items,
        "",
        SAR_CLOSING])
