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
    """One output line per input line, whatever a line holds: a line that fails gets an
    error object saying why, and the batch goes on (a caller matches answers by position)."""
    status = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():  # answered too, so output line n stays input line n's answer
            print(json.dumps({"error": f"line {n}: empty line", "skipped": True}), flush=True)
            continue
        answer, ok = _check_line(advisor, line, n)
        print(answer, flush=True)
        status = status if ok else 1
    return status


def _check_line(advisor, line: str, n: int) -> tuple[str, bool]:
    """Line n's answer as JSON, and whether it is an assessment rather than an error. A fault
    in the assistant itself is named (its type and message, with where on stderr), not hidden
    behind a generic error: it is a bug to report, and the other lines still get answers."""
    from bot.advice import DraftError
    from bot.render import assessment_json

    try:
        text, authority = _draft_of(line)
        return assessment_json(advisor.check_draft(text, authority)), True
    except (json.JSONDecodeError, DraftError) as exc:
        return json.dumps({"error": f"line {n}: {exc}"}), False
    except _user_errors() as exc:
        return json.dumps({"error": f"line {n}: {exc}"}), False
    except Exception as exc:  # one line's fault must not cost the other lines their answers
        where = _where(exc)
        print(f"foi-assistant: line {n}: internal error {type(exc).__name__}: {exc} ({where})",
              file=sys.stderr)
        return json.dumps({"error": f"line {n}: internal error ({type(exc).__name__}: "
                                    f"{str(exc)[:200]}); please report it",
                           "internal": True}), False


def _draft_of(line: str) -> tuple[str, str | None]:
    """The draft and the authority an input line holds; DraftError says what is wrong."""
    from bot.advice import DraftError

    item = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise DraftError('each line must be {"text": str, "authority": str|null}')
    authority = item.get("authority")
    if authority is not None and not isinstance(authority, str):
        raise DraftError(f"authority must be a string or null, not {_json_type(authority)}")
    return item["text"], authority


def _json_type(value: object) -> str:
    """A JSON value's kind as a JSON user names it ('a number', 'true', 'a list')."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return {int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _where(exc: BaseException) -> str:
    """The file and line an exception came from, for the report of an internal error."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "unknown place"
    return f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


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


EXEMPTION_EXAMPLES = ("s31", "section 40(2)", "r12(5)(e)", "FOISA s35", "cost limit",
                      "personal data", "NCND")


def exemption_wanted(text: str | None) -> str | None:
    """What `--exemption` means, as the store cites it (FOIA's numbers): every spelling
    `explain` reads ('section 31', '31', 's.31(1)(a)', 'reg 12(5)(e)', 'EIR 12(5)(e)', 'cost
    limit', 'personal data'), a Scottish citation ('FOISA s35' is s31), or 'ncnd' for a
    neither-confirm-nor-deny reply. A ground no one could mean ('banana', 's99') is an error,
    not an empty list that reads as 'never refused'."""
    from bot.explain import citation_of, ground
    from corpus.foisa import NCND_SECTION, to_foia, typed_foisa
    from index.search import NCND

    if text is None:
        return None
    if re.sub(r"\W", "", text.lower()) in ("ncnd", "neitherconfirmnordeny"):
        return NCND
    foisa = typed_foisa(text)
    if foisa == NCND_SECTION:
        return NCND
    cite = to_foia(foisa) if foisa else citation_of(text)
    cite = re.sub(r"^r1([01])(?=\(|$)", lambda m: f"r1{int(m.group(1)) + 2}", cite) \
        if re.search(r"\beisrs?\b", text, re.I) else cite  # the EISRs' r10 is the EIR's r12
    if not re.fullmatch(r"[sr]\d+[a-z]?(?:\(\w+\))*", cite) or ground(cite) is None:
        raise ValueError(f"unknown exemption {text!r} (try {', '.join(EXEMPTION_EXAMPLES)})")
    return cite


def cmd_precedents(args: argparse.Namespace, config: Config) -> int:
    from bot.render import precedents_json, precedents_text

    if not args.query.strip():
        print("Say what was asked: foi-assistant precedents \"ransomware attacks\"",
              file=sys.stderr)
        return 2
    if args.limit < 1:
        print("--limit must be 1 or more", file=sys.stderr)
        return 2
    try:
        exemption = exemption_wanted(args.exemption)
    except ValueError as exc:  # 's25' is no FOIA ground, but may be meant as FOISA's
        hint = foisa_hint(args.exemption)
        print(f"foi-assistant: {exc}" + (f"\n{hint}" if hint else ""), file=sys.stderr)
        return 2
    advisor = _advisor(config)
    authority, on_record = args.authority, False
    if authority:
        found, suggestions = advisor.resolve_authority(authority)
        if not found and suggestions:
            print("Which authority? " + "; ".join(suggestions), file=sys.stderr)
            return 2
        authority, on_record = found or authority, found is not None
    vector = advisor.searcher.embed([args.query])[0]
    search = PrecedentSearch(advisor.searcher, vector, exemption, args.outcome, args.limit,
                             args.all_parts)
    found = [] if authority and not on_record else search.find(authority)
    note, fallback = None, False
    filtered = bool(exemption or args.outcome)
    if not found and authority and (found := search.find(None)):  # what happened elsewhere
        fallback = True
        note = (f"{authority} is on record, but none of its past questions is close to that"
                f"{' (with those filters)' if filtered else ''}; asked of other authorities:"
                if on_record else
                f"{authority} is not in the corpus; showing other authorities:")
    if not found and (hint := foisa_hint(args.exemption)):
        print(hint, file=sys.stderr)
    from bot.advice import off_topic_note

    notes = [n for n in (note, off_topic_note(args.query, found)) if n]
    if args.json:
        for n in notes:
            print(n, file=sys.stderr)
        print(precedents_json(found, fallback))
        return 0
    for n in notes:
        print(n)
    print(precedents_text(args.query, found))
    return 0



class PrecedentSearch:
    """One `precedents` query: its vector and filters, searched among one authority's
    questions or everyone's."""

    def __init__(self, searcher, vector, exemption: str | None, outcome: str | None,
                 limit: int, all_parts: bool) -> None:
        self.searcher, self.vector = searcher, vector
        self.exemption, self.outcome = exemption, outcome
        self.limit, self.all_parts = limit, all_parts

    def find(self, among: str | None) -> list:
        """Up to `limit` precedents above the floor, known outcomes first: one question per
        past request unless every part is asked for (a request's ten parts share one reply,
        and would push every other request off the list). More are fetched until `limit`
        distinct requests are found or none is left above the floor."""
        from bot.advice import FETCH_PER_KEPT, PRECEDENT_FLOOR
        from index.search import Filters, known_first, one_per_request

        filters = Filters(among, self.exemption, self.outcome)
        fetch = self.limit * (1 if self.all_parts else FETCH_PER_KEPT)
        while True:
            hits = self.searcher.neighbours(self.vector, fetch, filters)
            close = [p for p in self.searcher.discount_boilerplate(self.vector, hits)
                     if p.similarity >= PRECEDENT_FLOOR]
            kept = known_first(close) if self.all_parts else one_per_request(known_first(close))
            exhausted = len(hits) < fetch or hits[-1].similarity < PRECEDENT_FLOOR
            if len(kept) >= self.limit or exhausted:
                return kept[:self.limit]
            fetch *= 2


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
