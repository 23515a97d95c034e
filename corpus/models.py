"""Plain records that every layer shares. Stdlib only, so parsers stay pure and testable."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTCOMES = ("answered", "refused", "ncnd", "not_held", "partial", "unknown")
DECISION_RESULTS = ("upheld", "partly_upheld", "overturned", "unknown")


@dataclass(frozen=True)
class Question:
    """One question of a request and what the authority did with it."""

    text: str
    outcome: str = "unknown"
    exemptions: tuple[str, ...] = ()
    answer: str | None = None


@dataclass(frozen=True)
class Decision:
    """A tribunal decision on a refusal: whether the exemptions held up on appeal."""

    reference: str | None
    information_requested: str
    exemptions: tuple[str, ...]
    result: str
    appeal_outcome: str | None = None


@dataclass(frozen=True)
class Document:
    """One raw response, page, thread or decision, parsed.

    `key` is unique within its source (a file name, URL or record id) so re-ingest can
    recognise a document it has seen; `content_hash` tells whether it changed.
    """

    source: str
    key: str
    kind: str  # "response" or "decision"
    authority: str | None
    date: str | None
    reference: str | None
    url: str | None
    title: str | None
    questions: tuple[Question, ...] = ()
    decision: Decision | None = None
    regime: str | None = None
    content_hash: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def to_parse_json(self) -> dict:
        """The stable shape that `foi-assistant parse --json` prints."""
        out = {
            "authority": self.authority,
            "date": self.date,
            "reference": self.reference,
            "url": self.url,
            "title": self.title,
            "kind": self.kind,
            "questions": [
                {
                    "text": q.text,
                    "outcome": q.outcome,
                    "exemptions": list(q.exemptions),
                    "answer": q.answer,
                }
                for q in self.questions
            ],
        }
        if self.decision is not None:
            d = self.decision
            out["decision"] = {
                "reference": d.reference,
                "information_requested": d.information_requested,
                "exemptions": list(d.exemptions),
                "result": d.result,
                "appeal_outcome": d.appeal_outcome,
            }
        return out


class CorpusError(Exception):
    """A record or file that cannot be parsed; the message says which and why."""
