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


class SiteSetting(SyncedModel):
    site_id = pw.TextField()
    key = pw.TextField()
    value = pw.TextField()  # JSON

    class Meta:
        table_name = "site_setting"


class LabourOpRow(SyncedModel):
    code = pw.TextField()
    name = pw.TextField()
    minutes = pw.IntegerField()
    category = pw.TextField(default="maintenance")
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "labour_op"


class StaffAbsence(SyncedModel):
    staff_id = pw.TextField()
    day = DateText()
    reason = pw.TextField(default="")

    class Meta:
        table_name = "staff_absence"


class AppointmentRow(SyncedModel):
    site_id = pw.TextField()
    serial = pw.TextField()
    start_at = pw.TextField()  # local time 'YYYY-MM-DD HH:MM'
    end_at = pw.TextField()
    customer_id = pw.TextField(null=True)
    vehicle_id = pw.TextField(null=True)
    bay_id = pw.TextField(null=True)
    technician_id = pw.TextField(null=True)
    advisor_id = pw.TextField(null=True)
    status = pw.TextField()
    transport = pw.TextField()
    labour_minutes = pw.IntegerField()
    work = pw.TextField(default="[]")  # JSON list of {code, name, minutes}
    fault = pw.TextField(default="")
    estimate_fen = MoneyFen(default=0)
    parts = pw.TextField(default="")
    phone_record = pw.TextField(default="")
    remarks = pw.TextField(default="")
    override_reason = pw.TextField(default="")
    override_by = pw.TextField(null=True)
    rescheduled_from = pw.TextField(null=True)
    customer_name = pw.TextField(default="")
    phone = pw.TextField(default="")
    plate = pw.TextField(default="")
    model_name = pw.TextField(default="")
    mileage_km = pw.IntegerField(null=True)
    last_visit = DateText(null=True)

    class Meta:
        table_name = "appointment"


class AppointmentEvent(SyncedModel):
    appointment_id = pw.TextField()
    kind = pw.TextField()
    from_status = pw.TextField(null=True)
    to_status = pw.TextField(null=True)
    detail = pw.TextField(default="")
    at = pw.TextField()
    actor = pw.TextField(null=True)

    class Meta:
        table_name = "appointment_event"


class AppointmentCall(SyncedModel):
    appointment_id = pw.TextField()
    called_at = pw.TextField()
    outcome = pw.TextField()
    note = pw.TextField(default="")
    actor = pw.TextField(null=True)

    class Meta:
        table_name = "appointment_call"


class CheckinRow(SyncedModel):
    appointment_id = pw.TextField()
    mileage_km = pw.IntegerField()
    fuel_eighths = pw.IntegerField()
    warning_lights = pw.TextField(default="[]")
    valuables = pw.TextField(default="")
    damage = pw.TextField(default="[]")
    concerns = pw.TextField(default="")
    agreed_work = pw.TextField(default="")
    estimate_fen = MoneyFen(default=0)
    promised_at = pw.TextField(null=True)
    walkaround_deferred = pw.BooleanField(default=False)
    covers_on = pw.BooleanField(default=True)

    class Meta:
        table_name = "checkin"


class RepairOrderRow(SyncedModel):
    site_id = pw.TextField()
    number = pw.TextField()
    appointment_id = pw.TextField(null=True)
    customer_id = pw.TextField(null=True)
    vehicle_id = pw.TextField(null=True)
    advisor_id = pw.TextField(null=True)
    technician_id = pw.TextField(null=True)
    opened_at = pw.TextField()
    closed_at = pw.TextField(null=True)

    class Meta:
        table_name = "repair_order"


class RepairLineRow(SyncedModel):
    repair_order_id = pw.TextField()
    kind = pw.TextField()
    code = pw.TextField(default="")
    description = pw.TextField()
    quantity = pw.TextField(default="1")
    unit_price_fen = MoneyFen(default=0)
    minutes = pw.IntegerField(default=0)

    class Meta:
        table_name = "repair_line"


class PdiTemplateRow(SyncedModel):
    code = pw.TextField()
    version = pw.IntegerField()
    name = pw.TextField()
    body = pw.TextField()

    class Meta:
        table_name = "pdi_template"


class DeliveryRow(SyncedModel):
    site_id = pw.TextField()
    number = pw.TextField()
    planned_at = pw.TextField()
    customer_id = pw.TextField(null=True)
    vehicle_id = pw.TextField(null=True)
    sales_id = pw.TextField(null=True)
    specialist_id = pw.TextField(null=True)
    status = pw.TextField()
    template_code = pw.TextField()
    template_version = pw.IntegerField()
    nev = pw.BooleanField(default=False)
    pdi_signed_by = pw.TextField(null=True)
    pdi_signed_at = pw.TextField(null=True)
    invoice_vin = pw.TextField(default="")
    invoice_engine = pw.TextField(default="")
    explanation_started_at = pw.TextField(null=True)
    explanation_ended_at = pw.TextField(null=True)
    topics_done = pw.TextField(default="[]")
    short_reason = pw.TextField(default="")
    delivered_at = pw.TextField(null=True)
    delivered_by = pw.TextField(null=True)
    reopen_reason = pw.TextField(default="")
    customer_name = pw.TextField(default="")
    phone = pw.TextField(default="")
    plate = pw.TextField(default="")
    vin = pw.TextField(default="")
    engine_no = pw.TextField(default="")
    model_name = pw.TextField(default="")
    remarks = pw.TextField(default="")

    class Meta:
        table_name = "delivery"


class DeliveryItemRow(SyncedModel):
    delivery_id = pw.TextField()
    position = pw.IntegerField()
    code = pw.TextField()
    section = pw.TextField()
    text_zh = pw.TextField()
    text_en = pw.TextField()
    result = pw.TextField()
    note = pw.TextField(default="")
    photos = pw.TextField(default="[]")
    reinspected = pw.BooleanField(default=False)

    class Meta:
        table_name = "delivery_item"


class DeliveryDocumentRow(SyncedModel):
    delivery_id = pw.TextField()
    position = pw.IntegerField()
    code = pw.TextField()
    text_zh = pw.TextField()
    text_en = pw.TextField()
    required = pw.BooleanField(default=False)
    state = pw.TextField()
    note = pw.TextField(default="")
    count = pw.IntegerField(null=True)

    class Meta:
        table_name = "delivery_document"


class DeliveryEvent(SyncedModel):
    delivery_id = pw.TextField()
    kind = pw.TextField()
    detail = pw.TextField(default="")
    at = pw.TextField()
    actor = pw.TextField(null=True)

    class Meta:
        table_name = "delivery_event"


class CareTaskRow(SyncedModel):
    site_id = pw.TextField()
    kind = pw.TextField()
    customer_id = pw.TextField(null=True)
    vehicle_id = pw.TextField(null=True)
    source = pw.TextField()
    source_id = pw.TextField(null=True)
    due = pw.TextField()
    opens = pw.TextField()
    title = pw.TextField(default="")
    status = pw.TextField()
    assigned_to = pw.TextField(null=True)

    class Meta:
        table_name = "care_task"


class ExportFileRow(SyncedModel):
    site_id = pw.TextField()
    kind = pw.TextField()
    day = pw.TextField()
    file_name = pw.TextField()
    sha256 = pw.TextField()
    rows = pw.IntegerField()

    class Meta:
        table_name = "export_file"


class PriceItemRow(SyncedModel):
    kind = pw.TextField()
    code = pw.TextField()
    model_id = pw.TextField(null=True)
    name_zh = pw.TextField()
    name_en = pw.TextField(default="")
    price_fen = pw.IntegerField()
    rate = pw.TextField(default="0")
    band_max = pw.IntegerField(null=True)
    valid_from = DateText(null=True)
    valid_to = DateText(null=True)
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "price_item"


class QuoteRow(SyncedModel):
    site_id = pw.TextField()
    number = pw.TextField()
    version = pw.IntegerField()
    status = pw.TextField()
    customer_id = pw.TextField(null=True)
    customer_name = pw.TextField(default="")
    phone = pw.TextField(default="")
    sales_id = pw.TextField(null=True)
    model_id = pw.TextField(null=True)
    model_name = pw.TextField(default="")
    vin = pw.TextField(default="")
    colour = pw.TextField(default="")
    nev = pw.BooleanField(default=False)
    quoted_on = DateText()
    valid_until = DateText()
    body = pw.TextField()
    total_fen = pw.IntegerField()
    extra_discount_fen = pw.IntegerField()
    approved_by = pw.TextField(null=True)
    approved_at = pw.TextField(null=True)
    approval_note = pw.TextField(default="")
    sent_at = pw.TextField(null=True)
    accepted_at = pw.TextField(null=True)
    lost_reason = pw.TextField(default="")

    class Meta:
        table_name = "quote"


class ContractRow(SyncedModel):
    site_id = pw.TextField()
    number = pw.TextField()
    version = pw.IntegerField()
    original_id = pw.TextField(null=True)
    quote_id = pw.TextField(null=True)
    status = pw.TextField()
    customer_id = pw.TextField(null=True)
    sales_id = pw.TextField(null=True)
    buyer_name = pw.TextField()
    buyer_id_number = pw.TextField(default="")
    buyer_phone = pw.TextField(default="")
    buyer_address = pw.TextField(default="")
    model_name = pw.TextField()
    colour = pw.TextField(default="")
    vin = pw.TextField(default="")
    engine_no = pw.TextField(default="")
    total_fen = pw.IntegerField()
    deposit_fen = pw.IntegerField()
    delivery_date = DateText()
    body = pw.TextField()
    content_hash = pw.TextField(default="")
    pdf_hash = pw.TextField(default="")
    signed_at = pw.TextField(null=True)
    signed_by = pw.TextField(null=True)
    void_reason = pw.TextField(default="")
    voided_at = pw.TextField(null=True)
    voided_by = pw.TextField(null=True)

    class Meta:
        table_name = "contract"


class CareAttemptRow(SyncedModel):
    task_id = pw.TextField()
    at = pw.TextField()
    reached = pw.BooleanField(default=False)
    reason = pw.TextField(default="")
    channel = pw.TextField(default="call")
    note = pw.TextField(default="")
    actor = pw.TextField(null=True)

    class Meta:
        table_name = "care_attempt"


class CareOutcomeRow(SyncedModel):
    task_id = pw.TextField()
    at = pw.TextField()
    satisfaction = pw.TextField(default="")
    grievances = pw.TextField(default="[]")
    mileage_km = pw.IntegerField(null=True)
    service_type = pw.TextField(default="")
    wants_appointment = pw.BooleanField(default=False)
    note = pw.TextField(default="")
    complaint_id = pw.TextField(null=True)
    actor = pw.TextField(null=True)

    class Meta:
        table_name = "care_outcome"


class ComplaintRow(SyncedModel):
    site_id = pw.TextField()
    number = pw.TextField()
    customer_id = pw.TextField(null=True)
    vehicle_id = pw.TextField(null=True)
    opened_at = pw.TextField()
    channel = pw.TextField(default="phone")
    description = pw.TextField()
    severity = pw.TextField(default="normal")
    status = pw.TextField(default="open")
    owner_id = pw.TextField(null=True)
    responded_at = pw.TextField(null=True)
    response = pw.TextField(default="")
    escalated_to = pw.TextField(null=True)
    escalated_at = pw.TextField(null=True)
    resolution = pw.TextField(default="")
    resolution_note = pw.TextField(default="")
    resolved_at = pw.TextField(null=True)
    closed_at = pw.TextField(null=True)
    source_task_id = pw.TextField(null=True)

    class Meta:
        table_name = "complaint"


class SyncConflictRow(SyncedModel):
    """A conflict the sync kept for a person to decide (written by the hub or by a PC)."""

    kind = pw.TextField()
    table_name = pw.TextField()
    row_id = pw.TextField()
    other_id = pw.TextField(default="")
    detail = pw.TextField(default="{}")
    status = pw.TextField(default="open")
    resolution = pw.TextField(default="")
    resolved_by = pw.TextField(null=True)
    resolved_at = pw.TextField(null=True)

    class Meta:
        table_name = "sync_conflict"


ALL_MODELS: list[type[pw.Model]] = [
    Site,
    Staff,
    VehicleModelRow,
    ServiceBay,
    CustomerRow,
    CustomerDnc,
    VehicleRow,
    SiteSetting,
    LabourOpRow,
    StaffAbsence,
    AppointmentRow,
    AppointmentEvent,
    AppointmentCall,
    CheckinRow,
    RepairOrderRow,
    RepairLineRow,
    PdiTemplateRow,
    DeliveryRow,
    DeliveryItemRow,
    DeliveryDocumentRow,
    DeliveryEvent,
    CareTaskRow,
    ExportFileRow,
    PriceItemRow,
    QuoteRow,
    ContractRow,
    CareAttemptRow,
    CareOutcomeRow,
    ComplaintRow,
    SyncConflictRow,
]
