"""Readers, one per corpus format: the only code that opens corpus files.

Each yields parsed Documents, or a Skipped line for anything broken, so one bad record
never stops an ingest and every loss is reported.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from corpus.models import CorpusError, Document
from corpus.parse import parse_disclosure_record, parse_response_text, parse_wdtk_thread

MAX_LINE_BYTES = 8 * 1024 * 1024
FORMATS = ("text", "disclosure_log", "wdtk_threads", "tribunal")


@dataclass(frozen=True)
class Source:
    name: str
    format: str
    path: Path


@dataclass(frozen=True)
class Skipped:
    """An item that was not ingested, and why (shown in the ingest report)."""

    source: str
    item: str
    reason: str


def _tribunal_parser() -> Callable[[dict, str], Document]:
    from corpus.tribunal import parse_tribunal_record

    return parse_tribunal_record


def record_parser(fmt: str) -> Callable[[dict, str], Document]:
    if fmt == "disclosure_log":
        return parse_disclosure_record
    if fmt == "wdtk_threads":
        return parse_wdtk_thread
    if fmt == "tribunal":
        return _tribunal_parser()
    raise CorpusError(f"unknown record format {fmt!r}; use one of {', '.join(FORMATS)}")


def _open_lines(path: Path) -> Iterator[bytes]:
    """Lines of a (gzipped) JSON Lines file; a line over the cap is replaced by a marker."""
    with path.open("rb") as raw:
        stream = gzip.GzipFile(fileobj=raw) if path.suffix == ".gz" else raw
        with stream:
            reader = io.BufferedReader(stream) if path.suffix == ".gz" else stream
            while True:
                line = reader.readline(MAX_LINE_BYTES + 1)
                if not line:
                    return
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):
                        line = reader.readline(MAX_LINE_BYTES)
                    yield b"\x00too-long"
                    continue
                yield line


def record_line(path: Path, number: int) -> bytes | None:
    """The Nth non-empty line (from 0), for `foi-assistant parse --record N`."""
    lines = _open_lines(path)
    try:
        return next((ln for i, ln in enumerate(x for x in lines if x.strip()) if i == number),
                    None)
    finally:
        lines.close()


def parse_record_line(line: bytes, fmt: str, source: str) -> Document:
    """One JSON Lines record to a Document; CorpusError says what is wrong with it."""
    if line == b"\x00too-long":
        raise CorpusError(f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorpusError("line is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise CorpusError(f"broken JSON ({exc.msg} at column {exc.colno})") from exc
    return vetted(record_parser(fmt)(record, source))


def read_jsonl(src: Source) -> Iterator[Document | Skipped]:
    line_no = -1
    try:
        for line_no, line in enumerate(_open_lines(src.path)):
            if not line.strip():
                continue
            yield _guarded(src, f"{src.path.name} record {line_no}",
                           lambda line=line: parse_record_line(line, src.format, src.name))
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(src.name, f"{src.path.name} after record {line_no}",
                      f"file is truncated or corrupt ({type(exc).__name__}); the rest was skipped")


def read_texts(src: Source) -> Iterator[Document | Skipped]:
    files = sorted(p for p in src.path.glob("*.txt")) if src.path.is_dir() else [src.path]
    for path in files:
        def parse(path: Path = path) -> Document:
            data = path.read_bytes()
            if b"\x00" in data[:4096]:
                raise CorpusError("file is binary, not text")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            return vetted(parse_response_text(text, key=path.name, source=src.name))

        yield _guarded(src, path.name, parse)


def _guarded(src: Source, item: str, parse: Callable[[], Document]) -> Document | Skipped:
    """Run one parse; any failure becomes a Skipped line rather than the end of the ingest."""
    try:
        return parse()
    except CorpusError as exc:
        return Skipped(src.name, item, str(exc))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        return Skipped(src.name, item, f"parser failed: {type(exc).__name__}: {str(exc)[:80]}")


def read_source(src: Source) -> Iterator[Document | Skipped]:
    """Every document of one configured source; a missing path is one Skipped line."""
    if src.format not in FORMATS:
        yield Skipped(src.name, str(src.path), f"unknown format {src.format!r}")
        return
    if not src.path.exists():
        yield Skipped(src.name, str(src.path), "source not found (check config.toml)")
        return
    yield from read_texts(src) if src.format == "text" else read_jsonl(src)


# -- where a precedent's link may point -----------------------------------------------------

# hosts that only public bodies (or the FOI sites they answer on) publish from
PUBLIC_HOSTS = ("gov.uk", "nhs.uk", "nhs.wales", "nhs.scot", "police.uk", "ac.uk", "sch.uk",
                "gov.scot", "gov.wales", "llyw.cymru", "parliament.uk", "mod.uk", "judiciary.uk",
                "ico.org.uk", "whatdotheyknow.com", "disclosurelog.co.uk", "bailii.org",
                "tribunals.gov.uk")
# a web agency's or a CMS's test copy of a site ('barnet2022-qa.orangebus.io',
# 'admin.barnet2022-tmp...', 'uat.barnet.gov.uk'): not what a reader should be sent to
_STAGING = re.compile(r"(?:^|[.\-\d])(?:qa|uat|tmp|temp|staging|stage|dev|test|admin|preprod|"
                      r"sandbox)(?=$|[.\-\d])")
_SECOND_LEVEL = {"co.uk", "org.uk", "gov.uk", "ac.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk",
                 "nhs.uk", "police.uk", "sch.uk", "mod.uk"}
_FILLER = {"the", "and", "of", "for", "in", "on", "upon", "copy", "log", "disclosure", "nhs",
           "ft", "trust", "council", "county", "borough", "district", "city", "service",
           "services", "foundation", "authority", "department", "office", "national"}


def host_of(url: str | None) -> str:
    """A link's host, lower case, without 'www.' ('' for no link or a broken one)."""
    try:
        host = urlsplit((url or "").strip()).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"^www\d?\.", "", host.lower())


def _registered(host: str) -> str:
    """The name a host was registered as: 'ordnancesurvey' for www.ordnancesurvey.co.uk,
    'mixd' for uhsussex.mixd.co.uk (an agency's host, whatever its subdomain says)."""
    labels = host.split(".")
    cut = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return labels[-cut] if len(labels) >= cut else labels[0]


def names_authority(label: str, authority: str | None) -> bool:
    """Whether a registered name is the authority's own: its name run together
    ('britishcouncil'), a distinctive word of it ('ashfordstpeters' for Ashford and St
    Peter's Hospitals), its initials ('wmfs', 'os', 'theipsa'), or initials then a word of it
    ('hwfire' for Hereford and Worcester Fire and Rescue Service)."""
    words = re.findall(r"[a-z]+", (authority or "").lower().replace("'", ""))
    if not words:
        return False
    label = re.sub(r"^the(?=[a-z]{2})", "", label)
    initials = "".join(w[0] for w in words if w not in ("and", "of", "the", "for"))
    if "".join(words) in label or any(len(w) >= 4 and w not in _FILLER and w in label
                                      for w in words):
        return True
    return len(initials) >= 2 and any(
        label.startswith(initials[:i]) and (label[i:] == "" or label[i:] in words)
        for i in range(2, len(initials) + 1))


def trusted_source(url: str | None, authority: str | None) -> bool:
    """Whether a precedent's link may be shown: a public body's host (gov.uk, nhs.uk,
    police.uk, ac.uk...), WhatDoTheyKnow or a disclosure-log service, or a host registered in
    the authority's own name, and in each case no staging or admin copy. A spam or mirror
    host that copied a disclosure log (docslib, scribd, a '.asia' number host, a massage
    parlour's site) is none of these."""
    host = host_of(url)
    if not host or _STAGING.search(host):
        return False
    if any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS):
        return True
    return names_authority(_registered(host), authority)


def vetted(doc: Document) -> Document:
    """The document with a link a reader may follow: one on a host that is not the
    authority's or a public body's is blanked, and kept in `extra` as unverified_url for
    whoever audits the corpus; the record itself stays."""
    if not doc.url or trusted_source(doc.url, doc.authority):
        return doc
    return replace(doc, url=None, extra={**doc.extra, "unverified_url": doc.url})
