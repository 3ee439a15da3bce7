"""The conflict rules of domain.md §6, as pure functions the hub applies to every pushed op.

A row's state on the hub is its column values plus, per column, a *stamp*: the hybrid logical
clock value and device of the edit that wrote it, and the hub sequence number at which it was
written. Merging an op into a state:

- ordinary columns: last writer wins per column by (clock, device);
- a value that loses, or a value overwritten by an edit that had not seen it (the other
  device's write came after the pushing PC's pull cursor), becomes a ``field`` conflict record
  with both values — nothing typed disappears without a record;
- checklist ticks (PDI results, documents handed over, explanation topics) merge: a tick beats
  an empty box whatever the clocks say, and topic lists are united;
- a signed contract never changes except by its void; any other edit is refused and kept as a
  ``signed_contract`` conflict;
- delete against edit: the delete wins; an edit arriving for a deleted row is kept as a
  ``delete_edit`` conflict.

Double bookings and duplicate customers need the other rows of the store; :func:`overlaps` and
the hub's queries find them (``double_booking`` and ``merge_customer`` conflicts).
No Qt, no I/O.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by"})

# (table, column) -> the value that means "not ticked yet"
TICKS: dict[tuple[str, str], Any] = {
    ("delivery_item", "result"): "open",
    ("delivery_document", "state"): "open",
}
# (table, column) -> JSON lists merged as a union
UNION_LISTS = frozenset({("delivery", "topics_done")})

CONTRACT_VOID_COLUMNS = frozenset({"status", "void_reason", "voided_at", "voided_by"})

# the resource columns of an appointment that make two bookings collide
BOOKING_RESOURCES = ("bay_id", "technician_id")
INACTIVE_BOOKINGS = frozenset({"no_show", "cancelled", "rescheduled"})


@dataclass
class Stamp:
    hlc: int
    device: str
    seq: int = 0

    def key(self) -> tuple[int, str]:
        return (self.hlc, self.device)

    def to_json(self) -> list[Any]:
        return [self.hlc, self.device, self.seq]

    @classmethod
    def from_json(cls, raw: list[Any]) -> Stamp:
        return cls(int(raw[0]), str(raw[1]), int(raw[2]) if len(raw) > 2 else 0)


@dataclass
class RowState:
    """One row as the hub holds it."""

    table: str
    row_id: str
    site: str
    data: dict[str, Any]
    stamps: dict[str, Stamp]
    deleted: bool = False


@dataclass
class Op:
    """One pushed change: the row's current values on the PC, and per column the clock of the
    newest local edit of that column (0 = not edited in this op, only carried along)."""

    op_id: str
    table: str
    row_id: str
    kind: str  # "I", "U" or "D"
    device: str
    actor: str | None
    hlc: int
    values: dict[str, Any]
    clocks: dict[str, int]
    base: int = 0  # the hub sequence the PC had pulled up to when it pushed

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op_id,
            "t": self.table,
            "id": self.row_id,
            "k": self.kind,
            "a": self.actor,
            "h": self.hlc,
            "v": self.values,
            "c": self.clocks,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any], device: str, base: int) -> Op:
        return cls(
            op_id=str(raw["op"]),
            table=str(raw["t"]),
            row_id=str(raw["id"]),
            kind=str(raw["k"]),
            device=device,
            actor=raw.get("a"),
            hlc=int(raw["h"]),
            values=dict(raw.get("v") or {}),
            clocks={str(k): int(v) for k, v in (raw.get("c") or {}).items()},
            base=base,
        )


@dataclass
class ConflictDraft:
    kind: str  # field | signed_contract | delete_edit | double_booking | merge_customer
    table: str
    row_id: str
    other_id: str
    detail: dict[str, Any]


@dataclass
class Merge:
    state: RowState | None
    changed: bool
    conflicts: list[ConflictDraft] = field(default_factory=list)
    refused: str = ""  # why nothing of the op was applied ("" = applied, maybe partly)


def _is_deleted(values: dict[str, Any]) -> bool:
    return values.get("deleted_at") is not None


def _lost(
    op: Op, columns: dict[str, tuple[Any, Any]], kept: Stamp | None, kept_actor: Any
) -> dict[str, Any]:
    return {
        "columns": {c: {"lost": lost, "kept": keep} for c, (lost, keep) in columns.items()},
        "lost_device": op.device,
        "lost_actor": op.actor,
        "lost_hlc": op.hlc,
        "kept_device": kept.device if kept else "",
        "kept_actor": kept_actor,  # who last saved the row the kept value is in
    }


def merge(existing: RowState | None, op: Op, site: str, seq: int) -> Merge:
    """Merge ``op`` (from a device of ``site``) into ``existing``; ``seq`` stamps what it
    writes."""
    if existing is None:
        if op.kind == "D" or not op.values:
            return Merge(None, False)  # never seen here and gone on the PC: nothing to keep
        stamps = {c: Stamp(op.clocks.get(c, op.hlc) or op.hlc, op.device, seq) for c in op.values}
        state = RowState(op.table, op.row_id, site, dict(op.values), stamps, _is_deleted(op.values))
        return Merge(state, True)
    if existing.site != site:
        return Merge(existing, False, refused=f"row belongs to store {existing.site}")
    if op.table == "contract" and existing.data.get("status", "draft") != "draft":
        return _merge_frozen_contract(existing, op, seq)
    if op.table == "contract" and op.values.get("status") == "signed":
        return _merge_signing(existing, op, seq)
    if existing.deleted:
        return _merge_into_deleted(existing, op, seq)
    if op.kind == "D":  # gone from the PC: a tombstone here
        deleted_at = op.values.get("deleted_at") or f"hlc:{op.hlc}"
        op = replace(op, values={"deleted_at": deleted_at}, clocks={"deleted_at": op.hlc})
    return _merge_columns(existing, op, seq)


def _merge_columns(existing: RowState, op: Op, seq: int) -> Merge:
    data = dict(existing.data)
    stamps = dict(existing.stamps)
    changed = False
    lost: dict[str, tuple[Any, Any]] = {}
    overwritten: dict[str, tuple[Any, Any]] = {}
    overwritten_stamp: Stamp | None = None
    kept_stamp: Stamp | None = None
    for column, value in op.values.items():
        clock = op.clocks.get(column, 0)
        incoming = Stamp(clock, op.device, seq)
        if column not in data:
            data[column], stamps[column] = value, incoming
            changed = True
            continue
        current = data[column]
        have = stamps.get(column, Stamp(0, "", 0))
        if clock == 0:
            continue  # carried along, not edited by this op
        if (op.table, column) in UNION_LISTS and value != current:
            united = _union(current, value)
            if united != current:
                data[column], stamps[column] = united, max(have, incoming, key=Stamp.key)
                changed = True
            continue
        empty = TICKS.get((op.table, column), _NO_TICK)
        if empty is not _NO_TICK and value != current:
            if value == empty:
                continue  # a tick is never lost to an empty box
            if current == empty:
                data[column], stamps[column] = value, incoming
                changed = True
                continue
        if value == current:
            if incoming.key() > have.key():
                stamps[column] = incoming
            continue
        if incoming.key() > have.key():
            if have.device and have.device != op.device and have.seq > op.base:
                overwritten[column] = (current, value)
                overwritten_stamp = have
            data[column], stamps[column] = value, incoming
            changed = True
        elif column not in BOOKKEEPING and have.device != op.device:
            lost[column] = (value, current)
            kept_stamp = have
    state = RowState(
        existing.table, existing.row_id, existing.site, data, stamps, _is_deleted(data)
    )
    conflicts = []
    if lost:
        conflicts.append(
            ConflictDraft(
                "field",
                op.table,
                op.row_id,
                "",
                _lost(op, lost, kept_stamp, existing.data.get("updated_by")),
            )
        )
    if overwritten and overwritten_stamp is not None:
        columns = {c: v for c, v in overwritten.items() if c not in BOOKKEEPING}
        if columns:
            detail = {
                "columns": {c: {"lost": old, "kept": new} for c, (old, new) in columns.items()},
                "lost_device": overwritten_stamp.device,
                "lost_actor": existing.data.get("updated_by"),
                "lost_hlc": overwritten_stamp.hlc,
                "kept_device": op.device,
                "kept_actor": op.actor,
            }
            conflicts.append(ConflictDraft("field", op.table, op.row_id, "", detail))
    return Merge(state, changed, conflicts)


_NO_TICK = object()


def _union(current: Any, value: Any) -> Any:
    try:
        mine = list(json.loads(current or "[]"))
        theirs = list(json.loads(value or "[]"))
    except (TypeError, ValueError):
        return value
    merged = mine + [t for t in theirs if t not in mine]
    return json.dumps(merged, ensure_ascii=False)


def _edited_columns(existing: RowState, op: Op) -> dict[str, Any]:
    return {
        c: v
        for c, v in op.values.items()
        if op.clocks.get(c, 0) and c not in BOOKKEEPING and c != "deleted_at"
        if v != existing.data.get(c)
    }


def _merge_into_deleted(existing: RowState, op: Op, seq: int) -> Merge:
    """Delete wins against edit; the edit goes to the conflict log. A restore (a person chose
    it in the conflict window: ``deleted_at`` cleared by an edit newer than the delete) brings
    the row back."""
    deleted_stamp = existing.stamps.get("deleted_at", Stamp(0, "", 0))
    if (
        "deleted_at" in op.values
        and op.values["deleted_at"] is None
        and op.clocks.get("deleted_at", 0) > deleted_stamp.hlc
    ):
        return _merge_columns(existing, op, seq)
    edited = _edited_columns(existing, op)
    if not edited or op.kind == "D":
        return Merge(existing, False)
    return _kept_aside(
        existing,
        op,
        edited,
        "delete_edit",
        "the record was deleted on another PC; the edit is kept in the conflict log",
        deleted_by=existing.data.get("updated_by"),
    )


def _merge_signing(existing: RowState, op: Op, seq: int) -> Merge:
    """The PC that signs a draft contract signed what it shows: its whole content wins, and
    concurrent edits of the draft from other PCs are kept as ``signed_contract`` conflicts."""
    overwritten = {
        c: {"lost": existing.data.get(c), "kept": v}
        for c, v in op.values.items()
        if c not in BOOKKEEPING
        and existing.data.get(c) != v
        and existing.stamps.get(c, Stamp(0, "", 0)).device not in ("", op.device)
    }
    op = replace(op, clocks={c: max(op.clocks.get(c, 0), op.hlc) for c in op.values})
    merged = _merge_columns(existing, op, seq)
    for column, value in op.values.items():  # the signed content, whatever the clocks
        if merged.state is not None and merged.state.data.get(column) != value:
            merged.state.data[column] = value
            merged.state.stamps[column] = Stamp(op.hlc, op.device, seq)
            merged.changed = True
    merged.conflicts = []
    if overwritten:
        detail = {
            "columns": overwritten,
            "lost_device": existing.stamps.get("updated_at", Stamp(0, "", 0)).device,
            "lost_actor": existing.data.get("updated_by"),
            "kept_device": op.device,
            "number": existing.data.get("number"),
        }
        merged.conflicts.append(ConflictDraft("signed_contract", op.table, op.row_id, "", detail))
    return merged


def _merge_frozen_contract(existing: RowState, op: Op, seq: int) -> Merge:
    """A signed contract accepts only its void; a void one accepts nothing."""
    edited = _edited_columns(existing, op)
    if op.kind == "D" or _is_deleted(op.values):
        edited["deleted_at"] = op.values.get("deleted_at") or "deleted"
    if not edited:
        return Merge(existing, False)
    is_void = (
        existing.data.get("status") == "signed"
        and op.values.get("status") == "void"
        and bool(op.values.get("void_reason"))
        and set(edited) <= CONTRACT_VOID_COLUMNS
    )
    if is_void:
        return _merge_columns(existing, op, seq)
    return _kept_aside(
        existing,
        op,
        edited,
        "signed_contract",
        "a signed contract never changes; the edit is kept in the conflict log",
        number=existing.data.get("number"),
    )


def _kept_aside(
    existing: RowState, op: Op, edited: dict[str, Any], kind: str, refused: str, **extra: Any
) -> Merge:
    """Nothing of the op is applied; what it edited goes to the conflict log."""
    detail = {
        "columns": {c: {"lost": v, "kept": existing.data.get(c)} for c, v in edited.items()},
        "lost_device": op.device,
        "lost_actor": op.actor,
        "lost_hlc": op.hlc,
        **extra,
    }
    return Merge(
        existing, False, [ConflictDraft(kind, op.table, op.row_id, "", detail)], refused=refused
    )


def booking_is_active(data: dict[str, Any]) -> bool:
    return data.get("deleted_at") is None and data.get("status") not in INACTIVE_BOOKINGS


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """The resources (bay, technician) two active bookings both hold at the same time."""
    if not (booking_is_active(a) and booking_is_active(b)):
        return []
    if not (str(a["start_at"]) < str(b["end_at"]) and str(b["start_at"]) < str(a["end_at"])):
        return []
    return [r for r in BOOKING_RESOURCES if a.get(r) and a.get(r) == b.get(r)]


def pair_key(kind: str, a: str, b: str) -> str:
    """The same pair of rows gives the same conflict, whichever PC pushed last."""
    first, second = sorted((a, b))
    return f"{kind}:{first}:{second}"
