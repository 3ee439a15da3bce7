"""Opening the SQLite file: pragmas, per-connection functions, migrations, transactions.

One :class:`Database` per process binds the Peewee models (like Anki's one open collection).
Every connection — peewee opens one per thread — gets WAL, foreign keys, a busy timeout and
the functions the journal triggers call (``dd_hlc``, ``dd_device``, ``dd_capture``, ``dd_bulk``).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from ..domain.clock import HybridLogicalClock
from .errors import EnvKind, StorageEnvironmentError, environment_errors
from .ids import uuid7
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .models import ALL_MODELS
from .schema import REBUILD_SEARCH_SQL

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32_000,  # 32 MB page cache per connection
    "temp_store": "memory",
}


def utc_now_text() -> str:
    """Timestamps are ISO-8601 UTC text with milliseconds, as the triggers write them."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_row(actor: str | None) -> dict[str, object]:
    """The bookkeeping columns of a new synced row: UUIDv7 id, times, who created it."""
    from .ids import uuid7

    now = utc_now_text()
    return {"id": uuid7(), "created_at": now, "updated_at": now, "updated_by": actor}


def _wall_millis() -> int:
    return time.time_ns() // 1_000_000


class Database:
    """An open DealerDesk database file."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        clock: HybridLogicalClock | None = None,
        bind_models: bool = True,
    ) -> None:
        """``clock``: share the window's clock with the sync's own connection, so an edit made
        after a pull orders after what the pull brought. ``bind_models=False``: a second
        connection on the same file (the sync's) that works in SQL only — binding the Peewee
        models is process-wide, and they must stay on the window's database."""
        self.path = str(path)
        self.read_only = read_only
        self._flags = threading.local()
        self.device_id = ""
        self.clock = clock or HybridLogicalClock(_wall_millis)
        if read_only:
            target = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.db = peewee.SqliteDatabase(
                target, uri=True, pragmas={"foreign_keys": 1}, timeout=BUSY_TIMEOUT_S
            )
        else:
            self.db = peewee.SqliteDatabase(self.path, pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S)
        self.db.register_function(self.clock.now, "dd_hlc", 0)
        self.db.register_function(lambda: self.device_id, "dd_device", 0)
        self.db.register_function(
            lambda: int(getattr(self._flags, "capture", True)), "dd_capture", 0
        )
        self.db.register_function(lambda: int(getattr(self._flags, "bulk", False)), "dd_bulk", 0)
        if bind_models:
            self.bind_models()

    def bind_models(self) -> None:
        """Point the Peewee models (used by the repositories) at this database."""
        self.db.bind(ALL_MODELS, bind_refs=False, bind_backrefs=False)

    # -- opening -------------------------------------------------------------------------

    def open(self) -> Database:
        """Connect, migrate to the current schema, and load this PC's device id and clock."""
        if not self.read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        elif not Path(self.path).exists():
            raise StorageEnvironmentError(EnvKind.CANNOT_OPEN, self.path)
        try:
            self._open()
        except BaseException:
            self.close()  # never leave the file held open (Windows locks it) after a refusal
            raise
        return self

    def _open(self) -> None:
        with environment_errors(self.path):
            self.db.connect(reuse_if_open=True)
            raw = self.raw
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails if not a db
            version = self.schema_version()
            if version == 0 and (self.read_only or self._has_foreign_tables()):
                # Empty, or another program's SQLite file: never add our tables to it.
                raise StorageEnvironmentError(EnvKind.CORRUPT, self.path)
            if version > SCHEMA_VERSION:
                raise StorageEnvironmentError(
                    EnvKind.TOO_NEW, self.path, found=version, known=SCHEMA_VERSION
                )
            if version < SCHEMA_VERSION and not self.read_only:
                self._migrate(version)
            self.device_id = self.meta("device_id") or ""
            if not self.device_id and not self.read_only:
                self.device_id = uuid7()
                self.set_meta("device_id", self.device_id)
            # Journal rows are stamped by this clock in seq order, so the newest row holds the
            # highest value: one index step instead of scanning the whole journal.
            last = raw.execute("SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1").fetchone()
            self.clock.observe(int(last[0]) if last else 0)
            seen = self.meta("hlc_seen")  # the newest clock a pull brought
            self.clock.observe(int(seen) if seen else 0)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    @property
    def raw(self) -> sqlite3.Connection:
        """The DB-API connection of the calling thread (opened on first use)."""
        self.db.connect(reuse_if_open=True)
        conn: sqlite3.Connection = self.db.connection()
        return conn

    def _has_foreign_tables(self) -> bool:
        row = self.raw.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(row[0])

    def schema_version(self) -> int:
        return int(self.raw.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, version: int) -> None:
        for target, migration in MIGRATIONS:
            if target <= version:
                continue
            log.info("migrating %s to schema %d", self.path, target)
            with self.db.atomic("IMMEDIATE"):
                migration(self.raw)
                self.raw.execute(f"PRAGMA user_version = {int(target)}")

    # -- small local settings (never synced) ---------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.raw.execute("SELECT value FROM local_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with environment_errors(self.path), self.db.atomic():
            self.raw.execute(
                "INSERT INTO local_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- transactions and modes ----------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE) with environment errors made readable."""
        with environment_errors(self.path), self.db.atomic("IMMEDIATE"):
            yield

    @contextmanager
    def reading(self) -> Iterator[None]:
        with environment_errors(self.path):
            yield

    @contextmanager
    def without_capture(self) -> Iterator[None]:
        """Apply changes that came from the hub without journaling them again (sync only)."""
        self._flags.capture = False
        try:
            yield
        finally:
            self._flags.capture = True

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Skip per-row search-index upkeep; the index is rebuilt once at the end."""
        self._flags.bulk = True
        self.raw.execute("PRAGMA cache_size = -262144")  # 256 MB while loading
        try:
            yield
        finally:
            self._flags.bulk = False
            self.raw.execute(f"PRAGMA cache_size = {PRAGMAS['cache_size']}")
        self.rebuild_search()

    @contextmanager
    def without_search_upkeep(self) -> Iterator[None]:
        """Writes that leave the search index behind (a new PC's snapshot); the caller marks
        the index stale in the same transaction and calls :meth:`rebuild_search` after."""
        self._flags.bulk = True
        try:
            yield
        finally:
            self._flags.bulk = False

    def rebuild_search(self) -> None:
        with self.write():
            for sql in REBUILD_SEARCH_SQL:
                self.raw.execute(sql)

    def integrity_check(self) -> list[str]:
        with environment_errors(self.path):
            return [str(r[0]) for r in self.raw.execute("PRAGMA integrity_check").fetchall()]


def open_database(path: str | Path, *, read_only: bool = False) -> Database:
    return Database(path, read_only=read_only).open()
