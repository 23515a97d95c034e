"""Concrete rewordings a requester can paste, each with the reason it should fare better.

Two kinds: exemption-specific patterns from FOI practice (policy instead of configuration,
totals instead of breakdowns, no product names, certifications, breaches reported to the
ICO...), and the wording of similar past questions that were actually answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

S16_SENTENCE = ("If answering would exceed the cost limit, please advise me under section 16 "
                "how I could narrow the request.")


@dataclass(frozen=True)
class Rewording:
    text: str
    why: str
    based_on: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"text": self.text, "why": self.why, "based_on": list(self.based_on)}


def _sub(pattern: str, repl: str) -> Callable[[str], str | None]:
    rx = re.compile(pattern, re.I)

    def apply(q: str) -> str | None:
        new = rx.sub(repl, q)
        return _tidy(new) if new != q else None

    return apply


def _fixed(text: str) -> Callable[[str], str]:
    return lambda q: text


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    text = re.sub(r"\s+([,.?])", r"\1", text)
    return text[:1].upper() + text[1:]


PATTERNS: list[tuple[re.Pattern, Callable[[str], str | None], str]] = [
    (re.compile(r"\bhow many\b.{0,80}\b(attacks?|breach(es)?|incidents?|hacks?|ransomware)\b",
                re.I),
     _fixed("How many personal data breaches did the council report to the Information "
            "Commissioner's Office in each of the last three financial years? A yearly total "
            "is enough."),
     "Breaches reported to the ICO are statutory reporting data: authorities that refuse attack "
     "counts under s31 have disclosed them, and a yearly total reveals nothing about detection."),
    (re.compile(r"\b(provisions?|measures?|controls?|protections?|defen[cs]es?)\b.{0,60}"
                r"\b(prevent|protect|stop|against|cyber|security)", re.I),
     _fixed("Does the council hold Cyber Essentials, Cyber Essentials Plus or ISO 27001 "
            "certification? Please also provide a copy of its information security policy."),
     "Certifications held and published policies reveal no weakness, system or attack history, "
     "so they fail all three of the ICO's cyber-security prejudice tests and are usually "
     "answered."),
    (re.compile(r"\b(working from home|home[- ]working|remote working|work remotely)\b", re.I),
     _fixed("Does the council have a policy on the security of staff working from home? If so, "
            "please provide a copy."),
     "A policy describes rules, not the configuration of defences, so it is usually disclosed."),
    (re.compile(r"\b(budget|spend|spent|cost|expenditure)\b.{0,80}\b(breakdown|broken down|"
                r"where|specifically|each|item|supplier)", re.I),
     _fixed("What was the council's total spend on cyber security in each of the last three "
            "financial years? A single yearly total is enough; I do not need a breakdown by "
            "supplier, product or item."),
     "Totals over a period are usually answered; breakdowns by item or supplier can point to "
     "the products in use and draw s31 or s43 refusals."),
    (re.compile(r"\b(which|what|name of the|names? of)\b.{0,40}\b(software|products?|antivirus|"
                r"anti-virus|firewall|systems?|suppliers?|vendors?|versions?)\b", re.I),
     _fixed("Please provide the council's policy on keeping its software and systems up to date "
            "(its patch-management or vulnerability-management policy). I am not asking for "
            "the names or versions of any products."),
     "Naming products, versions or suppliers is the commonest reason councils give for s31 "
     "refusals; the policy answers the accountability question without revealing them."),
    (re.compile(r"\b(patch(ed|es|ing)?|updates? (applied|installed)|versions?)\b", re.I),
     _fixed("Does the council have a patch-management policy, and how often is compliance with "
            "it reviewed? Please provide the policy."),
     "Patch dates and versions tell an attacker what is unpatched; a policy and its review "
     "cycle do not."),
    (re.compile(r"\b(by|per|each|every) (month|week|day)\b|\bmonthly\b|\bweekly\b", re.I),
     _sub(r"\b(?:broken down )?(?:by|per|each|every|in each|in every) (?:month|week|day)\b"
          r"|\b(?:monthly|weekly|daily)\b", "in each year"),
     "Coarser periods weaken the link to any prejudice: a yearly total cannot be matched to a "
     "specific incident."),
    (re.compile(r"\b(successful|unsuccessful|blocked|prevented|detected)\b", re.I),
     _sub(r"\b(?:successful|unsuccessful|blocked|prevented|detected)(?: (?:and|or|vs\.?|versus) "
          r"(?:successful|unsuccessful|blocked|prevented|detected))?\b ?", ""),
     "Splitting successful from blocked attacks reveals detection rates, which authorities "
     "refuse under s31(1)(a); an undivided figure is more often given."),
    (re.compile(r"\b(locations?|where)\b.{0,50}\b(cctv|cameras?|anpr)\b|\b(cctv|anpr)\b.{0,50}"
                r"\blocations?\b", re.I),
     _fixed("How many CCTV cameras does the council operate in total? Please also provide its "
            "CCTV policy or code of practice."),
     "Camera locations are usually withheld under s31 (they show where crime would go "
     "unseen); the number of cameras and the policy are routinely published."),
    (re.compile(r"\b(ransom|paid)\b", re.I),
     _fixed("Has the council's audit or governance committee received reports on cyber-security "
            "risk in the last three years? If so, please provide them or say where they are "
            "published."),
     "Governance papers are the accountability the public interest values and are often "
     "already published; ransom details draw NCND under s31(3)."),
    (re.compile(r"\b(names? of (the )?(staff|officers?|employees?|individuals?|people|persons?|"
                r"councillors?|officials?)|named (staff|officers?|individuals?)|who (is|are|was|"
                r"were) the (person|officer|individual)s?|employee details)\b", re.I),
     _fixed("Please provide the number of people involved as an anonymised total, with numbers "
            "under five suppressed if necessary. I am not asking for anyone's name."),
     "Anonymised aggregates are not personal data, so s40 falls away; senior officials acting "
     "officially are usually named anyway."),
    (re.compile(r"\b(all (information|correspondence|records|emails|documents)|since (19|20)\d\d|"
                r"any and all)\b", re.I),
     lambda q: _tidy(re.sub(r"\b(?:any and all|all)\b", "the main", q, flags=re.I))
     + " Please limit this to the last financial year. " + S16_SENTENCE,
     "Broad 'all information' requests and long periods are refused under the s12 cost limit; "
     "a narrow period plus the s16 sentence turns a flat refusal into advice."),
    (re.compile(r"\b(unit (price|cost)|rates?|pricing|tender (bids?|scores?)|bids?)\b", re.I),
     _fixed("What was the total value of the contract as awarded, and when was it awarded?"),
     "Total value after award is usually disclosed; unit prices and bids draw s43 refusals."),
]


def pattern_rewordings(question: str, limit: int = 2) -> list[Rewording]:
    out: list[Rewording] = []
    for trigger, rewrite, why in PATTERNS:
        if trigger.search(question):
            text = rewrite(question)
            if text and text.lower() != question.lower() and all(r.text != text for r in out):
                out.append(Rewording(text, why))
        if len(out) >= limit:
            break
    return out


def as_request(text: str) -> str:
    """A precedent's question, possibly a summary fragment, as a sentence one can paste."""
    text = _tidy(text.rstrip(".:;, "))
    if re.match(r"(i|we|my|our|please|kindly)\b", text, re.I):
        return text if text.endswith((".", "?")) else text + "."
    if re.match(r"(for|in|by|from|during|over|since|between|per|each)\b", text, re.I):
        text = "Please provide, " + text[:1].lower() + text[1:]
        return text + "."
    if not re.match(r"(how|what|which|who|when|where|why|whether|is|are|do|does|did|has|have|"
                    r"can|could|please|would)\b", text, re.I):
        text = "Please provide the " + text[:1].lower() + text[1:]
        return text if text.endswith((".", "?")) else text + "."
    return text if text.endswith(("?", ".")) else text + "?"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def usable_wording(candidate: str, original: str) -> bool:
    """A precedent's wording is worth offering when it is a whole question, not a fragment of a
    summary, and not simply the user's own question again."""
    words = candidate.split()
    if len(words) < 6 or len(candidate) > 400 or not re.match(r"[A-Za-z]", candidate):
        return False
    a, b = _words(candidate), _words(original)
    return len(a & b) / (len(a | b) or 1) < 0.8


def precedent_rewordings(precedents: Sequence, original: str = "", min_similarity: float = 0.55,
                         limit: int = 2) -> list[Rewording]:
    """Wordings of similar questions that were answered, with the precedent cited."""
    out: list[Rewording] = []
    for p in precedents:
        if p.outcome != "answered" or p.similarity < min_similarity:
            continue
        if not usable_wording(p.question, original) or any(
                r.text == as_request(p.question) for r in out):
            continue
        when = f", {p.date}" if p.date else ""
        ref = f", ref {p.reference}" if p.reference else ""
        out.append(Rewording(as_request(p.question),
                             f"A similar question was answered by {p.authority or 'an authority'}"
                             f"{when}{ref}: asking it this way has worked.", (p.id,)))
        if len(out) >= limit:
            break
    return out


def fallback_rewording(question: str) -> Rewording:
    """When no pattern fits: ask for the recorded policy and yearly totals on the same topic."""
    topic = re.sub(r"^(please (provide|tell me|confirm)|how many|what|which|do you|does the "
                   r"council|have you|has the council)\b\s*", "", question, flags=re.I).rstrip("?.")
    return Rewording(
        _tidy(f"Please provide any policy or procedure the authority holds on {topic}, and "
              "yearly totals for the last three years rather than individual cases."),
        "Policies and yearly totals describe how the authority works without exposing cases, "
        "people or systems, which is what refusals on similar questions protected.")
