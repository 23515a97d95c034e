"""Match what a user types ("barnet", "Leicester council") to an authority in the corpus.

Spellings of one authority ('London Borough of Barnet', 'Barnet Council', 'barnet.gov.uk')
share one key; the commonest spelling names the group.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from bot.track_record import authority_kind
from corpus.header import authority_key, canonical_names, is_generic


def _groups(authorities: Sequence[str]) -> dict[str, str]:
    """key -> the name that shows the authority (see canonical_names)."""
    return {authority_key(name): shown for name, shown in canonical_names(authorities).items()}


def _kind(key: str) -> str:
    """'police' or 'nhs' when a key names a force or an NHS body (see authority_key)."""
    last = key.rsplit(" ", 1)[-1]
    return last if last in ("police", "nhs") else ""


def match_authority(query: str, authorities: Sequence[str]) -> tuple[str | None, list[str]]:
    """(the authority meant, or None; up to five suggestions when unsure)."""
    q = " ".join(query.lower().split())
    if not q:
        return None, []
    groups = _groups(authorities)
    key = authority_key(q)
    if key in groups:
        return groups[key], []
    if _kind(key):  # Lincolnshire Police is not Lincolnshire County Council
        groups = {k: name for k, name in groups.items() if _kind(k) == _kind(key)}
    kind = authority_kind(query)
    if kind != "other":  # nor is Leeds City Council the University of Leeds
        groups = {k: name for k, name in groups.items() if authority_kind(name) == kind}
    if is_generic(q):  # only generic words ("council", "police"): offer the names that contain them
        hits = [name for name in groups.values() if re.search(rf"\b{re.escape(q)}\b",
                                                              name.lower())]
        return (hits[0], []) if len(hits) == 1 else (None, hits[:5])
    containing = [name for k, name in groups.items() if re.search(rf"\b{re.escape(key)}\b", k)]
    if len(containing) == 1:
        return containing[0], []
    close = [c for c in difflib.get_close_matches(key, list(groups), n=5, cutoff=0.75)
             if _same_place(key, c)]  # 'Gwent Police' is no suggestion for 'Kent Police'
    if len(close) == 1 and not containing:
        return groups[close[0]], []
    suggestions = list(dict.fromkeys(containing + [groups[c] for c in close]))[:5]
    return None, suggestions


def _same_place(key: str, other: str) -> bool:
    """A near-spelling names the same authority only if its first word, the place, is near:
    'leeds teaching hospitals' is not 'blackpool teaching hospitals'."""
    return difflib.SequenceMatcher(None, key.split()[0], other.split()[0]).ratio() >= 0.8
