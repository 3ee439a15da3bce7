"""``print KIND NUMBER``: find the record by its human-facing number and render its PDF.

``ZH_LABELS`` holds the domain's label texts in Chinese for documents rendered without Qt (the
command line has no translator); keep it in step with the zh_CN translation of "Labels".
"""

from __future__ import annotations

import datetime as dt

from ..domain.customers import CONTACT_TASK_LABELS, TIER_LABELS
from ..domain.identifiers import format_plate, mask_id_number, normalise_phone
from ..printing.customer_file import CustomerFileData, VehicleLine, render_customer_file
from ..storage.db import Database
from ..storage.repositories import CustomerRepository, SiteRepository, VehicleRepository
from .errors import NoSuchNumber, NotFound
from .labels import labels

# the domain's labels in Chinese, read from the translation file (one source for screen and
# paper); kept under this name for the document modules
ZH_LABELS = labels("zh_CN")

APPOINTMENT_KINDS = ("register", "checkin", "day-sheet")


def print_document(db: Database, kind: str, number: str, lang: str, by: str = "") -> bytes:
    """``customer`` by mobile; ``register``/``checkin`` by serial or repair-order number;
    ``day-sheet`` by ISO date; ``delivery`` by record number (JC20261120-001)."""
    if kind == "customer":
        return customer_file_pdf(db, number, lang, by)
    if kind == "delivery":
        from . import delivery_documents

        return delivery_documents.print_by_number(db, number, lang, by)
    if kind in APPOINTMENT_KINDS:
        from .appointment_documents import print_by_number  # it imports ZH_LABELS from here

        return print_by_number(db, kind, number, lang, by)
    raise ValueError(kind)


def customer_file_pdf(db: Database, mobile: str, lang: str, by: str = "") -> bytes:
    """The customer file of the customer with this phone number (the CLI's ``print``)."""
    found = CustomerRepository(db).with_phone(normalise_phone(mobile))
    if found is None:
        raise NoSuchNumber(mobile)
    return customer_file_pdf_by_id(db, found[0], lang, by)


def customer_file_pdf_by_id(db: Database, customer_id: str, lang: str, by: str = "") -> bytes:
    customer = CustomerRepository(db).get(customer_id)
    if customer is None or customer.id is None:
        raise NotFound()

    def label(text: str) -> str:
        return ZH_LABELS.get(text, text) if lang == "zh_CN" else text

    site = SiteRepository(db).current()
    vehicles = VehicleRepository(db).for_customer(customer.id)
    data = CustomerFileData(
        site_name=site.name if site else "",
        name=customer.name,
        mobile=customer.mobile,
        phone2=customer.phone2,
        id_number_masked=mask_id_number(customer.id_number),
        birthday=customer.birthday.isoformat() if customer.birthday else "",
        address=customer.address,
        city=customer.city,
        tier=label(TIER_LABELS[customer.tier]),
        tags=", ".join(customer.tags),
        do_not_contact="; ".join(
            f"{label(CONTACT_TASK_LABELS[d.task])}: {d.reason}" for d in customer.do_not_contact
        ),
        vehicles=[
            VehicleLine(
                plate=format_plate(v.plate) if v.plate else "",
                model=v.model_name,
                vin=v.vin,
                mileage_km=v.mileage_km,
                sale_date=v.sale_date.isoformat() if v.sale_date else "",
                warranty_end=v.warranty_end.isoformat() if v.warranty_end else "",
                insurance_expiry=v.insurance_expiry.isoformat() if v.insurance_expiry else "",
            )
            for v in vehicles
        ],
        printed_by=by,
        printed_at=dt.datetime.now(),
    )
    return render_customer_file(data, lang)
