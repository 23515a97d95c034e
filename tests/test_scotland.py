"""Scottish requests: FOISA's numbers beside FOIA's, its limits, its advice sentence, and
Scottish replies counted in FOIA's numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.assessment import Assessment, Overall, QuestionAssessment
from bot.explain import explain
from bot.render import assessment_text, precedent_line
from bot.reword import S16_SENTENCE, Rewording
from bot.scotland import FOISA_SENTENCE, NOTE, adapt, applies
from bot.telegram_app import section_argument
from corpus.foisa import to_foia, to_foisa
from corpus.models import Document, Question
from corpus.store import Store
from index.search import to_precedent

PAIRS = [("s31(1)(a)", "s35(1)(a)"), ("s40(2)", "s38(1)(b)"), ("s43(2)", "s33(1)(b)"),
         ("s21(1)", "s25(1)"), ("s36(2)(b)(i)", "s30(b)(i)"), ("s35(1)(a)", "s29(1)(a)"),
         ("s42(1)", "s36(1)"), ("s24(1)", "s31(1)"), ("r12(4)(b)", "r10(4)(b)"), ("s12", "s12")]


@pytest.mark.parametrize("foia, foisa", PAIRS)
def test_foia_and_foisa_numbers_name_the_same_ground_both_ways(foia, foisa):
    assert to_foisa(foia) == foisa
    assert to_foia(foisa) == foia


def test_grounds_numbered_differently_are_not_confused():
    assert to_foia("s35") == "s31"  # FOISA's law enforcement, not FOIA's policy advice
    assert to_foisa("s35") == "s29"
    assert to_foisa("s31(3)") == "s35"  # NCND: FOISA has s18 for every ground
    assert to_foisa("s23") is None  # the security bodies are not Scottish authorities


def _doc(key: str, regime: str, cite: str) -> Document:
    return Document(source="t", key=key, kind="response", authority="Scottish Borders Council",
                    date="2021-08-12", reference="15505", url=f"https://example.scot/{key}",
                    title="Firewall", regime=regime, content_hash=key,
                    questions=(Question("Who supplies your firewall?", "refused", (cite,),
                                        "Exempt."),))


def test_a_scottish_reply_counts_in_foia_numbers_and_shows_its_own(tmp_path):
    store = Store.open(tmp_path / "s.db")
    store.write_document(_doc("scot", "FOISA", "s35(1)(a)"))
    store.write_document(_doc("eng", "FOIA", "s35(1)(a)"))
    rows = {r["document_id"]: r for r in store.questions()}
    scottish, english = sorted(rows.values(), key=lambda r: r["regime"] != "FOISA")
    assert scottish["exemptions"] == ["s31(1)(a)"] and scottish["cited"] == ["s35(1)(a)"]
    assert english["exemptions"] == ["s35(1)(a)"]
    line = precedent_line(to_precedent(scottish, 0.8))
    assert "REFUSED [s31(1)(a) (cited as FOISA s35(1)(a))]" in line
    assert to_precedent(scottish, 0.8).to_json()["cited"] == ["s35(1)(a)"]
    assert "cited" not in to_precedent(english, 0.8).to_json()


@pytest.mark.parametrize("authority, text, expected", [
    ("Police Scotland", "How many officers?", True),
    ("Glasgow City Council", "How many bins?", True),
    ("NHS Lothian", "How many nurses?", True),
    ("Kent Police", "How many officers?", False),
    ("Metropolitan Police Service", "Dear New Scotland Yard, how many officers?", False),
    ("Home Office", "How many officers did Police Scotland send to London?", False),
    ("Cairngorms National Park Authority",
     "Under the Freedom of Information (Scotland) Act 2002, please send the minutes.", True),
    (None, "Dear Scottish Government, please send the minutes.", True),
    (None, "How many officers does the force employ?", False),
])
def test_which_requests_fall_under_foisa(authority, text, expected):
    assert applies(authority, text) is expected


def _assessment() -> Assessment:
    law = {"section": "s31", "subsection": "s31(1)(a)", "probability": 0.5, "ncnd": False}
    cost = {"section": "s12", "subsection": None, "probability": 0.2, "ncnd": False}
    q = QuestionAssessment(
        text="Which antivirus software do you use?", risk=0.8, level="high",
        likely_exemptions=[law, cost], precedents=[], explanation="Most were refused.",
        rewordings=[Rewording("Do you hold a policy on malware? " + S16_SENTENCE,
                              "the s16 sentence asks for advice", ())])
    overall = Overall(0.8, "High risk: 1 of 1 question looks likely to be refused, most likely "
                      "under s31(1)(a) (law enforcement).", [law, cost],
                      ["Split the request: send question 1 on its own; space related requests "
                       "out, since requests within 60 working days can be aggregated for the "
                       "cost limit."], "1. Do you hold a policy on malware?\n\n" + S16_SENTENCE)
    return Assessment([q], overall, "Police Scotland")


def test_a_scottish_check_names_foisa_sections_limits_and_its_advice_sentence():
    a = adapt(_assessment())
    assert a.law == "FOISA" and a.to_json()["law"] == "FOISA"
    q = a.questions[0]
    assert [e.get("foisa") for e in q.likely_exemptions] == ["s35(1)(a)", "s12"]
    assert "s31(1)(a) is FOISA s35(1)(a), which needs substantial prejudice" in q.explanation
    assert "£600 of staff time" in q.explanation
    assert q.rewordings[0].text.endswith(FOISA_SENTENCE)
    assert "the s15 sentence" in q.rewordings[0].why
    assert a.overall.advice[0] == NOTE and "Scottish Information Commissioner" in NOTE
    assert "60 working days" not in " ".join(a.overall.advice)  # FOISA adds up no requests
    assert a.overall.verdict.endswith("In Scotland that is FOISA s35(1)(a).")
    text = assessment_text(a)
    assert "section 16" not in text and "section 15 of the Freedom of Information" in text
    assert "s31(1)(a) = FOISA s35(1)(a) 50%" in text and "s12 20%" in text


def test_a_scottish_environmental_request_is_advised_under_the_scottish_regulations():
    from bot.eir import EIR_NOTE, EIR_SENTENCE

    a = _assessment()
    a = replace(a, overall=replace(a.overall, advice=[
        "Burden (EIR r12(4)(b), manifestly unreasonable): narrow it. " + EIR_SENTENCE, EIR_NOTE],
        revised_draft="1. Air quality data.\n\n" + EIR_SENTENCE))
    advice = adapt(a).overall
    assert advice.advice[1].startswith("Burden (EISR r10(4)(b)")
    assert "Environmental Information (Scotland) Regulations" in advice.advice[1]
    assert "regulation 10(4)(b)" in advice.advice[2]
    assert advice.revised_draft.endswith("regulation 9 of the Environmental Information "
                                         "(Scotland) Regulations how I could narrow the request.")


def test_explain_takes_foisa_numbers_and_the_act_itself():
    assert explain("FOISA s35").startswith("FOISA s35 is FOIA's s31 in Scotland")
    assert "s31 — law enforcement" in explain("foisa s35")
    assert "s31 — law enforcement" in explain(section_argument("FOISA s35"))  # the bot's /explain
    assert "Scottish Information Commissioner" in explain("FOISA")
    assert "neither confirm nor deny" in explain("FOISA s18")
    assert explain("FOISA s99").startswith("I have no note")
