"""Requests the law settles where the corpus is silent: patients' names, Cabinet papers, MI5."""

from __future__ import annotations

import json

import pytest

from bot.reword import _anonymised, pattern_rewordings
from bot.risk import cues, exemption_cues
from bot.settled_law import settled_ground


@pytest.mark.parametrize("question, section", [
    ("Please provide the full names and medical records of patients who died after surgery "
     "in 2023.", "s41"),  # the dead have no personal data; their records are confidential
    ("Please give me the names and dates of birth of the people who received the grants.",
     "s40"),
    ("What were the victims' names and ages?", "s40"),
    ("Please list each claim with the claimant's name and the amount paid.", "s40"),
    ("How many officers were investigated for misconduct, and what were their names?", "s40"),
    ("Please provide the names of pupils permanently excluded in 2023 and the reasons.", "s40"),
    ("What was the name of the surgeon involved in each wrong-site surgery never event?", "s40"),
    ("Please provide the submissions to the Home Secretary in 2024 on the Rwanda policy.", "s35"),
    ("Please provide the minutes of Cabinet meetings held in March 2024.", "s35"),
    ("Please provide the Secretary of State's diary for January 2024.", "s35"),
    ("Please provide the MI5 threat assessment for the constituency office.", "s23"),
])
def test_requests_the_law_settles_are_recognised_with_their_ground(question, section):
    ground = settled_ground(question)
    assert ground is not None and ground.section == section
    assert ground.floor >= 0.6


@pytest.mark.parametrize("question", [
    "How many patients died after surgery in 2023?",
    "How many pupils were permanently excluded, anonymised, by reason?",
    "The terms of any rental incentives (without any names of tenants) offered to occupiers.",
    "Name of the officer responsible for parking policy.",
    "How many children are in the council's care?",
    "What is the council's policy on CCTV?",
    "Please provide the names of schools where pupils were permanently excluded in 2023.",
    "Please list the names of the companies awarded contracts for children's services.",
    "What is the name and salary of the Director of Children's Services?",
    "Please provide the names of the wards where patients died after surgery in 2023.",
    "Please provide the names of the foster carers' agencies used by the council.",
    "What is the name of the officer in charge of the investigation into the attack?",
    "Please provide the force's policy on releasing names of suspects to the media.",
])
def test_counts_roles_and_requests_that_want_no_names_are_left_to_the_corpus(question):
    assert settled_ground(question) is None


def test_dead_patients_records_are_high_risk_under_s41_with_a_count_offered(built, cli):
    draft = ("1. Please provide the full names and medical records of patients who died after "
             "surgery in 2023.")
    code, out, err = cli("--config", str(built), "check", "--json", "--authority",
                         "Leeds Teaching Hospitals NHS Trust", draft)
    assert code == 0, err
    q = json.loads(out)["questions"][0]
    assert q["level"] == "high" and q["risk"] >= 0.85
    assert q["likely_exemptions"][0]["subsection"] == "s41(1)"
    assert any("number of patients who died" in r["text"] for r in q["rewordings"])


def test_cabinet_minutes_are_warned_under_s35_and_offered_the_facts_behind_them(built, cli):
    code, out, err = cli("--config", str(built), "check", "--json", "--authority",
                         "Cabinet Office", "1. Please provide the minutes of Cabinet meetings "
                         "held in March 2024.")
    assert code == 0, err
    q = json.loads(out)["questions"][0]
    assert q["level"] in ("medium", "high")
    assert q["likely_exemptions"][0]["section"] == "s35"
    assert any("factual and statistical" in r["text"] for r in q["rewordings"])


def test_one_persons_name_is_reworded_to_their_role_not_a_count():
    assert _anonymised("What was the name of the surgeon involved in each never event?") == (
        "What was the job title (not the name) of the surgeon involved in each never event?")
    assert _anonymised("the name and salary of the chief executive") == (
        "The salary (not the name) of the chief executive.")


def test_ordinary_payments_and_firms_are_not_ransoms_or_people():
    assert cues("How much has the Trust paid the locum agency Medacs?") == ([], [])
    assert "asks about ransom payments" in cues("Was a ransom paid to the attackers?")[0]
    assert "s40" not in exemption_cues("How much was paid to each named staffing agency?")


def test_a_rate_that_is_no_price_keeps_its_question():
    assert pattern_rewordings("How many Challenger 3 tanks are currently operational, and what "
                              "is their availability rate?") == []
    assert "s26" in exemption_cues("Please provide the current readiness state of each Royal "
                                   "Navy submarine.")


def test_s35_is_for_government_departments_not_a_councils_cabinet_or_a_vice_chancellor():
    minutes = "Please provide the minutes of Cabinet meetings held in March 2024."
    assert settled_ground(minutes, "Cabinet Office").section == "s35"
    assert settled_ground(minutes, "Leeds City Council") is None
    assert settled_ground("Please provide the minutes of the council's Cabinet meetings.") is None
    assert settled_ground("Please provide the Remuneration Committee minutes at which the "
                          "Vice-Chancellor's pay was set.", "University of Bristol") is None


@pytest.mark.parametrize("asked, offered", [
    ("Please give me the names and dates of birth of the people who received the grants.",
     "Please give me the number of people who received the grants."),
    ("Please provide the name of the pupil who was injured on the school trip.",
     "Please provide the number of pupils who were injured on the school trip."),
    ("What were the victims' names and ages?", "What were the victims' ages (not their names)?"),
])
def test_a_personal_data_rewording_asks_for_no_one_and_still_reads(asked, offered):
    assert _anonymised(asked).startswith(offered)


def test_s35_names_its_subsection_spares_counts_and_dates_and_is_s36_outside_departments():
    assert settled_ground("Please provide the Home Secretary's diary for March 2024.",
                          "Home Office").subsection == "s35(1)(d)"
    assert settled_ground("Please provide the minutes of Cabinet meetings held in March 2024.",
                          "Cabinet Office").subsection == "s35(1)(b)"
    assert settled_ground("How many ministerial submissions did the department send in 2023?",
                          "Home Office") is None
    assert settled_ground("Please provide the dates of all ministerial briefings in 2023.",
                          "Home Office") is None
    advice = "Please provide the advice and briefings you sent to ministers on the budget."
    assert settled_ground(advice, "Health and Safety Executive").section == "s36"
    assert settled_ground(advice, "Ofsted").section == "s35"  # a non-ministerial department


def test_a_planning_application_for_a_security_site_is_no_s23_request():
    assert settled_ground("Please provide the planning application documents for the GCHQ car "
                          "park extension.", "Cheltenham Borough Council") is None
    assert settled_ground("Please provide the MI5 threat assessment for the office.",
                          "Home Office").section == "s23"


def test_explain_knows_the_ico_and_the_eirs_ncnd_rule():
    from bot.explain import explain

    assert "First-tier Tribunal" in explain("ICO")
    assert "r12(6) in particular: neither confirm nor deny" in explain("r12(6)")
    assert explain("r10(8)").startswith("EISR r10(8) (the UK EIR's r12(6))")
