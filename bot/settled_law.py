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

from bot.prefilter import prefiltered, prefiltered_pairs
from bot.track_record import authority_kind


@dataclass(frozen=True)
class SettledGround:
    section: str
    subsection: str
    floor: float  # the least risk the ground leaves
    why: str  # for 'raises the risk: ...'


# members of the public, not staff acting in their role
PRIVATE_PEOPLE = (r"patients?|pupils?|children|child|students?|victims?|service users?|tenants?|"
            r"claimants?|complainants?|witnesses|offenders?|prisoners?|inmates?|asylum seekers?|"
            r"refugees?|foster carers?|adopters?|families|parents|residents?|people|individuals|"
            r"persons|suspects|applicants|recipients")
# 'names and dates of birth of', 'the full name and address of', 'medical records of'
_DETAILS = (r"(?:home |postal |e-?mail )?address(?:es)?|ages?|contact details|"
            r"(?:tele)?phone numbers?|dates? of birth|medical records")
_IDENTIFYING = (rf"(?:full )?names?(?:,? (?:and|&) (?:their )?(?:{_DETAILS}))?|"
                r"(?:home )?addresses|home address|dates? of birth|identit(?:y|ies)|"
                r"medical records?")
# 'the address of the tenant', 'contact details of the claimant'; said with 'for' they are how
# to reach a service ('the address for applicants to write to'), not who someone is
_DETAILS_OF = r"(?:address|contact details|(?:tele)?phone numbers?)"
# people who sit on a body in public ('individuals who sit on the planning committee') or lead
# its work ('the people in charge of the investigation')
_SITS_ON = (r"\s+(?:who|that)\s+(?:sits?|sat|serves?|served|are|were)\s+(?:on|members of)\s+"
            r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:board|committee|council|cabinet|trust)|"
            r"\s+(?:in charge|leading|heading|in command)\b")
# the person named is the noun right after 'of' (one word may qualify it: 'of the injured
# pupils'), not a school, ward or firm they are near ('names of schools where pupils...'),
# nor a service for them ("Children's Services", "foster carers' agencies")
_NAMED_PERSON = (rf"\b(?:(?:{_IDENTIFYING}) (?:of|for)|{_DETAILS_OF} of) (?:the |all |any |each |"
                 rf"those )?(?:[a-z-]+ )?(?:{PRIVATE_PEOPLE})\b(?!['’])(?!{_SITS_ON})")
_POSSESSIVE = (rf"\b(?:{PRIVATE_PEOPLE})['’]s? (?:full )?(?:names?|(?:home )?address(?:es)?|"
               rf"contact details|(?:tele)?phone numbers?|dates? of birth|medical records)\b")
# 'the home addresses used to calculate distances for the children admitted': a home address
# is a private person's however the sentence reaches them
_HOME_ADDRESS_FOR = (rf"\bhome addresses?\b[^.?;]{{0,80}}?\b(?:of|for)\s+(?:the |all |any |each |"
                     rf"those )?(?:[a-z-]+ )?(?:{PRIVATE_PEOPLE})\b(?!['’])(?!{_SITS_ON})")
_WITH_THEIR = (rf"\b(?:{PRIVATE_PEOPLE})\b[^.?;]{{0,80}}\b(?:with|and) their "
               rf"(?:full )?(?:names?|(?:home )?address(?:es)?|contact details|dates? of birth)\b|"
               rf"\bwhat (?:are|were) their (?:full )?names\b")
# 'a list of the people served with a Community Protection Notice': who they are, as surely as
# their names (a public register's entries are another matter: see _PUBLIC_REGISTER)
LIST_OF_PEOPLE = re.compile(rf"\blist of (?:the |all |any |each |those )?(?:[a-z-]+ )?"
                            rf"(?:{PRIVATE_PEOPLE})\b(?!['’])(?!{_SITS_ON})", re.I)
# planning applicants, licence holders, the electoral register: listed in public by law
_PUBLIC_REGISTER = re.compile(r"\b(?:planning|licen[cs]\w*|register(?:ed|s)?|electoral|"
                              r"companies house)\b", re.I)
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
# people who act in public: in that role they are named as a matter of course (the ICO's
# guidance on s40: councillors, board members and senior officials have no reasonable
# expectation that their official acts stay private), so their names are no personal-data ask
PUBLIC_ROLES = (r"councillors?|(?:board|committee|cabinet|council) members?|members of "
                r"(?:the )?(?:board|committee|cabinet|council|parliament)|(?:non-)?executive "
                r"directors?|directors?|trustees|governors|ministers?|mps|mayors?|"
                r"commissioners?|chief (?:officers?|executives?|constables?)|senior (?:officers?|"
                r"officials?|managers?|staff|civil servants?|leadership team)|heads? of (?:service|"
                r"department)s?")
# one officer named by the role they lead in ('the officer in charge of Operation X', 'the
# senior investigating officer'), not the one who arrested someone
IN_CHARGE = r"\s+(?:in charge|leading|heading|in command)\b"
_NAMES_PUBLIC = re.compile(
    rf"\bnames?\b(?:,? (?:and|&) [\w ]{{1,30}}?)? (?:of|for) (?:the |all |any |each |those )?"
    rf"(?:(?:{PUBLIC_ROLES})\b|(?:[a-z-]+ )?(?:officer|person|individual)s?{IN_CHARGE}|"
    rf"(?:senior|lead|chief)\b)|\bwho (?:is|was|are|were) the (?:officer|person|individual)s?"
    rf"{IN_CHARGE}", re.I)


def names_public_figures(question: str) -> bool:
    """Whether the names asked for are of people acting in public ('the names of councillors
    who voted against the budget', 'the officer in charge of Operation X'): no private person's
    data, so anonymising them is no fix and a refusal under s40 is unlikely."""
    return bool(_NAMES_PUBLIC.search(question))


# One identifiable person, by role or title ('the Director of Adult Social Care', 'the council's
# chief executive', 'a named officer'): not 'officers' or 'a police officer' in general
ONE_ROLE = (r"(?:the|that|this|your|its|a named|a particular|a specific|one named)\s+"
             r"(?:[\w-]+['’]s\s+)?(?:(?:former|current|previous|interim|acting|deputy|assistant|"
             r"senior|named)\s+)?(?:director|chief executive|chief constable|"
             r"chief officer|chief inspector|head ?teacher|principal|vice-chancellor|chair(?:man|"
             r"woman|person)?|leader|mayor|councillor|officer|manager|employee|member of staff|"
             r"head of [\w-]+(?: [\w-]+)?|monitoring officer|superintendent|inspector|sergeant|"
             r"constable|nurse|doctor|surgeon|consultant|teacher|social worker|clerk|governor|"
             r"trustee|commissioner)\b(?!['’]s? (?:office|department|directorate|team|"
             r"services?)\b)")
# what is said about them that is theirs, not their office's: complaints, grievances,
# discipline, investigations, sickness, appraisals
_ABOUT_WHAT = (r"(?:complaints?|grievances?|disciplinary (?:action|proceedings|hearings?|records?|"
               r"investigations?|cases?|matters?)|misconduct (?:allegations?|investigations?|"
               r"proceedings|hearings?|cases?)|allegations?|investigations?|sickness(?: absence)?|"
               r"absences?|performance (?:reviews?|issues|concerns|management)|appraisals?|"
               r"suspensions?|exit interviews?|tribunal claims?)")
ABOUT_ONE_PERSON = (
    rf"\b{_ABOUT_WHAT}\b(?:[^.?;]{{0,40}}?\s)?(?:against|about|into|regarding|concerning|"
    rf"relating to|involving|made by|raised by|brought by)\s+{ONE_ROLE}"
    rf"|\b(?:sickness|absence|disciplinary|performance|appraisal|personnel|hr|employment)\s+"
    rf"(?:records?|history|file)\s+(?:of|for)\s+{ONE_ROLE}"
    rf"|{ONE_ROLE}['’]s\s+(?:sickness|absences?|disciplinary|grievances?|complaints?|appraisals?|"
    rf"performance (?:reviews?|issues)|personnel|hr|employment (?:records?|history))")
_ABOUT_ONE = SettledGround("s40", "s40(2)", 0.75,
                           "asks about complaints, grievances, discipline or sickness concerning "
                           "one identifiable person (their personal data even in a public role, "
                           "whose official acts alone are public: usually refused under s40(2), "
                           "often neither confirmed nor denied under s40(5))")
# One identifiable person's records ('the case files for the child referred to in the serious
# case review', 'the care records of the patient who died at X'): a named or unnamed but
# identifiable person's social care, medical or case records are theirs, and confidential
_RECORDS = (r"(?:case (?:files?|notes|records?|histor(?:y|ies))|(?:social (?:care|services|work)|"
            r"care|health|medical|hospital|clinical|school|education(?:al)?|safeguarding|"
            r"criminal|police|personnel|hr|employment|disciplinary|child protection) "
            r"(?:records?|files?|notes)|files?|records?|notes|care plans?|assessments?|details|"
            r"information|reports?|correspondence|documents?|emails?)")
_ONE_PRIVATE = (r"(?:child|baby|infant|boy|girl|young person|patient|pupil|student|victim|tenant|"
                r"resident|person|individual|man|woman|service user|claimant|prisoner|offender|"
                r"suspect|deceased|mother|father|family)")
# the person is the one meant ('referred to in', 'who died', 'named in', ', ...', the end), not
# a service or a kind of record ('the child protection plan', 'the patient experience survey')
_MEANT = (r"(?=\s+(?:referred|named|mentioned|involved|identified|who|whose|that|in|at|known|"
          r"described|concerned|featured|subject|from|on|placed|removed|taken|killed|harmed|"
          r"injured|found|detained|held)\b|\s*[,.?;:)]|\s*$)")
ONE_PERSONS_RECORDS = prefiltered(re.compile(
    rf"\b{_RECORDS}\b[^.?;]{{0,30}}?\b(?:for|of|about|on|relating to|concerning|regarding|"
    rf"into the death of|held on)\s+(?:the|this|that)\s+(?:[a-z-]+\s+)?{_ONE_PRIVATE}\b"
    rf"(?!['’])(?!s\b){_MEANT}"
    rf"|\b(?:the|this|that)\s+(?:[a-z-]+\s+)?{_ONE_PRIVATE}['’]s\s+(?:[a-z-]+\s+){{0,2}}"
    rf"{_RECORDS}\b", re.I))
_ONE_PERSONS_FILE = SettledGround("s40", "s40(2)", 0.85,
                                  "asks for the records of one identifiable person (their "
                                  "personal data, named or not: a child's or patient's care "
                                  "records are special-category data, refused under s40(2) and "
                                  "held in confidence, s41)")
# the dead have no personal data: their records are confidential (s41)
_DECEASED_FILE = SettledGround("s41", "s41(1)", 0.75,
                               "asks for the records of one identifiable person who has died "
                               "(held in confidence: usually refused under s41)")
# anyone's home address, a member of staff's too ('who is responsible for highways and what is
# their home address'): not a care home's or a nursing home's
_ANY_HOME_ADDRESS = re.compile(r"(?<!care )(?<!nursing )(?<!residential )(?<!children's )"
                               r"(?<!childrens )\bhome addresse?s?\b", re.I)
_HOME_ADDRESS = SettledGround("s40", "s40(2)", 0.85,
                              "asks for someone's home address (personal data, a member of "
                              "staff's as much as a member of the public's: refused under "
                              "s40(2))")

# a count or the dates of papers reveal no advice given
COUNT_OR_DATES = re.compile(r"^\W*(?:how many|what (?:is|was) the number)\b|\bnumber of\b|"
                            r"\b(?:dates?|when)\b(?! of birth)", re.I)
# a list names people less surely than a request for names: some lists are of organisations'
# contacts, so the floor is lower
_LISTED = SettledGround("s40", "s40(2)", 0.75,
                        "asks for a list of members of the public (who they are is personal "
                        "data: usually refused under s40(2))")
# Legal professional privilege (s42): the advice itself, not what it cost or how often it was
# sought. The tribunals hold that privilege carries a strong public interest of its own (Bellamy
# v IC, EA/2005/0023; DBERR v O'Brien [2009] EWHC 164 (QB)), so it is upheld far more often
# than the qualified exemptions behind the 0.6 floors; it gives way only where privilege was
# waived, the matter is long closed or the public interest is exceptional.
_LEGAL_ADVICE = prefiltered(re.compile(
    r"\blegal (?:advice|opinions?)\b(?! (?:services?|centres?|clinics?|charit(?:y|ies)|"
    r"providers?|agenc(?:y|ies)|sector|line|helplines?|sessions?|funding|grants?|costs?|fees?|"
    r"bills?|spend|budgets?|expenditure)\b)|\bcounsel['’]?s (?:advice|opinions?)\b|"
    r"\b(?:advice|opinions?) (?:from|of|given by|provided by|obtained from|received from) "
    r"(?:the |its |your |an? |external |outside |the council['’]s )?(?:solicitors?|lawyers?|"
    r"counsel|barristers?|kcs?|qcs?|legal (?:team|services|department|advisers?))\b|"
    r"\blegally privileged\b", re.I))
# what was spent on legal advice, how often it was sought, whether it was: facts about the
# advice, usually released (a cost, count or a yes/no question before the advice is named;
# 'what advice have you received' asks for the advice itself); 'officers'
# time spent providing legal advice' is the work, not the advice
_ADVICE_FACTS = prefiltered(re.compile(
    r"\b(?:how much|costs?|spend|spent|expenditure|fees?|paid|amount|budget|invoices?|"
    r"how many|number of|times|occasions|whether)\b[^.?;]{0,60}\b(?:legal|counsel|solicitors?|"
    r"lawyers?|barristers?)\b|\b(?:providing|giving|offering) legal advice\b|"
    r"(?:^\W*|\band\s+)(?:did|has|have|had) (?:the [\w-]+|you|it|they) (?:ever )?"
    r"(?:seek|sought|take|taken|obtain|obtained|receive|received|get|got)\b", re.I))
# ... unless a copy of the advice is asked for too ('whether advice was sought and, if so, a
# copy')
_ADVICE_COPY = prefiltered(re.compile(
    r"\bcop(?:y|ies)\b[^.?;]{0,40}\b(?:advice|opinions?)\b|\bif so\b[^.?;]{0,40}\b(?:cop(?:y|"
    r"ies)|provide|disclose|release|send)\b", re.I))
_LEGAL_PRIVILEGE = SettledGround("s42", "s42(1)", 0.7,
                                 "asks for the legal advice itself (legal professional "
                                 "privilege, s42: usually upheld, as privilege carries a strong "
                                 "public interest of its own; what the advice cost and how "
                                 "often it was sought are usually given)")

# Everything held on a subject, with no kind of document and no period named: finding it all
# means searching every file, inbox and system, the commonest reason for a cost-limit refusal
# (the ICO's guidance on s12 and on 'all information' requests)
_EVERYTHING = prefiltered(re.compile(
    r"\b(?:everything|all (?:the )?(?:information|data|records|documents|documentation|"
    r"materials?|files)|any and all (?:information|data|records|documents|documentation|"
    r"materials?|files|correspondence))\b(?: (?:that|which))?(?: (?:you|the [\w-]+|your "
    r"[\w-]+|it|they|this [\w-]+) (?:holds?|has|have|keeps?|retains?))?(?: (?:held|recorded|"
    r"kept))?(?: by (?:you|the [\w-]+))? (?:about|on|regarding|relating to|related to|in "
    r"relation to|concerning|in respect of|pertaining to|to do with|connected (?:to|with))\b",
    re.I))
# a period ('in 2023', 'since March', 'the last two years'), a reference ('application
# 23/01234/FUL') or the requester's own data ('about me': a subject access request) narrows it
_NARROWED = prefiltered(re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b|\b(?:since|between|until|to date|from \w+ to)\b|"
    r"\b(?:last|past|previous|this|current) (?:\d+ |one |two |three |four |five |six |twelve )?"
    r"(?:years?|months?|weeks?|days?|quarters?|financial years?)\b|\bref(?:erence)?\b|"
    r"\d+/\d+|\b(?:about|on|regarding|relating to|concerning|of) (?:me|myself|my)\b", re.I))
# every email or message that mentions a word: a search of every mailbox, whatever the period
# ('all emails mentioning outages'), unless the people on either end are named
_ALL_MESSAGES_MENTIONING = prefiltered(re.compile(
    r"\b(?:all|any and all|every|any)\s+(?:(?:internal|staff|council|officers?['’]?)\s+)?"
    r"(?:e-?mails?|correspondence|messages|texts|communications)\s+(?:\w+\s+){0,3}?"
    r"(?:mentioning|referring to|containing|that (?:mention|refer to|contain|include)|"
    r"which (?:mention|refer to|contain)|with the words?)\b", re.I))
_BETWEEN_PEOPLE = re.compile(r"\b(?i:between|from|to|sent by|received by)\s+(?i:the\s+)?"
                             r"(?:[A-Z][\w'-]+|(?i:chief executive|leader|mayor|director|"
                             r"minister|secretary))")
_EVERY_MESSAGE = SettledGround("s12", "s12(1)", 0.6,
                               "asks for every email or message that mentions something, "
                               "whoever sent it (a search of every mailbox: usually refused as "
                               "over the cost limit, s12, unless the senders or recipients and "
                               "a short period are named)")
_EVERYTHING_HELD = SettledGround("s12", "s12(1)", 0.6,
                                 "asks for everything held on a subject, naming no kind of "
                                 "document and no period (finding it all means searching every "
                                 "file, inbox and system: usually refused as over the cost "
                                 "limit, s12, or under the EIR as manifestly unreasonable)")

# Where the armed forces keep their bases, aircraft, weapons or stores: s26 (the capability
# and security of the forces) with s24 (national security). The tribunal upheld the MoD's
# refusal to name the bases RAF Reaper drones flew from (EA/2016/0290); how many are held and
# what they cost are more often given.
_MILITARY_THING = (r"(?:(?:storage |military |air |naval |operating |forward )?bases?|storage "
                   r"(?:sites?|depots?|facilit(?:y|ies)|locations?)|depots?|airfields?|"
                   r"air stations?|barracks|ranges|bunkers?|silos?|hangars?|drones?|uavs?|"
                   r"aircraft|fleets?|jets|helicopters|submarines?|warships?|tanks|missiles?|"
                   r"weapons?|munitions|ammunition|warheads?|explosives|troops|units|squadrons?|"
                   r"regiments?)")
_MILITARY_WHERE = prefiltered(re.compile(
    rf"\b(?:locations?|addresses|address|whereabouts|postcodes?|grid references?|sites?)"
    rf"(?: of| where)\b[^.?;]{{0,40}}?\b{_MILITARY_THING}\b|\bwhere\b[^.?;]{{0,40}}?\b"
    rf"{_MILITARY_THING}\b[^.?;]{{0,30}}?\b(?:stored|kept|held|based|located|stationed|deployed|"
    rf"housed)\b|\bwhich (?:bases|sites|stations|airfields|depots)\b", re.I))
# the forces, in the question or in the body asked: not flood or sea defences, not the
# Salvation Army
_MILITARY = prefiltered(re.compile(
    r"\b(?:raf|royal air force|(?<!salvation )army|royal navy|navy|naval|royal marines|military|"
    r"armed forces|mod|ministry of defence|defence (?:forces|equipment|estates?|sites?|"
    r"establishments?|infrastructure organisation)|dstl|nato|usaf|us air force|troops|"
    r"regiments?|squadrons?|nuclear weapons?|trident)\b", re.I))
# a base's planning application or museum, its recruitment office: public by nature
_PUBLIC_SITE = re.compile(r"\b(?:planning|museums?|recruit\w*|careers? (?:offices?|centres?)|"
                          r"open days?|air shows?|displays?)\b", re.I)
_DEFENCE_SITES = SettledGround("s26", "s26(1)(b)", 0.7,
                               "asks where the armed forces' bases, equipment or weapons are "
                               "(the capability and security of the forces, s26, and national "
                               "security, s24: usually refused; how many are held and what "
                               "they cost are more often given)")

_DECEASED = re.compile(r"\b(?:died|dead|deceased|death)\b", re.I)
_GROUNDS = prefiltered_pairs((
    # data protection law covers only the living: the dead's records are confidential (s41)
    (re.compile(r"\bmedical records? of\b|\bmedical records\b", re.I),
     SettledGround("s41", "s41(1)", 0.85,
                   "asks for medical records (held in confidence: refused under s41, and "
                   "under s40(2) too for the living)")),
    (re.compile(f"{_NAMED_PERSON}|{_POSSESSIVE}|{_WITH_THEIR}|{_HOME_ADDRESS_FOR}", re.I),
     SettledGround("s40", "s40(2)", 0.85,
                   "asks for members of the public's names or personal details (personal "
                   "data: refused in practice under s40(2))")),
    (_ANY_HOME_ADDRESS, _HOME_ADDRESS),
    (ONE_PERSONS_RECORDS, _DECEASED_FILE),
    (ONE_PERSONS_RECORDS, _ONE_PERSONS_FILE),
    (LIST_OF_PEOPLE, _LISTED),
    (re.compile(ABOUT_ONE_PERSON, re.I), _ABOUT_ONE),
    # a named member of staff in an incident, a complaint or discipline: not their public role
    (re.compile(r"\bnames?\b[^.?;]{0,30}\b(?:surgeons?|doctors?|nurses?|midwi(?:fe|ves)|"
                r"clinicians?|consultants?|social workers?|teachers?|officers?|staff|employees?)"
                r"\b[^.?;]{0,50}\b(?:involved|disciplin\w*|dismissed|suspended|"
                r"complain\w*|investigat\w*|never events?|incidents?|misconduct)", re.I),
     SettledGround("s40", "s40(2)", 0.75,
                   "asks who was involved in an incident, complaint or discipline (staff's "
                   "personal data: usually refused under s40(2))")),
    # privileged advice to a minister is s42's before it is s35's
    (_LEGAL_ADVICE, _LEGAL_PRIVILEGE),
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
    (_MILITARY_WHERE, _DEFENCE_SITES),
    # the widest: any narrower ground above names the question first
    (_EVERYTHING, _EVERYTHING_HELD),
    (_ALL_MESSAGES_MENTIONING, _EVERY_MESSAGE),
))


# 'a list of the people served with a notice', 'details of the tenants evicted': who they are
_LIST_OF = re.compile(rf"\b(?:list|details|register) of (?:the |all |any |each |those )?"
                      rf"(?:[a-z-]+ )?(?:{PRIVATE_PEOPLE})\b(?!['’])(?!{_SITS_ON})", re.I)


def asks_who_people_are(question: str) -> bool:
    """Whether a question asks who members of the public are (their names or details, or a
    list of them), whatever the floor: a rewording offered for it must not ask who anyone is."""
    s40 = [rx for rx, g in _GROUNDS if g.section == "s40"]
    wanted = question[:m.start()] if (m := _NO_NAMES.search(question)) else question
    return bool(_LIST_OF.search(wanted) or any(rx.search(wanted) for rx in s40))


# s35 covers government departments only: a council's cabinet meets in public
_LOCAL = re.compile(r"\b(?:council|borough|county|mayor|councillors?|combined authority)\b", re.I)


def _applies(ground: SettledGround, question: str, authority: str | None) -> bool:
    if ground.section == "s41":
        return bool(_DECEASED.search(question))
    if ground.section == "s40":
        if ground is _ONE_PERSONS_FILE and _DECEASED.search(question):
            return False  # the dead's records: s41 (above)
        # a public role spares its holder's name in their official acts, not the complaints,
        # grievances or discipline about them (_ABOUT_ONE)
        senior = ground.floor < 0.85 and ground is not _ABOUT_ONE and _SENIOR.search(question)
        if _POLICY_ON.search(question) or senior:
            return False  # 'the officer in charge of the investigation'
        if ground is _LISTED and (_PUBLIC_REGISTER.search(question)
                                  or _NO_NAMES.search(question)):
            return False  # 'a list of the applicants for premises licences', '..., anonymised'
        # only what is asked before 'without names' counts
        wanted = question[:m.start()] if (m := _NO_NAMES.search(question)) else question
        return any(rx.search(wanted) for rx, g in _GROUNDS if g is ground)
    if ground.section == "s23":  # a planning application for GCHQ's car park is on a register
        return not re.search(r"\bplanning\b", question, re.I) and authority_kind(
            authority) not in ("council", "education", "health", "school")
    if ground is _LEGAL_PRIVILEGE:
        return asks_for_legal_advice(question)
    if ground is _DEFENCE_SITES:
        return asks_where_forces_are(question, authority)
    if ground is _EVERYTHING_HELD:
        return asks_for_everything(question)
    if ground is _EVERY_MESSAGE:
        return not _BETWEEN_PEOPLE.search(question)
    if ground.section == "s35":
        # a count or the dates of papers reveal no advice; legal advice is s42's first
        if COUNT_OR_DATES.search(question) or re.search(r"\blegal advice\b", question, re.I):
            return False
        # an executive agency may read as a health body by its name (the MHRA)
        kind = authority_kind(authority) if authority else None
        central = kind in (None, "central", "other") or is_department(authority)
        return central and not _LOCAL.search(f"{question} {authority or ''}")
    return True


def asks_for_legal_advice(question: str) -> bool:
    """Whether a question asks for legal advice itself (privileged: s42), not what it cost, how
    often it was sought or whether it was: those facts reveal none of it and are usually given,
    so a copy must be asked for as well for the floor to stand over them."""
    if not _LEGAL_ADVICE.search(question) or _POLICY_ON.search(question):
        return False
    return not _ADVICE_FACTS.search(question) or bool(_ADVICE_COPY.search(question))


def asks_where_forces_are(question: str, authority: str | None = None) -> bool:
    """Whether a question asks where the armed forces' bases, equipment or weapons are (s26
    with s24), said of the forces or asked of a defence body: a police force's drone store is
    s31's (bot/risk.py), a base's planning application or museum is public."""
    if not _MILITARY_WHERE.search(question) or _PUBLIC_SITE.search(question):
        return False
    return bool(_MILITARY.search(question) or (authority and _MILITARY.search(authority)))


def asks_for_everything(question: str) -> bool:
    """Whether a question asks for everything held on a subject with nothing to narrow the
    search: no period, no reference and not the requester's own data (a subject access
    request, not FOI). A named kind of document ('all minutes of ...') is no such ask."""
    return bool(_EVERYTHING.search(question)) and not _NARROWED.search(question)


# Government departments (ministerial and not, and the devolved governments), the only bodies
# s35 covers; any other public body's advice to ministers falls under s36. An executive agency
# (DVLA, Companies House, HMPPS...) and a directorate (UK Visas and Immigration, Border Force,
# HM Passport Office) are part of their department in law, so s35 is theirs too; a
# non-departmental public body (the Environment Agency, the Health and Safety Executive, NHS
# England) is not, and gets s36.
_EXECUTIVE_AGENCIES = (
    r"driver and vehicle (?:licensing|standards) agency|dvla|dvsa|companies house|"
    r"insolvency service|intellectual property office|maritime and coastguard agency|"
    r"vehicle certification agency|hm prison(?:s| and probation service| service)?|hmpps|"
    r"probation service|hm courts (?:and|&) tribunals|hmcts|legal aid agency|"
    r"office of the public guardian|criminal injuries compensation authority|"
    r"uk visas and immigration|ukvi|border force|immigration enforcement|hm passport office|"
    r"uk health security agency|ukhsa|medicines and healthcare products regulatory agency|mhra|"
    r"animal and plant health agency|rural payments agency|veterinary medicines directorate|"
    r"planning inspectorate|standards and testing agency|teaching regulation agency|"
    r"education and skills funding agency|valuation office agency|met office|"
    r"defence science and technology laboratory|dstl|uk hydrographic office|uk space agency|"
    r"crown commercial service|government property agency|government internal audit agency|"
    r"debt management office|jobcentre plus|child maintenance service")
# non-ministerial departments: departments in their own right
_NON_MINISTERIAL = (
    r"ofsted|ofgem|ofwat|ofqual|national archives|food standards agency|charity commission|"
    r"crown prosecution service|serious fraud office|competition and markets authority|"
    r"uk statistics authority|government legal|hm land registry|land registry|"
    r"national savings (?:and|&) investments|ns&i|national crime agency|forestry commission|"
    r"office of rail and road|water services regulation authority")
_DEPARTMENT = prefiltered(re.compile(
    r"\b(?:department|ministry|cabinet office|home office|foreign|hm treasury|treasury|"
    r"hm revenue|hmrc|scotland office|wales office|northern ireland office|welsh government|"
    r"llywodraeth cymru|scottish government|executive office|"
    r"attorney general|prime minister|number 10|downing street|"
    rf"{_EXECUTIVE_AGENCIES}|{_NON_MINISTERIAL}|"
    r"(?:mod|moj|dwp|dfe|dft|dhsc|defra|fcdo|desnz|dsit|dbt|dcms|mhclg|dluhc|beis|hmt)\b)", re.I))
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
