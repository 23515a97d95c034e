"""The evaluation's statistics: AUC with ties, and intervals that resample whole documents."""

from __future__ import annotations

import numpy as np

from bot.evaluate import SPLITS, _neighbour_lists, auc, auc_interval


def test_auc_counts_ties_as_half_and_orders_correctly():
    assert auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0
    assert auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]) == 0.5
    # one positive tied with one negative, above the other negative: (1 + 0.5) / 2
    assert auc([0.3, 0.7, 0.7], [0, 0, 1]) == 0.75
    assert np.isnan(auc([0.1, 0.2], [1, 1]))


def test_interval_brackets_the_auc_and_a_margin_over_itself_is_zero():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 2, 400)
    good = labels + rng.normal(0, 0.8, 400)
    noise = rng.normal(0, 1, 400)
    documents = [f"d{i // 4}" for i in range(400)]
    lo, hi = auc_interval(good, labels, documents)
    assert lo < auc(good, labels) < hi and hi - lo < 0.2
    assert auc_interval(good, labels, documents, baseline=good) == (0.0, 0.0)
    lo, hi = auc_interval(good, labels, documents, baseline=noise)
    assert lo > 0.1  # a real margin stays clear of zero
    lo, hi = auc_interval(noise, labels, documents, baseline=rng.normal(0, 1, 400))
    assert lo < 0 < hi  # two guesses: no margin either way


def test_resampling_whole_documents_widens_the_interval_of_clustered_data():
    rng = np.random.default_rng(2)
    doc_label = rng.integers(0, 2, 50)
    labels = np.repeat(doc_label, 8)
    scores = np.repeat(doc_label + rng.normal(0, 1.2, 50), 8)  # one score per document
    by_document = auc_interval(scores, labels, [f"d{i // 8}" for i in range(400)])
    as_if_independent = auc_interval(scores, labels, [f"q{i}" for i in range(400)])
    assert by_document[1] - by_document[0] > as_if_independent[1] - as_if_independent[0]


def test_the_evaluation_counts_one_question_per_past_request_and_hides_the_own_document():
    rows = [{"id": i, "document_id": doc, "authority": "A", "outcome": outcome, "exemptions": []}
            for i, (doc, outcome) in enumerate([("q", "answered"), ("d1", "refused"),
                                                ("d1", "refused"), ("d2", "answered"),
                                                ("d1", "refused"), ("q", "refused")])]
    ids = np.array([[5, 1, 2, 3, 4]])  # the question's own document first, then d1 twice...
    sims = np.array([[0.99, 0.9, 0.85, 0.8, 0.7]])
    (found,) = _neighbour_lists(rows[:1], rows, (ids, sims), SPLITS[0], named=False)
    assert [(n.similarity, n.outcome) for n in found] == [(0.9, "refused"), (0.8, "answered")]
