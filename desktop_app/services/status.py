"""What the status bar shows about sync: hub set up or not, changes waiting on this PC."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.db import Database


@dataclass(frozen=True)
class SyncStatus:
    hub_configured: bool
    changes_waiting: int
    last_sync_at: str | None


class StatusService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sync_status(self) -> SyncStatus:
        with self.db.reading():
            waiting = self.db.raw.execute(
                "SELECT count(*) FROM change_log WHERE pushed_at IS NULL"
            ).fetchone()[0]
        return SyncStatus(
            hub_configured=bool(self.db.meta("hub_url")),
            changes_waiting=int(waiting),
            last_sync_at=self.db.meta("last_sync_at"),
        )
