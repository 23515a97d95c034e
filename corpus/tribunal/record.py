"""One tribunal record -> a `Document`: the record checked, then each reader's part assembled.

``Document.extra`` holds ``appellant_is_authority`` and ``request_source``
("quote" / "summary" / "title").
"""

from __future__ import annotations

import hashlib

from corpus.models import CorpusError, Decision, Document
from corpus.tribunal.authority import _authority
from corpus.tribunal.exemptions_at_issue import _exemptions, _paragraph_cites
from corpus.tribunal.metadata import _decision_date, _field, _reference, _regime
from corpus.tribunal.names import _looks_like_person
from corpus.tribunal.parties import _authority_appealed, _other_respondents, _parties_of
from corpus.tribunal.redact import REQUESTER, _Names, redact_text
from corpus.tribunal.request import _requested, _shorten
from corpus.tribunal.result import _result
from corpus.tribunal.text import _ascii_letters, _layout, _lower

_SCAN = 40_000  # the request, authority, regime and appellant cues live in the first pages
_EXEMPTION_SCAN = 80_000

_DECISION_WORDS = ("tribunal", "appeal", "court", "commissioner", "decision", "judgment",
                   "registrar", "withdraw")


def _looks_like_decision(text: str) -> bool:
    """A decision names a tribunal, a court, an appeal or the Commissioner early on."""
    for size in (5000, 20_000):
        low = text[:size].lower()
        if any(word in low for word in _DECISION_WORDS):
            return True
        if len(text) <= size:
            break
    return False


def _check(record: object) -> tuple[str, str]:
    """The record's text and reference, or CorpusError saying why it cannot be parsed."""
    if not isinstance(record, dict):
        raise CorpusError("tribunal record is not a JSON object")
    if record.get("text") is None:
        raise CorpusError("tribunal record has no text")
    if record.get("reference") is None:
        raise CorpusError("tribunal record has no reference")
    text = record["text"]
    if not isinstance(text, str):
        raise CorpusError("tribunal record text is not a string")
    if text.isspace() or not text:
        raise CorpusError("tribunal record text is empty")
    if _ascii_letters(text[:3000]) < 40 or not _looks_like_decision(text):
        raise CorpusError("tribunal record text is not a decision")
    raw_ref = record["reference"]
    return text, raw_ref.strip() if isinstance(raw_ref, str) else ""


def parse_tribunal_record(record: dict, source: str = "tribunal") -> Document:
    """One tribunal decision record -> a `Document` of kind "decision" (see the package doc)."""
    text, raw_ref = _check(record)
    body = _layout(text[:_EXEMPTION_SCAN])
    body_low = _lower(body)
    head, head_low = body[:_SCAN], body_low[:_SCAN]
    title, private_names, first_party, respondents = _parties_of(record, head, head_low)
    reference = _reference(raw_ref, text)
    key = _field(record, "id") or reference
    if not key:
        raise CorpusError("tribunal record has neither id nor reference")
    respondents = _other_respondents(record, respondents, first_party)
    # A requester joined as a respondent (when the authority appealed) is private too.
    names = (_Names(private_names),
             _Names([r for r in respondents if _looks_like_person(r, 2)], REQUESTER))
    appealed = bool(first_party) and _authority_appealed(first_party, record, head_low,
                                                         respondents)
    authority = _authority(record, head, head_low, first_party, appealed, respondents)
    regime = _regime(record, head_low)
    found = _paragraph_cites(body, body_low)
    exemptions = _exemptions(found, body_low, regime)
    if regime == "FOIA" and exemptions and exemptions[0].startswith("r"):
        regime = "EIR"  # argued under the EIR whatever the record's label says
        exemptions = _exemptions(found, body_low, regime)
    raw_outcome = _field(record, "appeal_outcome")
    requested, request_source = _requested(head, head_low, title or reference or "")
    return Document(
        source=source,
        key=key,
        kind="decision",
        authority=redact_text(authority, *names) if authority else None,
        date=_decision_date(_field(record, "decision_date"), head_low),
        reference=reference,
        url=_field(record, "source_url") or None,
        title=redact_text(title, *names) or None,
        questions=(),
        decision=Decision(
            reference=reference,
            information_requested=_shorten(redact_text(requested, *names)),
            exemptions=exemptions,
            result=_result(raw_outcome, _field(record, "information_disclosure"), appealed,
                           head_low),
            appeal_outcome=raw_outcome or None,
        ),
        regime=regime,
        content_hash=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        extra={"appellant_is_authority": appealed, "request_source": request_source},
    )
