"""Staff roles (岗位) and what each may do in DealerDesk."""

from __future__ import annotations

from enum import StrEnum

from .i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    SERVICE_ADVISOR = "service_advisor"
    TECHNICIAN = "technician"
    SALES_CONSULTANT = "sales_consultant"
    DELIVERY_SPECIALIST = "delivery_specialist"
    CUSTOMER_CARE = "customer_care"
    MANAGER = "manager"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.SERVICE_ADVISOR: QT_TRANSLATE_NOOP("Labels", "Service advisor"),
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("Labels", "Technician"),
    Role.SALES_CONSULTANT: QT_TRANSLATE_NOOP("Labels", "Sales consultant"),
    Role.DELIVERY_SPECIALIST: QT_TRANSLATE_NOOP("Labels", "Delivery specialist"),
    Role.CUSTOMER_CARE: QT_TRANSLATE_NOOP("Labels", "Customer-care agent"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Labels", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    VIEW_ID_NUMBERS = "view_id_numbers"
    MERGE_CUSTOMERS = "merge_customers"
    BOOK_APPOINTMENTS = "book_appointments"
    CHECK_IN = "check_in"
    OVERRIDE_CAPACITY = "override_capacity"
    PDI_INSPECT = "pdi_inspect"
    DELIVER_VEHICLES = "deliver_vehicles"
    REOPEN_DELIVERY = "reopen_delivery"
    EDIT_QUOTES = "edit_quotes"
    APPROVE_DISCOUNTS = "approve_discounts"
    SIGN_CONTRACTS = "sign_contracts"
    WORK_CARE_LIST = "work_care_list"
    VIEW_REPORTS = "view_reports"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_STAFF = "manage_staff"
    MANAGE_SYNC = "manage_sync"


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SERVICE_ADVISOR: frozenset(
        {P.VIEW_CUSTOMERS, P.EDIT_CUSTOMERS, P.BOOK_APPOINTMENTS, P.CHECK_IN, P.WORK_CARE_LIST}
    ),
    Role.TECHNICIAN: frozenset({P.VIEW_CUSTOMERS, P.PDI_INSPECT}),
    Role.SALES_CONSULTANT: frozenset(
        {
            P.VIEW_CUSTOMERS,
            P.EDIT_CUSTOMERS,
            P.VIEW_ID_NUMBERS,
            P.EDIT_QUOTES,
            P.SIGN_CONTRACTS,
            P.DELIVER_VEHICLES,
            P.WORK_CARE_LIST,
        }
    ),
    Role.DELIVERY_SPECIALIST: frozenset(
        {P.VIEW_CUSTOMERS, P.EDIT_CUSTOMERS, P.PDI_INSPECT, P.DELIVER_VEHICLES}
    ),
    Role.CUSTOMER_CARE: frozenset(
        {P.VIEW_CUSTOMERS, P.EDIT_CUSTOMERS, P.BOOK_APPOINTMENTS, P.WORK_CARE_LIST}
    ),
    Role.MANAGER: frozenset(set(Permission) - {P.MANAGE_STAFF, P.MANAGE_SYNC}),
    Role.ADMIN: frozenset(
        {P.VIEW_CUSTOMERS, P.EDIT_SETTINGS, P.MANAGE_STAFF, P.MANAGE_SYNC, P.VIEW_REPORTS}
    ),
}


def permissions_for(roles: frozenset[Role] | set[Role]) -> frozenset[Permission]:
    result: set[Permission] = set()
    for role in roles:
        result |= ROLE_PERMISSIONS[role]
    return frozenset(result)
