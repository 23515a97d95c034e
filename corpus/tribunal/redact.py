"""Private people's names and e-mail addresses out of what is stored.

E-mail addresses become "[email]"; private appellants' names "[appellant]" (and a private
requester joined as a respondent "[requester]") in the title, request and authority.
"""

from __future__ import annotations

import re

from corpus.tribunal.names import _TITLE_RE

APPELLANT = "[appellant]"
REQUESTER = "[requester]"
EMAIL = "[email]"
_EMAIL_RE = re.compile(r"[\w.+'-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")


_NAMEISH = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Cllr|Councillor|MR|MRS|"
    r"MS|MISS|DR)\.?\s+)?(?:[A-Z][\w'’`-]*\.?\s+){0,3}[A-Z][\w'’`-]*"
)
_TITLE_WORDS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady",
                "lord", "cllr", "councillor"}


_POSSESSIVE = re.compile(r"['’`]s?$")


class _Names:
    """Private people's names, found as 'Mr Surname', 'First [M.] Surname', in full, or as a
    possessive 'Surname's'. Any other bare surname is left alone: 'England' or 'Church' are
    too often ordinary words.
    """

    def __init__(self, names: list[str], label: str = APPELLANT) -> None:
        self.label = label
        self.surnames: set[str] = set()
        self.firsts: set[str] = set()
        for name in names:
            words = [w.strip(".,()").lower() for w in _TITLE_RE.sub("", name).split()]
            words = [w for w in words if w and w not in ("and", "&", "qc", "mp", "obe")]
            if words and len(words[-1]) >= 2:
                self.surnames.add(words[-1])
                self.firsts.update(w for w in words[:-1] if len(w) >= 2)
            if "and" in name.lower().split() and len(words) >= 2:
                self.firsts.add(words[0])  # 'Christopher and Susan Jephcott'

    def _replace(self, m: re.Match) -> str:
        text = m.group(0)
        tokens = [(t.start(), t.group(0)) for t in re.finditer(r"\S+", text)]
        bare = [_POSSESSIVE.sub("", t.strip(".,")).lower() for _, t in tokens]
        last = max((i for i, b in enumerate(bare) if b in self.surnames), default=-1)
        if last < 0:
            return text
        first = last
        while first > 0 and (bare[first - 1] in self.firsts or len(bare[first - 1]) == 1):
            first -= 1
        if first > 0 and bare[first - 1] in _TITLE_WORDS:
            first -= 1
        start, token = tokens[last]
        possessive = _POSSESSIVE.search(token.rstrip(".,"))
        if first == last and not possessive:
            return text
        end = start + len(token.rstrip(".,")) - (len(possessive.group(0)) if possessive else 0)
        return text[: tokens[first][0]] + self.label + text[end:]

    def redact(self, text: str) -> str:
        return _NAMEISH.sub(self._replace, text) if self.surnames else text


def redact_text(text: str, *names: _Names) -> str:
    """E-mail addresses and private people's names out of a stored snippet."""
    if "@" in text:
        text = _EMAIL_RE.sub(EMAIL, text)
    for found in names:
        text = found.redact(text)
    return text
