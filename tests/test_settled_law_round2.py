"""Round 2 of the law's own answers: legal advice (s42), everything held on a subject (s12),
where the armed forces keep things (s26), and planning control under the EIR."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.eir import MIXED_SENTENCE, is_environmental, question_laws
from bot.reword import S16_SENTENCE
from bot.settled_law import settled_ground
from tests.conftest import built_project, check_json


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("settled_law_round2"))


# -- legal advice: s42 ----------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "I would also like copies of any legal advice the council received about the collapse of "
    "Robin Hood Energy.",
    "Please provide counsel's opinion on the lawfulness of the parking scheme.",
    "What legal advice have you received about the bridge closure?",
    "Please provide the advice from the council's solicitors on the stadium lease.",
    "Please state whether legal advice was sought and, if so, provide a copy.",
    # privileged advice to a minister is privilege before it is policy advice
    "Please provide counsel's advice to the Secretary of State on the Rwanda scheme.",
])
def test_a_request_for_legal_advice_itself_is_settled_under_s42(question):
    ground = settled_ground(question, "Department for Transport")
    assert ground is not None
    assert (ground.section, ground.subsection, ground.floor) == ("s42", "s42(1)", 0.7)
    assert "privilege" in ground.why


@pytest.mark.parametrize("question", [
    "How much was spent on legal advice about Robin Hood Energy?",
    "What was the total cost of external legal advice in 2023?",
    "What were the legal advice costs for 2023?",
    "How many times did the council seek legal advice on the library closures?",
    "Did the council take legal advice before closing the library?",
    "Has the council ever sought legal advice on the road closure?",
    "How many people used the legal advice services funded by the council?",
    "In each year, how many hours did officers spend providing legal advice to committees?",
    "Please provide the advice from the fire service on the cladding.",
    "What is the council's policy on obtaining legal advice?",
])
def test_what_legal_advice_cost_or_whether_it_was_sought_gets_no_privilege_floor(question):
    ground = settled_ground(question, "Nottingham City Council")
    assert ground is None or ground.section != "s42"


def test_advice_to_a_minister_that_is_not_legal_stays_s35():
    ground = settled_ground("Please provide the advice given to the Secretary of State on HS2.",
                            "Department for Transport")
    assert ground is not None and ground.section == "s35"


def test_a_councils_legal_advice_is_checked_high_under_s42(built, cli):
    data = check_json(cli, built, "I would also like copies of any legal advice the council "
                      "received about the collapse of Robin Hood Energy.",
                      "Nottingham City Council")
    q = data["questions"][0]
    assert q["level"] == "high" and q["risk"] >= 0.7
    assert q["likely_exemptions"][0]["subsection"] == "s42(1)"
    assert any("legal professional privilege" in r for r in q["reasons"])


def test_what_legal_advice_cost_is_not_warned_of_privilege(built, cli):
    data = check_json(cli, built, "How much did the council spend on legal advice about Robin "
                      "Hood Energy?", "Nottingham City Council")
    q = data["questions"][0]
    assert not any("legal professional privilege" in r for r in q["reasons"])
    assert q["risk"] < 0.7


# -- everything held on a subject: s12 --------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Please give me everything you hold about HS2.",
    "Please send me all information you have on the new leisure centre.",
    "Any and all information relating to the closure of the Elm Street library.",
    "Please provide all the documents the council holds regarding the stadium.",
])
def test_everything_held_on_a_subject_with_no_period_is_settled_under_s12(question):
    ground = settled_ground(question)
    assert ground is not None
    assert (ground.section, ground.subsection, ground.floor) == ("s12", "s12(1)", 0.6)
    assert "no period" in ground.why


@pytest.mark.parametrize("question", [
    "Please provide all minutes of the Planning Committee meeting in March 2024.",
    "Please provide all information you hold about HS2 since 2020.",
    "Please give me everything you hold about HS2 for the last two years.",
    "Please provide everything you hold about me.",
    "Send me all the information you have on my complaint.",
    "Please provide all the data you hold regarding application 23/01234/FUL.",
    "What information do you hold about HS2?",
])
def test_named_documents_a_period_or_the_requesters_own_data_get_no_cost_floor(question):
    assert settled_ground(question) is None


def test_everything_about_hs2_is_warned_of_the_cost_limit_not_left_without_precedent(built,
                                                                                    cli):
    data = check_json(cli, built, "Please give me everything you hold about HS2.",
                      "Department for Transport")
    q = data["questions"][0]
    assert q["level"] == "high" and q["risk"] >= 0.6
    assert q["likely_exemptions"][0]["subsection"] == "s12(1)"
    assert any("naming no kind of document and no period" in r for r in q["reasons"])


# -- where the armed forces keep things: s26 ------------------------------------------------

@pytest.mark.parametrize("question, authority", [
    ("Please tell me the number of drones held by the RAF, the locations of storage bases, and "
     "the amount spent on drone procurement in 2023.", "Ministry of Defence"),
    ("Where are the Army's Challenger tanks stored?", None),
    ("Please provide the locations of the bases the Reaper drones fly from.",
     "Ministry of Defence"),
    ("Where are nuclear weapons kept in Scotland?", None),
    ("Where is the RAF's Reaper fleet based?", None),
])
def test_where_the_forces_keep_bases_or_equipment_is_settled_under_s26(question, authority):
    ground = settled_ground(question, authority)
    assert ground is not None
    assert (ground.section, ground.subsection, ground.floor) == ("s26", "s26(1)(b)", 0.7)
    assert "s24" in ground.why


@pytest.mark.parametrize("question, authority", [
    ("How many drones does the RAF hold?", "Ministry of Defence"),
    ("How much did the MoD spend on drone procurement in 2023?", "Ministry of Defence"),
    ("Where are the police force's drones stored?", "Kent Police"),
    ("Please provide the locations of Army careers centres.", "Ministry of Defence"),
    ("Please provide the planning application for the new hangar at RAF Lakenheath.",
     "West Suffolk Council"),
    ("Where are the flood defence barriers stored?", "Environment Agency"),
    ("Where are the Salvation Army's hostels located?", None),
])
def test_counts_spend_police_stores_and_public_sites_get_no_defence_floor(question, authority):
    ground = settled_ground(question, authority)
    assert ground is None or ground.section != "s26"


def test_the_mods_drone_storage_bases_are_checked_high_under_s26(built, cli):
    data = check_json(cli, built, "Please tell me the number of drones held by the RAF, the "
                      "locations of storage bases, and the amount spent on drone procurement "
                      "in 2023.", "Ministry of Defence")
    q = data["questions"][0]
    assert q["level"] == "high" and q["risk"] >= 0.7
    assert q["likely_exemptions"][0]["subsection"] == "s26(1)(b)"


# -- one patient's serious incident report: the records pattern already in place ------------

@pytest.mark.parametrize("question, section", [
    ("Please provide the root cause analysis report into the death of the patient on Ward 5.",
     "s41"),
    ("Please provide the serious incident report about the baby harmed at the maternity unit.",
     "s40"),
])
def test_one_identifiable_patients_incident_report_is_their_records(question, section):
    ground = settled_ground(question, "Oxford University Hospitals NHS Foundation Trust")
    assert ground is not None and ground.section == section


# -- planning control under the EIR ---------------------------------------------------------

CORNWALL = ("I would like to know how many planning enforcement complaints were received in "
            "2023, how many enforcement notices were served, and the addresses of all "
            "properties subject to an enforcement notice.")


@pytest.mark.parametrize("draft", [
    CORNWALL,
    "How many planning appeals were lodged in 2023?",
    "How many breaches of planning control were investigated?",
    "How many enforcement notices has the council served under the Town and Country Planning "
    "Act?",
    "How much money was received under section 106 agreements in 2023?",
    "How many listed building consent applications were refused?",
    "Please provide the Local Plan site allocations for Truro.",
])
def test_planning_control_is_environmental_information(draft):
    assert is_environmental(draft)


@pytest.mark.parametrize("draft", [
    "How many potholes were reported on Bristol roads in 2023 and how much did the council pay "
    "in compensation claims for pothole damage?",
    "How much did the council spend on road maintenance in 2023?",
    "How many building control applications did the council receive?",
    "How many enforcement notices did the ICO issue in 2023?",
    "How many fire safety enforcement notices were served on tower blocks?",
    "How many listed building reliefs from business rates were given?",
])
def test_roads_building_control_and_other_bodies_notices_are_not_environmental(draft):
    assert not is_environmental(draft)


def test_enforcement_notice_questions_beside_a_planning_one_are_the_eirs():
    questions = ["How many planning enforcement complaints were received in 2023?",
                 "How many enforcement notices were served?",
                 "What are the addresses of properties subject to an enforcement notice?"]
    assert question_laws(True, questions, subject=False) == [True, True, True]


def test_planning_enforcement_is_checked_under_the_eir_with_regulation_9(built, cli):
    data = check_json(cli, built, CORNWALL, "Cornwall Council")
    assert data["law"] == "EIR"
    revised = data["overall"]["revised_draft"]
    assert "regulation 9" in revised
    assert S16_SENTENCE not in revised and MIXED_SENTENCE not in revised
    q = data["questions"][0]
    assert all(e.get("eir") for e in q["likely_exemptions"] if e["section"].startswith("s"))


def test_a_pothole_draft_stays_under_foia_with_the_s16_sentence(built, cli):
    data = check_json(cli, built, "How many potholes were reported on Bristol roads in 2023?",
                      "Bristol City Council")
    assert data["law"] == "FOIA"
    assert data["overall"]["revised_draft"].endswith(S16_SENTENCE)


def test_a_settled_ground_drops_only_the_cues_it_says_itself():
    from bot.risk import said_by_settled

    assert said_by_settled("asks for legal advice (privileged)", "s42")
    assert not said_by_settled("asks for legal advice (privileged)", "s40")
    assert said_by_settled("names or identifies individuals", "s41")
    assert not said_by_settled("asks for named systems, products or suppliers", "s42")


def test_every_email_mentioning_a_word_is_over_the_cost_limit_unless_its_people_are_named():
    from bot.settled_law import settled_ground

    ground = settled_ground("Please send all emails mentioning outages in the last five years.",
                            "Manchester City Council")
    assert ground and ground.section == "s12" and ground.floor == 0.6
    assert settled_ground("Please provide all emails sent to staff mentioning the restructure.",
                          None).section == "s12"
    assert settled_ground("Please provide all emails between the Chief Executive and Capita "
                          "mentioning the contract in March 2024.", None) is None
