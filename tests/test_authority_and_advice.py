"""Authority matching, coverage notes, explanations and whole-draft advice (audit round 10)."""

from __future__ import annotations

from bot.authority import expand_abbreviations, match_authority

ON_RECORD = ["East Hertfordshire District Council", "Herefordshire Council",
             "University Hospitals Birmingham NHS FT", "West Midlands Police",
             "North Yorkshire Police", "Lancashire Constabulary", "Sheffield City Council",
             "Bath and North East Somerset Council", "University of Leeds"]


def test_a_county_council_is_not_the_district_council_of_a_longer_place_name():
    assert match_authority("Hertfordshire County Council", ON_RECORD) == (None, [])
    assert match_authority("hertfordshire", ON_RECORD)[0] is None  # not Herefordshire either
    assert match_authority("Somerset", ON_RECORD)[0] is None  # 'X and north east Y'
    assert match_authority("East Hertfordshire District Council", ON_RECORD)[0] == \
        "East Hertfordshire District Council"
    assert match_authority("East Herts", ON_RECORD)[0] == "East Hertfordshire District Council"
    assert match_authority("Sheffeild City Council", ON_RECORD)[0] == "Sheffield City Council"


def test_a_bare_place_offers_its_council_first_and_its_other_bodies_after():
    found, offered = match_authority("birmingham", ON_RECORD)
    assert found is None
    assert offered == ["Birmingham Council", "University Hospitals Birmingham NHS FT"]
    # the council offered, once picked, is judged as a council, not matched again to the trust
    assert match_authority("Birmingham Council", ON_RECORD) == (None, [])


def test_county_abbreviations_are_read_as_the_county():
    assert match_authority("West Mids Police", ON_RECORD)[0] == "West Midlands Police"
    assert match_authority("North Yorks Police", ON_RECORD)[0] == "North Yorkshire Police"
    assert match_authority("Lancs Constabulary", ON_RECORD)[0] == "Lancashire Constabulary"
    assert expand_abbreviations("Herts County Council") == "Hertfordshire County Council"
    assert expand_abbreviations("the Met") == "Metropolitan Police"
    assert expand_abbreviations("Met Office") == "Met Office"
