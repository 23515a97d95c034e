"""Speed and memory of the check, on the configured store and index.

    .venv/bin/python benchmarks/bench_check.py [--config config.toml]

Prints: warm check of a 7-question draft (median of 60, with the 10th and 90th
percentiles: a busy machine shows in the spread), the same over 60 different 7-question
drafts from the corpus checked once each (so no cache of a repeated text can help), cold
start-to-answer of `foi-assistant check` (median of 3 fresh processes), embedding throughput
of the model as build-index uses it, and peak memory (RSS) of a process that loaded
everything and checked.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "corpus" / "samples"


def seven_questions() -> str:
    text = next(SAMPLES.glob("000_*.txt")).read_text()
    return text.split("following information:")[1].split("We have processed")[0]


def warm(config_path: str | None, runs: int = 60) -> tuple[float, list[float]]:
    from bot.config import load_config
    from bot.runtime import open_advisor

    started = time.perf_counter()
    advisor = open_advisor(load_config(config_path))
    draft = seven_questions()
    assert len(advisor.check_draft(draft).questions) == 7
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        advisor.check_draft(draft)
        times.append(time.perf_counter() - t)
    return first, sorted(times)


def corpus_drafts(config_path: str | None, n: int = 60) -> list[str]:
    """n different 7-question drafts: the first seven questions of past requests that had at
    least seven, numbered as a requester would. Checking each once shows what a warm process
    costs on drafts it has not seen, which no cache of earlier answers can flatter."""
    from collections import defaultdict

    from bot.config import load_config
    from corpus.store import Store

    by_document: dict[str, list[str]] = defaultdict(list)
    for r in Store.open(load_config(config_path).database, create=False).questions():
        by_document[r["document_id"]].append(r["text"])
    long_enough = [texts[:7] for _, texts in sorted(by_document.items()) if len(texts) >= 7]
    return ["\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1)) for texts in long_enough[:n]]


def varied(config_path: str | None) -> list[float]:
    """Each of `corpus_drafts` checked once, after one warm-up check, in seconds, sorted."""
    from bot.config import load_config
    from bot.runtime import open_advisor

    advisor = open_advisor(load_config(config_path))
    advisor.check_draft(seven_questions())
    times = []
    for draft in corpus_drafts(config_path):
        t = time.perf_counter()
        advisor.check_draft(draft)
        times.append(time.perf_counter() - t)
    return sorted(times)


def cold(config_path: str | None) -> float:
    exe = Path(sys.executable).parent / "foi-assistant"
    args = [str(exe)] + (["--config", config_path] if config_path else []) + [
        "check", "--json", "How many ransomware attacks did the council have in 2023?"]
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def throughput(config_path: str | None, n: int = 256) -> float:
    from bot.config import load_config
    from corpus.store import Store
    from index.embedder import get_embedder

    config = load_config(config_path)
    texts = [r["text"] for r in Store.open(config.database, create=False).questions()[:n]]
    embedder = get_embedder(config.model, config.index_path)
    embedder.embed(texts[:8])
    t = time.perf_counter()
    for start in range(0, len(texts), config.batch_size):
        embedder.embed(texts[start:start + config.batch_size])
    return len(texts) / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default=None)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    first, times = warm(args.config)
    ms = [t * 1000 for t in times]
    print(f"open + first check of 7 questions: {first:.2f} s")
    print(f"warm check, 7 questions: median {statistics.median(ms):.1f} ms, fastest tenth "
          f"{ms[len(ms) // 10]:.1f} ms, slowest tenth {ms[-len(ms) // 10]:.1f} ms "
          f"({len(ms)} runs)")
    other = [t * 1000 for t in varied(args.config)]
    print(f"warm check, {len(other)} different 7-question drafts from the corpus, each once: "
          f"median {statistics.median(other):.1f} ms, fastest tenth {other[len(other) // 10]:.1f} "
          f"ms, slowest tenth {other[-len(other) // 10]:.1f} ms")
    print(f"embedding throughput: {throughput(args.config):.0f} questions/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    print(f"cold `foi-assistant check`, start to answer: median {cold(args.config):.2f} s (3 runs)")


if __name__ == "__main__":
    main()
