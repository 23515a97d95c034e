"""A precedent's link goes to the authority's own site, a public body's or WhatDoTheyKnow:
one on a spam, mirror or staging host is blanked at ingest and the record kept."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corpus.ingest import ingest
from corpus.sources import Source, host_of, parse_record_line, trusted_source, vetted
from corpus.store import Store

SPAM = "https://110571.2bdvi7ajx.asia/foi-responses/mould-and-damp"
OWN = "https://www.hastings.gov.uk/my-council/freedom-of-information/date/?id=FOIR-1"


@pytest.mark.parametrize(("url", "authority"), [
    ("https://www.whatdotheyknow.com/request/cctv_cameras_12", "Sheffield City Council"),
    (OWN, "Hastings Borough Council"),
    ("https://foi.ghc.nhs.uk/foi-1", "Gloucestershire Health and Care NHS FT"),
    ("https://beta.northumbria.police.uk/foi/1", "Northumbria Police"),
    ("https://www.uea.ac.uk/foi/25-138", "University of East Anglia"),
    ("https://www.gov.scot/publications/foi-1/", "Scottish Government"),
    ("https://gov.uk/government/publications/moj-foi", "Ministry of Justice"),
    ("https://herefordshire.disclosurelog.co.uk/disclosures/5d59", "Herefordshire Council"),
    ("https://www.ordnancesurvey.co.uk/governance/foi/1", "Ordnance Survey"),
    ("http://www.os.uk/governance/information/foi231167", "Ordnance Survey"),
    ("https://www.wmfs.net/foi/211105-cloud", "West Midlands Fire Service"),
    ("https://hwfire.org.uk/foi-responses/184-07-23",
     "Hereford and Worcester Fire and Rescue Service"),
    ("http://www.theipsa.org.uk/freedom-of-information/rfi-1",
     "Independent Parliamentary Standards Authority"),
    ("https://www.britishcouncil.org/organisation/transparency/foi201743", "British Council"),
    ("https://www.ashfordstpeters.info/answers-from-2019/5471",
     "Ashford and St Peter's Hospitals NHS FT"),
])
def test_a_link_to_the_authority_or_a_public_or_foi_site_is_kept(url, authority):
    assert trusted_source(url, authority)


@pytest.mark.parametrize(("url", "authority"), [
    (SPAM, None),
    ("https://423717.u6nsh.group/foi-responses/access-control", None),
    ("http://www.thesanctuarymassage.com/about-us/foi_9332/",
     "NHS foundation trust disclosure log copy"),
    ("http://www.otdfun.com/about-us/foi_9027", "NHS trust disclosure log copy"),
    ("https://fly1.wordsworth.site/government/publications/malicious-emails", None),
    ("https://barnet2022-qa.orangebus.io/foi-requests/15168173", "London Borough of Barnet"),
    ("https://admin.barnet2022-tmp.orangebus.io/foi-requests/12565380", "Barnet Council"),
    ("https://uat.barnet.gov.uk/foi-requests/1", "Barnet Council"),
    ("https://admin.barnet.gov.uk/foi-requests/1", "Barnet Council"),
    ("https://uhsussex.mixd.co.uk/?p=51158", "University Hospitals Sussex NHS FT"),
    ("https://docslib.org/doc/119716/use-of-mobile-speed-cameras-only", "Nottinghamshire Police"),
    ("https://www.scribd.com/embeds/478319819/content", None),
    ("http://trillwoodstudios.com/malicious-emails.html", "Ordnance Survey"),
    ("not a link", "Hastings Borough Council"),
])
def test_a_spam_mirror_or_staging_host_is_not_shown(url, authority):
    assert not trusted_source(url, authority)


def test_a_host_is_read_without_www_and_case():
    assert host_of("HTTPS://WWW.Hastings.gov.uk/x") == "hastings.gov.uk"
    assert host_of(None) == "" and host_of("http://[bad") == ""


def _record(url: str, authority: str) -> dict:
    return {"url": url, "title": f"Mould and damp complaints ({authority}), responded 9 Sep 2024",
            "text": "Request: 1. How many complaints about mould and damp did you receive in "
                    "2023? Response: 120.",
            "outcome_hint": "answered", "exemptions": "[]", "regime": "FOIA"}


def test_a_spam_link_is_blanked_and_kept_as_unverified_while_the_record_stays():
    doc = parse_record_line(json.dumps(_record(SPAM, "Hastings Borough Council")).encode(),
                            "disclosure_log", "logs")
    assert doc.url is None and doc.extra["unverified_url"] == SPAM
    assert doc.authority == "Hastings Borough Council" and doc.questions
    own = parse_record_line(json.dumps(_record(OWN, "Hastings Borough Council")).encode(),
                            "disclosure_log", "logs")
    assert own.url == OWN and "unverified_url" not in own.extra
    assert vetted(own) is own


def test_an_ingested_store_links_only_trusted_hosts(tmp_path: Path):
    path = tmp_path / "logs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in (_record(SPAM, "Hastings Borough Council"),
                    _record(OWN, "Hastings Borough Council")):
            fh.write(json.dumps(rec) + "\n")
    store = Store.open(tmp_path / "foi.db")
    report = ingest(store, [Source("logs", "disclosure_log", path)])
    assert report.sources[0].documents == 2 and not report.sources[0].skipped
    links = sorted(str(q["source_url"]) for q in store.questions())
    assert links == ["None", OWN]
    extras = [json.loads(e) for (e,) in store.db.conn.execute("SELECT extra FROM documents")]
    assert [e.get("unverified_url") for e in extras if e.get("unverified_url")] == [SPAM]
