"""The SQLite store: WAL, idempotent writes, FTS, and no personal e-mail addresses."""

from __future__ import annotations

import re

from corpus.ingest import ingest
from corpus.models import Document, Question
from corpus.redact import redact, requester_names
from corpus.sources import Source
from corpus.store import Store
from tests.conftest import SHARED, needs_shared


def _doc(answer: str = "950 bins.", key: str = "k1") -> Document:
    return Document(source="t", key=key, kind="response", authority="Dover District Council",
                    date="2024-01-02", reference="FI15829", url="https://dover.gov.uk/x",
                    title="Bins", questions=(Question("How many litter bins?", "answered", (),
                                                      answer),), content_hash=answer)


def test_store_uses_wal_and_passes_integrity_check(tmp_path):
    store = Store.open(tmp_path / "s.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_ok()


def test_rewriting_a_document_is_idempotent_and_a_change_replaces_it(tmp_path):
    store = Store.open(tmp_path / "s.db")
    assert store.write_document(_doc()).status == "new"
    build = store.build_id
    assert store.write_document(_doc()).status == "unchanged"
    assert store.build_id == build
    assert store.write_document(_doc("1,000 bins.")).status == "changed"
    assert store.build_id != build
    rows = store.questions()
    assert len(rows) == 1 and rows[0]["answer"] == "1,000 bins."


def test_full_text_search_finds_references_and_names(tmp_path):
    store = Store.open(tmp_path / "s.db")
    store.write_document(_doc())
    assert [r["reference"] for r in store.search_text("FI15829")] == ["FI15829"]
    assert store.search_text("litter")[0]["authority"] == "Dover District Council"


def test_migrations_run_once(tmp_path):
    Store.open(tmp_path / "s.db").close()
    store = Store.open(tmp_path / "s.db")
    assert [r["name"] for r in store.db["_migrations"].rows] == ["001_schema"]


def test_requester_names_and_emails_are_redacted():
    thread = ("Dear Sheffield City Council,\nPlease tell me how many trees were felled.\n"
              "Yours faithfully,\nJane Q Public\n")
    names = requester_names(thread)
    assert names == ["Jane Q Public"]
    reply = ("Dear Ms Public,\nThank you. Contact foi@sheffield.gov.uk, not jane.public@gmail.com."
             "\nFrom: Jane Public <jane.public@gmail.com>\nDear Jane Q Public,")
    out = redact(reply, names)
    assert "Public" not in out and "jane" not in out.lower()
    assert "foi@sheffield.gov.uk" in out
    assert "[email]" in out
    assert "Dear Sheffield City Council" in redact(thread, names)


def test_a_requester_addressed_mid_line_or_signing_after_thanks_is_redacted():
    request = "24. Any other comments?\nMany thanks, Yours faithfully,\nRebecca Brown."
    names = requester_names(request)
    assert names and "Rebecca" not in redact(request, names)
    reply = "EIR Dear Rebecca Brown, Thank you for your request. Dear Sheffield City Council,"
    out = redact(reply, [])
    assert "Rebecca" not in out and "Dear Sheffield City Council" in out
    assert redact("the price was dear to us", []) == "the price was dear to us"
    assert redact("Hi Mr Buxton Our response is due today.", []) == \
        "Hi [requester] Our response is due today."
    assert redact("Hi there, please see below", []) == "Hi there, please see below"


@needs_shared
def test_no_personal_email_reaches_the_database_from_the_real_threads(tmp_path):
    store = Store.open(tmp_path / "s.db")
    ingest(store, [Source("wdtk", "wdtk_threads", SHARED / "wdtk-sheffield-threads.jsonl.gz")])
    public = re.compile(r"@[\w.-]*(gov\.uk|nhs\.(uk|net)|police\.uk|ac\.uk|whatdotheyknow\.com)$")
    emails = set()
    for table, cols in (("questions", ("text", "answer")), ("documents", ("title",))):
        for row in store.db[table].rows:
            for col in cols:
                emails |= set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", row[col] or ""))
    personal = {e for e in emails if not public.search(e)}
    assert personal == set()
    assert store.question_count() > 1000
    # nobody is greeted by name in what is stored ("Dear [requester]", "Dear Sir/Madam")
    greeted = re.compile(r"\b(?:Dear|Hi|Hello)\s+(?!\[requester\]|Sir|Madam)"
                         r"((?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
    names = {m.group(1) for row in store.db["questions"].rows
             for m in greeted.finditer(row["answer"] or "")
             if not re.search(r"Council|Team|Officer|Colleague|Customer|Information|Thank|"
                              r"Please|There|All", m.group(1))}
    assert names == set()


def test_a_surname_left_beside_a_redacted_first_name_is_redacted_too():
    names = requester_names("Please tell me.\nYours faithfully,\nRebecca Brown.\n")
    out = redact("EIR Dear Rebecca Brown, Thank you. Mrs Brown asked twice.", names)
    assert "Brown" not in out and "Rebecca" not in out
    # a reply greeting a requester who signed with a first name only
    out = redact("Dear Sam Jewell, Thank you for your request.", ["Sam"])
    assert "Jewell" not in out and out.startswith("Dear [requester],")
    assert redact("Dear [requester], Thank you.", []) == "Dear [requester], Thank you."
    out = redact("Sam Parry FPN data.xlsx Enforcement Mr Parry, Please find it attached.", [])
    assert "Parry" not in out
