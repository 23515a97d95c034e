"""How well the risk predicts refusals, on splits that hide the answer.

Leave-one-document-out (a question never sees its own document) and leave-one-authority-out
(the same request often went to many authorities, so hide the authority's whole history),
beside a majority baseline and a BM25 nearest-neighbour baseline on the same splits.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot import risk as riskmod
from corpus.exemptions import section_of
from index.build import indexed_text
from index.search import Searcher

POSITIVE = ("refused", "ncnd")
NEGATIVE = ("answered",)
POOL = 80
K = 25


@dataclass(frozen=True)
class Split:
    name: str
    key: Callable[[dict], str]


SPLITS = (Split("leave-one-document-out", lambda r: r["document_id"]),
          Split("leave-one-authority-out", lambda r: (r["authority"] or r["document_id"]).lower()))


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC-AUC by the rank-sum formula (ties get average ranks)."""
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if not pos or not neg:
        return float("nan")
    order = s.argsort()
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def _neighbour_lists(rows: list[dict], ids: np.ndarray, sims: np.ndarray,
                     split: Split) -> list[list[riskmod.Neighbour]]:
    by_id = {r["id"]: r for r in rows}
    out = []
    for row, id_row, sim_row in zip(rows, ids, sims):
        own = split.key(row)
        keep = []
        for qid, sim in zip(id_row, sim_row):
            other = by_id.get(int(qid))
            if other is None or split.key(other) == own:
                continue
            keep.append(riskmod.Neighbour(float(sim), other["outcome"], tuple(other["exemptions"])))
            if len(keep) >= K:
                break
        out.append(keep)
    return out


def dense_neighbours(searcher: Searcher, rows: list[dict], split: Split):
    vectors = np.vstack([searcher.index.faiss_index.reconstruct(int(r["id"])) for r in rows])
    sims, ids = searcher.index.search_many(vectors, POOL)
    return _neighbour_lists(rows, ids, sims, split)


def bm25_neighbours(rows: list[dict], split: Split):
    import bm25s

    corpus = [indexed_text(r["text"], r.get("title")) for r in rows]  # what the index embeds
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False),
                    show_progress=False)
    docs, scores = retriever.retrieve(bm25s.tokenize(corpus, stopwords="en", show_progress=False),
                                      k=min(POOL, len(rows)), show_progress=False)
    top = np.maximum(scores.max(axis=1, keepdims=True), 1e-9)
    ids = np.array([[rows[j]["id"] for j in row] for row in docs])
    return _neighbour_lists(rows, ids, scores / top, split)


def labelled(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["outcome"] in POSITIVE + NEGATIVE]


def calibrate(searcher: Searcher) -> riskmod.Calibration:
    """Fit the risk model on leave-one-document-out features of the whole corpus."""
    rows = labelled(searcher.rows())
    if len(rows) < 20:
        return riskmod.Calibration()
    base = sum(r["outcome"] in POSITIVE for r in rows) / len(rows)
    neighbours = dense_neighbours(searcher, rows, SPLITS[0])
    data = [(riskmod.features(r["text"], n, base), int(r["outcome"] in POSITIVE))
            for r, n in zip(rows, neighbours)]
    return riskmod.fit_calibration(data, base)


def _cross_fitted(rows, neighbours, base, folds: int = 5) -> list[float]:
    """Risk for each question from a model fitted on the other folds, grouped by document.

    The model has four weights, none tied to an authority; grouping its folds by authority
    would instead give each fold a different base rate (Sheffield's threads alone are a fifth
    of the authorities' weight and mostly answered) and pooled scores would mix scales."""
    feats = [riskmod.features(r["text"], n, base) for r, n in zip(rows, neighbours)]
    labels = [int(r["outcome"] in POSITIVE) for r in rows]
    fold = [zlib.crc32(r["document_id"].encode()) % folds for r in rows]
    scores = [0.0] * len(rows)
    for f in range(folds):
        train = [(x, y) for x, y, k in zip(feats, labels, fold) if k != f]
        cal = riskmod.fit_calibration(train, base)
        for i, k in enumerate(fold):
            if k == f:
                scores[i] = riskmod.score(feats[i], cal)
    return scores


def _top2(neighbour_lists, rows, risks) -> float:
    prior = riskmod.section_prior(rows)
    hits = total = 0
    for r, n, risk in zip(rows, neighbour_lists, risks):
        cited = {section_of(e) for e in r["exemptions"]}
        if r["outcome"] not in POSITIVE or not cited:
            continue
        total += 1
        predicted = [e["section"] for e in riskmod.likely_exemptions(n, max(risk, 1e-3), 2,
                                                                     prior)]
        hits += bool(cited & set(predicted))
    return hits / total if total else float("nan")


def _majority_top2(rows) -> float:
    counts = Counter(section_of(e) for r in rows if r["outcome"] in POSITIVE
                     for e in set(r["exemptions"]))
    top = {s for s, _ in counts.most_common(2)}
    cited = [{section_of(e) for e in r["exemptions"]} for r in rows
             if r["outcome"] in POSITIVE and r["exemptions"]]
    return sum(bool(c & top) for c in cited) / len(cited) if cited else float("nan")


def evaluate(searcher: Searcher) -> list[dict]:
    """One result row per (split, method)."""
    rows = labelled(searcher.rows())
    labels = [int(r["outcome"] in POSITIVE) for r in rows]
    base = sum(labels) / len(labels)
    results = []
    for split in SPLITS:
        dense = dense_neighbours(searcher, rows, split)
        lexical = bm25_neighbours(rows, split)
        model = _cross_fitted(rows, dense, base)
        knn_only = [riskmod.knn_rate(n, base) for n in dense]
        bm25 = [riskmod.knn_rate(n, base) for n in lexical]
        results += [
            {"split": split.name, "method": "majority (always the base rate)", "auc": 0.5,
             "top2": _majority_top2(rows)},
            {"split": split.name, "method": "BM25 nearest neighbours", "auc": auc(bm25, labels),
             "top2": _top2(lexical, rows, bm25)},
            {"split": split.name, "method": "embedding nearest neighbours", "auc": auc(
                knn_only, labels), "top2": _top2(dense, rows, knn_only)},
            {"split": split.name, "method": "assistant (neighbours + cues, calibrated)",
             "auc": auc(model, labels), "top2": _top2(dense, rows, model)},
        ]
    for r in results:
        r.update(questions=len(rows), positives=sum(labels))
    return results


def render(results: list[dict]) -> str:
    lines = [f"{results[0]['questions']} labelled questions ({results[0]['positives']} refused or "
             "NCND, the rest answered)", "",
             "| split | method | ROC-AUC | cited exemption in top 2 |", "|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['split']} | {r['method']} | {r['auc']:.3f} | {r['top2']:.1%} |")
    return "\n".join(lines)
