"""Round 5 of the rewording audit (ux13): a monthly split becomes the year in good English, a
Scottish or Welsh health board is called one, a cyber-attack question keeps its own subject,
the 'single figure' and 'yes or no' sentences only where they narrow, and s40 rewordings keep
what the user asked."""

from bot.reword import body_noun, fallback_rewording, pattern_rewordings


def _texts(question, body=None):
    return [r.text for r in pattern_rewordings(question, body=body)]


# -- 1: 'for each month of 2023' becomes 'in 2023' -------------------------------------------
AMBULANCE = ("Please tell me the mean category 2 response time for each month of 2023 in the "
             "London Borough of Croydon, and the number of patients who died while waiting for "
             "an ambulance.")
BUSES = ("Please provide the number of assaults on bus drivers on route 38 in each month of "
         "2023, and the location of every CCTV camera on those buses.")


def test_for_each_month_of_a_year_becomes_in_that_year():
    found = _texts(AMBULANCE, "the trust")
    assert found[0].startswith("Please tell me the mean category 2 response time in 2023 in the "
                               "London Borough of Croydon")
    assert not any("for of" in t or " of 2023" in t for t in found)


def test_in_each_month_of_a_year_becomes_in_that_year():
    assert _texts("How many fly-tipping reports were made in each month of 2023?")[0] == (
        "How many fly-tipping reports were made in 2023?")
    assert _texts("How many fly-tipping reports were made for each month since 2020?")[0] == (
        "How many fly-tipping reports were made in each year since 2020?")


def test_a_question_that_also_asks_where_cameras_are_is_not_offered_a_period_only_rewording():
    found = _texts(BUSES, "the authority")
    assert found[0].startswith("Please provide the number of assaults on bus drivers on route "
                               "38 in each month of 2023. Please also provide the authority's "
                               "policy or code of practice for its CCTV.")
    assert not any("route 38 of 2023" in t for t in found)
    assert all("location of every CCTV camera" not in t for t in found)


# -- 2: a Scottish or Welsh health board, and a cyber question keeping its subject -----------
def test_scottish_and_welsh_health_boards_are_called_the_health_board():
    assert body_noun("NHS Dumfries and Galloway") == "the health board"
    assert body_noun("NHS Greater Glasgow and Clyde") == "the health board"
    assert body_noun("Betsi Cadwaladr University Health Board") == "the health board"
    assert body_noun("Leeds Teaching Hospitals NHS Trust") == "the trust"


def test_records_affected_by_a_named_attack_are_not_swapped_for_breaches_reported():
    q = "How many patients' records were affected by the 2024 cyber attack?"
    assert not any("personal data breaches" in t for t in _texts(q, "the health board"))
    kept = fallback_rewording(q, "s31", body_noun("NHS Dumfries and Galloway"))
    assert kept.text.startswith(q)
    assert "the trust" not in kept.text


def test_a_count_of_attacks_still_becomes_breaches_reported_to_the_ico():
    found = _texts("How many cyber attacks did the council suffer in 2023?", "the council")
    assert found[0].startswith("How many personal data breaches did the council report to the "
                               "Information Commissioner's Office")


# -- 5: whether a ransom was paid stays that question -----------------------------------------
def test_whether_a_ransom_was_paid_stays_the_ransom_question():
    [found] = _texts("whether the council paid a ransom", "the council")
    assert found == ("Please confirm whether the council paid a ransom. A yes or no answer is "
                     "enough: I am not asking for the amount, how it was paid or anything about "
                     "the attackers.")
    assert "audit or governance committee" not in found


def test_a_ransom_question_names_the_attack_it_asks_about():
    [found] = _texts("Did the board pay a ransom after the 2024 cyber attack?",
                     "the health board")
    assert found.startswith("Please confirm whether the health board paid a ransom after the "
                            "2024 cyber attack.")
    why = pattern_rewordings("whether the council paid a ransom", body="the council")[0].why
    assert "s31(3)" in why


def test_the_hackney_revised_draft_keeps_the_ransom_question():
    from bot.assessment import QuestionAssessment
    from bot.overall import revised_draft

    asked = "whether the council paid a ransom"
    q = QuestionAssessment(text=asked, risk=0.7, level="high", likely_exemptions=[],
                           precedents=[], explanation="",
                           rewordings=pattern_rewordings(asked, body="the council"))
    draft = revised_draft([q], [])
    assert "ransom" in draft and "audit or governance committee" not in draft


# -- 3: the 'single figure' and 'yes or no' sentences only where they narrow ------------------
def test_source_code_beside_figures_is_dropped_and_the_figures_kept():
    found = fallback_rewording("What was the total spend on the Digital Registration Service IT "
                               "project, how many days were the systems unavailable in 2024, and "
                               "the source code of the system.", "s31", "the authority")
    assert found.text == ("What was the total spend on the Digital Registration Service IT "
                          "project, and how many days were the systems unavailable in 2024? The "
                          "figures alone are enough: I am not asking for the source code of the "
                          "system.")
    assert "single figure" not in found.text


def test_detection_methods_beside_a_count_are_dropped_not_called_a_single_figure():
    found = fallback_rewording("Please provide the number of drug seizures at HMP Barlinnie in "
                               "2023 and the methods used to detect drugs entering the prison.",
                               "s31", "the authority")
    assert found.text == ("Please provide the number of drug seizures at HMP Barlinnie in 2023. "
                          "The figure alone is enough: I am not asking for the methods used to "
                          "detect drugs entering the prison.")


def test_names_of_companies_beside_figures_get_no_single_figure_sentence():
    q = ("Please tell me how many times the DVLA sold vehicle keeper data to private parking "
         "companies in 2023, how much income this generated, and the names of the companies.")
    found = fallback_rewording(q, "s31", "the department")
    assert found.text.startswith(q) and "names of the companies" in found.text
    assert "single figure" not in found.text
    assert "please give the rest" in found.text


def test_a_yes_or_no_about_an_investigation_gets_no_systems_and_suppliers_sentence():
    q = "Whether any officer is currently under investigation by the IOPC for that death."
    for section in ("s12", "s30", "s31"):
        found = fallback_rewording(q, section, "the force")
        assert "systems, suppliers" not in found.text, section
        assert found.text.startswith("Please confirm whether any officer is currently under "
                                     "investigation by the IOPC for that death.")
    cellebrite = fallback_rewording("Does the force use Cellebrite?", "s31", "the force")
    assert "A yes or no answer is enough" in cellebrite.text


# -- 4: s40 rewordings keep what the user asked -----------------------------------------------
LEWIS = ("What expenses did Councillor James Lewis claim in 2023-24? Please give the total, the "
         "breakdown by category, and the receipts.")


def test_a_named_councillors_expenses_keep_the_name_and_point_at_the_published_record():
    [found] = _texts(LEWIS, "the council")
    assert found.startswith(LEWIS)
    assert "Councillor James Lewis only in their public role" in found
    assert "please tell me where" in found
    assert "anonymised totals" not in found.lower() and "councillors claim" not in found
    s40 = fallback_rewording(LEWIS, "s40", "the council")
    assert s40.text == found and "public roles" in s40.why


def test_names_of_officers_on_duty_or_responsible_become_ranks_and_senior_names_not_a_count():
    [duty] = _texts("Please provide the names of the custody officers on duty on 12 June 2023.")
    assert duty.startswith("Please provide the job title and rank of each of the custody "
                           "officers on duty on 12 June 2023, and the names of those at senior "
                           "level")
    responsible = fallback_rewording("The names of the officers responsible", "s40",
                                     "the department")
    assert responsible.text.startswith("Please provide the job title and grade of each of the "
                                       "officers responsible, and the names of those at senior "
                                       "level")
    for text in (duty, responsible.text):
        assert "number of" not in text and "Anonymised totals" not in text


def test_correspondence_with_names_is_asked_with_junior_staff_redacted_not_as_totals():
    ofsted = ("Please provide all correspondence, notes, emails and drafts relating to the "
              "inspection of St Mary's Primary School, Bolton in March 2023, including the names "
              "of the inspectors and their individual notes.")
    found = fallback_rewording(ofsted, "s40", "the authority")
    assert found.text.startswith(ofsted)
    assert found.text.endswith("with the personal details of junior staff and members of the "
                               "public redacted; the names of senior officials and of anyone "
                               "acting in a public role are usually released.")
    assert "number of inspectors" not in found.text and "totals" not in found.text
    assert "redacted" in found.why


def test_contracts_with_the_names_of_referrers_keep_the_names_asked():
    vip = ("Please provide all contracts awarded through the VIP lane for PPE in 2020, the names "
           "of those who referred companies to the VIP lane, and the total value.")
    found = _texts(vip, "the department")[0]
    assert found.startswith(vip) and "junior staff and members of the public redacted" in found
    assert "the number of those who referred" not in found and "Anonymised" not in found


def test_names_of_people_who_approved_a_contract_are_not_taken_for_the_contract():
    found = fallback_rewording("Please provide the names of the civil servants who approved the "
                               "contract.", "s40", "the department")
    assert "job title and grade" in found.text and "redacted" not in found.text


def test_a_national_body_that_names_its_own_kind_is_not_called_the_department():
    assert body_noun("Peak District National Park Authority") == "the authority"
    assert body_noun("Scottish Prison Service") == "the service"
    assert body_noun("Metropolitan Police Service") == "the force"
    assert body_noun("Department for Education") == "the department"


def test_a_yes_or_no_under_personal_data_asks_no_names_not_anonymised_totals():
    found = fallback_rewording("Whether any officer is currently under investigation by the "
                               "IOPC for that death.", "s40", "the force")
    assert found.text == ("Please confirm whether any officer is currently under investigation "
                          "by the IOPC for that death. I am not asking for anyone's name or for "
                          "any detail that would identify them.")
    assert "s40(5)" in found.why


def test_a_health_body_that_is_no_trust_is_not_called_the_trust():
    from bot.reword import body_noun

    assert body_noun("NHS England") == "the organisation"
    assert body_noun("NHS Kent and Medway Integrated Care Board") == "the board"
    assert body_noun("NHS Business Services Authority") == "the authority"
    assert body_noun("Great Ormond Street Hospital") == "the hospital"
    assert body_noun("Leeds Teaching Hospitals NHS Trust") == "the trust"
    assert body_noun("NHS Lothian") == "the health board"


def test_a_personal_data_rewordings_reason_fits_what_it_asks_instead_of_names():
    from bot.reword import pattern_rewordings

    asked = {r.text: r.why for r in pattern_rewordings(
        "Please provide the names of the custody officers on duty on 12 June 2023.")}
    titles = [why for text, why in asked.items() if "rank" in text or "job title" in text]
    assert titles and all("Anonymised aggregates" not in why for why in titles)
    assert all("Anonymised aggregates" not in why for text, why in asked.items()
               if "redact" in text)
