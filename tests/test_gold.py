"""The parser measured against the hand-labelled gold set (figures in the README)."""

from __future__ import annotations

import json
from collections import Counter

from corpus.models import OUTCOMES
from tests.conftest import needs_shared
from tests.goldeval import GOLD, evaluate, render


def test_gold_set_covers_every_format_and_outcome():
    entries = [json.loads(line) for line in GOLD.read_text().splitlines()]
    questions = [q for e in entries for q in e["questions"]]
    assert len(questions) >= 80
    assert {e["format"] for e in entries} == {"text", "disclosure_log", "wdtk_threads"}
    counts = Counter(q["outcome"] for q in questions)
    assert all(counts[o] >= 6 for o in OUTCOMES), counts


@needs_shared
def test_parser_meets_its_measured_floor_on_the_gold_set(capsys):
    metrics = evaluate()
    with capsys.disabled():
        print("\n" + render(metrics))
    # The aims (90% and 0.9), now met: a regression below them fails here.
    assert metrics["accuracy"] >= 0.90
    assert metrics["exemption_f1"] >= 0.90
    assert metrics["per_format"]["text"] == 1.0
    assert metrics["unmatched"] <= 12
