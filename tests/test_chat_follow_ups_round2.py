"""Follow-ups about the open draft, round 2 (the ux12 audit, items 1, 17 and 18):
`show precedents 4` shows question 4's precedents and keeps the draft; "what about 2022?" moves
every question's period the same way (a financial year stays one, a date's year moves); and a
bare "why?", "reword it" or "show precedents" means the question last discussed.

The parsing is pure logic; the chat runs through the CLI on a small real store and index (the
fake embedder), fed a script of lines as a user would type them, and the Telegram bot through
a fake Bot API.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.conversation import plain_view, show_precedents
from bot.periods import with_period
from bot.runtime import open_advisor
from tests.conftest import bot_config, built_project
from tests.conftest import chat_transcript as _chat
from tests.conftest import revised_lines as _revised
from tests.test_telegram import only_message, run, running

UCL = ("Dear University College London,\n"
       "(a) How many international students were enrolled in 2023/24?\n"
       "(b) What was the total value of research contracts with defence companies in 2023/24?\n"
       "(c) Please provide the names of the companies and the value of each contract.\n"
       "(d) How many complaints of sexual misconduct against staff were received in 2023?\n\n")
HOUSING = ("1. How many people were on the housing waiting list on 1 April 2024?\n"
           "2. How many homes did the council let in 2023/24?\n"
           "3. How much did the council spend on temporary accommodation in 2023-24?\n\n")
CCTV = ("1. How many CCTV cameras does the council operate?\n"
        "2. Please list the names and home addresses of all CCTV operators.\n"
        "3. Which firewall software and version does the council use on its CCTV network?\n\n")


OK = ("OK. Paste another draft, or ask about this one: why 2, reword 2, revised, which is "
      "riskiest.\n")


def _script(draft: str, *lines: str) -> str:
    """The draft and each line, each followed by 'ok', whose fixed answer marks where a reply
    ends (the chat prints no prompt when its input is not a terminal)."""
    return draft + "ok\n" + "".join(f"{line}\nok\n" for line in lines) + "quit\n"


def _replies(out: str) -> list[str]:
    """The chat's reply to each line of a `_script`, in order (the draft's check first)."""
    return out.split("Goodbye.")[0].split(OK)[:-1]


def _listed(reply: str) -> list[str]:
    """The numbers of the draft's questions a reply lists ('4. How many ...')."""
    return re.findall(r"^(\d+)\. ", reply, re.M)


# -- 1. show precedents N -------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "n"), [
    ("show precedents 4", 4), ("show precedents d", 4), ("show precedents (c)", 3),
    ("show precedents for question 2", 2), ("precedents 2", 2), ("show me the precedents for q2",
                                                                 2),
    ("show precedents for the third one", 3), ("precedents for (b)", 2), ("show precedents a", 1),
    ("show precedents", 0), ("show me the precedents for my draft", 0)])
def test_show_precedents_names_a_question_by_number_or_letter_with_or_without_for(line, n):
    assert show_precedents(line) == (True, n)


def test_precedents_on_a_topic_is_still_a_search_not_a_question_of_the_draft():
    assert show_precedents("precedents ransomware attacks") is None
    assert show_precedents("precedents about CCTV locations") is None


def test_chat_show_precedents_4_shows_question_4s_and_keeps_the_draft(built, cli):
    out = _chat(cli, built, _script(UCL, "show precedents 4", "why d", "show precedents b",
                                    "show precedents for question 1", "precedents 3",
                                    "show me the precedents for q2", "revised"))
    _, prec4, why_d, prec_b, prec1, prec3, prec_q2, revised = _replies(out)
    assert out.count("Verdict:") == 1  # no command was checked as a one-line draft
    for reply, n in ((prec4, "4"), (prec_b, "2"), (prec1, "1"), (prec3, "3"), (prec_q2, "2")):
        assert reply.strip().startswith("Closest precedents for your draft:")
        assert _listed(reply) == [n]
    assert why_d.strip().startswith("4. How many complaints of sexual misconduct against staff "
                                    "were received in 2023?\n   ")
    questions = _revised(revised + "Goodbye.")
    assert len(questions) == 4 and not any("precedents" in q for q in questions)


# -- 2. another period --------------------------------------------------------------------------


def test_a_year_moves_a_financial_year_to_that_year_and_a_date_to_that_year():
    questions = ["How many people were on the housing waiting list on 1 April 2024?",
                 "How many homes did the council let in 2023/24?",
                 "How much was spent in the financial year 2023-24?",
                 "How many pupils were enrolled in 2023/2024?",
                 "How many fines in 2023 compared with 2022?",
                 "What was the 2023 budget?",
                 "How many staff were employed on 31/03/2024?",
                 "Which software do you use?"]
    assert with_period(questions, "2022") == [
        "How many people were on the housing waiting list on 1 April 2022?",
        "How many homes did the council let in 2022/23?",
        "How much was spent in the financial year 2022-23?",
        "How many pupils were enrolled in 2022/2023?",
        "How many fines in 2022 compared with 2021?",
        "What was the 2022 budget?",
        "How many staff were employed on 31/03/2022?",
        "Which software do you use?"]


def test_a_financial_year_asked_for_puts_a_date_in_that_financial_year():
    questions = ["How many were on the list on 1 April 2024?",
                 "How many were on the list on 31 March 2024?",
                 "How many homes were let in 2023/24?"]
    assert with_period(questions, "2022/23") == [
        "How many were on the list on 1 April 2022?",
        "How many were on the list on 31 March 2023?",
        "How many homes were let in 2022/23?"]


def test_a_span_or_a_range_asked_for_leaves_dates_and_laws_alone():
    questions = ["How many were on the list on 1 April 2024?",
                 "How many requests under the Data Protection Act 2018 did you get in 2023/24?"]
    assert with_period(questions, "the last three years") == [
        "How many were on the list on 1 April 2024?",
        "How many requests under the Data Protection Act 2018 did you get in the last three "
        "years?"]
    assert with_period(questions, "2019 to 2021")[1].endswith(
        "Data Protection Act 2018 did you get from 2019 to 2021?")


def test_chat_what_about_2022_moves_every_questions_period_the_same_way(built, cli):
    out = _chat(cli, built, f"{HOUSING}what about 2022?\nrevised\nquit\n")
    assert "Your draft, asked for 2022 instead:" in out and out.count("Verdict:") == 2
    assert _revised(out) == [
        "1. How many people were on the housing waiting list on 1 April 2022?",
        "2. How many homes did the council let in 2022/23?",
        "3. How much did the council spend on temporary accommodation in 2022-23?"]


def test_chat_a_financial_year_asked_for_is_taken_as_given(built, cli):
    out = _chat(cli, built, f"{HOUSING}and for 2021/22?\nrevised\nquit\n")
    assert _revised(out) == [
        "1. How many people were on the housing waiting list on 1 April 2021?",
        "2. How many homes did the council let in 2021/22?",
        "3. How much did the council spend on temporary accommodation in 2021/22?"]


# -- 3. the question last discussed ---------------------------------------------------------------


def test_chat_why_after_the_riskiest_is_about_that_question_only(built, cli):
    out = _chat(cli, built, _script(CCTV, "which question is most risky?", "why?"))
    _, riskiest, why = _replies(out)
    m = re.match(r"Question (\d) \((?:low|medium|high) risk, \d+%\):", riskiest.strip())
    assert m, riskiest
    n = m.group(1)
    assert why.strip().startswith(f"About question {n}, the one we were discussing (type why all")
    assert _listed(why) == [n]  # question n's reason, and no other


def test_chat_reword_it_and_show_precedents_follow_the_question_last_discussed(built, cli):
    out = _chat(cli, built, _script(CCTV, "why 3", "reword it", "show precedents", "why all",
                                    "why?", "would question 1 be refused?", "show precedents",
                                    "show precedents all"))
    _, why3, reword, prec, why_all, why, q1, prec_again, prec_all = _replies(out)
    assert out.count("Verdict:") == 1
    assert _listed(why3) == ["3"] and "the one we were discussing" not in why3
    assert reword.strip().startswith("About question 3, the one we were discussing (type "
                                     "reword all") and _listed(reword) == ["3"]
    assert prec.strip().startswith("About question 3") and _listed(prec) == ["3"]
    # 'why all' is the whole draft's risky questions, and a bare 'why?' after it too
    assert len(_listed(why_all)) >= 1 and "About question" not in why_all + why
    assert _listed(why) == _listed(why_all)
    assert q1.strip().startswith("Question 1 (")
    assert prec_again.strip().startswith("About question 1") and _listed(prec_again) == ["1"]
    assert _listed(prec_all) == ["1", "2", "3"]


def test_chat_a_new_draft_or_start_over_forgets_the_question_discussed(built, cli):
    script = _script(CCTV, "why 3", "start over").removesuffix("quit\n") + _script(CCTV, "why?")
    out = _chat(cli, built, script)
    assert out.count("Verdict:") == 2
    assert "the one we were discussing" not in out


def test_chat_asking_for_advice_on_the_whole_draft_ends_the_focus_on_one_question(built, cli):
    out = _chat(cli, built, _script(CCTV, "why 3", "what should I do?", "why?"))
    why = _replies(out)[-1]
    assert "About question" not in why and len(_listed(why)) >= 1


def test_chat_another_period_keeps_the_question_discussed(built, cli):
    out = _chat(cli, built, _script(HOUSING, "why 2", "what about 2022?", "why?"))
    why = _replies(out)[-1]
    assert why.strip().startswith("About question 2, the one we were discussing")
    assert _listed(why) == ["2"] and "2022/23" in why


def test_plain_view_means_the_question_last_discussed_unless_all_are_asked_for():
    assert plain_view("why?", focus=3) == ("w", 3)
    assert plain_view("reword it", focus=3) == ("r", 3)
    assert plain_view("why 2", focus=3) == ("w", 2)
    assert plain_view("why all", focus=3) == ("w", 0)
    assert plain_view("reword all", focus=3) == ("r", 0)
    assert plain_view("why?") == ("w", 0)
    assert plain_view("revised", focus=3) == ("d", 0)
    assert show_precedents("show precedents", focus=2) == (True, 2)
    assert show_precedents("show precedents for my draft", focus=2) == (True, 0)


# -- the Telegram bot ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_project(tmp_path_factory.mktemp("chat_follow_ups_round2"))


@pytest.fixture(scope="module")
def advisor(built: Path):
    from bot.config import load_config

    return open_advisor(load_config(built))


def test_telegram_show_precedents_n_period_and_the_question_discussed(built, advisor, tmp_path):
    config = bot_config(built, tmp_path)

    async def scenario():
        async with running(config, advisor) as fake:
            await fake.exchange(fake.push_text(UCL))
            reply = only_message(await fake.exchange(fake.push_text("show precedents 4")))
            assert reply.text.startswith("<b>Closest precedents")
            assert "sexual misconduct" in reply.text and "international students" not in reply.text
            reply = only_message(await fake.exchange(fake.push_text("precedents 2")))
            assert "defence companies" in reply.text and "sexual misconduct" not in reply.text
            await fake.exchange(fake.push_text(CCTV))  # a new draft: nothing discussed yet
            reply = only_message(await fake.exchange(fake.push_text(
                "which question is most risky?")))
            m = re.match(r"The riskiest is <b>question (\d)</b>\.\n\n<b>Why: question \1",
                         reply.text)
            assert m, reply.text
            reply = only_message(await fake.exchange(fake.push_text("why?")))
            assert reply.text.startswith(f"<b>Why: question {m.group(1)}")
            reply = only_message(await fake.exchange(fake.push_text("why all")))
            assert not reply.text.startswith(f"<b>Why: question {m.group(1)}")
            await fake.exchange(fake.push_text(HOUSING))
            reply = only_message(await fake.exchange(fake.push_text("what about 2022?")))
            assert "1 April 2022" in reply.text and "let in 2022/23" in reply.text
            assert "2023-24" not in reply.text and "in 2022-23" in reply.text
    run(scenario())
