"""A request written as one run-on paragraph splits into its asks, without its preamble."""

from __future__ import annotations

import json

from corpus.split import split_questions

POTHOLES = (
    "Dear Wokingham Borough Council, I am writing to request information about potholes on the "
    "roads in the borough because my car was damaged last winter and I would like to know how "
    "many pothole reports the council received in 2023 and how many of those were repaired "
    "within the target time and also how much the council paid in compensation claims for "
    "pothole damage in 2023 and what the council's inspection policy is for A roads. "
    "Yours faithfully, A Driver")


def test_run_on_paragraph_splits_into_each_coordinated_ask():
    assert split_questions(POTHOLES) == [
        "How many pothole reports the council received in 2023",
        "How many of those pothole reports were repaired within the target time",
        "How much the council paid in compensation claims for pothole damage in 2023",
        "What the council's inspection policy is for A roads."]


def test_background_and_preamble_before_the_first_ask_are_no_question():
    questions = split_questions(POTHOLES)
    assert not any("because" in q or "writing" in q or "would like" in q for q in questions)


def test_preamble_subject_stays_when_the_first_ask_would_lose_it():
    assert split_questions(
        "I am writing to request information about the parking enforcement contract because I "
        "got a ticket and I would like to know how much it cost and how many tickets were "
        "issued under it and whether it was renewed in 2024.") == [
        "Regarding the parking enforcement contract, how much it cost",
        "How many tickets were issued under it", "Whether it was renewed in 2024."]


def test_request_made_in_the_lead_in_stays_a_question():
    assert split_questions(
        "Please provide the 2023 parks budget and I would like to know how many parks there are "
        "and how many were closed and what the council spent on them.") == [
        "Please provide the 2023 parks budget", "How many parks there are",
        "How many were closed", "What the council spent on them."]


def test_as_well_as_and_also_open_an_ask_of_their_own():
    assert split_questions(
        "I would like to know how many staff the council employs as well as how many are "
        "agency staff and also the total cost of agency staff in 2023.") == [
        "I would like to know how many staff the council employs", "How many are agency staff",
        "The total cost of agency staff in 2023."]


def test_a_one_word_ask_hangs_on_the_ask_before_it():
    assert split_questions(
        "As a resident I would like to know how many fly-tipping reports were made in 2023 and "
        "how many fines were issued and whether anyone was prosecuted and when.") == [
        "How many fly-tipping reports were made in 2023", "How many fines were issued",
        "Whether anyone was prosecuted and when."]


def test_conjunctions_inside_one_question_do_not_split():
    for question in (
            "How many men and women does the council employ?",
            "How much did the council spend on consultants and agency staff in 2023?",
            "Please tell me how many potholes were reported and how many were repaired in 2023.",
            "Could you tell me what the budget is and how much was spent?"):
        assert split_questions(question) == [question]


def test_check_scores_each_ask_of_a_run_on_paragraph(built, cli):
    code, out, err = cli("--config", str(built), "check", "--json", POTHOLES)
    assert code == 0, err
    data = json.loads(out)
    texts = [q["text"] for q in data["questions"]]
    assert len(texts) == 4
    assert texts[0].startswith("How many pothole reports")
    assert all(0.0 <= q["risk"] <= 1.0 for q in data["questions"])
    draft = data["overall"]["revised_draft"]
    assert "because my car" not in draft and "4. " in draft


def test_a_single_ask_loses_the_letter_s_preamble_and_background():
    assert split_questions(
        "I am writing to request information about potholes on the roads in the borough because "
        "my car was damaged last winter and I would like to know how many pothole reports the "
        "council received in 2023.") == ["How many pothole reports the council received in 2023."]


def test_a_lead_in_that_is_not_the_letter_s_preamble_stays_with_a_single_ask():
    question = "As a resident I would like to know how many parks there are."
    assert split_questions(question) == [question]


def test_paired_question_words_stay_one_ask():
    assert split_questions(
        "Please explain how and why the decision was reached and how many objections were "
        "received and whether the committee voted on it.") == [
        "Please explain how and why the decision was reached",
        "How many objections were received", "Whether the committee voted on it."]


def test_a_how_much_question_with_its_own_subject_is_a_question_of_its_own():
    assert split_questions("How many households were evicted in 2023? How much did the "
                           "council spend on bailiffs?") == [
        "How many households were evicted in 2023?",
        "How much did the council spend on bailiffs?"]
    # one that hangs on the question before it stays with it
    assert len(split_questions("How many consultants did you hire in 2023? How much did they "
                               "cost?")) == 1
    assert len(split_questions("How many agency staff did you use in 2023? What was the total "
                               "cost?")) == 1


def test_a_preamble_invoking_scotlands_act_or_the_regulations_is_no_question():
    assert split_questions("I would like to make a request under the Freedom of Information "
                           "(Scotland) Act 2002. How many children are on the waiting list for "
                           "an EHCP assessment?") == [
        "How many children are on the waiting list for an EHCP assessment?"]
    assert split_questions("I am writing to request information under the Environmental "
                           "Information Regulations 2004. How many storm overflow discharges "
                           "were there in 2023?") == [
        "How many storm overflow discharges were there in 2023?"]
    assert split_questions("Please provide the environmental information regulations "
                           "guidance you use.") == [
        "Please provide the environmental information regulations guidance you use."]


def test_semicolon_parts_that_each_ask_are_questions_of_their_own():
    assert split_questions(
        "How many households were in temporary accommodation on 31 March 2024; how many of "
        "these were in bed and breakfast for more than six weeks; and please list the addresses "
        "of all hostels used.") == [
        "How many households were in temporary accommodation on 31 March 2024?",
        "How many of these were in bed and breakfast for more than six weeks?",
        "Please list the addresses of all hostels used."]
    # a part that only adds to the one before it keeps the sentence whole
    assert len(split_questions("How many fines were issued in 2023; broken down by month.")) == 1
