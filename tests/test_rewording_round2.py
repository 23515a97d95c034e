"""Rewordings and settled law, round two of the UX audit (ux11 defects 2, 6, 7, 11, 15, 20)."""

from bot.reword import S16_SENTENCE, civil, fallback_rewording, pattern_rewordings
from bot.risk import cues
from bot.settled_law import settled_ground


def _texts(question: str, body: str = "the authority") -> list[str]:
    return [r.text for r in pattern_rewordings(question, body=body)]


# -- 2: the cost-limit template is no catch-all ------------------------------------------------

def test_a_long_period_of_the_question_is_replaced_not_contradicted():
    q = ("How many assaults on staff were recorded at HMP Wandsworth in each of the last five "
         "years?")
    text = fallback_rewording(q, "s12", "the department").text
    assert "in each of the last three financial years?" in text
    assert "five years" not in text
    assert text.count("financial year") == 1 and "held centrally" in text


def test_each_year_with_no_period_becomes_three_years_not_the_last_one():
    q = "How much was paid in settlement agreements that included an NDA, in total, in each year?"
    text = fallback_rewording(q, "s12", "the institution").text
    assert "in each of the last three financial years" in text
    assert "last financial year" not in text and "in each year" not in text


def test_a_single_published_figure_gets_no_held_centrally():
    q = ("What was the Vice-Chancellor's total remuneration in 2023/24, including pension "
         "contributions and benefits in kind?")
    text = fallback_rewording(q, "s12", "the institution").text
    assert "held centrally" not in text and S16_SENTENCE not in text
    assert "already published" in text
    dated = fallback_rewording("How many asylum seekers were housed in hotels on 31 December "
                               "2023?", "s12", "the department").text
    assert "held centrally" not in dated and "financial year" not in dated


def test_hotel_addresses_are_dropped_for_counts_by_area():
    q = "Please list every hotel currently used to house asylum seekers, with its address."
    for text in (_texts(q)[0], fallback_rewording(q, "s12", "the department").text):
        assert text.startswith("Please give the number of hotels currently used to house "
                               "asylum seekers in each local authority area.")
        assert "with its address" not in text and "held centrally" not in text


def test_a_security_audit_is_asked_as_its_rating_and_actions():
    (text,) = _texts("Please provide the security audit of HMP Wandsworth from 2023.")[:1]
    assert "overall rating or conclusion of the security audit of HMP Wandsworth from 2023" in text
    assert "not asking for details of security measures" in text
    assert "held centrally" not in text


def test_copies_of_ndas_become_the_standard_template():
    text = _texts("Please provide copies of the NDAs themselves.", "the institution")[0]
    assert "standard non-disclosure agreement the institution uses" in text
    assert "without any individual's name" in text and "financial year" not in text


# -- 7: one identifiable person's records ------------------------------------------------------

def test_a_childs_case_files_get_the_personal_data_floor_and_a_review_rewording():
    q = "Please provide the case files for the child referred to in the recent serious case review."
    ground = settled_ground(q, "Birmingham City Council")
    assert ground and ground.subsection == "s40(2)" and ground.floor >= 0.85
    text = _texts(q, "the council")[0]
    assert text.startswith("Please provide the published serious case review")
    assert "not asking for any individual's case files" in text


def test_a_dead_patients_records_are_confidential_and_general_records_questions_are_not_caught():
    dead = settled_ground("Please provide the care records of the patient who died at St Mary's "
                          "Hospital on 3 May 2023.", "Imperial College Healthcare NHS Trust")
    assert dead and dead.section == "s41"
    for q in ("How many case files for children in care were audited in 2023?",
              "Please provide the child protection plan template.",
              "Please provide the report on the patient experience survey."):
        assert settled_ground(q, "Essex County Council") is None, q


# -- 11: names of who did the most -----------------------------------------------------------

def test_names_of_officers_who_carried_out_the_most_become_counts_per_officer():
    text = _texts("The names of the officers who carried out the most stop and searches in "
                  "2023.", "the force")[0]
    assert text.startswith("Please give the number of stop and searches carried out by each "
                           "officer in 2023, without names")
    assert "number of officers" not in text
    made = _texts("The names of the staff who have made the most expense claims this year.")[0]
    assert "the number of expense claims made by each member of staff this year" in made


# -- 15: complaints about a public-role holder -------------------------------------------------

def test_grievances_against_a_named_director_are_personal_data_despite_the_public_role():
    q = ("How many grievances were raised against the Director of Adult Social Care, and what "
         "were they about?")
    ground = settled_ground(q, "Essex County Council")
    assert ground and ground.subsection == "s40(2)" and ground.floor >= 0.75
    assert "names or identifies individuals" in cues(q)[0]
    text = _texts(q, "the council")[0]
    assert "against directors as a group, by type?" in text
    assert "Director of Adult Social Care" not in text
    # the group, and a role's official acts, stay unflagged
    assert settled_ground("How many complaints were made against police officers in 2023?",
                          "Kent Police") is None
    assert settled_ground("Please provide the names of councillors who voted against the "
                          "budget.", "Essex County Council") is None


# -- 20: the staff headcount cue ----------------------------------------------------------------

def test_assaults_on_staff_are_no_staff_headcount():
    assert "asks how many staff work on something" not in cues(
        "How many assaults on staff were recorded at HMP Wandsworth in 2023?")[1]
    assert "asks how many staff work on something" in cues("How many staff work in IT security?")[1]
    assert "asks how many staff work on something" in cues("How many of your staff work in IT?")[1]


# -- 6: an angry draft's rewording --------------------------------------------------------------

def test_an_angry_question_is_reworded_civilly_without_a_staff_home_address():
    q = "Who is the idiot responsible for highways and what is their home address?"
    ground = settled_ground(q, "Lewisham Council")
    assert ground and ground.subsection == "s40(2)" and ground.floor >= 0.85
    text = _texts(q, "the council")[0]
    assert text.startswith("Who is the officer responsible for highways?")
    assert "idiot" not in text and "what is their home address" not in text
    assert "I am not asking for anyone's name" not in text  # the post's holder may be named
    assert civil("How much did the chief executive get paid last year while my road falls "
                 "apart?") == "How much did the chief executive get paid last year?"
    assert settled_ground("How many care home addresses are on the list?") is None
