"""Hostile input, generated: the draft splitter, the corpus parsers, the Telegram renderer and
message splitter, and the buttons' callback data, each over 10,000 generated inputs in CI.

Hypothesis spends about a millisecond on each example however cheap the test, so related
functions share a property (each example goes through all of them): five properties of
10,000 examples fit the three minutes this file may take on two cores.

The example count comes from the Hypothesis profile registered in tests/conftest.py:
"ci" (the default) draws 10,000 per property, HYPOTHESIS_PROFILE=dev a few hundred. Inputs mix
free Unicode with the pieces real drafts, disclosure logs, WhatDoTheyKnow threads and Telegram
HTML are made of, so the generators reach deep into the code, not just its first check.
Validity of Telegram HTML is judged by the fake Bot API's parser (tests/fake_bot_api.py), an
implementation independent of the renderer's.
"""

from __future__ import annotations

import asyncio
import html
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from telegram import Update

from bot import tg_render as render
from bot.assessment import Assessment, Overall, QuestionAssessment
from bot.config import Config
from bot.reword import Rewording
from bot.telegram_app import build_application
from corpus.models import CorpusError, Document
from corpus.parse import parse_disclosure_record, parse_response_text, parse_wdtk_thread
from corpus.split import MAX_QUESTIONS, split_questions
from index.search import Precedent
from tests.fake_bot_api import BOT_USERNAME, FAKE_TOKEN, RecordingRequest, check_html, utf16_len

# -- the raw material ---------------------------------------------------------------------------
#
# Hypothesis costs about a millisecond an example however little it draws, and more for each
# further draw; 10,000 examples a property must stay cheap. So each input is made from one byte
# string and one number (two draws): each byte picks a piece, from the pieces drafts, records
# and Telegram HTML are made of or from a palette of characters (or the bytes are read as any
# Unicode, or as Latin-1), and the number picks the rest: the shape of a record (which keys, of
# which JSON types), where to cut, which flags. Shrinking still works: fewer bytes, smaller
# numbers.

NASTY = ["<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x1F600;", "<b>", "</b>", "<i>", "</a>",
         "<script>", "<a href='x'>", '"', "'", "\n", "\n\n", "\r\n", "\t", " ", "\u00a0",
         "😀", "👩‍👩‍👧", "\u200d", "\u202e", "é", "ﷺ", "\x00", "a" * 70, "😀" * 40,
         "javascript:alert(1)", "http://x/<b>", "https://example.org/a?b=1&c=2", "@foi_test_bot"]
DRAFT_BITS = ["1.", "2)", "3:", "(a)", "b)", "(iii)", "iv.", "-", "•", "*", "Q1:", "Question 2 ",
              "?", ";", ":", ",", ".", " and ", " or ", "Dear Sir or Madam,", "Dear Mr Smith,",
              "I would like to request the following information:", "Please provide",
              "How many", "Which", "copies of all correspondence", "Yours faithfully,",
              "Kind regards", "Request:", "Response:", "Outcome:", "section 31(1)(a)", "s40(2)",
              "regulation 12(4)(b)", "FOI/2023/123", "12 March 2021", "2019-04-01",
              "Environmental Information Regulations", "withheld", "refused", "not held",
              "neither confirm nor deny", "Mr Smith", "john@example.com", "Council",
              "\n", "\n\n", "\n1. ", "\n2. ", "\n- ", "(", ")", "—", "On 1 May, X wrote:\n> ",
              "Please find our response below:", "Yours sincerely, Jane Doe"]
PIECES = NASTY + DRAFT_BITS
PALETTE = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     \n.,;:?!()[]{}"
           "<>&#/\\'\"-_=+*%$£€@~|^`éüßçøΩπЖж中文日本語한국어عربيעבר😀🎉👍\u200b\u00ad\u2028\x7f\x1b\ufeff")
PALETTE = (PALETTE * 2)[: 256 - len(PIECES)]


def glue(data: bytes) -> str:
    """Text from bytes: each byte a piece or a character."""
    n = len(PIECES)
    return "".join(PIECES[b] if b < n else PALETTE[b - n] for b in data)


GLUED = st.binary(max_size=40).map(glue)


def code_points(data: bytes) -> str:
    """Any Unicode from bytes, three a character (surrogates, which no Telegram text can
    hold, become U+FFFD)."""
    points = (int.from_bytes(data[i:i + 3], "big") % 0x110000 for i in range(0, len(data), 3))
    return "".join("\ufffd" if 0xD800 <= cp < 0xE000 else chr(cp) for cp in points)


def text_of(data: bytes, shape: int) -> str:
    """The bytes as text, one of four ways picked by the shape's top bits: glued pieces (half
    the time), any Unicode, or the bytes decoded as Latin-1."""
    kind = _bits(shape, 19) & 3
    return (code_points(data) if kind == 2 else data.decode("latin-1") if kind == 3
            else glue(data))


def shaped(kind: int, text: str) -> object:
    """A JSON value of the kind picked by `kind` (text for most kinds)."""
    values = [None, True, 0, -7, 2**70, 1.5, float("nan"), [text], {"k": text}, [], {}, [None]]
    return values[kind - 4] if 4 <= kind < 4 + len(values) else text


def _bits(shape: int, i: int) -> int:
    return (shape >> (4 * i)) & 15


SHAPE = st.integers(0, 2**80 - 1)  # 20 groups of 4 bits


def parsed_or_refused(parse, *args) -> Document | None:
    """The parser's Document, or None for a CorpusError; any other exception fails."""
    try:
        doc = parse(*args)
    except CorpusError as exc:
        assert str(exc)  # the reason the ingest report prints
        return None
    assert isinstance(doc, Document)
    assert doc.questions and all(isinstance(q.text, str) for q in doc.questions)
    json.dumps(doc.to_parse_json())
    return doc


# -- the draft splitter and the letter parser ---------------------------------------------------


def letter(text: str, shape: int) -> str:
    """A response letter made of the text: a head, the request, the response."""
    i = _bits(shape, 16) * len(text) // 16
    j = i + _bits(shape, 17) * (len(text) - i) // 16
    return f"{text[:i]}\nYou asked:\n{text[i:j]}\nOur response: {text[j:]}"


@given(st.binary(max_size=200), SHAPE)
def test_the_splitter_and_the_letter_parser_take_any_text(data: bytes, shape: int):
    """split_questions never fails and keeps to its limits; parse_response_text (a plain text
    letter, and the same text framed as a letter) raises nothing but CorpusError."""
    text = text_of(data, shape)
    questions = split_questions(text, semicolons=bool(shape & 1), answers_follow=bool(shape & 2))
    assert isinstance(questions, list) and len(questions) <= MAX_QUESTIONS
    assert all(isinstance(q, str) and len(q) > 2 for q in questions)
    if not text.strip():
        assert questions == []
    parsed_or_refused(parse_response_text, text, "key")
    parsed_or_refused(parse_response_text, letter(text, shape), "key")


# -- the record parsers: CorpusError or a Document, nothing else ---------------------------------

WHEN = ["", " (12 March 2021)", " (", " ()"]
DL_KEYS = ("title", "url", "regime", "authority", "authority_type", "outcome_hint")


def dl_record(shape: int, a: str, b: str, c: str, any_title: bool) -> object:
    """A disclosure-log record: a 'Request:/Response:/Outcome:' text, or any JSON, with some
    of the optional keys, each a string or (title only with `any_title`) any JSON value."""
    if _bits(shape, 0) == 15:
        return shaped(_bits(shape, 1), a)  # not an object at all
    text = (f"{a}\nRequest{WHEN[_bits(shape, 2) % 4]}: {b}\nResponse: {c}\nOutcome: {a[:20]}"
            if _bits(shape, 3) < 8 else shaped(_bits(shape, 3), b))
    record: dict = {"text": text}
    for i, key in enumerate(DL_KEYS, 4):
        kind = _bits(shape, i)
        if kind < 4:
            continue  # absent
        if key == "title" and not any_title:
            kind = 0 if kind < 10 else 4  # a string or null
        record[key] = shaped(kind, c)
    return record


@given(st.builds(dl_record, SHAPE, GLUED, GLUED, GLUED, st.just(True)))
@example({"text": "Parking\nRequest: How many parking fines?\nResponse: 12", "title": 7})
def test_parse_disclosure_record_with_any_json_title(record):
    parsed_or_refused(parse_disclosure_record, record)


STATUSES = ["successful", "partially_successful", "refused", "not_held", "waiting_response"]
TYPES = ["outgoing", "incoming", "comment"]
WDTK_KEYS = ("title", "id", "created_at", "authority", "source_url")


def wdtk_record(shape: int, texts: list[str], any_status: bool) -> object:
    """A WhatDoTheyKnow thread: up to four events (an object with a type and content, or any
    JSON), and some of the optional keys; display_status a string, or with `any_status` a list
    or an object."""
    if _bits(shape, 0) == 15:
        return shaped(_bits(shape, 1), texts[0])
    events: list = []
    for i in range(_bits(shape, 2) % 5):
        kind = _bits(shape, 3 + i)
        text = texts[i % len(texts)]
        if kind >= 13:
            events.append(shaped(kind - 9, text))
            continue
        content = [text, None, 3] if kind % 4 == 3 else shaped(kind if kind > 7 else 0, text)
        events.append({"type": TYPES[kind % 3] if kind < 12 else 5, "content": content})
    record: dict = {"events": events if _bits(shape, 7) < 14 else shaped(_bits(shape, 8), "")}
    for i, key in enumerate(WDTK_KEYS, 9):
        kind = _bits(shape, i)
        if kind >= 4:
            record[key] = shaped(kind, texts[-1])
    status = _bits(shape, 14)
    if any_status:
        record["display_status"] = [STATUSES[status % 5]] if status % 2 else {"x": status}
    elif status < 10:
        record["display_status"] = STATUSES[status % 5] if status < 5 else shaped(status, "x")
    return record


@given(st.binary(max_size=200), SHAPE)
def test_the_record_parsers_raise_only_corpus_errors(data: bytes, shape: int):
    """A disclosure-log record and a WhatDoTheyKnow thread made of the same draws: whatever
    their shape and text, a Document or a CorpusError."""
    i = _bits(shape, 18) * len(data) // 16
    j = i + _bits(shape, 15) * (len(data) - i) // 16
    a, b, c = text_of(data[:i], shape), glue(data[i:j]), glue(data[j:])
    parsed_or_refused(parse_disclosure_record, dl_record(shape, a, b, c, any_title=False))
    texts = [a, letter(b + c, shape), c]
    parsed_or_refused(parse_wdtk_thread, wdtk_record(shape, texts, any_status=False))


@given(st.builds(wdtk_record, SHAPE, st.lists(GLUED, min_size=1, max_size=3),
                 st.just(True)))
@example({"events": [{"type": "outgoing", "content": "How many parking fines were issued?"}],
          "display_status": ["successful"]})
def test_parse_wdtk_thread_with_any_json_status(record):
    parsed_or_refused(parse_wdtk_thread, record)


# -- Telegram HTML: escaping, rendering, splitting ------------------------------------------------

TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def assert_valid_parts(parts: list[str], source: str, limit: int = render.MAX_MESSAGE) -> None:
    """Every part within the limit (in UTF-16 units, as Telegram counts), valid Telegram HTML
    using only the renderer's tags, not blank; together they show all the text."""
    for part in parts:
        assert utf16_len(part) <= limit and len(part) <= limit
        assert check_html(part).strip()  # raises BadRequest as the real API would answer 400
        assert {t.lower() for t in TAG_RE.findall(part)} <= render.TAGS
    if parts != [source.strip()]:  # cut: the parts together still show all the text
        squeeze = re.compile(r"\s+")
        assert squeeze.sub("", "".join(check_html(p) for p in parts)) == squeeze.sub(
            "", check_html(source))


def _markup(data: bytes) -> str:
    """Balanced HTML from bytes, two a step: open a tag (at most three deep), close one, or
    add a piece of escaped text."""
    tags = sorted(render.TAGS)
    out, stack = [], []
    for op, arg in zip(data[::2], data[1::2]):
        op %= 10
        piece = glue(bytes([arg]))
        if op < len(tags) and len(stack) < 3:
            out.append(f'<a href="https://example.org/{html.escape(piece)}">'
                       if tags[op] == "a" else f"<{tags[op]}>")
            stack.append(tags[op])
        elif op == len(tags) and stack:
            out.append(f"</{stack.pop()}>")
        else:
            out.append(render.esc(piece))
    return "".join(out) + "".join(f"</{t}>" for t in reversed(stack))


URLS = ["https://example.org/foi/1", "javascript:alert(1)", "http://x/<b>", None,
        "https://example.org/" + "a" * 5000, "https://example.org/x?a=1&b=\"2\""]


def _assessment(pool: list[str], rnd: random.Random) -> Assessment:
    """An assessment whose every string is hostile, from a pool of drawn strings."""
    def s() -> str:
        return rnd.choice(pool)

    def precedent() -> Precedent:
        return Precedent(
            id=s(), question=s(), authority=rnd.choice([None, s()]),
            date=rnd.choice([None, s()]), reference=rnd.choice([None, s()]),
            outcome=rnd.choice(["refused", "ncnd", "answered", s()]),
            exemptions=tuple(s() for _ in range(rnd.randint(0, 3))),
            similarity=rnd.uniform(-1, 1), source_url=rnd.choice([*URLS, s()]))

    def question() -> QuestionAssessment:
        return QuestionAssessment(
            text=s(), risk=rnd.random(), level=rnd.choice(["low", "medium", "high", "unknown"]),
            likely_exemptions=[{"section": rnd.choice(["s31", "s40", "s12", s()]),
                                "subsection": rnd.choice([None, s()]),
                                "probability": rnd.random(), "ncnd": rnd.random() < 0.3}
                               for _ in range(rnd.randint(0, 3))],
            precedents=[precedent() for _ in range(rnd.choice([0, 1, 1, 2, 3, 5]))],
            explanation=s(),
            rewordings=[Rewording(s(), s()) for _ in range(rnd.randint(0, 2))],
            reasons=[s() for _ in range(rnd.randint(0, 3))])

    big = rnd.random() < 0.006  # now and then a long draft: 40 questions, a long reply to split
    return Assessment(
        [question() for _ in range(40 if big else rnd.randint(1, 5))],
        Overall(rnd.random(), s(), [], [s() for _ in range(rnd.randint(0, 4))],
                "\n".join(s() for _ in range(rnd.randint(1, 60 if big else 6)))),
        rnd.choice([None, s()]))


@given(st.binary(max_size=300), SHAPE)
def test_every_reply_is_valid_telegram_html_in_parts_that_fit(data: bytes, shape: int):
    """Every view of an assessment, a search reply and an exemption note, from hostile strings
    (user text and corpus text alike): each part valid Telegram HTML of at most 4096. And any
    balanced markup split at a small limit: parts within it, valid, no text lost.
    (Two draws an example, the strings cut from them: Hypothesis's cost is per draw.)"""
    markup, limit = _markup(data), 300 + shape % 1200
    assert_valid_parts(render.split_html(markup, limit), markup, limit)
    a, b = glue(data[:40]), code_points(data[40:100])
    pool = [a, b, glue(data[100:148]), a + b]
    rnd = random.Random(shape)
    assessment = _assessment(pool, rnd)
    n = rnd.randint(0, len(assessment.questions))
    replies = [render.assessment_html(assessment), render.precedents_view(assessment, n),
               render.why_view(assessment, n), render.reword_view(assessment, n),
               render.revised_view(assessment),
               render.search_html(a, assessment.questions[0].precedents,
                                  rnd.choice([None, b])),
               render.explain_html("\n".join(pool))]
    for reply in replies:
        parts = render.split_html(reply)
        assert parts or not check_html(reply).strip()
        assert_valid_parts(parts, reply)
    for action in "pwrd":
        for row in render.view_buttons(action, "AbCd_-12", assessment, n):
            assert all(render.parse_callback(data) for _, data in row)


# -- callback data: strict parsing, and never another user's results -----------------------------

ACTIONS = [*"pwrdaxP", "", "pp"]
NUMBERS = ["0", "1", "3", "4", "999", "1000", "01", "-1", "1 ", "1e3", "", "x", "٣"]


def forged(text: str, shape: int) -> str:
    """Callback data near the real format: version, action, key and number, each maybe off."""
    version = ["v1", "v1", "v2", "V1", "", "v1 "][_bits(shape, 4) % 6]
    key = (text * 8)[: 5 + _bits(shape, 5) % 6] if text else "AbCd_-12"
    action = ACTIONS[_bits(shape, 6) % len(ACTIONS)]
    return f"{version}:{action}:{key}:{NUMBERS[_bits(shape, 7) % len(NUMBERS)]}"


@given(st.binary(max_size=120), SHAPE)
def test_untrusted_strings_escape_link_and_parse_safely(data: bytes, shape: int):
    """esc: valid HTML showing exactly the text. link: a valid link or nothing. parse_callback:
    None or the exact round trip of data Telegram accepts (at most 64 bytes)."""
    text = text_of(data, shape)
    assert check_html(render.esc(text)) == text
    for url in (text, "https://example.org/" + text, "https://example.org/" + "a" * (shape % 3000)):
        markup = render.link(url)
        assert markup == "" or (check_html(markup) == "source" and len(url) <= render.MAX_URL)
    for data in (text, forged(text, shape)):
        parsed = render.parse_callback(data)
        if parsed is not None:
            assert render.encode_callback(parsed.action, parsed.key, parsed.n) == data
            assert len(data.encode()) <= render.MAX_CALLBACK_BYTES


class StubAdvisor:
    """Answers every draft with three questions that quote the draft: whose results a reply
    shows is plain from its text."""

    def check_draft(self, text: str, authority: str | None = None) -> Assessment:
        questions = [QuestionAssessment(f"{text} part {i}", 0.5, "medium", [], [], text, [])
                     for i in (1, 2, 3)]
        return Assessment(questions, Overall(0.5, text, [], [], text), None)

    def resolve_authority(self, name):
        return None, []


GROUP = -100_200_300
ALICE, BOB = 4_100_000_001, 4_100_000_002


class InProcessBot:
    """Alice and Bob in one group, each with checked drafts; Bob's first draft has dropped out
    of memory (only the newest three are kept), so its buttons are stale."""

    def __init__(self, tmp: Path) -> None:
        config = Config(root=tmp, database=tmp / "foi.db", index_path=tmp / "index", bot={
            "users_db": str(tmp / "users.db"), "rate_burst": 10**9, "rate_per_minute": 10**9})
        self.request = RecordingRequest(chat_type="group")
        self.app = build_application(config, StubAdvisor(), token=FAKE_TOKEN,
                                     request=self.request)
        limiter = self.app.bot.rate_limiter  # no pacing (30/s, 20/min a group): 10,000 taps
        limiter._base_limiter, limiter._group_max_rate = None, 0
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.app.initialize())
        self.next_id = 1
        self.alice = self.draft(ALICE, "ALICESECRET")
        self.bob_stale = self.draft(BOB, "BOBSTALE")
        for n in range(2):
            self.draft(BOB, f"BOBOLD{n}")
        self.bob = self.draft(BOB, "BOBNOW")

    def update(self, payload: dict) -> list[tuple[str, dict]]:
        start = len(self.request.sent)
        self.next_id += 1
        self.loop.run_until_complete(self.app.process_update(
            Update.de_json({"update_id": self.next_id, **payload}, self.app.bot)))
        return self.request.sent[start:]

    def user(self, uid: int) -> dict:
        return {"id": uid, "is_bot": False, "first_name": str(uid)}

    def draft(self, uid: int, word: str) -> tuple[dict, str]:
        """Send a draft to the group; (the reply message, its key)."""
        text = f"@{BOT_USERNAME} How many {word} cameras?"
        sent = self.update({"message": {
            "message_id": self.next_id, "date": 0, "chat": {"id": GROUP, "type": "group"},
            "from": self.user(uid), "text": text,
            "entities": [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]}})
        endpoint, params = sent[-1]
        assert endpoint == "sendMessage" and word in params["text"]
        markup = json.loads(params["reply_markup"]) if isinstance(
            params["reply_markup"], str) else params["reply_markup"]
        data = markup["inline_keyboard"][0][0]["callback_data"]
        message = {"message_id": len(self.request.sent), "date": 0, "text": "verdict",
                   "chat": {"id": GROUP, "type": "group"}, "reply_markup": markup}
        return message, render.parse_callback(data).key

    def tap(self, uid: int, message: dict, data: str) -> list[tuple[str, dict]]:
        return self.update({"callback_query": {
            "id": str(self.next_id), "from": self.user(uid), "chat_instance": "ci",
            "data": data, "message": message}})

    def close(self) -> None:
        self.loop.run_until_complete(self.app.shutdown())
        self.loop.run_until_complete(self.app.post_shutdown(self.app))
        self.loop.close()


@pytest.fixture(scope="module")
def group_bot(tmp_path_factory: pytest.TempPathFactory):
    bot = InProcessBot(tmp_path_factory.mktemp("callbacks"))
    yield bot
    bot.close()


@given(st.binary(max_size=80), SHAPE)
def test_a_forged_or_stale_tap_has_expired_and_never_shows_another_users_results(
        group_bot: InProcessBot, data: bytes, shape: int):
    """Bob taps, on his message or Alice's, data that is random, forged near the format, or
    aimed at a real key (Alice's, his own, his stale one): only his own current results ever
    show; anything else is answered "this button has expired"."""
    bot, text = group_bot, text_of(data, shape)
    key = [bot.alice[1], bot.bob[1], bot.bob_stale[1]][_bits(shape, 8) % 3]
    tapped = [text, forged(text, shape), f"v1:{'pwrdax'[_bits(shape, 9) % 6]}:{key}:"
              f"{_bits(shape, 10) % 5}"][_bits(shape, 11) % 3]
    message = bot.bob[0] if shape & 1 else bot.alice[0]
    sent = bot.tap(BOB, message, tapped)
    texts = " ".join(str(params.get("text", "")) for _, params in sent)
    assert "ALICESECRET" not in texts and "BOBSTALE" not in texts
    parsed = render.parse_callback(tapped)
    own = (parsed is not None and parsed.key == bot.bob[1] and parsed.action in "pwrd"
           and parsed.n <= 3)
    answers = [params for endpoint, params in sent if endpoint == "answerCallbackQuery"]
    assert len(answers) == 1
    if own:
        assert "BOBNOW" in texts and "text" not in answers[0]
    else:
        assert answers[0]["text"] == render.EXPIRED
        assert [endpoint for endpoint, _ in sent] == ["answerCallbackQuery"]
