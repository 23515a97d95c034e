"""A cheap first test in front of the check's case-insensitive word-list patterns.

Python's `re` matches a long alternation of words about six times slower under re.IGNORECASE
than case-sensitively, and the check runs hundreds of such patterns (cues, settled law,
rewording patterns, the EIR's topics) over every question, most of which match nothing. A
pattern written in lower case only can be tried first, case-sensitively, on the lowered
text: any text the original matches, the lowered copy matches too, so a miss there is a miss
for the original, and only a hit pays for the original search, whose match object the caller
gets as before. The answers are the original pattern's in every case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# letters after a backslash are escapes (\S, \W, \b, \d), and '(?P<name>' names a group:
# neither is a letter to match
_UPPER_LETTER = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")
# inline flags ('(?i:', '(?-i:'), an escaped backslash, a letter given by its code
_UNSURE = re.compile(r"\(\?[aiLmsux-]|\\\\|\\[xuUN0-7]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lowered(text: str) -> str | None:
    """The text in lower case, or None where lowering could hide a match: re.IGNORECASE also
    pairs some ASCII letters with other scripts' ('s' with the long 's', 'k' with the Kelvin
    sign), so a text with letters beyond ASCII goes to the original pattern alone. Pound signs,
    curly quotes and dashes are no letters."""
    if not text.isascii() and any(c.isalpha() for c in _NON_ASCII.findall(text)):
        return None
    return text.lower()


def foldable(rx: re.Pattern) -> bool:
    """Whether a lowered, case-sensitive copy of `rx` misses nothing `rx` finds: it ignores
    case everywhere and names no capital letter (a class such as [A-Z] would match nothing on
    lowered text). Patterns with inline flags, escaped backslashes or character codes are
    left alone rather than reasoned about."""
    pattern = rx.pattern
    return (isinstance(pattern, str) and bool(rx.flags & re.IGNORECASE)
            and not _UPPER_LETTER.search(pattern) and not _UNSURE.search(pattern))


class Prefiltered:
    """`rx` behind a lowered, case-sensitive copy (or the `quick` pattern given, which must
    find, in lowered text, everything `rx` finds in the original): `search` answers None at
    the copy's speed when the copy misses; everything else is `rx`'s own."""

    __slots__ = ("_quick", "original")

    def __init__(self, rx: re.Pattern, quick: str | None = None) -> None:
        self.original = rx
        self._quick = re.compile(rx.pattern if quick is None else quick,
                                 rx.flags & ~re.IGNORECASE)

    def search(self, text: str, *args: Any) -> re.Match | None:
        lowered = _lowered(text)
        if lowered is not None and self._quick.search(lowered, *args) is None:
            return None
        return self.original.search(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.original, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.original!r})"


def lowered_pattern(pattern: str) -> str:
    """`pattern` for lowered text: its letters in lower case (escapes such as \\S kept) and
    its inline case flags dropped. It finds all the original finds only where no case-
    sensitive part of the original negates letters ('[^A-Z]', '(?!The)'): the caller vouches
    for that, and tests/test_prefilter.py checks each use on real questions."""
    pattern = pattern.replace("(?i:", "(?:").replace("(?-i:", "(?:")
    return _UPPER_LETTER.sub(lambda m: m.group().lower(), pattern)


def prefiltered(rx: re.Pattern | Prefiltered, quick: str | None = None) -> re.Pattern | Prefiltered:
    """`rx` with the quick first test where it is safe (`foldable`, or a `quick` pattern the
    caller vouches for), else `rx` itself."""
    if isinstance(rx, Prefiltered):
        return rx
    if quick is not None:
        return Prefiltered(rx, quick)
    return Prefiltered(rx) if foldable(rx) else rx


def prefiltered_pairs(pairs: Iterable[tuple]) -> list[tuple]:
    """A table of (pattern, what it means...) rows with each pattern `prefiltered`."""
    return [(prefiltered(rx), *rest) for rx, *rest in pairs]
