"""Embed the store's questions into the FAISS index: batched, incremental, atomic.

Vectors are cached in the store's database by (model, hash of the text), so a rebuild
embeds only questions that are new or whose text changed, as simonw/llm does.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.header import MONTH_WORDS
from corpus.store import Store
from index.embedder import Embedder
from index.vectors import DECISIONS, Manifest, save


@dataclass(frozen=True)
class BuildReport:
    total: int
    embedded: int
    reused: int
    manifest: Manifest
    decisions: int = 0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _ensure_cache(store: Store) -> None:
    if "embeddings" not in store.db.table_names():
        store.db["embeddings"].create(
            {"model": str, "hash": str, "vector": bytes}, pk=("model", "hash"))


def _cached(store: Store, model: str) -> dict[str, bytes]:
    rows = store.db.conn.execute("SELECT hash, vector FROM embeddings WHERE model = ?", [model])
    return dict(rows.fetchall())


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="q", desc="embedding", leave=False)


def _embed_missing(store: Store, embedder: Embedder, texts: list[str], cache: dict[str, bytes],
                   batch_size: int, progress: bool) -> int:
    """Embed the texts whose hash is not cached yet, in batches, committing each batch."""
    todo = sorted({text_hash(t): t for t in texts if text_hash(t) not in cache}.items())
    bar = _progress(len(todo), progress and len(todo) > 0)
    for start in range(0, len(todo), batch_size):
        batch = todo[start:start + batch_size]
        vectors = embedder.embed([t for _, t in batch])
        blobs = [v.astype("float32").tobytes() for v in vectors]
        with store.db.conn:
            store.db.conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?,?,?)",
                [(embedder.model_id, h, b) for (h, _), b in zip(batch, blobs)])
        cache.update((h, b) for (h, _), b in zip(batch, blobs))
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()
    return len(todo)


def _matrix(texts: list[str], cache: dict[str, bytes], dimension: int) -> np.ndarray:
    if not texts:
        return np.zeros((0, dimension), dtype="float32")
    return np.vstack([np.frombuffer(cache[text_hash(t)], dtype="float32") for t in texts])


SHORT_QUESTION_WORDS = 6
_MONTHS = MONTH_WORDS | {"sept"}


def _topic(title: str | None) -> str:
    """A document title without its references, dates and bracketed authority: the topic."""
    text = re.sub(r"\([^()]*\)", " ", title or "")
    words = [w for w in text.replace(",", " ").split()
             if not any(c.isdigit() for c in w) and w.lower().strip(".") not in _MONTHS]
    return " ".join(words[:12]).strip(" -–:;")


def indexed_text(text: str, title: str | None) -> str:
    """What a question is embedded as. A short field cut from a summary ('categories',
    'annual spend') means nothing alone, so it is embedded with its request's topic."""
    topic = _topic(title)
    if len(text.split()) >= SHORT_QUESTION_WORDS or not topic:
        return text
    return f"{topic}: {text}"


def decision_texts(store: Store) -> list[tuple[int, str]]:
    """(rowid, what was asked) for each tribunal decision: the text its neighbours are found by."""
    rows = store.db.conn.execute(
        "SELECT rowid, coalesce(nullif(information_requested, ''), reference) FROM decisions "
        "ORDER BY rowid").fetchall()
    return [(rid, text) for rid, text in rows if text]


def build_index(store: Store, embedder: Embedder, directory: Path, batch_size: int = 64,
                progress: bool = True) -> BuildReport:
    """Bring the indexes up to date with the store; only new or changed texts are embedded.

    The tribunal decisions' index is written first and the questions' manifest last, so a
    server that watches the manifest sees both new indexes together."""
    _ensure_cache(store)
    build_id = store.build_id
    rows = [(qid, indexed_text(text, title)) for qid, text, title in store.db.conn.execute(
        "SELECT q.id, q.text, d.title FROM questions q JOIN documents d ON d.id = q.document_id "
        "ORDER BY q.id")]
    decisions = decision_texts(store)
    cache = _cached(store, embedder.model_id)
    texts = [t for _, t in rows]
    embedded = _embed_missing(store, embedder, texts + [t for _, t in decisions], cache,
                              batch_size, progress)
    save(directory, np.array([i for i, _ in decisions], dtype="int64"),
         _matrix([t for _, t in decisions], cache, embedder.dimension), embedder.model_id,
         embedder.dimension, build_id, name=DECISIONS)
    manifest = save(directory, np.array([qid for qid, _ in rows], dtype="int64"),
                    _matrix(texts, cache, embedder.dimension), embedder.model_id,
                    embedder.dimension, build_id)
    return BuildReport(total=len(rows), embedded=embedded,
                       reused=len(rows) + len(decisions) - embedded, manifest=manifest,
                       decisions=len(decisions))
