"""Follow-ups about the open draft: another period ('what about 2022?') checks the same draft
again over it; a question about one question ('would question 2 be refused?') answers about
that question; neither replaces the user's draft with the follow-up's words.

The period and question parsing are pure logic; the chat runs through the CLI on a small real
store and index (the fake embedder), fed a script of lines as a user would type them, and the
Telegram bot through a fake Bot API.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.conversation import question_asked
from bot.periods import new_period, with_period
from bot.runtime import open_advisor
from tests.conftest import bot_config, built_project
from tests.conftest import chat_transcript as _chat
from tests.conftest import revised_lines as _revised
from tests.test_telegram import only_message, run, running

DRAFT = ("1. How many CCTV cameras did the council operate in 2023?\n"
         "2. Which CCTV software do you use?\n")
NO_PERIOD = ("1. How many CCTV cameras does the council operate?\n"
             "2. Which CCTV software do you use?\n")


@pytest.mark.parametrize(("line", "period"), [
    ("what about 2022?", "2022"), ("and for 2021-22?", "2021-22"),
    ("what if I ask for the last three years instead?", "the last three years"),
    ("how about 2019 to 2023?", "2019 to 2023"), ("same for 2019/20", "2019/20"),
    ("can you check it for 2021 instead?", "2021"), ("and for the previous year?",
                                                     "the previous year")])
def test_a_follow_up_naming_only_a_period_asks_the_draft_again_over_it(line, period):
    assert new_period(line) == period


@pytest.mark.parametrize("line", ["How many fines did you issue in 2022?", "what about question 2?",
                                  "what about Kent Police?", "For 2023, how many fines?"])
def test_a_line_with_a_subject_or_a_question_number_is_no_period_change(line):
    assert new_period(line) is None


def test_the_period_is_swapped_in_each_question_that_names_one_and_laws_and_days_are_kept():
    questions = ["How many requests under the Freedom of Information Act 2000 did you get in "
                 "2023?", "What was the budget for 2023/24?", "How many arrests between 2019 "
                 "and 2023?", "Which software do you use?"]
    assert with_period(questions, "2021") == [
        "How many requests under the Freedom of Information Act 2000 did you get in 2021?",
        "What was the budget for 2021/22?", "How many arrests in 2021?",
        "Which software do you use?"]
    assert with_period(questions, "2019 to 2021")[2] == "How many arrests from 2019 to 2021?"
    assert with_period(["Which software do you use?"], "2021") is None


def test_a_short_question_naming_one_question_of_the_draft_is_about_that_question():
    assert question_asked("is question 1 published anyway?") == ("published", 1)
    assert question_asked("would question 2 be refused?") == ("verdict", 2)
    assert question_asked("is q3 likely to be refused?") == ("verdict", 3)
    assert question_asked("will the second one get refused?") == ("verdict", 2)
    assert question_asked("would they refuse this?") == ("verdict", 0)
    assert question_asked("How many CCTV cameras does the council operate?") is None


# -- the chat, through the CLI ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_project(tmp_path_factory.mktemp("chat_follow_ups"))


def test_chat_what_about_another_year_checks_the_same_draft_for_that_year(built, cli):
    out = _chat(cli, built, f"{DRAFT}what about 2022?\nand for 2021-22?\nrevised\nquit\n")
    assert "There is no question 2022" not in out
    assert "Your draft, asked for 2022 instead:" in out
    assert "1. How many CCTV cameras did the council operate in 2022?" in out
    assert "Your draft, asked for 2021-22 instead:" in out
    assert out.count("Verdict:") == 3  # the draft, then twice again; no follow-up as a draft
    revised = _revised(out)
    assert len(revised) == 2 and "in 2021-22" in revised[0]


def test_chat_another_period_for_a_draft_without_one_says_how_and_keeps_it(built, cli):
    out = _chat(cli, built, f"{NO_PERIOD}\nwhat if I ask for the last three years instead?\n"
                            "revised\nquit\n")
    assert "Your draft names no period" in out and out.count("Verdict:") == 1
    assert _revised(out)[0].startswith("1. How many CCTV cameras does the council operate?")


def test_chat_questions_about_one_question_answer_about_that_question(built, cli):
    out = _chat(cli, built, f"{DRAFT}\nis question 1 published anyway?\n"
                            "would question 2 be refused?\nreword question 2\nrevised\nquit\n")
    assert out.count("Verdict:") == 1  # no follow-up was checked as a draft
    assert "Question 1: How many CCTV cameras did the council operate in 2023?" in out
    assert "publication scheme" in out
    assert re.search(r"Question 2 \((?:(?:low|medium|high) risk, \d+%|no close precedent; \d+% "
                     r"from the wording alone)\):\n2\. Which CCTV software do you use\?", out)
    assert "I did not catch that" not in out
    assert len(_revised(out)) == 2


def test_chat_a_period_line_in_unnumbered_prose_being_pasted_is_the_drafts_own(built, cli):
    out = _chat(cli, built, "How many parking fines did the council issue in 2022?\n"
                            "And for 2023?\n\nquit\n")
    assert out.count("Verdict:") == 1 and "instead:" not in out


# -- the Telegram bot ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def advisor(built: Path):
    from bot.config import load_config

    return open_advisor(load_config(built))


def test_telegram_another_period_and_one_question_follow_ups(built, advisor, tmp_path):
    config = bot_config(built, tmp_path)

    async def scenario():
        async with running(config, advisor) as fake:
            await fake.exchange(fake.push_text(DRAFT))
            reply = only_message(await fake.exchange(fake.push_text("what about 2022?")))
            assert reply.text.startswith("Your draft, asked for <b>2022</b> instead:")
            assert "operate in 2022?" in reply.text
            reply = only_message(await fake.exchange(fake.push_text(
                "is question 1 published anyway?")))
            assert "<b>Question 1</b>: How many CCTV cameras" in reply.text
            assert "publication scheme" in reply.text and "Verdict" not in reply.text
            reply = only_message(await fake.exchange(fake.push_text(
                "would question 2 be refused?")))
            assert reply.text.startswith("<b>Why: question 2</b>")
    run(scenario())


def test_telegram_show_precedents_and_another_body_keep_the_draft(built, advisor, tmp_path):
    config = bot_config(built, tmp_path)

    async def scenario():
        async with running(config, advisor) as fake:
            await fake.exchange(fake.push_text(DRAFT))
            reply = only_message(await fake.exchange(fake.push_text("show precedents")))
            assert reply.text.startswith("<b>Closest precedents")
            sent = await fake.exchange(fake.push_text("and for Sheffield Teaching Hospitals?"),
                                       replies=2)
            texts = [c.text for c in sent if c.method == "sendMessage"]
            assert any("Sheffield Teaching Hospitals" in t for t in texts)
            assert any(t.startswith("Your draft, checked again for") and "CCTV" in t
                       for t in texts)
            reply = only_message(await fake.exchange(fake.push_text(
                "can you make it less risky?")))
            assert "/revised for the whole draft" in reply.text and "Verdict" not in reply.text
            reply = only_message(await fake.exchange(fake.push_text("start over")))
            assert reply.text.startswith("Started over")
            reply = only_message(await fake.exchange(fake.push_text("why?")))
            assert "Verdict" not in reply.text and "CCTV" not in reply.text
    run(scenario())


def test_chat_show_precedents_lists_the_drafts_own_and_start_over_forgets_it(built, cli):
    out = _chat(cli, built, f"{DRAFT}show precedents\nprecedents 2\nstart over\nwhy\nquit\n")
    assert out.count("Closest precedents for your draft:") == 2
    assert out.count("Verdict:") == 1  # neither line was checked as a draft
    assert "Started over: your draft and authority are forgotten." in out
    assert "Paste a draft first; then ask why." in out


def test_chat_and_for_a_hospital_trust_checks_the_same_draft_for_it(built, cli):
    out = _chat(cli, built, f"{DRAFT}\nand for Sheffield Teaching Hospitals?\nrevised\nquit\n")
    assert "Your draft, checked again for Sheffield Teaching Hospitals" in out
    assert out.count("Verdict:") == 1 and len(_revised(out)) == 2


LETTERED = ("Dear University of Manchester,\n\nI would like to know:\n"
            "(a) the vice-chancellor's salary for 2022/23\n"
            "(b) how many international students were recruited via agents in the last 5 years\n"
            "(c) copies of all emails between the VC and the Chinese embassy\n")


def test_chat_a_lettered_drafts_parts_are_named_by_their_letters(built, cli):
    out = _chat(cli, built, f"{LETTERED}\nwhy c\nreword (c)\nis (c) published?\n"
                            "would c be refused?\nwhat about 2020/21?\nquit\n")
    assert out.count("Verdict:") == 2  # the draft, and the draft again for 2020/21
    assert "Question 3: copies of all emails" in out
    assert re.search(r"Question 3 \([^)]*\):\n3\. copies of all emails", out)
    assert "salary for 2020/21" in out and "recruited via agents in 2020/21" in out


def test_chat_an_addressee_line_on_its_own_opens_the_letter_not_a_draft(built, cli):
    out = _chat(cli, built, "To the Home Office,\n\n1. How many asylum claims were decided in "
                            "2023?\n2. How many were refused?\n\nwould the 2nd one be refused?\n"
                            "quit\n")
    assert out.count("Verdict:") == 1 and "1. To the Home Office" not in out
    assert "Authority: Home Office" in out and "Question 2 (" in out


def test_chat_asking_how_to_make_it_less_risky_gets_the_advice_not_a_new_draft(built, cli):
    out = _chat(cli, built, f"{DRAFT}\ncan you make it less risky?\nrevised\nquit\n")
    assert out.count("Verdict:") == 1 and "Type revised for the whole draft rewritten" in out
    assert len(_revised(out)) == 2
