"""The FAISS index on disk, and the manifest that ties it to its model and its store.

Files are written to a temporary name, fsynced and moved into place, so a reader never sees
half an index; the manifest carries a checksum, so a truncated or flipped file is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

INDEX_FILE = "questions.faiss"
MANIFEST_FILE = "manifest.json"
DECISIONS = "decisions"


def _paths(directory: Path, name: str) -> tuple[Path, Path]:
    """(index file, manifest file) of a named index; the questions index keeps plain names."""
    if name == "questions":
        return directory / INDEX_FILE, directory / MANIFEST_FILE
    return directory / f"{name}.faiss", directory / f"{name}.manifest.json"


FIX = "run `foi-assistant build-index` to rebuild it"


class IndexProblem(Exception):
    """The index is missing, stale, corrupt or built for another model."""


@dataclass(frozen=True)
class Manifest:
    model: str
    dimension: int
    count: int
    build_id: str
    checksum: str
    format: int = 1


@dataclass
class VectorIndex:
    """A FAISS inner-product index whose ids are the store's question ids."""

    faiss_index: object
    manifest: Manifest

    def search(self, vector: np.ndarray, k: int, among: object | None = None
               ) -> list[tuple[int, float]]:
        """The k nearest ids with their scores; `among` (a faiss IDSelector) limits the scan to
        those ids inside FAISS, so a filtered search costs what a plain one does."""
        return self.search_each(vector.reshape(1, -1), k, among)[0]

    def search_each(self, vectors: np.ndarray, k: int, among: object | None = None
                    ) -> list[list[tuple[int, float]]]:
        """`search` for several vectors in one call to FAISS (a draft's questions): the same
        hits as one call each, without a call's overhead per question."""
        if self.manifest.count == 0 or k <= 0:
            return [[] for _ in range(len(vectors))]
        k = min(k, self.manifest.count)
        query = np.asarray(vectors, dtype="float32")
        if among is None:
            scores, ids = self.faiss_index.search(query, k)
        else:
            import faiss

            scores, ids = self.faiss_index.search(query, k, params=faiss.SearchParameters(
                sel=among))
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores) if i != -1]
                for row_ids, row_scores in zip(ids, scores)]

    def search_many(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, max(self.manifest.count, 1))
        return self.faiss_index.search(vectors.astype("float32"), k)


def make_index(ids: np.ndarray, vectors: np.ndarray, dimension: int):
    import faiss

    index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
    if len(ids):
        index.add_with_ids(vectors.astype("float32"), ids.astype("int64"))
    return index


def _fsync_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def save(directory: Path, ids: np.ndarray, vectors: np.ndarray, model: str, dimension: int,
         build_id: str, name: str = "questions") -> Manifest:
    """Write index then manifest, each atomically; a reader checks one against the other."""
    import faiss

    directory.mkdir(parents=True, exist_ok=True)
    index = make_index(ids, vectors, dimension)
    data = faiss.serialize_index(index).tobytes()
    manifest = Manifest(model=model, dimension=dimension, count=len(ids), build_id=build_id,
                        checksum=hashlib.sha256(data).hexdigest())
    ipath, mpath = _paths(directory, name)
    _fsync_write(ipath, data)
    _fsync_write(mpath, json.dumps(asdict(manifest), indent=2).encode())
    return manifest


def load(directory: Path, model: str, dimension: int, build_id: str | None,
         name: str = "questions") -> VectorIndex:
    """The index, or IndexProblem naming what is wrong and the command that fixes it."""
    import faiss

    ipath, mpath = _paths(directory, name)
    if not mpath.exists() or not ipath.exists():
        raise IndexProblem(f"no index at {directory}; run `foi-assistant build-index` first")
    try:
        manifest = Manifest(**json.loads(mpath.read_text()))
    except (ValueError, TypeError) as exc:
        raise IndexProblem(f"the index manifest is unreadable; {FIX}") from exc
    if manifest.model != model:
        raise IndexProblem(f"the index was built with model {manifest.model!r}, "
                           f"not {model!r}; {FIX}")
    if manifest.dimension != dimension:
        raise IndexProblem(f"the index has dimension {manifest.dimension}, the model "
                           f"{dimension}; {FIX}")
    if build_id is not None and manifest.build_id != build_id:
        raise IndexProblem(f"the index is stale: the corpus changed since it was built; {FIX}")
    data = ipath.read_bytes()
    if hashlib.sha256(data).hexdigest() != manifest.checksum:
        raise IndexProblem(f"the index file is corrupt or does not match its manifest; {FIX}")
    # Queries come one draft at a time: OpenMP threads only add start-up and spin cost
    # for a flat search over thousands of vectors, and steal the core the embedder needs.
    faiss.omp_set_num_threads(1)
    try:
        index = faiss.deserialize_index(np.frombuffer(data, dtype="uint8"))
    except RuntimeError as exc:
        raise IndexProblem(f"the index file cannot be read; {FIX}") from exc
    if index.ntotal != manifest.count or index.d != dimension:
        raise IndexProblem(f"the index does not match its manifest; {FIX}")
    return VectorIndex(index, manifest)
