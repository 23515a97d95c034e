"""Embed the store's questions into the FAISS index: batched, incremental, atomic.

Vectors are cached in the store's database by (model, hash of the text), so a rebuild
embeds only questions that are new or whose text changed, as simonw/llm does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.store import Store
from index.embedder import Embedder
from index.vectors import Manifest, save


@dataclass(frozen=True)
class BuildReport:
    total: int
    embedded: int
    reused: int
    manifest: Manifest


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


def build_index(store: Store, embedder: Embedder, directory: Path, batch_size: int = 64,
                progress: bool = True) -> BuildReport:
    """Bring the index up to date with the store; only new or changed questions are embedded."""
    _ensure_cache(store)
    build_id = store.build_id
    rows = store.db.conn.execute("SELECT id, text FROM questions ORDER BY id").fetchall()
    hashes = [text_hash(text) for _, text in rows]
    cache = _cached(store, embedder.model_id)
    todo = sorted({h: t for (_, t), h in zip(rows, hashes) if h not in cache}.items())
    bar = _progress(len(todo), progress and len(todo) > 0)
    for start in range(0, len(todo), batch_size):
        batch = todo[start:start + batch_size]
        vectors = embedder.embed([t for _, t in batch])
        with store.db.conn:
            store.db.conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?,?,?)",
                [(embedder.model_id, h, v.astype("float32").tobytes())
                 for (h, _), v in zip(batch, vectors)])
        for (h, _), v in zip(batch, vectors):
            cache[h] = v.astype("float32").tobytes()
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()
    ids = np.array([qid for qid, _ in rows], dtype="int64")
    matrix = (np.vstack([np.frombuffer(cache[h], dtype="float32") for h in hashes])
              if rows else np.zeros((0, embedder.dimension), dtype="float32"))
    manifest = save(directory, ids, matrix, embedder.model_id, embedder.dimension, build_id)
    return BuildReport(total=len(rows), embedded=len(todo), reused=len(rows) - len(todo),
                       manifest=manifest)
