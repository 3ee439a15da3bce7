"""domain.md §6 end to end: three PCs of one store and a real hub; conflicts are stored, shown
on every PC and decided by a person; nothing typed disappears without a record."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop_app.services.sync import SyncService
from desktop_app.storage.db import Database, new_row
from desktop_app.storage.ids import uuid7
from desktop_app.storage.schema import SYNCED_TABLES
from tests.conftest import session_as
from tests.hub_fixtures import Store, edit, sync_all, table_rows


def one(db: Database, sql: str, *args: Any) -> Any:
    row = db.raw.execute(sql, args).fetchone()
    assert row is not None, sql
    return row[0] if len(row) == 1 else row


def conflicts(db: Database, kind: str) -> list[dict[str, Any]]:
    rows = db.raw.execute(
        "SELECT id, row_id, other_id, detail, status FROM sync_conflict WHERE kind = ?", (kind,)
    ).fetchall()
    return [
        {"id": r[0], "row_id": r[1], "other_id": r[2], "detail": json.loads(r[3]), "status": r[4]}
        for r in rows
    ]


def assert_same_everywhere(store: Store) -> None:
    for table in SYNCED_TABLES:
        a = table_rows(store.a.db, table)
        assert table_rows(store.b.db, table) == a, table
        assert table_rows(store.c.db, table) == a, table


def test_two_pcs_edit_one_field_offline(store: Store) -> None:
    customer = one(store.a.db, "SELECT id FROM customer ORDER BY id LIMIT 1")
    edit(store.a.db, "customer", customer, city="杭州")
    edit(store.b.db, "customer", customer, city="苏州", notes="周末来店")
    store.a.sync()
    store.b.sync()  # B's edit is newer: 苏州 wins; 杭州 is kept in the conflict log
    sync_all(store)
    assert one(store.c.db, "SELECT city, notes FROM customer WHERE id = ?", customer) == (
        "苏州",
        "周末来店",
    )
    [conflict] = conflicts(store.c.db, "field")
    assert conflict["row_id"] == customer
    assert conflict["detail"]["columns"]["city"] == {"lost": "杭州", "kept": "苏州"}
    assert_same_everywhere(store)

    # a manager on PC C takes the lost value after all; every PC follows
    service = SyncService(store.c.db, session_as(store.c.use(), "manager"))
    decided = service.resolve(conflict["id"], "use_lost")
    assert decided.status == "resolved" and decided.resolution == "use_lost"
    sync_all(store)
    assert one(store.a.db, "SELECT city FROM customer WHERE id = ?", customer) == "杭州"
    assert conflicts(store.a.db, "field")[0]["status"] == "resolved"
    assert_same_everywhere(store)


def test_ticks_on_one_checklist_from_two_pcs_merge(store: Store) -> None:
    delivery = one(
        store.a.db,
        "SELECT delivery_id FROM delivery_item WHERE result = 'open' "
        "GROUP BY delivery_id HAVING count(*) >= 2 LIMIT 1",
    )
    first, second = (
        r[0]
        for r in store.a.db.raw.execute(
            "SELECT id FROM delivery_item WHERE delivery_id = ? AND result = 'open' "
            "ORDER BY position LIMIT 2",
            (delivery,),
        )
    )
    edit(store.a.db, "delivery_item", first, result="pass")
    edit(store.b.db, "delivery_item", second, result="pass")
    edit(store.b.db, "delivery_item", first, note="左前门有划痕")  # B never ticked `first`
    edit(store.a.db, "delivery", delivery, topics_done=json.dumps(["controls"]))
    edit(store.b.db, "delivery", delivery, topics_done=json.dumps(["charging", "controls"]))
    sync_all(store)
    for pc in store.pcs:
        assert one(pc.db, "SELECT result FROM delivery_item WHERE id = ?", first) == "pass"
        assert one(pc.db, "SELECT result FROM delivery_item WHERE id = ?", second) == "pass"
        assert one(pc.db, "SELECT note FROM delivery_item WHERE id = ?", first) == "左前门有划痕"
        topics = json.loads(one(pc.db, "SELECT topics_done FROM delivery WHERE id = ?", delivery))
        assert sorted(topics) == ["charging", "controls"]
    assert_same_everywhere(store)


def test_a_signed_contract_never_changes(store: Store) -> None:
    contract = one(store.a.db, "SELECT id FROM contract WHERE status = 'draft' LIMIT 1")
    # B edits the draft offline; A signs it; B's edit reaches the hub after the signature
    edit(store.b.db, "contract", contract, buyer_address="北京市朝阳区 1 号")
    edit(
        store.a.db,
        "contract",
        contract,
        status="signed",
        content_hash="c" * 64,
        pdf_hash="p" * 64,
        signed_at="2026-12-06T09:00:00.000Z",
    )
    signed_address = one(store.a.db, "SELECT buyer_address FROM contract WHERE id = ?", contract)
    store.a.sync()
    store.b.sync()
    sync_all(store)
    for pc in store.pcs:
        assert one(pc.db, "SELECT status, buyer_address FROM contract WHERE id = ?", contract) == (
            "signed",
            signed_address,
        )
    [conflict] = conflicts(store.c.db, "signed_contract")
    assert conflict["detail"]["columns"]["buyer_address"]["lost"] == "北京市朝阳区 1 号"
    assert_same_everywhere(store)


def test_signing_beats_a_draft_edit_that_arrived_first(store: Store) -> None:
    contract = one(store.a.db, "SELECT id FROM contract WHERE status = 'draft' LIMIT 1")
    edit(store.b.db, "contract", contract, buyer_address="上海市静安区 8 号")
    store.b.sync()  # the draft edit is on the hub first
    edit(
        store.a.db,
        "contract",
        contract,
        status="signed",
        content_hash="c" * 64,
        signed_at="2026-12-06T09:00:00.000Z",
    )
    signed_address = one(store.a.db, "SELECT buyer_address FROM contract WHERE id = ?", contract)
    sync_all(store)
    for pc in store.pcs:  # what A signed is what everyone has; B's edit is in the log
        assert one(pc.db, "SELECT buyer_address FROM contract WHERE id = ?", contract) == (
            signed_address
        )
    [conflict] = conflicts(store.b.db, "signed_contract")
    assert conflict["detail"]["columns"]["buyer_address"]["lost"] == "上海市静安区 8 号"
    assert_same_everywhere(store)


def _book(db: Database, template_id: str, start: str, end: str) -> str:
    columns = ("id", "created_at", "updated_at", "updated_by", *SYNCED_TABLES["appointment"])
    row = dict(
        zip(
            columns,
            db.raw.execute(
                f"SELECT {', '.join(columns)} FROM appointment WHERE id = ?", (template_id,)
            ).fetchone(),
            strict=True,
        )
    )
    row.update(new_row(None))
    row.update(start_at=start, end_at=end, status="booked", serial=f"S-{uuid7()[-6:]}")
    with db.write():
        db.raw.execute(
            f"INSERT INTO appointment ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
    return str(row["id"])


def test_one_bay_booked_twice_from_two_pcs(store: Store) -> None:
    template = one(store.a.db, "SELECT id FROM appointment WHERE bay_id IS NOT NULL LIMIT 1")
    mine = _book(store.a.db, template, "2026-12-20 09:00", "2026-12-20 10:00")
    theirs = _book(store.b.db, template, "2026-12-20 09:30", "2026-12-20 10:30")
    sync_all(store)
    for pc in store.pcs:  # both bookings are kept, and the clash is shown on every PC
        assert one(pc.db, "SELECT count(*) FROM appointment WHERE id IN (?, ?)", mine, theirs) == 2
        [conflict] = conflicts(pc.db, "double_booking")
        assert {conflict["row_id"], conflict["other_id"]} == {mine, theirs}
        assert "bay_id" in conflict["detail"]["resources"]
    assert_same_everywhere(store)


def test_one_customer_entered_on_two_pcs_is_offered_as_a_merge(store: Store) -> None:
    site = one(store.a.db, "SELECT id FROM site LIMIT 1")
    ids = []
    for pc, name in ((store.a, "周杰"), (store.b, "周 杰")):
        row = new_row(None)
        with pc.db.write():
            pc.db.raw.execute(
                "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, "
                "mobile) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*row.values(), site, name, "13912345678"),
            )
        ids.append(row["id"])
    vehicle = one(store.b.db, "SELECT id FROM vehicle WHERE customer_id IS NOT NULL LIMIT 1")
    edit(store.b.db, "vehicle", vehicle, customer_id=ids[1])
    sync_all(store)
    [conflict] = conflicts(store.c.db, "merge_customer")
    assert {conflict["row_id"], conflict["other_id"]} == set(ids)
    manager = SyncService(store.c.db, session_as(store.c.use(), "manager"))
    manager.resolve(conflict["id"], "merge")
    sync_all(store)
    for pc in store.pcs:
        assert one(pc.db, "SELECT customer_id FROM vehicle WHERE id = ?", vehicle) == ids[0]
        live = one(
            pc.db,
            "SELECT count(*) FROM customer WHERE mobile = '13912345678' AND deleted_at IS NULL",
        )
        assert live == 1
    assert_same_everywhere(store)


def test_delete_wins_against_edit_and_the_edit_is_kept(store: Store) -> None:
    customer = one(store.a.db, "SELECT id FROM customer ORDER BY id DESC LIMIT 1")
    edit(store.a.db, "customer", customer, deleted_at="2026-12-06T10:00:00.000Z")
    store.a.sync()
    edit(store.b.db, "customer", customer, name="改过的名字")  # B had not heard of the delete
    sync_all(store)
    for pc in store.pcs:
        assert one(pc.db, "SELECT deleted_at FROM customer WHERE id = ?", customer) is not None
    [conflict] = conflicts(store.a.db, "delete_edit")
    assert conflict["detail"]["columns"]["name"]["lost"] == "改过的名字"
    assert_same_everywhere(store)
    # a person restores it with the edit
    SyncService(store.a.db, session_as(store.a.use(), "manager")).resolve(conflict["id"], "restore")
    sync_all(store)
    for pc in store.pcs:
        assert one(pc.db, "SELECT deleted_at, name FROM customer WHERE id = ?", customer) == (
            None,
            "改过的名字",
        )
    assert_same_everywhere(store)


def test_taking_a_lost_value_back_into_a_contract_signed_since_is_refused(store: Store) -> None:
    from desktop_app.domain.contracts import ContractFrozen

    contract = one(store.a.db, "SELECT id FROM contract WHERE status = 'draft' LIMIT 1")
    edit(store.a.db, "contract", contract, buyer_address="杭州市西湖区 1 号")
    edit(store.c.db, "contract", contract, buyer_address="苏州市姑苏区 2 号")
    sync_all(store)
    [conflict] = conflicts(store.a.db, "field")
    edit(
        store.a.db,
        "contract",
        contract,
        status="signed",
        content_hash="c" * 64,
        signed_at="2026-12-06T09:00:00.000Z",
    )
    service = SyncService(store.a.db, session_as(store.a.use(), "manager"))
    with pytest.raises(ContractFrozen):  # said in words, never a crash
        service.resolve(conflict["id"], "use_lost")
    assert service.get_conflict(conflict["id"]).status == "open"
    assert service.resolve(conflict["id"], "keep").status == "resolved"
    sync_all(store)
    assert_same_everywhere(store)
