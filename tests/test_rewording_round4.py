"""Round 4 of the rewording audit (ux12): compound questions keep their harmless part, s40
rewordings ask for what is answerable and keep the user's purpose, Scottish rewordings cite
FOISA, the 'single figure' sentence only where a breakdown is what draws the refusal, cost
narrowing that narrows, and a 'why' asked in anger put as recorded information."""

from bot.reword import fallback_rewording, pattern_rewordings


def _texts(question, body=None):
    return [r.text for r in pattern_rewordings(question, body=body)]


# -- 1: a compound question keeps its harmless part ------------------------------------------
ASSAULTS = ("Please provide the number of assaults on bus drivers on each route in 2023, and the "
            "location of every bus garage's CCTV control room.")


def test_a_camera_location_part_is_dropped_and_the_rest_of_the_question_kept():
    found = _texts(ASSAULTS, "the authority")
    assert found[0] == (
        "Please provide the number of assaults on bus drivers on each route in 2023. Please also "
        "provide the authority's policy or code of practice for its CCTV. I am not asking for "
        "the location of any camera or control room.")
    assert not any("number of numbers" in t for t in found)
    assert not any(t.startswith("How many CCTV cameras") for t in found)


def test_a_count_is_never_taken_for_a_list_of_places_with_their_addresses():
    assert not any("in each local authority area" in t for t in _texts(ASSAULTS))
    hotels = _texts("Please list every hotel currently used to house asylum seekers, with its "
                    "address.")
    assert hotels[0].startswith("Please give the number of hotels currently used to house "
                                "asylum seekers in each local authority area.")


def test_a_camera_only_location_question_still_becomes_the_camera_total():
    found = _texts("Where are the council's CCTV cameras located?", "the council")
    assert found[0].startswith("How many CCTV cameras does the council operate in total?")


# -- 2: s40 rewordings ask for what is answerable ---------------------------------------------
def test_names_of_owners_beside_addresses_become_places_counted_by_ward():
    [found] = _texts("Please list the addresses of the B&Bs used and the names of their owners.")
    assert found == ("Please give the number of B&Bs used in each ward, and the total paid to "
                     "them. I am not asking for any address or anyone's name.")
    assert "number of their owners" not in found


def test_home_addresses_become_how_many_live_within_the_distance_asked():
    [found] = _texts("What are the home addresses of on-call firefighters within 5 minutes of "
                     "Lymington station?")
    assert found.startswith("How many on-call firefighters live within 5 minutes of Lymington "
                            "station?")
    assert "home addresses" not in found and "anonymised totals" not in found


def test_names_with_the_allegations_against_each_become_categories_without_names():
    [found] = _texts("Please provide the names of the officers dismissed and the details of the "
                     "allegations against each.")
    assert found == ("Please provide, for the officers dismissed, the category of misconduct "
                     "proven in each case, without names or other details that would identify "
                     "anyone.")
    assert "totals" not in found and "number of officers" not in found


def test_names_of_officials_for_their_official_work_become_job_titles_and_senior_names():
    [found] = _texts("c) the names of the civil servants who drafted the behaviour guidance.")
    assert found.startswith("Please provide the job title and grade of each of the civil "
                            "servants who drafted the behaviour guidance, and the names of those "
                            "at senior level")
    assert "number of civil servants" not in found


def test_names_of_people_disciplined_still_become_the_count():
    [found] = _texts("Please provide the names of the teachers who have been suspended this "
                     "year.")
    assert found.startswith("Please provide the number of teachers who have been suspended")
    s40 = fallback_rewording("Please provide the names of the civil servants who approved the "
                             "contract.", "s40", "the department")
    assert "job title and grade" in s40.text


# -- 3: a Scottish rewording's reason cites FOISA ---------------------------------------------
def _scottish(rewording):
    from bot.assessment import Assessment, Overall, QuestionAssessment
    from bot.scotland import adapt

    policy = {"section": "s35", "subsection": None, "probability": 0.4, "ncnd": False}
    q = QuestionAssessment(text="Please provide all minutes and briefings for ministers about "
                           "the Deposit Return Scheme.", risk=0.7, level="high",
                           likely_exemptions=[policy], precedents=[], explanation="",
                           rewordings=[rewording])
    overall = Overall(0.7, "High risk.", [policy], [], "1. " + rewording.text)
    return adapt(Assessment([q], overall, "Scottish Government")).questions[0].rewordings[0]


def test_the_policy_rewording_to_a_scottish_body_cites_foisa_s29_not_foias_s35():
    asked = fallback_rewording("Please provide all minutes and briefings for ministers about the "
                               "Deposit Return Scheme.", "s35", "the department")
    assert "(s35(2))" in asked.why  # FOIA's numbers, as England and Wales have them
    why = _scottish(asked).why
    assert why.startswith("FOISA s29 protects the policy debate")
    assert "(FOISA s29(2))" in why and "(FOISA s29(3))" in why
    assert "s35" not in why


def test_other_grounds_in_a_scottish_rewordings_reason_take_foisas_numbers():
    from bot.reword import Rewording

    why = _scottish(Rewording("x", "Exact addresses are withheld where publishing them would "
                              "put people at risk (s38) or help crime (s31); the s16 sentence "
                              "helps; ransom details draw NCND under s31(3).")).why
    assert "(FOISA s39(1))" in why and "help crime (FOISA s35)" in why
    assert "the s15 sentence" in why and "NCND under FOISA s18 with s35" in why


# -- 4: the 'single figure' sentence only where a breakdown is what draws the refusal --------
def test_a_breakdown_the_user_asked_for_is_kept_not_withdrawn():
    q = ("How many international students were enrolled on taught postgraduate courses in "
         "2023/24, by country of domicile?")
    found = fallback_rewording(q, "s31", "the institution")
    assert found.text.startswith(q)
    assert "single figure" not in found.text and "not asking for a breakdown" not in found.text
    assert "'fewer than five'" in found.text
    spend = fallback_rewording("How much did the council spend on agency staff in 2023, broken "
                               "down by department?", "s43", "the council")
    assert "broken down by department" in spend.text and "single figure" not in spend.text


def test_a_breakdown_that_draws_refusals_is_given_up_in_the_users_own_words():
    found = fallback_rewording("How many assaults on officers were recorded in 2023, by "
                               "location?", "s31", "the force")
    assert found.text == ("How many assaults on officers were recorded in 2023? A total for the "
                          "force as a whole, or for each ward or district, is enough: I am not "
                          "asking for a breakdown by location.")
    ethnicity = fallback_rewording("How many stop and searches were carried out in 2023, broken "
                                   "down by the ethnicity of the person searched?", "s31",
                                   "the force")
    assert "ethnicity" in ethnicity.text and "not asking for a breakdown" not in ethnicity.text


def test_a_plain_count_that_needs_no_narrowing_gets_nothing_added():
    for q, section in (("How many police officers did the force employ on 31 March 2024?", "s31"),
                       ("How many people signed the Senedd petition?", "s31"),
                       ("How many officers were dismissed for gross misconduct in 2023?", "s31"),
                       ("How many drink-driving arrests did you make in December 2023?", "s12")):
        found = fallback_rewording(q, section, "the force")
        assert found.text == q, q
        assert "needs narrowing" in found.why


def test_the_whole_authority_sentence_speaks_the_questions_own_field():
    overtime = fallback_rewording("How much did you spend on overtime for officers in 2023?",
                                  "s31", "the force")
    assert "for the force as a whole" in overtime.text
    assert "system" not in overtime.text and "product" not in overtime.text
    laptops = fallback_rewording("How many laptops were lost by the council in 2023?", "s31",
                                 "the council")
    assert "system or product" in laptops.text
    here = fallback_rewording("How many assaults were recorded at Charing Cross station in "
                              "2023?", "s31", "the force")
    assert "A single figure is enough" in here.text and "system" not in here.text


# -- 5: cost-limit rewordings that narrow, and none where nothing needs it --------------------
def test_all_messages_become_a_request_for_a_list_of_them_first():
    [found] = _texts("all emails and WhatsApp messages between the Health Secretary and PPE "
                     "suppliers in 2020")
    assert found.startswith("Please provide a list of the emails and WhatsApp messages between "
                            "the Health Secretary and PPE suppliers in 2020 (the date, sender, "
                            "recipient and subject of each are enough), so that I can choose "
                            "which to ask for.")
    open_ended = _texts("Please send me all correspondence between the council and Veolia.")[0]
    assert "in the last twelve months" in open_ended and open_ended.startswith("Please provide")


def test_a_single_current_figure_gets_no_cost_narrowing():
    for q in ("What is the CEO's salary?", "What is the Vice-Chancellor's salary?"):
        found = fallback_rewording(q, "s12", "the trust")
        assert "financial year" not in found.text and "held centrally" not in found.text, q
        assert "already published" in found.text
    open_ended = fallback_rewording("How much do you spend on overtime?", "s12", "the force")
    assert "last financial year" in open_ended.text


# -- 6: a why asked in anger, put as recorded information -------------------------------------
BELFAST = ("I demand to know why the idiots in planning approved my neighbour's extension and "
           "how much they were bribed.")


def test_a_demanded_why_with_an_accusation_becomes_the_planning_officers_report():
    from bot.reword import asks_why, recorded_reasons

    assert asks_why(BELFAST)
    asked = recorded_reasons(BELFAST)
    assert asked == ("Please provide the recorded information that shows why the officers in "
                     "planning approved my neighbour's extension: the planning officer's report "
                     "(or delegated decision report) on the application, and any other record "
                     "of the decision and its reasons.")
    assert "bribed" not in asked and "demand" not in asked


def test_the_toned_revised_draft_keeps_no_accusation_or_demand():
    from bot.assessment import QuestionAssessment
    from bot.overall import revised_draft

    q = QuestionAssessment(text=BELFAST, risk=0.1, level="low", likely_exemptions=[],
                           precedents=[], explanation="", rewordings=[])
    first = revised_draft([q], [], toned=True).splitlines()[0]
    assert first.startswith("1. Please provide the recorded information that shows why the "
                            "officers in planning approved my neighbour's extension:")
    assert "bribed" not in first and "I demand" not in first and "idiots" not in first


def test_a_why_after_a_polite_lead_in_also_asks_for_the_records():
    from bot.reword import recorded_reasons

    assert recorded_reasons("I would like to know why the council closed the library.") == (
        "Please provide the recorded information that shows why the council closed the "
        "library: any report, minutes, emails or decision notice that records the decision and "
        "its reasons.")


def test_home_addresses_under_a_personal_data_fallback_also_become_a_count():
    found = fallback_rewording("What are the home addresses of on-call firefighters within 5 "
                               "minutes of Lymington station?", "s40",
                               "the fire and rescue service")
    assert found.text.startswith("How many on-call firefighters live within 5 minutes of "
                                 "Lymington station?")
    assert "anonymised totals" not in found.text


def test_one_persons_home_address_becomes_the_posts_work_address_not_a_count():
    found = fallback_rewording("What is the home address of the head teacher?", "s40",
                               "the school")
    assert found.text == ("Please provide a work address or official contact route for the head "
                          "teacher. I am not asking for anyone's home address.")
    assert "work address of a post is public" in found.why


def test_a_supplier_split_is_given_up_for_a_total_with_no_wards_and_money_in_its_own_terms():
    supplier = fallback_rewording("How much did the council spend on agency staff in 2023, by "
                                  "supplier?", "s31", "the council")
    assert supplier.text == ("How much did the council spend on agency staff in 2023? A total "
                             "for the council as a whole is enough: I am not asking for a "
                             "breakdown by supplier.")
    spend = fallback_rewording("What was the total spend on agency staff in 2023?", "s31",
                               "the council")
    assert "supplier or individual payment" in spend.text and "team" not in spend.text


def test_a_which_or_reasons_part_becomes_a_count_or_categories_not_dropped():
    ofsted = fallback_rewording("How many inspections were carried out of unregistered "
                                "alternative provision in 2023, and which settings were found to "
                                "be operating illegally?", "s31", "the authority")
    assert ofsted.text == ("How many inspections were carried out of unregistered alternative "
                           "provision in 2023, and how many settings were found to be operating "
                           "illegally? I am not asking which settings they were.")
    reasons = fallback_rewording("How many officers were suspended in 2023, and what were the "
                                 "reasons for each suspension?", "s31", "the force")
    assert reasons.text.startswith("How many officers were suspended in 2023, by category of "
                                   "reason?")
    events = fallback_rewording("How many times has the force used facial recognition "
                                "technology, and at which events?", "s31", "the force")
    assert events.text.startswith("How many times has the force used facial recognition "
                                  "technology? The number alone is enough")


def test_a_wording_that_is_the_question_itself_is_offered_as_send_as_it_is():
    from bot.assessment import QuestionAssessment
    from bot.render import question_text
    from bot.reword import Rewording, sends_as_asked
    from bot.tg_render import reword_view

    asked = "How many police officers did the force employ on 31 March 2024?"
    assert sends_as_asked(asked, "how many police officers did the force employ on 31 March 2024")
    assert not sends_as_asked(asked, "How many officers did the force employ in 2024?")
    q = QuestionAssessment(text=asked, risk=0.5, level="medium", likely_exemptions=[],
                           precedents=[], explanation="",
                           rewordings=[Rewording(asked, "Nothing in this question needs "
                                                        "narrowing.")])
    shown = question_text(1, q)
    assert "Send as it is: \"How many police officers" in shown and "Try instead" not in shown
    from bot.assessment import Assessment, Overall
    a = Assessment(questions=[q], overall=Overall(risk=0.5, verdict="", likely_exemptions=[],
                                                  advice=[], revised_draft=asked))
    assert "Send as it is: <code>How many police officers" in reword_view(a, 1)
