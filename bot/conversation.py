"""The conversation, face-independent: a line from the user in, text replies out.

The terminal chat drives it directly; the same intents back the bot's commands. State per
user is small: the authority they write to and their last assessment (never stored on disk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advice import Advisor, DraftError
from bot.assessment import Assessment
from bot.explain import explain
from bot.render import assessment_text, precedents_text
from bot.track_record import KIND_NAMES, authority_kind

HELP = """Paste a draft FOI request and I will check each question against real past responses.
Other things you can type:
  authority NAME        set the authority you are writing to (its history comes first)
  precedents TOPIC      what happened when people asked about TOPIC
  what happened when people asked ...?   (the same, in plain words)
  why [N]               why question N (or every risky one) may be refused
  reword [N]            suggested rewordings for question N (or every risky one)
  revised               the whole draft rewritten, ready to copy
  explain s31           what an exemption protects and how to get around it
  help                  this text;  quit  to leave"""

_PRECEDENT_Q = re.compile(
    r"^(?:/precedents\b|precedents?\b(?: (?:for|on|about))?|what happened when (?:people|someone|"
    r"anyone) asked(?: about)?|has anyone asked(?: about)?|have people asked(?: about)?)\s*(.*)$",
    re.I | re.S)
_WHY = re.compile(r"^/?(?:why)(?:\s+(?:question\s+)?(\d+))?\W*$", re.I)
_REWORD = re.compile(r"^/?(?:reword|how would you reword(?: this| it)?|rewordings?)"
                     r"(?:\s+(?:question\s+)?(\d+))?\W*$", re.I)
_REVISED = re.compile(r"^/?(?:revised(?: draft)?|revise|full draft)\W*$", re.I)
_EXPLAIN = re.compile(r"^/?(?:(?:explain|what is|what does)\s+((?:section|s|reg(?:ulation)?|r)\s?"
                      r"\d+\S*)(?:\s+mean)?\W*|explain\s+(.+))$", re.I)
# a command word typed alone: a usage hint, not a one-word draft to check
_BARE = re.compile(r"^/?(authority|explain|writing to)\W*$", re.I)
_AUTHORITY = re.compile(r"^/?(?:authority|i(?:'m| am) writing to|writing to)\s+(.+)$", re.I)


_HELP = ("help", "/help", "?", "/start")
_GREETING = re.compile(r"^(?:hello|hi|hey|hiya|good (?:morning|afternoon|evening)|greetings)\b"
                       r"[\s\w]{0,12}\W*$", re.I)
_THANKS = re.compile(r"^(?:thanks?|thank you|cheers|many thanks|ta)\b[\s\w]{0,20}\W*$", re.I)


def small_talk(text: str) -> str | None:
    """A greeting or a thank-you is not a draft to check: a short, polite answer instead of
    'I could not find a question in that draft'."""
    text = text.strip()
    if "?" in text or "\n" in text:
        return None
    if _GREETING.match(text):
        return ("Hello. Paste the draft of your FOI request and I will check each question "
                "against real past responses; type help to see what else I can do.")
    if _THANKS.match(text):
        return "You're welcome. Paste another draft whenever you like."
    return None


@dataclass
class Session:
    authority: str | None = None
    last: Assessment | None = None


def _pick(a: Assessment, number: str | None) -> list[tuple[int, object]]:
    items = list(enumerate(a.questions, 1))
    if number:
        n = int(number)
        return [(n, a.questions[n - 1])] if 1 <= n <= len(a.questions) else []
    risky = [(i, q) for i, q in items if q.level in ("medium", "high")]
    return risky or items


class Conversation:
    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor

    def _commands(self) -> tuple:
        return ((_BARE, self._usage), (_AUTHORITY, self._authority), (_WHY, self._why),
                (_REWORD, self._reword), (_REVISED, self._revised), (_EXPLAIN, self._explain),
                (_PRECEDENT_Q, self._precedents))

    def is_command(self, line: str) -> bool:
        """Whether a line is something to answer at once rather than the start of a draft:
        'What is the council's budget?' opens a draft; 'what is s31' asks for a note."""
        text = line.strip()
        return (text.lower() in _HELP or small_talk(text) is not None
                or any(pattern.match(text) for pattern, _ in self._commands()))

    def respond(self, session: Session, line: str) -> str:
        text = line.strip()
        if not text:
            return "Paste a draft, or type help."
        if text.lower() in _HELP:
            return HELP
        if (reply := small_talk(text)) is not None:
            return reply
        for pattern, handler in self._commands():
            m = pattern.match(text)
            if m:
                return handler(session, next((g for g in m.groups() if g), None))
        return self._draft(session, text)

    def _usage(self, session: Session, command: str | None) -> str:
        if (command or "").lower() == "explain":
            return "Explain which exemption? For example: explain s31"
        if session.authority:
            return f"You are writing to {session.authority}. To change it: authority NAME"
        return "Which authority? For example: authority Barnet"

    def _authority(self, session: Session, name: str | None) -> str:
        found, suggestions = self.advisor.resolve_authority(name or "")
        if found:
            session.authority = found
            return f"Authority set to {found}. Its own history will come first."
        if suggestions:
            return "Which one do you mean? " + "; ".join(suggestions)
        session.authority = (name or "").strip() or None
        kind = authority_kind(session.authority)
        like = f", leaning on the record of {KIND_NAMES[kind]}" if kind != "other" else ""
        return (f"I have no past responses from {name!r} yet; I will use everyone's "
                f"history{like}. (Authority noted.)")

    def _precedents(self, session: Session, topic: str | None) -> str:
        topic = (topic or "").strip().rstrip("?")
        if not topic:
            return "Precedents on what? For example: precedents ransomware attacks"
        return precedents_text(topic, self.advisor.precedents(topic, session.authority))

    def _why(self, session: Session, number: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask why."
        picked = _pick(session.last, number)
        if not picked:
            return f"There is no question {number} in your draft."
        return "\n\n".join(f"{i}. {q.text}\n   {q.explanation}" for i, q in picked)

    def _reword(self, session: Session, number: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask for rewordings."
        picked = _pick(session.last, number)
        if not picked:
            return f"There is no question {number} in your draft."
        out = []
        for i, q in picked:
            if not q.rewordings:
                out.append(f"{i}. {q.text}\n   This one looks fine as it is ({q.level} risk).")
                continue
            out.append(f"{i}. {q.text}\n" + "\n".join(
                f"   Try: \"{r.text}\"\n   Why: {r.why}" for r in q.rewordings))
        return "\n\n".join(out)

    def _revised(self, session: Session, _: str | None) -> str:
        if not session.last:
            return "Paste a draft first; then ask for the revised draft."
        return "Revised draft:\n\n" + session.last.overall.revised_draft

    def _explain(self, session: Session, section: str | None) -> str:
        return explain(re.sub(r"^(section|reg(ulation)?)\s?", lambda m: "r" if m.group(0).lower()
                              .startswith("reg") else "s", section or "", flags=re.I))

    def _draft(self, session: Session, text: str) -> str:
        try:
            session.last = self.advisor.check_draft(text, session.authority)
        except DraftError as exc:
            return str(exc)
        return assessment_text(session.last)

