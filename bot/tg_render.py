"""Assessments as Telegram HTML, split under the message limit; callback data for the buttons.

Pure functions, no `telegram` import, so they can be property-tested in isolation. Every value
interpolated into HTML goes through `esc`, because both the user's draft and the corpus (past
questions, authority names, URLs) are untrusted text. The only tags emitted are those in
`TAGS`; `split_html` keeps each part balanced by closing open tags at a cut and reopening them
in the next part.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.assessment import OUTSIDE_THE_ACT, Assessment, QuestionAssessment
from bot.eir import eir_name
from bot.explain import GROUNDS
from bot.reword import sends_as_asked
from bot.risk import SHOW_EXEMPTION_FROM
from corpus.exemptions import as_printed
from index.search import Precedent

MAX_MESSAGE = 4096  # Telegram's limit on message text, in characters after entity parsing
MAX_CALLBACK_BYTES = 64
TAGS = frozenset({"b", "i", "code", "pre", "a"})  # every tag this module emits

LEVEL_LABEL = {"high": "🔴 HIGH", "medium": "🟠 MEDIUM", "low": "🟢 low",
               "unknown": "⚪ no close precedent"}
ACTIONS = {"p": "Precedents", "w": "Why", "r": "Reword", "d": "Revised draft"}
PICK_AUTHORITY = "a"
CURRENT = "• "  # marks the view shown now among a follow-up's buttons
EXPIRED = "This button has expired — send the draft again."

Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data)


def esc(text: object) -> str:
    """HTML-escape a value for Telegram message text (`<`, `>` and `&`)."""
    return html.escape(str(text), quote=False)


def short(text: str, limit: int) -> str:
    """One line, at most `limit` characters, cut at a word."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


MAX_URL = 2048  # longer corpus URLs are dropped: one tag must fit in a message part


def link(url: str | None, label: str = "source") -> str:
    """A link only for http(s) URLs of sane length: corpus URLs are untrusted, other schemes
    are dropped."""
    if not url or len(url) > MAX_URL or not re.match(r"https?://[^\s<>\"']+$", url):
        return ""
    return f'<a href="{html.escape(url, quote=True)}">{esc(label)}</a>'


# -- the assessment --------------------------------------------------------------------------


def _exemption(ex: dict) -> str:
    name = as_printed(ex.get("subsection") or ex.get("section") or "?")
    ground = GROUNDS.get(str(ex.get("section")))
    label = f"{name}{' NCND' if ex.get('ncnd') else ''}"
    if ground:
        label += f" ({ground.name})"
    if ex.get("eir"):
        label += f" — {eir_name(ex['eir'])}"
    elif ex.get("foisa") and ex["foisa"] != name:
        label += f" — FOISA {ex['foisa']}"
    return f"{label} {float(ex.get('probability', 0.0)):.0%}"


def likely_exemption(q: QuestionAssessment) -> str:
    top = q.likely_exemptions[0] if q.likely_exemptions else None
    if top and top["probability"] >= SHOW_EXEMPTION_FROM:
        return _exemption(top)
    return OUTSIDE_THE_ACT if q.outside_the_act() else "none stands out"


def outcome(p: Precedent) -> str:
    return str(p.outcome).replace("_", " ").upper()


def precedent_brief(p: Precedent) -> str:
    """One line: what happened to the closest past question."""
    ex = f" [{esc(p.cited_as())}]" if p.exemptions else ""
    where = ", ".join(x for x in (p.authority or "an authority", p.date) if x)
    return (f"<b>{esc(outcome(p))}</b>{ex} — {esc(where)}: "
            f"<i>“{esc(short(p.in_context(), 160))}”</i>")


def precedent_html(n: int, p: Precedent) -> str:
    """A numbered precedent with its reference, similarity and source link."""
    ex = f" [{esc(p.cited_as())}]" if p.exemptions else ""
    bits = [p.authority or "unknown authority", p.date or "undated"]
    if p.reference:
        bits.append(f"ref {p.reference}")
    src = link(p.source_url)
    return (f"{n}. <b>{esc(outcome(p))}</b>{ex} — {esc(', '.join(bits))} · similarity "
            f"{p.similarity:.2f}\n<i>“{esc(short(p.in_context(), 260))}”</i>"
            + (f" {src}" if src else ""))


def question_summary(i: int, q: QuestionAssessment) -> str:
    lines = [f"<b>{i}.</b> {esc(short(q.text, 300))}",
             f"Risk: <b>{esc(LEVEL_LABEL.get(q.level, q.level))}</b> ({q.risk:.0%}) · "
             f"likely exemption: {esc(likely_exemption(q))}"]
    if q.precedents:
        lines.append(f"Closest precedent: {precedent_brief(q.precedents[0])}")
    else:
        lines.append("Closest precedent: none close enough to judge from.")
    return "\n".join(lines)


def assessment_html(a: Assessment) -> str:
    """The reply to a draft: the verdict, then one short block per question."""
    head = [f"<b>Verdict:</b> {esc(a.overall.verdict)}"]
    if a.authority:
        note = ("its own history comes first" if a.authority_on_record else
                "none of its past responses is on record: authorities of its kind count")
        head.append(f"<i>Authority: {esc(a.authority)} — {note}.</i>")
    blocks = ["\n".join(head)]
    blocks += [question_summary(i, q) for i, q in enumerate(a.questions, 1)]
    if a.overall.advice:
        blocks.append("<b>Advice for the whole draft</b>\n"
                      + "\n".join(f"• {esc(line)}" for line in a.overall.advice))
    blocks.append("<i>Tap a button: the closest precedents, why a question may be refused, "
                  "rewordings, or the whole revised draft.</i>")
    return "\n\n".join(blocks)


def assessment_buttons(key: str) -> Buttons:
    return [[(ACTIONS["p"], encode_callback("p", key, 0)),
             (ACTIONS["w"], encode_callback("w", key, 0)),
             (ACTIONS["r"], encode_callback("r", key, 0))],
            [(ACTIONS["d"], encode_callback("d", key, 0))]]


def _risky(a: Assessment) -> list[tuple[int, QuestionAssessment]]:
    return [(i, q) for i, q in enumerate(a.questions, 1) if q.level in ("medium", "high")]


def pick(a: Assessment, n: int, risky_only: bool) -> list[tuple[int, QuestionAssessment]]:
    """Question n (1-based), or with n == 0 every risky question (every question if none)."""
    items = list(enumerate(a.questions, 1))
    if n:
        return [items[n - 1]] if 1 <= n <= len(items) else []
    return (_risky(a) or items) if risky_only else items


def _title(name: str, a: Assessment, n: int, risky_only: bool) -> str:
    if n:
        return f"<b>{name}: question {n}</b>"
    if risky_only and _risky(a) and len(_risky(a)) < len(a.questions):
        return f"<b>{name}: the questions at medium or high risk</b>"
    return f"<b>{name}</b>"


def _heading(i: int, q: QuestionAssessment) -> str:
    return (f"<b>{i}.</b> <i>{esc(short(q.text, 300))}</i> "
            f"({esc(LEVEL_LABEL.get(q.level, q.level))})")


def precedents_view(a: Assessment, n: int) -> str:
    per = 5 if n else 3
    blocks = [_title("Closest precedents", a, n, risky_only=False)]
    for i, q in pick(a, n, risky_only=False):
        found = [precedent_html(j, p) for j, p in enumerate(q.precedents[:per], 1)]
        blocks.append(_heading(i, q) + "\n" + ("\n".join(found) if found
                                               else "No past question close enough."))
    return "\n\n".join(blocks)


def why_view(a: Assessment, n: int) -> str:
    blocks = [_title("Why", a, n, risky_only=True)]
    for i, q in pick(a, n, risky_only=True):
        reasons = "".join(f"\n• {esc(r)}" for r in q.reasons)
        blocks.append(f"{_heading(i, q)}\n{esc(q.explanation)}{reasons}")
    return "\n\n".join(blocks)


def reword_view(a: Assessment, n: int) -> str:
    blocks = [_title("Rewordings", a, n, risky_only=True)]
    for i, q in pick(a, n, risky_only=True):
        if not q.rewordings:
            blocks.append(f"{_heading(i, q)}\nThis one looks fine as it is.")
            continue
        tries = "\n".join(
            f"Send as it is: <code>{esc(r.text)}</code>\n<i>Why:</i> {esc(r.why)}"
            if sends_as_asked(q.text, r.text) else
            f"Try: <code>{esc(r.text)}</code>\n<i>Why it should fare better:</i> {esc(r.why)}"
            for r in q.rewordings)
        blocks.append(f"{_heading(i, q)}\n{tries}")
    return "\n\n".join(blocks)


def revised_view(a: Assessment, n: int = 0) -> str:
    return ("<b>Revised draft</b> (tap the block to copy it)\n"
            f"<pre>{esc(a.overall.revised_draft)}</pre>")


VIEWS = {"p": precedents_view, "w": why_view, "r": reword_view, "d": revised_view}


def view_buttons(action: str, key: str, a: Assessment, current: int) -> Buttons:
    """Under a follow-up view: switch between the overview and each question (edits in place).
    For Why and Reword the overview is the risky questions, and says so."""
    count = len(a.questions)
    if action == "d" or count < 2:
        return []
    overview = "Risky" if action in ("w", "r") and 0 < len(_risky(a)) < count else "All"
    choices = [0, *range(1, min(count, 24) + 1)]
    labels = [(overview if n == 0 else f"Q{n}") for n in choices]
    buttons = [((CURRENT + label) if n == current else label, encode_callback(action, key, n))
               for n, label in zip(choices, labels)]
    return [buttons[i:i + 6] for i in range(0, len(buttons), 6)]


# -- other replies ----------------------------------------------------------------------------


def search_html(topic: str, found: Sequence[Precedent], authority: str | None) -> str:
    if not found:
        return (f"Nothing on record is close enough to “{esc(short(topic, 80))}”. Try other "
                "words for it, or a fuller question.")
    head = f"<b>What happened when people asked “{esc(short(topic, 80))}”</b>"
    if authority and any(p.authority == authority for p in found):
        head += f"\n<i>{esc(authority)}'s own history comes first.</i>"
    return head + "\n\n" + "\n\n".join(precedent_html(i, p) for i, p in enumerate(found, 1))


def explain_html(text: str) -> str:
    """`bot.explain.explain` output: the first line as a heading, the rest as paragraphs."""
    first, _, rest = text.partition("\n")
    body = "\n\n".join(esc(line) for line in rest.splitlines() if line.strip())
    return f"<b>{esc(first)}</b>" + (f"\n\n{body}" if body else "")


def authority_buttons(key: str, names: Sequence[str]) -> Buttons:
    return [[(short(name, 48), encode_callback(PICK_AUTHORITY, key, i))]
            for i, name in enumerate(names)]


# -- callback data ----------------------------------------------------------------------------

_CALLBACK = re.compile(r"v1:([pwrda]):([A-Za-z0-9_-]{8}):(0|[1-9][0-9]{0,2})")


@dataclass(frozen=True)
class Callback:
    action: str
    key: str
    n: int


def encode_callback(action: str, key: str, n: int) -> str:
    data = f"v1:{action}:{key}:{n}"
    if parse_callback(data) is None:
        raise ValueError(f"not valid callback data: {data!r}")
    return data


def parse_callback(data: object) -> Callback | None:
    """Strict: anything but exactly `v1:<action>:<8-char key>:<n>` is None (an expired button)."""
    if not isinstance(data, str) or len(data.encode("utf-8", "surrogatepass")) > 64:
        return None
    m = _CALLBACK.fullmatch(data)
    return Callback(m.group(1), m.group(2), int(m.group(3))) if m else None


# -- splitting --------------------------------------------------------------------------------

_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"
                    r"|[^<&\s]{1,64}|\s|[<&]")


@dataclass(frozen=True)
class _Atom:
    """A unit the splitter never cuts: a tag, an entity, a whitespace character or a word
    (words longer than 64 characters come in 64-character pieces)."""

    raw: str
    size: int
    tag: str = ""
    closing: bool = False


def units(text: str) -> int:
    """Length as Telegram may count it: UTF-16 code units (never less than len(text))."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _atoms(text: str) -> list[_Atom]:
    atoms = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if m.group(2):
            atoms.append(_Atom(raw, units(raw), m.group(2).lower(), bool(m.group(1))))
        else:
            atoms.append(_Atom(raw, units(raw)))
    return atoms


def _closer(atom: _Atom) -> int:
    return len(atom.tag) + 3  # </tag>


def _closers(stack: Sequence[_Atom]) -> str:
    return "".join(f"</{a.tag}>" for a in reversed(stack))


def _step(stack: tuple[_Atom, ...], atom: _Atom) -> tuple[_Atom, ...]:
    """The open tags after `atom` (an unmatched closing tag closes nothing)."""
    if not atom.tag:
        return stack
    if not atom.closing:
        return (*stack, atom)
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].tag == atom.tag:
            return stack[:k]
    return stack


def _rank(atoms: Sequence[_Atom], j: int) -> int:
    """How good a cut right after atom j is: paragraph 3, line 2, word 1, anywhere 0."""
    raw = atoms[j].raw
    if raw == "\n":
        return 3 if j and atoms[j - 1].raw == "\n" else 2
    return 1 if raw.isspace() else 0


def visible(text: str) -> str:
    """The text a user sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^<>]*>", "", text))


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Parts of at most `limit` UTF-16 units, cut at paragraphs (else lines, else words),
    never inside a tag or an entity; tags open at a cut are closed and reopened."""
    text = text.strip()
    if units(text) <= limit:
        return [text] if visible(text).strip() else []
    atoms = _atoms(text)
    parts: list[str] = []
    stack: tuple[_Atom, ...] = ()
    i = 0
    while i < len(atoms):
        while i < len(atoms) and not atoms[i].tag and atoms[i].raw.isspace():
            i += 1  # no part starts with blank space
        if i >= len(atoms):
            break
        end, after = _cut(atoms, i, stack, limit)
        body = atoms[i:end]
        while body and not body[-1].tag and body[-1].raw.isspace():
            body.pop()
        part = "".join(a.raw for a in stack) + "".join(a.raw for a in body) + _closers(after)
        if visible(part).strip():
            parts.append(part)
        stack, i = after, end
    return parts


def _cut(atoms: Sequence[_Atom], start: int, stack: tuple[_Atom, ...], limit: int
         ) -> tuple[int, tuple[_Atom, ...]]:
    """Where the part beginning at `start` ends, and the tags still open there."""
    open_ = stack
    size = sum(a.size for a in stack)
    closing = sum(_closer(a) for a in stack)
    best: tuple[int, int, tuple[_Atom, ...]] | None = None
    for j in range(start, len(atoms)):
        atom = atoms[j]
        if atom.tag:
            open_ = _step(open_, atom)
            closing = sum(_closer(a) for a in open_)
        size += atom.size
        if size + closing > limit:
            break
        if j == len(atoms) - 1:
            return len(atoms), open_
        rank = _rank(atoms, j)
        if best is None or rank >= best[0]:
            best = (rank, j + 1, open_)
    if best is None:
        raise ValueError("an atom does not fit in a message part")
    return best[1], best[2]
