"""A follow-up that asks the open draft again over another period ('what about 2022?', 'and
for 2021-22?', 'the last three years instead?'): recognising it, and swapping the period each
question names. Pure text logic, shared by the terminal chat and the Telegram bot."""

from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d\d"
_FY = rf"{_YEAR}(?:\s*[-/–]\s*(?:{_YEAR}|\d\d)\b)?"  # 2023, 2021-22, 2021/2022
_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty)"
_KIND = r"(?:full\s+)?(?:financial\s+|calendar\s+|academic\s+|school\s+|fiscal\s+)?"
# one period, in the words a draft or a follow-up gives it
_SPAN = (rf"(?:(?:each\s+of\s+)?the\s+)?(?:last|past|previous|preceding)\s+{_COUNT}\s+{_KIND}"
         rf"(?:years|months|weeks)|(?:the\s+)?(?:last|past|previous|current|this)\s+{_KIND}"
         rf"(?:year|month|quarter)|(?:the\s+)?{_KIND}years?\s+{_FY}|{_FY}\s+{_KIND}years?|"
         rf"(?:between\s+)?{_FY}\s+(?:and|to|until|-|–)\s+{_FY}|from\s+{_FY}\s+(?:to|until)\s+"
         rf"(?:{_FY}|date|the present|now)|since\s+{_FY}|{_FY}")
_PREPOSITION = r"(?:in|for|during|over|within|across|throughout|of|covering)"
_PERIOD = re.compile(rf"(?:\b{_PREPOSITION}\s+)?(?<![\w/-])(?:{_SPAN})(?![\w/-])", re.I)
# 'what about 2022?', 'and for 2021-22?', 'what if I ask for the last three years instead?',
# 'same for 2019/20', 'change the period to since 2020': the draft again, over another period
_NEW_PERIOD = re.compile(
    rf"^(?:(?:and|so|ok(?:ay)?|now|then)[,\s]+)?(?:(?:what|how)\s+about|what\s+if\s+(?:i|we)\s+"
    rf"(?:ask(?:ed)?|asked|change(?:d)?\s+(?:it|the\s+period)\s+to|make\s+it|want(?:ed)?)|"
    rf"(?:can|could)\s+you\s+(?:check|do|try)\s+(?:it|that|the\s+same)|(?:the\s+)?same|try|"
    rf"do\s+it|check\s+it|change\s+(?:it|the\s+(?:period|years?|dates?))\s+to|make\s+it|"
    rf"and|instead)?\s*(?:for|about|over|with|to|in)?\s*"
    rf"(?P<period>(?:{_PREPOSITION}\s+)?(?:{_SPAN}))(?:\s+instead)?(?:\s+please)?[\s?.!]*$",
    re.I)


def new_period(text: str) -> str | None:
    """The period a one-line follow-up asks the draft again for ('what about 2022?' -> '2022',
    'what if I ask for the last three years instead?' -> 'the last three years'), or None. A
    line that asks something of its own ('How many fines in 2022?') is a draft, not this."""
    text = text.strip()
    if "\n" in text or len(text.split()) > 14:
        return None
    m = _NEW_PERIOD.match(text)
    return m.group("period").strip() if m else None


def _with_preposition(period: str, before: str) -> str:
    """The new period as the draft's words: 'in 2022' for '2022', 'from 2019 to 2023' for
    '2019 to 2023', 'since 2020' as it is; the draft's own 'for' or 'during' is kept."""
    if re.match(rf"(?:{_PREPOSITION}|between|from|since)\b", period, re.I):
        return period
    if re.match(rf"{_FY}\s+(?:to|until)\b", period, re.I):
        return f"from {period}"
    if re.match(rf"{_FY}\s+(?:and|-|–)\s+{_FY}$", period, re.I):
        return f"between {period}"
    lead = re.match(r"(for|during|in|over)\s", before, re.I)
    return f"{lead.group(1) if lead else 'in'} {period}"


# a year that names a law or a day, not a period: 'the Data Protection Act 2018', '31 March 2023'
_NOT_A_PERIOD = re.compile(r"(?:\b(?:act|acts|regulations?|order|rules|code|directive|"
                           r"january|february|march|april|may|june|july|august|september|"
                           r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|"
                           r"nov|dec)|\d)\s*$", re.I)


def _period_in(question: str) -> re.Match[str] | None:
    """The first period a question names, passing over years that name a law or a day."""
    return next((m for m in _PERIOD.finditer(question)
                 if not _NOT_A_PERIOD.search(question[:m.start()])), None)


def with_period(questions: list[str], period: str) -> list[str] | None:
    """The draft's questions with their period changed to `period` (the first period each
    question names); None when no question names one, for then there is nothing to swap and
    adding a period to every question would ask something else."""
    changed, swapped = [], False
    for q in questions:
        m = _period_in(q)
        if m:
            q, swapped = q[:m.start()] + _with_preposition(period, m.group(0)) + q[m.end():], True
        changed.append(q)
    return changed if swapped else None


NO_PERIOD_NOTE = ("Your draft names no period, so there is nothing to change. Add the period to "
                  "each question it matters for (for example “How many … in {period}?”) and "
                  "paste the draft again; your draft is unchanged.")
