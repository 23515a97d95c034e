"""Split a request into its individual questions.

The same splitter serves the corpus and the user's draft, so a draft's questions line up
with the way precedents were cut. Handles numbered, lettered and bulleted lists (nested
lists take their stem), inline numbering ("1) ... 2) ..."), semicolon-separated parts,
and run-on prose (split into sentences that ask for something).
"""

from __future__ import annotations

import re

MAX_QUESTIONS = 40

_MARKER = re.compile(
    r"^\s*(?:"
    r"(?P<bullet>[-*•·–◦▪>]|\u2022)\s+"
    r"|(?P<num>(?:q(?:uestion)?\s?)?\(?\d{1,2}(?:\.\d{1,2})?[.):]?)\s+(?=\S)"
    r"|(?P<letter>\(?[a-hA-H][.)])\s+"
    r"|(?P<roman>\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+"
    r")",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"^\s*(dear\b|to whom it may concern|hello\b|hi\b|good (morning|afternoon))", re.I
)
_SIGNOFF = re.compile(
    r"^\s*(yours (faithfully|sincerely|truly)|kind regards|best regards|regards|many thanks|"
    r"thanks( in advance)?|thank you( (very much|in advance))?|best wishes|sincerely)\b",
    re.I,
)
_INLINE_NUM = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2})[.)]\s+(?=\S)")
_INLINE_LETTER = re.compile(r"(?:(?<=\s)|^)\(?([a-h])\)\s+(?=\S)")
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z(\"'])")
_FOLLOW_ON = re.compile(
    r"^(if so|if yes|if not|if any|if this|if that|if it|and\b|also\b|or\b|including|"
    r"for each|broken down|please (also )?(break|split|include|provide this)|can (i|you) "
    r"(please )?have a breakdown|in what form|what does|how much did|what (was|were) the)",
    re.I,
)
_ASKS = re.compile(
    r"\?|\b(please|kindly|i would like|i'd like|i request|i am requesting|could you|can you|"
    r"would you|how many|how much|what|which|who|when|where|why|whether|do you|does the|"
    r"is there|are there|number of|total|amount|cost|spend|names?|list|copy|copies|"
    r"breakdown|details|information|correspondence|records|figures|data)\b",
    re.I,
)
_INTRO = re.compile(
    r"(following( information)?|as follows|the following questions?|in particular[^.?]*|"
    r"please (confirm|provide|answer|tell me)[^.?]*|i would like[^.?]*|request[^.?]*)\s*[:\-]?\s*$",
    re.I,
)


def marker_kind(line: str) -> str | None:
    """The kind of list marker that starts this line ('bullet', 'num', 'letter'...), if any."""
    m = _MARKER.match(line)
    if not m or len(line.strip()) < 4:
        return None
    return next(k for k in ("bullet", "num", "letter", "roman") if m.group(k))


def strip_marker(line: str) -> str:
    m = _MARKER.match(line)
    return (line[m.end():] if m else line).strip()


def clean_request(text: str) -> str:
    """Drop salutation and sign-off, so neither becomes a question (and names go with them)."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _SIGNOFF.match(line):
            break
        if _SALUTATION.match(line):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _tidy(text: str) -> str:
    text = re.sub(r"[*_]{2,}", "", text)
    return re.sub(r"\s+", " ", text).strip(" \t-–;,")


def _list_items(lines: list[str], answers_follow: bool = False) -> list[tuple[str, str]]:
    """(kind, text) for each list item; unmarked lines continue the item above them.

    With `answers_follow` (a response that answers under each question) a line continues an
    item only while the item is unfinished, so "6000." under a question stays an answer.
    """
    items: list[list[str]] = []
    closed = False
    for line in lines:
        kind = marker_kind(line)
        if kind:
            items.append([kind, strip_marker(line)])
            closed = False
        elif items and line.strip() and not closed:
            if answers_follow and re.search(r"[?.!]\W*$", items[-1][1].strip()):
                closed = True
                continue
            items[-1][1] += " " + line.strip()
        elif items and answers_follow and line.strip():
            continue
    return [(k, t) for k, t in items]


def _nest(items: list[tuple[str, str]]) -> list[str]:
    """Attach sub-items to the stem they hang from: "Please provide: a) X b) Y" -> 2 questions."""
    if not items:
        return []
    top = items[0][0]
    out: list[str] = []
    stem: str | None = None
    for kind, text in items:
        text_clean = _tidy(text)
        if kind == top:
            stem = text_clean
            out.append(text_clean)
        elif stem is not None:
            if out and out[-1] == stem:
                out.pop()
            joined = f"{stem.rstrip(':')}: {text_clean}" if stem.endswith(":") or len(stem) < 80 \
                else text_clean
            out.append(joined)
        else:
            out.append(text_clean)
    return out


def _split_inline(paragraph: str) -> list[str]:
    """'1) a; 2) b' inside one paragraph, only when the numbers run 1, 2, 3..."""
    for regex in (_INLINE_NUM, _INLINE_LETTER):
        marks = list(regex.finditer(paragraph))
        labels = [m.group(1) for m in marks]
        expected = [str(i) for i in range(1, len(labels) + 1)] if regex is _INLINE_NUM \
            else [chr(ord("a") + i) for i in range(len(labels))]
        if len(marks) >= 2 and labels == expected:
            bounds = [m.start() for m in marks] + [len(paragraph)]
            parts = [paragraph[marks[i].end(): bounds[i + 1]] for i in range(len(marks))]
            return [_tidy(p) for p in parts if _tidy(p)]
    return []


def _split_prose(paragraph: str, semicolons: bool) -> list[str]:
    pieces = re.split(r";\s+", paragraph) if semicolons else _SENTENCE.split(paragraph)
    out: list[str] = []
    for piece in (_tidy(p) for p in pieces):
        if not piece:
            continue
        if out and (_FOLLOW_ON.match(piece) or len(piece.split()) < 3):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _drop_intro(questions: list[str]) -> list[str]:
    """An opening 'I would like the following:' is not itself a question."""
    if len(questions) > 1 and _INTRO.search(questions[0]) and not questions[0].endswith("?"):
        return questions[1:]
    return questions


def split_questions(text: str, semicolons: bool = False, answers_follow: bool = False) -> list[str]:
    """The questions in a request, in order; the whole text as one when nothing splits it."""
    body = clean_request(text or "")
    if not body.strip():
        return []
    lines = body.split("\n")
    items = _list_items(lines, answers_follow)
    if len(items) >= 2 or (items and len(body) - len(items[0][1]) < 200):
        questions = _nest(items)
    else:
        flat = _tidy(" ".join(body.split()))
        questions = _split_inline(flat)
        if not questions:
            prose = _split_prose(flat, semicolons)
            asking = prose if semicolons else [p for p in prose if _ASKS.search(p)]
            questions = _drop_intro(asking or prose)
    questions = [q for q in questions if len(q) > 2]
    if len(questions) > MAX_QUESTIONS:
        questions = [*questions[: MAX_QUESTIONS - 1], " ".join(questions[MAX_QUESTIONS - 1:])]
    return questions
