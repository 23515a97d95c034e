"""The authority's track record and kind: how the risk model hears about who is asked."""

from __future__ import annotations

import json

import pytest

from bot import risk
from bot.track_record import TrackRecord, authority_kind


def _rows(authority: str, refused: int, answered: int, requests: int | None = None
          ) -> list[dict]:
    """An authority's questions, dealt over `requests` requests (one per question unless
    said): the record counts requests, so how they were asked matters."""
    outcomes = ["refused"] * refused + ["answered"] * answered
    n = requests or len(outcomes)
    return [{"authority": authority, "outcome": o, "document_id": f"{authority}/{i % n}"}
            for i, o in enumerate(outcomes)]


@pytest.mark.parametrize("name, kind", [
    ("West Midlands Police", "police"), ("Cambridgeshire Constabulary", "police"),
    ("psni.police.uk", "police"), ("Office of the Police and Crime Commissioner for Gwent",
                                   "police"),
    ("Essex County Fire and Rescue Service", "fire"), ("Bolton NHS Foundation Trust", "health"),
    ("University of East Anglia", "education"), ("Home Office", "central"),
    ("Transport for London", "transport"), ("nationalarchives.gov.uk", "central"),
    ("Sheffield City Council", "council"), ("London Borough of Barnet", "council"),
    ("hastings.gov.uk", "council"), ("scribd.com", "other"), (None, "other"),
])
def test_authority_kind_reads_the_name(name, kind):
    assert authority_kind(name) == kind


def test_an_authority_with_a_long_record_is_judged_on_it():
    record = TrackRecord.from_rows(_rows("West Midlands Police", 40, 10)
                                   + _rows("Sheffield City Council", 5, 95))
    assert record.base_rate == pytest.approx(45 / 150)
    assert record.rate("West Midlands Police") > 0.7
    assert record.rate("Sheffield City Council") < 0.1
    assert record.rate(None) == record.base_rate


def test_an_unknown_authority_borrows_the_record_of_its_kind():
    forces = [f"{place} Police" for place in ("West Midlands", "Kent", "Essex", "Gwent",
                                               "Cleveland", "Durham")]
    councils = [f"{place} Council" for place in ("Sheffield", "Leeds", "Moray", "Thurrock",
                                                 "Dover", "Devon")]
    record = TrackRecord.from_rows([r for force in forces for r in _rows(force, 8, 2)]
                                   + [r for c in councils for r in _rows(c, 1, 19)])
    assert record.rate("Dorset Police") > 0.6 > record.base_rate
    assert record.rate("Barnet Council") < 0.2 < record.base_rate
    assert record.rate("Royal Mint") == pytest.approx(record.base_rate)


def test_two_questions_do_not_make_a_habit():
    record = TrackRecord.from_rows(_rows("Sheffield City Council", 10, 90)
                                   + _rows("Moray Council", 2, 0))
    assert 0.1 < record.rate("Moray Council") < 0.5


def test_holding_out_a_document_removes_its_questions_from_the_record():
    held_out = _rows("Dorset Police", 3, 0, requests=1)
    full = TrackRecord.from_rows(held_out + [{**r, "document_id": "y"}
                                             for r in _rows("Dorset Police", 0, 10, requests=1)])
    visible = full.minus(TrackRecord.from_rows(held_out))
    assert visible.by_authority["dorset police"].total == 10
    assert visible.rate("Dorset Police") < full.rate("Dorset Police")


def test_the_record_is_described_in_plain_words():
    record = TrackRecord.from_rows(_rows("West Midlands Police", 40, 10)
                                   + _rows("Dorset Police", 2, 0))
    said = record.describe("West Midlands Police")
    assert said == ("West Midlands Police refused or NCND'd 40 of the 50 past questions on "
                    "record (50 requests); police forces 42 of 52 (52 requests, at 2 different "
                    "forces).")
    assert record.describe("Kent Police") == (
        "no answered or refused questions to Kent Police on record; police forces refused or "
        "NCND'd 42 of 52 (52 requests, at 2 different forces).")
    assert record.describe("Royal Mint") is None
    assert record.describe(None) is None


def test_neighbours_from_the_same_authority_and_kind_weigh_more():
    assert risk.boost("Dorset Police", "Dorset Police") == risk.KIND_BOOST * risk.AUTHORITY_BOOST
    assert risk.boost("Dorset Police", "Essex Police") == risk.KIND_BOOST
    assert risk.boost("Dorset Police", "Barnet Council") == 1.0
    assert risk.boost(None, "Dorset Police") == 1.0


def test_a_bad_record_raises_the_risk_once_fitted():
    rows = [([0.0, 0.0, 0.0, 1.5], 1)] * 30 + [([0.0, 0.0, 0.0, -1.5], 0)] * 30
    cal = risk.fit_calibration(rows, 0.5)
    assert cal.w_history > 0
    assert risk.score([0.0, 0, 0, 1.5], cal) > 0.5 > risk.score([0.0, 0, 0, -1.5], cal)


def test_risk_model_round_trips_and_reads_a_calibration_saved_before_the_split(tmp_path):
    model = risk.RiskModel(risk.Calibration(bias=1.0, w_history=0.7), risk.Calibration(bias=-1.0))
    path = tmp_path / "calibration.json"
    model.save(path)
    assert risk.RiskModel.load(path) == model
    assert risk.RiskModel.load(path).for_authority("Dorset Police").w_history == 0.7
    assert risk.RiskModel.load(path).for_authority(None).bias == -1.0
    path.write_text(json.dumps({"bias": 0.3, "w_knn": 1.1, "w_up": 0.4, "w_down": -0.3,
                                "base_rate": 0.25}))
    old = risk.RiskModel.load(path)
    assert old.named == old.unnamed and old.named.w_history == 0.0 and old.base_rate == 0.25
    path.write_text("{broken")
    assert risk.RiskModel.load(path) == risk.RiskModel()


def test_a_kind_seen_at_few_authorities_says_little_about_another():
    # 32 refusals at two universities (a few security requests) are no habit of universities
    record = TrackRecord.from_rows(_rows("University of East Anglia", 20, 0)
                                   + _rows("Cardiff University", 12, 0)
                                   + _rows("Sheffield City Council", 10, 90))
    assert record.rate("University of Manchester") < 0.65
    assert record.rate("University of East Anglia") > 0.7  # its own record still counts


@pytest.mark.parametrize("name, kind", [
    ("Department of Health and Social Care", "central"),
    ("Health and Safety Executive", "central"),
    ("UK Health Security Agency", "central"),
    ("Ofsted", "central"),
    ("UKVI", "central"),
    ("Transport for Greater Manchester", "transport"),
    ("Transport for Wales", "transport"),
    ("London Ambulance Service", "health"),
    ("Gloucestershire Hospitals NHS Foundation Trust", "health"),
])
def test_departments_of_health_are_government_and_regional_transport_is_transport(name, kind):
    assert authority_kind(name) == kind


def test_many_parts_of_one_request_refused_in_one_reply_count_as_one_refusal():
    one_reply = TrackRecord.from_rows(_rows("Cardiff University", 9, 0, requests=1)
                                      + _rows("Sheffield City Council", 10, 90))
    nine_replies = TrackRecord.from_rows(_rows("Cardiff University", 9, 0)
                                         + _rows("Sheffield City Council", 10, 90))
    assert one_reply.rate("Cardiff University") < nine_replies.rate("Cardiff University")
    assert "9 of the 9 past questions on record (1 request)" in one_reply.describe(
        "Cardiff University")
