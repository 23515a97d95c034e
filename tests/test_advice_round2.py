"""Explanations and whole-draft advice, audit round 12: each s31 subsection in its own words,
s31 advice only where law enforcement is a concern, 'everything you hold about X' gets the
cost-limit advice, no split advice on an all-low draft, kinds for national bodies, rates said
as what the replies on record show, citations as the Act numbers them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.assessment import Assessment, Overall, QuestionAssessment
from bot.explain import S31_PURPOSES, explain_citation, fits, grounded
from bot.overall import general_advice, law_enforcement_concerns, overall
from bot.reword import S16_SENTENCE
from bot.track_record import TrackRecord, authority_kind
from tests.conftest import built_project
from tests.conftest import check_json as _check


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("advice_round2"))


def _q(text: str, exemptions: list[tuple[str, float]], level: str = "high",
       risk: float = 0.7, level_alone: str | None = None) -> QuestionAssessment:
    return QuestionAssessment(text, risk, level, [
        {"section": re.match(r"s\d+", s).group(0), "subsection": s if "(" in s else None,
         "probability": p, "ncnd": False} for s, p in exemptions], [], "", [],
        level_alone=level_alone)


def _explain(cli, project: Path, section: str) -> str:
    code, out, err = cli("--config", str(project), "explain", section)
    assert code == 0, err
    return out


# -- 1. each s31 subsection protects its own interest -------------------------------------

@pytest.mark.parametrize("cite, words", [
    ("s31(1)(a)", "prevention or detection of crime"),
    ("s31(1)(b)", "apprehension or prosecution of offenders"),
    ("s31(1)(c)", "administration of justice"),
    ("s31(1)(d)", "tax or duty"),
    ("s31(1)(e)", "immigration controls"),
    ("s31(1)(f)", "security and good order of prisons"),
    ("s31(1)(g)", "s31(2)"),
    ("s31(1)(h)", "civil proceedings"),
    ("s31(1)(i)", "fatal accidents"),
])
def test_explain_gives_each_s31_subsection_its_own_interest(project, cli, cite, words):
    out = _explain(cli, project, cite)
    assert out.startswith(f"{cite} — law enforcement: ")
    assert words in out.split("The test:")[0]
    if cite != "s31(1)(a)":  # crime prevention's IT and CCTV text is (a)'s alone
        assert "cyber security, CCTV" not in out and "IT systems" not in out


def test_each_s31_subsection_has_a_different_plain_words_text():
    assert len({p.protects for p in S31_PURPOSES.values()}) == 9
    assert len({p.around for p in S31_PURPOSES.values()}) == 9


def test_the_per_question_explanation_uses_the_subsections_own_text():
    prisons = explain_citation("s31(1)(f)")
    assert prisons.startswith("s31(1)(f) (law enforcement) protects the security and good "
                              "order of prisons")
    assert "prejudice the security and good order of prisons" in prisons
    assert "crime" not in prisons
    offenders = explain_citation("s31(1)(b)(ii)")  # a deeper citation is its subsection's
    assert "apprehension or prosecution of offenders" in offenders
    # the section alone no longer reads as council cyber security
    assert "cyber" not in explain_citation("s31")


def test_a_prisons_subsection_at_a_police_force_is_spoken_of_as_the_section():
    stop_search = "How many stop and searches were carried out in Lambeth in 2023?"
    assert not fits("s31(1)(f)", "Metropolitan Police Service", stop_search)
    assert grounded("s31(1)(f)", "Metropolitan Police Service", stop_search) == "s31"
    said = explain_citation("s31(1)(f)", authority="Metropolitan Police Service",
                            question=stop_search)
    assert said.startswith("s31 (law enforcement)") and "prisons and other" not in said
    # custody is a place of lawful detention: (f) fits a force there, and any prison
    assert grounded("s31(1)(f)", "Kent Police", "How many deaths in custody in 2023?") == \
        "s31(1)(f)"
    assert grounded("s31(1)(f)", "HM Prison and Probation Service") == "s31(1)(f)"
    # tax collection fits a council (council tax), not a university asked about parking
    assert grounded("s31(1)(d)", "Sheffield City Council") == "s31(1)(d)"
    assert grounded("s31(1)(d)", "University of Leeds", "How many parking fines?") == "s31"
    # crime prevention fits anyone; with no addressee nothing is doubted
    assert grounded("s31(1)(a)", "University of Leeds") == "s31(1)(a)"
    assert grounded("s31(1)(f)", None, "stop and search") == "s31(1)(f)"


def test_a_scottish_reader_is_given_foisas_cost_limit_not_foias_hours():
    said = explain_citation("s12(1)", scottish=True)
    assert "£600" in said and "18 hours" not in said and "24 hours" not in said
    assert "18 hours" in explain_citation("s12(1)")


# -- 2. the s31 advice only where law enforcement is a real concern ----------------------

LAW_HEAD = "Law enforcement (s31)"
IT_SENTENCE = "certifications held and breaches reported to the ICO"


def _law_advice(assessed: list[QuestionAssessment], text: str) -> list[str]:
    return [a for a in overall(assessed, text).advice if a.startswith(LAW_HEAD)]


def test_the_s31_advice_is_not_given_for_a_vice_chancellors_pay():
    pay = "What was the total remuneration of the Vice-Chancellor in 2022/23?"
    assert _law_advice([_q(pay, [("s12", 0.16), ("s31", 0.12)], "medium", 0.49)], pay) == []


def test_the_s31_advice_is_not_given_where_s31_trails_on_ministerial_correspondence():
    emails = ("all emails and WhatsApp messages between the Health Secretary and PPE "
              "suppliers in 2020")
    advice = overall([_q(emails, [("s12", 0.2), ("s31", 0.14), ("s40", 0.1)])], emails).advice
    assert not any(a.startswith(LAW_HEAD) for a in advice)
    assert any(a.startswith("Cost limit (s12)") for a in advice)


def test_the_s31_advice_is_given_where_s31_leads_a_risky_question_with_the_it_sentence():
    ransomware = "How many ransomware attacks did the council suffer in 2023?"
    [said] = _law_advice([_q(ransomware, [("s31(3)", 0.48), ("s12", 0.2)])], ransomware)
    assert IT_SENTENCE in said


def test_the_it_sentence_is_left_out_for_a_question_that_is_not_about_it():
    tactics = "How many times were Tasers drawn by officers in 2023?"
    [said] = _law_advice([_q(tactics, [("s31(1)(a)", 0.4)])], tactics)
    assert "policies instead of configurations or tactics" in said
    assert IT_SENTENCE not in said and "patch dates" not in said


def test_a_low_risk_question_with_security_words_still_gets_the_s31_advice():
    cctv = "How many CCTV cameras does the council operate?"
    assessed = [_q(cctv, [("s12", 0.2), ("s31(1)(a)", 0.15)], "low", 0.2)]
    assert law_enforcement_concerns(assessed) == [1]
    assert _law_advice(assessed, cctv)


def test_only_the_questions_of_concern_are_flagged():
    draft = ("1. How many ransomware attacks did you suffer?\n"
             "2. What is the chief executive's salary?")
    assessed = [_q("How many ransomware attacks did you suffer?", [("s31", 0.5)]),
                _q("What is the chief executive's salary?", [("s12", 0.2), ("s31", 0.12)],
                   "medium", 0.4)]
    [said] = _law_advice(assessed, draft)
    assert said.startswith("Law enforcement (s31), flagged for question 1:")


def test_real_check_output_gives_s31_advice_only_with_a_reason(project, cli):
    for draft, authority in (
            ("What was the total remuneration of the Vice-Chancellor in 2022/23, including "
             "pension and benefits?", "University of Manchester"),
            ("all emails and WhatsApp messages between the Health Secretary and PPE suppliers "
             "in 2020", "Department of Health and Social Care"),
            ("How many cyber attacks did the council suffer in 2023?", "Sheffield City Council")):
        data = _check(cli, project, draft, authority)
        law = [a for a in data["overall"]["advice"] if a.startswith(LAW_HEAD)]
        concern = [q for q in data["questions"]
                   if (q["level"] in ("medium", "high") and q["likely_exemptions"]
                       and q["likely_exemptions"][0]["section"] == "s31")
                   or re.search(r"cyber|attack|police|crime|security", q["text"], re.I)]
        assert not law or concern, (draft, law)
        if "Vice-Chancellor" in draft or "WhatsApp" in draft:
            assert all(IT_SENTENCE not in a for a in data["overall"]["advice"])


# -- 3. the kinds' rates are said as what the replies on record show -----------------------

def _rows(authority: str, refused: int, answered: int) -> list[dict]:
    outcomes = ["refused"] * refused + ["answered"] * answered
    return [{"authority": authority, "outcome": o, "document_id": f"{authority}/{i}"}
            for i, o in enumerate(outcomes)]


def test_the_kinds_rates_are_said_as_the_replies_on_record_not_as_practice():
    record = TrackRecord.from_rows(_rows("Kent Police", 7, 3) + _rows("Leeds City Council", 1, 5))
    said = record.kind_rates()
    assert said == ("in the 10 past questions to police forces on record, 7 were refused or "
                    "NCND'd; councils 1 of 6")
    assert "seven" not in said
    assert TrackRecord.from_rows(_rows("Leeds City Council", 1, 5)).kind_rates() == \
        "in the 6 past questions to councils on record, 1 was refused or NCND'd"


# -- 4. 'everything you hold about X' is the textbook cost-limit refusal ------------------

@pytest.mark.parametrize("draft", [
    "Please give me everything you hold about HS2.",
    "Please send all information you have about the Clean Air Zone.",
    "I would like any information relating to the closure of the library.",
    "Please provide any documents held on the bypass.",
])
def test_everything_you_hold_about_a_subject_gets_the_cost_limit_advice(draft):
    advice = general_advice(draft, [_q(draft, [], "unknown", 0.37)])
    [cost] = [a for a in advice if a.startswith("Cost limit (s12)")]
    assert S16_SENTENCE in cost


def test_a_narrow_question_gets_no_cost_limit_advice_from_the_wording():
    draft = "How many libraries did the council close in 2023?"
    assert not any(a.startswith("Cost limit (s12)")
                   for a in general_advice(draft, [_q(draft, [], "low", 0.1)]))


def test_the_hs2_check_gives_the_cost_limit_advice(project, cli):
    data = _check(cli, project, "Please give me everything you hold about HS2.",
                  "Department for Transport")
    advice = data["overall"]["advice"]
    assert any(a.startswith("Cost limit (s12)") and S16_SENTENCE in a for a in advice)
    assert not any(a.startswith(LAW_HEAD) for a in advice)


# -- 5. polish -------------------------------------------------------------------------------

def test_no_split_advice_when_every_question_is_shown_at_low_risk():
    # the Harris draft: 15%, 31% (38% on its own) and 17%, all shown low
    assessed = [_q("How many teachers left the trust in 2023?", [], "low", 0.15),
                _q("What is the CEO's salary?", [("s12", 0.09)], "low", 0.31, "medium"),
                _q("How many pupils were off-rolled?", [], "low", 0.17)]
    text = " ".join(q.text for q in assessed)
    assert not any(a.startswith("Split the request") for a in general_advice(text, assessed))
    assessed[1] = _q("What is the CEO's salary?", [("s12", 0.09)], "medium", 0.4)
    [split] = [a for a in general_advice(text, assessed) if a.startswith("Split the request")]
    assert "send questions 1 and 3 on their own and question 2 separately" in split


def test_a_kinds_record_says_how_many_different_bodies_it_spans():
    record = TrackRecord.from_rows(_rows("Essex County Fire and Rescue Service", 2, 3)
                                   + _rows("Kent Fire and Rescue Service", 1, 1))
    said = record.describe("Essex County Fire and Rescue Service")
    assert said.endswith("fire and rescue services 3 of 7 (7 requests, at 2 different "
                         "services).")
    one = TrackRecord.from_rows(_rows("Kent Police", 1, 1)).describe("Dorset Police")
    assert one.endswith("police forces refused or NCND'd 1 of 2 (2 requests, all at one "
                        "force).")
    assert "of them" not in said + one


@pytest.mark.parametrize("name, kind", [
    ("Environment Agency", "central"), ("HM Prison and Probation Service", "central"),
    ("HMP Wandsworth", "central"), ("Crown Prosecution Service", "central"),
    ("HM Courts & Tribunals Service", "central"), ("Driver and Vehicle Licensing Agency",
                                                   "central"),
    ("Charity Commission", "central"), ("Local Government and Social Care Ombudsman",
                                        "central"),
    ("Parliamentary and Health Service Ombudsman", "central"),
    ("Chief Constable of Lancashire", "police"), ("Common Services Agency", "health"),
    # the kinds that were right stay so
    ("Sheffield City Council", "council"), ("Kent Police", "police"),
    ("Bolton NHS Foundation Trust", "health"), ("University of Leeds", "education"),
    ("Transport for London", "transport"), ("British Broadcasting Corporation", "other"),
])
def test_national_bodies_and_prisons_are_of_a_kind_the_check_knows(name, kind):
    assert authority_kind(name) == kind


def test_json_prints_inserted_subsections_as_the_act_numbers_them():
    from bot.render import assessment_json
    from index.search import Precedent

    reply = Precedent(id="7", question="Emails about the report", authority="Sheffield City "
                      "Council", date="2023", reference=None, outcome="partial",
                      exemptions=("s40(2)", "s40(3a)(a)"), similarity=0.6, source_url=None,
                      answer="Names withheld under s40(2) and s40(3A)(a).")
    likely = [{"section": "s40", "subsection": "s40(3a)(a)", "probability": 0.3,
               "ncnd": False}]
    q = QuestionAssessment("Emails about the report", 0.4, "medium", likely, [reply], "", [])
    data = json.loads(assessment_json(Assessment([q], Overall(0.4, "Medium risk.", likely, [],
                                                              ""))))
    assert data["questions"][0]["likely_exemptions"][0]["subsection"] == "s40(3A)(a)"
    assert data["overall"]["likely_exemptions"][0]["subsection"] == "s40(3A)(a)"
    assert data["questions"][0]["precedents"][0]["exemptions"] == ["s40(2)", "s40(3A)(a)"]
    assert "3a" not in json.dumps(data)


def test_a_subsection_that_does_not_fit_the_body_is_shown_as_its_section_in_the_list():
    from bot.advice import grounded_subsections

    likely = [{"section": "s31", "subsection": "s31(1)(f)", "probability": 0.2, "ncnd": False},
              {"section": "s40", "subsection": "s40(2)", "probability": 0.1, "ncnd": False}]
    at_police = grounded_subsections(likely, "Metropolitan Police Service",
                                     "How many stop and searches in Lambeth in 2023?")
    assert [e["subsection"] for e in at_police] == [None, "s40(2)"]
    # about custody the prisons' subsection fits a force; at a body of no known kind it stays
    assert grounded_subsections(likely, "Metropolitan Police Service",
                                "How many escapes from custody suites?")[0]["subsection"] == \
        "s31(1)(f)"
    assert grounded_subsections(likely, None, "How many stop and searches?") == likely


def test_enforcement_notices_are_pointed_to_the_public_register():
    from bot.overall import general_advice

    advice = general_advice("How many enforcement notices were served in 2023, and at which "
                            "addresses?", [], eir=True)
    assert any(a.startswith("Already published (EIR r6(1)(b))") for a in advice)


def _low(text: str):
    from bot.assessment import QuestionAssessment

    return QuestionAssessment(text=text, risk=0.2, level="low", likely_exemptions=[],
                              precedents=[], explanation="", rewordings=[])


def test_a_one_word_question_is_called_too_vague_unless_a_lead_in_says_what_it_is_about():
    from bot.overall import general_advice

    said = general_advice("Dear Home Office,\n\nBudget?", [_low("Budget?")])
    assert any(a.startswith("Too vague to answer (question 1)") and "s16" in a for a in said)
    fields = ("Please provide the following about your CCTV maintenance contract:\n"
              "1. Supplier\n2. Contract value\n3. Expiry date")
    said = general_advice(fields, [_low("Supplier"), _low("Contract value"), _low("Expiry date")])
    assert not any(a.startswith("Too vague") for a in said)
    said = general_advice("1. Budget?\n2. How many staff work in HR?",
                          [_low("Budget?"), _low("How many staff work in HR?")], eir=True)
    assert any(a.startswith("Too vague to answer (question 1)") and "regulation 9" in a
               for a in said)
