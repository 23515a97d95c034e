"""Authority, date and reference from the free text of a response or page title."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
MONTH_WORDS = frozenset(_MONTHS)  # month names and their three-letter forms
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\b(20[0-2]\d|19[89]\d)\b")
_REF = re.compile(
    r"(?:our ref(?:erence)?|ref(?:erence)?(?:\s+(?:no|number))?|request(?:\s+(?:no|number|id))?|"
    r"case(?:\s+(?:no|number))?|foi(?:\s+ref)?)\b\s*[:.#]?\s*((?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|\.(?=\d)){3,30})",
    re.I,
)
_DOTTED_REF = re.compile(r"\b(\d\d[./]FOI[./]\d\d[./]\d{4,})\b")  # the Met's 01.FOI.23.029665
_BARE_REF = re.compile(r"\b((?:FOIR?|FOI|EIR|CAS|FS|IC|EA|REQ|RFI|FI)[-/ ]?\d[\w/-]{2,24})\b")
# A word of a name: capitalised, no digits ('FOI.22.023079 Police' names no force).
_WORD = r"[A-Z](?:[^\W\d_]|['&.-])+"
# 'Maidstone and Tunbridge Wells NHS Trust', 'Newcastle upon Tyne City Council'
_NAME_WORDS = rf"(?:{_WORD} (?:(?:and|upon) )?){{1,4}}"
_NATIONAL = (r"(?:The )?National Archives|Ordnance Survey|(?:The )?Pensions Regulator|"
             r"Scottish Government|Welsh Government|Home Office|Cabinet Office|HM Treasury|"
             r"HM Revenue (?:and|&) Customs|Network Rail|National Highways|Environment Agency|"
             r"Public Health Wales|NHS England|Information Commissioner's Office|"
             r"University College London|University of (?!the\b)[A-Z][\w'-]+(?: [A-Z][\w'-]+)?|"
             rf"Department (?:for|of) {_WORD}(?: (?:and|&) {_WORD})?|Ministry of {_WORD}")
_AUTHORITY = re.compile(
    r"((?:(?:London Borough|Royal Borough|City and County|City|County|Metropolitan Borough|"
    r"Borough|District) of "
    r"[A-Z][\w'&-]*(?: (?:and|upon|on|under)? ?(?!(?:FOI|EIR|FOIA)\b)[A-Z][\w'&-]*)*)|"
    rf"{_NAME_WORDS}(?:City Council|County Council|Borough Council|District Council|"
    r"Council|Police|Constabulary|NHS (?:Foundation )?(?:Trust|FT)\b|Fire and Rescue Service|"
    r"University(?! Hospital| of)|"
    rf"Fire Authority|Combined Authority|Transport for London)|{_NATIONAL})"
)
_ACRONYM_WORDS = {"C": ("City", "County", "Council"), "B": ("Borough",), "D": ("District",)}


def iso_date(d: int, m: int, y: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date written in the text, as YYYY-MM-DD."""
    candidates: list[tuple[int, str]] = []
    for m in _DATE_WORDS.finditer(text):
        month = _MONTHS.get(m.group(2).lower()) or _MONTHS.get(m.group(2).lower()[:3])
        if month and (iso := iso_date(int(m.group(1)), month, int(m.group(3)))):
            candidates.append((m.start(), iso))
    for m in _DATE_NUM.finditer(text):
        if iso := iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            candidates.append((m.start(), iso))
    for m in _DATE_ISO.finditer(text):
        if iso := iso_date(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            candidates.append((m.start(), iso))
    return min(candidates)[1] if candidates else None


def find_year(text: str) -> str | None:
    """The first year written, not an Act's ('the Freedom of Information (Scotland) Act 2002')."""
    m = re.search(r"(?<!Act )" + _YEAR.pattern, text)
    return m.group(1) if m else None


def find_reference(text: str) -> str | None:
    """The request's reference; a bare year ('FOI 2023 11') is a date, not a reference, and a
    tribunal appeal the reply cites is the tribunal's."""
    found = [m.group(1) for m in _DOTTED_REF.finditer(text)]
    found += [m.group(1).rstrip("/.-") for m in _REF.finditer(text)]
    found += [m.group(1) for m in _BARE_REF.finditer(text)]
    # a tribunal appeal a reply cites ('EA/2018/0055') is not the request's own reference
    return next((ref for ref in found if not _YEAR.fullmatch(re.sub(r"^\D+", "", ref))
                 and not re.match(r"EA/\d{4}/", ref)), None)


def find_authority(text: str) -> str | None:
    m = _AUTHORITY.search(text)
    if m:
        return m.group(1).strip()
    return _authority_from_email(text)


def _authority_from_email(text: str) -> str | None:
    """'info@leicester.gov.uk' and 'LCC' in the text -> 'Leicester City Council'."""
    m = re.search(r"@([a-z-]+)\.gov\.uk", text, re.I)
    if not m:
        return None
    place = m.group(1).replace("-", " ").title()
    for acr in re.findall(r"\b([A-Z]{2,4})\b", text):
        if acr[0] == place[0] and all(ch in _ACRONYM_WORDS for ch in acr[1:]):
            words = [_ACRONYM_WORDS[ch][0] for ch in acr[1:-1]] + ["Council"]
            return f"{place} {' '.join(words)}"
    return f"{place} Council"


# national bodies a log's title names by their initials ('DWP Central FoI Team')
INITIALS = {"DWP": "Department for Work and Pensions", "HMRC": "HM Revenue and Customs",
            "MoD": "Ministry of Defence", "MOD": "Ministry of Defence",
            "MoJ": "Ministry of Justice", "MOJ": "Ministry of Justice",
            "DfE": "Department for Education", "NOMS": "National Offender Management Service",
            "ICO": "Information Commissioner's Office",
            "DVLA": "Driver and Vehicle Licensing Agency",
            "HMPPS": "HM Prison and Probation Service",
            "FCDO": "Foreign, Commonwealth and Development Office",
            "DHSC": "Department of Health and Social Care", "DfT": "Department for Transport",
            "DEFRA": "Department for Environment, Food and Rural Affairs",
            "TfL": "Transport for London", "PSNI": "Police Service of Northern Ireland",
            "Met": "Metropolitan Police", "UEA": "University of East Anglia",
            "UCL": "University College London", "KCL": "King's College London",
            "LSE": "London School of Economics and Political Science",
            "UKHSA": "UK Health Security Agency"}


def expand_initials(name: str) -> str:
    """'MoD' -> 'Ministry of Defence', 'the DWP' -> 'Department for Work and Pensions', a
    Welsh name as its English one ('Cyngor Caerdydd' -> 'Cardiff Council'); any other name as
    it is."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    full = next((full for short, full in INITIALS.items() if short.lower() == bare.lower()),
                None)
    return full or english_name(name)


# Welsh places whose English names differ, and national bodies (the rest keep their name)
_WELSH_PLACES = {
    "caerdydd": "Cardiff", "abertawe": "Swansea", "casnewydd": "Newport", "wrecsam": "Wrexham",
    "ynys môn": "Isle of Anglesey", "ynys mon": "Isle of Anglesey", "sir ddinbych":
    "Denbighshire", "sir y fflint": "Flintshire", "sir benfro": "Pembrokeshire",
    "sir gaerfyrddin": "Carmarthenshire", "sir fynwy": "Monmouthshire", "bro morgannwg":
    "Vale of Glamorgan", "pen-y-bont ar ogwr": "Bridgend", "castell-nedd port talbot":
    "Neath Port Talbot", "merthyr tudful": "Merthyr Tydfil", "caerffili": "Caerphilly",
    "de cymru": "South Wales", "gogledd cymru": "North Wales",
}
_WELSH_BODIES = {"llywodraeth cymru": "Welsh Government", "senedd cymru": "Senedd",
                 "iechyd cyhoeddus cymru": "Public Health Wales"}
_WELSH = re.compile(r"^\s*(cyngor(?:\s+(?:sir|dinas|bwrdeistref sirol|dinas a sir))?|heddlu)\s+"
                    r"(.+?)\s*$", re.I)


# Welsh councils' own names whose English names the pattern below would get wrong ('Cyngor Sir
# Gâr' is Carmarthenshire County Council, not 'Gâr Council'; 'Cyngor Sir Powys' is Powys County
# Council), under the English names the corpus uses. Keys are lower case, spaces single.
_WELSH_COUNCILS = {
    "cyngor sir gâr": "Carmarthenshire County Council",
    "cyngor sir gar": "Carmarthenshire County Council",
    "cyngor sir gaerfyrddin": "Carmarthenshire County Council",
    "cyngor caerdydd": "Cardiff Council", "cyngor sir caerdydd": "Cardiff Council",
    "cyngor gwynedd": "Gwynedd Council",
    "cyngor sir ddinbych": "Denbighshire County Council",
    "cyngor sir ceredigion": "Ceredigion County Council",
    "cyngor ceredigion": "Ceredigion County Council",
    "cyngor sir powys": "Powys County Council", "cyngor powys": "Powys County Council",
    "cyngor abertawe": "Swansea Council", "cyngor dinas a sir abertawe": "Swansea Council",
    "cyngor bro morgannwg": "Vale of Glamorgan Council",
    "cyngor sir ynys môn": "Isle of Anglesey County Council",
    "cyngor sir ynys mon": "Isle of Anglesey County Council",
    "cyngor sir penfro": "Pembrokeshire County Council",
    "cyngor sir benfro": "Pembrokeshire County Council",
    "cyngor sir y fflint": "Flintshire County Council",
    "cyngor casnewydd": "Newport City Council", "cyngor dinas casnewydd": "Newport City Council",
    "llywodraeth cymru": "Welsh Government",
}


def _unmutated(name: str) -> str:
    """'Gyngor Sir X' as 'Cyngor Sir X': the soft mutation a greeting puts after 'Annwyl'."""
    return re.sub(r"^(\s*)[Gg]yngor\b", r"\1Cyngor", name)


def english_name(name: str) -> str:
    """A Welsh public body's English name: 'Cyngor Sir Caerdydd' -> 'Cardiff Council', 'Heddlu
    De Cymru' -> 'South Wales Police', 'Cyngor Gwynedd' -> 'Gwynedd Council', and after
    'Annwyl' the mutated 'Gyngor', 'Lywodraeth' alike; any other name as it is. The corpus and
    requesters' habits name them in English."""
    low = " ".join(re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower().split())
    low = re.sub(r"^gyngor\b", "cyngor", re.sub(r"^lywodraeth\b", "llywodraeth", low))
    if low in _WELSH_COUNCILS:
        return _WELSH_COUNCILS[low]
    if low in _WELSH_BODIES:
        return _WELSH_BODIES[low]
    m = _WELSH.match(name) or _WELSH.match(_unmutated(name))
    if not m:
        return name
    place = m.group(2)
    place = _WELSH_PLACES.get(place.lower(), place)
    return f"{place} {'Police' if m.group(1).lower() == 'heddlu' else 'Council'}"


_KEY_NOISE = re.compile(
    r"\b(the|of|council|city|county|borough|district|london|metropolitan|royal|and|nhs|trust|"
    r"foundation|police|service|foi|response|disclosure|log|ft)\b")
_POLICE = re.compile(r"\b(?:police|constabulary|chief constable)\b")
_NHS = re.compile(r"\b(?:nhs|trust|hospitals?|ambulance|clinical commissioning|ccg)\b")
_FORCE_NOISE = re.compile(r"\b(?:commissioner of|chief constable of|constabulary|foi|"
                          r"response|disclosure|log|commissioner)\b")
_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.(?:gov\.uk|gov\.scot|gov\.wales|nhs\.uk|"
                     r"police\.uk|ac\.uk|org\.uk|co\.uk|org|com)$")


def is_generic(name: str) -> bool:
    """'council' or 'the police': words every authority shares, naming none."""
    return not _KEY_NOISE.sub(" ", name.lower()).strip()


@lru_cache(maxsize=4096)  # the check's neighbour weighting asks it ~400 times per draft
def authority_key(name: str | None) -> str:
    """One key for the spellings of one authority: 'London Borough of Barnet', 'Barnet
    Council', 'barnet.gov.uk' and 'London Borough of Barnet FOI' all give 'barnet'; a place's
    force and NHS body keep their kind ('surrey police', 'surrey nhs', 'surrey')."""
    if not name:
        return ""
    low = " ".join(name.lower().replace("&", " and ").split())  # 'Fire & Rescue'
    m = _DOMAIN.match(low)
    if m:
        low = m.group(1).replace("-", " ")
    low = re.sub(r"\btfl\b", "transport for london", low)  # tfl.gov.uk, TfL
    # Surrey Police, Surrey County Council and NHS Surrey are three bodies: the kind stays in
    # the key, and a force's own name in it ('Metropolitan Police', 'Met Police')
    kind = "police" if _POLICE.search(low) else "nhs" if _NHS.search(low) else ""
    if "university" in low:
        return " ".join(re.sub(r"\b(?:the|of)\b", " ", low).split())
    if kind == "police":
        low = _FORCE_NOISE.sub(" ", re.sub(r"\bmet\b", "metropolitan", low))
        base = " ".join(re.sub(r"\b(?:police|service|the|of|and)\b", " ", low).split())
    else:
        base = " ".join(_KEY_NOISE.sub(" ", low).split())
    return f"{base} {kind}".strip() if base else low


_DOMAIN_NAME = re.compile(r"\.(?:gov|nhs|police|ac|org|co)\.uk$|\.(?:org|com|scot|wales)$", re.I)


def is_domain(name: str) -> bool:
    return bool(_DOMAIN_NAME.search(name))


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Each spelling -> the name its authority is shown by: of the spellings sharing its key,
    a name before a web domain ('Hastings Borough Council', not 'hastings.gov.uk'), then the
    commonest, then the first seen. One body, one name beside every precedent."""
    counts = Counter(n for n in names if n)
    best: dict[str, str] = {}
    for name in counts:  # first seen first: ties keep the earlier spelling
        key = authority_key(name)
        rival = best.get(key)
        if rival is None or ((not is_domain(name), counts[name])
                             > (not is_domain(rival), counts[rival])):
            best[key] = name
    return {name: best[authority_key(name)] for name in counts}
