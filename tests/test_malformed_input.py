"""Every reader survives broken input: the item is reported and skipped, nothing else is lost."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corpus.ingest import ingest
from corpus.models import CorpusError
from corpus.parse import parse_disclosure_record, parse_response_text, parse_wdtk_thread
from corpus.sources import Skipped, Source, read_source
from corpus.store import Store

GOOD_DL = {"url": "https://example.gov.uk/foi/1", "title": "Parking fines (Example Council)",
           "text": "Parking fines (Example Council)\nRequest: number of parking fines issued in "
                   "2023; total income from them.\nResponse: 1,204 fines; income £40,120."}


def _write_gz(path: Path, lines: list[bytes]) -> Path:
    with gzip.open(path, "wb") as fh:
        for line in lines:
            fh.write(line + b"\n")
    return path


def _items(src: Source):
    items = list(read_source(src))
    return [i for i in items if not isinstance(i, Skipped)], [i for i in items
                                                               if isinstance(i, Skipped)]


@pytest.mark.parametrize("fmt", ["disclosure_log", "wdtk_threads", "tribunal"])
def test_jsonl_reader_skips_broken_json_binary_empty_and_huge_lines(tmp_path, fmt):
    good = json.dumps(GOOD_DL).encode() if fmt == "disclosure_log" else None
    lines = [b'{"url": "x", "text": "Request: broken', b"\x00\x01\x02\xff\xfe binary junk",
             b'{"text": ""}', b"[1, 2, 3]", b'"just a string"',
             b'{"text": "' + b"a" * (10 * 1024 * 1024) + b'"}']
    if good:
        lines.insert(2, good)
    path = _write_gz(tmp_path / "broken.jsonl.gz", lines)
    docs, skipped = _items(Source("broken", fmt, path))
    assert len(docs) == (1 if good else 0)
    assert len(skipped) == 6
    reasons = " | ".join(s.reason for s in skipped)
    assert "broken JSON" in reasons
    assert "not UTF-8" in reasons or "binary" in reasons
    assert all(s.source == "broken" and s.item.startswith("broken.jsonl.gz record")
               for s in skipped)


def test_truncated_gzip_keeps_what_came_before(tmp_path):
    path = _write_gz(tmp_path / "t.jsonl.gz", [json.dumps(GOOD_DL).encode()] * 50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    docs, skipped = _items(Source("t", "disclosure_log", path))
    assert skipped and "truncated or corrupt" in skipped[-1].reason
    assert len(docs) >= 0


def test_text_reader_skips_binary_and_empty_files(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("   \n")
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "c_good.txt").write_text("Thank you for your request for the following "
                                       "information:\n- How many bins are there?\n\nResponse\n950.")
    docs, skipped = _items(Source("texts", "text", folder))
    assert [d.key for d in docs] == ["c_good.txt"]
    assert {s.item: s.reason for s in skipped} == {"a_empty.txt": "document is empty",
                                                   "b_binary.txt": "file is binary, not text"}


def test_missing_source_is_a_warning_not_a_crash(tmp_path):
    store = Store.open(tmp_path / "db.sqlite")
    report = ingest(store, [Source("gone", "disclosure_log", tmp_path / "nope.jsonl.gz")])
    assert report.sources[0].skipped[0].reason.startswith("source not found")
    assert "skipped" in report.render()


@pytest.mark.parametrize("bad", [None, 42, "text", [], {}, {"events": "x"}, {"events": [{}]},
                                 {"text": None}, {"text": "no request line"}])
def test_record_parsers_raise_only_corpus_error(bad):
    for parser in (parse_disclosure_record, parse_wdtk_thread):
        with pytest.raises(CorpusError):
            parser(bad)


def test_plain_text_parser_rejects_empty_and_binary():
    for bad in ("", "   ", "\x00\x00abc"):
        with pytest.raises(CorpusError):
            parse_response_text(bad)


def test_ingest_of_a_corrupt_file_continues_with_the_next_source(tmp_path):
    bad = _write_gz(tmp_path / "bad.jsonl.gz", [b"{not json", b"\xff\xfe"])
    good = _write_gz(tmp_path / "good.jsonl.gz", [json.dumps(GOOD_DL).encode()])
    store = Store.open(tmp_path / "db.sqlite")
    report = ingest(store, [Source("bad", "disclosure_log", bad),
                            Source("good", "disclosure_log", good)])
    assert [len(s.skipped) for s in report.sources] == [2, 0]
    assert report.sources[1].questions == 2
    assert store.question_count() == 2
