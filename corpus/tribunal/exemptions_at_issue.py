"""The exemptions a decision is about, most argued first.

Each paragraph counts once for each citation in it (``find_exemptions`` on the text around
each likely citation, whitespace collapsed so line-wrapped citations count); the "Subject
matter" header counts three times; "vexatious" and "cost limit" stand for s14 and s12 when
never cited by number. A section is kept when cited in at least two paragraphs and in at
least a sixth as many as the most cited section (or when it is the only one); sections are
ranked by that count. Within a section the most cited citations are kept (up to three, each
at least a quarter as cited as the best), each as specific as the text makes it (a bare s38
becomes s38(1)). At most ``MAX_EXEMPTIONS``. Procedural sections never appear. When the top
citation is an EIR regulation the regime is EIR, and an EIR decision's "section 12(4)(b)" is
read as r12(4)(b).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from corpus.exemptions import find_exemptions, section_of
from corpus.tribunal.text import _HEADER_SCAN, _SPACES

MAX_EXEMPTIONS = 5

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MAYBE_CITE = re.compile(  # an exemption-numbered section or regulation, cheaply
    r"[sr](?<![\w'’][sr])(?:ections?|ecs?|s|egulations?|egs?)?\.?\s*(?:1[234]|2\d|3\d|4[0-4])"
    r"(?!\d)"
)
_CITE_WINDOW = 90
_SUBJECT = re.compile(r"subject\s+matter\s*:?(.{0,400})", re.S)
_EIR_AS_SECTION = re.compile(r"^s1[23](?:\([45]\)(?:\([a-g]\))?|\([12]\))?$")
_IMPLIED = ((("vexatious",), "s14"), (("appropriate limit", "cost limit", "costs limit"), "s12"))


def _paragraph_cites(raw: str, low: str) -> Counter:
    """How many paragraphs cite each exemption, as `find_exemptions` writes them."""
    counts: Counter = Counter()
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(low)]
    spans: list[tuple[int, int, int]] = []  # (paragraph, start, end) of citation windows
    for hit in _MAYBE_CITE.finditer(low):
        i = bisect_right(starts, hit.start()) - 1
        end = hit.start() + _CITE_WINDOW  # the citation and a list after it ('40(2) and 41')
        if spans and spans[-1][0] == i and hit.start() <= spans[-1][2]:
            spans[-1] = (i, spans[-1][1], end)
        else:
            spans.append((i, hit.start(), end))
    paragraph, cites = -1, {}  # a dict keeps first-mention order, so ties break the same way
    for i, start, end in spans:
        if i != paragraph:
            counts.update(cites.keys())
            paragraph, cites = i, {}
        window = _SPACES.sub(" ", raw[start:end])  # one space per layout gap
        cites.update(dict.fromkeys(find_exemptions(window, implied=False)))
    counts.update(cites.keys())
    subject = _SUBJECT.search(low, 0, _HEADER_SCAN)
    if subject:
        for cite in find_exemptions(raw[subject.start(1): subject.end(1)], implied=False):
            counts[cite] += 3
    return counts


def _for_regime(found: Counter, low: str, regime: str) -> Counter:
    """EIR decisions' 'section 12(4)(b)' read as r12(4)(b); implied s12/s14 counted by mention."""
    counts: Counter = Counter()
    for cite, n in found.items():
        if regime == "EIR" and _EIR_AS_SECTION.match(cite) and (
                cite.startswith("s13") or "(4)" in cite or "(5)" in cite):
            cite = "r" + cite[1:]
        counts[cite] += n
    for phrases, section in _IMPLIED:
        if (section == "s14" and regime == "EIR") or any(section_of(c) == section for c in counts):
            continue
        mentions = sum(low.count(p) for p in phrases)
        if mentions >= 2:
            counts[section] = mentions
    return counts


def _within_section(cites: list[str], counts: Counter) -> list[str]:
    """The section's most used citations (up to 3), each as specific as the text makes it:
    a bare 's38' becomes its most cited refinement 's38(1)'."""
    cites.sort(key=lambda c: (-counts[c], c))
    best = counts[cites[0]]
    chosen = [c for c in cites if c == cites[0] or (counts[c] >= 2 and counts[c] * 4 >= best)]
    out: list[str] = []
    for cite in chosen:
        finer = [o for o in cites if o != cite and o.startswith(cite + "(")]
        if finer:
            cite = max(finer, key=lambda o: (counts[o], -len(o)))
        if cite not in out:
            out.append(cite)
    out = [c for c in out if not any(o != c and o.startswith(c + "(") for o in out)]
    return out[:3]


def _exemptions(found: Counter, low: str, regime: str) -> tuple[str, ...]:
    """The exemptions the decision is about, most argued first (see the module docstring)."""
    counts = _for_regime(found, low, regime)
    if not counts:
        return ()
    by_section: Counter = Counter()
    for cite, n in counts.items():
        by_section[section_of(cite)] += n
    top = max(by_section.values())
    keep = [s for s, n in by_section.most_common() if n >= 2 and n * 6 >= top]
    out: list[str] = []
    for section in keep or [by_section.most_common(1)[0][0]]:
        out.extend(_within_section([c for c in counts if section_of(c) == section], counts))
    return tuple(out[:MAX_EXEMPTIONS])
