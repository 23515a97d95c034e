"""What was asked for: the quoted request, else a sentence saying what was requested, else
the case title; cut to ``MAX_REQUEST_CHARS`` for storage.
"""

from __future__ import annotations

from corpus.tribunal.request_quote import MAX_REQUEST_CHARS, _quoted_request
from corpus.tribunal.request_summary import _summary_sentence


def _shorten(text: str, limit: int = MAX_REQUEST_CHARS) -> str:
    """Cut at a word boundary so a stored request stays readable."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def _requested(text: str, low: str, fallback: str) -> tuple[str, str]:
    """(what was asked for, where it came from: 'quote', 'summary' or 'title')."""
    quoted = _quoted_request(text, low)
    if quoted:
        return quoted, "quote"
    summary = _summary_sentence(text, low)
    if summary:
        return summary, "summary"
    return fallback, "title"
