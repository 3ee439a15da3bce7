"""Refusals a service gives that are not about one field's format."""

from __future__ import annotations

from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..storage.errors import StorageEnvironmentError

__all__ = [
    "DuplicatePhone",
    "DuplicateVin",
    "NoSuchNumber",
    "NotFound",
    "PermissionDenied",
    "PrintFailed",
    "SignInRefused",
    "StorageEnvironmentError",
]


class PermissionDenied(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Your account is not allowed to do this. Ask a manager to do it or to change "
                "your role.",
            )
        )


class SignInRefused(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The user name or password is wrong, or the account is disabled. Check Caps "
                "Lock and the input language, then try again.",
            )
        )


class DuplicatePhone(ValidationError):
    """The phone already belongs to another customer; the UI offers to open that customer."""

    def __init__(self, field: str, phone: str, other_id: str, other_name: str) -> None:
        self.other_id = other_id
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "The phone {phone} already belongs to the customer {name}."
            ),
            field=field,
            phone=phone,
            name=other_name,
        )


class DuplicateVin(ValidationError):
    def __init__(self, vin: str, owner_id: str | None, owner_name: str) -> None:
        self.owner_id = owner_id
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A vehicle with VIN {vin} is already on file (owner: {name}). Open that vehicle "
                "instead of entering it twice.",
            ),
            field="vin",
            vin=vin,
            name=owner_name,
        )


class NotFound(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This record no longer exists (it may have been deleted on another PC). "
                "Refresh the list.",
            )
        )


class PrintFailed(DomainError):
    def __init__(self, folder: str, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The document could not be written to {folder} ({reason}). Nothing was lost: "
                "free some disk space or check the folder's access rights, then print again.",
            ),
            folder=folder,
            reason=reason,
        )


class NoSuchNumber(NotFound):
    """``print``/``list`` on the command line: nothing has the number given."""

    def __init__(self, number: str) -> None:
        DomainError.__init__(
            self,
            QT_TRANSLATE_NOOP("Messages", "No customer has the phone number {number}."),
            number=number,
        )
