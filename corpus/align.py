"""Match each question of a request to the part of the response that answers it.

Authorities answer in three shapes: under each question (the question repeated, then the
answer), by number ("1. ... 2. ..."), or with one statement for everything. Questions
that share one answer ("In response to the 4 questions above") take the next answer given.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from corpus.exemptions import find_exemptions
from corpus.models import Question
from corpus.outcome import (
    NOT_HELD,
    REFERRAL,
    classify,
    mixed,
    says_something,
    strip_preamble,
    without_courtesies,
)

EXCERPT_CHARS = 400

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "the a an of to in on for and or is are was were be by with from at as it this that you your "
    "do does did have has had any all what how many much which who when where please provide "
    "number total information council authority whether if so"
)
_STOP = frozenset(_STOP_WORDS.split())
_BOILERPLATE = re.compile(
    r"\n\s*(?:your rights|if you are (?:unhappy|dissatisfied|not satisfied)|further information\b"
    r"|advice and assistance|you may re-?use|yours (?:sincerely|faithfully)|kind regards"
    r"|internal review\b|right to (?:complain|appeal|request)|copyright"
    r"|if you have any (?:(?:further )?(?:queries|questions)|further)\b)",
    re.I,
)


class _Words:
    """Lower-case word stream of a text with each word's character span, for fuzzy location."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _WORD.finditer(text.lower())]
        words = [text[a:b].lower() for a, b in self.spans]
        self.joined = " ".join(words)
        self.offsets: list[int] = []
        pos = 0
        for w in words:
            self.offsets.append(pos)
            pos += len(w) + 1

    def _opens_line(self, word: int) -> bool:
        """Whether only a list marker stands before this word on its line, as when a reply
        repeats a question as a heading (not when the same words recur inside an answer)."""
        start = self.spans[word][0]
        line = self.text[self.text.rfind("\n", 0, start) + 1: start]
        return bool(_LINE_LEAD.fullmatch(line))

    def find_last(self, words: list[str], after_word: int,
                  skip: int = 0) -> tuple[int, int] | None:
        """(first, last) word index of the last occurrence of `words` starting after a word;
        the last one that opens a line, when there is one. `skip` later occurrences are left
        to the same question asked again further on ('Start date and duration of the
        contract?' under 1b and again under 2b)."""
        if not words:
            return None
        needle = " ".join(words)
        at = self.joined.rfind(needle)
        heads: list[tuple[int, int]] = []
        others: list[tuple[int, int]] = []
        while at != -1:
            first = bisect.bisect_left(self.offsets, at)
            if first < len(self.offsets) and self.offsets[first] == at and first > after_word:
                span = (first, first + len(words) - 1)
                if not self._opens_line(first):
                    others.append(span)
                elif len(heads) == skip:
                    return span  # the wanted heading: earlier occurrences need no scan
                else:
                    heads.append(span)
            at = self.joined.rfind(needle, 0, at)
        if heads:
            return heads[-1]
        return others[min(skip, len(others) - 1)] if others else None

    def find_next_heading(self, words: list[str], after_word: int,
                          within: int) -> tuple[int, int] | None:
        """The first occurrence of `words` after a word, no further than `within` words on,
        that opens a line: a short list item repeated as a heading ('i. Name', 'e. Email')."""
        if not words or after_word + 1 >= len(self.offsets):
            return None
        needle = " ".join(words)
        at = self.joined.find(needle, self.offsets[after_word + 1] if after_word >= 0 else 0)
        while at != -1:
            first = bisect.bisect_left(self.offsets, at)
            if first - after_word > within:
                return None
            whole = self.joined[at + len(needle): at + len(needle) + 1] in (" ", "")
            # a match inside the last word bisects past the end of the word list
            if first < len(self.offsets) and self.offsets[first] == at and whole \
                    and self._opens_line(first):
                return first, first + len(words) - 1
            at = self.joined.find(needle, at + 1)
        return None


# a list item's letter or roman number: 'b.', 'iv)'
_ITEM_MARK = r"(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)"
_LINE_LEAD = re.compile(r"[\s\W]*(?:(?:q(?:uestion)?\s?)?\(?\d{1,2}[a-z]?[.):]?|\(?"
                        + _ITEM_MARK + r"[.)])?[\s\W]*", re.I)


def trim_boilerplate(text: str) -> str:
    m = _BOILERPLATE.search("\n" + text)
    return (text[: m.start() - 1] if m and m.start() > 0 else text if not m else "").strip()


def locate_answers(questions: list[str], response: str) -> list[str] | None:
    """Answer text after each question's last appearance in the response, or None when the
    response does not repeat the questions (then it is numbered or blanket)."""
    words = _Words(response)
    found: list[tuple[int, int] | None] = []
    last = -1
    asked = [_WORD.findall(q.lower()) for q in questions]
    for i, q in enumerate(questions):
        qwords = asked[i]
        hit = _echo(words, q, qwords, last, asked[i + 1:])
        found.append(hit)
        if hit:
            last = hit[1]
    if sum(1 for f in found if f) < max(1, (len(questions) + 1) // 2):
        return None
    return _segments(response, words, found)


def _echo(words: _Words, question: str, qwords: list[str], last: int,
          later: list[list[str]]) -> tuple[int, int] | None:
    """Where the reply repeats a question, after the last one found: whole or by its opening,
    as the sub-item of its stem, or with a word of its opening respelled, the first of these
    that lands after `last` (a respelling is placed four words before what it finds, which can
    reach back into the previous echo)."""
    for find in (lambda: _find_opening(words, qwords, last, later),
                 lambda: _sub_item(words, question, last),
                 lambda: _respelled(words, qwords, last),
                 lambda: _unprefixed(words, question, last)):
        hit = find()
        if hit and hit[0] > last:
            return hit
    return None


def _find_opening(words: _Words, qwords: list[str], last: int,
                  later: Sequence[list[str]] = ()) -> tuple[int, int] | None:
    """The question repeated whole, else its longest opening of eight words or more that the
    reply repeats: an answer written into the echo ('... for the CRM platform? £1.37m (Please
    note ...') cuts it short, and the longest opening tells it from a sibling that differs
    further on ('... for the CMS platform?'). Occurrences are left over for later questions
    that open the same way (`later`)."""
    shortest = min(len(qwords), 8)
    if not words.find_last(qwords[:shortest], last):
        return None  # no longer opening can be there either: spare the search at every length
    for n in range(len(qwords), shortest - 1, -1):
        opening = qwords[:n]
        again = sum(w[:n] == opening for w in later)  # the same opening asked again later
        hit = words.find_last(opening, last, again)
        if hit:
            return hit
    return None


def _respelled(words: _Words, qwords: list[str], last: int) -> tuple[int, int] | None:
    """A long question repeated with a word of its opening respelled ('counseling' echoed as
    'counselling'): found by the eight words after its first four, and taken to begin four
    words earlier."""
    if len(qwords) < 12:
        return None
    hit = _find_opening(words, qwords[4:], last + 4)
    return (hit[0] - 4, hit[1]) if hit else None


# "I would like to know how much ..." repeated as "How much ...": the ask's lead-in dropped
_ASK_LEAD = re.compile(
    r"^(?:(?:i would|i'd) (?:also )?like to (?:know|request|ask|see|have|receive)|"
    r"i (?:wish|want) to (?:know|request)|i request|(?:please|(?:could|can|would) you)(?: please)?"
    r" (?:provide|tell me|confirm|let me know|advise|send|supply|state|give)(?: me)?(?: with)?)"
    r"\s+(?:(?:details|information|data) (?:of|on|about)\s+)?", re.I)


def _unprefixed(words: _Words, question: str, last: int) -> tuple[int, int] | None:
    """The question repeated without its lead-in ('I would like to know how much money ...'
    echoed as 'How much money ...'): found by what follows the lead-in, eight words or more."""
    lead = _ASK_LEAD.match(question)
    rest = _WORD.findall(question[lead.end():].lower()) if lead else []
    return _find_opening(words, rest, last) if len(rest) >= 8 else None


SHORT_ITEM_REACH = 60


def _sub_item(words: _Words, question: str, last: int) -> tuple[int, int] | None:
    """'Stem: sub-item' (as split joins a sub-item to its stem) repeated as the sub-item
    alone: found by the sub-item's opening words."""
    if ": " not in question:
        return None
    stem, _, item = question.rpartition(": ")
    sub = _WORD.findall(item.lower())
    if len(sub) >= 6:  # whole first: two items may open alike ('Who is the main contact...')
        hit = _find_opening(words, sub, last)
    else:  # a short item ('Name', 'The total number of cases') only as the next heading: its
        # words recur too often anywhere else
        hit = words.find_next_heading(sub, last, SHORT_ITEM_REACH) if sub else None
    if not hit:
        return None
    # the first item under a stem the reply repeats begins where the stem does: the answer
    # before it ends there
    head = words.find_next_heading(_WORD.findall(stem.lower()), last, hit[0] - last - 1)
    return (head[0], hit[1]) if head else hit


_NEXT_MARKER = re.compile(r"\n[ \t]*(?:\(?(?:\d{1,2}[a-z]?|" + _ITEM_MARK + r")\.?[.)]"
                          r"|\d{1,2}\.[a-h](?:[.)]|[ \t]*[-–:])?)[ \t]*$", re.I)  # or '1.B -'


# (not a reference wrapped onto its own line: '... received in answer to\nquestion 4.\n'; and
# only over words of context, a bare next marker is _NEXT_MARKER's)
_NEXT_GROUP = re.compile(r"\n[ \t]*Question\s?\d{1,2}[.:]?[ \t]*\n"
                         r"(?=(?:[\W\d_]*[A-Za-z]{2,}){3}).*\Z", re.S)


def _segments(response: str, words: _Words, found: list[tuple[int, int] | None]) -> list[str]:
    starts = [words.spans[f[0]][0] if f else None for f in found]
    answers: list[str] = []
    for i, hit in enumerate(found):
        if not hit:
            answers.append(None)
            continue
        begin = words.spans[hit[1]][1]
        nxt = next((s for s in starts[i + 1:] if s is not None), len(response))
        # the next heading's own marker on its line ('1097\n2. Who is...') is not this answer,
        # nor is the next group's heading with the context it quotes ('Question 5\nPage 98:
        # "<a quote from the report>"') before its lettered questions
        answers.append(re.sub(_NEXT_MARKER, "", _NEXT_GROUP.sub("", response[begin:nxt])))
    if answers[-1] is not None:
        answers[-1] = trim_boilerplate(answers[-1])
    gaps = [None if a is None else _echo_gap(_clean(a), i + 2) for i, a in enumerate(answers)]
    # questions repeated one after another share the answer below them, and so does one the
    # reply rewords between two it repeats; one asked before anything the reply repeats (a
    # lead request the reply passes over) has no answer
    shared = _share_forward([g or "" for g in gaps])
    first = next(i for i, g in enumerate(gaps) if g is not None)
    return ["" if i < first else s for i, s in enumerate(shared)]


def _echo_gap(answer: str, next_number: int) -> str:
    """What lies between two repeated questions: a connective ('and') is no answer, and the
    next question's own number ('... by week 12. 5.', or only '2.' between two quoted
    questions) is not part of this one's."""
    answer = re.sub(r"(?<=[.!?])\s+\(?\d{1,2}[.)]?$", "", answer)
    # the next item's own marker ('1219 b.', ', ii.') is not part of this one's answer
    answer = re.sub(r"(?:^|[\s,;]+)\(?" + _ITEM_MARK + r"\.?[.)]$", "", answer).strip()
    own_number = rf"\(?(?:q(?:uestion)?\s?)?{next_number}[.):]?|\(?\d{{1,2}}[.)]"
    if re.fullmatch(own_number, answer, re.I):
        return ""  # the next question's number, or the next heading's ('3.' between 2b and 3a)
    return answer if set(_WORD.findall(answer.lower())) - _STOP else ""


def _clean(text: str) -> str:
    text = re.sub(r"[*_]{2,}", " ", text)
    text = re.sub(r"^[\s?.:\-–)•·*]+", "", text)
    text = " ".join(text.split()).rstrip(" -–•·*")
    return text if re.search(r"\w", text) else ""  # a bare bullet between two echoes is no answer


def numbered_answers(count: int, response: str) -> list[str] | None:
    """'1. ... 2. ...' or 'Q1 ... Q2 ...' in the response, when it numbers as many answers."""
    pattern = re.compile(r"(?:(?<=\s)|^|(?<=[.;:]))(?:q(?:uestion)?\s?)?\(?(\d{1,2})[.):]\s+", re.I)
    marks = [m for m in pattern.finditer(response)]
    chosen, expect = [], 1
    for m in marks:
        if int(m.group(1)) == expect:
            chosen.append(m)
            expect += 1
    if count < 2 or len(chosen) < min(count, 2) or len(chosen) > count:
        return None
    bounds = [m.start() for m in chosen[1:]] + [len(response)]
    texts = [_clean(response[m.end(): b]) for m, b in zip(chosen, bounds)]
    texts[-1] = trim_boilerplate(texts[-1]) or texts[-1]
    return texts + [""] * (count - len(texts))


_NUM = r"\d{1,2}[a-z]?"
_PREFIXED = re.compile(
    r"\b(?:q|questions?|parts?|points?)\s?(" + _NUM + r"(?:\s?(?:-|–|to|and|&|/|,)\s?"
    r"(?:q|questions?|parts?)?\s?" + _NUM + r")*)(?![\d%£/.]\d)(?!\s(?:19|20)\d\d\b)",
    re.I,
)
_CLAUSE_START = r"(?:^|(?<=[.;:!?]\s)|(?<=\n))"
_BARE = re.compile(
    _CLAUSE_START + r"\(?(\d{1,2}\)?(?:\s?[-–]\s?\(?\d{1,2})?)[.)](?=\s)"
    r"|" + _CLAUSE_START + r"([a-h](?:,\s?[a-h])*)[.):](?=\s)",
)
_REST = re.compile(
    r"\b(?:all (?:the )?other (?:questions|parts|points)|(?:the )?remaining (?:questions|parts|"
    r"points)|(?:the )?rest of (?:the|your) (?:questions|request))\b\s*:?"
    # "question 8 refused as not held. Otherwise: ..." (a summary's word for the rest)
    r"|(?:(?<=[.;]\s)|^)otherwise\s*[:,]", re.I,
)


def _expand_label(label: str) -> list[int]:
    """'1-Q3' -> [1, 2, 3]; '4 and Q5' -> [4, 5]; 'b, c, e' -> [2, 3, 5]."""
    low = re.sub(r"(\d)[a-z]\b", r"\1", label.lower())
    if not re.search(r"\d", low):
        return [ord(c) - 96 for c in re.findall(r"\b[a-h]\b", low)]
    out: list[int] = []
    tokens = re.findall(r"\d{1,2}|[-–]|\bto\b", low)
    for i, tok in enumerate(tokens):
        if not tok.isdigit():
            continue
        if i >= 2 and not tokens[i - 1].isdigit() and out:
            out.extend(range(out[-1] + 1, int(tok) + 1))
        else:
            out.append(int(tok))
    return out


def _labels(response: str) -> list[tuple[list[int], int, int]]:
    """(question numbers, start, end) of each answer label, in order, numbers rising."""
    found = [(_expand_label(m.group(1)), m.start(), m.end()) for m in _PREFIXED.finditer(response)]
    found += [(_expand_label(m.group(1) or m.group(2)), m.start(), m.end())
              for m in _BARE.finditer(response)]
    found += [([], m.start(), m.end()) for m in _REST.finditer(response)]
    kept: list[tuple[list[int], int, int]] = []
    top, last_end, used = 0, -1, set()
    prefixed = {m.start() for m in _PREFIXED.finditer(response)}
    lettered = {m.start() for m in _BARE.finditer(response) if m.group(2)}
    for nums, start, end in sorted(found, key=lambda f: f[1]):
        if start < last_end or len(nums) > 20 or used & set(nums):
            continue
        if nums and min(nums) <= top and start not in prefixed | lettered:
            continue  # only a 'Q4' or a 'd:' may come back for a part skipped before
        if nums and start not in prefixed | lettered and min(nums) != top + 1:
            continue  # a bare "96." is a figure unless it is the next number in sequence
        kept.append((nums, start, end))
        top, last_end = max([top, *nums]), end
        used.update(nums)
    return kept


def labelled_count(response: str) -> int:
    """The highest question number the response's answer labels use (0 when unlabelled)."""
    return max((max(nums) for nums, _, _ in _labels(response) if nums), default=0)


def labelled_answers(questions: list[str], response: str) -> list[str] | None:
    """Answers labelled 'Q1: ...', 'Q2-3: ...', 'Part 1 ...', 'b, c: ...', 'All other questions:'.

    Labels map to questions by number, unless the answer opens by naming another question's
    topic ('Q4: 8453 (number of employees)' when employees are asked third): summaries often
    number the original request, not our split of it. When the response numbers more parts
    than the request has but gives exactly one label per question, they map in order.
    Unlabelled questions get the 'all other questions' answer, or nothing."""
    count = len(questions)
    labels = _labels(response)
    numbered = [lab for lab in labels if lab[0]]
    if count < 2 or not numbered or (len(labels) < 2 and not _PREFIXED.match(
            response, numbered[0][1])):
        return None
    starts = [_clause_start(response, lab[1], prev[2] if prev else 0)
              for prev, lab in zip([None, *labels[:-1]], labels)]
    bounds = [*starts[1:], len(response)]
    # 'no information was located for question 1': what leads up to a label in its own
    # clause is that question's answer too
    texts = [_clean(response[a: lab[1]] + " " + response[lab[2]: b])
             for a, lab, b in zip(starts, labels, bounds)]
    texts[-1] = trim_boilerplate(texts[-1]) or texts[-1]
    if max(max(lab[0]) for lab in numbered) > count:
        if len(labels) != count:
            return None
        return texts
    answers = [""] * count
    rest = next((t for lab, t in zip(labels, texts) if not lab[0]), "") or _lead(
        response[:starts[0]])
    for (nums, _, _), text in zip(labels, texts):
        for k in _echoed(nums, text, questions):
            answers[k - 1] = text
    unlabelled = [i for i, a in enumerate(answers) if not a]
    if rest and len(unlabelled) > 1 and mixed(rest):
        # 'Otherwise: no private company; FPN £80; smoking litter not recorded': clause by clause
        for i, part in zip(unlabelled, attribute_clauses([questions[i] for i in unlabelled],
                                                         rest)):
            answers[i] = part
    return _spread_tail(questions, [a or rest for a in answers])


_LEAD_ANSWER = re.compile(r"\b(?:see|find)\b[^.;]{0,40}\b(?:attached|enclosed|below)\b|"
                          r"\b(?:response|information|answers?) (?:is |are )?(?:attached|"
                          r"enclosed)\b|"
                          # "I have today decided to disclose the located information; however..."
                          r"\bdecided to disclose (?:the |all (?:of )?the )(?:located |requested )?"
                          r"information\b(?!\s*:)"  # not one that introduces the answers
                          # "the majority is attached", "provided in an attachment", "information
                          # retrieved before the fees limit was reached is supplied (attachment)"
                          r"|\b(?:majority|most|rest|remainder)\b[^.;]{0,20}\b(?:attached|"
                          r"enclosed|provided|supplied)\b|\bin (?:an |the )?attachment\b"
                          r"|\(attach(?:ment|ed)\)",
                          re.I)


def _clause_start(response: str, label_start: int, floor: int) -> int:
    """Where the clause holding a label begins: the label itself when it opens its clause
    ('Q2: ...'), else just after the last ',', ';', ':' or full stop before it (not before
    `floor`, the end of the label before), so 'no information was located for question 1'
    keeps its words."""
    head = response[floor:label_start]
    if not re.search(r"[A-Za-z]{2}", head.rsplit(";", 1)[-1]) or re.search(
            r"[.;:,(]\s*$", head):
        return label_start
    cut = max((m.end() for m in re.finditer(r"[.;:,](?=\s)", head)), default=0)
    fragment = head[cut:]
    return floor + cut if len(fragment.split()) <= 12 else label_start


def _lead(head: str) -> str:
    """What a reply says before its first label, as the answer to the questions no label
    names: 'Please see our response attached. This letter is a Refusal Notice for question
    6': the attached response answers the other five."""
    if head.strip() and not re.search(r"[.!?:;,]\s*$", head):  # the label's own sentence
        head = head[: max((m.end() for m in re.finditer(r"[.!?]\s+", head)), default=0)]
    head = _clean(head)
    return head if _LEAD_ANSWER.search(head) and classify(head) in ("answered", "partial") else ""


def _spread_tail(questions: list[str], answers: list[str]) -> list[str]:
    """After a numbered list a summary often adds sentences about several parts ('5. Head of IT
    named. Specific dates of last/next check withheld under s31(1)(a); named junior contact
    exempt under s40(2).'): they are not the last answer's alone. Each clause of the sentences
    after the last answer's first that withholds or lacks something goes to the parts it
    echoes; any other stays."""
    last = max((i for i, a in enumerate(answers) if a), default=None)
    m = re.search(r"(?<=[.])\s+(?=[A-Z])", answers[last]) if last is not None else None
    if not m or _labels(answers[last][m.end():]):
        return answers  # a tail with labels of its own is a second round of answers
    parts = [_own_words(q) for q in questions]
    out = list(answers)
    out[last] = answers[last][:m.start()]
    for _, clause in _clauses(answers[last][m.end():]):
        named = _claims(parts, clause) if classify(clause) != "answered" else []
        for j in named or [last]:
            out[j] = f"{out[j]}; {clause}" if out[j] else clause
    return out


def _echo_head(answer: str) -> set[str]:
    """The words an answer opens with to say what it answers: 'suppliers:', 'durations ...',
    '8453 (number of employees)'."""
    head = answer[:50].split(":")[0] if ":" in answer[:50] else " ".join(answer.split()[:3])
    aside = re.match(r"[^()]{0,30}\(([^()]{3,40})\)", answer)
    return _content(head + " " + (aside.group(1) if aside else ""))


def _echoed(nums: list[int], answer: str, questions: list[str]) -> list[int]:
    """The question numbers a labelled answer belongs to: its label's, except a number whose
    question shares no word with the answer while another question is half named by its opening
    (that one takes the answer instead). A question the answer mentions anywhere keeps
    it: 'Q2-3: no fax machines or pagers in use'."""
    head = _echo_head(answer)
    if not head:
        return nums
    said = _content(answer)
    out: list[int] = []
    for k in nums:
        if said & _content(questions[k - 1]):
            out.append(k)
            continue
        named = [(len(head & c) / len(c), j) for j, q in enumerate(questions, 1)
                 if (c := _content(q)) and len(head & c) / len(c) >= 0.5]
        best = max(named, default=None)
        if best is None or sum(1 for n in named if n[0] == best[0]) > 1:
            out.append(k)
        elif best[1] not in nums:
            out.append(best[1])
    return out


def _share_forward(answers: list[str]) -> list[str]:
    """An empty answer takes the next non-empty one: several questions, one shared reply."""
    out = list(answers)
    following = ""
    for i in range(len(out) - 1, -1, -1):
        if out[i]:
            following = out[i]
        else:
            out[i] = following
    return out


def _stem(word: str) -> str:
    """A crude plural stem: 'durations' meets 'duration', 'addresses' 'address'."""
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


# "...; any further breakdown withheld under s24": a clause about every part's detail; "S12
# applies to the whole request", "for every question": a clause that says it concerns them all
_EVERY_PART = re.compile(
    r"\b(?:any|all) further (?:breakdown|details?)\b|\bwhole (?:of (?:the |your )?)?request\b"
    r"|\b(?:all|every|each) (?:of (?:the |your )?)?(?:questions?|parts?)\b"
    # "some is attached and the remainder withheld": a split of the whole request
    r"|\bsome (?:is|are|was|were|has been|have been) (?:attached|provided|disclosed|released)\b"
    r"[^;]{0,80}?\bthe (?:remainder|rest)\b", re.I)


def _invokes_cost_limit(clause: str) -> bool:
    """Whether a clause refuses under the cost limit (s12, named or implied by its wording).
    The limit is reckoned over the whole request (the parts' costs are added up), so such a
    clause naming no part refuses every part."""
    return any(c == "s12" or c.startswith("s12(") for c in find_exemptions(clause))


def _own_words(question: str) -> set[str]:
    """The words that name a part: a 'stem: field' part is named by its field (the stem scopes
    every part, so echoing it names none of them)."""
    own = question.rsplit(": ", 1)[1] if ": " in question else question
    return _content(own) or _content(question)


def _claims(parts: list[set[str]], clause: str) -> list[int]:
    """The parts a clause addresses, by the words it echoes. Each shared word counts
    1/(number of parts that use it): a word every part shares ('property', 'contracts') names
    none of them, a word only one part uses names that one. A part is addressed when the clause
    shares a third of its words (or three), and is echoed at least a quarter as strongly as the
    best-echoed part ('spend on communal bins not recorded' names the spend parts as well as
    the bins part; 'lost/stolen bins not recorded' only the lost-or-stolen part)."""
    said = _content(clause)
    df = Counter(w for words in parts for w in words)
    scores = [sum(1 / df[w] for w in words & said) for words in parts]
    best = max(scores, default=0.0)
    return [j for j, (score, words) in enumerate(zip(scores, parts))
            if score > 0 and score >= best / 4 - 1e-9  # float sums: a tie is a tie
            and (len(words & said) / len(words) >= 0.3 or len(words & said) >= 3)]


def _clauses(response: str) -> list[tuple[int, str]]:
    """(sentence number, clause) for each semicolon clause of each sentence."""
    out = []
    for n, sentence in enumerate(re.split(r"(?<=[.])\s+(?=[A-Z0-9])", response)):
        out.extend((n, c.strip()) for c in _outside_brackets(sentence) if c.strip())
    return out


def _outside_brackets(sentence: str) -> list[str]:
    """A sentence split at '; ' and ', but ' where not inside brackets: '(e.g. phones lost: 44;
    laptops lost 2 to 17)' is one clause."""
    depth, cuts = 0, []
    for m in re.finditer(r"[()]|;\s+|,\s+but\s+", sentence):
        if m.group() in "()":
            depth = max(depth + (1 if m.group() == "(" else -1), 0)
        elif not depth:
            cuts.append(m)
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(sentence)]
    return [sentence[a:b] for a, b in zip(bounds[::2], bounds[1::2])]


_THE_OTHERS = re.compile(r"\b(?:remaining|other) (?:categories|parts|questions|items|points"
                         # "information for the remaining years": the period of every part
                         r"|years|periods|months)\b",
                         re.I)
# a clause that goes on about the one before it: 'any further information about it is exempt',
# '2017/18: 84 staff' after 'appeals 2016/17: 76 staff'
_REFERS_BACK = re.compile(r"\b(?:it|them)\b|^\W*(?:19|20)\d\d\b", re.I)


def _in_order(parts: list[set[str]], clauses: list[str]) -> bool:
    """Whether a summary answers its parts one clause each, in the request's order: as many
    clauses as parts, at least half echoing the part at their place and none another part."""
    if len(clauses) != len(parts) or len(parts) < 2:
        return False
    named = [_claims(parts, c) for c in clauses]
    placed = sum(1 for k, n in enumerate(named) if k in n)
    return all(k in n or not n for k, n in enumerate(named)) and 2 * placed >= len(parts)


def attribute_clauses(questions: list[str], response: str, leftover: bool = True) -> list[str]:
    """For summaries that answer in prose: give each question the clauses that echo it.

    A summary with one clause per part, in the request's order, answers them in that order.
    A clause that echoes no part but refers back to the clause before it in the same sentence
    continues it ('appeals 2016/17: 76; 2017/18: 84', '1 complaint received; any further
    information about it is exempt'). A question no clause names takes the clauses no other
    question claimed (or, without `leftover`, nothing). A clause about the whole request ('S12
    applies to the whole request') goes to every question besides what it names."""
    clauses = _clauses(response)
    parts = [_own_words(q) for q in questions]
    if _in_order(parts, [c for _, c in clauses]):
        return [c for _, c in clauses]
    hits: list[list[int]] = [[] for _ in questions]
    every: list[int] = []
    claimed: set[int] = set()
    prev: tuple[int, list[int]] = (-1, [])
    for i, (sentence, c) in enumerate(clauses):
        cost_limit = _invokes_cost_limit(c)
        # "within the cost limit" does not name the part about costs paid; "provided for the
        # remaining categories" is about the parts no clause names, not any whose words it shares
        named = [] if _THE_OTHERS.search(c) else _claims(
            parts, re.sub(r"\bcosts?\b", " ", c) if cost_limit else c)
        if _EVERY_PART.search(c) or (not named and cost_limit):
            every.append(i)
            continue
        if not named and prev[0] == sentence and _REFERS_BACK.search(c):
            named = prev[1]
        for j in named:
            hits[j].append(i)
            claimed.add(i)
        prev = (sentence, named)
    rest = [i for i in range(len(clauses)) if i not in claimed and i not in every] \
        if leftover else []
    return [_joined([clauses[i][1] for i in sorted(set(h or rest) | set(every))]) for h in hits]


def _joined(clauses: list[str]) -> str:
    """Clauses back into prose: a sentence that ends itself is followed by a space, not by
    '.;', since the excerpt is quoted to users as the authority's words."""
    return "".join(c + ("" if k == len(clauses) - 1 else " " if c[-1] in ".!?:" else "; ")
                   for k, c in enumerate(clauses))


# The summary says that the answers themselves were cut: "(further answers follow)", "(rest
# cut off)", "(monthly spend answers follow)", "(figures follow)". Not "(exemptions follow)" or
# "(reasoning cut off)": there the decision is shown and only its reasons are missing.
SHORT_REPLY_CHARS = 600
_TRUNCATED = re.compile(
    r"[(;,]?\s*\(?(?:further|remaining|other) answers (?:follow|in (?:an|the) annex)[^)]*\)?\.?"
    r"|[;,]?\s*\((?:[^()]*\b(?:answers?|figures|rest|data|responses?)\b[^()]*?\b"
    r"(?:follows?|cut off)\b|cut off)[^()]*\)\.?", re.I)


# an answer that is only a pointer to what the summary left out: "answer follows."
_FOLLOWS = re.compile(r"^\W*(?:(?:the |an? )?(?:answers?|details?|figures|response|information)"
                      r" (?:follows?|to follow|cut off)|(?:answer|text|rest) cut off)\W*$", re.I)


# what a summary says of a question before its answer: how it was read, what was asked back
_NO_ANSWER_YET = re.compile(r"\W*(?:interpreted as|read as|taken to mean|clarification (?:was )?"
                            r"(?:sought|requested|asked)|(?:we|the \w+) (?:have |has )?asked for "
                            r"clarification)\b", re.I)


def _unshown(answer: str) -> str:
    """An answer the summary cut before it said anything ('interpreted as ARV attendance times
    (answer cut off)', 'answer follows.') is no answer: its question's outcome is unknown, not
    'answered' for want of a refusal."""
    if _FOLLOWS.match(answer):
        return ""
    rest = _TRUNCATED.sub(" ", answer)
    if rest != answer and (not rest.strip(" .;,") or (_NO_ANSWER_YET.match(rest)
                                                      and not says_something(rest))):
        return ""
    return answer


def _shown_part(questions: list[str], response: str) -> list[str]:
    """A summary cut short ('... (further answers follow)') answers only what it shows: each
    question gets the clauses that name it, the first question the text when none does, and
    the rest nothing (their outcome is unknown, not the shown answer's)."""
    shown = _TRUNCATED.sub("", response).strip()
    parts = attribute_clauses(questions, shown, leftover=False)
    return parts if any(parts) else [shown] + [""] * (len(questions) - 1)


def _refine(cites: list[str], doc_cites: list[str]) -> list[str]:
    """A bare 's31' in an answer takes the precise form the same response cites elsewhere,
    and a cost-limit refusal in a reply made under the EIR is its r12(4)(b)."""
    out: list[str] = []
    for c in cites:
        finer = [d for d in doc_cites if d.startswith(c + "(")] or (
            ["r12(4)(b)"] if c == "s12" and "r12(4)(b)" in doc_cites else [])
        out.extend(finer or [c])
    return list(dict.fromkeys(out))


_YES_NO = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:(?:in the absence|if|where|for)[^,?]{0,60},\s*)?"
    r"(?:(?:do|does|did|is|are|was|were|has|have|had)\s+"
    r"(?:you|the|your|any|there|it|this|they|[a-z]+ council)\b"
    # "In addition, can you confirm if you have a contract in place?" asks yes or no too
    r"|(?:in addition,\s*)?(?:(?:can|could|would) you (?:please )?|please )?confirm (?:if|whether)"
    r"(?: or not)?\s+(?:you|the council|your|there|it|they)\s+(?:have|has|had|do|does|did|is|"
    r"are|was|were|hold|holds|use|uses|employ|employs)\b)",
    re.I)
_ABOUT_RECORDS = re.compile(r"\b(?:information|records?|data|recorded|figures?|statistics)\b",
                            re.I)


def _says_none(answer: str) -> bool:
    """The not-held sentence denies the thing asked about ('does not have any byelaws'), not
    the records of it ('does not hold this information') nor who holds them."""
    sentences = [x for x in re.split(r"(?<=[.;!?])\s+", answer) if NOT_HELD.search(x)
                 and not REFERRAL.search(x)]  # "a matter for the school" is not "none"
    return bool(sentences) and not any(_ABOUT_RECORDS.search(x) for x in sentences)


_REFUSAL_WORDS = re.compile(r"\b(?:refus\w*|exempt\w*|withheld|vexatious)\b", re.I)
_SECTION_NAMED = re.compile(r"\b(?:sections?|s\.?)\s?(\d{1,3})\b(?:\s?\(\w{1,4}\))*", re.I)


def _unechoed(question: str, answer: str | None) -> str | None:
    """'How many requests were refused?' 'We have refused 5': the answer's 'refused' is the
    information asked for, not a refusal. Words of refusal the question itself uses are
    neutral in its answer, and so are the sections it names: 'the section 41 notice period'
    (Housing Act) or 'Section 38 agreements' (Highways Act) is the subject, not an
    exemption cited. A question about exemptions of its own (council tax's class N, exempt
    vehicles) makes every form of the word its topic, unless the answer cites a section."""
    used = {w.lower() for w in _REFUSAL_WORDS.findall(question)}
    named = {int(n) for n in _SECTION_NAMED.findall(question)}
    if not answer or not (used or named):
        return answer
    if named:
        answer = _SECTION_NAMED.sub(
            lambda m: "the said provision" if int(m.group(1)) in named else m.group(0), answer)
    answer = _REFUSAL_WORDS.sub(lambda m: "counted" if m.group(0).lower() in used
                                else m.group(0), answer)
    if _EXEMPT.search(question) and not find_exemptions(answer, implied=False):
        answer = _EXEMPT.sub("relief", answer)
    return answer


_EXEMPT = re.compile(r"\bexempt(?:ions?|ed)?\b", re.I)


def make_questions(questions: list[str], answers: list[str], whole_response: str) -> list[Question]:
    """Questions with outcomes; a refusal that names no section borrows the response's sections."""
    doc_cites = find_exemptions(whole_response)
    result = []
    denied: str | None = None  # the answer that said "none" to the last yes/no question
    for text, answer in zip(questions, answers):
        neutral = _unechoed(text, _unshown(answer))
        outcome = classify(neutral)
        cites = find_exemptions(neutral) if neutral else []
        if outcome in ("refused", "ncnd", "partial"):
            cites = _refine(cites, doc_cites) if cites else doc_cites
        yes_no = bool(_YES_NO.match(text))
        if yes_no:
            denied = None
        if outcome == "not_held" and yes_no and _says_none(answer):
            outcome = "answered"  # "Do you have any byelaws?" "We do not have any": a no
            denied = answer
        elif outcome == "not_held" and answer == denied:
            outcome = "answered"  # "a) their dates b) copies" after that no: moot, not missing
        if outcome in ("answered", "not_held", "unknown"):
            cites = [c for c in cites if outcome != "answered"] if outcome != "not_held" else []
        body = strip_preamble(answer) if answer else ""
        excerpt = body[:EXCERPT_CHARS].rstrip() + ("…" if len(body) > EXCERPT_CHARS else "")
        result.append(Question(text=text, outcome=outcome, exemptions=tuple(cites),
                               answer=excerpt or None))
    return _follow_references(result, answers)


_SEE_ANSWER = re.compile(r"^\W*(?:n/?a\W*)?(?:please\s+)?(?:see|refer to|as per)\s+"
                         r"(?:our |the |my )?(?:response|answer|reply)s?\s+(?:to|for|at|in)\s+"
                         r"(?:q|question|part)\s?(\d{1,2})\b", re.I)


def _follow_references(result: list[Question], answers: list[str]) -> list[Question]:
    """'See answer to Question 3': the question fared as question 3 did (when the request's
    parts are numbered as we split them and question 3 has an outcome of its own)."""
    out = list(result)
    for i, answer in enumerate(answers):
        m = _SEE_ANSWER.match(answer or "")
        k = int(m.group(1)) - 1 if m else -1
        if 0 <= k < len(result) and k != i and result[k].outcome != "unknown" \
                and not _SEE_ANSWER.match(answers[k] or ""):
            out[i] = Question(result[i].text, result[k].outcome, result[k].exemptions,
                              result[i].answer)
    return out


def align(questions: list[str], response: str | None, clause_level: bool = False) -> list[Question]:
    """Questions with outcomes, answers and exemptions, from the best-fitting response shape."""
    if not questions:
        return []
    response = (response or "").strip()
    if not response:
        return [Question(text=q) for q in questions]
    labelled = labelled_answers(questions, response) if clause_level else None
    if labelled is not None and any(labelled):
        return make_questions(questions, labelled, response)
    answers = locate_answers(questions, response)
    if answers is not None and any(answers):
        return make_questions(questions, answers, response)
    numbered = numbered_answers(len(questions), response)
    if numbered is not None and any(numbered):
        return make_questions(questions, _share_forward(numbered), response)
    blanket = trim_boilerplate(response) or response
    if clause_level and len(questions) > 1 and _TRUNCATED.search(blanket):
        return make_questions(questions, _shown_part(questions, blanket), blanket)
    short = len(blanket) <= SHORT_REPLY_CHARS  # a short letter reads like a summary
    if len(questions) > 1 and (classify(blanket) == "partial" or mixed(blanket)):
        # a part no clause names, with no unclaimed clause left over, has no visible answer
        body = blanket if clause_level or short else without_courtesies(blanket)
        return make_questions(questions, attribute_clauses(questions, body), blanket)
    return make_questions(questions, [blanket] * len(questions), response)
