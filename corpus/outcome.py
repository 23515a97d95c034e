"""Read what an authority did with a question from the words of its answer.

Ordered rules, most specific first: "neither confirm nor deny" beats "exempt", which beats
"not held", which beats the presence of figures. Mixed signals give "partial".
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.exemptions import OVER_LIMIT_ESTIMATE, find_exemptions

_NEITHER = r"neither\s+confirms?\s+(?:n|o)or\s+den(?:y|ies)"
_NCND = re.compile(
    _NEITHER + r"|\bNCND\b|neither\s+confirming\s+nor\s+denying"
    r"|(?:not|cannot|can't|will not|refuse)\s+(?:to\s+)?confirm\s+or\s+deny|confirming or denying"
    r"|s(?:ection)?\s?31\s?\(3\)",
    re.I,
)
# A police caveat after the answer given: "The force neither confirms nor denies holding any other
# (relevant) information - Sections 23(5), 24(2)". It covers information nobody asked about.
_NCND_OTHER = re.compile(
    r"[^.;]*\b(?:" + _NEITHER + r"|can\s?not\s+confirm\s+or\s+deny)"
    r"\s+(?:that\s+it\s+holds?|holding)\s+any\s+(?:other|further|additional)\b[^.;]*[.;]?", re.I)
_REFUSED = re.compile(
    # not council tax's 'Exemption N' (a class) nor 'exempt from council tax'
    r"\bexempt(?:ion)?s?\b(?!\s+(?:(?-i:[A-Z])\b|class\b|from (?:paying )?(?:council tax|"
    r"business rates|the charge|charges|fees|vat)\b))|\bwithh(?:e|o)ld|\bwitheld\b"
    # not 'we have not refused any' (an answer to 'did you refuse any?')
    r"|(?<!not )(?<!never )(?<!n't )(?<!n’t )\brefus(?:e|ed|al)\b"
    # household refuse: "refuse to 3-weekly", "refuse collection", "refuse and recycling"
    r"(?!\s+(?:to \d|to (?:two|three|four|fort|week)|collect|and recycl|vehicle|bins?\b|lorr|"
    r"sacks?\b|crew|round|service|disposal|tip\b|freighter|waste))|not (?:be )?disclos|"
    r"will not (?:be )?(?:provid|releas|disclos)|"
    # s40's legitimate-interest test: "We do not consider that disclosing this information to
    # you ... is necessary or justified"
    r"(?:do not|don't) consider (?:that )?(?:disclosing|disclosure of|releasing) (?:this|the|"
    r"that|these) (?:information|data|details)\b[^.]{0,80}\b(?:necessary|justified)|"
    # not "unable to provide a timeframe for publication": a date nobody has, not a refusal
    r"unable to (?:provide|disclose|release)(?! (?:a |an )?(?:timeframe|timescale|date)\b)|"
    r"appropriate (?:\(?(?:cost|time)\)? )?limit|cost limit|exceed(?:s|ed)? the|\bvexatious\b|"
    r"reasonably accessible|excessive cost|(?:cannot|can ?not|unable to) comply|"
    r"\bheld,? but (?:it )?(?:cannot|can ?not|will not|won't) be (?:supplied|provided|released|"
    r"disclosed|shared)|"
    r"not (?:obliged|required) to (?:comply|provide|respond|answer)|"
    r"manifestly unreasonable|not in a readily (?:searchable|retrievable|reportable) form|"
    r"already (?:publicly )?(?:available|published)|is published (?:at|on)|"
    r"can be found (?:at|on)|available (?:on|at|from) (?:our|the) (?:web|site)|"
    r"public interest (?:test )?(?:in maintaining|favours withholding)|not in the public interest|"
    + OVER_LIMIT_ESTIMATE,
    re.I,
)
_PUBLISHED = re.compile(
    r"reasonably accessible|already (?:publicly )?(?:available|published)|is published (?:at|on)|"
    r"can be found (?:at|on)|available (?:on|at|from) (?:our|the) (?:web|site)", re.I,
)
# another body holds it: "this would be held by the school", "a matter for the PRU"
REFERRAL = re.compile(r"\b(?:(?:would|will) be (?:held by|the responsibility of|a matter for) "
                      r"|information you (?:require|seek|are seeking|have requested|requested) "
                      r"is held by )(?!(?:the )?(?:council|authority|us)\b)\w"
                      # "it is for the South Yorkshire MCA to answer whose remit this is"
                      r"|\bit is for (?!(?:the )?(?:council|authority)\b)\w[^.;]{0,80}? to "
                      r"(?:answer|respond)|\bwhose remit (?:this|it) is\b"
                      r"|\b(?:falls|is) (?:within|under) the remit of "
                      r"(?!(?:the |this )?(?:council|authority)\b)"
                      r"|\bshould (?:be )?(?:re)?direct(?:ed)? (?:your|this|the) "
                      r"(?:request|enquiry|question)s? to\b", re.I)
NOT_HELD = re.compile(
    r"\bnot\s+held\b|(?:does|do|did)(?:\s+not|n't)\s+(?:start (?:to )?)?"
    r"(?:hold|record|keep|collate|collect|have|possess|capture|track|retain|log|report on|"
    r"break down|split|separate|categori[sz]e)\b"
    # not "do not have funding to provide direct funding to clubs": none was given, an answer
    r"(?<!have)(?<!n't have)(?<!not have)|(?:does|do|did)(?:\s+not|n't)\s+have\b"
    r"(?!\s+(?:the |any )?(?:funding|budget|money|resources?|capacity|powers?) to\b)|"
    # "cannot be answered from records", "no such records exist", "has no record of"
    r"\bcannot be (?:answered|determined|identified|established|ascertained) from (?:our |the |"
    r"its |their )?(?:records|systems?|data)\b|\bno such (?:information|records?|data|documents?|"
    r"reports?)\b|\b(?:does|do) not exist\b|\b(?:has|have|keeps?) no (?:records?|"
    r"information|data)\b|\bno recorded (?:information|data)\b|\bunable to (?:locate|find) any\b|"
    # not "none recorded": for a count that is the answer zero
    r"\b(?:nothing|none) (?:is |are |was |were )?held\b|\bno longer (?:held|retained|"
    r"kept)\b|\bnot (?:collected|captured|tracked|retained|logged)\b|"
    r"(?:^|[=:]\s*)not available\b|\b(?:data|figures?|records?) (?:is|are|was|were) not "
    r"available\b|"
    r"\bnot\s+(?:separately|specifically|audio|video)\s+recorded|not yet (?:been )?(?:drafted|"
    r"produced|written)"
    r"|"
    r"\bhave not kept\b|"
    # "the clinical system is not configured to extract them", "costs are not calculated for
    # potholes", "no public procurement documentation is available", "this is unknown"
    r"\bnot (?:configured|set up|designed) to (?:extract|record|report|capture|identify)\b|"
    r"\b(?:is|are|was|were) not (?:calculated|measured)\b|"
    r"\bno (?:\w+ ){0,3}(?:documentation|documents|information|records|data) (?:(?:is|are|was|"
    r"were) )?(?:available|held)\b|\bcannot be (?:isolated|separated out)\b|"
    r"^\W*(?:this|that|it) is (?:not known|unknown)\b|"
    r"\b(?:work|research|analysis|study|survey|review) (?:has|have) not been "
    r"(?:conducted|carried out|undertaken|done)\b|\bno data\b(?! breach)|"
    r"\bno\s+(?:recorded\s+)?(?:information|records?|data)\s+(?:is\s+|are\s+)?(?:held|recorded|kept)|"
    r"\bhold[s]? no\b|\bnot\s+recorded\b|not\s+(?:centrally\s+)?(?:collated|kept)|"
    r"information (?:is|was) not (?:held|available)|\bnil return\b|there (?:is|are) no records"
    # "asks for an opinion, not recorded information", "seek explanations rather than recorded
    # information": nothing recorded answers it
    r"|\b(?:not|rather than) (?:requests? for )?recorded information\b"
    # "there are no reports or surveys": the documents asked for do not exist
    r"|\b(?:earlier|previous|prior|later|other|remaining) (?:years?|periods?|months?) (?:are |is |"
    r"were |was )?not (?:available|held|recorded)\b"
    r"|there (?:is|are|was|were|has been|have been) no (?:such )?(?:[a-z]+ )?(?:reports?|surveys?|"
    r"studies|"
    r"assessments?|policies|policy|briefings?)\b"
    # a search that found nothing: "no crimes were identified using these search terms on
    # force systems" (not "no cameras were found to be faulty": a count of nought)
    r"|\bno [^.;]{0,40}?(?:were|was|could be) (?:identified|found|located)\b[^.;]{0,60}?"
    r"\b(?:searche?s?|search terms|using|on (?:our|force|council|its) (?:systems?|records?))\b"
    r"|" + REFERRAL.pattern,
    re.I,
)
# EIR regulation 12(4)(a) is the "not held" exception: citing it says not held, not refused.
NOT_HELD_EXCEPTIONS = frozenset({"r12(4)(a)"})
_ANSWER_SIGNAL = re.compile(
    r"\d|^\W*(?:yes|no(?! (?:way|further|longer|means|need|obligation|reasonable))|none|nil|"
    r"zero|n/?a)\b|\b(?:see (?:below|attached|table)"
    # "Information not held. See below for an explanation of the work of the commission":
    # a pointer to the reasons, not to the information
    r"(?!\s+for (?:an? |further |more |the )?(?:explanation|background|context)\b)|please find|"
    r"(?:is|are|has been|have been) (?:provided|attached|enclosed)|"
    # "figures provided for the years held": a summary's note that the answer was given
    r"(?:figures|information|data|details|numbers|statistics|totals?|breakdown|list|copy|copies)"
    r" (?:(?:is|are|has been|have been|was|were) )?(?:provided|attached|enclosed|supplied|given|"
    # not "information provided to a local authority for ...": what others gave the council
    r"disclosed|released)(?!\s+(?:to|by)\s+(?:a|an|the|local|other|third)\b)|"
    r"(?:table|spreadsheet|list) (?:below|attached|enclosed)|attached|enclosed|as follows)\b"
    # a summary's clause that ends on what was done: "Head of IT Operations named."
    r"|(?<!not )\b(?:named|supplied|disclosed)\s*(?:[.;]|$)",
    re.I,
)
# Figures that are not information given: dates, years, limits, phone numbers, references.
_NOT_FIGURES = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b"
    r"|\b\d{1,2}\^?(?:st|nd|rd|th)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\b|\bv\d+(?:\.\d+)+\b"  # "the 8^th of December", "Licence v3.0"
    # a cost estimate: "checking about 1000 complaints at 5 minutes each is 83 hours"
    r"|\b\d[\d,.]*\s+[a-z]+(?:\s+[a-z]+)?\s+at\s+(?:about\s+)?\d+\s*(?:minutes?|mins?|"
    r"hours?)(?:\s+each)?(?:\s+(?:is|=|would be|totals?)\s+(?:about\s+)?\d[\d,.]*\s*"
    r"(?:hours?|hrs?))?"
    r"|\b(?:19|20)\d\d(?:[/-](?:\d\d){1,2})?\b"  # "2019", "2019/20"
    # why no figure exists: "a single payment for each month of the 25 year term of the contract"
    r"|\b\d{1,2}[- ]years?\s+(?:term|contract|lease|agreement)\b"
    r"|£\s?[45]50\b|\b(?:18|24) ?hours\b|\b\d+ working days\b"
    r"|(?:https?://|www\.)\S+"  # a link's digits are not figures given
    # a tribunal or ICO case number: "EA/2018/0055", "decision notice FS50681336", "IC-12345-A1B2"
    r"|\b(?:EA|GIA|FS|FER|IC)[/-]?\d[\w/-]*"
    r"|\b\d[\d,.]*\s?(?:minutes?|mins?|hours?|hrs?|records?|files?|cases?|documents?|emails?)"
    r"\b(?=[^.]{0,80}\b(?:search|review|locate|extract|examine|check|each|per)\b)"
    r"|\b(?:estimate[ds]?|would (?:take|need|require|have to))\b[^.]{0,120}"
    r"|\(?\b0\d{3,4}\)?\s?\d{3}\s?\d{3,4}\b|\bP\.?O\.? Box \d+|\b\d{1,2}(?:[:.]\d\d)?\s?[ap]m\b"
    r"|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b"
    r"|\b(?:ref(?:erence)?|foi|eir|no)\b\.?\s*[:/#]?\s*[a-z]{0,4}[/ -]*\d[\w/-]*"
    # "as detailed in question 1", the next heading's "Question 4": a question's number
    r"|\bquestions?\s?\d{1,2}[a-z]?\b|\bq\d{1,2}[a-z]?\s?:"  # (not "Q4 2015": a date)
    r"|\[\d+\]|\b(?:sections?|s\.?|regulations?|reg\.?|exceptions?|articles?|paragraphs?|para\.?|schedule|"
    r"sch\.?)\s?\d+[A-Z]?(?:\s?\(\w+\))*",
    re.I,
)
# "..., not split between staff and patients as the system does not record it": the figures
# asked for are given; what is not held is a breakdown nobody asked for. A caveat, not a gap.
_CAVEAT = r"\ba caveat (?:must|should|has to|needs to) be (?:applied|added|noted)\b"
_BREAKDOWN_CAVEAT = re.compile(
    r"[,;(]?\s*[^.;,(]*\bnot (?:split|broken down|break down|separated|separate|itemised|"
    r"disaggregated)\b[^.;]*"
    # "see attached for applications with these words, as we don't record the developments as
    # specific application types": why the figures are a proxy, not a gap in them
    r"|\bas (?:we|the council|it) (?:do|does)(?: not|n't) (?:record|categori[sz]e|classify)\b"
    r"[^.;]{0,80}?\b(?:as|by) (?:specific|separate|individual|distinct)\b[^.;]*"
    # "A caveat must be applied to this response in that we do not record pothole data by
    # individual potholes": a note on the figures attached, not a gap in them
    r"|[^.;]*" + _CAVEAT + r"[^.]*",
    re.I)
_CAVEATED = re.compile(_CAVEAT, re.I)
# The reply says itself that only some of what was asked is given ('some information provided'):
# partial, even when the summary shows nothing withheld.
_SOME_GIVEN = re.compile(
    r"\bsome (?:of the )?(?:requested |relevant )?(?:information|data)\b"
    r"(?:(?!\bbut\b|\bnot\b|cannot)[^.;]){0,30}?"  # not "some held, but given the scope"
    r"\b(?:is |was |has been )?(?:provided|disclosed|released|supplied|enclosed|given)\b", re.I)
# ... or that only some is held ('holds some of the information requested'): partial when nothing
# is refused; beside a refusal it only says where the refusal applies ('some information held:
# the list is withheld').
_SOME_HELD = re.compile(r"\bheld in part\b|\bholds? (?:only )?some of\b|" + _SOME_GIVEN.pattern,
                        re.I)
_REDACTED = r"\bredacted\b|\bwith redactions\b|\bredactions (?:have been|were) (?:made|applied)\b"
_PARTIAL = re.compile(
    r"\bpartial(?:ly)?\b|in part\b|"
    # not "some of the information requested relates to sole traders": where an exemption bites
    r"some of the (?:requested )?(?:information|data)(?!(?: (?:you )?(?:have )?requested)? "
    r"(?:relates?|relating|is exempt|would|contains|includes|constitutes|falls)\b)|"
    r"(?:disclos|releas|provid)\w* (?:of )?some\b|part of (?:the (?:information|"
    r"request)|it)\b|remaining (?:information|parts?)\b|held in part|other parts?\b|"
    r"\bthe remainder\b|\bsome\b[^.;]{0,30}\band some\b|"
    # documents released with redactions: "signatures removed under section 40(2)"
    + _REDACTED + r"|\bremoved under\b|"
    + _SOME_GIVEN.pattern,
    re.I,
)


# What was given is less than what was asked: documents released with parts blacked out, or
# figures that cover only some of the period ('data held only for Aug 2011-Jun 2012').
_CUT_DOWN = re.compile(
    _REDACTED + r"|\b(?:held|available|recorded|kept) only (?:for|from|since|between)\b"
    r"|\bonly (?:held|available|recorded|kept) (?:for|from|since|between)\b"
    # "placing the comment 'not available' where the information has not been recorded"
    r"|\bwhere (?:the )?(?:information|data) (?:has not been|was not|is not|were not) "
    r"(?:recorded|held|available)\b", re.I)


_PREAMBLE = re.compile(
    r"^(?:dear\b|re\b|ref|thanks|i (?:am writing|write)|freedom of information|foi\b)"
    r"|thank you for your|we (?:have )?received your|your (?:recent )?request|further to your"
    r"|please find (?:below|attached|enclosed)?,?.{0,60}response|\breceived on\b"
    r"|\brequest (?:dated|of)\b|working days|\breference\b",
    re.I,
)


# A sentence that estimates the work compliance would take ('1,800 lines of spend would need
# checking at about 5 minutes per line'): its figures are the reason for a refusal, not answers.
_ESTIMATE = re.compile(r"\bwould (?:take|need|require|have to|involve)\b|\b(?:minutes?|hours?) "
                       r"(?:each|per)\b|\bper (?:record|line|case|file|item|document)\b", re.I)


# Under the cost limit, counts of what a search found ('428 items identified', 'a further 1,196
# items') size the work; they are not the information asked for.
_SEARCH_COUNTS = re.compile(
    r"\b\d[\d,.]*\s+(?:[a-z-]+\s+)?(?:items?|records?|e-?mails?|documents?|files?|hits?|results?"
    r"|entries|lines|pages)\b", re.I)


# "Please find the Council's response to your request set out attached": a courtesy that is
# also the answer
_SENT_ATTACHED = re.compile(r"\bresponse\b[^.;]{0,60}\b(?:set out |is )?(?:attached|enclosed)\W*$",
                            re.I)


def _substance(text: str) -> str:
    """The answer without any sentence that only talks about exemptions or estimates the cost
    of complying, for the 'was anything given' test: figures inside 'Section 31(1)(a)' or
    '6,708 records at 5 minutes each' must not count as figures given."""
    text = " ".join(s for s in re.split(r"(?<=[.;])\s+(?=[A-Z(])", " ".join(text.split()))
                    if not _ESTIMATE.search(s))
    text = _BREAKDOWN_CAVEAT.sub(". ", _NOT_FIGURES.sub(" ", text))
    # "a table is provided for the other categories, but networking figures are exempt": the
    # first half gives something even though the sentence also refuses
    sentences = re.split(r"(?<=[.;:])\s+|\s[–-]\s|,\s+but\s+|\s+and (?=the (?:remainder|rest)\b)",
                         text)
    keep = [s for s in sentences if not (_REFUSED.search(s) or _NCND.search(s) or NOT_HELD.search(s)
                                         or (_PREAMBLE.search(s) and not _SENT_ATTACHED.search(s)))]
    return " ".join(k for k in keep if _ANSWER_SIGNAL.search(k))


def classify(answer: str | None) -> str:
    """One outcome label for one answer text (see corpus.models.OUTCOMES)."""
    if not answer or not answer.strip():
        return "unknown"
    return _classify(answer)


@lru_cache(maxsize=2048)
def _signals(answer: str) -> tuple[bool, bool, bool, bool, bool]:
    """What an answer does: (NCND, refused, not held, figures given, says 'partly')."""
    answer = answer.replace("\u2019", "'")
    text = " ".join(answer.split())
    return (bool(_NCND.search(text)),
            _refuses(text),
            # what a declared caveat says is not recorded qualifies the figures attached
            bool(NOT_HELD.search(_BREAKDOWN_CAVEAT.sub(" ", text) if _CAVEATED.search(text)
                                 else text)),
            bool(_ANSWER_SIGNAL.search(_substance(
                _SEARCH_COUNTS.sub(" ", answer) if "s12" in find_exemptions(text) else answer))),
            bool(_PARTIAL.search(text)))


@lru_cache(maxsize=2048)
def _classify(answer: str) -> str:
    """classify() for a non-empty answer; cached, as a blanket answer serves every question."""
    text = " ".join(answer.replace("\u2019", "'").split())
    ncnd, refused, not_held, given, partial = _signals(answer)
    if ncnd and given and (rest := _NCND_OTHER.sub(" ", text)) != text and not _NCND.search(rest) \
            and _classify(rest) == "answered":
        return "answered"  # "13; ... neither confirms nor denies holding any other information"
    if ncnd:
        return "partial" if given and partial else "ncnd"
    if refused and not (not_held and not find_exemptions(text)):
        # "decided to disclose some of the requested information; some withheld": partial;
        # "held in part but not disclosed" says how much is held, and none of it is given
        says_part = partial and bool(_PARTIAL.search(re.sub(r"\bheld in part\b", " ", text)))
        return "partial" if given or says_part else "refused"
    if given and _CUT_DOWN.search(text):
        return "partial"  # "the correspondence with redactions", "data held only for 2011-12"
    if not not_held and _SOME_HELD.search(text):
        return "partial"  # "TfL confirms it holds some of the information requested"
    if not_held and re.match(r"\W*(?:n/a|not applicable)\b", text, re.I):
        return "answered"  # "N/A, we have no smart meters": moot, because of an earlier answer
    if not_held and given and not NOT_HELD.search(_BREAKDOWN_CAVEAT.sub(" ", text)):
        return "answered"  # figures given; only a breakdown is not recorded
    if not_held:
        return "partial" if given else "not_held"
    return "answered" if len(text) >= 1 else "unknown"


def _refuses(text: str) -> bool:
    """Whether an answer refuses something: refusal words, or an exemption it applies by
    number ('Section 12 (cost of compliance) applies', 'relies on Section 43(2)'). A cited
    exemption is a refusal however the summary words it; rights boilerplate is not."""
    if _only_mentions_rights(text):
        return False
    return bool(_REFUSED.search(text)) or any(
        c not in NOT_HELD_EXCEPTIONS for c in find_exemptions(text, implied=False))


def says_something(answer: str) -> bool:
    """Whether an answer gives, refuses, withholds or lacks anything at all ('interpreted as
    ARV attendance times' does none of these: it only says how the question was read)."""
    return any(_signals(answer)[:4])


def mixed(answer: str) -> bool:
    """Whether one reply does different things (NCND, refusal, not held, figures given):
    then it answers its questions one by one, however it reads as a whole."""
    return sum(_signals(answer)[:4]) >= 2


def _only_mentions_rights(text: str) -> bool:
    """Boilerplate about review rights ('if you are unhappy with our refusal') is not a refusal."""
    return bool(re.search(r"if you are (?:unhappy|dissatisfied)", text, re.I)) and not \
        find_exemptions(text, implied=False)


def document_outcome(outcomes: list[str]) -> str:
    """Roll question outcomes up to one label for a whole request."""
    known = [o for o in outcomes if o != "unknown"]
    if not known:
        return "unknown"
    if len(set(known)) == 1:
        return known[0]
    return "partial"


_ATTACHMENTS = re.compile(
    r"\b\d+ Attachments?\b|\S+\.(?:docx?|pdf|xlsx?|csv|odt|ods|zip)\s+\d+(?:\.\d+)?[KM]B?\b"
    r"(?:\s+Download)?(?:\s+View as HTML)?|\bDownload View as HTML\b", re.I)


# where an answer's sentences (or its lines) end, for dropping the courtesy ones
_SENTENCE_BREAK = re.compile(r"(?<=[.:;!?])\s+|\n+")


def strip_preamble(text: str) -> str:
    """The answer without its opening courtesies ('Dear ...', 'Thank you for your request ...
    received on ...', 'Please find our response below'), so an excerpt starts with substance."""
    text = _ATTACHMENTS.sub(" ", text)
    sentences = _SENTENCE_BREAK.split(text.strip())
    start = 0
    while start < len(sentences) - 1 and (_courtesy(sentences[start]) or (
            start and _BARE_DATE.match(sentences[start])
            and sentences[start - 1].rstrip().lower().endswith(" on"))):
        start += 1  # (a date wrapped onto its own line after 'which we received on')
    body = " ".join(" ".join(sentences[start:]).split())
    body = re.sub(r"^(?:(?:set out )?below|as follows)\s*:\s*", "", body, flags=re.I)
    # the closing quote or mark of an echoed question left before the answer ('’ The number')
    return re.sub(r"^[\"'’”?:;,.\s]+(?=\S)", "", body)


def without_courtesies(text: str) -> str:
    """The answer without any courtesy sentence, wherever it sits: a long letter that answers
    in prose repeats 'received on 30/01/2023' and 'your request' in its later letters, and such a
    sentence names no question."""
    sentences = _SENTENCE_BREAK.split(strip_preamble(text))
    return " ".join(s for s in sentences if not _courtesy(s))


def _courtesy(sentence: str) -> bool:
    return not sentence.strip() or (bool(_PREAMBLE.search(sentence)) and len(sentence) < 250)


_BARE_DATE = re.compile(r"^\W*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\W*$")
