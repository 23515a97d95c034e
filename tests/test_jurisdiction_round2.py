"""Round two of the jurisdiction and whole-draft fixes (UX audit 11): FOISA advice in FOISA's
terms, EISR per question in Scotland, a water company's non-environmental questions, subject
access requests, signatures, a body named in the text, ICBs, r12(2), own precedents' floor and
an abusive draft's tone."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.advice import OWN_FIRST_SIMILARITY, ordered_precedents
from bot.assessment import Assessment, QuestionAssessment
from bot.authority import is_water_company, named_bodies
from bot.eir import draft_law_is_eir, is_environmental, opening_subject, question_laws
from bot.explain import explain
from bot.overall import (
    OWN_DATA_VERDICT,
    SAR_ADVICE,
    TONE_LEFT_OUT,
    neutral,
    without_signature,
)
from bot.overall import overall as draft_overall
from bot.reword import S16_SENTENCE
from bot.scotland import FOISA_SENTENCE, adapt, in_foisa_terms
from bot.track_record import authority_kind
from corpus.exemptions import procedural
from index.search import Precedent
from tests.conftest import built_project
from tests.conftest import check_json as _check


def _q(text: str, level: str = "low", risk: float = 0.2, exemptions=()) -> QuestionAssessment:
    return QuestionAssessment(text=text, risk=risk, level=level,
                              likely_exemptions=list(exemptions), precedents=[],
                              explanation="", rewordings=[])


# -- 1. FOISA drafts: every advice line in FOISA's terms ------------------------------------

def test_a_foisa_drafts_advice_names_foisa_sections_and_the_s15_duty_never_foias_s16():
    s31 = {"section": "s31", "subsection": "s31(3)", "probability": 0.4, "ncnd": True}
    s12 = {"section": "s12", "subsection": "s12(1)", "probability": 0.3, "ncnd": False}
    asked = [_q("How many officers were assaulted on duty since 2019?", "high", 0.7, [s31, s12]),
             _q("Please provide the names of the officers who were assaulted.", "high", 0.7,
                [s31])]
    text = "Dear Police Scotland,\n" + "\n".join(q.text for q in asked)
    done = adapt(Assessment(asked, draft_overall(asked, text, eir=False), "Police Scotland"))
    advice = " ".join(done.overall.advice)
    assert "section 16" not in advice and "(s40)" not in advice and "(s31)" not in advice
    assert "Personal data (FOISA s38, FOIA's s40)" in advice
    assert "Law enforcement (FOISA s35, FOIA's s31)" in advice
    assert "£600" in advice and FOISA_SENTENCE in advice
    assert "In Scotland that is FOISA s18." in advice
    assert done.overall.revised_draft.endswith(FOISA_SENTENCE)


def test_foisa_terms_for_the_cues_advice_name_the_scottish_commissioner_and_review():
    assert in_foisa_terms("Internal review: whatever").endswith(
        "then you can apply to the Scottish Information Commissioner.")
    assert in_foisa_terms("Tone (s14): x").startswith("Tone (FOISA s14(1), vexatious)")
    split = in_foisa_terms("Split the request: send question 1 on its own and question 2 "
                           "separately. One sensitive part can sink a whole request, while "
                           "others answer the harmless parts.")
    assert "60 working days" not in split


# -- 2. Scotland: the EISRs question by question --------------------------------------------

GLASGOW = [
    "How many patients waited more than 12 hours in A&E at the hospital in 2023?",
    "How many cases of hospital-acquired infection were recorded in its water system?",
    "Please provide the minutes of board meetings where the water contamination was discussed.",
    "How much has the board spent on agency nurses in each of the last three years?",
]


def test_one_environmental_question_does_not_put_a_whole_draft_under_the_regulations():
    laws = question_laws(is_environmental(" ".join(GLASGOW)), GLASGOW, subject=False)
    assert laws == [False, False, True, False]
    assert not draft_law_is_eir(laws)
    # an environmental opening still governs questions that name no subject of their own
    assert question_laws(True, ["How many were there in 2023?", "And in 2022?"],
                         subject=True) == [True, True]
    assert opening_subject("About sewage spills at Mogden:\n1. How many in 2023?",
                           ["How many in 2023?"])
    assert not opening_subject("Dear NHS Greater Glasgow and Clyde,\n" + GLASGOW[0], GLASGOW)


def test_a_scottish_draft_mostly_under_foisa_says_which_question_the_eisrs_govern():
    asked = [_q(t) for t in GLASGOW]
    done = adapt(Assessment(asked, draft_overall(asked, "\n".join(GLASGOW), eir=False,
                                                 environmental=[2]), "NHS Greater Glasgow and "
                            "Clyde"), False, [False, False, True, False])
    assert done.law == "FOISA"
    advice = " ".join(done.overall.advice)
    assert "Question 3 asks for environmental information, so it is answered under the EISRs" \
        in advice and "the other questions under FOISA." in advice
    assert "section 15 of the Freedom of Information (Scotland) Act or regulation 9 of the " \
        "Environmental Information (Scotland) Regulations" in done.overall.revised_draft


# -- 3. a water company: a non-environmental question is outside the law --------------------

def test_a_water_company_is_known_as_one_and_a_public_water_body_is_not():
    assert is_water_company("Thames Water") and is_water_company("Severn Trent")
    assert not is_water_company("Scottish Water") and not is_water_company("Kent Police")


def test_questions_left_out_say_why_and_take_no_part_in_the_verdict_or_split_advice():
    asked = [_q("How many hours did storm overflows discharge into the Thames in 2023?"),
             _q("How much was paid in bonuses to the chief executive?", "high", 0.85)]
    done = draft_overall(asked, "\n".join(q.text for q in asked), eir=True, outside=[1],
                         outside_why="not environmental information")
    assert done.verdict.startswith("Low risk")
    assert not any(a.startswith("Split the request") for a in done.advice)
    assert '(Left out: your question 2 ("How much was' in done.revised_draft
    assert '"): not environmental information.)' in done.revised_draft
    asked_again = done.revised_draft.split("(Left out")[0]
    assert "section 16" not in done.revised_draft and "bonuses" not in asked_again


# -- 4. subject access requests --------------------------------------------------------------

def test_a_subject_access_request_gets_sar_advice_and_a_sar_draft_not_an_foi_one():
    text = ("Please send me all the information you hold about me, including my housing file, "
            "since 2019.")
    done = draft_overall([_q(text)], text)
    assert done.verdict == OWN_DATA_VERDICT
    assert done.advice == [SAR_ADVICE] and "one month" in SAR_ADVICE
    assert [e["subsection"] for e in done.likely_exemptions] == ["s40(1)"]
    assert "Article 15 of the UK GDPR" in done.revised_draft
    assert S16_SENTENCE not in done.revised_draft and "cost limit" not in done.revised_draft


def test_a_question_about_the_requester_among_foi_ones_is_left_to_a_sar():
    asked = [_q("How many housing complaints did the council receive in 2023?"),
             _q("Please provide all the records you hold about me.")]
    done = draft_overall(asked, "\n".join(q.text for q in asked))
    assert done.verdict.startswith("Partly not FOI: question 2 asks for information about "
                                   "yourself")
    assert "1. How many housing complaints" in done.revised_draft
    assert "subject access request" in done.revised_draft.split("Left out:")[1]


# -- 5. a signature is no request for someone's data ----------------------------------------

SIGNED = ("Dear Sir/Madam,\n\nI would like to know how many fixed penalty notices for littering "
          "were issued by Medway Council in 2023.\n\nKind regards,\nJennifer Blackwood\n"
          "jennifer@example.com\n07700 900123\n14 Station Road, Rochester ME1 1AA\n")


def test_the_requesters_address_in_the_signature_draws_no_named_person_advice():
    assert "Station Road" not in without_signature(SIGNED)
    asked = [_q("How many fixed penalty notices for littering were issued in 2023?")]
    advice = draft_overall(asked, SIGNED).advice
    assert not any(a.startswith("Information about a named private person") for a in advice)
    # an address in the request itself still does
    about = "Please provide all information about the tenant of 14 Acacia Avenue."
    assert any(a.startswith("Information about a named private person")
               for a in draft_overall([_q(about)], about).advice)


# -- 6. a body named in the text -------------------------------------------------------------

def test_a_body_named_in_the_draft_is_found_without_sentence_words():
    assert named_bodies("Does Medway Council publish its fines?") == ["Medway Council"]
    assert named_bodies(SIGNED) == ["Medway Council"]
    assert named_bodies("What did the London Borough of Camden spend?") == [
        "London Borough of Camden"]
    assert named_bodies("How many Council tax bills were sent?") == []
    assert named_bodies("Did Kent Police or Essex Police use Tasers?") == ["Kent Police",
                                                                           "Essex Police"]


# -- 7. integrated care boards are health bodies --------------------------------------------

@pytest.mark.parametrize("name", ["Cambridgeshire and Peterborough Integrated Care Board",
                                  "NHS Kent and Medway ICB", "Barnet Clinical Commissioning "
                                  "Group", "Barnet CCG", "NHS England"])
def test_integrated_care_boards_and_ccgs_are_judged_as_nhs_bodies(name):
    assert authority_kind(name) == "health"


# -- 8. r12(2) and r12(1)(b) are no exceptions ----------------------------------------------

def test_the_eirs_presumption_and_public_interest_test_are_not_exceptions():
    assert procedural("r12(2)") == "r12(2)" and procedural("r12(1)(b)") == "r12(1)(b)"
    assert procedural("r10(2)") == "r12(2)"
    assert procedural("r12(4)(b)") is None and procedural("r12(5)(e)") is None
    # the check and `evaluate` weigh neighbours alike: neither counts them as grounds
    from bot.risk import neighbour
    assert neighbour(0.8, "refused", ["r12(2)", "r12(5)(b)", "r10(1)(b)"], None, None,
                     "refused").exemptions == ("r12(5)(b)",)
    said = explain("r12(2)")
    assert said.startswith("EIR r12(2) — not an exception") and "presumption" in said
    assert "public interest" in explain("r12(1)(b)")


# -- 9. the authority's own precedents first only when close --------------------------------

def _p(pid: str, authority: str, similarity: float) -> Precedent:
    return Precedent(id=pid, question="q", similarity=similarity, authority=authority,
                     outcome="answered", exemptions=(), date=None, source_url=None,
                     reference=None)


def test_an_unrelated_own_precedent_does_not_lead_a_close_one_from_elsewhere():
    far = _p("a", "West Yorkshire Police", 0.43)
    close = _p("b", "Northumbria Police", 0.77)
    assert [p.id for p in ordered_precedents([far, close], "West Yorkshire Police")] == \
        ["b", "a"]
    near = _p("c", "West Yorkshire Police", OWN_FIRST_SIMILARITY + 0.05)
    assert ordered_precedents([close, near], "West Yorkshire Police")[0].id == "c"


# -- 10. an abusive draft ----------------------------------------------------------------------

ANGRY = ("You are a bunch of incompetent liars wasting taxpayers money.\n"
         "1. How much did the chief executive get paid last year while my road falls apart?\n"
         "2. Who is the idiot responsible for highways?")


def test_an_abusive_draft_leads_with_the_tone_risk_and_its_revised_draft_drops_the_insults():
    asked = [_q("How much did the chief executive get paid last year while my road falls "
                "apart?", "low", 0.15), _q("Who is the idiot responsible for highways?")]
    done = draft_overall(asked, ANGRY)
    assert done.verdict.startswith("Tone risk (s14)") and done.risk >= 0.5
    assert done.advice[0].startswith("Tone (s14)")
    assert "falls apart" not in done.revised_draft and "idiot" not in done.revised_draft
    assert "1. How much did the chief executive get paid last year?" in done.revised_draft
    assert "2. Who is the officer responsible for highways?" in done.revised_draft
    assert TONE_LEFT_OUT in done.revised_draft
    assert neutral("You lot are useless liars. How many potholes were fixed?") == \
        "How many potholes were fixed?"


def test_a_polite_draft_has_no_tone_verdict():
    asked = [_q("How many potholes were repaired in 2023?")]
    done = draft_overall(asked, asked[0].text)
    assert done.verdict.startswith("Low risk") and TONE_LEFT_OUT not in done.revised_draft


# -- end to end on the small corpus ------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("jurisdiction_round2"))


def test_a_water_companys_bonus_question_is_outside_the_law_said_once(project, cli):
    data = _check(cli, project, "Dear Thames Water,\n1. How many storm overflow discharges "
                  "into the River Thames were there in 2023?\n2. How much was paid in bonuses "
                  "to the chief executive in 2023?\n3. Please provide the sewage treatment "
                  "works' capacity assessments.")
    overall = data["overall"]
    assert overall["verdict"].startswith("Question 2 is outside the law at Thames Water")
    assert not any("section 16" in a or "under FOIA" in a for a in overall["advice"])
    assert "section 16" not in overall["revised_draft"]
    assert data["questions"][1]["level"] == "high"
    assert data["questions"][1]["rewordings"] == []


def test_a_subject_access_request_is_s40_1_with_no_cost_limit_advice(project, cli):
    data = _check(cli, project, "Dear Hackney Council,\n\nPlease send me all the information "
                  "you hold about me, including my housing file, since 2019.")
    q = data["questions"][0]
    assert [e["subsection"] for e in q["likely_exemptions"]] == ["s40(1)"]
    assert q["rewordings"] == []
    assert not any(a.startswith("Cost limit") for a in data["overall"]["advice"])
    assert "Article 15 of the UK GDPR" in data["overall"]["revised_draft"]


def test_a_draft_naming_one_body_is_checked_for_it_and_says_so(project, cli):
    data = _check(cli, project, SIGNED)
    assert data["authority"] == "Medway Council"
    advice = " ".join(data["overall"]["advice"])
    assert "Say which authority you are writing to" not in advice
    assert "Checked for Medway Council, the body your draft names" in advice
