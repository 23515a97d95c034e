"""Assessments and precedents as terminal text or JSON. (Telegram HTML lives in tg_render.)"""

from __future__ import annotations

import json
import textwrap

from bot.assessment import OUTSIDE_THE_ACT, Assessment, QuestionAssessment
from bot.eir import eir_name
from bot.reword import sends_as_asked
from bot.risk import SHOW_EXEMPTION_FROM
from corpus.exemptions import as_printed
from index.search import Precedent

LEVEL_MARK = {"high": "HIGH", "medium": "MEDIUM", "low": "low", "unknown": "no close precedent"}


def precedent_line(p: Precedent) -> str:
    ex = f" [{p.cited_as()}]" if p.exemptions else ""
    bits = [p.authority or "unknown authority", p.date or "undated"]
    if p.reference:
        bits.append(f"ref {p.reference}")
    link = f"\n      {p.source_url}" if p.source_url else ""
    return (f"{p.outcome.upper()}{ex} ({', '.join(bits)}; similarity {p.similarity:.2f})\n"
            f"      \"{_short(p.in_context(), 200)}\"{link}")


def tribunal_line(t) -> str:
    ex = f" [{', '.join(map(as_printed, t.exemptions))}]" if t.exemptions else ""
    bits = ", ".join(x for x in (t.reference, t.authority, t.date) if x)
    return (f"refusal {t.result.replace('_', ' ')}{ex} ({bits}; similarity {t.similarity:.2f})\n"
            f"      \"{_short(t.information_requested, 160)}\"")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _exemptions(q: QuestionAssessment) -> str:
    shown = [e for e in q.likely_exemptions if e["probability"] >= SHOW_EXEMPTION_FROM]
    if not shown:
        return OUTSIDE_THE_ACT if q.outside_the_act() else "none stands out"
    return ", ".join(f"{as_printed(e['subsection'] or e['section'])}"
                     f"{' (NCND)' if e['ncnd'] else ''}"
                     f"{_foisa(e)} {e['probability']:.0%}" for e in shown)


def _foisa(ex: dict) -> str:
    """' = FOISA s35(1)(a)' for a Scottish request, where FOISA numbers the ground otherwise;
    ' = EIR r12(4)(b)' for an environmental one, which the Regulations govern instead."""
    if ex.get("eir"):
        return f" = {eir_name(ex['eir'])}"
    foisa = ex.get("foisa")
    return f" = FOISA {foisa}" if foisa and foisa != (ex["subsection"] or ex["section"]) else ""


def question_text(i: int, q: QuestionAssessment, precedents: int = 3) -> str:
    wrap = textwrap.TextWrapper(width=100, initial_indent="   ", subsequent_indent="   ")
    estimate = f"{q.risk:.0%}" if q.level != "unknown" else f"{q.risk:.0%} from the wording alone"
    lines = [f"{i}. {q.text}",
             f"   Risk: {LEVEL_MARK[q.level]} ({estimate}); likely exemptions: {_exemptions(q)}"]
    for reason in q.reasons:
        lines.append(f"   - {reason}")
    if q.precedents:
        lines.append("   Closest precedents:")
        lines += [f"    * {precedent_line(p)}" for p in q.precedents[:precedents]]
    if q.tribunal:
        lines.append("   Tribunal decisions on similar requests:")
        lines += [f"    * {tribunal_line(t)}" for t in q.tribunal]
    lines.append(wrap.fill("Why: " + q.explanation))
    for r in q.rewordings:
        label = "Send as it is" if sends_as_asked(q.text, r.text) else "Try instead"
        lines.append(wrap.fill(f"{label}: \"{r.text}\""))
        lines.append(wrap.fill(f"  because {_lower_first(r.why)}"))
    return "\n".join(lines)


def assessment_text(a: Assessment) -> str:
    head = [f"Verdict: {a.overall.verdict}"]
    if a.authority:
        head.append(f"Authority: {a.authority} ({authority_note(a)})")
    body = [question_text(i, q) for i, q in enumerate(a.questions, 1)]
    advice = [f"- {line}" for line in a.overall.advice]
    tail = ["Advice for the whole draft:", *advice] if advice else []
    revised = ["Revised draft:", textwrap.indent(a.overall.revised_draft, "  ")]
    parts = ["\n".join(head), *body, "\n".join(tail), "\n".join(revised)]
    return "\n\n".join(p for p in parts if p).strip()


def authority_note(a: Assessment) -> str:
    """Say the authority's history comes first only when the corpus has some."""
    if a.authority_on_record:
        return "its own history is shown first"
    return "none of its past responses is on record: authorities of its kind count instead"


def precedents_text(query: str, precedents: list[Precedent]) -> str:
    """The list `precedents` prints: those whose outcome is on record first, then, under a
    heading of their own, those whose reply the corpus lacks (else a 0.81 after a 0.64 reads
    as a sorting mistake)."""
    if not precedents:
        return (f"Nothing on record is close enough to \"{_short(query, 80)}\" (with those "
                "filters). Try other words for it, a fuller question, or fewer filters.")
    lines = [f"What happened when people asked \"{_short(query, 80)}\":"]
    known = [p for p in precedents if p.outcome != "unknown"]
    unknown = [p for p in precedents if p.outcome == "unknown"]
    lines += [f"{i}. {precedent_line(p)}" for i, p in enumerate(known, 1)]
    if unknown:
        lines.append("Outcome not recorded:" if known else
                     "Outcome not recorded for any of these:")
        lines += [f"{i}. {precedent_line(p)}" for i, p in enumerate(unknown, len(known) + 1)]
    return "\n".join(lines)


def precedents_json(precedents: list[Precedent], fallback: bool = False) -> str:
    """`precedents --json`: each precedent's keys, and `fallback`, true when the authority
    asked about had none close and these are other authorities' (as the text says)."""
    return json.dumps([{**p.to_json(), "fallback": fallback} for p in precedents],
                      ensure_ascii=False)


def draft_precedents_text(picked: list[tuple[int, QuestionAssessment]]) -> str:
    """The precedents the check found for the draft's questions ('show precedents' after a
    draft): what happened to the past questions closest to each one."""
    blocks = []
    for i, q in picked:
        found = [f"   * {precedent_line(p)}" for p in q.precedents]
        blocks.append("\n".join([f"{i}. {q.text}", *(found or ["   No close precedent on "
                                                                 "record."])]))
    return "Closest precedents for your draft:\n\n" + "\n\n".join(blocks)


def assessment_json(a: Assessment) -> str:
    """`check --json`, its citations as the Act numbers them ('s40(3A)(a)', not the stored
    's40(3a)(a)'), as the text shows them."""
    data = a.to_json()
    for q in data["questions"]:
        q["likely_exemptions"] = [_printed_exemption(e) for e in q["likely_exemptions"]]
        for p in [*q["precedents"], *q["tribunal"]]:
            for key in ("exemptions", "cited"):
                if isinstance(p.get(key), list):
                    p[key] = [as_printed(c) for c in p[key]]
    data["overall"]["likely_exemptions"] = [_printed_exemption(e)
                                            for e in data["overall"]["likely_exemptions"]]
    return json.dumps(data, ensure_ascii=False)


def _printed_exemption(ex: dict) -> dict:
    """A likely exemption with its subsection as the Act prints it."""
    return {**ex, "subsection": as_printed(ex["subsection"])} if ex.get("subsection") else ex


def _lower_first(text: str) -> str:
    """'naming products ...' and 'a similar question ...' after 'because'; 'ICO ...' and
    'CCTV ...' as they are."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]
