"""The check: a draft in, an Assessment out. Knows nothing of Telegram or terminals.

For each question of the draft: the nearest past questions (the authority's own first), a
calibrated refusal risk, the likely exemptions, a plain-words explanation quoting the
strongest precedent, and rewordings for anything at medium or high risk.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bot import risk as riskmod
from bot import scotland
from bot.assessment import DEROGATED, Assessment, Overall, QuestionAssessment
from bot.authority import (
    BROADCASTER_NOTE,
    company_warning,
    editorial_questions,
    is_broadcaster,
    is_water_company,
    match_authority,
    named_bodies,
    not_covered,
)
from bot.eir import (
    draft_law_is_eir,
    eir_cues,
    eir_verdict,
    foia_only,
    in_eir_words,
    is_environmental,
    opening_subject,
    question_laws,
    with_eir,
)
from bot.explain import (
    EXPLAIN_FROM,
    GROUNDS,
    explain_citation,
    explain_exception,
    grounded,
)
from bot.follow_ups import antecedents, with_antecedents
from bot.greeting import greeted
from bot.overall import (
    EDITORIAL_WHY,
    OWN_DATA_EXEMPTION,
    OWN_DATA_RISK,
    OWN_DATA_VERDICT,
    own_data_questions,
    rest_risk,
    without_signature,
)
from bot.overall import overall as draft_overall
from bot.prefilter import prefiltered
from bot.reword import (
    TARGETED_SECTIONS,
    Rewording,
    body_noun,
    fallback_rewording,
    pattern_rewordings,
    precedent_rewordings,
)
from bot.settled_law import SettledGround, is_department, settled_ground
from bot.track_record import KIND_NAMES, TrackRecord, authority_kind, logit
from corpus.header import authority_key, expand_initials
from corpus.split import split_questions
from index.search import (
    Filters,
    Precedent,
    Searcher,
    TribunalPrecedent,
    known_first,
    request_of,
)
from index.vectors import MANIFEST_FILE, IndexProblem

log = logging.getLogger(__name__)

MAX_DRAFT_CHARS = 20_000
SHOWN_PRECEDENTS = 5
MAX_REWORDINGS = 3
NEIGHBOURS = 25
FETCH_PER_KEPT = 3  # one question per request: fetch enough to keep NEIGHBOURS distinct ones
CALIBRATION_FILE = "calibration.json"
# a ground the law settles (bot/settled_law.py) counts as this many perfect neighbours: it
# heads the likely exemptions whatever the neighbours cited
SETTLED_WEIGHT = 12.0
NAME_THE_AUTHORITY = ("Say which authority you are writing to: its own record, and that of "
                      "authorities of its kind, makes this estimate sharper.")


# 'What happened when people asked X?' lists nothing further from X than this: a short topic
# ('hotel asylum') is otherwise answered with prison escapes at 0.1 similarity
PRECEDENT_FLOOR = 0.35
# the authority's own past question is shown first only when it is this close: on the same
# topic, not merely the nearest thing it was ever asked (the risk still counts it either way)
OWN_FIRST_SIMILARITY = 0.55


class DraftError(Exception):
    """A draft that cannot be checked (empty, too long); the message says what to do."""


@dataclass(frozen=True)
class _Scored:
    risk: float
    level: str
    exemptions: list[dict]
    reasons: list[str]
    risk_alone: float | None = None  # as if sent on its own (None: it was)
    level_alone: str | None = None


class Advisor:
    """Holds the searcher and the calibration; checks drafts."""

    def __init__(self, searcher: Searcher, calibration: riskmod.RiskModel | None = None,
                 index_dir: Path | None = None):
        self.index_dir = index_dir
        self._stamp = manifest_stamp(index_dir)
        self._install(searcher, calibration or riskmod.RiskModel())

    def _install(self, searcher: Searcher, calibration: riskmod.RiskModel) -> None:
        """Swap in a fully loaded searcher; a check already running keeps the one it took."""
        self.searcher = searcher
        self.calibration = calibration
        self._authorities = [a for a, _ in searcher.store.authorities()]
        self._authority_keys = {authority_key(a) for a in self._authorities}
        self._prior = riskmod.SectionPrior.from_rows(searcher.rows())
        self._record = TrackRecord.from_rows(searcher.rows())
        # an authority whose past replies are on record: one whose outcomes are all unknown
        # has no history to show first
        self._answered_keys = {k for k, t in self._record.by_authority.items() if t.total}

    def _history(self, authority: str | None) -> float:
        """The named authority's record as the risk model reads it (0: none named)."""
        if not authority:
            return 0.0
        return logit(self._record.rate(authority)) - logit(self._record.base_rate)

    @classmethod
    def open(cls, searcher: Searcher, index_dir: Path) -> Advisor:
        return cls(searcher, riskmod.RiskModel.load(index_dir / CALIBRATION_FILE), index_dir)

    def refresh(self) -> bool:
        """Pick up an index rebuilt on disk since it was loaded. A new index that is stale,
        corrupt or foreign is refused and the one in use is kept: answers never stop."""
        stamp = manifest_stamp(self.index_dir)
        if self.index_dir is None or stamp == self._stamp:
            return False
        old = self.searcher
        try:
            fresh = Searcher.open(old.store, self.index_dir, old.embedder)
        except IndexProblem as exc:
            log.warning("keeping the index in use: %s", exc)
            return False
        self._stamp = stamp
        self._install(fresh, riskmod.RiskModel.load(self.index_dir / CALIBRATION_FILE))
        log.info("loaded the rebuilt index (%d questions)", fresh.index.manifest.count)
        return True

    def resolve_authority(self, name: str | None) -> tuple[str | None, list[str]]:
        """The authority on record a name means ('MoD' read as 'Ministry of Defence' first),
        or None and suggestions."""
        if not name:
            return None, []
        return match_authority(expand_initials(name), self._authorities)

    def other_body(self, name: str, authority: str) -> str | None:
        """The body `name` means (a letter's greeting), when it is not `authority`."""
        found, _ = self.resolve_authority(name)
        return None if authority_key(found or name) == authority_key(authority) else found or name

    # -- one question ------------------------------------------------------------------

    def neighbours(self, vector: np.ndarray, authority: str | None,
                   exclude: frozenset[str] = frozenset(), k: int = NEIGHBOURS,
                   own_k: int = 5, known: bool = True) -> list[Precedent]:
        """The authority's own close history first, then everyone's: one question per past
        request (`one_per_request`), so more are fetched than kept. With `known`, only
        questions whose outcome is known: a precedent whose fate the corpus does not record
        can neither inform the risk nor show the user what happened."""
        return self.neighbours_each(vector.reshape(1, -1), authority, exclude, k, own_k,
                                    known)[0]

    def neighbours_each(self, vectors: np.ndarray, authority: str | None,
                        exclude: frozenset[str] = frozenset(), k: int = NEIGHBOURS,
                        own_k: int = 5, known: bool = True) -> list[list[Precedent]]:
        """`neighbours` for each of a draft's questions, everyone's searched in one call."""
        named = authority_key(authority) in self._authority_keys  # and has history
        # k distinct requests, and enough more to replace those the own history takes
        generals = self.searcher.neighbours_each(
            vectors, k * FETCH_PER_KEPT, Filters(exclude_documents=exclude, known=known),
            per_request=k + own_k if named else k)
        if not named:
            return generals
        owns = self.searcher.neighbours_each(
            vectors, own_k * FETCH_PER_KEPT,
            Filters(authority=authority, exclude_documents=exclude, known=known),
            per_request=own_k)
        out = []
        for general, own in zip(generals, owns):
            own = [p for p in own if p.similarity >= riskmod.NO_PRECEDENT_SIMILARITY]
            seen = {request_of(p) for p in own}
            out.append(own + [p for p in general if request_of(p) not in seen][:k])
        return out

    def precedents(self, topic: str, authority: str | None = None, k: int = 5
                   ) -> list[Precedent]:
        """'What happened when people asked X?': up to k past questions, the authority's own
        close ones (at most three) first. Shared by the terminal chat and the bot."""
        vector = self.searcher.embed([topic])[0]
        found = [p for p in self.neighbours(vector, authority, k=k * 2, own_k=3, known=False)
                 if p.similarity >= PRECEDENT_FLOOR]
        key = authority_key(authority)
        own = next((i for i, p in enumerate(found) if authority_key(p.authority) != key
                    or p.similarity < OWN_FIRST_SIMILARITY), len(found)) if key else 0
        rest = sorted(found[own:], key=lambda p: -p.similarity)
        return (known_first(found[:own]) + known_first(rest))[:k]

    def _pool(self, neighbours: Sequence[Precedent], authority: str | None
              ) -> list[riskmod.Neighbour]:
        return [riskmod.neighbour(p.similarity, p.outcome, p.exemptions, authority,
                                  p.authority, p.answer) for p in neighbours]

    def knn_logit(self, neighbours: Sequence[Precedent], authority: str | None) -> float:
        """The question's neighbours' refusal rate as the risk model reads it."""
        cal = self.calibration.for_authority(authority)
        return riskmod.knn_logit(self._pool(neighbours, authority), cal.base_rate)

    def score(self, text: str, neighbours: Sequence[Precedent], authority: str | None,
              draft: float | None = None, eir: bool = False,
              pool: list[riskmod.Neighbour] | None = None) -> _Scored:
        """The question's risk; `draft` is what the rest of its draft says (`draft_contexts`;
        None: checked alone); `eir` when the Regulations govern it (their own cues count);
        `pool`, the neighbours as the risk model weighs them, when the draft made it already."""
        cal = self.calibration.for_authority(authority)
        pool = self._pool(neighbours, authority) if pool is None else pool
        up, down = riskmod.cues(text)
        feats = riskmod.features(text, pool, cal.base_rate, found=(up, down),
                                 history=self._history(authority), draft=draft)
        risk = riskmod.score(feats, cal)
        top = max((p.similarity for p in neighbours), default=0.0)
        settled = settled_ground(text, authority)
        if settled:  # the law answers where the corpus is silent: no 'no close precedent'
            up = [settled.why, *(u for u in up
                                 if not riskmod.said_by_settled(u, settled.section))]
            top = max(top, riskmod.NO_PRECEDENT_SIMILARITY)
        reasons = [f"raises the risk: {u}" for u in up] + [f"lowers the risk: {d}" for d in down]
        record = self._record.describe(authority)
        if record and cal.w_history:
            reasons.append(f"track record: {record}")
        alone = riskmod.score(feats[:4], cal)
        reasons += _draft_reason(risk, alone)
        if settled:
            risk, alone = max(risk, settled.floor), max(alone, settled.floor)
        likely = riskmod.likely_exemptions(pool, risk, prior=self._prior.for_authority(authority),
                                           pointed=_pointed(text, settled, authority, eir))
        if settled:  # name the subsection the law settles it on where no neighbour cited one
            likely = [{**e, "subsection": e["subsection"] or settled.subsection}
                      if e["section"] == settled.section else e for e in likely]
        likely = grounded_subsections(likely, authority, text)
        return _Scored(risk, riskmod.level(risk, top), likely, reasons, alone,
                       riskmod.level(alone, top))

    def assess_question(self, text: str, vector: np.ndarray, authority: str | None,
                        exclude: frozenset[str] = frozenset(), draft: float | None = None,
                        neighbours: list[Precedent] | None = None,
                        context: str = "", eir: bool = False, scottish: bool = False,
                        pool: list[riskmod.Neighbour] | None = None) -> QuestionAssessment:
        """One question; `context` is the question it follows, when it is a follow-up. Under
        the EIR (`eir`; the EISRs if `scottish`) its exemptions carry the exception that stands
        for each, and its explanation and rewordings speak of those, not of FOIA's cost limit."""
        if neighbours is None:
            neighbours = self.neighbours(vector, authority, exclude)
        scored = self.score(text, neighbours, authority, draft, eir, pool)
        shown = ordered_precedents(neighbours, authority)[:SHOWN_PRECEDENTS]
        rewordings = _rewordings(text, scored, neighbours, authority, context)
        likely = scored.exemptions
        if eir:
            likely = with_eir(likely, scottish)
            rewordings = [Rewording(in_eir_words(r.text), in_eir_words(r.why), r.based_on)
                          for r in rewordings]
        else:  # an EIR reply's exception is no ground under the Act
            likely = foia_only(likely)
        tribunal = self.searcher.tribunal(vector)
        explanation = " ".join(x for x in (_explanation(scored, neighbours, likely, text,
                                                        self.prior_note(authority), authority,
                                                        scottish),
                                            _tribunal_note(scored, tribunal)) if x)
        return QuestionAssessment(
            text=text, risk=scored.risk, level=scored.level,
            likely_exemptions=likely, precedents=shown,
            explanation=explanation, rewordings=rewordings,
            reasons=scored.reasons, tribunal=tribunal, risk_alone=scored.risk_alone,
            level_alone=scored.level_alone)

    def name_the_authority(self) -> str:
        """NAME_THE_AUTHORITY with how the kinds' replies on record differ, said as what the
        corpus holds (its police replies are mostly refusals of the questions forces publish
        logs of), not as how often forces refuse."""
        rates = self._record.kind_rates()
        return NAME_THE_AUTHORITY[:-1] + (f" ({rates})." if rates else ".")

    def prior_note(self, authority: str | None) -> str:
        """What the estimate leans on when its neighbours refused little and no cue or record
        is stated: the kind's rate for an authority with no record, else the corpus's."""
        rate = self._record.rate(authority)
        kind = authority_kind(authority)
        name = _the(authority)
        if authority and authority_key(authority) not in self._answered_keys:
            whose = (f"{name} has no replies on record, so it is judged by the rate of "
                     f"{KIND_NAMES[kind]}" if kind != "other" else
                     f"{name} has no replies on record and is of no kind this check knows, so "
                     "it is judged by the rate of all authorities")
        elif authority:
            whose = f"{name}'s own record, shrunk toward its kind's, gives"
        else:
            whose = "with no authority named, the estimate starts from the rate of all authorities"
        return (f"The estimate leans on its starting point: {whose} (about {rate:.0%} of "
                "questions refused or met with neither confirm nor deny), moved by the "
                "neighbours above and the rest of the draft.")

    # -- the draft ---------------------------------------------------------------------

    def check_draft(self, text: str, authority: str | None = None) -> Assessment:
        """Split, score, explain and reword every question of a draft."""
        questions = _questions(text)
        text = _unquoted(text)  # the advice reads the requester's words, not a quoted reply
        self.refresh()
        letter = greeted(text)
        # no greeting and no authority given: a draft that names one body in its own words
        # ('issued by Medway Council') is most likely written to it
        mentioned = named_bodies(without_signature(text)) if not (authority or letter) else []
        inferred = mentioned[0] if len(mentioned) == 1 else None
        named = authority or letter or inferred
        resolved, _ = self.resolve_authority(named)
        # an authority the corpus does not know still says what kind of body it is
        addressee = resolved or (expand_initials(named).strip() if named else None) or None
        follows = antecedents(questions)
        searched = with_antecedents(questions)
        vectors = self.searcher.embed(searched)
        found = self.neighbours_each(vectors, addressee)
        pools = [self._pool(n, addressee) for n in found]  # weighed once, for both uses
        base = self.calibration.for_authority(addressee).base_rate
        rest = riskmod.draft_contexts([riskmod.knn_logit(p, base) for p in pools])
        # the EIR govern environmental information question by question: NI Water's bonuses
        # are FOIA's beside its sewage discharges (no cost limit and no s16 under the EIR)
        laws = question_laws(is_environmental(text), searched,
                             subject=opening_subject(text, questions))
        scottish = scotland.applies(addressee, text)
        assessed = [self.assess_question(q, v, addressee, draft=d, neighbours=n,
                                         context=c if c != q else "", eir=e, scottish=scottish,
                                         pool=p)
                    for q, v, n, d, c, e, p in zip(questions, vectors, found, rest, searched,
                                                   laws, pools)]
        assessed = [replace(q, follows=a) for q, a in zip(assessed, follows)]
        editorial = editorial_questions(questions) if is_broadcaster(addressee) else []
        assessed = [_derogated(q, addressee) if i in editorial else q
                    for i, q in enumerate(assessed)]
        # the law of the draft is the law of most of its questions: one on a hospital's
        # contaminated water does not put A&E waits under the EIR
        eir = draft_law_is_eir(laws)
        foia = [i for i, e in enumerate(laws) if not e] if eir else []
        environmental = [i for i, e in enumerate(laws) if e] if not eir else []
        outside, why = editorial, EDITORIAL_WHY
        if is_water_company(addressee) and any(laws):
            # under the EIR only: a question on anything but the environment is outside the
            # law there, not FOIA's (no s16, no cost limit), and is left out, said once
            outside = [i for i, e in enumerate(laws) if not e]
            why = (f"not environmental information, which is all {addressee} must answer "
                   "for; its annual report or Ofwat may have it")
            eir, foia, environmental = True, [], []
            assessed = [_outside_eir(q, addressee) if i in outside else q
                        for i, q in enumerate(assessed)]
        mine = own_data_questions(questions, text)
        assessed = [_own_data(q) if i in mine else q for i, q in enumerate(assessed)]
        overall = draft_overall(assessed, text, eir, foia, outside=outside,
                                environmental=environmental, outside_why=why)
        if outside and not editorial:
            overall = replace(overall, verdict=(
                f"{_numbered(outside)[:1].upper()}{_numbered(outside)[1:]} "
                f"{'is' if len(outside) == 1 else 'are'} outside the law at {addressee}: a "
                "water company must answer only for environmental information (the EIR), so "
                "it need not answer; the revised draft leaves "
                f"{'it' if len(outside) == 1 else 'them'} out. The rest: "
                f"{overall.verdict[:1].lower()}{overall.verdict[1:]}"))
        if inferred and not resolved:
            overall.advice.append(f"Checked for {inferred}, the body your draft names; if you "
                                  "are writing to another, name it (a 'Dear ...' line or "
                                  "--authority).")
        elif inferred:
            overall.advice.append(f"Checked for {addressee}, the body your draft names "
                                  f"({inferred}); if you are writing to another, name it (a "
                                  "'Dear ...' line or --authority).")
        elif not addressee and len(mentioned) > 1:
            overall.advice.append(
                f"Say which authority you are writing to: your draft names "
                f"{', '.join(mentioned[:-1])} and {mentioned[-1]}, so none was assumed. Its own "
                "record, and that of authorities of its kind, makes this estimate sharper.")
        elif not addressee:
            overall.advice.append(self.name_the_authority())
        elif letter and authority and self.other_body(letter, addressee):
            overall.advice.append(f"Your draft greets {letter}, but it was checked for "
                                  f"{addressee}, the authority you named.")
        for warning in (scotland.misapplied(addressee, text), company_warning(addressee)):
            if warning:
                overall.advice.append(warning)
        if eir:  # the verdict names the exception its top ground stands for, if an EIR one
            overall = replace(overall, verdict=eir_verdict(overall.verdict,
                                                           overall.likely_exemptions, scottish))
        overall = _with_coverage(overall, addressee, editorial, assessed, scottish, eir)
        result = Assessment(assessed, overall, addressee,
                            authority_key(addressee) in self._answered_keys if addressee else False,
                            law="EIR" if eir else "FOIA")
        return scotland.adapt(result, eir, laws) if scottish else result


def _pointed(text: str, settled: SettledGround | None, authority: str | None = None,
             eir: bool = False) -> dict[str, float]:
    """The sections the wording points at; a settled ground outweighs any neighbour's. Advice
    to ministers is s35 only at a government department: anywhere else it is s36's. Under the
    EIR (`eir`) a draft plan points at r12(4)(d), read as s22 (see bot.eir.eir_cues)."""
    pointed = riskmod.exemption_cues(text)
    for section, weight in (eir_cues(text) if eir else {}).items():
        pointed[section] = pointed.get(section, 0.0) + weight
    if "s35" in pointed and authority and not is_department(authority):
        pointed["s36"] = pointed.get("s36", 0.0) + pointed.pop("s35")
    if settled:
        pointed[settled.section] = pointed.get(settled.section, 0.0) + SETTLED_WEIGHT
    return pointed


def grounded_subsections(likely: list[dict], authority: str | None, question: str
                         ) -> list[dict]:
    """The likely exemptions with each subsection other kinds of body cited that does not fit
    this one (s31(1)(f), prisons, at a police force asked about stop and search) shown as its
    section only, so the list, the verdict, the JSON and the explanation agree."""
    return [{**e, "subsection": None} if e["subsection"] and
            grounded(e["subsection"], authority, question) != e["subsection"] else e
            for e in likely]


def _standalone(question: str) -> str:
    """A question as a request of its own: 'Please also provide ...' loses its 'also'."""
    text = re.sub(r"^(please |could you |can you )?also,?\s+", r"\1", question.strip(), flags=re.I)
    return text[:1].upper() + text[1:]


# a broadcaster's journalism is outside the Act: the law settles such a question, as
# settled_law's floors do
DEROGATED_FLOOR = 0.85


def _derogated(q: QuestionAssessment, broadcaster: str | None) -> QuestionAssessment:
    """A question about a broadcaster's programmes or editorial work: outside FOI (Schedule
    1), so refused whatever its neighbours say; the explanation says so first, and no
    rewording is offered (a cost-limit sentence cannot bring journalism under the Act)."""
    name = _the(broadcaster)
    why = (f"{name[:1].upper()}{name[1:]} is under FOI only for purposes other than "
           f"{DEROGATED}, and this asks about its programmes or editorial "
           "work: expect a reply that the information is not covered by the Act.")
    return replace(q, risk=max(q.risk, DEROGATED_FLOOR), level="high",
                   risk_alone=max(q.risk_alone if q.risk_alone is not None else q.risk,
                                  DEROGATED_FLOOR), level_alone="high", rewordings=[],
                   likely_exemptions=[],  # outside the Act: no exemption is needed
                   explanation=why,  # its neighbours' grounds do not apply outside the Act
                   reasons=[f"raises the risk: {why}", *q.reasons])


def _outside_eir(q: QuestionAssessment, company: str | None) -> QuestionAssessment:
    """A question to a water company on anything but the environment: outside the EIR, the
    only law it is under, so no exemption, rewording or cost-limit sentence applies."""
    why = (f"{company or 'A water company'} is under the EIR only, for environmental "
           "information, and this asks about something else: it need not answer. Its annual "
           "report, Ofwat or the Environment Agency may have it.")
    return replace(q, risk=max(q.risk, DEROGATED_FLOOR), level="high",
                   risk_alone=max(q.risk_alone if q.risk_alone is not None else q.risk,
                                  DEROGATED_FLOOR), level_alone="high", rewordings=[],
                   likely_exemptions=[], explanation=why,
                   reasons=[f"raises the risk: {why}", *q.reasons])


def _own_data(q: QuestionAssessment) -> QuestionAssessment:
    """A question asking for the requester's own data: absolutely exempt under FOI (s40(1)),
    and a subject access request's to answer, so no FOI rewording is offered."""
    why = ("This asks for information about yourself: under FOI that is absolutely exempt "
           "(s40(1)), since FOI disclosure is to the world, but it is yours to have by a "
           "subject access request under Article 15 of the UK GDPR (free, answered within one "
           "month).")
    return replace(q, risk=max(q.risk, OWN_DATA_RISK), level="high",
                   risk_alone=max(q.risk_alone if q.risk_alone is not None else q.risk,
                                  OWN_DATA_RISK), level_alone="high", rewordings=[],
                   likely_exemptions=[dict(OWN_DATA_EXEMPTION)], explanation=why,
                   reasons=[f"raises the risk: {why}", *q.reasons])


def _the(name: str | None) -> str:
    """'the BBC' (so it is spoken of), any other name as it is."""
    name = name or "the body"
    return f"the {name}" if name.lower() in ("bbc", "british broadcasting corporation") \
        else name


def _numbered(items: Sequence[int]) -> str:
    """'question 2' or 'questions 2 and 3' (1-based)."""
    names = [str(i + 1) for i in items]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"question{'s' if len(names) > 1 else ''} {joined}"


def _with_coverage(overall: Overall, addressee: str | None, editorial: Sequence[int],
                   assessed: Sequence[QuestionAssessment], scottish: bool, eir: bool
                   ) -> Overall:
    """The verdict opens with what FOI covers when the body is outside it (a housing
    association, a company) or, at a broadcaster, when questions ask about its journalism:
    a calibrated 'low risk' means nothing for a body that need not answer at all."""
    advice = _broadcaster_advice(overall.advice, addressee) if is_broadcaster(addressee) \
        else list(overall.advice)
    if editorial:
        rest = [i for i in range(len(assessed)) if i not in editorial]
        said = (f"Likely outside FOI: {_numbered(editorial)} "
                f"ask{'s' if len(editorial) == 1 else ''} about {_the(addressee)}'s programmes "
                "or editorial work, which FOI does not cover there (Schedule 1: journalism, art "
                "or literature).")
        if rest:
            said += (f" The rest ({_numbered(rest)}) can be asked: "
                     f"{rest_risk([assessed[i].level for i in rest])}.")
        else:
            said += " Ask about spending, staff or corporate matters instead."
        return replace(overall, verdict=said, advice=advice,
                       risk=max(overall.risk, DEROGATED_FLOOR))
    head = not_covered(addressee, scottish, eir)
    said = overall.verdict
    if not head or said == OWN_DATA_VERDICT:  # a subject access request reaches any body
        return replace(overall, advice=advice)
    return replace(overall, verdict=f"{head} If it were covered: {said[:1].lower()}{said[1:]}",
                   advice=advice)


def _broadcaster_advice(advice: Sequence[str], name: str | None) -> list[str]:
    """The derogation note first, once."""
    note = BROADCASTER_NOTE.format(name=_the(name)[:1].upper() + _the(name)[1:])
    return [note, *(a for a in advice if a != note)]


def manifest_stamp(index_dir: Path | None) -> tuple[int, int, int] | None:
    """Identity of the manifest file on disk: it is replaced (new inode) on every build."""
    if index_dir is None:
        return None
    try:
        st = os.stat(index_dir / MANIFEST_FILE)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# how far (in probability) the rest of the draft must move a question's risk to be worth saying
DRAFT_REASON_SHIFT = 0.05
DRAFT_MARK = "the draft's other questions"


def _draft_reason(risk: float, alone: float) -> list[str]:
    """Say so when the rest of the draft moved the risk, and what it would be alone: it is the
    one reason that is not about the question's own wording or precedents. Relative words
    ('more likely than this one'): a question whose own precedents were all refused is pulled
    down by a draft that is merely risky, not one that resembles answered requests."""
    if risk - alone >= DRAFT_REASON_SHIFT:
        return [f"raises the risk: {DRAFT_MARK} look more likely to be refused than this one, and "
                f"authorities often refuse a request whole (on its own: {alone:.0%})"]
    if alone - risk >= DRAFT_REASON_SHIFT:
        return [f"lowers the risk: {DRAFT_MARK} look less likely to be refused than this one "
                f"(on its own: {alone:.0%})"]
    return []


def _questions(text: str) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        raise DraftError("The draft is empty: paste the questions you plan to send.")
    if len(text) > MAX_DRAFT_CHARS:
        ground = ("as manifestly unreasonable (EIR r12(4)(b))" if is_environmental(text)
                  else "under the s12 cost limit")
        raise DraftError(f"The draft is too long ({len(text):,} characters; the limit is "
                         f"{MAX_DRAFT_CHARS:,}). Long requests are often refused {ground} "
                         "anyway: split it.")
    questions = split_questions(_unquoted(text))
    if not questions:
        raise DraftError("I could not find a question in that draft.")
    return questions


# a reply quoted under a pasted e-mail: 'On 1 March 2024, FOI Team wrote:', '> ...' lines,
# '-----Original Message-----'; none of it is the requester's to check
_QUOTE_START = re.compile(r"^\s*(?:on\b.{0,120}\bwrote:|-{2,}\s*original message\s*-{2,}|"
                          r"-{2,}\s*forwarded message\s*-{2,})\s*$", re.I | re.M)


def _unquoted(text: str) -> str:
    m = _QUOTE_START.search(text)
    kept = text[:m.start()] if m and text[:m.start()].strip() else text
    return "\n".join(line for line in kept.splitlines() if not line.lstrip().startswith(">"))


def ordered_precedents(neighbours: Sequence[Precedent], authority: str | None
                       ) -> list[Precedent]:
    """What the user sees: the authority's own close precedents first, then the rest, nearest
    first. A far one is no better for being the authority's own: 'which antivirus software'
    must lead with Dover's 0.80 refusal, not Barnet's 0.33, and stop and search by ethnicity
    with Northumbria's 0.77, not West Yorkshire's 0.43 NCND on informants' pay. Only one on
    the same topic (OWN_FIRST_SIMILARITY) is lifted."""
    key = authority_key(authority)
    lifted = [p for p in neighbours if key and authority_key(p.authority) == key
              and p.similarity >= OWN_FIRST_SIMILARITY]
    ids = {p.id for p in lifted}
    return lifted + sorted((p for p in neighbours if p.id not in ids),
                           key=lambda p: -p.similarity)


def _strongest(neighbours: Sequence[Precedent], section: str, question: str = ""
               ) -> tuple[Precedent, str] | None:
    """The closest refusal under this section whose stored reply gives a reason, with that
    reason: a partial reply's excerpt may hold only what was disclosed ('some information
    provided in an attachment'), which explains nothing about the refusal. One too far to count
    as a precedent is not quoted: TfL's camera vandalism says nothing about a university's pay;
    nor one on another topic (Sheffield's CCTV spend is no reason for a question on taxis), nor
    one whose authority is not on record (an unattributed quote is no evidence)."""
    cands = [p for p in neighbours
             if p.outcome in ("refused", "ncnd", "partial") and p.answer and p.authority
             and p.similarity >= riskmod.NO_PRECEDENT_SIMILARITY
             and any(riskmod.section(e) == section for e in p.exemptions)]
    # closest first, so the topic test and the reply's parsing run only until one qualifies
    for p in sorted(cands, key=lambda p: -p.similarity):
        if question and not on_topic(f"{p.question} {p.title or ''}", question, p.similarity):
            continue
        if reason := _reasoning(p.answer, section):
            return p, reason
    return None


# words every FOI question shares, which say nothing of its topic ('spend', 'total', 'staff')
_COMMON_WORDS = (
    "the a an of to in on for and or is are was were be by with from at as it this that you "
    "your do does did have has had any all what how many much which who when where whether if "
    "so please provide number numbers total information council councils authority force trust "
    "department annual year years yearly each per last past current currently data details "
    "list copy give tell confirm can could would will i we my our me us their there been its "
    "time financial period since between including include staff team member members work "
    "people spend spent spending cost costs amount amounts paid pay money calendar received "
    "receive held hold record records recorded")
_COMMON = frozenset(_COMMON_WORDS.split())
_TOKEN = re.compile(r"[a-z]+")
# a past question this close is about the same thing, whatever its words
SAME_TOPIC_SIMILARITY = 0.8


def _topic_words(text: str) -> set[str]:
    """A question's content words, plural 's' dropped and cut to six letters ('taxis' and
    'taxi', 'cameras' and 'camera' are one)."""
    return {(w[:-1] if w.endswith("s") and len(w) > 4 else w)[:6]
            for w in _TOKEN.findall(text.lower()) if len(w) > 2 and w not in _COMMON}


def on_topic(past: str, question: str, similarity: float = 0.0) -> bool:
    """Whether a past question is about what the user asks: very close, or sharing a topic
    word ('ANPR', 'taxis'), two when the user's question has three or more."""
    if similarity >= SAME_TOPIC_SIMILARITY:
        return True
    mine, theirs = _topic_words(question), _topic_words(past)
    shared = mine & theirs
    return bool(shared) and len(shared) >= min(2, (len(mine) + 1) // 2)


def off_topic_note(query: str, found: list) -> str | None:
    """A warning when no precedent found shares the query's topic: the nearest in wording to
    'vice-chancellor pay' are fees for the Living Wage and payments to police informants,
    which say nothing of how it would fare, and a list headed 'What happened when people
    asked' must not pass them off as its answer."""
    if not found or any(on_topic(f"{p.question} {p.title or ''}", query, p.similarity)
                        for p in found):
        return None
    return (f"Nothing on record is on the topic of \"{query}\"; these are only the nearest in "
            "wording, and say little about how it would fare.")


_SENTENCES = re.compile(r"(?<=[.;:])\s+(?=\S)")
_REASONS = prefiltered(re.compile(
    r"(?<!no )\bexempt|unable to (?:provide|disclose|release)|not (?:be )?disclos|\bwithh[eo]ld"
    r"|\brefus|prejudic|would be likely|public interest|neither confirm|cost limit"
    r"|appropriate limit|exceed|section \d|\bs\.?\s?\d", re.I))
# what the corpus's summariser wrote about a reply, not the reply: 'The request was refused
# by Essex Police.', '(Excerpt shows the acknowledgement ...)', 'quoted in requester's
# annotation:', 'Answers to the ransomware questions are cut off'
_STATUS = re.compile(r"^the request was (?:\w+ ){0,3}by\b|^request (?:refused|answered)\.?$",
                     re.I)
_NOTE_WORDS = re.compile(r"\bexcerpt\b|\bshows?\b|\bshown\b|\bfollow-up\b|\blogged\b|"
                         r"\bcut off\b|\bannotation\b|\bthe page\b", re.I)
_PARENTHESISED = re.compile(r"\s*\(([^()]*)\)")
_ANNOTATION_LEAD = re.compile(r"^(?:quoted in (?:the )?requester's annotation|per the "
                              r"requester|summary)\s*:\s*", re.I)


def authority_words(answer: str) -> str:
    """A stored reply without the summariser's notes: status sentences ('The request was
    refused by X.'), parenthesised editorial notes and sentences about the excerpt are
    dropped, so only what the authority wrote is quoted as what it said."""
    text = _PARENTHESISED.sub(lambda m: "" if _NOTE_WORDS.search(m.group(1)) else m.group(0),
                              re.sub(r"\s+", " ", answer).strip())
    if _ANNOTATION_LEAD.match(text):
        return ""  # a requester's account of the reply, not the reply
    kept = [s for s in _SENTENCES.split(text)
            if not _STATUS.search(s.strip()) and not re.search(r"\bexcerpt\b|\bcut off in\b",
                                                                  s, re.I)]
    return " ".join(kept).strip()


def _reasoning(answer: str, section: str) -> str:
    """The reply from its first sentence that cites a section, names the ground ('law
    enforcement') or gives a reason to refuse; empty when no sentence does."""
    text = authority_words(answer)
    name = GROUNDS[section].name.split(" (")[0] if section in GROUNDS else None
    sentences = _SENTENCES.split(text) if text else []
    for i, sentence in enumerate(sentences):
        if _REASONS.search(sentence) or (name and name.lower() in sentence.lower()):
            return " ".join(sentences[i:])
    return ""


def cite(p: Precedent) -> str:
    """'Essex Police, 2023-01-02, ref 123': who said it, when."""
    parts = [p.authority or "A reply whose authority is not on record", p.date,
             f"ref {p.reference}" if p.reference else None]
    return ", ".join(x for x in parts if x)


def _quote(text: str, limit: int = 220) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _explanation(scored: _Scored, neighbours: Sequence[Precedent],
                 exemptions: Sequence[dict] | None = None, question: str = "",
                 prior: str = "", authority: str | None = None, scottish: bool = False) -> str:
    """Why the risk is what it is: the tally, the wording, and the likeliest grounds with the
    strongest precedent on the `question`'s topic quoted; `exemptions` as shown (with the
    EIR's exception, if any), each explained as it applies at `authority` (in Scotland's
    terms where `scottish`)."""
    top = max((p.similarity for p in neighbours), default=0.0)
    record = [f"Track record: {r.split(': ', 1)[1]}" for r in scored.reasons
              if r.startswith("track record")]
    if scored.level == "unknown":
        return " ".join([f"No close precedent: the nearest past question (similarity {top:.2f})"
                         " is too far from this one to judge from. The estimate rests on the "
                         "wording" + (" and the authority's record." if record else " alone."),
                         *record])
    parts = [_tally(neighbours), *record]
    raised = [r.split(": ", 1)[1] for r in scored.reasons
              if r.startswith("raises") and DRAFT_MARK not in r]
    if raised:
        parts.append("The wording " + "; ".join(raised) + ".")
    parts += [f"Its company counts too: {r.split(': ', 1)[1]}." for r in scored.reasons
              if DRAFT_MARK in r]
    if prior and len(parts) == 1 and scored.level in ("medium", "high") and \
            _refused_share(neighbours) < scored.risk:  # '0 of 6 refused' cannot explain 35%
        parts.append(prior)
    quoted: set[str] = set()
    # the grounds worth a paragraph: not s31's at 3% beside a pothole question
    for ex in [e for e in (exemptions or scored.exemptions)[:2]
               if e["probability"] >= EXPLAIN_FROM]:
        cited = ex["subsection"] or ex["section"]
        parts.append(explain_exception(ex["eir"], cited) if ex.get("eir")
                     else explain_citation(cited, ex["ncnd"], authority, question, scottish))
        strongest = _strongest(neighbours, ex["section"], question)
        if strongest and strongest[0].id not in quoted:  # one reply citing both: quoted once
            precedent, reason = strongest
            quoted.add(precedent.id)
            parts.append(f"{cite(precedent)} said: \"{_quote(reason)}\"")
    return " ".join(parts)


_RESULT_WORDS = {"upheld": "upheld the refusal", "partly_upheld": "partly upheld the refusal",
                 "overturned": "overturned the refusal"}


def _tribunal_note(scored: _Scored, tribunal: Sequence[TribunalPrecedent]) -> str:
    """What the tribunal did on a similar request under a likely exemption, if it ruled."""
    if scored.level == "unknown":
        return ""
    likely = {e["section"] for e in scored.exemptions[:2]}
    for t in tribunal:
        shared = sorted({e for e in t.exemptions if riskmod.section(e) in likely})
        if shared and t.result in _RESULT_WORDS:
            where = ", ".join(x for x in (t.reference, t.authority, t.date) if x)
            return (f"On appeal about a similar request, the First-tier Tribunal "
                    f"{_RESULT_WORDS[t.result]} under {', '.join(shared)} ({where}).")
    return ""


def _refused_share(neighbours: Sequence[Precedent]) -> float:
    """The share of the closest known outcomes that were refused (as `_tally` counts)."""
    known = [p for p in neighbours[:8] if p.outcome in riskmod.REFUSAL]
    return sum(p.outcome in ("refused", "ncnd") for p in known) / len(known) if known else 0.0


def _tally(neighbours: Sequence[Precedent]) -> str:
    known = [p for p in neighbours[:8] if p.outcome in riskmod.REFUSAL]
    if not known:
        return "The closest past questions have no recorded outcome."
    refused = sum(p.outcome in ("refused", "ncnd") for p in known)
    return (f"{refused} of the {len(known)} closest past questions with a known outcome "
            f"{'was' if refused == 1 else 'were'} refused or met with neither confirm nor deny.")


def _rewordings(text: str, scored: _Scored, neighbours: Sequence[Precedent],
                authority: str | None = None, context: str = "") -> list[Rewording]:
    """Patterns first, then answered precedents' wordings; the user's own question with the
    limit the likely exemption calls for when neither fits, or when the likely ground is one
    (cost, personal data, commercial...) that no pattern addressed."""
    # a sensitive question padded with harmless ones is no safer when sent: judged by the
    # riskier of the two (the split advice judges it alone too); names asked for are s40,
    # whatever the neighbours
    if scored.level not in ("medium", "high") and scored.level_alone not in ("medium", "high") \
            and not riskmod.ABOUT_PEOPLE.search(text):
        return []
    # only when its company really moved it (5 points or more), not 34.9% against 35.1%
    moved = scored.risk_alone is not None and scored.risk - scored.risk_alone >= 0.05
    # a follow-up ('If so, how much?') means nothing sent without the question it follows
    alone = [] if scored.level_alone != "low" or not moved or context else [Rewording(
        _standalone(text), f"Sent as a request of its own: alone its risk is "
        f"{scored.risk_alone:.0%}; it is "
        f"{scored.risk:.0%} here only because {DRAFT_MARK} look likely to be refused, and "
        "authorities often refuse a request whole.")]
    body = body_noun(authority, text)
    patterns = pattern_rewordings(text, body=body)
    found = patterns + precedent_rewordings(neighbours, text)
    top = scored.exemptions[0] if scored.exemptions else {}
    section = top.get("section")
    if not found or (section in TARGETED_SECTIONS and not patterns):
        found.append(fallback_rewording(text, section, body, context, bool(top.get("ncnd"))))
    return (alone + found)[:MAX_REWORDINGS]


_DEFAULT: Advisor | None = None


def check_draft(text: str, authority: str | None = None, advisor: Advisor | None = None
                ) -> Assessment:
    """The library entry point: uses `advisor`, or one opened from the default config."""
    global _DEFAULT
    if advisor is None:
        if _DEFAULT is None:
            from bot.config import load_config
            from bot.runtime import open_advisor

            _DEFAULT = open_advisor(load_config())
        advisor = _DEFAULT
    return advisor.check_draft(text, authority)
