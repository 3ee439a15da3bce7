"""Repositories: rows in, domain objects out. Every write stamps the bookkeeping columns."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import JOIN

from ..domain.customers import (
    ContactTask,
    Customer,
    DoNotContact,
    FuelType,
    Locality,
    Tier,
    Vehicle,
    VehicleModel,
)
from ..domain.roles import Role
from ..domain.staff import Site, StaffMember
from .db import Database, new_row, utc_now_text
from .models import CustomerDnc, CustomerRow, ServiceBay, Staff, VehicleModelRow, VehicleRow
from .models import Site as SiteRow

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class CustomerHit:
    """One line of a search result."""

    id: str
    name: str
    mobile: str
    tier: str
    locality: str
    vehicles: str  # "沪A12345 大众 朗逸; ..." — plates and models, for the result list
    updated_at: str


@dataclass(frozen=True)
class HistoryEntry:
    hlc: int
    logged_at: str
    table: str
    row_id: str
    op: str
    changed: tuple[str, ...]
    actor_name: str


class SiteRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self) -> Site | None:
        site_id = self.db.meta("site_id")
        row = SiteRow.get_or_none(SiteRow.id == site_id) if site_id else None
        return None if row is None else _site(row)

    def create(self, code: str, name: str, actor: str | None = None, **extra: str) -> Site:
        with self.db.write():
            row = SiteRow.create(code=code, name=name, **extra, **new_row(actor))
        return _site(row)


def _site(row: SiteRow) -> Site:
    return Site(
        id=row.id,
        code=row.code,
        name=row.name,
        city=row.city,
        licence_no=row.licence_no,
        address=row.address,
        phone=row.phone,
    )


class StaffRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def by_username(self, username: str) -> tuple[StaffMember, str] | None:
        """The account and its password hash, or None."""
        row = Staff.get_or_none(
            (Staff.username == username.strip().lower()) & Staff.deleted_at.is_null()
        )
        return None if row is None else (_staff(row), row.password_hash)

    def get(self, staff_id: str) -> StaffMember | None:
        row = Staff.get_or_none(Staff.id == staff_id)
        return None if row is None else _staff(row)

    def create(
        self,
        site_id: str,
        username: str,
        full_name: str,
        roles: Iterable[Role],
        password_hash: str,
        actor: str | None = None,
    ) -> StaffMember:
        with self.db.write():
            row = Staff.create(
                site_id=site_id,
                username=username.strip().lower(),
                full_name=full_name,
                roles=",".join(sorted(r.value for r in roles)),
                password_hash=password_hash,
                **new_row(actor),
            )
        return _staff(row)

    def set_password_hash(self, staff_id: str, password_hash: str) -> None:
        with self.db.write():
            Staff.update(
                password_hash=password_hash, updated_at=utc_now_text(), updated_by=staff_id
            ).where(Staff.id == staff_id).execute()

    def all_active(self) -> list[StaffMember]:
        rows = Staff.select().where(Staff.active & Staff.deleted_at.is_null())
        return [_staff(r) for r in rows.order_by(Staff.username)]

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = list({i for i in ids if i})
        if not wanted:
            return {}
        rows = Staff.select(Staff.id, Staff.full_name).where(Staff.id.in_(wanted))
        return {r.id: r.full_name for r in rows}


def _staff(row: Staff) -> StaffMember:
    return StaffMember(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r),
        active=bool(row.active),
        phone=row.phone,
    )


class ModelCatalog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[VehicleModel]:
        rows = VehicleModelRow.select().where(VehicleModelRow.deleted_at.is_null())
        order = (VehicleModelRow.brand, VehicleModelRow.series, VehicleModelRow.trim)
        return [_model(r) for r in rows.order_by(*order)]

    def add(self, m: VehicleModel, actor: str | None = None) -> VehicleModel:
        with self.db.write():
            row = VehicleModelRow.create(
                brand=m.brand,
                series=m.series,
                trim=m.trim,
                model_year=m.model_year,
                guide_price_fen=m.guide_price,
                fuel_type=m.fuel_type.value,
                seats=m.seats,
                engine_cc=m.engine_cc,
                warranty_months=m.warranty_months,
                warranty_km=m.warranty_km,
                first_service_months=m.first_service_months,
                first_service_km=m.first_service_km,
                **new_row(actor),
            )
        m.id = row.id
        return m


def _model(r: VehicleModelRow) -> VehicleModel:
    return VehicleModel(
        id=r.id,
        brand=r.brand,
        series=r.series,
        trim=r.trim,
        model_year=r.model_year,
        guide_price=r.guide_price_fen,
        fuel_type=FuelType(r.fuel_type),
        seats=r.seats,
        engine_cc=r.engine_cc,
        warranty_months=r.warranty_months,
        warranty_km=r.warranty_km,
        first_service_months=r.first_service_months,
        first_service_km=r.first_service_km,
    )


class BayRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, site_id: str, code: str, name: str, kind: str, actor: str | None = None) -> str:
        with self.db.write():
            row = ServiceBay.create(
                site_id=site_id, code=code, name=name, kind=kind, **new_row(actor)
            )
        return str(row.id)

    def for_site(self, site_id: str) -> list[tuple[str, str, str, str]]:
        rows = ServiceBay.select().where(
            (ServiceBay.site_id == site_id) & ServiceBay.deleted_at.is_null()
        )
        return [(r.id, r.code, r.name, r.kind) for r in rows.order_by(ServiceBay.code)]


class CustomerRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading -------------------------------------------------------------------------

    def get(self, customer_id: str) -> Customer | None:
        row = CustomerRow.get_or_none(
            (CustomerRow.id == customer_id) & CustomerRow.deleted_at.is_null()
        )
        if row is None:
            return None
        dnc = CustomerDnc.select().where(
            (CustomerDnc.customer_id == customer_id) & CustomerDnc.deleted_at.is_null()
        )
        return Customer(
            id=row.id,
            name=row.name,
            mobile=row.mobile,
            phone2=row.phone2,
            id_number=row.id_number,
            birthday=row.birthday,
            address=row.address,
            city=row.city,
            locality=Locality(row.locality),
            tier=Tier(row.tier),
            tags=[t for t in row.tags.split(",") if t],
            notes=row.notes,
            do_not_contact=[
                DoNotContact(task=ContactTask(d.task), reason=d.reason)
                for d in dnc.order_by(CustomerDnc.task)
            ],
            created_at=_ts(row.created_at),
            updated_at=_ts(row.updated_at),
        )

    def with_phone(self, phone: str, exclude_id: str | None = None) -> tuple[str, str] | None:
        """(id, name) of another live customer using ``phone`` as mobile or second phone."""
        query = CustomerRow.select(CustomerRow.id, CustomerRow.name).where(
            ((CustomerRow.mobile == phone) | (CustomerRow.phone2 == phone))
            & CustomerRow.deleted_at.is_null()
        )
        if exclude_id:
            query = query.where(CustomerRow.id != exclude_id)
        row = query.first()
        return None if row is None else (row.id, row.name)

    def recent(self, limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
        sql = (
            "SELECT id, name, mobile, tier, locality, updated_at FROM customer "
            "WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?"
        )
        with self.db.reading():
            return self._hits(self.db.raw.execute(sql, (limit,)).fetchall())

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
        """Customers whose name, phone, plate or VIN contains ``text``.

        Three characters or more use the FTS5 trigram index (phone fragments, plates, VIN
        tails, 3-character names). Two characters (张伟, 小明) cannot make a trigram alone: the
        index holds the name framed as ``^name$``, so they search ``^张伟`` (name starts with)
        and ``小明$`` (name ends with). One character (王) uses the name index as a prefix.
        """
        # LIKE wildcards never occur in names, phones, plates or VINs: drop them rather than
        # escape them, because an ESCAPE clause stops FTS5 from using the trigram index.
        q = re.sub(r"[\s·\-%_\\]", "", text).upper()
        q = re.sub(r"^(\+86|0086)(?=1\d)", "", q)  # a pasted +86 138… is still the mobile
        if not q:
            return self.recent(limit)
        cols = "c.id, c.name, c.mobile, c.tier, c.locality, c.updated_at"
        with self.db.reading():
            raw = self.db.raw
            if len(q) >= 3:
                patterns = [_like(q)]
            elif len(q) == 2:
                patterns = [_like("^" + q), _like(q + "$")]
            else:
                rows = raw.execute(
                    f"SELECT {cols} FROM customer c WHERE c.name >= ? AND c.name < ? "
                    "AND c.deleted_at IS NULL ORDER BY c.name LIMIT ?",
                    (q, q + "\U0010ffff", limit),
                ).fetchall()
                return self._hits(rows)
            rowids: list[int] = []
            for pattern in patterns:
                rowids += [
                    r[0]
                    for r in raw.execute(
                        "SELECT rowid FROM customer_search WHERE doc LIKE ? LIMIT ?",
                        (pattern, limit - len(rowids)),
                    )
                    if r[0] not in rowids
                ]
                if len(rowids) >= limit:
                    break
            if not rowids:
                return []
            marks = ",".join("?" * len(rowids))
            rows = raw.execute(
                f"SELECT {cols} FROM customer c WHERE c.rowid IN ({marks}) "
                "AND c.deleted_at IS NULL ORDER BY c.name",
                rowids,
            ).fetchall()
            return self._hits(rows)

    def _hits(self, rows: list[tuple[str, str, str, str, str, str]]) -> list[CustomerHit]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        vehicles: dict[str, list[str]] = {}
        for customer_id, plate, vin, brand, series in self.db.raw.execute(
            "SELECT v.customer_id, v.plate, v.vin, m.brand, m.series FROM vehicle v "
            "LEFT JOIN vehicle_model m ON m.id = v.model_id "
            f"WHERE v.customer_id IN ({marks}) AND v.deleted_at IS NULL",
            ids,
        ):
            label = " ".join(x for x in (plate or vin[-6:], brand, series) if x)
            vehicles.setdefault(customer_id, []).append(label)
        return [
            CustomerHit(
                id=r[0],
                name=r[1],
                mobile=r[2],
                tier=r[3],
                locality=r[4],
                vehicles="; ".join(vehicles.get(r[0], [])),
                updated_at=r[5],
            )
            for r in rows
        ]

    def history(self, customer_id: str, limit: int = 200) -> list[HistoryEntry]:
        """What happened to the customer, their vehicles and do-not-contact flags, newest first."""
        sql = """
            SELECT l.hlc, l.logged_at, l.table_name, l.row_id, l.op, l.changed,
                   COALESCE(s.full_name, '')
            FROM change_log l LEFT JOIN staff s ON s.id = l.actor
            WHERE (l.table_name = 'customer' AND l.row_id = :cid)
               OR (l.table_name = 'vehicle' AND l.row_id IN
                   (SELECT id FROM vehicle WHERE customer_id = :cid))
               OR (l.table_name = 'customer_dnc' AND l.row_id IN
                   (SELECT id FROM customer_dnc WHERE customer_id = :cid))
            ORDER BY l.hlc DESC LIMIT :limit"""
        with self.db.reading():
            rows = self.db.raw.execute(sql, {"cid": customer_id, "limit": limit}).fetchall()
        return [
            HistoryEntry(
                hlc=r[0],
                logged_at=r[1],
                table=r[2],
                row_id=r[3],
                op=r[4],
                changed=tuple(json.loads(r[5])) if r[5] else (),
                actor_name=r[6],
            )
            for r in rows
        ]

    # -- writing -------------------------------------------------------------------------

    def save(self, c: Customer, site_id: str, actor: str | None) -> str:
        """Insert or update ``c`` with its do-not-contact flags; returns its id."""
        values = {
            "name": c.name,
            "mobile": c.mobile,
            "phone2": c.phone2,
            "id_number": c.id_number,
            "birthday": c.birthday,
            "address": c.address,
            "city": c.city,
            "locality": c.locality.value,
            "tier": c.tier.value,
            "tags": ",".join(c.tags),
            "notes": c.notes,
        }
        with self.db.write():
            if c.id is None:
                stamp = new_row(actor)
                CustomerRow.insert(site_id=site_id, **values, **stamp).execute()
                c.id = str(stamp["id"])
            else:
                CustomerRow.update(**values, updated_at=utc_now_text(), updated_by=actor).where(
                    CustomerRow.id == c.id
                ).execute()
            self._save_dnc(c.id, c.do_not_contact, actor)
        return c.id

    def _save_dnc(self, customer_id: str, wanted: list[DoNotContact], actor: str | None) -> None:
        live = {
            d.task: d
            for d in CustomerDnc.select().where(
                (CustomerDnc.customer_id == customer_id) & CustomerDnc.deleted_at.is_null()
            )
        }
        now = utc_now_text()
        wanted_by_task = {d.task.value: d for d in wanted}
        for task, row in live.items():
            if task not in wanted_by_task:
                CustomerDnc.update(deleted_at=now, updated_at=now, updated_by=actor).where(
                    CustomerDnc.id == row.id
                ).execute()
            elif wanted_by_task[task].reason != row.reason:
                CustomerDnc.update(
                    reason=wanted_by_task[task].reason, updated_at=now, updated_by=actor
                ).where(CustomerDnc.id == row.id).execute()
        for task, d in wanted_by_task.items():
            if task not in live:
                CustomerDnc.insert(
                    customer_id=customer_id, task=task, reason=d.reason, **new_row(actor)
                ).execute()

    def soft_delete(self, customer_id: str, actor: str | None) -> None:
        now = utc_now_text()
        with self.db.write():
            CustomerRow.update(deleted_at=now, updated_at=now, updated_by=actor).where(
                CustomerRow.id == customer_id
            ).execute()


class VehicleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_customer(self, customer_id: str) -> list[Vehicle]:
        rows = (
            VehicleRow.select(
                VehicleRow, VehicleModelRow.brand, VehicleModelRow.series, VehicleModelRow.trim
            )
            .join(
                VehicleModelRow,
                on=(VehicleModelRow.id == VehicleRow.model_id),
                join_type=JOIN.LEFT_OUTER,
            )
            .where((VehicleRow.customer_id == customer_id) & VehicleRow.deleted_at.is_null())
            .order_by(VehicleRow.created_at)
            .objects()
        )
        return [_vehicle(r) for r in rows]

    def get(self, vehicle_id: str) -> Vehicle | None:
        row = VehicleRow.get_or_none(
            (VehicleRow.id == vehicle_id) & VehicleRow.deleted_at.is_null()
        )
        return None if row is None else _vehicle(row)

    def with_vin(self, vin: str, exclude_id: str | None = None) -> tuple[str, str | None] | None:
        """(vehicle id, owner id) of another live vehicle with this VIN."""
        query = VehicleRow.select(VehicleRow.id, VehicleRow.customer_id).where(
            (VehicleRow.vin == vin) & VehicleRow.deleted_at.is_null()
        )
        if exclude_id:
            query = query.where(VehicleRow.id != exclude_id)
        row = query.first()
        return None if row is None else (row.id, row.customer_id)

    def save(self, v: Vehicle, actor: str | None) -> str:
        values = {
            "customer_id": v.customer_id,
            "vin": v.vin,
            "plate": v.plate,
            "model_id": v.model_id,
            "colour": v.colour,
            "engine_no": v.engine_no,
            "mileage_km": v.mileage_km,
            "sale_date": v.sale_date,
            "warranty_end": v.warranty_end,
            "insurance_expiry": v.insurance_expiry,
            "last_visit": v.last_visit,
        }
        with self.db.write():
            if v.id is None:
                stamp = new_row(actor)
                VehicleRow.insert(**values, **stamp).execute()
                v.id = str(stamp["id"])
            else:
                VehicleRow.update(**values, updated_at=utc_now_text(), updated_by=actor).where(
                    VehicleRow.id == v.id
                ).execute()
        return v.id


def _vehicle(r: VehicleRow) -> Vehicle:
    model = getattr(r, "brand", None)
    name = " ".join(x for x in (model, getattr(r, "series", ""), getattr(r, "trim", "")) if x)
    return Vehicle(
        id=r.id,
        customer_id=r.customer_id,
        vin=r.vin,
        plate=r.plate,
        model_id=r.model_id,
        model_name=name,
        colour=r.colour,
        engine_no=r.engine_no,
        mileage_km=r.mileage_km,
        sale_date=r.sale_date,
        warranty_end=r.warranty_end,
        insurance_expiry=r.insurance_expiry,
        last_visit=r.last_visit,
    )


def _like(fragment: str) -> str:
    """A LIKE pattern for ``fragment`` anywhere (the caller removed any wildcards)."""
    return f"%{fragment}%"


def _ts(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
