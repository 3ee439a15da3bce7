"""The delivery record (交车确认单) editor: header, PDI checklist, documents and items handed
over, the handover explanation with its timer, history and follow-ups; Mark delivered,
Reopen (manager) and Print.

Every change goes to the ``DeliveryService`` on the task runner, which answers with the
whole record again (``DeliveryFile``); the widget only shows what the service says. A refusal
keeps what was there and says why — for Mark delivered, the exact list of what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ...domain.deliveries import (
    BLOCKER_MESSAGES,
    DELIVERY_STATUS_COLOURS,
    DELIVERY_STATUS_LABELS,
    DOCUMENTS,
    FOLLOW_UP_LABELS,
    HANDOVER_LABELS,
    MIN_EXPLANATION,
    BlockerFinding,
    DeliveryStatus,
    DocumentLine,
    FollowUp,
    Handover,
    ItemResult,
)
from ...domain.identifiers import format_plate
from ...domain.roles import Permission
from ...domain.vin import normalise_vin
from ...paths import data_dir
from ...services.deliveries import (
    Delivery,
    DeliveryBlocked,
    DeliveryEventView,
    DeliveryFile,
    DeliveryService,
)
from ..forms.ui_delivery_record import Ui_DeliveryRecord
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..table_model import Column, RowTableModel
from ..tasks import Operation, TaskRunner
from .models import PdiModel

OK_COLOUR = "#1b5e20"
WARN_COLOUR = "#e67e22"
PROBLEM_COLOUR = "#b00020"
MUTED_COLOUR = "#7b8794"
TICK_MS = 1000
CYCLE = {
    ItemResult.OPEN: ItemResult.PASS,
    ItemResult.PASS: ItemResult.FAIL,
    ItemResult.FAIL: ItemResult.NOT_APPLICABLE,
    ItemResult.NOT_APPLICABLE: ItemResult.PASS,
}
RESULT_KEYS = {
    Qt.Key.Key_P: ItemResult.PASS,
    Qt.Key.Key_F: ItemResult.FAIL,
    Qt.Key.Key_N: ItemResult.NOT_APPLICABLE,
}
DOC_TEXT, DOC_STATE, DOC_COUNT, DOC_NOTE = range(4)


def blocker_text(f: BlockerFinding) -> str:
    """One thing missing before delivery, in the user's language."""
    return QCoreApplication.translate("Messages", BLOCKER_MESSAGES[f.blocker]).format(**f.params)


def ui_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def local_time(text: str | None) -> str:
    """A stored UTC timestamp as local time for people."""
    if not text:
        return ""
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pill_style(status: DeliveryStatus) -> str:
    background, text = DELIVERY_STATUS_COLOURS[status]
    return (
        f"background: {background}; color: {text}; border-radius: 9px; padding: 3px 10px;"
        " font-weight: 600;"
    )


def mmss(span: dt.timedelta) -> str:
    seconds = max(int(span.total_seconds()), 0)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class DeliveryRecord(QWidget):
    sig_changed = Signal(str)  # delivery id: the record changed (the calendar refreshes)
    sig_status = Signal(str)

    def __init__(
        self,
        service: DeliveryService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_DeliveryRecord()
        self.ui.setupUi(self)
        self.file: DeliveryFile | None = None
        self.delivery_id: str | None = None
        self.last_print: Path | None = None
        self._generation = 0
        self._focus_code: str | None = None
        self._filling = False
        self._topic_boxes: dict[str, QCheckBox] = {}
        session = service.session
        self.can_inspect = session.can(Permission.PDI_INSPECT)
        self.can_deliver = session.can(Permission.DELIVER_VEHICLES)
        self.can_reopen = session.can(Permission.REOPEN_DELIVERY)

        self.pdi = PdiModel(self)
        self.pdi.language = ui_language()
        self.history = RowTableModel[DeliveryEventView](
            [
                Column(lambda: self.tr("When"), lambda e: local_time(e.at)),
                Column(lambda: self.tr("Who"), lambda e: e.actor_name),
                Column(lambda: self.tr("What"), self.describe_event),
            ],
            self,
        )
        self.tasks = RowTableModel[tuple[str, str, str, str]](
            [
                Column(lambda: self.tr("Follow-up"), self._task_title),
                Column(lambda: self.tr("Shows from"), lambda t: t[1]),
                Column(lambda: self.tr("Due"), lambda t: t[2]),
                Column(
                    lambda: self.tr("State"),
                    lambda t: self.tr("Open") if t[3] == "open" else self.tr("Done"),
                ),
            ],
            self,
        )
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.update_timer)
        self._setup()
        self._connect()
        self.setEnabled(False)

    # -- set-up --------------------------------------------------------------------------

    def _setup(self) -> None:
        u = self.ui
        u.pdiView.setModel(self.pdi)
        u.pdiView.verticalHeader().setVisible(False)
        u.pdiView.verticalHeader().setDefaultSectionSize(26)
        header = u.pdiView.horizontalHeader()
        header.setSectionResizeMode(PdiModel.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PdiModel.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PdiModel.RESULT, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(PdiModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PdiModel.PHOTOS, QHeaderView.ResizeMode.ResizeToContents)
        u.pdiView.setColumnWidth(PdiModel.RESULT, 120)
        u.pdiView.setColumnWidth(PdiModel.NOTE, 200)
        u.pdiView.installEventFilter(self)
        u.pdiView.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for view, model in ((u.historyView, self.history), (u.tasksView, self.tasks)):
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        table = u.documentsTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Document or item"),
                self.tr("Handed over?"),
                self.tr("Count"),
                self.tr("Note"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        th = table.horizontalHeader()
        th.setSectionResizeMode(DOC_TEXT, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(DOC_STATE, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(DOC_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        th.setStretchLastSection(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        font = u.timerLabel.font()
        font.setPointSize(36)
        font.setBold(True)
        u.timerLabel.setFont(font)
        u.invoiceVinEdit.setPlaceholderText(self.tr("as printed on the invoice"))
        u.invoiceEngineEdit.setPlaceholderText(self.tr("as printed on the invoice"))
        u.deliverButton.setStyleSheet(
            "QPushButton { background: #2e7d32; color: white; font-weight: bold; font-size: 11pt;"
            " padding: 4px 18px; border-radius: 4px; }"
            " QPushButton:disabled { background: #c8d3c8; color: #f5f5f5; }"
        )
        u.shortGroup.setVisible(self.can_reopen)
        u.reopenButton.setEnabled(self.can_reopen)
        if not self.can_reopen:
            u.reopenButton.setToolTip(self.tr("Only a manager can reopen a delivered record."))
        u.recordPrintButton.setToolTip(
            self.tr("The delivery record (交车确认单) on A4 with signature boxes")
        )

    def _connect(self) -> None:
        u = self.ui
        self.pdi.sig_note_edited.connect(self._note_edited)
        u.passButton.clicked.connect(lambda: self.set_result(ItemResult.PASS))
        u.failButton.clicked.connect(lambda: self.set_result(ItemResult.FAIL))
        u.naButton.clicked.connect(lambda: self.set_result(ItemResult.NOT_APPLICABLE))
        u.sectionPassButton.clicked.connect(self.section_all_pass)
        u.photoButton.clicked.connect(self.add_photo)
        u.signButton.clicked.connect(self.sign_off)
        u.invoiceVinEdit.textChanged.connect(lambda _t: self.check_invoice())
        u.invoiceEngineEdit.textChanged.connect(lambda _t: self.check_invoice())
        u.invoiceVinEdit.editingFinished.connect(self.save_invoice)
        u.invoiceEngineEdit.editingFinished.connect(self.save_invoice)
        u.startButton.clicked.connect(self.start_explanation)
        u.stopButton.clicked.connect(self.stop_explanation)
        u.acceptShortButton.clicked.connect(self.accept_short)
        u.deliverButton.clicked.connect(self.mark_delivered)
        u.reopenButton.clicked.connect(self.reopen)
        u.recordPrintButton.clicked.connect(self.print_record)
        u.pdiView.selectionModel().currentRowChanged.connect(lambda *_: self._update_pdi_buttons())

    # -- loading -------------------------------------------------------------------------

    def open(self, delivery_id: str) -> None:
        if delivery_id != self.delivery_id:
            self.pdi.marked.clear()
            self._focus_code = None
        self.delivery_id = delivery_id
        self.reload()

    def reload(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        self._generation += 1
        generation = self._generation
        service = self.service
        (
            Operation(lambda: service.open(did))
            .success(lambda f: self.show_file(f) if generation == self._generation else None)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    @property
    def delivery(self) -> Delivery | None:
        return self.file.delivery if self.file else None

    @property
    def delivered(self) -> bool:
        d = self.delivery
        return d is not None and d.status == DeliveryStatus.DELIVERED

    def show_file(self, file: DeliveryFile) -> None:
        self.file = file
        d = file.delivery
        self.delivery_id = d.id
        self._filling = True
        try:
            self.setEnabled(True)
            self._show_header(d)
            self._show_pdi(d)
            self._show_documents(d)
            self._show_explanation(file)
            self.history.set_rows(file.events)
            self.tasks.set_rows(file.tasks)
            u = self.ui
            u.tabs.setTabText(
                u.tabs.indexOf(u.historyTab), self.tr("History ({n})").format(n=len(file.events))
            )
            u.tabs.setTabText(
                u.tabs.indexOf(u.followUpsTab),
                self.tr("Follow-ups ({n})").format(n=len(file.tasks)),
            )
            self._show_blockers(file)
            self._set_editable()
        finally:
            self._filling = False

    def _show_header(self, d: Delivery) -> None:
        u = self.ui
        u.numberLabel.setText(d.number)
        u.statusLabel.setText(tr_label(DELIVERY_STATUS_LABELS[d.status]))
        u.statusLabel.setStyleSheet(pill_style(d.status))
        u.plannedLabel.setText(
            self.tr("Planned {when}").format(
                when=QLocale().toString(
                    QDate(d.planned_at.year, d.planned_at.month, d.planned_at.day), "yyyy-MM-dd ddd"
                )
                + f" {d.planned_at:%H:%M}"
            )
        )
        u.customerLabel.setText(d.customer_name)
        u.phoneLabel.setText(d.phone or "—")
        u.plateLabel.setText(format_plate(d.plate) if d.plate else self.tr("no plate yet"))
        u.modelLabel.setText(d.model_name + ("  " + self.tr("(NEV)") if d.nev else ""))
        u.vinLabel.setText(d.vin)
        people = [self.tr("Sales: {name}").format(name=d.sales_name)] if d.sales_name else []
        if d.specialist_name:
            people.append(self.tr("Delivery: {name}").format(name=d.specialist_name))
        u.peopleLabel.setText(" · ".join(people) or "—")

    # -- PDI -----------------------------------------------------------------------------

    def _show_pdi(self, d: Delivery) -> None:
        view = self.ui.pdiView
        current = self.pdi.item_at(view.currentIndex().row())
        keep = self._focus_code or (current.code if current else None)
        column = view.currentIndex().column() if view.currentIndex().isValid() else 0
        self.pdi.set_items(d.items, editable=self.can_inspect and not self.delivered)
        for row in self.pdi.header_rows():
            view.setSpan(row, 0, 1, PdiModel.PHOTOS + 1)
        row = self.pdi.row_of(keep) if keep else -1
        if row < 0:
            row = self.pdi.next_item_row(-1)
        if 0 <= row < self.pdi.rowCount():
            view.setCurrentIndex(self.pdi.index(row, max(column, 0)))
        self._focus_code = None
        u = self.ui
        if d.pdi_signed_by:
            u.signedLabel.setText(
                "<span style='color:{c}'>✔ {t}</span>".format(
                    c=OK_COLOUR,
                    t=_html(
                        self.tr("Signed off by {name}, {when}").format(
                            name=d.pdi_signed_name, when=local_time(d.pdi_signed_at)
                        )
                    ),
                )
            )
        else:
            u.signedLabel.setText(
                f"<span style='color:{MUTED_COLOUR}'>{_html(self.tr('Not signed off yet'))}</span>"
            )
        items = d.items
        failed = sum(1 for i in items if i.result == ItemResult.FAIL)
        done = sum(1 for i in items if i.result != ItemResult.OPEN)
        title = self.tr("PDI {done}/{n}").format(done=done, n=len(items))
        if failed:
            title += " ✖"
        u.tabs.setTabText(u.tabs.indexOf(u.pdiTab), title)

    def selected_codes(self) -> list[str]:
        view = self.ui.pdiView
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        codes = []
        for row in rows:
            item = self.pdi.item_at(row)
            if item is not None:
                codes.append(item.code)
        return codes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """P / F / N set the result of the selected items, Space moves to the next result,
        X marks an exception for "All pass"; after P/F/N the cursor moves to the next item."""
        if watched is self.ui.pdiView and event.type() == QEvent.Type.KeyPress:
            view = self.ui.pdiView
            if view.state() != QAbstractItemView.State.EditingState and isinstance(
                event, QKeyEvent
            ):
                mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                if mods == Qt.KeyboardModifier.NoModifier and self._pdi_key(event.key()):
                    return True
        return super().eventFilter(watched, event)

    def _pdi_key(self, key: int) -> bool:
        result = RESULT_KEYS.get(Qt.Key(key)) if key in RESULT_KEYS else None
        view = self.ui.pdiView
        current = self.pdi.item_at(view.currentIndex().row())
        if result is not None:
            several = len(self.selected_codes()) > 1
            if not several and current is not None:
                nxt = self.pdi.item_at(self.pdi.next_item_row(view.currentIndex().row()))
                self._focus_code = nxt.code if nxt else None
            self.set_result(result)
            return True
        if key == Qt.Key.Key_Space and current is not None:
            self._focus_code = current.code
            self.set_result(CYCLE[current.result], [current.code])
            return True
        if key == Qt.Key.Key_X and current is not None:
            self.pdi.toggle_mark(current.code)
            return True
        return False

    def set_result(self, result: ItemResult, codes: list[str] | None = None) -> None:
        did = self.delivery_id
        codes = codes if codes is not None else self.selected_codes()
        if did is None or not codes or not self.pdi.editable:
            return
        service = self.service
        notes = {i.code: "" for i in self.pdi.items()}

        def work() -> None:
            for code in codes:
                service.set_item(did, code, result, notes.get(code, ""))

        self._change(work)

    def _note_edited(self, code: str, note: str) -> None:
        did = self.delivery_id
        item = next((i for i in self.pdi.items() if i.code == code), None)
        if did is None or item is None or not note:
            return
        result, service = item.result, self.service
        self._focus_code = code
        self._change(lambda: service.set_item(did, code, result, note))

    def section_all_pass(self) -> None:
        """Pass every unchecked item of the current section except the marked ones."""
        did = self.delivery_id
        section = self.pdi.section_at(self.ui.pdiView.currentIndex().row())
        if did is None or section is None:
            return
        exceptions = {
            i.code for i in self.pdi.items() if i.section == section and i.code in self.pdi.marked
        }
        service = self.service
        self._change(lambda: service.all_pass(did, section, exceptions))
        self.sig_status.emit(
            self.tr("“{section}”: all passed except {n} marked.").format(
                section=self.pdi.section_title(section), n=len(exceptions)
            )
        )

    def choose_photo(self) -> Path | None:
        """The photo file to attach; None when the person cancels (patched in tests)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a photo"),
            "",
            self.tr("Photos (*.jpg *.jpeg *.png);;All files (*)"),
        )
        return Path(name) if name else None

    def add_photo(self) -> None:
        did = self.delivery_id
        item = self.pdi.item_at(self.ui.pdiView.currentIndex().row())
        if did is None or item is None:
            self.dialogs.info(self, self.tr("Add a photo"), self.tr("Choose a checklist item."))
            return
        path = self.choose_photo()
        if path is None:
            return
        code, service = item.code, self.service
        self._focus_code = code

        def work() -> DeliveryFile:
            service.add_photo(did, code, path)
            return service.open(did)

        (
            Operation(work)
            .success(self._changed)
            .failure(lambda e: self.dialogs.warning(self, self.tr("Photo not added"), tr_error(e)))
            .run_in_background(self.runner)
        )

    def sign_off(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        service = self.service
        self._change(lambda: service.sign_pdi(did), title=self.tr("PDI not signed off"))

    def _update_pdi_buttons(self) -> None:
        u = self.ui
        editable = self.pdi.editable and self.file is not None
        has_item = self.pdi.item_at(u.pdiView.currentIndex().row()) is not None
        for button in (u.passButton, u.failButton, u.naButton, u.photoButton):
            button.setEnabled(editable and has_item)
        u.sectionPassButton.setEnabled(editable)
        u.signButton.setEnabled(editable)

    # -- documents and invoice -----------------------------------------------------------

    def _doc_text(self, doc: DocumentLine) -> str:
        return doc.text_zh if ui_language() == "zh_CN" else doc.text_en

    def _show_documents(self, d: Delivery) -> None:
        table = self.ui.documentsTable
        codes = [doc.code for doc in d.documents]
        if [self._doc_code(r) for r in range(table.rowCount())] != codes:
            self._build_documents(d.documents)
        for row, doc in enumerate(d.documents):
            item = table.item(row, DOC_TEXT)
            if item is None:
                continue
            missing = doc.required and doc.state == Handover.OPEN
            text = self._doc_text(doc)
            if not doc.required:
                text += "  " + self.tr("(if any)")
            item.setText(("✔ " if doc.state != Handover.OPEN else "○ ") + text)
            colour = (
                PROBLEM_COLOUR
                if missing
                else OK_COLOUR
                if doc.state != Handover.OPEN
                else MUTED_COLOUR
            )
            item.setForeground(QBrush(QColor(colour)))
            combo = table.cellWidget(row, DOC_STATE)
            if isinstance(combo, QComboBox):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(doc.state.value), 0))
                combo.blockSignals(False)
            spin = table.cellWidget(row, DOC_COUNT)
            if isinstance(spin, QSpinBox):
                spin.blockSignals(True)
                spin.setValue(doc.count or 0)
                spin.blockSignals(False)
            note = table.cellWidget(row, DOC_NOTE)
            if isinstance(note, QLineEdit) and not note.hasFocus():
                note.setText(doc.note)
        u = self.ui
        for edit, value in (
            (u.invoiceVinEdit, d.invoice_vin),
            (u.invoiceEngineEdit, d.invoice_engine),
        ):
            if not edit.hasFocus() or not edit.text():
                edit.blockSignals(True)
                edit.setText(value)
                edit.blockSignals(False)
        self.check_invoice()
        done = sum(1 for doc in d.documents if doc.state != Handover.OPEN)
        u.tabs.setTabText(
            u.tabs.indexOf(u.documentsTab),
            self.tr("Documents {done}/{n}").format(done=done, n=len(d.documents)),
        )

    def _doc_code(self, row: int) -> str | None:
        item = self.ui.documentsTable.item(row, DOC_TEXT)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _build_documents(self, documents: list[DocumentLine]) -> None:
        table = self.ui.documentsTable
        table.setRowCount(len(documents))
        kinds = {k.code: k for k in DOCUMENTS}
        for row, doc in enumerate(documents):
            item = QTableWidgetItem(self._doc_text(doc))
            item.setData(Qt.ItemDataRole.UserRole, doc.code)
            item.setToolTip(doc.text_en if ui_language() == "zh_CN" else doc.text_zh)
            table.setItem(row, DOC_TEXT, item)
            combo = QComboBox()
            kind = kinds.get(doc.code)
            for state in Handover:
                if state == Handover.HELD_BY_LENDER and not (kind and kind.lender_may_hold):
                    continue
                combo.addItem(tr_label(HANDOVER_LABELS[state]), state.value)
            combo.currentIndexChanged.connect(lambda _i, code=doc.code: self.save_document(code))
            table.setCellWidget(row, DOC_STATE, combo)
            if doc.code == "keys":
                spin = QSpinBox()
                spin.setRange(0, 9)
                spin.setSuffix(" " + self.tr("keys"))
                spin.valueChanged.connect(lambda _v, code=doc.code: self.save_document(code))
                table.setCellWidget(row, DOC_COUNT, spin)
            else:
                table.setItem(row, DOC_COUNT, QTableWidgetItem(""))
            note = QLineEdit()
            note.setFrame(False)
            note.setPlaceholderText(self.tr("note"))
            note.editingFinished.connect(lambda code=doc.code: self.save_document(code))
            table.setCellWidget(row, DOC_NOTE, note)

    def document_widgets(self, code: str) -> tuple[QComboBox, QLineEdit, QSpinBox | None]:
        """The state combo, note field and (keys) count spin of a document line."""
        table = self.ui.documentsTable
        for row in range(table.rowCount()):
            if self._doc_code(row) == code:
                combo = table.cellWidget(row, DOC_STATE)
                note = table.cellWidget(row, DOC_NOTE)
                spin = table.cellWidget(row, DOC_COUNT)
                assert isinstance(combo, QComboBox) and isinstance(note, QLineEdit)
                return combo, note, spin if isinstance(spin, QSpinBox) else None
        raise KeyError(code)

    def save_document(self, code: str) -> None:
        if self._filling or self.delivery_id is None or self.delivery is None:
            return
        combo, note, spin = self.document_widgets(code)
        state = Handover(str(combo.currentData()))
        count = spin.value() if spin is not None else None
        text = note.text()
        before = next((x for x in self.delivery.documents if x.code == code), None)
        if before is not None and (before.state, before.note, before.count) == (
            state,
            text.strip(),
            count if count is not None else before.count,
        ):
            return
        did, service = self.delivery_id, self.service
        self._change(lambda: service.set_document(did, code, state, text, count))

    def check_invoice(self) -> tuple[bool | None, bool | None]:
        """Compare the invoice's VIN and engine number with the car as they are typed:
        None (nothing typed), True (matches, green tick) or False (red cross)."""
        d = self.delivery
        u = self.ui
        vin = normalise_vin(u.invoiceVinEdit.text())
        engine = u.invoiceEngineEdit.text().strip().upper()
        vin_ok = None if not vin or d is None else vin == d.vin.upper()
        engine_ok = (
            None if not engine or d is None or not d.engine_no else engine == d.engine_no.upper()
        )
        car_vin = d.vin if d else ""
        car_engine = d.engine_no if d else ""
        self._show_check(u.vinCheckLabel, vin_ok, car_vin)
        self._show_check(u.engineCheckLabel, engine_ok, car_engine)
        return vin_ok, engine_ok

    def _show_check(self, label: Any, ok: bool | None, car: str) -> None:
        if ok is None:
            text = self.tr("The car: {value}").format(value=car or "—")
            label.setText(f"<span style='color:{MUTED_COLOUR}'>{_html(text)}</span>")
        elif ok:
            text = self.tr("matches the car")
            label.setText(
                f"<span style='color:{OK_COLOUR}; font-weight:600'>✔ {_html(text)}</span>"
            )
        else:
            text = self.tr("does not match the car ({value})").format(value=car)
            label.setText(
                f"<span style='color:{PROBLEM_COLOUR}; font-weight:600'>✖ {_html(text)}</span>"
            )
        label.setProperty("ok", ok)

    def save_invoice(self) -> None:
        d = self.delivery
        if self._filling or d is None or self.delivered:
            return
        u = self.ui
        vin, engine = u.invoiceVinEdit.text(), u.invoiceEngineEdit.text()
        if normalise_vin(vin) == d.invoice_vin and engine.strip().upper() == d.invoice_engine:
            return
        did, service = self.delivery_id or "", self.service
        self._change(lambda: service.set_invoice(did, vin, engine))

    # -- explanation ---------------------------------------------------------------------

    def _show_explanation(self, file: DeliveryFile) -> None:
        d = file.delivery
        layout = self.ui.topicsLayout
        codes = [t[0] for t in file.topics]
        if list(self._topic_boxes) != codes:
            for box in self._topic_boxes.values():
                layout.removeWidget(box)
                box.deleteLater()
            self._topic_boxes = {}
            for position, (code, zh, en) in enumerate(file.topics):
                box = QCheckBox(zh if ui_language() == "zh_CN" else en)
                box.setToolTip(en if ui_language() == "zh_CN" else zh)
                box.toggled.connect(lambda _on: self.save_topics())
                layout.insertWidget(position, box)
                self._topic_boxes[code] = box
        for code, box in self._topic_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in d.topics_done)
            box.blockSignals(False)
        done = sum(1 for c in codes if c in d.topics_done)
        u = self.ui
        u.topicsGroup.setTitle(
            self.tr("Topics covered ({done}/{n})").format(done=done, n=len(codes))
        )
        self.update_timer()

    def running(self) -> bool:
        d = self.delivery
        return d is not None and bool(d.explanation_started_at) and not d.explanation_ended_at

    def elapsed(self) -> dt.timedelta | None:
        d = self.delivery
        if d is None or not d.explanation_started_at:
            return None
        if d.explanation_ended_at:
            return d.explanation
        now = self.service.now().astimezone(dt.UTC)
        return now - _utc(d.explanation_started_at)

    def update_timer(self) -> None:
        """mm:ss of the explanation; orange and a warning while under 30 minutes, red when it
        was stopped too soon, green from 30 minutes."""
        d = self.delivery
        u = self.ui
        span = self.elapsed()
        running = self.running()
        if running and not self._timer.isActive():
            self._timer.start()
        elif not running and self._timer.isActive():
            self._timer.stop()
        u.timerLabel.setText(mmss(span) if span is not None else "00:00")
        short = span is not None and span < MIN_EXPLANATION
        accepted = d is not None and bool(d.short_reason)
        if span is None:
            colour, text, level = MUTED_COLOUR, self.tr("Not started yet."), "none"
        elif running and short:
            left = int((MIN_EXPLANATION - span).total_seconds() // 60) + 1
            colour, level = WARN_COLOUR, "warn"
            text = self.tr(
                "Under 30 minutes so far: keep explaining (about {n} minutes to go)."
            ).format(n=left)
        elif short and accepted:
            colour, level = WARN_COLOUR, "accepted"
            text = self.tr("Shorter explanation accepted by a manager: {reason}").format(
                reason=d.short_reason if d else ""
            )
        elif short:
            colour, level = PROBLEM_COLOUR, "short"
            text = self.tr(
                "Only {n} minutes: at least 30 are required. Restart the timer, or ask a "
                "manager to accept the shorter explanation."
            ).format(n=int(span.total_seconds() // 60))
        elif running:
            colour, level = OK_COLOUR, "ok"
            text = self.tr("30 minutes reached: stop the timer when the explanation is done.")
        else:
            colour, level = OK_COLOUR, "ok"
            text = self.tr("✔ Explained for {n} minutes.").format(n=int(span.total_seconds() // 60))
        u.timerLabel.setStyleSheet(f"color: {colour};")
        u.timerWarningLabel.setText(
            f"<span style='color:{colour}; font-weight:600'>{_html(text)}</span>"
        )
        u.timerWarningLabel.setProperty("level", level)
        editable = self.can_deliver and not self.delivered and d is not None
        u.startButton.setEnabled(editable and not running)
        u.startButton.setText(self.tr("Restart") if span is not None else self.tr("Start"))
        u.stopButton.setEnabled(editable and running)
        can_accept = editable and self.can_reopen and short and not running and not accepted
        u.shortReasonEdit.setEnabled(can_accept)
        u.acceptShortButton.setEnabled(can_accept)

    def save_topics(self) -> None:
        did = self.delivery_id
        if self._filling or did is None:
            return
        done = [code for code, box in self._topic_boxes.items() if box.isChecked()]
        service = self.service
        self._change(lambda: service.set_topics(did, done))

    def start_explanation(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        if self.elapsed() is not None and not self.dialogs.ask_confirm(
            self,
            self.tr("Handover explanation"),
            self.tr("Start the timer again? The time measured so far is replaced."),
        ):
            return
        service = self.service
        self._change(lambda: service.start_explanation(did))

    def stop_explanation(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        service = self.service
        self._change(lambda: service.stop_explanation(did))

    def accept_short(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        reason, service = self.ui.shortReasonEdit.text(), self.service
        self._change(lambda: service.accept_short_explanation(did, reason))

    # -- delivered -----------------------------------------------------------------------

    def _show_blockers(self, file: DeliveryFile) -> None:
        d = file.delivery
        label = self.ui.blockersLabel
        if d.status == DeliveryStatus.DELIVERED:
            text = self.tr("Delivered {when} by {who}. The record is closed.").format(
                when=local_time(d.delivered_at),
                who=next(
                    (e.actor_name for e in reversed(file.events) if e.kind == "delivered"), ""
                ),
            )
            label.setText(
                f"<span style='color:{OK_COLOUR}; font-weight:600'>✔ {_html(text)}</span>"
            )
            label.setToolTip("")
            return
        if not file.blockers:
            text = self.tr("Everything is ready: the car can be marked delivered.")
            label.setText(
                f"<span style='color:{OK_COLOUR}; font-weight:600'>✔ {_html(text)}</span>"
            )
            label.setToolTip("")
            return
        lines = [blocker_text(f) for f in file.blockers]
        head = self.tr("{n} things still missing before delivery:").format(n=len(lines))
        shown = "; ".join(lines[:2]) + ("; …" if len(lines) > 2 else "")
        label.setText(
            f"<span style='color:{PROBLEM_COLOUR}; font-weight:600'>✖ {_html(head)}</span> "
            f"<span style='color:#52606d'>{_html(shown)}</span>"
        )
        label.setToolTip("\n".join("• " + x for x in lines))

    def _set_editable(self) -> None:
        u = self.ui
        delivered = self.delivered
        open_record = not delivered
        u.documentsTable.setEnabled(open_record and self.can_deliver)
        u.invoiceGroup.setEnabled(open_record and self.can_deliver)
        u.topicsGroup.setEnabled(open_record and self.can_deliver)
        u.deliverButton.setVisible(open_record)
        u.deliverButton.setEnabled(open_record and self.can_deliver)
        u.reopenButton.setVisible(delivered)
        self._update_pdi_buttons()

    def mark_delivered(self) -> None:
        did = self.delivery_id
        if did is None or self.delivered:
            return
        service = self.service

        def work() -> DeliveryFile:
            service.deliver(did)
            return service.open(did)

        (
            Operation(work)
            .success(self._delivered)
            .failure(self._deliver_refused)
            .run_in_background(self.runner)
        )

    def _delivered(self, file: DeliveryFile) -> None:
        self._changed(file)
        self.sig_status.emit(
            self.tr("{number} delivered; {n} follow-ups created.").format(
                number=file.delivery.number, n=len(file.tasks)
            )
        )

    def _deliver_refused(self, error: BaseException) -> None:
        title = self.tr("Not delivered yet")
        if isinstance(error, DeliveryBlocked):
            self.dialogs.warning(self, title, self.blocked_text(error))
            self.reload()
            return
        self._failed(error, title)

    def blocked_text(self, error: DeliveryBlocked) -> str:
        lines = [tr_error(error), ""]
        lines += ["• " + blocker_text(f) for f in error.findings]
        return "\n".join(lines)

    def reopen(self) -> None:
        did = self.delivery_id
        if did is None or not self.delivered:
            return
        title = self.tr("Reopen the delivery record")
        if not self.can_reopen:
            self.dialogs.warning(
                self, title, self.tr("Only a manager can reopen a delivered record.")
            )
            return
        reason = self.dialogs.ask_text(
            self,
            self.tr("Reopen the delivery record"),
            self.tr("Why must the delivered record be changed? (recorded)"),
        )
        if reason is None:
            return
        if not reason.strip():
            self.dialogs.warning(
                self,
                title,
                self.tr("Reopening a delivered record needs a reason, which is recorded."),
            )
            return
        service = self.service
        self._change(lambda: service.reopen(did, reason), title=title)

    # -- printing ------------------------------------------------------------------------

    def print_record(self) -> None:
        did = self.delivery_id
        if did is None:
            return
        title = self.tr("Print")
        try:
            from ...services.delivery_documents import print_delivery  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing delivery records is not available in this version.")
            )
            return
        db, session, lang, folder = (
            self.service.db,
            self.service.session,
            ui_language(),
            (data_dir() / "prints"),
        )
        (
            Operation(lambda: print_delivery(db, session, did, lang, folder))
            .success(self._printed)
            .failure(lambda e: self._failed(e, title))
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self.sig_status.emit(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    # -- history -------------------------------------------------------------------------

    def describe_event(self, e: DeliveryEventView) -> str:
        texts: dict[str, Callable[[], str]] = {
            "planned": lambda: self.tr("Planned for {when}").format(when=e.detail),
            "call": lambda: self.tr("Day-before call: {note}").format(note=e.detail),
            "pdi_signed": lambda: self.tr("PDI signed off"),
            "explanation_started": lambda: self.tr("Explanation timer started"),
            "explanation_stopped": lambda: self.tr("Explanation timer stopped ({detail})").format(
                detail=e.detail
            ),
            "short_explanation_accepted": lambda: self.tr(
                "Shorter explanation accepted: {reason}"
            ).format(reason=e.detail),
            "delivered": lambda: self.tr("Delivered"),
            "reopened": lambda: self.tr("Reopened: {reason}").format(reason=e.detail),
            "changed_after_delivery": lambda: self.tr("Changed after delivery: {detail}").format(
                detail=e.detail
            ),
        }
        text = texts.get(e.kind)
        return text() if text else f"{e.kind} {e.detail}".strip()

    def _task_title(self, t: tuple[str, str, str, str]) -> str:
        try:
            return tr_label(FOLLOW_UP_LABELS[FollowUp(t[0])])
        except ValueError:
            return t[0]

    # -- the common path of every change --------------------------------------------------

    def _change(self, fn: Callable[[], object], title: str | None = None) -> None:
        """Run a change, then show the whole record as the service has it now."""
        did = self.delivery_id
        if did is None:
            return
        service = self.service

        def work() -> DeliveryFile:
            fn()
            return service.open(did)

        (
            Operation(work)
            .success(self._changed)
            .failure(lambda e: self._change_refused(e, title))
            .run_in_background(self.runner)
        )

    def _changed(self, file: DeliveryFile) -> None:
        self._generation += 1
        self.show_file(file)
        if file.delivery.id:
            self.sig_changed.emit(file.delivery.id)

    def _change_refused(self, error: BaseException, title: str | None) -> None:
        title = title or self.tr("Not changed")
        if isinstance(error, DeliveryBlocked):
            self.dialogs.warning(self, title, self.blocked_text(error))
        else:
            self.dialogs.warning(self, title, tr_error(error))
        self.reload()  # show what is really stored (an optimistic note, say)

    def _failed(self, error: BaseException, title: str | None = None) -> None:
        self.dialogs.error(self, title or self.tr("Delivery record"), tr_error(error))
