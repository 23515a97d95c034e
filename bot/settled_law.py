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
from dataclasses import dataclass

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
            r"refugees?|foster carers?|adopters?|families|parents|residents? who")
_IDENTIFYING = r"(?:full )?names?|addresses|dates? of birth|identit(?:y|ies)|medical records?"
# a Vice-Chancellor runs a university, not the Treasury
_MINISTERS = (r"secretary of state|minister|prime minister|home secretary|foreign secretary|"
              r"(?<!vice-)(?<!vice )chancellor")
_NO_NAMES = re.compile(r"\b(?:without|not|no|exclud\w*|redact\w*|anonymi[sz]\w*)\b[^.?;]{0,30}"
                       r"\b(?:names?|personal|identif\w*)|\banonymi[sz]ed\b", re.I)
_GROUNDS = (
    (re.compile(rf"\b(?:{_IDENTIFYING})\b[^.?;]{{0,40}}\b(?:of|for)\s+(?:the\s+|all\s+|any\s+"
                rf"|each\s+)?(?:\w+\s+){{0,2}}(?:{_PRIVATE})\b|\b(?:{_PRIVATE})['’]?\s*(?:full "
                rf")?(?:names|addresses|medical records)\b|\bmedical records? of\b", re.I),
     SettledGround("s40", "s40(2)", 0.85,
                   "asks for members of the public's names or records (personal data: "
                   "refused in practice under s40(2))")),
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
    if ground.section == "s40":
        return not _NO_NAMES.search(question)
    if ground.section == "s35":
        kind = authority_kind(authority) if authority else None
        return kind in (None, "central", "other") and not _LOCAL.search(
            f"{question} {authority or ''}")
    return True


def settled_ground(question: str, authority: str | None = None) -> SettledGround | None:
    """The ground the law settles this question on, sent to `authority`, or None. The first
    that fits names it."""
    return next((ground for rx, ground in _GROUNDS
                 if rx.search(question) and _applies(ground, question, authority)), None)
