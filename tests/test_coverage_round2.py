"""Which law a question is under, which bodies FOI covers, and how a verdict says the risk
(audit ux13, items 4, 9 and 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.authority import is_coroner, named_bodies, not_covered
from bot.eir import foia_only, is_environmental, question_laws
from bot.overall import rest_risk
from tests.conftest import built_project
from tests.conftest import check_json as _check

MET_OFFICE = ("Please provide the raw temperature readings from the Heathrow station for July "
              "2022 and the internal review of the station's siting.")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("coverage_round2"))


# -- 1a: weather and climate observations are environmental information (EIR reg 2(1)(a)) ----

@pytest.mark.parametrize("question", [
    MET_OFFICE,
    "Monthly rainfall totals at the Ambleside weather station for 2010-2020.",
    "Air temperature records for Heathrow in July 2022.",
    "Sea level measurements from the Newlyn tide gauge since 1990.",
    "Please send the climate observations used for the 2023 State of the UK Climate report.",
])
def test_weather_and_climate_readings_are_environmental(question):
    assert is_environmental(question)
    assert question_laws(True, [question]) == [True]


@pytest.mark.parametrize("question", [
    "How many days of weather-related staff absence were recorded in 2023?",
    "Please send the severe weather emergency protocol for rough sleepers.",
    "How much did the Met Office spend on consultants in 2023?",
])
def test_weather_words_about_something_else_are_not_environmental(question):
    assert not is_environmental(question)


def test_a_met_office_temperature_request_is_checked_under_the_eir(project, cli):
    data = _check(cli, project, MET_OFFICE, "Met Office")
    assert data["law"] == "EIR"
    assert "regulation 9" in data["overall"]["revised_draft"]
    assert "section 16" not in data["overall"]["revised_draft"]


# -- 1b: a FOIA question names FOIA sections only --------------------------------------------

def _ex(section: str, subsection: str | None, probability: float) -> dict:
    return {"section": section, "subsection": subsection, "probability": probability,
            "ncnd": False}


def test_an_eir_exception_under_foia_is_read_as_its_foia_counterpart_or_dropped():
    shown = foia_only([_ex("s31", "s31(1)(a)", 0.21), _ex("r12", "r12(5)(a)", 0.17),
                       _ex("r13", None, 0.10), _ex("s40", "s40(2)", 0.05)])
    assert [e["section"] for e in shown] == ["s31", "s40"]  # public safety: no one counterpart
    assert shown[1]["subsection"] == "s40(2)" and shown[1]["probability"] == pytest.approx(0.15)
    assert foia_only([_ex("r10", "r10(5)(e)", 0.2)])[0]["section"] == "s43"  # the EISRs' number


def test_foia_sections_pass_unchanged():
    likely = [_ex("s12", "s12(1)", 0.3), _ex("s31", "s31(1)(a)", 0.2)]
    assert foia_only(likely) == likely


def test_a_bus_cctv_question_under_foia_lists_no_eir_exception(project, cli):
    data = _check(cli, project, "Please provide the number of assaults on bus drivers on route "
                  "38 in 2023, and the location of every CCTV camera on those buses.",
                  "Transport for London")
    assert data["law"] != "EIR"
    for q in data["questions"]:
        assert all(re.match(r"s\d", e["section"]) for e in q["likely_exemptions"])
        assert not any(e.get("eir") for e in q["likely_exemptions"])


# -- 2: a coroner is outside FOIA, and the route that exists is named ------------------------

@pytest.mark.parametrize("name", ["Inner North London Coroner", "HM Coroner for Avon",
                                  "the coroner's office", "Coroners' Court"])
def test_a_coroner_is_outside_foi_with_the_rule_13_route(name):
    said = not_covered(name)
    assert said.startswith("Outside FOI: coroners are judicial office-holders")
    assert "rule 13 of the Coroners (Inquests) Rules 2013" in said


@pytest.mark.parametrize("name", ["Kent County Council Coroner Service", "Ministry of Justice",
                                  "Sheffield City Council"])
def test_a_council_or_department_is_no_coroner(name):
    assert not is_coroner(name)
    assert not_covered(name) is None


def test_a_draft_to_a_coroner_gets_the_outside_foi_verdict(project, cli):
    data = _check(cli, project, "Please send the number of inquests opened in 2023 and the "
                  "post-mortem report for John Smith.", "Inner North London Coroner")
    verdict = data["overall"]["verdict"]
    assert verdict.startswith("Outside FOI: coroners are judicial office-holders")
    assert "If it were covered:" in verdict


def test_a_letter_greeting_a_coroner_names_the_coroner():
    assert named_bodies("Dear HM Coroner for Avon,\n\nPlease send the number of inquests.") \
        == ["HM Coroner for Avon"]
    assert named_bodies("Please send the Inner North London Coroner's Court figures.") == \
        ["Inner North London Coroner's Court"]
    assert named_bodies("Coroner statistics for 2023, please.") == []


def test_a_letter_to_hm_coroner_gets_the_outside_foi_verdict(project, cli):
    data = _check(cli, project, "Dear HM Coroner for Avon,\n\nPlease send the number of "
                  "inquests opened in 2023.\n\nYours faithfully")
    assert data["overall"]["verdict"].startswith("Outside FOI: coroners are judicial")


def test_a_letter_to_a_council_is_not_read_as_a_coroners(project, cli):
    data = _check(cli, project, "Dear Sheffield City Council,\n\nHow many inquests into "
                  "deaths in council care homes were held in 2023?\n\nYours faithfully")
    assert not data["overall"]["verdict"].startswith("Outside FOI")


# -- 3: 'unknown' is no risk level -----------------------------------------------------------

def test_the_rest_of_a_draft_says_no_close_precedent_not_unknown_risk():
    assert rest_risk(["low", "unknown"]) == "low risk; 1 with no close precedent"
    assert rest_risk(["low", "medium", "unknown"]) == \
        "at most medium risk; 1 with no close precedent"
    assert rest_risk(["unknown", "unknown"]) == "no close precedent to judge by"
    assert rest_risk(["high"]) == "high risk"


def test_a_bbc_verdict_never_says_unknown_risk(project, cli):
    draft = ("1. How much did the BBC spend on the Eurovision Song Contest 2023?\n"
             "2. Why did Newsnight drop the interview with the Prime Minister? Please send the "
             "editorial discussions.\n3. The salary of Gary Lineker.")
    verdict = _check(cli, project, draft, "BBC")["overall"]["verdict"]
    assert verdict.startswith("Likely outside FOI: question 2")
    assert "unknown" not in verdict
    assert re.search(r"The rest \(questions 1 and 3\) can be asked: (?:at most )?(?:low|medium|"
                     r"high) risk|no close precedent", verdict)
