"""Errors the domain raises when a person's input breaks a rule.

Each carries the field it concerns, an English message template marked for translation, and the
values to fill in, so the UI can say in the user's language which field is wrong and why.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule was broken; ``template`` is translatable, ``params`` fill its ``{names}``."""

    def __init__(self, template: str, field: str | None = None, **params: Any) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(self.render())

    def render(self, template: str | None = None) -> str:
        """The message with its values filled in (pass a translated template to localise)."""
        return (template if template is not None else self.template).format(**self.params)


class ValidationError(DomainError):
    """A value typed into a field is not acceptable."""
