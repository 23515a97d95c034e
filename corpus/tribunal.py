"""Parse one First-tier Tribunal (Information Rights) decision record into a `Document`.

A record (see ``shared/corpus/README.md``) carries clean-ish metadata (reference, date, case
title, appeal outcome) and the whole decision as layout-preserving PDF text. The metadata is
trusted where it is filled; everything else (the authority, the request, the exemptions at
issue, who appealed) is read from the text with fast heuristics. Pure: no file I/O.

Result mapping (``Decision.result`` says whether the *refusal* survived, not the appeal):

* ``information_disclosure`` wins when filled (it is only filled for allowed appeals):
  "Ordered to Disclose" / "Ordered to Respond" / "No Action Needed B" (the information had
  already been given) -> ``overturned``, or ``partly_upheld`` when the appeal was only
  "Part Allowed"; "No Action Needed A/C" (appeal allowed on a point, nothing more to
  disclose) -> ``partly_upheld``.
* Otherwise ``appeal_outcome``, read from the appellant's side: a requester's appeal
  Dismissed -> ``upheld``, Allowed -> ``overturned``; a public authority's appeal (it is
  fighting an ICO order to disclose) Dismissed -> ``overturned``, Allowed -> ``upheld``;
  Part Allowed -> ``partly_upheld`` either way.
* Struck Out / Withdrawn / Consent Order and appeals to higher courts -> ``unknown``.
  Unrecorded outcomes ("NA", "???", "Manual Review", permission-to-appeal notes) are read
  from the decision's own words ("dismisses the appeal", "the appeal is allowed in part").

Exemptions: citations are counted per paragraph over the decision (at most
``_EXEMPTION_SCAN`` characters); a section must be cited in at least two paragraphs (or be
the only one found) and in at least a sixth as many as the most cited section. Sections
are ranked by that count; within a section the most specific citations used at least twice
are kept; at most ``MAX_EXEMPTIONS`` in all.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from datetime import date

from corpus.exemptions import find_exemptions, section_of
from corpus.models import CorpusError, Decision, Document

MAX_REQUEST_CHARS = 600
MAX_EXEMPTIONS = 5
_SCAN = 40_000  # request, authority, regime and appellant cues live in the first pages
_EXEMPTION_SCAN = 80_000
_HEADER_SCAN = 5_000

APPELLANT = "[appellant]"
EMAIL = "[email]"

# --- text clean-up -------------------------------------------------------------------------

_PAGE_NUMBER_LINE = re.compile(r"^[ \t]*[-–(]?[ \t]*\d{1,3}[ \t]*[-–)]?[ \t]*$", re.M)
_RUNNING_HEADER = re.compile(
    r"^[ \t]*(?:(?:Information Tribunal\s+)?Appeal\s+(?:No|Number|Ref(?:erence)?)s?\.?:?"
    r"|Tribunal\s+Ref(?:erence)?\.?:?|Case\s+No\.?:?)?[ \t]*EA[/.][\d/. A-Z&,]*[ \t]*$",
    re.M | re.I,
)
_ODD_SPACES = (("\r\n", "\n"), ("\r", "\n"), ("\x0c", "\n"), ("\uf020", " "), ("\xa0", " "),
               ("\t", "    "))
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*([a-z])")
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_EMAIL_RE = re.compile(r"[\w.+'-]+[ \t]?@[ \t]?[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def _layout(text: str) -> str:
    """Page numbers, running headers and odd PDF spaces out; line layout kept for indents."""
    for odd, plain in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    text = _PAGE_NUMBER_LINE.sub("", text)
    return _RUNNING_HEADER.sub("", text)


def _flatten(text: str) -> str:
    """Join a layout block into one line: undo hyphenation, collapse whitespace."""
    return _SPACES.sub(" ", _HYPHEN_BREAK.sub(r"\1\2", text)).strip()


def _shorten(text: str, limit: int = MAX_REQUEST_CHARS) -> str:
    """Cut at a word boundary so a stored request stays readable."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


# --- small field helpers -------------------------------------------------------------------


def _field(record: dict, key: str) -> str:
    """A metadata field as stripped text; anything that is not a string counts as empty."""
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}
_TEXT_DATE = re.compile(
    r"(?:Date of (?:decision|promulgation)|Promulgat(?:ed|ion)(?: date)?|Decision date)"
    r"[^\n\d]{0,30}(\d{1,2})(?:st|nd|rd|th)?\.?\s+(" + "|".join(_MONTHS) + r"),?\s+(\d{4})",
    re.I,
)


def _iso(day: int, month: int, year: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _decision_date(raw: str, text: str) -> str | None:
    """The record's DD/MM/YYYY as ISO; the text's 'Date of decision' when the field is empty."""
    m = _DMY.match(raw)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _TEXT_DATE.search(text[:_HEADER_SCAN])
    if m:
        return _iso(int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3)))
    return None


_REFERENCE_IN_TEXT = re.compile(r"\bEA\s?/\s?(\d{4})\s?/\s?(\d{4})\b")


def _reference(raw: str, text: str) -> str | None:
    """The record's reference; a few old records leave it empty and the text has it."""
    if raw:
        return raw
    m = _REFERENCE_IN_TEXT.search(text[:_HEADER_SCAN])
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
    r"officer of|scotland|wales|northern ireland|england|britain|british|uk|european)\b",
    re.I,
)
_PUBLIC_WORDS = re.compile(
    r"\b(?:council|police|constable|constabulary|ministry|department|deptartment|"
    r"(?:home|cabinet|foreign[\w&, ]*|scotland|wales|northern ireland|cabinet|war|india)"
    r" office|office (?:of|for)|commission(?:ers?)?(?: for| of)|commission|nhs|university|"
    r"college|school|academy|authority|agency|treasury|hm|her majesty'?s?|borough|executive|"
    r"health centre|medical centre|surgery|practice|parliament|house of (?:commons|lords)|"
    r"assembly|government|secretary of state|revenue|customs|governing body|bbc|"
    r"british broadcasting|transport for london|royal mail|network rail|ombudsman|archives|"
    r"museum|gallery|library|fire and rescue|ambulance|prosecution service|insolvency service|"
    r"police service|education authority|funding council|research council|admissions service|"
    r"student loans|anti-doping|corporate officer|parish|harbour|port authority|"
    r"sea fisheries|healthcare products|nhs trust|foundation trust|academy trust|free schools?|"
    r"homes limited|homes ltd|mayor|ministers|metropolis|tate|ofcom|ofsted|ofwat|ofgem)\b",
    re.I,
)
_COMPANY = re.compile(r"\b(?:ltd|limited|plc|llp|gmbh|inc)\b\.?", re.I)
_STRONG_PUBLIC = re.compile(
    r"\b(?:council|nhs|university|royal mail|network rail|student loans|homes|anti-doping|"
    r"healthcare products|transport for london|academy)\b",
    re.I,
)
_COMMISSIONER = re.compile(
    r"^(?:the\s+)?(?:information\s+commissioner(?:['’]s\s+office)?|indformation commissioner|"
    r"ico|ic|commissioner|data protection (?:commissioner|registrar))\.?$",
    re.I,
)
_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|lady|lord|rev(?:erend)?|cllr|councillor)"
_TITLE_RE = re.compile(r"^" + _TITLES + r"\.?\s+", re.I)
_ACRONYM = re.compile(r"^\(?[A-Z][A-Z&.]{1,7}\)?$")


def _is_org(name: str) -> bool:
    """Organisation (kept in titles) or a private person (redacted)?"""
    words = name.split()
    if not words:
        return False
    if _ORG_WORDS.search(name):
        return not _TITLE_RE.match(name)
    return len(words) == 1 and bool(_ACRONYM.match(words[0])) and words[0] not in ("MR", "DR")


def _is_public_body(name: str) -> bool:
    """A body that answers FOI requests, as opposed to a company, charity or newspaper."""
    if not _PUBLIC_WORDS.search(name) or _TITLE_RE.match(name):
        return False
    return not _COMPANY.search(name) or bool(_STRONG_PUBLIC.search(name))


_SMALL_WORDS = {"of", "and", "for", "the", "in", "on", "upon", "at", "to", "by", "with", "de"}
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


_AUTHORITY_JUNK = re.compile(r"\s*\((?:[“\"‘']|the\s)[^)]*\)|\s*\(formerly[^)]*\)", re.I)


def _clean_authority(name: str) -> str | None:
    """One readable authority name: no defined-term brackets, no leading 'The', no ALL CAPS."""
    name = _AUTHORITY_JUNK.sub("", _SPACES.sub(" ", name)).strip(" ,.;:-")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    if len(name) < 3 or len(name) > 120 or name.lower() in ("manual review", "n/a", "none"):
        return None
    return _title_case(name)


# --- the case title: who appealed, and redacting private appellants -------------------------

_VERSUS = re.compile(r"\s+v\.?\s+")
_VERSUS_ANY = re.compile(r"\s+(?:v|vs)\.?\s+", re.I)
_PARTY_SPLIT = re.compile(r"\s+(?:&|and|/)\s+|\s*,\s+(?=[A-Z])|\s*\(\d{4}[^)]*\)\s*")
_ON_BEHALF = re.compile(r"^(.*?)\s*\(?\b(?:on behalf of|obo|o\.b\.o\.?)\b\s*(.*?)\)?$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’`.-]*|[A-Z]\.?|O['’`][A-Z]\w*|(?:de|van|von|le|la|da)\b)")


def _split_title(title: str) -> tuple[str, str]:
    """'A v B' -> ('A', 'B'); prefer a lower-case ' v ' so 'Mrs A V Gross' stays whole."""
    parts = _VERSUS.split(title, maxsplit=1)
    if len(parts) < 2:
        parts = _VERSUS_ANY.split(title, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _looks_like_person(piece: str) -> bool:
    """1-5 capitalised words (or a title and a name) with no organisation word."""
    piece = piece.strip(" ,.()")
    if not piece or _is_org(piece) or any(ch.isdigit() for ch in piece):
        return False
    words = piece.split()
    if _TITLE_RE.match(piece):
        return True
    if not 1 <= len(words) <= 5:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _appellant_pieces(appellant: str) -> list[tuple[str, bool]]:
    """The appellant side cut into parties, each marked person (True) or not."""
    behalf = _ON_BEHALF.match(appellant)
    if behalf and behalf.group(2):
        return [(behalf.group(1), _looks_like_person(behalf.group(1)) or not
                 _is_org(behalf.group(1))), (behalf.group(2), not _is_org(behalf.group(2)))]
    if not _is_org(appellant):
        return [(appellant, True)]
    pieces = [p for p in _PARTY_SPLIT.split(appellant) if p and p.strip()]
    if len(pieces) < 2:
        return [(appellant, False)]
    return [(p, _looks_like_person(p) and len(p.split()) >= 2) for p in pieces]


def _redacted_title(title: str) -> tuple[str, list[str], str]:
    """(title with private appellants replaced, their names, the first appellant party)."""
    appellant, respondents = _split_title(title)
    pieces = _appellant_pieces(appellant)
    names = [p.strip(" ,.()") for p, person in pieces if person]
    first = pieces[0][0].strip() if pieces else appellant
    left = appellant
    for name in sorted(names, key=len, reverse=True):
        if name:
            left = left.replace(name, APPELLANT)
    left = re.sub(r"(\[appellant\]\s*(?:&|and|,|/)?\s*)+\[appellant\]", APPELLANT, left)
    if not respondents:
        return left, names, first
    resp = [r.strip() for r in re.split(r"\s+&\s+|\s+and\s+(?=the\b|[A-Z])", respondents)]
    resp = ["Information Commissioner" if _COMMISSIONER.match(r) else r for r in resp]
    return f"{left} v {' & '.join(resp)}", names, first


def _name_pattern(names: list[str]) -> re.Pattern | None:
    """Full names, 'Mr Surname' and 'First Surname' forms of the private appellants."""
    alts: list[str] = []
    for name in names:
        words = [w.strip(".,") for w in _TITLE_RE.sub("", name).split() if w.strip(".,")]
        words = [w for w in words if w.lower() not in ("and", "&")]
        if not words:
            continue
        last = re.escape(words[-1])
        if len(words) >= 2:
            alts.append(r"\s+".join(re.escape(w) for w in words))
            if len(words[0]) > 1:
                alts.append(re.escape(words[0]) + r"\s+(?:[A-Z]\.?\s+)*" + last)
        if len(words[-1]) >= 2:
            alts.append(_TITLES + r"\.?\s+(?:[A-Z]\.?\s+)*" + last)
    if not alts:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(set(alts), key=len, reverse=True)) + r")\b",
                      re.I)


def redact_text(text: str, names: re.Pattern | None) -> str:
    """E-mail addresses and the private appellant's name out of a stored snippet."""
    text = _EMAIL_RE.sub(EMAIL, text)
    return names.sub(APPELLANT, text) if names is not None else text


# --- parties in the header -----------------------------------------------------------------

_ROLE_LABEL = re.compile(
    r"^\s*(?P<role>(?:(?:first|second|third|1st|2nd|3rd)\s+)?respondents?|appellants?|"
    r"public authority|additional party|joined party)\s*[:\-]\s*(?P<name>\S.*)$",
    re.I,
)
_ROLE_TRAIL = re.compile(
    r"^(?P<name>.*?)(?:\s{2,}|^)\(?(?P<role>(?:(?:first|second|third)\s+)?respondents?|"
    r"appellants?)\)?\s*$",
    re.I,
)
_HEADER_NOISE = re.compile(
    r"tribunal|judge|before|chamber|heard|hearing|determined|date|promulgat|copyright|appeal|"
    r"reference|decision|notice|members?\b|between|chairman|deputy|information rights|"
    r"\bon the papers|considered|representation|subject matter|attendances|for the |^\s*and\s*$|"
    r"^\s*-?\s*and\s*-?\s*$|^\s*-?v-?\s*$|:",
    re.I,
)
_NUMBERED_PARTY = re.compile(r"\(\d\)\s*|\s{3,}")


def _header_parties(head: str) -> tuple[list[str], list[str]]:
    """(appellants, respondents) named in the decision's opening block."""
    appellants: list[str] = []
    respondents: list[str] = []
    buffer: list[str] = []
    last_role: list[str] | None = None
    for line in head.splitlines():
        label = _ROLE_LABEL.match(line)
        if label:
            last_role = appellants if label.group("role").lower().startswith("appell") else (
                respondents)
            last_role.extend(_NUMBERED_PARTY.split(label.group("name")))
            buffer = []
            continue
        lower = line.lower()
        trail = _ROLE_TRAIL.match(line) if ("ppellant" in lower or "espondent" in lower) else None
        if trail:
            role = appellants if trail.group("role").lower().startswith("appell") else respondents
            role.extend(buffer + _NUMBERED_PARTY.split(trail.group("name")))
            buffer, last_role = [], None
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if _HEADER_NOISE.search(stripped) or len(stripped) > 90:
            buffer, last_role = [], None
            continue
        if last_role is not None and line.startswith("    "):
            last_role.extend(_NUMBERED_PARTY.split(stripped))
            continue
        last_role = None
        buffer = [*buffer[-2:], stripped]
    clean = lambda names: [n.strip(" ,.-") for n in names if len(n.strip(" ,.-")) > 2]  # noqa: E731
    return clean(appellants), clean(respondents)


# --- the public authority ------------------------------------------------------------------

_PUBLIC_AUTHORITY_LINE = re.compile(r"^\s*Public\s+Authority\s*:\s*(\S.{2,100})$", re.I | re.M)
_DEFINED_MARK = re.compile(r"\(\s*(?:the\s+|hereafter\s+)?[“\"‘']")
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'’&.,-]*|\([A-Z]+\))(?:[ \t\n]+(?:[A-Z][\w'’&.,-]*|of|and|for|the|upon|on|in|"
    r"&|\([A-Z]+\)))*)[ \t\n]*$"
)
_REQUEST_TO = re.compile(
    r"\b(?:request(?:s|ed)?(?:\s+for\s+information)?\s+(?:to|of|from)|wrote\s+to|"
    r"applied\s+to)\s+(?:the\s+)?([A-Z][\w'’&-]*(?:[ \t\n]+(?:[A-Z][\w'’&-]*|of|and|"
    r"for|the|upon|on|in|&)){0,8})"
)
_EDGE_WORDS = re.compile(r"^(?:(?:the|of|and|for|on|in|upon|&)\s+)+|(?:\s+(?:the|of|and|for|on|"
                         r"in|upon|&))+$", re.I)


def _authority_candidates(text: str):
    """Names introduced with a defined term ('X ("the Council")'), then 'request to X'."""
    for m in _DEFINED_MARK.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 150), m.start())
        if name:
            yield name.group(1)
    for m in _REQUEST_TO.finditer(text):
        yield m.group(1)


def _authority_from_text(text: str, appellant: str) -> str | None:
    """'Public Authority: X' in a substituted notice, else the first public body named."""
    m = _PUBLIC_AUTHORITY_LINE.search(text)
    if m and _is_org(m.group(1)):
        return m.group(1)
    for raw in _authority_candidates(text[:20_000]):
        name = _EDGE_WORDS.sub("", _SPACES.sub(" ", raw).strip(" ,."))
        if (name and _is_public_body(name) and not _COMMISSIONER.match(name)
                and name.lower() not in appellant.lower()
                and not name.lower().endswith("commissioner")):
            return name
    return None


def _authority(record: dict, text: str, appellant: str, appellant_is_authority: bool,
               respondents: list[str]) -> str | None:
    """The public authority the request went to, best source first."""
    field = _field(record, "public_authority")
    if field and field.lower() not in ("manual review", "n/a", "none"):
        return _clean_authority(field)
    if appellant_is_authority:
        return _clean_authority(appellant)
    for name in respondents + [
        r for r in record.get("respondents", []) or [] if isinstance(r, str)
    ]:
        if not _COMMISSIONER.match(name.strip()) and _is_public_body(name):
            return _clean_authority(name)
    found = _authority_from_text(text, appellant)
    return _clean_authority(found) if found else None


# --- who appealed --------------------------------------------------------------------------

_APPELLANT_REQUESTED = re.compile(
    r"\bthe\s+appellant(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:request(?:ed|s)?|made|submitted|sent|"
    r"wrote|asked|sought|complained|applied)\b|\brequest(?:s|ed)?\s+(?:\w+\s+){0,3}?"
    r"(?:made\s+)?by\s+the\s+appellant\b",
    re.I,
)
_APPELLANT_REFUSED = re.compile(
    r"\b(?:request(?:s|ed)?|wrote|applied)\s+(?:\w+\s+){0,3}?(?:to|of|from)\s+the\s+appellant\b|"
    r"\bthe\s+appellant\s+(?:\w+\s+){0,2}?(?:refused|withheld|relied|declined|responded|"
    r"disclosed|holds|held|neither\s+confirm)|\bappellant['’]s\s+(?:refusal|reliance|response)",
    re.I,
)


def _authority_appealed(first_party: str, record: dict, text: str) -> bool:
    """True when the appellant is the public authority resisting an order to disclose."""
    if not _is_org(first_party):
        return False
    field = _field(record, "public_authority")
    if field:
        words = {w for w in re.findall(r"[a-z]{4,}", field.lower())} - {"council", "borough"}
        mine = set(re.findall(r"[a-z]{4,}", first_party.lower()))
        if words and not words & mine:
            return False
    requested = len(_APPELLANT_REQUESTED.findall(text))
    refused = len(_APPELLANT_REFUSED.findall(text))
    if requested != refused and (requested >= 2 or refused >= 2 or not
                                 _is_public_body(first_party)):
        return refused > requested
    return _is_public_body(first_party)


# --- outcome -------------------------------------------------------------------------------

_TEXT_OUTCOME = re.compile(
    r"\bappeal\s+(?:is|be|should\s+be|must\s+be|shall\s+be|was)\s+(?:hereby\s+|therefore\s+|"
    r"accordingly\s+)?(?P<a>(?:allowed|upheld)\s+in\s+part|partly\s+(?:allowed|upheld)|"
    r"partially\s+(?:allowed|upheld)|dismissed|allowed|upheld|struck\s+out)"
    r"|\b(?P<b>dismiss|allow)(?:es|s)?\s+the\s+appeal(?P<c>\s+in\s+part)?",
    re.I,
)
_READ_TEXT_FOR = re.compile(r"^(?:na|\?+|manual review|.*(?:pta|permission to appeal).*)$", re.I)


def _outcome_kind(raw: str, text: str) -> str:
    """The appeal's fate: dismissed / allowed / part / other."""
    low = raw.lower().strip()
    if low.startswith(("part allowed", "partly allowed", "allowed in part", "part-allowed")):
        return "part"
    if low.startswith("dismissed"):
        return "dismissed"
    if low.startswith("allowed"):
        return "allowed"
    if not _READ_TEXT_FOR.match(low) or low.startswith(("ut ", "struck")):
        return "other"
    m = _TEXT_OUTCOME.search(text[:15_000])
    if not m:
        return "other"
    said = (m.group("a") or m.group("b") + (m.group("c") or "")).lower()
    if "part" in said:
        return "part"
    if said.startswith("dismiss"):
        return "dismissed"
    if said.startswith(("allow", "upheld")):
        return "allowed"
    return "other"


def _result(raw_outcome: str, disclosure: str, authority_appealed: bool, text: str) -> str:
    """Did the refusal stand? See the module docstring for the mapping."""
    kind = _outcome_kind(raw_outcome, text)
    d = disclosure.lower()
    if d in ("ordered to disclose", "ordered to respond", "no action needed b"):
        return "partly_upheld" if kind == "part" else "overturned"
    if d.startswith("no action needed"):
        return "partly_upheld"
    if kind == "part":
        return "partly_upheld"
    if kind == "dismissed":
        return "overturned" if authority_appealed else "upheld"
    if kind == "allowed":
        return "upheld" if authority_appealed else "overturned"
    return "unknown"


# --- regime --------------------------------------------------------------------------------

_EIR_WORDS = re.compile(r"Environmental\s+Information\s+Regulations|\bEIRs?\b|\breg(?:ulation|\.)"
                        r"\s?1[23]\s?\(|environmental\s+information", re.I)
_FOIA_WORDS = re.compile(r"Freedom\s+of\s+Information\s+Act|\bFOIA\b|\bs(?:ection|\.)\s?\d", re.I)


def _regime(record: dict, text: str) -> str:
    """EIR when the record says so, or when EIR language outweighs FOIA language."""
    jurisdiction = _field(record, "jurisdiction").lower()
    text = text[:15_000]
    if "environmental" in jurisdiction:
        return "EIR"
    if "freedom of information" in jurisdiction:
        eir = len(_EIR_WORDS.findall(text))
        return "EIR" if eir > 3 * len(_FOIA_WORDS.findall(text)) and eir >= 10 else "FOIA"
    eir = len(_EIR_WORDS.findall(text))
    return "EIR" if eir > len(_FOIA_WORDS.findall(text)) and eir >= 3 else "FOIA"


# --- exemptions ----------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MAYBE_CITE = re.compile(r"(?i)\b(?:s|ss|sec|secs|sections?|r|regs?|regulations?)\.?\s?\d")
_SUBJECT = re.compile(r"Subject\s+matter\s*:?(.{0,400})", re.I | re.S)
_EIR_AS_SECTION = re.compile(r"^s(1[23])(\([45]\)\([a-g]\)|\([45]\)|\(1\)|\(2\))?$")
_VEXATIOUS = re.compile(r"\bvexatious\b", re.I)
_COST_LIMIT = re.compile(r"appropriate limit|cost(?:s)? limit", re.I)


def _paragraph_cites(paragraphs: list[str], regime: str) -> Counter:
    """How many paragraphs cite each exemption (a paragraph counts once per citation)."""
    counts: Counter = Counter()
    for paragraph in paragraphs:
        if not _MAYBE_CITE.search(paragraph):
            continue
        for cite in find_exemptions(paragraph, implied=False):
            if regime == "EIR" and _EIR_AS_SECTION.match(cite) and (
                cite.startswith("s13") or "(4)" in cite or "(5)" in cite
            ):
                cite = "r" + cite[1:]  # "section 12(4)(b) of the EIR"
            counts[cite] += 1
    return counts


def _implied_counts(paragraphs: list[str], counts: Counter, regime: str) -> None:
    """Vexatious / cost-limit refusals argued without their section number."""
    if regime != "EIR" and not any(section_of(c) == "s14" for c in counts):
        n = sum(1 for p in paragraphs if _VEXATIOUS.search(p))
        if n >= 2:
            counts["s14"] = n
    if not any(section_of(c) == "s12" for c in counts):
        n = sum(1 for p in paragraphs if _COST_LIMIT.search(p))
        if n >= 2:
            counts["s12"] = n


def _exemptions(text: str, regime: str) -> tuple[str, ...]:
    """The exemptions the decision is about, most argued first."""
    scan = text[:_EXEMPTION_SCAN]
    paragraphs = _PARAGRAPH_BREAK.split(scan)
    counts = _paragraph_cites(paragraphs, regime)
    subject = _SUBJECT.search(scan, 0, _HEADER_SCAN)
    if subject:
        for cite in find_exemptions(subject.group(1), implied=False):
            counts[cite] += 3
    _implied_counts(paragraphs, counts, regime)
    if not counts:
        return ()
    by_section: Counter = Counter()
    for cite, n in counts.items():
        by_section[section_of(cite)] += n
    top = max(by_section.values())
    keep = [s for s, n in by_section.most_common() if n >= 2 and n * 6 >= top]
    if not keep:
        keep = [by_section.most_common(1)[0][0]]
    out: list[str] = []
    for section in keep:
        cites = [c for c in counts if section_of(c) == section]
        specific = [c for c in cites if not any(o != c and o.startswith(c + "(") for o in cites)]
        specific.sort(key=lambda c: (-counts[c], c))
        best = counts[specific[0]]
        chosen = [c for c in specific if c == specific[0] or (counts[c] >= 2 and
                                                               counts[c] * 4 >= best)]
        out.extend(chosen[:3])
    return tuple(out[:MAX_EXEMPTIONS])


# --- the request ---------------------------------------------------------------------------

_TRIGGER = re.compile(
    r"in\s+the\s+following\s+terms|in\s+these\s+terms|in\s+the\s+terms|as\s+follows|"
    r"(?:made|submitted|sent|lodged)\s+(?:a|an|the|his|her|their|two|three|four|several|"
    r"further|new)?\s*(?:\w+\s+){0,3}?requests?|requested|requesting|request(?:s)?\s+(?:for|"
    r"which\s+(?:read|said|stated))|sought|seeking|asked\s+for|asking\s+for|asked|"
    r"(?:wrote|writing)\s+to|which\s+read|which\s+stated|stating|stated|in\s+(?:an?\s+)?"
    r"(?:e-?\s?mail|letter)",
    re.I,
)
_REQUEST_CONTEXT = re.compile(r"request|sought|asked|seeking|asking|wrote", re.I)
_NOT_REQUEST = re.compile(
    r"grounds?\s+of\s+appeal|notice\s+of\s+appeal|decision\s+notice|the\s+commissioner\s+"
    r"(?:said|stated|found|concluded)|responded|response|refus|internal\s+review|"
    r"\bheld\s+that|section\s+\d+\s+(?:of\s+)?(?:FOIA|the\s+Act)\s+(?:provides|states|says)",
    re.I,
)
_OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "”"}
_PARA_START = re.compile(r"^[ \t]{0,8}(\d{1,3})\.?[ \t]+(?=\S)", re.M)
_WINDOW_MARK = re.compile(r"[“\"‘'„]|[:\-–][ \t]*-?[ \t]*\n|\.(?=[ \n])")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|no|nos|para|paras|p|pp|Mr|Mrs|Ms|Dr|St|ref|s|ss|reg)$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
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


def _quoted_after(text: str, pos: int, paras: list[tuple[int, int]]) -> str | None:
    """The quote or indented block that follows a trigger at `pos`, if one starts soon."""
    end = _paragraph_end(text, pos, paras)
    window = text[pos: min(end, pos + 350)]
    for m in _WINDOW_MARK.finditer(window):
        ch = m.group(0)
        if ch in _OPEN_QUOTES:
            i = m.start()
            if ch in "'’" and i and window[i - 1].isalpha():
                continue
            start = pos + i + 1
            return text[start:_closing_quote(text, start, ch, end)]
        if ch == ".":
            if _ABBREVIATION.search(window, 0, m.start()):
                continue
            return None
        block = text[pos + m.end(): end]
        quote = re.match(r"\s*([“\"‘„])", block)
        if quote:
            start = pos + m.end() + quote.end()
            return text[start:_closing_quote(text, start, quote.group(1), end)]
        return block
    return None


def _usable(snippet: str) -> bool:
    """Long enough to be a request, not a defined term or a citation."""
    return len(snippet) >= 25 and len(snippet.split()) >= 5 and len(_LETTER.findall(snippet)) > 20


def _quoted_request(text: str) -> str | None:
    """The request as the decision quotes it."""
    paras = _paragraphs(text)
    for m in _TRIGGER.finditer(text):
        before = text[max(0, m.start() - 250): m.end()]
        if not _REQUEST_CONTEXT.search(before):
            continue
        lead = text[max(0, m.start() - 120): m.start()]
        if _NOT_REQUEST.search(lead) and "request" not in m.group(0).lower():
            continue
        found = _quoted_after(text, m.end(), paras)
        if found is None:
            continue
        snippet = _flatten(found).strip(" “”\"‘’'-–:")
        if _usable(snippet):
            return snippet
    return None


_SUMMARY_KEY = re.compile(r"\b(?:request(?:ed|ing)?|sought|asked\s+for)\b", re.I)
_SUMMARY_OBJECT = re.compile(
    r"\b(?:information|details|cop(?:y|ies)|data|documents?|records?|minutes|correspondence|"
    r"reports?|figures|names?|list|e-?mails?|letters?|advice|statistics)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"\.(?=\s)|\n[ \t]*\n")


def _summary_sentence(text: str) -> str | None:
    """A sentence that says what was asked for, when the request is not quoted."""
    text = text[:20_000]
    for m in _SUMMARY_KEY.finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind(".\n", 0, m.start()),
                    text.rfind("\n\n", 0, m.start()))
        end = _SENTENCE_END.search(text, m.end())
        stop = end.start() + 1 if end else len(text)
        sentence = text[start + 1: stop]
        if len(sentence) > 700 or not _SUMMARY_OBJECT.search(sentence, m.end() - start - 1):
            continue
        sentence = re.sub(r"^\W*\d{1,3}\.?\s+", "", _flatten(sentence))
        if _usable(sentence):
            return sentence
    return None


# --- entry point ---------------------------------------------------------------------------

_DECISION_WORDS = re.compile(
    r"tribunal|appeal|appellant|court|commissioner|decision|judgment|registrar|withdraw", re.I
)


def _check(record: object) -> tuple[str, str]:
    """The record's text and reference, or CorpusError saying why it cannot be parsed."""
    if not isinstance(record, dict):
        raise CorpusError("tribunal record is not a JSON object")
    if "text" not in record or record.get("text") is None:
        raise CorpusError("tribunal record has no text")
    if "reference" not in record or record.get("reference") is None:
        raise CorpusError("tribunal record has no reference")
    text = record["text"]
    if not isinstance(text, str):
        raise CorpusError("tribunal record text is not a string")
    if not text.strip():
        raise CorpusError("tribunal record text is empty")
    if len(_LETTER.findall(text, 0, 3000)) < 40 or not _DECISION_WORDS.search(text[:20_000]):
        raise CorpusError("tribunal record text is not a decision")
    raw_ref = record["reference"]
    return text, raw_ref.strip() if isinstance(raw_ref, str) else str(raw_ref)


def parse_tribunal_record(record: dict, source: str = "tribunal") -> Document:
    """One tribunal decision record -> a `Document` of kind "decision" (see module doc)."""
    text, raw_ref = _check(record)
    layout = _layout(text[:_EXEMPTION_SCAN])
    head = layout[:_SCAN]
    case_title = _SPACES.sub(" ", _field(record, "case_title"))
    title, private_names, first_party = _redacted_title(case_title) if case_title else (
        "", [], "")
    header_appellants, header_respondents = _header_parties(layout[:_HEADER_SCAN])
    if not case_title and header_appellants:
        first_party = header_appellants[0]
        if not _is_org(first_party):
            private_names = [first_party]
    names = _name_pattern(private_names)
    reference = _reference(raw_ref, text)
    authority_appealed = _authority_appealed(first_party, record, head) if first_party else False
    authority = _authority(record, head, first_party, authority_appealed, header_respondents)
    regime = _regime(record, head)
    raw_outcome = _field(record, "appeal_outcome")
    result = _result(raw_outcome, _field(record, "information_disclosure"), authority_appealed,
                     layout)
    requested = _quoted_request(head) or _summary_sentence(head) or title or reference or ""
    record_id = _field(record, "id")
    key = record_id or reference
    if not key:
        raise CorpusError("tribunal record has neither id nor reference")
    return Document(
        source=source,
        key=key,
        kind="decision",
        authority=redact_text(authority, names) if authority else None,
        date=_decision_date(_field(record, "decision_date"), text),
        reference=reference,
        url=_field(record, "source_url") or None,
        title=redact_text(title, names) or None,
        questions=(),
        decision=Decision(
            reference=reference,
            information_requested=_shorten(redact_text(requested, names)),
            exemptions=_exemptions(layout, regime),
            result=result,
            appeal_outcome=raw_outcome or None,
        ),
        regime=regime,
        content_hash=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        extra={"appellant_is_authority": authority_appealed},
    )
