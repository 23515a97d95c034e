"""Shared fixtures: a small real corpus in a temporary project, the fake embedder, the CLI."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "corpus" / "samples"

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _sample(name: str, count: int, keep=lambda rec: True) -> list[str]:
    path = SHARED / name
    if not path.exists():
        return []
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if keep(json.loads(line)):
                out.append(line)
            if len(out) >= count:
                break
    return out


def write_jsonl(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(lines)
    return path


def make_project(tmp: Path, model: str = "fake-hash-256", dl: int | None = 80, wdtk: int = 15,
                 tribunal: int = 5) -> Path:
    """A config.toml over seeds and slices of the real corpus, data under tmp."""
    tmp.mkdir(parents=True, exist_ok=True)
    cyber = lambda r: "cyber" in r["text"].lower() or "ransom" in r["text"].lower()  # noqa: E731
    dl_lines = _sample("disclosure-logs.jsonl.gz", 10**6) if dl is None else \
        _sample("disclosure-logs.jsonl.gz", dl // 2, cyber) + \
        _sample("disclosure-logs.jsonl.gz", dl // 2)
    write_jsonl(tmp / "dl.jsonl.gz", list(dict.fromkeys(dl_lines)))
    write_jsonl(tmp / "wdtk.jsonl.gz", _sample("wdtk-sheffield-threads.jsonl.gz", wdtk))
    write_jsonl(tmp / "tribunal.jsonl.gz", _sample("tribunal-decisions.jsonl.gz", tribunal))
    config = tmp / "config.toml"
    config.write_text(f"""
[store]
database = "data/foi.db"
[index]
path = "data/index"
model = "{model}"
batch_size = 32
[[sources]]
name = "seeds"
format = "text"
path = "{SEEDS}"
[[sources]]
name = "disclosure-logs"
format = "disclosure_log"
path = "dl.jsonl.gz"
[[sources]]
name = "wdtk"
format = "wdtk_threads"
path = "wdtk.jsonl.gz"
[[sources]]
name = "tribunal"
format = "tribunal"
path = "tribunal.jsonl.gz"
""")
    return config


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def cli(capsys):
    """Run `foi-assistant ARGS` in-process; returns (exit status, stdout, stderr)."""
    from bot.cli import main

    def run(*args: str, stdin: str | None = None, monkeypatch=None):
        import io
        import sys

        old = sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            code = main(list(args))
        finally:
            sys.stdin = old
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpus not present")
