"""Run every configured source into the store and say what happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from corpus.models import Document
from corpus.sources import Skipped, Source, read_source
from corpus.store import Store


@dataclass
class SourceReport:
    name: str
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    questions: int = 0
    decisions: int = 0
    outcomes: Counter = field(default_factory=Counter)
    exemptions: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class IngestReport:
    sources: list[SourceReport]

    def render(self, max_skipped: int = 20) -> str:
        lines = []
        for s in self.sources:
            lines.append(f"{s.name}: {s.documents} documents ({s.new} new, {s.changed} changed, "
                         f"{s.unchanged} unchanged), {s.questions} questions"
                         + (f", {s.decisions} decisions" if s.decisions else "")
                         + f", {len(s.skipped)} skipped")
            if s.outcomes:
                lines.append("  outcomes: " + _counts(s.outcomes))
            if s.exemptions:
                lines.append("  exemptions: " + _counts(s.exemptions, 12))
            for sk in s.skipped[:max_skipped]:
                lines.append(f"  skipped {sk.item}: {sk.reason}")
            if len(s.skipped) > max_skipped:
                lines.append(f"  ... and {len(s.skipped) - max_skipped} more skipped")
        total_docs = sum(s.documents for s in self.sources)
        total_q = sum(s.questions for s in self.sources)
        total_skip = sum(len(s.skipped) for s in self.sources)
        lines.append(f"total: {total_docs} documents, {total_q} questions, {total_skip} skipped")
        return "\n".join(lines)


def _counts(counter: Counter, limit: int | None = None) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common(limit))


def _account(report: SourceReport, doc: Document, status: str) -> None:
    report.documents += 1
    setattr(report, status, getattr(report, status) + 1)
    report.questions += len(doc.questions)
    report.decisions += doc.decision is not None
    report.outcomes.update(q.outcome for q in doc.questions)
    report.exemptions.update(e for q in doc.questions for e in q.exemptions)
    if doc.decision is not None:
        report.outcomes.update([f"decision {doc.decision.result}"])
        report.exemptions.update(doc.decision.exemptions)


def ingest(store: Store, sources: Iterable[Source],
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Parse and store every document; a broken item is listed, never fatal."""
    reports = []
    for src in sources:
        report = SourceReport(src.name)
        if progress:
            progress(src.name)
        for item in read_source(src):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            result = store.write_document(item)
            _account(report, item, result.status)
        reports.append(report)
    return IngestReport(reports)
