"""Round 3 of the rewording audit: left-out questions named in the user's own numbering, no
rewording that repeats another question, 'why' questions as recorded information, unit prices
as totals, and numbered noun phrases pasted as sentences."""

from bot.assessment import QuestionAssessment
from bot.overall import revised_draft
from bot.reword import (
    Rewording,
    asks_the_same,
    pasteable,
    pattern_rewordings,
    recorded_reasons,
)


def _q(text, level="low", rewordings=(), follows=None):
    return QuestionAssessment(text=text, risk=0.6 if level != "low" else 0.1, level=level,
                              likely_exemptions=[], precedents=[], explanation="",
                              rewordings=list(rewordings), follows=follows)


def test_a_left_out_question_is_named_by_its_own_number_and_first_words():
    draft = revised_draft([_q("How many buses run?"), _q("What did Panorama spend on taxis?"),
                           _q("How many staff are there?")], [], outside=[1],
                          outside_why="about programmes or editorial work")
    lines = draft.splitlines()
    assert lines[:2] == ["1. How many buses run?", "2. How many staff are there?"]
    assert '(Left out: your question 2 ("What did Panorama spend on taxis?"): about programmes ' \
           "or editorial work.)" in lines


def test_a_long_left_out_question_is_quoted_by_its_first_eight_words():
    draft = revised_draft([_q("Please provide all the records you hold about the bonuses paid "
                              "to the board in 2023.")], [], outside=[0],
                          outside_why="not environmental information")
    assert '(Left out: your question 1 ("Please provide all the records you hold about…"): ' \
           "not environmental information.)" in draft


def test_a_rewording_that_repeats_another_question_is_not_used_and_the_question_is_said_left_out():
    count = Rewording("Please give the number of staff dismissed. Anonymised totals are enough.",
                      "")
    draft = revised_draft([
        _q("How many staff were dismissed for gross misconduct in 2023, by department?"),
        _q("What were the names and job titles of the staff dismissed?", "high", [count]),
        _q("What is the gender pay gap in the council for 2023?")], [])
    numbered = [line for line in draft.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert numbered == [
        "1. How many staff were dismissed for gross misconduct in 2023, by department?",
        "2. What is the gender pay gap in the council for 2023?"]
    assert '(Left out: your question 2 ("What were the names and job titles of…"): its safer ' \
           'wording ("Please give the number of staff dismissed.") asks what your question 1 ' \
           "asks already.)" in draft


def test_a_rewording_for_another_year_or_topic_is_not_taken_for_a_repeat():
    first = "How many staff were dismissed for gross misconduct in 2023, by department?"
    assert asks_the_same("Please give the number of staff dismissed.", first)
    assert not asks_the_same("Please give the number of staff dismissed in 2022.", first)
    assert not asks_the_same("Please give the number of staff suspended.", first)
    assert not asks_the_same("Please provide the dismissal policy.", first)


def test_a_why_question_asks_for_the_records_of_the_decision_in_the_revised_draft():
    draft = revised_draft([_q("Why did the council close the library?")], [])
    assert draft.splitlines()[0] == (
        "1. Please provide the recorded information that shows why the council closed the "
        "library: any report, minutes, emails or decision notice that records the decision and "
        "its reasons.")


def test_why_questions_are_turned_round_grammatically():
    assert recorded_reasons("Why does the council charge for parking on Sundays?").startswith(
        "Please provide the recorded information that shows why the council charges for parking "
        "on Sundays:")
    assert recorded_reasons("Why did you not consult residents?").startswith(
        "Please provide the recorded information that shows why you did not consult residents:")
    assert recorded_reasons("Why was the road outside my house not repaired?").startswith(
        "Please provide the recorded information that shows why the road outside my house was "
        "not repaired:")
    assert recorded_reasons("How many libraries closed?") is None


def test_a_why_about_the_requesters_own_complaints_is_left_out_for_a_subject_access_request():
    draft = revised_draft([_q("How much did the chief executive get paid last year?"),
                           _q("Why have you ignored all my complaints?")], [])
    assert "ignored" not in draft.split("(Left out")[0]
    left = draft.split("(Left out:")[1]
    assert left.startswith(' your question 2 ("Why have you ignored all my complaints?")')
    assert "subject access request" in left and "my complaints of <dates>" in left
    assert pattern_rewordings("Why have you ignored all my complaints?") == []


def test_unit_prices_at_each_hotel_are_asked_as_totals_and_an_average_not_per_hotel():
    [first, *_] = pattern_rewordings("How much was paid per night per room at each hotel?")
    assert first.text == (
        "What was the total spent on hotels in each of the last three financial years, and the "
        "average cost per night per room across all of them? I am not asking for the price at "
        "any one hotel or under any one contract.")
    assert "s43(2)" in first.why
    [homes, *_] = pattern_rewordings("What is the cost per bed per night at each care home?")
    assert "total spent on care homes" in homes.text and "any one care home" in homes.text


def test_a_weekly_fee_is_no_weekly_breakdown_to_make_yearly():
    texts = [r.text for r in pattern_rewordings("What is the weekly fee per child at each "
                                                "independent school?")]
    assert not any("the in each year" in t for t in texts)
    assert [r.text for r in pattern_rewordings("How many burglaries were reported weekly?")] \
        == ["How many burglaries were reported in each year?"]


def test_a_numbered_noun_phrase_is_pasted_as_a_request():
    assert pasteable("The number of those searches that led to an arrest, by ethnicity.") == \
        "Please provide the number of those searches that led to an arrest, by ethnicity."
    assert pasteable("Any internal reports on racial disparity in stop and search.") == \
        "Please provide any internal reports on racial disparity in stop and search."
    assert pasteable("What is the number of complaints?") == "What is the number of complaints?"
