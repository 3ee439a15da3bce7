"""Peewee models mirroring the tables of the current schema (the DDL lives in migrations).

Foreign keys are plain id columns (``customer_id``); repositories do the joins and hand out
domain objects, so nothing above storage sees a Peewee model.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import peewee as pw


class DateText(pw.TextField):
    """A calendar date stored as ISO text (YYYY-MM-DD)."""

    def db_value(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    def python_value(self, value: Any) -> Any:
        return dt.date.fromisoformat(value) if value else None


class MoneyFen(pw.IntegerField):
    """Money as a whole number of fen in the file, ``Decimal`` yuan in Python."""

    def db_value(self, value: Any) -> Any:
        if value is None:
            return None
        fen = (Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return int(fen)

    def python_value(self, value: Any) -> Any:
        return None if value is None else (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


class SyncedModel(pw.Model):
    id = pw.TextField(primary_key=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()
    updated_by = pw.TextField(null=True)
    deleted_at = pw.TextField(null=True)


class Site(SyncedModel):
    code = pw.TextField()
    name = pw.TextField()
    licence_no = pw.TextField(default="")
    address = pw.TextField(default="")
    phone = pw.TextField(default="")
    city = pw.TextField(default="")

    class Meta:
        table_name = "site"


class Staff(SyncedModel):
    site_id = pw.TextField()
    username = pw.TextField()
    full_name = pw.TextField()
    roles = pw.TextField()
    password_hash = pw.TextField()
    phone = pw.TextField(default="")
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "staff"


class VehicleModelRow(SyncedModel):
    brand = pw.TextField()
    series = pw.TextField()
    trim = pw.TextField()
    model_year = pw.IntegerField(null=True)
    guide_price_fen = MoneyFen()
    fuel_type = pw.TextField()
    seats = pw.IntegerField()
    engine_cc = pw.IntegerField(null=True)
    warranty_months = pw.IntegerField()
    warranty_km = pw.IntegerField()
    first_service_months = pw.IntegerField()
    first_service_km = pw.IntegerField()

    class Meta:
        table_name = "vehicle_model"


class ServiceBay(SyncedModel):
    site_id = pw.TextField()
    code = pw.TextField()
    name = pw.TextField()
    kind = pw.TextField()
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "service_bay"


class CustomerRow(SyncedModel):
    site_id = pw.TextField()
    name = pw.TextField()
    mobile = pw.TextField()
    phone2 = pw.TextField(default="")
    id_number = pw.TextField(default="")
    birthday = DateText(null=True)
    address = pw.TextField(default="")
    city = pw.TextField(default="")
    locality = pw.TextField(default="local")
    tier = pw.TextField(default="potential")
    tags = pw.TextField(default="")
    notes = pw.TextField(default="")

    class Meta:
        table_name = "customer"


class CustomerDnc(SyncedModel):
    customer_id = pw.TextField()
    task = pw.TextField()
    reason = pw.TextField()

    class Meta:
        table_name = "customer_dnc"


class VehicleRow(SyncedModel):
    customer_id = pw.TextField(null=True)
    vin = pw.TextField()
    plate = pw.TextField(default="")
    model_id = pw.TextField(null=True)
    colour = pw.TextField(default="")
    engine_no = pw.TextField(default="")
    mileage_km = pw.IntegerField(default=0)
    sale_date = DateText(null=True)
    warranty_end = DateText(null=True)
    insurance_expiry = DateText(null=True)
    last_visit = DateText(null=True)

    class Meta:
        table_name = "vehicle"


ALL_MODELS: list[type[pw.Model]] = [
    Site,
    Staff,
    VehicleModelRow,
    ServiceBay,
    CustomerRow,
    CustomerDnc,
    VehicleRow,
]
