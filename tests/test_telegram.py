"""The Telegram bot end to end: a real Application (real Updater, long polling) talking HTTP to
a fake Bot API on 127.0.0.1, over a real Advisor (SQLite, FAISS, the fake embedder).

Assertions are on what the fake server received: methods, chat ids, texts, buttons. The fake
answers 400 to invalid HTML and over-long texts like the real API, and every scenario ends
by checking that it never had to.
"""

from __future__ import annotations

import asyncio
import codecs
import dataclasses
import logging
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram import Update

from bot import tg_render as render
from bot.advice import Advisor
from bot.config import Config, ConfigError, load_config
from bot.rate_limit import RateLimiter
from bot.runtime import open_advisor
from bot.telegram_app import (
    ALLOWED_UPDATES,
    MISSING_TOKEN,
    NOT_TEXT,
    SORRY,
    BotSettings,
    build_application,
    decode_upload,
    precedents_topic,
    run_bot,
    section_argument,
)
from bot.tg_logging import MaskTokens, mask_tokens_in
from bot.users import UserStore
from tests.conftest import bot_config, built_project, needs_shared
from tests.fake_bot_api import (
    BOT_USERNAME,
    FAKE_TOKEN,
    Call,
    FakeBotAPI,
    RecordingRequest,
    check_html,
    polling,
)
from tests.make_transcript import write_transcript

DRAFT = """1. How many ransomware attacks has the council suffered in each month since 2019?
2. Which antivirus software do you use?
3. Do you offer cyber security training to staff?"""
BUTTONS = ["Precedents", "Why", "Reword", "Revised draft"]
ALICE, BOB = 1001, 2002
GROUP = -5005


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_project(tmp_path_factory.mktemp("telegram"))


@pytest.fixture(scope="module")
def advisor(project: Path) -> Advisor:
    return open_advisor(load_config(project))


@pytest.fixture
def config(project: Path, tmp_path: Path) -> Config:
    return bot_config(project, tmp_path)


@asynccontextmanager
async def running(config: Config, advisor: Advisor, fake: FakeBotAPI | None = None
                  ) -> AsyncIterator[FakeBotAPI]:
    """The bot as run_polling runs it (post_init included), against the fake Bot API."""
    own_fake = fake is None
    fake = fake or await FakeBotAPI().start()
    app = build_application(config, advisor, token=FAKE_TOKEN, base_url=fake.base_url)
    fake.app = app  # for the tests that run a job by hand
    try:
        async with polling(app, ALLOWED_UPDATES):
            yield fake
    finally:
        if own_fake:
            await fake.stop()
    assert fake.errors == [], [c.error for c in fake.errors]
    for call in fake.calls:
        if call.method in ("sendMessage", "editMessageText"):
            assert call.params.get("parse_mode") == "HTML"
            assert len(check_html(call.text)) <= 4096
            for _, data in call.buttons():
                assert render.parse_callback(data) is not None
                assert len(data.encode()) <= 64


def run(scenario) -> None:
    asyncio.run(asyncio.wait_for(scenario, 45))


def messages(calls: list[Call], chat: int | None = None) -> list[Call]:
    return [c for c in calls if c.method == "sendMessage" and (chat is None or c.chat_id == chat)]


def only_message(calls: list[Call]) -> Call:
    sent = messages(calls)
    assert len(sent) == 1, [c.text for c in sent]
    return sent[0]


def labels(call: Call) -> list[str]:
    return [label for label, _ in call.buttons()]


def data_for(call: Call, label: str) -> str:
    return dict(call.buttons())[label]


# -- commands ---------------------------------------------------------------------------------


def test_start_explains_what_is_kept_and_registers_the_menu(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            reply = only_message(await fake.exchange(fake.push_text("/start")))
            assert reply.chat_id == ALICE
            assert "What I keep:" in reply.text and "90 days" in reply.text
            assert "/forget" in reply.text and "never written to disk" in reply.text
            assert "Paste your draft" in reply.text
            menu = [c for c in fake.calls if c.method == "setMyCommands"]
            assert len(menu) == 1
            names = [c["command"] for c in menu[0].params["commands"]]
            assert {"start", "help", "authority", "precedents", "explain", "reword", "forget",
                    "cancel"} <= set(names)
            help_text = only_message(await fake.exchange(fake.push_text("/help"))).text
            for name in names:
                assert f"/{name}" in help_text
    run(scenario())


def test_a_draft_gets_a_verdict_per_question_lines_and_four_buttons(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            calls = await fake.exchange(fake.push_text(DRAFT))
            methods = [c.method for c in calls]
            assert methods.index("sendChatAction") < methods.index("sendMessage")
            assert calls[methods.index("sendChatAction")].params["action"] == "typing"
            reply = only_message(calls)
            assert reply.chat_id == ALICE
            assert re.match(r"<b>Verdict:</b> (High|Medium|Low) risk: ", reply.text)
            for n in (1, 2, 3):
                assert f"<b>{n}.</b>" in reply.text
            assert reply.text.count("Risk: <b>") == 3
            assert reply.text.count("likely exemption: ") == 3
            assert reply.text.count("Closest precedent:") == 3
            assert "Which antivirus software do you use?" in reply.text
            assert labels(reply) == BUTTONS
    run(scenario())


def test_each_button_adds_its_view_and_question_buttons_edit_it(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT)))
            views = {}
            for label in BUTTONS:
                calls = await fake.exchange(fake.push_callback(verdict, data_for(verdict,
                                                                                 label)))
                assert [c.method for c in calls].count("answerCallbackQuery") == 1
                views[label] = only_message(calls)
            assert views["Precedents"].text.startswith("<b>Closest precedents</b>")
            assert "similarity" in views["Precedents"].text
            assert views["Why"].text.startswith("<b>Why: the questions at medium or high risk")
            assert "closest past questions" in views["Why"].text
            assert "Try: <code>" in views["Reword"].text
            assert "<pre>1. How many ransomware" in views["Revised draft"].text
            assert "section 16" in views["Revised draft"].text
            assert labels(views["Why"]) == ["• Risky", "Q1", "Q2", "Q3"]
            assert labels(views["Precedents"]) == ["• All", "Q1", "Q2", "Q3"]
            assert labels(views["Revised draft"]) == []

            why = views["Why"]
            calls = await fake.exchange(fake.push_callback(why, data_for(why, "Q2")))
            edit = [c for c in calls if c.method == "editMessageText"]
            assert len(edit) == 1 and not messages(calls)
            assert edit[0].params["message_id"] == fake.message_id_of(why)
            assert edit[0].text.startswith("<b>Why: question 2</b>")
            assert "Which antivirus software" in edit[0].text
            assert labels(edit[0]) == ["Risky", "Q1", "• Q2", "Q3"]
            # the button of the view shown now: no edit (it would change nothing), no message
            edited = await fake.exchange(fake.push_callback(edit[0], data_for(edit[0], "• Q2")),
                                         methods=("answerCallbackQuery",))
            assert [c.method for c in edited] == ["answerCallbackQuery"]
    run(scenario())


def test_forged_stale_and_other_users_buttons_have_expired(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT, user=ALICE)))
            why = data_for(verdict, "Why")
            key = why.split(":")[2]
            for user, data in ((BOB, why), (ALICE, f"v1:w:{key}:9"), (ALICE, "v1:w:AAAAAAAA:1"),
                               (ALICE, "v2:w:" + key + ":1"), (ALICE, "' OR 1=1 --"),
                               (ALICE, why + " ")):
                calls = await fake.exchange(fake.push_callback(verdict, data, user=user),
                                            methods=("answerCallbackQuery",))
                answers = [c for c in calls if c.method == "answerCallbackQuery"]
                assert answers[0].params["text"] == render.EXPIRED, data
                assert not messages(calls), data
            # Bob's own draft does not unlock Alice's buttons either
            await fake.exchange(fake.push_text("Do you use CCTV in libraries?", user=BOB))
            calls = await fake.exchange(fake.push_callback(verdict, why, user=BOB),
                                        methods=("answerCallbackQuery",))
            assert not messages(calls)
    run(scenario())


@needs_shared  # "council" is ambiguous, and Sheffield present, only with the corpus slice
def test_authority_matches_suggests_and_comes_first(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            reply = only_message(await fake.exchange(fake.push_text("/authority barnet")))
            assert "Authority set to <b>London Borough of Barnet</b>" in reply.text
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT)))
            assert "Authority: London Borough of Barnet" in verdict.text

            pick = only_message(await fake.exchange(fake.push_text("/authority council")))
            assert "Which one do you mean" in pick.text
            assert "Leicester City Council" in labels(pick)
            calls = await fake.exchange(fake.push_callback(
                pick, data_for(pick, "Leicester City Council")))
            edit = next(c for c in calls if c.method == "editMessageText")
            assert "Authority set to <b>Leicester City Council</b>" in edit.text
            reply = only_message(await fake.exchange(fake.push_text("/authority")))
            assert "You are writing to <b>Leicester City Council</b>" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("Sheffield")))
            assert "Authority set to <b>Sheffield City Council</b>" in reply.text

            reply = only_message(await fake.exchange(fake.push_text("/authority Xyzzy Quango")))
            assert "no past responses" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/authority Kent Police")))
            assert "leaning on the record of police forces" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/authority")))
            assert "You are writing to <b>Kent Police</b>" in reply.text
    run(scenario())


def test_precedents_by_command_question_and_follow_up(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            for text in ("/precedents ransomware attacks",
                         "What happened when people asked about ransomware attacks?"):
                reply = only_message(await fake.exchange(fake.push_text(text)))
                assert reply.text.startswith("<b>What happened when people asked “ransomware "
                                             "attacks”</b>"), text
                assert "1. <b>" in reply.text and "similarity" in reply.text
            ask = only_message(await fake.exchange(fake.push_text("/precedents")))
            assert "Precedents on what?" in ask.text
            reply = only_message(await fake.exchange(fake.push_text("cyber security training")))
            assert "cyber security training" in reply.text and "similarity" in reply.text
            await fake.exchange(fake.push_text("/precedents"))
            assert "Cancelled" in only_message(await fake.exchange(fake.push_text("/cancel"))).text
            assert "nothing to cancel" in only_message(
                await fake.exchange(fake.push_text("/cancel"))).text
    run(scenario())


def test_explain_any_section(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            reply = only_message(await fake.exchange(fake.push_text("/explain s31")))
            assert reply.text.startswith("<b>s31 — law enforcement</b>")
            assert "How requesters get around it" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/explain section 40")))
            assert "personal data" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/explain s99")))
            assert "I have no note" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/explain")))
            assert "s31" in reply.text and "r12" in reply.text
    run(scenario())


def test_a_greeting_or_thanks_gets_a_polite_answer_not_a_check(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            reply = only_message(await fake.exchange(fake.push_text("Hello!")))
            assert reply.text.startswith("Hello. Paste the draft of your FOI request")
            reply = only_message(await fake.exchange(fake.push_text("thanks very much")))
            assert reply.text.startswith("You're welcome.")
            assert "could not find a question" not in reply.text
    run(scenario())


def test_reword_why_and_revised_commands_use_the_last_draft(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            assert "Paste a draft first" in only_message(
                await fake.exchange(fake.push_text("/reword"))).text
            await fake.exchange(fake.push_text(DRAFT))
            reply = only_message(await fake.exchange(fake.push_text("/reword 3")))
            assert reply.text.startswith("<b>Rewordings: question 3</b>")
            reply = only_message(await fake.exchange(fake.push_text("/why 7")))
            assert "questions 1 to 3" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/revised")))
            assert "<pre>" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/frobnicate")))
            assert "I don't know /frobnicate" in reply.text
    run(scenario())


def test_follow_ups_in_plain_words_answer_about_the_last_draft(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            await fake.exchange(fake.push_text(DRAFT))
            reply = only_message(await fake.exchange(fake.push_text("how would you reword "
                                                                    "the third one?")))
            assert reply.text.startswith("<b>Rewordings: question 3</b>")
            reply = only_message(await fake.exchange(fake.push_text("why is question 2 risky?")))
            assert reply.text.startswith("<b>Why: question 2</b>")
            reply = only_message(await fake.exchange(fake.push_text("is this published anyway?")))
            assert "publication scheme" in reply.text and "s21" in reply.text
            assert "Verdict" not in reply.text
            reply = only_message(await fake.exchange(fake.push_text("/revised")))
            assert "ransomware" in reply.text.lower()  # the draft is still the user's own
    run(scenario())


def test_plain_words_set_the_authority_explain_and_answer_questions_about_foi(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            reply = only_message(await fake.exchange(fake.push_text("I'm writing to barnet")))
            assert "Authority set to <b>London Borough of Barnet</b>" in reply.text
            reply = only_message(await fake.exchange(fake.push_text("what does NCND mean?")))
            assert "Neither confirm nor deny" in reply.text
            reply = only_message(await fake.exchange(fake.push_text(
                "how long do they have to reply?")))
            assert "20 working days (s10)" in reply.text and "Verdict" not in reply.text
    run(scenario())


def test_a_txt_upload_is_a_draft_and_other_files_are_politely_refused(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            calls = await fake.exchange(fake.push_document("draft.txt", DRAFT.encode("utf-8")))
            assert [c.method for c in calls if c.method == "getFile"] == ["getFile"]
            reply = only_message(calls)
            assert reply.text.startswith("<b>Verdict:</b>") and labels(reply) == BUTTONS

            calls = await fake.exchange(fake.push_document("draft.pdf", b"%PDF-1.4",
                                                           "application/pdf"))
            assert only_message(calls).text == NOT_TEXT
            assert "getFile" not in [c.method for c in calls]

            calls = await fake.exchange(fake.push_document("huge.txt", b"Q? " * 30_000))
            assert "too big" in only_message(calls).text
            assert "getFile" not in [c.method for c in calls]
    run(scenario())


def test_a_long_draft_is_split_into_valid_parts_with_buttons_on_the_last(config, advisor):
    draft = "\n".join(f"{n}. How many <b>cyber</b> attacks & ransomware incidents did the "
                      f"council record in {2000 + n}, and which firewall vendor was used?"
                      for n in range(1, 41))

    async def scenario():
        async with running(config, advisor) as fake:
            sent = messages(await fake.exchange(fake.push_text(draft), replies=2, settle=0.3))
            assert len(sent) >= 2
            assert all(len(c.text) <= 4096 for c in sent)
            assert [bool(c.buttons()) for c in sent] == [False] * (len(sent) - 1) + [True]
            assert "How many &lt;b&gt;cyber&lt;/b&gt; attacks &amp; ransomware" in sent[0].text
            whole = "".join(check_html(c.text) for c in sent)
            assert "40. How many <b>cyber</b>" in whole
            why = await fake.exchange(fake.push_callback(sent[-1], data_for(sent[-1], "Why")),
                                      settle=0.3)
            assert messages(why)
    run(scenario())


# -- privacy, groups, limits, errors -------------------------------------------------------


def test_forget_deletes_settings_and_memory_at_once(config, advisor):
    db = Path(config.bot["users_db"])

    async def scenario():
        async with running(config, advisor) as fake:
            await fake.exchange(fake.push_text("/authority barnet"))
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT)))
            reply = only_message(await fake.exchange(fake.push_text("/forget")))
            assert "deleted everything" in reply.text
            calls = await fake.exchange(fake.push_callback(verdict, data_for(verdict, "Why")),
                                        methods=("answerCallbackQuery",))
            assert [c.params.get("text") for c in calls] == [render.EXPIRED]
            reply = only_message(await fake.exchange(fake.push_text("/authority")))
            assert "No authority set" in reply.text
            await fake.exchange(fake.push_text("/cancel"))
    run(scenario())
    users = UserStore.open(db)
    key = users.key(ALICE)
    assert users.count() == 0
    users.close()
    for path in db.parent.glob(db.name + "*"):
        content = path.read_bytes()
        assert key.encode() not in content, path
        assert b"Barnet" not in content and b"ransomware" not in content, path


def test_a_restart_keeps_the_authority(config, advisor):
    async def scenario():
        fake = await FakeBotAPI().start()
        async with running(config, advisor, fake):
            await fake.exchange(fake.push_text("/authority leicester"))
        async with running(config, advisor, fake):  # a new Application, the same users.db
            reply = only_message(await fake.exchange(fake.push_text("/authority")))
            assert "You are writing to <b>Leicester City Council</b>" in reply.text
            await fake.exchange(fake.push_text("/cancel"))
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT)))
            assert "Authority: Leicester City Council" in verdict.text
        await fake.stop()
    run(scenario())


def test_in_a_group_only_mentions_and_commands_get_answers(config, advisor):
    async def scenario():
        async with running(config, advisor) as fake:
            await fake.push_text("Do you use CCTV in libraries?", user=ALICE, chat=GROUP)
            await fake.push_text("/precedents@other_bot cctv", user=ALICE, chat=GROUP)
            calls = await fake.exchange(fake.push_text(
                f"@{BOT_USERNAME} Do you offer cyber security training to staff?",
                user=ALICE, chat=GROUP))
            assert [c.method for c in calls].count("sendChatAction") == 1
            reply = only_message(calls)
            assert reply.chat_id == GROUP
            assert reply.params["reply_parameters"]["message_id"] > 0
            assert "Do you offer cyber security training" in reply.text
            assert BOT_USERNAME not in reply.text
            reply = only_message(await fake.exchange(fake.push_text(
                f"/explain@{BOT_USERNAME} s40", user=BOB, chat=GROUP)))
            assert "personal data" in reply.text
            # Bob, in the same group, cannot open Alice's results
            verdict = messages(fake.calls, GROUP)[0]
            calls = await fake.exchange(fake.push_callback(verdict, data_for(verdict, "Why"),
                                                           user=BOB),
                                        methods=("answerCallbackQuery",))
            assert not messages(calls)
        assert len(messages(fake.calls, GROUP)) == 2
    run(scenario())


def test_a_flooding_user_is_slowed_politely_and_others_are_not(config, advisor):
    config = dataclasses.replace(config, bot={**config.bot, "rate_burst": 2,
                                              "rate_per_minute": 1})

    async def scenario():
        async with running(config, advisor) as fake:
            for _ in range(2):
                assert "Verdict" in only_message(await fake.exchange(fake.push_text(DRAFT))).text
            reply = only_message(await fake.exchange(fake.push_text(DRAFT)))
            assert "faster than I can check them" in reply.text
            await fake.push_text(DRAFT)  # told once already: ignored
            reply = only_message(await fake.exchange(fake.push_text(DRAFT, user=BOB)))
            assert "Verdict" in reply.text
        assert len(messages(fake.calls, ALICE)) == 3
        typing = [c.chat_id for c in fake.calls if c.method == "sendChatAction"]
        assert typing == [ALICE, ALICE, BOB]
    run(scenario())


def test_flood_control_delays_a_reply_and_a_blocked_user_is_no_error(config, advisor, caplog):
    caplog.set_level(logging.INFO)

    async def scenario():
        async with running(config, advisor) as fake:
            fake.fail_next("sendMessage", 429, retry_after=1)
            reply = only_message(await fake.exchange(fake.push_text("/explain s31")))
            assert "law enforcement" in reply.text
            assert [(c.method, c.status) for c in fake.faults_served] == [("sendMessage", 429)]
            assert reply.at - fake.faults_served[0].at >= 1.0

            fake.fail_next("sendMessage", 403)  # Bob has blocked the bot: no retry, no apology
            await fake.push_text("/explain s40", user=BOB)
            reply = only_message(await fake.exchange(fake.push_text("/explain s12")))
            assert reply.chat_id == ALICE and "cost limit" in reply.text
            assert [(c.status, c.chat_id) for c in fake.faults_served[1:]] == [(403, BOB)]
    run(scenario())
    assert "has blocked the bot" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


class ExplodingAdvisor:
    """A real advisor whose check fails, to exercise the error handler."""

    def __init__(self, advisor: Advisor) -> None:
        self._advisor = advisor

    def __getattr__(self, name: str):
        return getattr(self._advisor, name)

    def check_draft(self, text: str, authority: str | None = None):
        raise RuntimeError("the index fell over")


def test_an_error_gets_an_apology_and_a_log_without_token_or_draft(config, advisor, caplog):
    caplog.set_level(logging.INFO)
    mask_tokens_in(caplog.handler)
    canary = "CANARY-7f3a9 how many ransomware attacks?"

    async def scenario():
        async with running(config, ExplodingAdvisor(advisor)) as fake:
            reply = only_message(await fake.exchange(fake.push_text(canary)))
            assert reply.text == SORRY
            logging.getLogger("bot.telegram").warning(  # on purpose: conftest skips it
                "token check %s", FAKE_TOKEN, extra={"deliberate_token": True})
    run(scenario())
    assert "RuntimeError: the index fell over" in caplog.text
    assert "Traceback" in caplog.text
    assert FAKE_TOKEN not in caplog.text and FAKE_TOKEN.split(":")[1] not in caplog.text
    assert "<bot-token>" in caplog.text
    assert "CANARY-7f3a9" not in caplog.text


def test_housekeeping_expires_results_kept_in_memory(config, advisor):
    config = dataclasses.replace(config, bot={**config.bot, "memory_hours": 0.0001})

    async def scenario():
        async with running(config, advisor) as fake:
            verdict = only_message(await fake.exchange(fake.push_text(DRAFT)))
            await asyncio.sleep(0.5)
            [job] = fake.app.job_queue.get_jobs_by_name("housekeeping")
            await job.run(fake.app)
            calls = await fake.exchange(fake.push_callback(verdict, data_for(verdict, "Why")),
                                        methods=("answerCallbackQuery",))
            assert [c.params.get("text") for c in calls] == [render.EXPIRED]
    run(scenario())


def test_run_bot_in_webhook_mode_needs_the_webhooks_extra(project, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    config = dataclasses.replace(load_config(project), bot={
        "mode": "webhook", "webhook_url": "https://bot.example.org/telegram"})
    assert run_bot(config) == 2
    err = capsys.readouterr().err
    assert "python-telegram-bot[webhooks]" in err and FAKE_TOKEN not in err


def test_run_bot_without_a_token_says_how_to_get_one(project, monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert run_bot(load_config(project)) == 2
    err = capsys.readouterr().err
    assert err.strip() == MISSING_TOKEN
    assert "@BotFather" in err and "foi-assistant chat" in err and "\n" not in err.strip()


def test_transcript_of_a_conversation(config, advisor, tmp_path):
    out = tmp_path / "transcript.md"
    asyncio.run(write_transcript(config, advisor, out))
    text = out.read_text(encoding="utf-8")
    assert "You: /start" in text
    assert "[Precedents] [Why] [Reword]" in text and "[Revised draft]" in text
    assert "You tap [Why]" in text
    assert "<b>" not in text and "&amp;" not in text


# -- the pieces, without a server ---------------------------------------------------------------


def test_an_injected_request_drives_the_bot_in_process(config, advisor):
    request = RecordingRequest()

    async def scenario():
        app = build_application(config, advisor, token=FAKE_TOKEN, request=request)
        async with app:
            await app.process_update(Update.de_json({"update_id": 1, "message": {
                "message_id": 5, "date": 0, "chat": {"id": ALICE, "type": "private"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "A"},
                "text": "/explain s43",
                "entities": [{"type": "bot_command", "offset": 0, "length": 8}]}}, app.bot))
        await app.post_shutdown(app)
    run(scenario())
    [(_, params)] = [s for s in request.sent if s[0] == "sendMessage"]
    assert params["chat_id"] == ALICE and "commercial interests" in params["text"]


def test_users_persist_forget_in_one_go_and_leave_nothing_behind(tmp_path):
    db = tmp_path / "users.db"
    users = UserStore.open(db)
    users.set_authority(ALICE, "Canary Borough Council")
    users.set_authority(BOB, "Leicester City Council")
    key = users.key(ALICE)
    users.close()
    assert oct((tmp_path / "users.db.salt").stat().st_mode & 0o777) == "0o600"
    users = UserStore.open(db)  # a restart: same salt, same keys
    assert users.key(ALICE) == key and users.authority(ALICE) == "Canary Borough Council"
    assert str(ALICE) not in key
    assert users.forget(ALICE) is True and users.forget(ALICE) is False
    assert users.authority(ALICE) is None and users.authority(BOB) == "Leicester City Council"
    for path in tmp_path.glob("users.db*"):  # the database and its WAL, while still open
        assert b"Canary" not in path.read_bytes() and key.encode() not in path.read_bytes()
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    users.close()


def test_retention_purges_settings_older_than_the_limit(tmp_path):
    now = [1_000_000.0]
    users = UserStore.open(tmp_path / "users.db", clock=lambda: now[0])
    users.set_authority(ALICE, "Old Council")
    now[0] += 50 * 86_400
    users.set_authority(BOB, "New Council")
    now[0] += 45 * 86_400
    assert users.purge(90) == 1
    assert users.authority(ALICE) is None and users.authority(BOB) == "New Council"
    users.close()


def test_token_bucket_refills_warns_once_and_weights_work():
    now = [0.0]
    limiter = RateLimiter(burst=2, per_minute=6, clock=lambda: now[0])
    assert [limiter.check(ALICE) for _ in range(4)] == ["ok", "ok", "warn", "quiet"]
    assert limiter.check(BOB) == "ok"
    assert limiter.wait(ALICE) == 10
    now[0] += 10
    assert limiter.check(ALICE) == "ok"
    assert limiter.check(ALICE, 0.25) == "warn"
    now[0] += 60
    assert [limiter.check(ALICE, 0.25) for _ in range(8)] == ["ok"] * 8
    limiter.prune()


def test_a_token_refilled_mid_flood_does_not_earn_a_second_warning():
    now = [0.0]
    limiter = RateLimiter(burst=2, per_minute=6, clock=lambda: now[0])
    assert [limiter.check(ALICE) for _ in range(3)] == ["ok", "ok", "warn"]
    answers = []
    for _ in range(15):  # one message a second: a token refills at 10 s, mid-flood
        now[0] += 1
        answers.append(limiter.check(ALICE))
    assert answers.count("ok") == 1 and answers.count("warn") == 0
    now[0] += 10  # a pause of one refill interval, as the warning asked
    assert limiter.check(ALICE) == "ok"
    assert limiter.check(ALICE) == "warn"


def test_settings_from_the_bot_table(project):
    config = load_config(project)
    defaults = BotSettings.from_config(config)
    assert defaults.mode == "polling" and defaults.users_db == config.root / "data/users.db"
    assert defaults.retention_days == 90 and defaults.max_upload_bytes == 65_536
    custom = BotSettings.from_config(dataclasses.replace(config, bot={
        "mode": "webhook", "webhook_url": "https://bot.example.org/hook", "retention_days": 30,
        "users_db": "state/u.db"}))
    assert custom.retention_days == 30.0 and custom.users_db == config.root / "state/u.db"
    for bad in ({"mode": "carrier pigeon"}, {"mode": "webhook"}, {"rate_burst": "many"},
                {"retention_days": 0}, {"tokne": "x"}):
        with pytest.raises(ConfigError):
            BotSettings.from_config(dataclasses.replace(config, bot=bad))


def test_precedents_questions_sections_and_uploads():
    assert precedents_topic("What happened when people asked about CCTV?") == "CCTV"
    assert precedents_topic("has anyone asked for fire safety audits") == "fire safety audits"
    assert precedents_topic("Precedents on ransomware") == "ransomware"
    assert precedents_topic("How many CCTV cameras do you have?") is None
    assert precedents_topic("What happened when people asked about X?\n2. And Y?") is None
    assert section_argument("Section 31") == "s31" and section_argument("reg 12") == "r12"
    assert section_argument("S40(2)") == "s40(2)"
    assert decode_upload("Q1? £5".encode()) == "Q1? £5"
    assert decode_upload(codecs.BOM_UTF8 + b"Q?") == "Q?"
    assert decode_upload("Q? é".encode("utf-16")) == "Q? é"
    assert decode_upload("caf\xe9?".encode("cp1252")) == "café?"
    assert decode_upload(b"\x89PNG\x00\x00") is None


def test_the_log_filter_masks_tokens_in_messages_and_tracebacks():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (
        f"https://api.telegram.org/bot{FAKE_TOKEN}/getMe",), None)
    try:
        raise RuntimeError(f"failed for {FAKE_TOKEN}")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert MaskTokens().filter(record)
    text = logging.Formatter().format(record)
    assert FAKE_TOKEN not in text and text.count("<bot-token>") == 2
