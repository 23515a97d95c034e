"""What the bot keeps about a Telegram user between restarts: the authority they write to.

Nothing else is stored: drafts and their assessments live only in memory. Users are keyed by
an HMAC of the Telegram id with a secret salt kept in a separate file (or FOI_USERS_SALT), so
the database alone does not say who used the bot. SQLite is set up for personal data: WAL,
synchronous=FULL (a setting survives a crash), secure_delete=ON (deleted rows are zeroed), and
`forget` checkpoints and truncates the WAL so the old row does not linger there either.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

SALT_ENV = "FOI_USERS_SALT"
DAY = 86_400.0

MIGRATIONS = [
    """CREATE TABLE settings (
           user TEXT PRIMARY KEY,
           authority TEXT,
           updated_at REAL NOT NULL
       )""",
]


def _load_salt(db_path: Path) -> bytes:
    """The salt from the environment, else from `<db>.salt` (created once, mode 0600)."""
    if os.environ.get(SALT_ENV):
        return os.environ[SALT_ENV].encode("utf-8")
    path = db_path.with_name(db_path.name + ".salt")
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        salt = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(salt.hex())
        return salt


class UserStore:
    """User settings in SQLite. Safe to call from the event loop thread and worker threads."""

    def __init__(self, path: Path, salt: bytes, clock=time.time) -> None:
        self.path = Path(path)
        self._salt = salt
        self._clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "secure_delete=ON",
                       "busy_timeout=5000", "foreign_keys=ON"):
            self._db.execute(f"PRAGMA {pragma}")
        self._migrate()

    @classmethod
    def open(cls, path: str | Path, clock=time.time) -> UserStore:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, _load_salt(path), clock)

    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number, sql in enumerate(MIGRATIONS[version:], version + 1):
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(sql)
                self._db.execute(f"PRAGMA user_version={number}")
                self._db.execute("COMMIT")

    def key(self, telegram_id: int) -> str:
        """The stored key for a Telegram user: HMAC-SHA256 of the id under the salt."""
        return hmac.new(self._salt, str(int(telegram_id)).encode(), hashlib.sha256).hexdigest()

    def tag(self, telegram_id: int) -> str:
        """A short pseudonym for logs: enough to follow one user, not to find them."""
        return self.key(telegram_id)[:10]

    def authority(self, telegram_id: int) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT authority FROM settings WHERE user = ?",
                                   (self.key(telegram_id),)).fetchone()
        return row[0] if row else None

    def set_authority(self, telegram_id: int, authority: str | None) -> None:
        """Remember (or with None, drop) the authority; the retention clock restarts."""
        if authority is None:
            self.forget(telegram_id)
            return
        with self._lock:
            self._db.execute(
                "INSERT INTO settings (user, authority, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(user) DO UPDATE SET authority = excluded.authority, "
                "updated_at = excluded.updated_at",
                (self.key(telegram_id), authority, self._clock()))

    def forget(self, telegram_id: int) -> bool:
        """Delete everything kept about the user in one transaction; flush the WAL."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute("DELETE FROM settings WHERE user = ?",
                                   (self.key(telegram_id),))
            self._db.execute("COMMIT")
            self._checkpoint()
        return cur.rowcount > 0

    def purge(self, older_than_days: float) -> int:
        """The retention limit: drop settings not set for `older_than_days` days."""
        cutoff = self._clock() - older_than_days * DAY
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute("DELETE FROM settings WHERE updated_at < ?", (cutoff,))
            self._db.execute("COMMIT")
            if cur.rowcount:
                self._checkpoint()
        return cur.rowcount

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM settings").fetchone()[0]

    def _checkpoint(self) -> None:
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._checkpoint()
            self._db.close()
