"""The hub's PostgreSQL side: devices, the merged state of every row, the op log, exports.

Tables (all ``hub_*``):

- ``hub_device``: one per registered PC; the token is stored as its SHA-256, bound to a store
  (site code) and, on first use, to the PC's device id. ``pushed_seq`` is the device's
  watermark: the highest journal sequence of that PC already applied, so a repeated, replayed or
  unacknowledged batch is skipped, never applied twice.
- ``hub_row``: the merged state of each row (values, per-column stamps, tombstone) and ``seq``,
  the hub sequence of its last change. Pulls page through it by ``seq``, so a new PC's snapshot
  and an incremental pull are the same query and resume at the saved cursor.
- ``hub_change``: the op log, one row per applied / refused / conflicting op with a reason.
  Its sequence is gapless: numbers come from ``hub_counter`` under a row lock held to commit,
  so concurrent service instances commit in sequence order and pulls never skip a row.
- ``hub_export``: export files by content hash (a file sent twice is stored once).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg

from ..domain.quotes import terminal_code
from ..storage.migrations import SCHEMA_VERSION
from ..storage.schema import SYNCED_TABLES
from ..sync import rules
from ..sync.rules import ConflictDraft, Op, RowState, Stamp

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS hub_counter (id int PRIMARY KEY, seq bigint NOT NULL)",
    "INSERT INTO hub_counter (id, seq) VALUES (1, 0) ON CONFLICT DO NOTHING",
    """CREATE TABLE IF NOT EXISTS hub_device (
      token_hash text PRIMARY KEY, site text NOT NULL, label text NOT NULL DEFAULT '',
      device_id text UNIQUE, created_at timestamptz NOT NULL DEFAULT now(),
      last_seen timestamptz, pushed_seq bigint NOT NULL DEFAULT 0,
      revoked boolean NOT NULL DEFAULT false, pc_code text)""",
    "ALTER TABLE hub_device ADD COLUMN IF NOT EXISTS pc_code text",
    """CREATE UNIQUE INDEX IF NOT EXISTS hub_device_pc_code ON hub_device (site, pc_code)
      WHERE pc_code IS NOT NULL""",
    """CREATE TABLE IF NOT EXISTS hub_row (
      key text PRIMARY KEY, table_name text NOT NULL, row_id text NOT NULL,
      site text NOT NULL, data jsonb NOT NULL, stamps jsonb NOT NULL,
      deleted boolean NOT NULL DEFAULT false, seq bigint NOT NULL, echo_device text)""",
    "CREATE INDEX IF NOT EXISTS hub_row_site_seq ON hub_row (site, seq)",
    """CREATE INDEX IF NOT EXISTS hub_row_mobile ON hub_row (site, (data->>'mobile'))
      WHERE table_name = 'customer'""",
    """CREATE INDEX IF NOT EXISTS hub_row_booking ON hub_row (site, (data->>'start_at'))
      WHERE table_name = 'appointment'""",
    """CREATE TABLE IF NOT EXISTS hub_change (
      seq bigint PRIMARY KEY, site text NOT NULL, device_id text NOT NULL,
      op_id text NOT NULL, table_name text NOT NULL, row_id text NOT NULL,
      outcome text NOT NULL, reason text NOT NULL DEFAULT '',
      at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE IF NOT EXISTS hub_export (
      sha256 text PRIMARY KEY, site text NOT NULL, device_id text NOT NULL, kind text NOT NULL,
      day text NOT NULL, file_name text NOT NULL, size bigint NOT NULL, content bytea NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())""",
]

# The schema versions of DealerDesk a PC may run to sync: the current and the previous one.
ACCEPTED_SCHEMAS = frozenset({SCHEMA_VERSION, SCHEMA_VERSION - 1})
CONFLICT_TABLE = "sync_conflict"
CONFLICT_NS = uuid.UUID("6f1d8a52-7a53-4c55-9d3e-2f2b8f7a0c11")


class HubRefusal(Exception):
    """A request the hub refuses, with the HTTP status to answer and a reason in words."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Device:
    token_hash: str
    site: str
    device_id: str | None
    pushed_seq: int


@dataclass
class PushResult:
    applied: int
    skipped: int
    refused: list[dict[str, str]]
    conflicts: int
    watermark: int


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class HubStore:
    """One connection to the hub's PostgreSQL (one per request in the service)."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    @contextmanager
    def connect(self) -> Iterator[psycopg.Connection[Any]]:
        with psycopg.connect(self.dsn, autocommit=False) as conn:
            yield conn

    # -- administration --------------------------------------------------------------------

    def init(self) -> None:
        with self.connect() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(727001)")
            for sql in SCHEMA:
                conn.execute(sql)

    def hub_id(self) -> str:
        """This hub's identity: a PC that meets another hub (a new one, a restored one) sends
        everything again and pulls from the start."""
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO hub_meta (key, value) VALUES ('hub_id', %s) ON CONFLICT DO NOTHING",
                (str(uuid.uuid4()),),
            )
            row = conn.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()
        assert row is not None
        return str(row[0])

    def add_device(self, site: str, label: str = "") -> str:
        """Register a PC for ``site``; returns its token (shown once, stored only hashed)."""
        if not site.strip():
            raise ValueError("site code is empty")
        token = "dd_" + secrets.token_urlsafe(32)
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO hub_device (token_hash, site, label) VALUES (%s, %s, %s)",
                (token_hash(token), site.strip(), label),
            )
        return token

    def _listing(self, table: str, keys: tuple[str, ...], order: str) -> list[dict[str, Any]]:
        with self.connect() as conn:
            rows = conn.execute(
                f"SELECT {', '.join(keys)} FROM {table} ORDER BY {order}"
            ).fetchall()
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def devices(self) -> list[dict[str, Any]]:
        keys = ("site", "label", "device_id", "pc_code", "created_at", "last_seen", "revoked")
        return self._listing("hub_device", keys, "site, created_at")

    def revoke(self, device_id: str) -> bool:
        """A lost or replaced PC: its token is refused from now on."""
        with self.connect() as conn:
            cur = conn.execute(
                "UPDATE hub_device SET revoked = true WHERE device_id = %s", (device_id,)
            )
            return cur.rowcount == 1

    def exports(self) -> list[dict[str, Any]]:
        keys = ("sha256", "site", "kind", "day", "file_name", "size", "received_at")
        return self._listing("hub_export", keys, "received_at, file_name")

    def export_content(self, sha256: str) -> bytes | None:
        with self.connect() as conn:
            row = conn.execute(
                "SELECT content FROM hub_export WHERE sha256 = %s", (sha256,)
            ).fetchone()
        return None if row is None else bytes(row[0])

    # -- authentication --------------------------------------------------------------------

    def authenticate(self, conn: psycopg.Connection[Any], token: str, device_id: str) -> Device:
        """The device behind a token; binds the token to ``device_id`` on first use."""
        if not token or not device_id:
            raise HubRefusal(401, "unauthorized", "a device token and device id are required")
        th = token_hash(token)
        row = conn.execute(
            "SELECT site, device_id, pushed_seq, revoked FROM hub_device WHERE token_hash = %s",
            (th,),
        ).fetchone()
        if row is None or row[3]:
            raise HubRefusal(401, "unauthorized", "unknown or revoked device token")
        site, bound, pushed = row[0], row[1], int(row[2])
        if bound is None:
            clash = conn.execute(
                "SELECT 1 FROM hub_device WHERE device_id = %s", (device_id,)
            ).fetchone()
            if clash:
                raise HubRefusal(403, "device_taken", "this PC is registered with another token")
            conn.execute(
                "UPDATE hub_device SET device_id = %s WHERE token_hash = %s", (device_id, th)
            )
            bound = device_id
        elif bound != device_id:
            raise HubRefusal(403, "wrong_device", "this token belongs to another PC")
        conn.execute("UPDATE hub_device SET last_seen = now() WHERE token_hash = %s", (th,))
        return Device(th, site, bound, pushed)

    def claim_pc_code(self, device: Device, wanted: str) -> str:
        """The 4-character code this PC puts in its quote and contract numbers: unique within
        the store. The PC's own code when free, else one the hub picks for it."""
        with self.connect() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(727003, hashtext(%s))", (device.site,))
            row = conn.execute(
                "SELECT pc_code FROM hub_device WHERE token_hash = %s", (device.token_hash,)
            ).fetchone()
            if row and row[0]:
                return str(row[0])
            taken = {
                str(r[0])
                for r in conn.execute(
                    "SELECT pc_code FROM hub_device WHERE site = %s AND pc_code IS NOT NULL",
                    (device.site,),
                )
            }
            code, n = wanted, 0
            while not code or code in taken:
                n += 1
                code = terminal_code(f"{device.device_id}:{n}")
            conn.execute(
                "UPDATE hub_device SET pc_code = %s WHERE token_hash = %s",
                (code, device.token_hash),
            )
            return code

    # -- push --------------------------------------------------------------------------------

    def push(self, device: Device, ops_json: list[dict[str, Any]], base: int) -> PushResult:
        with self.connect() as conn:
            return self._push(conn, device, ops_json, base)

    def _push(
        self,
        conn: psycopg.Connection[Any],
        device: Device,
        ops_json: list[dict[str, Any]],
        base: int,
    ) -> PushResult:
        # one push per store at a time (stores push in parallel): merging reads the rows it
        # writes, and two PCs inserting the same row must not overwrite each other unmerged
        conn.execute("SELECT pg_advisory_xact_lock(727002, hashtext(%s))", (device.site,))
        row = conn.execute(
            "SELECT pushed_seq FROM hub_device WHERE token_hash = %s FOR UPDATE",
            (device.token_hash,),
        ).fetchone()
        watermark = int(row[0]) if row else 0
        assert device.device_id is not None
        ops: list[tuple[int, Op]] = []
        skipped = 0
        for raw in ops_json:
            op = Op.from_json(raw, device.device_id, base)
            op_seq = int(op.op_id.rsplit(":", 1)[-1])
            if op_seq <= watermark:
                skipped += 1
                continue
            ops.append((op_seq, op))
        if not ops:
            conn.commit()
            return PushResult(0, skipped, [], 0, watermark)
        keys = sorted({_key(op.table, op.row_id) for _, op in ops})
        states = self._load(conn, keys)
        log: list[tuple[Op, str, str]] = []  # op, outcome, reason
        changed: dict[str, RowState] = {}
        echoes: dict[str, str] = {}
        conflicts: list[tuple[Op, ConflictDraft]] = []
        # sequence numbers are taken at the end; merge with a placeholder and fix stamps after
        pending = -1
        for _, op in ops:
            if op.table not in SYNCED_TABLES:
                log.append((op, "refused", f"unknown table {op.table}"))
                continue
            key = _key(op.table, op.row_id)
            result = rules.merge(states.get(key), op, device.site, pending)
            for draft in result.conflicts:
                conflicts.append((op, draft))
            if result.refused:
                log.append((op, "refused" if not result.conflicts else "conflict", result.refused))
            else:
                log.append((op, "conflict" if result.conflicts else "applied", ""))
            if result.state is not None and (
                result.changed or _differs(result.state, op) or result.conflicts
            ):
                # also when nothing changed here but the PC holds other values (its edit lost
                # or was refused): a new sequence number sends the hub's row back to it
                states[key] = result.state
                changed[key] = result.state
                if not (result.conflicts or result.refused or _differs(result.state, op)):
                    echoes[key] = device.device_id  # the PC already holds exactly this
        conflicts.extend(self._find_collisions(conn, device, [s for s in changed.values()]))
        conflict_states = self._conflict_rows(conn, device, conflicts, states)
        total = len(log) + len(conflict_states)
        top = conn.execute(
            "UPDATE hub_counter SET seq = seq + %s WHERE id = 1 RETURNING seq", (total,)
        ).fetchone()
        assert top is not None
        first = int(top[0]) - total + 1
        change_rows = []
        row_seq: dict[str, int] = {}
        for i, (op, outcome, reason) in enumerate(log):
            seq = first + i
            change_rows.append(
                (seq, device.site, device.device_id, op.op_id, op.table, op.row_id, outcome, reason)
            )
            key = _key(op.table, op.row_id)
            if key in changed:
                row_seq[key] = seq
        next_seq = first + len(log)
        for state in conflict_states:
            key = _key(state.table, state.row_id)
            change_rows.append(
                (
                    next_seq,
                    device.site,
                    device.device_id,
                    f"hub:{state.row_id}",
                    state.table,
                    state.row_id,
                    "conflict_recorded",
                    "",
                )
            )
            row_seq[key] = next_seq
            changed[key] = state
            next_seq += 1
        upserts = []
        for key, state in changed.items():
            seq = row_seq[key]
            for stamp in state.stamps.values():
                if stamp.seq == pending:
                    stamp.seq = seq
            upserts.append(
                (
                    key,
                    state.table,
                    state.row_id,
                    state.site,
                    json.dumps(state.data, ensure_ascii=False, default=str),
                    json.dumps({c: s.to_json() for c, s in state.stamps.items()}),
                    state.deleted,
                    seq,
                    echoes.get(key),
                )
            )
        with conn.cursor() as cur:
            if upserts:  # one COPY and one statement, not a round trip per row
                cur.execute("CREATE TEMP TABLE hub_row_in (LIKE hub_row) ON COMMIT DROP")
                with cur.copy(
                    "COPY hub_row_in (key, table_name, row_id, site, data, stamps, deleted, "
                    "seq, echo_device) FROM STDIN"
                ) as copy:
                    for upsert in upserts:
                        copy.write_row(upsert)
                cur.execute(
                    "INSERT INTO hub_row SELECT * FROM hub_row_in "
                    "ON CONFLICT (key) DO UPDATE SET echo_device = excluded.echo_device, "
                    "data = excluded.data, stamps = excluded.stamps, "
                    "deleted = excluded.deleted, seq = excluded.seq"
                )
            with cur.copy(
                "COPY hub_change (seq, site, device_id, op_id, table_name, row_id, outcome, "
                "reason) FROM STDIN"
            ) as copy:
                for change in change_rows:
                    copy.write_row(change)
        new_watermark = max(watermark, *(s for s, _ in ops))
        conn.execute(
            "UPDATE hub_device SET pushed_seq = %s WHERE token_hash = %s",
            (new_watermark, device.token_hash),
        )
        conn.commit()
        refused = [
            {"op": op.op_id, "table": op.table, "id": op.row_id, "reason": reason}
            for op, outcome, reason in log
            if outcome == "refused"
        ]
        applied = sum(1 for _, outcome, _ in log if outcome != "refused")
        return PushResult(applied, skipped, refused, len(conflict_states), new_watermark)

    def _load(self, conn: psycopg.Connection[Any], keys: list[str]) -> dict[str, RowState]:
        rows = conn.execute(
            "SELECT key, table_name, row_id, site, data, stamps, deleted FROM hub_row "
            "WHERE key = ANY(%s) ORDER BY key FOR UPDATE",
            (keys,),
        ).fetchall()
        return {r[0]: _state(r[1:]) for r in rows}

    def _find_collisions(
        self, conn: psycopg.Connection[Any], device: Device, states: list[RowState]
    ) -> list[tuple[Op, ConflictDraft]]:
        """Double bookings of a bay or technician, and one customer entered twice."""
        found: list[tuple[Op, ConflictDraft]] = []
        bookings = [
            s for s in states if s.table == "appointment" and rules.booking_is_active(s.data)
        ]
        if bookings:
            low = min(str(s.data["start_at"]) for s in bookings)
            high = max(str(s.data["end_at"]) for s in bookings)
            others = conn.execute(
                "SELECT table_name, row_id, site, data, stamps, deleted FROM hub_row "
                "WHERE table_name = 'appointment' AND site = %s AND NOT deleted "
                "AND data->>'start_at' < %s AND data->>'end_at' > %s",
                (device.site, high, low),
            ).fetchall()
            by_id = {r[1]: _state(r) for r in others}
            for s in bookings:
                by_id[s.row_id] = s
            for s in bookings:
                for other in by_id.values():
                    if other.row_id == s.row_id:
                        continue
                    shared = rules.overlaps(s.data, other.data)
                    if not shared or _placed_by(s) == _placed_by(other):
                        continue  # one PC's own rules (and overrides) already judged it
                    found.append(
                        (
                            _hub_op(s),
                            ConflictDraft(
                                "double_booking",
                                "appointment",
                                min(s.row_id, other.row_id),
                                max(s.row_id, other.row_id),
                                {
                                    "resources": shared,
                                    "a": _booking_summary(s.data),
                                    "b": _booking_summary(other.data),
                                },
                            ),
                        )
                    )
        customers = [
            s for s in states if s.table == "customer" and not s.deleted and s.data.get("mobile")
        ]
        if customers:
            mobiles = sorted({str(s.data["mobile"]) for s in customers})
            others = conn.execute(
                "SELECT table_name, row_id, site, data, stamps, deleted FROM hub_row "
                "WHERE table_name = 'customer' AND site = %s AND NOT deleted "
                "AND data->>'mobile' = ANY(%s)",
                (device.site, mobiles),
            ).fetchall()
            known = [_state(r) for r in others]
            for s in customers:
                for other in known:
                    if other.row_id == s.row_id or other.data.get("mobile") != s.data["mobile"]:
                        continue
                    found.append(
                        (
                            _hub_op(s),
                            ConflictDraft(
                                "merge_customer",
                                "customer",
                                min(s.row_id, other.row_id),
                                max(s.row_id, other.row_id),
                                {
                                    "mobile": s.data["mobile"],
                                    "a": _customer_summary(s if s.row_id < other.row_id else other),
                                    "b": _customer_summary(other if s.row_id < other.row_id else s),
                                },
                            ),
                        )
                    )
        return found

    def _conflict_rows(
        self,
        conn: psycopg.Connection[Any],
        device: Device,
        conflicts: list[tuple[Op, ConflictDraft]],
        states: dict[str, RowState],
    ) -> list[RowState]:
        """Conflict records as rows of the synced ``sync_conflict`` table; the same conflict
        (same op, or the same pair of rows) is recorded once."""
        if not conflicts:
            return []
        drafts: dict[str, tuple[Op, ConflictDraft]] = {}
        for op, draft in conflicts:
            if draft.other_id:
                name = rules.pair_key(draft.kind, draft.row_id, draft.other_id)
            else:
                name = f"{draft.kind}:{op.op_id}:{draft.table}:{draft.row_id}"
            drafts[str(uuid.uuid5(CONFLICT_NS, name))] = (op, draft)
        existing = self._load(conn, [_key(CONFLICT_TABLE, i) for i in drafts])
        now = _utc_text()
        rows = []
        for conflict_id, (op, draft) in drafts.items():
            key = _key(CONFLICT_TABLE, conflict_id)
            if key in existing and existing[key].data.get("status") == "open":
                continue  # already on record and open
            if key in existing and draft.other_id:
                continue  # a pair already decided stays decided
            data = {
                "id": conflict_id,
                "created_at": now,
                "updated_at": now,
                "updated_by": op.actor,
                "deleted_at": None,
                "kind": draft.kind,
                "table_name": draft.table,
                "row_id": draft.row_id,
                "other_id": draft.other_id,
                "detail": json.dumps(draft.detail, ensure_ascii=False, default=str),
                "status": "open",
                "resolution": "",
                "resolved_by": None,
                "resolved_at": None,
            }
            stamps = {c: Stamp(op.hlc, "hub", -1) for c in data}
            state = RowState(CONFLICT_TABLE, conflict_id, device.site, data, stamps)
            states[key] = state
            rows.append(state)
        return rows

    # -- pull --------------------------------------------------------------------------------

    def pull(self, device: Device, after: int, limit: int) -> dict[str, Any]:
        """Rows of the device's store changed after ``after``, in sequence order; rows whose
        last change came from this device exactly as it holds them are not sent back.

        The head is read first: every row up to it is committed (sequence numbers are taken
        under a lock held to commit), so a page that is not full moves the cursor to it.
        ``rows`` is JSON text made by PostgreSQL from the stored jsonb (no decoding and
        encoding again here); per column only the clock goes out.
        """
        with self.connect() as conn:
            top = conn.execute("SELECT seq FROM hub_counter WHERE id = 1").fetchone()
            head = int(top[0]) if top else 0
            # right after a big push the statistics are stale and the planner would sort the
            # whole rest of the store for every page; the (site, seq) index answers in order
            conn.execute("SET LOCAL enable_bitmapscan = off")
            conn.execute("SET LOCAL enable_seqscan = off")
            rows = conn.execute(
                "SELECT json_build_object('t', table_name, 'id', row_id, 'v', data, "
                "'c', COALESCE((SELECT jsonb_object_agg(k, v->0) "
                "FROM jsonb_each(stamps) AS e(k, v)), '{}'::jsonb), "
                "'x', deleted, 's', seq)::text, seq FROM hub_row "
                "WHERE site = %s AND seq > %s AND seq <= %s "
                "AND echo_device IS DISTINCT FROM %s ORDER BY seq LIMIT %s",
                (device.site, after, head, device.device_id, limit),
            ).fetchall()
        more = len(rows) == limit
        cursor = int(rows[-1][1]) if more else max(head, after)
        return {
            "rows": "[" + ",".join(r[0] for r in rows) + "]",
            "count": len(rows),
            "next": cursor,
            "more": more,
            "head": head,
        }

    # -- exports -----------------------------------------------------------------------------

    def put_export(
        self, device: Device, sha256: str, kind: str, day: str, file_name: str, content: bytes
    ) -> bool:
        if hashlib.sha256(content).hexdigest() != sha256:
            raise HubRefusal(400, "bad_hash", "the file's content does not match its hash")
        with self.connect() as conn:
            cur = conn.execute(
                "INSERT INTO hub_export (sha256, site, device_id, kind, day, file_name, size, "
                "content) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (
                    sha256,
                    device.site,
                    device.device_id,
                    kind,
                    day,
                    file_name,
                    len(content),
                    content,
                ),
            )
            return cur.rowcount == 1

    # -- inspection (tests, admin) -------------------------------------------------------------

    def change_seqs(self) -> list[int]:
        with self.connect() as conn:
            return [int(r[0]) for r in conn.execute("SELECT seq FROM hub_change ORDER BY seq")]

    def rows(self, site: str) -> dict[tuple[str, str], dict[str, Any]]:
        with self.connect() as conn:
            found = conn.execute(
                "SELECT table_name, row_id, data FROM hub_row WHERE site = %s", (site,)
            ).fetchall()
        return {(r[0], r[1]): dict(r[2]) for r in found}

    def op_outcomes(self) -> list[tuple[str, str, str]]:
        with self.connect() as conn:
            found = conn.execute("SELECT op_id, outcome, reason FROM hub_change").fetchall()
        return [(str(r[0]), str(r[1]), str(r[2])) for r in found]


def _differs(state: RowState, op: Op) -> bool:
    if op.kind == "D":
        return not state.deleted
    return any(state.data.get(c) != v for c, v in op.values.items())


def _key(table: str, row_id: str) -> str:
    return f"{table}:{row_id}"


def _state(r: Any) -> RowState:
    table, row_id, site, data, stamps, deleted = r
    return RowState(
        table,
        row_id,
        site,
        dict(data),
        {c: Stamp.from_json(s) for c, s in stamps.items()},
        bool(deleted),
    )


def _hub_op(s: RowState) -> Op:
    hlc = max((st.hlc for st in s.stamps.values()), default=0)
    actor = s.data.get("updated_by")
    return Op(f"hub:{s.table}:{s.row_id}", s.table, s.row_id, "U", "hub", actor, hlc, {}, {})


def _placed_by(s: RowState) -> str:
    stamp = s.stamps.get("start_at")
    return stamp.device if stamp else ""


def _booking_summary(data: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "serial",
        "start_at",
        "end_at",
        "bay_id",
        "technician_id",
        "plate",
        "customer_name",
        "updated_by",
    )
    return {k: data.get(k) for k in keys}


def _customer_summary(s: RowState) -> dict[str, Any]:
    keys = ("name", "mobile", "city", "address", "created_at", "updated_by")
    return {"id": s.row_id, **{k: s.data.get(k) for k in keys}}


def _utc_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
