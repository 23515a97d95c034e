"""The Telegram face: a python-telegram-bot Application over the Advisor; the only `telegram` user.

`build_application` wires handlers, limits and storage (tests point it at a fake Bot API);
`run_bot` is what `foi-assistant bot` runs. What the bot keeps: the authority a user chose
(bot.users, SQLite, salted-hash key, retention limit) and, in memory only, the results of the
user's last few drafts so the buttons work. Drafts are never written to disk or logged.

Talking to Telegram (bot/tg_transport.py): every call goes through PatientRateLimiter
(Telegram's rates; waits out a 429; retries timeouts and 5xx with bounded backoff, never 400 or
403), a watchdog here logs an error when getUpdates goes unanswered, and a lock file keyed by a
hash of the token stops a second copy of the bot from starting. Incoming floods are stopped per
user (bot/rate_limit.py); tokens are masked in every log line (bot/tg_logging.py).

Conversation states, per user (user_data["awaiting"]):
    IDLE ── /authority (no name) ──▶ AWAITING_AUTHORITY ── text ──▶ IDLE
    IDLE ── /precedents (no topic) ─▶ AWAITING_TOPIC ──── text ──▶ IDLE
    any ─── /cancel ──▶ IDLE.  In IDLE any text is a draft (or a short precedents question).
"""

from __future__ import annotations

import asyncio
import codecs
import importlib.util
import logging
import os
import re
import secrets
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import tg_render as render
from bot.advice import MAX_DRAFT_CHARS, Advisor, DraftError, off_topic_note
from bot.assessment import Assessment
from bot.config import Config, ConfigError
from bot.conversation import (
    PUBLISHED_NOTE,
    another_body,
    asks_advice,
    faq,
    plain_request,
    plain_view,
    question_asked,
    question_number,
    riskiest,
    riskiest_question,
    show_precedents,
    small_talk,
    start_over,
)
from bot.explain import GROUNDS, explain
from bot.periods import NO_PERIOD_NOTE, new_period, with_period
from bot.rate_limit import RateLimiter
from bot.tg_logging import configure_logging, quiet_http_logs
from bot.tg_transport import (
    AlreadyRunning,
    PatientRateLimiter,
    WatchedRequest,
    instance_lock,
)
from bot.track_record import KIND_NAMES, authority_kind
from bot.users import UserStore
from corpus.header import expand_initials

log = logging.getLogger("bot.telegram")
T = TypeVar("T")

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
ALLOWED_UPDATES = ["message", "callback_query"]
MISSING_TOKEN = (
    "error: TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), "
    "then `export TELEGRAM_BOT_TOKEN=...`; to try the assistant locally without Telegram, run "
    "`foi-assistant chat`.")

IDLE, AWAITING_AUTHORITY, AWAITING_TOPIC = None, "authority", "topic"
KEPT_PER_USER = 3  # assessments whose buttons still work
MAX_AUTHORITY_CHARS = 120  # a longer "name" is not an authority's: not kept
SORRY = "Sorry, something went wrong on my side and I could not finish that. Please try again."
NOT_TEXT = ("I can only read drafts as text: paste the text of your request here, or send it "
            "as a .txt file.")
FIRST_DRAFT = "Paste a draft first; then I can tell you more about it."
THROTTLED = ("You are sending messages faster than I can check them. Please wait {wait} "
             "seconds and send that again.")
TOO_LONG = ("That draft is too long for me to check ({size:,} characters; the limit is "
            "{limit:,}). Long requests are often refused under the s12 cost limit anyway: split "
            "it, and send the parts one at a time.")

COMMANDS = [
    ("start", "What this bot does and what it keeps"),
    ("help", "The commands"),
    ("authority", "Set the authority you are writing to"),
    ("precedents", "What happened when people asked about a topic"),
    ("explain", "An exemption in plain words, e.g. /explain s31"),
    ("why", "Why your last draft's questions may be refused"),
    ("reword", "Rewordings for your last draft's risky questions"),
    ("revised", "Your last draft, revised, ready to copy"),
    ("forget", "Delete everything kept about you, at once"),
    ("cancel", "Stop waiting for an answer to my question"),
]


# -- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BotSettings:
    """The `[bot]` table of config.toml, checked once at start-up."""

    mode: str = "polling"  # or "webhook"
    webhook_url: str = ""  # the public https URL Telegram posts to (webhook mode)
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    users_db: Path = Path("data/users.db")  # relative to config.toml
    retention_days: float = 90.0  # a saved authority is deleted this long after it was set
    memory_hours: float = 24.0  # in-memory assessments (for the buttons) are dropped after this
    rate_burst: int = 10  # drafts a user may send at once (a tap or command costs a quarter)
    rate_per_minute: float = 20.0  # ...and on average
    max_upload_bytes: int = 65_536  # .txt drafts
    read_timeout: float = 5.0  # seconds to wait for Telegram's answer before retrying
    poll_stall_seconds: float = 60.0  # no answer to getUpdates this long: log an error

    @classmethod
    def from_config(cls, config: Config) -> BotSettings:
        raw = dict(config.bot)
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise ConfigError(f"unknown key(s) in [bot] of config.toml: {', '.join(unknown)}; "
                              f"known: {', '.join(known)}")
        values: dict[str, Any] = {}
        for name, value in raw.items():
            default = getattr(cls, name)
            try:
                values[name] = (config.root / str(value) if isinstance(default, Path)
                                else type(default)(value))
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"[bot] {name} = {value!r} in config.toml: {exc}") from exc
        values.setdefault("users_db", config.root / cls.users_db)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.mode not in ("polling", "webhook"):
            raise ConfigError(f"[bot] mode must be \"polling\" or \"webhook\", not {self.mode!r}")
        if self.mode == "webhook" and not self.webhook_url.startswith("https://"):
            raise ConfigError("[bot] webhook mode needs webhook_url = \"https://...\"")
        for name in ("retention_days", "memory_hours", "rate_burst", "rate_per_minute",
                     "max_upload_bytes", "webhook_port", "read_timeout", "poll_stall_seconds"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"[bot] {name} must be positive")


# -- the polling watchdog, and what the handlers share ------------------------------------------


async def watch_polling(context: Context) -> None:
    """Every few seconds: polling that has had no answer for `poll_stall_seconds` is logged as
    an error (once); PTB keeps retrying (each try bounded by read_timeout), and the recovery is
    logged when answers resume."""
    services = _services(context)
    watched = services.updates_request
    if watched is None:
        return
    silent = time.monotonic() - watched.last_answer
    if silent > services.settings.poll_stall_seconds and not watched.stalled:
        watched.stalled = True
        log.error("polling has stalled: no answer from Telegram to getUpdates for %.0f s; "
                  "still retrying", silent)
    elif watched.stalled and silent <= services.settings.poll_stall_seconds:
        watched.stalled = False
        log.info("polling recovered: Telegram answers getUpdates again")


@dataclass
class Kept:
    """An assessment held in memory for its buttons, and the messages that show it."""

    assessment: Assessment
    created: float = field(default_factory=time.time)
    message_ids: set[int] = field(default_factory=set)


def _remember(store: dict[str, Any], value: Any) -> str:
    """Keep `value` under a fresh random key; only the newest few survive."""
    key = secrets.token_urlsafe(6)  # 8 characters of [A-Za-z0-9_-]
    store[key] = value
    while len(store) > KEPT_PER_USER:
        del store[next(iter(store))]
    return key


@dataclass
class Services:
    """What the handlers share, held in bot_data."""

    advisor: Advisor
    users: UserStore
    settings: BotSettings
    limiter: RateLimiter
    owns_users: bool = False
    updates_request: WatchedRequest | None = None
    check_lock: threading.Lock = field(default_factory=threading.Lock)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a check or search in a worker thread, one at a time (the embedder and FAISS
        are shared), so the event loop keeps answering other users meanwhile."""
        def locked() -> T:
            with self.check_lock:
                return fn(*args)
        return await asyncio.to_thread(locked)


Context = ContextTypes.DEFAULT_TYPE


def _services(context: Context) -> Services:
    return context.bot_data["foi"]


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Updates of different users run concurrently; one user's updates run in order, so
    '/authority X' is applied before the draft sent just after it."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Any) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            await coroutine
            return
        lock, users = self._locks.get(user.id, (asyncio.Lock(), 0))
        self._locks[user.id] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[user.id]
            if users <= 1:
                del self._locks[user.id]
            else:
                self._locks[user.id] = (lock, users - 1)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


# -- pure helpers -------------------------------------------------------------------------------

_PRECEDENTS_QUESTION = re.compile(
    r"(?:what happened when (?:people|someone|anyone|others) asked|has anyone (?:ever )?asked"
    r"|have (?:people|others) asked|precedents?|past requests)(?: (?:about|for|on|if|whether))?"
    r"\s+(.+?)[?.!]*", re.I | re.S)


def precedents_topic(text: str) -> str | None:
    """The topic when a short one-line message asks about precedents, else None (a draft)."""
    text = text.strip()
    if len(text) > 200 or "\n" in text:
        return None
    m = _PRECEDENTS_QUESTION.fullmatch(text)
    return m.group(1).strip() if m and m.group(1).strip() else None


def section_argument(text: str) -> str:
    """'section 31' -> 's31', 'reg 12' -> 'r12', 'S31(3)' -> 's31(3)'."""
    text = text.strip().lower().replace(" ", "")
    text = re.sub(r"^(section|sec\.?)", "s", text)
    return re.sub(r"^(regulation|reg\.?)", "r", text)


def decode_upload(data: bytes) -> str | None:
    """A .txt file's text (UTF-8, UTF-16 with a BOM, else Windows-1252), None for binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return None if "\x00" in text else text


def start_html(settings: BotSettings) -> str:
    return (
        "<b>I check a draft Freedom of Information request</b> against how similar past "
        "requests to UK public authorities were answered: for each question, the risk of a "
        "refusal, the likely exemption, the closest precedent, and a rewording that should fare "
        "better.\n\n"
        "<b>What I keep:</b> only the authority you choose with /authority, under a salted hash "
        f"of your Telegram id, for {settings.retention_days:g} days after you set it. Your "
        "drafts are checked in memory and never written to disk; the results stay in memory for "
        f"the buttons, at most {settings.memory_hours:g} hours. /forget deletes everything "
        "at once.\n\n"
        "Paste your draft here (or send it as a .txt file) to begin. /help lists the commands.")


def help_html() -> str:
    usage = {"authority": "/authority NAME", "precedents": "/precedents TOPIC",
             "explain": "/explain s31", "why": "/why [N]", "reword": "/reword [N]"}
    lines = [f"{render.esc(usage.get(name, '/' + name))} — {render.esc(text)}"
             for name, text in COMMANDS]
    return ("<b>Paste a draft FOI request</b> (or send a .txt file) and I will check each "
            "question against real past responses. You can also ask <i>what happened when "
            "people asked about CCTV?</i>\n\n" + "\n".join(lines)
            + "\n\nIn a group, mention me or use a command.")


# -- sending ------------------------------------------------------------------------------------


def _markup(buttons: render.Buttons) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in row] for row in buttons])


async def send_html(context: Context, chat_id: int, text: str, buttons: render.Buttons = (),
                    reply_to: int | None = None) -> list[Message]:
    """Send `text` in parts under the limit; the buttons go under the last part."""
    parts = render.split_html(text)
    sent = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) \
            if reply_to and n == 0 else None
        sent.append(await context.bot.send_message(
            chat_id, part, reply_markup=_markup(list(buttons)) if last else None,
            reply_parameters=reply))
    return sent


async def answer(update: Update, context: Context, text: str,
                 buttons: render.Buttons = ()) -> list[Message]:
    """Reply in the update's chat; in a group, as a reply to the user's message."""
    chat = update.effective_chat
    message = update.effective_message
    in_group = chat.type != ChatType.PRIVATE
    return await send_html(context, chat.id, text, buttons,
                           reply_to=message.message_id if in_group and message else None)


@asynccontextmanager
async def typing(context: Context, chat_id: int) -> AsyncIterator[None]:
    """'typing…' for as long as the block runs (Telegram shows it for about 5 seconds)."""
    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(4.5)
            with suppress(TelegramError):
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)

    with suppress(TelegramError):
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


def addressed_text(message: Message, username: str | None) -> str | None:
    """The text meant for the bot: all of it in a private chat; in a group only when it
    mentions the bot (the mention removed), else None."""
    text = message.text if message.text is not None else (message.caption or "")
    if message.chat.type == ChatType.PRIVATE:
        return text
    if not username:
        return None
    mention = f"@{username}".lower()
    entities = (message.parse_entities([MessageEntity.MENTION]) if message.text is not None
                else message.parse_caption_entities([MessageEntity.MENTION]))
    if not any(value.lower() == mention for value in entities.values()):
        return None
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.I).strip()


# -- the checks ---------------------------------------------------------------------------------


def _kept(context: Context) -> dict[str, Kept]:
    return context.user_data.setdefault("kept", {})


def _scottish(context: Context) -> bool:
    """Whether the user's last draft went to a Scottish body: /explain s38 then means FOISA's
    s38, and an appeal goes to the Scottish Information Commissioner."""
    latest = _latest(context)
    return latest is not None and latest[1].assessment.law in ("FOISA", "EISR")


def _environmental(context: Context) -> bool:
    """Whether the user's last draft asked for environmental information: the Regulations
    have no cost limit in hours, so 'what is the cost limit?' is answered in their terms."""
    latest = _latest(context)
    return latest is not None and latest[1].assessment.law in ("EIR", "EISR")


def _latest(context: Context) -> tuple[str, Kept] | None:
    kept = _kept(context)
    return next(reversed(kept.items())) if kept else None


async def check_and_reply(update: Update, context: Context, text: str, *,
                          authority: str | None = None, lead: str = "") -> None:
    """The heart of it: check the draft in a thread while 'typing…' shows, then the verdict.
    `authority` stands in when the user set none (the body the last draft was checked for);
    `lead` says what this check is (the last draft over another period)."""
    services = _services(context)
    user = update.effective_user
    if len(text) > MAX_DRAFT_CHARS:  # refused here, before the queue for the embedder
        await answer(update, context, render.esc(TOO_LONG.format(size=len(text),
                                                                 limit=MAX_DRAFT_CHARS)))
        return
    authority = services.users.authority(user.id) or authority
    try:
        async with typing(context, update.effective_chat.id):
            assessment = await services.run(services.advisor.check_draft, text, authority)
    except DraftError as exc:
        await answer(update, context, render.esc(str(exc)))
        return
    kept = Kept(assessment)
    key = _remember(_kept(context), kept)
    if not lead:  # a new draft: no question of it discussed yet (a re-check keeps the numbers)
        context.user_data.pop("focus", None)
    sent = await answer(update, context, lead + render.assessment_html(assessment),
                        render.assessment_buttons(key))
    kept.message_ids.update(m.message_id for m in sent)
    log.info("checked a draft for user %s: %d questions", services.users.tag(user.id),
             len(assessment.questions))


async def show_precedents_for(update: Update, context: Context, topic: str) -> None:
    services = _services(context)
    topic = topic.strip().rstrip("?")
    authority = services.users.authority(update.effective_user.id)
    async with typing(context, update.effective_chat.id):
        found = await services.run(services.advisor.precedents, topic, authority)
    note = off_topic_note(topic, found)
    await answer(update, context, (f"<i>{render.esc(note)}</i>\n" if note else "")
                 + render.search_html(topic, found, authority))


async def set_authority(update: Update, context: Context, name: str) -> None:
    """Exact or fuzzy match: set it; several candidates: buttons to pick; none: say so."""
    services = _services(context)
    user_id = update.effective_user.id
    if name.strip().lower() in ("off", "none", "clear", "-"):
        services.users.set_authority(user_id, None)
        await answer(update, context, "Authority cleared: everyone's history counts the same.")
        return
    name = expand_initials(name)  # 'MoD': the Ministry of Defence, a central department
    found, suggestions = services.advisor.resolve_authority(name)
    if found:
        services.users.set_authority(user_id, found)
        await answer(update, context, f"Authority set to <b>{render.esc(found)}</b>. Its own "
                     "history will come first in your checks.")
    elif suggestions:
        key = _remember(context.user_data.setdefault("choices", {}), list(suggestions))
        await answer(update, context, f"Which one do you mean by “{render.esc(name)}”?",
                     render.authority_buttons(key, suggestions))
    else:  # noted all the same, as the terminal chat does: its kind still counts
        if len(name.strip()) <= MAX_AUTHORITY_CHARS:
            services.users.set_authority(user_id, name.strip())
        kind = authority_kind(name)
        like = f", leaning on the record of {KIND_NAMES[kind]}" if kind != "other" else ""
        await answer(update, context, f"I have no past responses from “{render.esc(name)}”, so "
                     f"I will use everyone's history{like}. Check the spelling, or try a "
                     "shorter name (e.g. /authority Barnet).")


# -- command callbacks ----------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    context.user_data["awaiting"] = IDLE
    await answer(update, context, start_html(_services(context).settings))


async def show_help(update: Update, context: Context) -> None:
    await answer(update, context, help_html())


async def authority_command(update: Update, context: Context) -> None:
    name = " ".join(context.args or [])
    if name:
        context.user_data["awaiting"] = IDLE
        await set_authority(update, context, name)
        return
    current = _services(context).users.authority(update.effective_user.id)
    context.user_data["awaiting"] = AWAITING_AUTHORITY
    now = (f"You are writing to <b>{render.esc(current)}</b>. " if current
           else "No authority set: everyone's history counts the same. ")
    await answer(update, context, now + "Send the name of the authority (or /cancel).")


async def precedents_command(update: Update, context: Context) -> None:
    topic = " ".join(context.args or [])
    if topic:
        context.user_data["awaiting"] = IDLE
        await show_precedents_for(update, context, topic)
        return
    context.user_data["awaiting"] = AWAITING_TOPIC
    await answer(update, context, "Precedents on what? Send a topic, for example "
                 "<i>ransomware attacks</i> (or /cancel).")


async def explain_command(update: Update, context: Context) -> None:
    if not context.args:
        known = ", ".join(sorted(GROUNDS, key=lambda s: (s[0], int(s[1:]))))
        await answer(update, context, "Which exemption? For example /explain s31. I have notes "
                     f"on: {render.esc(known)}.")
        return
    text = explain(section_argument(" ".join(context.args)), _scottish(context))
    await answer(update, context, render.explain_html(text))


def _number(context: Context) -> int | None:
    """/why 2 -> 2; /why (c) -> 3; /why -> 0 (every risky question); nonsense -> None."""
    if not context.args:
        return 0
    number = question_number(" ".join(context.args))  # '2', 'q2', '(c)', 'the last'
    return int(number) if number else None


async def _view_command(update: Update, context: Context, action: str) -> None:
    await _view(update, context, action, _number(context))


def _focus(context: Context) -> int:
    """The question of the last draft last discussed ('which is riskiest?' -> 3; 0: none): what
    a bare 'why?', 'reword it' or 'show precedents' in plain words means, as in the chat."""
    return context.user_data.get("focus", 0)


async def _view(update: Update, context: Context, action: str, n: int | None,
                lead: str = "") -> None:
    """Why, rewordings or the revised draft of the last draft; n = 0: every risky question."""
    latest = _latest(context)
    if latest is None:
        await answer(update, context, FIRST_DRAFT)
        return
    key, kept = latest
    if n == -1:  # 'the last one'
        n = len(kept.assessment.questions)
    if n is None or n > len(kept.assessment.questions):
        await answer(update, context, f"Your last draft has questions 1 to "
                     f"{len(kept.assessment.questions)}.")
        return
    if n and action != "d":
        context.user_data["focus"] = n
    await answer(update, context, lead + render.VIEWS[action](kept.assessment, n),
                 render.view_buttons(action, key, kept.assessment, n))


async def why_command(update: Update, context: Context) -> None:
    await _view_command(update, context, "w")


async def reword_command(update: Update, context: Context) -> None:
    await _view_command(update, context, "r")


async def revised_command(update: Update, context: Context) -> None:
    await _view_command(update, context, "d")


async def forget(update: Update, context: Context) -> None:
    """Everything, at once: the saved authority (one transaction, WAL flushed) and memory."""
    services = _services(context)
    user_id = update.effective_user.id
    services.users.forget(user_id)
    services.limiter.forget(user_id)
    context.user_data.clear()
    context.application.drop_user_data(user_id)
    log.info("forgot user %s", services.users.tag(user_id))
    await answer(update, context, "Done: I have deleted everything I kept about you (your "
                 "authority and the results of your drafts). Your buttons no longer work.")


async def cancel(update: Update, context: Context) -> None:
    waiting = context.user_data.get("awaiting")
    context.user_data["awaiting"] = IDLE
    await answer(update, context, "Cancelled. Paste a draft whenever you are ready." if waiting
                 else "There was nothing to cancel. Paste a draft whenever you are ready.")


async def unknown_command(update: Update, context: Context) -> None:
    message = update.effective_message
    command = (message.text or "").split()[0]
    name, _, target = command.partition("@")
    if message.chat.type != ChatType.PRIVATE and target.lower() != (context.bot.username or
                                                                    "").lower():
        return  # a command for another bot in the group
    await answer(update, context, f"I don't know {render.esc(name)}. /help lists what I can do.")


# -- message callbacks ----------------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    """Plain text: the answer to my question, a precedents question, or a draft."""
    text = addressed_text(update.effective_message, context.bot.username)
    if text is None:
        return
    if not text.strip():
        await answer(update, context, "Paste a draft, or send /help.")
        return
    awaiting = context.user_data.get("awaiting")
    context.user_data["awaiting"] = IDLE
    one_line = "\n" not in text.strip() and len(text) <= 200  # else it is a draft after all
    if awaiting == AWAITING_AUTHORITY and one_line:
        await set_authority(update, context, text)
    elif awaiting == AWAITING_TOPIC and one_line:
        await show_precedents_for(update, context, text)
    elif one_line and (shown := show_precedents(text, _focus(context))) is not None:
        await _view(update, context, "p", shown[1])
    elif (topic := precedents_topic(text)) is not None:
        await show_precedents_for(update, context, topic)
    elif one_line and (period := new_period(text)) is not None:  # 'what about 2022?'
        await _period(update, context, period)
    elif one_line and asks_advice(text):  # 'can you make it less risky?'
        await _advice(update, context)
    elif one_line and start_over(text):  # 'start over': the results and the authority go
        await _start_over(update, context)
    elif one_line and (body := another_body(text, _services(context).advisor)) is not None:
        await _another_body(update, context, body)  # 'and for Kent Police?': the same draft
    elif one_line and (view := plain_view(text, _focus(context))) is not None:  # 'why 2?'
        await _view(update, context, *view)
    elif one_line and riskiest(text):  # 'which question is most risky?'
        await _riskiest(update, context)
    elif one_line and (asked := question_asked(text)) is not None:  # 'is q1 published?'
        await _about_draft(update, context, *asked)
    elif one_line and (asked := plain_request(text)) is not None:  # 'I'm writing to Kent Police'
        await _plain_request(update, context, *asked)
    elif (reply := small_talk(text)) is not None:
        await answer(update, context, render.esc(reply))
    else:
        await check_and_reply(update, context, text)


async def _about_draft(update: Update, context: Context, asked: str, n: int = 0) -> None:
    """A short question about the last draft, or the one question named: whether it is
    published (s21), else why it is at risk; the draft stays the user's."""
    latest = _latest(context)
    if asked != "published" or latest is None:  # 'why would they refuse it?': 'it' is the
        await _view(update, context, "w", n or (_focus(context) if asked == "why" else 0))
        return
    questions = latest[1].assessment.questions
    n = len(questions) if n == -1 else n
    if n > len(questions):
        await answer(update, context, f"Your last draft has questions 1 to {len(questions)}.")
        return
    which = f"<b>Question {n}</b>: {render.esc(questions[n - 1].text)}\n" if n else ""
    await answer(update, context, which + render.esc(PUBLISHED_NOTE) + "\n\n"
                 + render.explain_html(explain("s21", _scottish(context))))


async def _riskiest(update: Update, context: Context) -> None:
    """'which question is most risky?': that question's risk and why, as the terminal chat
    answers it; it is then the question a bare 'why?' or 'reword it' means."""
    latest = _latest(context)
    if latest is None:
        await answer(update, context, FIRST_DRAFT)
        return
    n = riskiest_question(latest[1].assessment)
    await _view(update, context, "w", n, lead=f"The riskiest is <b>question {n}</b>.\n\n")


async def _advice(update: Update, context: Context) -> None:
    """'what should I do?': the last draft's verdict and advice, as the terminal chat gives
    them; the draft stays the user's."""
    latest = _latest(context)
    if latest is None:
        await answer(update, context, FIRST_DRAFT)
        return
    context.user_data.pop("focus", None)  # the whole draft: a bare 'why?' is about it again
    overall = latest[1].assessment.overall
    lines = [render.esc(overall.verdict), *(f"• {render.esc(a)}" for a in overall.advice)]
    await answer(update, context, "\n".join(lines) + "\n/revised for the whole draft "
                 "rewritten, ready to copy.")


async def _start_over(update: Update, context: Context) -> None:
    """'start over': the drafts kept in memory and the saved authority forgotten (the terminal
    chat's fresh start; /forget also deletes the rest)."""
    _services(context).users.set_authority(update.effective_user.id, None)
    _kept(context).clear()
    context.user_data.pop("focus", None)
    await answer(update, context, "Started over: your drafts and authority are forgotten. "
                 "Paste a new draft.")


async def _another_body(update: Update, context: Context, name: str) -> None:
    """'and for Kent Police?': the authority set, and the last draft checked again for it, as
    the terminal chat does; a name with several matches gets its buttons first."""
    users, user_id = _services(context).users, update.effective_user.id
    before = users.authority(user_id)
    await set_authority(update, context, name)
    latest, authority = _latest(context), users.authority(user_id)
    if latest is None or authority in (None, before):  # none set, or buttons to pick from
        return
    draft = "\n".join(f"{i}. {q.text}" for i, q in enumerate(latest[1].assessment.questions, 1))
    await check_and_reply(update, context, draft, lead="Your draft, checked again for "
                          f"<b>{render.esc(authority)}</b>:\n\n")


async def _period(update: Update, context: Context, period: str) -> None:
    """The last draft again over another period ('what about 2022?'), as the terminal chat
    does it; when no question names a period, how to add one, and the draft stays."""
    latest = _latest(context)
    if latest is None:
        await answer(update, context, FIRST_DRAFT)
        return
    assessment = latest[1].assessment
    changed = with_period([q.text for q in assessment.questions], period)
    if changed is None:
        await answer(update, context, render.esc(NO_PERIOD_NOTE.format(period=period)))
        return
    draft = "\n".join(f"{i}. {t}" for i, t in enumerate(changed, 1))
    await check_and_reply(update, context, draft, authority=assessment.authority,
                          lead=f"Your draft, asked for <b>{render.esc(period)}</b> instead:\n\n")


async def _plain_request(update: Update, context: Context, kind: str, value: str) -> None:
    if kind == "authority":
        await set_authority(update, context, value)
    elif kind == "explain":
        await answer(update, context, render.explain_html(explain(value, _scottish(context))))
    else:
        await answer(update, context, render.esc(faq(value, _scottish(context),
                                                      eir=_environmental(context)) or ""))


async def on_document(update: Update, context: Context) -> None:
    """A .txt file is a draft (size-capped before download); anything else, a polite no."""
    message = update.effective_message
    if addressed_text(message, context.bot.username) is None:
        return
    document = message.document
    limit = _services(context).settings.max_upload_bytes
    is_txt = (document.file_name or "").lower().endswith(".txt") or \
        document.mime_type == "text/plain"
    if not is_txt:
        await answer(update, context, NOT_TEXT)
        return
    too_big = (f"That file is too big for a draft (the limit is {limit // 1024} KB). Send the "
               "questions themselves.")
    if document.file_size and document.file_size > limit:
        await answer(update, context, too_big)
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    text = decode_upload(data) if len(data) <= limit else None
    if text is None:
        await answer(update, context, too_big if len(data) > limit else NOT_TEXT)
        return
    await check_and_reply(update, context, text)


async def not_text(update: Update, context: Context) -> None:
    await answer(update, context, NOT_TEXT)


async def on_button(update: Update, context: Context) -> None:
    """A tap: strictly parsed, looked up only in the tapping user's own memory."""
    query = update.callback_query
    data = render.parse_callback(query.data)
    if data is not None and data.action == render.PICK_AUTHORITY:
        await pick_authority(update, context, data)
        return
    kept = _kept(context).get(data.key) if data else None
    if data is None or kept is None or data.n > len(kept.assessment.questions):
        await query.answer(render.EXPIRED, show_alert=True)
        return
    await query.answer()
    latest = _latest(context)
    if data.n and data.action != "d" and latest is not None and latest[0] == data.key:
        context.user_data["focus"] = data.n  # a tap on question 2 discusses question 2
    assessment = kept.assessment
    text = render.VIEWS[data.action](assessment, data.n)
    buttons = render.view_buttons(data.action, data.key, assessment, data.n)
    on_main = query.message is None or query.message.message_id in kept.message_ids
    if not on_main and _shows_already(query.message, query.data):
        return
    if not on_main and len(render.split_html(text)) == 1:
        try:
            await query.edit_message_text(text, reply_markup=_markup(buttons))
        except BadRequest as exc:
            if "not modified" not in str(exc):
                raise
        return
    await send_html(context, update.effective_chat.id, text, buttons)


def _shows_already(message: Any, data: str) -> bool:
    """The tapped button is the one marked current: editing would change nothing."""
    markup = getattr(message, "reply_markup", None)
    return any(b.callback_data == data and b.text.startswith(render.CURRENT)
               for row in (markup.inline_keyboard if markup else ()) for b in row)


async def pick_authority(update: Update, context: Context, data: render.Callback) -> None:
    query = update.callback_query
    names = context.user_data.get("choices", {}).get(data.key)
    if not names or data.n >= len(names):
        await query.answer(render.EXPIRED, show_alert=True)
        return
    await query.answer()
    _services(context).users.set_authority(update.effective_user.id, names[data.n])
    await query.edit_message_text(f"Authority set to <b>{render.esc(names[data.n])}</b>. Its "
                                  "own history will come first in your checks.")


# -- guards -----------------------------------------------------------------------------------


async def throttle(update: Update, context: Context) -> None:
    """Runs before every handler: a per-user token bucket; a flood stops here."""
    user = update.effective_user
    message = update.message
    if user is None or (update.callback_query is None and message is None):
        raise ApplicationHandlerStop  # edits, channel posts: not for us
    if message and message.chat.type != ChatType.PRIVATE and not _for_me(message, context):
        return  # group chatter the bot ignores costs nothing
    services = _services(context)
    verdict = services.limiter.check(user.id, _cost(update))
    if verdict == "ok":
        return
    if verdict == "warn":
        text = THROTTLED.format(wait=services.limiter.wait(user.id))
        if update.callback_query:
            await update.callback_query.answer(text, show_alert=True)
        else:
            await answer(update, context, text)
    log.info("throttled user %s", services.users.tag(user.id))
    raise ApplicationHandlerStop


CHEAP = 0.25


def _cost(update: Update) -> float:
    """A draft, an upload or a search embeds text: 1. A tap or another command: a quarter."""
    text = update.message.text if update.message else None
    if update.callback_query or (text and text.startswith("/") and
                                 not text.lower().startswith("/precedents ")):
        return CHEAP
    return 1.0


def _for_me(message: Message, context: Context) -> bool:
    is_command = bool(message.text and message.text.startswith("/"))
    return is_command or addressed_text(message, context.bot.username) is not None


HARMLESS = ("message is not modified", "query is too old", "query id is invalid")


async def report_error(update: object, context: Context) -> None:
    """One handler for every error: a short apology to the user; the traceback to the log,
    with a pseudonymous user id, never the update (it holds the draft) nor the token.
    Not errors: a user who blocked the bot (403), an edit or a tap answer that a retried,
    already-delivered request made redundant (400), and a blip while polling (PTB retries)."""
    error = context.error
    services = context.application.bot_data.get("foi")
    user = update.effective_user if isinstance(update, Update) else None
    who = services.users.tag(user.id) if services and user else "-"
    if isinstance(error, Forbidden):
        log.info("user %s has blocked the bot", who)
        return
    if isinstance(error, BadRequest) and any(h in str(error).lower() for h in HARMLESS):
        log.info("ignored a redundant request for user %s: %s", who, type(error).__name__)
        return
    if update is None and isinstance(error, Conflict):
        log.error("Telegram refuses getUpdates (409 Conflict): another program is polling "
                  "with this bot's token or a webhook is set; stop it")
        return
    if update is None and isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        log.warning("polling: Telegram did not answer (%s); retrying", type(error).__name__)
        return
    log.error("error while handling an update from user %s", who, exc_info=error)
    if isinstance(update, Update) and update.effective_chat:
        with suppress(TelegramError):
            await context.bot.send_message(update.effective_chat.id, render.esc(SORRY))


# -- lifecycle ----------------------------------------------------------------------------------


async def on_start(application: Application) -> None:
    """post_init: the command menu, and the retention limit applied once straight away."""
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    services: Services = application.bot_data["foi"]
    removed = services.users.purge(services.settings.retention_days)
    log.info("started as @%s; retention purge removed %d settings", application.bot.username,
             removed)


async def on_stop(application: Application) -> None:
    services: Services = application.bot_data["foi"]
    if services.owns_users:
        services.users.close()


async def housekeeping(context: Context) -> None:
    """Hourly: drop expired settings, stale in-memory assessments and idle rate buckets."""
    services = _services(context)
    services.users.purge(services.settings.retention_days)
    cutoff = time.time() - services.settings.memory_hours * 3600
    for user_data in context.application.user_data.values():
        kept = user_data.get("kept", {})
        for key in [k for k, v in kept.items() if v.created < cutoff]:
            del kept[key]
    services.limiter.prune()


def build_application(config: Config, advisor: Advisor, *, token: str,
                      base_url: str | None = None, base_file_url: str | None = None,
                      request: BaseRequest | None = None, users: UserStore | None = None
                      ) -> Application:
    """The Application, ready for run_polling/run_webhook (or a test's fake Bot API).

    base_url/base_file_url point at another Bot API server (base_file_url defaults to the
    /file/bot sibling of base_url); `request` replaces the HTTP layer; `users` replaces the
    user store that [bot] users_db would open.
    """
    settings = BotSettings.from_config(config)
    quiet_http_logs()
    builder = (ApplicationBuilder().token(token)
               .defaults(Defaults(parse_mode=ParseMode.HTML,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .rate_limiter(PatientRateLimiter())
               .concurrent_updates(PerUserUpdateProcessor())
               .post_init(on_start).post_shutdown(on_stop))
    if base_url:
        builder = builder.base_url(base_url).base_file_url(
            base_file_url or re.sub(r"/bot$", "/file/bot", base_url.rstrip("/")))
    watched = None
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        watched = WatchedRequest(connection_pool_size=2, read_timeout=settings.read_timeout)
        builder = builder.read_timeout(settings.read_timeout).get_updates_request(watched)
    application = builder.build()
    application.bot_data["foi"] = Services(
        advisor, users or UserStore.open(settings.users_db), settings,
        RateLimiter(settings.rate_burst, settings.rate_per_minute), owns_users=users is None,
        updates_request=watched if settings.mode == "polling" else None)
    _add_handlers(application)
    if application.job_queue is not None:
        application.job_queue.run_repeating(housekeeping, interval=3600, first=3600,
                                            name="housekeeping")
        if watched is not None and settings.mode == "polling":
            every = min(15.0, settings.poll_stall_seconds / 4)
            application.job_queue.run_repeating(watch_polling, interval=every, first=every,
                                                name="watchdog")
    return application


def _add_handlers(application: Application) -> None:
    message = filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, throttle), group=-1)
    for name, callback in (("start", start), ("help", show_help),
                           ("authority", authority_command), ("precedents", precedents_command),
                           ("explain", explain_command), ("why", why_command),
                           ("reword", reword_command), ("revised", revised_command),
                           ("forget", forget), ("cancel", cancel)):
        application.add_handler(CommandHandler(name, callback, filters=message))
    application.add_handler(MessageHandler(message & filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(message & filters.Document.ALL, on_document))
    application.add_handler(MessageHandler(message & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(message & filters.ChatType.PRIVATE, not_text))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_error_handler(report_error)


def run_bot(config: Config) -> int:
    """`foi-assistant bot`: the token from TELEGRAM_BOT_TOKEN only; polling unless [bot]
    mode = "webhook". Returns the exit status."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        print(MISSING_TOKEN, file=sys.stderr)
        return 2
    try:
        settings = BotSettings.from_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if settings.mode == "webhook" and importlib.util.find_spec("tornado") is None:
        print("error: webhook mode needs `pip install \"python-telegram-bot[webhooks]\"`; "
              "or set [bot] mode = \"polling\".", file=sys.stderr)
        return 2
    try:
        lock = instance_lock(settings.users_db.parent, token)
    except AlreadyRunning as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with lock:
        configure_logging()
        from bot.runtime import open_advisor

        application = build_application(config, open_advisor(config), token=token)
        if settings.mode == "webhook":
            application.run_webhook(
                listen=settings.webhook_listen, port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=os.environ.get(SECRET_ENV) or secrets.token_urlsafe(32),
                allowed_updates=ALLOWED_UPDATES)
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0

