"""What a check returns: plain data with a stable JSON form (other tools read its keys)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.reword import Rewording
from index.search import Precedent, TribunalPrecedent

# Schedule 1's words for what a broadcaster holds outside FOI; a question's reasons carry them
# when the check judged it to ask about that (bot/advice.py)
DEROGATED = "journalism, art or literature"
OUTSIDE_THE_ACT = "none: outside FOI (Schedule 1)"


@dataclass(frozen=True)
class QuestionAssessment:
    text: str
    risk: float
    level: str
    likely_exemptions: list[dict]
    precedents: list[Precedent]
    explanation: str
    rewordings: list[Rewording]
    reasons: list[str] = field(default_factory=list)
    tribunal: list[TribunalPrecedent] = field(default_factory=list)
    # the risk and level the question would have if sent on its own (the rest of a draft
    # moves a question's risk: authorities often answer or refuse a request whole)
    risk_alone: float | None = None
    level_alone: str | None = None
    # the draft's question (0-based) this one follows up ('If so, how much?'): it cannot be
    # sent, or split off, without it
    follows: int | None = None

    def outside_the_act(self) -> bool:
        """Whether it asks a broadcaster about its journalism: no exemption is needed."""
        return any(DEROGATED in r for r in self.reasons)

    def to_json(self) -> dict:
        alone = self.risk if self.risk_alone is None else self.risk_alone
        return {
            "text": self.text, "risk": round(self.risk, 4), "level": self.level,
            "risk_alone": round(alone, 4), "level_alone": self.level_alone or self.level,
            "likely_exemptions": self.likely_exemptions,
            "precedents": [p.to_json() for p in self.precedents],
            "explanation": self.explanation,
            "rewordings": [r.to_json() for r in self.rewordings],
            "reasons": self.reasons,
            "tribunal": [t.to_json() for t in self.tribunal],
        }


@dataclass(frozen=True)
class Overall:
    risk: float
    verdict: str
    likely_exemptions: list[dict]
    advice: list[str]
    revised_draft: str

    def to_json(self) -> dict:
        return {"risk": round(self.risk, 4), "verdict": self.verdict,
                "likely_exemptions": self.likely_exemptions, "advice": self.advice,
                "revised_draft": self.revised_draft}


@dataclass(frozen=True)
class Assessment:
    questions: list[QuestionAssessment]
    overall: Overall
    authority: str | None = None
    # whether the corpus holds any past response from that authority (its own history)
    authority_on_record: bool = False
    # the law the request falls under: "FOIA", "EIR" (environmental information), or for a
    # Scottish authority "FOISA" / "EISR"
    law: str = "FOIA"

    def to_json(self) -> dict:
        return {"questions": [q.to_json() for q in self.questions],
                "overall": self.overall.to_json(), "authority": self.authority,
                "authority_on_record": self.authority_on_record, "law": self.law}
