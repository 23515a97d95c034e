"""Concrete rewordings a requester can paste, each with the reason it should fare better.

Two kinds: exemption-specific patterns from FOI practice (policy instead of configuration,
totals instead of breakdowns, no product names, certifications, breaches reported to the
ICO...), and the wording of similar past questions that were actually answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.prefilter import Prefiltered, lowered_pattern, prefiltered, prefiltered_pairs
from bot.risk import ABOUT_PEOPLE, NAMES_PEOPLE, cues
from bot.settled_law import (
    ABOUT_ONE_PERSON,
    LIST_OF_PEOPLE,
    ONE_PERSONS_RECORDS,
    ONE_ROLE,
    PRIVATE_PEOPLE,
    asks_who_people_are,
    names_public_figures,
)
from bot.track_record import authority_kind

S16_SENTENCE = ("If answering would exceed the cost limit, please advise me under section 16 "
                "how I could narrow the request.")


@dataclass(frozen=True)
class Rewording:
    text: str
    why: str
    based_on: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"text": self.text, "why": self.why, "based_on": list(self.based_on)}


# How a rewording names the body it goes to: "the council" pasted into a request to a police
# force reads as a template, and authorities answer what is asked of them in their own terms.
BODY_NOUNS = {"police": "the force", "fire": "the fire and rescue service", "health": "the trust",
              "education": "the institution", "central": "the department",
              "council": "the council", "transport": "the authority", "school": "the school",
              "other": "the authority"}
_BODY_IN_TEXT = [("police", re.compile(r"\b(police|force|constabulary)\b", re.I)),
                 ("council", re.compile(r"\bcouncils?\b", re.I)),
                 ("health", re.compile(r"\b(nhs|trust|hospital)\b", re.I)),
                 ("education", re.compile(r"\b(university|college|school)\b", re.I)),
                 ("fire", re.compile(r"\bfire (and rescue )?service\b", re.I)),
                 ("central", re.compile(r"\b(department|ministry)\b", re.I))]


# Scotland's and Wales's NHS bodies are health boards, not trusts: 'NHS Dumfries and Galloway',
# 'Betsi Cadwaladr University Health Board'; a request that calls one 'the trust' reads as a
# template written for England
_HEALTH_BOARD = re.compile(
    r"\bhealth board\b|^\s*nhs (?:ayrshire|borders|dumfries|fife|forth valley|grampian|"
    r"greater glasgow|highland|lanarkshire|lothian|orkney|shetland|tayside|western isles)\b",
    re.I)


# a national body that names its own kind ('Peak District National Park Authority', 'Scottish
# Prison Service', 'Environment Agency'): 'the department' would misname it
_OWN_KIND = re.compile(r"\b(authority|agency|service|commission|registry)\s*$", re.I)


_TRUST = re.compile(r"\btrusts?\b", re.I)
_HEALTH_KINDS = [(re.compile(r"\bboard\b", re.I), "the board"),
                 (re.compile(r"\bclinical commissioning group\b|\bccg\b", re.I), "the CCG"),
                 (re.compile(r"\b(authority|agency|service)\s*$", re.I), None),
                 (re.compile(r"\bhospital\b", re.I), "the hospital")]


def _health_body(authority: str) -> str:
    """A health body that is no trust, by what it is: NHS England is 'the organisation', an
    integrated care board 'the board', NHS Blood and Transplant's kind its own."""
    for rx, noun in _HEALTH_KINDS:
        if m := rx.search(authority):
            return noun or "the " + m.group(1).lower()
    return "the organisation"


def body_noun(authority: str | None, question: str = "") -> str:
    """'the force', 'the council'... for the named authority; with none named, the body the
    question itself talks about; else the neutral 'the authority'."""
    if authority and _HEALTH_BOARD.search(authority):
        return "the health board"
    if authority and (own := _OWN_KIND.search(authority)) \
            and authority_kind(authority) in ("central", "other"):
        return "the " + own.group(1).lower()  # a national park authority is no department
    if authority and authority_kind(authority) == "health" and not _TRUST.search(authority):
        return _health_body(authority)
    if authority:
        return BODY_NOUNS[authority_kind(authority)]
    kind = next((k for k, rx in _BODY_IN_TEXT if rx.search(question)), "other")
    return BODY_NOUNS[kind]


Rewrite = Callable[[str, str], "str | None"]  # (question, body noun) -> rewording or None


def _sub(pattern: str, repl: str) -> Rewrite:
    rx = re.compile(pattern, re.I)

    def apply(q: str, body: str) -> str | None:
        new = rx.sub(repl, q)
        return _tidy(new) if new != q else None

    return apply


_OUTCOME_SPLIT = re.compile(r"\b(?:successful|unsuccessful|blocked|prevented|detected)(?: (?:and|"
                            r"or|vs\.?|versus) (?:successful|unsuccessful|blocked|prevented|"
                            r"detected))?\b ?", re.I)


def _undivided(q: str, body: str) -> str | None:
    """'How many attacks were blocked in 2023?' -> 'How many attacks were there in 2023?'"""
    new = _OUTCOME_SPLIT.sub("", q)
    new = re.sub(r"\b(were|was) (?=(?:in|during|between|since|over|from|last)\b|[?.]|$)",
                 r"\1 there ", new, flags=re.I)
    return _tidy(new) if new != q else None


def _fixed(template: str) -> Rewrite:
    """A set wording; {body} becomes the addressee ('the force', 'the council'...)."""
    return lambda q, body: _tidy(template.format(body=body))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    text = re.sub(r"\s+([,.?])", r"\1", text)
    return text[:1].upper() + text[1:]


_FINE_PERIOD = re.compile(r",?\s*\b(?:broken down )?(?:by|per|each|every|in each|in every) "
                          r"(?:month|week|day)\b|\b(?:monthly|weekly|daily)\b(?! (?:fees?|"
                          r"rents?|costs?|charges?|rates?|salar(?:y|ies)|pay|allowances?|"
                          r"payments?|amounts?|average|allocations?|budgets?|limits?|caps?)\b)",
                          re.I)
_ONE_PERIOD = re.compile(r"^(?!.*\b(since|from|between)\b).*(\b(19|20)\d\d\b|"
                         r"\blast (year|financial year|12 months)\b)", re.I)


# 'the names and salaries of', 'the full name and address of', 'names and dates of birth of'
_NAMES_OF = re.compile(r"\b(?:the )?(?:full )?names?(?:,? (?:and|&) ((?:their )?(?:dates? of "
                       r"birth|[\w ,]{1,30}?)))? of\b", re.I)
_ONE_NAME = re.compile(r"\bname\b", re.I)  # 'the name of the surgeon', not 'names of staff'
# details that identify a person as surely as a name: asked beside it, they go with it
_IDENTIFIES = re.compile(r"\b(?:dates? of birth|addresses|address|contact|phone|e-?mail|"
                         r"medical)\b", re.I)
# a member of the public named alone ('the name of the pupil who was injured'): no job title,
# so the count of such people is asked
_ONE_PERSON = re.compile(r"^\s*(?:the |a |an )?(patient|pupil|child|student|victim|tenant|"
                         r"claimant|complainant|witness|offender|prisoner|resident|person|"
                         r"individual|suspect|applicant)\b(?: (who|that) (?:was|is|has|had)\b)?",
                         re.I)
_THEIR_NAMES = re.compile(r"(?<=['’]) (?:full )?names? and ([\w ]{1,30}?)(?=[?.,;]|$)", re.I)
_PLURAL = {"child": "children", "person": "people", "witness": "witnesses"}
_WHO_IS = re.compile(r"\bwho (?:is|are|was|were) the (person|officer|individual|member of "
                     r"staff)s?\b", re.I)


_TITLED_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|PC|DC|DS|DI|Sgt|Cllr|Councillor)\.? [A-Z][a-z]+"
                          r"(?: [A-Z][a-z]+)?")
_GROUP_OF = {"pc": "officers", "dc": "officers", "ds": "officers", "di": "officers",
             "sgt": "officers", "cllr": "councillors", "councillor": "councillors"}


# 'the home addresses used to calculate distances for the children admitted to X': the people
# whose addresses they are, named after 'of' or 'for'
_ADDRESSES = re.compile(r"\b(?:(?:home|postal|residential) )?address(?:es)?\b", re.I)
_WHOSE = re.compile(rf"\b(?:of|for)\s+(?:all |any |each |those )?((?:the )?(?:[a-z-]+ )?"
                    rf"(?:{PRIVATE_PEOPLE})\b[^.?;]*)", re.I)


# 'the home addresses of on-call firefighters within 5 minutes of Lymington station'
_HOMES_OF = re.compile(
    r"\b(?:home|private|residential)\s+addresses\s+of\s+(?:all\s+|any\s+|each\s+|the\s+)*"
    r"(?P<who>[a-z][\w -]*?)(?:\s+(?:who\s+live|living|that\s+live)\b)?"
    r"(?P<where>\s+(?:with)?in\s+\d[^?.;]*|\s+(?:near|close to|around|in|outside|inside)\s+"
    r"[^?.;]*)?\s*[?.]?\s*$", re.I)


_HOME_OF_ONE = re.compile(r"\b(?:home|private|residential)\s+address\s+of\s+(?P<who>(?:the|a|an|"
                          r"your|its)\s+[\w' -]+?)\s*[?.]?\s*$", re.I)


def _work_address(q: str) -> str | None:
    """'What is the home address of the head teacher?' -> the official contact route for the
    post: one person's home is theirs (s40), the post's work address is public."""
    m = _HOME_OF_ONE.search(q)
    if not m:
        return None
    return (f"Please provide a work address or official contact route for {m.group('who')}. "
            "I am not asking for anyone's home address.")


def _homes_as_count(q: str) -> str | None:
    """'What are the home addresses of on-call firefighters within 5 minutes of Lymington
    station?' -> 'How many on-call firefighters live within 5 minutes of Lymington station?':
    where someone lives is theirs (s40), how many live near what the question is about is
    no one's, and is what the addresses were wanted for."""
    m = _HOMES_OF.search(q)
    if not m:
        return _work_address(q)
    who, where = m.group("who").strip(), (m.group("where") or "").strip()
    if where:
        return (f"How many {who} live {where}? I am not asking for anyone's address or "
                "name.")
    return (f"How many {who} live in each postcode district? I am not asking for anyone's "
            "address or name.")


def _without_addresses(q: str) -> str | None:
    """Members of the public's addresses asked for -> what they were wanted for, without them:
    the distances used and the largest (an admissions question), else how many of the people
    live in each postcode district or ward. 'I am not asking for anyone's name' after a
    request that still asks for addresses would contradict itself."""
    asked = _ADDRESSES.search(q)
    whose = _WHOSE.search(q, asked.end()) if asked else None
    if not asked or not whose:
        return None
    people = whose.group(1).strip(" ,")
    if re.search(r"\bdistances?\b", q, re.I):
        return (f"Please give the distances (in miles) used for {people}, and the largest of "
                "them, without any addresses.")
    people = re.sub(r"^the ", "", people, flags=re.I)
    return (f"Please give the number of {people} in each postcode district or ward, without "
            "any addresses.")


# 'the names of the civil enforcement officers who issued the most tickets': whose names, and
# what they did most of
# ('who carried out the most searches', 'who have made the most arrests', 'who received the
# fewest complaints'): any verb, with its particle
_DID_MOST = re.compile(r"^\s*(?:the |all |any |each )?([a-z][\w -]{1,40}?) (?:who|that) "
                       r"(?:have |has |had )?(\w+(?: (?:out|up|off|in|on|down|over|through|"
                       r"back|away))?) the (?:most|fewest|least|greatest number of|largest number "
                       r"of|highest number of|lowest number of|smallest number of) ([^.?;,]+)",
                       re.I)
# 'made', 'took', 'gave': past participles that do not end in -ed
_IRREGULAR_PAST = frozenset(["made", "took", "taken", "gave", "given", "wrote", "written",
                             "sent", "spent", "paid", "held", "won", "lost", "brought", "caught",
                             "did", "done", "drove", "driven", "bought", "sold", "ran", "got",
                             "found", "kept", "dealt"])
# the period a count was asked for ('... stop and searches in 2023'): said after who did them
_TRAILING_PERIOD = re.compile(r"\s+(?:in|during|since|between|over|from|for|across|last|this)\s+"
                              r"(?:(?:19|20)\d\d|the|each|every|last|this|past|previous|\d)"
                              r"[^.?;,]*$|\s+(?:last|this) (?:year|month|week)$", re.I)
_SINGULAR = {"people": "person", "children": "child", "staff": "member of staff",
             "witnesses": "witness", "police": "officer"}


def _singular(noun: str) -> str:
    """'civil enforcement officers' -> 'civil enforcement officer', 'people' -> 'person'."""
    *head, last = noun.split()
    low = last.lower()
    one = _SINGULAR.get(low) or (low[:-3] + "y" if low.endswith("ies") else
                                 low[:-1] if low.endswith("s") and not low.endswith("ss") else low)
    return " ".join([*head, one])


def _per_person_counts(q: str, m: re.Match) -> str | None:
    """'the names of the officers who issued the most tickets' -> 'the number of tickets issued
    by each officer, without names': the count of officers 'who issued the most' means
    nothing; the figures per person, unnamed, answer what the names were for."""
    most = _DID_MOST.match(q[m.end():])
    if not most:
        return None
    person, verb, what = _singular(most.group(1).strip()), most.group(2), most.group(3).strip()
    when = _TRAILING_PERIOD.search(what)
    period = when.group(0) if when else ""
    what = what[:when.start()].strip() if when else what
    lead = q[:m.start()]
    lead = re.sub(r"^(?:what|which) (?:are|were|is|was) $", "Please give ", lead, flags=re.I) \
        or "Please give "
    amount = f"the number of {what}" if what.lower().endswith("s") else f"the {what}"
    first = verb.split()[0].lower()
    if first.endswith("ed") or first in _IRREGULAR_PAST:
        asked = f"{lead}{amount} {verb} by each {person}{period}"
    else:
        asked = f"{lead.rstrip()}, for each {person}, {amount} they {verb}{period}"
    return _tidy(asked) + (f", without names: each {person} can be shown by a number rather "
                           "than a name.")


def _list_as_count(q: str) -> str | None:
    """'a list of the people served with a notice in 2023' -> 'the number of people served with
    a notice in 2023': what a list of members of the public is for, without who they are."""
    listed = LIST_OF_PEOPLE.search(q)
    if not listed:
        return None
    people = re.sub(r"^list of (?:the |all |any |each |those )?", "", listed.group(0), flags=re.I)
    asked = f"{q[:listed.start()]}{people}{q[listed.end():]}"
    asked = re.sub(r"\b(?:an?|the)\s+(?=" + re.escape(people) + ")", "the number of ", asked,
                   count=1, flags=re.I)
    if "the number of" not in asked:
        asked = asked.replace(people, "the number of " + people, 1)
    return _tidy(pasteable(_tidy(asked))) + " Anonymised totals are enough, with numbers under " \
        "five suppressed if necessary."


# ', and the names of their owners': names of whoever the rest of the question's things
# belong to, asked beside them
_THEIR_OWNERS = re.compile(r",?\s+(?:and|with|plus|including)\s+(?:the\s+)?(?:full\s+)?names?\s+"
                           r"of\s+(?:their|its)\s+[\w' -]+?(?=\s*[?.;]|\s*$)", re.I)
# 'the addresses of the B&Bs used': places (not people) asked for by where they are
_ADDRESSES_OF_PLACES = re.compile(
    r"\b(?:full\s+|exact\s+|postal\s+)?(?:addresses|locations)\s+of\s+(?:the\s+|all\s+|each\s+|"
    r"every\s+|any\s+)?(?P<what>[\w&'’ -]+?)\s*[?.]?\s*$", re.I)
_PEOPLE_WORDS = re.compile(rf"\b(?:{PRIVATE_PEOPLE}|staff|officers?|employees?|firefighters?|"
                           r"owners?|landlords?|managers?|teachers?|nurses?|doctors?)\b", re.I)


def _places_counted(q: str, names: bool = False) -> str | None:
    """'Please list the addresses of the B&Bs used' -> the number of B&Bs used in each ward
    (and, for places the body used, the total paid to them): addresses of accommodation or
    premises are withheld to protect those inside (s38, s40), a count by ward is not."""
    m = _ADDRESSES_OF_PLACES.search(q)
    if not m or _PEOPLE_WORDS.search(m.group("what")):
        return None
    what = m.group("what").strip()
    paid = ", and the total paid to them" if re.search(r"\bused\b", what, re.I) else ""
    whose = " or anyone's name" if names else ""
    return (f"Please give the number of {what} in each ward{paid}. I am not asking for any "
            f"address{whose}.")


def _owners_dropped(q: str) -> str | None:
    """'the addresses of the B&Bs used and the names of their owners' -> the B&Bs counted by
    ward, without the owners: 'the number of their owners' would still ask for the
    addresses and answer nothing the user wanted."""
    part = _THEIR_OWNERS.search(q)
    if not part:
        return None
    kept = (q[:part.start()] + q[part.end():]).strip()
    if len(kept.split()) < 3:
        return None
    if places := _places_counted(kept, names=True):
        return places
    end = "?" if q.rstrip().endswith("?") else "."
    return pasteable(_tidy(kept.rstrip(" ?.,;") + end)) + " I am not asking for anyone's name."


# 'the names of the officers dismissed and the details of the allegations against each'
_DETAILS_AGAINST = re.compile(
    r"^(?P<who>.+?)\s+(?:and|with)\s+(?:the\s+)?(?:full\s+)?(?:details|nature|particulars|"
    r"summar(?:y|ies)|outcomes?)\s+of\s+(?:the\s+)?(?P<what>allegations?|complaints?|charges?|"
    r"misconduct|offences?|findings?|cases?)\b[^?.;]*[?.]?\s*$", re.I)


def _categories_without_names(q: str, m: re.Match) -> str | None:
    """'the names of the officers dismissed and the details of the allegations against each'
    -> the category of misconduct proven in each case, without names: the names (s40) and
    the count (asked elsewhere) are not what such a question wants to know."""
    d = _DETAILS_AGAINST.match(q[m.end():].strip())
    if not d:
        return None
    who = re.sub(r"^(?:the|all|any|each|every)\s+", "", d.group("who").strip(), flags=re.I)
    if re.search(r"\b(?:dismissed|sacked|disciplined|found guilty|sanctioned)\b", who, re.I):
        asked = "the category of misconduct proven in each case"
    else:
        asked = f"the category of each {_singular(d.group('what').lower())}"
    return (f"Please provide, for the {who}, {asked}, without names or other details that "
            "would identify anyone.")


# 'the civil servants who drafted the guidance': staff named for official work they did
_OFFICIAL_ACT = re.compile(
    r"^\s*(?:the\s+|all\s+|any\s+|each\s+)?(?P<who>[a-z][\w -]{1,40}?)\s+(?:who|that)\s+"
    r"(?:have\s+|has\s+|had\s+)?(?:drafted|wrote|written|prepared|approved|signed(?: off)?|"
    r"authori[sz]ed|decided|made the decision|took the decision|commissioned|attended|chaired|"
    r"led|advised|recommended|produced|compiled|agreed|reviewed|sanctioned|oversaw)\b|"
    r"^\s*(?:the\s+|all\s+|any\s+|each\s+)?(?P<on>[a-z][\w -]{1,40}?)\s+(?:responsible|"
    r"on duty|in charge|accountable)\b", re.I)


def _officials_roles(q: str, m: re.Match) -> str | None:
    """'the names of the civil servants who drafted the behaviour guidance' -> their job
    titles and grades, and the names of the senior ones: officials acting officially are
    usually named at senior level, and a count of the drafters tells the user nothing."""
    act = _OFFICIAL_ACT.match(q[m.end():])
    who = act and (act.group("who") or act.group("on"))
    if not act or not who or re.search(rf"\b(?:{PRIVATE_PEOPLE})\b", who, re.I):
        return None
    rest = q[m.end():].strip().rstrip(" ?.")
    rest = re.sub(r"^(?:all|any|each)\s+", "the ", rest, flags=re.I)
    rest = rest if rest.lower().startswith("the ") else f"the {rest}"
    senior = " (the Senior Civil Service)" if re.search(r"civil servants?", rest, re.I) else ""
    grade = "rank" if re.search(r"\b(?:police|custody|constables?|sergeants?)\b", rest,
                                re.I) else "grade"
    return (f"Please provide the job title and {grade} of each of {rest}, and the names of "
            f"those at senior level{senior}, who are usually named. I am not asking for junior "
            "staff's names.")


# records asked for as they are ('all correspondence, notes and drafts', 'all contracts
# awarded'): a count of the people named in them answers none of it
_RECORDS_ASKED = re.compile(r"\b(?:correspondence|e-?mails?|letters|notes|drafts|minutes|"
                            r"messages|contracts?|agreements?|files|cop(?:y|ies) of)\b", re.I)
_REDACTED_NOT_TOTALS = ("Please release them with the personal details of junior staff and "
                        "members of the public redacted; the names of senior officials and of "
                        "anyone acting in a public role are usually released.")


def _records_redacted(q: str, names_at: int) -> str | None:
    """'all correspondence ... including the names of the inspectors' -> the records as asked,
    with junior staff's and the public's details redacted: s40 is met by redaction, and
    'anonymised totals' of correspondence or contracts mean nothing. The records must be what
    is asked (before the names), not what the people did ('who approved the contract')."""
    if not _RECORDS_ASKED.search(q[:names_at]) or _ASKS_COUNT.search(q):
        return None
    return f"{pasteable(_tidy(q))} {_REDACTED_NOT_TOTALS}"


# 'Councillor James Lewis's expenses', 'the gifts declared by Cllr Smith': a named holder of
# public office asked about what that office publishes, which s40 does not protect
_PUBLIC_OFFICE_NAMED = re.compile(
    r"\b(?P<name>(?:Cllr|Councillor|Mayor|Minister|(?-i:MP|MSP|MS|AM))\.? [A-Z][a-z]+"
    r"(?: [A-Z][a-z'’-]+)?)")
_PUBLIC_OFFICE_RECORD = re.compile(r"\b(?:expenses|allowances?|claim(?:s|ed)?|gifts|"
                                   r"hospitality|interests|vot(?:e|es|ed|ing)|attendance|"
                                   r"declar\w+|travel|meetings?)\b", re.I)


def _public_office_kept(q: str) -> str | None:
    """'What expenses did Councillor James Lewis claim?' -> asked as it is, name and all, with
    where such records are published: a councillor's expenses are public in that role, and
    'councillors ... as anonymised totals' answers a question the user never asked."""
    named = _PUBLIC_OFFICE_NAMED.search(q)
    if not named or not _PUBLIC_OFFICE_RECORD.search(q):
        return None
    who = named.group("name")
    return (f"{pasteable(_tidy(q))} I am asking about {who} only in their public role, in "
            "which these records are routinely published; if they already are, please tell me "
            "where. Please redact only other people's personal details (on receipts, for "
            "example) and release the rest.")


_PUBLIC_OFFICE_WHY = ("A councillor's or minister's expenses, allowances, gifts and votes are "
                      "published as part of public office: s40 protects private lives, not "
                      "public roles, so the name stays, and a published record (s21) is the "
                      "quickest answer.")


def _anonymised(q: str) -> str:
    """'the names and salaries of staff earning over £100,000' -> 'the number of staff earning
    over £100,000, by salary band': the count the names were for, which s40 does not touch."""
    if public := _public_office_kept(q):
        return public
    m = _NAMES_OF.search(q)
    if m and (records := _records_redacted(q, m.start())):
        return records
    private = _ONE_PERSON.match(q[m.end():]) if m else None
    identifying = bool(m and m.group(1) and _IDENTIFIES.search(m.group(1)))
    if m and private and _ONE_NAME.search(m.group(0)):  # 'the pupil who was injured'
        noun = private.group(1).lower()
        who = f" {private.group(2)} were" if private.group(2) else ""
        rest = q[m.end() + private.end():]
        asked = f"{q[:m.start()]}the number of {_PLURAL.get(noun, noun + 's')}{who}{rest}"
        return pasteable(_tidy(re.sub(r"\bwere has\b", "have", asked)))
    if m and _ONE_NAME.search(m.group(0)) and not identifying:  # staff: their role, no count
        kept = m.group(1) or "job title"
        return pasteable(_tidy(_NAMES_OF.sub(f"the {kept} (not the name) of", q, count=1)))
    if m and (each := _per_person_counts(q, m)):
        return each
    if m and (kept := _owners_dropped(q)):  # 'the addresses of the B&Bs and their owners'
        return kept
    if m and (kinds := _categories_without_names(q, m)):
        return kinds
    if m and (roles := _officials_roles(q, m)):
        return roles
    if m:
        paid = m.group(1) and re.search(r"salar|pay", m.group(1), re.I)
        q = re.sub(r"^(?:what|which) (?:are|were|is|was) (?=the names?\b)", "Please give ", q,
                   flags=re.I)
        asked = re.sub(r"\bthe number of (?:all|every|each|the|any) ", "the number of ",
                       _NAMES_OF.sub("the number of", q, count=1), flags=re.I)
        end = "?" if q.rstrip().endswith("?") and not q.lower().startswith("please") else "."
        asked = asked.rstrip(" ?.") + (", by salary band" if paid else "") + end
        return _tidy(asked) + " Anonymised totals are enough, with numbers under five " \
            "suppressed if necessary."
    if home := _without_home_address(q):  # 'who is responsible ... and their home address'
        return home
    if owned := _THEIR_NAMES.search(q):  # "the victims' names and ages": the ages, no names
        return pasteable(_tidy(f"{q[:owned.start()]} {owned.group(1)} (not their names)"
                               f"{q[owned.end():]}"))
    if addresses := _without_addresses(q):
        return addresses
    if homes := _homes_as_count(q):
        return homes
    if counted := _list_as_count(q):
        return counted
    if _WHO_IS.search(q):
        return _tidy(_WHO_IS.sub(r"what is the job title (not the name) of the \1", q))
    if grouped := _about_the_group(q):  # 'grievances against the Director of X'
        return grouped
    if _TITLED_NAME.search(q):  # 'complaints about Mr Jenkins' -> 'complaints about staff'
        asked = _TITLED_NAME.sub(lambda m: _GROUP_OF.get(m.group(1).rstrip(".").lower(),
                                                         "staff"), q)
        return pasteable(_tidy(asked)) + " As anonymised totals: I am not asking about any " \
            "named person."
    return pasteable(without_names(q)) + " I am not asking for anyone's name: anonymised " \
        "totals are enough, with numbers under five suppressed if necessary."


_ABOUT_ONE = prefiltered(re.compile(ABOUT_ONE_PERSON, re.I))
_ONE_ROLE_RX = re.compile(ONE_ROLE + r"(?: of (?:[A-Z][\w'’-]*|and|&|the)(?: (?:[A-Z][\w'’-]*|and|"
                          r"&|the))*)?", re.I)
# the group a role belongs to, asked about as a whole: one post's holder is one person
_ROLE_GROUPS = {"director": "directors", "officer": "officers", "manager": "managers",
                "employee": "staff", "member of staff": "staff", "councillor": "councillors",
                "teacher": "teachers", "nurse": "nurses", "doctor": "doctors",
                "surgeon": "surgeons", "consultant": "consultants", "social worker":
                "social workers", "governor": "governors", "trustee": "trustees",
                "inspector": "inspectors", "sergeant": "sergeants", "constable": "constables",
                "clerk": "clerks", "superintendent": "superintendents"}
_WHAT_ABOUT = re.compile(r",?\s+and\s+what (?:were|was|are|is) (?:they|it|each(?: one)?) about\b",
                         re.I)


def _about_the_group(q: str) -> str | None:
    """'How many grievances were raised against the Director of Adult Social Care?' -> the
    same asked of directors as a group: complaints and discipline about one post's holder are
    their personal data (s40(2)) whatever their rank; a total for the group is no one's."""
    about = _ABOUT_ONE.search(q)
    if not about or not (role := _ONE_ROLE_RX.search(q, about.start())):
        return None
    noun = re.sub(r"^(?:the|that|this|your|its|a named|a particular|a specific|one named)\s+"
                  r"(?:[\w-]+['’]s\s+)?(?:(?:former|current|previous|interim|acting|deputy|"
                  r"assistant|senior|named)\s+)?", "", role.group(0), flags=re.I)
    noun = re.sub(r"\s+of\b.*$", "", noun).lower()
    group = _ROLE_GROUPS.get(noun, "senior staff")
    asked = f"{q[:role.start()]}{group} as a group{q[role.end():]}"
    asked = _WHAT_ABOUT.sub(", by type", asked)
    return _tidy(pasteable(_tidy(asked))) + " I am not asking about any named person or post: " \
        "totals for the group are enough, with numbers under five suppressed if necessary."


# ', and what is their home address?', 'and where does he live': a private life asked for
# beside a public role, cut as the names clause is
_HOME_ADDRESS_PART = re.compile(
    r",?\s+(?:and|with|including|plus|together with)\s+(?:what (?:is|are|was|were) |where "
    r"(?:is|are) )?(?:their|his|her|the|its|each one's)\s+(?:home |private |residential )"
    r"address(?:es)?\b[^?.;]*|,?\s+and\s+where (?:does|do|did) (?:he|she|they) live\b[^?.;]*",
    re.I)


def _without_home_address(q: str) -> str | None:
    """'Who is responsible for highways and what is their home address?' -> 'Who is
    responsible for highways?': who holds a post is public, where they live is not, whoever
    they are."""
    part = _HOME_ADDRESS_PART.search(q)
    if not part:
        return None
    kept = (q[:part.start()] + q[part.end():]).strip()
    if len(kept.split()) < 3:
        return None
    end = "?" if q.rstrip().endswith("?") else "."
    return _tidy(pasteable(kept.rstrip(" ?.,;") + end)) + " I am not asking for anyone's home " \
        "address or other personal details: the name and job title of the post are enough."


# ', and what are their names?', ', with the claimant's name', 'and their names and addresses',
# ', and who made them?': the part of a question that asks who; said after the count or list
# it names, so cutting it leaves the rest of the question whole
_NAMES_CLAUSE = re.compile(
    r",?\s+(?:and|with|including|together with|plus|giving|stating)\s+(?:"
    r"(?:what|who)\s+(?:are|were|is|was)\s+(?:their|the|his|her)\s+(?:full\s+)?names?"
    r"|(?:the\s+|their\s+|his\s+|her\s+|each\s+)?(?:[\w-]+['’]s?\s+)?(?:full\s+)?names?"
    r"(?:\s+(?:and|&)\s+(?:(?:home\s+)?address(?:es)?|contact details|ages?|dates? of birth))?"
    r"(?:\s+of\s+(?:the\s+)?(?:people|persons|individuals|those)\b[^?.;,]*)?"
    r"|who\s+(?!(?:is|are|was|were)\s+(?:not|un)\w*\b)[^?.;,]*)"
    r"(?=\s*[?.;]|\s*$)", re.I)


def without_names(question: str) -> str:
    """The question without the clause that asks who ('..., and what are their names?'), for a
    rewording that says no names are wanted: keeping it would contradict that. A question that
    asks for nothing else is left as it is."""
    cut = _NAMES_CLAUSE.sub("", question)
    if cut == question or len(cut.split()) < 2:
        return question
    end = "?" if question.rstrip().endswith("?") else "."
    return _tidy(cut.rstrip(" ,;?.") + end)


_ALL_OF = re.compile(r"\b(?:any and all|all) (information|records|documents|data)\b"
                     r"(?: (?:held |you hold )?(?:about|on|of|regarding|relating to|concerning) )?",
                     re.I)
# 'all records of spraying, with the quantities used': figures wanted, not a list of files
_FIGURES = re.compile(r"\b(?:quantit(?:y|ies)|numbers?|amounts?|totals?|figures|how (?:many|"
                      r"much)|costs?|spend(?:ing)?|volumes?)\b", re.I)
_SINCE_YEAR = re.compile(r"\bsince ((?:19|20)\d\d)\b", re.I)


# 'all emails and WhatsApp messages between the Health Secretary and PPE suppliers': a class of
# messages, which a schedule of (date, sender, subject) narrows to the ones wanted
_MESSAGE = (r"(?:[\w-]+\s+)?(?:correspondence|e-?mails?|letters|messages|communications|texts|"
            r"text messages|memos)")
_ALL_MESSAGES = re.compile(rf"\b(?:any and all|all)\s+(?:of\s+)?(?:the\s+)?(?P<what>{_MESSAGE}"
                           rf"(?:,?\s+(?:and|or|&)\s+{_MESSAGE})*)", re.I)


def _messages_listed(q: str) -> str | None:
    """'all emails and WhatsApp messages between X and Y in 2020' -> 'Please provide a list of
    the emails and WhatsApp messages between X and Y in 2020 (date, sender, recipient and
    subject ...)': every message of a year is what the cost limit refuses; a schedule of
    them is quick to give, and the user then asks for the ones that matter."""
    m = _ALL_MESSAGES.search(q)
    if not m:
        return None
    rest = _SINCE_YEAR.sub("in the last three financial years", q[m.end():]).strip(" ?.")
    period = "" if _NAMES_PERIOD.search(rest) else " sent or received in the last twelve months"
    rest = f" {rest}" if rest else ""
    return (f"Please provide a list of the {m.group('what')}{rest}{period} (the date, sender, "
            "recipient and subject of each are enough), so that I can choose which to ask for. "
            + S16_SENTENCE)


def _narrowed(q: str) -> str:
    """A broad request made narrow enough to answer: 'all information about X' asks first for
    the list of what is held (then the requester chooses), 'all correspondence' drops the
    'all', a long 'since 2015' becomes the last three financial years, and a period is added
    only where none is left."""
    m = _ALL_OF.search(q)
    if m and not _FIGURES.search(q[m.end():]):
        topic = q[m.end():].strip(" ?.") or "this"
        kind = "records" if m.group(1).lower() == "records" else "documents"
        return (f"Please provide a list of the {kind} you hold about {topic} "
                "(titles and dates are enough), so that I can choose which to ask for. "
                + S16_SENTENCE)
    if listed := _messages_listed(q):
        return listed
    text = re.sub(r"\b(?:any and all|all) (?=correspondence|emails?|letters|records|data)",
                  "the ", q, flags=re.I)
    text = _SINCE_YEAR.sub("in the last three financial years", text)
    period = "" if _NAMES_PERIOD.search(text) else " Please limit this to the last financial year."
    return _tidy(pasteable(_tidy(text)) + period) + " " + S16_SENTENCE


# 'for each month of 2023', 'in every week of 2022/23': the split and its preposition go
# together, or 'for of 2023' is left behind; the year stays as 'in 2023'
_FINE_OF_YEAR = re.compile(r"\b(?:(?:for|in|during|over) )?(?:each|every) (?:month|week|day) "
                           r"(?:of|in|during) (?:the )?(?=(?:(?:financial|calendar) year )?"
                           r"(?:19|20)\d\d\b)", re.I)
# 'for each month', 'in each week': the preposition of a split that is dropped goes with it
_FINE_WITH_PREP = re.compile(r"\b(?:for|in|during) (?=(?:each|every) (?:month|week|day)\b)",
                             re.I)


def _coarser_period(q: str, body: str) -> str | None:
    """Months, weeks or days become years; a question about one year just loses the split.
    None where the question also asks where cameras are: that part is the risk, and a
    rewording that only coarsens the period would keep it (the camera rewording drops it)."""
    if _CAMERA_PLACE_PART.search(q):
        return None
    one_year = bool(_ONE_PERIOD.search(q))
    repl = "" if one_year else " in each year"
    new = _FINE_OF_YEAR.sub("in ", q)
    new = _FINE_WITH_PREP.sub("", new)
    new = _FINE_PERIOD.sub(repl, new)
    return _tidy(new) if new != q else None


# ', and the location of every bus garage's CCTV control room': the one part of a compound
# question that asks where cameras are (or where they are watched from)
_CAMERA_PLACE_PART = re.compile(
    r",?\s+(?:and|as well as|plus)\s+(?:also\s+)?(?:(?:the|their|its)\s+(?:exact\s+)?"
    r"locations?\s+of|where)\b[^?.;]*\b(?:cctv|cameras?|anpr)\b[^?.;]*", re.I)
_CAMERA_WORDS = re.compile(r"\b(?:cctv|cameras?|anpr)\b", re.I)


def _camera_part_dropped(q: str, body: str) -> str | None:
    """'the number of assaults on bus drivers on each route in 2023, and the location of every
    bus garage's CCTV control room' -> the assaults asked as they were, and the CCTV policy in
    place of the location: a camera count would replace a question the user never asked."""
    part = _CAMERA_PLACE_PART.search(q)
    head = q[:part.start()].strip(" ,;") if part else ""
    if not part or len(head.split()) < 4 or _CAMERA_WORDS.search(head):
        return None
    kind = "ANPR" if re.search(r"\banpr\b", part.group(0), re.I) else "CCTV"
    room = " or control room" if re.search(r"control rooms?", part.group(0), re.I) else ""
    asked = pasteable(_tidy(head.rstrip(" ?.") + ("?" if q.rstrip().endswith("?") else ".")))
    return (f"{asked} Please also provide {body}'s policy or code of practice for its {kind}. "
            f"I am not asking for the location of any camera{room}.")


def _camera_totals(q: str, body: str) -> str:
    if kept := _camera_part_dropped(q, body):
        return kept
    named = re.search(r"\b(anpr|cctv)\b", q, re.I)
    if not named:  # the question's own words for them ('covert surveillance cameras'), or
        # 'these' when another question says which ('each of the cameras in (a)')
        kind = re.search(r"\b((?:(?!the\b|all\b|of\b|these\b|each\b|any\b|those\b)[a-z-]+\s+)"
                         r"{1,2})cameras\b", q, re.I)
        cameras = f"{kind.group(1).strip().lower()} cameras" if kind else "of these cameras"
        return (f"How many {cameras} are there in each area (ward or district), as totals? I am "
                "not asking where any camera is sited.")
    kind = "ANPR cameras" if named.group(1).lower() == "anpr" else "CCTV cameras"
    return (f"How many {kind} does {body} operate in total? Please also provide its policy or "
            "code of practice for them.")


# "...and what models are they?", "the make and model of your radios": the part of a question
# that draws the refusal when the equipment is operational (drones, cameras, vehicles, radios)
_MAKES = re.compile(r"\b(makes?|models?|brands?|manufacturers?)\b", re.I)
_TRAILING_MAKES = re.compile(r"(?:,|\band\b|\bincluding\b|\bwith\b)[^,;]{0,20}\b(?:makes?|models?|"
                             r"brands?|manufacturers?)\b[^,;]{0,30}[?.]?\s*$", re.I)
_MAKES_OF = re.compile(r"\b(?:makes?|models?|brands?|manufacturers?)\b(?: and \w+)? of (?:each |"
                       r"every |all |the |your |its )*(?:the )?([a-z][\w -]{2,40}?)s?\s*[?.]?\s*$",
                       re.I)
_CLAUSE_WORDS = re.compile(r"\b(does|do|did|is|are|was|were|you|we|they|it|use[sd]?|has|have)\b",
                           re.I)
_NOT_MAKES = " I am not asking for makes, models or suppliers."


# 'the make and model of the Tasers you use and where they are stored': what is made, up to
# the clause that says who uses it or where it is
_MAKES_OF_THINGS = re.compile(
    r"\b(?:makes?|models?|brands?|manufacturers?)\b(?: (?:and|or|&) (?:makes?|models?|brands?|"
    r"manufacturers?|types?))? of (?:each |every |all |the |your |its |any )*"
    r"([a-z][\w-]*(?: [a-z][\w-]*){0,3}?)(?=\s+(?:that|which|you|the force|the council|it|they|"
    r"we|do|does|did|are|is|were|used?|held|owned|currently|in use|issued|deployed|carried|and|"
    r"with)\b|\s*[,;?.]|\s*$|"
    r"(?:\s+(?-i:[A-Z])[\w-]*){1,4}\s+(?:use[sd]?|hold|holds|owns?|has|have|carr(?:y|ies)|"
    r"deploys?)\b)",
    re.I)
# '... and where they are stored', 'their storage locations': where equipment is kept
_WHERE_KEPT = re.compile(r"\bwhere\b[^.?;]{0,40}\b(?:stored|kept|held|located|based|housed|"
                         r"sited)\b|\b(?:storage )?locations?\b", re.I)


def _without_makes(q: str, body: str) -> str | None:
    """The question without its make-and-model part, saying that part is not asked: a trailing
    clause is cut; a question about nothing else becomes how many of the things are held, and
    where they are kept becomes how many are held in each area (the storage place is what s31
    protects, as the make is)."""
    trailing = _TRAILING_MAKES.search(q)
    head = q[:trailing.start()].rstrip(" ,;") if trailing else ""
    if len(head.split()) >= 3 and not _MAKES.search(head):
        return _tidy(head + ("?" if q.rstrip().endswith("?") else ".")) + _NOT_MAKES
    kept = _MAKES_OF_THINGS.search(q)
    where = bool(kept and _WHERE_KEPT.search(q[kept.end():]))
    of = kept if where else _MAKES_OF.search(q)
    things = of.group(1).strip() if of else ""
    if not things or len(things.split()) > 4 or _CLAUSE_WORDS.search(things):
        return None
    things = things if things.lower().endswith("s") else things + "s"
    if where:
        return (f"How many {things} does {body} have, and how many are held in each area "
                "(division or district)? I am not asking for makes, models or suppliers, or "
                "where any is stored.")
    return f"How many {things} does {body} have?" + _NOT_MAKES


# 'Please list every hotel currently used to house asylum seekers, with its address': places
# asked for with where they are
_PLACES_WITH_ADDRESSES = re.compile(
    r"^\s*(?:please\s+)?(?:list|name|give|provide|tell me|identify)\s+(?:me\s+)?(?:a list of\s+|"
    r"the names of\s+|details of\s+)?(?:every|all|each|the|any)\s+(?:of the\s+)?"
    r"(?!(?:number|total|amount|count|figures?|value|cost)s?\b)"
    r"(?P<what>[^,?.;]+?)\s*,?\s*(?:with|and|including|together with|plus|giving)\s+(?:its|"
    r"their|the|each one's)\s+(?:full\s+|exact\s+|postal\s+)?(?:address(?:es)?|locations?|"
    r"postcodes?)\b(?!\s+of\b)[^?.;]*[?.]?\s*$", re.I)
_PLACES_WHY = ("Exact addresses are withheld where publishing them would put people at risk "
               "(s38) or help crime (s31); a count for each area reveals neither and is usually "
               "given.")


def _places_by_area(question: str) -> str | None:
    """'Please list every hotel currently used to house asylum seekers, with its address.' ->
    'Please give the number of hotels currently used to house asylum seekers in each local
    authority area.': the count by area, without the addresses."""
    m = _PLACES_WITH_ADDRESSES.match(question)
    if not m:
        return None
    head, *rest = m.group("what").split(" ", 1)
    low = head.lower()
    plural = (head if low.endswith("s") else head[:-1] + "ies" if low.endswith("y")
              and low[-2:-1] not in "aeiou" else head + "s")
    what = " ".join([plural, *rest])
    return (f"Please give the number of {what} in each local authority area. I am not asking "
            "for the name, address or location of any of them.")


# 'the recent serious case review', 'the safeguarding adults review': the published account
_REVIEW = re.compile(r"\b(?:serious case|child safeguarding practice|safeguarding adults?|"
                     r"domestic homicide|learning|serious incident|independent|case) reviews?\b|"
                     r"\b(?:inquest|investigation|inquiry)(?: reports?)?\b", re.I)
_RECORDS_WHY = ("A person's case files and care records are their personal data, named or not "
                "(s40(2); a child's or patient's are special-category data, and held in "
                "confidence, s41); a published review or anonymised findings identify no one and "
                "are usually given.")


def _records_as_review(q: str, body: str) -> str:
    """'the case files for the child referred to in the recent serious case review' -> the
    published review and what was done after it: no one's records."""
    review = _REVIEW.search(q)
    if review:
        name = review.group(0).lower()
        name = name if name.endswith(("review", "reviews", "report", "reports")) else \
            f"{name} report"
        return (f"Please provide the published {name} (or tell me where it is published) and "
                f"any action plan {body} drew up after it. I am not asking for any individual's "
                "case files or records.")
    return ("Please provide any published review or summary of the findings in this case, "
            "with identifying details removed, or tell me where it is published. I am not "
            "asking for any individual's case files or records.")


# 'the security audit of HMP Wandsworth from 2023', 'the latest security review of the data
# centre': a document whose detail is what s31 protects
_SECURITY_REVIEW = re.compile(r"\b(?:the |any |a |its |your |latest |most recent |last )*"
                              r"(?:[\w-]+ )?security (?:audits?|reviews?|assessments?|"
                              r"inspections?|surveys?|reports?|health ?checks?)\b[^?.;]*", re.I)


def _security_summary(q: str, body: str) -> str | None:
    """'Please provide the security audit of HMP Wandsworth from 2023.' -> its overall rating
    or conclusion and its action plan, without the detail of the measures or weaknesses."""
    m = _SECURITY_REVIEW.search(q)
    if not m or not _ASKS_FOR_DOCUMENT_OR_PROVIDE.search(q):
        return None
    what = re.sub(r"^(?:the |any |a |its |your )+", "", m.group(0).strip(" ,"), flags=re.I)
    return (f"Please provide the overall rating or conclusion of the {what}, and a summary of "
            "the actions agreed after it. I am not asking for details of security measures, "
            "procedures or weaknesses.")


_ASKS_FOR_DOCUMENT_OR_PROVIDE = re.compile(r"\b(?:provide|copy|copies|send|disclose|release|"
                                           r"publish|see)\b", re.I)
# 'copies of the NDAs themselves', 'a copy of each settlement agreement': agreements with people
_AGREEMENT_COPIES = re.compile(
    r"\bcop(?:y|ies)\s+of\s+(?:the\s+|all\s+|any\s+|each\s+|those\s+|these\s+|every\s+)?"
    r"(?:[\w-]+\s+)?(?P<kind>non-disclosure agreements?|ndas?|settlement agreements?|"
    r"compromise agreements?|confidentiality agreements?|gagging clauses?)\b", re.I)


def _agreement_template(q: str, body: str) -> str | None:
    """'Please provide copies of the NDAs themselves.' -> the standard template, with no one's
    details, and how many were signed."""
    m = _AGREEMENT_COPIES.search(q)
    if not m:
        return None
    kind = m.group("kind").lower()
    kind = ("non-disclosure agreement" if kind.startswith(("nda", "non-disclosure")) else
            re.sub(r"s$", "", kind))
    return (f"Please provide a blank copy of the standard {kind} {body} uses (its template), "
            "without any individual's name or details.")


# the cyber-security patterns answer cyber-security questions only: 'domestic abuse incidents'
# or 'consultancy spend by supplier' are not asked of an IT department
_CYBER_WORDS = (r"\b(?:cyber|ransomware|malware|phishing|hack\w*|ddos|virus\w*|firewall\w*|"
                r"it security|information security|security incidents?|data breach\w*|"
                r"attacks?)\b")
_CYBER = r"^(?=.*\b(?:cyber|ransomware|malware|phishing|hack\w*|ddos)\b)"

# 'How much was paid per night per room at each hotel?': the price one supplier charged for a
# unit is its commercial information (s43(2)); the cost limit is not what refuses it
_UNIT_PRICE = re.compile(
    r"^(?=.*\b(?:paid|pay|cost|costs|price|prices|charged?|charges|rates?|fees?|spen[dt])\b)"
    r"(?=.*\b(?:per|a|an|each) (?:night|room|bed|bedspace|head|person|place|unit|hour|day|"
    r"week|meal|pupil|placement|child)\b).*\b(?:at|for|by|from|of|with|to) (?:each|every|"
    r"individual) ([a-z][\w-]*(?: (?:home|provider|centre|school|site|supplier|company|"
    r"agency|setting|unit|hospital|property|contractor|placement))?)\b", re.I)
_UNIT_PER = re.compile(r"\b(?:per|a|an) (?:night|room|bed|bedspace|head|person|place|unit|"
                       r"hour|day|week|meal|pupil|placement|child)\b(?:\s+(?:per|a|an) (?:night|"
                       r"room|bed|bedspace|head|person|place|unit|hour|day|week|meal|pupil|"
                       r"placement|child)\b)*", re.I)


def _plural(noun: str) -> str:
    low = noun.lower()
    if low.endswith(("s", "x", "ch", "sh")):
        return low + "es" if not low.endswith("s") else low
    return low[:-1] + "ies" if low.endswith("y") and low[-2:-1] not in "aeiou" else low + "s"


def _unit_price_totals(q: str, body: str) -> str | None:
    """'How much was paid per night per room at each hotel?' -> the total spent on the hotels
    in each of the last three financial years, and the average cost per night per room across
    all of them: the accountability question, without any one supplier's unit price."""
    m = _UNIT_PRICE.search(q)
    per = _UNIT_PER.search(q)
    if not m or not per:
        return None
    place = m.group(1).lower()
    units = re.sub(r"\b(?:a|an)\b", "per", per.group(0).lower())
    *head, last = place.split()
    many = " ".join([*head, _plural(last)])
    return (f"What was the total spent on {many} in each of the last three financial years, "
            f"and the average cost {units} across all of them? I am not asking for the price "
            f"at any one {place} or under any one contract.")


_UNIT_PRICE_WHY = ("The price a supplier charges per unit is its commercial information, "
                   "usually withheld under s43(2); the total spent and an average across all "
                   "suppliers reveal no one contract's price and are usually released.")


# the count is of attacks or breaches themselves ('How many cyber attacks...'), not of what one
# known attack touched ('How many patients' records were affected by the 2024 cyber attack?')
_COUNTS_ATTACKS = re.compile(r"\bhow many\s+(?:[\w-]+\s+){0,3}?(?:attacks?|breach(?:es)?|"
                             r"incidents?|hacks?|attempts?|ransomware|phishing)\b", re.I)


def _breaches_reported(q: str, body: str) -> str | None:
    """'How many cyber attacks did you suffer?' -> the breaches reported to the ICO, which are
    disclosed where attack counts are refused; a count of what one attack affected keeps its
    own subject (the fallback narrows it), not a different statistic."""
    if not _COUNTS_ATTACKS.search(q):
        return None
    return _tidy(f"How many personal data breaches did {body} report to the Information "
                 "Commissioner's Office in each of the last three financial years? A yearly "
                 "total is enough.")


# 'the 2024 cyber attack', 'the cyber attack in October 2020': the attack the question names
_NAMED_ATTACK = re.compile(r"\b(?:the|that) (?:(?:19|20)\d\d )?(?:cyber[- ]?|ransomware )?"
                           r"attack(?: (?:in|of) (?:[A-Z][a-z]+ )?(?:19|20)\d\d)?", re.I)


def _ransom_yes_no(q: str, body: str) -> str:
    """'whether the council paid a ransom' -> the same question, yes or no, without the amount
    or the attackers' details: the user's subject kept, not swapped for another question."""
    attack = _NAMED_ATTACK.search(q)
    after = f" after {attack.group(0)}" if attack else ""
    return (f"Please confirm whether {body} paid a ransom{after}. A yes or no answer is enough: "
            "I am not asking for the amount, how it was paid or anything about the attackers.")


def _vouched(pattern: str, flags: int = 0) -> Prefiltered:
    """A pattern whose case-sensitive parts ('IT', 'Mr Jenkins') negate nothing, behind its
    lowered copy (bot/prefilter.py)."""
    return Prefiltered(re.compile(pattern, flags), lowered_pattern(pattern))


PATTERNS: list[tuple[re.Pattern | Prefiltered, Rewrite, str | Callable[[str], str]]] = \
    prefiltered_pairs([
    (_UNIT_PRICE, _unit_price_totals, _UNIT_PRICE_WHY),
    (re.compile(_CYBER + r".*\bhow many\b|\bhow many\b.{0,80}\b(attacks?|breach(es)?|incidents?|"
                r"hacks?|ransomware)\b(?=.*" + _CYBER_WORDS + ")", re.I),
     _breaches_reported,
     "Breaches reported to the ICO are statutory reporting data: authorities that refuse attack "
     "counts under s31 have disclosed them, and a yearly total reveals nothing about detection."),
    (re.compile(r"\b(provisions?|measures?|controls?|protections?|defen[cs]es?)\b.{0,60}"
                r"\b(prevent|protect|stop|against|cyber|security)", re.I),
     _fixed("Does {body} hold Cyber Essentials, Cyber Essentials Plus or ISO 27001 "
            "certification? Please also provide a copy of its information security policy."),
     "Certifications held and published policies reveal no weakness, system or attack history, "
     "so they fail all three of the ICO's cyber-security prejudice tests and are usually "
     "answered."),
    (re.compile(r"\b(working from home|home[- ]working|remote working|work remotely)\b", re.I),
     _fixed("Does {body} have a policy on the security of staff working from home? If so, "
            "please provide a copy."),
     "A policy describes rules, not the configuration of defences, so it is usually disclosed."),
    (re.compile(r"^(?=.*" + _CYBER_WORDS + r").*\b(budget|spend|spent|cost|expenditure)\b.{0,80}"
                r"\b(breakdown|broken down|where|specifically|each|item|supplier)", re.I),
     _fixed("What was {body}'s total spend on cyber security in each of the last three "
            "financial years? A single yearly total is enough; I do not need a breakdown by "
            "supplier, product or item."),
     "Totals over a period are usually answered; breakdowns by item or supplier can point to "
     "the products in use and draw s31 or s43 refusals."),
    (_MAKES, _without_makes,
     "Makes and models tell those who would defeat the equipment what it can do; the number "
     "held is routinely given where the make and model are refused under s31."),
    # IT only: a patch-management policy is no answer to 'which surveillance equipment', nor
    # to 'which supplier provides it' (the pronoun, not IT: matched in capitals only)
    (_vouched(r"^(?=.*\b(software|antivirus|anti-virus|firewalls?|operating systems?|servers?|"
                r"networks?|(?-i:IT)|ict|cyber|computers?|endpoints?|email systems?|versions?|"
                r"patch\w*)\b).*\b(which|what|name of the|names? of)\b.{0,40}\b(software|"
                r"products?|antivirus|anti-virus|firewall|systems?|suppliers?|vendors?|"
                r"versions?)\b", re.I),
     _fixed("Please provide {body}'s policy on keeping its software and systems up to date "
            "(its patch-management or vulnerability-management policy). I am not asking for "
            "the names or versions of any products."),
     "Naming products, versions or suppliers is the commonest reason authorities give for s31 "
     "refusals; the policy answers the accountability question without revealing them."),
    (re.compile(r"\b(patch(ed|es|ing)?|updates? (applied|installed)|versions?)\b", re.I),
     _fixed("Does {body} have a patch-management policy, and how often is compliance with "
            "it reviewed? Please provide the policy."),
     "Patch dates and versions tell an attacker what is unpatched; a policy and its review "
     "cycle do not."),
    (re.compile(r"\b(by|per|each|every) (month|week|day)\b|\bmonthly\b|\bweekly\b", re.I),
     _coarser_period,
     "Coarser periods weaken the link to any prejudice: a yearly total cannot be matched to a "
     "specific incident."),
    # a split by outcome ('successful and blocked'), not attacks merely 'detected'
    (re.compile(r"\b(successful|unsuccessful|blocked|prevented)\b", re.I),
     _undivided,
     "Splitting successful from blocked attacks reveals detection rates, which authorities "
     "refuse under s31(1)(a); an undivided figure is more often given."),
    (re.compile(r"\b(locat(ions?|ed)|where)\b.{0,50}\b(cctv|cameras?|anpr)\b|\b(cctv|anpr)\b"
                r".{0,50}\b(locat(ions?|ed)|where)\b", re.I),
     _camera_totals,
     "Camera locations are usually withheld under s31 (they show where crime would go "
     "unseen); the number of cameras and the policy are routinely published."),
    (re.compile(r"\bransom", re.I),  # not 'bonuses paid to them
     _ransom_yes_no,
     "Whether a ransom was paid is sometimes confirmed, and the public interest in it is "
     "strong; the amount, how it was paid and who the attackers were are what s31 protects, "
     "and some authorities neither confirm nor deny even the fact under s31(3)."),
    (ONE_PERSONS_RECORDS, _records_as_review, _RECORDS_WHY),
    (_PLACES_WITH_ADDRESSES, lambda q, body: _places_by_area(q), _PLACES_WHY),
    (_SECURITY_REVIEW, _security_summary,
     "The detail of a security review is what s31 protects (for a prison, s31(1)(f): the "
     "security of the establishment); its overall rating and the actions agreed reveal no "
     "weakness that could be exploited and are more often released."),
    (_AGREEMENT_COPIES, _agreement_template,
     "Agreements with named staff are their personal data (s40(2)) and usually confidential "
     "(s41); the standard template shows the terms used without either, and the number of "
     "agreements is not personal data."),
    (_vouched(r"(?i:\b(names?\b[^.?;]{0,40}\b(staff|officers?|employees?|individuals?|people|"
                r"persons?|councillors?|officials?)|named (staff|officers?|individuals?)|who (is|"
                r"are|was|were) the (person|officer|individual)s?|employee details)\b)|"
                + NAMES_PEOPLE),
     lambda q, body: None if names_public_figures(q) else _anonymised(q),
     lambda text: _why_without_names(text)),
    (re.compile(r"\b(all (information|correspondence|records|emails|documents)|since (19|20)\d\d|"
                r"any and all)\b", re.I),
     lambda q, body: _narrowed(q),
     "Broad 'all information' requests and long periods are refused under the s12 cost limit; "
     "a list of what is held to choose from, or a shorter period, fits within it, and the s16 "
     "sentence turns a flat refusal into advice."),
    # prices a contract was let at, not 'availability rate' or 'sickness absence rate'
    (re.compile(r"^(?=.*\b(?:contracts?|suppliers?|tenders?|procure\w*|frameworks?|bids?|"
                r"vendors?|consultan\w*|agenc(?:y|ies)|contractors?)\b).*\b(unit (price|cost|"
                r"rate)s?|(hourly|day|daily|charging|charge-out|contract) rates?|rates? (paid|"
                r"charged)|pricing|tender (bids?|scores?)|bids?)\b", re.I),
     _fixed("What was the total value of the contract as awarded, and when was it awarded?"),
     "Total value after award is usually disclosed; unit prices and bids draw s43 refusals."),
    # 'Why did the council close the library?': the records of the decision, not an explanation
    # (one's own complaints or letters are for a subject access request: no FOI wording)
    (re.compile(r"^\s*(?:and |so |but |please tell me )?why\b", re.I),
     lambda q, body: None if OWN_DEALINGS.search(q) else recorded_reasons(q),
     "FOI gives access to recorded information, not to explanations: a question asking why is "
     "often answered 'not held', while the records of the decision are held and can be given."),
])


# 'the idiot responsible for highways', 'your useless planning officer', '... while my road
# falls apart?': words a rewording, pasted as it stands, must not carry
_INSULT = re.compile(r"\b(?:idiots?|clowns?|crooks?|morons?|imbeciles?|liars?|jokers?|fools?|"
                     r"cretins?)\b", re.I)
_INSULTING = re.compile(r"\b(?:useless|incompetent|lazy|corrupt|pathetic|clueless|lying|"
                        r"hopeless|stupid|idiotic)\s+(?=[a-z])", re.I)
_AGGRIEVED_ASIDE = re.compile(r",?\s+(?:while|whilst) (?:my|our|i|we|people|residents|"
                              r"taxpayers|the public|everyone)\b[^?.!;]*", re.I)


# '... and how much they were bribed': an accusation put as a question, which no record answers
# and which is what makes a request read as vexatious
_ACCUSATION = re.compile(r",?\s+(?:and|or)\s+(?:how much|who|whether|when|why|how|what)\b"
                         r"[^?.!;]*?\b(?:brib(?:e|ed|es|ery)|kickbacks?|backhanders?|paid off|"
                         r"lied|lying|covered up|cover[- ]up|fiddled|stole|stolen|"
                         r"embezzl\w*)\b[^?.!;]*", re.I)


def civil(question: str) -> str:
    """The question in civil words: 'the idiot responsible' -> 'the officer responsible',
    'useless' and the like dropped, an aggrieved aside ('while my road falls apart') and an
    accusation put as a question ('and how much they were bribed') cut."""
    question = _ACCUSATION.sub("", question)
    said = _INSULT.sub(lambda m: "officers" if m.group(0).lower().endswith("s") else "officer",
                       question)
    said = _INSULTING.sub("", said)
    return _AGGRIEVED_ASIDE.sub("", said)


_ANONYMISED_WHY = ("Anonymised aggregates are not personal data, so s40 falls away; senior "
                   "officials acting officially are usually named anyway.")
# what a personal-data rewording asks for instead of names, and why that should fare better
_WITHOUT_NAMES_WHY = [
    (re.compile(r"\bpublic role\b", re.I),
     "People acting in a public role (councillors, senior officials) are named as a matter of "
     "course: their official acts and expenses are not private, and are often published."),
    (re.compile(r"\bredact", re.I),
     "s40(2) covers the personal details of junior staff and members of the public, not the "
     "whole document: the rest is released with those details redacted, and senior officials "
     "acting officially are usually named."),
    (re.compile(r"\b(?:job titles?|grades?|ranks?)\b", re.I),
     "A job title, grade or rank held by more than a few people identifies no one, and senior "
     "officials' names are usually given: s40(2) protects junior staff's names."),
]


def _why_without_names(text: str) -> str:
    """Why a rewording that asks without names should fare better, by what it asks instead."""
    return next((why for rx, why in _WITHOUT_NAMES_WHY if rx.search(text)), _ANONYMISED_WHY)


def pattern_rewordings(question: str, limit: int = 2, body: str | None = None
                       ) -> list[Rewording]:
    """Exemption-specific rewrites whose trigger the question matches; `body` names the
    addressee in them (by default read from the question, else 'the authority')."""
    question = civil(plain_question(question))
    body = body or body_noun(None, question)
    out: list[Rewording] = []
    for trigger, rewrite, why in PATTERNS:
        if trigger.search(question):
            text = rewrite(question, body)
            text = pasteable(text) if text else None
            if text and text.lower() != question.lower() and all(r.text != text for r in out):
                out.append(Rewording(text, why(text) if callable(why) else why))
        if len(out) >= limit:
            break
    return out


_QUESTION_START = re.compile(r"(how|what|which|who|when|where|why|whether|is|are|do|does|did|"
                             r"has|have|can|could|please|would)\b", re.I)


def as_request(text: str) -> str:
    """A precedent's question, possibly a summary fragment, as a sentence one can paste."""
    text = _tidy(text.rstrip(".:;, "))
    if re.match(r"(i|we|my|our|please|kindly)\b", text, re.I):
        return text if text.endswith((".", "?")) else text + "."
    if re.match(r"(for|in|by|from|during|over|since|between|per|each)\b", text, re.I):
        text = "Please provide, " + text[:1].lower() + text[1:]
        return text + "."
    if not _QUESTION_START.match(text):
        body = text[:1].lower() + text[1:]
        article = "" if re.match(r"(?:the|a|an|any|all)\b", body) else "the "
        text = f"Please provide {article}{body}"
        return text if text.endswith((".", "?")) else text + "."
    return text if text.endswith(("?", ".")) else text + "?"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


_FORMS = (("count", re.compile(r"\bhow many\b|\bnumber of\b|\bhow often\b", re.I)),
          ("amount", re.compile(r"\bhow much\b|\b(?:total|annual|overall) (?:cost|spend|"
                                r"value|budget|amount)|\bcost of\b|\bspen[dt] on\b|\bbudget\b|"
                                r"\bpercentage\b", re.I)),
          ("yes/no", re.compile(r"^(?:please confirm )?(?:whether|do|does|did|is|are|was|were|"
                                r"has|have|had|can|could)\b", re.I)),
          ("which", re.compile(r"\b(?:which|who)\b|\bwhat (?:company|supplier|software|system|"
                               r"product)|\bnames? of\b", re.I)),
          ("document", re.compile(r"\bcop(?:y|ies)\b|\bpolicy\b|\bpolicies\b|\breports?\b|"
                                  r"\bminutes\b|\bdocuments?\b", re.I)))


# the forms a past wording may take for a question of each form: a count stays a count, but a
# sensitive 'which firewall' may become a policy or a yes or no (the usual way round s31)
_KEEPS_FORM = {"count": {"count", "amount"}, "amount": {"amount", "count"},
               "which": {"which", "yes/no", "document"}, "yes/no": {"yes/no", "document", "which"},
               "document": {"document", "yes/no"},
               "other": {"count", "amount", "which", "yes/no", "document", "other"}}


def _forms_for(original: str) -> set[str]:
    """The forms a past wording may take for `original`: for names of members of the public,
    the count they were for (s40's usual way round), never another name."""
    if asks_who_people_are(original) and not names_public_figures(original):
        return {"count", "amount", "yes/no", "document"}
    return _KEEPS_FORM.get(_form(original), {"other"})


def _form(question: str) -> str:
    """What kind of answer a question asks for (a count, an amount, yes or no, a name, a
    document): a past wording that asks for another kind is another question."""
    return next((name for name, rx in _FORMS if rx.search(question)), "other")


_PROPER = re.compile(r"(?<=[a-z,;:&] )[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*|\b[A-Z]{2,}[a-z]*\b")
_COMMON_CAPS = frozenset(["I", "FOI", "EIR", "ICO", "IT", "ICT", "CCTV", "ANPR", "NHS", "UK",
                          "GDPR", "PCN", "PCNs", "HMO", "HMOs", "SEND", "Council", "Councils",
                          "Police"])


def _names_others(candidate: str, original: str) -> bool:
    """Whether a past wording names a place, body, department or product the user's question
    does not ('the Housing Register software', 'Sheffield'): pasted, it asks about theirs."""
    mine = original.lower()
    return any(name not in _COMMON_CAPS and name.lower() not in mine
               for name in _PROPER.findall(candidate))


def usable_wording(candidate: str, original: str) -> bool:
    """A precedent's wording is worth offering when it is a whole question, not a fragment of a
    summary, not simply the user's own question again, and able to stand alone (not 'the
    above cases', not 'Please note: if you are unable ...')."""
    words = candidate.split()
    if len(words) < 6 or len(candidate) > 400 or not re.match(r"[A-Za-z]", candidate):
        return False
    if candidate.count("(") != candidate.count(")") or candidate.rstrip().endswith(":"):
        return False  # cut from a summary mid-list: "(by type: pistol"
    if _LEANS_ON_OTHERS.search(candidate):
        return False
    a, b = _words(candidate), _words(original)
    return len(a & b) / (len(a | b) or 1) < 0.8


# 'the above cases', 'these', 'all of this', 'Please note: if you are unable to ...': a
# wording that leans on the rest of its own request, or is its boilerplate
_LEANS_ON_OTHERS = re.compile(
    r"\b(?:above|aforementioned|these|those|the same|all of this|such|said)\b|^(?:please note|"
    r"if (?:you are unable|any (?:element|part)|this|it)|in addition|also)\b", re.I)
# words every FOI question shares: no sign that two questions ask about the same thing
_GENERIC_WORDS = (
    "the a an of to in on for and or is are was were be by with from at as it this that you your "
    "do does did have has had any all what how many much which who when where whether if so "
    "please provide number total information council councils authority force trust department "
    "annual year years yearly each per last past current currently data details list copy "
    "give tell confirm can could would will i we my our me us their there been its time "
    "financial period since between including include "
    # who does the work says nothing of what it is about: 'staff in your IT security team' and
    # 'staff members of your elective home education team' share only these
    "staff team teams member members work works working employ employed people make up")
_GENERIC = frozenset(_GENERIC_WORDS.split())


@lru_cache(maxsize=1024)
def _topic(text: str) -> frozenset[str]:
    """A text's topic words. Cached: a draft's revision compares every rewording with every
    other question, so one check asks this of the same few texts a hundred times."""
    return frozenset(w[:6] for w in _words(text)
                     if w not in _GENERIC and not w.isdigit() and len(w) > 2)


_DAY_DATE = re.compile(r"\b\d{1,2}(?:/\d{1,2}/\d{2,4}|(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|"
                       r"jun|jul|aug|sep|oct|nov|dec)\w*)", re.I)
CLOSE_ENOUGH = 0.8  # a past question this close is about the same thing, whatever its words


def _on_topic(candidate: str, original: str) -> bool:
    """Whether a past question asks about what the user asks: it shares at least one topic word
    ('ANPR', 'ransomware', 'salaries'), and half of them when the user's question has few."""
    mine, theirs = _topic(original), _topic(candidate)
    shared = mine & theirs
    return bool(shared) and len(shared) >= min(2, (len(mine) + 1) // 2)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _other_period(candidate: str, original: str) -> bool:
    """Whether a past wording names a year the user's question, which names its own period
    ('the last five years', 'in 2021'), does not: pasted, it would ask about another time."""
    theirs = set(_YEAR.findall(candidate))
    return bool(theirs) and bool(_NAMES_PERIOD.search(original)) and \
        not theirs <= set(_YEAR.findall(original))


def precedent_rewordings(precedents: Sequence, original: str = "", min_similarity: float = 0.6,
                         limit: int = 2) -> list[Rewording]:
    """Wordings of similar questions that were answered, with the precedent cited."""
    out: list[Rewording] = []
    for p in precedents:
        if p.outcome != "answered" or p.similarity < min_similarity:
            continue
        if _DAY_DATE.search(p.question) and not _DAY_DATE.search(original):
            continue  # someone else's dates ('during 20/04/24 - 26/04/24') are not the user's
        if original and _other_period(p.question, original):
            continue  # 'during the 2023 calendar year' for a question about the last five years
        if not usable_wording(p.question, original) or any(
                r.text == as_request(p.question) for r in out):
            continue
        if p.similarity < CLOSE_ENOUGH and original and not _on_topic(p.question, original):
            continue  # 'the average spend on homelessness software' for a cyber budget
        if original and _names_others(p.question, original):
            continue  # '... of the marketing Sheffield & City Futures department'
        if original and _form(p.question) not in _forms_for(original):
            continue  # a count asked for is not answered by 'Whether officers have ...?'
        if original and len(_words(original) - _GENERIC) <= 1:
            continue  # 'How many were refused?' means what its draft says; no wording does
        if original and _another_persons_identity(p.question, original):
            continue  # 'Who rescinded the notice?' for the names of people served with one
        up, down = cues(p.question)
        if len(up) > len(down):  # answered once, but with what draws refusals ('each month')
            continue
        when = f", {p.date}" if p.date else ""
        ref = f", ref {p.reference}" if p.reference else ""
        out.append(Rewording(as_request(p.question),
                             f"A similar question was answered by {p.authority or 'an authority'}"
                             f"{when}{ref}: asking it this way has worked.", (p.id,)))
        if len(out) >= limit:
            break
    return out


# 'Who rescinded the notice?', '..., and who authorised it?': a question whose answer is a
# person, not 'the people who were served' (a relative clause)
_ASKS_WHO = re.compile(r"^\W*(?:(?:please )?(?:tell me|confirm|state|say|advise|explain) )?who\b|"
                       r"[,;:]\s*(?:and |or )?who\b", re.I)


def _another_persons_identity(candidate: str, original: str) -> bool:
    """Whether a past wording asks who someone is where that is no fix: for a question that
    asks who members of the public are (s40's ground), any 'who ...?' or names; for a question
    that asks no one's name, names it did not ask for. Public figures' names may stay names."""
    if names_public_figures(original):
        return False
    if ABOUT_PEOPLE.search(original) or asks_who_people_are(original):
        return bool(_ASKS_WHO.search(candidate) or ABOUT_PEOPLE.search(candidate)
                    or asks_who_people_are(candidate))
    return bool(ABOUT_PEOPLE.search(candidate) or asks_who_people_are(candidate))


_ASKS_FOR_DOCUMENT = re.compile(r"\b(cop(y|ies)|policy|policies|procedures?|reports?|minutes|"
                                r"documents?|guidance|strategy|assessments?|plans?|charts?|"
                                r"structures?|advice|briefings?|submissions?|correspondence|"
                                r"papers|readouts?)\b", re.I)
_FALLBACKS = {  # likely section -> (what to add to the question, why it should fare better)
    "s12": ("Please limit this to the last financial year and to information held centrally. "
            + S16_SENTENCE,
            "Refusals under the s12 cost limit turn on how long the search takes: a single year "
            "held in one place fits within the limit, and the s16 sentence obliges the authority "
            "to say how to narrow the request rather than refuse it flat."),
    "s14": ("I am asking for this once, for the last financial year only, and not as part of "
            "any campaign or dispute. " + S16_SENTENCE,
            "s14 refusals weigh the burden and the purpose of a request: a narrow, one-off "
            "request with a clear purpose is hard to call vexatious."),
    "s40": ("Please give anonymised totals only, with numbers under five suppressed if "
            "necessary. I am not asking for anyone's name or personal details.",
            "Anonymised totals are not personal data, so s40 falls away."),
    "s43": ("Please give the total values only, for contracts already awarded. I am not asking "
            "for unit prices, rates or bids.",
            "Totals after award are usually disclosed; unit prices and bids are what s43 "
            "refusals protect."),
    "s35": ("If the advice or discussion itself is withheld, please provide the factual and "
            "statistical information it drew on, and the dates and subjects of the papers.",
            "s35 protects the policy debate, not the facts: once a decision is taken, the "
            "statistics behind it no longer count as its formulation (s35(2)), the public "
            "interest in factual background weighs for release (s35(4)), and dates and "
            "subjects reveal no advice."),
    "s21": ("If this is already published, please tell me exactly where (a link or document "
            "title and page).",
            "An s21 refusal means the information is already accessible: the authority must "
            "still say where, which answers the question."),
}
TARGETED_SECTIONS = frozenset(_FALLBACKS)
# in capitals, as dates are written: 'may' and 'march' are verbs too
_MONTHS = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
# a question that says when ('in 2023', 'broadcast last March', 'the meeting of 12 May', 'last
# week'): a 'last financial year' added to it would contradict or mean nothing
_NAMES_PERIOD = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:last|past|previous) (?:\w+ ){0,2}(?:years?|months?|weeks?|"
    r"financial years?)\b|\bsince\b|"
    rf"\b(?:last|this|in|on|during|\d{{1,2}}(?:st|nd|rd|th)?(?: of)?) {_MONTHS}\b|"
    rf"\b{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
    r"\b(?:yesterday|today|this (?:week|month|year|quarter|term)|last (?:week|month|year|quarter|"
    r"term|spring|summer|autumn|winter))\b", re.I)
_WORD_NUMBERS = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "fifteen": 15, "twenty": 20}
# 'the last ten years', 'since 2010': a period long enough that narrowing it is the help
_LONG_PERIOD = re.compile(r"\b(?:last|past|previous) (\d+|" + "|".join(_WORD_NUMBERS) +
                          r") (?:financial |calendar )?years\b|\bsince ((?:19|20)\d\d)\b", re.I)
_LONG_FROM = 4  # years: the s12 sentence narrows a period to the last three financial years


def _long_period(text: str) -> bool:
    """Whether the question asks over four years or more ('the last ten years', 'since 2015'),
    which a shorter period helps under the cost limit; a named year or event is no such."""
    from datetime import date

    for m in _LONG_PERIOD.finditer(text):
        if m.group(2):
            if date.today().year - int(m.group(2)) >= _LONG_FROM:
                return True
        elif int(_WORD_NUMBERS.get(m.group(1).lower(), m.group(1) if m.group(1).isdigit()
                                   else 0)) >= _LONG_FROM:
            return True
    return False
# 'How many tasers does the force own?': what is held now, which no period narrows
_STOCK = re.compile(r"\b(?:currently|at present|as of|now|in use)\b|\b(?:makes?|models?)\b(?: "
                    r"(?:and|or) \w+)? of\b|^(?:please (?:also )?tell me )?"
                    r"(?:how many|what|which)\b.*\b(?:do|"
                    r"does)\b.*\b(?:own|have|hold|operate|employ|run|manage|use)\b", re.I)
# 'the University's policy on free speech', 'the asbestos register': one document, no period
_ONE_DOCUMENT = re.compile(r"\b(?:policy|policies|procedures?|registers?|strategy|guidance|plan|"
                           r"code of (?:practice|conduct)|terms of reference)\b", re.I)
_CURRENT = ("Please provide the current version only. " + S16_SENTENCE,
            "A single current document takes minutes to find: the cost limit turns on search "
            "time, and the s16 sentence obliges the authority to say how to narrow the request "
            "rather than refuse it flat.")
_COST_CENTRAL = ("Please limit this to information held centrally. " + S16_SENTENCE,
                 "Refusals under the s12 cost limit turn on how long the search takes: "
                 "information held in one place fits within the limit, and the s16 sentence "
                 "obliges the authority to say how to narrow the request rather than refuse it "
                 "flat.")
_COST_SHORTER = ("Please limit this to the last three financial years and to information held "
                 "centrally. " + S16_SENTENCE,
                 "Refusals under the s12 cost limit turn on how long the search takes: a long "
                 "period multiplies it, three recent years held in one place usually fit within "
                 "the limit, and the s16 sentence obliges the authority to say how to narrow the "
                 "request rather than refuse it flat.")
_REDACT_NAMES = ("If it names junior staff or members of the public, please redact those names "
                 "and release the rest; senior officers' names and job titles are usually "
                 "published.",
                 "s40 protects individuals, not documents: with junior staff's and the public's "
                 "names redacted, the rest is not personal data, and senior officers acting "
                 "officially are usually named anyway.")
_S40_YES_NO = ("I am not asking for anyone's name or for any detail that would identify them.",
               "A yes or no that identifies no one is not personal data; where even that would "
               "point to one person, the authority may neither confirm nor deny (s40(5)), so "
               "asking for no names or identifying details keeps the question answerable.")
_PUBLIC_NAMES = ("I am asking about them only in their public role, in which they are usually "
                 "named; if any name is withheld, please say which exemption applies to it and "
                 "release the rest.",
                 "Councillors, board members and senior officials acting officially are "
                 "usually named (s40 protects private lives, not public roles); asking for the "
                 "exemption relied on and the rest turns a refusal of one name into a partial "
                 "answer.")
# advice or deliberation withheld under s36 (outside a government department): its facts are
# the part the prejudice to frank advice does not reach
_S36_FACTS = ("If the advice or deliberation itself is withheld, please release its factual and "
              "statistical content, and the rest with only the exempt passages redacted.",
              "s36 protects the free and frank giving of advice and exchange of views, not the "
              "facts they drew on: factual and statistical content is usually released, and the "
              "authority must release what no exemption covers.")
_REDACT = ("If any part of this is exempt, please release the rest with only the exempt passages "
           "redacted, and say which exemption applies to each.",
           "Authorities must release the parts of a document no exemption covers; asking for "
           "redaction rather than the whole turns a refusal into a partial disclosure.")
# NCND: a yes or no is exactly what the authority withholds, so a yes/no question asks for the
# policy instead, whose existence says nothing about any case
_NCND_POLICY = ("If confirming or denying this would itself be exempt, please provide instead "
                "{body}'s policy or procedure on the matter.",
                "Similar questions were met with neither confirm nor deny: even a yes or no "
                "would reveal what the authority protects, so it is the one answer withheld; a "
                "policy says nothing about any case and is usually given.")
_YES_NO = ("A yes or no answer is enough: I am not asking for details of systems, suppliers, "
           "locations or incidents.",
           "Refusals on similar questions protected operational detail (which system, where, "
           "which incident); a plain yes or no about what {body} has in place reveals none of "
           "it.")
_YES_NO_AS_ASKED = ("Nothing in this question needs narrowing for the cost limit: a yes or no "
                    "takes minutes to find, so send it as it is. If it is refused, ask which "
                    "exemption applies and why.")
# "whether you hold Cyber Essentials", "Do you have a policy...?": asks if something is so
_ASKS_YES_NO = re.compile(r"^(?:please confirm )?(?:whether|do|does|did|is|are|was|were|has|have|"
                          r"had)\b(?!.*\bhow (?:many|much)\b)", re.I)
# a yes or no about what a body has, uses or holds ('Does the force use Cellebrite?', 'whether
# you hold Cyber Essentials'): the one kind that 'not asking for details of systems' fits
_HAS_IN_PLACE = re.compile(r"\b(?:use[sd]?|using|have|has|hold|holds|held|operate[sd]?|"
                           r"deploy(?:s|ed)?|own|owns|in place|run|runs|subscribe[sd]?)\b|"
                           + _CYBER_WORDS, re.I)
# 'Where are they located?', 'the locations of ...': a total would not answer it
_ASKS_WHERE = re.compile(r"^\W*where\b|\blocations?\b|\baddress(?:es)?\b", re.I)
_BY_AREA = ("A count for each area (ward, district or division) is enough: I am not asking for "
            "exact locations or addresses.",
            "Exact locations are what authorities withhold (they show where a crime would go "
            "unseen or a building is weak); counts by area reveal none of it and are usually "
            "given.")
_WHICH = ("If naming them is what is exempt, please give their number instead, and say which "
          "exemption applies.",
          "A refusal protects the names (which system, which supplier, which officers); their "
          "number reveals none of that, and the authority must still say which exemption "
          "applies.")
# the breakdown a question asks for ('..., by country of domicile', 'broken down by ethnicity',
# 'at each site'): the user's own, kept unless it is what draws the refusal
_BREAKDOWN = re.compile(r"(?:,\s*(?:broken down\s+|split\s+|analysed\s+)?by|\bbroken down by|"
                        r"\bsplit by|\b(?:for|in|at|on|from) (?:each|every))\s+(?:the\s+)?"
                        r"(?P<by>[\w'’ -]+?)(?=\s*[?.,;]|\s*$)", re.I)
# a breakdown that shows where or through what an authority is weak, or who: the split s31,
# s38 and s40 refusals protect ('by location', 'at each camera site', 'by officer')
_SENSITIVE_SPLIT = re.compile(r"\b(?:locations?|sites?|address(?:es)?|streets?|postcodes?|"
                              r"cameras?|systems?|products?|software|suppliers?|vendors?|"
                              r"devices?|individuals?|persons?|officers?|named|cases?|incidents?|"
                              r"premises|buildings?)\b", re.I)
# figures that no breakdown makes sensitive: a workforce's size, a post's pay, a budget, a
# petition's signatures, enrolments ('How many police officers did the force employ?')
_PLAIN_FIGURE = re.compile(r"\b(?:employ(?:s|ed)?|headcount|workforce|establishment|signed|"
                           r"signatures?|petitions?|budgets?|salar(?:y|ies)|remuneration|"
                           r"enrol(?:l?ed|ments?)|dismissed|recruited|resigned|left the)\b|"
                           r"^\W*budget\W*$", re.I)
_IT_SUBJECT = re.compile(_CYBER_WORDS + r"|\b(?:software|systems?|servers?|networks?|"
                         r"(?-i:IT)|ict|computers?|laptops?|devices?)\b", re.I)
_PEOPLE_COUNTED = re.compile(rf"\b(?:{PRIVATE_PEOPLE}|staff|officers?|employees?|students?|"
                             r"households|women|men|girls|boys|adults|workers|nurses|doctors|"
                             r"teachers|drivers)\b", re.I)


_PLACE_SPLIT = re.compile(r"\b(?:locations?|sites?|address(?:es)?|streets?|postcodes?|"
                          r"cameras?|premises|buildings?)\b", re.I)


def _parts_for(question: str) -> str:
    """The breakdowns a whole-authority total stands in for, in the question's own field:
    'system or product' is IT language, no part of a question about assaults or overtime,
    and a sum of money is split by supplier or payment, not by case."""
    if _IT_SUBJECT.search(question):
        return "location, system or product"
    if _form(question) == "amount":
        return "location, supplier or individual payment"
    return "location, team or individual case"


def _sensitive_split(question: str) -> re.Match | None:
    """The breakdown the question asks for, if it is one that draws refusals ('by location')."""
    return next((m for m in _BREAKDOWN.finditer(question)  # 'ethnicity of the person': no
                 if _SENSITIVE_SPLIT.search(re.split(r"\s+of\s+", m.group("by"))[0])), None)


def _total_instead(question: str, body: str, split: re.Match) -> Rewording:
    """'How many assaults were there in 2023, by location?' -> the question without the split,
    a total for the body or for each area instead, and the split named as not asked."""
    kept = _tidy(question[:split.start()] + question[split.end():])
    end = "?" if question.rstrip().endswith("?") else "."
    asked = pasteable(kept.rstrip(" ?.,;") + end)
    by = split.group("by").strip()
    area = ", or for each ward or district," if _PLACE_SPLIT.search(by) else ""
    return Rewording(f"{asked} A total for {body} as a whole{area} is enough: I am not asking "
                     f"for a breakdown by {by}.",
                     f"A breakdown by {by} is the detail that refusals of similar questions "
                     "protect (where, through what, or who); a total reveals none of it and is "
                     "usually given.")


_KEEP_BREAKDOWN_PEOPLE = ("If any figure in the breakdown is small enough to identify someone, "
                          "please show it as 'fewer than five' rather than withhold the "
                          "breakdown.",
                          "A breakdown of people is refused under s40 only where a small number "
                          "could identify someone; asking for small figures to be shown as "
                          "'fewer than five' keeps the breakdown you asked for.")
_KEEP_BREAKDOWN = ("If any part of the breakdown is exempt, please give the rest of it and the "
                   "total, and say which exemption applies.",
                   "Authorities must release what no exemption covers: asking for the rest of "
                   "the breakdown and the total turns a refusal of one figure into a partial "
                   "answer.")
_AS_ASKED = ("Nothing in this question needs narrowing: a single figure for a named period or "
             "date, with no breakdown that draws refusals, is usually given as asked, so send it "
             "as it is. If it is refused, ask which exemption applies and why.")


def sends_as_asked(question: str, text: str) -> bool:
    """Whether a suggested wording is the question itself (`_AS_ASKED`: nothing to narrow),
    which the faces offer as 'send as it is', not as something to try instead."""
    def bare(t: str) -> str:
        return " ".join(t.lower().split()).rstrip(" ?.!")
    return bare(question) == bare(text)


_AGGREGATE_HERE = ("A single figure is enough: I am not asking for a breakdown by date, {parts}.",
                   "Where similar questions are refused, it is for operational detail (when, "
                   "where, which case); a single figure reveals none of it and is usually "
                   "given.")
_AGGREGATE = ("A single figure for {body} as a whole is enough: I am not asking for a breakdown "
              "by {parts}.",
              "Where similar questions are refused, it is for operational detail (where, which "
              "team, which case); a whole-authority total reveals none of it and is usually "
              "given.")
_REST = ("If any part of this is exempt, please give the rest and say which exemption applies.",
         "Authorities must release what no exemption covers; asking for the rest turns a "
         "refusal of one part into a partial answer.")
_ONE_PART_WHY = ("Where similar questions are refused, it is for the detail of which or where; "
                 "the number alone reveals none of it and is usually given.")


# the last part of a compound question that asks how something is done or built, not a figure:
# ', and the source code of the system', 'and the methods used to detect drugs': what s31
# protects, and no 'single figure' answers it
_HOW_IT_WORKS_PART = re.compile(
    r",?\s+(?:and|as well as|plus)\s+(?:also\s+)?(?P<part>(?:the |a |any |its |their )?"
    r"(?:source code|(?:[\w-]+ )?(?:methods?|techniques?|tactics|means|algorithms?)\b"
    r"(?: (?:used|of|for)\b)?)[^?.;]*)[?.]?\s*$", re.I)
# a part that asks for a list, names, a document or a description ('and the names of the
# companies', 'a copy of', 'details of'): a total would not answer it either
_NOT_A_FIGURE = re.compile(r"\bnames? of\b|\blist of\b|\bcop(?:y|ies) of\b|\bdetails of\b|"
                           r"\bdescri(?:be|ption)\b|\bsource code\b|\bmethods?\b|"
                           r"\bprocedures?\b|\bexplain\b", re.I)


def _how_it_works_dropped(question: str) -> Rewording | None:
    """'the number of drug seizures in 2023 and the methods used to detect drugs' -> the
    figures alone, the methods named as not asked: the figures are usually given, how
    detection or a system works is what law-enforcement refusals protect."""
    part = _HOW_IT_WORKS_PART.search(question)
    kept = question[:part.start()].strip(" ,;") if part else ""
    if not part or len(kept.split()) < 4 or _form(kept) not in ("count", "amount"):
        return None
    end = "?" if re.match(r"\W*(?:how|what|which|is|are|do|does|did)\b", kept, re.I) else "."
    head, comma, last = kept.rpartition(", ")
    if comma and not re.match(r"(?:and|or)\b", last, re.I):  # 'a, b' -> 'a, and b'
        kept = f"{head}, and {last}"
    figures = "figures alone are" if comma or " and " in kept else "figure alone is"
    dropped = part.group("part").strip(" ?.")
    return Rewording(_tidy(f"{pasteable(kept + end)} The {figures} enough: I am not asking "
                           f"for {dropped}."),
                     f"{dropped[:1].upper()}{dropped[1:]} would show how detection or a system "
                     "works, which is what s31 refusals protect; the figures reveal none of it "
                     "and are usually given.")


def _figure_rewording(question: str, asked: str, body: str, section: str | None
                      ) -> Rewording:
    """The last resort for a figure: a breakdown that draws refusals is given up for a total;
    one the user asked for that draws none is kept, with small numbers or exempt parts let go;
    a figure that needs no narrowing (a headcount, a post's pay, a petition's signatures, or
    one only the corpus's cost prior put at risk) is asked as it is; any other figure under a
    harm-based ground is asked as a single total, in the words of its own field."""
    if section is not None and (dropped := _how_it_works_dropped(question)):
        return dropped
    if split := _sensitive_split(question):
        return _total_instead(question, body, split)
    if _BREAKDOWN.search(question):
        keep = _KEEP_BREAKDOWN_PEOPLE if _PEOPLE_COUNTED.search(question) else _KEEP_BREAKDOWN
        return Rewording(_tidy(f"{asked} {keep[0]}"), keep[1])
    if section is None or _PLAIN_FIGURE.search(question):  # nothing added to it
        return Rewording(asked, _AS_ASKED)
    if _form(question) not in ("count", "amount") or _NOT_A_FIGURE.search(question):
        # 'What was the outcome?', '..., and the names of the companies': no figure answers it
        return Rewording(_tidy(f"{asked} {_REST[0]}"), _REST[1])
    added, why = _AGGREGATE_HERE if _names_a_place(question) else _AGGREGATE
    parts = _parts_for(question)
    if added is _AGGREGATE_HERE[0]:
        parts = parts.replace("location, ", "")
    return Rewording(_tidy(f"{asked} {added.format(body=body, parts=parts)}"), why)


def fallback_rewording(question: str, section: str | None = None, body: str | None = None,
                       context: str = "", ncnd: bool = False) -> Rewording:
    """When no pattern or answered precedent fits: the user's own question, kept whole, with the
    limit that the likely exemption calls for (a narrower period and the s16 sentence for the
    cost limit, anonymised totals for personal data...); for any other exemption, redaction
    for a document and a whole-authority total for anything else. `ncnd`: the likely ground
    is usually met with neither confirm nor deny, so a yes or no is no way round it."""
    question = civil(plain_question(question))
    body = body or body_noun(None, question)
    asked = pasteable(question)
    if section == "s12" and (sensitive := _sensitive_part_dropped(question)):
        return sensitive  # the addresses or names are what draws the refusal, not the cost
    if section == "s12" and not _ASKS_YES_NO.match(question.strip()) \
            and not costly(question, context):
        # s12 tops a list the corpus prior fills: nothing here is broad; a senior post's pay
        # is in the published accounts (s21) if anywhere
        section = "s21" if _SENIOR_PAY.search(question) else None
    # the period may be named by the question a follow-up hangs on (`context`)
    if ncnd and _ASKS_YES_NO.match(question.strip()):
        added, why = _NCND_POLICY
    elif section == "s12" and _ASKS_YES_NO.match(question.strip()) \
            and _HAS_IN_PLACE.search(question):
        added, why = _YES_NO  # 'Does the force use Cellebrite?' costs nothing to answer
    elif section == "s12" and _ASKS_YES_NO.match(question.strip()):
        return Rewording(asked, _YES_NO_AS_ASKED)  # 'whether any officer is under
        # investigation': a yes or no costs nothing, and no systems are in it
    elif section == "s12" and (shorter := _shortened(question)):
        # 'in each of the last five years' -> '... the last three financial years': the
        # question's own period replaced, not contradicted by another added after it
        asked, (added, why) = pasteable(shorter), (_COST_CENTRAL[0], _COST_SHORTER[1])
    elif section == "s12" and (yearly := _open_years(question, context)):
        asked, (added, why) = pasteable(yearly), (_COST_CENTRAL[0], _COST_SHORTER[1])
    elif section == "s12" and _long_period(f"{context} {question}"):
        added, why = _COST_SHORTER  # the question it follows asks 'the last ten years'
    elif section == "s12" and (_NAMES_PERIOD.search(f"{context} {question}")
                               or _STOCK.search(question)):
        added, why = _COST_CENTRAL  # it names its period, or asks what is held now: no year
    elif section == "s12" and _ONE_DOCUMENT.search(question):
        added, why = _CURRENT  # a policy or register has no financial year
    elif names_public_figures(question):  # councillors' names: no 'total' or 'number' of them
        added, why = _PUBLIC_NAMES
    elif section == "s40" and (public := _public_office_kept(question)):
        return Rewording(public, _PUBLIC_OFFICE_WHY)
    elif section == "s40" and (addresses := _without_addresses(question)):
        return Rewording(addresses, "Addresses identify the people who live there; distances or "
                         "counts by area are not personal data, so s40 falls away.")
    elif section == "s40" and (homes := _homes_as_count(question)):
        return Rewording(homes, "Where someone lives is their personal data (s40(2)); " + (
            "how many live near a place is no one's, and is usually given." if
            homes.startswith("How many") else "the work address of a post is public."))
    elif section == "s40" and (counted := _list_as_count(question)):
        return Rewording(counted, _FALLBACKS["s40"][1])
    elif section == "s40" and _NAMES_OF.search(question):  # the count the names were for
        kept = _anonymised(question)
        return Rewording(kept, _REDACT_NAMES[1] if kept.endswith(_REDACTED_NOT_TOTALS)
                         else _FALLBACKS["s40"][1])
    elif section == "s40" and _ASKS_YES_NO.match(question.strip()):
        added, why = _S40_YES_NO  # 'whether any officer is under investigation': no totals
    elif section == "s40" and _asks_for_document(question):
        added, why = _REDACT_NAMES  # an organisation chart has no 'anonymised total'
    elif section == "s40":  # it says no names are wanted: the clause asking them goes
        asked, (added, why) = pasteable(without_names(question)), _FALLBACKS["s40"]
    elif section in _FALLBACKS:
        added, why = _FALLBACKS[section]
    elif section == "s36" and _asks_for_document(question):
        added, why = _S36_FACTS
    elif _asks_for_document(question):
        added, why = _REDACT
    elif _form(question) in ("count", "amount") and (split := _sensitive_split(question)):
        return _total_instead(question, body, split)  # 'How many assaults ..., by location?'
    elif _ASKS_WHERE.search(question):
        return Rewording(_tidy("Instead of exact locations or addresses, please give a count for "
                               f"each area (ward, district or division) for this request: {asked}"),
                         _BY_AREA[1])
    elif _ASKS_YES_NO.match(question.strip()) and _HAS_IN_PLACE.search(question):
        added, why = _YES_NO
    elif _ASKS_YES_NO.match(question.strip()):  # 'whether any officer is under investigation'
        added, why = _REST  # has nothing to do with systems or suppliers
    elif _LIST_PART.search(question):  # '..., and at which events?': the count alone
        return Rewording(_without_list_part(question), _ONE_PART_WHY)
    elif _form(question) == "which":  # 'Which firearms ...?': no total answers it
        added, why = _WHICH
    else:
        return _figure_rewording(question, asked, body, section)
    return Rewording(_tidy(f"{asked} {added.format(body=body)}"), why.format(body=body))


# what makes a request costly to answer: everything held, a long or open-ended period, a
# breakdown to be compiled ('by ethnicity', 'at each hotel'), many places searched
_BROAD = re.compile(
    r"\b(?:any and all|all|every|any)\s+(?:(?:of the|the|your|its|internal|relevant)\s+)?"
    r"(?:[\w-]+\s+)?(?:information|records?|documents?|correspondence|e-?mails?|letters|"
    r"reports?|files|data|papers|minutes|messages|notes|communications)\b|\bsince\b|"
    r"\bbetween (?:19|20)\d\d\b|\bbroken down\b|\bbreakdown\b|\b(?:by|per|for each|in each|"
    r"at each|for every|each|every)\s+(?:[\w-]+\s+)?(?:month|week|day|year|quarter|ethnicity|"
    r"department|school|ward|station|hospital|site|team|category|type|age|gender|sex|area|"
    r"district|division|location|hotel|prison|establishment|borough|region|unit|service|"
    r"outcome|reason|nationality|religion|disability)s?\b", re.I)


# 'the Vice-Chancellor's total remuneration in 2023/24': published in the annual accounts
_SENIOR_PAY = re.compile(r"^(?=.*\b(?:remuneration|salary|pay|paid|pension contributions|"
                         r"bonus(?:es)?|benefits in kind)\b).*\b(?:vice-chancellor|ceo|"
                         r"chief exec|chief executive|chief constable|chief officer|director|"
                         r"principal|"
                         r"head ?teacher|chair(?:man|woman|person)?|mayor|permanent secretary|"
                         r"accounting officer)s?\b", re.I)


# 'What is the CEO's salary?', 'What is the council's budget for libraries?': one figure as it
# stands now, which no period narrows
_CURRENT_FIGURE = re.compile(r"^\W*what (?:is|are) (?:the |your |its |their |this )?(?:[\w'’-]+\s+)"
                             r"{0,4}?(?:salary|salaries|pay|remuneration|budget|pay band|pay scale|"
                             r"headcount)\b", re.I)


def costly(question: str, context: str = "") -> bool:
    """Whether anything in the question would make it long to answer (what the cost limit
    turns on): a broad class of records, a long or open-ended period, a breakdown. A single
    figure for a named year or a single document is no such, however the corpus prior ranks
    s12 beside it."""
    if _BROAD.search(question) or _long_period(f"{context} {question}") or \
            _ALL_OF.search(question):
        return True
    if _CURRENT_FIGURE.match(question):  # 'What is the CEO's salary?': one figure, held now
        return False
    # a count or an amount with no period and nothing held now ('How much do you spend on
    # overtime?') runs over every year on file; one document ('the policy on X') is narrowed
    # to its current version
    whole = f"{context} {question}"
    return bool(_ONE_DOCUMENT.search(question) or not (
        _NAMES_PERIOD.search(whole) or _STOCK.search(question) or _DAY_DATE.search(whole)
        or re.search(r"\b(?:on|as at|at) (?:that|the same|this) date\b", whole, re.I)))


# 'the last five years', 'over the past ten years', 'since 2015': the question's own long period
_OWN_LONG = re.compile(r"\b(?:in |over |for |during )?(each of |every one of )?the (?:last|past|"
                       r"previous) (?:\d+|" + "|".join(_WORD_NUMBERS) + r") (?:financial |"
                       r"calendar )?years\b|\b(?:in |over |during )?(?:the period )?since "
                       r"(?:19|20)\d\d\b", re.I)


def _shortened(question: str) -> str | None:
    """The question with its own long period ('in each of the last five years', 'since 2015')
    made the last three financial years; None when it names no long period of its own."""
    if not _long_period(question):
        return None
    m = _OWN_LONG.search(question)
    if not m:
        return None
    lead = "in each of" if m.group(1) else "in"
    return _tidy(f"{question[:m.start()]} {lead} the last three financial years"
                 f"{question[m.end():]}")


_EACH_YEAR = re.compile(r"\b(?:in |for )?(?:each|every|per) year\b|\b(?:annually|yearly|year by "
                        r"year)\b", re.I)


def _open_years(question: str, context: str = "") -> str | None:
    """'How much was paid ..., in total, in each year?' (no period named) -> '... in each of
    the last three financial years': 'each year' with no end is every year on file, and a
    'last financial year' added after it would contradict it."""
    if _NAMES_PERIOD.search(f"{context} {question}"):
        return None
    m = _EACH_YEAR.search(question)
    if not m:
        return None
    return _tidy(f"{question[:m.start()]} in each of the last three financial years"
                 f"{question[m.end():]}")


def _sensitive_part_dropped(question: str) -> Rewording | None:
    """Under a cost-limit ground, what another ground would refuse first: addresses or
    locations (s31, s38), members of the public's or staff's names (s40). The rewording drops
    that part; limiting the period of a request for hotel addresses leaves the addresses."""
    if places := _places_by_area(question):
        return Rewording(places, _PLACES_WHY)
    if (asks_who_people_are(question) or ABOUT_PEOPLE.search(question)) \
            and not names_public_figures(question):
        return Rewording(_anonymised(question), _FALLBACKS["s40"][1])
    return None


# 'How many submissions did the minister receive?': a count, whatever it counts
_ASKS_COUNT = re.compile(r"^\W*(?:please (?:also )?tell me )?(?:how (?:many|much|often)|what "
                         r"(?:is|was|are|were) the (?:number|total))\b", re.I)


def _asks_for_document(question: str) -> bool:
    """Whether a document (a policy, a report, advice or briefings to a minister) is asked for,
    which redaction answers, rather than a count of such documents, which a figure answers."""
    return bool(_ASKS_FOR_DOCUMENT.search(question)) and not _ASKS_COUNT.search(question)


def _names_a_place(question: str) -> bool:
    return any(name not in _COMMON_CAPS for name in _PROPER.findall(question))


# '..., and at which events?', 'and what models are they?': the list that draws the refusal
_LIST_PART = re.compile(r",?\s+and\s+(?:at |in |for |from |to )?(?:which|what|where)\b[^?.]*"
                        r"[?.]?\s*$", re.I)


def _without_list_part(question: str) -> str:
    """'How many times was it deployed, and at which events?' -> the count alone, saying what
    is no longer asked in the question's own words ('at which events', 'which supplier provides
    it'): a plain 'which, or where' reads oddly after a rate or an amount."""
    part = _LIST_PART.search(question)
    assert part is not None
    dropped = re.sub(r"^,?\s*and\s+", "", part.group(0)).strip(" ?.")
    kept = _LIST_PART.sub("", question).rstrip(" ?.,")
    if counted := _list_part_counted(kept, dropped):
        return counted
    what = "number" if _ASKS_COUNT.search(question) else "figure"
    return _tidy(f"{pasteable(kept + '?')} The {what} alone is enough: I am not asking "
                 f"{dropped}.")


# 'which settings were found to be operating illegally': who or what, which a count answers
_WHICH_WERE = re.compile(r"^which ([a-z][\w -]*?) (were|was|are|is|have been|has been) (.+)$", re.I)
# 'what were the reasons for each suspension': one case's reasons, which categories answer
_REASONS_EACH = re.compile(r"^what (?:were|was|are|is) the reasons? (?:for|behind) (?:each|every|"
                           r"the) ([a-z][\w -]*)$", re.I)


def _list_part_counted(kept: str, dropped: str) -> str | None:
    """The part a count question would drop, asked in a form that draws no refusal: 'which
    settings were found to be operating illegally' -> how many were; 'what were the reasons
    for each suspension' -> by category of reason. Dropping the part loses what the user
    wanted (often the story itself), where a count or categories keep it."""
    if not _ASKS_COUNT.search(kept):
        return None
    if m := _WHICH_WERE.match(dropped):
        verb = {"is": "are", "was": "were", "has been": "have been"}.get(m.group(2).lower(),
                                                                        m.group(2).lower())
        things = m.group(1)
        asked = pasteable(f"{kept}, and how many {things} {verb} {m.group(3)}?")
        return _tidy(f"{asked} I am not asking which {things} they were.")
    if m := _REASONS_EACH.match(dropped):
        asked = pasteable(f"{kept}, by category of reason?")
        return _tidy(f"{asked} I am not asking for the reasons in any individual {m.group(1)}.")
    return None


# 'Thank you.', 'Many thanks', 'Kind regards', 'Yours faithfully': the close of a letter the
# splitter may leave on its last question; no part of what is asked
_COURTESY = re.compile(r"(?:(?<=[.?!])|^)\s*(?:thank you|thanks|many thanks|kind regards|best "
                       r"regards|regards|best wishes|yours (?:faithfully|sincerely|truly))\b"
                       r"[^.?!]{0,40}[.!]?\s*$", re.I)
# 'I would (also) like to know how many ...', 'Could you tell me ...': a letter's way in, which
# a pasted or numbered question says as a request of its own
_LEAD_IN = re.compile(r"^\s*(?:(?:i am|i'm) writing to (?:ask|find out)|i(?:'d| would)(?: also)? "
                      r"like to (?:know|ask|find out)|i(?: also)? (?:want|wish|demand) to know|"
                      r"(?:could|can|would) you(?: please)?(?: also)? (?:tell me|let me know|"
                      r"confirm))\s*,?\s*(?=(?:how|what|which|who|when|where|why|whether|if)\b)",
                      re.I)
WANTS = re.compile(r"^\s*(?:(?:i am|i'm) writing to request|i(?:'d| would)(?: also)? like "
                    r"(?:to (?:request|receive|see|have)|to be (?:sent|given)))\s+", re.I)


def plain_question(question: str) -> str:
    """The question without a letter's trimmings: a closing courtesy goes ('... stored. Thank
    you.'), and 'I would (also) like to know how many X.' becomes 'Please tell me how many
    X.', so every rewording and numbered line says what is asked the same way, as a sentence
    (a bare 'How many times officers drew a Taser.' is none)."""
    asked = question.strip()
    while (cut := _COURTESY.sub("", asked).strip()) != asked and cut:
        asked = cut
    if m := _LEAD_IN.match(asked):
        rest = asked[m.end():]
        verb = "confirm" if re.match(r"(?:whether|if)\b", rest, re.I) else "tell me"
        asked = f"Please {verb} {rest.rstrip(' ?.')}."
    elif m := WANTS.match(asked):
        asked = f"Please provide {asked[m.end():]}"
    return asked


_WH_START = re.compile(r"(?:how|what|which|who|when|where|why)\b", re.I)
_AUX = frozenset(["do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can",
                  "could", "will", "would", "should"])
_SUBJECT_START = frozenset(["the", "a", "an", "this", "that", "these", "those", "your", "its",
                            "their", "his", "her", "you", "it", "they", "he", "she", "we", "i",
                            "there", "any", "each", "every"])


def _inverted(clause: str) -> bool:
    """Whether a wh- clause reads as a question ('How much did the BBC spend', 'What is the
    rate', 'How many people were arrested'): after the wh- word, an auxiliary comes before any
    subject of its own. 'How many times officers drew a Taser' and 'how many pothole reports
    the council received' are not: said as they are, they need 'Please tell me' before them
    (which reads right before a question-order clause too, so doubt goes that way)."""
    for word in re.findall(r"[\w'’-]+", clause.lower())[1:]:
        if word in _AUX:
            return True
        if word in _SUBJECT_START:
            return False
    return True


def _as_sentence(text: str) -> str:
    """'How many times officers drew a Taser in 2023. Please limit ...' (a wh- clause closed by
    a full stop, as a stripped lead-in leaves it) -> 'Please tell me how many times ...'; a
    direct question so closed gets its question mark."""
    m = re.match(r"([^.?!]+)\.(?=\s|$)", text)
    if not m or not _WH_START.match(text):
        return text
    clause, rest = m.group(1), text[m.end():]
    if _inverted(clause):
        return f"{clause}?{rest}"
    return f"Please tell me {clause[:1].lower()}{clause[1:]}.{rest}"


# 'The number of stop and searches ...', 'Any internal reports on ...': a numbered list's noun
# phrase, which pasted alone is no sentence
_FRAGMENT = re.compile(r"^(?:the (?:number|total|amount|names?|cost|value|dates?|details|"
                       r"percentage|proportion|list)\b|any (?:and all )?[\w-]+(?: [\w-]+)? "
                       r"(?:reports?|documents?|records?|correspondence|e-?mails?|minutes|"
                       r"policies|guidance|papers|briefings?|assessments?|reviews?|audits?|"
                       r"information|data|analysis)\b|any (?:reports?|documents?|records?|"
                       r"correspondence|e-?mails?|minutes|policies|guidance|papers|briefings?|"
                       r"assessments?|reviews?|audits?|information|data|analysis)\b|(?:a )?"
                       r"cop(?:y|ies) of\b|details of\b|a (?:list|breakdown|summary) of\b)"
                       r"(?![^.?!]*\b(?:is|are|was|were|does|do|did|has|have)\b[^.?!]*\?)",
                       re.I)


def pasteable(question: str) -> str:
    """The user's question as a sentence of its own: a bare 'whether you hold X' (a part of
    'Please tell me: (a) ...; (b) whether ...') becomes 'Please confirm whether you hold X.';
    a lead-in and a closing courtesy go (plain_question), and a wh- clause closed by a full
    stop becomes a request or a question."""
    asked = _as_sentence(plain_question(question))
    if _FRAGMENT.match(asked):  # 'The number of those searches that led to an arrest.'
        return f"Please provide {asked[:1].lower()}{asked[1:].rstrip(' ?.')}."
    if re.match(r"whether\b", asked, re.I):
        return "Please confirm " + asked[:1].lower() + asked[1:].rstrip("?.") + "."
    if not asked.endswith(("?", ".")):
        if _WH_START.match(asked) and not _inverted(asked):
            return f"Please tell me {asked[:1].lower()}{asked[1:]}."
        asked += "?" if _QUESTION_START.match(asked) and not asked.lower().startswith(
            "please") else "."
    return asked

# 'Why have you ignored all my complaints?', 'Why did the council close the library?': FOI
# gives access to recorded information, not to explanations; a 'why' is asked for as the
# records behind the decision
_SUBJECT = (r"you|it|they|we|he|she|(?:the|your|its) (?:[\w-]+ ){0,3}?(?:council|force|trust|"
            r"department|authority|service|board|university|college|school|government|"
            r"minister|ministers|police|committee|cabinet|office|executive|officers?|"
            r"managers?|staff|team|company|agency|body|panel|directorate|library|"
            r"commissioner|chief constable)")
_WHY = re.compile(r"^\s*(?:and |so |but )?why\s+(did|does|do|has|have|had|is|are|was|were|"
                  r"would|will|can|could|should)\s+(?:not\s+)?(" + _SUBJECT + r")\s+(not\s+)?"
                  r"([a-z][\w-]*)\b(.*?)[\s?.!]*$", re.I)
# 'Why was the road outside my house not repaired?': any subject before a participle
_WHY_PASSIVE = re.compile(r"^\s*(?:and |so |but )?why\s+(is|are|was|were|has|have|had)\s+"
                          r"((?:the|a|an|your|its|my|this|these|those) [^?]+?)\s+((?:not\s+)?"
                          r"(?:been\s+|being\s+)?[a-z]+(?:ed|en|wn|t))\b(.*?)[\s?.!]*$", re.I)
_WHY_ANY = re.compile(r"^\s*(?:and |so |but |please tell me )?why\b", re.I)
# 'Please tell me why the officers approved it' (a lead-in made a request): the why clause in
# statement order, which needs no turning round
_TELL_ME_WHY = re.compile(r"^\s*please tell me why\s+", re.I)
# 'why the planning department approved my neighbour's extension': a planning decision, whose
# reasons are in the officer's report
_PLANNING = re.compile(r"\bplanning\b|\b(?:extension|planning application|planning "
                       r"permission)\b", re.I)
_PLANNING_TAIL = ("the planning officer's report (or delegated decision report) on the "
                  "application, and any other record of the decision and its reasons.")
_PAST = {"do": "did", "make": "made", "take": "took", "give": "gave", "pay": "paid",
         "say": "said", "send": "sent", "spend": "spent", "let": "let", "put": "put",
         "cut": "cut", "set": "set", "keep": "kept", "leave": "left", "sell": "sold",
         "tell": "told", "choose": "chose", "begin": "began", "buy": "bought", "go": "went",
         "write": "wrote", "hold": "held", "build": "built", "lose": "lost", "have": "had",
         "be": "were", "get": "got", "run": "ran", "stop": "stopped", "ban": "banned",
         "plan": "planned", "scrap": "scrapped", "drop": "dropped", "fit": "fitted",
         "shut": "shut", "win": "won", "bring": "brought", "seek": "sought", "think": "thought",
         "fail": "failed", "refer": "referred", "allow": "allowed"}


def _past(verb: str) -> str:
    low = verb.lower()
    if low in _PAST:
        return _PAST[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ied"
    return low + "ed"


def _third_person(verb: str) -> str:
    low = verb.lower()
    if low in ("have", "do", "go"):
        return {"have": "has", "do": "does", "go": "goes"}[low]
    if low.endswith(("s", "x", "ch", "sh", "z")):
        return low + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


_RECORDS_TAIL = ("any report, minutes, emails or decision notice that records the decision "
                 "and its reasons.")
# 'my complaints', 'my emails', 'my planning application': the requester's own dealings
# with the body, whose records are largely about them (their personal data)
OWN_DEALINGS = re.compile(r"\bmy (?:own |many |several |previous |earlier |last |\w+ )?"
                          r"(?:complaints?|letters?|e-?mails?|calls?|requests?|case|reports?|"
                          r"applications?|appeals?|claims?|correspondence|enquir(?:y|ies)|"
                          r"messages?)\b", re.I)


def asks_why(question: str) -> bool:
    """Whether the question asks the body to explain itself ('Why did you ...?')."""
    return bool(_WHY_ANY.match(plain_question(question)))


def recorded_reasons(question: str) -> str | None:
    """'Why did the council close the library?' -> 'Please provide the recorded information
    that shows why the council closed the library: any report, minutes, emails or decision
    notice that records the decision and its reasons.' None for a question that asks no why;
    a why the clause of which cannot be turned round is asked for in its own words."""
    asked = civil(plain_question(question)).strip()
    if not _WHY_ANY.match(asked):
        return None
    tail = _PLANNING_TAIL if _PLANNING.search(asked) else _RECORDS_TAIL
    if told := _TELL_ME_WHY.match(asked):
        clause = asked[told.end():].rstrip(" ?.!")
        return f"Please provide the recorded information that shows why {clause}: {tail}"
    return _recorded_why(asked).replace(_RECORDS_TAIL, tail)


def _recorded_why(asked: str) -> str:
    """A direct 'Why did/was ...?' question turned round as the records that show why."""
    m = _WHY.match(asked)
    if not m and (p := _WHY_PASSIVE.match(asked)):
        clause = re.sub(r"\s+", " ", f"{p.group(2)} {p.group(1).lower()} {p.group(3)}{p.group(4)}")
        return f"Please provide the recorded information that shows why {clause.strip()}: " \
            + _RECORDS_TAIL
    if not m:
        clause = re.sub(r"^\s*(?:and |so |but )?why\s+", "", asked, flags=re.I).rstrip(" ?.!")
        return (f"Please provide the recorded information behind this question (why "
                f"{clause}): {_RECORDS_TAIL}")
    aux, subject, negated, verb, rest = (m.group(1).lower(), m.group(2), m.group(3),
                                         m.group(4), m.group(5))
    subject = subject if subject.lower() in ("you", "it", "they", "we", "he", "she") else \
        subject[:1].lower() + subject[1:]
    negation = "not " if negated or re.search(rf"\b{aux}\s+not\b", asked, re.I) else ""
    if aux == "did":
        said = f"did not {verb}" if negation else _past(verb)
    elif aux in ("do", "does"):
        plural = subject.lower() in ("you", "they", "we") or aux == "do"
        said = (f"{aux} not {verb}" if negation else verb.lower() if plural
                else _third_person(verb))
    else:
        said = f"{aux} {negation}{verb}"
    clause = re.sub(r"\s+", " ", f"{subject} {said}{rest}").strip()
    return f"Please provide the recorded information that shows why {clause}: {_RECORDS_TAIL}"


def asks_the_same(candidate: str, other: str) -> bool:
    """Whether a rewording (its first sentence: what it asks, not the limits added after) asks
    nothing another question of the draft does not: the same kind of answer, about no topic
    and no year the other leaves out. 'Please give the number of staff dismissed.' asks what
    'How many staff were dismissed for gross misconduct in 2023, by department?' asks."""
    first = re.split(r"(?<=[.?!])\s+", candidate.strip(), maxsplit=1)[0]
    mine, theirs = _topic(first), _topic(other)
    if not mine or not mine <= theirs:
        return False
    if set(_YEAR.findall(first)) - set(_YEAR.findall(other)):
        return False
    return _form(first) == _form(other)
