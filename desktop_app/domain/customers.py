"""Customers (客户), their vehicles, the model catalogue, and the rules for saving them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .identifiers import validate_id_number, validate_phone, validate_plate
from .vin import check_digit_ok, normalise_vin, validate_vin


class Tier(StrEnum):
    """Customer tiers and how often to contact them (domain.md §5)."""

    POTENTIAL = "potential"
    INTENTION = "intention"
    OWNER = "owner"
    LOYAL = "loyal"


TIER_LABELS = {
    Tier.POTENTIAL: QT_TRANSLATE_NOOP("Labels", "Potential"),
    Tier.INTENTION: QT_TRANSLATE_NOOP("Labels", "Intention"),
    Tier.OWNER: QT_TRANSLATE_NOOP("Labels", "Owner"),
    Tier.LOYAL: QT_TRANSLATE_NOOP("Labels", "Loyal"),
}


class Locality(StrEnum):
    LOCAL = "local"
    OUT_OF_TOWN = "out_of_town"


LOCALITY_LABELS = {
    Locality.LOCAL: QT_TRANSLATE_NOOP("Labels", "Local"),
    Locality.OUT_OF_TOWN: QT_TRANSLATE_NOOP("Labels", "Out of town"),
}


class ContactTask(StrEnum):
    """Kinds of contact a customer can refuse (do-not-contact is per kind, with a reason)."""

    ALL = "all"
    DELIVERY_CALLBACK = "delivery_callback"
    MAINTENANCE_REMINDER = "maintenance_reminder"
    INSURANCE_RENEWAL = "insurance_renewal"
    INSPECTION_REMINDER = "inspection_reminder"
    BIRTHDAY = "birthday"
    SATISFACTION_SURVEY = "satisfaction_survey"
    MARKETING = "marketing"


CONTACT_TASK_LABELS = {
    ContactTask.ALL: QT_TRANSLATE_NOOP("Labels", "All contact"),
    ContactTask.DELIVERY_CALLBACK: QT_TRANSLATE_NOOP("Labels", "Post-delivery callbacks"),
    ContactTask.MAINTENANCE_REMINDER: QT_TRANSLATE_NOOP("Labels", "Maintenance reminders"),
    ContactTask.INSURANCE_RENEWAL: QT_TRANSLATE_NOOP("Labels", "Insurance renewal"),
    ContactTask.INSPECTION_REMINDER: QT_TRANSLATE_NOOP("Labels", "Annual inspection"),
    ContactTask.BIRTHDAY: QT_TRANSLATE_NOOP("Labels", "Birthday greetings"),
    ContactTask.SATISFACTION_SURVEY: QT_TRANSLATE_NOOP("Labels", "Satisfaction surveys"),
    ContactTask.MARKETING: QT_TRANSLATE_NOOP("Labels", "Marketing"),
}


class FuelType(StrEnum):
    PETROL = "petrol"
    DIESEL = "diesel"
    HEV = "hev"
    PHEV = "phev"
    BEV = "bev"
    EREV = "erev"

    @property
    def is_nev(self) -> bool:
        """New-energy vehicles (新能源): green plates, purchase-tax and vessel-tax rules."""
        return self in (FuelType.PHEV, FuelType.BEV, FuelType.EREV)


FUEL_LABELS = {
    FuelType.PETROL: QT_TRANSLATE_NOOP("Labels", "Petrol"),
    FuelType.DIESEL: QT_TRANSLATE_NOOP("Labels", "Diesel"),
    FuelType.HEV: QT_TRANSLATE_NOOP("Labels", "Hybrid"),
    FuelType.PHEV: QT_TRANSLATE_NOOP("Labels", "Plug-in hybrid (NEV)"),
    FuelType.BEV: QT_TRANSLATE_NOOP("Labels", "Battery electric (NEV)"),
    FuelType.EREV: QT_TRANSLATE_NOOP("Labels", "Range extender (NEV)"),
}


@dataclass
class DoNotContact:
    task: ContactTask
    reason: str


@dataclass
class Customer:
    name: str
    mobile: str
    id: str | None = None
    phone2: str = ""
    id_number: str = ""
    birthday: dt.date | None = None
    address: str = ""
    city: str = ""
    locality: Locality = Locality.LOCAL
    tier: Tier = Tier.POTENTIAL
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    do_not_contact: list[DoNotContact] = field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass
class VehicleModel:
    brand: str
    series: str
    trim: str
    guide_price: Decimal
    fuel_type: FuelType
    seats: int
    id: str | None = None
    model_year: int | None = None
    engine_cc: int | None = None
    warranty_months: int = 36
    warranty_km: int = 100_000
    first_service_months: int = 3
    first_service_km: int = 5_000

    @property
    def display_name(self) -> str:
        return f"{self.brand} {self.series} {self.trim}".strip()


@dataclass
class Vehicle:
    vin: str
    customer_id: str | None = None
    id: str | None = None
    plate: str = ""
    model_id: str | None = None
    model_name: str = ""
    colour: str = ""
    engine_no: str = ""
    mileage_km: int = 0
    sale_date: dt.date | None = None
    warranty_end: dt.date | None = None
    insurance_expiry: dt.date | None = None
    last_visit: dt.date | None = None


def clean_customer(c: Customer) -> Customer:
    """Validate and normalise a customer before it is saved; raise on the first bad field."""
    c.name = c.name.strip()
    if not c.name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The customer's name is required."), field="name"
        )
    if len(c.name) > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A name can have at most 60 characters."), field="name"
        )
    if not c.mobile.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A phone number is required to reach the customer."),
            field="mobile",
        )
    c.mobile = validate_phone(c.mobile, "mobile")
    c.phone2 = validate_phone(c.phone2, "phone2") if c.phone2.strip() else ""
    c.id_number = validate_id_number(c.id_number) if c.id_number.strip() else ""
    if c.birthday and c.birthday > dt.date.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The birthday cannot be in the future."),
            field="birthday",
        )
    c.tags = sorted({t.strip() for t in c.tags if t.strip()})
    for dnc in c.do_not_contact:
        dnc.reason = dnc.reason.strip()
        if not dnc.reason:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Do-not-contact needs a reason (the customer's words or why)."
                ),
                field="do_not_contact",
            )
    return c


def clean_vehicle(v: Vehicle, today: dt.date | None = None) -> tuple[Vehicle, list[str]]:
    """Validate and normalise a vehicle; return it with warnings (e.g. an import's check digit).

    Warnings are translatable templates without parameters that the UI shows but does not refuse.
    """
    warnings: list[str] = []
    v.vin = normalise_vin(v.vin)
    validate_vin(v.vin)
    if not check_digit_ok(v.vin):
        warnings.append(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The VIN's check digit does not match. Imported vehicles may use another scheme; "
                "please compare with the certificate before saving.",
            )
        )
    v.plate = validate_plate(v.plate) if v.plate.strip() else ""
    v.engine_no = v.engine_no.strip().upper()
    if v.mileage_km < 0 or v.mileage_km > 2_000_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Mileage must be between 0 and 2,000,000 km."),
            field="mileage_km",
        )
    if v.sale_date and v.warranty_end and v.warranty_end < v.sale_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The warranty cannot end before the sale date."),
            field="warranty_end",
        )
    if v.sale_date and today and v.sale_date > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The sale date cannot be in the future."),
            field="sale_date",
        )
    return v, warnings
