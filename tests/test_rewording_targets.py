"""Rewordings the user can paste: addressed to the right kind of body, and limited in the way
the likely exemption calls for."""

from __future__ import annotations

from bot.advice import _rewordings, _Scored
from bot.assessment import QuestionAssessment
from bot.overall import revised_draft
from bot.reword import (
    S16_SENTENCE,
    as_request,
    body_noun,
    fallback_rewording,
    pattern_rewordings,
    precedent_rewordings,
)
from index.search import Precedent


def _answered(pid: str, question: str, sim: float, authority: str = "Sheffield City Council"
              ) -> Precedent:
    """A past question that was answered, as the index returns it."""
    return Precedent(id=pid, question=question, authority=authority, date=None, reference=None,
                     outcome="answered", exemptions=(), similarity=sim, source_url=None)


def test_the_addressee_is_named_as_the_kind_of_body_it_is():
    assert body_noun("Kent Police") == "the force"
    assert body_noun("Leicester City Council") == "the council"
    assert body_noun(None, "How many attacks did the trust suffer?") == "the trust"
    assert body_noun(None, "How many attacks were there?") == "the authority"
    found = pattern_rewordings("How many cyber attacks did you detect?", body="the force")
    texts = " ".join(r.text for r in found)
    assert "did the force report to the Information Commissioner's Office" in texts
    assert "council" not in texts


def test_camera_locations_become_a_total_of_the_same_kind_of_camera():
    found = pattern_rewordings("How many ANPR cameras do you run and where are they located?",
                               body="the force")
    assert found[0].text.startswith("How many ANPR cameras does the force operate in total?")


def test_a_monthly_split_becomes_yearly_or_is_dropped_for_a_single_year():
    one_year = pattern_rewordings("How many times were Tasers discharged in 2022, broken down "
                                  "by month?")
    assert one_year[0].text == "How many times were Tasers discharged in 2022?"
    since = pattern_rewordings("How many thefts were reported each month since 2019?")
    assert since[0].text == "How many thefts were reported in each year since 2019?"


def test_fallback_keeps_the_question_and_adds_the_limit_its_exemption_calls_for():
    q = "How much did you spend on overtime for officers in 2023?"
    broad = "How much did you spend on overtime for officers in 2023, by department?"
    cost = fallback_rewording(broad, "s12", "the force")
    assert cost.text.startswith(broad) and S16_SENTENCE in cost.text
    # the question names its year: no 'limit this to the last financial year' beside it
    assert "last financial year" not in cost.text and "held centrally" in cost.text
    assert "cost limit" in cost.why
    # one figure for a named year is no cost-limit case, whatever ranks s12 first
    single = fallback_rewording(q, "s12", "the force")
    assert "held centrally" not in single.text and S16_SENTENCE not in single.text
    open_ended = fallback_rewording("How much do you spend on overtime?", "s12", "the force")
    assert "last financial year" in open_ended.text
    personal = fallback_rewording(q, "s40", "the force")
    assert "anonymised totals" in personal.text and "personal data" in personal.why
    other = fallback_rewording(q, "s31", "the force")
    assert other.text.startswith(q) and "for the force as a whole" in other.text
    document = fallback_rewording("Please provide a copy of your policy on body-worn video",
                                  "s31", "the force")
    assert document.text.startswith("Please provide a copy of your policy on body-worn video.")
    assert "redacted" in document.text
    assert "Please provide any policy or procedure" not in document.text + other.text


def _scored(section: str) -> _Scored:
    return _Scored(0.7, "high", [{"section": section, "subsection": None, "probability": 0.5,
                                  "ncnd": False}], [])


def test_a_likely_cost_refusal_gets_the_cost_rewording_beside_the_others():
    q = "Please list every contract the council signed since 2010 with its value."
    found = _rewordings(q, _scored("s12"), [], "Leicester City Council")
    assert any(S16_SENTENCE in r.text for r in found)
    assert len(found) <= 3
    assert _rewordings(q, _Scored(0.1, "low", [], []), []) == []


def test_a_question_risky_only_in_its_draft_is_first_offered_as_a_request_of_its_own():
    q = "How many staff work in the council's IT department?"
    raised = _Scored(0.4, "medium", [{"section": "s31", "subsection": "s31(3)",
                                      "probability": 0.1, "ncnd": True}], [], 0.1, "low")
    found = _rewordings(q, raised, [], "Leicester City Council")
    assert found[0].text == q
    assert "request of its own" in found[0].why and "10%" in found[0].why
    assert "40%" in found[0].why
    risky_anyway = _Scored(0.7, "high", raised.exemptions, [], 0.6, "high")
    assert all(r.text != q for r in _rewordings(q, risky_anyway, [], "Leicester City Council"))


def test_the_revised_draft_asks_for_section_16_advice_once():
    q = "How much did you spend on overtime for officers in 2023?"
    cost = fallback_rewording(q, "s12", "the force")
    assessed = [QuestionAssessment(q, 0.8, "high", [], [], "", [cost]),
                QuestionAssessment(q, 0.8, "high", [], [], "", [cost])]
    draft = revised_draft(assessed, [])
    assert draft.count(S16_SENTENCE) == 1
    assert draft.splitlines()[0].startswith("1. How much did you spend on overtime")


def test_makes_and_models_are_dropped_from_the_question_or_become_a_count():
    def first(q):
        found = pattern_rewordings(q, body="the force")
        return found[0].text if found else None

    assert first("How many drones does the force own and what models are they?") == (
        "How many drones does the force own? I am not asking for makes, models or suppliers.")
    assert first("What is the make and model of your radios?") == (
        "How many radios does the force have? I am not asking for makes, models or suppliers.")
    assert first("What models of car does the force use?") is None  # no safe rewrite: none


def test_precedent_wordings_cut_mid_list_or_only_loosely_similar_are_not_offered():
    def p(pid, question, sim):
        return _answered(pid, question, sim, "Northumbria Police")

    found = precedent_rewordings([
        p("1", "total number of firearms owned by the force (by type: pistol", 0.7),
        p("2", "number of incidents involving drones reported in 2014, 2015, 2016", 0.57),
        p("3", "How many drones does the force own, and how many pilots are trained?", 0.75)],
        "How many drones does the force own and what models are they?")
    assert [r.based_on for r in found] == [("3",)]


def test_a_yes_no_question_is_rewritten_as_one_not_asked_for_a_yearly_total():
    found = fallback_rewording("whether you hold Cyber Essentials Plus certification", "s31",
                               "the council")
    assert found.text.startswith(
        "Please confirm whether you hold Cyber Essentials Plus certification. A yes or no "
        "answer is enough")
    assert "yearly total" not in found.text and "the council has in place" in found.why
    # a count asked as a yes/no question still gets the whole-authority total
    count = fallback_rewording("Do you know how many laptops were lost in 2023?", "s31",
                               "the council")
    assert "A single figure for the council as a whole" in count.text


def test_an_answered_wording_that_asks_what_draws_refusals_is_not_offered():
    def p(pid, question, sim):
        return _answered(pid, question, sim, "Lincolnshire County Council")

    found = precedent_rewordings([
        p("1", "for each month Mar 2024-Aug 2025: number of recorded personal data breaches", 0.8),
        p("2", "How many personal data breaches were reported to the ICO in 2023?", 0.8)],
        "How many ransomware attacks did you suffer in 2023, broken down by month?")
    assert [r.based_on for r in found] == [("2",)]


def test_names_asked_with_other_details_get_the_anonymised_rewording_and_fragments_end_well():
    [names] = pattern_rewordings("the names and salaries of all IT security staff.")
    assert names.text.startswith("Please provide the number of IT security staff, by salary band. "
                                 "Anonymised")
    assert "s40" in names.why
    coarser = pattern_rewordings("how many ransomware attacks you suffered in 2023, broken "
                                 "down by month")[-1]
    # a fragment in clause order ('how many attacks you suffered') is said as a request
    assert coarser.text == "Please tell me how many ransomware attacks you suffered in 2023."


def test_the_patch_policy_rewording_is_offered_for_it_questions_only():
    assert "patch-management" in pattern_rewordings("Which antivirus software do you use?")[0].text
    found = pattern_rewordings("Which covert surveillance equipment does the force use, and "
                               "from which suppliers?")
    assert not any("software" in r.text for r in found)


def test_an_answered_wording_must_ask_about_the_same_thing_and_stand_alone():
    p = _answered
    found = precedent_rewordings([
        p("1", "What has been the average annual spend to date for the council's current "
               "Homelessness Case Management software?", 0.66),
        p("2", "How many fines were issued in total related to the above cases?", 0.7),
        p("3", "What was the council's total spend on cyber security in 2022/23?", 0.68)],
        "What is the council's annual cyber security budget?")
    assert [r.based_on for r in found] == [("3",)]
    assert as_request("the number of Information Requests received in July 2023") == (
        "Please provide the number of Information Requests received in July 2023.")


def test_pay_is_not_a_ransom_and_names_are_dropped_from_the_users_own_question():
    q = ("Please tell me how many complaints were made against officers in 2023, how many were "
         "upheld, and the names of any officers dismissed.")
    found = pattern_rewordings(q)
    # the names become the count they were for; the rest of the question stays as asked
    assert found[0].text.startswith(q.replace("the names of any", "the number of")[:-1] + ".")
    assert "names" not in found[0].text
    salaries = pattern_rewordings("The names and salaries of staff earning over £100,000, with "
                                  "any bonuses paid to them in 2023.")
    assert not any("cyber" in r.text for r in salaries)


def test_a_where_question_is_offered_counts_by_area_not_a_yearly_total():
    found = fallback_rewording("Where are they located?", "s31", "the force")
    assert found.text == ("Instead of exact locations or addresses, please give a count for "
                          "each area (ward, district or division) for this request: Where are "
                          "they located?")
    assert "yearly total" not in found.text


def test_the_cyber_patterns_answer_cyber_questions_only():
    assert not pattern_rewordings("How many domestic abuse incidents were recorded in 2023?")
    assert not pattern_rewordings("How much has the department spent on consultancy, broken "
                                  "down by supplier?")
    assert "Information Commissioner" in pattern_rewordings(
        "How many cyber incidents were reported in 2023?")[0].text


def test_a_follow_up_whose_period_its_question_named_gets_no_last_financial_year():
    found = fallback_rewording("How many resulted in a charge, by outcome?", "s12", "the force",
                               context="How many domestic abuse incidents were recorded in 2023? "
                                       "How many resulted in a charge?")
    assert "last financial year" not in found.text and "held centrally" in found.text
    single = fallback_rewording("How many resulted in a charge?", "s12", "the force",
                                context="How many domestic abuse incidents were recorded in "
                                        "2023? How many resulted in a charge?")
    assert "financial year" not in single.text and "held centrally" not in single.text


def test_someone_elses_dates_are_not_offered_as_a_wording():
    dated = _answered("1", "Please provide the number of bus lane PCNs issued during the period "
                      "20/04/24 - 26/04/24 (inclusive).", 0.85)
    assert not precedent_rewordings([dated], "How many bus lane PCNs were issued in 2023?")


def test_a_follow_up_is_never_offered_as_a_request_of_its_own():
    q = "If so, how much did repairs cost?"
    raised = _Scored(0.4, "medium", [{"section": "s12", "subsection": None,
                                      "probability": 0.2, "ncnd": False}], [], 0.1, "low")
    context = "How many cameras were out of service in 2023? If so, how much did repairs cost?"
    found = _rewordings(q, raised, [], "Kent Police", context)
    assert found and all("request of its own" not in r.why for r in found)


def test_camera_locations_asked_by_cross_reference_become_counts_by_area():
    found = pattern_rewordings("Where is each of the cameras in (a) located?", body="the force")
    assert found[0].text.startswith("How many of these cameras are there in each area")
    assert "CCTV" not in found[0].text


def test_a_broad_request_is_narrowed_without_contradicting_itself():
    since = pattern_rewordings("How many officers have been dismissed for misconduct since 2020?")
    assert since[0].text.startswith("How many officers have been dismissed for misconduct in the "
                                    "last three financial years?")
    assert "last financial year" not in since[0].text  # no second, contradictory period
    vague = pattern_rewordings("all information about the new bypass")
    assert vague[0].text.startswith("Please provide a list of the documents you hold about the "
                                    "new bypass (titles and dates are enough)")
    stock = fallback_rewording("How many tasers does the force own, by division?", "s12",
                               "the force")
    assert "financial year" not in stock.text and "held centrally" in stock.text
    one = fallback_rewording("How many tasers does the force own?", "s12", "the force")
    assert "financial year" not in one.text and "held centrally" not in one.text


def test_a_name_asked_for_becomes_the_count_or_the_job_title():
    [count] = pattern_rewordings("Please give the names of officers dismissed.")
    assert count.text.startswith("Please give the number of officers dismissed. Anonymised")
    [title] = pattern_rewordings("Who is the officer responsible for this contract?")
    assert title.text == ("What is the job title (not the name) of the officer responsible for "
                          "this contract?")


def test_a_document_that_may_name_people_is_asked_for_with_names_redacted():
    found = fallback_rewording("Please provide the planning department's organisational chart.",
                               "s40", "the council")
    assert "please redact those names and release the rest" in found.text
    assert "anonymised totals" not in found.text


def test_a_short_follow_up_gets_no_past_wording_and_none_naming_other_bodies():
    answered = [_answered("1", "How many were refused as 'manifestly unfounded'?", 0.9),
                _answered("2", "Please can you provide an organisational chart of the marketing "
                               "Sheffield & City Futures department?", 0.85)]
    assert precedent_rewordings(answered[:1], "How many were refused?") == []
    assert precedent_rewordings(answered[1:], "Please provide the planning department's "
                                              "organisational chart.") == []


def test_a_sensitive_question_made_low_only_by_its_company_still_gets_rewordings():
    q = "Please provide the names of the teachers who have been suspended this year."
    padded = _Scored(0.24, "low", [{"section": "s40", "subsection": None, "probability": 0.2,
                                    "ncnd": False}], [], 0.45, "medium")
    assert _rewordings(q, padded, [], "St Mary's School")


def test_a_named_person_becomes_the_group_and_a_pc_monitor_is_no_person():
    [staff] = pattern_rewordings("How many complaints were made about Mr Jenkins in 2023?")
    assert staff.text.startswith("How many complaints were made about staff in 2023?")
    assert "Jenkins" not in staff.text
    [officers] = pattern_rewordings("Please provide the disciplinary records of PC John Smith.")
    assert "records of officers" in officers.text and "Smith" not in officers.text
    assert pattern_rewordings("How many PC monitors were bought in 2023?") == []
    names = fallback_rewording("Please provide the names of the teachers suspended this year.",
                               "s40", "the school")
    assert names.text.startswith("Please provide the number of teachers suspended this year.")


def test_a_count_with_a_list_part_drops_the_list_and_a_stock_gets_no_year():
    events = fallback_rewording("How many times has the force used facial recognition "
                                "technology, and at which events?", "s31", "the force")
    assert events.text.startswith("How many times has the force used facial recognition "
                                  "technology? The number alone is enough")
    stock = fallback_rewording("How many police officers are currently suspended?", "s31",
                               "the force")
    assert "yearly" not in stock.text
    full = pattern_rewordings("Please provide the full names of all staff who claimed "
                              "expenses in 2023.")
    assert full[0].text.startswith("Please provide the number of staff who claimed")
    # councillors act in public: their names are not turned into a count
    assert not pattern_rewordings("Please provide the full names of all councillors who "
                                  "claimed expenses in 2023.")


def test_a_count_is_not_reworded_as_a_yes_no_question_and_cameras_keep_their_kind():
    whether = _answered("9", "Whether serving officers have criminal convictions or have been "
                             "investigated for inappropriate behaviour?", 0.85)
    assert precedent_rewordings([whether], "How many officers are currently under "
                                           "investigation for sexual misconduct?") == []
    count = _answered("8", "Please provide the total number of council-owned CCTV cameras as "
                           "of 2024.", 0.85)
    assert precedent_rewordings([count], "Which company maintains the council's CCTV "
                                         "cameras?") == []
    [covert] = pattern_rewordings("Please list the locations of all covert surveillance cameras "
                                  "in Salford.", body="the force")
    assert covert.text.startswith("How many covert surveillance cameras are there in each area")


def test_the_fallback_fits_a_which_question_a_yes_no_and_a_named_place():
    which = fallback_rewording("Which firearms does the force use?", "s31", "the force")
    assert "give their number instead" in which.text and "single figure" not in which.text
    yes_no = fallback_rewording("Does the force use Cellebrite?", "s12", "the force")
    assert "financial year" not in yes_no.text and "A yes or no answer is enough" in yes_no.text
    here = fallback_rewording("How many assaults were recorded at Charing Cross station in "
                              "2023?", "s31", "the force")
    assert "as a whole" not in here.text and "A single figure is enough" in here.text


def test_names_of_people_are_reworded_even_when_the_neighbours_say_low_risk():
    from bot.overall import general_advice

    q = "Please provide the names of the pupils who were excluded in 2023."
    found = _rewordings(q, _Scored(0.09, "low", [], [], 0.09, "low"), [], "St Mary's School")
    assert found and found[0].text.startswith("Please provide the number of pupils")
    assert not any(a.startswith("Personal data") for a in general_advice(
        "Please provide the name of the supplier of the council's CCTV.", []))
    assert any(a.startswith("Personal data") for a in general_advice(q, []))


def test_a_wording_sharing_only_who_does_the_work_is_another_question():
    other_team = _answered("7", "How many staff members make up your elective home education "
                                "team?", 0.7)
    assert precedent_rewordings([other_team], "How many staff work in your IT security "
                                              "team?") == []


def test_an_outcome_split_is_undivided_in_a_sentence_that_still_reads():
    from bot.reword import pattern_rewordings

    texts = [r.text for r in pattern_rewordings("How many cyber attacks were blocked in 2023?")]
    assert "How many cyber attacks were there in 2023?" in texts
    detected = [r.text for r in pattern_rewordings("How many cyber attacks were detected in "
                                                   "2023?")]
    assert not any(t.startswith("How many cyber attacks were") for t in detected)


def test_all_records_with_figures_narrow_the_period_not_ask_for_a_list_of_files():
    from bot.reword import _narrowed

    said = _narrowed("Please provide all records of herbicide spraying in Kent since 2015, with "
                     "the quantities used at each location.")
    assert said.startswith("Please provide the records of herbicide spraying in Kent in the "
                           "last three financial years, with the quantities used")
    assert "list of the" not in said
    assert _narrowed("all records of complaints about the bypass").startswith(
        "Please provide a list of the records you hold about complaints about the bypass")


def test_a_cost_limit_rewording_of_one_document_asks_for_its_current_version_not_a_year():
    from bot.reword import fallback_rewording

    said = fallback_rewording("What is the University's policy on freedom of speech?", "s12").text
    assert "current version only" in said and "financial year" not in said
    assert "last financial year" in fallback_rewording("How many complaints did you receive?",
                                                       "s12").text
