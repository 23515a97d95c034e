"""A disclosure-log page that shows no reply but states its status: what happened to it."""

from __future__ import annotations

import pytest

from corpus.parse import parse_disclosure_record, status_outcome


def _page(outcome: str, response: str | None = None) -> dict:
    text = ("Phishing attacks (WhatDoTheyKnow request to Edge Hill University)\n"
            "Request: number of phishing emails received in 2023; number of staff trained.\n")
    if response:
        text += f"Response: {response}\n"
    return {"url": "https://example.org/r/1", "title": text.split("\n")[0],
            "text": text + f"Outcome: {outcome}\n"}


@pytest.mark.parametrize("note, outcome", [
    ("The request was successful.", "answered"),
    ("The request was partially successful.", "partial"),
    ("Outcome / Documents: 'Response (all information to be supplied)' (PDF).", "answered"),
    ("Outcome / Documents: 'Response (some not held)' (PDF).", "partial"),
    ("Response (some exceeds appropriate limit)", "partial"),
    ("Outcome / Documents: 'Response (not held)' (PDF).", "not_held"),
    ("Outcome / Documents: 'Response (cost exceeds limit)' (PDF).", "refused"),
    ("The request was successful. (Excerpt shows acknowledgement only.)", None),
    ("The request was successful. (Excerpt shows only the ICO's automatic acknowledgement.)",
     None),
    ("The request is waiting for clarification.", None),
])
def test_a_status_line_states_the_outcome_unless_only_an_acknowledgement_is_shown(note, outcome):
    assert status_outcome(note) == outcome


def test_a_successful_page_with_no_reply_counts_its_questions_answered():
    doc = parse_disclosure_record(_page("The request was successful."))
    assert [q.outcome for q in doc.questions] == ["answered", "answered"]
    assert all(q.answer is None for q in doc.questions)


def test_a_cost_limit_page_with_no_reply_is_refused_under_s12():
    doc = parse_disclosure_record(_page("Outcome / Documents: 'Response (cost exceeds limit)'."))
    assert {(q.outcome, q.exemptions) for q in doc.questions} == {("refused", ("s12",))}


def test_a_page_with_a_reply_is_read_from_the_reply_not_its_status():
    doc = parse_disclosure_record(_page(
        "The request was successful.",
        "Q1: The information is exempt under section 31(1)(a). Q2: 12 staff were trained."))
    assert doc.questions[0].outcome == "refused"
    assert doc.questions[1].outcome == "answered"
