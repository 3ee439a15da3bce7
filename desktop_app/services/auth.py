"""Staff sign-in with argon2 password hashes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.staff import Session
from ..storage.db import Database
from ..storage.repositories import SiteRepository, StaffRepository
from .errors import SignInRefused

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class AuthService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.staff = StaffRepository(db)
        self.sites = SiteRepository(db)

    def sign_in(self, username: str, password: str) -> Session:
        """The session of the staff member, or :class:`SignInRefused` (never says which part)."""
        found = self.staff.by_username(username)
        if found is None:
            _hasher.hash(password)  # same cost whether or not the account exists
            raise SignInRefused()
        member, stored = found
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            raise SignInRefused() from None
        if not member.active:
            raise SignInRefused()
        if _hasher.check_needs_rehash(stored):
            self.staff.set_password_hash(member.id, _hasher.hash(password))
        site = self.sites.current()
        if site is None:
            raise SignInRefused()
        return Session.for_staff(member, site)

    def session_for(self, username: str) -> Session:
        """A session without a password, for command-line tools run by the PC's owner."""
        found = self.staff.by_username(username)
        site = self.sites.current()
        if found is None or site is None:
            raise SignInRefused()
        return Session.for_staff(found[0], site)
