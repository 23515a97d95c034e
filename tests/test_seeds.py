"""The three real responses the project started from parse exactly right."""

from pathlib import Path

from corpus.parse import parse_response_text

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def _parse(name: str):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_response_text(path.read_text(), key=path.name)


def test_barnet_blanket_ncnd_covers_all_seven_questions():
    doc = _parse("000")
    assert doc.authority == "London Borough of Barnet"
    assert doc.date == "2021-02-09"
    assert doc.reference == "7002868"
    assert len(doc.questions) == 7
    assert all(q.outcome == "ncnd" for q in doc.questions)
    assert all(q.exemptions == ("s31(3)",) for q in doc.questions)
    assert doc.questions[0].text.startswith("How many devices")
    assert doc.questions[-1].text.endswith("what does the training entail?")


def test_barnet_ransomware_single_question_refused_under_s31_1_a():
    doc = _parse("002")
    assert doc.reference == "5945064"
    assert doc.date == "2020-01-14"
    assert len(doc.questions) == 1
    q = doc.questions[0]
    assert q.text.startswith("Total number of ransomware attacks")
    assert q.outcome == "refused"
    assert q.exemptions == ("s31(1)(a)",)


def test_leicester_interleaved_answers_and_shared_ncnd():
    doc = _parse("003")
    assert doc.authority == "Leicester City Council"
    answers = {q.text[:20]: q.answer for q in doc.questions}
    assert len(doc.questions) == 7
    answered = [q for q in doc.questions if q.outcome == "answered"]
    ncnd = [q for q in doc.questions if q.outcome == "ncnd"]
    assert len(answered) == 3 and len(ncnd) == 4
    assert all(q.exemptions == ("s31(3)",) for q in ncnd)
    assert answers["How many devices do "].startswith("6000")
    assert answers["How many employees d"] == "IT security team dedicated = 3"
    assert answers["Do you offer cyber s"].startswith("Yes, in house")
    assert {q.text[:25] for q in ncnd} == {
        "What provisions do you ha", "Have you implemented any ",
        "What budget do you dedica", "How many attempted cyber ",
    }
