"""Split a request into its individual questions.

The same splitter serves the corpus and the user's draft, so a draft's questions line up
with the way precedents were cut. Handles numbered, lettered and bulleted lists (nested
lists take their stem), inline numbering ("1) ... 2) ..."), semicolon-separated parts,
and run-on prose (split into sentences that ask for something).
"""

from __future__ import annotations

import re

MAX_QUESTIONS = 60  # a safety cap: long questionnaires run to 40-50 parts

_MARKER = re.compile(
    r"^\s*(?:"
    # "REQUEST 1:" heading its question, on the line or alone above it
    r"(?P<label>(?:request|question)(?:\s?/\s?(?:request|question))?\s?\d{1,2}[a-z]?\s?[.):-]?)"
    r"(?:\s+(?=\S)|\s*$)|"
    # "1.)" and "a.)" as well as "1." and "a)"
    r"(?P<bullet>[-*•·–◦▪>]|\u2022)\s+|(?P<dash>[-–•])(?=[A-Z][a-z])"
    r"|(?P<num>(?:q(?:uestion)?\s?)?\(?\d{1,2}(?:\.\d{1,2})?(?:\.\)|[.):])?)\s+(?=\S)"
    r"|(?P<glued>\(?\d{1,2}(?:\.\)|[.)]))(?=[A-Z][a-z])"
    # "2a)How many..." / "3b) If..." / "(2c)": a lettered part of numbered question 2 or 3
    r"|(?P<sub>\(?\d{1,2}[a-h][.)]|\d{1,2}\)\s?\([a-h]\))\s*(?=\S)"
    # "1.A - How many..." / "2.B How many...": the same, its letter after a dot
    r"|(?P<dotsub>\d{1,2}\.[a-h](?:[.)]|\s*[-–:])?)\s+(?=\S)"
    r"|(?P<letter>\(?[a-hA-H](?:\.\)|[.)]))\s+|(?P<gletter>\([a-h]\))(?=[A-Z][a-z])"
    r"|(?P<roman>\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)(?:\.\)|[.)]))\s+"
    r")",
    re.IGNORECASE,
)
# Welsh greetings too: 'Annwyl' (Dear), 'Helo', 'Bore da' (Good morning), 'Prynhawn da'
# (Good afternoon), 'Noswaith dda' (Good evening)
SALUTATION = re.compile(
    r"^\s*(dear\b|annwyl\b|to whom it may concern|hello\b|hi\b|good (morning|afternoon)"
    r"|helo\b|bore da\b|prynhawn da\b|noswaith dda\b)",
    re.I
)
# a Welsh letter's thanks: 'Diolch' (Thanks), 'Diolch yn fawr (iawn)' (Thank you (very) much),
# 'Diolch ymlaen llaw' (Thanks in advance)
_DIOLCH = r"diolch(?: yn fawr)?(?: iawn)?(?: ymlaen llaw)?"
_SIGNOFF = re.compile(
    r"^\s*(yours (faithfully|sincerely|truly)|kind regards|best regards|regards|many thanks|"
    r"thanks( in advance)?|thank you( (very much|in advance))?|best wishes|sincerely|"
    # Welsh: 'Yn gywir' / 'Yr eiddoch yn gywir' (Yours sincerely/faithfully), 'Cofion (gorau)'
    # (Regards, Best wishes)
    rf"{_DIOLCH}|(?:yr eiddoch )?yn gywir|cofion(?: gorau| cynnes)?)\b",
    re.I,
)
_THANKS_ONLY = re.compile(r"^\s*(?:(?:many )?thanks?(?: you)?(?: very much)?(?: in advance)?|"
                          rf"{_DIOLCH})\b", re.I)


def signs_off(line: str) -> bool:
    """Whether a line closes a letter ('Yours faithfully,', 'Kind regards, Jo', 'Thanks'), not
    one that thanks in passing and asks on ('Thanks - and how many ...?')."""
    return bool(_SIGNOFF.match(line)) and "?" not in line


def _asks_later(lines: list[str]) -> bool:
    """Whether a question follows (a sign-off ends the request; thanks in passing do not)."""
    for line in lines:
        if _SIGNOFF.match(line) and not _THANKS_ONLY.match(line):
            return False  # 'Yours faithfully' comes first: what follows is the signature
        if "?" in line or re.match(r"\s*\(?(?:\d{1,2}|[a-h])[.)]\s", line):
            return True
    return False


_OPENING_THANKS = re.compile(r"^\s*(?:many )?thanks?(?: you)?(?: very much)?(?: in advance)? for\b|"
                             r"^\s*thank you\.?\s*$|"
                             rf"^\s*{_DIOLCH} am\b", re.I)  # 'Diolch am ...': thanks for
_INLINE_NUM = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2})[.)]\s+(?=\S)")
_INLINE_LETTER = re.compile(r"(?:(?<=\s)|^)\(?([a-h])\)\s+(?=\S)")
# 'Dr. Smith', 'St. James's Hospital', 'Cllr. Jones': a title's full stop ends no sentence
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{t}\.)" for t in (
    "Dr", "Mr", "Mrs", "Ms", "St", "Cllr", "Prof", "Rev", "Sgt", "Insp", "Supt", "PC", "DC",
    "Det", "Ch", "No", "Nos", "Fr", "Sr", "Jr"))
# a sentence break: before a capital, or before a lower-case ask in a draft typed without
# capitals ('... payed. also how long does it take ...'); not after 'e.g.'
_SENTENCE = re.compile(r"(?<=[.?!])(?<!\be\.g\.)(?<!\bi\.e\.)" + _NOT_AFTER_TITLE
                       + r"\s+(?=[A-Z(\"']|(?:also|"
                       r"additionally|finally|how|what|which|when|where|who|why|could|can|"
                       r"please)\s)")
_FOLLOW_ON = re.compile(
    r"^(if so|if yes|if not|if any|if this|if that|if it|and\b|also\b(?!,? (?:i|please|could|can|"
    r"would|how|what|which|when|where|who|why)\b)|or\b|including|"
    r"for each|broken down|please (also )?(break|split|include|provide this)|please (?:give|"
    r"provide) (?:the |these |this |your )?(?:figures|data|numbers|totals|information) (?:by|"
    r"for each|per|broken)\b|"
    # "This could include data captured by the signs ...": the scope of the ask before it
    r"(?:this|these|that|which) (?:(?:could|may|might|would|should|can|will) )?"
    r"(?:includes?|covers?)\b|can (i|you) "
    r"(please )?have a breakdown|in what form|what does|how much did|what (was|were) the)",
    re.I,
)
# A Welsh request asks with its own words: 'Hoffwn wybod/gael' (I would like to know/have), 'A
# allwch chi' / 'A fyddech chi' (Could/Would you), 'Os gwelwch yn dda' (Please), 'Faint o'
# (How many/much), 'Sawl' (How many), 'A oes' (Is there), and the question words 'Pa' (Which),
# 'Pryd' (When), 'Ble' (Where), 'Pam' (Why), 'Beth' (What), 'Pwy' (Who). The short ones are
# English names or initials too ('Pam', 'Beth', 'PA'), so they ask only opening a sentence or
# a clause, a lower-case word after them; none of the rest is English, so English letters
# split as they did.
_WELSH_ASKS = (
    r"|\b(?:hoffwn|(?:a )?allech chi|(?:a )?allwch chi|(?:a )?fyddech chi|os gwelwch yn dda|"
    r"faint (?:o|a|y|yw|oedd)|sawl|nifer|cyfanswm|manylion|gwybodaeth|copi|copïau|rhestr)\b"
    r"|(?:^|[,;]\s)(?:pa|pryd|ble|pam|beth|pwy|a oes|a yw|a ydych|a wnaeth)\s+(?-i:[a-zâêîôûŵŷ])"
)
_ASKS = re.compile(
    r"\?|\b(please|kindly|i would like|i'd like|i request|i am requesting|could you|can you|"
    r"would you|how many|how much|how long|how often|how quickly|what|which|who|when|where|why|"
    r"whether|do you|does the|"
    r"is there|are there|number of|total|amount|cost|spend|names?|list|copy|copies|"
    r"breakdown|broken down|break (?:this |it |these |that )?down|details|information|"
    r"correspondence|records|figures|data)\b"
    r"|^(?:could|can|would|will) (?:this|these|that|it|they)\b"
    # 'Provide the 2023 budget for parks.', 'Send me ...': a request in the imperative
    r"|^(?:please |kindly )?(?:provide|send|share|disclose|supply|give|tell|confirm|state|"
    r"release|forward|advise|identify|specify|outline|explain|detail|publish|show)\b"
    + _WELSH_ASKS,
    re.I,
)
_INTRO = re.compile(
    r"(?:(?:the )?following(?: information| questions?)?|as follows)\s*[:.\-]?\s*$"
    r"|the following (?:recorded )?(?:information|questions?|details)\b[^?]{0,80}[.:]?\s*$"
    r"|(?:in particular[^.?]*|please (?:confirm|provide|answer|tell me)[^.?]*|i would like[^.?]*|"
    r"\brequest\b[^.?]*)\s*[:\-]\s*$|^(?:i|we) (?:would like to |wish to )?request\b[^.?]{0,60}$",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:if (?:any part|anything|you (?:have|need|require|are unable|cannot|can't|do not)|"
    r"(?:this|the) request|there (?:is|are) any)|i look forward|thank you|thanks\b|diolch\b|"
    r"cofion\b|(?:yr eiddoch )?yn gywir\b|"
    r"please (?:do not|don't) hesitate|please contact me|many thanks|please let me know|"
    r"(?:i|we) (?:would|will) (?:appreciate|be grateful for) (?:your|any) (?:help|assistance)|"
    r"(?:i|we) appreciate your|i understand (?:that |i )|i am aware that|"
    # asking for an acknowledgement asks for no information
    r"please (?:acknowledge|confirm (?:receipt|that you have received))|(?:i|we) would be grateful "
    r"if you (?:could|would) (?:acknowledge|confirm (?:in writing )?(?:receipt|that you have "
    r"received)))", re.I)


def marker_kind(line: str) -> str | None:
    """The kind of list marker that starts this line ('bullet', 'num', 'letter'...), if any."""
    m = _MARKER.match(line)
    if not m or len(line.strip()) < 4:
        return None
    kind = next(k for k in ("label", "bullet", "dash", "num", "glued", "sub", "dotsub", "letter",
                            "gletter", "roman") if m.group(k))
    return {"glued": "num", "dash": "bullet", "dotsub": "sub", "gletter": "letter"}.get(kind, kind)


def strip_marker(line: str) -> str:
    m = _MARKER.match(line)
    return (line[m.end():] if m else line).strip()


def clean_request(text: str) -> str:
    """Drop salutation and sign-off, so neither becomes a question (and names go with them)."""
    kept: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if _SIGNOFF.match(line):
            opening = not any(k.strip() for k in kept) and _OPENING_THANKS.match(line)
            # 'Thanks in advance for your help.' between two questions signs nothing off
            if opening or (_THANKS_ONLY.match(line) and _asks_later(lines[i + 1:])):
                continue
            break
        if SALUTATION.match(line):
            # a draft pasted as one line: "Dear Leeds City Council, Please tell me: (a) ..."
            rest = line.split(",", 1)[1].strip() if "," in line else ""
            if _SIGNOFF.match(rest):  # "Dear Sir, Yours faithfully, Bob": nothing asked
                break
            if len(rest.split()) >= 3:
                kept.append(rest)
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _tidy(text: str) -> str:
    text = re.sub(r"[*_]{2,}", "", text)
    return re.sub(r"\s+", " ", text).strip(" \t-–;,")


_HEADING = re.compile(r"^[A-Z][\w'’ ()&/-]{0,50}:$")  # "Seizures of Vapes:" over a group of items
_NEW_ASK = re.compile(
    r"^(?:could you|can you|would you|please|i would (?:also )?(?:like|prefer|appreciate)|"
    r"i'd (?:also )?like|(?:i would|i'd) be grateful|also\b|"
    r"in addition|additionally|finally|furthermore|further(?:more)?,|"
    # Welsh: I would like, could you, would you, please, also
    r"hoffwn|a allwch chi|a fyddech chi|os gwelwch yn dda|hefyd\b)", re.I)


def _number(line: str) -> str | None:
    m = re.match(r"\s*(?:q(?:uestion)?\s?)?\(?(\d{1,2})", line, re.I)
    return m.group(1) if m else None


def _list_items(lines: list[str], answers_follow: bool = False) -> list[tuple[str, str]]:
    """(kind, text) for each list item; unmarked lines continue the item above them.

    A finished item followed by a line that opens a new request ("Could you also tell me...")
    ends the list: that line is kind 'prose'. With `answers_follow` (a response that answers
    under each question) a line continues an item only while the item is unfinished, so
    "6000." under a question stays an answer.
    """
    items: list[list[str]] = []
    closed = False
    number = None  # the number of the last numbered item: "2a)" hangs from "2)", "3a)" not
    for line in lines:
        kind = marker_kind(line)
        if kind == "num":
            number = _number(line)
        elif kind == "sub":
            kind = "letter" if _number(line) == number else "num"
        finished = bool(items) and bool(re.search(r"[?.!]\W*$", items[-1][1].strip()))
        if kind:
            items.append([kind, strip_marker(line)])
            closed = False
        elif closed and not answers_follow and _NEW_ASK.match(text := line.strip()) \
                and _asks_anew(text):  # "If you are unable to ... Please could you also ..."
            items.append(["prose", text])
        elif items and (text := line.strip()) and not closed:
            if _CLOSING.match(text):  # "Thank you..." ends the request's list
                closed = not answers_follow
            elif _HEADING.match(text):
                pass  # "Seizures of Vapes:" heads the items below it
            elif answers_follow and finished:
                closed = True
            elif finished and _NEW_ASK.match(text):
                items.append(["prose", text])
            else:
                items[-1][1] += "\n" + text
        elif items and answers_follow and line.strip():
            continue
    if answers_follow:
        return [(k, t.replace("\n", " ")) for k, t in items]
    return _trailing_prose(items)


def _trailing_prose(items: list[list[str]]) -> list[tuple[str, str]]:
    """A list written one line per item ends at its last item's line: the paragraphs after it
    ('This data should be provided for the most recent 100 extensions', 'To understand the
    basis for this request, see...') say what the whole request is for or how to send it, and
    belong to no item. One of them that asks something new ('Please also tell me...', 'For
    which animals?') is a question of its own."""
    flat = [(k, t.replace("\n", " ")) for k, t in items]
    last = max((i for i, (kind, _) in enumerate(items) if kind != "prose"), default=0)
    lines = [t.split("\n") for _, t in items[: last + 1]]
    if last < 1 or len(lines[-1]) < 2 or any(len(ls) > 1 for ls in lines[:-1]) \
            or not re.match(r"[\"“'A-Z]", lines[-1][1]):  # "(excluding VAT)" goes on
        return flat
    after = _unwrap(lines[-1][1:]) + [t for _, t in flat[last + 1:]]
    return flat[:last] + [(items[last][0], lines[-1][0])] + [
        ("prose", t) for t in after if _asks_anew(t)]


def _unwrap(lines: list[str]) -> list[str]:
    """Lines with an e-mail's hard wraps undone: one that ends mid-sentence and a next one
    that starts in lower case ('...the duration' / 'of the extension?') are one line."""
    out: list[str] = []
    for line in lines:
        if out and not re.search(r"[.?!:;]\W*$", out[-1]) and re.match(r"[a-z(]", line.strip()):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
    return out


def _asks_anew(paragraph: str) -> bool:
    """A question, or a request for more ('Please also provide...'); not the request's scope
    ('Please can you provide this for the years 2020-2023') or format ('in Excel, please')."""
    opens = _NEW_ASK.match(paragraph) or _ASKS_WITHIN.search(paragraph)
    more = "?" in paragraph or (
        bool(opens or re.search(r"\b(?:also|in addition|additionally)\b", paragraph, re.I))
        and not _REFERS_TO_LIST.search(paragraph))
    return more and _asks(paragraph) and not _FORMAT_ONLY.search(paragraph)


# "If you publish your register of contracts, can you please provide a website link."
_ASKS_WITHIN = re.compile(r",\s+(?:can|could|would) you (?:please )?(?:provide|tell|confirm|send|"
                          r"supply|advise|share|state|list|give)\b", re.I)
# "Please can you provide this for the years 2020-2023", "the above information in Excel":
# a paragraph about the list's items, not an ask of its own
_REFERS_TO_LIST = re.compile(r"\b(?:this|these|the above|above|such|it|them|the (?:information|"
                             r"data|details|figures))\b", re.I)


_PERIOD_LABEL = re.compile(
    # "To date in 2023", "2023 to date", "2023 (year to date)" name a period too
    r"^(?:(?:(?:year )?to date in |so far in )?(?:19|20)\d\d(?:\s?[/-]\s?(?:19|20)?\d\d)?"
    r"(?:\s+(?:\(?(?:year )?to date\)?|so far))?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?(?:\s+(?:19|20)\d\d)?|(?:q[1-4]|quarter [1-4])(?:\s+(?:19|20)\d\d)?)"
    r"\W*(?:\([^)]*\))?\W*$", re.I)


def _asks(text: str) -> bool:
    return "?" in text or bool(_ASKS.search(text))


def _top_kind(items: list[tuple[str, str]]) -> str:
    """The marker kind of the questions themselves. Usually the first item's; but a list of
    categories placed before the numbered questions ('please use the below list: • Mainstream
    • Grammar School ... 1. How many children...?') asks nothing, and the kind that asks wins."""
    first = items[0][0]
    heads = [text for kind, text in items if kind == first]
    if len(heads) >= 2 and all(_tidy(t).endswith(":") for t in heads):
        return first  # '1. Regarding hotels:' over 'a) ...': headings whose parts ask
    total: dict[str, int] = {}
    asking: dict[str, int] = {}
    for kind, text in items:
        if kind != "prose":
            total[kind] = total.get(kind, 0) + 1
            asking[kind] = asking.get(kind, 0) + _asks(text)
    share = {kind: asking[kind] / total[kind] for kind in total}
    best = max(share, key=lambda k: (share[k], asking[k]), default=first)
    if asking.get(best, 0) >= 2 and share[best] >= 0.5 and share.get(first, 1.0) < 0.34:
        return best
    return first


def _absorb(items: list[tuple[str, str]], top: str) -> list[tuple[str, str]]:
    """Drop items that are not asks of their own: a list of categories placed before the
    questions, and the periods of "broken down by year: a) 2018 b) 2019". (The options under
    "Which of the following...?" stay: labellers split them, each is answered yes or no.)"""
    lead = next(i for i, (kind, _) in enumerate(items) if kind == top)
    items = [it for it in items[:lead] if it[0] == "prose"] + items[lead:]  # categories
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(items):
        kind = items[i][0]
        out.append(items[i])
        i += 1
        end = i
        while end < len(items) and items[end][0] not in (top, "prose"):
            end += 1
        subs = [_tidy(t) for _, t in items[i:end]]
        if kind == top and subs and all(_PERIOD_LABEL.match(t) for t in subs):
            i = end
        elif kind == top and subs and (cats := _categories(_tidy(out[-1][1]), subs)):
            out[-1] = (kind, f"{_tidy(out[-1][1])} {cats}")
            i = end
    return out


def _categories(stem: str, subs: list[str]) -> str | None:
    """'The number of applicants by property type: - 1-bed - 2-bed ...': the categories of one
    figure, not questions, joined for the stem (a note run on after the last one goes)."""
    if "?" in " ".join(subs):
        return None
    firsts = [_SENTENCE.split(t)[0] for t in subs]
    short = _BREAKDOWN_LEAD.search(stem) and all(len(t.split()) <= 4 for t in subs)
    listed = _CATEGORISED.search(stem) and all(len(f.split()) <= 12 for f in firsts)
    return ", ".join(f.rstrip(".") for f in firsts) if short or listed else None


_BREAKDOWN_LEAD = re.compile(r"\b(?:by|per|for each|for every)\s+(?:\w+\s+){0,3}\w+"
                             r"(?:\s+listed below)?\s*:$|\blisted below\s*:$", re.I)
# "... in the 2023/24 financial year, categorised as follows:" over longer category lines
_CATEGORISED = re.compile(r"\b(?:categori[sz]ed|broken down|split|grouped)\s+(?:as follows|"
                          r"into|by)\s*:$", re.I)


def _nest(items: list[tuple[str, str]]) -> list[str]:
    """Attach sub-items to the stem they hang from: "Please provide: a) X b) Y" -> 2 questions.
    A 'prose' item (a new request after the list) is split like any paragraph."""
    if not items:
        return []
    top = _top_kind(items)
    items = _absorb(items, top)
    out: list[str] = []
    stem: str | None = None
    for kind, text in items:
        text_clean = _tidy(text)
        if kind == "prose":
            out.extend(_split_prose(text_clean, semicolons=False))
            stem = None
        elif kind == "label" and top != "label":
            # "Question 4 / As per the report" heads the lettered questions below it: it asks
            # nothing unless it says so, and it opens a new group (no sub-item of the last one)
            out.extend([text_clean] if _label_asks(text_clean) else [])
            stem = None
        elif kind == top:
            stem = text_clean
            out.extend(_several_questions(text_clean))
        elif stem is not None:
            # "Do you have any byelaws? If yes: a) dates b) copies" asks 3, and so does a
            # question with a bullet that opens a new ask ("- Additionally how many ...")
            if "?" in stem or (_NEW_ASK.match(text_clean) and not stem.endswith(":")):
                out.append(text_clean)
                continue
            if out and out[-1] == stem:
                out.pop()
            if re.search(r"(?:,\s*|\s)and:$", stem):  # "... lodged, and: (i) how many ..."
                joined = f"{stem[:-1]} {text_clean}"
            else:
                joined = f"{stem.rstrip(':')}: {text_clean}" if stem.endswith(":") \
                    or len(stem) < 80 else text_clean
            out.append(joined)
        else:
            out.append(text_clean)
    return out


def _label_asks(text: str) -> bool:
    """Whether what follows a 'Question 4' label over lettered questions asks anything itself:
    a question or a request, not the context the letters ask about ('Page 74: "<a quote from
    the report>"', 'As per the report')."""
    return "?" in text or bool(_NEW_ASK.match(text) or _OWN_REQUEST.match(text))


# a wh-question: one after a yes/no question ('Do you use a CRM? What platform is used?')
# hangs on its answer, so only a run of wh-questions splits
# Welsh question words: how many/much (2), which, when, where, why, what, who
_WELSH_WH = "faint|sawl|pa|pryd|ble|pam|beth|pwy"
_OWN_QUESTION = re.compile(rf"^(?:how|what|which|who|when|where|why|{_WELSH_WH})\b[^?]*\?$",
                           re.I)


# what ties a question to the one before it: 'How much did they cost?', 'What was the cost of
# this?'
_BACK_REFERENCE = re.compile(r"\b(?:they|them|these|those|this|that|it|its|their|such|the "
                             r"same|each of)\b", re.I)


def _follows_on(sentence: str) -> bool:
    """Whether a wh-question after another hangs on it. 'How much did the council spend on
    bailiffs?' after 'How many households were evicted?' asks its own subject; 'How much did
    they cost?' and the short 'What was the total cost?' do not."""
    if not _FOLLOW_ON.match(sentence):
        return False
    own_subject = re.match(r"(?:how much did|what (?:was|were) the)\b", sentence, re.I) and \
        len(sentence.split()) >= 7 and not _BACK_REFERENCE.search(sentence)
    return not own_subject


def _several_questions(item: str) -> list[str]:
    """'1) What percentage receive EOTIS? What percentage have a school named? What
    percentage are home educated?' asks three questions, each answered on its own."""
    sentences = _SENTENCE.split(item)
    if len(sentences) >= 2 and all(_OWN_QUESTION.match(s) and not _follows_on(s)
                                   for s in sentences):
        return sentences
    if len(sentences) == 1 and (pair := _question_then_request(item)):
        return list(pair)
    return [item]


_JOINED = re.compile(r"[\s,;]+(?:and|or|and/or)\s*$", re.I)


def _split_inline(paragraph: str) -> list[str]:
    """'1) a; 2) b' inside one paragraph, only when the numbers run 1, 2, 3...; the words
    before the first mark are kept as _with_stem says, and [] when the marks run inside one
    sentence (it stays one question)."""
    for regex in (_INLINE_NUM, _INLINE_LETTER):
        marks = _list_marks(regex, paragraph)
        labels = [m.group(1) for m in marks]
        expected = [str(i) for i in range(1, len(labels) + 1)] if regex is _INLINE_NUM \
            else [chr(ord("a") + i) for i in range(len(labels))]
        if len(marks) >= 2 and labels == expected:
            bounds = [m.start() for m in marks] + [len(paragraph)]
            # '1) how many staff you employ and 2) how many...': the 'and' joins, it asks nothing
            parts = [_JOINED.sub("", paragraph[marks[i].end(): bounds[i + 1]])
                     for i in range(len(marks))]
            return _with_stem(paragraph[:marks[0].start()], [_tidy(p) for p in parts if _tidy(p)])
    return []


# 'Key Stage 2.', 'Scope 1, 2 and 3.', 'tier 1 and 2)': a number that names a stage, scope or
# category ends in a full stop or a bracket like a list mark but marks nothing
_NAMED_NUMBER = re.compile(
    r"\b(?:stage|scope|tier|phase|level|band|grade|category|priority|wave|lot|section|"
    r"regulation|article|paragraph|schedule|annex|appendix|table|figure)s?\s+"
    r"(?:\d{1,2}[a-z]?\s*(?:,|&|\band\b|\bor\b|\bto\b|-|–)\s*)*$", re.I)


def _list_marks(regex: re.Pattern[str], paragraph: str) -> list[re.Match[str]]:
    """The inline marks that can number a list: not a number naming a stage or scope ('at Key
    Stage 2. Please...'), nor the bracket that closes one opened before it ('(scope 1 and 2)'),
    either of which would cut a sentence in two."""
    marks = []
    for m in regex.finditer(paragraph):
        before = paragraph[:m.start()]
        closes = re.match(r"\d+\)", m.group(0)) and re.search(r"\([^()]*$", before)
        if not closes and not _NAMED_NUMBER.search(before):
            marks.append(m)
    return marks


# a lead-in that only asks ('Please tell me:', 'I would like to make a freedom of information
# request on the following;'): nothing the parts need
_LEAD_IN = ("d ll m can could kindly provide tell know give send supply share state confirm "
            "answer advise us we information questions question details on about of answers "
            "grateful if")
_LEAD_IN_WORDS = frozenset(_LEAD_IN.split())


def _only_asks(lead: str) -> bool:
    """Whether every word of a lead-in is about asking or the Act (see _PREAMBLE)."""
    return set(re.findall(r"[a-z0-9]+", lead.lower())) <= _LEAD_IN_WORDS | _PREAMBLE_WORDS


def _with_stem(before: str, parts: list[str]) -> list[str]:
    """An inline list's parts, never losing the words before its first mark.

    A sentence before them that asks ('Do you use CCTV?') is a question of its own. A lead-in
    ('Please tell me:', 'With respect to the EV chargers:', 'the following:') goes, as it does
    before a block list (labellers leave it out), unless a part is a fragment that cannot be
    read without it ('spend in 2023 on: (a) consultants (b) agency staff'): then it heads each
    part. Marks inside a sentence ('How much did the University spend on (a) consultants and
    (b) agency staff in 2023?') make no list: [] keeps the sentence one question, since its
    last words ('in 2023') scope every part and cannot be told from the last part's own.
    """
    *earlier, last = _SENTENCE.split(strip_marker(_tidy(before)))
    asks = _own_asks(earlier)
    if re.search(r"[.?!]\W*$", last):  # a sentence before the list
        return asks + _own_asks([last]) + parts
    if _only_asks(last):
        return asks + parts
    colon = re.search(r"[:;–-]\s*$", before)
    if not (colon or _INTRO.search(last)) and _in_one_sentence(parts):
        return []
    if any(_fragment(p) for p in parts) and not re.search(r"\b(?:following|below)\b", last, re.I):
        return asks + [f"{last.rstrip(':')}{': ' if colon else ' '}{p}" for p in parts]
    return asks + parts


def _own_asks(sentences: list[str]) -> list[str]:
    """The sentences before an inline list that are questions of their own: labelled ones
    ('QUESTION 2: How many...'), and those that ask by themselves."""
    return [strip_marker(s) for s in sentences
            if marker_kind(s) == "label" or _stands_alone(strip_marker(s))]


def _in_one_sentence(parts: list[str]) -> bool:
    """Whether parts after words that introduce no list run on as one sentence ('spend on
    (a) consultants and (b) agency staff in 2023?'): no part but the last ends a sentence,
    and they do not all open in capitals as a list's items do."""
    return not any(re.search(r"[.?!]\W*$", p) for p in parts[:-1]) \
        and not all(p[:1].isupper() for p in parts)


def _fragment(part: str) -> bool:
    """'consultants and', 'agency staff?': a part too short to ask anything on its own."""
    return _words_outside_parens(re.sub(r"\s+(?:and|or)$", "", part.rstrip("?.;, "))) <= 3


# a request for something named ('Please provide a copy of the apology.'), not for a list
# still to come ('Please provide the following answer and data requests below.')
_OWN_REQUEST = re.compile(r"^(?:please |kindly |(?:could|can|would) you (?:please )?)?(?:provide|"
                          r"send|supply|disclose|confirm|tell me)\b(?!.*\b(?:following|below)\b)",
                          re.I)


def _stands_alone(sentence: str) -> bool:
    """A sentence before an inline list that asks something itself: a question ('Do you use
    CCTV?') or a request for something it names. Not the request's preamble ('I would like to
    request information relating to...'), nor an instruction about the reply ('Please clarify
    which committee type your response relates to'), which the old splitter dropped too."""
    return bool(_QUESTION.match(sentence) or _OWN_REQUEST.match(sentence)) \
        and not _INTRO.search(sentence) and not _CLOSING.match(sentence)


def _split_prose(paragraph: str, semicolons: bool, fields: bool = True) -> list[str]:
    """Sentences (or semicolon parts) that ask; a follow-on part joins the one before it.

    Semicolon parts are terse summaries, so a short part ("spend") stands on its own there;
    with `fields` a part listing several fields ("supplier, spend, expiry") splits too.
    """
    pieces = re.split(r";\s+", paragraph) if semicolons else _SENTENCE.split(paragraph)
    if not semicolons:
        pieces = [p for piece in pieces for c in _colon_series(piece)
                  for p in _semicolon_questions(c)]
    out: list[str] = []
    for piece in (_tidy(p) for p in pieces):
        if not piece:
            continue
        short = len(piece.split()) < 3 and not semicolons
        if out and ((_follows_on(piece) and not semicolons) or short):
            out[-1] = f"{out[-1]} {piece}"
        elif semicolons:
            out.extend(split_field_list(piece) if fields else [piece])
        else:
            out.extend(split_wh_list(piece))
    return out


_ASKING_START = re.compile(r"^(?:and\s+)?(?:how|what|which|who|when|where|why|whether|please|"
                           r"do|does|did|is|are|has|have|can|could)\b", re.I)


def _semicolon_questions(sentence: str) -> list[str]:
    """'How many households were in temporary accommodation; how many of these were in bed
    and breakfast; and please list the hostels used.' asks three things: semicolon parts that
    each open as a question or a request stand alone ('and' dropped), the last keeping the
    sentence's own end."""
    parts = re.split(r";\s+", sentence)
    if len(parts) < 2 or not all(_ASKING_START.match(p) and len(p.split()) >= 3 for p in parts):
        return [sentence]
    parts = [re.sub(r"^and\s+", "", p, flags=re.I).rstrip() for p in parts]
    return [p[:1].upper() + p[1:] + ("" if p.endswith((".", "?", "!")) else
                                     "." if p.lower().startswith("please") else "?")
            for p in parts]


def _colon_series(sentence: str) -> list[str]:
    """'Could you please tell me: the number of 999 calls; the average response time; and
    the number of calls abandoned.' asks three things, each under the words before the colon."""
    stem, colon, rest = sentence.partition(": ")
    parts = [p.strip() for p in re.split(r";\s+(?:and\s+)?", rest)] if colon else []
    if len(parts) < 3 or any(len(p.split()) < 2 for p in parts) or len(stem.split()) > 25:
        return [sentence]
    return [f"{stem}: {p}" for p in parts]


_WH_BREAK = re.compile(
    r",\s+(?:and\s+)?(?=(?:how many|how much|how often|whether|which|what|when|who)\b)"
    r"|\s+and\s+(?=(?:how many|how much|how often|whether)\b)", re.I)
# a run-on paragraph coordinates its asks more loosely: '... in 2023 and how many of those
# were repaired and also how much was paid and what the policy is'
_RUN_ON_BREAK = re.compile(
    _WH_BREAK.pattern
    + r"|,?\s+and\s+(?:also\s+)?(?=(?:how long|how quickly|what|which|when|who|where|why)\s)"
    r"|,?\s+and\s+also\s+(?=(?:how|whether|the (?:number|amount|total|cost|value)|a copy|"
    r"copies|details|any)\s)"
    r"|,?\s+as well as\s+(?=(?:how many|how much|whether|what|which)\s)", re.I)


# '... how many drivers had their licence revoked in 2023, and provide the submission sent to
# the minister': a question joined to a request for a document asks two things
_IMPERATIVE_BREAK = re.compile(
    r",?\s+and\s+(?:please\s+)?(?:also\s+)?(?=(?:provide|send|supply|disclose|share|give)\s+"
    r"(?:me\s+|us\s+)?(?:with\s+)?(?:a copy|copies|the|any|all|your|details|a list)\b)", re.I)
_WH_ASK = re.compile(r"\b(?:how many|how much|how often|how long|what|which|whether|who|when|"
                     r"where|why)\b", re.I)


def _question_then_request(sentence: str) -> tuple[str, str] | None:
    """('How many ... in 2023.', 'Please provide the submission ...') from a question joined to
    an imperative by ', and provide ...'; None when the sentence is not so joined."""
    m = _IMPERATIVE_BREAK.search(sentence)
    if not m or not _WH_ASK.search(sentence[:m.start()]) or "?" in sentence[m.end():]:
        return None  # '..., and provide the figures: how many ...?' asks on in its own words
    head, tail = _tidy(sentence[:m.start()]), _tidy(sentence[m.end():])
    if len(head.split()) < 4 or len(tail.split()) < 4:
        return None
    end = "?" if _QUESTION.match(head + "?") and not head.lower().startswith("please") else "."
    return head.rstrip(".?") + end, "Please " + tail.rstrip("?. ") + "."


def split_wh_list(sentence: str) -> list[str]:
    """'...how much was spent, how many appeals were brought and how many were won' asks three
    things; two clauses stay together ('what are they and how much did they cost')."""
    if pair := _question_then_request(sentence):
        return [*split_wh_list(pair[0]), pair[1]]
    parts = _run_on_parts(sentence)
    if len(parts) < 3:
        ask = _after_lead_in([sentence], preamble_only=True)[0]
        return [sentence if ask == sentence else ask[:1].upper() + ask[1:]]
    parts = _of_those(_after_lead_in(parts))
    # each part a question of its own: 'How much ...?', 'How many ...?', not 'how many ...'
    mark = "?" if sentence.rstrip().endswith("?") else ""
    return [(p[:1].upper() + p[1:]).rstrip(" ,;") + ("" if p.endswith(("?", ".")) else mark)
            for p in parts]


def _run_on_parts(sentence: str) -> list[str]:
    """The sentence cut before each coordinated ask; a cut that leaves an ask of a word or two
    ('... and when', 'and what for') is undone, since that ask hangs on the one before it, and
    so is one between paired question words ('explain how and why the decision was made')."""
    cuts = [0] + [c for m in _RUN_ON_BREAK.finditer(sentence) for c in (m.start(), m.end())]
    spans = [sentence[a:b] for a, b in zip(cuts, [*cuts[1:], len(sentence)])]
    parts: list[str] = []
    for i in range(0, len(spans), 2):
        ask, joint = spans[i], spans[i - 1] if i else ""
        paired = re.search(r"\b(?:how|why|when|where|what|who|which)\W*$", parts[-1], re.I) \
            if parts else None
        if parts and (len(_tidy(ask).split()) < 3 or paired):
            parts[-1] += joint + ask
        else:
            parts.append(ask)
    return [_tidy(p) for p in parts if _tidy(p)]


# 'I am writing about potholes because my car was damaged and I would like to know how many
# ...': what comes before the ask is the request's preamble and the requester's reasons
_ASK_OPENING = re.compile(
    r"^(?P<lead>.*?)\s*,?\s*\b(?:and\s+)?(?:(?:so\s+)?i (?:would|'d) (?:like|be grateful) to "
    r"(?:know|ask|be told)|i (?:want|wish|need) to know|please (?:could you |can you )?tell me|"
    r"(?:could|can|would) you (?:please )?tell me)\s+(?=(?:how|what|whether|which|when|who)\s)",
    re.I)
# the subject a preamble names: 'information about potholes on the roads in the borough'
_LEAD_TOPIC = re.compile(
    r"\b(?:information|questions?|request(?:ing)?|writing|enquir(?:y|ing)|asking)\s+(?:to you\s+)?"
    r"(?:about|on|regarding|concerning|relating to|in relation to|with regard to)\s+"
    r"(?P<topic>.+?)(?=\s+(?:because|as|since|after|following|and|but|so)\b|[,.;]|$)", re.I)


def _after_lead_in(parts: list[str], preamble_only: bool = False) -> list[str]:
    """The first ask without the preamble and background before it, which are no question.
    The preamble's subject is kept when the ask would lose it ('how much it cost'); a real
    request in the lead-in ('Please provide the budget, and I would like to know how...')
    stays a question of its own. With `preamble_only` (a sentence that asks once) only a
    lead-in that opens the letter ('I am writing to request information about ...') goes."""
    m = _ASK_OPENING.match(parts[0])
    if not m or not m.group("lead"):
        return parts
    lead, ask = _tidy(m.group("lead")), parts[0][m.end():]
    if preamble_only and not _PREAMBLE_LEAD.match(lead):
        return parts
    if _OWN_REQUEST.match(lead):
        return [lead, ask, *parts[1:]]
    topic = _LEAD_TOPIC.search(lead)
    if topic and not _stems(ask) & _stems(topic.group("topic")):
        ask = f"regarding {topic.group('topic')}, {ask}"
    return [ask, *parts[1:]]


_PREAMBLE_LEAD = re.compile(r"(?:i am|i'm|we are) writing\b", re.I)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())}


# 'how many pothole reports the council received': the thing counted ends where its clause
# does
_COUNTED = re.compile(
    r"^how many ((?:(?!(?:the|a|an|were|was|did|do|does|have|has|had|you|your|are|is|been|in|"
    r"on|for|by|that|which|who|of|to|from|at|during|since|between|per|each|this|last|and|or|"
    r"received|issued|made|recorded|reported)\b)[\w'-]+\s+){1,4})", re.I)


_OF_THOSE = re.compile(r"how many of (?:those|these|them)\s+(?=(?:were|was|are|is|have|had|did|"
                       r"got|resulted|led|went)\b)", re.I)  # not '... of those reports were'


def _of_those(parts: list[str]) -> list[str]:
    """'how many of those were repaired' read alone has lost what 'those' are: the thing the
    ask before it counted ('how many pothole reports ...') is named again."""
    out = parts[:1]
    for part in parts[1:]:
        counted = _COUNTED.match(out[-1])
        if counted and _OF_THOSE.match(part):
            part = re.sub(r"^(how many of) (?:those|these|them)\b",
                          rf"\1 those {counted.group(1).strip()}", part, flags=re.I)
        out.append(part)
    return out


_LIST_LEAD = re.compile(r"^(?:for each|per|each)$|^(?:for|in|during|between|since|from)\s[^,]*\d",
                        re.I)  # "for each, ..." or "for 2021/22-2023/24, ..." scopes the next field


# a quoted name: "'see it, say it, sorted'" or "“Yes, No, Maybe”" (not an apostrophe)
_QUOTED = re.compile(r"(?<![\w'‘“\"])(['‘“\"])[^'’”\"]{2,80}?(?:['’”\"])(?!\w)")


def _outside_parens(text: str, sep: str) -> list[str]:
    """`text` split at `sep` where it is not inside brackets or quotes."""
    quoted = {i for m in _QUOTED.finditer(text) for i in range(m.start(), m.end())}
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")") if ch in "()" else 0
        if depth <= 0 and i not in quoted and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
    return [*parts, text[start:]]


def _words_outside_parens(text: str) -> int:
    return len(re.sub(r"\([^()]*\)", " ", text).split())


_FIELD_START = re.compile(
    r"(?:the|number|numbers|total|cost|costs|how|whether|any|all|copies|copy|details|list|"
    r"amount|income|spend|value|names?|date|dates|percentage|proportion)\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "2017 and 2018", "May 2019 and June 2019", "Apr 2018-Apr 2019": periods, not fields
_YEARS = re.compile(rf"(?:(?:{_MONTH}\s*)?\d[\d/]*[\s–-]*)+(?:(?:and|&|or|to)\s+"
                    rf"(?:(?:{_MONTH}\s*)?\d[\d/]*[\s–-]*)+)?", re.I)
_MODIFIER = re.compile(r"(?:with|by|for|via|in|to|from|including|per|each)\b", re.I)


def _split_field_pairs(item: str) -> list[str]:
    """'parking fines appealed and income from fines in 2017 and 2018' -> two fields, at each
    ' and ' with two words or more on both sides ('2017 and 2018' stays)."""
    pieces = _outside_parens(item, " and ")
    out = [pieces[0]]
    for piece in pieces[1:]:
        if len(out[-1].split()) >= 2 and len(piece.split()) >= 2 and _FIELD_START.match(piece):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} and {piece}"
    return out


_ASKS_ONE = re.compile(r"(?:how many|whether|which|what|does|do|is|are|has|have)\b", re.I)


def _alternatives(items: list[str]) -> bool:
    """'how many permanently on, off, or temporarily in use' and 'whether cash is accepted for
    housing, welfare, tax': one ask over a list of states or categories, not several fields.
    A list closed by ', or ...' offers alternatives; one opened by a question word whose other
    items are a word or two names what the question covers."""
    if re.match(r"or\b", items[-1]):
        return True
    return bool(_ASKS_ONE.match(items[0])) and all(len(i.split()) <= 2 for i in items[1:])


def split_field_list(part: str) -> list[str]:
    """A summary part that lists short fields ("supplier, annual spend, duration, licences")
    becomes one question per field; a "stem: a, b, c" keeps its stem on the first field."""
    asks = _wh_parts(part)
    if asks:
        return asks
    stem, sep, tail = _stem_of(part)
    items = [re.sub(r"^and\s+", "", _tidy(i)) for i in _outside_parens(tail.rstrip(". "), ", ")
             if _tidy(i)]
    shared = distribute_list(tail) if all(len(i.split()) <= 2 for i in items[:-1]) else None
    if shared and not _alternatives(items):  # "mean, median, lowest and maximum hourly rates"
        return [f"{stem}{sep}{shared[0]}", *shared[1:]] if stem else shared
    if len(items) < 2 or _alternatives(items):
        return [part]
    catch_all = re.match(r"(.+?) and ((?:any |all )?other (?:documents|information|records|"
                         r"correspondence|data|details)\b.*)", items[-1] if items else "", re.I)
    if catch_all and len(items) >= 2:  # "..., team records and other documents on the landslip"
        items[-1:] = [catch_all.group(1), catch_all.group(2)]
    elif " and " in items[-1]:  # "..., start date and force policy"; not "printers, scanners and
        left, _, right = items[-1].rpartition(" and ")  # pagers", whose nouns share a stem
        shortest = 1 if len(items) >= 3 else 2
        sizes = sorted((len(left.split()), len(right.split())))
        # 'make and model' splits; 'ransomware attacks blocked and successful' qualifies one noun
        if shortest <= sizes[0] and sizes[1] <= (2 if sizes[0] == 1 else 3):
            items[-1:] = [left, right]
    items = [field for item in items[:-1] for field in _split_field_pairs(item)] + items[-1:]
    for i in range(len(items) - 1, 0, -1):  # "..., with outcomes" or "..., 2025 and 2026"
        if _MODIFIER.match(items[i]) or _YEARS.fullmatch(items[i]):  # qualify the field before
            items[i - 1:i + 1] = [f"{items[i - 1]}, {items[i]}"]
    if items and _LIST_LEAD.match(items[0]) and len(items) > 1:
        items[:2] = [f"{items[0]}, {items[1]}"]
    first = 1 if _context_lead(items) else 0  # a long first field is the request's context
    if len(items) < 3 or any(_words_outside_parens(i) > 12 for i in items[first:]):
        return [part]
    if stem:
        items[0] = f"{stem}{sep}{items[0]}"
    return items


# a list opened by the last words of a field: "... on local authorities/government", "by age"
_OPENS_LIST = re.compile(r"\b(?:by|on|with|including|containing|per|each|for|in)\s+(?!\d)"
                         r"[\w/'’-]+(?:\s+[\w/'’-]+)?\W*$", re.I)


def _context_lead(items: list[str]) -> bool:
    """Whether the first field may run past a dozen words as the request's context
    ("inspection report for the stretch of road where a vehicle incident occurred on 26/11/21,
    acceptable deterioration levels, ..."): only when the fields after it are short and do not
    carry on a list its last words open ("on local authorities/government, hospitals/NHS",
    "by age, gender"), nor a "with ..." already joined to it ("... to each member, with travel
    and subsistence totals, totals per member and year-on-year increases" lists the columns of
    one schedule)."""
    return all(_words_outside_parens(i) <= 6 for i in items[1:]) \
        and not _OPENS_LIST.search(items[0]) and not _MODIFIER.match(items[0].rsplit(", ", 1)[-1])


_SCOPE = re.compile(r"(?:in|for|during|over|since|from|between|each)\b", re.I)


def _wh_parts(part: str) -> list[str] | None:
    """'in each of the past five years, how many phones, laptops were lost, and how much was
    spent replacing them' asks twice, with commas inside the asks: split at the question
    words, the opening scope kept on the first ask; None when fewer than two asks."""
    pieces = [_tidy(p) for p in _WH_BREAK.split(part) if _tidy(p)]
    if pieces and _SCOPE.match(pieces[0]) and len(pieces[0].split()) <= 8 and len(pieces) > 1:
        pieces[:2] = [f"{pieces[0]}, {pieces[1]}"]
    asking = [p for p in pieces if _ASKS_ONE.match(p) or re.search(r"\bhow (?:many|much)\b", p)
              or re.match(r"where\b", p, re.I)]
    # a bare 'and how much' follows the ask before it ('whether ransom paid and how much')
    whole = all(len(p.split()) >= 3 for p in pieces)
    return pieces if len(pieces) >= 2 and len(asking) == len(pieces) and whole else None


def _stem_of(part: str) -> tuple[str, str, str]:
    """(stem, separator, fields) of 'stem: a, b, c' or of a short 'from 2018 by year - a, b, c';
    no stem otherwise."""
    if ": " in part:
        return part.partition(": ")
    stem, sep, tail = part.partition(" - ")
    if sep and tail and len(stem.split()) <= 8:
        return stem, sep, tail
    return "", "", part


_FORMAT_ONLY = re.compile(
    r"^(?:i would (?:appreciate|prefer|be grateful)\b.{0,60}|(?:please|could you|can you)\s"
    r"(?:\w+\s)?(?:supply|provide|send)\s(?:it|this|this information|the information|them|"
    r"the requested (?:information|data)|"
    r"your (?:response|reply|answers?))\s(?:relating to (?:part|question) \d+ (?:of the "
    r"request )?)?(?:to me\s)?)"
    r"(?:(?:in|as|by|via)\b.{0,30})?\b(?:(?:excel|csv|spreadsheet|electronic(?:ally)?|"
    r"machine[- ]readable|digital|format|e-?mail)\b[^?]{0,60}"
    r"|(?:two|three|separate) columns\b[^?]{0,160})"
    r"(?:\bwithin the statutory\b[^?]{0,120})?$", re.I)  # "... within the statutory 20 days"


_DATE_WORD = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?|{_MONTH}|(?:19|20)\d\d(?:[/-]\d\d)?|"
                        r"to|and|from|until|between)\b|[\s\-–/,.:;()]", re.I)


def _is_period(line: str) -> bool:
    """A line that only names a period ('1st Jan 2023-31st December 2023', '2019/20'): the
    breakdown of the question above it, not a question of its own."""
    return bool(re.search(r"(?:19|20)\d\d", line)) and not _DATE_WORD.sub("", line)


_LEADING_PERIOD = re.compile(rf"^(?:{_MONTH}\s+)?(?:19|20)\d\d:?\s+(?=(?-i:[A-Z]))", re.I)


def _without_periods(questions: list[str]) -> list[str]:
    """Months or years listed one a line under a question ('- January 2023', '- 2024:') are
    its breakdown, not questions; one run on into the next question ('December 2024 How
    recycling bins ...') leaves it."""
    kept = [_LEADING_PERIOD.sub("", q) for q in questions if not _is_period(q)]
    return kept or questions


_EXAMPLE_LEAD = re.compile(r"(?:\be\.?\s?g\.?|for example|for instance)\s*:\s*$", re.I)


def _without_examples(body: str) -> list[str]:
    """The lines of a request without the sample layout it shows ('Please break these down by
    year, e.g: / 2020: M: xxx N: xxx / ... / (etc.)'): the example asks nothing. It ends at
    an empty line or a line that asks anew."""
    out: list[str] = []
    example = False
    for line in body.split("\n"):
        text = line.strip()
        if example and (not text or _NEW_ASK.match(text) or _QUESTION.match(text)
                        or _CLOSING.match(text)):
            example = False
        if not example:
            out.append(line)
        example = example or bool(_EXAMPLE_LEAD.search(text) and not re.match(r"\s*(?:e\.?\s?g|"
                                                                           r"for ex)", text, re.I))
    return out


def _mark_colon_list(lines: list[str]) -> list[str]:
    """'...with departing staff:' over lines that each end in ';' or '.', or are short
    fields ('Name of provider', 'Email'), is a list written without markers (a request may
    hold several, one under each heading): mark their lines so they split like one."""
    if any(marker_kind(line) for line in lines):
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if not re.search(r":\s?[-–]?$", line.rstrip()):
            continue
        run = []
        for j in range(i + 1, len(lines)):
            text = lines[j].strip()
            field = len(text.split()) <= 10 and not _NEW_ASK.match(text)  # "Phone Number"
            if not text or _CLOSING.match(text) or re.match(r"(?:https?://|www\.)\S+$", text) \
                    or not (re.search(r"[;.?]$", text) or field):
                break
            run.append(j)
        if all(_is_period(lines[j]) for j in run):
            continue  # "for the following periods: / 1st Jan 2024-29th February 2024 / ..."
        if len(run) >= 2 or (run and any(o.startswith("- ") for o in out)):
            for j in run:
                out[j] = "- " + lines[j].strip()
    return out


# a paragraph that asks a question of its own: 'Do you use an MSP? If so, ...', 'If you do use
# an MSP, what is...?' (not 'I hope you are well?', nor an argument quoting a question)
_QUESTION = re.compile(r"^(?:do|does|did|is|are|was|were|has|have|had|how|what|which|who|when|"
                       r"where|why|can|could|will|would|if|a oes|a yw|a ydych|a wnaeth|"
                       rf"{_WELSH_WH})\b[^?]*\?", re.I)


# a lead-in that only names the subject of the questions after it ('I would like to request
# information about contracts for hotels.', 'Please could you provide information regarding
# hotel contracts.'): the letter's preamble, no question of its own
_ANNOUNCES = re.compile(
    r"^(?:(?:i|we) (?:would like|wish|want|am writing|are writing|write|would be grateful if you "
    r"could|would like you) to (?:request|ask for|obtain|receive|provide|seek|make (?:a|an) "
    r"(?:foi |freedom of information )?request (?:for|about|regarding|concerning|on))|"
    r"(?:i|we) (?:am|are) (?:requesting|seeking|writing to request)|(?:i|we) request|"
    r"(?:please )?(?:could|can|would) you (?:please )?(?:provide|send|supply)(?: me)?(?: with)?|"
    r"please (?:provide|send|supply)(?: me)?(?: with)?|"
    r"(?:my|this|the) request (?:is (?:about|for)|concerns|relates to|regards))\s+"
    r"(?:(?:some|any|the|all) )?(?:recorded )?(?:information|details|data)?\s*"
    r"(?:about|regarding|concerning|relating to|in relation to|with regard to|on)\s+"
    r"(?P<topic>[^?:]+?)[.:]?$", re.I)
_ACT_NAMED = re.compile(r",?\s*(?:under|in accordance with|pursuant to) (?:the )?(?:freedom of "
                        r"information (?:\(scotland\) )?act|foi(?:s?a)?(?: act)?)(?: \d{4})?,?",
                        re.I)
# the topic of an announcement that asks itself ('information about how many fines ...') is
# a request, not the subject of one
_TOPIC_ASKS = re.compile(r"\b(?:how|what|which|whether|who|when|where|why|number of|copy|"
                         r"copies)\b", re.I)


def announced_topic(sentence: str) -> str | None:
    """The subject a lead-in only announces ('contracts for hotels' from 'I would like to
    request information about contracts for hotels.'), or None when the sentence asks."""
    m = _ANNOUNCES.match(_ACT_NAMED.sub("", _tidy(sentence)).strip())
    if not m or _TOPIC_ASKS.search(m.group("topic")) \
            or re.search(r"\b(?:following|below)\b", m.group("topic"), re.I):
        return None
    return m.group("topic").strip()


_OPENS_ASK = re.compile(r"(?:How|What|Which|Who|When|Where|Whether|Why|Please|Do|Does|Did|Is|"
                        r"Are|Was|Were|Has|Have|Had|Can|Could|Would|Will)\b")


def _with_topic(topic: str | None, questions: list[str]) -> list[str]:
    """The announced topic put to the first question when that one does not name it ('How
    many were signed in 2023?' after 'information about hotel contracts')."""
    if not topic or not questions or _stems(questions[0]) & _stems(topic):
        return questions
    first = questions[0]
    # only a question that leans on the topic: a short one, or one saying 'they', 'it'
    leans = len(first.split()) <= 8 or re.search(r"\b(?:they|them|their|these|those|it|its|"
                                                   r"such)\b", first, re.I)
    if not leans or not _OPENS_ASK.match(first):
        return questions
    return [f"Regarding {topic}, {first[0].lower()}{first[1:]}", *questions[1:]]


# "Please find enclosed my FOI questions ...", "Please can you answer the FOI questions (see
# below) in the way requested": a lead-in about the list that follows, not an ask of its own
_ON_THE_LIST = re.compile(r"\b(?:my|the|these|our)\s+(?:foi\s+|freedom of information\s+)?"
                          r"questions\b[^.?]{0,40}?\b(?:below|enclosed|attached|following|"
                          r"in relation to|in the (?:required )?way)\b"
                          r"|\b(?:find|see) (?:enclosed|attached|below) (?:my|our|the) ", re.I)


def _lead_asks(lines: list[str]) -> list[str]:
    """A request made before the list ('Please could you provide the procedure. If there is
    none, I would like to know:') is a question of its own; the line that introduces the
    list, and context that asks nothing, are not."""
    lead: list[str] = []
    for line in lines:
        if marker_kind(line):
            break
        lead.append(line.strip())
    if lead and lead[-1].endswith(":"):
        # "Please provide a copy of the apology. Please state:" - the ask before the
        # sentence that introduces the list is a request of its own
        sentences = _SENTENCE.split(lead[-1])
        # "... how many requests you have received, and of these, please advise:" asks first
        ask = re.split(r",?\s+and,? (?:of|for|from) (?:these|those|them|each)\b", sentences[-1])
        lead[-1] = " ".join(sentences[:-1] + ([ask[0]] if len(ask) > 1 else []))
    while lead and (not lead[-1] or lead[-1].endswith(":") or _INTRO.search(lead[-1])):
        lead.pop()
    # a request ('Please also...') or a question ('Do you use an MSP? If so, ...') of its own
    paragraphs = [p for p in lead if p and (_NEW_ASK.match(p) or _QUESTION.match(p))
                  and not _INTRO.search(p) and not _CLOSING.match(p) and not _ON_THE_LIST.search(p)]
    return [q for p in paragraphs for q in _split_prose(_tidy(p), semicolons=False)
            if not announced_topic(q)]


def _lead_topic(lines: list[str]) -> str | None:
    """The topic an announcing lead-in before the list names ('information about X.')."""
    for line in lines:
        if marker_kind(line):
            break
        for sentence in _SENTENCE.split(_tidy(line)) if line.strip() else []:
            if topic := announced_topic(sentence):
                return topic
    return None


def distribute_list(part: str) -> list[str] | None:
    """'web filtering, email filtering and MFA providers with licence expiry' -> one part per
    item, each with the shared tail. The last item is taken as long as the first (lists are
    parallel); None when the part is not such a list."""
    items = [_tidy(i) for i in _outside_parens(part.rstrip(". "), ", ") if _tidy(i)]
    if len(items) < 3 or " and " not in items[-1]:
        return None
    left, _, right = items[-1].partition(" and ")
    width = len(items[0].split())
    head, tail = right.split()[:width], right.split()[width:]
    if any(len(i.split()) > 4 for i in [*items[:-1], left]) or len(tail) < 2:
        return None
    shared = " ".join(tail)
    return [f"{i} {shared}" for i in [*items[:-1], left, " ".join(head)]]


def split_pair(part: str) -> list[str] | None:
    """'whether visits are allowed and the arrangements' -> two parts, at its only ' and '."""
    pieces = _outside_parens(part, " and ")
    if len(pieces) != 2 or min(len(p.split()) for p in pieces) < 2:
        return None
    return [_tidy(p) for p in pieces]


def split_series(part: str) -> list[str] | None:
    """'funding for firefighting, fires attended, fire engines owned' -> one part per comma
    item (brackets kept whole); None when there is no comma."""
    items = [_tidy(i) for i in _outside_parens(part.rstrip(". "), ", ") if _tidy(i)]
    return items if len(items) >= 2 else None


def split_series_and(part: str) -> list[str] | None:
    """split_series, with the last item also split at its ' and ' ('..., fires attended and
    fire engines owned')."""
    items = split_series(part) or [_tidy(part.rstrip(". "))]
    last = _outside_parens(items[-1], " and ")
    if len(last) != 2 or not all(_tidy(x) for x in last):
        return None
    return [*items[:-1], *(_tidy(x) for x in last)]


def refine_to_count(questions: list[str], count: int) -> list[str]:
    """When a reply numbers more answers than the request summary has parts, split the parts
    that hold several asks (a shared-tail list, an ' and ', then a comma series), first to last,
    until the numbers agree; unchanged when no such split makes them agree."""
    if count <= len(questions) or count > 2 * len(questions) + 6:
        return questions
    for splitter in (distribute_list, split_pair, split_series, split_series_and):
        refined: list[str] = []
        for i, q in enumerate(questions):
            need = count - len(refined) - (len(questions) - i)
            parts = splitter(q) if need > 0 else None
            refined.extend(parts if parts and len(parts) - 1 <= need else [q])
        if len(refined) == count:
            return refined
    return questions


def _drop_intro(questions: list[str]) -> list[str]:
    """An opening 'I would like the following:' is not itself a question."""
    if len(questions) > 1 and _INTRO.search(questions[0]) and not questions[0].endswith("?"):
        return questions[1:]
    if len(questions) > 1 and (topic := announced_topic(questions[0])):
        return _with_topic(topic, questions[1:])
    return questions


# the requester speaking of themselves ('I have been tasked with updating our records', 'I have
# tried to find this information on your website'): context, unless it asks for something
_STATEMENT = re.compile(r"^(?:i|we|my|our)\b(?![^?]*\?)(?!.*(?:\b(?:please|could you|can you|"
                        r"would you|kindly|would like|'d like|know|interested|request|wish|want|"
                        r"need|ask|require|provide|send|supply|grateful|advise|like|tell|"
                        r"confirm|copy|copies|obtain|receive)\b))", re.I)


# a courtesy line that the list's end did not catch: 'Please let me know if there's any
# issues.', 'I sincerely thank you in advance for your attention to this matter'
_COURTESY = re.compile(
    r"(?:please let me know if|thank you|thanks\b|diolch\b|many thanks|i look forward|"
    r"if you have any "
    r"(?:queries|questions)|if you (?:require|need|have) any (?:further|more|additional) "
    r"(?:information|clarification|queries|questions)|please feel free|"
    r"please (?:do not|don't|don’t) hesitate|(?:please (?:can i )?)?(?:also )?remind you of "
    r"(?:the|your) duty|i (?:would like to )?confirm (?:in advance )?that i am making this "
    r"request|if you feel that a substantive response|if you can identify any ways that my "
    r"request could be refined|if any of the requested information is not readily available, "
    r"i would appreciate your guidance|i sincerely "
    r"thank|i appreciate your|please contact me|should you (?:require|need|have) any)", re.I)
_PREAMBLE = (
    "i am im writing write to request requesting make making submit a an the under freedom of "
    "information act foi foia 2000 as part in relation regard regarding with would like wish "
    "this is be you following for me my please consider treat submitting hereby "
    # Scotland's Act and the Regulations ('under the Freedom of Information (Scotland) Act
    # 2002', 'under the Environmental Information Regulations 2004')
    "scotland 2002 foisa environmental regulations 2004 eir eirs eisr eisrs")
_PREAMBLE_WORDS = frozenset(_PREAMBLE.split())


def _invokes_act_only(sentence: str) -> bool:
    """'I would like to make a request under the Freedom of Information Act 2000.': the
    request's preamble, every word of it about making a request, none about what is asked."""
    words = set(re.findall(r"[a-z0-9]+", sentence.lower()))
    return bool({"act", "foi", "foia", "foisa", "eir", "eisr"} & words
                or {"freedom", "information"} <= words
                or {"environmental", "regulations"} <= words) and words <= _PREAMBLE_WORDS


def split_questions(text: str, semicolons: bool = False, answers_follow: bool = False,
                    fields: bool = True) -> list[str]:
    """The questions in a request, in order; the whole text as one when nothing splits it.
    Without `fields`, a summary's semicolon part stays whole however many fields it lists."""
    body = clean_request(text or "")
    if not body.strip():
        return []
    if not answers_follow:
        body = "\n".join(_without_examples(body))
    lines = body.split("\n") if answers_follow else _mark_colon_list(body.split("\n"))
    items = _list_items(lines, answers_follow)
    if len(items) == 1 and len(inline := _split_inline(_tidy(" ".join(body.split())))) >= 2:
        questions = inline
    elif len(items) >= 2 or (items and len(body) - len(items[0][1]) < 200):
        lead = _lead_asks(lines)
        questions = lead + (_nest(items) if lead else _with_topic(_lead_topic(lines), _nest(items)))
    else:
        flat = _tidy(" ".join(body.split()))
        questions = _split_inline(flat)
        if not questions:
            prose = _split_prose(flat, semicolons, fields)
            asking = prose if semicolons else [p for p in prose if _ASKS.search(p)
                                               and not _STATEMENT.match(p)]
            questions = _drop_intro(asking or prose)
    # a date taken off a line can leave nothing worth asking ('12 March 2021 A' -> 'A')
    questions = [q for q in _without_periods([q for q in questions if len(q) > 2]) if len(q) > 2]
    # "in Excel, please" asks nothing, nor "I am writing to request information under the
    # Freedom of Information Act."
    asks = [q for q in questions if not _FORMAT_ONLY.search(q) and not _invokes_act_only(q)
            and not _COURTESY.match(q)]
    questions = asks or questions
    if len(questions) > MAX_QUESTIONS:
        questions = [*questions[: MAX_QUESTIONS - 1], " ".join(questions[MAX_QUESTIONS - 1:])]
    return questions
