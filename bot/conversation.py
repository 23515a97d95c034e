"""The conversation, face-independent: a line from the user in, text replies out.

The terminal chat drives it directly; the same intents back the bot's commands. State per
user is small: the authority they write to and their last assessment (never stored on disk).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from bot.advice import Advisor, DraftError, off_topic_note
from bot.assessment import Assessment
from bot.authority import mend_body_words
from bot.explain import explain
from bot.greeting import body_name, greeted, names_a_body
from bot.periods import NO_PERIOD_NOTE, new_period, with_period
from bot.render import assessment_text, draft_precedents_text, precedents_text
from bot.reword import sends_as_asked
from bot.track_record import KIND_NAMES, authority_kind
from corpus.split import SALUTATION, clean_request, signs_off

HELP = """Paste a draft FOI request and I will check each question against real past responses.
Other things you can type:
  authority NAME        set the authority you are writing to (its history comes first)
  precedents TOPIC      what happened when people asked about TOPIC
  what happened when people asked ...?   (the same, in plain words)
  why [N]               why question N (or the one we are discussing, or every risky
                        one) may be refused;  why all  every risky one
  reword [N]            suggested rewordings for question N (likewise);  reword all
  which is riskiest     the question most likely to be refused, and why
  what should I do      the verdict and the advice for the whole draft
  is it published?  would they refuse it?   short questions about the draft, answered
  and for NAME          the same draft checked for another authority
  revised               the whole draft rewritten, ready to copy
  what about 2022?      the same draft asked for another period
  show precedents [N]   the past questions closest to your draft's (or question N, or d)
  start over            forget the draft and the authority
  explain s31           what an exemption protects and how to get around it
  help                  this text;  quit  to leave"""

_PRECEDENT_Q = re.compile(
    r"^(?:/precedents\b|precedents?\b(?: (?:for|on|about))?|what happened when (?:people|someone|"
    r"anyone) asked(?: about)?|has anyone asked(?: about)?|have people asked(?: about)?)\s*(.*)$",
    re.I | re.S)
# 'start over', 'reset', 'new draft': the draft and the authority forgotten, a fresh start
_START_OVER = re.compile(r"^/?(?:start\s+(?:over|again|afresh)|restart|reset|new\s+draft|"
                         r"clear(?:\s+(?:it|all|everything|the\s+draft))?|forget\s+(?:it|that|"
                         r"everything|my\s+draft)|forget|new|scratch\s+that)\W*$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1}
# which question a follow-up means: 'question 2', 'q2', '#2', '2', 'the second one', 'the last'
# a lettered draft's '(c)', 'part c', 'c' (not 'a', an article)
_REF = (r"(?:(?:question|q|number|no\.?|part)\s*#?\s*\d+|#?\d+|(?:the\s+)?(?:" +
        "|".join(_ORDINALS) + r")(?:\s+(?:one|question|part))?|it|this(?:\s+one)?|that(?:\s+one)?|"
        r"(?:question|part|q)\s*\(?[a-h]\)?|\([a-h]\)|[b-h]|"
        r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+(?:one|question|part))?)")
# the whole draft, not one question: 'why all', 'reword them', 'show precedents for my draft'
_EVERY = (r"(?:all|them|everything|every\s*(?:one|question|thing)|(?:my\s+|the\s+|this\s+)?"
          r"(?:draft|request))")
# 'show precedents', 'show precedents 4', 'show precedents d', 'show me the precedents for q2',
# 'show precedents for question 2', 'precedents 2', 'precedents for (c)': the precedents the
# check found for the draft, or for one of its questions; never a one-line draft
_SHOW_PRECEDENTS = re.compile(
    r"^/?(?:(?:(?:show|give|list|see)(?:\s+me)?|can\s+i\s+(?:see|have)|what\s+are)\s+(?:the\s+|its\s+|"
    r"my\s+)?(?:closest\s+)?(?:precedents?|past\s+(?:responses|requests|answers|cases)|similar\s+"
    r"(?:requests|cases))(?:\s+(?:(?:for|on|of|to)\s+)?(?:(" + _EVERY + r")|(" + _REF +
    r"|\(?a\)?)))?|precedents?\s+(?:(?:for|on|of|to)\s+)?((?:(?:question|part|q)\s*)?"
    r"(?:\d{1,2}|\(?[a-h]\)?)|(?:the\s+)?(?:" + "|".join(_ORDINALS) + r")(?:\s+(?:one|question|"
    r"part))?))\W*$", re.I)
# 'why 2', 'why is question 2 risky?', 'why is the second one likely to be refused?'; not 'Why
# did the council close the library?', a draft's question
_WHY = re.compile(
    rf"^/?why(?:\s+(?:is|was|would|might|could|will)\s+|['’]s\s+)({_REF})(?:\s+[\w\s]{{0,40}})?"
    rf"\W*$|^/?why(?:\s+(?:({_REF})|({_EVERY})))?\W*$|"
    rf"^what(?:['’]s| is) (?:wrong with|the problem with|risky about)\s+({_REF})\W*$", re.I)
_REWORD = re.compile(r"^/?(?:(?:how\s+(?:would|should|could|can|do|might)\s+(?:you|i|we)\s+|"
                     r"(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)?"
                     r"(?:reword|rephrase|rewrite|improve)|rewordings?)"
                     rf"(?:\s+(?:({_REF})|({_EVERY})))?"
                     r"(?:\s+(?:please|instead|better|for me))*\W*$", re.I)
_WHAT_ABOUT = re.compile(rf"^(?:and\s+|so\s+)?(?:what|how)\s+about\s+({_REF})\W*$", re.I)
_RISKIEST = re.compile(r"^what['’]s (?:the )?(?:riskiest|most risky)(?: one| question)?\W*$|"
                       r"^(?:which|what)\s+(?:question|one|part)?\s*(?:is|looks|seems)\s+"
                       r"(?:the\s+)?(?:most\s+risky|riskiest|most\s+at\s+risk|highest\s+risk|"
                       r"most\s+likely\s+to\s+be\s+refused)\W*$|^(?:which|what) is riskiest\W*$",
                       re.I)
_ADVICE = re.compile(r"^(?:so\s+)?(?:(?:can|could|would|will) you\s+(?:please\s+)?|please\s+|"
                     r"how (?:can|do|could|should) i\s+)?(?:what should i (?:do|change)(?: now)?|"
                     r"what do you (?:suggest|recommend)|any (?:advice|suggestions)|what now|"
                     r"advice|how (?:do|can) i (?:fix|improve) (?:it|this)|help me|"
                     r"make (?:it|this|my (?:draft|request)) (?:less risky|better|safer|stronger|"
                     r"more likely to (?:succeed|work|be answered))|"
                     r"what would you (?:change|do)|"
                     r"which (?:one|question|part) should i (?:drop|remove|change))\W*$", re.I)
_PICK = re.compile(r"^(?:use |pick |choose |take |i mean )?(?:the )?(first|second|third|fourth|"
                   r"fifth|[1-5])(?:st|nd|rd|th)?(?: one| suggestion| option)?\W*$", re.I)
_DROP = re.compile(rf"^(?:please )?(?:drop|remove|delete|take out|leave out)\s+({_REF})\W*$", re.I)
# the questions requesters ask about FOI itself, answered in a sentence
# the questions requesters ask about FOI itself, answered in a sentence (and in Scotland's terms
# when the draft goes to a Scottish body, or the question asks 'in Scotland')
_FAQ = [(re.compile(rx, re.I), answer, scottish) for rx, answer, scottish in (
    (r"^how long (?:do|does|will) (?:they|it|the \w+) (?:have|take)\b.*\W*$",
     "An authority must answer within 20 working days (s10). It may extend that for a public "
     "interest test, but must tell you. No reply: ask for an internal review, then complain "
     "to the ICO.",
     "A Scottish authority must answer within 20 working days (FOISA s10), with no extension "
     "for a public interest test. No reply: ask for a review, then apply to the Scottish "
     "Information Commissioner."),
    (r"^(?:does|will) (?:it|this|an? (?:foi )?request) cost\b.*$|^is (?:it|foi) free\b.*$",
     "Asking is free. An authority may refuse a request that would cost more than the "
     "appropriate limit (s12), or charge for copying and postage, but it cannot charge you "
     "for the time it takes to answer.",
     "Usually free. A Scottish authority may refuse a request costing more than £600 (FOISA "
     "s12), and may charge 10% of the cost between £100 and £600 (at most £50), telling you "
     "first."),
    (r"^can i ask for (?:the )?names?\b.*$",
     "Names of junior staff and members of the public are usually withheld (s40); senior "
     "officials acting in their role are usually named. Ask for job titles or anonymised "
     "totals if names are not the point.",
     "Names of junior staff and members of the public are usually withheld (FOISA s38); senior "
     "officials acting in their role are usually named. Ask for job titles or anonymised "
     "totals if names are not the point."),
    (r"^(?:what if|and if) (?:they|it(?:'s| is)) refuse[sd]?\b.*$|^how (?:do|can) i appeal\b.*$",
     "Ask for an internal review within 40 working days of the refusal, saying why the "
     "exemption does not apply; if that fails, complain to the ICO (the tribunal comes after).",
     "Ask for a review within 40 working days of the refusal (FOISA s20), saying why the "
     "exemption does not apply; if that fails, apply to the Scottish Information Commissioner "
     "within six months, and on a point of law appeal to the Court of Session."),
    (r"^what(?:'s| is) the cost limit\b.*$",
     "£450 of staff time for councils and most bodies (18 hours at £25), £600 for central "
     "government (24 hours); above it a request can be refused under s12. Ask for advice "
     "under s16 on narrowing it.",
     "£600 of staff time at no more than £15 an hour (40 hours, FOISA s12); above it a request "
     "can be refused. Ask for advice under FOISA s15 on narrowing it."),
)]
_IN_SCOTLAND = re.compile(r"\b(?:in|for|under) (?:scotland|foisa)\b", re.I)


# the same questions about environmental information, which the EIR (the EISRs in Scotland)
# govern: no cost limit in hours, a charge allowed, advice under regulation 9
_EIR_FAQ = [(re.compile(rx, re.I), answer, scottish) for rx, answer, scottish in (
    (r"^(?:does|will) (?:it|this|an? (?:foi |eir )?request) cost\b.*$|^is (?:it|foi) free\b.*$",
     "Asking is free, but for environmental information (the EIR) an authority may make a "
     "reasonable charge for supplying it (regulation 8), telling you first. There is no cost "
     "limit in hours: a request that would be a disproportionate burden can be refused as "
     "manifestly unreasonable (regulation 12(4)(b)). Ask for advice under regulation 9 on "
     "narrowing it.",
     "Asking is free, but for environmental information (the EISRs) a Scottish authority may "
     "make a reasonable charge (regulation 8), telling you first. There is no cost limit in "
     "hours: a request that would be a disproportionate burden can be refused as manifestly "
     "unreasonable (regulation 10(4)(b)), with FOISA's £600 only a guide. Ask for advice under "
     "regulation 9 on narrowing it."),
    (r"^what(?:'s| is) the cost limit\b.*$",
     "For environmental information (the EIR) there is no cost limit in hours: FOIA's £450 "
     "(£600 for central government) is only a guide. A request that would be a "
     "disproportionate burden can be refused as manifestly unreasonable (regulation "
     "12(4)(b)), weighed against the public interest. Ask for advice under regulation 9 on "
     "narrowing it.",
     "For environmental information (the EISRs) there is no cost limit in hours: FOISA's £600 "
     "is only a guide. A request that would be a disproportionate burden can be refused as "
     "manifestly unreasonable (regulation 10(4)(b)), weighed against the public interest. "
     "Ask for advice under regulation 9 on narrowing it."),
)]


def faq(text: str, scottish: bool = False, eir: bool = False) -> str | None:
    """The answer to a question about FOI itself, or None; `eir` when the user's draft asks
    for environmental information, whose rules on cost differ (no limit in hours)."""
    scottish = scottish or bool(_IN_SCOTLAND.search(text))
    return next(((there if scottish else here)
                 for rx, here, there in ([*_EIR_FAQ, *_FAQ] if eir else _FAQ)
                 if rx.match(text)), None)


_REVISED = re.compile(
    r"^/?(?:(?:show|give|send) me |can i (?:see|have) |let me see )?(?:the |a |my )?"
    r"(?:revised|rewritten|improved)(?: draft| version| request)?(?: please)?\W*$"
    r"|^/?(?:revise|full draft)\W*$", re.I)
# 'explain s31', 'what does section 40 mean', 'explain cost limit'; not a draft's 'Explain the
# criteria used to decide which libraries would close.'
_EXPLAIN = re.compile(
    r"^/?(?:(?:explain|what is|what does|what's)\s+((?:section|s|reg(?:ulation)?|r|eir)\s?"
    r"\d+\S*)(?:\s+mean)?\W*|explain\s+(\S+(?:\s+\S+){0,2})|what(?:'s| is| does)\s+(?:the\s+|"
    r"an?\s+)?(ncnd|neither confirm nor deny|cost limit|section 16|public interest test|"
    r"vexatious|personal data)(?:\s+mean)?\W*)$", re.I)
# a command word typed alone: a usage hint, not a one-word draft to check
_BARE = re.compile(r"^/?(authority|explain|writing to)\W*$", re.I)
_AUTHORITY = re.compile(
    r"^/?(?:(?:now|ok|okay|actually|so)[,\s]+)?(?:authority|set (?:the )?authority(?: to)?|"
    r"i(?:'m| am)(?: now)? (?:writing|going to write|sending it|sending this) to|writing to|"
    r"i(?:'d| would)? (?:want|like) to write to|i(?:'ll| will) (?:be )?writ(?:e|ing) to|"
    r"change (?:the )?authority to|switch (?:the authority )?to|send it to|check it for|"
    r"the authority is|it(?:'s| is) (?:for|to|going to))\s+"
    r"(?!wide\b)(\S+(?:\s+\S+){0,7}?)(?:\s+instead)?[\s.!?]*$", re.I)  # not 'Authority wide ...'
# 'and for the fire service?', 'what about Kent Police?': the same draft for another body
# ... only when what follows names a body: 'For 2023, how many fines?' is a draft
_AND_FOR = re.compile(r"^(?:and|what about|how about|same for|the same for|now|try|for|to:)\s+"
                      r"(?:for|to)?\s*(.+?)(?:\s+instead)?[\s?.!]*$", re.I)
# what follows 'and for' is a name, not a question: 'For the council, how many fines in 2023?'
_NOT_A_NAME = re.compile(r"[\d,;:]|\b(?:how|what|which|when|where|who|why|many|much|did|does|"
                         r"were|was|is|are|have|has)\b", re.I)
# 'ok', 'yes', 'great': an acknowledgement, not a one-word draft that replaces the last one
_ACKNOWLEDGED = re.compile(r"^(?:ok(?:ay)?|yes|yeah|yep|no|nope|sure|great|cool|fine|right|got it|"
                           r"understood|i see)\W*$", re.I)
# 'what is the riskiest question?', 'can you check question 3 again': about the draft, but not
# in words the conversation knows; a hint, never a new draft replacing the user's
_ABOUT_DRAFT = re.compile(r"^(?:what['’]?s?|what is|which|show|give|can you|could you|would you|"
                          r"please|and|so|ok|now|tell me|how about|is|are)\b.{0,60}\b(?:"
                          r"question \d+|q\d+|(?:my|this) draft|the draft\W*$|riskiest|reword|"
                          r"rewrite|rephrase|revised|rewording)", re.I)
ABOUT_DRAFT_HINT = ("I did not catch that. About your draft you can ask: why 2, reword 2, "
                    "revised, which is riskiest, what should I do; or paste a new draft.")


def another_body(text: str, advisor: Advisor) -> str | None:
    """'and for the fire service?', 'what about Kent Police?': the body named, when the line
    names one (by its words or on record); the same draft is then checked for it."""
    m = _AND_FOR.match(text) if len(text) <= 80 and "\n" not in text else None
    if not m:
        return None
    name = m.group(1)
    if len(name.split()) > 8 or _NOT_A_NAME.search(name):
        return None
    return name if names_a_body(name) or advisor.resolve_authority(name)[0] else None


def asks_advice(text: str) -> bool:
    """'what should I do?', 'can you make it less risky?': the verdict and advice wanted."""
    return bool(_ADVICE.match(text.strip()))


def start_over(text: str) -> bool:
    """'start over', 'reset', 'new draft': forget the draft and the authority."""
    return bool(_START_OVER.match(text.strip()))


def show_precedents(text: str, focus: int = 0) -> tuple[bool, int] | None:
    """'show precedents', 'show precedents 4', 'show me the precedents for question 2': the
    precedents the check found for the draft (0: every question; a bare 'show precedents'
    means the question last discussed, `focus`, when there is one), or None."""
    m = _SHOW_PRECEDENTS.match(text.strip())
    return (True, int(referred(next((g for g in m.groups() if g), None), focus) or 0)
            ) if m else None


def riskiest(text: str) -> bool:
    """'which question is most risky?', 'what's the riskiest one?'."""
    return bool(_RISKIEST.match(text.strip()))


def riskiest_question(a: Assessment) -> int:
    """The number of the draft's question most likely to be refused."""
    return max(enumerate(a.questions, 1), key=lambda iq: iq[1].risk)[0]


def _every(ref: str | None) -> bool:
    """'all', 'them', 'my draft': every question, not the one last discussed."""
    return bool(ref) and re.fullmatch(_EVERY, ref.strip(), re.I) is not None


def referred(ref: str | None, focus: int = 0) -> str | None:
    """The question a follow-up means, as question_number gives it ('2'; '-1': the last); for
    a bare follow-up or 'it' ('why?', 'reword it', 'show precedents'), the question last
    discussed (`focus`; 0: none); None for every question ('why all', 'for my draft')."""
    if _every(ref):
        return None
    return question_number(ref) or (str(focus) if focus else None)


def about_the_draft(text: str) -> bool:
    """A short line about the draft in words the conversation does not know ('can you check
    question 3 again?'): a hint, never a one-line draft replacing the user's."""
    return "\n" not in text.strip() and len(text.split()) <= 12 and bool(
        _ABOUT_DRAFT.match(text.strip()))


# '1. ...' then, after an empty line, '2. ...': one draft pasted with blank lines
_MARKER = re.compile(r"^\s*\(?(\d{1,2}|[a-h])[.)]\s", re.M)


def continues(before: str, text: str) -> bool:
    """Whether a draft carries on the numbering (or lettering) of the one before it."""
    last = _MARKER.findall(before)
    first = _MARKER.match(text.lstrip("\n"))
    if not last or not first:
        return False
    prev, nxt = last[-1], first.group(1)
    if prev.isdigit() and nxt.isdigit():
        return int(nxt) == int(prev) + 1
    return not prev.isdigit() and not nxt.isdigit() and ord(nxt) == ord(prev) + 1


# a paragraph that carries on the request before it: 'I would also like to know ...', 'Also,
# ...', 'If so, ...', 'Of these, ...'
_CARRIES_ON = re.compile(
    r"^\s*(?:also\b|additionally\b|in addition\b|further(?:more)?\b|finally\b|if (?:so|not|yes|"
    r"any)\b|of (?:these|those|them)\b|for each\b|and\b|"
    r"(?:i|we) (?:would|'d) also\b|(?:i|we) also\b|please (?:could you )?also\b|"
    r"(?:could|can|would) you (?:please )?also\b)", re.I)


def opens_letter(line: str) -> bool:
    """Whether a draft's first line greets ('Dear Medway Council,', 'To whom it may concern',
    'Hello,', 'To the Home Office,'): a letter, which goes on past its paragraphs' blank lines."""
    line = line.strip()
    return bool(SALUTATION.match(line)) or (
        line.endswith((",", ":")) and "?" not in line and greeted(line + "\n") is not None)


def open_letter(before: str) -> bool:
    """Whether a draft is a letter not yet signed off: its next paragraph may still come."""
    lines = [line for line in before.splitlines() if line.strip()]
    return bool(lines) and opens_letter(lines[0]) and not any(signs_off(x) for x in lines[1:])


def goes_on(before: str, text: str, command: bool, gap: int = 0) -> bool:
    """Whether a paragraph after a blank line belongs to the draft before it, as the user would
    expect of one paste: the next numbered part; the letter's sign-off; a paragraph that
    carries on the request ('I would also like to know ...'); or, in a letter ('Dear ...')
    not yet signed off, any paragraph but a command or small talk. Two blank lines (a `gap`
    of one more) end a letter, as its sign-off does."""
    if continues(before, text):
        return True
    if command or not clean_request(before):
        return False
    if open_letter(before) and signs_off(text):
        return True
    if small_talk(text) is not None or signs_off(text) or _as_asked(text) != text:
        return False  # 'what about the cost limit?' follows the draft up
    return bool(_CARRIES_ON.match(text)) or (open_letter(before) and gap == 0)


# 'is this published anyway?', 'would they refuse it?': a short question that points at the
# open draft ('this', 'it', 'they') and asks nothing of the authority; every word is one of these
_POINTS_AT_DRAFT = re.compile(r"\b(?:this|it|they|them|that|my (?:request|draft|questions?))\b",
                              re.I)
_WORDS_ABOUT_A_DRAFT = re.compile(
    r"(?:is|are|was|were|will|would|could|should|might|can|do|does|did|it|its|it's|this|that|"
    r"they|them|their|these|those|my|the|an?|request|draft|questions?|one|any|be|been|being|"
    r"get|got|(?:un)?likely|probably|possibly|really|actually|still|already|anyway|even|just|"
    r"too|very|so|then|refus\w*|reject\w*|turn(?:ed)?|down|answer\w*|reply|respond|publish\w*|"
    r"public(?:ly)?|available|online|out|there|info(?:rmation)?|exempt\w*|covered|withh\w*|"
    r"ok(?:ay)?|fine|good|enough|safe|risky?|worth|sen[dt]\w*|why|what|how|chances?|of|to|"
    r"going|go|through|succeed|work|hold|held|have|has|need|i|you|think)")
_ABOUT_PUBLISHED = re.compile(r"\b(?:publish(?:ed)?|public(?:ly)?|available|online)\b", re.I)
PUBLISHED_NOTE = ("I cannot see the authority's website from here. Check its publication scheme, "
                  "website and disclosure log first: if the answer is already published, the "
                  "reply will only point you there. If you cannot find it, send the "
                  "request and ask them to say where it is published.")


# 'question 2', 'q2', 'number 3', 'the second one': one question of the draft, as numbered
_ONE_QUESTION = re.compile(
    r"\b(?:question|q|number|no\.?|part)\s*#?\s*(\d{1,2})\b|\bq(\d{1,2})\b|#(\d{1,2})\b|"
    r"\b(?:the\s+)?(" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:one|question|part)\b|"
    r"(\([a-h]\)|\b(?:question|part)\s+[a-h]\b|(?<=^is )[b-h]\b|(?<=^would )[b-h]\b|"
    r"(?<=^will )[b-h]\b|(?<=^why is )[b-h]\b)", re.I)


def question_asked(text: str) -> tuple[str, int] | None:
    """('published', 1) for 'is question 1 published anyway?', ('verdict', 2) for 'would
    question 2 be refused?', ('why', 0) for 'why would they refuse it?': what a short question
    about the open draft asks, and of which question (0: the whole draft, -1: the last one)."""
    m = _ONE_QUESTION.search(text)
    number = 0
    if m:
        ref = next(g for g in m.groups() if g)
        number = int(question_number(ref) or 0)
        text = text[:m.start()] + "it" + text[m.end():]
    kind = question_about_draft(text)
    return (kind, number) if kind else None


def question_about_draft(text: str) -> str | None:
    """'published', 'why' or 'verdict' for a short question about the open draft in words that
    ask the authority nothing ('is this published anyway?', 'would they refuse it?'); None for
    anything else. A one-line question with a subject of its own ('How many CCTV cameras does
    the council operate?') is a new draft, and must not be answered as a follow-up."""
    text = text.strip()
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    short = "\n" not in text and text.endswith("?") and len(words) <= 12
    if not short or _MARKER.match(text) or not _POINTS_AT_DRAFT.search(text):
        return None
    if not all(_WORDS_ABOUT_A_DRAFT.fullmatch(word) for word in words):
        return None
    if _ABOUT_PUBLISHED.search(text):
        return "published"
    return "why" if words[0] == "why" else "verdict"


def _as_asked(text: str) -> str:
    """'what about the cost limit?' as the question it stands for: 'what is the cost limit?'"""
    return re.sub(r"^\s*(?:and |so )?(?:what|how) about\b", "what is", text, flags=re.I)


# 'and for 2023?', '2023': in unnumbered prose being pasted, the draft's own next question
_BARE_PERIOD = re.compile(r"^(?:and\b|(?:for|in|during|over|since)\b|(?:19|20)\d\d)", re.I)


def period_in_prose(draft: str, line: str) -> bool:
    """Whether a period follow-up ('And for 2023?') is the next line of an unnumbered draft
    being pasted ('How many fines in 2022?' / 'And for 2023?'), not a follow-up to it: a
    numbered draft numbers its next question, and 'what about 2022?' always follows up."""
    return (new_period(line) is not None and not _MARKER.search(draft)
            and bool(_BARE_PERIOD.match(line.strip())))


_COMMAND_WORDS = ("help", "why", "reword", "revised", "authority", "explain", "precedents",
                  "quit", "exit")


def question_number(ref: str | None) -> str | None:
    """'question 2', '#2' -> '2'; 'the second one' -> '2'; 'the last' -> '-1'; 'it' -> None."""
    if not ref:
        return None
    if m := re.search(r"\d+", ref):
        return m.group(0)
    if m := re.fullmatch(r"(?:(?:question|part|q)\s*)?\(?([a-h])\)?", ref.strip(), re.I):
        return str(ord(m.group(1).lower()) - ord("a") + 1)  # '(c)': the third question
    word = next((w for w in re.findall(r"[a-z]+", ref.lower()) if w in _ORDINALS), None)
    return str(_ORDINALS[word]) if word else None


def plain_view(text: str, focus: int = 0) -> tuple[str, int] | None:
    """A one-line follow-up in plain words as the bot's view of the last draft: ('w', 2) for
    'why is question 2 risky?', ('r', 3) for 'reword the third one', ('d', 0) for 'revised';
    0 means every risky question, -1 the last one. A bare 'why?' or 'reword it' means the
    question last discussed (`focus`) when there is one; 'why all' every risky one."""
    text = text.strip()
    for pattern, action in ((_WHY, "w"), (_WHAT_ABOUT, "w"), (_REWORD, "r"), (_REVISED, "d")):
        if m := pattern.match(text):
            ref = next((g for g in m.groups() if g), None)
            return action, 0 if action == "d" else int(referred(ref, focus) or 0)
    return None


def plain_request(text: str) -> tuple[str, str] | None:
    """A one-line message in plain words that is not a draft, for the bot: ('authority', name)
    for 'I'm writing to Kent Police', ('explain', ground) for 'what does NCND mean?', ('faq',
    question) for 'how long do they have to reply?' (answered by `faq`, in Scotland's terms
    when the user's draft went to a Scottish body)."""
    text = text.strip()
    if (m := _AUTHORITY.match(text)) and not _BARE.match(text):
        return "authority", m.group(1)
    if faq(text):  # 'what is the cost limit?' wants the figures, not the s12 note
        return "faq", text
    if m := _EXPLAIN.match(text):
        return "explain", next(g for g in m.groups() if g)
    return None


def did_you_mean(text: str) -> str | None:
    """A mistyped command ('helpp', 'wy 2', 'rewrod 2'): which one, rather than a one-line
    draft that would swallow the lines after it."""
    words = text.strip().lower().split()
    if not words or len(words) > 3 or "?" in text or words[0] in _COMMAND_WORDS:
        return None
    close = difflib.get_close_matches(words[0].lstrip("/"), _COMMAND_WORDS, n=1, cutoff=0.7)
    return close[0] if close else None


_HELP = ("help", "/help", "?", "/start")
_GREETING = re.compile(r"^(?:hello|hi|hey|hiya|good (?:morning|afternoon|evening)|greetings)\b"
                       r"[\s\w]{0,12}\W*$", re.I)
_THANKS = re.compile(r"^(?:(?:ok(?:ay)?|great|brilliant|perfect),?\s+)?(?:thanks?|thank you|cheers|"
                     r"many thanks|ta)\b[\s\w]{0,20}\W*$", re.I)
_BYE = re.compile(r"^(?:bye|goodbye|see you|that'?s all)\b[\s\w]{0,12}\W*$", re.I)


def small_talk(text: str) -> str | None:
    """A greeting or a thank-you is not a draft to check: a short, polite answer instead of
    'I could not find a question in that draft'."""
    text = text.strip()
    if "?" in text or "\n" in text:
        return None
    if _GREETING.match(text):
        return ("Hello. Paste the draft of your FOI request and I will check each question "
                "against real past responses; type help to see what else I can do.")
    if _THANKS.match(text):
        return "You're welcome. Paste another draft whenever you like."
    if _BYE.match(text):
        return "Goodbye. Good luck with your request."
    if _ACKNOWLEDGED.match(text):
        return ("OK. Paste another draft, or ask about this one: why 2, reword 2, revised, "
                "which is riskiest.")
    return None


@dataclass
class Session:
    authority: str | None = None
    last: Assessment | None = None
    draft: str | None = None  # the text of the last draft, re-checked when the authority changes
    suggestions: list[str] = field(default_factory=list)  # after 'Which one do you mean?'
    # the question last discussed ('which is riskiest?' -> 3): what a bare 'why?', 'reword
    # it' or 'show precedents' then means; 0 when none (a new draft, 'start over')
    focus: int = 0


def _scottish(session: Session) -> bool:
    """Whether the user's last draft went to a Scottish body: their questions about the law are
    then about FOISA."""
    return session.last is not None and session.last.law in ("FOISA", "EISR")


def _environmental(session: Session) -> bool:
    """Whether the user's last draft asked for environmental information (EIR or EISRs)."""
    return session.last is not None and session.last.law in ("EIR", "EISR")


# said when a bare follow-up is taken to mean the question last discussed
_FOCUSED = "About question {n}, the one we were discussing (type {every} for the whole draft):\n"


def _pick(a: Assessment, number: str | None) -> list[tuple[int, object]]:
    items = list(enumerate(a.questions, 1))
    if number:
        n = int(number)
        n = len(a.questions) if n == -1 else n  # 'the last one'
        return [(n, a.questions[n - 1])] if 1 <= n <= len(a.questions) else []
    risky = [(i, q) for i, q in items if q.level in ("medium", "high")]
    return risky or items


class Conversation:
    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor

    def _commands(self) -> tuple:
        return ((_BARE, self._usage), (_AUTHORITY, self._authority), (_WHY, self._why),
                (_REWORD, self._reword), (_WHAT_ABOUT, self._why), (_RISKIEST, self._riskiest),
                (_ADVICE, self._advice), (_REVISED, self._revised), (_EXPLAIN, self._explain),
                (_PICK, self._pick_suggestion), (_DROP, self._drop),
                (_SHOW_PRECEDENTS, self._draft_precedents), (_START_OVER, self._start_over),
                (_PRECEDENT_Q, self._precedents))

    def is_command(self, line: str) -> bool:
        """Whether a line is something to answer at once rather than the start of a draft:
        'What is the council's budget?' opens a draft; 'what is s31' asks for a note."""
        text = line.strip()
        return (text.lower() in _HELP or small_talk(text) is not None
                or any(pattern.match(text) for pattern, _ in self._commands())
                or faq(text) is not None or question_asked(text) is not None
                or new_period(text) is not None
                or self._another_body(text) is not None or did_you_mean(text) is not None
                or about_the_draft(text))

    def _which(self, session: Session, ref: str | None) -> tuple[str | None, bool]:
        """The question a follow-up means (see `referred`), and whether it is the one last
        discussed rather than one it names."""
        number = question_number(ref)
        if _every(ref):  # 'why all': the whole draft is under discussion again
            session.focus = 0
        focus = session.focus if session.last and session.focus <= len(
            session.last.questions) else 0
        if number or not focus:
            return number, False
        return str(focus), True

    def _faq(self, session: Session, text: str) -> str | None:
        """The FAQ answer in the terms of the user's last draft (Scotland's, the EIR's)."""
        scottish, eir = _scottish(session), _environmental(session)
        return faq(text, scottish, eir) or faq(_as_asked(text), scottish, eir)

    def _another_body(self, text: str) -> str | None:
        """'and for the fire service?': the body named, when the line names one."""
        return another_body(text, self.advisor)

    def respond(self, session: Session, line: str) -> str:
        text = line.strip()
        if not text:
            return "Paste a draft, or type help."
        if text.lower() in _HELP:
            return HELP
        if (reply := small_talk(text)) is not None:
            return reply
        if (period := new_period(text)) is not None:  # before 'what about 2' (a question)
            return self._period(session, period)
        if _EXPLAIN.match(text) and (answer := self._faq(session, text)) is not None:
            return answer  # 'what is the cost limit?': the short answer with its figures
        for pattern, handler in self._commands():
            m = pattern.match(text)
            if m:
                return handler(session, next((g for g in m.groups() if g), None))
        if (answer := self._faq(session, text)) is not None:
            return answer
        if (asked := question_asked(text)) is not None:
            return self._about_draft(session, *asked)
        if (body := self._another_body(text)) is not None:
            return self._authority(session, body)
        if (meant := did_you_mean(text)) is not None:
            return f"Did you mean “{meant}”? Type help to see what I understand."
        if about_the_draft(text):
            return ABOUT_DRAFT_HINT if session.last else "Paste a draft first; then ask about it."
        return self._draft(session, text)

    def _about_draft(self, session: Session, asked: str, number: int = 0) -> str:
        """A short question about the open draft, sent to the answer that already exists for
        it: whether it is published (s21), why (the explanations), refused or not (the verdict
        and advice), for the whole draft or the one question named; the draft stays the
        user's."""
        if not session.last:
            return "Paste a draft first; then ask about it."
        picked = _pick(session.last, str(number)) if number else []
        if number and not picked:
            return f"Your draft has questions 1 to {len(session.last.questions)}."
        if asked == "published":
            if picked:
                session.focus = picked[0][0]
            which = f"Question {picked[0][0]}: {picked[0][1].text}\n" if picked else ""
            return which + PUBLISHED_NOTE + "\n\n" + self._explain(session, "s21")
        if picked:
            return self._one_question(session, picked[0][0])
        return self._why(session, None) if asked == "why" else self._advice(session, None)

    def _one_question(self, session: Session, n: int) -> str:
        """One question's risk and why, and where to go next: 'would question 2 be refused?'."""
        q = session.last.questions[n - 1]
        nudge = (f"\nType reword {n} for a safer wording." if q.rewordings
                 else "\nIt looks fine as it is.")
        risk = (f"no close precedent; {q.risk:.0%} from the wording alone" if q.level == "unknown"
                else f"{q.level} risk, {q.risk:.0%}")
        return f"Question {n} ({risk}):\n" + self._why(session, str(n)) + nudge

    def _period(self, session: Session, period: str) -> str:
        """The open draft again over another period ('what about 2022?'): each question's period
        swapped and the draft checked again; the old draft stays when none names a period."""
        if not session.last:
            return ("Paste a draft first; then ask about another period, e.g. what about "
                    f"{period}?")
        changed = with_period([q.text for q in session.last.questions], period)
        if changed is None:
            return NO_PERIOD_NOTE.format(period=period)
        draft = "\n".join(f"{i}. {t}" for i, t in enumerate(changed, 1))
        try:
            last = self.advisor.check_draft(draft, session.authority)
        except DraftError as exc:
            return str(exc)
        session.last, session.draft = last, draft
        return f"Your draft, asked for {period} instead:\n\n" + assessment_text(last)

    def _usage(self, session: Session, command: str | None) -> str:
        if (command or "").lower() == "explain":
            return "Explain which exemption? For example: explain s31"
        if session.authority:
            return f"You are writing to {session.authority}. To change it: authority NAME"
        return "Which authority? For example: authority Barnet"

    def _authority(self, session: Session, name: str | None) -> str:
        name = body_name(name or "")
        found, suggestions = self.advisor.resolve_authority(name)
        if found:
            session.authority = found
            return f"Authority set to {found}. Its own history will come first." + \
                self._rechecked(session)
        if suggestions:
            session.suggestions = list(suggestions)
            return ("Which one do you mean? " + "; ".join(
                f"{i}. {name}" for i, name in enumerate(suggestions, 1))
                + " (type its number, or the name)")
        session.authority = mend_body_words(name) or None
        kind = authority_kind(session.authority)
        like = f", leaning on the record of {KIND_NAMES[kind]}" if kind != "other" else ""
        return (f"I have no past responses from {session.authority!r} yet; I will use everyone's "
                f"history{like}. (Authority noted.)") + self._rechecked(session)

    def _pick_suggestion(self, session: Session, which: str | None) -> str:
        n = int(question_number(which) or 0)
        if not session.suggestions:
            return ("There is nothing to choose from yet. About your draft: why 2, reword 2; "
                    "to pick an authority: authority NAME." if session.last else
                    "There is nothing to choose from yet; type authority NAME.")
        if not 1 <= n <= len(session.suggestions):
            return f"Pick 1 to {len(session.suggestions)}."
        name, session.suggestions = session.suggestions[n - 1], []
        return self._authority(session, name)

    def _drop(self, session: Session, ref: str | None) -> str:
        """The last draft without one of its questions, checked again."""
        if not session.last:
            return "Paste a draft first."
        picked = _pick(session.last, question_number(ref))
        if len(picked) != 1 or len(session.last.questions) < 2:
            return f"Which question? Your draft has questions 1 to {len(session.last.questions)}."
        n, session.focus = picked[0][0], 0  # the numbers move: nothing is 'it' any more
        kept = [q.text for i, q in enumerate(session.last.questions, 1) if i != n]
        session.draft = "\n".join(f"{i}. {t}" for i, t in enumerate(kept, 1))
        session.last = self.advisor.check_draft(session.draft, session.authority)
        return (f"Question {n} dropped; the draft now has {len(kept)}. "
                f"{session.last.overall.verdict} Type revised for the whole draft.")

    def _rechecked(self, session: Session) -> str:
        """The last draft checked again for the new authority, so 'why' and 'reword' answer
        for the body now named, not the one before."""
        if not session.draft:
            return ""
        try:
            session.last = self.advisor.check_draft(session.draft, session.authority)
        except DraftError:
            return ""
        return (f"\nYour draft, checked again for {session.authority}: "
                f"{session.last.overall.verdict} Type why N or reword N for details.")

    def _riskiest(self, session: Session, _: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask which question is riskiest."
        return self._one_question(session, riskiest_question(session.last))

    def _advice(self, session: Session, _: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then I can advise on it."
        session.focus = 0  # the whole draft is under discussion: a bare 'why?' is about it
        overall = session.last.overall
        lines = [overall.verdict, *(f"- {a}" for a in overall.advice)]
        return "\n".join(lines) + "\nType revised for the whole draft rewritten, ready to copy."

    def _precedents(self, session: Session, topic: str | None) -> str:
        topic = (topic or "").strip().rstrip("?")
        if session.last and (not topic or re.fullmatch(r"(?:question\s*|q\s*|#)?\d{1,2}", topic,
                                                       re.I)):
            return self._draft_precedents(session, topic or None)  # 'precedents 2'
        if not topic:
            return "Precedents on what? For example: precedents ransomware attacks"
        found = self.advisor.precedents(topic, session.authority)
        note = off_topic_note(topic, found)
        return (note + "\n" if note else "") + precedents_text(topic, found)

    def _draft_precedents(self, session: Session, ref: str | None) -> str:
        """'show precedents' after a draft: the past questions closest to each of its questions
        (or to the one named), which the check found; not a search for the words 'show'."""
        if not session.last:
            return "Paste a draft first, or ask about a topic: precedents ransomware attacks"
        number, focused = self._which(session, ref)
        picked = _pick(session.last, number) if number else list(
            enumerate(session.last.questions, 1))
        if not picked:
            return f"There is no question {number} in your draft."
        if number:
            session.focus = picked[0][0]
        lead = _FOCUSED.format(n=number, every="show precedents all") if focused else ""
        return lead + draft_precedents_text(picked)

    def _start_over(self, session: Session, _: str | None) -> str:
        """'start over': the draft, its check and the authority forgotten, as a new chat."""
        had = session.last is not None or session.authority is not None
        session.authority, session.last, session.draft, session.suggestions = None, None, None, []
        session.focus = 0
        return ("Started over: your draft and authority are forgotten. Paste a new draft."
                if had else "Nothing to clear. Paste a draft whenever you are ready.")

    def _why(self, session: Session, ref: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask why."
        number, focused = self._which(session, ref)
        picked = _pick(session.last, number)
        if not picked:
            return f"There is no question {number} in your draft."
        if number:
            session.focus = picked[0][0]
        lead = _FOCUSED.format(n=number, every="why all") if focused else ""
        return lead + "\n\n".join(f"{i}. {q.text}\n   {q.explanation}" for i, q in picked)

    def _reword(self, session: Session, ref: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask for rewordings."
        number, focused = self._which(session, ref)
        picked = _pick(session.last, number)
        if not picked:
            return f"There is no question {number} in your draft."
        if number:
            session.focus = picked[0][0]
        out = [_FOCUSED.format(n=number, every="reword all").rstrip()] if focused else []
        for i, q in picked:
            if not q.rewordings:
                out.append(f"{i}. {q.text}\n   This one looks fine as it is ({q.level} risk).")
                continue
            out.append(f"{i}. {q.text}\n" + "\n".join(
                f"   {'Send as it is' if sends_as_asked(q.text, r.text) else 'Try'}: "
                f"\"{r.text}\"\n   Why: {r.why}" for r in q.rewordings))
        return "\n\n".join(out)

    def _revised(self, session: Session, _: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask for the revised draft."
        return "Revised draft:\n\n" + session.last.overall.revised_draft

    def _explain(self, session: Session, section: str | None) -> str:
        section = section or ""
        scottish = _scottish(session) or bool(_IN_SCOTLAND.search(section))
        return explain(_IN_SCOTLAND.sub("", section).strip(), scottish)

    def _draft(self, session: Session, text: str) -> str:
        """A letter greeting another body than the one set is checked for the body it greets
        (the user is writing to them now), and says so."""
        letter, note = greeted(text), ""
        if session.draft and continues(session.draft, text):
            text = f"{session.draft}\n\n{text}"
            note = "Read with your draft above (it carries on its numbering).\n"
            letter = greeted(text)
        authority = session.authority
        if letter and authority and (other := self.advisor.other_body(letter, authority)):
            note = f"Your letter greets {other}, so I checked it for them, not {authority}.\n"
            authority = None
        try:
            session.last = self.advisor.check_draft(text, authority)
        except DraftError as exc:
            return str(exc)
        session.draft, session.focus = text, 0
        session.authority = session.last.authority or session.authority
        return note + assessment_text(session.last)

