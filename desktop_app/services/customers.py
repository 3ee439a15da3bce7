"""Finding, opening and saving customers and their vehicles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.customers import Customer, Vehicle, VehicleModel, clean_customer, clean_vehicle
from ..domain.identifiers import mask_id_number
from ..domain.roles import Permission
from ..domain.staff import Session
from ..storage.db import Database
from ..storage.repositories import (
    SEARCH_LIMIT,
    CustomerHit,
    CustomerRepository,
    HistoryEntry,
    ModelCatalog,
    VehicleRepository,
)
from .errors import DuplicatePhone, DuplicateVin, NotFound, PermissionDenied
from .print_files import write_document

__all__ = ["SEARCH_LIMIT", "CustomerFile", "CustomerHit", "CustomerService", "HistoryEntry"]


@dataclass(frozen=True)
class CustomerFile:
    """Everything the customer file view shows."""

    customer: Customer
    vehicles: list[Vehicle]
    history: list[HistoryEntry]


class CustomerService:
    def __init__(self, db: Database, session: Session) -> None:
        self.db = db
        self.session = session
        self.customers = CustomerRepository(db)
        self.vehicles = VehicleRepository(db)
        self.catalog = ModelCatalog(db)

    # -- reading -------------------------------------------------------------------------

    def search(self, text: str) -> list[CustomerHit]:
        self._require(Permission.VIEW_CUSTOMERS)
        return self.customers.search(text)

    def open_file(self, customer_id: str) -> CustomerFile:
        self._require(Permission.VIEW_CUSTOMERS)
        customer = self.customers.get(customer_id)
        if customer is None:
            raise NotFound()
        # Personal data: screens always show the ID number masked (domain.md §7); only
        # documents that legally need it (the contract) print it whole.
        customer.id_number = mask_id_number(customer.id_number)
        return CustomerFile(
            customer=customer,
            vehicles=self.vehicles.for_customer(customer_id),
            history=self.customers.history(customer_id),
        )

    def models(self) -> list[VehicleModel]:
        return self.catalog.all()

    def vehicle(self, vehicle_id: str) -> Vehicle:
        v = self.vehicles.get(vehicle_id)
        if v is None:
            raise NotFound()
        return v

    # -- writing -------------------------------------------------------------------------

    def save_customer(self, customer: Customer) -> str:
        """Validate and save; raises ValidationError (naming the field) or DuplicatePhone."""
        self._require(Permission.EDIT_CUSTOMERS)
        if customer.id is not None:
            stored = self.customers.get(customer.id)
            if stored is None:
                raise NotFound()
            # The form showed the ID number masked: an untouched mask keeps the stored number.
            if customer.id_number and customer.id_number == mask_id_number(stored.id_number):
                customer.id_number = stored.id_number
            customer = clean_customer(customer)
        else:
            customer = clean_customer(customer)
        for field_name, phone in (("mobile", customer.mobile), ("phone2", customer.phone2)):
            if phone:
                other = self.customers.with_phone(phone, exclude_id=customer.id)
                if other is not None:
                    raise DuplicatePhone(field_name, phone, other[0], other[1])
        return self.customers.save(customer, self.session.site.id, self.session.staff.id)

    def save_vehicle(
        self, vehicle: Vehicle, accept_warnings: bool = False
    ) -> tuple[str, list[str]]:
        """Validate and save. With warnings and not ``accept_warnings``, nothing is saved and
        the id is empty: the UI asks the person and calls again with ``accept_warnings``."""
        self._require(Permission.EDIT_CUSTOMERS)
        if vehicle.id is not None and self.vehicles.get(vehicle.id) is None:
            raise NotFound()  # deleted meanwhile (e.g. on another PC): never a silent no-op
        vehicle, warnings = clean_vehicle(vehicle, today=dt.date.today())
        other = self.vehicles.with_vin(vehicle.vin, exclude_id=vehicle.id)
        if other is not None:
            owner = self.customers.get(other[1]) if other[1] else None
            raise DuplicateVin(vehicle.vin, other[1], owner.name if owner else "")
        if warnings and not accept_warnings:
            return "", warnings
        return self.vehicles.save(vehicle, self.session.staff.id), warnings

    def print_file(self, customer_id: str, lang: str, folder: Path) -> Path:
        """Write the customer file PDF into ``folder`` and return its path."""
        from .documents import customer_file_pdf_by_id

        self._require(Permission.VIEW_CUSTOMERS)
        data = customer_file_pdf_by_id(self.db, customer_id, lang, self.session.staff.full_name)
        return write_document(folder, f"customer-file-{customer_id[-6:]}", data)

    def _require(self, permission: Permission) -> None:
        if not self.session.can(permission):
            raise PermissionDenied()
