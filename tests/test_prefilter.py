"""The quick first test in front of the check's case-insensitive patterns (bot/prefilter.py)
must never change an answer: every pattern the check wraps finds exactly what it found alone."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from bot.prefilter import Prefiltered, foldable, lowered_pattern, prefiltered

DATA = Path(__file__).parent / "data"
MODULES = ("bot.risk", "bot.settled_law", "bot.eir", "bot.reword", "bot.advice", "bot.overall",
           "bot.scotland", "bot.authority")


def _wrapped() -> list[tuple[str, Prefiltered]]:
    """Every Prefiltered the check's modules hold, alone or in a table of patterns."""
    found: dict[int, tuple[str, Prefiltered]] = {}

    def visit(obj, name: str, depth: int = 0) -> None:
        if isinstance(obj, Prefiltered):
            found.setdefault(id(obj), (name, obj))
        elif isinstance(obj, (list, tuple)) and depth < 2:
            for i, item in enumerate(obj):
                visit(item, f"{name}[{i}]", depth + 1)

    for module in MODULES:
        for attr, value in vars(importlib.import_module(module)).items():
            visit(value, f"{module}.{attr}")
    return sorted(found.values(), key=lambda pair: pair[0])


def _texts() -> list[str]:
    """Real questions from the hand-labelled sets, each also in capitals and in title case
    (what case-insensitive matching must find), and a few whose letters go beyond ASCII."""
    texts: list[str] = []
    for path in sorted(DATA.glob("gold*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            texts += [q["text"] for q in json.loads(line)["questions"]]
    texts = list(dict.fromkeys(texts))[::3]
    return texts + [t.upper() for t in texts[::4]] + [t.title() for t in texts[::4]] + [
        "How many ſewage discharges into the Thames?",  # the long s pairs with 's' in re.I
        "What is the temperature in \u212aelvin of the incinerator?",  # the Kelvin sign
        "How much did the council spend on café refurbishment (£)?",
        "Please provide the names of staff – Mr Jenkins’ team – in 2023.",
        "Dŵr Cymru sewage spills into the River Taff in 2023"]


WRAPPED = _wrapped()
TEXTS = _texts()


def test_the_check_wraps_its_costliest_patterns():
    names = {name for name, _ in WRAPPED}
    for expected in ("bot.eir._ENVIRONMENTAL", "bot.risk.ABOUT_PEOPLE",
                     "bot.settled_law._DEPARTMENT", "bot.scotland._BODY"):
        assert expected in names
    assert len(WRAPPED) > 40 and len(TEXTS) > 1000


@pytest.mark.parametrize(("name", "wrapped"), WRAPPED, ids=[n for n, _ in WRAPPED])
def test_a_wrapped_pattern_finds_exactly_what_it_found_alone(name, wrapped):
    for text in TEXTS:
        got, want = wrapped.search(text), wrapped.original.search(text)
        assert (got and got.span()) == (want and want.span()), (name, text)


def test_case_insensitive_matches_beyond_ascii_are_kept():
    rx = prefiltered(re.compile(r"\bsewage\b", re.I))
    assert isinstance(rx, Prefiltered)
    assert rx.search("SEWAGE spills") and rx.search("ſewage spills")  # long s: re.I pairs them
    assert rx.search("Sewage, £5m") and not rx.search("a sewer, £5m")


def test_only_patterns_safe_to_lower_are_wrapped_on_their_own():
    assert foldable(re.compile(r"\b(?:cctv|anpr)\b\S*", re.I))
    assert not foldable(re.compile(r"\bcctv\b"))  # case matters: capitals only
    assert not foldable(re.compile(r"\b[A-Z]\w+", re.I))  # [a-z] would match nothing lowered
    assert not foldable(re.compile(r"\bEIR\b|(?i:regulations)", re.I))
    assert foldable(re.compile(r"\bcopies of (?P<kind>agreements?)", re.I))  # a group's name
    assert prefiltered(re.compile(r"\bMr [A-Z]\w+")).__class__ is re.Pattern


def test_a_lowered_pattern_keeps_escapes_and_drops_inline_case_flags():
    assert lowered_pattern(r"\bMr\.? [A-Z]\S+|(?i:Names)") == r"\bmr\.? [a-z]\S+|(?:names)"
    assert lowered_pattern(r"(?-i:IT)|\W") == r"(?:it)|\W"


def test_everything_but_search_is_the_original_patterns():
    rx = re.compile(r"\bpolicy\b", re.I)
    wrapped = prefiltered(rx)
    assert wrapped.sub("plan", "The Policy and the POLICY") == "The plan and the plan"
    assert wrapped.pattern == rx.pattern and wrapped.flags == rx.flags
    assert prefiltered(wrapped) is wrapped
