"""Property tests for the Telegram HTML renderer and the callback data parser.

Every message part must be at most 4096 characters and valid Telegram HTML with only the tags
the renderer emits, whatever the user's draft or the corpus contains; the validator is the
fake Bot API's, an implementation independent of the renderer's.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import tg_render as render
from bot.assessment import Assessment, Overall, QuestionAssessment
from bot.reword import Rewording
from index.search import Precedent
from tests.fake_bot_api import BadRequest, check_html, utf16_len

NASTY = ["<", ">", "&", "&amp;", "<b>", "</i>", '"', "'", "\n", "\n\n", " ", "😀", "👩‍👩‍👧",
         "\u200d", "é", "ﷺ", "a" * 120, "javascript:alert(1)", "<a href='x'>", "&#0;"]
TEXT = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(NASTY)), max_size=25).map("".join)
# cheaper to draw, for the many fields of an assessment
FIELD = st.text(max_size=40) | st.lists(st.sampled_from([*NASTY, "word ", "s31(3)", "Council"]),
                                        max_size=12).map("".join)
TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def assert_valid(parts: list[str], limit: int = render.MAX_MESSAGE) -> None:
    for part in parts:
        assert utf16_len(part) <= limit and len(part) <= limit
        shown = check_html(part)  # raises BadRequest like the real API
        assert shown.strip()
        assert {t.lower() for t in TAG_RE.findall(part)} <= render.TAGS


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- splitting --------------------------------------------------------------------------------

LEAF = TEXT.map(render.esc)


def _wrap(children: list[str], tag: str, href: str) -> str:
    inner = "".join(children)
    if tag == "a":
        return f'<a href="https://example.org/{render.esc(href)}">{inner}</a>'
    return f"<{tag}>{inner}</{tag}>" if tag else inner


MARKUP = st.recursive(
    LEAF,
    lambda inner: st.builds(_wrap, st.lists(inner, max_size=5),
                            st.sampled_from(["", "b", "i", "code", "pre", "a"]),
                            st.text(alphabet="abcxyz0123", max_size=20)),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(MARKUP, st.integers(min_value=200, max_value=600))
def test_split_parts_fit_are_balanced_and_lose_no_text(html: str, limit: int):
    parts = render.split_html(html, limit)
    assert_valid(parts, limit)
    assert squeeze("".join(check_html(p) for p in parts)) == squeeze(check_html(html))


@settings(max_examples=30, deadline=None)
@given(st.lists(MARKUP, min_size=1, max_size=6), st.integers(min_value=1, max_value=25))
def test_split_long_messages_at_4096(blocks: list[str], repeat: int):
    html = "\n\n".join(blocks * repeat)
    parts = render.split_html(html)
    assert_valid(parts)
    assert squeeze("".join(check_html(p) for p in parts)) == squeeze(check_html(html))


def test_split_prefers_paragraphs_then_lines_then_words():
    paragraphs = [f"<b>{n}.</b> " + "word " * 150 for n in range(1, 30)]
    parts = render.split_html("\n\n".join(paragraphs))
    assert len(parts) > 1
    for part in parts:
        assert part.startswith("<b>") and part.rstrip().endswith("word")
    one_line = "x" * 10_000
    parts = render.split_html(f"<code>{one_line}</code>")
    assert all(p.startswith("<code>") and p.endswith("</code>") for p in parts)
    assert "".join(check_html(p) for p in parts) == one_line


def test_split_drops_blank_input():
    assert render.split_html("  \n ") == []
    assert render.split_html("<b> </b>") == []


# -- rendering untrusted text -------------------------------------------------------------------

PRECEDENT = st.builds(
    Precedent, id=st.text(max_size=5), question=FIELD, authority=st.none() | FIELD,
    date=st.none() | FIELD, reference=st.none() | FIELD,
    outcome=st.sampled_from(["refused", "ncnd", "answered", "partial"]) | FIELD,
    exemptions=st.lists(FIELD, max_size=3).map(tuple), similarity=st.floats(-1, 1),
    source_url=st.none() | st.sampled_from(["https://example.org/a?b=1&c=\"2\"",
                                            "javascript:alert(1)", "http://x/<b>"]) | FIELD,
    answer=st.none() | FIELD)
EXEMPTION = st.fixed_dictionaries({
    "section": st.sampled_from(["s31", "s40", "s12", "s99"]) | FIELD,
    "subsection": st.none() | FIELD, "probability": st.floats(0, 1), "ncnd": st.booleans()})
QUESTION = st.builds(
    QuestionAssessment, text=FIELD, risk=st.floats(0, 1),
    level=st.sampled_from(["low", "medium", "high", "unknown"]),
    likely_exemptions=st.lists(EXEMPTION, max_size=3), precedents=st.lists(PRECEDENT, max_size=3),
    explanation=FIELD, rewordings=st.lists(st.builds(Rewording, FIELD, FIELD), max_size=2),
    reasons=st.lists(FIELD, max_size=3))
ASSESSMENT = st.builds(
    Assessment, questions=st.lists(QUESTION, min_size=1, max_size=8),
    overall=st.builds(Overall, risk=st.floats(0, 1), verdict=FIELD,
                      likely_exemptions=st.just([]), advice=st.lists(FIELD, max_size=4),
                      revised_draft=FIELD),
    authority=st.none() | FIELD)


@settings(max_examples=100, deadline=None)
@given(ASSESSMENT, st.integers(min_value=0, max_value=8))
def test_every_view_of_any_assessment_is_valid_telegram_html(a: Assessment, n: int):
    n = min(n, len(a.questions))
    views = [render.assessment_html(a), render.precedents_view(a, n), render.why_view(a, n),
             render.reword_view(a, n), render.revised_view(a)]
    for view in views:
        parts = render.split_html(view)
        assert parts
        assert_valid(parts)
    for action in "pwrd":
        for row in render.view_buttons(action, "AbCd_-12", a, n):
            for _, data in row:
                assert render.parse_callback(data) == render.Callback(action, "AbCd_-12",
                                                                      int(data.split(":")[3]))


@settings(max_examples=100, deadline=None)
@given(TEXT, st.lists(PRECEDENT, max_size=5), st.none() | TEXT)
def test_search_and_explain_replies_are_valid(topic: str, found: list, authority: str | None):
    assert_valid(render.split_html(render.search_html(topic, found, authority)))
    assert_valid(render.split_html(render.explain_html(topic + "\nline\n" + topic)) or ["x"])


def test_links_only_for_http_urls_and_quotes_escaped():
    assert render.link("javascript:alert(1)") == ""
    assert render.link("https://a.example/x?q=\"1\"") == ""
    assert render.link("https://a.example/x?a=1&b=2") == (
        '<a href="https://a.example/x?a=1&amp;b=2">source</a>')


def test_the_fake_api_rejects_what_telegram_rejects():
    for bad in ("<b>unclosed", "<b><i>crossed</b></i>", "<script>x</script>", "1 < 2",
                "fish & chips", '<a href="x" onclick="y">z</a>', "</b>"):
        try:
            check_html(bad)
        except BadRequest:
            continue
        raise AssertionError(f"accepted {bad!r}")
    assert check_html("1 &lt; 2 &amp; <b>bold <i>both</i></b>") == "1 < 2 & bold both"


# -- callback data ------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1")),
                 st.builds(lambda a, k, n: f"v1:{a}:{k}:{n}", st.sampled_from("pwrdaxP"),
                           st.text(alphabet="AbC0_-:é", min_size=6, max_size=10),
                           st.integers(-5, 2000))))
def test_callback_parsing_is_strict_and_total(data: str):
    parsed = render.parse_callback(data)
    if parsed is not None:
        assert render.encode_callback(parsed.action, parsed.key, parsed.n) == data
        assert len(data.encode()) <= render.MAX_CALLBACK_BYTES


@given(st.sampled_from("pwrda"), st.text(alphabet="ABCabc019_-", min_size=8, max_size=8),
       st.integers(0, 999))
def test_callback_round_trip_fits_telegram(action: str, key: str, n: int):
    data = render.encode_callback(action, key, n)
    assert len(data.encode()) <= render.MAX_CALLBACK_BYTES
    assert render.parse_callback(data) == render.Callback(action, key, n)


def test_callback_parser_rejects_near_misses():
    for data in ("v1:w:AbCdEfGh:01", "v1:w:AbCdEfGh:-1", "v1:w:AbCdEfG:1", "v1:w:AbCdEfGhi:1",
                 "v1:W:AbCdEfGh:1", "v1:w:AbCdEfGh:1\n", " v1:w:AbCdEfGh:1", "v1:w:AbCd€fGh:1",
                 "v1:w:AbCdEfGh:1000", None, 12, b"v1:w:AbCdEfGh:1"):
        assert render.parse_callback(data) is None, data
    assert render.parse_callback("v1:w:AbCdEfGh:12") == render.Callback("w", "AbCdEfGh", 12)
