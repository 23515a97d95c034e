"""What a party's name is: a private person, an organisation, or a public body that answers
FOI requests; and an authority's name made readable (no defined terms, no ALL CAPS).
"""

from __future__ import annotations

import re

from corpus.tribunal.text import _SPACES

_ORG_WORDS = re.compile(
    r"\b(?:council|police|constable|constabulary|ministry|department|deptartment|office|"
    r"commission|commissioners?|nhs|trust|university|college|school|academy|authority|agency|"
    r"service|services|treasury|hm|her majesty'?s?|borough|county|board|executive|health|"
    r"surgery|practice|parliament|parliamentary|house of|assembly|government|secretary of state|"
    r"revenue|ltd|limited|plc|llp|bbc|society|association|group|campaign|company|media|news|"
    r"newspapers?|guardian|times|committee|union|federation|institute|foundation|party|"
    r"corporation|network|international|centre|center|partnership|ombudsman|registrar|fund|"
    r"trustees|church|club|inc|cic|charity|mail|press|telegraph|transport|rail|museum|library|"
    r"archives|bank|watch|action|forum|alliance|coalition|friends of|league|residents|parish|"
    r"city|district|metropolitan|royal|cabinet|fire|rescue|ambulance|energy|water|airport|"
    r"harbour|housing|homes|estates|properties|solicitors|consultants|associates|channel|"
    r"tribunal|court of|governing body|gallery|chamber|republic|kingdom|mayor of|"
    r"officer of|scotland|wales|northern ireland|england|britain|british|uk|european|"
    r"ministers|gmbh|commons|lords)\b",
    re.I,
)
_PUBLIC_WORDS = re.compile(
    r"\b(?:council|police|constable|constabulary|ministry|department|deptartment|"
    r"(?:home|cabinet|foreign[\w&, ]*|scotland|wales|northern ireland|war|india) office|"
    r"office (?:of|for)|commission|commissioners (?:for|of)|nhs|university|college|school|"
    r"academy|authority|agency|treasury|hm|her majesty'?s?|borough|executive|health centre|"
    r"medical centre|surgery|practice|parliament|house of (?:commons|lords)|assembly|"
    r"government|secretary of state|revenue|customs|governing body|bbc|british broadcasting|"
    r"transport for london|royal mail|network rail|ombudsman|archives|museum|gallery|library|"
    r"fire and rescue|ambulance|prosecution service|insolvency service|police service|"
    r"funding council|research council|admissions service|student loans|anti-doping|"
    r"corporate officer|parish|harbour|sea fisheries|healthcare products|trust|free schools?|"
    r"mayor|ministers|metropolis|tate|ofcom|ofsted|ofwat|ofgem|registrar|dvla|hmrc|dwp|"
    r"ministry|fco|mod|moj|cps|dfe|dfes|defra|decc|dcms|tfl|psni|ipcc|ucas|mhra|caa|fsa|"
    r"met(?:eorological)? office)\b",
    re.I,
)
_COMPANY = re.compile(r"\b(?:ltd|limited|plc|llp|gmbh|inc)\b\.?", re.I)
_PRIVATE_BODY = re.compile(
    r"\b(?:group|association|society|campaign|forum|alliance|action|union|federation|party|"
    r"club|league|friends|residents)\b",
    re.I,
)
_PRIVATE_TRUST = re.compile(r"\b(?:charitable|education|family|heritage|national) trust\b", re.I)
_STRONG_PUBLIC = re.compile(
    r"\b(?:council|nhs|university|royal mail|network rail|student loans|homes|anti-doping|"
    r"healthcare products|transport for london|academy|clinical commissioning|practice|surgery|"
    r"department|ministry|police|constabulary)\b",
    re.I,
)
_IC = re.compile(
    r"^(?:the\s+)?(?:information\s+commissioner(?:['’]s\s+office)?|indformation commissioner|"
    r"ico|ic)\.?$",
    re.I,
)
_COMMISSIONER = re.compile(
    r"^(?:the\s+)?(?:information\s+commissioner(?:['’]s\s+office)?|indformation commissioner|"
    r"ico|ic|commissioner|(?:scottish\s+)?information\s+commissioner|data\s+protection\s+"
    r"(?:commissioner|registrar)|information\s+tribunal)\.?$",
    re.I,
)
_TITLE_RE = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|lady|lord|rev(?:erend)?|cllr|councillor)"
    r"\.?\s+",
    re.I,
)
_ACRONYM = re.compile(r"^\(?[A-Z][A-Za-z&.]{0,6}[A-Z]\)?$")


def _is_org(name: str) -> bool:
    """Organisation (kept in titles) rather than a private person (redacted)?"""
    words = name.split()
    if not words or _TITLE_RE.match(name):
        return False
    if _ORG_WORDS.search(name):
        return True
    return len(words) == 1 and bool(_ACRONYM.match(words[0])) and words[0] not in ("MR", "DR")


def _is_public_body(name: str) -> bool:
    """A body that answers FOI requests, as opposed to a company, charity or newspaper."""
    if not _PUBLIC_WORDS.search(name) or _TITLE_RE.match(name) or _PRIVATE_TRUST.search(name):
        return False
    private = _COMPANY.search(name) or _PRIVATE_BODY.search(name)
    return not private or bool(_STRONG_PUBLIC.search(name))


_SMALL_WORDS = {"of", "and", "for", "the", "in", "on", "upon", "at", "to", "by", "with"}
_KEEP_UPPER = {
    "NHS", "HM", "HMRC", "BBC", "UK", "MHRA", "ICO", "DVLA", "CPS", "FCO", "MOD", "MOJ", "DWP",
    "TFL", "PSNI", "UCAS", "IPCC", "OFSTED", "DEFRA", "DECC", "BIS", "DCMS", "CAA", "FSA", "NI",
    "GP", "LLP", "PLC", "CIC", "HMCTS", "DFE", "DFES", "DH", "DHSC", "OPCC", "TNA", "UKIP",
}


def _title_case(name: str) -> str:
    """'CARMARTHENSHIRE COUNTY COUNCIL' -> 'Carmarthenshire County Council'; mixed case kept."""
    if any(c.islower() for c in name):
        return name
    out = []
    for i, word in enumerate(name.split()):
        bare = word.strip("().,")
        if bare in _KEEP_UPPER or (word.startswith("(") and word.endswith(")")):
            out.append(word)
        elif i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


_AUTHORITY_JUNK = re.compile(
    r"\s*\((?:[“\"‘']|the\s|formerly|as\s|previously)[^)]*\)|\s*[“\"‘'][^”\"’']*[”\"’']\s*|"
    r"\s*\(\d\)\s*|\s+[-–]\s+[A-Z]{3,}$|\s*\((?:first|second|third)\s+respondent\)",
    re.I,
)


_ROLE_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:(?:first|second|third|additional)\s+)?respondent|public\s+authority|"
    r"appellant\s+of|and)\b[,:]?\s*",
    re.I,
)


def _clean_authority(name: str) -> str | None:
    """One readable authority name: no defined-term brackets, no leading 'The', no ALL CAPS."""
    # 'BBC. However, ...': a name caught with the start of the next sentence
    name = re.split(r"(?<!\bSt)(?<!\bDr)(?<!\bMr)\.\s+(?=[A-Z])", name, maxsplit=1)[0]
    name = _AUTHORITY_JUNK.sub(" ", _SPACES.sub(" ", name)).strip(" ,.;:-–")
    name = _ROLE_PREFIX.sub("", name)
    name = _SPACES.sub(" ", re.sub(r"^the\s+", "", name, flags=re.I))
    if len(name) < 2 or len(name) > 150 or name.lower() in ("manual review", "n/a", "none"):
        return None
    return _title_case(name)


_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’`.-]*|[A-Z]\.?|O['’`][A-Z]\w*|(?:de|van|von|le|la|da|del|di)$|\([A-Z]+\))$"
)


_NOT_NAMES = {
    "public", "safety", "social", "services", "skills", "innovation", "enterprise", "reform",
    "regulatory", "rural", "affairs", "food", "environment", "culture", "sport", "pensions",
    "work", "local", "communities", "energy", "climate", "change", "care", "education",
    "science", "technology", "industry", "trade", "business", "justice", "defence", "home",
    "foreign", "commonwealth", "development", "digital", "ireland", "northern", "national",
    "research", "arts", "humanities", "heritage", "planning", "finance", "personnel",
    "security", "constitutional", "agriculture", "fisheries", "employment", "equality",
    "families", "schools", "economic", "information", "commissioner", "the", "rights",
    "minister", "deputy", "first", "secretary", "chief", "director", "officer", "president",
    "chair", "chairman", "north", "south", "east", "west", "western", "eastern",
    "southern", "central", "greater", "united", "independent", "general",
}


_ROLE_OR_BODY = re.compile(
    r"\b(?:council|ltd|limited|plc|office|department|ministry|authority|solicitor|counsel|"
    r"officer|commissioner|trust|university|police|service|group|association)\b",
    re.I,
)


def _looks_like_person(piece: str, min_words: int = 1) -> bool:
    """Capitalised words (or a title and a name) with no organisation word."""
    piece = piece.strip(" ,.")
    if not piece or any(ch.isdigit() for ch in piece):
        return False
    if any(w.lower().strip("(),.") in _NOT_NAMES for w in piece.split()):
        return False
    if _TITLE_RE.match(piece):  # 'Ms M McKenzie, Chief Legal Officer, Wigan Council' is not
        rest = _TITLE_RE.sub("", piece)
        return "," not in rest and not _ROLE_OR_BODY.search(rest)
    words = piece.split()
    if _is_org(piece) or not min_words <= len(words) <= 5:
        return False
    return all(_NAME_WORD.match(w) for w in words)


_CONNECTORS = {"of", "and", "for", "the", "upon", "on", "in", "&", "with"}
