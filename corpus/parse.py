"""Raw documents to parsed Documents: one pure function per input format.

Each takes what a source reader yields (text, or one decoded JSON record) and returns a
Document, or raises CorpusError with a reason the ingest report can print.
"""

from __future__ import annotations

import hashlib
import json
import re

from corpus.align import align, labelled_count
from corpus.header import INITIALS, find_authority, find_date, find_reference, find_year
from corpus.models import CorpusError, Document, Question
from corpus.redact import redact, requester_names
from corpus.split import refine_to_count, split_questions

MAX_TEXT_CHARS = 2_000_000

_REQUEST_START = re.compile(
    r"(?:for the following information|you asked|your request(?: was)?|request(?:ed)?|"
    r"the following)\s*:[ \t]*\n?", re.I,
)
_REQUEST_END = re.compile(
    r"\n\s*(?:we have processed|response\b|our response|answer\b|council'?s? response)", re.I,
)


def _text_field(record: dict, key: str) -> str | None:
    """A metadata field only if it is text: records come from files we do not control."""
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def content_hash(payload: str | dict) -> str:
    raw = payload if isinstance(payload, str) else json.dumps(payload, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise CorpusError(f"{what} is not text")
    if "\x00" in text[:4096]:
        raise CorpusError(f"{what} looks binary")
    if not text.strip():
        raise CorpusError(f"{what} is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise CorpusError(f"{what} is too large ({len(text):,} characters)")
    return text


def parse_response_text(text: str, key: str = "document", source: str = "text") -> Document:
    """A plain-text response letter (the seeds): request listed, then answered or refused."""
    text = _check_text(text, "document").replace("\r\n", "\n")
    start = _REQUEST_START.search(text)
    body = text[start.end():] if start else text
    end = _REQUEST_END.search(body)
    request = body[: end.start()] if end else body
    questions = split_questions(request, answers_follow=True)
    if not questions:
        raise CorpusError("no request found in the document")
    parsed = align(questions, body if not end else body[end.start():] if _repeats(
        questions, body[end.start():]) else body)
    header = text[: start.start()] if start else text[:600]
    return Document(
        source=source, key=key, kind="response",
        authority=find_authority(header) or find_authority(text),
        date=find_date(header) or find_date(text[:3000]),
        reference=find_reference(header) or find_reference(text[:3000]),
        url=None, title=_title_from(questions), questions=tuple(_redacted(parsed, [])),
        regime="EIR" if re.search(r"Environmental Information Regulations", text) else "FOIA",
        content_hash=content_hash(text),
    )


def _repeats(questions: list[str], response: str) -> bool:
    """Whether the response section repeats the questions (seed 000) rather than answering
    under the original list (seed 003)."""
    probe = " ".join(re.findall(r"[a-z0-9]+", questions[0].lower())[:6])
    return probe in " ".join(re.findall(r"[a-z0-9]+", response.lower()))


def _title_from(questions: list[str]) -> str:
    first = questions[0]
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def _redacted(questions: list[Question], names: list[str]) -> list[Question]:
    return [
        Question(redact(q.text, names), q.outcome, q.exemptions,
                 redact(q.answer, names) if q.answer else None)
        for q in questions
    ]


def _field(text: str, label: str) -> str | None:
    m = re.search(rf"^{label}\b[^:\n]*:\s*(.*(?:\n(?!(?:Request|Response|Outcome)\b).*)*)",
                  text, re.M)
    return m.group(1).strip() if m else None


def parse_disclosure_record(record: dict, source: str = "disclosure-logs") -> Document:
    """A condensed disclosure-log page: 'Request: ...', 'Response: ...', 'Outcome: ...'."""
    if not isinstance(record, dict):
        raise CorpusError("record is not a JSON object")
    text = _check_text(record.get("text"), "record text")
    request = _field(text, "Request")
    if not request:
        raise CorpusError("record has no 'Request:' line")
    request = re.sub(r"^(?:under (?:foia|the foi act|foisa|eir)[^:]*:\s*)", "", request, flags=re.I)
    questions = split_questions(request, semicolons=True)
    if not questions:
        raise CorpusError("record's request is empty")
    response = _field(text, "Response")
    outcome_note = _field(text, "Outcome") or ""
    if not response and re.search(r"exempt|refus|withh|witheld", outcome_note, re.I):
        response = outcome_note
    count = labelled_count(response or "")
    if 2 <= count < len(questions):
        # "Q1: ... Q4: ..." answers four semicolon parts: the first one's list of places
        # ("payments to hotels, hostels, B&Bs") is one question, not three
        whole = split_questions(request, semicolons=True, fields=False)
        questions = whole if len(whole) == count else questions
    questions = refine_to_count(questions, count)
    parsed = align(questions, response, clause_level=True)
    if not _field(text, "Response"):
        parsed = _with_status(parsed, outcome_note)
    title = _text_field(record, "title") or text.split("\n", 1)[0]
    req_head = re.search(r"^Request\s*\(([^)]*)\)", text, re.M)
    return Document(
        source=source, key=str(record.get("url") or content_hash(text)[:16]), kind="response",
        authority=_authority_of(record, title),
        date=find_date((req_head.group(1) if req_head else "") + " " + title)
        or find_year(title),
        reference=find_reference(title), url=_text_field(record, "url"), title=redact(title),
        questions=tuple(_redacted(parsed, [])), regime=_text_field(record, "regime"),
        content_hash=content_hash(text),
        extra={"authority_type": record.get("authority_type"),
               "outcome_hint": record.get("outcome_hint")},
    )


# A page that shows no reply often still shows its status: WhatDoTheyKnow's label ('The
# request was successful.'), a council log's document title ('Response (some not held)').
# It is what happened to the request, read whole; an excerpt that shows only the
# acknowledgement leaves it unknown (the label may be stale, and nothing confirms it).
_STATUS_NOTES = (
    (re.compile(r"partially successful|some not held|some exceeds|some information provided",
                re.I), "partial"),
    (re.compile(r"request was successful|all information (?:to be )?supplied", re.I),
     "answered"),
    (re.compile(r"\(not held\)|did not have the information|information (?:is )?not held",
                re.I), "not_held"),
    (re.compile(r"cost exceeds (?:the )?(?:appropriate )?limit|would exceed the appropriate "
                r"limit", re.I), "refused"),
)
_ACK_ONLY = re.compile(r"acknowledge?ment only|only the [^.)]{0,40}acknowledge?ment", re.I)


def status_outcome(note: str) -> str | None:
    """The outcome a page's status line states, or None (no status, or an excerpt that
    shows only the acknowledgement)."""
    if not note or _ACK_ONLY.search(note):
        return None
    return next((outcome for rx, outcome in _STATUS_NOTES if rx.search(note)), None)


def _with_status(parsed: list[Question], note: str) -> list[Question]:
    """Questions the reply could not tell about, given the page's stated status."""
    status = status_outcome(note)
    if not status or any(q.outcome != "unknown" for q in parsed):
        return parsed
    cited = ("s12",) if status == "refused" else ()
    return [Question(q.text, status, q.exemptions or cited, q.answer) for q in parsed]


# 'WhatDoTheyKnow request to the ICO', 'blog post quoting London Borough of Barnet FOI
# response': the body is what follows the relay phrase
_RELAY = re.compile(r"^.*?\b(?:request to|quoting|from)\s+(?:the\s+(?=[a-z]))?", re.I)
_PUBLIC_SITE = re.compile(r"\.(?:gov|nhs|police|ac|mod|parliament)\.uk$|\.gov\.(?:scot|wales)$|"
                          r"^nhs\.wales$|\.(?:org|co)\.uk$", re.I)
_BODY_WORDS = re.compile(r"council|police|trust|nhs|university|authority|service|department|"
                         r"office|transport|constabulary|ministry|agency|commission|"
                         r"partnership", re.I)


def _authority_of(record: dict, title: str) -> str | None:
    """The body a log page is from. A title names it in brackets after the subject ('Posts
    funded by the Home Office (WhatDoTheyKnow request to Cambridgeshire Constabulary)'), so
    the brackets are read first, the last first; else the site it came from, when that is a
    public body's."""
    for part in reversed(re.findall(r"\(([^()]*)\)", title)):
        name = _RELAY.sub("", part.split(",")[0].strip())
        initials = name.split(" ", 1)[0]  # 'DWP Central FoI Team'; not 'Met Office'
        found = find_authority(name) or (INITIALS.get(initials) if initials.isupper() else None)
        if found:
            return found
        if name[:1].isupper() and _BODY_WORDS.search(name):
            return re.sub(r"\s+(?:FOI|disclosure log)$", "", name)
    found = find_authority(title)
    if found:
        return found
    site = _text_field(record, "site") or _text_field(record, "domain")
    return site if site and _PUBLIC_SITE.search(site) else None


_ACK = re.compile(
    r"acknowledg|we (?:have )?received your request"
    r"|will (?:aim to )?respond (?:to you )?(?:within|by)|within 20 working days|has been logged"
    r"|reference number for your request|request is being (?:processed|considered)"
    r"|will be dealt\s+with|must respond\s+to\s+you",
    re.I,
)
_HOLDING = re.compile(
    r"apologi[sz]e for the delay in (?:providing|sending|our)|need (?:more|additional|further) time"
    r"|extend(?:ed|ing)? the (?:time|deadline)|clarif(?:y|ication)|(?:full|real) name"
    r"|public interest test (?:is )?(?:being|still being) considered"
    r"|(?:have|has been) forwarded (?:it |this |your \w+ )?to|out of (?:the )?office"
    r"|(?:will|is) not (?:be |being )?monitored|automatic(?:ally generated)? (?:reply|response)"
    r"|auto-?reply|(?:be in touch|respond|reply) (?:shortly|as soon as)"
    r"|apologi[sz]e for not (?:meeting|responding)|(?:actively|still) working on your request"
    r"|be in touch with (?:your|a|our|the) (?:full )?response",
    re.I,
)
# A deferral says outright that the answer is still to come, whatever else it mentions.
_DEFERRAL = re.compile(
    r"extend the 20 working day|up to 40 working days"
    r"|will not be able to (?:provide|send) (?:a|our|you a|you our) (?:full )?response"
    r"|request for an internal review\b.{0,160}\b(?:received|logged|carried out by)"
    r"|(?:response|reply) is (?:due|not (?:yet )?(?:complete|ready))\b.{0,80}\bnot (?:yet )?"
    r"complete\b|will (?:reply|respond) (?:to you )?(?:tomorrow|later this week|next week)"
    # "Apologies for our delay, we are replying this afternoon with the information"
    r"|\b(?:are|will be) (?:replying|responding|sending (?:it|this|the information|our "
    r"response)) (?:to you )?(?:this (?:morning|afternoon|evening)|later today|tomorrow)\b"
    r"|\bclock will (?:start|restart)\b"
    # "we do not have a substantive response at this time", "we do not seem to have a
    # response on file ... please let us know if you still wish to receive the request"
    r"|(?:do not|don't) (?:yet )?have a (?:substantive|full) response"
    r"|(?:do not|don't) (?:seem to )?have a response on file|still wish to receive"
    # delay notices: "there may be a delay", "we need to review them before we issue our
    # response", "our response is overdue", "we shall ... update you by 28 February"
    r"|\bthere (?:may|might|will) be (?:a )?delays?\b|before we (?:issue|send|provide) (?:our|a|"
    r"the|you) (?:full )?(?:response|reply)|(?:response|reply) is (?:now )?overdue"
    r"|\bupdate you (?:by|on|within)\b|\bwith a deadline\b|not met (?:our|the) deadline"
    r"|(?:further|another) fortnight|target of providing|for not (?:answering|responding to) "
    r"(?:this|your) request within",
    re.I | re.S,
)
# A request not yet valid ("cannot process your requests because you have not given us your
# full name", "Before we can begin to process your request, we would like to clarify..."):
# nothing can be answered yet, however long the explanation.
_NOT_YET_VALID = re.compile(r"cannot process your requests? because|before we can (?:begin to )?"
                            r"process your|cannot (?:consider|accept|treat) this as a valid "
                            r"request", re.I)
_ANSWERED = re.compile(
    r"please find (?:attached|enclosed|below)|set out below|neither confirm|not held"
    r"|do(?:es)? not hold|\bholds? no (?:relevant |recorded )?(?:information|records|data)\b",
    re.I)
_SUBSTANCE = re.compile(  # what answers outright, or any other sign that the reply answers
    _ANSWERED.pattern + r"|response to your request|\bexempt|\brefus|withh(?:e|o)ld|attached"
    r"|enclosed|\bour response|in response to your|the answer",
    re.I,
)
# "Thank you for your request for information relating to student council tax exemptions which
# we received": the request's topic, whose words ('exemptions', 'refusals') answer nothing
_TOPIC = re.compile(r"request for information (?:relating to|regarding|about|concerning|on) "
                    r"[^.]{0,200}?(?:which|that) (?:we|was) received", re.I)
_QUOTED = re.compile(
    r"\n(?:-{3,}\s*original message|from:\s|sent:\s.*\n\s*to:|on .{5,80} wrote:"
    r"|show quoted sections|-{10,}|_{10,}|>)",
    re.I,
)
_FOOTER = re.compile(
    r"\n\s*(?:references\s*\n\s*visible links|this e-?mail,? (?:and any (?:attachments|files)|is "
    r"(?:confidential|intended)|may contain))"
    # the same disclaimer run on after a signature on one line
    r"|\sthis e-?mail,?\s+and\s+any\s+(?:attachments|files),?\s+may\s+contain"
    r"|\n\s*the information (?:provided )?in this (?:response|e-?mail) is available for re-?use",
    re.I,
)
_RESPONSE_LEAD = re.compile(
    r"(?:please (?:find|see)|(?:is|are) set out|here is)\b[^.\n]{0,80}?"
    r"\b(?:response|answers?|reply)\b(?: to your (?:request|questions?))?"
    r"(?:[^.\n:]{0,40}?(?:below|as follows))?\s*[:.]", re.I,
)
_WDTK_STATUS = {
    "Successful": "answered", "Partially successful": "partial", "Refused": "refused",
    "Information not held": "not_held",
}


def _message(event: dict) -> str:
    content = event.get("content") if isinstance(event, dict) else None
    if isinstance(content, list):
        return "\n".join(c for c in content if isinstance(c, str))
    return content if isinstance(content, str) else ""


_SEPARATOR = re.compile(r"^(?:-{10,}|_{10,})\s*$", re.M)


def _unquote(text: str, separators: bool = True) -> str:
    """The message without the thread quoted below it or the e-mail footer and link list.
    Without `separators`, a bare line of dashes is kept: in a request it divides sections of
    questions ('Energy Procurement:', 'Solar PV Panels:'), there is no thread to quote yet."""
    if not separators:
        text = _SEPARATOR.sub("", text)
    m = _QUOTED.search("\n" + text)
    text = text[: max(m.start() - 1, 0)] if m else text
    m = _FOOTER.search("\n" + text)
    return text[: max(m.start() - 1, 0)] if m else text


def _is_holding_reply(reply: str) -> bool:
    """An acknowledgement, clarification request or delay notice: nothing answered yet.
    Matched on the text with its line breaks undone: e-mails wrap mid-phrase ('we will not
    be' at a line's end, 'able to provide a response' on the next)."""
    reply = " ".join(reply.split())
    if _DEFERRAL.search(reply) and len(reply) < 3000 and not _ANSWERED.search(reply):
        return True
    if _NOT_YET_VALID.search(reply) and not _ANSWERED.search(reply):
        return True
    if _SUBSTANCE.search(_TOPIC.sub(" ", reply)):
        return False
    return bool(_ACK.search(reply) or _HOLDING.search(reply)) and len(reply) < 3000


def _body_of(reply: str) -> str:
    """The reply from 'Please find our response below:' on, when it says so."""
    m = _RESPONSE_LEAD.search(reply)
    if m and len(reply[m.end():].strip()) > 150 and not _SUBSTANCE.search(reply[: m.start()]):
        return reply[m.end():]
    return reply


def _pick_response(events: list[dict]) -> str | None:
    """The authority's substantive reply: the first incoming message that is not only an
    acknowledgement, clarification or delay notice, with quoted text and footers cut off."""
    replies = [_unquote(_message(e)) for e in events[1:]
               if isinstance(e, dict) and e.get("type") == "incoming"]
    for reply in replies:
        if reply.strip() and not _is_holding_reply(reply):
            return _body_of(reply)
    return None


def parse_wdtk_thread(record: dict, source: str = "wdtk") -> Document:
    """A WhatDoTheyKnow thread: the first outgoing message is the request; the first real reply
    is the response. The requester's name is removed everywhere."""
    if not isinstance(record, dict):
        raise CorpusError("record is not a JSON object")
    events = record.get("events")
    if not isinstance(events, list) or not events:
        raise CorpusError("thread has no messages")
    first = next((e for e in events if isinstance(e, dict) and e.get("type") == "outgoing"), None)
    request = _unquote(_message(first), separators=False) if first else ""
    _check_text(request, "request message")
    names = requester_names(request)
    questions = split_questions(request)
    if not questions:
        raise CorpusError("request message has no question")
    response = _pick_response(events)
    parsed = align(questions, response)
    status = _WDTK_STATUS.get(_text_field(record, "display_status") or "")
    if status and all(q.outcome == "unknown" for q in parsed) and response:
        parsed = [Question(q.text, status, q.exemptions, q.answer) for q in parsed]
    title = _text_field(record, "title") or ""
    return Document(
        source=source, key=str(record.get("id") or content_hash(request)[:16]), kind="response",
        authority=_text_field(record, "authority"),
        date=(_text_field(record, "created_at") or "")[:10] or None,
        reference=find_reference(response[:2000]) if response else None,
        url=_text_field(record, "source_url"), title=redact(title, names),
        questions=tuple(_redacted(parsed, names)), regime="FOIA",
        content_hash=content_hash(record),
        extra={"display_status": _text_field(record, "display_status")},
    )
