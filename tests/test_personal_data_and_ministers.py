"""Personal data and ministers' papers: the rewording says what it asks, public figures are no
private people, and counts of ministerial papers, executive agencies and document requests get
the law that fits them (s35 or s36, facts not a 'single figure')."""

from __future__ import annotations

import json

import pytest

from bot.reword import fallback_rewording, pattern_rewordings, precedent_rewordings
from bot.risk import cues, exemption_cues
from bot.settled_law import names_public_figures, settled_ground
from index.search import Precedent

PEOPLE_CUE = "names or identifies individuals"


def _answered(pid: str, question: str, sim: float) -> Precedent:
    return Precedent(id=pid, question=question, authority="Warwickshire Police", date="2024",
                     reference="408-2024", outcome="answered", exemptions=(), similarity=sim,
                     source_url=None)


@pytest.mark.parametrize("question, kept", [
    ("How many complaints were made about anti-social behaviour on the Greenfield estate in "
     "2023, and what are their names?",
     "How many complaints were made about anti-social behaviour on the Greenfield estate in "
     "2023?"),
    ("How many complaints were made about anti-social behaviour on the Greenfield estate in "
     "2023, with the claimant's name?",
     "How many complaints were made about anti-social behaviour on the Greenfield estate in "
     "2023?"),
    ("How many penalty notices were issued in 2023, and who received them?",
     "How many penalty notices were issued in 2023?"),
])
def test_a_rewording_that_wants_no_names_drops_the_clause_that_asked_for_them(question, kept):
    found = fallback_rewording(question, "s40", "the council")
    assert found.text.startswith(kept + " ")
    assert "name" not in found.text[:len(kept)].lower()
    assert "I am not asking for anyone's name" in found.text


@pytest.mark.parametrize("question", [
    "Please provide the full name and address of the tenant of 12 High Street.",
    "Please provide the home address of the claimant.",
    "Please give the contact details of the complainants in each case.",
    "Please provide the tenant's contact details.",
])
def test_a_members_of_the_publics_address_or_contact_details_get_the_s40_floor(question):
    ground = settled_ground(question)
    assert ground is not None and ground.subsection == "s40(2)" and ground.floor == 0.85


@pytest.mark.parametrize("question", [
    "What is the address for applicants to send their forms?",
    "Please provide contact details for tenants to report repairs.",
    "Please provide the names of councillors who voted against the budget.",
    "Please provide the names of board members.",
    "Please provide the names of the individuals who sit on the planning committee.",
    "What is the name of the senior investigating officer (officer in charge) of Operation X?",
])
def test_a_service_address_and_public_figures_names_get_no_s40_floor(question):
    assert settled_ground(question) is None


@pytest.mark.parametrize("question", [
    "Please provide the names of councillors who voted against the budget.",
    "Please provide the names of board members.",
    "Please provide the names and job titles of senior managers.",
    "What is the name of the officer in charge of Operation X?",
    "Who was the officer in charge of Operation X?",
])
def test_public_figures_names_are_no_personal_data_cue_and_are_not_anonymised(question):
    assert PEOPLE_CUE not in cues(question)[0]
    assert "s40" not in exemption_cues(question)
    assert names_public_figures(question)
    assert not any("number of" in r.text or "not the name" in r.text
                   for r in pattern_rewordings(question))
    offered = fallback_rewording(question, "s40", "the council").text
    assert "number of" not in offered and "usually named" in offered


@pytest.mark.parametrize("question", [
    "What is the name of the officer who arrested my son?",
    "Who was the officer who arrested me?",
    "Please give the names of disciplined firefighters.",
    "Please provide the names of people served with a Community Protection Notice in 2023.",
])
def test_junior_staff_and_members_of_the_public_are_still_people(question):
    assert PEOPLE_CUE in cues(question)[0]
    assert "s40" in exemption_cues(question)
    assert not names_public_figures(question)


def test_a_title_is_matched_with_its_case_so_no_monitor_or_councillor_is_a_person():
    assert "s40" not in exemption_cues("How many PC monitors does the council own?")
    assert "s40" not in exemption_cues("What is the name of the councillor who chairs planning?")
    assert "s40" in exemption_cues("How many complaints were made about Mr Jenkins?")


def test_a_precedent_that_asks_who_is_no_rewording_for_a_personal_data_question():
    who = _answered("2074", "who rescinded the Community Protection Notice", 0.67)
    count = _answered("2075", "How many people were served with a Community Protection Notice in "
                               "2023?", 0.7)
    for asked in ("Please provide the names of people served with a Community Protection "
                  "Notice in 2023.",
                  "Please provide a list of the people served with a Community Protection "
                  "Notice in 2023."):
        found = precedent_rewordings([who, count], asked)
        assert [r.based_on for r in found] == [("2075",)], asked


def test_a_precedent_that_asks_names_is_not_offered_for_a_question_that_asked_none():
    names = _answered("3", "Please provide the names of the people served with Community "
                           "Protection Notices in 2023.", 0.7)
    assert precedent_rewordings([names], "Please provide the council's policy on Community "
                                         "Protection Notices.") == []


@pytest.mark.parametrize("authority", [
    "Driver and Vehicle Licensing Agency", "DVLA", "Companies House",
    "HM Prison and Probation Service", "HMPPS", "HM Land Registry", "UK Visas and Immigration",
    "Border Force", "HM Passport Office", "Driver and Vehicle Standards Agency",
    "Medicines and Healthcare products Regulatory Agency",
])
def test_executive_agencies_and_home_office_directorates_are_their_departments_for_s35(
        authority):
    advice = "Please provide the submissions to the minister on the digital driving licence."
    assert settled_ground(advice, authority).section == "s35"


@pytest.mark.parametrize("authority", [
    "Environment Agency", "Health and Safety Executive", "Natural England"])
def test_non_departmental_public_bodies_get_s36_not_s35(authority):
    advice = "Please provide the submissions to the minister on flood defences."
    assert settled_ground(advice, authority).section == "s36"


def test_advice_asked_of_a_non_departmental_body_is_reworded_as_a_document_not_a_figure():
    found = fallback_rewording("Please provide the briefings and advice sent to the minister on "
                               "flood defences in 2023.", "s36", "the authority")
    assert "single figure" not in found.text
    assert "factual and statistical content" in found.text and "redacted" in found.text
    count = fallback_rewording("How many submissions did the agency send to the minister on "
                               "flood defences in 2023?", "s36", "the authority")
    assert "redacted" not in count.text


@pytest.mark.parametrize("question", [
    "How many submissions did the minister receive on the Rwanda policy in 2023?",
    "On what dates did the Secretary of State receive advice on the Rwanda policy?",
    "Please provide the dates of the ministerial briefings on flooding in 2023.",
])
def test_counts_and_dates_of_ministers_papers_point_at_no_s35(question):
    assert "s35" not in exemption_cues(question)
    assert settled_ground(question, "Home Office") is None


def test_the_papers_themselves_still_point_at_s35():
    assert "s35" in exemption_cues("Please provide the submissions to the minister on the "
                                   "Rwanda policy.")


def test_a_check_of_councillors_names_warns_of_no_personal_data(built, cli):
    draft = ("1. Please provide the names of councillors who voted against the budget.\n"
             "2. How many complaints were made about anti-social behaviour on the Greenfield "
             "estate in 2023, and what are their names?")
    code, out, err = cli("--config", str(built), "check", "--json", "--authority",
                         "Leeds City Council", draft)
    assert code == 0, err
    councillors, complaints = json.loads(out)["questions"]
    assert not any(e["section"] == "s40" and e["probability"] >= 0.2
                   for e in councillors["likely_exemptions"])
    assert not any("number of councillors" in r["text"] for r in councillors["rewordings"])
    assert complaints["level"] == "high"
    assert complaints["likely_exemptions"][0]["section"] == "s40"
    no_names = [r["text"] for r in complaints["rewordings"]
                if "not asking for anyone's name" in r["text"]]
    assert no_names and all("their names" not in t for t in no_names)
