"""How well the risk predicts refusals, on splits that hide the answer.

Leave-one-document-out (a question never sees its own document) and leave-one-authority-out
(the same request often went to many authorities, so hide the authority's whole history),
beside a majority baseline and a BM25 nearest-neighbour baseline on the same splits.

Each question is scored as a requester would check it: addressed to the authority it was
sent to (the check's --authority), whose track record and kind then count, with only what
the split leaves visible; and once more with no authority named, the wording alone.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot import risk as riskmod
from bot.track_record import TrackRecord, logit
from corpus.exemptions import section_of
from corpus.header import authority_key
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
          # one key for every spelling of an authority: 'Barnet Council' must not stay
          # visible when 'London Borough of Barnet' is held out
          Split("leave-one-authority-out",
                lambda r: authority_key(r["authority"]) or r["document_id"]))


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC-AUC by the rank-sum formula (ties get average ranks)."""
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if not pos or not neg:
        return float("nan")
    _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    ranks = (ends - (counts - 1) / 2.0)[inverse]  # the average of the ranks each tie spans
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def _resamples(groups: Sequence[str], draws: int, seed: int):
    """Row indices of `draws` bootstrap samples that draw whole documents with replacement."""
    keys, index = np.unique(np.asarray(groups, object).astype(str), return_inverse=True)
    members = [np.flatnonzero(index == k) for k in range(len(keys))]
    rng = np.random.default_rng(seed)
    for _ in range(draws):
        yield np.concatenate([members[k] for k in rng.integers(0, len(keys), len(keys))])


def auc_interval(scores: Sequence[float], labels: Sequence[int], groups: Sequence[str],
                 baseline: Sequence[float] | None = None, draws: int = 200, seed: int = 0
                 ) -> tuple[float, float]:
    """95% interval of the AUC, or with `baseline` of the AUC's margin over the baseline's on
    the same resamples, drawing whole documents (a document's questions share an authority, a
    topic and often one blanket reply, so they are not independent draws). A margin whose
    interval stays above zero is one the resampling does not explain away."""
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    b = None if baseline is None else np.asarray(baseline, float)
    values = [auc(s[rows], y[rows]) - (0.0 if b is None else auc(b[rows], y[rows]))
              for rows in _resamples(groups, draws, seed)]
    lo, hi = np.nanpercentile(values, [2.5, 97.5])
    return float(lo), float(hi)


Hits = tuple[np.ndarray, np.ndarray]  # (ids, similarities): POOL nearest per scored question


def _neighbour_lists(rows: list[dict], pool: list[dict], hits: Hits, split: Split,
                     named: bool) -> list[list[riskmod.Neighbour]]:
    """The K nearest in `pool` that the split leaves visible, one per past request as the
    check counts them; with `named`, weighted as the check weighs them for a draft addressed
    to the row's authority. One retrieval (`hits`) serves every split and both ways of
    scoring."""
    ids, sims = hits
    by_id = {r["id"]: r for r in pool}
    out = []
    for row, id_row, sim_row in zip(rows, ids, sims):
        own = split.key(row)
        addressee = row["authority"] if named else None
        keep = []
        seen: set[str] = set()  # one question per past request, as the check counts them
        for qid, sim in zip(id_row, sim_row):
            other = by_id.get(int(qid))
            if other is None or split.key(other) == own or other["document_id"] in seen:
                continue
            seen.add(other["document_id"])
            keep.append(riskmod.neighbour(float(sim), other["outcome"], other["exemptions"],
                                          addressee, other["authority"], other.get("answer")))
            if len(keep) >= K:
                break
        out.append(keep)
    return out


def known(rows: list[dict]) -> list[dict]:
    """The neighbours a check draws on: every past question whose outcome is known (partial
    and not-held ones too), though only refused/NCND/answered ones are scored."""
    return [r for r in rows if r["outcome"] != "unknown"]


def dense_hits(searcher: Searcher, rows: list[dict]) -> Hits:
    vectors = np.vstack([searcher.index.faiss_index.reconstruct(int(r["id"])) for r in rows])
    sims, ids = searcher.index.search_many(vectors, POOL)
    return ids, sims


def histories(rows: list[dict], split: Split) -> list[float]:
    """Each row's `history` feature from the track record the split leaves visible: without
    its own document (its authority's other requests still count), or without its whole
    authority (only the record of its kind is left)."""
    full = TrackRecord.from_rows(rows)
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(split.key(r), []).append(r)
    visible = {key: full.minus(TrackRecord.from_rows(members)) for key, members in groups.items()}
    out = []
    for r in rows:
        record = visible[split.key(r)]
        out.append(logit(record.rate(r["authority"])) - logit(record.base_rate))
    return out


def bm25_hits(rows: list[dict], pool: list[dict]) -> Hits:
    import bm25s

    def texts(rs: list[dict]) -> list[str]:
        return [indexed_text(r["text"], r.get("title")) for r in rs]  # what the index embeds

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts(pool), stopwords="en", show_progress=False),
                    show_progress=False)
    docs, scores = retriever.retrieve(bm25s.tokenize(texts(rows), stopwords="en",
                                                     show_progress=False),
                                      k=min(POOL, len(pool)), show_progress=False)
    top = np.maximum(scores.max(axis=1, keepdims=True), 1e-9)
    ids = np.array([[pool[j]["id"] for j in row] for row in docs])
    return ids, scores / top


def labelled(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["outcome"] in POSITIVE + NEGATIVE]


def calibrate(searcher: Searcher) -> riskmod.RiskModel:
    """Fit the risk model on leave-one-document-out features of the whole corpus: once as
    if each question's authority were named, once as if none were."""
    every = searcher.rows()
    rows = labelled(every)
    if len(rows) < 20:
        return riskmod.RiskModel()
    labels = [int(r["outcome"] in POSITIVE) for r in rows]
    base = sum(labels) / len(labels)
    split, pool, hits = SPLITS[0], known(every), dense_hits(searcher, every)
    named = _features(rows, *_scoring_inputs(every, pool, hits, split, True, base), base,
                      histories(rows, split))
    unnamed = _features(rows, *_scoring_inputs(every, pool, hits, split, False, base), base)
    return riskmod.RiskModel(riskmod.fit_calibration(list(zip(named, labels)), base),
                             riskmod.fit_calibration(list(zip(unnamed, labels)), base))


def _scoring_inputs(every: list[dict], pool: list[dict], hits: Hits, split: Split, named: bool,
                    base: float) -> tuple[list[list[riskmod.Neighbour]], list[float | None]]:
    """The labelled questions' neighbour lists and what the rest of their drafts says. A
    question's draft is its document: every question of it, scored or not (a request's
    unknown parts were still part of what the authority read), each seeing only what the
    split leaves visible."""
    lists = _neighbour_lists(every, pool, hits, split, named)
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(every):
        by_doc.setdefault(r["document_id"], []).append(i)
    logits = [riskmod.knn_logit(n, base) for n in lists]
    rest: list[float | None] = [None] * len(every)
    for members in by_doc.values():
        for i, value in zip(members, riskmod.draft_contexts([logits[i] for i in members])):
            rest[i] = value
    keep = [i for i, r in enumerate(every) if r["outcome"] in POSITIVE + NEGATIVE]
    return [lists[i] for i in keep], [rest[i] for i in keep]


def _features(rows, neighbours, drafts, base, history=None) -> list[list[float]]:
    history = history or [0.0] * len(rows)
    return [riskmod.features(r["text"], n, base, history=h, draft=d)
            for r, n, d, h in zip(rows, neighbours, drafts, history)]


def _cross_fitted(rows, feats, base, folds: int = 5) -> list[float]:
    """Risk for each question from a model fitted on the other folds, grouped by document.

    The model has five weights, none tied to an authority; grouping its folds by authority
    would instead give each fold a different base rate (Sheffield's threads alone are a fifth
    of the authorities' weight and mostly answered) and pooled scores would mix scales."""
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


def _priors(rows: list[dict], split: Split, named: bool = True) -> list[dict[str, float]]:
    """The section prior each row's likely exemptions fall back on, from what the split leaves
    visible (without its own document, or without its whole authority): with `named` its
    authority's kind's, as a check with --authority uses; without, the corpus-wide one, as a
    check with no authority named uses (also without the held-out rows: an authority's own
    refusals must not shape the corpus mix its questions are scored against)."""
    full = riskmod.SectionPrior.from_rows(rows)
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(split.key(r), []).append(r)
    visible: dict[str, riskmod.SectionPrior] = {}
    out = []
    for r in rows:
        key = split.key(r)
        if key not in visible:
            visible[key] = full.minus(riskmod.SectionPrior.from_rows(groups[key]))
        out.append(visible[key].for_authority(r["authority"] if named else None))
    return out


def _top2(neighbour_lists, rows, risks, priors: Sequence[dict[str, float]]) -> float:
    hits = total = 0
    for r, n, risk, prior in zip(rows, neighbour_lists, risks, priors):
        cited = {section_of(e) for e in r["exemptions"]}
        if r["outcome"] not in POSITIVE or not cited:
            continue
        total += 1
        predicted = [e["section"] for e in riskmod.likely_exemptions(
            n, max(risk, 1e-3), 2, prior, riskmod.exemption_cues(r["text"]))]
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
    every = searcher.rows()
    rows = labelled(every)
    labels = [int(r["outcome"] in POSITIVE) for r in rows]
    base = sum(labels) / len(labels)
    results = []
    pool = known(every)
    retrievals = (("BM25", "BM25 neighbours", bm25_hits(every, pool)),
                  ("embedding", "assistant", dense_hits(searcher, every)))
    for split in SPLITS:
        history = histories(rows, split)
        results.append({"split": split.name, "method": "majority (always the base rate)",
                        "auc": 0.5, "top2": _majority_top2(rows)})
        for knn_name, model_name, hits in retrievals:
            named = _scoring_inputs(every, pool, hits, split, True, base)
            unnamed = _scoring_inputs(every, pool, hits, split, False, base)
            results += _compared(rows, labels, base, split, history, knn_name, model_name,
                                 named, unnamed)
    _add_margins(results, [r["document_id"] for r in rows], labels)
    for r in results:
        r.update(questions=len(rows), positives=sum(labels))
    return results


def _add_margins(results: list[dict], documents: Sequence[str], labels: Sequence[int]) -> None:
    """Give each assistant row its margin over each BM25 method on the same split and the same
    way of naming the authority, with the margin's paired 95% interval."""
    for mine in (r for r in results if r["method"].startswith("assistant")):
        mine["margins"] = [
            {"baseline": ("the same model on BM25's neighbours" if "(+" in other["method"]
                          else "BM25 nearest neighbours"), "margin":
             mine["auc"] - other["auc"], "interval": auc_interval(
                 mine["scores"], labels, documents, baseline=other["scores"])}
            for other in results if other["method"].startswith("BM25")
            and other["split"] == mine["split"] and other.get("how") == mine["how"]]


def _compared(rows, labels, base, split, history, knn_name, model_name, named, unnamed
              ) -> list[dict]:
    """Neighbours alone, then the full model on them, once with the authority named (its
    visible record counts, its own and same-kind neighbours weigh more) and once with none;
    each with its own calibration, as build-index fits them."""
    out = []
    for how, (neighbours, drafts), hist in (("authority named", named, history),
                                            ("no authority named", unnamed, None)):
        feats = _features(rows, neighbours, drafts, base, hist)
        priors = _priors(rows, split, named=hist is not None)
        knn = [riskmod.knn_rate(n, base) for n in neighbours]
        model = _cross_fitted(rows, feats, base)
        documents = [r["document_id"] for r in rows]
        out += [{"split": split.name, "method": f"{knn_name} nearest neighbours, {how}",
                 "auc": auc(knn, labels), "interval": auc_interval(knn, labels, documents),
                 "top2": _top2(neighbours, rows, knn, priors), "how": how, "scores": knn},
                {"split": split.name, "method": f"{model_name} (+ cues, track record and draft, "
                 f"calibrated), {how}", "auc": auc(model, labels),
                 "interval": auc_interval(model, labels, documents),
                 "top2": _top2(neighbours, rows, model, priors), "how": how, "scores": model}]
    return out


def render(results: list[dict]) -> str:
    lines = [f"{results[0]['questions']} labelled questions ({results[0]['positives']} refused or "
             "NCND, the rest answered)", "",
             "| split | method | ROC-AUC | 95% interval (documents resampled) | cited exemption in "
             "top 2 |", "|---|---|---|---|---|"]
    for r in results:
        lo, hi = r.get("interval", (r["auc"], r["auc"]))
        lines.append(f"| {r['split']} | {r['method']} | {r['auc']:.3f} | {lo:.3f}–{hi:.3f} | "
                     f"{r['top2']:.1%} |")
    lines += ["", "The assistant's margin over BM25, with its 95% interval on the same resamples "
              "(above zero: not explained away by which documents happened to be drawn)", "",
              "| split | authority | over | margin | 95% interval |", "|---|---|---|---|---|"]
    for r in results:
        for m in r.get("margins", []):
            lo, hi = m["interval"]
            lines.append(f"| {r['split']} | {r['how']} | {m['baseline']} | {m['margin']:+.3f} | "
                         f"{lo:+.3f} to {hi:+.3f} |")
    return "\n".join(lines)
