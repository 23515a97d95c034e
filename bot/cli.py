"""The `foi-assistant` command: parses arguments, reads config.toml, calls the library.

Every command is a thin wrapper over a library function of the same name; domain errors
become one short line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
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
    if "index.vectors" in sys.modules:
        errors.append(sys.modules["index.vectors"].IndexError_)
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
    from corpus.sources import parse_record_line, read_texts, Source, _open_lines

    path = Path(args.file)
    fmt = args.format or _guess_format(path)
    if fmt == "text":
        item = next(read_texts(Source("parse", "text", path)))
        if not hasattr(item, "questions"):
            raise CorpusError(f"{item.item}: {item.reason}")
        doc = item
    else:
        lines = (ln for ln in _open_lines(path) if ln.strip())
        line = next((ln for i, ln in enumerate(lines) if i == args.record), None)
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


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Config], int], str]] = {
    "ingest": (cmd_ingest, "parse every configured corpus source into the SQLite store"),
    "parse": (cmd_parse, "show what the parser makes of one raw document"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foi-assistant",
        description="Check a UK FOI draft against how similar past requests fared.",
    )
    parser.add_argument("--config", help="path to config.toml (default: the project's)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        handler = COMMANDS[args.command][0]
        return handler(args, config)
    except _user_errors() as exc:
        print(f"foi-assistant: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
