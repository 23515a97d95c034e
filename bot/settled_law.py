"""Requests the law itself settles, whatever the corpus holds. Pure logic.

The risk model learns from past replies, and the corpus has almost none of some requests that
are refused essentially always: patients' or pupils' names (personal data, s40(2), and medical
records are confidential too, s41), Cabinet minutes and submissions to ministers on policy
(s35), anything from or about the security bodies (s23, absolute). Scored on the neighbours
alone, a request for patients' names at an NHS trust came out "low (29%)". These rules set a
floor under the risk and name the ground, so a requester is warned where the law, not the
corpus, says what will happen. Each is narrow on purpose: it must name the kind of
information, not only the topic, and a request that says it wants no names is not caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.track_record import authority_kind


@dataclass(frozen=True)
class SettledGround:
    section: str
    subsection: str
    floor: float  # the least risk the ground leaves
    why: str  # for 'raises the risk: ...'


# members of the public, not staff acting in their role
_PRIVATE = (r"patients?|pupils?|children|child|students?|victims?|service users?|tenants?|"
            r"claimants?|complainants?|witnesses|offenders?|prisoners?|inmates?|asylum seekers?|"
            r"refugees?|foster carers?|adopters?|families|parents|residents?|people|individuals|"
            r"persons|suspects|applicants|recipients")
# 'names and dates of birth of', 'the full name and address of', 'medical records of'
_IDENTIFYING = (r"(?:full )?names?(?:,? (?:and|&) (?:their )?(?:dates? of birth|(?:home )?"
                r"addresses|ages|contact details|medical records))?|(?:home )?addresses|"
                r"dates? of birth|identit(?:y|ies)|medical records?")
# the person named is the noun right after 'of' (one word may qualify it: 'of the injured
# pupils'), not a school, ward or firm they are near ('names of schools where pupils...'),
# nor a service for them ("Children's Services", "foster carers' agencies")
_NAMED_PERSON = (rf"\b(?:{_IDENTIFYING}) (?:of|for) (?:the |all |any |each |those )?(?:[a-z-]+ )?"
                 rf"(?:{_PRIVATE})\b(?!['’])")
_POSSESSIVE = (rf"\b(?:{_PRIVATE})['’]s? (?:full )?(?:names?|(?:home )?addresses|dates? of birth|"
               rf"medical records)\b")
_WITH_THEIR = (rf"\b(?:{_PRIVATE})\b[^.?;]{{0,80}}\b(?:with|and) their (?:full )?(?:names?|"
               rf"(?:home )?addresses|dates? of birth)\b|"
               rf"\bwhat (?:are|were) their (?:full )?names\b")
# a policy on naming people names no one
_POLICY_ON = re.compile(r"\b(?:policy|policies|procedures?|guidance|protocols?|rules?) (?:on|for|"
                        r"about|regarding)\b", re.I)
# a Vice-Chancellor runs a university, not the Treasury
_MINISTERS = (r"secretary of state|minister|prime minister|home secretary|foreign secretary|"
              r"(?<!vice-)(?<!vice )chancellor")
# 'anonymised', 'without names', 'I am not asking for names': the names are not wanted; 'without
# names of staff' said of one group leaves another's asked for, so it must come before the ask
_NO_NAMES = re.compile(r"\b(?:without|not|no|exclud\w*|redact\w*|anonymi[sz]\w*)\b[^.?;]{0,30}"
                       r"\b(?:names?|personal|identif\w*)|\banonymi[sz]ed\b", re.I)
# a senior officer acting officially is named as a matter of course
_SENIOR = re.compile(r"\b(?:in charge|responsible|leading|lead|senior|head|director|chief|"
                     r"commander|superintendent)\b", re.I)
_DECEASED = re.compile(r"\b(?:died|dead|deceased|death)\b", re.I)
_GROUNDS = (
    # data protection law covers only the living: the dead's records are confidential (s41)
    (re.compile(r"\bmedical records? of\b|\bmedical records\b", re.I),
     SettledGround("s41", "s41(1)", 0.85,
                   "asks for medical records (held in confidence: refused under s41, and "
                   "under s40(2) too for the living)")),
    (re.compile(f"{_NAMED_PERSON}|{_POSSESSIVE}|{_WITH_THEIR}", re.I),
     SettledGround("s40", "s40(2)", 0.85,
                   "asks for members of the public's names or personal details (personal "
                   "data: refused in practice under s40(2))")),
    # a named member of staff in an incident, a complaint or discipline: not their public role
    (re.compile(r"\bnames?\b[^.?;]{0,30}\b(?:surgeons?|doctors?|nurses?|midwi(?:fe|ves)|"
                r"clinicians?|consultants?|social workers?|teachers?|officers?|staff|employees?)"
                r"\b[^.?;]{0,50}\b(?:involved|disciplin\w*|dismissed|suspended|"
                r"complain\w*|investigat\w*|never events?|incidents?|misconduct)", re.I),
     SettledGround("s40", "s40(2)", 0.75,
                   "asks who was involved in an incident, complaint or discipline (staff's "
                   "personal data: usually refused under s40(2))")),
    (re.compile(rf"\bcabinet (?:minutes|papers|committee|meetings?|discussions?)\b|\bminutes of "
                rf"(?:the )?cabinet\b|\b(?:submissions?|advice|briefings?|minutes|notes|readouts?)"
                rf"\b[^.?;]{{0,50}}\b(?:{_MINISTERS}|ministers?|cabinet)\b|\bministerial (?:"
                rf"submissions?|briefings?|diar(?:y|ies))|\bdiar(?:y|ies) of the (?:{_MINISTERS})"
                rf"\b|\b(?:{_MINISTERS})['’]s diar(?:y|ies)\b", re.I),
     SettledGround("s35", "s35(1)(a)", 0.6,
                   "asks for advice to ministers, their meetings or Cabinet papers (s35 "
                   "protects the making of government policy)")),
    (re.compile(r"\b(?:mi5|mi6|gchq|security service|secret intelligence service|special "
                r"forces|national crime agency's intelligence)\b", re.I),
     SettledGround("s23", "s23(1)", 0.85,
                   "concerns the security and intelligence bodies (s23: an absolute "
                   "exemption, often met with neither confirm nor deny)")),
)


# s35 covers government departments only: a council's cabinet meets in public
_LOCAL = re.compile(r"\b(?:council|borough|county|mayor|councillors?|combined authority)\b", re.I)


def _applies(ground: SettledGround, question: str, authority: str | None) -> bool:
    if ground.section == "s41":
        return bool(_DECEASED.search(question))
    if ground.section == "s40":
        if _POLICY_ON.search(question) or (ground.floor < 0.85 and _SENIOR.search(question)):
            return False  # 'the officer in charge of the investigation'
        # only what is asked before 'without names' counts
        wanted = question[:m.start()] if (m := _NO_NAMES.search(question)) else question
        return any(rx.search(wanted) for rx, g in _GROUNDS if g is ground)
    if ground.section == "s23":  # a planning application for GCHQ's car park is on a register
        return not re.search(r"\bplanning\b", question, re.I) and authority_kind(
            authority) not in ("council", "education", "health", "school")
    if ground.section == "s35":
        # a count or the dates of papers reveal no advice; legal advice is s42's first
        if _COUNT_OR_DATES.search(question) or re.search(r"\blegal advice\b", question, re.I):
            return False
        kind = authority_kind(authority) if authority else None
        return kind in (None, "central", "other") and not _LOCAL.search(
            f"{question} {authority or ''}")
    return True


_COUNT_OR_DATES = re.compile(r"^\W*(?:how many|what (?:is|was) the number)\b|\bnumber of\b|"
                             r"\b(?:dates?|when)\b(?! of birth)", re.I)
# Government departments (ministerial and not, and the devolved governments), the only bodies
# s35 covers; any other public body's advice to ministers falls under s36
_DEPARTMENT = re.compile(
    r"\b(?:department|ministry|cabinet office|home office|foreign|hm treasury|treasury|"
    r"hm revenue|hmrc|scotland office|wales office|northern ireland office|welsh government|"
    r"llywodraeth cymru|scottish government|executive office|ofsted|ofgem|ofwat|ofqual|"
    r"national archives|food standards agency|charity commission|crown prosecution service|"
    r"serious fraud office|competition and markets authority|uk statistics authority|"
    r"government legal|attorney general|prime minister|number 10|downing street|"
    r"(?:mod|moj|dwp|dfe|dft|dhsc|defra|fcdo|desnz|dsit|dbt|dcms|mhclg|dluhc|beis|hmt)\b)", re.I)
_S36 = SettledGround("s36", "s36(2)(b)", 0.6,
                     "asks for advice to ministers or internal deliberation (s36 protects the "
                     "free and frank giving of advice, in the qualified person's opinion)")


def is_department(authority: str | None) -> bool:
    """Whether s35 can apply at all: only a government department holds its information."""
    return bool(authority and _DEPARTMENT.search(authority))


def _subsection(question: str) -> str:
    """s35(1)(d) for a minister's private office (diaries), (b) for Cabinet and ministers'
    communications, else (a), the formulation of policy."""
    if re.search(r"\bdiar(?:y|ies)\b", question, re.I):
        return "s35(1)(d)"
    if re.search(r"\bcabinet\b|\bcommunications? (?:between|with) ministers\b", question, re.I):
        return "s35(1)(b)"
    return "s35(1)(a)"


def settled_ground(question: str, authority: str | None = None) -> SettledGround | None:
    """The ground the law settles this question on, sent to `authority`, or None. The first
    that fits names it."""
    ground = next((ground for rx, ground in _GROUNDS
                   if rx.search(question) and _applies(ground, question, authority)), None)
    if ground and ground.section == "s35":
        if authority and not is_department(authority):
            return _S36
        return replace(ground, subsection=_subsection(question))
    return ground
