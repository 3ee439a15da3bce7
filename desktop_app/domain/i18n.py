"""Marks user-facing texts raised by the domain so the translation tools can find them.

The domain cannot import Qt, yet its messages (a refused VIN, a malformed phone) reach the user.
They are written in English, marked with ``QT_TRANSLATE_NOOP(context, text)`` so that
``pyside6-lupdate`` collects them, and translated by the UI when shown.
"""


# The function name is what lupdate looks for; it must stay exactly this.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802
    return text


MESSAGES = "Messages"
