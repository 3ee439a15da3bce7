"""Staff accounts as the services see them, and the signed-in person."""

from __future__ import annotations

from dataclasses import dataclass, field

from .roles import Permission, Role, permissions_for


@dataclass(frozen=True)
class Site:
    id: str
    code: str
    name: str
    city: str = ""
    licence_no: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class StaffMember:
    id: str
    username: str
    full_name: str
    roles: frozenset[Role]
    active: bool = True
    phone: str = ""


@dataclass(frozen=True)
class Session:
    """Who is signed in on this PC, at which site; passed to every service that writes."""

    staff: StaffMember
    site: Site
    permissions: frozenset[Permission] = field(default=frozenset())

    @classmethod
    def for_staff(cls, staff: StaffMember, site: Site) -> Session:
        return cls(staff=staff, site=site, permissions=permissions_for(staff.roles))

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions
