"""Talking to Telegram: sends that survive floods and a flaky network, the connection that
tells the watchdog polling is alive, and the lock that keeps a second copy of the bot off."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import random
import time
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

log = logging.getLogger("bot.telegram")


SEND_RETRIES = 8  # after a timeout, a 5xx or a reset connection, with exponential backoff
FLOOD_RETRIES = 20  # after a 429, each after the retry_after Telegram asks for
BACKOFF, MAX_BACKOFF = 0.5, 10.0  # seconds: first wait, longest wait
NOT_RETRIED = frozenset({"sendChatAction"})  # "typing…" is cosmetic: never worth a wait


class PatientRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (30 sends a second overall, 20 a minute per group; a 429 pauses
    every send for `retry_after`) that also survives a flaky network: a send that times out or
    meets a 5xx is retried with bounded, jittered exponential backoff, so a reply is not lost.
    400 (a bad request) and 403 (the user blocked the bot) are final: never retried. A send
    that timed out may still have been delivered, so a retry can duplicate it (Telegram offers
    no idempotency key); a duplicate is better than a lost reply.
    """

    def __init__(self, retries: int = SEND_RETRIES, flood_retries: int = FLOOD_RETRIES,
                 backoff: float = BACKOFF, max_backoff: float = MAX_BACKOFF) -> None:
        super().__init__(max_retries=flood_retries)
        self.retries, self.flood_retries = retries, flood_retries
        self.backoff, self.max_backoff = backoff, max_backoff

    async def process_request(self, callback: Any, args: Any, kwargs: dict[str, Any],
                              endpoint: str, data: dict[str, Any], rate_limit_args: Any) -> Any:
        chat_id = data.get("chat_id")
        with suppress(ValueError, TypeError):
            chat_id = int(chat_id)
        group = chat_id if (isinstance(chat_id, int) and chat_id < 0) or isinstance(
            chat_id, str) else False
        floods = failures = 0
        while True:
            try:
                return await self._run_request(  # AIORateLimiter's limits, as PTB applies them
                    chat=chat_id is not None, group=group,
                    allow_paid_broadcast=bool(data.get("allow_paid_broadcast")),
                    callback=callback, args=args, kwargs=kwargs)
            except RetryAfter as exc:
                floods += 1
                if endpoint in NOT_RETRIED or floods > self.flood_retries:
                    raise
                wait = _seconds(exc) + 0.1
                log.info("flood control on %s: waiting %.1f s (retry %d of %d)", endpoint, wait,
                         floods, self.flood_retries)
                self._retry_after_event.clear()  # every send waits, as Telegram asks
                try:
                    await asyncio.sleep(wait)
                finally:
                    self._retry_after_event.set()
            except BadRequest:
                raise
            except NetworkError as exc:  # TimedOut, 5xx, a reset connection
                failures += 1
                if endpoint in NOT_RETRIED or failures > self.retries:
                    raise
                wait = min(self.max_backoff, self.backoff * 2 ** (failures - 1))
                wait *= random.uniform(0.5, 1.0)
                log.warning("Telegram did not answer %s (%s); retry %d of %d in %.1f s",
                            endpoint, type(exc).__name__, failures, self.retries, wait)
                await asyncio.sleep(wait)


def _seconds(exc: RetryAfter) -> float:
    value = getattr(exc, "_retry_after", None)  # a timedelta (the public one warns in v22)
    return value.total_seconds() if value is not None else float(exc.retry_after)


class WatchedRequest(HTTPXRequest):
    """The connections for getUpdates (two, so one stuck connection cannot block polling),
    noting when Telegram last answered: the watchdog's evidence that polling is alive."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.last_answer = time.monotonic()
        self.stalled = False

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if code == 200:
            self.last_answer = time.monotonic()
        return code, payload


class AlreadyRunning(Exception):
    """Another copy of the bot holds the lock for this token."""


def instance_lock(directory: Path, token: str) -> IO[str]:
    """Hold the lock file for this token (named by a hash of it) or raise AlreadyRunning.

    Telegram gives a bot's updates to one poller only; a second gets 409 Conflict over and over
    and the two fight. Keep the returned file open while running; closing it releases the lock
    (so does the process dying, even by SIGKILL).
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"bot-{hashlib.sha256(token.encode()).hexdigest()[:16]}.lock"
    handle = open(path, "a+", encoding="ascii")  # noqa: SIM115 (held open on purpose)
    try:
        import fcntl  # POSIX; elsewhere the lock is not enforced
    except ImportError:
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        pid = handle.read().strip() or "?"
        handle.close()
        raise AlreadyRunning(
            f"another copy of this bot (pid {pid}) is already running with this token (lock "
            f"file {path}). Telegram delivers a bot's messages to one program only: stop the "
            "other copy first.") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
