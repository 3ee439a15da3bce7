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

ZH_LABELS = {  # the domain's label texts in Chinese, for documents rendered without Qt
    "Potential": "潜在客户",
    "Intention": "意向客户",
    "Owner": "保有客户",
    "Loyal": "忠诚客户",
    "All contact": "全部联系",
    "Post-delivery callbacks": "交车回访",
    "Maintenance reminders": "保养提醒",
    "Insurance renewal": "续保提醒",
    "Annual inspection": "年检提醒",
    "Birthday greetings": "生日祝福",
    "Satisfaction surveys": "满意度调查",
    "Marketing": "营销活动",
    # appointment status
    "Booked": "已预约",
    "Confirmed": "已确认",
    "Arrived": "已到店",
    "Checked in": "已接车",
    "In service": "维修中",
    "Quality check": "质检中",
    "Washing": "洗车中",
    "Ready": "待交车",
    "Handed over": "已交车",
    "No-show": "未到店",
    "Cancelled": "已取消",
    "Rescheduled": "已改期",
    # transport
    "Waits": "等待",
    "Drop-off": "送修",
    # confirmation-call outcomes ("Confirmed" above)
    "No answer": "无人接听",
    "Line busy": "占线",
    "Wrong number": "号码错误",
    "Wants another time": "要求改期",
    "Cancels": "取消预约",
    # damage on the car diagram
    "Scratch": "划痕",
    "Dent": "凹陷",
    "Crack": "裂纹",
    "Stone chip": "石击",
    "Other": "其他",
    # dashboard warning lights
    "Engine": "发动机故障灯",
    "ABS": "ABS",
    "Airbag": "安全气囊",
    "Oil pressure": "机油压力",
    "Battery / charging": "蓄电池 / 充电",
    "Tyre pressure": "胎压",
    "Brake": "制动系统",
    "Coolant temperature": "冷却液温度",
    "Service due": "保养提示",
}

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
