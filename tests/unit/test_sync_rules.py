"""The conflict rules of domain.md §6 as the hub applies them (desktop_app/sync/rules.py)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.sync import rules
from desktop_app.sync.rules import Op, RowState, Stamp

SITE = "SH01"


def op(
    device: str,
    hlc: int,
    values: dict[str, Any],
    *,
    table: str = "customer",
    kind: str = "U",
    edited: tuple[str, ...] | None = None,
    base: int = 0,
) -> Op:
    columns = tuple(values) if edited is None else edited
    return Op(
        op_id=f"{device}:{hlc}",
        table=table,
        row_id="r1",
        kind=kind,
        device=device,
        actor=f"staff-{device}",
        hlc=hlc,
        values=dict(values),
        clocks={c: hlc for c in columns},
        base=base,
    )


def state(
    values: dict[str, Any], hlc: int = 10, device: str = "A", table: str = "customer", seq: int = 1
) -> RowState:
    return RowState(
        table,
        "r1",
        SITE,
        dict(values),
        {c: Stamp(hlc, device, seq) for c in values},
        values.get("deleted_at") is not None,
    )


def test_insert_then_last_writer_wins_per_field() -> None:
    first = rules.merge(None, op("A", 10, {"name": "张伟", "city": "上海"}, kind="I"), SITE, 1)
    assert first.changed and first.state is not None
    # B changed the city later, A's name stays
    second = rules.merge(first.state, op("B", 20, {"city": "苏州"}, base=1), SITE, 2)
    assert second.state is not None
    assert second.state.data == {"name": "张伟", "city": "苏州"}
    assert not second.conflicts


def test_losing_value_is_recorded_never_dropped() -> None:
    current = state({"name": "张伟", "city": "苏州"}, hlc=20, device="B")
    result = rules.merge(current, op("A", 15, {"city": "杭州"}), SITE, 3)
    assert result.state is not None and result.state.data["city"] == "苏州"
    [conflict] = result.conflicts
    assert conflict.kind == "field"
    assert conflict.detail["columns"] == {"city": {"lost": "杭州", "kept": "苏州"}}
    assert conflict.detail["lost_device"] == "A"


def test_overwriting_a_value_the_pc_had_not_seen_is_recorded() -> None:
    current = state({"city": "苏州"}, hlc=20, device="B", seq=7)
    # A pushes a newer edit but had pulled only up to seq 5: it never saw 苏州
    result = rules.merge(current, op("A", 30, {"city": "杭州"}, base=5), SITE, 8)
    assert result.state is not None and result.state.data["city"] == "杭州"
    [conflict] = result.conflicts
    assert conflict.detail["columns"] == {"city": {"lost": "苏州", "kept": "杭州"}}
    # had A seen seq 7, it is an ordinary later edit
    assert not rules.merge(current, op("A", 30, {"city": "杭州"}, base=7), SITE, 8).conflicts


def test_carried_columns_never_overwrite() -> None:
    current = state({"name": "张伟", "city": "苏州"}, hlc=20, device="B")
    result = rules.merge(
        current, op("A", 30, {"name": "张伟伟", "city": "旧值"}, edited=("name",)), SITE, 9
    )
    assert result.state is not None
    assert result.state.data == {"name": "张伟伟", "city": "苏州"}


def test_a_tick_is_never_lost_to_an_empty_box() -> None:
    current = state({"result": "pass"}, hlc=10, device="A", table="delivery_item")
    later_open = op("B", 99, {"result": "open"}, table="delivery_item")
    result = rules.merge(current, later_open, SITE, 2)
    assert result.state is not None and result.state.data["result"] == "pass"
    empty = state({"result": "open"}, hlc=99, device="B", table="delivery_item")
    older_tick = op("A", 5, {"result": "fail"}, table="delivery_item")
    result = rules.merge(empty, older_tick, SITE, 3)
    assert result.state is not None and result.state.data["result"] == "fail"


def test_explanation_topics_are_united() -> None:
    current = state({"topics_done": json.dumps(["a", "b"])}, table="delivery")
    result = rules.merge(
        current, op("B", 20, {"topics_done": json.dumps(["c", "a"])}, table="delivery"), SITE, 2
    )
    assert result.state is not None
    assert json.loads(result.state.data["topics_done"]) == ["a", "b", "c"]


def test_signed_contract_refuses_edits_but_takes_its_void() -> None:
    signed = state({"status": "signed", "body": "v1", "void_reason": ""}, table="contract")
    edit = rules.merge(signed, op("B", 50, {"body": "v2"}, table="contract"), SITE, 2)
    assert edit.refused and edit.state is not None and edit.state.data["body"] == "v1"
    assert [c.kind for c in edit.conflicts] == ["signed_contract"]
    void = op(
        "B",
        60,
        {"status": "void", "void_reason": "客户退订", "voided_at": "2026-12-06"},
        table="contract",
    )
    result = rules.merge(signed, void, SITE, 3)
    assert not result.refused and result.state is not None
    assert result.state.data["status"] == "void"


def test_signing_wins_over_a_concurrent_draft_edit() -> None:
    draft = state({"status": "draft", "body": "B's edit"}, hlc=90, device="B", table="contract")
    sign = op(
        "A", 50, {"status": "signed", "body": "A's text"}, table="contract", edited=("status",)
    )
    result = rules.merge(draft, sign, SITE, 4)
    assert result.state is not None
    assert result.state.data == {"status": "signed", "body": "A's text"}
    assert [c.kind for c in result.conflicts] == ["signed_contract"]
    assert result.conflicts[0].detail["columns"]["body"]["lost"] == "B's edit"


def test_delete_wins_and_the_edit_is_kept() -> None:
    deleted = state({"name": "张伟", "deleted_at": "2026-12-06T08:00:00.000Z"})
    result = rules.merge(deleted, op("B", 99, {"name": "张大伟"}), SITE, 2)
    assert result.state is not None and result.state.deleted
    assert result.state.data["name"] == "张伟"
    [conflict] = result.conflicts
    assert conflict.kind == "delete_edit"
    assert conflict.detail["columns"]["name"]["lost"] == "张大伟"
    restore = rules.merge(deleted, op("B", 120, {"deleted_at": None}), SITE, 3)
    assert restore.state is not None and not restore.state.deleted


def test_rows_of_another_store_are_refused() -> None:
    other = state({"name": "x"})
    assert rules.merge(other, op("A", 99, {"name": "y"}), "BJ02", 2).refused


def test_overlapping_bookings_of_one_bay() -> None:
    a = {
        "start_at": "2026-12-07T09:00",
        "end_at": "2026-12-07T10:00",
        "bay_id": "bay1",
        "technician_id": "t1",
        "status": "booked",
        "deleted_at": None,
    }
    b = {**a, "start_at": "2026-12-07T09:30", "end_at": "2026-12-07T11:00", "technician_id": "t2"}
    assert rules.overlaps(a, b) == ["bay_id"]
    assert rules.overlaps(a, {**b, "start_at": "2026-12-07T10:00"}) == []
    assert rules.overlaps(a, {**b, "status": "cancelled"}) == []


values = st.dictionaries(
    st.sampled_from(["name", "city", "notes"]), st.text(max_size=3), min_size=1
)


@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.integers(1, 50), values),
        min_size=1,
        max_size=8,
        unique_by=lambda e: (e[0], e[1]),  # one clock value is one edit of one PC
    )
)
def test_order_of_arrival_does_not_change_the_result(
    edits: list[tuple[str, int, dict[str, str]]],
) -> None:
    """Last writer wins per field is commutative: any order of the same ops ends equal."""
    base = {"name": "", "city": "", "notes": ""}

    def run(order: list[tuple[str, int, dict[str, str]]]) -> dict[str, Any]:
        current = state(base, hlc=0, device="")
        for seq, (device, hlc, vals) in enumerate(order, start=2):
            merged = rules.merge(current, op(device, hlc, vals), SITE, seq)
            assert merged.state is not None
            current = merged.state
        return current.data

    assert run(edits) == run(list(reversed(edits)))
