"""The parser measured against the hand-labelled gold set (figures in the README)."""

from __future__ import annotations

import json
from collections import Counter

from corpus.models import OUTCOMES
from tests.conftest import needs_shared
from tests.goldeval import GOLD, evaluate, held_out_paths, render


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
    # The aims (90% and 0.9), met on this development set only (the parser was tuned
    # on it; see the blind sets below): a regression below them fails here.
    assert metrics["accuracy"] >= 0.90
    assert metrics["exemption_f1"] >= 0.90
    assert metrics["per_format"]["text"] == 1.0
    assert metrics["unmatched"] <= 12


@needs_shared
def test_parser_on_the_sets_labelled_blind_does_not_regress(capsys):
    """The held-out sets were labelled by someone who never saw the parser's output; the
    floors sit just under today's figures (see the README: the 90% aim is not met there)."""
    floors = {"gold_holdout.jsonl": (0.77, 0.93), "gold_test.jsonl": (0.85, 0.80),
              "gold_blind.jsonl": (0.80, 0.82), "gold_blind2.jsonl": (0.91, 0.93),
              "gold_blind3.jsonl": (0.84, 0.77), "gold_blind4.jsonl": (0.80, 0.81),
              "gold_blind5.jsonl": (0.66, 0.81), "gold_blind6.jsonl": (0.72, 0.80),
              "gold_blind7.jsonl": (0.81, 0.86), "gold_blind8.jsonl": (0.62, 0.66),
              "gold_blind9.jsonl": (0.79, 0.72), "gold_blind10.jsonl": (0.72, 0.83),
              "gold_blind11.jsonl": (0.75, 0.69), "gold_blind12.jsonl": (0.81, 0.79),
              "gold_blind13.jsonl": (0.74, 0.61), "gold_blind14.jsonl": (0.81, 0.88),
              "gold_blind15.jsonl": (0.75, 0.70),
              "gold_blind16.jsonl": (0.79, 0.77), "gold_blind17.jsonl": (0.63, 0.63),
              "gold_blind18.jsonl": (0.70, 0.66), "gold_blind19.jsonl": (0.67, 0.85),
              "gold_blind20.jsonl": (0.81, 0.83), "gold_blind21.jsonl": (0.74, 0.71),
              "gold_blind22.jsonl": (0.84, 0.72), "gold_blind23.jsonl": (0.71, 0.89),
              "gold_blind24.jsonl": (0.79, 0.90), "gold_blind25.jsonl": (0.74, 0.80),
              "gold_blind26.jsonl": (0.64, 0.66), "gold_blind27.jsonl": (0.57, 0.77),
              "gold_blind28.jsonl": (0.75, 0.94), "gold_blind29.jsonl": (0.84, 0.60),
              "gold_blind30.jsonl": (0.72, 1.00), "gold_blind31.jsonl": (0.48, 0.42)}
    for path in held_out_paths():
        metrics = evaluate(path)
        with capsys.disabled():
            print(f"\n{path.name}: " + render(metrics).splitlines()[0])
        accuracy, f1 = floors[path.name]
        assert metrics["accuracy"] >= accuracy and metrics["exemption_f1"] >= f1, path.name


@needs_shared
def test_two_labellers_agree_where_the_parser_is_measured(capsys):
    """Second labellings of gold_blind5's and gold_blind12's records: agreement with the first
    is the ceiling the parser can be measured at (the README sets the parser beside it); a
    file against itself agrees on everything."""
    from tests.goldeval import SECOND_OPINION

    for name, second in SECOND_OPINION.items():
        first = GOLD.parent / name
        agreement = evaluate(first, GOLD.parent / second)
        with capsys.disabled():
            print(f"\ntwo labellers on {name}: " + render(agreement).splitlines()[0])
        assert 0.85 <= agreement["accuracy"] < 1.0
        assert evaluate(first, first)["accuracy"] == 1.0
