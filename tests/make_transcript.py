"""Writes docs/telegram-transcript.md: one real conversation with the bot, as a user sees it.

The real Application runs against the fake Bot API over a small project (seeds and a slice of
the corpus, the fake embedder), so the transcript shows real output without a network.

    .venv/bin/python -m tests.make_transcript            # writes docs/telegram-transcript.md
    .venv/bin/python -m tests.make_transcript --config config.toml   # the real corpus and model
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
import tempfile
from pathlib import Path

from bot.advice import Advisor
from bot.config import Config
from bot.telegram_app import ALLOWED_UPDATES, build_application
from tests.fake_bot_api import FAKE_TOKEN, FakeBotAPI, polling, transcript

ROOT = Path(__file__).resolve().parent.parent
DRAFT = """Dear London Borough of Barnet,

1. How many ransomware attacks has the council suffered in each month since 2019?
2. Which antivirus software do you use?
3. Do you offer cyber security training to staff?"""

HEADER = """# The Telegram bot: a transcript

One conversation with the bot, recorded by `tests/make_transcript.py` against the fake Bot API
that the tests use, over SOURCE.
Buttons are shown in [brackets]; "You tap [X]" is a press on a button.

```text
"""


async def conversation(fake: FakeBotAPI) -> None:
    """The script: start, set the authority, check a draft, press the buttons, ask around."""
    await fake.exchange(fake.push_text("/start"))
    await fake.exchange(fake.push_text("/authority barnet"))
    verdict = [c for c in await fake.exchange(fake.push_text(DRAFT))
               if c.method == "sendMessage"][-1]
    buttons = dict(verdict.buttons())
    why = [c for c in await fake.exchange(fake.push_callback(verdict, buttons["Why"]))
           if c.method == "sendMessage"][-1]
    await fake.exchange(fake.push_callback(why, dict(why.buttons())["Q2"]))
    await fake.exchange(fake.push_callback(verdict, buttons["Reword"]))
    await fake.exchange(fake.push_callback(verdict, buttons["Revised draft"]))
    await fake.exchange(fake.push_text("What happened when people asked about CCTV cameras?"))
    await fake.exchange(fake.push_text("/explain s31"))
    await fake.exchange(fake.push_text("/forget"))
    await fake.exchange(fake.push_callback(verdict, buttons["Why"]),
                        methods=("answerCallbackQuery",))


async def write_transcript(config: Config, advisor: Advisor, out: Path,
                           source: str = "a small corpus and a fake embedder, so the figures "
                           "are illustrative") -> str:
    fake = await FakeBotAPI().start()
    try:
        app = build_application(config, advisor, token=FAKE_TOKEN, base_url=fake.base_url)
        async with polling(app, ALLOWED_UPDATES):
            await conversation(fake)
    finally:
        await fake.stop()
    text = HEADER.replace("SOURCE", source) + transcript(fake) + "```\n"
    out.write_text(text, encoding="utf-8")
    return text


def main() -> int:
    from bot.cli import main as cli
    from bot.config import load_config
    from bot.runtime import open_advisor
    from tests.conftest import make_project

    real = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--config" else None
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(real) if real else make_project(Path(tmp) / "project")
        if not real:
            for args in (["ingest"], ["build-index", "--quiet"]):
                if cli(["--config", str(project), *args]) != 0:
                    return 1
        config = dataclasses.replace(load_config(project),
                                     bot={"users_db": str(Path(tmp) / "users.db")})
        out = ROOT / "docs" / "telegram-transcript.md"
        out.parent.mkdir(exist_ok=True)
        source = ("the whole corpus and the real model (all-MiniLM-L6-v2)" if real else
                  "a small corpus and a fake embedder, so the figures are illustrative")
        asyncio.run(write_transcript(config, open_advisor(config), out, source))
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
