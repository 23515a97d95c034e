"""`precedents` and `check --jsonl` as a user drives them, on a small real store and index:
every spelling of a ground, N distinct requests for --limit N, the same fallback in text and
JSON, short parts shown with their request's subject, and one answer per input line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.cli import exemption_wanted
from bot.render import precedents_text
from index.build import indexed_text
from index.embedder import FakeEmbedder
from index.search import NCND, Precedent, Searcher, cites, title_topic
from tests.conftest import built_project


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("precedents"))


def _advisor(config: Path):
    from bot.config import load_config
    from bot.runtime import open_advisor

    return open_advisor(load_config(config))


# -- check --jsonl ---------------------------------------------------------------------------

def test_jsonl_answers_a_non_string_authority_with_an_error_and_goes_on(built, cli):
    lines = [{"text": "How many bins were missed?", "authority": 123},
             {"text": "How many staff work in IT?", "authority": None},
             {"text": "How many staff?", "authority": True},
             {"text": "How many staff?", "authority": ["Kent Police"]},
             {"text": "How many staff?", "authority": {"name": "Kent Police"}},
             {"text": "How many cyber attacks were there?", "authority": "Leicester City Council"}]
    code, out, err = cli("--config", str(built), "check", "--jsonl",
                         stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    answers = [json.loads(x) for x in out.splitlines()]
    assert len(answers) == len(lines) and code == 1 and "Traceback" not in err
    assert answers[0] == {"error": "line 1: authority must be a string or null, not a number"}
    assert answers[2] == {"error": "line 3: authority must be a string or null, not true"}
    assert answers[3]["error"].endswith("not a list")
    assert answers[4]["error"].endswith("not an object")
    assert "questions" in answers[1] and "questions" in answers[5]
    assert answers[5]["authority"] == "Leicester City Council"


def test_jsonl_reports_an_internal_fault_on_its_line_by_name_and_answers_the_rest(
        built, cli, monkeypatch):
    from bot.advice import Advisor

    real = Advisor.check_draft

    def faulty(self, text, authority=None):
        if "boom" in text:
            raise KeyError("missing-key")
        return real(self, text, authority)

    monkeypatch.setattr(Advisor, "check_draft", faulty)
    stdin = "\n".join(json.dumps({"text": t}) for t in ("How many staff?", "boom?",
                                                          "How many cars?")) + "\n"
    code, out, err = cli("--config", str(built), "check", "--jsonl", stdin=stdin)
    answers = [json.loads(x) for x in out.splitlines()]
    assert len(answers) == 3 and code == 1
    assert "questions" in answers[0] and "questions" in answers[2]
    assert answers[1]["internal"] is True
    assert answers[1]["error"].startswith("line 2: internal error (KeyError: 'missing-key')")
    assert "line 2: internal error KeyError" in err and "test_precedents_cli.py" in err


# -- --exemption -----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "wanted"), [
    ("s31", "s31"), ("section 31", "s31"), ("31", "s31"), ("s.31(1)(a)", "s31(1)(a)"),
    ("section 40(2)", "s40(2)"), ("reg 12(5)(e)", "r12(5)(e)"),
    ("regulation 12(5)(e)", "r12(5)(e)"), ("EIR 12(5)(e)", "r12(5)(e)"),
    ("EISR r10(5)(e)", "r12(5)(e)"), ("FOISA s30", "s36"), ("FOISA s35", "s31"),
    ("NCND", NCND), ("neither confirm nor deny", NCND), ("FOISA s18", NCND),
    ("cost limit", "s12"), ("personal data", "s40"), ("vexatious", "s14"), (None, None)])
def test_every_spelling_explain_reads_is_a_ground_to_filter_by(typed, wanted):
    assert exemption_wanted(typed) == wanted


@pytest.mark.parametrize("typed", ["banana", "s99", "s16", "ICO"])
def test_an_unknown_ground_is_refused_with_examples(built, cli, typed):
    code, out, err = cli("--config", str(built), "precedents", "cyber attacks", "--exemption",
                         typed)
    assert code == 2 and not out
    assert f"unknown exemption {typed!r} (try s31, section 40(2), r12(5)(e)" in err


def test_section_31_in_words_finds_what_s31_finds(built, cli):
    found = {}
    for typed in ("s31", "section 31", "31"):
        code, out, _ = cli("--config", str(built), "precedents", "cyber security provisions",
                           "--exemption", typed, "--json", "--limit", "5")
        assert code == 0
        found[typed] = [p["id"] for p in json.loads(out)]
    assert found["s31"] and found["s31"] == found["section 31"] == found["31"]


def test_ncnd_takes_an_ncnd_outcome_or_an_ncnd_subsection_and_nothing_else():
    assert cites({"outcome": "ncnd", "exemptions": []}, NCND)
    assert cites({"outcome": "refused", "exemptions": ["s31(3)"]}, NCND)
    assert cites({"outcome": "partial", "exemptions": ["s40(5B)(a)(i)"]}, NCND)
    assert not cites({"outcome": "refused", "exemptions": ["s31(1)(a)", "s40(2)"]}, NCND)
    assert cites({"outcome": "refused", "exemptions": ["s31(1)(a)"]}, "s31")
    assert not cites({"outcome": "refused", "exemptions": ["s31(1)(a)"]}, "s3")


# -- --limit ---------------------------------------------------------------------------------

def test_limit_n_gives_n_distinct_requests_whenever_n_are_close_enough(built, cli):
    from bot.advice import PRECEDENT_FLOOR
    from index.search import Filters

    query = "cyber security provisions"
    searcher = _advisor(built).searcher
    vector = searcher.embed([query])[0]
    everything = searcher.discount_boilerplate(
        vector, searcher.neighbours(vector, 10_000, Filters()))
    available = len({p.document_id for p in everything if p.similarity >= PRECEDENT_FLOOR})
    assert available > 3
    for n in (1, 2, 3, available, available + 5):
        code, out, _ = cli("--config", str(built), "precedents", query, "--json", "--limit",
                           str(n))
        assert code == 0
        found = json.loads(out)
        assert len(found) == min(n, available), n
        assert len({p["id"] for p in found}) == len(found)


# -- the authority named ---------------------------------------------------------------------

def test_an_authority_not_in_the_corpus_is_said_to_be_and_json_falls_back_as_text_does(built,
                                                                                         cli):
    args = ("--config", str(built), "precedents", "ransomware attacks", "--authority",
            "Narnia Council", "--limit", "3")
    code, text, _ = cli(*args)
    assert code == 0
    assert text.startswith("Narnia Council is not in the corpus; showing other authorities:")
    code, out, err = cli(*args, "--json")
    found = json.loads(out)
    assert found and all(p["fallback"] is True for p in found)
    assert "Narnia Council is not in the corpus" in err
    assert all(f'"{_short_of(p)}' in text for p in found)
    code, out, _ = cli("--config", str(built), "precedents", "ransomware attacks", "--json")
    assert all(p["fallback"] is False for p in json.loads(out))


def _short_of(p: dict) -> str:
    return " ".join(p["question"].split())[:40]


def test_an_authority_on_record_with_nothing_close_says_so_before_the_others(built, cli):
    from corpus.header import authority_key

    rows = [r for r in _advisor(built).searcher.rows() if r["authority"]]
    cited: dict[str, set[str]] = {}
    for r in rows:
        cited.setdefault(authority_key(r["authority"]), set()).update(r["exemptions"])
    # a question refused under a ground that another authority on record never cited
    other, row = next((a, r) for r in rows for a in cited
                      if r["exemptions"] and a != authority_key(r["authority"])
                      and r["exemptions"][0] not in cited[a]
                      and not any(c.startswith(r["exemptions"][0]) for c in cited[a]))
    name = next(r["authority"] for r in rows if authority_key(r["authority"]) == other)
    code, out, _ = cli("--config", str(built), "precedents", row["text"], "--authority", name,
                       "--exemption", row["exemptions"][0], "--limit", "2")
    assert code == 0
    assert out.startswith(f"{name} is on record, but none of its past questions is close to "
                          "that (with those filters); asked of other authorities:\n")
    assert "What happened when people asked" in out


# -- short parts and their requests ----------------------------------------------------------

@pytest.mark.parametrize(("title", "topic"), [
    ("FOI request (FOIR-538023310) Contract with Brighton and Hove Council (Hastings Borough "
     "Council), responded 18 Sep 2023", "Contract with Brighton and Hove Council"),
    ("FOI-1180-2324 Cyber Attacks (Transport for London), published 4 Aug 2023", "Cyber Attacks"),
    ("FOI Request - Council House Waiting List (Moray Council, request 101002920114, FOISA)",
     "Council House Waiting List"),
    ("CAS-213163 IT devices and software at The National Archives, Sep 2024",
     "IT devices and software at The National Archives"),
    ("Blue Badges 2015 - 2019 (Lincolnshire County Council, FOI0368, decision 12 Aug 2019)",
     "Blue Badges 2015 - 2019"),
    ("2022-162 999 calls (Dorset Police)", "999 calls"),
    ("FOI request", ""), ("Freedom of Information request", ""),
    ("FI15952 (Dover District Council)", "")])
def test_a_titles_subject_is_read_without_its_reference_authority_and_date(title, topic):
    assert title_topic(title) == topic


def _part(question: str, title: str, similarity: float = 0.7, outcome: str = "refused"
          ) -> Precedent:
    return Precedent(id=question, question=question, authority="Transport for London",
                     date=None, reference=None, outcome=outcome, exemptions=("s31(1)(a)",),
                     similarity=similarity, source_url=None, title=title)


def test_a_short_part_carries_its_requests_subject_in_text_and_json():
    part = _part("services", "FOI-1180-2324 Cyber Attacks (Transport for London), 2023")
    assert part.in_context() == "services (part of: Cyber Attacks)"
    data = part.to_json()
    assert data["question"] == "services" and data["part_of"] == "Cyber Attacks"
    assert {"id", "question", "authority", "date", "reference", "outcome", "exemptions",
            "similarity", "source_url", "regime", "cited"} <= set(data)
    whole = _part("How many cyber attacks were reported to the ICO in 2023?", "Cyber Attacks")
    assert whole.to_json()["part_of"] is None and whole.in_context() == whole.question
    generic = _part("decision level", "FOI request")
    assert generic.part_of() is None and generic.in_context() == "decision level"


class _Embeds:
    """Just what discount_boilerplate needs of a Searcher: the embedder."""

    def __init__(self) -> None:
        self.embed = FakeEmbedder().embed


def test_a_part_that_matches_only_through_a_generic_foi_title_sinks_below_real_questions():
    searcher, embed = _Embeds(), FakeEmbedder().embed
    query = embed(["FOI request"])[0]
    title = "FOI request (FOIR-1) Contract with Brighton (Hastings Borough Council)"
    indexed = embed([indexed_text("decision level", title)])[0]
    fragment = _part("decision level", title, float(np.dot(query, indexed)))
    real_text = "Please list each FOI request you refused last year."
    real = _part(real_text, "Appeals", float(np.dot(query, embed([real_text])[0])))
    assert fragment.similarity > real.similarity  # as the index scores them
    ranked = Searcher.discount_boilerplate(searcher, query, [fragment, real])
    assert [p.question for p in ranked] == [real_text, "decision level"]
    fair = float(np.dot(query, embed(["Contract with Brighton: decision level"])[0]))
    assert ranked[1].similarity == pytest.approx(fair)
    plain = _part("phishing", "Cyber attacks", 0.7)  # its title is all subject: untouched
    assert Searcher.discount_boilerplate(searcher, query, [plain])[0].similarity == 0.7


# -- the list's order ------------------------------------------------------------------------

def test_unrecorded_outcomes_come_after_a_heading_of_their_own():
    known = [_part("whether ransom paid", "Ransomware", 0.76, "answered"),
             _part("downtime caused", "Ransomware", 0.64, "ncnd")]
    unknown = [_part("ransom paid and decryption success", "Ransomware", 0.81, "unknown")]
    text = precedents_text("ransom", known + unknown)
    lines = text.splitlines()
    heading = lines.index("Outcome not recorded:")
    assert lines[heading + 1].startswith("3. UNKNOWN")
    assert lines[1].startswith("1. ANSWERED") and "2. NCND" in text
    only_unknown = precedents_text("ransom", unknown)
    assert "Outcome not recorded for any of these:" in only_unknown
    assert "Outcome not recorded" not in precedents_text("ransom", known)
