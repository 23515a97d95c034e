"""How fast one Telegram user may send work to the bot: a token bucket per user. Pure logic."""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimiter:
    """A token bucket per user: `burst` at once, refilled at `per_minute`.

    PTB limits only what the bot sends; incoming floods are ours to stop, before any embedding.
    Work is weighted: a draft or a search costs a token, a tap or a command a quarter. A
    throttled user is told once per flood: a token that refills mid-flood lets one more
    message through without a second warning; only a pause of one refill interval after the
    last refused message (what the warning asks for) earns a fresh one.
    """

    def __init__(self, burst: int, per_minute: float, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.burst = float(burst)
        self.rate = per_minute / 60.0
        self.clock = clock
        # tokens, when, and when a message was last refused (None: not throttled)
        self._buckets: dict[int, tuple[float, float, float | None]] = {}

    def check(self, user_id: int, cost: float = 1.0) -> str:
        """'ok' (go ahead), 'warn' (refuse and say so) or 'quiet' (refuse silently)."""
        now = self.clock()
        tokens, then, refused = self._buckets.get(user_id, (self.burst, now, None))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        if refused is not None and now - refused >= 1.0 / self.rate:
            refused = None  # the user paused as asked: a later flood is a new one
        if tokens >= cost:
            self._buckets[user_id] = (tokens - cost, now, refused)
            return "ok"
        self._buckets[user_id] = (tokens, now, now)
        return "warn" if refused is None else "quiet"

    def wait(self, user_id: int) -> int:
        tokens = self._buckets.get(user_id, (self.burst, 0.0, None))[0]
        return max(1, round((1.0 - tokens) / self.rate))

    def forget(self, user_id: int) -> None:
        self._buckets.pop(user_id, None)

    def prune(self) -> None:
        """Forget users whose bucket has refilled, so the map does not grow for ever."""
        now = self.clock()
        for user_id, (tokens, then, _) in list(self._buckets.items()):
            if tokens + (now - then) * self.rate >= self.burst:
                del self._buckets[user_id]
