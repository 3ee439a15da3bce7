"""Errors the domain raises when a person's input breaks a rule.

Each carries the field it concerns, an English message template marked for translation, and the
values to fill in, so the UI can say in the user's language which field is wrong and why.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule was broken; ``template`` is translatable, ``params`` fill its ``{names}``."""

    # names of params whose values are label texts (context "Labels") the UI translates too
    label_params: tuple[str, ...] = ()

    def __init__(self, template: str, field: str | None = None, **params: Any) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(self.render())

    def render(self, template: str | None = None, params: dict[str, Any] | None = None) -> str:
        """The message with its values filled in (pass a translated template and translated
        label params to localise)."""
        values = self.params if params is None else params
        return (template if template is not None else self.template).format(**values)


class ValidationError(DomainError):
    """A value typed into a field is not acceptable."""
