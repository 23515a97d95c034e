"""A letter pasted into the chat is one draft, blank lines between its paragraphs and all; a
lead-in that only announces the topic is no question; a question joined to a request for a
document asks two things; a bilingual greeting names the body in English."""

import io
import re

import pytest

from bot.greeting import greeted
from bot.terminal import LETTER_OPEN, run_chat
from corpus.split import split_questions
from tests.conftest import built_project

MEDWAY = ["Dear Medway Council,", "",
          "I would like to know how many fixed penalty notices for littering were issued in 2023.",
          "", "I would also like to know which private contractor issues the fines.", ""]


class Recording:
    """The conversation's side, without an index: what it was asked to check."""

    def __init__(self):
        self.drafts = []

    def is_command(self, line):
        return line.strip() in ("revised", "ok thanks")

    def respond(self, session, text):
        self.drafts.append(text)
        return "checked"


def _drafts(lines: list[str], interactive: bool = False) -> tuple[list[str], str]:
    talk, out = Recording(), io.StringIO()
    run_chat(talk, io.StringIO("\n".join(lines) + "\n"), out, interactive=interactive)
    return [d for d in talk.drafts if d not in ("revised", "ok thanks")], out.getvalue()


@pytest.mark.parametrize("greeting", ["Dear Medway Council,", "Dear Sir/Madam,",
                                      "To whom it may concern,", "Hello,"])
def test_a_prose_letter_piped_with_blank_lines_is_one_draft_up_to_its_sign_off(greeting):
    drafts, _ = _drafts([greeting, *MEDWAY[1:], "Yours faithfully,", "Jen", "", "revised"])
    assert len(drafts) == 1
    assert "how many fixed penalty notices" in drafts[0]
    assert "which private contractor" in drafts[0]


def test_a_letter_ends_at_two_empty_lines_and_the_next_draft_is_its_own():
    drafts, _ = _drafts([*MEDWAY, "", "How many CCTV cameras does the council operate?", ""])
    assert len(drafts) == 2 and "which private contractor" in drafts[0]
    assert drafts[1] == "How many CCTV cameras does the council operate?"


def test_small_talk_or_a_command_after_a_letters_blank_line_ends_it():
    drafts, _ = _drafts([*MEDWAY, "ok thanks"])
    assert len(drafts) == 1 and "ok thanks" not in drafts[0]


def test_a_paragraph_that_carries_on_the_request_joins_a_draft_without_a_greeting():
    drafts, _ = _drafts(["How many fines were issued in 2023?", "",
                         "I would also like to know which contractor issues them.", ""])
    assert drafts == ["How many fines were issued in 2023?\n\n"
                      "I would also like to know which contractor issues them."]


def test_one_line_drafts_piped_with_blank_lines_stay_separate():
    drafts, _ = _drafts(["How many fines were issued in 2023?", "",
                         "How many CCTV cameras does the council operate?", ""])
    assert len(drafts) == 2


def test_a_typed_letter_stays_open_at_a_blank_line_until_an_empty_line_more():
    # a StringIO has nothing 'pending' as a terminal's paste would: each line is typed
    drafts, out = _drafts([*MEDWAY[:4], MEDWAY[4], "", ""], interactive=True)
    assert LETTER_OPEN in out
    assert len(drafts) == 1 and "which private contractor" in drafts[0]


# -- the whole chat, through the CLI -------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_project(tmp_path_factory.mktemp("letters_in_chat"))


def test_chat_checks_a_prose_letter_once_and_its_follow_ups_see_every_paragraph(built, cli):
    script = "\n".join([*MEDWAY, "Yours faithfully,", "Jen", "", "revised", "what about 2021?",
                        "quit"]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0 and out.rstrip().endswith("Goodbye.")
    assert "Authority: Medway Council" in out
    revised = out.split("Your draft, asked for 2021 instead:")[0].rsplit("Revised draft:", 1)[1]
    numbered = [line.strip() for line in revised.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert len(numbered) == 2 and "fixed penalty notices" in numbered[0]
    assert "private contractor" in numbered[1]
    assert "issued in 2021" in out and "names no period" not in out
    assert out.count("Verdict:") == 2  # the letter, and the letter again for 2021


# -- the splitter ----------------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "I would like to request information about contracts for hotels.",
    "Please could you provide information regarding hotel contracts.",
    "Under the Freedom of Information Act, I would like to request information concerning "
    "hotel contracts."])
def test_a_lead_in_that_only_announces_the_topic_is_no_question(lead):
    text = f"Dear Home Office,\n\n{lead}\n\n1. How many hotels were used in 2023?\n" \
           "2. What was the total contract value in 2023/24?\n"
    assert split_questions(text) == ["How many hotels were used in 2023?",
                                     "What was the total contract value in 2023/24?"]


def test_an_announced_topic_goes_to_the_next_question_when_that_one_lacks_it():
    text = ("Please could you provide information regarding hotel contracts.\n\n"
            "1. How many were signed in 2023?\n2. What was the total value?\n")
    assert split_questions(text)[0] == "Regarding hotel contracts, how many were signed in 2023?"


def test_a_request_for_information_that_names_what_it_asks_is_still_a_question():
    assert split_questions("Please provide information about hotel contracts.") == [
        "Please provide information about hotel contracts."]
    assert len(split_questions("I would like to request information about how many hotels "
                               "were used. What did they cost?")) == 2


def test_a_question_joined_to_a_request_for_a_document_asks_two_things():
    text = ("Dear DVLA,\nPlease tell me how many drivers had their licence revoked on medical "
            "grounds in 2023, by condition, and provide the submission sent to the minister "
            "about medical licensing delays.")
    assert split_questions(text) == [
        "Please tell me how many drivers had their licence revoked on medical grounds in 2023, "
        "by condition.",
        "Please provide the submission sent to the minister about medical licensing delays."]
    assert split_questions("1. How many drivers lost their licence in 2023, and provide the "
                           "submission sent to the minister.\n2. What is the budget?\n") == [
        "How many drivers lost their licence in 2023?",
        "Please provide the submission sent to the minister.", "What is the budget?"]


@pytest.mark.parametrize("greeting", ["Annwyl Gyngor Gwynedd / Dear Gwynedd Council,",
                                      "Annwyl Cyngor Gwynedd / Dear Gwynedd Council,",
                                      "Dear Gwynedd Council / Annwyl Gyngor Gwynedd,",
                                      "Annwyl Gyngor Gwynedd,"])
def test_a_bilingual_or_welsh_greeting_names_the_council_in_english(greeting):
    assert greeted(f"{greeting}\n\nHow many fines were issued?") == "Gwynedd Council"
    assert greeted("Dear Sir/Madam,\n\nHow many fines were issued?") is None


def test_chat_a_letter_opening_hello_is_one_draft_not_small_talk_and_two(built, cli):
    script = "\n".join([
        "Hello,", "", "Please tell me how many fixed penalty notices were issued in 2023.", "",
        "Please tell me which private contractor issues the fines.", "", "Kind regards,", "Jen",
        "", "quit"]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0 and out.count("Verdict:") == 1 and "Hello. Paste" not in out
    assert "2. Please tell me which private contractor" in out
