"""A fake Telegram Bot API on 127.0.0.1 for end-to-end tests of the real Application.

Serves what the bot uses (getMe, deleteWebhook, long-poll getUpdates fed from `push_*`,
sendMessage, editMessageText, answerCallbackQuery, sendChatAction, setMyCommands, getFile and
file downloads), records every call, and is as strict as the real API where it matters: HTML
that is unbalanced, uses an unknown tag or a stray `<`/`&` gets a 400 "can't parse entities",
as do texts over 4096 characters, empty texts, callback data over 64 bytes, and an edit that
changes nothing ("message is not modified").

Faults, for the reliability tests: `fail_next` (the next N calls of a method fail), `chaos`
(seeded random 429s, timeouts and 502s on a share of all calls), `blocked` (chats whose user
blocked the bot: 403) and `stall_updates` (getUpdates stops answering: a polling outage).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import random
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from telegram.request import BaseRequest

FAKE_TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop"
BOT_ID = 123456789
BOT_USERNAME = "foi_test_bot"

# Telegram's HTML subset: tag -> attributes allowed
ALLOWED = {"b": set(), "strong": set(), "i": set(), "em": set(), "u": set(), "ins": set(),
           "s": set(), "strike": set(), "del": set(), "span": {"class"}, "tg-spoiler": set(),
           "a": {"href"}, "code": {"class"}, "pre": set(), "blockquote": {"expandable"},
           "tg-emoji": {"emoji-id"}}
_JSON_FIELDS = {"reply_markup", "commands", "entities", "allowed_updates", "scope",
                "link_preview_options", "reply_parameters"}
_INT_FIELDS = {"chat_id", "message_id", "offset", "timeout", "limit", "cache_time"}
_HTML_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*)\s*>"
    r"|&(?:#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot);|[^<>&]+")
_ATTR = re.compile(r"([a-zA-Z-]+)(?:=\"([^\"]*)\")?")


class BadRequest(Exception):
    """A 400 the real API would give."""


def check_html(text: str) -> str:
    """The visible text of Telegram HTML, or BadRequest like the real parser."""
    pos, stack, out = 0, [], []
    while pos < len(text):
        m = _HTML_TOKEN.match(text, pos)
        if not m:
            raise BadRequest(f"Bad Request: can't parse entities: unexpected {text[pos]!r} "
                             f"at offset {pos}")
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name:
            name = name.lower()
            if name not in ALLOWED:
                raise BadRequest(f"Bad Request: can't parse entities: Unsupported start tag "
                                 f"\"{name}\" at byte offset {pos}")
            if closing:
                if not stack or stack[-1] != name:
                    raise BadRequest(f"Bad Request: can't parse entities: Can't find end tag "
                                     f"corresponding to start tag \"{stack[-1] if stack else ''}\"")
                stack.pop()
            else:
                for attr, _ in _ATTR.findall(attrs or ""):
                    if attr.lower() not in ALLOWED[name]:
                        raise BadRequest(f"Bad Request: can't parse entities: unsupported "
                                         f"attribute {attr!r} of tag {name!r}")
                stack.append(name)
        else:
            out.append(html.unescape(m.group(0)))
        pos = m.end()
    if stack:
        raise BadRequest(f"Bad Request: can't parse entities: Can't find end tag corresponding "
                         f"to start tag \"{stack[-1]}\"")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _entities(text: str) -> list[dict]:
    """The entities Telegram would attach: a leading /command and @mentions (UTF-16 offsets)."""
    found = []
    m = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", text)
    if m:
        found.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
    for m in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{5,32}", text):
        found.append({"type": "mention", "offset": utf16_len(text[: m.start()]),
                      "length": utf16_len(m.group(0))})
    return found


@dataclass
class Chaos:
    """Random faults on a share of calls, from a seeded RNG: 429 (with `retry_after`),
    timeouts (the answer comes `delay` seconds late, after the client gave up; in half of them
    the call was carried out first, as when Telegram delivers a message whose answer is lost)
    and 502. `no_timeouts` lists methods never timed out (getUpdates by default)."""

    seed: int = 0
    rate_429: float = 0.30
    rate_timeout: float = 0.10
    rate_502: float = 0.05
    retry_after: float = 0.1
    delay: float = 1.0
    no_timeouts: frozenset[str] = frozenset({"getUpdates"})
    served: Counter = field(default_factory=Counter)  # (method, fault) -> count
    calls: Counter = field(default_factory=Counter)  # method -> calls seen while active

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def pick(self, method: str) -> str | None:
        self.calls[method] += 1
        roll = self.rng.random()
        fault = None
        if roll < self.rate_429:
            fault = "429"
        elif roll < self.rate_429 + self.rate_timeout:
            fault = None if method in self.no_timeouts else "timeout"
        elif roll < self.rate_429 + self.rate_timeout + self.rate_502:
            fault = "502"
        if fault == "timeout":
            fault = "timeout-delivered" if self.rng.random() < 0.5 else "timeout-lost"
        if fault:
            self.served[method, fault] += 1
        return fault

    def count(self, fault: str) -> int:
        return sum(n for (_, f), n in self.served.items() if f.startswith(fault))


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    error: str | None = None
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    def buttons(self) -> list[tuple[str, str]]:
        markup = self.params.get("reply_markup") or {}
        return [(b["text"], b.get("callback_data", ""))
                for row in markup.get("inline_keyboard", []) for b in row]


class FakeBotAPI:
    """Start with `await fake.start()`; point the bot at `fake.base_url` / `fake.base_file_url`."""

    REPLIES = ("sendMessage", "editMessageText", "answerCallbackQuery")

    def __init__(self, token: str = FAKE_TOKEN, username: str = BOT_USERNAME) -> None:
        self.token = token
        self.username = username
        self.calls: list[Call] = []
        self.events: list[tuple[str, Any]] = []  # ("user", update) / ("bot", Call), in order
        self.errors: list[Call] = []
        self.files: dict[str, bytes] = {}
        self._updates: list[dict] = []
        self._next_update = 1
        self._next_message = 1000
        self._messages: dict[tuple[int, int], dict] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._faults: dict[str, list[tuple[int, str, dict]]] = {}
        self.faults_served: list[Call] = []
        self.chaos: Chaos | None = None
        self.blocked: set[int] = set()  # chats whose user blocked the bot: 403
        self.stalled = False  # getUpdates hangs (a polling outage) while True
        self.port = 0

    # -- server --------------------------------------------------------------------------

    async def start(self) -> FakeBotAPI:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        async with self._changed:
            self._closing = True  # answer pending long polls now, not at their timeout
            self._changed.notify_all()
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = dict(await request.post())
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if isinstance(value, str) and key in _JSON_FIELDS:
                value = json.loads(value)
            elif isinstance(value, str) and key in _INT_FIELDS:
                value = int(value)
            params[key] = value
        return params

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401,
                                      "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        if self._faults.get(method):
            status, description, extra = self._faults[method].pop(0)
            return self._fail(Call(method, params), status, description, extra)
        if params.get("chat_id") in self.blocked:
            return self._fail(Call(method, params), 403, "Forbidden: bot was blocked by the user")
        fault = self.chaos.pick(method) if self.chaos else None
        if fault == "429":
            retry_after = self.chaos.retry_after
            return self._fail(Call(method, params), 429,
                              f"Too Many Requests: retry after {retry_after}",
                              {"parameters": {"retry_after": retry_after}})
        if fault == "502":
            return self._fail(Call(method, params), 502, "Bad Gateway")
        if fault == "timeout-lost":
            await asyncio.sleep(self.chaos.delay)
            return self._fail(Call(method, params), 504, "Gateway Timeout")
        response = await self._serve(method, params)
        if fault == "timeout-delivered":
            await asyncio.sleep(self.chaos.delay)
        return response

    def _fail(self, call: Call, status: int, description: str, extra: dict | None = None
              ) -> web.Response:
        call.status, call.error = status, description
        self.faults_served.append(call)
        return web.json_response({"ok": False, "error_code": status,
                                  "description": description, **(extra or {})}, status=status)

    async def _serve(self, method: str, params: dict) -> web.Response:
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._get_updates(params)})
        call = Call(method, params)
        handler = getattr(self, f"_m_{method}", None)
        try:
            if handler is None:
                raise web.HTTPNotFound()
            result = handler(params)
        except BadRequest as exc:
            call.status, call.error = 400, str(exc)
            result = None
        call.result = result
        async with self._changed:
            self.calls.append(call)
            self.events.append(("bot", call))
            if call.error:
                self.errors.append(call)
            self._changed.notify_all()
        if call.error:
            return web.json_response({"ok": False, "error_code": 400,
                                      "description": call.error}, status=400)
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        content = self.files.get(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)

    async def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 5.0)
        async with self._changed:
            while not self._closing:
                if self.stalled:  # an outage: no answer at all until it ends
                    await self._changed.wait()
                    continue
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
            return list(self._updates[:100])

    def fail_next(self, method: str, status: int = 429, times: int = 1,
                  retry_after: float = 1, description: str | None = None) -> None:
        """Answer the next `times` calls of `method` with an error, as Telegram does:
        429 (flood control, with retry_after), 403 (the user blocked the bot), 400 (with
        `description`, e.g. "Bad Request: message is not modified"), 502..."""
        default, extra = {
            429: (f"Too Many Requests: retry after {retry_after}",
                  {"parameters": {"retry_after": retry_after}}),
            403: ("Forbidden: bot was blocked by the user", {}),
            400: ("Bad Request", {}),
        }.get(status, ("Bad Gateway", {}))
        self._faults.setdefault(method, []).extend(
            [(status, description or default, extra)] * times)

    async def stall_updates(self, stalled: bool = True) -> None:
        """Start (or end) a polling outage: getUpdates gets no answer meanwhile."""
        async with self._changed:
            self.stalled = stalled
            self._changed.notify_all()

    # -- methods ---------------------------------------------------------------------------

    def _me(self) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "FOI checker",
                "username": self.username, "can_join_groups": True,
                "can_read_all_group_messages": False, "supports_inline_queries": False}

    def _m_getMe(self, params: dict) -> dict:
        return self._me()

    def _m_deleteWebhook(self, params: dict) -> bool:
        return True

    def _m_setMyCommands(self, params: dict) -> bool:
        for c in params["commands"]:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c["command"]) or not 1 <= len(
                    c["description"]) <= 256:
                raise BadRequest("Bad Request: BOT_COMMAND_INVALID")
        return True

    def _m_sendChatAction(self, params: dict) -> bool:
        return True

    def _m_answerCallbackQuery(self, params: dict) -> bool:
        if len(params.get("text", "")) > 200:
            raise BadRequest("Bad Request: MESSAGE_TOO_LONG")
        return True

    def _check_text(self, params: dict) -> None:
        text = str(params.get("text", ""))
        shown = check_html(text) if params.get("parse_mode") == "HTML" else text
        if not shown.strip():
            raise BadRequest("Bad Request: message text is empty")
        if utf16_len(shown) > 4096:
            raise BadRequest("Bad Request: message is too long")
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data", "")
                if not 1 <= len(data.encode("utf-8")) <= 64:
                    raise BadRequest("Bad Request: BUTTON_DATA_INVALID")

    def _message(self, chat_id: int, params: dict, message_id: int | None = None) -> dict:
        if message_id is None:
            self._next_message += 1
            message_id = self._next_message
        msg = {"message_id": message_id, "date": int(time.time()),
               "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
               "from": self._me(), "text": check_html(params["text"])
               if params.get("parse_mode") == "HTML" else params["text"]}
        if params.get("reply_markup"):
            msg["reply_markup"] = params["reply_markup"]
        self._messages[(chat_id, message_id)] = {**msg, "_raw": params["text"]}
        return msg

    def _m_sendMessage(self, params: dict) -> dict:
        self._check_text(params)
        return self._message(params["chat_id"], params)

    def _m_editMessageText(self, params: dict) -> dict:
        self._check_text(params)
        key = (params["chat_id"], params["message_id"])
        old = self._messages.get(key)
        if old is None:
            raise BadRequest("Bad Request: message to edit not found")
        if old["_raw"] == params["text"] and old.get("reply_markup") == params.get(
                "reply_markup"):
            raise BadRequest("Bad Request: message is not modified: specified new message "
                             "content and reply markup are exactly the same")
        return self._message(params["chat_id"], params, params["message_id"])

    def _m_getFile(self, params: dict) -> dict:
        file_id = params["file_id"]
        path = f"documents/{file_id}.txt"
        if path not in self.files:
            raise BadRequest("Bad Request: invalid file_id")
        return {"file_id": file_id, "file_unique_id": "u" + file_id,
                "file_size": len(self.files[path]), "file_path": path}

    # -- feeding updates ---------------------------------------------------------------------

    async def _push(self, update: dict) -> dict:
        async with self._changed:
            update["update_id"] = self._next_update
            self._next_update += 1
            self._updates.append(update)
            self.events.append(("user", update))
            self._changed.notify_all()
        return update

    def _user(self, user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}

    def _chat(self, chat_id: int, user_id: int) -> dict:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{user_id}"}
        return {"id": chat_id, "type": "group", "title": "FOI group"}

    async def push_text(self, text: str, user: int = 1001, chat: int | None = None) -> dict:
        chat = user if chat is None else chat
        self._next_message += 1
        message = {"message_id": self._next_message, "date": int(time.time()),
                   "chat": self._chat(chat, user), "from": self._user(user), "text": text}
        if entities := _entities(text):
            message["entities"] = entities
        return await self._push({"message": message})

    async def push_document(self, file_name: str, content: bytes, mime: str = "text/plain",
                            user: int = 1001, chat: int | None = None,
                            declared_size: int | None = None) -> dict:
        """A file sent to the bot; `declared_size` makes the message lie about its size."""
        chat = user if chat is None else chat
        file_id = f"file{len(self.files) + 1}"
        self.files[f"documents/{file_id}.txt"] = content
        self._next_message += 1
        message = {"message_id": self._next_message, "date": int(time.time()),
                   "chat": self._chat(chat, user), "from": self._user(user),
                   "document": {"file_id": file_id, "file_unique_id": "u" + file_id,
                                "file_name": file_name, "mime_type": mime,
                                "file_size": len(content) if declared_size is None
                                else declared_size}}
        return await self._push({"message": message})

    async def push_callback(self, message: Call | dict, data: str, user: int = 1001) -> dict:
        """A tap on a button of a message the bot sent (a recorded Call or a message dict)."""
        if isinstance(message, Call):
            sent = self._messages[(message.chat_id, self.message_id_of(message))]
        else:
            sent = message
        query = {"id": f"q{self._next_update}", "from": self._user(user),
                 "chat_instance": "ci", "data": data,
                 "message": {k: v for k, v in sent.items() if k != "_raw"}}
        return await self._push({"callback_query": query})

    def message_id_of(self, call: Call) -> int:
        """The id of the message a recorded sendMessage created (or an edit changed)."""
        return call.result["message_id"]

    # -- waiting -----------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 10.0
                       ) -> list[Call]:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: predicate(self.calls)),
                                   timeout)
        return self.calls

    async def exchange(self, push, *, replies: int = 1,
                       methods: tuple[str, ...] = ("sendMessage", "editMessageText"),
                       settle: float = 0.1, timeout: float = 10.0) -> list[Call]:
        """Push an update (an awaitable from push_*) and return the bot's calls in answer:
        waits for `replies` calls of `methods` to that chat (or answering that button tap),
        then a moment for any more."""
        start = len(self.calls)
        update = await push
        query = update.get("callback_query") or {}
        message = update.get("message") or query["message"]
        chat = message["chat"]["id"]

        def related(c: Call) -> bool:
            return c.chat_id == chat or (bool(query) and
                                         c.params.get("callback_query_id") == query["id"])

        def enough(calls: list[Call]) -> bool:
            return sum(related(c) and c.method in methods for c in calls[start:]) >= replies
        await self.wait_for(enough, timeout)
        await asyncio.sleep(settle)
        return self.calls[start:]


@contextlib.asynccontextmanager
async def polling(app: Any, allowed_updates: list[str] | None = None) -> AsyncIterator[Any]:
    """Run a PTB Application the way run_polling does (post_init and post_shutdown included,
    errors while polling passed to the application's error handler), inside the test's event
    loop."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)

    def error_callback(exc: Exception) -> None:
        app.create_task(app.process_error(error=exc, update=None))
    await app.updater.start_polling(timeout=1, allowed_updates=allowed_updates,
                                    error_callback=error_callback)
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


def transcript(fake: FakeBotAPI) -> str:
    """The conversation as a user would see it: their messages, the bot's replies as plain
    text, buttons in [brackets], taps, edits and pop-ups."""
    lines: list[str] = []

    def say(who: str, text: str) -> None:
        first, *rest = text.strip().splitlines() or [""]
        lines.append(f"{who}{first}")
        lines.extend(f"     {line}" if line.strip() else "" for line in rest)

    for kind, item in fake.events:
        if kind == "user":
            if "callback_query" in item:
                query = item["callback_query"]
                rows = query["message"].get("reply_markup", {}).get("inline_keyboard", [])
                shown = {b["callback_data"]: b["text"] for row in rows for b in row}
                lines.append(f"You tap [{shown.get(query['data'], query['data'])}]")
            elif "document" in item["message"]:
                lines.append(f"You: (sends the file {item['message']['document']['file_name']})")
            else:
                say("You: ", item["message"]["text"])
        elif item.error is None and item.method in ("sendMessage", "editMessageText"):
            shown = check_html(item.text) if item.params.get("parse_mode") == "HTML" else item.text
            say("Bot: " if item.method == "sendMessage" else "Bot (edits that message): ", shown)
            rows = (item.params.get("reply_markup") or {}).get("inline_keyboard", [])
            for row in rows:
                lines.append("     " + " ".join(f"[{b['text']}]" for b in row))
        elif item.method == "sendChatAction":
            lines.append("Bot is typing…")
        elif item.method == "answerCallbackQuery" and item.params.get("text"):
            lines.append(f"Bot (pop-up): {item.params['text']}")
        else:
            continue
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


class RecordingRequest(BaseRequest):
    """The bot's HTTP layer swapped for a recorder that answers like Telegram: the fast,
    in-process way to drive the bot with `Application.process_update`."""

    def __init__(self, chat_type: str = "private") -> None:
        self.sent: list[tuple[str, dict]] = []
        self.chat_type = chat_type

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data=None, read_timeout=None,
                         write_timeout=None, connect_timeout=None, pool_timeout=None
                         ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[1]
        params = request_data.parameters if request_data else {}
        self.sent.append((endpoint, params))
        result: object = True
        if endpoint == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "FOI", "username": BOT_USERNAME}
        elif endpoint in ("sendMessage", "editMessageText"):
            result = {"message_id": params.get("message_id") or len(self.sent), "date": 0,
                      "text": params["text"],
                      "chat": {"id": params["chat_id"], "type": self.chat_type}}
        return 200, json.dumps({"ok": True, "result": result}).encode()
