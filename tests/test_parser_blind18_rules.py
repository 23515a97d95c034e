"""Rules found on gold_blind18 (developed against in the sixteenth session), each tested on a
small synthetic text: reply picking, splitting, alignment and outcome reading."""

from corpus.align import align
from corpus.exemptions import find_exemptions
from corpus.outcome import classify
from corpus.parse import parse_wdtk_thread
from corpus.split import split_questions

POTHOLES = "Dear Council,\nHow many potholes were repaired in 2023?\nYours faithfully,\nA"


def _thread(request: str, *replies: str) -> dict:
    """A WhatDoTheyKnow thread as the corpus stores it: the request, then the replies."""
    return {"id": 1, "events": [{"type": "outgoing", "content": [request]},
                                *({"type": "incoming", "content": [r]} for r in replies)]}


# --- picking the reply ---------------------------------------------------------------------


def test_note_promising_the_reply_later_today_is_not_the_reply():
    record = _thread(POTHOLES,
                     "Hi\nApologies for our delay, we are replying this afternoon with the "
                     "information.\nKind regards",
                     "Dear A,\nWe do not hold this information.\nKind regards")
    assert [q.outcome for q in parse_wdtk_thread(record).questions] == ["not_held"]


def test_out_of_office_with_a_wrapped_disclaimer_is_not_the_reply():
    out_of_office = ("Thank you for your email.\nThis inbox is not being monitored over the "
                     "holiday period. This Email, and any attachments,\nmay contain non-public "
                     "information. If you are not the intended recipient you must not rely on "
                     "any of the information contained in it or attached.")
    record = _thread(POTHOLES,
                     out_of_office, "Dear A,\nWe do not hold this information.\nKind regards")
    assert [q.outcome for q in parse_wdtk_thread(record).questions] == ["not_held"]


# --- splitting -----------------------------------------------------------------------------


def test_sentence_saying_what_the_ask_could_include_is_not_a_question():
    qs = split_questions("I'd like to request any speed data you hold for Elm Road for the past "
                         "5 years. This could include data captured by temporary counters.")
    assert len(qs) == 1 and qs[0].startswith("I'd like to request any speed data")


# --- reading an answer ---------------------------------------------------------------------


def test_not_held_with_a_pointer_to_an_explanation_below_is_not_held():
    assert classify("Information not held. See below for an explanation of the work of the "
                    "independent commission.") == "not_held"
    # a pointer to the information itself still gives something
    assert classify("Information on earlier years is not held. See below for 2023.") == "partial"


def test_question_number_in_an_answer_is_not_a_figure_given():
    assert classify("No information held. Question 6:") == "not_held"
    assert classify("Q1: the authority does not hold the information requested.") == "not_held"
    # a quarter given as the answer is one
    assert classify("Q4 2015; the date of the next check is not held.") == "partial"


def test_years_to_date_under_a_question_are_its_periods_not_questions():
    qs = split_questions("Dear Council,\n1. How many shops were inspected in:\n- 2021\n- 2022\n"
                         "- To date in 2023\n2. How many fines were issued in:\n- 2021\n"
                         "- 2023 to date\nYours faithfully,\nA")
    assert qs == ["How many shops were inspected in:", "How many fines were issued in:"]


def test_question_label_that_only_quotes_context_is_not_a_question():
    qs = split_questions("Question 1.\nPage 7: \u201cThe council will review its policies.\u201d\n"
                         "(a) When will the review start?\n(b) Who will lead it?\n"
                         "Question 2\nAs per the report\n(a) What is the budget for it?")
    assert qs == ["When will the review start?", "Who will lead it?",
                  "What is the budget for it?"]


def test_a_long_questionnaire_keeps_its_parts_apart():
    request = "\n".join(f"{i}. How many permits of type {i} were issued?" for i in range(1, 51))
    assert len(split_questions(request)) == 50


# --- aligning ------------------------------------------------------------------------------


def test_next_group_heading_and_its_quoted_context_are_not_the_answer_above_it():
    questions = ["When will the review start?", "What is the budget for it?"]
    response = ("When will the review start?\nNo information held.\nQuestion 2\nPage 98: "
                "\u201cThe council will fund the review.\u201d\nWhat is the budget for it?\n"
                "The budget is £5,000.")
    parsed = align(questions, response)
    assert [q.outcome for q in parsed] == ["not_held", "answered"]
    assert "Page 98" not in (parsed[0].answer or "")


# --- exemptions ----------------------------------------------------------------------------


def test_a_chain_of_sibling_subsections_cites_each_one():
    assert find_exemptions("exempt under Section 40(2)(3)&(4)") == ["s40(2)", "s40(3)", "s40(4)"]
    assert find_exemptions("exempt under section 30(2)(a)(i)(b)") == ["s30(2)(a)(i)", "s30(2)(b)"]
    assert find_exemptions("section 36(2)(b)(i)(ii) applies") == ["s36(2)(b)(i)", "s36(2)(b)(ii)"]
    # a nested citation stays one
    assert find_exemptions("section 40(5B)(a)(i)") == ["s40(5b)(a)(i)"]


def test_question_label_opens_a_new_group_and_keeps_the_item_before_it():
    qs = split_questions("Question 1\n(a) Does the council hold a policy?\n"
                         "(b) Please provide any evidence of its use (e.g. reports)\n"
                         "Question 2\nIs the policy published?\n(a) Please give the link.")
    assert "Please provide any evidence of its use (e.g. reports)" in qs
    assert "Is the policy published?" in qs


def test_no_assessment_of_the_kind_asked_for_was_made_is_not_held():
    assert classify("There has been no impact assessment made on the closure.") == "not_held"
    assert classify("There were no safety reports.") == "not_held"


def test_lead_in_about_the_questions_below_is_not_a_question():
    qs = split_questions("Dear Council,\nPlease find enclosed my FOI questions in relation to the "
                         "parks report.\nPlease can you answer the questions (see below) in the "
                         "required way.\n(a) How many parks are there?\n(b) Who manages them?\n"
                         "Yours faithfully,\nA")
    assert qs == ["How many parks are there?", "Who manages them?"]


def test_no_funding_to_give_answers_how_much_was_given():
    assert classify("The team do not have funding to provide direct funding to clubs.") \
        == "answered"
    assert classify("We do not have this information.") == "not_held"


def test_misread_citations_are_not_split_into_siblings():
    assert find_exemptions("section 40(3)(a)(1) applies") == ["s40(3)(a)(1)"]
    # a regulation's '(5)(1)' is a misprint, not the procedural r12(1)
    assert "r12(1)" not in find_exemptions("regulation 12(5)(1) of the EIR")
