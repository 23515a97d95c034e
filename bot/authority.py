"""Match what a user types ("barnet", "Leicester council") to an authority in the corpus."""

from __future__ import annotations

import difflib
import re

_NOISE = re.compile(r"\b(the|of|council|city|county|borough|district|london|metropolitan|"
                    r"royal|and|nhs|trust|foundation|police|service)\b")


def _core(name: str) -> str:
    return " ".join(_NOISE.sub(" ", name.lower()).split())


def match_authority(query: str, authorities: list[str]) -> tuple[str | None, list[str]]:
    """(the authority meant, or None; up to five suggestions when unsure)."""
    q = " ".join(query.lower().split())
    if not q:
        return None, []
    exact = [a for a in authorities if a.lower() == q]
    if exact:
        return exact[0], []
    core = _core(q) or q
    containing = [a for a in authorities if core and re.search(rf"\b{re.escape(core)}\b",
                                                               a.lower())]
    if len(containing) == 1:
        return containing[0], []
    same_core = [a for a in containing if _core(a) == core]
    if len(same_core) == 1:
        return same_core[0], []
    cores = {a: _core(a) for a in authorities}
    close = difflib.get_close_matches(core, list(cores.values()), n=5, cutoff=0.75)
    names = [a for c in close for a in authorities if cores[a] == c]
    if len(set(close)) == 1 and not containing:
        return names[0], names[1:5]
    suggestions = list(dict.fromkeys(containing + names))[:5]
    return None, suggestions
