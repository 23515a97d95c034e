"""Which of a draft's questions follow up another ('If so, how much?', 'Were patients told?').

A follow-up names its subject only in the question before it (or the one it cites), so it is
searched with that question, never split off from it, and dropped from a revised draft that
asks its question differently. Pure logic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# 'How many resulted in an arrest?', 'Where are they located?', 'the cameras in (a)': a
# follow-up that names its subject only in the question before it, or in the one it cites
_FOLLOW_UP = re.compile(r"\b(?:these|those|them|they|their|such|of which|the above|the same)\b"
                        r"|^(?:and|also|if so|if yes|of (?:these|those)|how many (?:of|resulted|"
                        r"led|were|was|had|involved|included|received|required|needed|went|came|"
                        r"took|ended|became|died))\b|" + r"\b(?:in|from|at|of|to|for|under) (?:" +
                        r"\(([a-h])\)|(?:question|part|q)\s?(\d{1,2})\b)", re.I)
FOLLOW_UP_WORDS = 16
# 'Were patients told?', 'Was a ransom paid?': a short question in the past tense that names
# no actor of its own ('you', 'the council') and no period asks about the event just named
_SHORT_PAST = re.compile(r"^(?:was|were|did|had)\b(?!.*\b(?:you|your|yours|the (?:council|"
                         r"force|trust|department|authority|university|board|service))\b)"
                         r"(?!.*\b(?:19|20)\d\d\b)", re.I)
SHORT_PAST_WORDS = 6


def antecedents(questions: Sequence[str]) -> list[int | None]:
    """For each question, the one it follows up (0-based), or None: the question it cites
    ('in (b)', 'in question 2') when that comes before it, else the one just before."""
    out: list[int | None] = []
    for i, q in enumerate(questions):
        m = _FOLLOW_UP.search(q) if i and len(q.split()) <= FOLLOW_UP_WORDS else None
        if not m:
            short = i and len(q.split()) <= SHORT_PAST_WORDS and _SHORT_PAST.match(q.strip())
            out.append(i - 1 if short else None)
            continue
        letter, number = m.group(1), m.group(2)
        cited = ord(letter.lower()) - ord("a") if letter else int(number) - 1 if number else i - 1
        out.append(cited if 0 <= cited < i else i - 1)
    return out


def with_antecedents(questions: Sequence[str]) -> list[str]:
    """The texts to find each question's precedents by: a follow-up is searched with the
    question it follows, which says what it is about ('How many stop and searches in 2023? How
    many resulted in an arrest?'). The question itself, its cues and rewordings are unchanged."""
    found = antecedents(questions)

    def chain(i: int) -> str:
        """'How many were refused?' after 'How many were approved?' after 'How many planning
        applications in 2023?': the question it follows and the first of the run, which names
        the subject (and often the period)."""
        if found[i] is None:
            return questions[i]
        root = found[i]
        while found[root] is not None:
            root = found[root]
        return " ".join(dict.fromkeys([questions[root], questions[found[i]], questions[i]]))

    return [chain(i) for i in range(len(questions))]
