"""How often an authority, and authorities of its kind, refused or NCND'd past questions.

Refusal habits differ far more between authorities than between questions: of the past
questions the corpus holds, those put to police forces were refused or NCND'd about seven
times in ten and those put to councils about one in six (the make-up of the replies on record,
which lean to refused cyber and security requests, not a measure of police practice). So
when the requester names the authority, its own record (or, for an authority the corpus
barely knows, the record of its kind) is evidence the risk model weighs beside the
neighbours. Pure logic: counts in, rates out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from corpus.header import authority_key

REFUSED = ("refused", "ncnd")
COUNTED = (*REFUSED, "answered")
# A record of n requests counts as n observations against this many of the level above
# (authority -> its kind -> the whole corpus): two requests do not make a habit. (Counted by
# request, not question, on the fourteenth session's labels: leave-one-document-out AUC with the
# authority named 0.836 -> 0.839, leave-one-authority-out 0.725 -> 0.745; see the README.)
PSEUDO_COUNT = 3.0
KIND_PSEUDO_COUNT = 3.0

# First match wins: a "Fire and Rescue Service" is not a council, a "Police and Crime
# Commissioner" is policing, "Home Office" is central government.
KINDS = (
    ("police", re.compile(r"police|constabulary|crime commissioner|counter terrorism|heddlu|"
                          r"chief constable", re.I)),
    ("fire", re.compile(r"\bfire\b", re.I)),
    # a department or regulator of health is government, not an NHS body
    ("central", re.compile(r"department of health|\bdhsc\b|health and safety executive|\bhse\b|"
                           r"health security agency|\bukhsa\b|care quality commission|\bcqc\b|"
                           r"health service ombudsman", re.I)),
    # an Integrated Care Board (or the clinical commissioning group it replaced) commissions
    # NHS care: a health body, not a council, though its name says neither 'NHS' nor 'trust'
    ("health", re.compile(r"\bnhs\b|hospital|health|\bcare\b.*\btrust\b|nhs\.wales|ambulance|"
                          r"integrated care (?:board|system)s?\b|\bicbs?\b|clinical "
                          r"commissioning groups?\b|\bccgs?\b|commissioning support unit|"
                          r"common services agency",
                          re.I)),
    # a school is not a university: it borrows no university's record
    ("school", re.compile(r"\bschool\b|\bacadem(?:y|ies)\b", re.I)),
    ("education", re.compile(r"universit|college", re.I)),
    # TfL answers to the Mayor, Network Rail runs the railway: transport bodies, not ministries
    ("transport", re.compile(r"transport for (?:london|greater manchester|wales|the north|west "
                             r"midlands)|\btf(?:l|gm|wm|w)\b|network rail|\btravel west "
                             r"midlands", re.I)),
    ("central", re.compile(r"ministry|department|home office|\bnational\b|regulator|"
                           r"commissioner|\bgovernment\b|ordnance|\bos\.uk\b|cabinet office|"
                           r"\bhm (?:treasury|revenue)|\b(?:mod|moj|dwp|hmrc|dfe|dft|dhsc|defra|"
                           r"fcdo|dvla|hmpps|noms|ukvi|ofsted|ofs)\b|foreign,? commonwealth|"
                           r"border force|visas and immigration|office for students|"
                           r"gov\.scot|standards authority|british council|nationalarchives|"
                           r"thepensionsregulator|"
                           # executive agencies and national bodies: the Environment Agency,
                           # HMPPS and its prisons, the CPS, the courts service, ombudsmen
                           r"\bagency\b|\bprisons?\b|\bhmp\b|probation|crown prosecution|"
                           r"\bcps\b|serious fraud office|courts? (?:and|&) tribunals|\bhmcts\b|"
                           r"courts? service|ombudsman|land registry|companies house|"
                           r"insolvency service|met(?:eorological)? office|natural england|"
                           r"historic england|charity commission|electoral commission|"
                           r"gambling commission|financial conduct authority|\bfca\b|"
                           r"civil aviation authority|competition (?:and|&) markets|\bmhra\b|"
                           r"\bof(?:com|gem|wat|qual)\b|her majesty['’]s|\bh\.? ?m\.? treasury|"
                           r"secretary of state", re.I)),
    ("council", re.compile(r"council|c?yngor|gyngor|borough|district|county|\bcity\b|"
                           r"\.gov\.(uk|wales)$",
                           re.I)),
)
KIND_NAMES = {"police": "police forces", "fire": "fire and rescue services",
              "health": "NHS bodies", "education": "universities and colleges",
              "central": "central government and national bodies", "council": "councils",
              "transport": "transport bodies", "school": "schools",
              "other": "other public bodies"}


# what one authority of a kind is called, to say how many different ones a record spans
MEMBER_NOUNS = {"police": ("force", "forces"), "fire": ("service", "services"),
                "health": ("NHS body", "NHS bodies"), "education": ("institution", "institutions"),
                "central": ("body", "bodies"), "council": ("council", "councils"),
                "transport": ("body", "bodies"), "school": ("school", "schools"),
                "other": ("body", "bodies")}


def _requests(n: int) -> str:
    return f"{n} request" if n == 1 else f"{n} requests"


def _at(members: int, kind: str) -> str:
    """', at 9 different services': how many authorities a kind's record spans, said only
    when few (a habit of 2 forces is not one of 40); ', all at one force' for one."""
    if members >= 10 or members < 1:
        return ""
    one, many = MEMBER_NOUNS.get(kind, MEMBER_NOUNS["other"])
    return f", all at one {one}" if members == 1 else f", at {members} different {many}"


@lru_cache(maxsize=1024)  # a check asks it of ~30 neighbours' authorities per question
def authority_kind(name: str | None) -> str:
    """The kind of public body a name denotes ('other' when the name does not say)."""
    return next((kind for kind, rx in KINDS if name and rx.search(name)), "other")


@dataclass(frozen=True)
class Tally:
    """Questions refused of those answered or refused; and the same counted by request, each
    request one observation however many parts it had (`weighed_*`)."""

    refused: int = 0
    total: int = 0
    weighed_refused: float = 0.0
    weighed_total: float = 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.refused + other.refused, self.total + other.total,
                     self.weighed_refused + other.weighed_refused,
                     self.weighed_total + other.weighed_total)

    def __sub__(self, other: Tally) -> Tally:
        return Tally(self.refused - other.refused, self.total - other.total,
                     self.weighed_refused - other.weighed_refused,
                     self.weighed_total - other.weighed_total)


def _shrunk(tally: Tally, toward: float) -> float:
    """An authority's rate: nine parts of one request refused in one reply are one refusal,
    not nine (Cardiff's record is one protest-security request), so it counts its requests."""
    return (tally.weighed_refused + PSEUDO_COUNT * toward) / (tally.weighed_total + PSEUDO_COUNT)


def _shrunk_by_members(tally: Tally, members: int, toward: float) -> float:
    """A kind's rate, each request counted once, weighed as `members` observations (its
    authorities), not its questions."""
    if not tally.total:
        return toward
    rate = tally.weighed_refused / tally.weighed_total if tally.weighed_total > 0 else toward
    return (members * rate + KIND_PSEUDO_COUNT * toward) / (members + KIND_PSEUDO_COUNT)


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class TrackRecord:
    """Refused-or-NCND tallies per authority key and per kind, over questions whose
    outcome is known."""

    by_authority: dict[str, Tally] = field(default_factory=dict)
    by_kind: dict[str, Tally] = field(default_factory=dict)
    overall: Tally = Tally()
    names: dict[str, str] = field(default_factory=dict)  # authority key -> a spelling of it

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> TrackRecord:
        refused: Counter = Counter()
        total: Counter = Counter()
        w_refused: Counter = Counter()
        w_total: Counter = Counter()
        names: dict[str, str] = {}
        counted = [r for r in rows if r["outcome"] in COUNTED]
        parts = Counter(r.get("document_id") for r in counted)
        for r in counted:
            name = r["authority"]
            names.setdefault(authority_key(name), name)
            share = 1.0 / parts[r.get("document_id")]
            for key in (("a", authority_key(name)), ("k", authority_kind(name))):
                total[key] += 1
                refused[key] += r["outcome"] in REFUSED
                w_total[key] += share
                w_refused[key] += share * (r["outcome"] in REFUSED)

        def tallies(tag: str) -> dict[str, Tally]:
            return {k: Tally(refused[(t, k)], n, w_refused[(t, k)], w_total[(t, k)])
                    for (t, k), n in total.items() if t == tag}
        by_kind = tallies("k")
        overall = sum(by_kind.values(), Tally())
        return cls(tallies("a"), by_kind, overall, names)

    def minus(self, other: TrackRecord) -> TrackRecord:
        """This record without the questions of `other` (a held-out document or authority)."""
        def less(mine: dict[str, Tally], theirs: dict[str, Tally]) -> dict[str, Tally]:
            return {k: t - theirs.get(k, Tally()) for k, t in mine.items()}
        return TrackRecord(less(self.by_authority, other.by_authority),
                           less(self.by_kind, other.by_kind), self.overall - other.overall,
                           self.names)

    @cached_property
    def members(self) -> Counter:
        """How many authorities of each kind the record holds: a kind's habit carries over to
        a new authority as far as many authorities show it, not many questions to a few."""
        return Counter(authority_kind(self.names.get(k)) for k, t in self.by_authority.items()
                       if t.total > 0)

    @property
    def base_rate(self) -> float:
        return self.overall.refused / self.overall.total if self.overall.total else 0.0

    def rate(self, authority: str | None) -> float:
        """The authority's refusal rate, shrunk toward its kind's, shrunk toward the corpus's.
        With no authority named, the corpus's own rate: no evidence either way."""
        if not authority:
            return self.base_rate
        kind_of = authority_kind(authority)
        kind = _shrunk_by_members(self.by_kind.get(kind_of, Tally()),
                                  self.members.get(kind_of, 0), self.base_rate)
        return _shrunk(self.by_authority.get(authority_key(authority), Tally()), kind)

    def kind_rates(self, kinds: tuple[str, ...] = ("police", "council")) -> str:
        """'in the 294 past questions to police forces on record, 208 were refused or NCND'd;
        councils 150 of 950': the kinds' rates said as what the replies on record show, for
        advice that would otherwise state the corpus's make-up as police practice."""
        said = []
        for kind in kinds:
            t = self.by_kind.get(kind, Tally())
            if not t.total:
                continue
            if not said:
                said.append(f"in the {t.total} past questions to {KIND_NAMES[kind]} on record, "
                            f"{t.refused} {'was' if t.refused == 1 else 'were'} refused or "
                            "NCND'd")
            else:
                said.append(f"{KIND_NAMES[kind]} {t.refused} of {t.total}")
        return "; ".join(said)

    def describe(self, authority: str | None) -> str | None:
        """One plain sentence on the record behind `rate`, for the user; None if none."""
        if not authority:
            return None
        own = self.by_authority.get(authority_key(authority), Tally())
        kind = authority_kind(authority)
        of_kind = self.by_kind.get(kind, Tally())
        known_kind = of_kind.total and kind != "other"
        # the rate counts requests, so the sentence says how many lie behind the questions
        at = f" ({_requests(round(of_kind.weighed_total))}{_at(self.members[kind], kind)})"
        if own.total:
            requests = round(own.weighed_total)
            said = (f"{authority} refused or NCND'd {own.refused} of the {own.total} past "
                    f"questions on record ({_requests(requests)})")
            return said + (f"; {KIND_NAMES[kind]} {of_kind.refused} of {of_kind.total}{at}."
                           if known_kind else ".")
        if known_kind:
            return (f"no answered or refused questions to {authority} on record; "
                    f"{KIND_NAMES[kind]} refused "
                    f"or NCND'd {of_kind.refused} of {of_kind.total}{at}.")
        return None
