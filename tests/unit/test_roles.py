"""What each staff role may do."""

from __future__ import annotations

from desktop_app.domain.roles import (
    ROLE_LABELS,
    ROLE_PERMISSIONS,
    Permission,
    Role,
    permissions_for,
)
from desktop_app.domain.staff import Session, Site, StaffMember


def test_every_role_has_a_label_and_permissions() -> None:
    assert set(ROLE_LABELS) == set(Role)
    assert set(ROLE_PERMISSIONS) == set(Role)
    for role in Role:
        assert Permission.VIEW_CUSTOMERS in ROLE_PERMISSIONS[role]


def test_permissions_for_unions_the_roles() -> None:
    both = permissions_for({Role.DELIVERY_SPECIALIST, Role.SALES_CONSULTANT})
    assert both == (
        ROLE_PERMISSIONS[Role.DELIVERY_SPECIALIST] | ROLE_PERMISSIONS[Role.SALES_CONSULTANT]
    )
    assert Permission.PDI_INSPECT in both  # from delivery
    assert Permission.SIGN_CONTRACTS in both  # from sales


def test_no_roles_means_no_permissions() -> None:
    assert permissions_for(set()) == frozenset()


def test_technician_cannot_edit_customers() -> None:
    perms = permissions_for({Role.TECHNICIAN})
    assert Permission.VIEW_CUSTOMERS in perms
    assert Permission.EDIT_CUSTOMERS not in perms
    assert Permission.VIEW_ID_NUMBERS not in perms


def test_manager_can_approve_discounts_but_not_manage_staff() -> None:
    perms = permissions_for({Role.MANAGER})
    assert Permission.APPROVE_DISCOUNTS in perms
    assert Permission.OVERRIDE_CAPACITY in perms
    assert Permission.MANAGE_STAFF not in perms


def test_only_manager_approves_discounts() -> None:
    approvers = {r for r in Role if Permission.APPROVE_DISCOUNTS in ROLE_PERMISSIONS[r]}
    assert approvers == {Role.MANAGER}


def test_admin_manages_staff_and_sync() -> None:
    perms = permissions_for({Role.ADMIN})
    assert Permission.MANAGE_STAFF in perms
    assert Permission.MANAGE_SYNC in perms
    assert Permission.EDIT_CUSTOMERS not in perms


def test_session_can_checks_the_union() -> None:
    staff = StaffMember(
        id="s1",
        username="delivery2",
        full_name="高凯",
        roles=frozenset({Role.DELIVERY_SPECIALIST, Role.SALES_CONSULTANT}),
    )
    session = Session.for_staff(staff, Site(id="site", code="SH01", name="Store"))
    assert session.can(Permission.SIGN_CONTRACTS)
    assert session.can(Permission.PDI_INSPECT)
    assert not session.can(Permission.APPROVE_DISCOUNTS)
