"""A sentence saying what was requested, for decisions that do not quote the request."""

from __future__ import annotations

import re

from corpus.tribunal.request_quote import _usable
from corpus.tribunal.text import _flatten

_SUMMARY_KEY = re.compile(
    r"\b(?:request(?:ing)?|requested(?!\s+information)|sought|asked\s+for|asks\s+for|"
    r"applied)\b"
)
_SUMMARY_OBJECT = re.compile(
    r"\b(?:information|details|cop(?:y|ies)|data|documents?|records?|minutes|correspondence|"
    r"reports?|figures|names?|list|e-?mails?|letters?|advice|statistics)\b"
)
_SUMMARY_GOOD = re.compile(
    r"request(?:ed)?\s+(?:was\s+)?(?:for|about|relating\s+to|concerning|regarding|in\s+relation\s+"
    r"to)\b|request\s+for\s+(?:information|details|cop(?:y|ies)|disclosure)|asked\s+for|"
    r"sought\s+(?:a\s+copy|copies|disclosure|information|details|access)|requested\s+(?:a\s+|"
    r"the\s+|copies|information|details|disclosure|access|all|any)|asks?\s+for|"
    r"request\s+(?:dated|of|made\s+on)\s+[^,;]{3,30}\s+(?:asked|sought|was)|"
    r"applied\b[^.]{0,60}\bfor\s+(?:disclosure|information|copies|a\s+copy|access)"
)
_SUMMARY_BAD = re.compile(
    r"refus|complained\s+to|withh[oe]ld|decision\s+notice|breach|responded|internal\s+review|"
    r"\bfee\b|exceed|exempt|public\s+interest|entitled|obligation|overlooked|\bmay\b|"
    r"personal\s+data|section\s+\d|regulation\s+\d|member\s+state"
)
_SENTENCE_END = re.compile(r"\.(?=\s)|\n[ \t]*\n")
_PARA_NUMBER = re.compile(r"^\W*\d{1,3}\.?\s+")


def _summary_score(sentence: str) -> float:
    """A sentence that says what was asked for scores high; refusal or law talk scores low."""
    good = 2 if _SUMMARY_GOOD.search(sentence) else 0
    return good - 1.5 * min(len(_SUMMARY_BAD.findall(sentence)), 4)


def _summary_sentence(text: str, low: str) -> str | None:
    """A sentence that says what was asked for, when the request is not quoted."""
    best: tuple[float, str] | None = None
    for m in _SUMMARY_KEY.finditer(low, 0, 20_000):
        start = max(low.rfind(". ", 0, m.start()), low.rfind(".\n", 0, m.start()),
                    low.rfind("\n\n", 0, m.start())) + 1
        end = _SENTENCE_END.search(low, m.end())
        stop = end.start() + 1 if end else len(low)
        if stop - start > 700 or not _SUMMARY_OBJECT.search(low, m.end(), stop):
            continue
        score = _summary_score(low[start:stop])
        if best is not None and score <= best[0]:
            continue
        sentence = _PARA_NUMBER.sub("", _flatten(text[start:stop]))
        if _usable(sentence) and sentence.count(" ") >= 6 and not sentence.isupper() and (
                sentence[0].isupper() or sentence[0].isdigit()):
            best = (score, sentence)
            if score >= 2:
                break
    return best[1] if best and best[0] >= 0 else None
