"""The body a pasted letter greets ('Dear Sheffield City Council,', 'FAO: ... Kent CC'). Pure logic.

A letter names its authority in its greeting; a check reads it from there when the user named
none, and says so when the letter greets another body than the one named. A greeting is read
as a body only when it carries a body word or is a known body or initials: a person's name is
never taken for an authority (it would be wrong, and it would put the name in the check).
"""

from __future__ import annotations

import re

from bot.scotland import scottish_body
from corpus.header import english_name, expand_initials, find_authority

_GREETED = re.compile(r"^\s*(?:dear|to|annwyl)\s+([^,\n:]{3,80})[,\n:]", re.I)
# a pasted e-mail greets the body after its From/Sent/To/Subject lines
_GREETED_LATER = re.compile(r"^[ \t]*(?:dear|annwyl)\s+([^,\n:]{3,80})[,\n:]", re.I | re.M)
_A_BODY = re.compile(r"\b(?:council|police|constabulary|nhs|trust|university|college|"
                     r"c?yngor|gyngor|heddlu|treasury|highways|rail|government|executive|"
                     r"department|ministry|office|service|authority|commission|agency|board|"
                     r"transport|fire)\b", re.I)
# words that name a body only after a proper name: 'Harris Federation', 'Ark Schools',
# 'St Mary's Primary School', 'Northern Ireland Water', 'Sheffield Teaching Hospitals',
# 'Yorkshire Ambulance'; 'what about schools?' and 'what about hospitals?' name none
_NAMED_BODY = re.compile(r"^(?:the\s+)?(?-i:[A-Z])[\w'’.&-]*(?:\s+[\w'’.&-]+){0,5}?\s+"
                         r"(?:schools?|academy|academies|federation|learning|water|hospitals?|"
                         r"ambulance|icb|infirmary)\b", re.I)
# a GP practice or a housing association is named by capitalised words, as a sign on the door
# is ('Riverside Medical Practice'): 'Code of Practice', 'good practice', 'which surgery' are not
_NAMED_PRACTICE = re.compile(
    r"^(?:the\s+)?(?!(?:Code|Best|Good|Which|What|Whose|Any|Every|Each|Your|My|Our|This|That|"
    r"GP|General)\b)(?:[A-Z][\w'’.&-]*\s+(?:(?:and|on|upon|in|&)\s+)?){1,4}"
    r"(?:Practice|Surgery|(?:Medical|Health) Centre|Housing (?:Association|Group|Trust))$")
# national bodies known by one word or by initials that corpus.header.INITIALS does not list;
# UK Visas and Immigration and Border Force are the Home Office's, which answers for them
_KNOWN = {"ofsted": "Ofsted", "ofcom": "Ofcom", "ofgem": "Ofgem", "ofwat": "Ofwat",
          "ofqual": "Ofqual", "ofs": "Office for Students", "ukvi": "Home Office",
          "uk visas and immigration": "Home Office", "border force": "Home Office",
          "hmcts": "HM Courts and Tribunals Service", "cps": "Crown Prosecution Service",
          "cqc": "Care Quality Commission", "hse": "Health and Safety Executive",
          "dvsa": "Driver and Vehicle Standards Agency", "ons": "Office for National Statistics",
          "companies house": "Companies House", "bbc": "BBC"}
_FAO = re.compile(r"^[ \t]*(?:fao|f\.a\.o\.?|for the attention of)\s*:?\s*(?:[^,\n]*,\s*)*"
                  r"([^,\n]{3,80})", re.I | re.M)  # 'FAO: Information Governance, Kent CC'
# 'Home Office FOI team', 'Kent Police - FOI', 'Leeds City Council (Information Governance)'
_TEAM_AFTER = re.compile(r"(?:\s+[-–]\s*|\s+\(?)(?:(?:foi|freedom of information|information "
                         r"governance|information rights|data protection|disclosure|records|"
                         r"compliance)\s*)+(?:team|unit|officer|office|section|department)?\)?"
                         r"\s*$|\s+(?:team|unit)\s*$", re.I)
# 'FOI team at Leeds City Council', 'Jane Smith (Kent Police)', 'Mr Smith of Kent Police'
_JOIN = re.compile(r"\s+(?:at|of|for|from|[-–])\s+(?:the\s+)?|\s*\(\s*", re.I)
# what comes before 'of' in a body's own name: 'City of London Police', 'Isle of Wight Council'
_PLACE_LEAD = re.compile(r"\b(?:city|county|borough|district|royal|metropolitan|isle|vale|port|"
                         r"commissioner)\b", re.I)
_A_PERSON = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr|prof|professor|cllr|councillor)\b\.?", re.I)
# 'Sir' is Welsh for county after 'Cyngor' or its mutation 'Gyngor' ('Annwyl Gyngor Sir Gâr')
_NOT_A_BODY = re.compile(r"\b(?:(?<!yngor )sir|madam|foi|freedom of information|team|officer|whom|"
                         r"colleague|all|customer|information governance|data protection|"
                         r"records|manager)\b", re.I)


def _welsh(name: str) -> str | None:
    """A Welsh body's English name on record ('Cyngor Sir Gâr' -> 'Carmarthenshire County
    Council', after 'Annwyl' 'Gyngor Sir Gâr' too); None for a name that is not Welsh."""
    english = english_name(name)
    return english if english != name.strip() else None


def names_a_body(text: str) -> bool:
    """Whether a phrase names a public body ('the fire service', 'Kent Police', 'UKVI',
    'Harris Federation'): by a body word, as a known body or initials, never as a person
    ('Mr Smith'), so that a follow-up or a greeting sets the authority only when it names one."""
    name = text.strip()
    if not name or _A_PERSON.search(name):
        return False
    return bool(_A_BODY.search(name) or _NAMED_BODY.match(name) or _NAMED_PRACTICE.match(name)
                or _known(name) or _welsh(name)
                or expand_initials(name) != name or find_authority(name) or scottish_body(name))


def body_name(name: str) -> str:
    """The name a body goes by on record: 'the DfE' -> 'Department for Education', 'UKVI' ->
    'Home Office', 'Cyngor Gwynedd' -> 'Gwynedd Council'; any other name as it is, less 'the'."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    # 'Annwyl Gyngor Gwynedd': after 'Annwyl' Welsh mutates 'Cyngor' to 'Gyngor'
    bare = re.sub(r"^Gyngor\b", "Cyngor", bare, flags=re.I)
    return _known(bare) or _welsh(bare) or expand_initials(bare)


def greeted(text: str) -> str | None:
    """The authority a pasted letter greets ('Dear Sheffield City Council,'), when no other is
    named: the draft is checked against its history as if the user had named it. 'Dear
    Sir/Madam', 'Dear FOI Team' and 'Dear Mr Smith' greet nobody in particular."""
    name = _addressee(_greeting(text))
    if not name or _NOT_A_BODY.search(name) or not names_a_body(name):
        return None
    return body_name(name)


def _greeting(text: str) -> str:
    """Whom the letter's opening line greets, as written."""
    head = "\n".join(text.splitlines()[:12])
    m = _GREETED.match(text) or _GREETED_LATER.search(head) or _FAO.search(head)
    return _english(m.group(1).strip()) if m else ""


# 'Annwyl Gyngor Gwynedd / Dear Gwynedd Council': a bilingual greeting, each language greeting
_BILINGUAL = re.compile(r"\s*[/|]\s*(?=(?:dear|annwyl)\s)", re.I)


def _english(name: str) -> str:
    """The English part of a bilingual greeting ('Gwynedd Council' from 'Gyngor Gwynedd / Dear
    Gwynedd Council', or from 'Gwynedd Council / Annwyl Gyngor Gwynedd'); a greeting in one
    language as it is ('Sir/Madam' stays whole)."""
    parts = _BILINGUAL.split(name)
    if len(parts) < 2:
        return name
    english = [p for p in parts[1:] if re.match(r"dear\s", p, re.I)]
    first = parts[0] if not re.match(r"annwyl\s", parts[0], re.I) else ""
    chosen = re.sub(r"^dear\s+", "", english[0], flags=re.I) if english else first
    return (chosen or parts[0]).strip()


def _addressee(name: str) -> str:
    """The body in a greeting that also names a team or a person ('FOI team at Leeds City
    Council', 'Jane Smith at Kent Police', 'Home Office FOI team'): the body alone, so neither
    the team nor the person's name is taken for it. 'Department for Education' and 'University
    of Bristol' are bodies whole: a body word comes before the join."""
    name = _TEAM_AFTER.sub("", name).strip()
    for join in _JOIN.finditer(name):
        before, after = name[:join.start()], name[join.end():].strip(" )")
        if names_a_body(after) and not (names_a_body(before) or _PLACE_LEAD.search(before)):
            return after
    return name


def _known(name: str) -> str | None:
    """A national body _KNOWN by one word or its initials, under its name on record."""
    return _KNOWN.get(re.sub(r"\s+", " ", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
                      .lower())
