"""A Welsh or bilingual request letter splits into its questions as an English one does: its
request words ask, its greeting and sign-off do not, and the council it greets is named by the
English name the corpus uses."""

from __future__ import annotations

import pytest

from bot.greeting import body_name, greeted
from corpus.split import signs_off, split_questions
from tests.conftest import check_json

# the audit's draft (ux13 item 3): "I would like to know how many council houses are empty in
# Carmarthenshire at present. / Also, how much money was spent on maintaining council houses in
# 2023? / Thanks"
HOUSING = ("\n\nHoffwn wybod faint o dai cyngor sydd yn wag yn Sir Gâr ar hyn o bryd.\n\n"
           "Hefyd, faint o arian a wariwyd ar gynnal a chadw tai cyngor yn 2023?\n\nDiolch")
FIRST = "Hoffwn wybod faint o dai cyngor sydd yn wag yn Sir Gâr ar hyn o bryd."
SECOND = "Hefyd, faint o arian a wariwyd ar gynnal a chadw tai cyngor yn 2023?"


def test_a_welsh_letter_keeps_its_main_question_and_drops_its_sign_off():
    assert split_questions("Annwyl Syr/Fadam," + HOUSING) == [FIRST, SECOND]


@pytest.mark.parametrize("sign_off", ["Diolch", "Diolch yn fawr,", "Diolch yn fawr iawn",
                                      "Yn gywir,", "Yr eiddoch yn gywir,", "Cofion,",
                                      "Cofion gorau,"])
def test_a_welsh_sign_off_ends_the_letter_and_is_no_question(sign_off):
    assert signs_off(sign_off)
    letter = f"Annwyl Syr/Fadam,\n\n{FIRST}\n\n{SECOND}\n\n{sign_off}\nSiân Jones"
    assert split_questions(letter) == [FIRST, SECOND]


@pytest.mark.parametrize("greeting", ["Annwyl Syr/Fadam,", "Helo,", "Bore da,", "Prynhawn da,"])
def test_a_welsh_greeting_is_no_question(greeting):
    assert split_questions(f"{greeting}\n\n{FIRST}\n\nDiolch yn fawr,\nAled") == [FIRST]


@pytest.mark.parametrize("sentence", [
    "Hoffwn gael copi o bolisi parcio'r cyngor.",           # I would like a copy of ...
    "A allwch chi anfon cofnodion y cyfarfod ym mis Mai.",  # Could you send the minutes ...
    "Os gwelwch yn dda, anfonwch gyllideb y llyfrgelloedd.",  # Please send the budget ...
    "Faint o gwynion a gafwyd am sbwriel yn 2023.",         # How many complaints ...
    "Pa ysgolion sydd wedi cau ers 2020.",                  # Which schools ...
    "Pryd y bydd yr adroddiad yn cael ei gyhoeddi.",        # When will the report ...
    "Ble mae'r arian wedi cael ei wario.",                  # Where has the money gone ...
    "Pam cafodd y llyfrgell ei chau.",                      # Why was the library closed ...
])
def test_a_welsh_request_lead_in_asks_without_a_question_mark(sentence):
    context = "Rwy'n byw yn y dref ers deng mlynedd."  # "I have lived in the town ten years."
    assert split_questions(f"Annwyl Gyngor Gwynedd,\n\n{context} {sentence}\n\nDiolch") \
        == [sentence]


def test_a_numbered_welsh_list_ends_at_its_thanks():
    letter = ("Annwyl Gyngor Caerdydd,\n\n1. Faint o geir a gafodd ddirwy yn 2023?\n"
              "2. Faint o arian a gasglwyd?\n\nDiolch am eich help.\n\nYn gywir,\nAled")
    assert split_questions(letter) == ["Faint o geir a gafodd ddirwy yn 2023?",
                                       "Faint o arian a gasglwyd?"]


def test_an_english_letter_splits_as_before():
    letter = ("Dear Sir/Madam,\n\nI would like to know how many council houses are empty in "
              "Carmarthenshire at present. Also, how much money was spent on maintaining "
              "council houses in 2023? Pam Jones asked this last year.\n\nThanks\nBeth")
    assert split_questions(letter) == [
        "I would like to know how many council houses are empty in Carmarthenshire at present.",
        "Also, how much money was spent on maintaining council houses in 2023?"]


@pytest.mark.parametrize(("welsh", "english"), [
    ("Cyngor Sir Gâr", "Carmarthenshire County Council"),
    ("Cyngor Caerdydd", "Cardiff Council"),
    ("Cyngor Gwynedd", "Gwynedd Council"),
    ("Cyngor Sir Ddinbych", "Denbighshire County Council"),
    ("Cyngor Sir Ceredigion", "Ceredigion County Council"),
    ("Cyngor Sir Powys", "Powys County Council"),
    ("Cyngor Abertawe", "Swansea Council"),
    ("Cyngor Bro Morgannwg", "Vale of Glamorgan Council"),
    ("Cyngor Sir Ynys Môn", "Isle of Anglesey County Council"),
    ("Cyngor Sir Penfro", "Pembrokeshire County Council"),
    ("Cyngor Sir y Fflint", "Flintshire County Council"),
    ("Cyngor Casnewydd", "Newport City Council"),
    ("Llywodraeth Cymru", "Welsh Government"),
])
def test_a_welsh_council_name_reads_as_its_english_name(welsh, english):
    assert body_name(welsh) == english
    mutated = welsh.replace("Cyngor", "Gyngor").replace("Llywodraeth", "Lywodraeth")
    assert greeted(f"Annwyl {mutated},\n\n{FIRST}") == english


def test_a_welsh_letter_is_checked_question_by_question_against_the_english_council(cli, built):
    data = check_json(cli, built, "Annwyl Gyngor Sir Gâr," + HOUSING)
    assert [q["text"] for q in data["questions"]] == [FIRST, SECOND]
    assert data["authority"] == "Carmarthenshire County Council"  # not 'Gâr Council'
    assert "Gâr Council" not in str(data)


def test_an_english_letter_is_checked_as_before(cli, built):
    draft = ("Dear Cardiff Council,\n\n1. How many parking fines were issued in 2023?\n"
             "2. How much income did they raise?\n\nKind regards,\nJo")
    data = check_json(cli, built, draft)
    assert data["authority"] == "Cardiff Council"
    assert [q["text"] for q in data["questions"]] == [
        "How many parking fines were issued in 2023?", "How much income did they raise?"]


def test_a_welsh_name_given_as_the_authority_is_the_english_body_too():
    from corpus.header import english_name, expand_initials

    assert expand_initials("Cyngor Sir Gâr") == "Carmarthenshire County Council"
    assert english_name("Gyngor Sir Powys") == "Powys County Council"
    assert english_name("Cyngor Gwynedd") == "Gwynedd Council"
    assert english_name("The Home Office") == "The Home Office"  # not Welsh: as it is
