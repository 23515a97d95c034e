"""Text to ranked precedents: the FAISS neighbours joined to their store rows, filtered."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from corpus.exemptions import as_printed, section_of
from corpus.foisa import typed_citation
from corpus.header import authority_key, canonical_names
from corpus.store import Store
from index.build import SHORT_QUESTION_WORDS, indexed_text
from index.embedder import Embedder
from index.vectors import DECISIONS, IndexProblem, VectorIndex, load


@dataclass(frozen=True)
class Precedent:
    """A past question like the user's, and what happened to it."""

    id: str
    question: str
    authority: str | None
    date: str | None
    reference: str | None
    outcome: str
    exemptions: tuple[str, ...]
    similarity: float
    source_url: str | None
    answer: str | None = None
    document_id: str = ""
    title: str | None = None
    # a Scottish reply's citations as it wrote them (FOISA's numbers); `exemptions` are FOIA's
    regime: str | None = None
    cited: tuple[str, ...] = ()

    def cited_as(self) -> str:
        """The citations for display: FOIA's numbers, and a Scottish reply's own beside them
        (the letter behind the link says s35(1)(a) where FOIA says s31(1)(a))."""
        shown = ", ".join(map(as_printed, self.exemptions))
        if self.regime == "FOISA" and self.cited and list(self.cited) != list(self.exemptions):
            shown += f" (cited as FOISA {', '.join(self.cited)})"
        return shown

    def part_of(self) -> str | None:
        """The subject of the request a short part belongs to ("Cyber attacks" for "phishing"),
        or None when the question reads alone, the request has no subject, or the part says
        it already: "make and model" means nothing without the request it came from."""
        topic = title_topic(self.title)
        if is_fragment(self.question) and re.search(r"[a-z]{3}", topic) and \
                topic.lower() not in self.question.lower():
            return topic
        return None

    def in_context(self) -> str:
        """The question as a reader can follow it: a short part with its request's subject."""
        topic = self.part_of()
        return f"{self.question} (part of: {topic})" if topic else self.question

    def to_json(self) -> dict:
        return {"id": self.id, "question": self.question, "authority": self.authority,
                "date": self.date, "reference": self.reference, "outcome": self.outcome,
                "exemptions": list(self.exemptions), "similarity": round(self.similarity, 4),
                "source_url": self.source_url, "regime": self.regime,
                "cited": list(self.cited or self.exemptions), "part_of": self.part_of()}



# what a log's title says of every request before or after its subject: "FOI request
# (FOIR-538023310) Contract with ... (Hastings Borough Council), responded 18 Sep 2023"
_TITLE_LEAD = re.compile(
    r"^(?:(?:foia?|eir|foi/eir|rfi|freedom of information|request|reply|response|foisa|"
    r"disclosure|log|ref(?:erence)?)\b[\s:/-]*|(?=[\w/.-]*\d)(?:[\w.-]*[A-Za-z/_.-][\w/.-]*|"
    r"\d{4,})\b[\s:-]*|\d+\s+[-–]\s+)+", re.I)
_TITLE_TAIL = re.compile(r"\s*,\s*(?:(?:responded|received|published|response|request of|"
                         r"decision|updated|released)\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?"
                         r"\d{4}\s*$")


def title_topic(title: str | None) -> str:
    """A request title's subject, less what every log puts round it: the reference, "FOI
    request", the bracketed authority and the date ("Contract with Brighton and Hove
    Council"). Empty when the title is nothing but those ("FOI request", "FOI-1180")."""
    text = re.sub(r"\s*\([^()]*\)", " ", title or "")
    text = re.sub(r"\s+", " ", _TITLE_TAIL.sub("", text.strip())).strip(" -–:;,.")
    return _TITLE_LEAD.sub("", text).strip(" -–:;,.")


def is_fragment(question: str) -> bool:
    """Whether a stored question is a request's field rather than a question of its own: as
    short as those the index embeds with their request's subject ("services")."""
    return len(question.split()) < SHORT_QUESTION_WORDS


@dataclass(frozen=True)
class TribunalPrecedent:
    """A First-tier Tribunal decision on a request like the user's question."""

    reference: str | None
    authority: str | None
    date: str | None
    result: str
    exemptions: tuple[str, ...]
    information_requested: str
    similarity: float
    source_url: str | None

    def to_json(self) -> dict:
        return {"reference": self.reference, "authority": self.authority, "date": self.date,
                "result": self.result, "exemptions": list(self.exemptions),
                "information_requested": self.information_requested,
                "similarity": round(self.similarity, 4), "source_url": self.source_url}


@dataclass
class Filters:
    authority: str | None = None
    exemption: str | None = None
    outcome: str | None = None
    exclude_documents: frozenset[str] = field(default_factory=frozenset)
    known: bool = False  # only questions whose outcome is known: the evidence a risk rests on

    def accepts(self, row: dict) -> bool:
        if row["document_id"] in self.exclude_documents:
            return False
        if self.known and row["outcome"] == "unknown":
            return False
        if self.outcome and row["outcome"] != self.outcome:
            return False
        if self.authority and authority_key(row["authority"]) != authority_key(self.authority):
            return False
        return not self.exemption or cites(row, typed_citation(self.exemption))


NCND = "ncnd"
# each exemption's own neither-confirm-nor-deny subsection (FOIA; the EIR's r12(6), r13(5)):
# a reply citing one refused to say whether the information is held at all
NCND_CITATIONS = ("s22(2)", "s22a(2)", "s23(5)", "s24(2)", "s26(3)", "s27(4)", "s28(3)",
                  "s29(2)", "s30(3)", "s31(3)", "s32(3)", "s33(3)", "s34(2)", "s35(3)",
                  "s36(3)", "s37(2)", "s38(2)", "s39(2)", "s40(5", "s41(2)", "s42(2)", "s43(3)",
                  "s44(2)", "r12(6)", "r13(5)")


def cites(row: dict, wanted: str) -> bool:
    """Whether a stored question was refused under `wanted`: a section ('s31') takes its
    subsections, a subsection ('s31(1)') its paragraphs; 'ncnd' takes a neither-confirm-
    nor-deny reply, whether the outcome says so or the citation (s31(3), s40(5)...)."""
    citations = [e.lower() for e in row["exemptions"]]
    wanted = wanted.lower()
    if wanted == NCND:
        return row["outcome"] == NCND or any(c.startswith(NCND_CITATIONS) for c in citations)
    return any(c == wanted or section_of(c) == wanted or c.startswith(wanted + "(")
               for c in citations)


def request_of(p: Precedent) -> str:
    """The past request a precedent belongs to (itself, when its document is not known)."""
    return p.document_id or p.id


def one_per_request(precedents: Iterable[Precedent]) -> list[Precedent]:
    """Each past request's closest question only, in their order. A request's parts share
    one reply (often one blanket refusal), so its ten parts are one precedent, not ten:
    counted one by one, a single long request outvotes many others."""
    seen: set[str] = set()
    out = []
    for p in precedents:
        key = request_of(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def known_first(precedents: Iterable[Precedent]) -> list[Precedent]:
    """Those whose outcome is on record first, each group in its order: 'what happened when
    people asked X?' is answered by what happened, and a request whose reply the corpus lacks
    only fills in when too few others are close."""
    ranked = list(precedents)
    return sorted(ranked, key=lambda p: p.outcome == "unknown")


def _selector(ids: list[int]) -> object:
    """A FAISS id selector over these question ids (kept alive by its holder)."""
    import faiss

    return faiss.IDSelectorBatch(np.array(ids, dtype="int64"))


def to_precedent(row: dict, similarity: float) -> Precedent:
    return Precedent(
        id=str(row["id"]), question=row["text"], authority=row["authority"], date=row["date"],
        reference=row["reference"], outcome=row["outcome"], exemptions=tuple(row["exemptions"]),
        similarity=similarity, source_url=row["source_url"], answer=row["answer"],
        document_id=row["document_id"], title=row.get("title"), regime=row.get("regime"),
        cited=tuple(row.get("cited") or ()))


class Searcher:
    """Holds the store, the loaded index and the embedder; answers similarity queries."""

    def __init__(self, store: Store, index: VectorIndex, embedder: Embedder,
                 decisions: VectorIndex | None = None) -> None:
        self.store = store
        self.index = index
        self.embedder = embedder
        self.decisions = decisions
        self._rows: dict[int, dict] = {r["id"]: r for r in store.questions()}
        # 'hastings.gov.uk' and 'Hastings Borough Council' are one body: show it by one name
        shown = canonical_names(r["authority"] for r in self._rows.values())
        for r in self._rows.values():
            r["authority"] = shown.get(r["authority"], r["authority"])
        self._decisions = store.decisions_by_rowid() if decisions is not None else {}
        self._known = _selector([i for i, r in self._rows.items() if r["outcome"] != "unknown"])
        self._document_sizes = Counter(r["document_id"] for r in self._rows.values())
        self._by_authority: dict[tuple[str, bool], object | None] = {}

    @classmethod
    def open(cls, store: Store, directory: Path, embedder: Embedder) -> Searcher:
        """The questions' index must load; the tribunal decisions' index is optional."""
        index = load(directory, embedder.model_id, embedder.dimension, store.build_id)
        try:
            decisions = load(directory, embedder.model_id, embedder.dimension, store.build_id,
                             name=DECISIONS)
        except IndexProblem:
            decisions = None
        return cls(store, index, embedder, decisions)

    def tribunal(self, vector: np.ndarray, k: int = 2, min_similarity: float = 0.55
                 ) -> list[TribunalPrecedent]:
        """Tribunal decisions on requests close to this question, closest first."""
        if self.decisions is None:
            return []
        out = []
        for rowid, score in self.decisions.search(vector, k):
            d = self._decisions.get(rowid)
            if d is not None and score >= min_similarity:
                out.append(TribunalPrecedent(
                    d["reference"], d["authority"], d["date"], d["result"],
                    tuple(d["exemptions"]), d["information_requested"] or "", score, d["url"]))
        return out

    def rows(self) -> list[dict]:
        """Every question row this searcher serves (the snapshot its index was built from)."""
        return list(self._rows.values())

    def row(self, question_id: int) -> dict | None:
        return self._rows.get(question_id)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed(texts)

    def _authority_selector(self, authority: str, known: bool) -> object | None:
        """A FAISS selector over one authority's questions (every spelling of its name), made
        once per authority: a check addressed to it searches its history on every question."""
        key = (authority_key(authority), known)
        if key not in self._by_authority:
            ids = [i for i, r in self._rows.items() if authority_key(r["authority"]) == key[0]
                   and not (known and r["outcome"] == "unknown")]
            self._by_authority[key] = _selector(ids) if ids else None
        return self._by_authority[key]

    def _prefilter(self, filters: Filters) -> tuple[object | None, bool]:
        """The FAISS selector that does the filtering it can inside the search, at no cost, and
        whether it does all of it but the excluded documents (else every hit is fetched and
        the rest filtered here)."""
        if filters.exemption or filters.outcome:
            return (self._known if filters.known else None), False
        if filters.authority:
            return self._authority_selector(filters.authority, filters.known), True
        return (self._known if filters.known else None), True

    def neighbours(self, vector: np.ndarray, k: int = 10, filters: Filters | None = None,
                   per_request: int | None = None) -> list[Precedent]:
        """The k nearest questions that pass the filters, most similar first; with
        `per_request`, of those k only each past request's closest, at most that many (what
        `one_per_request` keeps, without building the precedents it drops)."""
        return self.neighbours_each(vector.reshape(1, -1), k, filters, per_request)[0]

    def neighbours_each(self, vectors: np.ndarray, k: int = 10, filters: Filters | None = None,
                        per_request: int | None = None) -> list[list[Precedent]]:
        """`neighbours` for several vectors, searched in one call to FAISS."""
        filters = filters or Filters()
        among, exact = self._prefilter(filters)
        if filters.authority and exact and among is None:
            return [[] for _ in range(len(vectors))]  # no question of that authority on record
        excluded = sum(self._document_sizes.get(d, 0) for d in filters.exclude_documents)
        fetch = k + excluded if exact else self.index.manifest.count
        return [self._kept(hits, k, filters, per_request)
                for hits in self.index.search_each(vectors, fetch, among)]

    def _kept(self, hits: list[tuple[int, float]], k: int, filters: Filters,
              per_request: int | None) -> list[Precedent]:
        """The first k hits that pass the filters, as precedents; with `per_request`, only
        each past request's closest of them, at most that many."""
        out: list[Precedent] = []
        accepted, requests = 0, set()
        for qid, score in hits:
            row = self._rows.get(qid)
            if row is None or not filters.accepts(row):
                continue
            accepted += 1
            if per_request is None:
                out.append(to_precedent(row, score))
            elif (request := row["document_id"] or str(row["id"])) not in requests:
                requests.add(request)
                out.append(to_precedent(row, score))
            if accepted >= k or (per_request is not None and len(out) >= per_request):
                break
        return out

    def discount_boilerplate(self, vector: np.ndarray, hits: Iterable[Precedent]
                             ) -> list[Precedent]:
        """The hits again, a short part scored without what its log's title says of every
        request ("FOI request", a reference): the index embeds "services" as "FOI request
        FOI-1180 Cyber Attacks: services", so a query about FOI requests finds every such
        part. A part the boilerplate helped keeps the lower score and sinks; most similar
        first again."""
        hits = list(hits)
        redo = [i for i, p in enumerate(hits) if indexed_text(p.question, p.title) !=
                (fair := indexed_text(p.question, title_topic(p.title))) and fair]
        if redo:
            vectors = self.embed([indexed_text(hits[i].question, title_topic(hits[i].title))
                                  for i in redo])
            for i, v in zip(redo, vectors):
                fair_score = float(np.dot(v, vector))
                if fair_score < hits[i].similarity:
                    hits[i] = replace(hits[i], similarity=fair_score)
        return sorted(hits, key=lambda p: -p.similarity)

    def search(self, text: str, k: int = 10, authority: str | None = None,
               exemption: str | None = None, outcome: str | None = None,
               exclude_documents: Iterable[str] = ()) -> list[Precedent]:
        """'What happened when people asked X?' as a ranked list."""
        vector = self.embed([text])[0]
        return self.neighbours(vector, k, Filters(authority, exemption, outcome,
                                                  frozenset(exclude_documents)))
