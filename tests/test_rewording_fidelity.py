"""A rewording asks about what the user asked about, in a sentence that reads as a request:
the subject kept, the sensitive part swapped for something answerable, no period added where
the question names its own, and no letter trimmings ('I would like to know', 'Thank you.')."""

from __future__ import annotations

from bot.reword import (
    fallback_rewording,
    pasteable,
    pattern_rewordings,
    plain_question,
    precedent_rewordings,
)
from bot.risk import cues, exemption_cues
from bot.settled_law import settled_ground
from index.search import Precedent


def _texts(question: str, body: str = "the force") -> list[str]:
    return [r.text for r in pattern_rewordings(question, body=body)]


def test_the_pronoun_it_is_not_it_so_a_facial_recognition_question_keeps_its_subject():
    q = ("What is the false alert rate of the facial recognition system, and which supplier "
         "provides it?")
    assert not any("patch-management" in t for t in _texts(q))
    found = fallback_rewording(q, "s31", "the force")
    assert found.text.startswith("What is the false alert rate of the facial recognition system?")
    assert "I am not asking which supplier provides it." in found.text
    it_question = "Which antivirus software does the IT department use?"
    assert any("patch-management" in t for t in _texts(it_question, "the council"))


def test_a_count_with_its_list_part_dropped_says_which_part_in_the_questions_words():
    found = fallback_rewording("How many times has live facial recognition been deployed in 2023, "
                               "and at which events?", "s31", "the force")
    assert found.text == ("How many times has live facial recognition been deployed in 2023? The "
                          "number alone is enough: I am not asking at which events.")


def test_childrens_home_addresses_get_the_s40_floor_and_a_rewording_without_addresses():
    q = ("Please send me the home addresses used to calculate distances for the children "
         "admitted to Oaklands Primary School.")
    ground = settled_ground(q, "Hertfordshire County Council")
    assert ground is not None and ground.section == "s40" and ground.floor >= 0.85
    for text in (_texts(q, "the council")[0], fallback_rewording(q, "s40", "the council").text):
        assert text == ("Please give the distances (in miles) used for the children admitted to "
                        "Oaklands Primary School, and the largest of them, without any addresses.")
    tenants = fallback_rewording("Please provide the home addresses of the tenants evicted in "
                                 "2023.", "s40", "the council").text
    assert tenants.startswith("Please give the number of tenants evicted in 2023 in each "
                              "postcode district or ward")
    assert "name" not in tenants
    assert settled_ground("What is the address for applicants to write to?") is None


def test_names_of_people_who_did_the_most_become_each_persons_figure_not_a_count_of_them():
    q = "Please provide the names of the civil enforcement officers who issued the most tickets."
    text = fallback_rewording(q, "s40", "the council").text
    assert text.startswith("Please provide the number of tickets issued by each civil "
                           "enforcement officer, without names")
    assert "number of civil enforcement officers" not in text
    overtime = fallback_rewording("What are the names of the staff who receive the most "
                                  "overtime?", "s40", "the council").text
    assert overtime.startswith("Please give, for each member of staff, the overtime they "
                               "receive, without names")


def test_a_list_of_members_of_the_public_is_s40_and_becomes_their_number_unless_a_register():
    q = "Please provide a list of the people served with a Community Protection Notice in 2023."
    ground = settled_ground(q, "Leeds City Council")
    assert ground is not None and ground.section == "s40"
    assert fallback_rewording(q, "s40", "the council").text.startswith(
        "Please provide the number of people served with a Community Protection Notice in 2023.")
    assert settled_ground("Please provide a list of the applicants for premises licences in "
                          "2023.") is None
    assert settled_ground("Please provide a list of the people who sit on the planning "
                          "committee.") is None


def test_makes_and_storage_of_police_equipment_become_counts_and_point_at_s31():
    q = ("Please tell me the make and model of the Tasers Kent Police use and where they are "
         "stored.")
    assert _texts(q) == ["How many Tasers does the force have, and how many are held in each "
                         "area (division or district)? I am not asking for makes, models or "
                         "suppliers, or where any is stored."]
    assert "s31" in exemption_cues(q)
    assert "asks where weapons or operational equipment are kept" in cues(q)[0]
    assert "s31" not in exemption_cues("Where are the council's archives stored?")


def test_no_period_limit_for_a_question_that_names_its_event_date_or_stock():
    for q in ("Who were the sources for the Panorama investigation broadcast last March?",
              "Please provide the minutes of the Remuneration Committee of 12 May.",
              "Please tell me the make and model of the radios you use."):
        text = fallback_rewording(q, "s12", "the authority").text
        assert "last financial year" not in text, q
        # nothing in them is broad: no cost-limit template at all
        assert "held centrally" not in text, q
    broad = fallback_rewording("Please provide all minutes of the Remuneration Committee of "
                               "12 May.", "s12", "the authority").text
    assert "last financial year" not in broad and "held centrally" in broad
    assert "last financial year" in fallback_rewording(
        "How many complaints did the BBC receive about its election coverage?", "s12").text
    assert "last financial year" in fallback_rewording(
        "How many officers may be on duty?", "s12").text  # 'may' is no month


def test_a_long_period_is_narrowed_to_three_years_not_one():
    text = fallback_rewording("How many PCNs were issued in each of the last ten years?",
                              "s12", "the council").text
    assert "last three financial years" in text and "last financial year" not in text


def test_lead_ins_and_courtesies_become_one_kind_of_request_sentence():
    assert pasteable("I would like to know how many times officers drew a Taser in 2023.") == \
        "Please tell me how many times officers drew a Taser in 2023."
    assert pasteable("I would also like to know how many times a Taser was fired.") == \
        "Please tell me how many times a Taser was fired."
    assert plain_question("Please also tell me where they are stored. Thank you.") == \
        "Please also tell me where they are stored."
    assert plain_question("How many staff are employed? Kind regards") == \
        "How many staff are employed?"
    # a wh- clause closed by a full stop, as the revised draft's lead-in stripping leaves it
    assert pasteable("How many times officers drew a Taser in 2023. Please limit this.") == \
        "Please tell me how many times officers drew a Taser in 2023. Please limit this."
    assert pasteable("How much did the BBC spend on taxis.") == \
        "How much did the BBC spend on taxis?"
    found = fallback_rewording("Please also tell me the make and model of the Tasers you use. "
                               "Thank you.", "s12", "the force")
    assert "Thank you" not in found.text


def test_a_precedent_naming_another_year_is_not_offered_for_a_question_with_its_own_period():
    past = Precedent(id="1", question="How many fixed penalty notices for littering were issued "
                     "during the 2023 calendar year?", authority="Leeds City Council", date=None,
                     reference=None, outcome="answered", exemptions=(), similarity=0.9,
                     source_url=None)
    assert precedent_rewordings([past], "How many fixed penalty notices for littering were "
                                "issued in each of the last five years?") == []
    assert precedent_rewordings([past], "How many fixed penalty notices for littering were "
                                "issued in 2023?") != []


def test_a_prose_drafts_embedded_questions_become_requests_and_direct_ones_stay_questions():
    assert pasteable("How many pothole reports the council received in 2023") == \
        "Please tell me how many pothole reports the council received in 2023."
    assert pasteable("What the council's inspection policy is for A roads.") == \
        "Please tell me what the council's inspection policy is for A roads."
    assert pasteable("How many children in care were placed outside the county in 2023") == \
        "How many children in care were placed outside the county in 2023?"
    assert pasteable("Which streets had the most tickets") == "Which streets had the most tickets?"
