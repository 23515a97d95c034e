"""Environmental drafts under the EIR (the EISRs in Scotland): which questions they govern,
the exceptions and wording they call for, and the bodies they alone cover (water companies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.assessment import QuestionAssessment
from bot.authority import company_warning
from bot.eir import (
    EIR_SENTENCE,
    MIXED_SENTENCE,
    eir_cues,
    in_eir_words,
    is_environmental,
    question_laws,
    with_eir,
)
from bot.explain import explain, explain_exception
from bot.overall import general_advice
from bot.overall import overall as draft_overall
from bot.reword import S16_SENTENCE
from tests.conftest import built_project

FOIA_ONLY = ("18 hours", "section 16", "s16", "24 hours", "60 working days")


def _q(text: str, level: str = "medium", risk: float = 0.4) -> QuestionAssessment:
    return QuestionAssessment(text=text, risk=risk, level=level, likely_exemptions=[],
                              precedents=[], explanation="", rewordings=[])


@pytest.mark.parametrize("draft", [
    "Please provide Defra's submissions to ministers on storm overflow discharges.",
    "How many combined sewer overflows spilled into the River Wye in 2023?",
    "Please provide the bathing water classifications for Whitby since 2020.",
    "What were the nitrogen dioxide readings at each monitoring site in 2023?",
    "Please provide correspondence about fracking licences in Lancashire.",
    "How many homes flooded in the county in 2023?",
    "What were the council fleet's carbon emissions in 2023?",
    "How many discharges into the Thames were recorded at Mogden?",
    "Please provide the air pollution data for roads near schools.",
])
def test_sewage_water_air_and_emissions_drafts_are_environmental(draft):
    assert is_environmental(draft)


@pytest.mark.parametrize("draft", [
    "How many parking fines were issued in 2023?",
    "Was the new council headquarters a waste of money?",
    "Number of litters produced by each licensed dog breeder.",
    "How much did the council spend on agency staff in 2023?",
    "What was the chief executive's salary in 2023?",
])
def test_ordinary_council_drafts_are_not_environmental(draft):
    assert not is_environmental(draft)


def test_a_bonus_question_beside_a_sewage_one_is_foias_and_the_sewage_one_the_eirs():
    asked = ["What bonuses were paid to NI Water executives in 2023?",
             "How many sewage discharges into Belfast Lough were recorded in 2023?"]
    assert question_laws(is_environmental(" ".join(asked)), asked) == [False, True]
    # a question that names no subject of its own takes its environmental draft's law
    assert question_laws(True, ["How many were there in 2023?"]) == [True]
    assert question_laws(False, asked) == [False, False]
    # an opening that names the subject ('about the air quality study') governs a lone question
    assert question_laws(True, ["What consultancy fees were paid for the study?"]) == [True]


@pytest.mark.parametrize("question", [
    "Please provide the draft local flood risk strategy.",
    "Please provide the unfinished modelling for the air quality action plan.",
    "Please provide the latest draft of the river catchment plan.",
    "Please provide the provisional bathing water monitoring data for 2024.",
    "Has the flood study been finalised? If not yet finalised, please provide it.",
])
def test_draft_and_unfinished_environmental_material_points_at_r12_4_d(question):
    cues = eir_cues(question)
    assert list(cues) == ["s22"]
    assert with_eir([{"section": "s22", "subsection": None, "probability": 0.1,
                      "ncnd": False}])[0]["eir"] == "r12(4)(d)"


@pytest.mark.parametrize("question", [
    "Please provide the final air quality action plan adopted in 2023.",
    "How many sewage discharges were recorded in 2023?",
    "I attach my draft request about sewage discharges.",
])
def test_finished_material_and_the_requesters_own_draft_point_at_nothing(question):
    assert eir_cues(question) == {}


def test_the_eir_explanation_of_the_burden_speaks_of_no_hours_limit_not_foias_18_hours():
    said = explain_exception("r12(4)(b)", "s12")
    assert said.startswith("EIR r12(4)(b) (where FOIA would cite s12) covers manifestly "
                           "unreasonable requests")
    assert "no fixed cost limit in hours" in said and "only a guide" in said
    assert not any(words in said for words in FOIA_ONLY)
    scottish = explain_exception("r10(4)(b)", "s12")
    assert scottish.startswith("EISR r10(4)(b)")
    assert "FOISA's £600 limit is only a guide" in scottish


def test_unfinished_material_is_explained_with_its_duty_to_say_when_it_will_be_finished():
    said = explain_exception("r12(4)(d)", "s22")
    assert "course of completion" in said and "when the material should be finished" in said
    assert "r14(4)" in explain("r12(4)(d)")


def test_personal_data_ncnd_under_the_eir_is_r13_5_not_the_public_safety_rule():
    ncnd = {"section": "s40", "subsection": "s40(5)", "probability": 0.2, "ncnd": True}
    assert with_eir([ncnd])[0]["eir"] == "r13(5)"
    assert with_eir([ncnd], scottish=True)[0]["eir"] == "r11(6)"


def test_environmental_advice_speaks_of_manifestly_unreasonable_and_regulation_9_only():
    draft = ("Please provide all correspondence about storm overflows since 2015, and the names "
             "of the officers who wrote it, and the contract prices for monitoring.")
    advice = general_advice(draft, [_q(draft)] * 10, eir=True)
    assert advice[0].startswith("Many parts (EIR r12(4)(b))")
    burden = next(a for a in advice if a.startswith("Burden (EIR r12(4)(b)"))
    assert "no cost limit in hours (FOIA's is only a guide)" in burden and EIR_SENTENCE in burden
    assert any(a.startswith("Personal data (EIR r13") for a in advice)
    assert any(a.startswith("Commercial confidentiality (EIR r12(5)(e)") for a in advice)
    assert not any(words in a for a in advice for words in FOIA_ONLY)


def test_a_foia_draft_keeps_the_cost_limit_and_the_s16_sentence():
    draft = "Please provide all correspondence about parking fines since 2015."
    advice = general_advice(draft, [_q(draft)])
    assert any(a.startswith("Cost limit (s12)") and S16_SENTENCE in a for a in advice)


def test_a_rewording_for_an_environmental_question_asks_under_regulation_9():
    why = ("Refusals under the s12 cost limit turn on how long the search takes: a single year "
           "held in one place fits within the limit, and the s16 sentence obliges the authority "
           "to help.")
    said = in_eir_words(why + " " + S16_SENTENCE)
    assert "manifestly unreasonable exception (EIR r12(4)(b))" in said
    assert "the regulation 9 sentence" in said and EIR_SENTENCE in said
    assert not any(words in said for words in ("s12 cost limit", "s16", "section 16"))


def test_a_draft_under_both_laws_says_which_question_is_foias_and_closes_with_both_duties():
    asked = [_q("What bonuses were paid to NI Water executives in 2023?", "low", 0.2),
             _q("How many sewage discharges into Belfast Lough were recorded in 2023?",
                "low", 0.2)]
    done = draft_overall(asked, " ".join(q.text for q in asked), eir=True, foia=[0])
    assert ("Question 1 is about the authority itself, not the environment, so it is answered "
            "under FOIA") in " ".join(done.advice)
    assert done.revised_draft.endswith(MIXED_SENTENCE)
    assert done.revised_draft.count("advise me") == 1


def test_a_draft_plan_is_advised_under_r12_4_d():
    text = "Please provide the draft local flood risk strategy."
    done = draft_overall([_q(text, "low", 0.1)], text, eir=True)
    assert any(a.startswith("Unfinished material (EIR r12(4)(d))") for a in done.advice)
    assert not any(a.startswith("Unfinished material") for a in
                   draft_overall([_q(text, "low", 0.1)], "How many floods in 2023?",
                                 eir=True).advice)


@pytest.mark.parametrize("name", [
    "Severn Trent", "Severn Trent plc", "United Utilities", "Yorkshire Water", "Thames Water",
    "Southern Water", "Anglian Water", "Wessex Water", "Northumbrian Water", "South West Water",
    "Dwr Cymru", "Welsh Water", "Affinity Water", "SES Water", "South East Water",
    "Portsmouth Water", "Hafren Dyfrdwy",
])
def test_water_companies_are_warned_they_answer_under_the_eir_only(name):
    warning = company_warning(name)
    assert warning and warning.startswith(f"{name} is covered by the Environmental "
                                          "Information Regulations only")


@pytest.mark.parametrize("name", [
    "Southern Health NHS Foundation Trust", "Anglia Ruskin University", "Portsmouth City Council",
    "Southern", "Anglian", "South East Coast Ambulance Service", "Northern Ireland Water",
    "Scottish Water",
])
def test_bodies_that_only_share_a_water_companys_place_are_not_water_companies(name):
    assert company_warning(name) is None


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("eir_handling"))


def test_ni_waters_bonus_question_is_checked_under_foia_beside_its_sewage_one(project, cli):
    draft = ("1. What bonuses were paid to NI Water executives in 2023?\n"
             "2. How many sewage discharges into Belfast Lough were recorded in 2023?")
    code, out, err = cli("--config", str(project), "check", "--json", "--authority",
                         "Northern Ireland Water", draft)
    assert code == 0, err
    data = json.loads(out)
    bonus, sewage = data["questions"]
    assert data["law"] == "EIR"
    assert not any(e.get("eir") for e in bonus["likely_exemptions"])
    assert all(e.get("eir") for e in sewage["likely_exemptions"]
               if e["section"] in ("s12", "s31", "s40", "s43"))
    assert "Question 1 is about the authority itself" in " ".join(data["overall"]["advice"])
    assert data["overall"]["revised_draft"].endswith(MIXED_SENTENCE)


def test_an_environmental_check_explains_no_foia_cost_limit(project, cli):
    draft = "1. Please provide all air quality monitoring data held since 2015."
    code, out, err = cli("--config", str(project), "check", "--json", "--authority",
                         "Sheffield City Council", draft)
    assert code == 0, err
    data = json.loads(out)
    q = data["questions"][0]
    shown = " ".join([q["explanation"], *data["overall"]["advice"],
                      *(r["text"] + " " + r["why"] for r in q["rewordings"])])
    assert not any(words in shown for words in ("18 hours", "section 16", "the s16 sentence",
                                                "s12 cost limit"))
    assert "regulation 9" in data["overall"]["revised_draft"]


def test_a_storm_overflow_request_to_defra_is_judged_under_the_eir(project, cli):
    code, out, err = cli("--config", str(project), "check", "--json", "--authority", "Defra",
                         "Please provide Defra's submissions to ministers on storm overflow "
                         "discharges.")
    assert code == 0, err
    data = json.loads(out)
    assert data["law"] == "EIR"
    assert "regulation 9" in data["overall"]["revised_draft"]


def test_a_bare_severn_trent_gets_the_water_company_warning(project, cli):
    code, out, err = cli("--config", str(project), "check", "--authority", "Severn Trent",
                         "1. How many storm overflow discharges were there in 2023?")
    assert code == 0, err
    assert "Severn Trent is covered by the Environmental Information Regulations only" in out


def test_a_draft_citing_the_eisrs_to_a_welsh_council_is_told_to_cite_the_eir_not_foia():
    from bot.scotland import misapplied

    warning = misapplied("Cardiff Council", "Under the Environmental Information (Scotland) "
                                            "Regulations, please provide the air quality data.")
    assert warning and "checked under the EIR" in warning
    assert "Environmental Information Regulations 2004" in warning and "FOIA" not in warning


def test_the_eisrs_notes_give_scotlands_guide_and_no_uk_regulation_numbers():
    burden, unfinished = explain("r10(4)(b)"), explain("r10(4)(d)")
    assert "FOISA's £600 limit is only a guide" in burden and "FOIA's" not in burden
    assert "r14(4)" not in unfinished and "course of completion" in unfinished
