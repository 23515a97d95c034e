"""Each refusal ground in plain words: what it protects, the tests it needs, the way around.

Sources: the Act, ICO guidance and the practice summarised in shared/docs/foi-domain.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.eir import eir_name, scottish_reg, uk_reg
from bot.foisa_notes import GROUNDS as FOISA_GROUNDS
from bot.foisa_notes import NOTES as FOISA_NOTES
from bot.track_record import authority_kind
from corpus.exemptions import as_printed, procedural
from corpus.foisa import NCND_SECTION, to_foia, to_foisa, typed_foisa

EXPLAIN_FROM = 0.1  # a likely exemption this probable or more is explained, with a quote


@dataclass(frozen=True)
class Ground:
    section: str
    name: str
    protects: str
    test: str
    around: str


# s31's way around; its IT clause is advice for IT questions only (the whole-draft advice
# leaves it out of a draft about pay or correspondence)
S31_IT_AROUND = ("; for IT, certifications held and breaches reported to the ICO rather than "
                 "products, versions or patch dates")
S31_AROUND = ("Ask for policies instead of configurations or tactics, totals over years instead "
              "of monthly, location-level or successful-versus-blocked figures, and numbers by "
              "area instead of exact locations" + S31_IT_AROUND + ".")


GROUNDS: dict[str, Ground] = {g.section: g for g in [
    Ground("s12", "cost limit",
           "staff time: finding and extracting the information would cost more than the "
           "appropriate limit (18 hours for councils and most bodies, 24 hours for central "
           "government).",
           "No public interest test. Requests from one person on the same subject within 60 "
           "working days can be added together.",
           "Narrow the period, ask fewer parts, ask how records are held, and add: \"If this "
           "exceeds the cost limit, please advise under section 16 how I could narrow it.\""),
    Ground("s14", "vexatious or repeated request",
           "the authority from requests that are a disproportionate burden or repeat one "
           "already answered.", "No public interest test; the request, not the person, is judged.",
           "Plain, neutral wording with a clear serious purpose; no accusations; no floods."),
    Ground("s21", "already reasonably accessible",
           "against duplication: the information is already published (publication scheme, "
           "website, disclosure log).", "Absolute: no public interest test.",
           "Check the disclosure log first, or ask where it is published."),
    Ground("s22", "intended for future publication",
           "information the authority already plans to publish.",
           "Qualified: the plan must be settled and the delay reasonable.",
           "Ask when it will be published, or for the parts not due to be published."),
    Ground("s23", "security bodies",
           "information from or about the security services.", "Absolute.",
           "Ask about the authority's own spending or policy instead."),
    Ground("s24", "national security",
           "national security, often alongside s23 or s31.",
           "Qualified: needs a public interest test; s24(2) allows neither confirm nor deny.",
           "Ask for policy, totals or governance rather than capabilities."),
    Ground("s30", "investigations",
           "criminal investigations and proceedings by the authority.",
           "Qualified; s30(3) allows neither confirm nor deny.",
           "Ask for aggregate statistics over closed cases."),
    Ground("s31", "law enforcement",
           "the interests of law enforcement that s31(1)(a) to (i) list: the "
           "prevention or detection of crime, catching and prosecuting offenders, the "
           "administration of justice, tax collection, immigration controls, prisons, and "
           "regulators' and inspectors' investigations. Each reply must name the interest it "
           "protects; councils cite it most for cyber security, CCTV and fraud controls, police "
           "forces for tactics, equipment, capabilities and deployments.",
           "Prejudice test: disclosure would, or would be likely to, prejudice the interest "
           "the authority names (a real and significant risk, not a fanciful one), then a "
           "public interest test. Authorities argue the mosaic effect (small pieces add up "
           "to an attack plan) and that disclosure is to the world. s31(3) lets them neither "
           "confirm nor deny when even saying whether they hold it would cause the harm.",
           S31_AROUND),
    Ground("s26", "defence",
           "the defence of the UK and the capability, effectiveness or security of the armed "
           "forces.",
           "Qualified: prejudice and public interest tests; operational readiness, numbers "
           "available for operations and deployments are where it is used.",
           "Ask for totals held (fleet size, spend) rather than availability, readiness or "
           "locations, and for historical rather than current figures."),
    Ground("s27", "international relations",
           "relations between the UK and other states or international bodies.",
           "Qualified: prejudice and public interest tests.",
           "Ask for the authority's own spending or policy rather than diplomatic exchanges."),
    Ground("s28", "relations within the United Kingdom",
           "relations between the UK Government and the Scottish Government, the Welsh "
           "Government or the Northern Ireland Executive.",
           "Qualified: prejudice and public interest tests.",
           "Ask for the authority's own decisions, spending or published agreements rather than "
           "its exchanges with another administration."),
    Ground("s32", "court records",
           "documents filed with or made by a court, or served in proceedings, held only "
           "because they were.",
           "Absolute: no public interest test. FOI is not the route to court papers.",
           "Ask the court under its own rules (the Civil or Criminal Procedure Rules), or ask the "
           "authority for its own records and statistics about cases, not the court documents."),
    Ground("s34", "parliamentary privilege",
           "the privileges of either House of Parliament, such as committee papers and "
           "proceedings.",
           "Absolute: a certificate from the Speaker or the Clerk of the Parliaments settles it.",
           "Ask for what Parliament has published (Hansard, committee reports and evidence), or "
           "for the authority's own records that are not Parliament's proceedings."),
    Ground("s37", "communications with the Royal Family and honours",
           "communications with the Sovereign, the heir and second in line (absolute), with "
           "other members of the Royal Family and the Royal Household, and the conferring of "
           "honours and dignities.",
           "Absolute for the Sovereign, heir and second in line; otherwise qualified, with a "
           "public interest test. s37(2) allows NCND.",
           "Ask for costs, policies or published honours lists and criteria rather than "
           "correspondence or individual nominations."),
    Ground("s39", "environmental information (the EIR gateway)",
           "nothing in itself: environmental information is exempt under FOIA because it must "
           "be dealt with under the Environmental Information Regulations instead.",
           "Qualified in form, but in practice the request is simply answered under the EIR, "
           "with their own exceptions and no cost limit in hours.",
           "Nothing to get around: ask for it under the EIR (type 'explain EIR'); a refusal must "
           "then cite an EIR exception."),
    Ground("s29", "the economy", "the UK's economic or financial interests, and those of any "
           "government in the UK.",
           "Qualified: prejudice and public interest tests.",
           "Ask for published forecasts or totals."),
    Ground("s33", "audit functions", "an authority's audit and inspection of others' use of "
           "resources (the National Audit Office, Audit Wales, inspectorates).",
           "Qualified: prejudice and public interest tests; it covers the auditor, not the "
           "audited body.",
           "Ask for the final published audit report."),
    Ground("s35", "formulation of government policy",
           "policy being developed by government: advice to ministers, briefings and "
           "submissions while the policy is open. (Under Scotland's FOISA, s35 is instead the "
           "law-enforcement exemption, the counterpart of FOIA s31.)",
           "Qualified: a public interest test; weaker once the policy is settled.",
           "Ask for factual background, or wait until the policy is announced."),
    Ground("s36", "effective conduct of public affairs",
           "free and frank advice and deliberation.",
           "Needs a qualified person's opinion and a public interest test.",
           "Ask for factual and statistical content rather than advice or opinion."),
    Ground("s38", "health and safety",
           "anyone's physical or mental health or safety.", "Qualified; s38(2) allows NCND.",
           "Ask for anonymised or aggregate figures."),
    Ground("s40", "personal data",
           "named or identifiable individuals.",
           "Disclosure must be lawful under data protection law; senior staff acting officially "
           "are usually disclosable; small numbers may be suppressed. s40(5) allows NCND.",
           "Ask for anonymised totals, accept suppression of small numbers, and leave names out."),
    Ground("s41", "information provided in confidence",
           "information the authority received from someone else in confidence.",
           "Absolute, but only if disclosure would be an actionable breach of confidence.",
           "Ask for the authority's own records about it, or a summary."),
    Ground("s42", "legal professional privilege",
           "legal advice and litigation.", "Qualified, with strong weight on privilege.",
           "Ask whether advice was taken and what it cost, not what it said."),
    Ground("s43", "commercial interests",
           "trade secrets and commercial interests, of the authority or its suppliers.",
           "Prejudice and public interest tests; weaker once a contract has been awarded.",
           "Ask after award, for the total contract value rather than unit prices."),
    Ground("s44", "prohibited by another law", "information another statute bars.",
           "Absolute.", "Ask which statute applies and for anything outside it."),
    Ground("r12", "EIR exceptions",
           "under the Environmental Information Regulations: manifestly unreasonable requests "
           "(r12(4)(b)), internal communications (r12(4)(e)), the course of justice "
           "(r12(5)(b)), commercial confidentiality (r12(5)(e)) and others.",
           "Every exception carries a public interest test with a presumption in favour of "
           "disclosure.", "Narrow the request; ask for the environmental facts themselves."),
    Ground("r13", "EIR personal data", "personal data in environmental information.",
           "As s40.", "Ask for anonymised figures."),
]}

# what each EIR exception protects, for `explain r12(5)(e)` (the Regulations number them)
EIR_EXCEPTIONS = {
    "r12(4)(a)": "not held: the authority does not hold the information.",
    "r12(4)(b)": "manifestly unreasonable requests: too burdensome or vexatious. There is no "
                 "fixed cost limit (FOIA's appropriate limit is only a guide): the burden "
                 "is weighed against the information's value and the public interest. "
                 "Narrow the request.",
    "r12(4)(c)": "requests formulated too generally: the authority must help you clarify.",
    "r12(4)(d)": "material still in the course of completion, unfinished documents or "
                 "incomplete data: a draft plan or strategy, modelling still under way. A "
                 "refusal must say when it expects the material to be finished (r14(4)). Ask "
                 "for it once it is finished, for the finished parts and the data it rests on, "
                 "or when it goes out to consultation.",
    "r12(4)(e)": "internal communications. Ask for the final decision and the facts behind it.",
    "r12(5)(a)": "international relations, defence, national security or public safety.",
    "r12(5)(b)": "the course of justice and inquiries: legal advice, investigations, "
                 "prosecutions. Ask whether advice was taken and what it cost.",
    "r12(5)(c)": "intellectual property rights.",
    "r12(5)(d)": "the confidentiality of the authority's proceedings where the law provides it.",
    "r12(5)(e)": "commercial or industrial confidentiality provided by law, protecting a "
                 "legitimate economic interest. Ask for totals, or once a deal is done.",
    "r12(5)(f)": "the interests of someone who supplied the information voluntarily.",
    "r12(5)(g)": "the protection of the environment itself (the sites of rare species, say).",
    "r6(1)(b)": "information already publicly available and easily accessible in another "
                "form: the authority need not provide it again, but must say where it is.",
    "r13": "personal data, withheld where disclosure would breach data protection law, as "
           "under FOIA s40. Ask for anonymised figures.",
    "r13(5)": "neither confirm nor deny for personal data, where saying whether it is held "
              "would itself breach data protection law.",
    "r12(6)": "neither confirm nor deny: allowed only where saying whether the information is "
              "held would itself harm international relations, defence, national security or "
              "public safety (r12(5)(a)); for personal data, r13(5).",
}
# the words people use for a ground rather than its number
_TOPICS = [(re.compile(rx, re.I), section) for rx, section in (
    (r"cost|too (expensive|long|broad)|time limit", "s12"),
    (r"vexatious|repeat", "s14"), (r"already published|reasonably accessible", "s21"),
    (r"future publication|to be published", "s22"), (r"national security", "s24"),
    (r"defen[cs]e|armed forces|military", "s26"), (r"investigation", "s30"),
    (r"law enforcement|crime|cyber|cctv", "s31"), (r"government policy|policy advice", "s35"),
    (r"public affairs|prejudice to|qualified person", "s36"), (r"health and safety", "s38"),
    (r"personal (data|information)|data protection|names?", "s40"),
    (r"confiden", "s41"), (r"legal (advice|privilege)|privilege", "s42"),
    (r"commercial|trade secret", "s43"), (r"manifestly unreasonable|environmental", "r12"))]

# what one subsection adds to its section's note, and the way around where it differs
@dataclass(frozen=True)
class Subsection:
    note: str
    around: str | None = None


SUBSECTIONS: dict[str, Subsection] = {
    "s40(1)": Subsection(
        "the requester's own personal data: FOI disclosure is to the world, so it is never "
        "the route to it.",
        "Make a subject access request under UK GDPR instead: free, answered within a month, "
        "and to you alone rather than to the world."),
    "s40(2)": Subsection(
        "other people's personal data, exempt where disclosure would breach the data protection "
        "principles (in practice, where it would be unfair or unlawful). No public interest test "
        "then; the legitimate interest in disclosure is weighed within data protection law."),
    "s40(5)": Subsection(
        "neither confirm nor deny: where saying whether the information is held would itself "
        "disclose personal data (whether someone was investigated or disciplined, say).",
        "Ask for anonymised totals across everyone (how many staff were disciplined), which say "
        "nothing about any one person."),
    "s31(3)": Subsection(
        "neither confirm nor deny: where even saying whether the information is held would "
        "prejudice law enforcement (whether a force uses a tactic, whether an attack happened). "
        "A public interest test still applies to the NCND itself.",
        NCND_AROUND_TEXT := "Ask for something whose existence is not itself sensitive: a "
        "policy, a yearly total, whether a certification is held, or what the authority has "
        "already confirmed in public."),
}


@dataclass(frozen=True)
class Purpose:
    """One interest s31(1) lists. Each subsection protects its own (s31(1)(f) is prisons, not
    crime prevention), and some belong to the work of a few kinds of body only: a prison's
    good order is no police force's to cite for stop and search."""

    name: str
    protects: str
    around: str
    kinds: frozenset[str] = frozenset()  # the kinds of body whose work it is; empty: any body
    cue: re.Pattern | None = None  # a question's words that bring it in at any body


_ANY_ENFORCER = frozenset({"police", "central", "council", "fire", "health", "transport"})
S31_PURPOSES: dict[str, Purpose] = {
    "s31(1)(a)": Purpose(
        "the prevention or detection of crime",
        "the prevention or detection of crime, which includes an authority protecting its own "
        "IT systems, buildings and cash: councils use it for cyber security, CCTV and fraud "
        "controls, police forces for tactics, equipment, capabilities and deployments.",
        S31_AROUND),
    "s31(1)(b)": Purpose(
        "the apprehension or prosecution of offenders",
        "the apprehension or prosecution of offenders: live investigations, suspects, and the "
        "evidence and methods that lead to arrests and charges.",
        "Ask for totals of arrests, charges or prosecutions over a period, or about closed "
        "cases, rather than details of a live investigation or of identifiable suspects."),
    "s31(1)(c)": Purpose(
        "the administration of justice",
        "the administration of justice: the fair conduct of court cases and trials, and the "
        "work of courts, tribunals and prosecutors.",
        "Ask after the case has ended, or for statistics and procedures rather than material "
        "in a case still before the courts."),
    "s31(1)(d)": Purpose(
        "the assessment or collection of tax",
        "the assessment or collection of any tax or duty: HMRC's compliance work, and a "
        "council's collection of council tax and business rates.",
        "Ask for yearly totals collected or written off rather than how cases are selected, "
        "thresholds or the details of individual accounts.",
        frozenset({"central", "council"}),
        re.compile(r"\b(?:tax|taxes|duty|duties|hmrc|revenue|business rates|evasion)\b", re.I)),
    "s31(1)(e)": Purpose(
        "the operation of immigration controls",
        "the operation of immigration controls: border checks, enforcement visits and "
        "removals.",
        "Ask for published-style totals (visits, removals, detentions per year) rather than "
        "planned operations, locations or methods.",
        frozenset({"central"}),
        re.compile(r"immigra|\bvisas?\b|asylum|\bborders?\b|deport|removal|overstay", re.I)),
    "s31(1)(f)": Purpose(
        "the security and good order of prisons",
        "the security and good order of prisons and other places where people are lawfully "
        "detained (immigration removal centres, police custody, secure hospitals).",
        "Ask for yearly totals across the estate (incidents, finds of drugs or phones, "
        "staffing) rather than the security measures, layouts or weaknesses of one "
        "establishment.",
        frozenset({"central"}),
        re.compile(r"prison|\bhmp\b|custody|detain|detention|\bcells?\b|inmate|"
                   r"young offender|secure (?:hospital|unit)", re.I)),
    "s31(1)(g)": Purpose(
        "an authority's functions of inquiry and regulation (s31(2))",
        "an authority's work for the purposes in s31(2): finding out whether anyone has broken "
        "the law or acted improperly, whether regulatory action is justified, the cause of an "
        "accident, a person's fitness for a profession or a company, charities' property, and "
        "health and safety at work.",
        "Ask about closed inquiries, or for totals of investigations and outcomes, rather "
        "than the evidence, sources or methods of one still under way.",
        _ANY_ENFORCER,
        re.compile(r"regulat|inspect|enforce|complian|investigat|audit|licen[cs]|misconduct|"
                   r"disciplin|accident|health and safety|charit", re.I)),
    "s31(1)(h)": Purpose(
        "civil proceedings arising from an authority's inquiries",
        "civil proceedings brought by an authority that arise from an investigation it "
        "carried out for the purposes in s31(2).",
        "Ask once the proceedings have ended, or for the number of cases and their outcomes.",
        _ANY_ENFORCER,
        re.compile(r"proceedings|litigation|legal action|court|claim", re.I)),
    "s31(1)(i)": Purpose(
        "fatal accident inquiries in Scotland",
        "inquiries in Scotland into fatal accidents and sudden deaths that arise from an "
        "investigation for the purposes in s31(2).",
        "Ask after the inquiry has reported: its determination is published.",
        frozenset({"central"}),
        re.compile(r"fatal accident|sudden death|\bscot|sheriff", re.I)),
}


def s31_purpose(citation: str) -> Purpose | None:
    """The interest an s31(1) citation names: 's31(1)(f)' and 's31(1)(f)(ii)' are prisons."""
    m = re.match(r"s31\(1\)\([a-i]\)", citation or "")
    return S31_PURPOSES.get(m.group(0)) if m else None


def fits(citation: str, authority: str | None, question: str = "") -> bool:
    """Whether a subsection belongs at `authority` for `question`: s31(1)(f) (prisons) at a
    police force only about custody, s31(1)(d) (tax) at a university only about tax. A body
    of no known kind, or none named, gives no reason to doubt it."""
    purpose = s31_purpose(citation)
    if purpose is None or not purpose.kinds or not authority:
        return True
    kind = authority_kind(authority)
    return kind == "other" or kind in purpose.kinds or \
        bool(purpose.cue and purpose.cue.search(question or ""))


def grounded(citation: str, authority: str | None, question: str = "") -> str:
    """The citation to show at `authority`: the section alone where the subsection came from
    precedents at other kinds of body and does not fit this one ('s31', not 's31(1)(f)', for
    a police force asked about stop and search)."""
    if fits(citation, authority, question):
        return citation
    return re.match(r"[sr]\d+", citation).group(0)


def subsection_of(cite: str) -> str | None:
    """The SUBSECTIONS key a citation falls under: 's40(2)(a)' -> 's40(2)'."""
    return next((k for k in SUBSECTIONS if cite == k or cite.startswith(k + "(")), None)


NCND_NOTE = ("\"Neither confirm nor deny\" (NCND) means the authority will not even say whether "
             "it holds the information, because saying yes or no would itself cause the harm.")


def ground(citation: str) -> Ground | None:
    m = re.match(r"[sr]\d+", citation or "")
    return GROUNDS.get(m.group(0)) if m else None


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.])\s", text, maxsplit=1)[0]


def explain_citation(citation: str, ncnd: bool = False, authority: str | None = None,
                     question: str = "", scottish: bool = False) -> str:
    """One or two sentences on one exemption: what it protects and the test it needs. An s31
    subsection says what it protects itself (s31(1)(f) is prisons); one that does not fit
    `authority` for `question` is spoken of as the section only (see `grounded`); `scottish`
    gives FOISA's cost limit, not FOIA's 18 and 24 hours, to a reader in Scotland."""
    citation = grounded(citation, authority, question)
    g = ground(citation)
    if g is None:
        return f"{citation} is an exemption this assistant has no plain-words note for yet."
    purpose = s31_purpose(citation)
    protects = purpose.protects if purpose else g.protects
    test = _s31_test(g.test, purpose) if purpose else g.test
    if scottish:
        protects = protects.replace(FOIA_LIMITS, FOISA_LIMIT)
    text = f"{as_printed(citation)} ({g.name}) protects " \
           f"{_first_sentence(protects).rstrip('.:')}. {_first_sentence(test)}"
    if ncnd:
        text += (" Here authorities usually neither confirm nor deny holding it: saying yes or no "
                 "would itself cause the harm.")
    return text


FOIA_LIMITS = "(18 hours for councils and most bodies, 24 hours for central government)"
FOISA_LIMIT = ("(in Scotland £600 of staff time under FOISA s12, 40 hours at £15 an hour)")


def _s31_test(test: str, purpose: Purpose) -> str:
    """s31's prejudice test, naming the interest the subsection protects."""
    return test.replace("the interest the authority names", purpose.name, 1)


# the test each EIR exception needs, beyond what it protects: all but personal data are
# weighed in the public interest with a presumption in favour of disclosure (r12(1), r12(2))
_EIR_TESTS = {
    "r13": "No public interest test then; senior staff acting officially are usually named.",
    "r13(5)": "As under FOIA s40(5).",
    "r6(1)(b)": "It is no refusal: if the reply does not say where, ask for the link.",
    "r12(4)(b)": "There is no fixed cost limit in hours: FOIA's appropriate limit is only a "
                 "guide, and the burden is weighed against the public interest, with a "
                 "presumption in favour of disclosure.",
    "r12(4)(d)": "Qualified: weighed in the public interest, with a presumption in favour of "
                 "disclosure; a refusal must say when the material should be finished.",
}
_EIR_TEST = ("Qualified: weighed in the public interest, with a presumption in favour of "
             "disclosure.")


def explain_exception(reg: str, citation: str) -> str:
    """One or two sentences on the EIR exception (EISR in Scotland) that stands for a FOIA
    exemption in an environmental draft: the FOIA note would speak of an 18-hour cost limit and
    tests the Regulations do not have. `reg` in either numbering; `citation` the FOIA one."""
    uk = uk_reg(reg)
    note = EIR_EXCEPTIONS.get(uk)
    if note is None:
        return explain_citation(citation)
    text = (f"{eir_name(reg)} (where FOIA would cite {citation}) covers "
            f"{_first_sentence(note).rstrip('.')}. {_EIR_TESTS.get(uk, _EIR_TEST)}")
    if reg == uk:
        return text
    # in Scotland the regulations the note cites are the EISRs' numbers too, and the guide to
    # a burden is FOISA's limit
    text = text.replace("FOIA's appropriate limit", "FOISA's £600 limit")
    return re.sub(r"\br1[23](?:\(\w+\))*", lambda m: scottish_reg(m.group(0)), text)


NCND_AROUND = ("How requesters get around it: ask for something whose existence is not itself "
               "sensitive (a policy, a yearly total, whether a certification is held), or for "
               "information the authority has already confirmed in public; an NCND reply must "
               "still be justified under a named exemption (s31(3), s24(2), s40(5)...).")


def citation_of(text: str) -> str:
    """What a requester types for a ground, as a citation: 'section 31' -> 's31', 'regulation
    12(4)(b)', 'EIR 12(4)(b)' and a bare '12(5)(e)' -> 'r12(...)', 'cost limit' -> 's12'."""
    low = re.sub(r"\s+", " ", text.strip().lower())
    eir = re.search(r"\b(?:eir|reg(?:ulation)?s?\.?|r)\s?(\d+\S*)", low)
    if eir:
        return "r" + eir.group(1)
    m = re.search(r"\b(?:section|sec\.?|s\.?)?\s?(\d+(?:\(\w+\))*)", low)
    if m and re.fullmatch(r"1[23]\([45]\)\([a-g]\)", m.group(1)):  # only the EIR letter these
        return "r" + m.group(1)
    if m:
        return "s" + m.group(1)
    return next((section for rx, section in _TOPICS if rx.search(low)), low)


def known_grounds() -> str:
    return ", ".join(sorted(GROUNDS, key=lambda s: (s[0], int(s[1:]))))


# the Act's duties and steps that are not exemptions, asked about all the same
NOTES = {
    "s1": "s1 — the right of access\nAnyone, anywhere, may ask for recorded information a "
          "public authority holds, without saying why; the authority must say whether it holds "
          "it and, unless an exemption applies, provide it.",
    "s10": "s10 — time limits\nAn authority must answer within 20 working days. It may take "
           "longer only to weigh the public interest, and must say so within the 20 days.",
    "s16": "s16 — advice and assistance\nAn authority must help requesters, for example by "
           "saying how a request that would exceed the cost limit could be narrowed. Asking for "
           "it in the request (\"If answering would exceed the cost limit, please advise me under "
           "section 16 how I could narrow the request.\") turns a flat refusal into advice.",
    "s17": "s17 — refusal notice\nA refusal must name the exemption, say why it applies and, "
           "for a qualified one, how the public interest was weighed; it must also say how to "
           "ask for an internal review and complain to the ICO.",
    "review": "Internal review\nIf a reply is refused or incomplete, ask the authority to review "
              "it (within 40 working days), saying why the exemption does not apply or what is "
              "missing; it should answer within 20 working days. Then complain to the ICO, and "
              "after its decision appeal to the First-tier Tribunal.",
    "eir": "EIR — the Environmental Information Regulations 2004\nEnvironmental information "
           "(emissions, water, air, land, waste, noise, and plans affecting them) is requested "
           "under the EIR, not FOIA: there is no cost limit in hours (a burdensome request is "
           "'manifestly unreasonable', r12(4)(b)), every exception but personal data "
           "(regulation 13) carries a public interest test with a presumption in favour of "
           "disclosure, and advice is due under regulation 9.",
    "ico": "The Information Commissioner's Office (ICO)\nDecides complaints about FOI and "
           "EIR replies in England, Wales and Northern Ireland. Ask the authority for an "
           "internal review first; then complain to the ICO (within three months of the "
           "review's answer), free and online. Its decision notice can be appealed to the "
           "First-tier Tribunal (Information Rights) within 28 days. In Scotland the Scottish "
           "Information Commissioner decides instead.",
    "sic": "The Scottish Information Commissioner\nDecides appeals about Scottish public "
           "authorities (FOISA and the EISRs), as the ICO does for the rest of the UK. Ask the "
           "authority for a review first (within 40 working days); if its answer, or its "
           "silence after 20 working days, does not satisfy you, apply to the Commissioner "
           "within six months (FOISA s47), free and online. The Commissioner's decision can be "
           "appealed only on a point of law, to the Court of Session.",
    "foisa": "FOISA — the Freedom of Information (Scotland) Act 2002\nRequests to Scottish "
             "public authorities (the Scottish Government, Police Scotland, Scottish councils "
             "and health boards) fall under FOISA, not FOIA. The same ground has another "
             "number there: law enforcement is s35 (FOIA s31), personal information s38 (s40), "
             "commercial interests s33(1) (s43), confidentiality and legal advice s36 (s41, "
             "s42), policy advice s29 (s35), otherwise accessible s25 (s21), and neither "
             "confirm nor deny is s18. The cost limit is £600 of staff time (40 hours at £15 "
             "an hour); prejudice-based exemptions need substantial prejudice; advice is due "
             "under s15; ask for a review within 40 working days, then appeal to the Scottish "
             "Information Commissioner. Type 'explain FOISA s35' for one ground.",
}
_NOTE_WORDS = [(re.compile(rx, re.I), key) for rx, key in (
    (r"^(?:s|section )?1$|right of access", "s1"), (r"^(?:s|section )?10$|time limit|how long",
                                                     "s10"),
    (r"^(?:s|section )?16$|advice and assistance", "s16"),
    (r"^(?:s|section )?17$|refusal notice", "s17"),
    (r"internal review|review|appeal|complain", "review"),
    (r"^eir$|environmental information regulations", "eir"),
    (r"scottish information commissioner|^sic$|^oswic$", "sic"),
    (r"^(?:the )?(?:ico|information commissioner(?:'s office)?)$", "ico"),
    (r"^(?:foisa|scotland|scottish)$|\(scotland\) act", "foisa"))]


def explain(section: str, scottish: bool = False) -> str:
    """The long form, for `/explain s31` and the CLI: protects, tests, and the way around.
    `scottish`: the user writes to a Scottish body, so 's38' is FOISA's (personal information)
    and the review goes to the Scottish Information Commissioner; 'FOISA s35' is read so
    whoever types it."""
    if re.sub(r"\W", "", section.lower()) in ("ncnd", "neitherconfirmnordeny"):
        return NCND_NOTE + "\n" + NCND_AROUND + (
            f" In Scotland NCND is FOISA {NCND_SECTION}." if scottish else "")
    key = next((key for rx, key in _NOTE_WORDS if rx.search(section.strip())), None)
    if key in ("sic", "ico"):
        return NOTES[key]
    regulation = _procedural_note(citation_of(section)) or \
        _regulation_note(citation_of(section), scottish)
    if regulation:
        return regulation
    scottish = scottish or bool(re.search(r"\b(?:foisa|eisrs?|scotland|scottish)\b", section,
                                          re.I))  # 'FOISA review', 'EISR'
    typed = typed_foisa(section)
    cite = citation_of(section)
    if scottish and not typed and re.search(r"\d", section) and \
            re.fullmatch(r"s\d+\S*", cite) and ground(cite):
        # a bare number in a Scottish check is FOIA's, as the check shows them: its note, and
        # the FOISA ground it matches
        foisa = to_foisa(cite)
        return explain(cite) + (f"\n\nIn Scotland: {_explain_foisa(foisa)}" if foisa else "")
    if key != "foisa" and (typed or scottish):
        return _explain_foisa(typed or _as_foisa(section))
    if key:
        return NOTES[key]
    g = ground(cite)
    if g is None:
        return (f"I have no note on {section!r}. Try one of: {known_grounds()}; or s1, s10, "
                "s16, s17, internal review, EIR, NCND, FOISA.")
    purpose = s31_purpose(cite)
    if purpose:
        return _explain_purpose(cite, g, purpose)
    sub = SUBSECTIONS.get(subsection_of(cite) or "")
    test = _SPECIFIC_TESTS.get(subsection_of(cite) or cite, g.test)
    around = sub.around if sub and sub.around else _SPECIFIC_AROUND.get(cite, g.around)
    text = (f"{g.section} — {g.name}\nWhat it protects: {g.protects}\nThe test: {test}\n"
            f"How requesters get around it: {around}")
    if sub:
        text += f"\n{subsection_of(cite)} in particular: {sub.note}"
    if cite in EIR_EXCEPTIONS:
        text += f"\n{cite} in particular: {EIR_EXCEPTIONS[cite]}"
    return text


def _explain_purpose(cite: str, g: Ground, purpose: Purpose) -> str:
    """`explain s31(1)(f)`: the subsection's own interest, test and way around, not s31(1)(a)'s
    crime prevention (the Act lists nine interests, each cited on its own)."""
    head = re.match(r"s31\(1\)\([a-i]\)", cite).group(0)
    return (f"{head} — {g.name}: {purpose.name}\nWhat it protects: {purpose.protects}\n"
            f"The test: {_s31_test(g.test, purpose)}\n"
            f"How requesters get around it: {purpose.around}\n"
            "The other interests s31(1) lists have their own notes (s31(1)(a) to (i)); s31(3) "
            "lets an authority neither confirm nor deny.")


# what each part of regulation 12 that is no exception (corpus.exemptions.EIR_PROCEDURAL) does,
# for `explain r12(2)`
PROCEDURAL_NOTES = {
    "r12(1)": "the rule that an exception applies only if the public interest in keeping the "
              "information outweighs the public interest in disclosing it (r12(1)(b)).",
    "r12(1)(a)": "the rule that information may be withheld only under one of the exceptions "
                 "in r12(4) and r12(5).",
    "r12(1)(b)": "the public interest test: even where an exception is engaged, the "
                 "information is withheld only if, in all the circumstances, the public "
                 "interest in keeping it outweighs the public interest in disclosing it.",
    "r12(2)": "the presumption in favour of disclosure: every exception is read restrictively "
              "and the balance of the public interest tips towards release.",
    "r12(3)": "the pointer to regulation 13: personal data of anyone but the requester is "
              "dealt with there, not under r12.",
}
def _procedural_note(cite: str) -> str | None:
    """`explain r12(2)`: what the provision does, and that it is no ground for a refusal."""
    eir = procedural(cite)
    if eir is None:
        return None
    shown = cite if cite.startswith("r10") else eir
    law = "EISR" if cite.startswith("r10") else "EIR"
    return (f"{law} {shown} — not an exception\n{shown} is {PROCEDURAL_NOTES[eir]} It is not a "
            "ground for withholding anything on its own: a reply cites it beside the exception "
            "it relies on (r12(4) or r12(5); r10(4) or r10(5) in Scotland), and that exception "
            "is the one to argue about. Type 'explain EIR' for the exceptions.")


# a subsection whose test is not its section's: 'not held' has nothing to weigh
_SPECIFIC_TESTS = {
    "s40(1)": "Absolute: no public interest test.",
    "r12(4)(a)": "Not held is a fact, not a judgement: in practice there is no public interest "
                 "test, since there is nothing to weigh; the question is whether the search "
                 "was adequate.",
}
_SPECIFIC_AROUND = {
    "r12(4)(a)": "Ask what is held instead, or which body holds it (the authority should say "
                 "if it knows); if you think it is held, ask for an internal review of the "
                 "search.",
}


def _regulation_note(cite: str, scottish: bool) -> str | None:
    """One of the EISRs' exceptions ('r10(5)(e)': Scotland numbers the EIR's r12 and r13 as
    r10 and r11), in plain words; None for anything else (the UK EIR's have the r12 note)."""
    m = re.fullmatch(r"r(1[0-3])((?:\(\w+\))*)", cite)
    if not m or not (m.group(1) in ("10", "11") or scottish):
        return None
    if m.group(1) in ("12", "10") and not m.group(2):
        return None  # a bare 'r10' is the EISR note's
    eir = {"10": "r12", "11": "r13"}.get(m.group(1), f"r{m.group(1)}") + m.group(2)
    own = {"r12": "r10", "r13": "r11"}[eir[:3]] + m.group(2)
    if cite == "r10(8)" or eir == "r12(6)":  # the EISRs' NCND rule is numbered otherwise
        eir, own = "r12(6)", "r10(8)"
    if eir.startswith("r13"):
        return (f"EISR {own} — personal data\nPersonal data in environmental information is "
                "withheld on the same terms as FOISA s38: no public interest test where "
                "disclosure would breach data protection law. Ask for anonymised figures.")
    if eir not in EIR_EXCEPTIONS:
        return None
    # the UK EIR's duty to say when (numbered there), and Scotland's own cost limit as the guide
    note = EIR_EXCEPTIONS[eir].replace(" (r14(4))", "").replace(
        "FOIA's appropriate limit", "FOISA's £600 limit")
    return (f"EISR {own} (the UK EIR's {eir}) — {note}\nEvery exception is "
            "weighed in the public interest, with a presumption in favour of disclosure; a "
            "refusal must name it and say how the balance was struck. Advice on narrowing a "
            "request is due under regulation 9.")


def _as_foisa(section: str) -> str:
    """What a user writing to a Scottish body means: a number is FOISA's, a ground's name or
    an EIR regulation is put in FOISA's (or the EISRs') numbers; 'review' stays a word."""
    words = section.strip().lower()
    if re.search(r"review|appeal|complain", words):
        return "review"
    if re.fullmatch(r"eisrs?|eir|environmental information.*", words):
        return "eisr"
    cite = citation_of(section)
    if cite.startswith("r"):  # an EIR regulation: the EISRs number theirs otherwise
        return "eisr"
    if re.match(r"s\d", cite) and re.search(r"\d", section):
        return cite
    return to_foisa(cite) or cite


_FOIA_CITE = re.compile(r"\bs(?=\d)")


def _explain_foisa(cite: str) -> str:
    """A FOISA section in plain words: its own test, FOIA's note on what the ground protects
    and how requesters get around it (in FOISA's terms), and the FOIA section it matches."""
    if cite == NCND_SECTION:
        return f"FOISA {cite} — neither confirm nor deny\n{NCND_NOTE}\n{NCND_AROUND}"
    if cite in FOISA_NOTES:
        return FOISA_NOTES[cite]
    m = re.match(r"s\d+", cite)
    if not m or m.group(0) not in FOISA_GROUNDS:
        return (f"I have no note on FOISA {cite!r}. Try 'explain FOISA' for what differs in "
                "Scotland, or a FOISA section from s25 to s41 (or s12, s14, s18).")
    name, test = FOISA_GROUNDS[m.group(0)]
    foia = to_foia(cite)
    g = ground(foia)
    around = (g.around if g else "Ask for the facts and figures rather than the documents.")
    around = around.replace("section 16", "section 15 of the Freedom of Information (Scotland) "
                                          "Act")
    # FOIA's note names FOIA's sections ('often alongside s23 or s31'): said so in Scotland
    protects = ("\nWhat it protects: " + _FOIA_CITE.sub("FOIA s", g.protects)
                if g and foia != "s12" else "")
    return (f"FOISA {cite} — {name} (FOIA's {foia} in the rest of the UK)\nThe test in "
            f"Scotland: {test}{protects}\nHow requesters get around it: {around}")
