"""One sync pass of this PC with the hub: hello (clock and schema), push, pull, exports.

- **Push** sends the journal in order, in batches. A batch groups the entries of one row into
  one op carrying the row's current values and, per column, the clock of its newest edit. Only
  after the hub acknowledges a batch are its entries marked pushed; a lost acknowledgement means
  the batch goes again and the hub's per-PC watermark skips what it already applied.
- **Pull** pages through the hub's rows by its sequence cursor. Each page is applied in one
  SQLite transaction together with the new cursor (a pass killed at any point resumes at the
  last whole page; a new PC's snapshot is the same loop from 0). Pulled changes are not
  journaled again. A column this PC changed and has not pushed yet keeps the local value when
  its clock is newer; when the hub's is newer the local value is kept as a conflict record.
- **Exports** go up by content hash; the hub stores a file once however often it is sent.

The pass runs on its own connection (its own :class:`Database`), so the window never waits.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..domain.quotes import TERMINAL_KEY, terminal_code
from ..storage.db import Database, new_row, utc_now_text
from ..storage.migrations import SCHEMA_VERSION
from ..storage.schema import SYNC_COLUMNS, SYNCED_TABLES
from .protocol import (
    BULK_PULL_ROWS,
    MAX_SKEW_MS,
    PULL_PAGE,
    PUSH_BATCH,
    TIMEOUT_S,
    SyncError,
    SyncErrorKind,
)
from .rules import Op

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # phase ("push", "pull", "exports"), done, total


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    exports: int = 0
    refused: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}, "
            f"exports delivered {self.exports}, refused {len(self.refused)}"
        )


class Transport(Protocol):
    def __call__(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, bytes]: ...


class HttpTransport:
    """Plain HTTP(S) with the standard library; the hub's address is its base URL."""

    def __init__(self, base_url: str, timeout: float = TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def __call__(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.base_url + path, data=body, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), bytes(exc.read() or b"")
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise SyncError(SyncErrorKind.OFFLINE, str(exc)) from exc


_pass_locks: dict[str, threading.Lock] = {}
_pass_locks_guard = threading.Lock()


def pass_lock(path: str) -> threading.Lock:
    """The lock of one database file's sync passes in this process, whoever asks (the window's
    controller, a signed-out window's pass still finishing, the first-start registration)."""
    key = os.path.realpath(path)
    with _pass_locks_guard:
        return _pass_locks.setdefault(key, threading.Lock())


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


_COLUMNS = {t: (*SYNC_COLUMNS, *cols) for t, cols in SYNCED_TABLES.items()}


class SyncClient:
    def __init__(
        self,
        db: Database,
        transport: Transport,
        token: str,
        *,
        progress: Progress | None = None,
        batch: int = PUSH_BATCH,
        page: int = PULL_PAGE,
        wall_ms: Callable[[], int] = _wall_ms,
    ) -> None:
        self.db = db
        self.transport = transport
        self.token = token
        self.progress = progress or (lambda phase, done, total: None)
        self.batch = batch
        self.page = page
        self.wall_ms = wall_ms

    # -- one pass ----------------------------------------------------------------------------

    def run(self) -> SyncReport:
        """Hello, push everything, pull everything, deliver exports; records the pass in the
        sync history whatever happens. One pass of a database file at a time in this process
        (a second answers BUSY); passes of two processes are harmless, only wasted work."""
        lock = pass_lock(self.db.path)
        if not lock.acquire(blocking=False):
            raise SyncError(SyncErrorKind.BUSY, "another sync pass of this database is running")
        try:
            return self._run()
        finally:
            lock.release()

    def _run(self) -> SyncReport:
        report = SyncReport()
        with self.db.write():
            history_id = self.db.raw.execute(
                "INSERT INTO sync_history (started_at) VALUES (?)", (utc_now_text(),)
            ).lastrowid
        try:
            site_code = str(self.hello().get("site", ""))
            self.push(report)
            self.pull(report)
            self.adopt_site(site_code)
            self.deliver_exports(report)
        except SyncError as exc:
            self._finish(history_id, report, ok=False, message=str(exc))
            raise
        except Exception as exc:
            self._finish(history_id, report, ok=False, message=f"error: {exc!r}")
            raise
        self._finish(history_id, report, ok=True, message="")
        return report

    def _finish(
        self, history_id: int | None, report: SyncReport, *, ok: bool, message: str
    ) -> None:
        refused = "; ".join(f"{r['table']} {r['id']}: {r['reason']}" for r in report.refused)
        text = "; ".join(t for t in (message, refused) if t)
        with self.db.write():
            self.db.raw.execute(
                "UPDATE sync_history SET finished_at = ?, ok = ?, pushed = ?, pulled = ?, "
                "conflicts = ?, exports = ?, message = ? WHERE id = ?",
                (
                    utc_now_text(),
                    int(ok),
                    report.pushed,
                    report.pulled,
                    report.conflicts,
                    report.exports,
                    text[:4000],
                    history_id,
                ),
            )
            if ok:
                self.db.set_meta("last_sync_at", utc_now_text())
            self.db.set_meta("last_attempt_ok", "1" if ok else "0")
            self.db.set_meta("last_error", "" if ok else message)

    # -- requests ----------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        extra: dict[str, str] | None = None,
    ) -> Any:
        headers = {
            "Authorization": f"Bearer {self.token}",
            "X-DD-Device": self.db.device_id,
            "X-DD-Schema": str(SCHEMA_VERSION),
            "X-DD-Time": str(self.wall_ms()),
            "Content-Type": "application/json" if method == "POST" else "application/octet-stream",
            **(extra or {}),
        }
        status, raw = self.transport(method, path, body, headers)
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = {}
        if status == 200 and isinstance(answer, dict):
            return answer
        code = answer.get("error", "") if isinstance(answer, dict) else ""
        message = answer.get("message", "") if isinstance(answer, dict) else ""
        kind = {
            "clock_skew": SyncErrorKind.CLOCK_SKEW,
            "unauthorized": SyncErrorKind.UNAUTHORIZED,
            "wrong_device": SyncErrorKind.UNAUTHORIZED,
            "device_taken": SyncErrorKind.UNAUTHORIZED,
            "schema": SyncErrorKind.SCHEMA,
        }.get(code, SyncErrorKind.SERVER)
        raise SyncError(kind, message or f"HTTP {status}")

    def hello(self) -> dict[str, Any]:
        sent = self.wall_ms()
        code = self.db.meta(TERMINAL_KEY) or terminal_code(self.db.device_id)
        answer: dict[str, Any] = self._call("GET", "/v1/hello", None, {"X-DD-PC-Code": code})
        received = self.wall_ms()
        skew = (sent + received) // 2 - int(answer.get("hub_time", received))
        if abs(skew) > MAX_SKEW_MS:
            raise SyncError(
                SyncErrorKind.CLOCK_SKEW,
                f"this PC's clock is {skew / 60000:+.1f} minutes off the hub's",
            )
        self.db.set_meta("hub_site", str(answer.get("site", "")))
        self._meet_hub(str(answer.get("hub") or ""))
        given = str(answer.get("pc_code") or "")
        if given and given != code:
            # another PC of the store has this code: new quote and contract numbers use the
            # hub's (numbers issued before keep theirs; a clash would show as a conflict)
            log.warning("this PC's number code %s is taken in the store; now %s", code, given)
        if given and given != self.db.meta(TERMINAL_KEY):
            self.db.set_meta(TERMINAL_KEY, given)
        return answer

    def _meet_hub(self, hub_id: str) -> None:
        """Another hub than last time (a new one, or one restored from a backup): it may lack
        what this PC sent, and its sequence is not ours. Send everything again (the hub merges
        what it has) and pull from the start."""
        known = self.db.meta("hub_id")
        if not hub_id or hub_id == known:
            return
        with self.db.write():
            if known:
                log.warning("a different hub (%s, was %s): sending everything again", hub_id, known)
                self.db.raw.execute("UPDATE change_log SET pushed_at = NULL")
                self.db.set_meta("pull_cursor", "0")
            self.db.set_meta("hub_id", hub_id)

    # -- push --------------------------------------------------------------------------------

    def waiting(self) -> int:
        row = self.db.raw.execute(
            "SELECT count(*) FROM change_log WHERE pushed_at IS NULL"
        ).fetchone()
        return int(row[0])

    def push(self, report: SyncReport) -> None:
        total = self.waiting()
        done = 0
        self.progress("push", 0, total)
        while True:
            entries = self.db.raw.execute(
                "SELECT seq, table_name, row_id, op, changed, hlc, actor FROM change_log "
                "WHERE pushed_at IS NULL ORDER BY seq LIMIT ?",
                (self.batch,),
            ).fetchall()
            if not entries:
                return
            ops = self._ops(entries)
            base = int(self.db.meta("pull_cursor") or 0)
            body = json.dumps(
                {"base": base, "ops": [op.to_json() for op in ops]}, ensure_ascii=False
            ).encode("utf-8")
            answer = self._call("POST", "/v1/push", body)
            last = int(entries[-1][0])
            with self.db.write():
                self.db.raw.execute(
                    "UPDATE change_log SET pushed_at = ? WHERE pushed_at IS NULL AND seq <= ?",
                    (utc_now_text(), last),
                )
            report.pushed += len(entries)
            report.refused.extend(answer.get("refused", []))
            done += len(entries)
            self.progress("push", done, max(total, done))

    def _ops(self, entries: list[tuple[Any, ...]]) -> list[Op]:
        grouped: dict[tuple[str, str], dict[str, Any]] = {}
        for seq, table, row_id, kind, changed, hlc, actor in entries:
            group = grouped.setdefault(
                (table, row_id), {"seq": 0, "kinds": [], "clocks": {}, "actor": actor, "hlc": 0}
            )
            group["seq"] = max(group["seq"], int(seq))
            group["hlc"] = max(group["hlc"], int(hlc))
            group["kinds"].append(kind)
            group["actor"] = actor
            columns = _COLUMNS.get(table, ()) if kind != "U" else json.loads(changed or "[]")
            clocks: dict[str, int] = group["clocks"]
            for column in (*columns, "updated_at", "updated_by"):
                clocks[column] = max(clocks.get(column, 0), int(hlc))
        current = self._current_rows(grouped)
        ops = []
        for (table, row_id), group in grouped.items():
            values = current.get((table, row_id))
            kind = "D" if values is None else ("I" if "I" in group["kinds"] else "U")
            ops.append(
                Op(
                    op_id=f"{self.db.device_id}:{group['seq']}",
                    table=table,
                    row_id=row_id,
                    kind=kind,
                    device=self.db.device_id,
                    actor=group["actor"],
                    hlc=group["hlc"],
                    values=values or {},
                    clocks=group["clocks"] if values is not None else {},
                )
            )
        ops.sort(key=lambda op: int(op.op_id.rsplit(":", 1)[1]))
        return ops

    def _current_rows(
        self, grouped: dict[tuple[str, str], dict[str, Any]]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        by_table: dict[str, list[str]] = {}
        for table, row_id in grouped:
            if table in _COLUMNS:
                by_table.setdefault(table, []).append(row_id)
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for table, ids in by_table.items():
            columns = _COLUMNS[table]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.raw.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks})", chunk
                ).fetchall()
                for row in rows:
                    found[(table, str(row[0]))] = dict(zip(columns, row, strict=True))
        return found

    # -- pull --------------------------------------------------------------------------------

    def pull(self, report: SyncReport) -> None:
        """Page through the hub's rows. A long way behind (a new PC's snapshot), the pages skip
        the search-index upkeep — the index is marked stale with the first such page and
        rebuilt once at the end, also by a later pass if this one is killed before."""
        cursor = int(self.db.meta("pull_cursor") or 0)
        self.progress("pull", 0, 0)
        while True:
            answer = self._call("GET", f"/v1/pull?after={cursor}&limit={self.page}")
            rows = answer.get("rows", [])
            head = int(answer.get("head", cursor))
            following = int(answer.get("next", cursor))
            if rows or following != cursor:
                bulk = head - cursor > BULK_PULL_ROWS
                cursor = following
                report.conflicts += self.apply_page(rows, cursor, bulk=bulk)
                report.pulled += len(rows)
            self.progress("pull", cursor, max(head, cursor))
            if not answer.get("more"):
                break
        if self.db.meta("search_stale"):
            self.db.rebuild_search()
            self.db.set_meta("search_stale", "")

    def apply_page(self, rows: list[dict[str, Any]], cursor: int, *, bulk: bool = False) -> int:
        """Apply one page and move the cursor, in one transaction. Returns the number of
        conflict records that arrived or were made here."""
        raw = self.db.raw
        raw.execute("PRAGMA foreign_keys = OFF")  # rows arrive in the hub's order, not ours
        conflicts = 0
        try:
            with self.db.write(), self._search_upkeep(bulk):
                pending = self._pending_columns()
                highest = 0
                local_losses: list[dict[str, Any]] = []
                by_table: dict[str, list[dict[str, Any]]] = {}
                for row in rows:
                    by_table.setdefault(row["t"], []).append(row)
                    highest = max([highest, *(int(c) for c in row.get("c", {}).values())])
                with self.db.without_capture():
                    for table, table_rows in by_table.items():
                        if table not in _COLUMNS:
                            continue  # a table of a newer DealerDesk: comes with the update
                        if table == "sync_conflict":
                            conflicts += len(table_rows)
                        local_losses += self._apply_table(table, table_rows, pending)
                for loss in local_losses:
                    self._record_local_loss(loss)
                conflicts += len(local_losses)
                self.db.set_meta("pull_cursor", str(cursor))
                if highest:
                    self.db.clock.observe(highest)
                    self.db.set_meta("hlc_seen", str(self.db.clock.last))
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        return conflicts

    @contextmanager
    def _search_upkeep(self, bulk: bool) -> Iterator[None]:
        if not bulk:
            yield
            return
        self.db.set_meta("search_stale", "1")
        with self.db.without_search_upkeep():
            yield

    def _pending_columns(self) -> dict[tuple[str, str], dict[str, int]]:
        """Columns changed on this PC and not pushed yet, with their newest clock."""
        pending: dict[tuple[str, str], dict[str, int]] = {}
        for table, row_id, kind, changed, hlc in self.db.raw.execute(
            "SELECT table_name, row_id, op, changed, hlc FROM change_log WHERE pushed_at IS NULL"
        ):
            columns = _COLUMNS.get(table, ()) if kind != "U" else json.loads(changed or "[]")
            slot = pending.setdefault((table, row_id), {})
            for column in columns:
                slot[column] = max(slot.get(column, 0), int(hlc))
        return pending

    def _apply_table(
        self,
        table: str,
        rows: list[dict[str, Any]],
        pending: dict[tuple[str, str], dict[str, int]],
    ) -> list[dict[str, Any]]:
        raw = self.db.raw
        columns = _COLUMNS[table]
        known = set(columns)
        ids = [str(r["id"]) for r in rows]
        existing: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for found in raw.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks})", chunk
            ):
                existing[str(found[0])] = dict(zip(columns, found, strict=True))
        losses: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        for row in rows:
            values = {c: v for c, v in dict(row["v"]).items() if c in known}
            values["id"] = row["id"]
            mine = existing.get(row["id"])
            if mine is None:
                inserts.append(values)
                continue
            local = pending.get((table, row["id"]), {})
            clocks = row.get("c", {})
            update: dict[str, Any] = {}
            lost: dict[str, dict[str, Any]] = {}
            for column, value in values.items():
                if mine.get(column) == value:
                    continue
                if column in local and local[column] > int(clocks.get(column, 0)):
                    continue  # changed here later; goes up with the next push
                if column in local and column not in ("updated_at", "updated_by"):
                    lost[column] = {"lost": mine.get(column), "kept": value}
                update[column] = value
            if update:
                sets = ", ".join(f"{c} = ?" for c in update)
                try:
                    raw.execute(
                        f"UPDATE {table} SET {sets} WHERE id = ?", [*update.values(), row["id"]]
                    )
                except sqlite3.IntegrityError as exc:
                    losses.append(_refusal(table, row["id"], update, exc))
                    continue
            if lost:
                losses.append(
                    {
                        "kind": "field",
                        "table": table,
                        "row_id": row["id"],
                        "detail": {
                            "columns": lost,
                            "lost_device": self.db.device_id,
                            "lost_actor": mine.get("updated_by"),
                            "kept_device": "hub",
                        },
                    }
                )
        if inserts:
            losses += self._insert(table, inserts)
        return losses

    def _insert(self, table: str, inserts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raw = self.db.raw
        losses = []
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for values in inserts:
            shapes.setdefault(tuple(values), []).append(values)
        for shape, same in shapes.items():
            sql = f"INSERT INTO {table} ({', '.join(shape)}) VALUES ({', '.join('?' * len(shape))})"
            try:
                # no savepoint: on a table with triggers it costs more the bigger the file
                raw.executemany(sql, [tuple(v[c] for c in shape) for v in same])
            except sqlite3.IntegrityError:
                # the rows before the refused one are in; go on one by one from there
                marks = ",".join("?" * len(same))
                inserted = {
                    str(r[0])
                    for r in raw.execute(
                        f"SELECT id FROM {table} WHERE id IN ({marks})", [v["id"] for v in same]
                    )
                }
                for values in same:
                    if str(values["id"]) in inserted:
                        continue
                    try:
                        raw.execute(sql, tuple(values[c] for c in shape))
                    except sqlite3.IntegrityError as exc:
                        losses.append(_refusal(table, str(values["id"]), values, exc))
        return losses

    def _record_local_loss(self, loss: dict[str, Any]) -> None:
        """A conflict found on this PC: journaled like any edit, so the hub and the other PCs
        of the store get it too."""
        row = new_row(None)
        self.db.raw.execute(
            "INSERT INTO sync_conflict (id, created_at, updated_at, updated_by, kind, "
            "table_name, row_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["id"],
                row["created_at"],
                row["updated_at"],
                row["updated_by"],
                loss["kind"],
                loss["table"],
                loss["row_id"],
                json.dumps(loss["detail"], ensure_ascii=False, default=str),
            ),
        )

    def adopt_site(self, code: str) -> None:
        """A new PC's store is the one its token was issued for, once its data has arrived."""
        if self.db.meta("site_id"):
            return
        row = self.db.raw.execute(
            "SELECT id FROM site WHERE code = ? AND deleted_at IS NULL ORDER BY created_at",
            (code,),
        ).fetchone()
        if row is not None:
            self.db.set_meta("site_id", str(row[0]))

    # -- exports -----------------------------------------------------------------------------

    def deliver_exports(self, report: SyncReport) -> None:
        waiting = self.db.raw.execute(
            "SELECT sha256, kind, day, file_name FROM export_outbox WHERE delivered_at IS NULL "
            "ORDER BY created_at"
        ).fetchall()
        for done, (sha, kind, day, name) in enumerate(waiting, start=1):
            content = self.db.raw.execute(
                "SELECT content FROM export_outbox WHERE sha256 = ?", (sha,)
            ).fetchone()[0]
            self._call(
                "PUT",
                f"/v1/exports/{sha}",
                bytes(content),
                {"X-DD-Kind": kind, "X-DD-Day": day, "X-DD-File": name},
            )
            with self.db.write():
                self.db.raw.execute(
                    "UPDATE export_outbox SET delivered_at = ? WHERE sha256 = ?",
                    (utc_now_text(), sha),
                )
            report.exports += 1
            self.progress("exports", done, len(waiting))


def _refusal(table: str, row_id: str, values: dict[str, Any], exc: Exception) -> dict[str, Any]:
    """A row from the hub this PC's own rules refuse (a unique number taken, a frozen
    contract): kept as a conflict with the values, never dropped silently."""
    return {
        "kind": "apply_refused",
        "table": table,
        "row_id": row_id,
        "detail": {"values": values, "reason": str(exc)},
    }
