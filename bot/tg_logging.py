"""Logging for the bot: bot tokens masked wherever they would be written, chatty libraries
turned down (httpx logs every request URL, and the URL holds the token)."""

from __future__ import annotations

import logging
import re

TOKEN_PATTERN = re.compile(r"\d+:[\w-]{30,}")


class MaskTokens(logging.Filter):
    """Masks anything shaped like a bot token in a record's message and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: mask the template, not crash
            message = str(record.msg)
        masked = TOKEN_PATTERN.sub("<bot-token>", message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = TOKEN_PATTERN.sub("<bot-token>", record.exc_text)
        if record.stack_info:
            record.stack_info = TOKEN_PATTERN.sub("<bot-token>", record.stack_info)
        return True


def quiet_http_logs() -> None:
    """httpx logs every request URL at INFO, and the URL contains the token; apscheduler logs
    every run of the jobs (the polling watchdog runs every few seconds)."""
    for name in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(name).setLevel(logging.WARNING)


def mask_tokens_in(handler: logging.Handler) -> None:
    if not any(isinstance(f, MaskTokens) for f in handler.filters):
        handler.addFilter(MaskTokens())


def configure_logging(level: int = logging.INFO) -> None:
    """INFO, never DEBUG in production: PTB logs request parameters (reply text) at DEBUG."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    quiet_http_logs()
    for handler in logging.getLogger().handlers:
        mask_tokens_in(handler)
