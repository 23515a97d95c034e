"""Scottish requests: FOISA's numbers beside FOIA's, its limits, its advice sentence, and
Scottish replies counted in FOIA's numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.assessment import Assessment, Overall, QuestionAssessment
from bot.explain import explain
from bot.greeting import greeted
from bot.render import assessment_text, precedent_line
from bot.reword import S16_SENTENCE, Rewording
from bot.scotland import FOISA_SENTENCE, NOTE, adapt, applies, misapplied, note_on
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
    assert to_foisa("s23") == "s31(1)"  # no security-bodies exemption: national security


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
    assert to_precedent(english, 0.8).to_json()["cited"] == ["s35(1)(a)"]  # as written too
    assert to_precedent(english, 0.8).to_json()["regime"] == "FOIA"


@pytest.mark.parametrize("authority, text, expected", [
    ("Police Scotland", "How many officers?", True),
    ("Glasgow City Council", "How many bins?", True),
    ("NHS Lothian", "How many nurses?", True),
    ("Midlothian Council", "How many bins?", True),
    ("NHS 24", "How many calls?", True),
    ("Kent Police", "How many officers?", False),
    ("Metropolitan Police Service", "Dear New Scotland Yard, how many officers?", False),
    ("Home Office", "How many officers did Police Scotland send to London?", False),
    ("Home Office", "How many RIPSA authorisations under the Regulation of Investigatory Powers "
     "(Scotland) Act 2000?", False),  # a Scottish statute named, a UK body asked
    ("Scotland Office", "How much was spent on advertising?", False),  # a UK department
    ("Royal Bank of Scotland", "How much were bonuses?", False),  # no public authority
    ("Edinburgh Road Surgery, Maidstone", "How many patients?", False),
    ("Police Service of Northern Ireland", "Under the Freedom of Information (Scotland) Act "
     "2002, how many officers?", False),  # the body decides; the check warns instead
    (None, "Under the Freedom of Information (Scotland) Act 2002, please send the minutes.",
     True),
    (None, "How many PSNI officers were sent to help Police Scotland during COP26?", False),
    ("Ferguson Marine", "How much did the ferries cost?", True),  # owned by Scottish Ministers
    ("Highlands and Islands Airports Ltd", "How many flights were delayed?", True),
])
def test_which_requests_fall_under_foisa(authority, text, expected):
    assert applies(authority, text) is expected


def test_a_letter_greeting_a_scottish_body_names_it_and_a_foisa_citation_to_others_is_warned():
    for letter, body in (("Dear Scottish Water,\n\n1. How many sewage spills?", "Scottish Water"),
                         ("To Comhairle nan Eilean Siar,\n\n1. How many ferries?",
                          "Comhairle nan Eilean Siar"),
                         ("Dear SEPA,\n\n1. How many permits?", "SEPA")):
        assert greeted(letter) == body and applies(greeted(letter), letter)
    warning = misapplied("Cardiff Council", "Under FOISA, how many bins were emptied?")
    assert warning and "Freedom of Information Act 2000" in warning and "ICO" in warning
    assert misapplied("Glasgow City Council", "Under FOISA, how many bins?") is None
    assert misapplied("Cardiff Council", "How many bins?") is None


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


def test_only_foisas_harm_based_exemptions_are_said_to_need_substantial_prejudice():
    def note(section, subsection=None, ncnd=False):
        return note_on({"section": section, "subsection": subsection, "ncnd": ncnd})

    assert "substantial prejudice" in note("s31", "s31(1)(a)")
    assert "substantial prejudice" in note("s43", "s43(2)")  # FOISA s33(1)(b)
    assert "substantial prejudice" in note("s26")  # FOISA s31(4), defence
    for section, sub in (("s40", "s40(2)"), ("s35", None), ("s30", None), ("s42", None)):
        assert "class-based: no harm need be shown" in note(section, sub), section
    assert note("s31", "s31(3)", ncnd=True).startswith("s31(3) is FOISA s18 with s35, which "
                                                       "needs substantial prejudice")


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
    assert explain("FOISA s35").startswith("FOISA s35 — law enforcement (FOIA's s31 in the "
                                           "rest of the UK)")
    assert "(FOIA's s31 in the rest of the UK)" in explain("foisa s35")
    assert explain(section_argument("FOISA s35")) == explain("FOISA s35")  # the bot's /explain
    assert "substantial prejudice" in explain("s35 of FOISA").lower()
    assert "Scottish Information Commissioner" in explain("FOISA")
    assert "neither confirm nor deny" in explain("FOISA s18")
    assert explain("FOISA s99").startswith("I have no note")


def test_a_yes_no_question_usually_met_with_ncnd_is_not_offered_a_yes_or_no():
    from bot.eir import is_environmental
    from bot.reword import fallback_rewording

    asked = "Has the force used covert sources to infiltrate climate protest groups?"
    r = fallback_rewording(asked, "s31", "the force", ncnd=True)
    assert "yes or no answer is enough" not in r.text
    assert r.text.endswith("please provide instead the force's policy or procedure on the "
                           "matter.")
    plain = fallback_rewording("Does the force use Cellebrite?", "s31", "the force")
    assert "A yes or no answer is enough" in plain.text
    assert not is_environmental(asked)  # protest groups, not the climate
    assert is_environmental("What is the council's climate action plan budget?")


def test_in_a_scottish_conversation_the_law_questions_are_about_foisa():
    from bot.conversation import faq

    assert "Scottish Information Commissioner" in faq("how do I appeal?", scottish=True)
    assert "ICO" in faq("how do I appeal?")
    assert "£600" in faq("what is the cost limit in Scotland?")
    assert "no extension" in faq("how long do they have to reply?", scottish=True)
    # the check shows FOIA's numbers: a bare one is FOIA's, with its FOISA ground beside it
    assert explain("s31", scottish=True).startswith("s31 — law enforcement")
    assert "In Scotland: FOISA s35 — law enforcement" in explain("s31", scottish=True)
    assert explain("FOISA s38").startswith("FOISA s38 — personal information")
    assert explain("personal data", scottish=True).startswith("FOISA s38")
    assert explain("s38").startswith("s38 — health and safety")
    assert "no qualified person's opinion" in explain("FOISA s30")
    assert "Court of Session" in explain("internal review", scottish=True)
    assert explain("s10", scottish=True).startswith("FOISA s10")


def test_a_court_of_session_decision_counts_in_foia_numbers():
    from corpus.foisa import scottish_case
    from corpus.store import _decode_decision

    case = _decode_decision({"reference": "[2006] CSIH 8", "exemptions": '["s30(c)", "s25(1)"]'})
    assert case["exemptions"] == ["s36(2)(c)", "s21(1)"] and case["cited"] == ["s30(c)", "s25(1)"]
    tribunal = _decode_decision({"reference": "EA/2007/0070", "exemptions": '["s35(1)(a)"]'})
    assert tribunal["exemptions"] == ["s35(1)(a)"]
    assert scottish_case("[2006] CSIH 58") and not scottish_case("EA/2012/0212")


def test_explain_reads_the_eisrs_own_regulations_and_the_scottish_commissioner():
    assert explain("r10(4)(b)").startswith("EISR r10(4)(b) (the UK EIR's r12(4)(b)) — manifestly")
    assert explain("regulation 10(5)(e)").startswith("EISR r10(5)(e)")
    assert "commercial" in explain("EISR r10(5)(e)")
    assert explain("r11").startswith("EISR r11 — personal data")
    assert "r12(5)(e) in particular: commercial" in explain("r12(5)(e)")
    sic = explain("Scottish Information Commissioner")
    assert "six months" in sic and "Court of Session" in sic
    assert "FOIA s23" in explain("FOISA s31")  # FOIA's numbers in a FOISA note say so


def test_the_cost_limit_is_said_once_in_scotlands_terms_and_never_as_hours_corrected():
    from bot.assessment import QuestionAssessment
    from bot.explain import explain_citation
    from bot.scotland import _question

    said = explain_citation("s12", scottish=True)
    assert "£600" in said and "18 hours" not in said
    s12 = {"section": "s12", "subsection": None, "probability": 0.4, "ncnd": False}
    q = QuestionAssessment(text="All emails since 2015?", risk=0.6, level="high",
                           likely_exemptions=[s12], precedents=[], explanation=said,
                           rewordings=[])
    assert _question(q).explanation.count("£600") == 1
    bare = QuestionAssessment(text="All emails since 2015?", risk=0.6, level="high",
                              likely_exemptions=[s12], precedents=[], explanation="Most were.",
                              rewordings=[])
    assert "In Scotland: FOISA's s12 limit is £600" in _question(bare).explanation
