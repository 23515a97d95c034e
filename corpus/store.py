"""The SQLite store of documents, questions, exemption citations and tribunal decisions.

sqlite-utils creates the schema (numbered migrations, FTS with triggers); writes go through
one connection, one transaction per document, so a crash mid-ingest leaves whole documents.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from corpus.exemptions import section_of
from corpus.foisa import as_foia, scottish_case
from corpus.models import Document


class StoreError(Exception):
    """The database cannot be used; the message says what to run."""


def _m001_schema(db: sqlite_utils.Database) -> None:
    db["documents"].create(
        {"id": str, "source": str, "key": str, "kind": str, "authority": str, "date": str,
         "reference": str, "url": str, "title": str, "regime": str, "content_hash": str,
         "extra": str, "ingested_at": str},
        pk="id",
    )
    db["questions"].create(
        {"id": int, "document_id": str, "position": int, "text": str, "outcome": str,
         "answer": str, "authority": str, "date": str, "reference": str, "source_url": str,
         "exemptions": str, "source": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")],
    )
    db["questions"].create_index(["document_id"])
    db["questions"].create_index(["outcome"])
    db["citations"].create(
        {"question_id": int, "exemption": str, "section": str},
        foreign_keys=[("question_id", "questions", "id")],
    )
    db["citations"].create_index(["question_id"])
    db["citations"].create_index(["section"])
    db["decisions"].create(
        {"document_id": str, "reference": str, "authority": str, "date": str,
         "information_requested": str, "exemptions": str, "result": str, "appeal_outcome": str,
         "url": str},
        pk="document_id", foreign_keys=[("document_id", "documents", "id")],
    )
    db["decision_exemptions"].create({"document_id": str, "exemption": str, "section": str})
    db["decision_exemptions"].create_index(["document_id"])
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["questions"].enable_fts(["text", "answer", "authority", "reference"], create_triggers=True)


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_schema", _m001_schema),
]


@dataclass
class WriteResult:
    status: str  # "new", "changed" or "unchanged"
    questions: int


class Store:
    """The corpus database. Open with `Store.open(path)`; it migrates itself."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Store:
        path = Path(path)
        if not create and not path.exists():
            raise StoreError(f"no database at {path}; run `foi-assistant ingest` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db)
            store.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path} is not a usable database ({exc}); delete it and run "
                             "`foi-assistant ingest` again") from exc
        return store

    @classmethod
    def memory(cls) -> Store:
        store = cls(sqlite_utils.Database(memory=True))
        store.migrate()
        return store

    def migrate(self) -> None:
        if "_migrations" not in self.db.table_names():
            self.db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
        done = {r["name"] for r in self.db["_migrations"].rows}
        for name, step in MIGRATIONS:
            if name not in done:
                with self.db.conn:
                    step(self.db)
                    self.db["_migrations"].insert({"name": name, "applied_at": _now()})

    def close(self) -> None:
        self.db.conn.close()

    # -- writing ---------------------------------------------------------------------------

    def write_document(self, doc: Document) -> WriteResult:
        """Insert or replace one document atomically; unchanged content is left alone."""
        doc_id = f"{doc.source}:{doc.key}"
        conn = self.db.conn
        digest = version_hash(doc)
        row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row and row[0] == digest:
            return WriteResult("unchanged", 0)
        with conn:
            if row:
                self._delete_document(doc_id)
            conn.execute(
                "INSERT INTO documents (id, source, key, kind, authority, date, reference, url, "
                "title, regime, content_hash, extra, ingested_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [doc_id, doc.source, doc.key, doc.kind, doc.authority, doc.date, doc.reference,
                 doc.url, doc.title, doc.regime, digest,
                 json.dumps(doc.extra, default=str), _now()],
            )
            for pos, q in enumerate(doc.questions):
                cur = conn.execute(
                    "INSERT INTO questions (document_id, position, text, outcome, answer, "
                    "authority, date, reference, source_url, exemptions, source) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [doc_id, pos, q.text, q.outcome, q.answer, doc.authority, doc.date,
                     doc.reference, doc.url, json.dumps(list(q.exemptions)), doc.source],
                )
                conn.executemany(
                    "INSERT INTO citations (question_id, exemption, section) VALUES (?,?,?)",
                    [(cur.lastrowid, e, section_of(e)) for e in q.exemptions],
                )
            if doc.decision is not None:
                self._write_decision(doc_id, doc)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('build_id', ?)",
                         [uuid.uuid4().hex])
        return WriteResult("changed" if row else "new", len(doc.questions))

    def _write_decision(self, doc_id: str, doc: Document) -> None:
        d = doc.decision
        self.db.conn.execute(
            "INSERT INTO decisions (document_id, reference, authority, date, information_requested,"
            " exemptions, result, appeal_outcome, url) VALUES (?,?,?,?,?,?,?,?,?)",
            [doc_id, d.reference, doc.authority, doc.date, d.information_requested,
             json.dumps(list(d.exemptions)), d.result, d.appeal_outcome, doc.url],
        )
        self.db.conn.executemany(
            "INSERT INTO decision_exemptions (document_id, exemption, section) VALUES (?,?,?)",
            [(doc_id, e, section_of(e)) for e in d.exemptions],
        )

    def _delete_document(self, doc_id: str) -> None:
        conn = self.db.conn
        conn.execute("DELETE FROM citations WHERE question_id IN "
                     "(SELECT id FROM questions WHERE document_id = ?)", [doc_id])
        conn.execute("DELETE FROM questions WHERE document_id = ?", [doc_id])
        conn.execute("DELETE FROM decision_exemptions WHERE document_id = ?", [doc_id])
        conn.execute("DELETE FROM decisions WHERE document_id = ?", [doc_id])
        conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def write_all(self, docs: Iterable[Document]) -> list[WriteResult]:
        return [self.write_document(d) for d in docs]

    # -- reading ---------------------------------------------------------------------------

    @property
    def build_id(self) -> str:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
        return row[0] if row else "empty"

    def question_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM questions").fetchone()[0]

    def questions(self, ids: Iterable[int] | None = None) -> list[dict]:
        """Question rows with their exemptions decoded; all of them, or those ids in that order.
        A Scottish reply's citations come in FOIA's numbers (`cited` keeps them as written):
        what counts citations across the corpus must not read FOISA's s35 (law enforcement)
        as FOIA's s35 (policy advice)."""
        sql = ("SELECT q.id, q.document_id, q.position, q.text, q.outcome, q.answer, q.authority, "
               "q.date, q.reference, q.source_url, q.exemptions, q.source, d.title, d.regime "
               "FROM questions q JOIN documents d ON d.id = q.document_id")
        if ids is None:
            rows = self.db.query(sql + " ORDER BY q.id")
            return [_decode(r) for r in rows]
        wanted = list(ids)
        found: dict[int, dict] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(sql + f" WHERE q.id IN ({marks})", chunk):
                found[r["id"]] = _decode(r)
        return [found[i] for i in wanted if i in found]

    def search_text(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search on questions, for exact names and references."""
        rows = self.db["questions"].search(query, limit=limit, quote=True)
        return self.questions([r["id"] for r in rows])

    def authorities(self) -> list[tuple[str, int]]:
        return [(r[0], r[1]) for r in self.db.conn.execute(
            "SELECT authority, count(*) FROM questions WHERE authority IS NOT NULL "
            "GROUP BY authority ORDER BY count(*) DESC")]

    def decisions_by_rowid(self) -> dict[int, dict]:
        rows = self.db.query("SELECT rowid AS rowid_, * FROM decisions")
        return {r.pop("rowid_"): _decode_decision(r) for r in rows}

    def decisions(self) -> list[dict]:
        return [_decode_decision(r)
                for r in self.db.query("SELECT * FROM decisions ORDER BY date")]

    def integrity_ok(self) -> bool:
        return self.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def version_hash(doc: Document) -> str:
    """The raw content and what the parser made of it: a parser upgrade re-writes the
    documents it parses differently, and only those."""
    parsed = json.dumps(doc.to_parse_json(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((doc.content_hash + parsed).encode("utf-8")).hexdigest()


def _decode(row: dict) -> dict:
    row = dict(row)
    row["exemptions"] = json.loads(row.get("exemptions") or "[]")
    row["cited"] = row["exemptions"]
    if row.get("regime") == "FOISA":
        row["exemptions"] = as_foia(row["cited"])
    return row


def _decode_decision(row: dict) -> dict:
    """A decision with its exemptions decoded; a Court of Session case ('[2006] CSIH 8') is
    under FOISA, so its citations come in FOIA's numbers too (`cited` keeps them)."""
    row = dict(row)
    row["exemptions"] = row["cited"] = json.loads(row.get("exemptions") or "[]")
    if scottish_case(row.get("reference")):
        row["exemptions"] = as_foia(row["cited"])
    return row


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
