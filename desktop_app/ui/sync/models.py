"""Texts and table models of the Sync area: the state of this PC's link with the hub in words
(the status bar and the page header say it the same way), the history of passes, the conflicts
with what each side said, and the labels of the actions a person may take.

Everything stored comes in English keys (kinds, actions, table and column names, error kinds);
this module turns them into the interface language.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.identifiers import format_plate, mask_id_number
from ...services.customers import CustomerService
from ...services.errors import NotFound, PermissionDenied
from ...services.sync import Conflict, HistoryEntry, SyncStatus
from ..customers.labels import FIELD_LABELS
from ..table_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "SyncTexts"

ONLINE_COLOUR = "#1b5e20"
OFFLINE_COLOUR = "#b00020"
MUTED_COLOUR = "#52606d"
LOST_COLOUR = "#b00020"
KEPT_COLOUR = "#1b5e20"


translate = QCoreApplication.translate  # lupdate reads translate("SyncTexts", "…") calls


def _t(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("SyncTexts", …), translated now."""
    return translate(CONTEXT, text)


KIND_LABELS = {
    "field": QT_TRANSLATE_NOOP("SyncTexts", "Same field changed on two PCs"),
    "delete_edit": QT_TRANSLATE_NOOP("SyncTexts", "Edited after it was deleted"),
    "signed_contract": QT_TRANSLATE_NOOP("SyncTexts", "Edit of a signed contract"),
    "double_booking": QT_TRANSLATE_NOOP("SyncTexts", "Double booking"),
    "merge_customer": QT_TRANSLATE_NOOP("SyncTexts", "Same customer entered twice"),
    "apply_refused": QT_TRANSLATE_NOOP("SyncTexts", "Change refused on this PC"),
}

KIND_EXPLANATIONS = {
    "field": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The same field was changed on two PCs before they synced. The newer change is in "
        "use; the other one is kept here so that nothing typed is lost.",
    ),
    "delete_edit": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The record was deleted on one PC while another PC edited it. The delete won; the "
        "edit is kept here. Restore the record if it is still needed.",
    ),
    "signed_contract": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The contract was signed on one PC while another PC edited the draft. A signed "
        "contract never changes: the edit is kept here. Make an amendment if it is still "
        "needed.",
    ),
    "double_booking": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "Two PCs booked the same bay or technician for overlapping times. Both bookings are "
        "kept: move or cancel one on the appointment board, then mark this handled.",
    ),
    "merge_customer": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The same mobile was entered as a new customer on two PCs. If it is one person, merge "
        "them: the customer entered first is kept, and the other one's cars, bookings and "
        "history move to them.",
    ),
    "apply_refused": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "A change from the hub could not be applied on this PC because its own rules refused "
        "it. The change is kept here.",
    ),
}

# (kind, action) → button label; an action without a kind of its own uses ("", action)
ACTION_LABELS = {
    ("field", "keep"): QT_TRANSLATE_NOOP("SyncTexts", "Keep the value in use"),
    ("field", "use_lost"): QT_TRANSLATE_NOOP("SyncTexts", "Use the overwritten value"),
    ("delete_edit", "keep_deleted"): QT_TRANSLATE_NOOP("SyncTexts", "Keep deleted"),
    ("delete_edit", "restore"): QT_TRANSLATE_NOOP("SyncTexts", "Restore with the edit"),
    ("signed_contract", "keep"): QT_TRANSLATE_NOOP("SyncTexts", "Keep the signed contract"),
    ("double_booking", "handled"): QT_TRANSLATE_NOOP("SyncTexts", "Mark handled"),
    ("merge_customer", "merge"): QT_TRANSLATE_NOOP("SyncTexts", "Merge customers"),
    ("merge_customer", "different"): QT_TRANSLATE_NOOP("SyncTexts", "Not the same person"),
    ("apply_refused", "keep"): QT_TRANSLATE_NOOP("SyncTexts", "Dismiss"),
    ("", "keep"): QT_TRANSLATE_NOOP("SyncTexts", "Dismiss"),
    ("", "use_lost"): QT_TRANSLATE_NOOP("SyncTexts", "Use the overwritten value"),
    ("", "keep_deleted"): QT_TRANSLATE_NOOP("SyncTexts", "Keep deleted"),
    ("", "restore"): QT_TRANSLATE_NOOP("SyncTexts", "Restore"),
    ("", "handled"): QT_TRANSLATE_NOOP("SyncTexts", "Mark handled"),
    ("", "merge"): QT_TRANSLATE_NOOP("SyncTexts", "Merge customers"),
    ("", "different"): QT_TRANSLATE_NOOP("SyncTexts", "Not the same person"),
}

ACTION_TIPS = {
    ("field", "keep"): QT_TRANSLATE_NOOP(
        "SyncTexts", "The record stays as it is; the conflict is closed."
    ),
    ("field", "use_lost"): QT_TRANSLATE_NOOP(
        "SyncTexts", "Put the overwritten value back into the record on every PC."
    ),
    ("delete_edit", "keep_deleted"): QT_TRANSLATE_NOOP(
        "SyncTexts", "The record stays deleted; the edit is not applied."
    ),
    ("delete_edit", "restore"): QT_TRANSLATE_NOOP(
        "SyncTexts", "Bring the record back on every PC, with the edit applied."
    ),
    ("double_booking", "handled"): QT_TRANSLATE_NOOP(
        "SyncTexts", "After one of the bookings was moved or cancelled on the board."
    ),
    ("merge_customer", "merge"): QT_TRANSLATE_NOOP(
        "SyncTexts", "Make one customer of the two, keeping the one entered first."
    ),
    ("merge_customer", "different"): QT_TRANSLATE_NOOP(
        "SyncTexts", "They are two people who share a mobile; both stay."
    ),
}

# the column headers of "what each side said", per kind: (the value kept, the value lost)
SIDE_LABELS = {
    "field": (
        QT_TRANSLATE_NOOP("SyncTexts", "In use now"),
        QT_TRANSLATE_NOOP("SyncTexts", "Overwritten"),
    ),
    "delete_edit": (
        QT_TRANSLATE_NOOP("SyncTexts", "On the deleted record"),
        QT_TRANSLATE_NOOP("SyncTexts", "The edit"),
    ),
    "signed_contract": (
        QT_TRANSLATE_NOOP("SyncTexts", "Signed"),
        QT_TRANSLATE_NOOP("SyncTexts", "The edit"),
    ),
}

TABLE_LABELS = {
    "site": QT_TRANSLATE_NOOP("SyncTexts", "Store"),
    "staff": QT_TRANSLATE_NOOP("SyncTexts", "Staff member"),
    "vehicle_model": QT_TRANSLATE_NOOP("SyncTexts", "Car model"),
    "service_bay": QT_TRANSLATE_NOOP("SyncTexts", "Service bay"),
    "customer": QT_TRANSLATE_NOOP("SyncTexts", "Customer"),
    "customer_dnc": QT_TRANSLATE_NOOP("SyncTexts", "Do-not-contact"),
    "vehicle": QT_TRANSLATE_NOOP("SyncTexts", "Vehicle"),
    "site_setting": QT_TRANSLATE_NOOP("SyncTexts", "Store setting"),
    "labour_op": QT_TRANSLATE_NOOP("SyncTexts", "Labour operation"),
    "staff_absence": QT_TRANSLATE_NOOP("SyncTexts", "Staff absence"),
    "appointment": QT_TRANSLATE_NOOP("SyncTexts", "Appointment"),
    "appointment_event": QT_TRANSLATE_NOOP("SyncTexts", "Appointment event"),
    "appointment_call": QT_TRANSLATE_NOOP("SyncTexts", "Confirmation call"),
    "checkin": QT_TRANSLATE_NOOP("SyncTexts", "Check-in"),
    "repair_order": QT_TRANSLATE_NOOP("SyncTexts", "Repair order"),
    "repair_line": QT_TRANSLATE_NOOP("SyncTexts", "Repair order line"),
    "pdi_template": QT_TRANSLATE_NOOP("SyncTexts", "PDI template"),
    "delivery": QT_TRANSLATE_NOOP("SyncTexts", "Delivery"),
    "delivery_item": QT_TRANSLATE_NOOP("SyncTexts", "PDI item"),
    "delivery_document": QT_TRANSLATE_NOOP("SyncTexts", "Delivery document"),
    "delivery_event": QT_TRANSLATE_NOOP("SyncTexts", "Delivery event"),
    "care_task": QT_TRANSLATE_NOOP("SyncTexts", "Care task"),
    "export_file": QT_TRANSLATE_NOOP("SyncTexts", "Export file"),
    "price_item": QT_TRANSLATE_NOOP("SyncTexts", "Price list item"),
    "quote": QT_TRANSLATE_NOOP("SyncTexts", "Quote"),
    "contract": QT_TRANSLATE_NOOP("SyncTexts", "Contract"),
    "care_attempt": QT_TRANSLATE_NOOP("SyncTexts", "Care call"),
    "care_outcome": QT_TRANSLATE_NOOP("SyncTexts", "Care outcome"),
    "complaint": QT_TRANSLATE_NOOP("SyncTexts", "Complaint"),
    "sync_conflict": QT_TRANSLATE_NOOP("SyncTexts", "Conflict"),
}

# columns beyond the customer file's own field names (those come from customers/labels.py)
COLUMN_LABELS = {
    "status": QT_TRANSLATE_NOOP("SyncTexts", "Status"),
    "start_at": QT_TRANSLATE_NOOP("SyncTexts", "Start"),
    "end_at": QT_TRANSLATE_NOOP("SyncTexts", "End"),
    "bay_id": QT_TRANSLATE_NOOP("SyncTexts", "Bay"),
    "technician_id": QT_TRANSLATE_NOOP("SyncTexts", "Technician"),
    "advisor_id": QT_TRANSLATE_NOOP("SyncTexts", "Service advisor"),
    "sales_id": QT_TRANSLATE_NOOP("SyncTexts", "Sales consultant"),
    "serial": QT_TRANSLATE_NOOP("SyncTexts", "Serial number"),
    "number": QT_TRANSLATE_NOOP("SyncTexts", "Number"),
    "note": QT_TRANSLATE_NOOP("SyncTexts", "Note"),
    "remarks": QT_TRANSLATE_NOOP("SyncTexts", "Remarks"),
    "work": QT_TRANSLATE_NOOP("SyncTexts", "Work"),
    "result": QT_TRANSLATE_NOOP("SyncTexts", "Result"),
    "phone": QT_TRANSLATE_NOOP("SyncTexts", "Phone"),
    "customer_name": QT_TRANSLATE_NOOP("SyncTexts", "Customer"),
    "buyer_address": QT_TRANSLATE_NOOP("SyncTexts", "Buyer's address"),
    "planned_at": QT_TRANSLATE_NOOP("SyncTexts", "Planned for"),
    "due": QT_TRANSLATE_NOOP("SyncTexts", "Due"),
    "price_fen": QT_TRANSLATE_NOOP("SyncTexts", "Price"),
    "created_at": QT_TRANSLATE_NOOP("SyncTexts", "Entered"),
}

ERROR_TEXTS = {
    "not_configured": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "This PC is not registered with a hub yet. An administrator registers it on this page.",
    ),
    "offline": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The hub cannot be reached. DealerDesk keeps working on this PC and tries again by "
        "itself; nothing is lost.",
    ),
    "clock_skew": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "This PC's clock is more than 5 minutes off the hub's. Set the right date and time on "
        "this PC, then sync again.",
    ),
    "unauthorized": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The hub did not accept this PC's token. An administrator registers this PC again with "
        "a new token from the hub.",
    ),
    "schema": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "This DealerDesk and the hub are different versions. Update DealerDesk on this PC, or "
        "ask the administrator about the hub.",
    ),
    "server": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The hub had a problem answering. DealerDesk tries again by itself; if it keeps "
        "happening, tell the administrator.",
    ),
    "busy": QT_TRANSLATE_NOOP(
        "SyncTexts", "Another sync of this PC is running. This one waits for the next turn."
    ),
    "error": QT_TRANSLATE_NOOP(
        "SyncTexts",
        "The sync stopped because of an error in DealerDesk. It was written to the log.",
    ),
}

ERROR_SHORT = {
    "not_configured": QT_TRANSLATE_NOOP("SyncTexts", "No hub set up"),
    "offline": QT_TRANSLATE_NOOP("SyncTexts", "Hub not reachable"),
    "clock_skew": QT_TRANSLATE_NOOP("SyncTexts", "Clock of this PC is off"),
    "unauthorized": QT_TRANSLATE_NOOP("SyncTexts", "Token refused"),
    "schema": QT_TRANSLATE_NOOP("SyncTexts", "Different versions"),
    "server": QT_TRANSLATE_NOOP("SyncTexts", "Hub error"),
    "busy": QT_TRANSLATE_NOOP("SyncTexts", "Another sync running"),
    "storage": QT_TRANSLATE_NOOP("SyncTexts", "Database problem"),
    "error": QT_TRANSLATE_NOOP("SyncTexts", "Error in DealerDesk"),
}


# -- small texts -----------------------------------------------------------------------------


def kind_text(kind: str) -> str:
    return _t(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def action_text(kind: str, action: str) -> str:
    label = ACTION_LABELS.get((kind, action)) or ACTION_LABELS.get(("", action))
    return _t(label) if label else action


def action_tip(kind: str, action: str) -> str:
    tip = ACTION_TIPS.get((kind, action))
    return _t(tip) if tip else ""


def table_text(table: str) -> str:
    return _t(TABLE_LABELS[table]) if table in TABLE_LABELS else table


def column_text(column: str) -> str:
    if column in COLUMN_LABELS:
        return _t(COLUMN_LABELS[column])
    if column in FIELD_LABELS:
        return QCoreApplication.translate("Fields", FIELD_LABELS[column])
    return column


def error_text(kind: str, detail: str = "") -> str:
    """What went wrong and what to do, for a sync error kind (``storage`` carries its own
    words in ``detail``)."""
    if kind == "storage":
        return detail
    return _t(ERROR_TEXTS.get(kind, ERROR_TEXTS["error"]))


def split_message(message: str) -> tuple[str, str]:
    """A stored pass message "offline: <detail>" as (kind, detail); ("", message) when it
    does not start with a known kind."""
    head, sep, rest = message.partition(":")
    if sep and head.strip() in ERROR_SHORT:
        return head.strip(), rest.strip()
    if message.strip() in ERROR_SHORT:
        return message.strip(), ""
    return "", message


def message_text(message: str) -> str:
    """A history row's message in words: the error kind translated, the detail after it."""
    kind, detail = split_message(message)
    if not kind:
        return message
    short = _t(ERROR_SHORT[kind])
    return f"{short} ({detail})" if detail else short


def _parse_time(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone() if when.tzinfo else when


def when_text(text: str | None, seconds: bool = False) -> str:
    """A stored timestamp (UTC with Z, or local) as local time for people."""
    if not text:
        return ""
    when = _parse_time(text)
    if when is None:
        return text
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def last_sync_text(text: str | None, today: dt.date | None = None) -> str:
    """Today's syncs by the time alone, older ones with the date; "never" when none."""
    if not text:
        return translate("SyncTexts", "never")
    when = _parse_time(text)
    if when is None:
        return text
    today = today or dt.date.today()
    return when.strftime("%H:%M" if when.date() == today else "%Y-%m-%d %H:%M")


def state_text(status: SyncStatus | None, running: bool = False) -> str:
    """Online, offline, syncing, not reached yet, or no hub at all."""
    if status is None:
        return "…"
    if not status.hub_configured:
        return translate("SyncTexts", "Not connected to a hub")
    if running:
        return translate("SyncTexts", "Syncing…")
    if status.online is None:
        return translate("SyncTexts", "Hub not reached yet")
    return translate("SyncTexts", "Online") if status.online else translate("SyncTexts", "Offline")


def state_colour(status: SyncStatus | None) -> str:
    if status is None or not status.hub_configured or status.online is None:
        return MUTED_COLOUR
    return ONLINE_COLOUR if status.online else OFFLINE_COLOUR


def status_line(status: SyncStatus, running: bool = False) -> str:
    """The status bar's words: state · changes waiting · last successful sync."""
    waiting = f"{status.changes_waiting:,}"
    if not status.hub_configured:
        return translate(
            "SyncTexts", "Not connected to a hub · Changes kept on this PC: {n}"
        ).format(n=waiting)
    return translate("SyncTexts", "{state} · Changes waiting: {n} · Last sync: {when}").format(
        state=state_text(status, running), n=waiting, when=last_sync_text(status.last_sync_at)
    )


def conflicts_line(count: int) -> str:
    return translate("SyncTexts", "Conflicts: {n}").format(n=f"{count:,}")


def device_text(device: str | None, own_device: str) -> str:
    if device and device == own_device:
        return translate("SyncTexts", "this PC")
    if not device or device == "hub":
        return translate("SyncTexts", "the hub")
    return translate("SyncTexts", "PC …{code}").format(code=device[-6:])


def person_text(actor: Any, names: Mapping[str, str]) -> str:
    if not actor:
        return translate("SyncTexts", "someone unknown")
    return names.get(
        str(actor), translate("SyncTexts", "staff …{code}").format(code=str(actor)[-6:])
    )


def value_text(column: str, value: Any) -> str:
    """One stored value as people read it: ID numbers masked, money in yuan, times local."""
    if value is None or value == "":
        return translate("SyncTexts", "(empty)")
    if column == "id_number":
        return mask_id_number(str(value))
    if column == "plate":
        return format_plate(str(value))
    if column.endswith("_fen") and isinstance(value, int):
        return f"¥{Decimal(value) / 100:,.2f}"
    if isinstance(value, bool):
        return translate("SyncTexts", "yes") if value else translate("SyncTexts", "no")
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if column.endswith("_at") and "T" in text:
        text = when_text(text)
    return text if len(text) <= 300 else text[:297] + "…"


def record_text(conflict: Conflict, labels: Mapping[str, str]) -> str:
    """Which record: its kind in words and the best name known for it."""
    detail = conflict.detail
    if conflict.kind == "double_booking":
        a, b = detail.get("a") or {}, detail.get("b") or {}
        serials = " / ".join(str(x) for x in (a.get("serial"), b.get("serial")) if x)
        return f"{table_text('appointment')} {serials}".strip()
    if conflict.kind == "merge_customer":
        a, b = detail.get("a") or {}, detail.get("b") or {}
        names = " / ".join(str(x) for x in (a.get("name"), b.get("name")) if x)
        mobile = detail.get("mobile") or ""
        return " · ".join(p for p in (f"{table_text('customer')} {names}".strip(), mobile) if p)
    label = labels.get(conflict.row_id)
    if not label:
        kept = (detail.get("columns") or {}).get("name") or {}
        label = str(kept.get("kept") or "") or "…" + conflict.row_id[-6:]
    return f"{table_text(conflict.table)} {label}"


def status_text(conflict: Conflict) -> str:
    return (
        translate("SyncTexts", "Open")
        if conflict.status == "open"
        else translate("SyncTexts", "Decided")
    )


# -- the detail pane ---------------------------------------------------------------------------


def _cell(text: str, colour: str | None = None) -> str:
    style = f' style="color:{colour}"' if colour else ""
    return f"<td{style}>{html.escape(text)}</td>"


def _table(header: list[str], rows: list[list[str]], colours: list[str | None]) -> str:
    head = "".join(f'<th align="left">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            _cell(value, colours[i] if i < len(colours) else None) for i, value in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table cellspacing="0" cellpadding="4" border="1" style="border-color:#c5ced8; '
        f'border-collapse:collapse"><tr style="background:#e9eef3">{head}</tr>{body}</table>'
    )


def conflict_html(
    conflict: Conflict,
    names: Mapping[str, str],
    own_device: str,
    labels: Mapping[str, str],
) -> str:
    """What each side said, which PC and person, and how it was decided, as rich text."""
    d = conflict.detail
    parts = [
        f"<h3>{html.escape(kind_text(conflict.kind))}</h3>",
        f"<p><b>{html.escape(record_text(conflict, labels))}</b> · "
        + html.escape(
            translate("SyncTexts", "recorded {when}").format(when=when_text(conflict.created_at))
        )
        + "</p>",
    ]
    if conflict.kind in KIND_EXPLANATIONS:
        parts.append(f"<p>{html.escape(_t(KIND_EXPLANATIONS[conflict.kind]))}</p>")
    columns: dict[str, dict[str, Any]] = d.get("columns") or {}
    if columns:
        kept_label, lost_label = SIDE_LABELS.get(conflict.kind, SIDE_LABELS["field"])
        rows = [
            [column_text(c), value_text(c, v.get("kept")), value_text(c, v.get("lost"))]
            for c, v in columns.items()
        ]
        parts.append(
            _table(
                [translate("SyncTexts", "Field"), _t(kept_label), _t(lost_label)],
                rows,
                [None, KEPT_COLOUR, LOST_COLOUR],
            )
        )
        who = translate("SyncTexts", "{side}: entered on {device} by {person}.").format(
            side=_t(lost_label),
            device=device_text(d.get("lost_device"), own_device),
            person=person_text(d.get("lost_actor"), names),
        )
        if d.get("kept_actor"):
            kept_from = translate("SyncTexts", "{side}: entered on {device} by {person}.").format(
                side=_t(kept_label),
                device=device_text(d.get("kept_device"), own_device),
                person=person_text(d.get("kept_actor"), names),
            )
        else:
            kept_from = translate("SyncTexts", "{side}: from {device}.").format(
                side=_t(kept_label), device=device_text(d.get("kept_device"), own_device)
            )
        parts.append(f"<p>{html.escape(who)}<br>{html.escape(kept_from)}</p>")
    if conflict.kind == "double_booking":
        parts.append(_booking_table(d, names))
    if conflict.kind == "merge_customer":
        parts.append(_customer_table(d))
    if conflict.kind == "apply_refused":
        values: dict[str, Any] = d.get("values") or {}
        shown = [[column_text(c), value_text(c, v)] for c, v in values.items() if c != "id"]
        parts.append(
            _table(
                [translate("SyncTexts", "Field"), translate("SyncTexts", "Value from the hub")],
                shown[:20],
                [None, None],
            )
        )
        if d.get("reason"):
            reason = translate("SyncTexts", "Refused because: {reason}").format(reason=d["reason"])
            parts.append(f"<p>{html.escape(reason)}</p>")
    if conflict.status != "open":
        decided = translate("SyncTexts", "Decided: {action}, by {person}.").format(
            action=action_text(conflict.kind, conflict.resolution),
            person=person_text(conflict.resolved_by, names),
        )
        parts.append(f'<p style="color:{MUTED_COLOUR}"><b>{html.escape(decided)}</b></p>')
    return "".join(parts)


def _booking_table(d: dict[str, Any], names: Mapping[str, str]) -> str:
    a, b = d.get("a") or {}, d.get("b") or {}
    separator = translate("SyncTexts", ", ", "between the items of a list")
    shared = separator.join(column_text(r) for r in d.get("resources") or [])
    rows = []
    for key in ("serial", "start_at", "end_at", "plate", "customer_name"):
        rows.append([column_text(key), value_text(key, a.get(key)), value_text(key, b.get(key))])
    rows.append(
        [
            translate("SyncTexts", "Booked by"),
            person_text(a.get("updated_by"), names),
            person_text(b.get("updated_by"), names),
        ]
    )
    table = _table(
        ["", translate("SyncTexts", "Booking A"), translate("SyncTexts", "Booking B")],
        rows,
        [None, None, None],
    )
    held = translate("SyncTexts", "Both hold: {resources}").format(resources=shared)
    return f"<p>{html.escape(held)}</p>{table}"


def _customer_table(d: dict[str, Any]) -> str:
    a, b = d.get("a") or {}, d.get("b") or {}
    rows = [
        [column_text(key), value_text(key, a.get(key)), value_text(key, b.get(key))]
        for key in ("name", "mobile", "city", "address", "created_at")
    ]
    return _table(
        ["", translate("SyncTexts", "Customer A"), translate("SyncTexts", "Customer B")],
        rows,
        [None, None, None],
    )


def record_labels(customers: CustomerService, conflicts: list[Conflict]) -> dict[str, str]:
    """Names for the customers and cars the conflicts are about (background work); a record
    this account may not see, or one deleted since, keeps its short id."""
    labels: dict[str, str] = {}
    for conflict in conflicts[:200]:
        if conflict.row_id in labels or conflict.table not in ("customer", "vehicle"):
            continue
        try:
            if conflict.table == "customer":
                labels[conflict.row_id] = customers.open_file(conflict.row_id).customer.name
            else:
                car = customers.vehicle(conflict.row_id)
                labels[conflict.row_id] = format_plate(car.plate) if car.plate else car.vin
        except (NotFound, PermissionDenied):
            continue
    return labels


# -- table models ------------------------------------------------------------------------------


class HistoryModel(RowTableModel[HistoryEntry]):
    """The last passes, newest first; failed ones in red with the full message as tooltip."""

    STARTED, RESULT, PUSHED, PULLED, CONFLICTS, EXPORTS, MESSAGE = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("SyncTexts", "Started"),
                    lambda h: when_text(h.started_at, seconds=True),
                ),
                Column(lambda: translate("SyncTexts", "Result"), _result_text),
                Column(
                    lambda: translate("SyncTexts", "Sent"),
                    lambda h: f"{h.pushed:,}",
                    align_right=True,
                ),
                Column(
                    lambda: translate("SyncTexts", "Received"),
                    lambda h: f"{h.pulled:,}",
                    align_right=True,
                ),
                Column(
                    lambda: translate("SyncTexts", "Conflicts"),
                    lambda h: f"{h.conflicts:,}",
                    align_right=True,
                ),
                Column(
                    lambda: translate("SyncTexts", "Exports"),
                    lambda h: f"{h.exports:,}",
                    align_right=True,
                ),
                Column(
                    lambda: translate("SyncTexts", "Message"), lambda h: message_text(h.message)
                ),
            ],
            parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is not None:
            if role == Qt.ItemDataRole.ForegroundRole and not entry.ok and entry.finished_at:
                return QBrush(QColor(OFFLINE_COLOUR))
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.MESSAGE:
                return entry.message or None
        return super().data(index, role)


def _result_text(entry: HistoryEntry) -> str:
    if not entry.finished_at:
        return translate("SyncTexts", "Running or stopped")
    return translate("SyncTexts", "Completed") if entry.ok else translate("SyncTexts", "Failed")


class ConflictsModel(RowTableModel[Conflict]):
    """Conflicts, open ones first (the service's order); open ones bold, decided ones grey."""

    STATUS, KIND, RECORD, WHEN = range(4)

    def __init__(self, parent: Any = None) -> None:
        self.labels: dict[str, str] = {}
        super().__init__(
            [
                Column(lambda: translate("SyncTexts", "Status"), status_text),
                Column(lambda: translate("SyncTexts", "Kind"), lambda c: kind_text(c.kind)),
                Column(
                    lambda: translate("SyncTexts", "Record"), lambda c: record_text(c, self.labels)
                ),
                Column(lambda: translate("SyncTexts", "When"), lambda c: when_text(c.created_at)),
            ],
            parent,
        )

    def set_labels(self, labels: dict[str, str]) -> None:
        self.labels = labels
        if self.rowCount():
            top, bottom = self.index(0, self.RECORD), self.index(self.rowCount() - 1, self.RECORD)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        conflict = self.row_at(index.row()) if index.isValid() else None
        if conflict is not None:
            if role == Qt.ItemDataRole.FontRole and conflict.status == "open":
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and conflict.status != "open":
                return QBrush(QColor(MUTED_COLOUR))
            if role == Qt.ItemDataRole.UserRole:
                return conflict.id
        return super().data(index, role)

    def row_of(self, conflict_id: str) -> int:
        for row, conflict in enumerate(self.rows()):
            if conflict.id == conflict_id:
                return row
        return -1
