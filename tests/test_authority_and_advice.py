"""Authority matching, coverage notes, explanations and whole-draft advice (audit round 10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.authority import (
    editorial_questions,
    expand_abbreviations,
    match_authority,
    not_covered,
)
from tests.conftest import built_project
from tests.conftest import check_json as _check

ON_RECORD = ["East Hertfordshire District Council", "Herefordshire Council",
             "University Hospitals Birmingham NHS FT", "West Midlands Police",
             "North Yorkshire Police", "Lancashire Constabulary", "Sheffield City Council",
             "Bath and North East Somerset Council", "University of Leeds"]


def test_a_county_council_is_not_the_district_council_of_a_longer_place_name():
    assert match_authority("Hertfordshire County Council", ON_RECORD) == (None, [])
    assert match_authority("hertfordshire", ON_RECORD)[0] is None  # not Herefordshire either
    assert match_authority("Somerset", ON_RECORD)[0] is None  # 'X and north east Y'
    assert match_authority("East Hertfordshire District Council", ON_RECORD)[0] == \
        "East Hertfordshire District Council"
    assert match_authority("East Herts", ON_RECORD)[0] == "East Hertfordshire District Council"
    assert match_authority("Sheffeild City Council", ON_RECORD)[0] == "Sheffield City Council"


def test_a_bare_place_offers_its_council_first_and_its_other_bodies_after():
    found, offered = match_authority("birmingham", ON_RECORD)
    assert found is None
    assert offered == ["Birmingham Council", "University Hospitals Birmingham NHS FT"]
    # the council offered, once picked, is judged as a council, not matched again to the trust
    assert match_authority("Birmingham Council", ON_RECORD) == (None, [])


def test_county_abbreviations_are_read_as_the_county():
    assert match_authority("West Mids Police", ON_RECORD)[0] == "West Midlands Police"
    assert match_authority("North Yorks Police", ON_RECORD)[0] == "North Yorkshire Police"
    assert match_authority("Lancs Constabulary", ON_RECORD)[0] == "Lancashire Constabulary"
    assert expand_abbreviations("Herts County Council") == "Hertfordshire County Council"
    assert expand_abbreviations("the Met") == "Metropolitan Police"
    assert expand_abbreviations("Met Office") == "Met Office"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory.mktemp("authority_and_advice"))


BBC_DRAFT = ("Dear BBC,\n1. How much did the BBC spend on taxis in 2023?\n"
             "2. Who were the sources for the Panorama investigation broadcast last March?\n"
             "3. How many complaints did the BBC receive about its election coverage?")


def test_questions_about_a_broadcasters_programmes_are_outside_foi(project, cli):
    data = _check(cli, project, BBC_DRAFT)
    verdict, advice = data["overall"]["verdict"], data["overall"]["advice"]
    assert verdict.startswith("Likely outside FOI: questions 2 and 3 ask about the BBC's")
    assert "The rest (question 1) can be asked" in verdict
    assert advice[0].startswith("The BBC is covered by FOI only for information held for "
                                "purposes other than journalism")
    taxis, sources, complaints = data["questions"]
    assert sources["level"] == complaints["level"] == "high"
    assert sources["explanation"].startswith("The BBC is under FOI only for purposes other")
    assert sources["rewordings"] == []
    assert "journalism" not in taxis["explanation"]
    revised = data["overall"]["revised_draft"]
    assert "Panorama" not in revised.split("(Left out")[0] and "taxis" in revised
    assert re.search(r'Left out: your question 2 \("[^"]+"\): about programmes or editorial work',
                     revised)


def test_editorial_questions_are_told_from_corporate_ones():
    asked = ["How much did Channel 4 spend on agency staff?", "How was the drama commissioned?",
             "What is the Director-General's salary?", "Which presenters were interviewed?"]
    assert editorial_questions(asked) == [1, 3]


def test_a_body_outside_foi_gets_a_verdict_that_says_so_first(project, cli):
    draft = "Dear Clarion Housing Association,\n1. How many homes reported damp in 2023?"
    verdict = _check(cli, project, draft)["overall"]["verdict"]
    assert verdict.startswith("Outside FOI: housing associations are not public authorities")
    assert "If it were covered: " in verdict
    company = _check(cli, project, "How many staff work in IT?", "Acme Ltd")
    assert company["overall"]["verdict"].startswith("Probably outside FOI: Acme Ltd looks like")


def test_covered_bodies_keep_their_verdict():
    assert not_covered("Riverside Medical Practice") is None  # a GP practice: Schedule 1
    assert not_covered("Link Housing Association", scottish=True) is None  # FOISA since 2019
    assert not_covered("Severn Trent", environmental=True) is None  # the EIR cover it
    assert not_covered("Severn Trent").startswith("Outside FOIA")
    assert not_covered("Channel 4") is None and not_covered("HS2 Ltd") is None


def test_a_summarisers_note_is_never_quoted_as_what_an_authority_said():
    from bot.advice import _reasoning, authority_words

    status = ("The request was refused by Essex Police. (Questions were split into four logged "
              "requests; excerpt shows the acknowledgement warning that many questions at once "
              "may exceed the cost limit.)")
    assert authority_words(status) == ""
    assert _reasoning(status, "s12") == ""
    assert authority_words("quoted in requester's annotation: searches failed.") == ""
    reply = ("We are unable to provide the total spend as these cameras are owned by various "
             "areas (e.g. libraries, housing). Section 12 applies.")
    assert authority_words(reply) == reply  # the authority's own brackets stay
    assert authority_words("Exempt under s31 (law enforcement). Answers to the ransomware "
                           "questions are cut off in the excerpt.") == \
        "Exempt under s31 (law enforcement)."


def test_only_a_precedent_on_the_questions_topic_is_quoted():
    from bot.advice import on_topic

    taxis = "How much did the BBC spend on taxis in 2023?"
    assert not on_topic("The total amount spent on the installation and maintenance of CCTV "
                        "cameras in the 2020 calendar year", taxis, 0.51)
    assert on_topic("How much was spent on taxis for staff last year?", taxis, 0.6)
    assert on_topic("Total spend on taxi journeys", "Spending on taxis?", 0.55)
    assert on_topic("anything at all", taxis, 0.85)  # this close, it is the same question


def test_a_quote_names_its_authority_with_a_capital_and_never_as_an_authority():
    from bot.advice import cite
    from index.search import Precedent

    unnamed = Precedent("1", "How many?", None, "2024-09-09", "14222", "refused", ("s12",),
                        0.6, None)
    assert cite(unnamed).startswith("A reply whose authority is not on record, 2024-09-09")
    named = Precedent("2", "How many?", "Essex Police", None, None, "refused", ("s12",), 0.6, None)
    assert cite(named) == "Essex Police"


def _question(text: str, exemptions: list[tuple[str, float]], level: str = "high"):
    from bot.assessment import QuestionAssessment

    return QuestionAssessment(text, 0.8, level, [
        {"section": s, "subsection": None, "probability": p, "ncnd": False}
        for s, p in exemptions], [], "", [])


def test_whole_draft_advice_follows_the_grounds_the_questions_show():
    from bot.overall import overall

    draft = ("1. How many times was live facial recognition deployed in 2023?\n"
             "2. Which supplier provides the facial recognition system?")
    assessed = [_question("How many times was live facial recognition deployed in 2023?",
                          [("s31", 0.36), ("s40", 0.31)]),
                _question("Which supplier provides the facial recognition system?",
                          [("s31", 0.28), ("s12", 0.2)])]
    advice = overall(assessed, draft).advice
    heads = [a.split(":")[0] for a in advice]
    assert not any("s43" in h for h in heads)  # 'supplier' alone, no question shows s43
    assert "Law enforcement (s31)" in heads
    assert "Cost limit (s12), flagged for question 2" in heads
    assert "Personal data (s40), flagged for question 1" in heads
    shown = [_question("Which supplier provides it?", [("s43", 0.4)])]
    assert any(a.startswith("Commercial interests (s43)")
               for a in overall(shown, "1. Which supplier provides it?").advice)


def test_explain_has_subsection_notes_and_the_grounds_it_lacked():
    from bot.explain import explain

    own = explain("s40(1)")
    assert "subject access request under UK GDPR" in own and "anonymised" not in own
    assert "other people's personal data" in explain("s40(2)(a)")
    assert "s40(5) in particular: neither confirm nor deny" in explain("s40(5)")
    assert "s31(3) in particular: neither confirm nor deny" in explain("s31(3)")
    for section, name in (("s32", "court records"), ("s34", "parliamentary privilege"),
                          ("s37", "Royal Family"), ("s28", "relations within the United"),
                          ("section 39", "the EIR gateway")):
        assert name in explain(section), section
    not_held = explain("r12(4)(a)")
    assert "Every exception carries a public interest test" not in not_held
    assert "no public interest test" in not_held


def test_a_medium_rating_that_its_neighbours_do_not_explain_names_its_starting_point():
    from bot.advice import _explanation, _Scored
    from index.search import Precedent

    answered = [Precedent(str(i), "How many complaints?", "Sheffield City Council", None, None,
                          "answered", (), 0.5, None) for i in range(6)]
    scored = _Scored(0.35, "medium", [], [])
    prior = "The estimate leans on its starting point: the BBC has no replies on record."
    said = _explanation(scored, answered, [], "How many complaints?", prior)
    assert said.startswith("0 of the 6 closest past questions") and prior in said
    low = _Scored(0.08, "low", [], [])
    assert prior not in _explanation(low, answered, [], "How many complaints?", prior)


def test_the_cost_limit_faq_gives_its_figures_and_the_eirs_terms_for_environmental_drafts():
    from bot.conversation import faq, plain_request

    assert "£450" in faq("what is the cost limit?") and "s16" in faq("what is the cost limit?")
    assert plain_request("what is the cost limit?") == ("faq", "what is the cost limit?")
    assert plain_request("explain s12") == ("explain", "s12")
    eir = faq("what is the cost limit?", eir=True)
    assert "no cost limit in hours" in eir and "regulation 12(4)(b)" in eir
    assert "regulation 9" in eir and "s16" not in eir
    scottish = faq("does it cost anything?", scottish=True, eir=True)
    assert "regulation 10(4)(b)" in scottish and "regulation 9" in scottish
    assert "appropriate limit (s12)" not in faq("is it free?", eir=True)


def test_the_chat_answers_what_is_the_cost_limit_with_the_faq_not_the_s12_note():
    from bot.conversation import Conversation, Session

    class NoChecks:  # the FAQ needs no index
        pass

    chat, session = Conversation(NoChecks()), Session()
    said = chat.respond(session, "what is the cost limit?")
    assert said.startswith("£450 of staff time")


def test_an_editorial_question_shows_it_is_outside_the_act_not_that_no_ground_stands_out(
        project, cli):
    code, out, err = cli("--config", str(project), "check", BBC_DRAFT)
    assert code == 0, err
    sources = out.split("\n2. ", 1)[1].split("\n3. ", 1)[0]
    assert "likely exemptions: none: outside FOI (Schedule 1)" in sources
    assert "none stands out" not in sources
