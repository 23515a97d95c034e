"""Each refusal ground in plain words: what it protects, the tests it needs, the way around.

Sources: the Act, ICO guidance and the practice summarised in shared/docs/foi-domain.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Ground:
    section: str
    name: str
    protects: str
    test: str
    around: str


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
           "the prevention and detection of crime, which includes an authority protecting its "
           "own IT systems, buildings and cash: councils use it for cyber security, CCTV and "
           "fraud controls, police forces for tactics, equipment, capabilities and "
           "deployments.",
           "Prejudice test: disclosure would, or would be likely to, prejudice crime prevention "
           "(a real and significant risk, not a fanciful one), then a public interest test. "
           "Authorities argue the mosaic effect (small pieces add up to an attack plan) and that "
           "disclosure is to the world. s31(3) lets them neither confirm nor deny when even "
           "saying whether they hold it would cause the harm.",
           "Ask for policies instead of configurations or tactics, totals over years instead of "
           "monthly, location-level or successful-versus-blocked figures, and numbers by area "
           "instead of exact locations; for IT, certifications held and breaches reported to the "
           "ICO rather than products, versions or patch dates."),
    Ground("s27", "international relations",
           "relations between the UK and other states or international bodies.",
           "Qualified: prejudice and public interest tests.",
           "Ask for the authority's own spending or policy rather than diplomatic exchanges."),
    Ground("s29", "the economy", "the UK's economic or financial interests.",
           "Qualified.", "Ask for published forecasts or totals."),
    Ground("s33", "audit functions", "an authority's audit and inspection of others.",
           "Qualified.", "Ask for the final published audit report."),
    Ground("s35", "formulation of government policy (FOIA) / law enforcement (Scotland's FOISA)",
           "under FOIA, policy being developed by government; under FOISA, s35 is the Scottish "
           "law-enforcement exemption, the counterpart of FOIA s31.",
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

NCND_NOTE = ("\"Neither confirm nor deny\" (NCND) means the authority will not even say whether "
             "it holds the information, because saying yes or no would itself cause the harm.")


def ground(citation: str) -> Ground | None:
    m = re.match(r"[sr]\d+", citation or "")
    return GROUNDS.get(m.group(0)) if m else None


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.])\s", text, maxsplit=1)[0]


def explain_citation(citation: str, ncnd: bool = False) -> str:
    """One or two sentences on one exemption: what it protects and the test it needs."""
    g = ground(citation)
    if g is None:
        return f"{citation} is an exemption this assistant has no plain-words note for yet."
    text = f"{citation} ({g.name}) protects {_first_sentence(g.protects).rstrip('.:')}. " \
           f"{_first_sentence(g.test)}"
    if ncnd:
        text += (" Here authorities usually neither confirm nor deny holding it: saying yes or no "
                 "would itself cause the harm.")
    return text


def explain(section: str) -> str:
    """The long form, for `/explain s31` and the CLI: protects, tests, and the way around."""
    if re.sub(r"\W", "", section.lower()) in ("ncnd", "neitherconfirmnordeny"):
        return NCND_NOTE
    g = ground(section.lower().replace("section", "s").replace(" ", ""))
    if g is None:
        known = ", ".join(sorted(GROUNDS, key=lambda s: (s[0], int(s[1:]))))
        return f"I have no note on {section!r}. Try one of: {known}."
    return (f"{g.section} — {g.name}\nWhat it protects: {g.protects}\nThe test: {g.test}\n"
            f"How requesters get around it: {g.around}")
