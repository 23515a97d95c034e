"""Shared fixtures: a small real corpus in a temporary project, the fake embedder, the CLI."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "corpus" / "samples"

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _sample(name: str, count: int, keep=lambda rec: True) -> list[str]:
    path = SHARED / name
    if not path.exists():
        return []
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if keep(json.loads(line)):
                out.append(line)
            if len(out) >= count:
                break
    return out


def write_jsonl(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(lines)
    return path


def make_project(tmp: Path, model: str = "fake-hash-256", dl: int | None = 80, wdtk: int = 15,
                 tribunal: int = 5) -> Path:
    """A config.toml over seeds and slices of the real corpus, data under tmp."""
    tmp.mkdir(parents=True, exist_ok=True)
    cyber = lambda r: "cyber" in r["text"].lower() or "ransom" in r["text"].lower()  # noqa: E731
    dl_lines = _sample("disclosure-logs.jsonl.gz", 10**6) if dl is None else \
        _sample("disclosure-logs.jsonl.gz", dl // 2, cyber) + \
        _sample("disclosure-logs.jsonl.gz", dl // 2)
    write_jsonl(tmp / "dl.jsonl.gz", list(dict.fromkeys(dl_lines)))
    write_jsonl(tmp / "wdtk.jsonl.gz", _sample("wdtk-sheffield-threads.jsonl.gz", wdtk))
    write_jsonl(tmp / "tribunal.jsonl.gz", _sample("tribunal-decisions.jsonl.gz", tribunal))
    config = tmp / "config.toml"
    config.write_text(f"""
[store]
database = "data/foi.db"
[index]
path = "data/index"
model = "{model}"
batch_size = 32
[[sources]]
name = "seeds"
format = "text"
path = "{SEEDS}"
[[sources]]
name = "disclosure-logs"
format = "disclosure_log"
path = "dl.jsonl.gz"
[[sources]]
name = "wdtk"
format = "wdtk_threads"
path = "wdtk.jsonl.gz"
[[sources]]
name = "tribunal"
format = "tribunal"
path = "tribunal.jsonl.gz"
""")
    return config


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def built(project, cli):
    """The small project, ingested and indexed through the CLI."""
    code, _, err = cli("--config", str(project), "ingest")
    assert code == 0, err
    code, _, err = cli("--config", str(project), "build-index", "--quiet")
    assert code == 0, err
    return project


@pytest.fixture
def cli(capsys):
    """Run `foi-assistant ARGS` in-process; returns (exit status, stdout, stderr)."""
    from bot.cli import main

    def run(*args: str, stdin: str | None = None, monkeypatch=None):
        import io
        import sys

        old = sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            code = main(list(args))
        finally:
            sys.stdin = old
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpus not present")


# -- appended: Hypothesis profiles; the bot token kept out of every log of the run -------------

import logging  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

# HYPOTHESIS_PROFILE=dev for a quick local run; CI (the default) draws 10,000 examples for
# each property that does not set its own count (tests/test_properties.py).
settings.register_profile("ci", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class EveryRecord(logging.Handler):
    """Formats every log record of the run (tracebacks included), before any masking filter,
    and keeps the ones holding a test bot token. A record a test logs on purpose to check the
    mask carries `extra={"deliberate_token": True}` and is not counted."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.secrets = secrets
        self.records = 0
        self.hits: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "deliberate_token", False):
            return
        try:
            text = self.format(record)
        except Exception:  # a malformed call still counts, by its parts
            text = f"{record.msg} {record.args}"
        self.records += 1
        if any(secret in text for secret in self.secrets):
            self.hits.append(f"{record.name} {record.levelname}")


TOKEN_IN_REPORTS: list[str] = []


def _test_tokens() -> list[str]:
    from tests.fake_bot_api import FAKE_TOKEN

    return [FAKE_TOKEN, FAKE_TOKEN.split(":", 1)[1]]


def pytest_runtest_logreport(report) -> None:
    """Error output: captured stdout, stderr and log of every test phase, and failure text."""
    texts = [content for _, content in report.sections] + [report.longreprtext or ""]
    if any(secret in text for text in texts for secret in _test_tokens()):
        TOKEN_IN_REPORTS.append(f"{report.nodeid} ({report.when})")


@pytest.fixture(scope="session", autouse=True)
def no_bot_token_in_any_log():
    """Every record logged at INFO or above during the run (INFO is the bot's production
    level) is checked for the test bot token; so is every test's captured output."""
    handler = EveryRecord(_test_tokens())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    if level == logging.NOTSET or level > logging.INFO:
        root.setLevel(logging.INFO)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)
    print(f"\n[secrets] whole run: the bot token found {len(handler.hits)} times in "
          f"{handler.records} log records; test outputs holding it: {len(TOKEN_IN_REPORTS)}")
    assert not handler.hits, f"the bot token was logged: {handler.hits[:5]}"
    assert not TOKEN_IN_REPORTS, f"the bot token is in test output: {TOKEN_IN_REPORTS[:5]}"


def pytest_sessionfinish(session, exitstatus) -> None:
    """A token in the output of the last test's teardown is reported after the check above."""
    if TOKEN_IN_REPORTS:
        print(f"\nthe bot token is in test output: {TOKEN_IN_REPORTS[:5]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def built_project(base: Path) -> Path:
    """make_project, then ingest and build-index through the CLI: a ready, real store and index."""
    from bot.cli import main

    config = make_project(base / "project")
    assert main(["--config", str(config), "ingest"]) == 0
    assert main(["--config", str(config), "build-index", "--quiet"]) == 0
    return config


def bot_config(project: Path, tmp_path: Path):
    """The project's config with this test's own users database and generous rate limits."""
    import dataclasses

    from bot.config import load_config

    return dataclasses.replace(load_config(project), bot={
        "users_db": str(tmp_path / "users.db"), "rate_burst": 50, "rate_per_minute": 600})


def chat_transcript(cli, built, script: str) -> str:
    """What `foi-assistant chat` printed for `script`, which must end the chat cleanly."""
    code, out, _ = cli("--config", str(built), "chat", stdin=script)
    assert code == 0 and out.rstrip().endswith("Goodbye.")
    return out


def revised_lines(out: str) -> list[str]:
    """The numbered questions of the last revised draft the chat printed."""
    text = out.rsplit("Revised draft:", 1)[1].split("Goodbye.")[0]
    return [line.strip() for line in text.splitlines() if re.match(r"\s*\d+\. ", line)]


def check_json(cli, project: Path, draft: str, authority: str | None = None) -> dict:
    """`foi-assistant check --json` of `draft` (to `authority`), which must succeed."""
    args = ["--config", str(project), "check", "--json"] + \
        (["--authority", authority] if authority else []) + [draft]
    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)
