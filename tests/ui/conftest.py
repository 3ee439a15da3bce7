"""UI fixtures: a synchronous task runner and a dialog service that records what users see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.ui.messages import DialogService
from desktop_app.ui.tasks import TaskRunner


class RecordingDialogs(DialogService):
    """Records every message instead of opening a modal box; answers questions as told."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.shown: list[tuple[str, str, str]] = []
        self.opened: list[Path] = []
        self.texts: list[str | None] = []  # answers to ask_text, in order (None = cancel)
        self.asked: list[str] = []  # the labels ask_text showed

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, multiline: bool = False
    ) -> str | None:
        self.asked.append(label)
        return self.texts.pop(0) if self.texts else None

    def open_document(self, path: Path) -> bool:
        self.opened.append(path)
        return True

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def ask_confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("ask", title, text))
        return self.answer


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    r = TaskRunner(synchronous=True)
    errors: list[BaseException] = []
    r.bug_handler = errors.append
    yield r
    assert not errors, f"bug in a background operation: {errors!r}"
