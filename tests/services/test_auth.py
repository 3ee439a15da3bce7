"""Signing in: the right password gives a session with roles, permissions and the site."""

from __future__ import annotations

import pytest

from desktop_app.domain.roles import Permission, Role, permissions_for
from desktop_app.services.auth import AuthService
from desktop_app.services.demo_data import DEMO_PASSWORD
from desktop_app.services.errors import SignInRefused
from desktop_app.storage.db import Database


def test_right_password_gives_session_with_roles_permissions_and_site(db: Database) -> None:
    session = AuthService(db).sign_in("manager", DEMO_PASSWORD)

    assert session.staff.username == "manager"
    assert session.staff.full_name == "王建国"
    assert session.staff.roles == frozenset({Role.MANAGER})
    assert session.permissions == permissions_for(frozenset({Role.MANAGER}))
    assert session.can(Permission.APPROVE_DISCOUNTS)
    assert not session.can(Permission.MANAGE_STAFF)
    assert session.site.code == "SH01"
    assert session.site.id == db.meta("site_id")
    assert session.site.name == "上海浦东德诚汽车销售服务有限公司"


def test_staff_with_two_roles_gets_the_permissions_of_both(db: Database) -> None:
    session = AuthService(db).sign_in("delivery2", DEMO_PASSWORD)

    assert session.staff.roles == frozenset({Role.DELIVERY_SPECIALIST, Role.SALES_CONSULTANT})
    assert session.can(Permission.PDI_INSPECT)  # delivery specialist
    assert session.can(Permission.SIGN_CONTRACTS)  # sales consultant


def test_technician_session_cannot_edit_customers(db: Database) -> None:
    session = AuthService(db).sign_in("tech1", DEMO_PASSWORD)

    assert session.staff.roles == frozenset({Role.TECHNICIAN})
    assert session.can(Permission.VIEW_CUSTOMERS)
    assert not session.can(Permission.EDIT_CUSTOMERS)


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("manager", "wrong-password"),
        ("manager", DEMO_PASSWORD.upper()),  # passwords are case-sensitive
        ("manager", ""),
        ("nobody", DEMO_PASSWORD),
        ("", DEMO_PASSWORD),
    ],
)
def test_wrong_password_or_unknown_user_is_refused(
    db: Database, username: str, password: str
) -> None:
    with pytest.raises(SignInRefused):
        AuthService(db).sign_in(username, password)


def test_disabled_account_is_refused_even_with_the_right_password(db: Database) -> None:
    auth = AuthService(db)
    auth.sign_in("advisor2", DEMO_PASSWORD)  # works while active
    with db.write():
        db.raw.execute("UPDATE staff SET active = 0 WHERE username = 'advisor2'")

    with pytest.raises(SignInRefused):
        auth.sign_in("advisor2", DEMO_PASSWORD)


def test_refusal_does_not_say_which_part_was_wrong(db: Database) -> None:
    auth = AuthService(db)
    with pytest.raises(SignInRefused) as wrong_password:
        auth.sign_in("manager", "nope")
    with pytest.raises(SignInRefused) as unknown_user:
        auth.sign_in("nobody", "nope")

    assert str(wrong_password.value) == str(unknown_user.value)


@pytest.mark.parametrize("typed", ["Manager", "MANAGER", "  manager  ", "\tMaNaGeR\n"])
def test_user_name_is_case_insensitive_and_trimmed(db: Database, typed: str) -> None:
    session = AuthService(db).sign_in(typed, DEMO_PASSWORD)

    assert session.staff.username == "manager"
