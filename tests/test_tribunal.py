"""The tribunal-decision parser, on real decisions and on whatever a broken record holds.

The real-record tests read ``../shared/corpus/tribunal-decisions.jsonl.gz`` and skip when
it is absent; the synthetic and property tests always run. Every expectation below on a
real record was checked by reading that decision.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.exemptions import section_of
from corpus.models import DECISION_RESULTS, CorpusError, Document
from corpus.tribunal import parse_tribunal_record

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next(
    (p for p in (ROOT.parent / "shared" / "corpus" / "tribunal-decisions.jsonl.gz",
                 ROOT / "shared" / "corpus" / "tribunal-decisions.jsonl.gz") if p.exists()),
    None,
)
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="tribunal-decisions.jsonl.gz absent")
EMAIL = re.compile(r"[\w.+'-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    """Every record of the real file, by id (read once per module)."""
    if CORPUS is None:
        pytest.skip("tribunal-decisions.jsonl.gz absent")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return {rec["id"]: rec for rec in map(json.loads, fh)}


@pytest.fixture(scope="module")
def parsed(records: dict[str, dict]) -> tuple[dict[str, Document], dict[str, str]]:
    """(documents by id, CorpusError message by id): the whole file parsed once."""
    docs: dict[str, Document] = {}
    errors: dict[str, str] = {}
    gc.disable()  # 65 MB of text held in memory makes every collection slow; none is needed
    try:
        for key, rec in records.items():
            try:
                docs[key] = parse_tribunal_record(rec)
            except CorpusError as exc:  # any other exception fails the test run
                errors[key] = str(exc)
    finally:
        gc.enable()
    return docs, errors


def _outputs(doc: Document) -> list[str]:
    """Every text the parser stores for a decision."""
    d = doc.decision
    return [t for t in (doc.title, doc.authority, d.information_requested, *d.exemptions) if t]


def _sections(doc: Document) -> list[str]:
    return [section_of(c) for c in doc.decision.exemptions]


# --- the whole file ------------------------------------------------------------------------


@needs_corpus
def test_whole_file_parses_and_only_empty_records_are_refused(parsed, records):
    docs, errors = parsed
    assert len(docs) + len(errors) == len(records) == 2438
    empty = [k for k in errors if not (records[k].get("text") or "").strip()]
    assert sorted(errors) == sorted(empty), errors
    assert len(errors) == 0  # the current file has no empty decision


@needs_corpus
def test_every_document_is_well_formed(parsed, records):
    docs, _ = parsed
    for key, doc in docs.items():
        rec = records[key]
        assert doc.kind == "decision" and doc.source == "tribunal" and doc.key == key
        assert doc.questions == ()
        assert doc.decision.result in DECISION_RESULTS
        assert doc.decision.appeal_outcome == (rec["appeal_outcome"] or None)
        assert doc.decision.reference == doc.reference
        assert doc.regime in ("FOIA", "EIR")
        assert doc.date is None or ISO_DATE.match(doc.date)
        assert 0 < len(doc.decision.information_requested) <= 601
        assert len(doc.decision.exemptions) <= 5
        assert all(re.match(r"^[sr]\d+(\(\w+\))*$", c) for c in doc.decision.exemptions)
        assert doc.content_hash == hashlib.sha256(rec["text"].encode("utf-8")).hexdigest()
        assert doc.url == rec["source_url"]


@needs_corpus
def test_dates_are_iso_from_day_month_year(parsed, records):
    docs, _ = parsed
    for key, doc in docs.items():
        raw = records[key]["decision_date"]
        if raw:
            day, month, year = raw.split("/")
            assert doc.date == f"{year}-{month}-{day}"


@needs_corpus
def test_no_email_address_in_any_output(parsed):
    docs, _ = parsed
    leaks = [(k, t) for k, d in docs.items() for t in _outputs(d) if "@" in t or EMAIL.search(t)]
    assert leaks == []


@needs_corpus
def test_coverage_over_the_file(parsed):
    """Guards against a heuristic quietly breaking. Measured on the whole file: request quoted
    64%, quoted or summarised 86%, exemptions 78%, authority 80%, unknown result 19%."""
    docs, _ = parsed
    n = len(docs)
    sources = Counter(d.extra["request_source"] for d in docs.values())
    assert sources["quote"] / n > 0.55
    assert (sources["quote"] + sources["summary"]) / n > 0.8
    assert sum(bool(d.decision.exemptions) for d in docs.values()) / n > 0.72
    assert sum(d.authority is not None for d in docs.values()) / n > 0.75
    results = Counter(d.decision.result for d in docs.values())
    assert set(results) == set(DECISION_RESULTS)
    assert results["upheld"] > results["overturned"] > 0.1 * n
    assert results["unknown"] < 0.25 * n


@needs_corpus
def test_private_appellants_are_redacted_in_titles(parsed, records):
    docs, _ = parsed
    redacted = sum("[appellant]" in (d.title or "") for d in docs.values())
    assert redacted > 0.7 * len(docs)
    for key in ("ftt-1", "ftt-6", "ftt-240", "ftt-62"):
        assert docs[key].title == "[appellant] v Information Commissioner"
        surname = records[key]["case_title"].split(" v ")[0].split()[-1]
        assert all(surname not in text for text in _outputs(docs[key]))


# --- decisions checked by reading them -----------------------------------------------------


@needs_corpus
def test_requester_appeal_dismissed_means_refusal_upheld(parsed):
    doc = parsed[0]["ftt-240"]  # Edwards v IC: DfE's legal advice on s444 Education Act
    assert doc.authority == "Department for Education"
    assert doc.date == "2019-04-25" and doc.reference == "EA/2018/0214"
    assert doc.decision.appeal_outcome == "Dismissed" and doc.decision.result == "upheld"
    assert "s42" in _sections(doc)
    assert "legal advice on the legality of section 444" in doc.decision.information_requested
    assert doc.extra["appellant_is_authority"] is False


@needs_corpus
def test_requester_appeal_allowed_means_refusal_overturned(parsed):
    doc = parsed[0]["ftt-6"]  # Webber v IC: Barnet's parking template letters, s31
    assert doc.authority == "London Borough of Barnet"
    assert doc.date == "2020-06-17"
    assert doc.decision.result == "overturned"
    assert _sections(doc)[0] == "s31" and "s31(2)(c)" in doc.decision.exemptions
    assert "template letters" in doc.decision.information_requested


@needs_corpus
def test_authority_appeal_allowed_means_refusal_upheld(parsed):
    doc = parsed[0]["ftt-303"]  # Bedfordshire Police appealed an order to disclose (s43)
    assert doc.title == "Chief Constable of Bedfordshire Police v Information Commissioner"
    assert doc.authority == "Chief Constable of Bedfordshire Police"
    assert doc.extra["appellant_is_authority"] is True
    assert doc.decision.appeal_outcome == "Allowed" and doc.decision.result == "upheld"
    assert doc.decision.exemptions[0] == "s43(2)"
    assert "code of practice" in doc.decision.information_requested
    # the requester was joined as third respondent: a private person, so redacted too
    assert "Cox" not in doc.decision.information_requested


@needs_corpus
def test_authority_appeal_dismissed_means_refusal_overturned(parsed):
    doc = parsed[0]["ftt-2344"]  # FCO v IC: the Iraq dossier draft; outcome "???" in the record
    assert doc.authority == "Foreign and Commonwealth Office"
    assert doc.extra["appellant_is_authority"] is True
    assert doc.decision.appeal_outcome == "???" and doc.decision.result == "overturned"
    assert _sections(doc)[0] == "s36"
    assert "September Dossier" in doc.decision.information_requested


@needs_corpus
def test_organisation_requester_kept_in_title(parsed):
    doc = parsed[0]["ftt-122"]  # the BBC asked the West Yorkshire OPCC; NCND under s31(3)
    assert doc.title == "BBC v Information Commissioner"
    assert doc.authority == "Office of the Police and Crime Commissioner for West Yorkshire"
    assert doc.extra["appellant_is_authority"] is False
    assert doc.decision.result == "upheld" and doc.decision.exemptions[0] == "s31(3)"
    assert "hard drive" in doc.decision.information_requested


@needs_corpus
def test_eir_decision(parsed):
    doc = parsed[0]["ftt-62"]  # Burrows v ICO: manifestly unreasonable, North Somerset
    assert doc.regime == "EIR"
    assert doc.authority == "North Somerset Council"
    assert doc.decision.exemptions[0] == "r12(4)(b)" and doc.decision.result == "upheld"
    assert "Planning Application 14/P/2274/F" in doc.decision.information_requested


@needs_corpus
def test_all_caps_authority_is_title_cased(parsed, records):
    assert records["ftt-29"]["public_authority"] == "CARMARTHENSHIRE COUNTY COUNCIL"
    doc = parsed[0]["ftt-29"]
    assert doc.authority == "Carmarthenshire County Council"
    assert doc.regime == "EIR" and doc.date == "2020-03-12"
    assert doc.decision.result == "overturned"  # Allowed, "Ordered to Disclose"
    assert "Barn and similar Conversions" in doc.decision.information_requested


@needs_corpus
def test_disclosure_field_decides_partial_and_withdrawn_are_unknown(parsed, records):
    docs, _ = parsed
    for key, rec in records.items():
        result = docs[key].decision.result
        if rec["information_disclosure"] == "Ordered to Disclose":
            expected = "partly_upheld" if rec["appeal_outcome"] == "Part Allowed" else "overturned"
            assert result == expected, key
        if rec["appeal_outcome"] in ("Withdrawn", "Struck Out", "Consent Order") and not rec[
                "information_disclosure"]:
            assert result == "unknown", key
        if rec["appeal_outcome"] == "Part Allowed":
            assert result == "partly_upheld", key


# --- synthetic records: always run -------------------------------------------------------

DECISION_TEXT = """\
FIRST-TIER TRIBUNAL
GENERAL REGULATORY CHAMBER
INFORMATION RIGHTS                                    Appeal Reference: EA/2019/0001

                         {appellant}                            Appellant
                                   - and -
                     THE INFORMATION COMMISSIONER                  Respondent

                                  DECISION
1. The appeal is {outcome}.

                                  REASONS
2. On 1 March 2019 {requester} wrote to Exampleshire County Council ("the Council")
   and requested information in the following terms:

        "Please provide copies of all cyber security incident reports for 2018. You can
        reply to jo.bloggs@example.com. Thank you, Jo Bloggs."

3. The Council refused the request under section 31(1)(a) FOIA. The Commissioner
   agreed that section 31(1)(a) was engaged.

4. We find that section 31(1)(a) is engaged and that the public interest favours
   maintaining the exemption under section 31(1)(a).
"""


def _record(appellant: str = "JO BLOGGS", outcome: str = "dismissed", raw: str = "Dismissed",
            title: str = "Jo Bloggs v Information Commissioner", requester: str = "Ms Bloggs",
            **extra: object) -> dict:
    text = DECISION_TEXT.format(appellant=appellant, outcome=outcome, requester=requester)
    return {"id": "t-1", "reference": "EA/2019/0001", "decision_date": "05/03/2020",
            "case_title": title, "respondents": ["Information Commissioner"],
            "public_authority": "", "appeal_outcome": raw, "jurisdiction": "",
            "information_disclosure": "", "source_url": "http://example/1.pdf", "text": text,
            **extra}


def test_synthetic_requester_appeal():
    doc = parse_tribunal_record(_record())
    assert doc.title == "[appellant] v Information Commissioner"
    assert doc.authority == "Exampleshire County Council"
    assert doc.date == "2020-03-05" and doc.reference == "EA/2019/0001" and doc.key == "t-1"
    assert doc.regime == "FOIA"
    assert doc.decision.exemptions == ("s31(1)(a)",)
    assert doc.decision.result == "upheld"
    req = doc.decision.information_requested
    assert req.startswith("Please provide copies of all cyber security incident reports")
    assert "[email]" in req and "@" not in req
    assert "Bloggs" not in req and "[appellant]" in req


def test_synthetic_authority_appeal_flips_the_result():
    rec = _record(appellant="EXAMPLESHIRE COUNTY COUNCIL", requester="the requester",
                  title="Exampleshire County Council v IC")
    doc = parse_tribunal_record(rec)
    assert doc.extra["appellant_is_authority"] is True
    assert doc.title == "Exampleshire County Council v Information Commissioner"
    assert doc.decision.result == "overturned"  # the authority lost: disclosure stands
    allowed = parse_tribunal_record({**rec, "appeal_outcome": "Allowed"})
    assert allowed.decision.result == "upheld"


@pytest.mark.parametrize(("raw", "disclosure", "expected"), [
    ("Allowed", "", "overturned"),
    ("Part Allowed", "", "partly_upheld"),
    ("Allowed", "No Action Needed A", "partly_upheld"),
    ("Allowed", "No Action Needed B", "overturned"),
    ("Part Allowed", "Ordered to Disclose", "partly_upheld"),
    ("Struck Out", "", "unknown"),
    ("Withdrawn", "", "unknown"),
    ("Consent Order", "", "unknown"),
    ("UT Decision", "", "unknown"),
    ("NA", "", "upheld"),  # unrecorded: the decision itself says "The appeal is dismissed"
    ("???", "", "upheld"),
])
def test_result_mapping(raw, disclosure, expected):
    doc = parse_tribunal_record(_record(raw=raw, information_disclosure=disclosure))
    assert doc.decision.result == expected
    assert doc.decision.appeal_outcome == raw


def test_eir_jurisdiction_and_missing_fields():
    rec = _record(jurisdiction="Environmental Information Regulations 2004", decision_date="",
                  case_title=None, public_authority=None, id=None, respondents="oops")
    doc = parse_tribunal_record(rec)
    assert doc.regime == "EIR" and doc.key == "EA/2019/0001" and doc.date is None
    assert doc.title == "[appellant] v Information Commissioner"  # from the header


@pytest.mark.parametrize(("record", "reason"), [
    ("not a dict", "not a JSON object"),
    (None, "not a JSON object"),
    ({"reference": "EA/2019/0001"}, "no text"),
    ({"text": "The Tribunal dismisses the appeal."}, "no reference"),
    ({"text": "   \n ", "reference": "EA/1"}, "empty"),
    ({"text": 42, "reference": "EA/1"}, "not a string"),
    ({"text": "lorem ipsum dolor sit amet " * 20, "reference": "EA/1"}, "not a decision"),
    ({"text": "12 34 56 " * 50, "reference": "EA/1"}, "not a decision"),
    ({"text": "The appeal is dismissed by the Tribunal, for the reasons below.", "reference": "",
      "id": ""},
     "neither id nor reference"),
])
def test_bad_records_raise_corpus_error(record, reason):
    with pytest.raises(CorpusError, match=reason):
        parse_tribunal_record(record)


FIELDS = ("id", "reference", "decision_date", "case_title", "respondents", "public_authority",
          "appeal_outcome", "jurisdiction", "information_disclosure", "source_url", "text")
_values = st.one_of(st.none(), st.text(max_size=300), st.integers(), st.booleans(),
                    st.lists(st.text(max_size=20), max_size=3),
                    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))
_decisionish = st.builds(
    lambda a, b, c: a + DECISION_TEXT[b: b + 600] + c,
    st.text(max_size=200), st.integers(0, len(DECISION_TEXT)), st.text(max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), _values, max_size=len(FIELDS)),
    st.fixed_dictionaries({"text": _decisionish, "reference": st.text(max_size=20)},
                          optional={k: _values for k in FIELDS if k not in ("text", "reference")}),
    st.dictionaries(st.text(max_size=8), _values, max_size=4),
    _values,
))
def test_any_input_gives_a_document_or_corpus_error(record):
    try:
        doc = parse_tribunal_record(record)
    except CorpusError:
        return
    assert isinstance(doc, Document) and doc.kind == "decision"
    assert doc.decision.result in DECISION_RESULTS
    assert not any(EMAIL.search(t) for t in _outputs(doc))


def test_an_authority_caught_with_the_next_sentence_is_cut_at_its_end():
    from corpus.tribunal.names import _clean_authority

    assert _clean_authority("BBC. However, the Commissioner found") == "BBC"
    assert _clean_authority("St. Albans City and District Council") == \
        "St. Albans City and District Council"
