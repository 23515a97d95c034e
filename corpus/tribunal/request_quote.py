"""The request as the decision quotes it.

The best-scoring quote or indented block after words like "in the following terms",
"requested", "asked for" (scored up for request words, down for legal argument, earlier is
better).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from corpus.tribunal.text import _ascii_letters, _flatten, _positions

MAX_REQUEST_CHARS = 600
_REQUEST_SCAN = 30_000
_MIN_REQUEST_SCORE = 3.0

# Words found with str.find; the regex then matches the whole phrase around each one.
_TRIGGER_WORDS = (
    "following", "terms", "follows", "which read", "request", "sought", "seeking", "asked",
    "asking", "wrote", "writing", "stating", "stated",
)
_TRIGGER = re.compile(
    r"\b(?:(?P<strong>in\s+the\s+following\s+terms|in\s+these\s+terms|in\s+the\s+terms|"
    r"in\s+the\s+following\s+(?:way|form)|as\s+follows|which\s+(?:read|stated|said)|"
    r"(?:the|his|her|their|this)\s+request\s+(?:was|read|stated|said)|the\s+following\s+"
    r"(?:request|information))|(?P<medium>request(?:ed|ing|s)?|sought|seeking|asked\s+for|"
    r"asking\s+for)|(?P<weak>asked|wr(?:o|i)te\s+to|writing\s+to|stating|stated|saying|said))\b"
)
_REQUEST_CONTEXT = re.compile(r"request|sought|asked|seeking|asking")
_REQUEST_CUES = re.compile(
    r"\b(?:please|i\s+would\s+like|i\s+wish|i\s+request|i\s+am\s+requesting|i'd\s+like|"
    r"could\s+you|can\s+you|would\s+you|cop(?:y|ies)|how\s+many|how\s+much|number|details|"
    r"all|any|provide|disclose|what|which|whether|list|names?|information|records?|minutes|"
    r"reports?|documents?|correspondence|e-?mails?|letters?|data|figures|costs?|total|amount|"
    r"held|hold|since|between|dated|relating|regarding|concerning|about|freedom\s+of\s+"
    r"information|foi)\b|\?"
)
_LAW_CUES = re.compile(
    r"\b(?:exempt|exemption|public\s+interest|tribunal|subsection|engaged|appellant|"
    r"respondent|decision\s+notice|skeleton|bundle|submissions?|paragraphs?|para|prejudice|"
    r"would\s+be\s+likely|qualified\s+person|judgment|grounds?\s+of\s+appeal|"
    r"data\s+protection\s+principles?|in\s+all\s+the\s+circumstances|the\s+commissioner|"
    r"we\s+(?:are|find|consider|hold|have|do|can|will)|this\s+appeal|public\s+authority|"
    r"data\s+subject|processing|shall|adversely\s+affect|cost\s+limit|appropriate\s+limit|"
    r"regulation|vexatious|ea/\d{4}|v\s+ic|v\s+information\s+commissioner|"
    r"the\s+council\s+(?:holds|has|does)|complainant|authority|description\s+specified|"
    r"section\s+\d+\s+(?:of\s+)?(?:foia|the\s+act)|articles?\s+\d|confirms?\s+or\s+den(?:y|ies)|"
    r"neither\s+confirm|likely\s+to|would\s+(?:reveal|disclose|prejudice)|it\s+holds)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|please)\b")
_OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "”"}
_PARA_START = re.compile(r"\n[ \t]{0,8}(\d{1,3})\.?[ \t]+(?=\S)")
_WINDOW_MARK = re.compile(
    r"[“\"‘'„]|:[ \t]*[-–]?[ \t]*\n|(?<=\s)[-–][ \t]*\n|\.(?=[ \n])"  # not 'infor-\nmation'
)
_ABBREVIATION = re.compile(r"\b(?:[a-z]|no|nos|para|paras|p|pp|mr|mrs|ms|dr|st|ref|s|ss|reg)$")
_LEADING_JUNK = re.compile(r"^(?:[\s“”\"‘’'\-–:.…]|\.\.)+|[\s“”\"‘’'\-–:]+$")


def _paragraph_starts(text: str) -> list[tuple[int, int]]:
    """(offset, number) of each numbered decision paragraph, to find where a quote ends."""
    return [(m.start() + 1, int(m.group(1))) for m in _PARA_START.finditer(text)]


def _paragraph_end(text: str, start: int, paras: list[tuple[int, int]], limit: int = 3000) -> int:
    """Where the paragraph holding `start` ends: the next paragraph number, or `limit` on."""
    stop = min(len(text), start + limit)
    i = bisect_right(paras, (start, 10**6))
    number = paras[i - 1][1] if i else None
    while i < len(paras) and paras[i][0] < stop:
        if number is None or paras[i][1] == number + 1:
            return paras[i][0]
        i += 1
    return stop


def _closing_quote(text: str, start: int, opening: str, end: int) -> int:
    """Index of the quote that closes one opened at `start` (apostrophes skipped)."""
    closing = _OPEN_QUOTES[opening]
    i = start
    while True:
        i = text.find(closing, i, end)
        if i < 0:
            return end
        if closing in "’'" and text[i + 1: i + 2].isalpha():
            i += 1
            continue
        return i


def _quotes_after(text: str, low: str, pos: int, paras: list[tuple[int, int]]) -> Iterator[str]:
    """Quotes, or an indented block after a colon, that follow a trigger at `pos`.

    Stops at the end of the trigger's sentence; short quotes (defined terms) are skipped.
    """
    end = _paragraph_end(text, pos, paras)
    limit = min(end, pos + 350)
    i = pos
    while i < limit:
        m = _WINDOW_MARK.search(text, i, limit)
        if not m:
            return
        mark = m.group(0)
        if mark == ".":
            if _ABBREVIATION.search(low, max(0, m.start() - 6), m.start()):
                i = m.end()
                continue
            return
        if mark in _OPEN_QUOTES:
            if mark in "'’" and m.start() > 0 and text[m.start() - 1].isalpha():
                i = m.end()
                continue
            close = _closing_quote(text, m.end(), mark, end)
            yield text[m.end():close]
            i = close + 1
            continue
        yield text[m.end():end]  # a block after a colon
        return


def _trigger_strength(m: re.Match, low: str) -> int:
    """4 for 'in the following terms', 2 for 'requested', 1 for 'wrote to'; 0 when the words
    around say nothing about a request ('as follows' usually introduces law)."""
    if m.group("medium"):
        return 2
    strong = m.group("strong")
    if strong and not strong.startswith("as follows"):
        return 4
    context = _REQUEST_CONTEXT.search(low, max(0, m.start() - 250), m.start())
    if strong:
        return 4 if context else 1
    return 1 if context else 0


def _request_score(snippet: str, strength: int, pos: int) -> float:
    """How much a quote reads like a request rather than law, argument or a defined term."""
    low = snippet[:400].lower()  # the opening words say what kind of text it is
    asks = min(3, len(_REQUEST_CUES.findall(low))) + (1 if _FIRST_PERSON.search(low) else 0)
    law = min(4, len(_LAW_CUES.findall(low)))
    return strength + asks - 1.5 * law - pos / 20_000


def _usable(snippet: str) -> bool:
    """Long enough to be a request, not a defined term or a citation."""
    return (len(snippet) >= 25 and snippet.count(" ") >= 4
            and _ascii_letters(snippet[:200]) > 20)


def _quoted_request(text: str, low: str) -> str | None:
    """The request as the decision quotes it: the best-scoring quote after a trigger."""
    paras = _paragraph_starts(text[: _REQUEST_SCAN + 3000])
    best: tuple[float, str] | None = None
    seen: set[int] = set()
    for pos in _positions(low, _TRIGGER_WORDS, _REQUEST_SCAN):
        m = _TRIGGER.search(low, max(0, pos - 30), pos + 40)
        if not m or not m.start() <= pos < m.end() or m.start() in seen:
            continue
        seen.add(m.start())
        strength = _trigger_strength(m, low)
        if not strength:
            continue
        for quote in _quotes_after(text, low, m.end(), paras):
            snippet = _LEADING_JUNK.sub("", _flatten(quote[:1200]))  # enough for 600 chars
            if not _usable(snippet):
                continue
            score = _request_score(snippet[:MAX_REQUEST_CHARS], strength, m.start())
            if best is None or score > best[0]:
                best = (score, snippet)
            break
        if best and best[0] >= 5:
            break  # a quote this request-like will not be beaten
    return best[1] if best and best[0] >= _MIN_REQUEST_SCORE else None
