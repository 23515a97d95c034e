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


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a day a question counts on ('on 1 April 2024', 'as at 31st March 2024', 'in April 2024',
# '31/03/2024'): its year moves with the period asked for
_DATE = re.compile(
    r"(?<![\w/])(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\.?,?\s+(?P<year>(?:19|20)\d\d)(?![\w/-])|"
    r"(?<![\w/])\d{1,2}/(?P<mm>\d{1,2})/(?P<year2>(?:19|20)\d\d)(?![\w/-])", re.I)
# a financial or academic year: '2023/24', '2023-24', '2023/2024' (one year to the next)
_ONE_FY = re.compile(rf"(?<![\w/-])({_YEAR})(\s*[-/–]\s*)({_YEAR}|\d\d)(?![\w/-])")
_ONE_YEAR = re.compile(rf"(?<![\w/-])({_YEAR})(?![\w/-])")
# words that make a period a span or a range, not one year: 'the last three years', 'since 2020'
_SPAN_WORDS = re.compile(r"\b(?:last|past|previous|preceding|current|this|between|from|since|"
                         r"and|to|until|months?|weeks?|quarter|years)\b", re.I)


def _is_fy(m: re.Match[str]) -> bool:
    """Whether '2023/24' is one year to the next (a financial or academic year), not a range."""
    first, second = int(m.group(1)), m.group(3)
    return int(second) == (first + 1) % 100 if len(second) == 2 else int(second) == first + 1


def _fy(start: int, like: re.Match[str]) -> str:
    """The year from `start` written as the draft wrote its own: '2022/23', '2022-23',
    '2022/2023'."""
    end = str(start + 1) if len(like.group(3)) == 4 else f"{(start + 1) % 100:02d}"
    return f"{start}{like.group(2)}{end}"


def _target(period: str) -> tuple[str, int] | None:
    """('year', 2022) for '2022' or 'in 2022'; ('fy', 2022) for '2022/23'; None for a span
    ('the last three years'), a range or a period with words of its own ('calendar year 2022')."""
    bare = re.sub(rf"^{_PREPOSITION}\s+", "", period.strip(), flags=re.I)
    if re.fullmatch(_YEAR, bare):
        return "year", int(bare)
    m = _ONE_FY.fullmatch(bare)
    return ("fy", int(m.group(1))) if m and _is_fy(m) else None


def _shifted(text: str, delta: int) -> str:
    """A period's years moved by `delta`: '2023/24' -> '2022/23', '1 April 2024' -> '1 April
    2023'; a span's words ('since 2020') are left alone."""
    if not delta or _SPAN_WORDS.search(text):
        return text
    if (fy := _ONE_FY.search(text)) and _is_fy(fy):
        return text[:fy.start()] + _fy(int(fy.group(1)) + delta, fy) + text[fy.end():]
    return re.sub(rf"(?<!\w){_YEAR}(?!\w)", lambda y: str(int(y.group(0)) + delta), text)


def _periods_in(question: str, dates: bool) -> list[tuple[re.Match[str], bool]]:
    """Every period a question names, in order, with whether it is a date; a year that names
    a law ('the Data Protection Act 2018') is none, and a day ('1 April 2024') only when the
    period asked for is a year (its year then moves)."""
    found = [(m, False) for m in _PERIOD.finditer(question)
             if not _NOT_A_PERIOD.search(question[:m.start()])]
    if dates:
        found += [(m, True) for m in _DATE.finditer(question)]
    found.sort(key=lambda mf: mf[0].start())
    kept: list[tuple[re.Match[str], bool]] = []
    for m, is_date in found:
        if not kept or m.start() >= kept[-1][0].end():
            kept.append((m, is_date))
    return kept


def _first_swapped(m: re.Match[str], is_date: bool, period: str,
                   target: tuple[str, int] | None) -> tuple[str, int]:
    """The first period's new words, and by how many years it moved (0: not one year)."""
    text = m.group(0)
    if is_date:  # '1 April 2024' for 2022: '1 April 2022'; for 2022/23: the day in that year
        year = int(m.group("year") or m.group("year2"))
        month = (_MONTHS.index(m.group("month")[:3].lower()) + 1 if m.group("month")
                 else int(m.group("mm")))
        kind, start = target
        new = start if kind == "year" or month >= 4 else start + 1  # April starts the year
        return _shifted(text, new - year), new - year
    fy = _ONE_FY.search(text)
    one_fy = fy is not None and _is_fy(fy) and not _SPAN_WORDS.search(text)
    year = _ONE_YEAR.search(text) if not _SPAN_WORDS.search(text) else None
    old = int(fy.group(1)) if one_fy else int(year.group(1)) if year and not fy else None
    delta = target[1] - old if target and old else 0
    if one_fy and target and target[0] == "year":
        return _shifted(text, delta), delta  # '2023/24' for 2022: '2022/23'
    if target and old and not re.match(rf"(?:{_PREPOSITION}|between|from|since)\s", text, re.I):
        return re.sub(rf"^{_PREPOSITION}\s+", "", period.strip(), flags=re.I), delta
    return _with_preposition(period, text), delta  # 'the 2023 budget': 'the 2022 budget'


def with_period(questions: list[str], period: str) -> list[str] | None:
    """The draft's questions with their period changed to `period` (the first period each
    question names; a date's year moves with it when `period` is a year); the question's other
    years and dates move by as much ('in 2023 compared with 2022' for 2021: 'in 2021 compared
    with 2020'). A financial or academic year stays one ('what about 2022?': '2023/24' becomes
    '2022/23', not the calendar year 2022). None
    when no question names a period, for then there is nothing to swap and adding a period to
    every question would ask something else."""
    target = _target(period)
    changed, swapped = [], False
    for q in questions:
        found = _periods_in(q, dates=target is not None)
        if found:
            first, is_date = found[0]
            words, delta = _first_swapped(first, is_date, period, target)
            parts, at = [q[:first.start()], words], first.end()
            for m, _ in found[1:]:
                parts += [q[at:m.start()], _shifted(m.group(0), delta)]
                at = m.end()
            q, swapped = "".join(parts) + q[at:], True
        changed.append(q)
    return changed if swapped else None


NO_PERIOD_NOTE = ("Your draft names no period, so there is nothing to change. Add the period to "
                  "each question it matters for (for example “How many … in {period}?”) and "
                  "paste the draft again; your draft is unchanged.")
