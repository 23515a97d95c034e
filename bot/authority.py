"""Match what a user types ("barnet", "Leicester council") to an authority in the corpus.

Spellings of one authority ('London Borough of Barnet', 'Barnet Council', 'barnet.gov.uk')
share one key; the commonest spelling names the group.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from bot.prefilter import prefiltered
from bot.track_record import authority_kind
from corpus.header import authority_key, canonical_names, is_generic


def _groups(authorities: Sequence[str]) -> dict[str, str]:
    """key -> the name that shows the authority (see canonical_names)."""
    return {authority_key(name): shown for name, shown in canonical_names(authorities).items()}


def _kind(key: str) -> str:
    """'police' or 'nhs' when a key names a force or an NHS body (see authority_key)."""
    last = key.rsplit(" ", 1)[-1]
    return last if last in ("police", "nhs") else ""


def match_authority(query: str, authorities: Sequence[str]) -> tuple[str | None, list[str]]:
    """(the authority meant, or None; up to five suggestions when unsure)."""
    query = mend_body_words(expand_abbreviations(query))
    q = " ".join(query.lower().split())
    if not q:
        return None, []
    # Hertfordshire County Council is not East Hertfordshire District Council
    groups = {k: name for k, name in _groups(authorities).items() if _same_tier(q, name)}
    key = authority_key(q)
    if key in groups:
        return groups[key], []
    if _kind(key):  # Lincolnshire Police is not Lincolnshire County Council
        groups = {k: name for k, name in groups.items() if _kind(k) == _kind(key)}
    kind = authority_kind(query)
    if kind != "other":  # nor is Leeds City Council the University of Leeds
        groups = {k: name for k, name in groups.items() if authority_kind(name) == kind}
    if is_generic(q):  # only generic words ("council", "police"): offer the names that contain them
        hits = [name for name in groups.values() if re.search(rf"\b{re.escape(q)}\b",
                                                              name.lower())]
        return (hits[0], []) if len(hits) == 1 else (None, hits[:5])
    containing = [name for k, name in groups.items() if _contains_place(k, key)]
    if len(containing) == 1:
        # a bare place ('Leeds', 'Bristol') most often means its council: its university or
        # hospital trust, the only body of that place on record, is offered, not assumed
        if kind == "other" and authority_kind(containing[0]) in ("education", "health", "school"):
            return None, _council_first(query, containing)
        return containing[0], []
    known = _place_words(tuple(_groups(authorities)))
    close = [c for c in difflib.get_close_matches(key, list(groups), n=5, cutoff=0.75)
             if _same_place(key, c)  # 'Gwent Police' is no suggestion for 'Kent Police'
             and not _another_place(key, c, known)]
    if len(close) == 1 and not containing:
        return groups[close[0]], []
    suggestions = list(dict.fromkeys(containing + [groups[c] for c in close]))
    if kind == "other" and containing:
        suggestions = _council_first(query, suggestions)
    return None, suggestions[:5]


@lru_cache(maxsize=8)
def _place_words(keys: tuple[str, ...]) -> frozenset[str]:
    """Every word of a place named on record, and the counties: a word spelt as a real place
    ('Hertfordshire') is no typo of another ('Herefordshire')."""
    return frozenset(w for k in keys for w in _place(k)[1]) | \
        frozenset(v.lower() for v in _ABBREVIATIONS.values())


def _another_place(key: str, other: str, known: frozenset[str]) -> bool:
    """`key` spells, correctly, a place that `other` does not name."""
    theirs = set(_place(other)[1])
    return any(w in known and w not in theirs for w in _place(key)[1])


def _contains_place(other: str, key: str) -> bool:
    """`other` names a body of `key`'s place: its key holds the place and, beyond it, only
    words that say what kind of body ('university', 'hospitals', 'police'). 'East
    Hertfordshire', 'North Yorkshire' and 'Brighton and Hove' are other places."""
    if not re.search(rf"\b{re.escape(key)}\b", other):
        return False
    extra = re.sub(rf"\b{re.escape(key)}\b", " ", other).split()
    return all(w in _KIND_WORDS or w in _BODY_EXTRAS for w in extra)


# words in a body's key beside its place that name no other place ('University Hospitals
# Birmingham NHS FT' -> 'university hospitals birmingham nhs ft')
_BODY_EXTRAS = frozenset(["ft", "sites", "constabulary", "fire", "rescue", "authority",
                          "combined", "partnership", "clinical", "commissioning", "group",
                          "icb", "board"])

# a council's tier: a county council is not the district or borough council of its county
_COUNTY = re.compile(r"\bcounty council\b", re.I)
_LOWER_TIER = re.compile(r"\b(?:district|borough)\b|\bcity council\b", re.I)


def _tier(name: str) -> str:
    """'county', 'lower' (district, borough or city) or '' (the name does not say)."""
    return "county" if _COUNTY.search(name) else "lower" if _LOWER_TIER.search(name) else ""


def _same_tier(query: str, name: str) -> bool:
    """False only when both say their tier and the tiers differ."""
    mine, theirs = _tier(query), _tier(name)
    return not (mine and theirs) or mine == theirs


def _council_first(query: str, candidates: Sequence[str]) -> list[str]:
    """A bare place ('birmingham') most often means its council: when the council is not on
    record it is still offered, first, under the place's name, so the choice is judged as a
    council is; the bodies of the place on record follow."""
    councils = [c for c in candidates if authority_kind(c) == "council"]
    others = [c for c in candidates if c not in councils]
    if not councils:
        place = " ".join(w.capitalize() if w.islower() else w for w in query.split())
        councils = [f"{place} Council"]
    return councils + others


# county and region abbreviations requesters write ('West Mids Police', 'Herts', 'Lancs')
_ABBREVIATIONS = {
    "mids": "Midlands", "yorks": "Yorkshire", "lancs": "Lancashire", "herts": "Hertfordshire",
    "beds": "Bedfordshire", "bucks": "Buckinghamshire", "cambs": "Cambridgeshire",
    "glos": "Gloucestershire", "gloucs": "Gloucestershire", "hants": "Hampshire",
    "leics": "Leicestershire", "lincs": "Lincolnshire", "northants": "Northamptonshire",
    "notts": "Nottinghamshire", "oxon": "Oxfordshire", "staffs": "Staffordshire",
    "wilts": "Wiltshire", "worcs": "Worcestershire", "warks": "Warwickshire",
    "derbys": "Derbyshire", "shrops": "Shropshire",
}
_ABBREVIATION = prefiltered(re.compile(r"\b(" + "|".join(_ABBREVIATIONS) + r")\b\.?", re.I))
# 'Met' is the Metropolitan Police only beside 'police' or alone (the Met Office is not)
_MET = re.compile(r"^\s*(?:the\s+)?met\s*$|\bmet(?=\s+police\b)", re.I)


def expand_abbreviations(name: str) -> str:
    """'West Mids Police' -> 'West Midlands Police', 'Herts County Council' ->
    'Hertfordshire County Council', 'the Met' -> 'Metropolitan Police'."""
    name = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()], name)
    if re.fullmatch(r"\s*(?:the\s+)?met\s*", name, re.I):
        return "Metropolitan Police"
    return _MET.sub("Metropolitan", name)


# words that say what kind of body a key is, not where: 'university oxford' is in Oxford
_KIND_WORDS = frozenset(["university", "college", "police", "nhs", "fire", "rescue", "service",
                         "teaching", "hospitals", "hospital", "health", "care", "integrated",
                         "ambulance"])
# the words that say what kind of body a name is, for mending a typo in them ('Kent polce')
_BODY_WORDS = ("police", "constabulary", "council", "county", "borough", "district", "city",
               "university", "college", "hospital", "hospitals", "trust", "fire", "rescue",
               "service", "department", "ministry", "authority")


def mend_body_words(name: str) -> str:
    """'kent polce' -> 'kent police', 'Leeds Citty Counsil' -> 'Leeds city council': a typo
    in the word that says what kind of body it is, mended; the place is left alone."""
    words = name.split()
    for i, word in enumerate(words[1:], 1):
        low = word.lower()
        if len(low) >= 4 and low not in _BODY_WORDS:
            close = difflib.get_close_matches(low, _BODY_WORDS, n=1, cutoff=0.8)
            words[i] = close[0] if close else word
    return " ".join(words)


# words that say which part of a place: South Yorkshire is not North Yorkshire
_QUALIFIERS = frozenset(["north", "south", "east", "west", "mid", "central", "northern",
                         "southern", "eastern", "western", "greater", "new", "upper", "lower",
                         "inner", "outer"])


def _place(key: str) -> tuple[frozenset[str], list[str]]:
    """The key's qualifiers, and its other words that are not kind words."""
    words = [w for w in key.split() if w not in _KIND_WORDS]
    return (frozenset(w for w in words if w in _QUALIFIERS),
            [w for w in words if w not in _QUALIFIERS])


def _near(word: str, pool: Sequence[str], cutoff: float = 0.85) -> bool:
    return bool(difflib.get_close_matches(word, pool, n=1, cutoff=cutoff))


def _same_place(key: str, other: str) -> bool:
    """A near-spelling names the same authority only if every word of its place nearly
    matches one of the other's, with the same qualifiers: 'leeds teaching hospitals' is not
    'blackpool teaching hospitals', the University of Oxford not Salford's, Nottingham not
    Nottinghamshire, South Yorkshire not North Yorkshire, East Ayrshire not East
    Cambridgeshire, the Scottish Parliament not 'Scottish Police'; 'Sheffeild' is Sheffield,
    and 'Surrey Polis' Surrey Police (a typo in the kind word is no place)."""
    (mine, words), (theirs, other_words) = _place(key), _place(other)
    kinds = [w for w in other.split() if w in _KIND_WORDS]  # the other's own, mistyped here
    return mine == theirs and all(_near(w, words) for w in other_words) and \
        all(_near(w, other_words) or _near(w, kinds, 0.7) for w in words) and \
        _same_service(key, other)


# what an NHS body or college does, beside where: Gloucestershire Hospitals is not
# Gloucestershire Health and Care
_SERVICE_WORDS = {"teaching": "teaching", "hospitals": "hospital", "hospital": "hospital",
                  "health": "health", "care": "care", "integrated": "integrated",
                  "ambulance": "ambulance", "university": "university", "college": "college"}


def _same_service(key: str, other: str) -> bool:
    """Both name the same service where both name one."""
    mine, theirs = ({_SERVICE_WORDS[w] for w in k.split() if w in _SERVICE_WORDS}
                    for k in (key, other))
    return not (mine and theirs) or mine == theirs


# 'Royal Bank of Scotland', 'Scottish Widows', 'Acme Ltd': a company, which FOI does not cover
# (unless wholly owned by public bodies: then it says so itself)
# ('Ltd' alone says nothing: HS2 Ltd and the Student Loans Company are publicly owned)
_COMPANY = re.compile(r"\b(?:bank(?! of england)|building society|insurance|widows|"
                      r"scottish ?power|british gas|airways)\b", re.I)
_PUBLIC = re.compile(r"\b(?:council|department|ministry|office|authority|agency|commission|"
                     r"nhs|police|university|college|school|trust|government)\b", re.I)


# 'Serco Ltd', 'Capita plc': a company, which FOI covers only when wholly publicly owned
_LIMITED = re.compile(r"\b(?:ltd|limited|plc|llp|holdings)\b\.?", re.I)
# companies wholly owned by the Crown, ministers or public bodies: public authorities (s6)
_PUBLICLY_OWNED = prefiltered(re.compile(
    r"\b(?:hs2|high speed two|student loans company|london north eastern railway|lner|"
    r"northern trains|royal mint|british business bank|network rail|david macbrayne|"
    r"highlands and islands airports|edinburgh trams|caledonian maritime|ferguson marine|"
    r"great british energy|post office|nhs property services|scottish water|"
    r"northern ireland water|transport for london|crossrail|national nuclear|"
    r"nuclear decommissioning|channel 4|ordnance survey)\b", re.I))
# water companies in England and Wales: public authorities for the EIR only (Fish Legal).
# Names only a water company bears stand alone ('Severn Trent', 'Wessex Water'); a place or
# region ('Southern', 'Anglian', 'Portsmouth', 'South East') needs 'Water' after it, since
# Southern Health and Anglia Ruskin are other bodies.
_WATER_COMPANY = prefiltered(re.compile(
    r"\b(?:severn trent|united utilities|dwr cymru|d[wŵ]r cymru|hafren dyfrdwy|"
    r"northumbrian water|essex (?:and|&) suffolk water|ses water|affinity water|"
    r"sutton (?:and|&) east surrey water|cambridge water|south staffs(?:hire)? water|"
    r"(?:thames|anglian|southern|south west|wessex|yorkshire|northumbrian|affinity|south east|"
    r"portsmouth|bristol|welsh|bournemouth|cholderton|albion|leep|icosa|veolia) water)\b"
    # 'Severn Trent plc', 'Anglian Water Services Ltd', 'Welsh Water (Dwr Cymru)'
    r"|\b(?:anglian|thames|southern|yorkshire|wessex|northumbrian) water services\b", re.I))


def is_water_company(name: str | None) -> bool:
    """A water company in England and Wales (not Scottish Water or NI Water, which are public
    authorities): under the EIR for environmental information, and under nothing else."""
    return bool(name and _WATER_COMPANY.search(name) and not _PUBLICLY_OWNED.search(name))


def company_warning(name: str | None) -> str | None:
    """The advice for a draft addressed to what looks like a company, not a public body."""
    if not name or _PUBLICLY_OWNED.search(name):
        return None
    if _WATER_COMPANY.search(name):
        return (f"{name} is covered by the Environmental Information Regulations only, not "
                "FOIA: it must answer requests for environmental information (sewage "
                "discharges, water quality, leaks, abstraction), citing the EIR, but need not "
                "answer about anything else, such as pay or bonuses. Ofwat or the Environment "
                "Agency may hold the rest.")
    if _COMPANY.search(name) and not _PUBLIC.search(name):
        return (f"{name} looks like a company, not a public authority: FOI covers public bodies "
                "(and companies they wholly own), so it need not answer. For data about "
                "yourself, a subject access request works with any organisation; for its "
                "dealings with a public body, ask that body instead.")
    if _LIMITED.search(name) and not _PUBLIC.search(name):
        return (f"{name} looks like a company: FOI covers it only if it is wholly owned by "
                "public bodies. A private contractor need not answer; ask the public body that "
                "contracts with it instead, which must answer for information the contractor "
                "holds on its behalf (s3(2)).")
    return None


# -- coverage: bodies FOIA does not reach, or reaches only in part ----------------------------

# the public service broadcasters, listed in FOIA Schedule 1 only "in respect of information held
# for purposes other than those of journalism, art or literature" (the derogation)
_BROADCASTER = re.compile(r"\b(?:bbc|british broadcasting corporation|channel (?:4|four)|"
                          r"s4c|sianel pedwar cymru)\b", re.I)
# what a broadcaster holds for its journalism, art or literature: its output and how it is made
# (a programme's budget too: Sugar v BBC [2012] UKSC 4 put information held even partly for
# journalism outside the Act)
_EDITORIAL = prefiltered(re.compile(
    r"\b(?:programmes?|programs?|broadcasts?|episodes?|documentar(?:y|ies)|panorama|newsnight|"
    r"coverage|editorial|editors?|journalis[mt]s?|sources?|reporters?|presenters?|"
    r"interviews?|interviewees?|footage|scripts?|impartiality|bias(?:ed)?|storylines?|"
    r"news (?:stories|story|reports?|items?|bulletins?)|output|airtime|air time|commissioning|"
    r"drama|comedy|series|shows?|investigations?)\b", re.I))
# a coroner ('HM Coroner for Avon', 'the coroner's office', 'Inner North London Coroner's
# Court'): a judicial office, not listed in Schedule 1; a council's own coroner service (its
# budget, its staff) is the council's, which FOI covers
_CORONER = re.compile(r"\bcoroners?(?:'s?)?(?!\w)", re.I)
_COUNCIL = re.compile(r"\bcouncil\b", re.I)
_HOUSING_ASSOCIATION = re.compile(r"\bhousing (?:association|group|trust)\b|\bregistered "
                                  r"(?:social landlord|provider)\b", re.I)

BROADCASTER_NOTE = (
    "{name} is covered by FOI only for information held for purposes other than journalism, "
    "art or literature (FOIA Schedule 1, the 'derogation'): information held even partly for "
    "its programmes is outside the Act (Sugar v BBC, 2012), so questions about programmes, "
    "sources, coverage or editorial decisions are normally refused as not covered, with no "
    "exemption or public interest test to argue. Ask about spending, staff, pay, contracts and "
    "other corporate matters instead.")


def is_broadcaster(name: str | None) -> bool:
    """The BBC, Channel 4 or S4C: under FOI for everything but their journalism, art and
    literature."""
    return bool(name and _BROADCASTER.search(name))


def editorial_questions(questions: Sequence[str]) -> list[int]:
    """The questions (0-based) about a broadcaster's output or how it is made."""
    return [i for i, q in enumerate(questions) if _EDITORIAL.search(q)]


def is_coroner(name: str | None) -> bool:
    """A coroner or the coroner's office or court: outside FOIA, as a judicial office; not a
    council's coroner service, which is the council's."""
    return bool(name and _CORONER.search(name) and not _COUNCIL.search(name))


def is_housing_association(name: str | None) -> bool:
    return bool(name and _HOUSING_ASSOCIATION.search(name))


def not_covered(name: str | None, scottish: bool = False, environmental: bool = False
                ) -> str | None:
    """The verdict's opening for a body FOI does not cover (None: it is covered, or may be):
    a housing association outside Scotland (Scottish RSLs came under FOISA in 2019), a
    company, a water company asked for anything but environmental information, a coroner
    (with the route that exists: rule 13 of the Coroners (Inquests) Rules). A GP practice
    is covered (Schedule 1, for its NHS services), so it is not here."""
    if not name:
        return None
    if is_coroner(name):
        return (f"Outside FOI: coroners are judicial office-holders, not public authorities "
                f"under FOIA (Schedule 1 does not list them), so {name} need not answer "
                "under the Act. An interested person (a relative, say) can ask the coroner for "
                "inquest documents such as the post-mortem report under rule 13 of the "
                "Coroners (Inquests) Rules 2013; the Ministry of Justice publishes coroner "
                "statistics, and the council that funds the service answers FOI requests on "
                "its cost and staff.")
    if is_housing_association(name) and not scottish:
        return (f"Outside FOI: housing associations are not public authorities under FOIA in "
                f"England and Wales, so {name} need not answer.")
    if _PUBLICLY_OWNED.search(name):
        return None
    if _WATER_COMPANY.search(name):
        return None if environmental else (
            f"Outside FOIA: {name} must answer only for environmental information, under the "
            "EIR, so it need not answer these questions.")
    if company_warning(name):
        return (f"Probably outside FOI: {name} looks like a company, which need not answer "
                "unless public bodies wholly own it.")
    return None


# -- a body the draft names in its text, for a draft with no greeting and no --authority ------

_CAP = r"[A-Z][\w'&.-]*"
_NAMED_BODY = re.compile(
    rf"\b(?:(?:London|Royal) Borough of {_CAP}(?: (?:and|upon) {_CAP})*"
    rf"|(?:{_CAP} (?:(?:and|upon|on|of) )?){{1,4}}(?:City |County |Borough |District |"
    r"Metropolitan Borough )?Council"
    rf"|(?:{_CAP} (?:(?:and|of) )?){{1,3}}(?:Police|Constabulary|Fire and Rescue Service|"
    r"Integrated Care Board|Health Board|NHS (?:Foundation )?Trust)"
    r"|Police Scotland|Police Service of Northern Ireland|NHS [A-Z][\w ]{2,40}?(?:Trust|Board)"
    # a coroner ('Dear HM Coroner for Avon'), which not_covered says FOI does not reach
    rf"|(?:{_CAP} ){{0,3}}Coroner for {_CAP}(?: {_CAP}){{0,3}}"
    rf"|(?:{_CAP} ){{1,3}}Coroner(?:'s Court| Service)?"
    r"|Home Office|Cabinet Office|Ministry of (?:Defence|Justice)|HM Treasury"
    rf"|Department (?:for|of) {_CAP}(?:(?:,| and) {_CAP}){{0,3}})\b")
# words that start a sentence or a clause, not a body's name: 'Does Medway Council ...'
_NOT_NAME_WORDS = ("does did do how what which please has have is are was were the why when "
                   "can could will would i in at by for dear to from of on and or if a an "
                   "whether who may should")
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split(" "))


def named_bodies(text: str) -> list[str]:
    """The public bodies a draft names in its own words ('issued by Medway Council',
    'Does Kent Police ...'), each once, in order; sentence-opening words are no part of a
    name."""
    out: list[str] = []
    for m in _NAMED_BODY.finditer(text or ""):
        words = m.group(0).split()
        while len(words) > 2 and words[0].lower() in _NOT_NAME:
            words = words[1:]
        name = " ".join(words)
        if words[0].lower() not in _NOT_NAME and name.lower() not in (n.lower() for n in out):
            out.append(name)
    return out
