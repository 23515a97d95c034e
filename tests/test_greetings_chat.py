"""A letter's greeting names its authority; the chat's follow-ups never replace the user's draft.

The greetings are pure logic; the chat runs through the CLI on a small real store and index
(the fake embedder), fed a script of lines as a user would type them.
"""

from __future__ import annotations

import pytest

from bot.conversation import question_about_draft
from bot.greeting import greeted, names_a_body
from tests.conftest import built_project
from tests.conftest import chat_transcript as _chat
from tests.conftest import revised_lines as _revised

QUESTION = "\n\n1. How many pupils were permanently excluded in 2023?\n"

BODIES = [("Harris Federation", "Harris Federation"), ("Ark Schools", "Ark Schools"),
          ("Oasis Community Learning", "Oasis Community Learning"),
          ("St Mary's Primary School", "St Mary's Primary School"),
          ("Kingsbury High School", "Kingsbury High School"), ("Ofsted", "Ofsted"),
          ("UKVI", "Home Office"), ("Home Office FOI team", "Home Office"),
          ("Office for Students", "Office for Students"),
          ("the Department for Education", "Department for Education"),
          ("Department of Health and Social Care", "Department of Health and Social Care"),
          ("Department for Work and Pensions", "Department for Work and Pensions"),
          ("FOI team at Leeds City Council", "Leeds City Council"),
          ("Department for Education", "Department for Education"),
          ("DfE", "Department for Education"), ("Cabinet Office", "Cabinet Office"),
          ("Police Scotland", "Police Scotland")]
NOBODY = ["Sir or Madam", "Mr Smith", "Information Governance Team",
          "Freedom of Information Officer", "Jane Smith", "Councillor Jones", "FOI Team"]


@pytest.mark.parametrize(("greeting", "body"), BODIES)
def test_a_greeting_naming_a_school_a_trust_or_a_national_body_names_the_authority(greeting,
                                                                                   body):
    assert greeted(f"Dear {greeting},{QUESTION}") == body


def test_a_welsh_greeting_names_the_council_by_its_english_name():
    assert greeted(f"Annwyl Cyngor Gwynedd,{QUESTION}") == "Gwynedd Council"


@pytest.mark.parametrize("greeting", NOBODY)
def test_a_greeting_to_nobody_in_particular_or_to_a_person_names_no_authority(greeting):
    assert greeted(f"Dear {greeting},{QUESTION}") is None


def test_a_greeting_to_a_person_at_a_body_names_the_body_and_never_the_person():
    for greeting in ("Jane Smith at Kent Police", "Mr Smith of Kent Police",
                     "Jane Smith (Kent Police)", "Kent Police - FOI"):
        assert greeted(f"Dear {greeting},{QUESTION}") == "Kent Police", greeting
    # a body whose own name has 'of' in it is kept whole
    assert greeted(f"Dear City of London Police,{QUESTION}") == "City of London Police"
    assert greeted(f"Dear University of Bristol,{QUESTION}") == "University of Bristol"


def test_a_school_word_names_a_body_only_after_a_proper_name():
    assert names_a_body("Northern Ireland Water") and names_a_body("Harris Federation")
    assert not names_a_body("schools") and not names_a_body("water")
    assert not names_a_body("Mr Smith")


@pytest.mark.parametrize("body", ["Riverside Medical Practice", "Oaklands Surgery",
                                  "Clarion Housing Association", "Ashfield Health Centre",
                                  "Oaklands Medical Centre", "Little Snoring Parish Council",
                                  "Harris Academy Trust", "Stratford upon Avon Surgery"])
def test_a_greeting_to_a_gp_practice_surgery_or_housing_association_names_it(body):
    assert greeted(f"Dear {body},{QUESTION}") == body


@pytest.mark.parametrize("greeting", ["Practice Manager", "Riverside Practice Manager",
                                      "Surgery", "Dr Patel"])
def test_a_greeting_to_a_practice_manager_or_a_doctor_names_no_authority(greeting):
    assert greeted(f"Dear {greeting},{QUESTION}") is None


def test_practice_and_surgery_name_a_body_only_as_a_capitalised_name():
    assert names_a_body("Riverside Surgery") and names_a_body("Clarion Housing Association")
    for phrase in ("Code of Practice", "Good Practice", "good practice guidance", "GP surgery",
                   "Which surgery", "riverside surgery"):
        assert not names_a_body(phrase), phrase


def test_a_short_question_pointing_at_the_draft_is_answered_not_checked():
    asked = {line: question_about_draft(line) for line in (
        "is this published anyway?", "is it already published?", "would they refuse this?",
        "is this likely to be refused?", "why would they refuse it?")}
    assert asked == {"is this published anyway?": "published",
                     "is it already published?": "published",
                     "would they refuse this?": "verdict",
                     "is this likely to be refused?": "verdict",
                     "why would they refuse it?": "why"}
    for draft in ("How many CCTV cameras does the council operate?",
                  "Do they publish their CCTV policy?", "2. Is it published?",
                  "Does it have a policy on recycling?"):
        assert question_about_draft(draft) is None, draft


# -- the chat, through the CLI ------------------------------------------------------------------

TWO_QUESTIONS = ("Dear University of Bristol,\n\nPlease provide:\n"
                 "1. The total remuneration of the Vice-Chancellor in 2023/24.\n"
                 "2. The number of Prevent referrals made by the University in 2023/24.\n")
CONSULTANTS = "1. How much did you spend on consultants in 2023?\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_project(tmp_path_factory.mktemp("greetings_chat"))


def test_chat_what_about_a_body_off_the_record_changes_the_authority_and_keeps_the_draft(
        built, cli):
    out = _chat(cli, built, f"{CONSULTANTS}\nwhat about Northern Ireland Water?\nrevised\nquit\n")
    assert "Your draft, checked again for Northern Ireland Water:" in out
    assert out.count("Verdict:") == 1  # the line was no draft of its own
    revised = _revised(out)
    assert len(revised) == 1 and revised[0].startswith("1. How much did you spend on consultants")


def test_chat_is_this_published_gets_the_s21_answer_and_revised_keeps_the_original_draft(
        built, cli):
    out = _chat(cli, built, f"{TWO_QUESTIONS}\nis this published anyway?\n"
                            "would they refuse this?\nwhy?\nrevised\nquit\n")
    assert "if the answer is already published, the reply will only point you there" in out
    assert "s21 — already reasonably accessible" in out
    assert out.count("Verdict:") == 1  # none of the three questions was checked as a draft
    assert "Type revised for the whole draft rewritten" in out  # the verdict and advice
    revised = _revised(out)
    assert len(revised) == 2
    assert revised[0].startswith("1. Please provide the total remuneration of the Vice-Chancellor")
    assert revised[1].startswith("2. Please provide the number of Prevent referrals")


def test_chat_a_one_line_question_with_its_own_subject_is_still_a_new_draft(built, cli):
    out = _chat(cli, built, f"{CONSULTANTS}\nHow many CCTV cameras does the council operate?\n"
                            "\nFor the council, how many fines were issued in 2023?\n\nquit\n")
    assert out.count("Verdict:") == 3
    assert "1. How many CCTV cameras does the council operate?" in out
    assert "Authority set to" not in out and "(Authority noted.)" not in out


def test_chat_what_about_a_topic_answers_it_and_keeps_the_draft(built, cli):
    out = _chat(cli, built, f"{TWO_QUESTIONS}\nwhat about the cost limit?\nrevised\nquit\n")
    assert "18 hours" in out and out.count("Verdict:") == 1
    revised = _revised(out)
    assert revised[0].startswith("1. Please provide the total remuneration of the Vice-Chancellor")
