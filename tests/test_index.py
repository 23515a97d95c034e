"""The FAISS index: incremental builds, atomic files, and refusal of anything stale or foreign."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corpus.models import Document, Question
from corpus.store import Store
from index.build import build_index
from index.embedder import FakeEmbedder
from index.search import Precedent, Searcher, one_per_request
from index.vectors import INDEX_FILE, MANIFEST_FILE, IndexProblem, load

QUESTIONS = ["How many ransomware attacks did the council suffer?",
             "Which firewall products does the council use?",
             "How many litter bins are there in the district?",
             "What is the council's information security policy?"]


def _store(tmp_path, texts=QUESTIONS) -> Store:
    store = Store.open(tmp_path / "s.db")
    for i, text in enumerate(texts):
        outcome = "refused" if "ransomware" in text or "firewall" in text else "answered"
        store.write_document(Document(
            source="t", key=f"d{i}", kind="response", authority=f"Council {i % 2}", date=None,
            reference=f"R{i}", url=None, title=text,
            questions=(Question(text, outcome, ("s31(1)(a)",) if outcome == "refused" else ()),),
            content_hash=text))
    return store


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def embed(self, texts):
        self.calls += len(texts)
        return super().embed(texts)


def test_build_is_incremental_and_ids_are_store_row_ids(tmp_path):
    store = _store(tmp_path)
    emb = CountingEmbedder()
    report = build_index(store, emb, tmp_path / "idx", batch_size=2, progress=False)
    assert (report.total, report.embedded, report.reused) == (4, 4, 0)
    again = build_index(store, emb, tmp_path / "idx", progress=False)
    assert (again.embedded, again.reused) == (0, 4)
    assert emb.calls == 4
    searcher = Searcher.open(store, tmp_path / "idx", emb)
    top = searcher.search("ransomware attacks on the council", k=1)[0]
    assert top.question == QUESTIONS[0]
    assert int(top.id) in {r["id"] for r in store.questions()}
    assert not list((tmp_path / "idx").glob("*.tmp*"))


def test_search_filters(tmp_path):
    store = _store(tmp_path)
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    s = Searcher.open(store, tmp_path / "idx", emb)
    assert {p.outcome for p in s.search("council", k=10, outcome="answered")} == {"answered"}
    assert all(p.authority == "Council 1" for p in s.search("council", k=10,
                                                             authority="council 1"))
    assert len(s.search("council", k=10, exemption="s31")) == 2
    assert len(s.search("council", k=10, exemption="s31(1)(a)")) == 2


@pytest.mark.parametrize("damage", ["truncate", "bitflip", "manifest", "model", "dimension",
                                    "stale", "missing"])
def test_damaged_or_foreign_index_is_refused_with_the_fix(tmp_path, damage):
    store = _store(tmp_path)
    emb = FakeEmbedder()
    directory = tmp_path / "idx"
    build_index(store, emb, directory, progress=False)
    model, dim, build = emb.model_id, emb.dimension, store.build_id
    index_file, manifest_file = directory / INDEX_FILE, directory / MANIFEST_FILE
    if damage == "truncate":
        index_file.write_bytes(index_file.read_bytes()[:100])
    elif damage == "bitflip":
        data = bytearray(index_file.read_bytes())
        data[len(data) // 2] ^= 0xFF
        index_file.write_bytes(bytes(data))
    elif damage == "manifest":
        manifest_file.write_text("{not json")
    elif damage == "model":
        model = "some-other-model"
    elif damage == "dimension":
        dim = 384
    elif damage == "stale":
        store.write_document(Document(source="t", key="new", kind="response", authority=None,
                                      date=None, reference=None, url=None, title=None,
                                      questions=(Question("New?"),), content_hash="n"))
        build = store.build_id
    elif damage == "missing":
        index_file.unlink()
    with pytest.raises(IndexProblem) as err:
        load(directory, model, dim, build)
    assert "foi-assistant build-index" in str(err.value)


def test_manifest_records_model_dimension_count_and_build(tmp_path):
    store = _store(tmp_path)
    build_index(store, FakeEmbedder(), tmp_path / "idx", progress=False)
    manifest = json.loads((tmp_path / "idx" / MANIFEST_FILE).read_text())
    assert manifest["model"] == "fake-hash-256"
    assert manifest["dimension"] == 256
    assert manifest["count"] == 4
    assert manifest["build_id"] == store.build_id


def test_fake_embedder_is_deterministic_and_normalised():
    a = FakeEmbedder().embed(["cyber attacks", "cyber attacks", ""])
    assert np.allclose(a[0], a[1])
    assert abs(float(np.linalg.norm(a[0])) - 1) < 1e-5
    assert float(np.linalg.norm(a[2])) == 0.0


def test_a_short_field_is_embedded_with_its_requests_topic():
    from index.build import indexed_text

    assert indexed_text("categories", "FOI-0270-1920 Phishing E-mails (Transport for London), "
                        "May 2019") == "Phishing E-mails: categories"
    assert indexed_text("annual spend", "Marketing decisions Dec 2020") == (
        "Marketing decisions: annual spend")
    long = "How many CCTV cameras does the council operate in the city centre?"
    assert indexed_text(long, "CCTV") == long
    assert indexed_text("spend", None) == "spend"


def test_known_outcome_search_skips_unknowns_inside_faiss_and_keeps_the_order(tmp_path):
    from corpus.models import Document as Doc
    from index.search import Filters

    store = _store(tmp_path)
    for i in range(30):  # many near neighbours whose fate the corpus does not record
        store.write_document(Doc(source="t", key=f"u{i}", kind="response", authority="Council 0",
                                 date=None, reference=None, url=None, title="ransomware",
                                 questions=(Question(f"ransomware attacks number {i}"),),
                                 content_hash=f"u{i}"))
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    s = Searcher.open(store, tmp_path / "idx", emb)
    vector = s.embed(["How many ransomware attacks?"])[0]
    known = s.neighbours(vector, 3, Filters(known=True))
    everything = s.neighbours(vector, 100, Filters())
    expected = [p for p in everything if p.outcome != "unknown"][:3]
    assert [round(p.similarity, 6) for p in known] == [round(p.similarity, 6) for p in expected]
    assert all(p.outcome != "unknown" for p in known)
    assert sum(p.outcome == "unknown" for p in everything) == 30


def test_filtered_search_inside_faiss_finds_what_a_full_scan_finds(tmp_path):
    """Authority and known-outcome filters run inside FAISS (a check addressed to an authority
    searches its history for every question); excluded documents are fetched past. The result
    must be what filtering every hit by hand gives."""
    from corpus.models import Document as Doc
    from index.search import Filters

    store = Store.open(tmp_path / "s.db")
    topics = ["ransomware attacks", "firewall products", "litter bins", "parking fines"]
    for i in range(40):
        outcome = ("refused", "answered", "unknown", "partial")[i % 4]
        store.write_document(Doc(
            source="t", key=f"d{i}", kind="response",
            authority=("Barnet Council", "London Borough of Barnet", "Kent Police")[i % 3],
            date=None, reference=None, url=None, title=None, content_hash=f"h{i}",
            questions=tuple(Question(f"How many {topics[(i + j) % 4]} in area {i} year {j}?",
                                     outcome) for j in range(2))))
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    s = Searcher.open(store, tmp_path / "idx", emb)
    vector = s.embed(["How many ransomware attacks last year?"])[0]
    everything = s.neighbours(vector, 1000, Filters())
    excluded = frozenset({everything[0].document_id, everything[3].document_id})
    for filters in (Filters(authority="barnet", known=True), Filters(authority="Kent Police"),
                    Filters(authority="Barnet Council", exclude_documents=excluded, known=True),
                    Filters(known=True, exclude_documents=excluded),
                    Filters(authority="Kent Police", outcome="refused"),
                    Filters(authority="Nowhere Council")):
        by_hand = [p for p in everything if filters.accepts(s.row(int(p.id)))][:5]
        got = s.neighbours(vector, 5, filters)
        assert all(filters.accepts(s.row(int(p.id))) for p in got)
        # equal texts tie in similarity and FAISS may order ties either way
        assert [round(p.similarity, 5) for p in got] == \
            [round(p.similarity, 5) for p in by_hand], filters
        assert got or filters.authority == "Nowhere Council"


def _precedent(pid: str, doc: str, similarity: float) -> Precedent:
    return Precedent(id=pid, question=f"q{pid}", authority="A", date=None, reference=None,
                     outcome="refused", exemptions=(), similarity=similarity, source_url=None,
                     document_id=doc)


def test_one_question_per_past_request_keeps_each_requests_closest_in_order():
    found = [_precedent("1", "d1", 0.9), _precedent("2", "d1", 0.8), _precedent("3", "d2", 0.7),
             _precedent("4", "d1", 0.6), _precedent("5", "", 0.5), _precedent("6", "", 0.4)]
    kept = one_per_request(found)
    assert [p.id for p in kept] == ["1", "3", "5", "6"]  # no document id: each is its own


def test_precedents_show_an_authority_by_its_name_not_its_web_domain(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i, (authority, text) in enumerate([("Hastings Borough Council", "How many CCTV cameras?"),
                                           ("hastings.gov.uk", "How many CCTV cameras work?")]):
        store.write_document(Document(
            source="t", key=f"d{i}", kind="response", authority=authority, date=None,
            reference=None, url=None, title=text,
            questions=(Question(text, "answered", ()),), content_hash=text))
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    found = Searcher.open(store, tmp_path / "idx", emb).search("CCTV cameras", k=5)
    assert [p.authority for p in found] == ["Hastings Borough Council"] * 2


def test_keeping_one_question_per_request_inside_the_search_keeps_what_filtering_after_does(
        tmp_path):
    """The check asks the searcher for each past request's closest question only, so that it
    builds no precedent it would drop: the answer must be `one_per_request` of the full list."""
    from corpus.models import Document as Doc
    from index.search import Filters

    store = Store.open(tmp_path / "s.db")
    for i in range(12):  # requests of several parts, all about much the same thing
        store.write_document(Doc(
            source="t", key=f"d{i}", kind="response", authority="Kent Police", date=None,
            reference=None, url=None, title=None, content_hash=f"h{i}",
            questions=tuple(Question(f"How many ransomware attacks in area {i} part {j}?",
                                     ("refused", "answered")[j % 2]) for j in range(4))))
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    s = Searcher.open(store, tmp_path / "idx", emb)
    vector = s.embed(["How many ransomware attacks last year?"])[0]
    for k, keep in ((48, 5), (48, 20), (9, 5), (20, 1)):
        for filters in (Filters(), Filters(known=True), Filters(authority="Kent Police")):
            every = one_per_request(s.neighbours(vector, k, filters))[:keep]
            kept = s.neighbours(vector, k, filters, per_request=keep)
            assert [p.id for p in kept] == [p.id for p in every], (k, keep, filters)
    assert len(s.neighbours(vector, 48, Filters(), per_request=20)) == 12


def test_a_drafts_questions_searched_in_one_call_find_what_one_call_each_finds(tmp_path):
    from index.search import Filters

    store = _store(tmp_path)
    emb = FakeEmbedder()
    build_index(store, emb, tmp_path / "idx", progress=False)
    s = Searcher.open(store, tmp_path / "idx", emb)
    vectors = s.embed(["How many ransomware attacks?", "Which firewall do you use?",
                       "How many litter bins?"])
    for filters in (Filters(), Filters(known=True), Filters(authority="Council 1"),
                    Filters(authority="Nowhere Council")):
        together = s.neighbours_each(vectors, 3, filters, per_request=2)
        alone = [s.neighbours(v, 3, filters, per_request=2) for v in vectors]
        assert [[p.id for p in ps] for ps in together] == [[p.id for p in ps] for ps in alone]
    assert s.neighbours_each(vectors, 3, Filters(authority="Nowhere Council")) == [[], [], []]
