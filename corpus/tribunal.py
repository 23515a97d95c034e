"""Parse one First-tier Tribunal (Information Rights) decision record into a `Document`.

A record (see ``shared/corpus/README.md``) carries metadata (reference, date, case title,
appeal outcome) and the whole decision as layout-preserving PDF text. The metadata is trusted
where it is filled; the rest (the authority, the request, the exemptions at issue, who
appealed) is read from the text with fast heuristics. Pure: no file I/O.

``Decision.result`` says whether the *refusal* survived, not the appeal:

* ``information_disclosure`` wins when filled (it is only filled for allowed appeals):
  "Ordered to Disclose", "Ordered to Respond" and "No Action Needed B" (the information had
  been given meanwhile) -> ``overturned``, or ``partly_upheld`` if the appeal was only
  "Part Allowed"; "No Action Needed A/C" (allowed on a point, nothing more to disclose)
  -> ``partly_upheld``.
* Otherwise ``appeal_outcome``, read from the appellant's side. A requester's appeal:
  Dismissed -> ``upheld``, Allowed -> ``overturned``. A public authority's appeal (it is
  fighting an ICO order to disclose): Dismissed -> ``overturned``, Allowed -> ``upheld``.
  Part Allowed -> ``partly_upheld`` either way.
* Struck Out, Withdrawn, Consent Order and appeals to higher courts -> ``unknown``.
  Unrecorded outcomes ("NA", "???", "Manual Review", permission-to-appeal notes) are read
  from the decision's own words ("dismisses the appeal", "the appeal is allowed in part")
  in its first pages, else ``unknown``.

Exemptions: citations are counted per paragraph over the first ``_EXEMPTION_SCAN``
characters (the "Subject matter" header counts three times). A section is kept when it is
cited in at least two paragraphs and in at least a sixth as many as the most cited section
(or when it is the only one cited); sections are ranked by that count. Within a section the
most specific citations are kept (up to three, each used at least a quarter as often as the
section's best). At most ``MAX_EXEMPTIONS`` in all. Procedural sections never appear
(``find_exemptions`` ignores them); an EIR decision's "section 12(4)(b)" becomes r12(4)(b).
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
_LETTER = re.compile(r"[^\W\d_]")
_EMAIL_RE = re.compile(r"[\w.+'-]+[ \t]?@[ \t]?[\w-]+(?:\.[\w-]+)+")


def _layout(text: str) -> str:
    """Page numbers, running headers and odd PDF spaces out; lines kept for indentation."""
    for odd, plain in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    kept = []
    for line in text.split("\n"):
        bare = line.strip().strip("-–()").strip()
        if bare and len(bare) <= 3 and bare.isdigit():
            continue
        if "EA" in line and len(bare) < 70 and _RUNNING_HEADER.match(bare.lower()):
            continue
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
    r"tribunal|court of|governing body|gallery|chamber|republic|kingdom|mayor|burgesses|"
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
    r"ministry|fco|mod|moj|cps|dfe|dfes|defra|decc|dcms|tfl|psni|ipcc|ucas|mhra|caa|fsa)\b",
    re.I,
)
_COMPANY = re.compile(r"\b(?:ltd|limited|plc|llp|gmbh|inc)\b\.?", re.I)
_PRIVATE_TRUST = re.compile(r"\b(?:charitable|education|family|heritage|national) trust\b", re.I)
_STRONG_PUBLIC = re.compile(
    r"\b(?:council|nhs|university|royal mail|network rail|student loans|homes|anti-doping|"
    r"healthcare products|transport for london|academy)\b",
    re.I,
)
_COMMISSIONER = re.compile(
    r"^(?:the\s+)?(?:information\s+commissioner(?:['’]s\s+office)?|indformation commissioner|"
    r"ico|ic|commissioner|data protection (?:commissioner|registrar)|information tribunal)\.?$",
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
    return not _COMPANY.search(name) or bool(_STRONG_PUBLIC.search(name))


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
    r"\s*\(\d\)\s*|\s+[-–]\s+[A-Z]{3,}$"
)


def _clean_authority(name: str) -> str | None:
    """One readable authority name: no defined-term brackets, no leading 'The', no ALL CAPS."""
    name = _AUTHORITY_JUNK.sub(" ", _SPACES.sub(" ", name)).strip(" ,.;:-–")
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


def _looks_like_person(piece: str, min_words: int = 1) -> bool:
    """Capitalised words (or a title and a name) with no organisation word."""
    piece = piece.strip(" ,.")
    if not piece or any(ch.isdigit() for ch in piece):
        return False
    if _TITLE_RE.match(piece):
        return True
    words = piece.split()
    if _is_org(piece) or not min_words <= len(words) <= 5:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _parties(side: str) -> list[tuple[str, bool]]:
    """The appellant side cut into parties, each marked private person (True) or not.

    'Foreign and Commonwealth Office' must stay whole, so a fragment that is neither an
    organisation nor a two-word name is glued to its neighbour.
    """
    behalf = _ON_BEHALF.match(side)
    if behalf and behalf.group(1) and behalf.group(2):
        first, second = behalf.group(1), behalf.group(2)
        return [(first, not _is_org(first)), (second, not _is_org(second))]
    if not _is_org(side):
        return [(side, True)]
    bits = _PARTY_SPLIT.split(side)
    pieces, seps = bits[0::2], bits[1::2]
    parties: list[str] = []
    pending = ""
    for i, piece in enumerate(pieces):
        text = pending + piece
        complete = _is_org(text) or _looks_like_person(text, min_words=2)
        if complete or i == len(pieces) - 1:
            if not complete and parties:
                parties[-1] += seps[i - 1] + piece if i else piece
            else:
                parties.append(text)
            pending = ""
        else:
            pending = text + (seps[i] if i < len(seps) else "")
    parties = [p.strip() for p in parties if p.strip()]
    return [(p, _looks_like_person(p, min_words=2) and not _is_org(p)) for p in parties]


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
    resp = ["Information Commissioner" if _COMMISSIONER.match(r) else r for r in resp]
    return f"{left} v {' & '.join(resp)}", names, first


_NAMEISH = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Cllr|Councillor|MR|MRS|"
    r"MS|MISS|DR)\.?\s+)?(?:[A-Z][\w'’`-]*\.?\s+){0,3}[A-Z][\w'’`-]*"
)
_TITLE_WORDS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady",
                "lord", "cllr", "councillor"}


class _Names:
    """The private appellants' names, found as 'Mr Surname', 'First [M.] Surname' or in full.

    A bare surname is left alone: 'England' or 'Church' are too often ordinary words.
    """

    def __init__(self, names: list[str]) -> None:
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
        tokens = [(t.start(), t.group(0)) for t in re.finditer(r"\S+", m.group(0))]
        bare = [t.strip(".,'’`").lower() for _, t in tokens]
        last = max((i for i, b in enumerate(bare) if b in self.surnames), default=-1)
        if last < 0:
            return m.group(0)
        first = last
        while first > 0 and (bare[first - 1] in self.firsts or len(bare[first - 1]) == 1):
            first -= 1
        if first > 0 and bare[first - 1] in _TITLE_WORDS:
            first -= 1
        if first == last:
            return m.group(0)
        text = m.group(0)
        return text[: tokens[first][0]] + APPELLANT + text[tokens[last][0] + len(tokens[last][1]):]

    def redact(self, text: str) -> str:
        return _NAMEISH.sub(self._replace, text) if self.surnames else text


def redact_text(text: str, names: _Names | None = None) -> str:
    """E-mail addresses and the private appellant's name out of a stored snippet."""
    if "@" in text:
        text = _EMAIL_RE.sub(EMAIL, text)
    return names.redact(text) if names is not None else text


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
_NUMBERED_PARTY = re.compile(r"\(\d\)\s*|\s{3,}")
_HEADER_END = re.compile(r"^\s*(?:decision|reasons|background|introduction)\b", re.M)
_CONNECTOR_END = re.compile(r"\b(?:of|for|and|the|&|on|upon|in)$", re.I)


def _header_parties(head: str, low: str) -> tuple[list[str], list[str]]:
    """(appellants, respondents) named in the decision's opening block."""
    end = _HEADER_END.search(low, 200)
    appellants: list[str] = []
    respondents: list[str] = []
    buffer: list[str] = []
    last_role: list[str] | None = None
    for line, lower in zip(head[: end.start() if end else None].splitlines(),
                           low[: end.start() if end else None].splitlines(), strict=False):
        stripped = line.strip()
        if not stripped:
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
        return [n.strip(" ,.-") for n in names if len(n.strip(" ,.-")) > 2]

    return clean(appellants), clean(respondents)


# --- the public authority ------------------------------------------------------------------

_PUBLIC_AUTHORITY_LINE = re.compile(r"^\s*public\s+authority\s*:\s*(\S.{2,100})$", re.M)
_DEFINED_MARK = re.compile(r"\(\s*(?:the\s+|hereafter\s+)?[“\"‘']|\((?=[A-Z][A-Za-z]{1,7}\))")
_NAME_TOKEN = r"(?:[A-Z][\w'’&.,-]*|[a-z]+-[A-Z][\w'’-]*|\([A-Z]+\))"
_NAME_BEFORE = re.compile(
    r"(" + _NAME_TOKEN + r"(?:[ \t\n]+(?:" + _NAME_TOKEN + r"|of|and|for|the|upon|on|in|&))*)"
    r"[ \t\n]*$"
)
_REQUEST_TO = re.compile(
    r"\b(?:request(?:s|ed)?(?:\s+for\s+information)?\s+(?:to|of|from)|wrote\s+to|"
    r"applied\s+to)\s+(?:the\s+)?(" + _NAME_TOKEN + r"(?:[ \t\n]+(?:" + _NAME_TOKEN +
    r"|of|and|for|the|upon|on|in|&)){0,8})"
)
_EDGE_WORDS = re.compile(r"^(?:(?:the|of|and|for|on|in|upon|&)\s+)+|(?:\s+(?:the|of|and|for|on|"
                         r"in|upon|&))+$", re.I)


def _authority_candidates(text: str) -> Iterator[str]:
    """Names introduced with a defined term ('X ("the Council")', 'X (DfE)') or 'request to X'."""
    found: list[tuple[int, str]] = []
    for m in _DEFINED_MARK.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 150), m.start())
        if name:
            found.append((m.start(), name.group(1)))
    found.extend((m.start(), m.group(1)) for m in _REQUEST_TO.finditer(text))
    for _, name in sorted(found):
        yield _flatten(name)


def _authority_from_text(text: str, low: str, appellant: str) -> str | None:
    """'Public Authority: X' in a substituted notice, else the first public body named."""
    m = _PUBLIC_AUTHORITY_LINE.search(low)
    if m:
        name = text[m.start(1): m.end(1)].strip()
        if _is_org(name) and not _COMMISSIONER.match(name):
            return name
    for raw in _authority_candidates(text[:20_000]):
        name = _EDGE_WORDS.sub("", raw.strip(" ,."))
        lower = name.lower()
        if (name and _is_public_body(name) and not _COMMISSIONER.match(name)
                and lower not in appellant.lower() and "tribunal" not in lower
                and not lower.endswith(("commissioner", "commissioner's office"))):
            return name
    return None


def _authority(record: dict, text: str, low: str, appellant: str, appellant_is_authority: bool,
               respondents: list[str]) -> str | None:
    """The public authority the request went to, best source first."""
    field = _field(record, "public_authority")
    if field and field.lower() not in ("manual review", "n/a", "none"):
        return _clean_authority(field)
    if appellant_is_authority:
        return _clean_authority(appellant)
    listed = record.get("respondents")
    listed = [r for r in listed if isinstance(r, str)] if isinstance(listed, list) else []
    for name in respondents + listed:
        if not _COMMISSIONER.match(name.strip()) and _is_public_body(name):
            return _clean_authority(name)
    found = _authority_from_text(text, low, appellant)
    return _clean_authority(found) if found else None


# --- who appealed --------------------------------------------------------------------------

_APPELLANT_REQUESTED = re.compile(
    r"\bthe\s+appellant(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:request(?:ed|s)?|made|submitted|sent|"
    r"wrote|asked|sought|complained|applied)\b|\brequest(?:s|ed)?\s+(?:\w+\s+){0,3}?"
    r"(?:made\s+)?by\s+the\s+appellant\b"
)
_APPELLANT_REFUSED = re.compile(
    r"\b(?:request(?:s|ed)?|wrote|applied)\s+(?:\w+\s+){0,3}?(?:to|of|from)\s+the\s+appellant\b|"
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:refused|withheld|relied|declined|responded|"
    r"disclosed|holds|held|neither\s+confirm)|\bappellant['’]s\s+(?:refusal|reliance|response)"
)


def _authority_appealed(first_party: str, record: dict, low: str) -> bool:
    """True when the appellant is the public authority resisting an order to disclose."""
    if not _is_org(first_party):
        return False
    field = _field(record, "public_authority").lower()
    if field:
        words = set(re.findall(r"[a-z]{4,}", field)) - {"council", "borough", "county", "city"}
        mine = set(re.findall(r"[a-z]{4,}", first_party.lower()))
        if words and not words & mine:
            return False
    requested = len(_APPELLANT_REQUESTED.findall(low))
    refused = len(_APPELLANT_REFUSED.findall(low))
    public = _is_public_body(first_party)
    if requested != refused and (max(requested, refused) >= 2 or not public):
        return refused > requested
    return public


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
_MAYBE_CITE = re.compile(r"\b(?:s|ss|sec|secs|sections?|r|regs?|regulations?)\.?\s?\d")
_SUBJECT = re.compile(r"subject\s+matter\s*:?(.{0,400})", re.S)
_EIR_AS_SECTION = re.compile(r"^s1[23](?:\([45]\)(?:\([a-g]\))?|\([12]\))?$")
_IMPLIED = ((("vexatious",), "s14"), (("appropriate limit", "cost limit", "costs limit"), "s12"))


def _paragraph_cites(raw: str, low: str, regime: str) -> Counter:
    """How many paragraphs cite each exemption; implied grounds counted by their mentions."""
    counts: Counter = Counter()
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(low), None]:
        end = brk.start() if brk else len(low)
        if _MAYBE_CITE.search(low, start, end):
            for cite in find_exemptions(raw[start:end], implied=False):
                if regime == "EIR" and _EIR_AS_SECTION.match(cite) and (
                        cite.startswith("s13") or "(4)" in cite or "(5)" in cite):
                    cite = "r" + cite[1:]  # "section 12(4)(b) of the EIR"
                counts[cite] += 1
        start = brk.end() if brk else end
    for phrases, section in _IMPLIED:
        if (section == "s14" and regime == "EIR") or any(section_of(c) == section for c in counts):
            continue
        mentions = sum(low.count(p) for p in phrases)
        if mentions >= 2:
            counts[section] = mentions
    return counts


def _exemptions(raw: str, low: str, regime: str) -> tuple[str, ...]:
    """The exemptions the decision is about, most argued first."""
    counts = _paragraph_cites(raw, low, regime)
    subject = _SUBJECT.search(low, 0, _HEADER_SCAN)
    if subject:
        for cite in find_exemptions(raw[subject.start(1): subject.end(1)], implied=False):
            counts[cite] += 3
    if not counts:
        return ()
    by_section: Counter = Counter()
    for cite, n in counts.items():
        by_section[section_of(cite)] += n
    top = max(by_section.values())
    keep = [s for s, n in by_section.most_common() if n >= 2 and n * 6 >= top]
    out: list[str] = []
    for section in keep or [by_section.most_common(1)[0][0]]:
        cites = [c for c in counts if section_of(c) == section]
        specific = [c for c in cites if not any(o != c and o.startswith(c + "(") for o in cites)]
        specific.sort(key=lambda c: (-counts[c], c))
        best = counts[specific[0]]
        out.extend([c for c in specific
                    if c == specific[0] or (counts[c] >= 2 and counts[c] * 4 >= best)][:3])
    return tuple(out[:MAX_EXEMPTIONS])


# --- the request ---------------------------------------------------------------------------

_TRIGGER_WORDS = (
    "in the following", "in these terms", "in the terms", "as follows", "which read",
    "which stated", "which said", "the request", "his request", "her request", "their request",
    "this request", "the following", "request", "sought", "seeking", "asked", "asking",
    "wrote to", "write to", "writing to", "stating", "stated", "saying", "said",
)
_TRIGGER = re.compile(
    r"(?:(?P<strong>in\s+the\s+following\s+terms|in\s+these\s+terms|in\s+the\s+terms|"
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
    r"section\s+\d+\s+(?:of\s+)?(?:foia|the\s+act)|articles?\s+\d)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|please)\b")
_OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "”"}
_PARA_START = re.compile(r"^[ \t]{0,8}(\d{1,3})\.?[ \t]+(?=\S)", re.M)
_WINDOW_MARK = re.compile(r"[“\"‘'„]|[:\-–][ \t]*-?[ \t]*\n|\.(?=[ \n])")
_ABBREVIATION = re.compile(r"\b(?:[a-z]|no|nos|para|paras|p|pp|mr|mrs|ms|dr|st|ref|s|ss|reg)$")
_LEADING_JUNK = re.compile(r"^(?:[\s“”\"‘’'\-–:.…]|\.\.)+|[\s“”\"‘’'\-–:]+$")


def _paragraph_starts(text: str) -> list[tuple[int, int]]:
    """(offset, number) of each numbered decision paragraph, to find where a quote ends."""
    return [(m.start(), int(m.group(1))) for m in _PARA_START.finditer(text)]


def _paragraph_end(text: str, start: int, paras: list[tuple[int, int]], limit: int = 3000) -> int:
    """Where the paragraph holding `start` ends: the next paragraph number, or `limit` on."""
    stop = min(len(text), start + limit)
    i = bisect_right(paras, (start, 10**6))
    number = paras[i - 1][1] if i else None
    for offset, n in paras[i:]:
        if offset >= stop:
            break
        if number is None or n == number + 1:
            return offset
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
    """3 for 'in the following terms', 2 for 'requested', 1 for 'wrote to'; 0 when the words
    around say nothing about a request ('as follows' usually introduces law)."""
    context = _REQUEST_CONTEXT.search(low, max(0, m.start() - 250), m.start())
    if m.group("strong"):
        if m.group("strong").startswith("as follows") and not context:
            return 1
        return 4
    if m.group("medium"):
        return 2
    return 1 if context else 0


def _trigger_positions(low: str, limit: int) -> list[int]:
    """Word-initial offsets of trigger words (str.find is far faster than one big regex)."""
    found: set[int] = set()
    for word in _TRIGGER_WORDS:
        i = low.find(word, 0, limit)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                found.add(i)
            i = low.find(word, i + 1, limit)
    return sorted(found)


def _request_score(snippet: str, strength: int, pos: int) -> float:
    """How much a quote reads like a request rather than law, argument or a defined term."""
    low = snippet.lower()
    asks = min(3, len(_REQUEST_CUES.findall(low))) + (1 if _FIRST_PERSON.search(low) else 0)
    law = min(4, len(_LAW_CUES.findall(low)))
    return strength + asks - 1.5 * law - pos / 20_000


def _usable(snippet: str) -> bool:
    """Long enough to be a request, not a defined term or a citation."""
    return (len(snippet) >= 25 and snippet.count(" ") >= 4
            and len(_LETTER.findall(snippet, 0, 200)) > 20)


def _quoted_request(text: str, low: str) -> str | None:
    """The request as the decision quotes it: the best-scoring quote after a trigger."""
    paras = _paragraph_starts(text)
    best: tuple[float, str] | None = None
    for pos in _trigger_positions(low, _REQUEST_SCAN):
        m = _TRIGGER.match(low, pos)
        if not m:
            continue
        strength = _trigger_strength(m, low)
        if not strength:
            continue
        for quote in _quotes_after(text, low, m.end(), paras):
            snippet = _LEADING_JUNK.sub("", _flatten(quote[:2500]))
            if not _usable(snippet):
                continue
            score = _request_score(snippet[:MAX_REQUEST_CHARS], strength, m.start())
            if best is None or score > best[0]:
                best = (score, snippet)
            break
        if best and best[0] >= 6:
            break
    return best[1] if best and best[0] >= _MIN_REQUEST_SCORE else None


_SUMMARY_KEY = re.compile(r"\b(?:request(?:ed|ing)?|sought|asked\s+for)\b")
_SUMMARY_OBJECT = re.compile(
    r"\b(?:information|details|cop(?:y|ies)|data|documents?|records?|minutes|correspondence|"
    r"reports?|figures|names?|list|e-?mails?|letters?|advice|statistics)\b"
)
_SENTENCE_END = re.compile(r"\.(?=\s)|\n[ \t]*\n")
_PARA_NUMBER = re.compile(r"^\W*\d{1,3}\.?\s+")


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
        sentence = _PARA_NUMBER.sub("", _flatten(text[start:stop]))
        if not _usable(sentence):
            continue
        score = _request_score(sentence, 2, m.start())
        if best is None or score > best[0]:
            best = (score, sentence)
        if score >= 3:
            break
    return best[1] if best else None


# --- entry point ---------------------------------------------------------------------------

_DECISION_WORDS = re.compile(
    r"tribunal|appeal|appellant|court|commissioner|decision|judgment|registrar|withdraw"
)


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
    if not text.strip():
        raise CorpusError("tribunal record text is empty")
    if len(_LETTER.findall(text, 0, 3000)) < 40 or not (
            _DECISION_WORDS.search(text[:5000].lower())
            or _DECISION_WORDS.search(text[:20_000].lower())):
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
    head = _layout(text[:_SCAN])
    head_low = _lower(head)
    title, private_names, first_party, respondents = _parties_of(record, head, head_low)
    names = _Names(private_names)
    reference = _reference(raw_ref, text)
    key = _field(record, "id") or reference
    if not key:
        raise CorpusError("tribunal record has neither id nor reference")
    appealed = _authority_appealed(first_party, record, head_low) if first_party else False
    authority = _authority(record, head, head_low, first_party, appealed, respondents)
    regime = _regime(record, head_low)
    body = text[:_EXEMPTION_SCAN]
    raw_outcome = _field(record, "appeal_outcome")
    requested = (_quoted_request(head, head_low) or _summary_sentence(head, head_low)
                 or title or reference or "")
    return Document(
        source=source,
        key=key,
        kind="decision",
        authority=redact_text(authority, names) if authority else None,
        date=_decision_date(_field(record, "decision_date"), head_low),
        reference=reference,
        url=_field(record, "source_url") or None,
        title=redact_text(title, names) or None,
        questions=(),
        decision=Decision(
            reference=reference,
            information_requested=_shorten(redact_text(requested, names)),
            exemptions=_exemptions(body, _lower(body), regime),
            result=_result(raw_outcome, _field(record, "information_disclosure"), appealed,
                           head_low),
            appeal_outcome=raw_outcome or None,
        ),
        regime=regime,
        content_hash=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        extra={"appellant_is_authority": appealed},
    )
