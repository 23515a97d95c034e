"""Parse one First-tier Tribunal (Information Rights) decision record into a `Document`.

A record (see ``shared/corpus/README.md``) carries metadata (reference, date, case title,
appeal outcome...) and the whole decision as layout-preserving PDF text. The metadata is
trusted where it is filled; the rest is read from the text with fast heuristics (about 4 ms
a record: only the first 40,000 characters are read for the request and the parties, the
first 80,000 for the exemptions). Pure: no file I/O.

Who appealed. A private person in the case title is a requester. An organisation is the
public authority resisting an ICO order to disclose when it looks like a public body
(council, police, ministry, NHS...) and no other public body is a respondent, unless the
text says "the Appellant requested..." more often than "...refused" (the BBC, say, asking
a police commissioner).

``Decision.result`` says whether the *refusal* survived, not the appeal:

* ``information_disclosure`` wins when filled (it is only filled for allowed appeals):
  "Ordered to Disclose", "Ordered to Respond" and "No Action Needed B" (the information had
  been given meanwhile) -> ``overturned``, or ``partly_upheld`` if the appeal was only
  "Part Allowed"; "No Action Needed A/C" (allowed on a point, nothing more to disclose)
  -> ``partly_upheld``.
* Otherwise ``appeal_outcome``, read from the appellant's side. A requester's appeal:
  Dismissed -> ``upheld``, Allowed -> ``overturned``. A public authority's appeal:
  Dismissed -> ``overturned`` (the order to disclose stood), Allowed -> ``upheld``.
  Part Allowed -> ``partly_upheld`` either way.
* Struck Out, Withdrawn, Consent Order and appeals to higher courts -> ``unknown``.
  Unrecorded outcomes ("NA", "???", "Manual Review", permission-to-appeal notes) are read
  from the decision's own words ("dismisses the appeal", "the appeal is allowed in part")
  in its first pages, else ``unknown``.

Exemptions: each paragraph counts once for each citation in it (``find_exemptions`` on the
text around each likely citation, whitespace collapsed so line-wrapped citations count);
the "Subject matter" header counts three times; "vexatious" and "cost limit" stand for s14
and s12 when never cited by number. A section is kept when cited in at least two
paragraphs and in at least a sixth as many as the most cited section (or when it is the
only one); sections are ranked by that count. Within a section the most cited citations
are kept (up to three, each at least a quarter as cited as the best), each as specific as
the text makes it (a bare s38 becomes s38(1)). At most ``MAX_EXEMPTIONS``. Procedural
sections never appear. When the top citation is an EIR regulation the regime is EIR, and
an EIR decision's "section 12(4)(b)" is read as r12(4)(b).

The request: the best-scoring quote or indented block after words like "in the following
terms", "requested", "asked for" (scored up for request words, down for legal argument,
earlier is better); else a sentence saying what was requested; else the case title.
E-mail addresses become "[email]"; private appellants' names "[appellant]" (and a private
requester joined as a respondent "[requester]") in the title, request and authority.
``Document.extra`` holds ``appellant_is_authority`` and ``request_source``
("quote" / "summary" / "title").
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from datetime import date

from corpus.exemptions import find_exemptions, section_of
from corpus.models import CorpusError, Decision, Document

MAX_REQUEST_CHARS = 600
MAX_EXEMPTIONS = 5
APPELLANT = "[appellant]"
REQUESTER = "[requester]"
EMAIL = "[email]"

_SCAN = 40_000  # the request, authority, regime and appellant cues live in the first pages
_REQUEST_SCAN = 30_000
_MIN_REQUEST_SCORE = 3.0
_EXEMPTION_SCAN = 80_000
_HEADER_SCAN = 5_000

# --- text clean-up -------------------------------------------------------------------------

_ODD_SPACES = (("\r\n", "\n"), ("\r", "\n"), ("\x0c", "\n"), ("\uf020", " "), ("\xa0", " "),
               ("\t", "    "))
_RUNNING_HEADER = re.compile(
    r"^(?:(?:appeal|tribunal)\s+(?:no|number|ref(?:erence)?)s?\.?:?|case\s+no\.?:?)?\s*"
    r"ea[/.][\d/. a-z&,]*$"
)
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*([a-z]+)(-?)")
_PLACE_JOINERS = {"on", "upon", "in", "under", "le", "by", "en", "super", "sur"}
_SPACES = re.compile(r"\s+")
_EMAIL_RE = re.compile(r"[\w.+'-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")


def _layout(text: str) -> str:
    """Page numbers, running headers and odd PDF spaces out; lines kept for indentation."""
    for odd, plain in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    kept = []
    for line in text.split("\n"):
        bare = line.strip()
        if len(bare) <= 7 and bare.strip("-–() ").isdigit():
            continue  # a page number
        if "EA" in bare and len(bare) < 60 and _RUNNING_HEADER.match(bare.lower()):
            continue  # 'Appeal No: EA/2016/0316' repeated on every page
        kept.append(line)
    return "\n".join(kept)


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets, so fast case-less regexes can index `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _join_hyphen(m: re.Match) -> str:
    """'inform-\\nation' -> 'information' but 'Stratford-\\non-Avon' keeps its hyphens."""
    if m.group(3) and m.group(2) in _PLACE_JOINERS:
        return f"{m.group(1)}-{m.group(2)}-"
    return m.group(1) + m.group(2) + m.group(3)


def _flatten(text: str) -> str:
    """One line from a layout block: hyphenation undone, whitespace collapsed."""
    return _SPACES.sub(" ", _HYPHEN_BREAK.sub(_join_hyphen, text)).strip()


def _shorten(text: str, limit: int = MAX_REQUEST_CHARS) -> str:
    """Cut at a word boundary so a stored request stays readable."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


# --- metadata fields -----------------------------------------------------------------------


def _field(record: dict, key: str) -> str:
    """A metadata field as stripped text; anything that is not a string counts as empty."""
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}
_TEXT_DATE = re.compile(
    r"(?:date of (?:decision|promulgation)|promulgat(?:ed|ion)(?: date)?|decision date)"
    r"[^\n\d]{0,30}(\d{1,2})(?:st|nd|rd|th)?\.?\s+(" + "|".join(_MONTHS) + r"),?\s+(\d{4})"
)


def _iso(day: int, month: int, year: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date such as 31/02."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _decision_date(raw: str, low: str) -> str | None:
    """The record's DD/MM/YYYY as ISO; the text's 'Date of decision' when the field is empty."""
    m = _DMY.match(raw)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _TEXT_DATE.search(low, 0, _HEADER_SCAN)
    return _iso(int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))) if m else None


_REFERENCE_IN_TEXT = re.compile(r"\bEA\s?/\s?(\d{4})\s?/\s?(\d{4})\b")


def _reference(raw: str, text: str) -> str | None:
    """The record's reference; a few old records leave it empty and the text has it."""
    if raw:
        return raw
    m = _REFERENCE_IN_TEXT.search(text, 0, _HEADER_SCAN)
    return f"EA/{m.group(1)}/{m.group(2)}" if m else None


# --- names: people, organisations, public authorities --------------------------------------

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
    name = _AUTHORITY_JUNK.sub(" ", _SPACES.sub(" ", name)).strip(" ,.;:-–")
    name = _ROLE_PREFIX.sub("", name)
    name = _SPACES.sub(" ", re.sub(r"^the\s+", "", name, flags=re.I))
    if len(name) < 2 or len(name) > 150 or name.lower() in ("manual review", "n/a", "none"):
        return None
    return _title_case(name)


# --- the case title: who appealed, and redacting private appellants -------------------------

_VERSUS = re.compile(r"\s+v\.?\s+")
_VERSUS_ANY = re.compile(r"\s+(?:v|vs)\.?\s+", re.I)
_PARTY_SPLIT = re.compile(r"(\s+(?:&|and|/)\s+|\s*,\s+(?=[A-Z])|\s*\(\d{4}[^)]*\)\s*)")
_ON_BEHALF = re.compile(r"^(.*?)\s*\(?\b(?:on behalf of|obo|o\.b\.o\.?)\s+(.*?)\)?$", re.I)
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’`.-]*|[A-Z]\.?|O['’`][A-Z]\w*|(?:de|van|von|le|la|da|del|di)$|\([A-Z]+\))$"
)


def _split_title(title: str) -> tuple[str, str]:
    """'A v B' -> ('A', 'B'); a lower-case ' v ' first, so 'Mrs A V Gross' stays whole."""
    parts = _VERSUS.split(title, maxsplit=1)
    if len(parts) < 2:
        parts = _VERSUS_ANY.split(title, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


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


def _complete(piece: str) -> bool:
    """A whole party: an organisation, or a private person named in at least two words."""
    return _is_org(piece) or _looks_like_person(piece, min_words=2)


def _parties(side: str) -> list[tuple[str, bool]]:
    """The appellant side cut into parties, each marked private person (True) or not.

    'Foreign and Commonwealth Office' must stay whole: a separator splits only where both
    sides are whole parties.
    """
    behalf = _ON_BEHALF.match(side)
    if behalf and behalf.group(1) and behalf.group(2):
        first, second = behalf.group(1), behalf.group(2)
        return [(first, not _is_org(first)), (second, not _is_org(second))]
    if not _ORG_WORDS.search(side) and not _is_org(side):
        return [(side, True)]
    bits = _PARTY_SPLIT.split(side)
    pieces, seps = bits[0::2], bits[1::2]

    def joined(i: int, j: int) -> str:
        return "".join(pieces[k] + (seps[k] if k < j else "") for k in range(i, j + 1))

    parties: list[str] = []
    start = 0
    for i in range(1, len(pieces)):
        rest_whole = any(_complete(joined(i, j)) for j in range(i, len(pieces)))
        if rest_whole and _complete(joined(start, i - 1)):
            parties.append(joined(start, i - 1))
            start = i
    parties.append(joined(start, len(pieces) - 1))
    parties = [p.strip() for p in parties if p.strip()]
    return [(p, _looks_like_person(p, min_words=2)) for p in parties]


def _redacted_title(title: str) -> tuple[str, list[str], str]:
    """(title with private appellants replaced, their names, the first appellant party)."""
    appellant, respondents = _split_title(title)
    parties = _parties(appellant)
    names = [p.strip(" ,.") for p, person in parties if person and p.strip(" ,.")]
    first = parties[0][0].strip() if parties else appellant
    left = appellant
    for name in sorted(names, key=len, reverse=True):
        left = left.replace(name, APPELLANT)
    left = re.sub(r"\[appellant\](?:\s*(?:&|and|,|/)?\s*\[appellant\])+", APPELLANT, left)
    if not respondents:
        return left, names, first
    resp = [r.strip() for r in re.split(r"\s+&\s+|\s+and\s+(?=the\b|[A-Z])", respondents)]
    resp = ["Information Commissioner" if _IC.match(r) else r for r in resp]
    return f"{left} v {' & '.join(resp)}", names, first


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


# --- parties in the header -----------------------------------------------------------------

_ROLE_LABEL = re.compile(
    r"^\s*(?P<role>(?:(?:first|second|third|1st|2nd|3rd)\s+)?respondents?|appellants?|"
    r"public authority|additional party|joined party)\s*[:\-]\s*(?P<name>\S.*)$"
)
_ROLE_TRAIL = re.compile(
    r"^(?P<name>.*?)(?:\s{2,}|^)\(?(?P<role>(?:(?:first|second|third)\s+)?respondents?|"
    r"appellants?|additional party|(?:second|third) party)\)?\s*$"
)
_HEADER_NOISE = re.compile(
    r"tribunal|judge|before|chamber|heard|hearing|determined|date|promulgat|copyright|appeal|"
    r"reference|decision|notice|members?\b|between|chairman|deputy|information rights|"
    r"\bon the papers|considered|representation|subject matter|attendances|for the |"
    r"^-?\s*and\s*-?$|^-?v-?$|:"
)
_HEADER_JUNK = re.compile(
    r"^(?:and|before|between|in person|first|second|third|judge)\b|counsel|judge|tribunal\s+"
    r"members?|\bq\.?c\.?$|^(?:mr|ms|mrs|dr)\s+\w+\s*\(|\b(?:first|second)$",
    re.I,
)
_CASE_REF = re.compile(
    r"\s*\(\s*EA[/.][^)]*\)|\s+(?:first|second|third)$|^\s*\(\d\)\s*|\s*\(\d\)\s*$", re.I
)
_NUMBERED_PARTY = re.compile(r"\(\d\)\s*|\s{3,}")
_HEADER_END = re.compile(r"^\s*(?:decision|reasons|background|introduction)\b", re.M)
_COUNSEL_HEADINGS = ("representation", "written representation", "appearances", "attendances",
                     "for the appellant", "in attendance")
_CONNECTOR_END = re.compile(r"\b(?:of|for|and|the|&|on|upon|in)$", re.I)


def _trailing_words(name: str) -> str:
    """'CARDIFF COUNCIL did not appear' -> 'CARDIFF COUNCIL'."""
    words = name.split()
    for i, word in enumerate(words):
        letters = word.lstrip("(“\"‘'")
        if i and letters[:1].islower() and letters.lower() not in _CONNECTORS:
            return " ".join(words[:i])
    return name


def _header_parties(head: str, low: str) -> tuple[list[str], list[str]]:
    """(appellants, respondents) named in the decision's opening block."""
    end = _HEADER_END.search(low, 200)
    appellants: list[str] = []
    respondents: list[str] = []
    buffer: list[str] = []
    last_role: list[str] | None = None
    skipping = skipped = False
    for line, lower in zip(head[: end.start() if end else None].splitlines(),
                           low[: end.start() if end else None].splitlines(), strict=False):
        stripped = line.strip()
        if not stripped:
            skipping = skipping and not skipped  # a blank line ends the counsel block
            continue
        if lower.lstrip().startswith(_COUNSEL_HEADINGS):
            skipping, skipped, buffer, last_role = True, False, [], None
            continue  # counsel and solicitors are listed by role too
        if skipping:
            skipped = True
            continue
        if "ppellant" in lower or "espondent" in lower or "party" in lower:
            label = _ROLE_LABEL.match(lower)
            trail = None if label else _ROLE_TRAIL.match(lower)
            if label or trail:
                found = label or trail
                role = appellants if found.group("role").startswith("appell") else respondents
                name = line[found.start("name"): found.end("name")]
                role.extend((buffer if trail else []) + _NUMBERED_PARTY.split(name))
                buffer, last_role = [], (role if label else None)
                continue
        if last_role is not None and (line.startswith("        ") or (
                last_role and _CONNECTOR_END.search(last_role[-1]))):
            if last_role and _CONNECTOR_END.search(last_role[-1]):
                last_role[-1] += " " + stripped
            else:
                last_role.extend(_NUMBERED_PARTY.split(stripped))
            continue
        last_role = None
        if _HEADER_NOISE.search(lower) or len(stripped) > 90:
            buffer = []
            continue
        buffer = [*buffer[-2:], stripped]

    def clean(names: list[str]) -> list[str]:
        """Names broken over lines joined; counsel notes, 'and' and case numbers dropped."""
        merged: list[str] = []
        for name in names:
            name = _CASE_REF.sub("", name).strip(" ,.-")
            if not name or name.lower() in ("and", "- and -", "v"):
                continue
            if merged and name[:1].islower():
                if " " not in name and merged[-1][-1:].isalpha():
                    merged[-1] += name  # 'Rural Af' + 'fairs'
                continue  # 'did not appear'
            if merged and _CONNECTOR_END.search(merged[-1]):
                merged[-1] += " " + name  # a name broken over two lines
            else:
                merged.append(_trailing_words(name))
        return [n for n in merged if len(n) > 2 and not _HEADER_JUNK.search(n)]

    return clean(appellants), clean(respondents)


# --- the public authority ------------------------------------------------------------------

_PUBLIC_AUTHORITY_AT = re.compile(r"public\s+authority\s*:[ \t]*(\S[^\n]{2,100})")
_DEFINED_MARK = re.compile(r"\(\s*(?:the\s+|hereafter\s+)?[“\"‘']|\((?=[A-Z][A-Za-z]{1,7}\))")
_NAME_TOKEN = r"(?:[A-Z][\w'’&.,-]*|[a-z]+-[A-Z][\w'’-]*|\([A-Z]+\))"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN + "$")
_CONNECTORS = {"of", "and", "for", "the", "upon", "on", "in", "&", "with"}
_NOT_IN_NAMES = {
    "although", "when", "while", "whilst", "since", "after", "before", "if", "as", "but", "that",
    "which", "then", "however", "thus", "respondent", "respondents", "appellant", "second",
    "first", "third", "additional", "party", "by", "to", "from", "at", "dear",
}
_REQUEST_TO_AT = re.compile(
    r"(?:request(?:s|ed)?(?:\s+for\s+information)?\s+(?:to|of|from)|wrote\s+to|"
    r"applied\s+to)\s+(?:the\s+)?(" + _NAME_TOKEN + r"(?:[ \t\n]+(?:" + _NAME_TOKEN +
    r"|of|and|for|the|upon|on|in|&)){0,8})"
)
_EDGE_WORDS = re.compile(r"^(?:(?:the|of|and|for|on|in|upon|&|with)\s+)+|(?:\s+(?:the|of|and|for|"
                         r"on|in|upon|&|with))+$", re.I)


def _positions(low: str, words: tuple[str, ...], limit: int) -> list[int]:
    """Word-initial offsets of literal words (str.find is far faster than a regex scan)."""
    found: set[int] = set()
    for word in words:
        i = low.find(word, 0, limit)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                found.add(i)
            i = low.find(word, i + 1, limit)
    return sorted(found)


_WORD = re.compile(r"\S+")
_LEADING_CONNECTORS = re.compile(r"^(?:(?:of|and|for|the|upon|on|in|&|with)\s+)+", re.I)


def _name_before(text: str, pos: int) -> str | None:
    """The capitalised name that ends just before `pos` ('North Somerset Council')."""
    window = text[max(0, pos - 150):pos]
    words = list(_WORD.finditer(window))
    start = None
    for word in reversed(words):
        token = word.group(0)
        bare = token.lstrip("“\"‘'([")
        if bare.lower().strip(",.") in _NOT_IN_NAMES:
            break
        if _NAME_TOKEN_RE.match(bare) or (start is not None and bare.lower() in _CONNECTORS):
            start = word.start() + len(token) - len(bare)
        else:
            break
        if bare != token:
            break  # an opening quote or bracket starts the name
    if start is None:
        return None
    return _LEADING_CONNECTORS.sub("", window[start:]).strip() or None  # no leading 'with the'


def _authority_candidates(text: str, low: str) -> Iterator[str]:
    """Names introduced with a defined term ('X ("the Council")', 'X (DfE)') or 'request to X'."""
    found: list[tuple[int, str]] = []
    for m in _DEFINED_MARK.finditer(text):
        name = _name_before(text, m.start())
        if name:
            found.append((m.start(), name))
    for pos in _positions(low, ("request", "wrote to", "applied to"), len(low)):
        m = _REQUEST_TO_AT.match(text, pos)
        if m:
            found.append((pos, m.group(1)))
    for _, name in sorted(found):
        yield _flatten(name)


def _labelled_authority(text: str, low: str) -> str | None:
    """'Public Authority: X', as a substituted decision notice sets it out."""
    for pos in _positions(low, ("public authority",), len(low)):
        line_start = low.rfind("\n", 0, pos) + 1
        m = _PUBLIC_AUTHORITY_AT.match(low, pos)
        if m and not low[line_start:pos].strip():
            name = text[m.start(1): m.end(1)].strip()
            if _is_org(name) and not _COMMISSIONER.match(name):
                return name
    return None


def _authority_from_text(text: str, low: str, appellant: str) -> str | None:
    """'Public Authority: X' in a substituted notice, else the first public body named."""
    labelled = _labelled_authority(text, low)
    if labelled:
        return labelled
    acronym = None
    for raw in _authority_candidates(text[:20_000], low[:20_000]):
        name = _EDGE_WORDS.sub("", re.sub(r"['’]s?$", "", raw.strip(" ,.")))
        lower = name.lower()
        if " " not in name and not name.isupper():
            continue  # a bare 'Council' or 'Trust' says nothing
        if (name and _is_public_body(name) and not _COMMISSIONER.match(name)
                and lower not in appellant.lower() and "tribunal" not in lower
                and not lower.endswith(("commissioner", "commissioner's office"))):
            if " " in name:
                return name
            acronym = acronym or name  # 'FCO': keep looking for the full name
    return acronym


def _authority(record: dict, text: str, low: str, appellant: str, appellant_is_authority: bool,
               respondents: list[str]) -> str | None:
    """The public authority the request went to, best source first."""
    field = _field(record, "public_authority")
    if field and _is_org(field):  # it sometimes names the requester (a second respondent)
        return _clean_authority(field)
    if appellant_is_authority:
        return _clean_authority(appellant)
    for name in respondents:
        if _is_public_body(name):
            return _clean_authority(name)
    found = _authority_from_text(text, low, appellant)
    return _clean_authority(found) if found else None


# --- who appealed --------------------------------------------------------------------------

_APPELLANT_REQUESTED = re.compile(
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:requested|asked\s+for|sought\s+(?:disclosure|"
    r"information|copies|a\s+copy|access)|(?:made|submitted|sent)\s+(?:a|an|his|her|its|their)\s+"
    r"(?:\w+\s+){0,2}?request)|\bappellant['’]s\s+(?:\w+\s+)?request\b|\brequests?\s+(?:\w+\s+){0,2}?"
    r"(?:made\s+)?by\s+the\s+appellant\b(?!\s*\n)"
)
_APPELLANT_REFUSED = re.compile(
    r"\b(?:request(?:s|ed)?|wrote|applied)\s+(?:\w+\s+){0,3}?(?:to|of|from)\s+the\s+appellant\b|"
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:refused|withheld|relied|declined|disclosed|"
    r"neither\s+confirm)|\bappellant['’]s\s+(?:refusal|reliance)"
)


_GENERIC_NAME_WORDS = {
    "council", "borough", "county", "city", "district", "department", "office", "ministry",
    "metropolitan", "london", "information", "commissioner",
}


def _same_body(a: str, b: str) -> bool:
    """'SHEFFIELD CITY COUNCIL' and 'Sheffield City Council (EA/2017/0001)' are one body."""
    words_a = set(re.findall(r"[a-z]{4,}", a.lower())) - _GENERIC_NAME_WORDS
    words_b = set(re.findall(r"[a-z]{4,}", b.lower())) - _GENERIC_NAME_WORDS
    return bool(words_a & words_b) or a.lower().strip() == b.lower().strip()


def _other_respondents(record: dict, header_respondents: list[str],
                       first_party: str) -> list[str]:
    """Respondents besides the Commissioner (and the appellant, in joined appeals)."""
    listed = record.get("respondents")
    listed = [r for r in listed if isinstance(r, str)] if isinstance(listed, list) else []
    return [r for r in header_respondents + listed
            if not _COMMISSIONER.match(r.strip()) and not _same_body(r, first_party)]


def _authority_appealed(first_party: str, record: dict, low: str,
                        respondents: list[str]) -> bool:
    """True when the appellant is the public authority resisting an order to disclose."""
    if not _is_org(first_party):
        return False
    if len(respondents) <= 3 and any(_is_public_body(r) for r in respondents):
        return False  # the authority is a respondent, so the appellant asked
    field = _field(record, "public_authority").lower()
    if field and _is_org(field):
        words = set(re.findall(r"[a-z]{4,}", field)) - {"council", "borough", "county", "city"}
        mine = set(re.findall(r"[a-z]{4,}", first_party.lower()))
        if words and not words & mine:
            return False
    requested = refused = 0
    for pos in _positions(low, ("appellant",), len(low)):
        window = low[max(0, pos - 60): pos + 70]
        requested += bool(_APPELLANT_REQUESTED.search(window))
        refused += bool(_APPELLANT_REFUSED.search(window))
    if _is_public_body(first_party):
        return not requested >= refused + 2
    return refused >= 2 and refused > requested


# --- outcome -------------------------------------------------------------------------------

_TEXT_OUTCOME = re.compile(
    r"\bappeal\s+(?:is|be|should\s+be|must\s+be|shall\s+be)\s+(?:hereby\s+|therefore\s+|"
    r"accordingly\s+)?(?P<a>(?:allowed|upheld)\s+in\s+part|partly\s+(?:allowed|upheld)|"
    r"partially\s+(?:allowed|upheld)|dismissed|allowed|upheld|struck\s+out)"
    r"|\b(?P<b>dismiss|allow)(?:es|s)?\s+the\s+appeal(?P<c>\s+in\s+part)?"
)
_READ_TEXT_FOR = re.compile(r"^(?:na|\?+|manual review|.*(?:pta|permission to appeal).*)$")


def _outcome_kind(raw: str, low: str) -> str:
    """The appeal's fate: 'dismissed', 'allowed', 'part' or 'other'."""
    label = raw.lower()
    if label.startswith(("part allowed", "partly allowed", "allowed in part", "part-allowed")):
        return "part"
    if label.startswith("dismissed"):
        return "dismissed"
    if label.startswith("allowed"):
        return "allowed"
    if not _READ_TEXT_FOR.match(label) or label.startswith(("ut ", "struck")):
        return "other"
    m = _TEXT_OUTCOME.search(low, 0, 15_000)
    if not m:
        return "other"
    said = m.group("a") or (m.group("b") + (m.group("c") or ""))
    if "part" in said:
        return "part"
    if said.startswith("dismiss"):
        return "dismissed"
    return "allowed" if said.startswith(("allow", "upheld")) else "other"


def _result(raw_outcome: str, disclosure: str, authority_appealed: bool, low: str) -> str:
    """Did the refusal stand? See the module docstring for the mapping."""
    kind = _outcome_kind(raw_outcome, low)
    d = disclosure.lower()
    if d in ("ordered to disclose", "ordered to respond", "no action needed b"):
        return "partly_upheld" if kind == "part" else "overturned"
    if d.startswith("no action needed") or kind == "part":
        return "partly_upheld"
    if kind == "dismissed":
        return "overturned" if authority_appealed else "upheld"
    if kind == "allowed":
        return "upheld" if authority_appealed else "overturned"
    return "unknown"


# --- regime --------------------------------------------------------------------------------

_EIR_PHRASES = ("environmental information", " eir", "(eir", "“eir", "\"eir", "regulation 12(",
                "regulation 13(", "reg. 12(", "reg 12(")
_FOIA_PHRASES = ("freedom of information act", "foia", "section ", "s.", " s ")


def _regime(record: dict, low: str) -> str:
    """EIR when the record says so, or when EIR language clearly outweighs FOIA language."""
    jurisdiction = _field(record, "jurisdiction").lower()
    if "environmental" in jurisdiction:
        return "EIR"
    low = low[:15_000]
    eir = sum(low.count(p) for p in _EIR_PHRASES)
    foia = sum(low.count(p) for p in _FOIA_PHRASES)
    if "freedom of information" in jurisdiction:
        return "EIR" if eir >= 10 and eir > 3 * foia else "FOIA"
    return "EIR" if eir >= 3 and eir > foia else "FOIA"


# --- exemptions ----------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MAYBE_CITE = re.compile(  # an exemption-numbered section or regulation, cheaply
    r"[sr](?<![\w'’][sr])(?:ections?|ecs?|s|egulations?|egs?)?\.?\s*(?:1[234]|2\d|3\d|4[0-4])"
    r"(?!\d)"
)
_CITE_WINDOW = 90
_SUBJECT = re.compile(r"subject\s+matter\s*:?(.{0,400})", re.S)
_EIR_AS_SECTION = re.compile(r"^s1[23](?:\([45]\)(?:\([a-g]\))?|\([12]\))?$")
_IMPLIED = ((("vexatious",), "s14"), (("appropriate limit", "cost limit", "costs limit"), "s12"))


def _paragraph_cites(raw: str, low: str) -> Counter:
    """How many paragraphs cite each exemption, as `find_exemptions` writes them."""
    counts: Counter = Counter()
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(low)]
    spans: list[tuple[int, int, int]] = []  # (paragraph, start, end) of citation windows
    for hit in _MAYBE_CITE.finditer(low):
        i = bisect_right(starts, hit.start()) - 1
        end = hit.start() + _CITE_WINDOW  # the citation and a list after it ('40(2) and 41')
        if spans and spans[-1][0] == i and hit.start() <= spans[-1][2]:
            spans[-1] = (i, spans[-1][1], end)
        else:
            spans.append((i, hit.start(), end))
    paragraph, cites = -1, {}  # a dict keeps first-mention order, so ties break the same way
    for i, start, end in spans:
        if i != paragraph:
            counts.update(cites.keys())
            paragraph, cites = i, {}
        window = _SPACES.sub(" ", raw[start:end])  # one space per layout gap
        cites.update(dict.fromkeys(find_exemptions(window, implied=False)))
    counts.update(cites.keys())
    subject = _SUBJECT.search(low, 0, _HEADER_SCAN)
    if subject:
        for cite in find_exemptions(raw[subject.start(1): subject.end(1)], implied=False):
            counts[cite] += 3
    return counts


def _for_regime(found: Counter, low: str, regime: str) -> Counter:
    """EIR decisions' 'section 12(4)(b)' read as r12(4)(b); implied s12/s14 counted by mention."""
    counts: Counter = Counter()
    for cite, n in found.items():
        if regime == "EIR" and _EIR_AS_SECTION.match(cite) and (
                cite.startswith("s13") or "(4)" in cite or "(5)" in cite):
            cite = "r" + cite[1:]
        counts[cite] += n
    for phrases, section in _IMPLIED:
        if (section == "s14" and regime == "EIR") or any(section_of(c) == section for c in counts):
            continue
        mentions = sum(low.count(p) for p in phrases)
        if mentions >= 2:
            counts[section] = mentions
    return counts


def _within_section(cites: list[str], counts: Counter) -> list[str]:
    """The section's most used citations (up to 3), each as specific as the text makes it:
    a bare 's38' becomes its most cited refinement 's38(1)'."""
    cites.sort(key=lambda c: (-counts[c], c))
    best = counts[cites[0]]
    chosen = [c for c in cites if c == cites[0] or (counts[c] >= 2 and counts[c] * 4 >= best)]
    out: list[str] = []
    for cite in chosen:
        finer = [o for o in cites if o != cite and o.startswith(cite + "(")]
        if finer:
            cite = max(finer, key=lambda o: (counts[o], -len(o)))
        if cite not in out:
            out.append(cite)
    out = [c for c in out if not any(o != c and o.startswith(c + "(") for o in out)]
    return out[:3]


def _exemptions(found: Counter, low: str, regime: str) -> tuple[str, ...]:
    """The exemptions the decision is about, most argued first (see the module docstring)."""
    counts = _for_regime(found, low, regime)
    if not counts:
        return ()
    by_section: Counter = Counter()
    for cite, n in counts.items():
        by_section[section_of(cite)] += n
    top = max(by_section.values())
    keep = [s for s, n in by_section.most_common() if n >= 2 and n * 6 >= top]
    out: list[str] = []
    for section in keep or [by_section.most_common(1)[0][0]]:
        out.extend(_within_section([c for c in counts if section_of(c) == section], counts))
    return tuple(out[:MAX_EXEMPTIONS])


# --- the request ---------------------------------------------------------------------------

# Words found with str.find; the regex then matches the whole phrase around each one.
_TRIGGER_WORDS = (
    "following", "terms", "follows", "which read", "request", "sought", "seeking", "asked",
    "asking", "wrote", "writing", "stating", "stated",
)
_TRIGGER = re.compile(
    r"\b(?:(?P<strong>in\s+the\s+following\s+terms|in\s+these\s+terms|in\s+the\s+terms|"
    r"in\s+the\s+following\s+(?:way|form)|as\s+follows|which\s+(?:read|stated|said)|"
    r"(?:the|his|her|their|this)\s+request\s+(?:was|read|stated|said)|the\s+following\s+"
    r"(?:request|information))|(?P<medium>request(?:ed|ing|s)?|sought|seeking|asked\s+for|"
    r"asking\s+for)|(?P<weak>asked|wr(?:o|i)te\s+to|writing\s+to|stating|stated|saying|said))\b"
)
_REQUEST_CONTEXT = re.compile(r"request|sought|asked|seeking|asking")
_REQUEST_CUES = re.compile(
    r"\b(?:please|i\s+would\s+like|i\s+wish|i\s+request|i\s+am\s+requesting|i'd\s+like|"
    r"could\s+you|can\s+you|would\s+you|cop(?:y|ies)|how\s+many|how\s+much|number|details|"
    r"all|any|provide|disclose|what|which|whether|list|names?|information|records?|minutes|"
    r"reports?|documents?|correspondence|e-?mails?|letters?|data|figures|costs?|total|amount|"
    r"held|hold|since|between|dated|relating|regarding|concerning|about|freedom\s+of\s+"
    r"information|foi)\b|\?"
)
_LAW_CUES = re.compile(
    r"\b(?:exempt|exemption|public\s+interest|tribunal|subsection|engaged|appellant|"
    r"respondent|decision\s+notice|skeleton|bundle|submissions?|paragraphs?|para|prejudice|"
    r"would\s+be\s+likely|qualified\s+person|judgment|grounds?\s+of\s+appeal|"
    r"data\s+protection\s+principles?|in\s+all\s+the\s+circumstances|the\s+commissioner|"
    r"we\s+(?:are|find|consider|hold|have|do|can|will)|this\s+appeal|public\s+authority|"
    r"data\s+subject|processing|shall|adversely\s+affect|cost\s+limit|appropriate\s+limit|"
    r"regulation|vexatious|ea/\d{4}|v\s+ic|v\s+information\s+commissioner|"
    r"the\s+council\s+(?:holds|has|does)|complainant|authority|description\s+specified|"
    r"section\s+\d+\s+(?:of\s+)?(?:foia|the\s+act)|articles?\s+\d|confirms?\s+or\s+den(?:y|ies)|"
    r"neither\s+confirm|likely\s+to|would\s+(?:reveal|disclose|prejudice)|it\s+holds)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|please)\b")
_OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "”"}
_PARA_START = re.compile(r"\n[ \t]{0,8}(\d{1,3})\.?[ \t]+(?=\S)")
_WINDOW_MARK = re.compile(
    r"[“\"‘'„]|:[ \t]*[-–]?[ \t]*\n|(?<=\s)[-–][ \t]*\n|\.(?=[ \n])"  # not 'infor-\nmation'
)
_ABBREVIATION = re.compile(r"\b(?:[a-z]|no|nos|para|paras|p|pp|mr|mrs|ms|dr|st|ref|s|ss|reg)$")
_LEADING_JUNK = re.compile(r"^(?:[\s“”\"‘’'\-–:.…]|\.\.)+|[\s“”\"‘’'\-–:]+$")


def _paragraph_starts(text: str) -> list[tuple[int, int]]:
    """(offset, number) of each numbered decision paragraph, to find where a quote ends."""
    return [(m.start() + 1, int(m.group(1))) for m in _PARA_START.finditer(text)]


def _paragraph_end(text: str, start: int, paras: list[tuple[int, int]], limit: int = 3000) -> int:
    """Where the paragraph holding `start` ends: the next paragraph number, or `limit` on."""
    stop = min(len(text), start + limit)
    i = bisect_right(paras, (start, 10**6))
    number = paras[i - 1][1] if i else None
    while i < len(paras) and paras[i][0] < stop:
        if number is None or paras[i][1] == number + 1:
            return paras[i][0]
        i += 1
    return stop


def _closing_quote(text: str, start: int, opening: str, end: int) -> int:
    """Index of the quote that closes one opened at `start` (apostrophes skipped)."""
    closing = _OPEN_QUOTES[opening]
    i = start
    while True:
        i = text.find(closing, i, end)
        if i < 0:
            return end
        if closing in "’'" and text[i + 1: i + 2].isalpha():
            i += 1
            continue
        return i


def _quotes_after(text: str, low: str, pos: int, paras: list[tuple[int, int]]) -> Iterator[str]:
    """Quotes, or an indented block after a colon, that follow a trigger at `pos`.

    Stops at the end of the trigger's sentence; short quotes (defined terms) are skipped.
    """
    end = _paragraph_end(text, pos, paras)
    limit = min(end, pos + 350)
    i = pos
    while i < limit:
        m = _WINDOW_MARK.search(text, i, limit)
        if not m:
            return
        mark = m.group(0)
        if mark == ".":
            if _ABBREVIATION.search(low, max(0, m.start() - 6), m.start()):
                i = m.end()
                continue
            return
        if mark in _OPEN_QUOTES:
            if mark in "'’" and m.start() > 0 and text[m.start() - 1].isalpha():
                i = m.end()
                continue
            close = _closing_quote(text, m.end(), mark, end)
            yield text[m.end():close]
            i = close + 1
            continue
        yield text[m.end():end]  # a block after a colon
        return


def _trigger_strength(m: re.Match, low: str) -> int:
    """4 for 'in the following terms', 2 for 'requested', 1 for 'wrote to'; 0 when the words
    around say nothing about a request ('as follows' usually introduces law)."""
    if m.group("medium"):
        return 2
    strong = m.group("strong")
    if strong and not strong.startswith("as follows"):
        return 4
    context = _REQUEST_CONTEXT.search(low, max(0, m.start() - 250), m.start())
    if strong:
        return 4 if context else 1
    return 1 if context else 0


def _request_score(snippet: str, strength: int, pos: int) -> float:
    """How much a quote reads like a request rather than law, argument or a defined term."""
    low = snippet[:400].lower()  # the opening words say what kind of text it is
    asks = min(3, len(_REQUEST_CUES.findall(low))) + (1 if _FIRST_PERSON.search(low) else 0)
    law = min(4, len(_LAW_CUES.findall(low)))
    return strength + asks - 1.5 * law - pos / 20_000


def _usable(snippet: str) -> bool:
    """Long enough to be a request, not a defined term or a citation."""
    return (len(snippet) >= 25 and snippet.count(" ") >= 4
            and _ascii_letters(snippet[:200]) > 20)


def _quoted_request(text: str, low: str) -> str | None:
    """The request as the decision quotes it: the best-scoring quote after a trigger."""
    paras = _paragraph_starts(text[: _REQUEST_SCAN + 3000])
    best: tuple[float, str] | None = None
    seen: set[int] = set()
    for pos in _positions(low, _TRIGGER_WORDS, _REQUEST_SCAN):
        m = _TRIGGER.search(low, max(0, pos - 30), pos + 40)
        if not m or not m.start() <= pos < m.end() or m.start() in seen:
            continue
        seen.add(m.start())
        strength = _trigger_strength(m, low)
        if not strength:
            continue
        for quote in _quotes_after(text, low, m.end(), paras):
            snippet = _LEADING_JUNK.sub("", _flatten(quote[:1200]))  # enough for 600 chars
            if not _usable(snippet):
                continue
            score = _request_score(snippet[:MAX_REQUEST_CHARS], strength, m.start())
            if best is None or score > best[0]:
                best = (score, snippet)
            break
        if best and best[0] >= 5:
            break  # a quote this request-like will not be beaten
    return best[1] if best and best[0] >= _MIN_REQUEST_SCORE else None


_SUMMARY_KEY = re.compile(
    r"\b(?:request(?:ing)?|requested(?!\s+information)|sought|asked\s+for|asks\s+for|"
    r"applied)\b"
)
_SUMMARY_OBJECT = re.compile(
    r"\b(?:information|details|cop(?:y|ies)|data|documents?|records?|minutes|correspondence|"
    r"reports?|figures|names?|list|e-?mails?|letters?|advice|statistics)\b"
)
_SUMMARY_GOOD = re.compile(
    r"request(?:ed)?\s+(?:was\s+)?(?:for|about|relating\s+to|concerning|regarding|in\s+relation\s+"
    r"to)\b|request\s+for\s+(?:information|details|cop(?:y|ies)|disclosure)|asked\s+for|"
    r"sought\s+(?:a\s+copy|copies|disclosure|information|details|access)|requested\s+(?:a\s+|"
    r"the\s+|copies|information|details|disclosure|access|all|any)|asks?\s+for|"
    r"request\s+(?:dated|of|made\s+on)\s+[^,;]{3,30}\s+(?:asked|sought|was)|"
    r"applied\b[^.]{0,60}\bfor\s+(?:disclosure|information|copies|a\s+copy|access)"
)
_SUMMARY_BAD = re.compile(
    r"refus|complained\s+to|withh[oe]ld|decision\s+notice|breach|responded|internal\s+review|"
    r"\bfee\b|exceed|exempt|public\s+interest|entitled|obligation|overlooked|\bmay\b|"
    r"personal\s+data|section\s+\d|regulation\s+\d|member\s+state"
)
_SENTENCE_END = re.compile(r"\.(?=\s)|\n[ \t]*\n")
_PARA_NUMBER = re.compile(r"^\W*\d{1,3}\.?\s+")


def _summary_score(sentence: str) -> float:
    """A sentence that says what was asked for scores high; refusal or law talk scores low."""
    good = 2 if _SUMMARY_GOOD.search(sentence) else 0
    return good - 1.5 * min(len(_SUMMARY_BAD.findall(sentence)), 4)


def _summary_sentence(text: str, low: str) -> str | None:
    """A sentence that says what was asked for, when the request is not quoted."""
    best: tuple[float, str] | None = None
    for m in _SUMMARY_KEY.finditer(low, 0, 20_000):
        start = max(low.rfind(". ", 0, m.start()), low.rfind(".\n", 0, m.start()),
                    low.rfind("\n\n", 0, m.start())) + 1
        end = _SENTENCE_END.search(low, m.end())
        stop = end.start() + 1 if end else len(low)
        if stop - start > 700 or not _SUMMARY_OBJECT.search(low, m.end(), stop):
            continue
        score = _summary_score(low[start:stop])
        if best is not None and score <= best[0]:
            continue
        sentence = _PARA_NUMBER.sub("", _flatten(text[start:stop]))
        if _usable(sentence) and sentence.count(" ") >= 6 and not sentence.isupper() and (
                sentence[0].isupper() or sentence[0].isdigit()):
            best = (score, sentence)
            if score >= 2:
                break
    return best[1] if best and best[0] >= 0 else None


def _requested(text: str, low: str, fallback: str) -> tuple[str, str]:
    """(what was asked for, where it came from: 'quote', 'summary' or 'title')."""
    quoted = _quoted_request(text, low)
    if quoted:
        return quoted, "quote"
    summary = _summary_sentence(text, low)
    if summary:
        return summary, "summary"
    return fallback, "title"


# --- entry point ---------------------------------------------------------------------------

_DECISION_WORDS = ("tribunal", "appeal", "court", "commissioner", "decision", "judgment",
                   "registrar", "withdraw")


_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isalpha() or b > 127)


def _ascii_letters(text: str) -> int:
    """How many ASCII letters: a decision's first pages are mostly English words."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))


def _looks_like_decision(text: str) -> bool:
    """A decision names a tribunal, a court, an appeal or the Commissioner early on."""
    for size in (5000, 20_000):
        low = text[:size].lower()
        if any(word in low for word in _DECISION_WORDS):
            return True
        if len(text) <= size:
            break
    return False


def _check(record: object) -> tuple[str, str]:
    """The record's text and reference, or CorpusError saying why it cannot be parsed."""
    if not isinstance(record, dict):
        raise CorpusError("tribunal record is not a JSON object")
    if record.get("text") is None:
        raise CorpusError("tribunal record has no text")
    if record.get("reference") is None:
        raise CorpusError("tribunal record has no reference")
    text = record["text"]
    if not isinstance(text, str):
        raise CorpusError("tribunal record text is not a string")
    if text.isspace() or not text:
        raise CorpusError("tribunal record text is empty")
    if _ascii_letters(text[:3000]) < 40 or not _looks_like_decision(text):
        raise CorpusError("tribunal record text is not a decision")
    raw_ref = record["reference"]
    return text, raw_ref.strip() if isinstance(raw_ref, str) else ""


def _parties_of(record: dict, head: str, low: str) -> tuple[str, list[str], str, list[str]]:
    """(redacted title, private names, first appellant party, respondents in the header)."""
    case_title = _SPACES.sub(" ", _field(record, "case_title"))
    header_appellants, header_respondents = _header_parties(head[:_HEADER_SCAN],
                                                            low[:_HEADER_SCAN])
    if case_title:
        title, names, first = _redacted_title(case_title)
    elif header_appellants:
        first = header_appellants[0]
        names = [] if _is_org(first) else [first]
        title = f"{APPELLANT if names else _title_case(first)} v Information Commissioner"
    else:
        title, names, first = "", [], ""
    return title, names, first, header_respondents


def parse_tribunal_record(record: dict, source: str = "tribunal") -> Document:
    """One tribunal decision record -> a `Document` of kind "decision" (see module doc)."""
    text, raw_ref = _check(record)
    body = _layout(text[:_EXEMPTION_SCAN])
    body_low = _lower(body)
    head, head_low = body[:_SCAN], body_low[:_SCAN]
    title, private_names, first_party, respondents = _parties_of(record, head, head_low)
    reference = _reference(raw_ref, text)
    key = _field(record, "id") or reference
    if not key:
        raise CorpusError("tribunal record has neither id nor reference")
    respondents = _other_respondents(record, respondents, first_party)
    # A requester joined as a respondent (when the authority appealed) is private too.
    names = (_Names(private_names),
             _Names([r for r in respondents if _looks_like_person(r, 2)], REQUESTER))
    appealed = bool(first_party) and _authority_appealed(first_party, record, head_low,
                                                         respondents)
    authority = _authority(record, head, head_low, first_party, appealed, respondents)
    regime = _regime(record, head_low)
    found = _paragraph_cites(body, body_low)
    exemptions = _exemptions(found, body_low, regime)
    if regime == "FOIA" and exemptions and exemptions[0].startswith("r"):
        regime = "EIR"  # argued under the EIR whatever the record's label says
        exemptions = _exemptions(found, body_low, regime)
    raw_outcome = _field(record, "appeal_outcome")
    requested, request_source = _requested(head, head_low, title or reference or "")
    return Document(
        source=source,
        key=key,
        kind="decision",
        authority=redact_text(authority, *names) if authority else None,
        date=_decision_date(_field(record, "decision_date"), head_low),
        reference=reference,
        url=_field(record, "source_url") or None,
        title=redact_text(title, *names) or None,
        questions=(),
        decision=Decision(
            reference=reference,
            information_requested=_shorten(redact_text(requested, *names)),
            exemptions=exemptions,
            result=_result(raw_outcome, _field(record, "information_disclosure"), appealed,
                           head_low),
            appeal_outcome=raw_outcome or None,
        ),
        regime=regime,
        content_hash=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        extra={"appellant_is_authority": appealed, "request_source": request_source},
    )
