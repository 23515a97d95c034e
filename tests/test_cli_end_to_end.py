"""The CLI as a user drives it: ingest, build-index, check, precedents, chat, on a small corpus.

Real SQLite and real FAISS; the fake embedder, since retrieval quality is not the point here.
"""

from __future__ import annotations

import json
import re

import pytest

DRAFT = """1. How many ransomware attacks has the council suffered in each month since 2019?
2. Which antivirus software do you use?
3. Do you offer cyber security training to staff?"""


def test_ingest_reports_documents_questions_outcomes_and_exemptions(project, cli):
    code, out, _ = cli("--config", str(project), "ingest")
    assert code == 0
    assert re.search(r"seeds: 3 documents \(3 new, 0 changed, 0 unchanged\), 15 questions", out)
    assert "outcomes: ncnd 11, answered 3, refused 1" in out
    assert "s31(3) 11" in out
    assert re.search(r"total: \d+ documents, \d+ questions, \d+ skipped", out)


def test_second_ingest_changes_nothing(project, cli):
    cli("--config", str(project), "ingest")
    code, out, _ = cli("--config", str(project), "ingest")
    assert code == 0
    assert "seeds: 3 documents (0 new, 0 changed, 3 unchanged)" in out
    assert not re.search(r"\((?:[1-9]\d*) new", out)


def test_check_json_has_the_stable_keys(built, cli):
    code, out, err = cli("--config", str(built), "check", "--json", DRAFT)
    assert code == 0, err
    data = json.loads(out)
    assert len(data["questions"]) == 3
    for q in data["questions"]:
        assert {"text", "risk", "level", "likely_exemptions", "precedents", "explanation",
                "rewordings"} <= set(q)
        assert 0.0 <= q["risk"] <= 1.0
        assert q["level"] in ("low", "medium", "high", "unknown")
        for p in q["precedents"]:
            assert {"id", "question", "authority", "date", "reference", "outcome", "exemptions",
                    "similarity", "source_url"} <= set(p)
        for ex in q["likely_exemptions"]:
            assert {"section", "subsection", "probability", "ncnd"} <= set(ex)
        if q["level"] in ("medium", "high"):
            assert q["rewordings"], q["text"]
            ids = {p["id"] for p in q["precedents"]}
            for r in q["rewordings"]:
                assert r["text"] and r["why"]
                assert set(r["based_on"]) <= ids | set(r["based_on"])
    overall = data["overall"]
    assert {"risk", "verdict", "likely_exemptions", "advice", "revised_draft"} <= set(overall)
    assert overall["revised_draft"].startswith("1. ")
    assert "section 16" in overall["revised_draft"]


def test_check_reads_stdin_and_human_text(built, cli):
    code, out, _ = cli("--config", str(built), "check", "-", stdin=DRAFT)
    assert code == 0
    assert out.startswith("Verdict: ")
    assert "1. How many ransomware attacks" in out
    assert "Revised draft:" in out


def test_check_jsonl_answers_each_line_in_order(built, cli):
    lines = [json.dumps({"text": "How many CCTV cameras are there?", "authority": None}),
             "not json", "", json.dumps({"text": DRAFT, "authority": "Barnet"})]
    code, out, _ = cli("--config", str(built), "check", "--jsonl", stdin="\n".join(lines))
    results = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert len(results) == 4  # output line n answers input line n, a blank one included
    assert len(results[0]["questions"]) == 1
    assert "error" in results[1] and "line 2" in results[1]["error"]
    assert results[2] == {"error": "line 3: empty line", "skipped": True}
    assert results[3]["authority"] == "London Borough of Barnet"


def test_empty_draft_is_a_clear_error(built, cli):
    code, _, err = cli("--config", str(built), "check", "   ")
    assert code == 2
    assert "empty" in err
    assert "Traceback" not in err


def test_precedents_filters_by_outcome_and_exemption(built, cli):
    code, out, _ = cli("--config", str(built), "precedents", "cyber security provisions",
                       "--exemption", "s31", "--json", "--limit", "5")
    assert code == 0
    found = json.loads(out)
    assert found
    assert all(any(e.startswith("s31") for e in p["exemptions"]) for p in found)
    code, out, _ = cli("--config", str(built), "precedents", "staff training", "--outcome",
                       "answered", "--json")
    assert all(p["outcome"] == "answered" for p in json.loads(out))


def test_a_bare_scottish_section_with_nothing_found_says_how_to_ask_for_foisas(built, cli):
    code, out, err = cli("--config", str(built), "precedents", "council tax", "--exemption",
                         "s25")
    assert code == 2 and not out and "unknown exemption 's25'" in err  # FOIA has no s25
    assert '--exemption "FOISA s25" (FOIA\'s s21)' in err


def test_precedents_lists_each_past_request_once_unless_every_part_is_asked_for(built, cli):
    code, out, _ = cli("--config", str(built), "precedents", "cyber security provisions",
                       "--json", "--limit", "5")
    assert code == 0
    refs = [(p["reference"], p["source_url"]) for p in json.loads(out)]
    assert len(refs) == len(set(refs))  # each request (reference and link) once
    code, out, _ = cli("--config", str(built), "precedents", "cyber security provisions",
                       "--json", "--limit", "5", "--all-parts")
    refs = [(p["reference"], p["source_url"]) for p in json.loads(out)]
    assert len(refs) == 5 and len(set(refs)) < len(refs)


def test_precedents_refuses_an_empty_topic_or_limit_politely(built, cli):
    code, out, err = cli("--config", str(built), "precedents", "  ")
    assert code == 2 and "Say what was asked" in err and not out
    code, _, err = cli("--config", str(built), "precedents", "cameras", "--limit", "0")
    assert code == 2 and "--limit must be 1 or more" in err and "Traceback" not in err


def test_precedents_lists_nothing_far_from_the_topic_and_says_so(built, cli):
    code, out, _ = cli("--config", str(built), "precedents", "zebra xylophone quantum")
    assert code == 0
    assert out.startswith("Nothing on record is close enough to \"zebra xylophone quantum\"")
    code, out, _ = cli("--config", str(built), "precedents", "zebra xylophone", "--json")
    assert json.loads(out) == []


def test_precedents_authority_first(built, cli):
    code, out, _ = cli("--config", str(built), "precedents", "attempted cyber breaches recorded",
                       "--authority", "barnet", "--json")
    assert code == 0
    found = json.loads(out)
    from corpus.header import authority_key

    assert found and all(authority_key(p["authority"]) == "barnet" for p in found)


def test_chat_transcript(built, cli):
    script = "\n".join([
        "authority leicester",
        DRAFT,
        "",
        "why 1",
        "reword 2",
        "revised",
        "explain s31",
        "what happened when people asked about attempted cyber breaches recorded?",
        "quit",
    ]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert "Authority set to Leicester City Council" in out
    assert "Verdict:" in out
    assert "1. How many ransomware attacks" in out
    assert "Try:" in out or "looks fine as it is" in out
    assert "Revised draft:" in out
    assert "s31 — law enforcement" in out
    assert "What happened when people asked" in out
    assert out.rstrip().endswith("Goodbye.")


def test_chat_a_command_word_alone_gets_a_hint_not_a_check(built, cli):
    script = "authority\nexplain\nexplain cost limit\nauthority barnet\nauthority\nquit\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert "Which authority? For example: authority Barnet" in out
    assert "Explain which exemption? For example: explain s31" in out
    assert "s12 — cost limit" in out  # a ground asked for by name
    assert "You are writing to London Borough of Barnet. To change it: authority NAME" in out
    assert "Verdict:" not in out  # no command word was checked as a draft


def test_chat_greets_and_keeps_a_draft_that_opens_like_a_question_whole(built, cli):
    script = ("hello\nWhat is the council's budget for cyber security in 2023?\n"
              "How many ransomware attacks did you have in 2023?\n\nthanks\nquit\n")
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert "Hello. Paste the draft of your FOI request" in out
    # both lines are one draft of two questions, not a one-line draft and then another
    assert out.count("Verdict:") == 1
    assert "1. What is the council's budget" in out and "2. How many ransomware attacks" in out
    assert "You're welcome." in out and out.rstrip().endswith("Goodbye.")


def test_chat_takes_a_pasted_letter_whole_and_the_authority_from_its_greeting(built, cli):
    script = ("Dear Leicester City Council,\n\n1. How many ransomware attacks did you have in "
              "2020?\n2. Do you train staff in cyber security?\n\nYours faithfully,\nJane\n\n"
              "quit\n")
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert out.count("Verdict:") == 1 and "could not find a question" not in out
    assert "Authority: Leicester City Council" in out
    assert "2. Do you train staff in cyber security?" in out


def test_chat_understands_follow_ups_in_plain_words_and_never_swallows_them(built, cli):
    script = "\n".join([
        "authority leicester", DRAFT,  # no empty line: the next command ends the draft
        "why is question 2 risky?", "how would you reword the first one?",
        "which question is most risky?", "helpp", "authority barnet", "why 1",
        "Dear Leicester City Council,", "", "How many ransomware attacks did you have?",
        "quit"]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert out.count("Verdict:") == 2  # the draft and the letter; no command checked as one
    assert "2. Which antivirus software do you use?\n" in out
    assert "1. How many ransomware attacks has the council suffered" in out
    assert "Did you mean “help”?" in out
    assert "Your draft, checked again for London Borough of Barnet:" in out
    assert ("Your letter greets Leicester City Council, so I checked it for them, not "
            "London Borough of Barnet.") in out
    assert "Authority: Leicester City Council" in out
    assert out.rstrip().endswith("Goodbye.")


def test_chat_reads_a_draft_pasted_with_blank_lines_as_one_and_keeps_it_through_small_talk(
        built, cli):
    script = "\n".join([
        "Dear Leicester City Council,", "", "1. How many ransomware attacks did you have?", "",
        "2. Which antivirus software do you use?", "", "Yours faithfully,", "Jo", "",
        "ok thanks", "yes", "what is the riskiest question?", "show me the revised draft",
        "quit"]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    revised = out.rsplit("Revised draft:", 1)[1].split("Goodbye.")[0]
    numbered = [line for line in revised.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert len(numbered) == 2 and "thanks" not in revised and "riskiest" not in revised
    assert "You're welcome." in out and "OK. Paste another draft" in out
    assert out.count("Verdict:") == 1  # piped in whole: checked once; no small talk checked


def test_chat_picks_a_suggestion_drops_a_question_and_answers_foi_questions(built, cli):
    script = "\n".join([
        "authority council", "use the first suggestion",
        "1. How many ransomware attacks did you have?", "2. Do you train staff in cyber security?",
        "", "drop question 2", "how long do they have to reply?", "switch to barnet",
        "what's the cost limit?", "quit"]) + "\n"
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0
    assert "Which one do you mean? 1. " in out
    assert out.count("Authority set to") == 2 and "Authority set to London Borough of Barnet" in out
    assert "Question 2 dropped; the draft now has 1." in out
    # 'what's the cost limit?' gets the short answer with the figures, not the s12 note
    assert "within 20 working days (s10)" in out and "£450 of staff time" in out
    assert out.count("Verdict:") == 1  # none of these lines was checked as a draft


def test_chat_keeps_hi_and_thanks_inside_a_pasted_letter(built, cli):
    script = ("Dear Leicester City Council,\nHi,\nHow many ransomware attacks did you have?\n"
              "Thanks,\nJo\n\nquit\n")
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0 and out.count("Verdict:") == 1
    assert "Hello." not in out and "You're welcome" not in out
    assert "Authority: Leicester City Council" in out


def test_check_says_when_the_draft_greets_another_body_than_the_one_named(built, cli):
    letter = "Dear Leicester City Council,\n\nHow many ransomware attacks did you have?"
    code, out, _ = cli("--config", str(built), "check", "--authority", "barnet", "--json",
                       letter)
    assert code == 0
    found = json.loads(out)
    assert found["authority"] == "London Borough of Barnet"
    assert ("Your draft greets Leicester City Council, but it was checked for London Borough "
            "of Barnet, the authority you named.") in found["overall"]["advice"]


def test_stale_index_is_refused_with_the_fix(built, cli, tmp_path):
    extra = built.parent / "extra.txt"
    extra.write_text("Thank you for your request for the following information:\n"
                     "- How many parking tickets were issued in 2022?\n\nResponse\n"
                     "12,345 tickets were issued.\n")
    text = built.read_text() + f'\n[[sources]]\nname = "extra"\nformat = "text"\npath = "{extra}"\n'
    built.write_text(text)
    cli("--config", str(built), "ingest")
    code, _, err = cli("--config", str(built), "check", "How many parking tickets?")
    assert code == 2
    assert "stale" in err and "foi-assistant build-index" in err
    code, out, err = cli("--config", str(built), "build-index", "--quiet")
    assert code == 0
    assert re.search(r"\(1 embedded", out), out


def test_check_without_ingest_names_the_command(project, cli):
    code, _, err = cli("--config", str(project), "check", "How many?")
    assert code == 2
    assert "foi-assistant ingest" in err


def test_parse_json_keeps_its_keys(cli, project):
    from tests.conftest import SEEDS

    seed = next(SEEDS.glob("003_*.txt"))
    code, out, _ = cli("parse", str(seed), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"authority", "date", "reference", "questions"} <= set(data)
    assert len(data["questions"]) == 7
    assert {"text", "outcome", "exemptions", "answer"} <= set(data["questions"][0])
    code, out, _ = cli("parse", str(project.parent / "dl.jsonl.gz"), "--format",
                       "disclosure_log", "--record", "1", "--json")
    assert code == 0
    assert json.loads(out)["questions"]


def test_every_command_has_help_and_a_readme_mention():
    from bot.cli import COMMANDS, build_parser
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    parser = build_parser()
    for name, (_, help_text) in COMMANDS.items():
        assert help_text
        assert f"foi-assistant {name}" in readme, name
    assert parser.format_help()


def test_check_cites_tribunal_decisions_on_similar_requests(built, cli):
    from bot.config import load_config
    from corpus.store import Store

    store = Store.open(load_config(built).database)
    decision = next(d for d in store.decisions() if d["information_requested"])
    code, out, _ = cli("--config", str(built), "check", "--json",
                       decision["information_requested"][:300].replace("\n", " "))
    assert code == 0
    tribunal = json.loads(out)["questions"][0]["tribunal"]
    assert tribunal and tribunal[0]["reference"] == decision["reference"]
    assert {"reference", "authority", "date", "result", "exemptions", "information_requested",
            "similarity", "source_url"} <= set(tribunal[0])
    assert tribunal[0]["result"] in ("upheld", "partly_upheld", "overturned", "unknown")


def test_the_header_says_whether_the_authority_has_history_and_precedents_look_wider(built,
                                                                                      cli):
    code, out, _ = cli("--config", str(built), "check", "--authority", "Leicester City Council",
                       "How many ransomware attacks did you have?")
    assert "Authority: Leicester City Council (its own history is shown first)" in out
    code, out, _ = cli("--config", str(built), "check", "--authority", "Kent Police",
                       "How many ransomware attacks did you have?")
    assert "Authority: Kent Police (none of its past responses is on record" in out
    code, out, _ = cli("--config", str(built), "precedents", "ransomware attacks",
                       "--authority", "Kent Police")
    assert code == 0
    assert out.startswith("Kent Police is not in the corpus; showing other authorities:")
    assert "What happened when people asked" in out


def test_an_eir_request_is_advised_under_the_regulations_not_the_act(built, cli):
    code, out, _ = cli("--config", str(built), "check", "Request under the Environmental "
                       "Information Regulations 2004: please provide all air quality data "
                       "since 2015.")
    assert code == 0
    assert "Environmental information (EIR): there is no cost limit" in out
    revised = out.split("Revised draft:", 1)[1]
    assert "regulation 9" in revised and "section 16" not in revised


@pytest.mark.parametrize("authority, law, reg", [("Sheffield City Council", "EIR", "r12("),
                                                 ("Glasgow City Council", "EISR", "r10(")])
def test_an_eir_check_names_the_regulations_exceptions_beside_foias(built, cli, authority, law,
                                                                     reg):
    code, out, _ = cli("--config", str(built), "check", "--json", "--authority", authority,
                       "1. Please provide all air quality monitoring data held since 2015.")
    assert code == 0
    data = json.loads(out)
    assert data["law"] == law
    cited = data["overall"]["likely_exemptions"]
    assert cited and all(e["eir"].startswith((reg, "r6", "r11", "r13")) for e in cited
                         if e["section"] in ("s12", "s31", "s43", "s40"))
    verdict = data["overall"]["verdict"]
    if "most likely under" in verdict:
        assert "most likely under regulation" in verdict and "FOIA's s" in verdict


def test_a_request_to_a_scottish_body_is_checked_under_foisa(built, cli):
    code, out, _ = cli("--config", str(built), "check", "--authority", "Glasgow City Council",
                       "--json", DRAFT)
    assert code == 0
    data = json.loads(out)
    assert data["law"] == "FOISA"
    cited = [e for q in data["questions"] for e in q["likely_exemptions"]]
    assert cited and all(e["foisa"] for e in cited if e["section"] != "s23")
    revised = data["overall"]["revised_draft"]
    assert "section 15 of the Freedom of Information (Scotland) Act" in revised
    assert "section 16" not in revised
    code, out, _ = cli("--config", str(built), "check", "--authority", "Kent Police", "--json",
                       DRAFT)
    data = json.loads(out)
    assert data["law"] == "FOIA"
    assert not any("foisa" in e for q in data["questions"] for e in q["likely_exemptions"])
