"""Hypothesis stateful test: three PCs of one store edit, delete, add, book, tick and sign while
going on and offline; once all are online and have synced, every PC and the hub hold identical
data, every database is intact and every op is on record."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from desktop_app.domain.contracts import ContractFrozen
from desktop_app.hub.store import HubStore
from desktop_app.services.sync import SyncService
from desktop_app.storage.db import new_row
from desktop_app.storage.schema import SYNC_COLUMNS, SYNCED_TABLES
from tests.conftest import session_as
from tests.hub_fixtures import Store, StoreTemplate, edit, make_store, table_rows
from tests.pg import LocalPostgres

PCS = ("a", "b", "c")
TEXT = st.text(alphabet="张王李赵沪粤ABC 0123", max_size=6)
_folders = itertools.count()


def test_three_pcs_converge(
    postgres: LocalPostgres, store_template: StoreTemplate, tmp_path: Path
) -> None:
    class ThreePcs(RuleBasedStateMachine):
        store: Store
        _store_gen: Iterator[Store]

        @initialize()
        def start(self) -> None:
            folder = tmp_path / f"run{next(_folders)}"
            self._store_gen = make_store(postgres, store_template, folder)
            self.store = next(self._store_gen)
            self.online = dict.fromkeys(PCS, True)
            db = self.store.a.db
            self.customers = [r[0] for r in db.raw.execute("SELECT id FROM customer LIMIT 4")]
            self.items = [
                r[0]
                for r in db.raw.execute(
                    "SELECT id FROM delivery_item WHERE result = 'open' ORDER BY id LIMIT 4"
                )
            ]
            self.drafts = [
                r[0] for r in db.raw.execute("SELECT id FROM contract WHERE status = 'draft'")
            ]
            self.booking = db.raw.execute(
                "SELECT id FROM appointment WHERE bay_id IS NOT NULL LIMIT 1"
            ).fetchone()[0]
            self.site = db.raw.execute("SELECT id FROM site LIMIT 1").fetchone()[0]

        def pc(self, name: str) -> Any:
            return getattr(self.store, name)

        @rule(
            pc=st.sampled_from(PCS),
            i=st.integers(0, 3),
            column=st.sampled_from(["city", "notes", "name"]),
            value=TEXT,
        )
        def edit_customer(self, pc: str, i: int, column: str, value: str) -> None:
            edit(self.pc(pc).db, "customer", self.customers[i], **{column: value})

        @rule(pc=st.sampled_from(PCS), i=st.integers(0, 3))
        def delete_customer(self, pc: str, i: int) -> None:
            edit(
                self.pc(pc).db, "customer", self.customers[i], deleted_at="2026-12-06T10:00:00.000Z"
            )

        @rule(
            pc=st.sampled_from(PCS),
            name=TEXT,
            mobile=st.sampled_from(["13800000001", "13800000002"]),
        )
        def add_customer(self, pc: str, name: str, mobile: str) -> None:
            db = self.pc(pc).db
            row = new_row(None)
            with db.write():
                db.raw.execute(
                    "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, "
                    "name, mobile) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*row.values(), self.site, name or "客户", mobile),
                )

        @rule(pc=st.sampled_from(PCS), slot=st.integers(0, 2))
        def book(self, pc: str, slot: int) -> None:
            db = self.pc(pc).db
            columns = (
                "id",
                "created_at",
                "updated_at",
                "updated_by",
                *SYNCED_TABLES["appointment"],
            )
            values = dict(
                zip(
                    columns,
                    db.raw.execute(
                        f"SELECT {', '.join(columns)} FROM appointment WHERE id = ?",
                        (self.booking,),
                    ).fetchone(),
                    strict=True,
                )
            )
            values.update(new_row(None))
            values.update(
                start_at=f"2026-12-21 {9 + slot:02d}:00",
                end_at=f"2026-12-21 {10 + slot:02d}:00",
                status="booked",
                serial=f"T-{values['id'][-8:]}",
            )
            with db.write():
                db.raw.execute(
                    f"INSERT INTO appointment ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' * len(values))})",
                    tuple(values.values()),
                )

        @rule(
            pc=st.sampled_from(PCS),
            i=st.integers(0, 3),
            result=st.sampled_from(["pass", "fail", "na", "open"]),
        )
        def tick(self, pc: str, i: int, result: str) -> None:
            edit(self.pc(pc).db, "delivery_item", self.items[i], result=result)

        @rule(pc=st.sampled_from(PCS), value=TEXT)
        def edit_draft_contract(self, pc: str, value: str) -> None:
            db = self.pc(pc).db
            status = db.raw.execute(
                "SELECT status FROM contract WHERE id = ?", (self.drafts[0],)
            ).fetchone()[0]
            if status == "draft":  # the app offers no edit of a signed one
                edit(db, "contract", self.drafts[0], buyer_address=value)

        @rule()
        def sign_on_the_sales_pc(self) -> None:
            db = self.store.a.db
            status = db.raw.execute(
                "SELECT status FROM contract WHERE id = ?", (self.drafts[0],)
            ).fetchone()[0]
            if status == "draft":
                edit(
                    db,
                    "contract",
                    self.drafts[0],
                    status="signed",
                    content_hash="h" * 64,
                    signed_at="2026-12-06T11:00:00.000Z",
                )

        @rule(pc=st.sampled_from(PCS), pick=st.integers(0, 20), choice=st.integers(0, 1))
        def decide_a_conflict(self, pc: str, pick: int, choice: int) -> None:
            """A manager decides an open conflict on this PC: keep, take the lost value,
            restore, merge two customers … each an ordinary edit that must converge too."""
            db = self.pc(pc).use()
            service = SyncService(db, session_as(db, "manager"))
            open_ = service.conflicts(open_only=True)
            if not open_:
                return
            conflict = open_[pick % len(open_)]
            action = conflict.actions[choice % len(conflict.actions)]
            try:
                service.resolve(conflict.id, action)
            except ContractFrozen:  # the contract was signed since: refused in words
                assert conflict.table == "contract" and action in ("use_lost", "restore")
                assert service.get_conflict(conflict.id).status == "open"
                return
            event(f"decided {conflict.kind}: {action}")

        @rule()
        def everyone_online_syncs(self) -> None:
            for name in PCS:
                if self.online[name]:
                    self.pc(name).sync()

        @rule(pc=st.sampled_from(PCS))
        def toggle_link(self, pc: str) -> None:
            self.online[pc] = not self.online[pc]

        @rule(pc=st.sampled_from(PCS))
        def sync(self, pc: str) -> None:
            if self.online[pc]:
                self.pc(pc).sync()

        def teardown(self) -> None:
            if not hasattr(self, "store"):
                return
            try:
                self.converge()
            finally:
                next(self._store_gen, None)

        def converge(self) -> None:
            pcs = self.store.pcs
            for _ in range(4):  # until a whole round moves nothing
                moved = 0
                for pc in pcs:
                    report = pc.sync()
                    moved += report.pushed + report.pulled
                if moved == 0:
                    break
            assert moved == 0, "syncing does not come to rest"
            hub = HubStore(self.store.dsn).rows("SH01")
            for table, own in SYNCED_TABLES.items():
                mine = table_rows(pcs[0].db, table)
                for other in pcs[1:]:
                    assert table_rows(other.db, table) == mine, table
                columns = (*SYNC_COLUMNS, *own)
                for row_id, row in mine.items():
                    on_hub = hub.get((table, row_id))
                    assert on_hub is not None, (table, row_id)
                    assert {c: on_hub.get(c) for c in columns} == dict(
                        zip(columns, row, strict=True)
                    ), (table, row_id)
            for pc in pcs:
                assert pc.db.integrity_check() == ["ok"]
            outcomes = HubStore(self.store.dsn).op_outcomes()
            assert all(reason for _, outcome, reason in outcomes if outcome == "refused")

    run_state_machine_as_test(
        ThreePcs,
        settings=settings(
            max_examples=int(os.environ.get("DD_SYNC_EXAMPLES", "12")),
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
