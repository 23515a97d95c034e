"""The pure parts of the check: risk features, exemptions, rewordings, explanations, authorities."""

from __future__ import annotations

import os

import pytest

from bot import risk
from bot.authority import match_authority
from bot.explain import explain, explain_citation
from bot.reword import pattern_rewordings, precedent_rewordings, usable_wording
from index.search import Precedent


def _n(sim, outcome, *ex):
    return risk.Neighbour(sim, outcome, tuple(ex))


def _p(pid, question, outcome, sim, authority="Devon County Council"):
    return Precedent(id=pid, question=question, authority=authority, date="2021-01-01",
                     reference="R1", outcome=outcome, exemptions=(), similarity=sim,
                     source_url=None)


def test_cues_raise_named_systems_and_lower_policies():
    up, down = risk.cues("Which firewall products do you use and when were they last patched?")
    assert "asks for named systems, products or suppliers" in up
    assert "asks about versions or patching" in up
    up, down = risk.cues("Please provide your information security policy and any Cyber "
                         "Essentials certification.")
    assert not up
    assert {"asks for a policy or procedure", "asks whether a certification is held"} <= set(down)


def test_asking_where_cameras_are_raises_the_risk_however_it_is_worded():
    for text in ("Please list the locations of all ANPR cameras.",
                 "How many CCTV cameras does the council operate, and where is each located?",
                 "Where are your speed cameras sited?"):
        assert "asks where cameras or sensors are" in risk.cues(text)[0], text
    assert "asks where cameras or sensors are" not in risk.cues(
        "How much did the council spend on CCTV cameras in 2023?")[0]


def test_the_staff_count_cue_is_for_counting_staff_not_complaints_about_them():
    staff = "asks how many staff work on something"
    assert staff in risk.cues("How many staff work in the IT security team?")[1]
    assert staff in risk.cues("How many officers are employed in the cyber crime unit?")[1]
    for text in ("How many complaints were made against police officers in 2023?",
                 "How many officers are trained to use Tasers?",
                 "How many staff were made redundant in 2023?"):
        assert staff not in risk.cues(text)[1], text
    # nor is every count of incidents a count of attacks
    assert not risk.cues("How many domestic abuse incidents were recorded in 2023?")[0]
    assert "counts attacks or incidents" in risk.cues("How many cyber incidents were there?")[0]


def test_knn_rate_follows_the_closest_neighbours():
    refused = [_n(0.9, "ncnd", "s31(3)"), _n(0.85, "refused", "s31(1)(a)"), _n(0.4, "answered")]
    answered = [_n(0.9, "answered"), _n(0.88, "answered"), _n(0.4, "refused", "s31")]
    assert risk.knn_rate(refused, 0.3) > 0.8
    assert risk.knn_rate(answered, 0.3) < 0.2
    assert risk.knn_rate([], 0.3) == 0.3


def test_calibrated_score_is_monotone_in_the_neighbours_and_cues():
    cal = risk.Calibration()
    low = risk.score(risk.features("How many bins?", [_n(0.9, "answered")], 0.3), cal)
    high = risk.score(risk.features("Which antivirus product do you use?",
                                    [_n(0.9, "refused", "s31(1)(a)")], 0.3), cal)
    assert 0 < low < 0.5 < high < 1


def test_no_close_precedent_is_unknown_not_a_guess():
    assert risk.level(0.9, top_similarity=0.2) == "unknown"
    assert risk.level(0.9, top_similarity=0.8) == "high"
    assert risk.level(0.1, top_similarity=0.8) == "low"


def test_likely_exemptions_flag_ncnd_and_name_the_subsection():
    found = risk.likely_exemptions([_n(0.9, "ncnd", "s31(3)"), _n(0.8, "ncnd", "s31(3)"),
                                    _n(0.7, "refused", "s40(2)")], risk=0.8)
    assert found[0]["section"] == "s31" and found[0]["subsection"] == "s31(3)"
    assert found[0]["ncnd"] is True
    assert found[0]["probability"] > found[1]["probability"]
    assert all(0 <= e["probability"] <= 0.8 for e in found)


def test_fit_calibration_learns_the_direction_of_each_feature():
    rows = [([2.0, 1.0, 0.0], 1)] * 30 + [([-2.0, 0.0, 1.0], 0)] * 30 + \
        [([0.0, 0.0, 0.0], 1)] * 10 + [([0.0, 0.0, 0.0], 0)] * 10
    cal = risk.fit_calibration(rows, 0.5)
    assert cal.w_knn > 0
    assert risk.score([2.0, 1.0, 0.0], cal) > 0.9 > 0.1 > risk.score([-2.0, 0.0, 1.0], cal)


def test_a_question_checked_alone_scores_as_it_would_without_a_draft():
    neighbours = [_n(0.9, "refused", "s31(1)(a)"), _n(0.8, "answered")]
    assert risk.draft_contexts([risk.knn_logit(neighbours, 0.3)]) == [None]
    alone = risk.features("Which firewall do you use?", neighbours, 0.3, draft=None)
    assert alone[4] == 0.0
    cal = risk.Calibration(w_draft=1.2)
    assert risk.score(alone, cal) == risk.score(alone[:4], cal)


def test_a_draft_of_refused_lookalikes_raises_a_harmless_question_but_not_its_own_weight():
    harmless = [_n(0.9, "answered"), _n(0.85, "answered")]
    sensitive = [_n(0.9, "ncnd", "s31(3)"), _n(0.85, "refused", "s31(1)(a)")]
    logits = [risk.knn_logit(n, 0.3) for n in (harmless, sensitive, sensitive)]
    rest = risk.draft_contexts(logits)
    assert rest[0] == logits[1]  # the harmless question's companions: the two sensitive ones
    assert rest[1] == (logits[0] + logits[2]) / 2
    cal = risk.Calibration(w_draft=0.8)
    alone = [risk.score(risk.features("q", n, 0.3), cal) for n in (harmless, sensitive)]
    drafted = [risk.score(risk.features("q", n, 0.3, draft=d), cal)
               for n, d in ((harmless, rest[0]), (sensitive, rest[1]))]
    assert drafted[0] > alone[0]  # pulled up by its company
    assert drafted[0] < drafted[1]  # each still scored on its own precedents first
    # the question's own neighbours keep their weight: two questions of one draft with the
    # same companions differ exactly as they would alone
    same = [risk.features("q", n, 0.3, draft=rest[0]) for n in (harmless, sensitive)]
    assert same[1][0] - same[0][0] == risk.features("q", sensitive, 0.3)[0] - \
        risk.features("q", harmless, 0.3)[0]


def test_fit_calibration_fits_the_draft_on_top_of_the_questions_own_model():
    # refusal follows the question's own neighbours, and, given them, the draft's pull
    rows = ([([2.0, 0, 0, 0, 0.0], 1)] * 30 + [([-2.0, 0, 0, 0, 0.0], 0)] * 30
            + [([0.0, 0, 0, 0, 2.0], 1)] * 25 + [([0.0, 0, 0, 0, 2.0], 0)] * 5
            + [([0.0, 0, 0, 0, -2.0], 0)] * 25 + [([0.0, 0, 0, 0, -2.0], 1)] * 5)
    cal = risk.fit_calibration(rows, 0.5)
    own = risk.fit_calibration([(f[:4], y) for f, y in rows], 0.5)
    assert cal.w_knn == own.w_knn > 0  # the draft does not take the neighbours' weight
    assert cal.bias == own.bias  # and a question alone scores exactly as without drafts
    assert cal.w_draft > 0.3
    assert risk.score([0.0, 0, 0, 0, 2.0], cal) > 0.7 > 0.3 > risk.score([0.0, 0, 0, 0, -2.0], cal)


def test_attack_counts_are_reworded_to_ico_reported_breaches():
    found = pattern_rewordings("How many cyber attacks did the council suffer each month?")
    texts = [r.text for r in found]
    assert any("report to the Information Commissioner's Office" in t for t in texts)
    assert any(t == "How many cyber attacks did the council suffer in each year?" for t in texts)
    assert all(r.why for r in found)


def test_product_questions_are_reworded_without_product_names():
    found = pattern_rewordings("Which antivirus software does the council use?")
    assert found and "not asking for the names or versions" in found[0].text


def test_precedent_wordings_must_be_answered_whole_and_different():
    precedents = [_p("1", "anti-virus software", "answered", 0.9),
                  _p("2", "Do you have a documented information security policy in place?",
                     "answered", 0.8),
                  _p("3", "Which firewall do you use and who supplies it to you?", "refused", 0.9),
                  _p("4", "Do you have a documented information security policy in place?",
                     "answered", 0.3)]
    found = precedent_rewordings(precedents, "Which firewall do you use?")
    assert [r.based_on for r in found] == [("2",)]
    assert "Devon County Council" in found[0].why
    assert not usable_wording("Which firewall do you use?", "Which firewall do you use?")


def test_ncnd_is_explained_by_name():
    assert explain("NCND").startswith('"Neither confirm nor deny" (NCND) means')


def test_explanations_are_plain_and_unknown_sections_say_so():
    assert "law enforcement" in explain_citation("s31(1)(a)")
    assert "neither confirm nor deny" in explain_citation("s31(3)", ncnd=True)
    assert explain("s31").startswith("s31 — law enforcement")
    assert "How requesters get around it" in explain("section 12")
    assert "I have no note" in explain("s99")
    for asked, head in (("regulation 12(4)(b)", "r12 — EIR"), ("EIR 12(5)(e)", "r12 — EIR"),
                        ("12(5)(b)", "r12 — EIR"), ("s26", "s26 — defence"),
                        ("cost limit", "s12 — cost limit"), ("personal data", "s40 —")):
        assert explain(asked).startswith(head), asked
    assert "r12(5)(e) in particular: commercial" in explain("regulation 12(5)(e)")
    assert "How requesters get around it" in explain("NCND")
    for asked, head in (("s16", "s16 — advice and assistance"), ("internal review",
                                                                   "Internal review"),
                        ("EIR", "EIR — the Environmental"), ("s10", "s10 — time limits")):
        assert explain(asked).startswith(head), asked


def test_authority_matching_with_suggestions():
    names = ["London Borough of Barnet", "barnet.gov.uk", "Leicester City Council",
             "Leicestershire County Council", "Devon County Council"]
    assert match_authority("barnet", names) == ("London Borough of Barnet", [])
    assert match_authority("Devon", names) == ("Devon County Council", [])
    found, suggestions = match_authority("leicster", names)
    assert found in (None, "Leicester City Council")
    assert found or "Leicester City Council" in suggestions
    assert match_authority("", names) == (None, [])


def test_a_force_a_council_and_an_nhs_body_of_one_county_are_three_authorities():
    from corpus.header import authority_key

    keys = {authority_key(n) for n in ("Surrey Police", "Surrey County Council", "NHS Surrey")}
    assert len(keys) == 3
    assert {authority_key(n) for n in ("Metropolitan Police", "Metropolitan Police Service",
                                       "Met Police", "Commissioner of the Metropolitan Police")
            } == {"metropolitan police"}
    assert authority_key("TfL") == authority_key("Transport for London")
    names = ["Lincolnshire County Council", "Blackpool Teaching Hospitals NHS FT",
             "hastings.gov.uk", "Hastings Borough Council", "Metropolitan Police"]
    # no force is matched to a council, nor a trust to another town's trust
    assert match_authority("Lincolnshire Police", names)[0] is None
    assert match_authority("Leeds Teaching Hospitals NHS Trust", names)[0] is None
    assert match_authority("Metropolitan Police Service", names) == ("Metropolitan Police", [])
    # a name, not a web domain, stands for its spellings
    assert match_authority("hastings", names) == ("Hastings Borough Council", [])


def test_evaluation_draws_neighbours_from_every_known_outcome_as_the_check_does():
    import numpy as np

    from bot.evaluate import SPLITS, _neighbour_lists, known

    rows = [{"id": 1, "document_id": "a", "authority": "Dorset Police", "outcome": "refused",
             "exemptions": ["s31(1)(a)"]}]
    others = [{"id": 2, "document_id": "b", "authority": "Kent Police", "outcome": "partial",
               "exemptions": ["s40(2)"], "answer": "Names withheld under s40(2)."},
              {"id": 3, "document_id": "c", "authority": "Barnet Council", "outcome": "unknown",
               "exemptions": []},
              {"id": 4, "document_id": "a", "authority": "Dorset Police", "outcome": "answered",
               "exemptions": []}]
    pool = known(rows + others)
    assert [r["id"] for r in pool] == [1, 2, 4]
    hits = (np.array([[1, 2, 3, 4]]), np.array([[1.0, 0.9, 0.8, 0.7]]))
    found = _neighbour_lists(rows, pool, hits, SPLITS[0], named=True)[0]
    assert [(n.outcome, n.weight_boost) for n in found] == [("partial", risk.KIND_BOOST)]


def test_a_short_request_part_is_shown_with_the_subject_of_its_request():
    part = Precedent(id="9", question="make and model", authority="PSNI", date=None,
                     reference=None, outcome="refused", exemptions=(), similarity=0.6,
                     source_url=None, title="Radio and body worn video upgrade (WhatDoTheyKnow "
                     "request to PSNI), Sep 2024")
    assert part.in_context() == "make and model (part of: Radio and body worn video upgrade)"
    whole = _p("1", "Do you have a documented information security policy in place?",
               "answered", 0.8)
    assert whole.in_context() == whole.question
    bare = Precedent(id="8", question="anti-virus software", authority="Dover", date=None,
                     reference=None, outcome="refused", exemptions=(), similarity=0.6,
                     source_url=None, title="FI15952 (Dover District Council)")
    assert bare.in_context() == "anti-virus software"  # a reference number is no subject


def test_one_reply_citing_both_likely_exemptions_is_quoted_once():
    from bot.advice import _explanation, _Scored

    reply = Precedent(id="7", question="Which firewall do you use?", authority="Barnet",
                      date="2021", reference="R7", outcome="refused",
                      exemptions=("s31(1)(a)", "s24(1)"), similarity=0.8, source_url=None,
                      answer="Exempt under s31(1)(a) and s24(1): it would help attackers.")
    scored = _Scored(0.8, "high", [
        {"section": "s31", "subsection": "s31(1)(a)", "probability": 0.5, "ncnd": False},
        {"section": "s24", "subsection": "s24(1)", "probability": 0.3, "ncnd": False}], [])
    text = _explanation(scored, [reply])
    assert text.count("it would help attackers") == 1
    assert "s24(1)" in text and "s31(1)(a)" in text


def test_the_quoted_reasoning_is_a_reason_to_refuse_not_what_was_disclosed():
    from bot.advice import _explanation, _Scored

    def reply(pid, sim, answer):
        return Precedent(id=pid, question="CCTV camera locations", authority=f"Force {pid}",
                         date="2021", reference=None, outcome="partial",
                         exemptions=("s31(1)(a)",), similarity=sim, source_url=None,
                         answer=answer)

    closest = reply("1", 0.9, "some relevant information held and provided in an attachment "
                              "where no exemption applies;")
    reasoned = reply("2", 0.8, "The force operates 33 fixed ANPR sites. Locations cannot be "
                               "disclosed: exempt under Section 31(1)(a) Law Enforcement.")
    scored = _Scored(0.7, "high", [
        {"section": "s31", "subsection": "s31(1)(a)", "probability": 0.5, "ncnd": False}], [])
    text = _explanation(scored, [closest, reasoned])
    assert 'Force 2, 2021 said: "Locations cannot be disclosed: exempt under Section 31(1)(a)' \
        in text
    assert "provided in an attachment" not in text and "33 fixed ANPR sites" not in text
    # with no reply that gives a reason, nothing is quoted
    assert " said: " not in _explanation(scored, [closest])


def test_the_authoritys_own_precedents_lead_only_when_they_are_close():
    from bot.advice import ordered_precedents

    found = [_p("1", "ransomware measures", "refused", 0.33, "London Borough of Barnet"),
             _p("2", "anti-virus software", "refused", 0.80, "Dover District Council"),
             _p("3", "antivirus product", "ncnd", 0.70, "London Borough of Barnet"),
             _p("4", "infections", "answered", 0.50, "Royal Surrey NHS FT")]
    shown = ordered_precedents(found, "London Borough of Barnet")
    assert [p.id for p in shown] == ["3", "2", "4", "1"]
    assert [p.id for p in ordered_precedents(found, None)] == ["2", "3", "4", "1"]


def test_a_draft_with_no_close_precedent_gets_no_verdict_of_what_was_answered():
    from bot.assessment import QuestionAssessment
    from bot.overall import verdict

    def q(level):
        return QuestionAssessment(text="asdf", risk=0.2, level=level, likely_exemptions=[],
                                  precedents=[], explanation="", rewordings=[])

    assert verdict([q("unknown")], []) == (
        "No close precedent: nothing asked before is near enough to judge this question by.")
    assert verdict([q("low"), q("unknown")], []).startswith(
        "Low risk: similar questions were usually answered (2 checked); 1 with no close")


def test_the_revised_draft_never_puts_one_rewording_in_for_two_questions():
    from bot.assessment import QuestionAssessment
    from bot.overall import revised_draft
    from bot.reword import Rewording

    count = Rewording("Please provide the total number of ANPR cameras in the district.", "")

    def q(text, level, rewordings):
        return QuestionAssessment(text=text, risk=0.7, level=level, likely_exemptions=[],
                                  precedents=[], explanation="", rewordings=rewordings)

    draft = revised_draft([q("How many ANPR cameras does the force operate?", "high", [count]),
                      q("Who supplies the ANPR cameras?", "high", [count]),
                      q("Where are they?", "high", [count, Rewording("How many are there?", "")])],
                     [])
    lines = draft.splitlines()
    assert lines[0] == "1. Please provide the total number of ANPR cameras in the district."
    assert lines[1] == "2. Who supplies the ANPR cameras?"  # its own words, not the count again
    assert lines[2] == "3. How many are there?"


def test_an_unlikely_exemption_gets_no_paragraph():
    from bot.advice import _explanation, _Scored

    scored = _Scored(0.2, "low", [
        {"section": "s31", "subsection": "s31(1)(a)", "probability": 0.03, "ncnd": False}], [])
    assert "law enforcement" not in _explanation(scored, [])
    likely = _Scored(0.7, "high", [
        {"section": "s31", "subsection": "s31(1)(a)", "probability": 0.4, "ncnd": False}], [])
    assert "law enforcement" in _explanation(likely, [])


def test_a_letter_greeting_a_body_names_the_authority_and_a_person_does_not():
    from bot.greeting import greeted

    assert greeted("Dear Sheffield City Council,\nHow many fines?") == "Sheffield City Council"
    assert greeted("To West Midlands Police: how many stops?") == "West Midlands Police"
    for text in ("Dear Sir/Madam,\nHow many?", "Dear FOI Team,\nHow many?",
                 "Dear Jane Smith,\nHow many?", "Dear Customer Service,\nHow many?",
                 "How many fines?"):
        assert greeted(text) is None, text


def test_a_follow_up_is_searched_with_the_question_it_follows():
    from bot.follow_ups import with_antecedents

    asked = ["How many stop and searches were carried out in 2023?",
             "How many resulted in an arrest?", "Where are they located?",
             "What is the council's annual budget for road repairs in 2024?"]
    found = with_antecedents(asked)
    assert found[0] == asked[0] and found[3] == asked[3]
    assert found[1] == f"{asked[0]} {asked[1]}"
    assert found[2] == f"{asked[0]} {asked[1]} {asked[2]}"  # back to where the subject is named


def test_opinions_and_a_named_private_person_get_their_own_advice():
    from bot.overall import general_advice

    opinion = general_advice("Does the council think this was the right decision?", [])
    assert any(a.startswith("Recorded information only") for a in opinion)
    person = general_advice("Please provide all information you hold about Mr John Peters of "
                            "14 Acacia Avenue.", [])
    assert any("subject access request" in a for a in person)
    plain = general_advice("How many parking fines were issued in 2023?", [])
    assert not any(a.startswith("Recorded information only") or "subject access" in a
                   for a in plain)


def test_the_send_it_alone_rewording_needs_a_real_move_and_drops_also():
    from bot.advice import _rewordings, _Scored

    text = "Please also provide the number of staff in the IT team."
    moved = _Scored(0.5, "medium", [], [], risk_alone=0.2, level_alone="low")
    [first, *_] = _rewordings(text, moved, [], None)
    assert first.text == "Please provide the number of staff in the IT team."
    assert first.why.startswith("Sent as a request of its own")
    barely = _Scored(0.351, "medium", [], [], risk_alone=0.349, level_alone="low")
    assert not any(r.why.startswith("Sent as a request of its own")
                   for r in _rewordings(text, barely, [], None))


def test_a_short_past_tense_question_follows_the_event_before_it():
    from bot.follow_ups import antecedents

    assert antecedents(["How many patients were affected by the data breach in March?",
                        "Were patients told?", "Was anyone disciplined?"]) == [None, 0, 1]
    assert antecedents(["Has the council suffered a ransomware attack since 2020?",
                        "Was a ransom paid?"]) == [None, 0]
    # a question of its own: it names who acts, or its own period, or is in the present
    assert antecedents(["How many cyber attacks were there in 2023?",
                        "Did you pay a ransom?", "Were staff trained in 2022?",
                        "Do you hold Cyber Essentials?",
                        "Has Cyber Essentials been achieved?"]) == [None] * 5


def test_a_follow_up_citing_an_earlier_part_is_searched_with_that_part():
    from bot.follow_ups import antecedents, with_antecedents

    asked = ["How many ANPR cameras does the force operate?",
             "How many speed cameras does the force operate?",
             "Where is each of the cameras in (a) located?",
             "What was spent on the cameras in question 2?",
             "What is the force's budget for road safety in 2024?"]
    assert antecedents(asked) == [None, None, 0, 1, None]
    assert with_antecedents(asked)[2] == f"{asked[0]} {asked[2]}"


def test_a_follow_up_goes_with_its_question_when_a_split_is_advised():
    from bot.assessment import QuestionAssessment
    from bot.overall import general_advice

    def q(text, level, follows=None):
        return QuestionAssessment(text=text, risk=0.5, level=level, likely_exemptions=[],
                                  precedents=[], explanation="", rewordings=[],
                                  follows=follows)

    advice = general_advice("", [q("Which firewall do you use?", "high"),
                                 q("How many IT staff are there?", "low"),
                                 q("If so, when was it bought?", "low", follows=0)])
    split = next(a for a in advice if a.startswith("Split the request"))
    assert split.startswith("Split the request: send question 2 on its own and questions 1 and 3")


def test_a_lettered_drafts_cross_references_follow_the_revised_numbering():
    from bot.assessment import QuestionAssessment
    from bot.overall import overall as draft_overall

    def q(text):
        return QuestionAssessment(text=text, risk=0.1, level="low", likely_exemptions=[],
                                  precedents=[], explanation="", rewordings=[])

    draft = "(a) How many CCTV cameras are there?\n(b) How many in (a) work?"
    revised = draft_overall([q("How many CCTV cameras are there?"), q("How many in (a) work?")],
                       draft).revised_draft
    assert "2. How many in question 1 work?" in revised.splitlines()


def test_a_follow_up_in_plain_words_names_its_question_and_a_typo_its_command():
    from bot.conversation import _REWORD, _WHY, did_you_mean, question_number

    for line, ref in (("why is question 2 risky?", "2"), ("why 3", "3"),
                      ("why is the second one likely to be refused?", "2"),
                      ("why is the last one risky", "-1")):
        m = _WHY.match(line)
        assert m and question_number(next((g for g in m.groups() if g), None)) == ref, line
    assert _WHY.match("Why did the council close the library?") is None  # a draft's question
    assert _WHY.match("Why is the council closing libraries?") is None
    m = _REWORD.match("can you reword the third question?")
    assert m and question_number(m.group(1)) == "3"
    assert did_you_mean("helpp") == "help" and did_you_mean("rewrod 2") == "reword"
    assert did_you_mean("How many fines?") is None and did_you_mean("why 2") is None


def test_a_council_is_never_matched_to_a_university_trust_or_fire_service_of_its_place():
    known = ["University of Leeds", "Oxford University Hospitals NHS FT",
             "Hampshire Fire and Rescue Service", "University Hospitals Birmingham NHS FT",
             "Birmingham City Council"]
    assert match_authority("Leeds City Council", known)[0] is None
    assert match_authority("Oxford City Council", known)[0] is None
    assert match_authority("Hampshire County Council", known)[0] is None
    assert match_authority("Birmingham City Council", known) == ("Birmingham City Council", [])
    # offered only, after the council the bare place most often means
    assert match_authority("leeds", known) == (None, ["Leeds Council", "University of Leeds"])


def test_a_near_spelling_must_name_the_same_place_with_the_same_qualifiers():
    known = ["East Cambridgeshire District Council", "South Derbyshire District Council",
             "Scottish Police", "North Yorkshire Police", "Police Service of Northern Ireland",
             "Sheffield City Council", "Northumbria Police"]
    for other in ("East Ayrshire Council", "South Ayrshire Council", "Scottish Parliament",
                  "South Yorkshire Police", "Northern Ireland Water"):
        assert match_authority(other, known)[0] is None, other
    assert match_authority("Sheffeild City Council", known)[0] == "Sheffield City Council"
    assert match_authority("Northumbria Polce", known)[0] == "Northumbria Police"


def test_a_welsh_letter_names_its_body_and_its_greeting_is_no_question():
    from bot.advice import _questions
    from bot.greeting import greeted

    letter = "Annwyl Cyngor Gwynedd,\n\n1. How many second homes paid the premium in 2023?\n"
    assert greeted(letter) == "Gwynedd Council"
    assert _questions(letter) == ["How many second homes paid the premium in 2023?"]
    assert greeted("Dear Cyngor Sir Caerdydd,\n\n1. How much?") == "Cardiff Council"
    assert greeted("Dear Sir,\n\n1. How much?") is None
    assert greeted("Dear Department for Education,\n\n1. How much?") == \
        "Department for Education"
    assert greeted("Dear FOI team at Leeds City Council,\n\n1. How much?") == \
        "Leeds City Council"


def test_a_draft_to_a_company_is_told_foi_covers_public_bodies():
    from bot.authority import company_warning

    for name in ("Royal Bank of Scotland", "Scottish Widows", "Nationwide Building Society"):
        assert "not a public authority" in company_warning(name), name
    for name in ("Bank of England", "Kent County Council", "Department for Energy Security and "
                 "Net Zero", "NHS Business Services Authority", "HS2 Ltd", None,
                 "Student Loans Company Ltd", "Scottish Water", "Northern Ireland Water"):
        assert company_warning(name) is None, name
    for name in ("Serco Ltd", "Capita plc", "Mears Group plc"):  # private contractors
        assert "wholly owned by public bodies" in company_warning(name), name
        assert "s3(2)" in company_warning(name)
    assert "Environmental Information Regulations only" in company_warning("Thames Water")


def test_a_reply_quoted_under_a_pasted_email_is_not_part_of_the_draft():
    from bot.advice import _questions

    email = ("Dear Leeds City Council,\n\n1. How many PCNs were issued on Briggate in 2023?\n"
             "2. How many of those were cancelled on appeal?\n\n"
             "> On 1 March 2024, FOI Team wrote:\n> Thank you. We issued 145,000 PCNs.\n"
             "> Regards, FOI Team\n\nOn 2 March 2024, Leeds FOI wrote:\nAnything else?\n")
    assert _questions(email) == ["How many PCNs were issued on Briggate in 2023?",
                                 "How many of those were cancelled on appeal?"]


def test_the_wording_points_at_its_ground_when_the_neighbours_do_not():
    cctv = [_n(0.8, "refused", "s31(1)(a)")]  # neighbours from another kind of request
    for text, section in (("Please give the names of the teachers suspended this year.", "s40"),
                          ("Please provide the tender evaluation scores given to each bidder.",
                           "s43"),
                          ("The briefing papers given to the Prime Minister before the meeting.",
                           "s35"),
                          ("How many F-35 aircraft were available for operations in 2024?", "s26")):
        found = risk.likely_exemptions(cctv, 0.6, pointed=risk.exemption_cues(text))
        assert section in [e["section"] for e in found[:2]], text
    assert risk.exemption_cues("How many parking fines were issued in 2023?") == {}


def test_insults_and_repeated_requests_get_the_s14_advice_and_a_welsh_letter_is_read():
    from bot.greeting import greeted
    from bot.overall import general_advice

    rude = general_advice("You are a bunch of corrupt liars. How much did the consultants cost?",
                          [])
    assert any(a.startswith("Tone (s14)") for a in rude)
    again = general_advice("This is my fifth request on this subject since you keep refusing.",
                           [])
    assert any(a.startswith("Repeated requests (s14(2))") for a in again)
    assert not any("s14" in a for a in general_advice("How many fines were issued?", []))
    # after Annwyl, Welsh mutates Cyngor to Gyngor: still the council, by its English name
    assert greeted("Annwyl Gyngor Gwynedd,\nFaint o ddirwyon?") == "Gwynedd Council"


def test_a_request_for_ones_own_records_is_told_to_be_a_subject_access_request():
    from bot.assessment import QuestionAssessment
    from bot.overall import OWN_DATA_VERDICT
    from bot.overall import overall as draft_overall

    q = QuestionAssessment(text="Please send me all information you hold about me.", risk=0.1,
                           level="low", likely_exemptions=[], precedents=[], explanation="",
                           rewordings=[])
    overall = draft_overall([q], "Please send me all information you hold about me.")
    assert overall.verdict == OWN_DATA_VERDICT and overall.risk >= 0.9
    assert draft_overall([q], "How many fines did my council issue?").verdict != OWN_DATA_VERDICT


def test_a_follow_up_to_a_question_asked_differently_is_left_out_of_the_revised_draft():
    from bot.assessment import QuestionAssessment
    from bot.overall import revised_draft
    from bot.reword import Rewording

    governance = Rewording("Has the council's audit committee received reports on cyber risk?",
                           "")
    first = QuestionAssessment(text="Has the council suffered a ransomware attack?", risk=0.8,
                               level="high", likely_exemptions=[], precedents=[],
                               explanation="", rewordings=[governance])
    then = QuestionAssessment(text="If so, was a ransom paid?", risk=0.8, level="high",
                              likely_exemptions=[], precedents=[], explanation="",
                              rewordings=[], follows=0)
    lines = revised_draft([first, then], []).splitlines()
    assert lines[0] == f"1. {governance.text}"
    assert not any("ransom paid" in line and line.startswith("2.") for line in lines)
    assert '(Left out: your question 2 ("If so, was a ransom paid?"): it followed your ' \
           "question 1, which the revised draft asks differently.)" in lines


def test_everyday_words_about_the_draft_are_never_a_new_draft():
    from bot.conversation import about_the_draft, continues, small_talk

    for line in ("ok thanks", "yes", "bye", "great, thanks"):
        assert small_talk(line) is not None, line
    assert about_the_draft("can you check question 3 again?")
    assert not about_the_draft("How many risky buildings are there in the borough?")
    assert continues("1. How many potholes?", "2. How many were repaired?")
    assert not continues("1. How many potholes?", "1. How many bins?")


def test_an_authority_is_not_taken_for_another_of_its_kind_and_a_typo_in_its_kind_is_mended():
    from bot.authority import mend_body_words

    known = ["University of Salford", "University of Reading", "Nottinghamshire County Council",
             "Sheffield City Council", "Surrey Police", "Essex County Fire and Rescue Service",
             "Essex County Fire & Rescue Service"]
    assert match_authority("University of Oxford", known)[0] is None
    assert match_authority("University of Edinburgh", known)[0] is None
    assert match_authority("Nottingham City Council", known)[0] is None
    assert match_authority("Sheffeild City Council", known)[0] == "Sheffield City Council"
    assert match_authority("Surrey Polis", known)[0] == "Surrey Police"
    assert match_authority("Essex Fire", known)[0] == "Essex County Fire and Rescue Service"
    assert mend_body_words("kent polce") == "kent police"


def test_a_question_about_identifiable_people_is_a_refusal_cue_and_points_at_s40():
    for text in ("How many complaints were made about Mr Jenkins?",
                 "Please give the names of disciplined firefighters.",
                 "Please provide the disciplinary records of PC John Smith."):
        assert "names or identifies individuals" in risk.cues(text)[0], text
        assert "s40" in risk.exemption_cues(text), text
    for text in ("Please list the names of suppliers used.", "How many PC monitors?",
                 "What is the name of the software?"):
        assert "names or identifies individuals" not in risk.cues(text)[0], text


def test_a_how_many_follow_up_without_its_noun_is_a_follow_up_and_many_parts_are_warned_of():
    from bot.assessment import QuestionAssessment
    from bot.follow_ups import antecedents
    from bot.overall import general_advice

    assert antecedents(["How many taser discharges were there in 2023?",
                        "How many involved children?"]) == [None, 0]
    q = QuestionAssessment(text="How many?", risk=0.1, level="low", likely_exemptions=[],
                           precedents=[], explanation="", rewordings=[])
    advice = general_advice("Please send all correspondence about it.", [q] * 15)
    assert advice[0].startswith("Many parts (s12): 15 questions in one request is a lot")
    assert any(a.startswith("Cost limit (s12): 'all information'") for a in advice)


def test_an_environmental_request_is_advised_under_the_eir_whatever_it_cites():
    from bot.assessment import QuestionAssessment
    from bot.eir import EIR_NOTE, is_environmental
    from bot.overall import overall as draft_overall

    assert is_environmental("How many sewage discharges were recorded at Mogden in 2023?")
    assert not is_environmental("How many parking fines were issued in 2023?")
    q = QuestionAssessment(text="Please send all correspondence about storm overflows.",
                           risk=0.5, level="medium", likely_exemptions=[], precedents=[],
                           explanation="", rewordings=[])
    overall = draft_overall([q], "Please send all correspondence about sewage storm overflows.")
    assert EIR_NOTE in overall.advice
    assert any(a.startswith("Burden (EIR r12(4)(b)") for a in overall.advice)
    assert "regulation 9" in overall.revised_draft


def test_the_revised_draft_lists_a_prose_drafts_questions_as_questions():
    from bot.overall import as_asked

    assert as_asked("I am writing to ask how many children in care were placed outside the "
                    "county in 2023") == ("How many children in care were placed outside the "
                                          "county in 2023?")
    assert as_asked("whether any were placed in unregistered homes. Thank you.") == \
        "Please confirm whether any were placed in unregistered homes."
    assert as_asked("How many were repaired?") == "How many were repaired?"


def test_advice_for_insults_only_when_addressed_and_a_missing_reply_is_no_repeat():
    from bot.overall import general_advice

    assert not any(a.startswith("Tone") for a in general_advice(
        "How many allegations of lying were made against police officers in 2023?", []))
    assert any(a.startswith("Tone") for a in general_advice(
        "You are incompetent. How much was spent on consultants?", []))
    ignored = general_advice("I have asked three times and you keep ignoring me.", [])
    assert any(a.startswith("No reply yet (s10)") for a in ignored)
    assert not any(a.startswith("Repeated requests") for a in ignored)
    assert any(a.startswith("A relative's records") for a in general_advice(
        "Please provide my late mother's care home records.", []))


def test_an_exemption_under_five_percent_is_not_named_to_the_user():
    from bot.assessment import QuestionAssessment
    from bot.render import _exemptions

    def q(*probabilities):
        return QuestionAssessment(
            text="How many?", risk=0.1, level="low", precedents=[], explanation="",
            rewordings=[], likely_exemptions=[{"section": s, "subsection": None,
                                               "probability": p, "ncnd": False}
                                              for s, p in zip(("s12", "s31"), probabilities)])
    assert _exemptions(q(0.02, 0.02)) == "none stands out"
    assert _exemptions(q(0.3, 0.02)) == "s12 30%"


def test_figures_usually_published_lower_the_odds():
    for text in ("How many hate crimes were recorded in 2023?",
                 "What was the force's total budget for 2023-24?"):
        assert "asks for figures usually published (recorded crime, budgets, workforce)" in \
            risk.cues(text)[1], text


def test_legal_advice_and_sensitive_sites_raise_the_odds_and_policy_advice_is_no_policy():
    assert "asks for legal advice (privileged)" in risk.cues(
        "Please provide the legal advice the council received about the closures.")[0]
    assert "asks where a sensitive site is" in risk.cues(
        "What is the address of the council's data centre?")[0]
    _up, down = risk.cues("Please provide the submissions to ministers on the Rwanda policy.")
    assert "asks for a policy or procedure" not in down
    assert "asks for a policy or procedure" in risk.cues("Please send your parking policy.")[1]


def test_a_letter_greeting_a_team_at_a_body_or_a_body_by_initials_names_it():
    from bot.greeting import greeted

    assert greeted("Dear FOI team at Leeds City Council,\n\nHow many?") == "Leeds City Council"
    assert greeted("FAO: Information Governance, Kent County Council\nHow many?") == \
        "Kent County Council"
    assert greeted("Dear TfL,\nHow many?") == "Transport for London"
    assert greeted("Dear HM Treasury,\nHow many?") == "HM Treasury"
    assert greeted("Dear Network Rail,\nHow many?") == "Network Rail"


def test_a_bare_place_is_not_taken_for_its_university_or_hospital_trust():
    known = ["University of Leeds", "Oxford University Hospitals NHS FT", "Northumbria Police",
             "London Borough of Barnet"]
    assert match_authority("Leeds", known) == (None, ["Leeds Council", "University of Leeds"])
    assert match_authority("Oxford", known)[0] is None
    assert match_authority("northumbria", known)[0] == "Northumbria Police"
    assert match_authority("barnet", known)[0] == "London Borough of Barnet"


def test_an_internal_review_and_a_housing_association_are_told_so():
    from bot.overall import general_advice

    def heads(text):
        return [a.split(":")[0] for a in general_advice(text, [])]

    assert "Internal review" in heads("I request an internal review of your reply FOI123.")
    assert any(h.startswith("Housing associations") for h in heads(
        "How many repairs did the housing association complete?"))


def test_a_letter_piped_in_with_blank_lines_between_its_parts_is_checked_once():
    import io

    from bot.terminal import run_chat

    class Recording:  # the conversation's side, without an index: what it was asked to check
        def __init__(self):
            self.drafts = []

        def is_command(self, line):
            return False

        def respond(self, session, text):
            self.drafts.append(text)
            return "checked"

    talk = Recording()
    run_chat(talk, io.StringIO("1. How many fines?\n\n2. How many appeals?\n\nYours faithfully,"
                               "\nJo\n"),
             io.StringIO())
    assert talk.drafts[0] == "1. How many fines?\n\n2. How many appeals?"
    assert len(talk.drafts) == 1  # the sign-off paragraph is no draft of its own


def test_two_nhs_trusts_of_one_county_with_different_services_are_not_confused():
    on_record = ["Gloucestershire Health and Care NHS FT", "Leeds Teaching Hospitals NHS Trust"]
    assert match_authority("Gloucestershire Hospitals NHS Foundation Trust", on_record)[0] is None
    assert match_authority("Leeds Teaching Hospital NHS Trust", on_record)[0] == on_record[1]


def test_an_environmental_verdict_names_the_eir_exception_not_the_cost_limit():
    from bot.eir import eir_verdict, with_eir

    found = with_eir([{"section": "s12", "subsection": "s12(1)", "probability": 0.2,
                       "ncnd": False}])
    assert found[0]["eir"] == "r12(4)(b)"
    said = eir_verdict("Medium risk: 1 of 2 questions may be refused, most likely under s12(1) "
                       "(cost limit).", found)
    assert said == ("Medium risk: 1 of 2 questions may be refused, most likely under regulation "
                    "12(4)(b) of the EIR (manifestly unreasonable; FOIA's s12(1)).")
    scottish = with_eir([{"section": "s40", "subsection": "s40(2)", "probability": 0.3,
                          "ncnd": False}], scottish=True)
    assert scottish[0]["eir"] == "r11"


def test_inserted_subsections_are_shown_as_the_act_numbers_them():
    from corpus.exemptions import as_printed

    assert as_printed("s40(5b)(a)(i)") == "s40(5B)(a)(i)"
    assert as_printed("s40(3a)(a)") == "s40(3A)(a)"
    assert as_printed("s31(1)(a)") == "s31(1)(a)"
    assert as_printed("r12(5)(b)") == "r12(5)(b)"


def test_an_outcome_read_only_from_a_page_status_counts_half_as_a_neighbour():
    shown = risk.Neighbour(0.8, "refused", (), risk.label_weight("Exempt under s31(1)(a)."))
    status_only = risk.Neighbour(0.8, "answered", (), risk.label_weight(None))
    rate = risk.knn_rate([shown, status_only], base_rate=0.3, alpha=0.0)
    assert rate == pytest.approx(2 / 3)


def test_ncnd_under_the_eir_is_regulation_12_6_and_the_eir_add_up_no_requests():
    from bot.eir import with_eir
    from bot.overall import AGGREGATION

    ncnd = {"section": "s31", "subsection": "s31(3)", "probability": 0.2, "ncnd": True}
    assert with_eir([ncnd])[0]["eir"] == "r12(6)"
    assert with_eir([ncnd], scottish=True)[0]["eir"] == "r10(8)"
    from bot.assessment import QuestionAssessment
    from bot.overall import overall

    def q(text: str, level: str, risk_: float) -> QuestionAssessment:
        return QuestionAssessment(text=text, risk=risk_, level=level, likely_exemptions=[],
                                  precedents=[], explanation="", rewordings=[])
    asked = [q("How much sewage was discharged into the river in 2023?", "low", 0.1),
             q("Which pumps failed at the works?", "high", 0.8)]
    split = [a for a in overall(asked, "sewage", eir=True).advice if a.startswith("Split")]
    assert split and AGGREGATION not in split[0] and "60 working days" not in split[0]
    split = [a for a in overall(asked, "pumps", eir=False).advice if a.startswith("Split")]
    assert split and split[0].endswith(AGGREGATION)


def test_a_follow_up_stays_when_its_question_is_only_put_as_please_tell_me():
    from bot.assessment import QuestionAssessment
    from bot.overall import revised_draft
    from bot.reword import Rewording

    narrowed = Rewording("Please confirm whether the council suffered a ransomware attack in "
                         "2023. Please limit this to information held centrally.", "")
    first = QuestionAssessment(text="I would like to know whether the council suffered a "
                               "ransomware attack in 2023.", risk=0.7, level="high",
                               likely_exemptions=[], precedents=[], explanation="",
                               rewordings=[narrowed])
    then = QuestionAssessment(text="If so, was a ransom paid?", risk=0.2, level="low",
                              likely_exemptions=[], precedents=[], explanation="",
                              rewordings=[], follows=0)
    lines = revised_draft([first, then], []).splitlines()
    assert lines[1] == "2. If so, was a ransom paid?"
    assert not any("Left out" in line for line in lines)


def test_likely_exemptions_are_the_same_in_every_process():
    """Sets of citations iterate in an order that changes with each process's string hashing;
    a subsection or section tied in weight must not change with it (s31(1)(a) and s31(1)(b)
    cited together once gave either, run to run)."""
    import subprocess
    import sys

    script = ("from bot.risk import Neighbour, likely_exemptions\n"
              "n = [Neighbour(0.9, 'refused', ('s31(1)(b)', 's31(1)(a)', 's43(2)', 's40(2)'))]\n"
              "print(likely_exemptions(n, 0.8))\n")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}
                              ).stdout for seed in range(6)}
    assert len(outputs) == 1
    assert "'subsection': 's31(1)(a)'" in outputs.pop()


def test_a_numbered_line_drops_the_letters_joins_and_says_a_wish_as_a_request():
    from bot.overall import as_asked

    assert as_asked("I would therefore like to request the number of staff employed in 2023.") \
        == "Please provide the number of staff employed in 2023."
    assert as_asked("In addition, could you tell me whether any councillors were disciplined "
                    "in 2023?") == ("Please confirm whether any councillors were disciplined "
                                    "in 2023.")
    assert as_asked("Finally, how many complaints did you receive in 2023?") == \
        "How many complaints did you receive in 2023?"
    assert as_asked("Also, the total spent on agency staff in 2023.") == \
        "Please provide the total spent on agency staff in 2023."


def test_a_reply_citing_many_subsections_of_one_section_counts_once():
    """A refusal under s31(1)(a), (b), (c) and (f) is one reply: counted once per cited
    subsection it made s31 '96%' under an 86% risk."""
    from bot.risk import Neighbour, likely_exemptions

    many = [Neighbour(0.6, "refused", ("s31(1)(a)", "s31(1)(b)", "s31(1)(c)", "s31(1)(f)"), 6.0),
            Neighbour(0.55, "refused", ("s12",), 1.0)]
    likely = likely_exemptions(many, 0.86, prior={"s31": 0.4, "s12": 0.2, "s21": 0.1})
    assert sum(e["probability"] for e in likely) <= 0.86 + 1e-6
    one = likely_exemptions([Neighbour(0.6, "refused", ("s31(1)(a)",), 6.0), many[1]], 0.86,
                            prior={"s31": 0.4, "s12": 0.2, "s21": 0.1})
    assert [e["probability"] for e in likely] == [e["probability"] for e in one]
