"""Authority names, references and display names taken from titles and letters: what a
requester reads beside every precedent ("Avon and Somerset Police", not "Somerset Police")."""

from corpus.header import canonical_names, find_authority, find_reference
from corpus.parse import parse_disclosure_record


def test_names_joined_by_and_or_upon_are_kept_whole():
    assert find_authority("Car parking (Maidstone and Tunbridge Wells NHS Trust)") == \
        "Maidstone and Tunbridge Wells NHS Trust"
    assert find_authority("Fleet list (Avon and Somerset Police), 2024") == \
        "Avon and Somerset Police"
    assert find_authority("Reply from Newcastle upon Tyne City Council") == \
        "Newcastle upon Tyne City Council"
    assert find_authority("CCTV (City and County of Swansea response letter)") == \
        "City and County of Swansea"


def test_a_reference_number_is_not_part_of_the_name():
    assert find_authority("01.FOI.22.023079 Police callout times (Metropolitan Police)") == \
        "Metropolitan Police"
    assert find_authority("Fixed Penalty Notices (London Borough of Barnet FOI page)") == \
        "London Borough of Barnet"


def test_national_bodies_are_named():
    assert find_authority("CAS-213163 IT devices and software at The National Archives") == \
        "The National Archives"
    assert find_authority("FOI response from the Home Office, ref 3714") == "Home Office"
    assert find_authority("Apprenticeships (Department for Education FOI response)") == \
        "Department for Education"


def test_a_bare_year_is_not_a_reference():
    assert find_reference("FOI 2023 11 - Cyber Security (Public Health Wales)") is None
    assert find_reference("Our ref: FOI-2023-11") == "FOI-2023-11"
    assert find_reference("Request FOIR-609875000 Cyberattacks") == "FOIR-609875000"
    assert find_reference("as the Tribunal held in EA/2018/0055, we refuse") is None


def _record(title: str, **extra) -> dict:
    return {"url": "https://example.org/foi/1", "title": title,
            "text": f"{title}\nRequest: how many laptops were lost? Response: 12.", **extra}


def test_a_log_title_naming_the_body_after_a_relay_phrase_gives_the_body():
    doc = parse_disclosure_record(_record(
        "Cyber attacks (WhatDoTheyKnow request to the Information Commissioner's Office)",
        site="whatdotheyknow.com"))
    assert doc.authority == "Information Commissioner's Office"


def test_a_title_that_names_no_body_falls_back_to_the_site_not_to_a_description():
    doc = parse_disclosure_record(_record(
        "Freedom of information response - Temporary accommodation (council FOI response page)",
        site="somewhere.gov.uk"))
    assert doc.authority == "somewhere.gov.uk"


def test_every_spelling_of_an_authority_is_shown_by_its_commonest_name():
    names = canonical_names(["Hastings Borough Council", "hastings.gov.uk", "hastings.gov.uk",
                             "Surrey Police", "Surrey County Council", "nationalarchives.gov.uk"])
    assert names["hastings.gov.uk"] == "Hastings Borough Council"
    assert names["Surrey Police"] == "Surrey Police"
    assert names["Surrey County Council"] == "Surrey County Council"
    assert names["nationalarchives.gov.uk"] == "nationalarchives.gov.uk"


def test_a_body_named_by_its_initials_or_as_a_university_of_is_named_in_full():
    assert parse_disclosure_record(_record(
        "DWP FOI 758 - Fraud Procedures (DWP Central FoI Team, 22 March 2011)",
        site="whatdotheyknow.com")).authority == "Department for Work and Pensions"
    assert find_authority("University of Leeds - senior staff emoluments FOI") == \
        "University of Leeds"


def test_a_file_name_is_not_a_reference():
    assert find_reference("reference 1598527.xlsx attached") == "1598527"
    assert find_reference("ref F2021.08.4687") == "F2021.08.4687"


def test_a_department_typed_by_its_initials_is_named_and_known_as_central_government():
    from bot.track_record import authority_kind
    from corpus.header import expand_initials

    assert expand_initials("MoD") == "Ministry of Defence"
    assert expand_initials("the DWP") == "Department for Work and Pensions"
    assert expand_initials("Barnet") == "Barnet"
    assert expand_initials("UEA") == "University of East Anglia"
    for name in ("Cabinet Office", "HMRC", "HM Treasury", "Ministry of Defence"):
        assert authority_kind(name) == "central", name
    assert authority_kind("St Mary's Primary School") == "school"


def test_a_welsh_name_is_its_english_one():
    from corpus.header import english_name, expand_initials

    assert english_name("Cyngor Sir Caerdydd") == "Cardiff Council"
    assert english_name("Cyngor Gwynedd") == "Gwynedd Council"
    assert english_name("Heddlu De Cymru") == "South Wales Police"
    assert english_name("Llywodraeth Cymru") == "Welsh Government"
    assert english_name("Kent County Council") == "Kent County Council"
    assert expand_initials("Cyngor Abertawe") == "Swansea Council"
