"""Sync use cases: this PC's hub settings, one sync pass, the history, and the conflicts a
person decides (keep, take the other value, restore, merge two customers, mark handled)."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.contracts import ContractFrozen
from ..domain.errors import ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roles import Permission
from ..domain.staff import Session
from ..storage.db import Database, open_database, utc_now_text
from ..storage.schema import SYNCED_TABLES
from ..sync.client import HttpTransport, Progress, SyncClient, SyncReport, Transport
from ..sync.protocol import BACKGROUND_BATCH, PUSH_BATCH, SyncError, SyncErrorKind
from .errors import NotFound, PermissionDenied

__all__ = [
    "Conflict",
    "HistoryEntry",
    "SyncError",
    "SyncErrorKind",
    "SyncReport",
    "SyncService",
    "run_sync",
    "sync_command",
]

# What each kind of conflict lets a person do (the first is the default).
ACTIONS: dict[str, tuple[str, ...]] = {
    "field": ("keep", "use_lost"),
    "delete_edit": ("keep_deleted", "restore"),
    "signed_contract": ("keep",),
    "double_booking": ("handled",),
    "merge_customer": ("merge", "different"),
    "apply_refused": ("keep",),
}


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str
    table: str
    row_id: str
    other_id: str
    detail: dict[str, Any]
    status: str
    resolution: str
    created_at: str
    resolved_by: str | None

    @property
    def actions(self) -> tuple[str, ...]:
        return ACTIONS.get(self.kind, ("keep",)) if self.status == "open" else ()


@dataclass(frozen=True)
class HistoryEntry:
    started_at: str
    finished_at: str | None
    ok: bool
    pushed: int
    pulled: int
    conflicts: int
    exports: int
    message: str


@dataclass(frozen=True)
class SyncStatus:
    hub_configured: bool
    changes_waiting: int
    last_sync_at: str | None
    online: bool | None  # None: never tried
    open_conflicts: int
    last_error: str


def run_sync(
    db: Database,
    transport: Transport | None = None,
    progress: Progress | None = None,
    *,
    background: bool = False,
) -> SyncReport:
    """One full pass with the hub saved on this PC. ``background``: beside the window, in
    smaller requests (each JSON step holds the interpreter for less than a frame)."""
    url, token = db.meta("hub_url") or "", db.meta("hub_token") or ""
    if not url or not token:
        raise SyncError(SyncErrorKind.NOT_CONFIGURED, "no hub address or token on this PC")
    default = BACKGROUND_BATCH if background else PUSH_BATCH
    batch = int(db.meta("sync_batch") or default)  # a setting for a slow link
    client = SyncClient(
        db, transport or HttpTransport(url), token, progress=progress, batch=batch, page=batch
    )
    return client.run()


def sync_command(db_path: Path, hub: str | None, token: str | None) -> int:
    """``python -m desktop_app sync``: save the hub and token when given, run one pass."""
    db = open_database(db_path)
    try:
        if hub:
            db.set_meta("hub_url", hub)
        if token:
            db.set_meta("hub_token", token)
        print(f"syncing {db_path} with {db.meta('hub_url') or '?'}", flush=True)
        try:
            report = run_sync(db)
        except SyncError as exc:
            print(f"sync failed ({exc.kind.value}): {exc.detail}", file=sys.stderr)
            print("Nothing is lost: run the same command again when the hub is reachable.")
            return 1
        print(report.summary())
        for refused in report.refused:
            print(f"refused\t{refused['table']}\t{refused['id']}\t{refused['reason']}")
        return 0
    finally:
        db.close()


class SyncService:
    def __init__(self, db: Database, session: Session | None = None) -> None:
        self.db = db
        self.session = session

    # -- settings ----------------------------------------------------------------------------

    def hub_settings(self) -> tuple[str, bool]:
        """The hub's address and whether a token is saved (the token itself is never shown)."""
        return self.db.meta("hub_url") or "", bool(self.db.meta("hub_token"))

    def register(self, url: str, token: str) -> None:
        """Save the hub's address and this PC's token: administrators only, except on a new
        PC with no store yet (nobody can sign in before the store's data arrives, and there is
        nothing on it to protect; the token is the credential)."""
        if self.db.meta("site_id") or self.session is not None:
            self._require(Permission.MANAGE_SYNC)
        url, token = url.strip(), token.strip()
        if not url.startswith(("http://", "https://")):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Write the hub's address with http:// or https:// in front."
                ),
                field="hub_url",
            )
        if not token:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Paste the token the hub gave for this PC."),
                field="hub_token",
            )
        self.db.set_meta("hub_url", url)
        self.db.set_meta("hub_token", token)

    def device_id(self) -> str:
        """This PC's identity towards the hub (shown on the Sync page)."""
        return self.db.device_id

    # -- status and history ------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.db.reading():
            raw = self.db.raw
            waiting = raw.execute(
                "SELECT count(*) FROM change_log WHERE pushed_at IS NULL"
            ).fetchone()[0]
            conflicts = raw.execute(
                "SELECT count(*) FROM sync_conflict WHERE status = 'open' AND deleted_at IS NULL"
            ).fetchone()[0]
            attempt = self.db.meta("last_attempt_ok")
            return SyncStatus(
                hub_configured=bool(self.db.meta("hub_url") and self.db.meta("hub_token")),
                changes_waiting=int(waiting),
                last_sync_at=self.db.meta("last_sync_at"),
                online=None if attempt is None else attempt == "1",
                open_conflicts=int(conflicts),
                last_error=self.db.meta("last_error") or "",
            )

    def history(self, limit: int = 50) -> list[HistoryEntry]:
        with self.db.reading():
            rows = self.db.raw.execute(
                "SELECT started_at, finished_at, ok, pushed, pulled, conflicts, exports, message "
                "FROM sync_history ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [HistoryEntry(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6], r[7]) for r in rows]

    # -- conflicts ---------------------------------------------------------------------------

    def conflicts(self, *, open_only: bool = False, limit: int = 500) -> list[Conflict]:
        where = "deleted_at IS NULL" + (" AND status = 'open'" if open_only else "")
        with self.db.reading():
            rows = self.db.raw.execute(
                "SELECT id, kind, table_name, row_id, other_id, detail, status, resolution, "
                f"created_at, resolved_by FROM sync_conflict WHERE {where} "
                "ORDER BY status = 'open' DESC, created_at DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_conflict(r) for r in rows]

    def get_conflict(self, conflict_id: str) -> Conflict:
        with self.db.reading():
            row = self.db.raw.execute(
                "SELECT id, kind, table_name, row_id, other_id, detail, status, resolution, "
                "created_at, resolved_by FROM sync_conflict WHERE id = ?",
                (conflict_id,),
            ).fetchone()
        if row is None:
            raise NotFound()
        return _conflict(row)

    def resolve(self, conflict_id: str, action: str) -> Conflict:
        """Carry out one of the conflict's actions; every change is an ordinary, journaled
        edit, so the hub and the other PCs follow."""
        conflict = self.get_conflict(conflict_id)
        if action not in conflict.actions:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "This conflict is already decided."),
                field="action",
            )
        if action == "merge":
            self._require(Permission.MERGE_CUSTOMERS)
        steps: dict[str, Callable[[Conflict, str], None]] = {
            "use_lost": self._use_lost,
            "restore": self._restore,
            "merge": self._merge_customers,
        }
        actor = self._actor()
        with self.db.write():
            step = steps.get(action)
            if step is not None:
                try:
                    step(conflict, actor)
                except sqlite3.IntegrityError as error:
                    # the record was signed since (a contract): it keeps what it says
                    if "DD_FROZEN" not in str(error):
                        raise
                    raise ContractFrozen(self._contract_number(conflict)) from error
            now = utc_now_text()
            self.db.raw.execute(
                "UPDATE sync_conflict SET status = 'resolved', resolution = ?, resolved_by = ?, "
                "resolved_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                (action, actor, now, now, actor, conflict_id),
            )
        return self.get_conflict(conflict_id)

    def _contract_number(self, conflict: Conflict) -> str:
        row = self.db.raw.execute(
            "SELECT number FROM contract WHERE id = ?", (conflict.row_id,)
        ).fetchone()
        return str(row[0]) if row else conflict.row_id

    def _use_lost(self, conflict: Conflict, actor: str) -> None:
        columns = {
            c: v["lost"]
            for c, v in conflict.detail.get("columns", {}).items()
            if c in SYNCED_TABLES.get(conflict.table, ())
        }
        self._update_row(conflict.table, conflict.row_id, columns, actor)

    def _restore(self, conflict: Conflict, actor: str) -> None:
        self._use_lost(conflict, actor)
        self._update_row(conflict.table, conflict.row_id, {"deleted_at": None}, actor)

    def _merge_customers(self, conflict: Conflict, actor: str) -> None:
        """Keep the customer entered first; move everything of the other one to it."""
        keep, drop = self._older_first(conflict.row_id, conflict.other_id)
        raw = self.db.raw
        now = utc_now_text()
        for table, columns in SYNCED_TABLES.items():
            if "customer_id" not in columns:
                continue
            only_drafts = " AND status = 'draft'" if table == "contract" else ""
            raw.execute(
                f"UPDATE {table} SET customer_id = ?, updated_at = ?, updated_by = ? "
                f"WHERE customer_id = ?{only_drafts}",
                (keep, now, actor, drop),
            )
        raw.execute(
            "UPDATE customer SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            (now, now, actor, drop),
        )

    def _older_first(self, a: str, b: str) -> tuple[str, str]:
        rows = self.db.raw.execute(
            "SELECT id FROM customer WHERE id IN (?, ?) ORDER BY created_at, id", (a, b)
        ).fetchall()
        if len(rows) != 2:
            raise NotFound()
        return str(rows[0][0]), str(rows[1][0])

    def _update_row(self, table: str, row_id: str, values: dict[str, Any], actor: str) -> None:
        if not values:
            return
        sets = ", ".join(f"{c} = ?" for c in values)
        self.db.raw.execute(
            f"UPDATE {table} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
            (*values.values(), utc_now_text(), actor, row_id),
        )

    # -- internals ---------------------------------------------------------------------------

    def _require(self, permission: Permission) -> None:
        if self.session is None or not self.session.can(permission):
            raise PermissionDenied()

    def _actor(self) -> str:
        if self.session is None:
            raise PermissionDenied()
        return self.session.staff.id


def _conflict(r: Any) -> Conflict:
    try:
        detail = dict(json.loads(r[5] or "{}"))
    except ValueError:
        detail = {"text": r[5]}
    return Conflict(r[0], r[1], r[2], r[3], r[4], detail, r[6], r[7], r[8], r[9])
