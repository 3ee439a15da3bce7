"""Field names as the user reads them, for refusals and the history of a record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.i18n import QT_TRANSLATE_NOOP

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "mobile": QT_TRANSLATE_NOOP("Fields", "Mobile"),
    "phone2": QT_TRANSLATE_NOOP("Fields", "Second phone"),
    "id_number": QT_TRANSLATE_NOOP("Fields", "ID number"),
    "birthday": QT_TRANSLATE_NOOP("Fields", "Birthday"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "city": QT_TRANSLATE_NOOP("Fields", "City"),
    "locality": QT_TRANSLATE_NOOP("Fields", "Locality"),
    "tier": QT_TRANSLATE_NOOP("Fields", "Tier"),
    "tags": QT_TRANSLATE_NOOP("Fields", "Tags"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "do_not_contact": QT_TRANSLATE_NOOP("Fields", "Do not contact"),
    "task": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "vin": QT_TRANSLATE_NOOP("Fields", "VIN"),
    "plate": QT_TRANSLATE_NOOP("Fields", "Plate"),
    "model_id": QT_TRANSLATE_NOOP("Fields", "Model"),
    "colour": QT_TRANSLATE_NOOP("Fields", "Colour"),
    "engine_no": QT_TRANSLATE_NOOP("Fields", "Engine number"),
    "mileage_km": QT_TRANSLATE_NOOP("Fields", "Mileage"),
    "sale_date": QT_TRANSLATE_NOOP("Fields", "Sale date"),
    "warranty_end": QT_TRANSLATE_NOOP("Fields", "Warranty ends"),
    "insurance_expiry": QT_TRANSLATE_NOOP("Fields", "Insurance expires"),
    "last_visit": QT_TRANSLATE_NOOP("Fields", "Last visit"),
    "customer_id": QT_TRANSLATE_NOOP("Fields", "Owner"),
    "deleted_at": QT_TRANSLATE_NOOP("Fields", "Deleted"),
}

TABLE_LABELS = {
    "customer": QT_TRANSLATE_NOOP("Fields", "Customer"),
    "vehicle": QT_TRANSLATE_NOOP("Fields", "Vehicle"),
    "customer_dnc": QT_TRANSLATE_NOOP("Fields", "Do not contact"),
}


def field_label(name: str | None) -> str:
    if not name:
        return ""
    return QCoreApplication.translate("Fields", FIELD_LABELS.get(name, name))


def table_label(name: str) -> str:
    return QCoreApplication.translate("Fields", TABLE_LABELS.get(name, name))
