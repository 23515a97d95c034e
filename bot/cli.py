"""The `foi-assistant` command: parses arguments, reads config.toml, calls the library.

Every command is a thin wrapper over a library function of the same name; domain errors
become one short line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import Config, ConfigError, load_config
from corpus.models import CorpusError
from corpus.store import StoreError

USER_ERRORS: tuple[type[Exception], ...] = (ConfigError, CorpusError, StoreError, OSError)


def _user_errors() -> tuple[type[Exception], ...]:
    """Domain errors of the heavier packages, imported only when a command needs them."""
    errors = list(USER_ERRORS)
    for module, name in (("index.vectors", "IndexProblem"), ("index.embedder", "EmbedderError"),
                         ("bot.advice", "DraftError")):
        if module in sys.modules:
            errors.append(getattr(sys.modules[module], name))
    return tuple(errors)


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    from corpus.ingest import ingest
    from corpus.store import Store

    store = Store.open(config.database)
    report = ingest(store, config.sources,
                    progress=lambda name: print(f"ingesting {name}...", file=sys.stderr))
    print(report.render(max_skipped=args.show_skipped))
    return 0


def cmd_parse(args: argparse.Namespace, config: Config) -> int:
    from corpus.sources import Source, parse_record_line, read_texts, record_line

    path = Path(args.file)
    fmt = args.format or _guess_format(path)
    if fmt == "text":
        item = next(read_texts(Source("parse", "text", path)))
        if not hasattr(item, "questions"):
            raise CorpusError(f"{item.item}: {item.reason}")
        doc = item
    else:
        line = record_line(path, args.record)
        if line is None:
            raise CorpusError(f"{path} has no record {args.record}")
        doc = parse_record_line(line, fmt, "parse")
    if args.json:
        print(json.dumps(doc.to_parse_json(), indent=2, ensure_ascii=False))
    else:
        print(_render_parsed(doc.to_parse_json()))
    return 0


def _render_parsed(parsed: dict) -> str:
    lines = [f"{parsed['authority'] or 'unknown authority'}, {parsed['date'] or 'undated'}, "
             f"ref {parsed['reference'] or '-'}"]
    for i, q in enumerate(parsed["questions"], 1):
        ex = f" [{', '.join(q['exemptions'])}]" if q["exemptions"] else ""
        lines.append(f"{i}. {q['outcome']}{ex}: {q['text']}")
    if parsed.get("decision"):
        d = parsed["decision"]
        lines.append(f"decision {d['reference']}: {d['result']} [{', '.join(d['exemptions'])}]"
                     f" — {d['information_requested']}")
    return "\n".join(lines)


def _guess_format(path: Path) -> str:
    name = path.name.lower()
    for key, fmt in (("disclosure", "disclosure_log"), ("wdtk", "wdtk_threads"),
                     ("thread", "wdtk_threads"), ("tribunal", "tribunal")):
        if key in name:
            return fmt
    return "text"


def cmd_build_index(args: argparse.Namespace, config: Config) -> int:
    from bot.advice import CALIBRATION_FILE
    from bot.evaluate import calibrate
    from corpus.store import Store
    from index.build import build_index
    from index.embedder import get_embedder, prepare_fast_embedder
    from index.search import Searcher

    store = Store.open(config.database, create=False)
    prepare_fast_embedder(config.index_path, config.model)
    embedder = get_embedder(config.model, cache_dir=config.index_path)
    report = build_index(store, embedder, config.index_path, config.batch_size,
                         progress=not args.quiet)
    print(f"index: {report.total} questions and {report.decisions} tribunal decisions "
          f"({report.embedded} embedded, {report.reused} reused) with {report.manifest.model}, "
          f"dimension {report.manifest.dimension}, at {config.index_path}")
    cal = calibrate(Searcher.open(store, config.index_path, embedder))
    cal.save(config.index_path / CALIBRATION_FILE)
    print(f"risk model calibrated on the corpus (base refusal rate {cal.base_rate:.0%})")
    return 0


def _advisor(config: Config):
    from bot.runtime import open_advisor

    return open_advisor(config)


def _read_text(arg: str) -> str:
    return sys.stdin.read() if arg == "-" else arg


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    from bot.advice import DraftError
    from bot.render import assessment_json, assessment_text

    advisor = _advisor(config)
    if args.jsonl:
        return _check_jsonl(advisor)
    if args.text is None:
        raise DraftError("give the draft as an argument, or - to read it from stdin")
    assessment = advisor.check_draft(_read_text(args.text), args.authority)
    print(assessment_json(assessment) if args.json else assessment_text(assessment))
    return 0


def _check_jsonl(advisor) -> int:
    from bot.advice import DraftError
    from bot.render import assessment_json

    status = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():  # answered too, so output line n stays input line n's answer
            print(json.dumps({"error": f"line {n}: empty line", "skipped": True}), flush=True)
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise DraftError('each line must be {"text": str, "authority": str|null}')
            print(assessment_json(advisor.check_draft(item["text"], item.get("authority"))),
                  flush=True)
        except (json.JSONDecodeError, DraftError) as exc:
            print(json.dumps({"error": f"line {n}: {exc}"}), flush=True)
            status = 1
    return status


def foisa_hint(exemption: str | None) -> str | None:
    """A bare section that FOISA numbers otherwise is read as FOIA's: say so, and how to ask
    for Scotland's ('s25' is no FOIA exemption; FOISA s25 is FOIA's s21)."""
    from corpus.foisa import to_foia, typed_foisa

    if not exemption or typed_foisa(exemption) or not re.fullmatch(r"s\d+\S*", exemption):
        return None
    foia = to_foia(exemption)
    if foia == exemption:
        return None
    return (f"--exemption {exemption} is read as FOIA's section; for Scotland's, write "
            f"--exemption \"FOISA {exemption}\" (FOIA's {foia}).")


def cmd_precedents(args: argparse.Namespace, config: Config) -> int:
    from bot.advice import FETCH_PER_KEPT, PRECEDENT_FLOOR
    from bot.render import precedents_text
    from index.search import known_first, one_per_request

    if not args.query.strip():
        print("Say what was asked: foi-assistant precedents \"ransomware attacks\"",
              file=sys.stderr)
        return 2
    if args.limit < 1:
        print("--limit must be 1 or more", file=sys.stderr)
        return 2
    advisor = _advisor(config)
    authority = args.authority
    if authority:
        found, suggestions = advisor.resolve_authority(authority)
        if not found and suggestions:
            print("Which authority? " + "; ".join(suggestions), file=sys.stderr)
            return 2
        authority = found or authority

    def find(among: str | None) -> list:
        # one question per past request unless asked for every part: a request's ten parts
        # share one reply, and would push every other request off the list
        fetch = args.limit if args.all_parts else args.limit * FETCH_PER_KEPT
        hits = advisor.searcher.search(args.query, k=fetch, authority=among,
                                       exemption=args.exemption, outcome=args.outcome)
        hits = known_first(p for p in hits if p.similarity >= PRECEDENT_FLOOR)
        # what happened first; an unrecorded reply only fills in
        return hits if args.all_parts else one_per_request(hits)[:args.limit]

    found = find(authority)
    if not found and (hint := foisa_hint(args.exemption)) and not args.json:
        print(hint, file=sys.stderr)
    if args.json:
        print(json.dumps([p.to_json() for p in found], ensure_ascii=False))
        return 0
    if not found and authority and (found := find(None)):  # what happened elsewhere
        print(f"No past questions to {authority} like that are on record; asked of other "
              "authorities:")
    print(precedents_text(args.query, found))
    return 0


def cmd_chat(args: argparse.Namespace, config: Config) -> int:
    from bot.conversation import Conversation
    from bot.terminal import run_chat

    return run_chat(Conversation(_advisor(config)), interactive=sys.stdin.isatty())


def cmd_evaluate(args: argparse.Namespace, config: Config) -> int:
    from bot.evaluate import evaluate, render

    print(render(evaluate(_advisor(config).searcher)))
    return 0


def cmd_explain(args: argparse.Namespace, config: Config) -> int:
    from bot.explain import citation_of, explain, ground

    print(explain(args.section))
    known = ground(citation_of(args.section)) or "ncnd" in args.section.lower() or \
        not explain(args.section).startswith("I have no note")
    return 0 if known else 1


def cmd_bot(args: argparse.Namespace, config: Config) -> int:
    from bot.telegram_app import run_bot

    return run_bot(config)


SAMPLE_DRAFT = """Dear Information Officer,
1. How many cyber attacks has the council suffered in each month of the last three years?
2. Which antivirus and firewall products do you use, and when were they last patched?
3. Do you offer cyber security training to staff? If so, in what form?
4. How many staff work in your IT security team?
Yours faithfully"""


def cmd_quickstart(args: argparse.Namespace, config: Config) -> int:
    """Ingest, build the index, then check a sample draft: the whole product in one go."""
    from bot.render import assessment_text

    cmd_ingest(argparse.Namespace(show_skipped=3), config)
    cmd_build_index(argparse.Namespace(quiet=False), config)
    print("\nChecking a sample draft:\n" + SAMPLE_DRAFT + "\n")
    print(assessment_text(_advisor(config).check_draft(SAMPLE_DRAFT)))
    print("\nNext: foi-assistant chat   (or: foi-assistant check \"your draft\")")
    return 0


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Config], int], str]] = {
    "quickstart": (cmd_quickstart, "ingest, build the index and check a sample draft"),
    "ingest": (cmd_ingest, "parse every configured corpus source into the SQLite store"),
    "parse": (cmd_parse, "show what the parser makes of one raw document"),
    "build-index": (cmd_build_index, "embed the stored questions into the FAISS index"),
    "check": (cmd_check, "check a draft request: risk, precedents, explanations, rewordings"),
    "precedents": (cmd_precedents, "what happened when people asked something similar"),
    "chat": (cmd_chat, "talk to the assistant in the terminal"),
    "explain": (cmd_explain, "explain an exemption in plain words (e.g. s31)"),
    "evaluate": (cmd_evaluate, "measure the risk model on held-out documents and authorities"),
    "bot": (cmd_bot, "run the Telegram bot (token from TELEGRAM_BOT_TOKEN)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foi-assistant",
        description="Check a UK FOI draft against how similar past requests fared.",
    )
    parser.add_argument("--config", help="path to config.toml (default: the project's)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("quickstart", help=COMMANDS["quickstart"][1],
                   description=COMMANDS["quickstart"][1])
    p = sub.add_parser("ingest", help=COMMANDS["ingest"][1], description=COMMANDS["ingest"][1])
    p.add_argument("--show-skipped", type=int, default=20, metavar="N",
                   help="list at most N skipped items per source (default 20)")
    p = sub.add_parser("parse", help=COMMANDS["parse"][1], description=COMMANDS["parse"][1])
    p.add_argument("file", help="a .txt response or a .jsonl(.gz) corpus file")
    p.add_argument("--format", choices=["text", "disclosure_log", "wdtk_threads", "tribunal"],
                   help="input format (guessed from the file name when omitted)")
    p.add_argument("--record", type=int, default=0, metavar="N",
                   help="for JSON Lines: which record, counting from 0 (default 0)")
    p.add_argument("--json", action="store_true", help="print JSON (stable keys)")
    p = sub.add_parser("build-index", help=COMMANDS["build-index"][1],
                       description=COMMANDS["build-index"][1])
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p = sub.add_parser("check", help=COMMANDS["check"][1], description=COMMANDS["check"][1])
    p.add_argument("text", nargs="?", help="the draft, or - to read it from stdin")
    p.add_argument("--authority", help="the authority you are writing to")
    p.add_argument("--json", action="store_true", help="print JSON (stable keys)")
    p.add_argument("--jsonl", action="store_true",
                   help='many drafts: one {"text", "authority"} object per stdin line')
    p = sub.add_parser("precedents", help=COMMANDS["precedents"][1],
                       description=COMMANDS["precedents"][1])
    p.add_argument("query", help="what was asked, in your words")
    p.add_argument("--authority", help="only this authority")
    p.add_argument("--exemption", help="only questions refused under this (s31, s31(3), s12...)")
    p.add_argument("--outcome", choices=["answered", "refused", "ncnd", "not_held", "partial",
                                         "unknown"], help="only this outcome")
    p.add_argument("--limit", type=int, default=10, help="how many (default 10)")
    p.add_argument("--all-parts", action="store_true",
                   help="list every matching part of a request, not only its closest")
    p.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("chat", help=COMMANDS["chat"][1], description=COMMANDS["chat"][1])
    p = sub.add_parser("explain", help=COMMANDS["explain"][1], description=COMMANDS["explain"][1])
    p.add_argument("section", help="s31, s12, s40, r12 ...")
    sub.add_parser("evaluate", help=COMMANDS["evaluate"][1], description=COMMANDS["evaluate"][1])
    sub.add_parser("bot", help=COMMANDS["bot"][1], description=COMMANDS["bot"][1])
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        handler = COMMANDS[args.command][0]
        return handler(args, config)
    except BrokenPipeError:  # '... | head': the reader had enough, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except _user_errors() as exc:
        print(f"foi-assistant: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
