"""The call-outcome dialog: who is called about what, the calls so far, and what happened —
reached (satisfaction, what dissatisfied, service type, mileage, book an appointment now),
not reached (the reason, with the three-attempt rule shown in place; after the third call the
SMS or message and the failure record), or do-not-contact with its required reason.

A refusal names the field and keeps everything typed. The dialog says what it recorded with
two signals: ``sig_changed`` (the dialog stays open after the last call or the message: the
list refreshes its attempts) and ``sig_done`` (the agent is done with the task for now: the
worklist refreshes and moves on to the next one).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ...domain.care import (
    DAYPART_LABELS,
    DNC_OF,
    GRIEVANCE_LABELS,
    SATISFACTION_LABELS,
    UNREACHED_LABELS,
    Attempt,
    AttemptRefused,
    CareKind,
    CareRules,
    Grievance,
    Outcome,
    Satisfaction,
    ServiceType,
    Unreached,
    attempts_spent,
    check_attempt,
    daypart,
    fallback_channel,
)
from ...domain.customers import CONTACT_TASK_LABELS
from ...domain.errors import DomainError
from ...services.care import CareService, WorkItem
from ...services.errors import StorageEnvironmentError
from ..forms.ui_care_outcome_dialog import Ui_OutcomeDialog
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid
from .models import AttemptsModel, detail_text, kind_text, overdue_days, plate_text

FAILURE_REASONS = (Unreached.WRONG_NUMBER, Unreached.REFUSED, Unreached.OTHER)
MAINTENANCE_KINDS = (CareKind.FIRST_MAINTENANCE, CareKind.REGULAR_MAINTENANCE)
RULE_COLOUR = "#486581"
REFUSED_COLOUR = "#b00020"


def group_error_style(group: QGroupBox) -> str:
    """A refused group of choices: the box outlined and its title red, the choices inside
    left as they are (a plain border style would outline every check box in it)."""
    name = group.objectName()
    return (
        f"QGroupBox#{name} {{ border: 2px solid {REFUSED_COLOUR}; border-radius: 4px;"
        " margin-top: 14px; padding-top: 4px; }"
        f" QGroupBox#{name}::title {{ subcontrol-origin: margin; left: 8px; padding: 0 3px;"
        f" color: {REFUSED_COLOUR}; font-weight: 600; }}"
    )


@dataclass(frozen=True)
class TaskFile:
    """What the dialog shows, read in one go."""

    task: WorkItem
    attempts: list[Attempt]
    rules: CareRules


def load_task(service: CareService, task_id: str) -> TaskFile:
    return TaskFile(service.task(task_id), service.attempts(task_id), service.rules())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _calls(attempts: list[Attempt]) -> list[Attempt]:
    """The unanswered calls the three-attempt rule counts."""
    return [a for a in attempts if a.channel == "call" and not a.reached]


class OutcomeDialog(QDialog):
    sig_changed = Signal(str)  # task id: an attempt or the message recorded, task still open
    sig_done = Signal(str, object, str)  # task id, OutcomeResult or None, what was recorded

    REACHED, UNREACHED, DNC = range(3)

    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        task_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.task_id = task_id
        self.ui = Ui_OutcomeDialog()
        self.ui.setupUi(self)
        self.task: WorkItem | None = None
        self.attempts: list[Attempt] = []
        self.rules = CareRules()
        self.ready = False
        self.history = AttemptsModel(self)
        self.satisfaction_group = QButtonGroup(self)
        self.satisfaction_radios: dict[Satisfaction, QRadioButton] = {}
        self.grievance_checks: dict[Grievance, QCheckBox] = {}
        self.mode_group = QButtonGroup(self)
        self._setup()
        self._connect()
        self.reload()

    # -- set-up --------------------------------------------------------------------------

    def _setup(self) -> None:
        u = self.ui
        u.historyView.setModel(self.history)
        u.historyView.verticalHeader().setVisible(False)
        header = u.historyView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        u.historyView.verticalHeader().setDefaultSectionSize(22)
        for n, level in enumerate(Satisfaction, start=1):
            radio = QRadioButton(f"&{n}  {tr_label(SATISFACTION_LABELS[level])}")
            radio.setToolTip(self.tr("Alt+{n}").format(n=n))
            self.satisfaction_group.addButton(radio, n)
            self.satisfaction_radios[level] = radio
            u.satisfactionLayout.addWidget(radio)
        u.satisfactionLayout.addStretch(1)
        for n, grievance in enumerate(Grievance):
            check = QCheckBox(tr_label(GRIEVANCE_LABELS[grievance]))
            self.grievance_checks[grievance] = check
            u.grievanceLayout.addWidget(check, n // 3, n % 3)
        u.serviceTypeCombo.addItem(self.tr("— not asked"), None)
        u.serviceTypeCombo.addItem(self.tr("Maintenance"), ServiceType.MAINTENANCE.value)
        u.serviceTypeCombo.addItem(self.tr("Repair"), ServiceType.REPAIR.value)
        for reason in Unreached:
            u.reasonCombo.addItem(tr_label(UNREACHED_LABELS[reason]), reason.value)
        for reason in FAILURE_REASONS:
            u.failureCombo.addItem(tr_label(UNREACHED_LABELS[reason]), reason.value)
        # after three unanswered calls and the message, "other" is the usual case
        u.failureCombo.setCurrentIndex(u.failureCombo.findData(Unreached.OTHER.value))
        for n, button in enumerate((u.reachedButton, u.unreachedButton, u.dncButton)):
            self.mode_group.addButton(button, n)
        u.reachedButton.setChecked(True)
        u.fallbackGroup.hide()
        self.save_button.setDefault(True)
        self.setEnabled(False)  # until the task is read

    def _connect(self) -> None:
        u = self.ui
        self.mode_group.idToggled.connect(lambda _id, on: self._mode_changed() if on else None)
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        u.sendButton.clicked.connect(self.send_fallback)
        u.failButton.clicked.connect(self.record_failure)
        u.reasonCombo.currentIndexChanged.connect(lambda _i: self._clear_marks())
        self.satisfaction_group.idToggled.connect(lambda _id, _on: self._clear_marks())
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)

    @property
    def save_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def _groups(self) -> list[QGroupBox]:
        return [self.ui.satisfactionGroup, self.ui.grievanceGroup]

    def _fields(self) -> list[QWidget]:
        u = self.ui
        return [
            u.noteEdit,
            u.mileageEdit,
            u.reasonCombo,
            u.dncReasonEdit,
            u.fallbackEdit,
            u.failureCombo,
        ]

    def _clear_marks(self) -> None:
        self._mark(None)
        self.ui.errorLabel.setText("")

    def _mark(self, bad: QWidget | None) -> None:
        """Outline the refused field (or group of choices) and clear the earlier marks."""
        groups = self._groups()
        for group in groups:
            group.setStyleSheet(group_error_style(group) if group is bad else "")
        mark_invalid(self._fields(), None if bad in groups else bad)
        if isinstance(bad, QGroupBox):
            choices = bad.findChildren(QAbstractButton)
            if choices:
                choices[0].setFocus()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        service, task_id = self.service, self.task_id
        (
            Operation(lambda: load_task(service, task_id))
            .success(self._loaded)
            .failure(self._load_failed)
            .run_in_background(self.runner)
        )

    def _load_failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))
        if not self.ready:
            self.reject()

    def _loaded(self, file: TaskFile) -> None:
        first = not self.ready
        self.task, self.attempts, self.rules = file.task, file.attempts, file.rules
        self.ready = True
        self.setEnabled(True)
        self._show_task(file.task)
        self._show_history(file.attempts)
        self.ui.historyCaption.setText(
            self.tr("Calls so far: {n}").format(n=len(_calls(file.attempts)))
            if file.attempts
            else self.tr("No calls yet.")
        )
        if first:
            self._prefill(file.task)
            if attempts_spent(file.attempts, file.rules):
                self.ui.unreachedButton.setChecked(True)
        self._mode_changed()

    def _show_history(self, attempts: list[Attempt]) -> None:
        self.history.set_rows(attempts)
        self.ui.historyView.scrollToBottom()  # the latest attempt in sight

    def _show_task(self, t: WorkItem) -> None:
        u = self.ui
        self.setWindowTitle(
            self.tr("Call outcome — {kind}: {name}").format(
                kind=kind_text(t.kind), name=t.customer_name
            )
        )
        car = "  ".join(x for x in (plate_text(t.plate), t.model_name) if x)
        u.customerLabel.setText(
            f"<span style='font-size:15pt; font-weight:600'>{_html(t.customer_name)}</span>"
            f"&nbsp;&nbsp;<span style='font-size:15pt; color:#1c4f8f'>{_html(t.phone)}</span>"
            f"&nbsp;&nbsp;&nbsp;<span style='font-size:11pt'>{_html(car)}</span>"
        )
        today = self.service.now().date()
        late = overdue_days(t, today)
        due = self.tr("due {day}").format(day=t.due.isoformat())
        if late:
            due += " · " + self.tr("overdue by {n} days").format(n=late)
        parts = [f"<b>{_html(kind_text(t.kind))}</b>", _html(detail_text(t)), _html(due)]
        if t.assigned_name:
            parts.append(_html(self.tr("assigned to {name}").format(name=t.assigned_name)))
        colour = REFUSED_COLOUR if late else RULE_COLOUR
        u.taskLabel.setText(
            f"<span style='color:{colour}'>" + " · ".join(p for p in parts if p) + "</span>"
        )
        dnc = DNC_OF.get(t.kind)
        if dnc is not None:
            u.dncKindRadio.setText(
                self.tr("Not about this: {what}").format(what=tr_label(CONTACT_TASK_LABELS[dnc]))
            )
            u.dncKindRadio.setEnabled(True)
        else:
            u.dncKindRadio.setText(self.tr("A complaint callback is always made"))
            u.dncKindRadio.setEnabled(False)
            u.dncAllRadio.setChecked(True)

    def _prefill(self, t: WorkItem) -> None:
        u = self.ui
        if t.kind in MAINTENANCE_KINDS:
            u.serviceTypeCombo.setCurrentIndex(u.serviceTypeCombo.findData("maintenance"))
        required = t.kind is CareKind.SATISFACTION
        u.satisfactionGroup.setTitle(
            self.tr("Satisfaction (required)") if required else self.tr("Satisfaction")
        )
        u.fallbackEdit.setPlainText(self.fallback_text(t))

    def fallback_text(self, t: WorkItem) -> str:
        """The SMS (first maintenance) or message (others) after three calls, editable."""
        site = self.service.session.site
        car = plate_text(t.plate) or t.model_name
        if t.kind is CareKind.FIRST_MAINTENANCE:
            return self.tr(
                "Dear {name}, this is {site}. Your car {car} is due for its first maintenance "
                "by {due}. Please call {phone} to book a time that suits you."
            ).format(name=t.customer_name, site=site.name, car=car, due=t.due, phone=site.phone)
        return self.tr(
            "Dear {name}, this is {site}. We tried to call you about: {topic} ({car}). Please "
            "call us back at {phone} when convenient."
        ).format(
            name=t.customer_name, site=site.name, topic=kind_text(t.kind), car=car, phone=site.phone
        )

    # -- the three modes -----------------------------------------------------------------

    def mode(self) -> int:
        return max(0, self.mode_group.checkedId())

    def _mode_changed(self) -> None:
        u = self.ui
        mode = self.mode()
        u.stack.setCurrentIndex(mode)
        self._clear_marks()
        spent = attempts_spent(self.attempts, self.rules)
        if mode == self.REACHED:
            self.save_button.setText(self.tr("Save and close the task"))
            self.save_button.setVisible(True)
        elif mode == self.UNREACHED:
            self.save_button.setText(self.tr("Record the attempt"))
            self.save_button.setVisible(not spent)
            for widget in (
                u.reasonCaption,
                u.reasonCombo,
                u.unreachedNoteCaption,
                u.unreachedNoteEdit,
            ):
                widget.setVisible(not spent)
            self._show_rule()
            self._show_fallback(spent)
        else:
            self.save_button.setText(self.tr("Record do-not-contact"))
            self.save_button.setVisible(True)
        if self.ready:
            self._focus_mode(mode)

    def _focus_mode(self, mode: int) -> None:
        u = self.ui
        if mode == self.REACHED:
            checked = self.satisfaction_group.checkedButton()
            (checked or self.satisfaction_radios[Satisfaction.VERY_GOOD]).setFocus()
        elif mode == self.UNREACHED:
            if not attempts_spent(self.attempts, self.rules):
                u.reasonCombo.setFocus()
            elif u.failButton.isEnabled():  # the message is out: the failure record is next
                u.failureCombo.setFocus()
            else:
                u.fallbackEdit.setFocus()
        else:
            u.dncReasonEdit.setFocus()

    def _show_rule(self) -> None:
        """The three-attempt rule as it stands for a call now, in place."""
        calls = _calls(self.attempts)
        tried = ", ".join(
            f"{tr_label(DAYPART_LABELS[daypart(a.at)])} {a.at:%m-%d %H:%M}" for a in calls
        )
        if attempts_spent(self.attempts, self.rules):
            text = self.tr(
                "{n} calls have been tried ({tried}): send the message below, then record the "
                "task as unreachable."
            ).format(n=len(calls), tried=tried)
            colour = REFUSED_COLOUR
        else:
            now = self.service.now()
            try:
                check_attempt(self.attempts, now, self.rules)
            except AttemptRefused as refusal:
                text = tr_error(refusal)
                colour = REFUSED_COLOUR
            else:
                text = self.tr(
                    "This is call {k} of {n} ({part}). The rule: {n} calls at different times of "
                    "day within {days} days, then a message."
                ).format(
                    k=len(calls) + 1,
                    n=self.rules.attempts,
                    part=tr_label(DAYPART_LABELS[daypart(now)]),
                    days=self.rules.attempt_window_days,
                )
                if tried:
                    text += " " + self.tr("Tried so far: {tried}.").format(tried=tried)
                colour = RULE_COLOUR
        self.ui.ruleLabel.setText(f"<span style='color:{colour}'>{_html(text)}</span>")

    def _show_fallback(self, spent: bool) -> None:
        u = self.ui
        u.fallbackGroup.setVisible(spent)
        if not spent or self.task is None:
            return
        channel = fallback_channel(self.task.kind)
        sent = next((a for a in self.attempts if a.channel in ("sms", "message")), None)
        u.fallbackLabel.setText(
            self.tr("Send this SMS to {phone}:").format(phone=self.task.phone)
            if channel == "sms"
            else self.tr("Send this message to {phone} (WeChat or SMS):").format(
                phone=self.task.phone
            )
        )
        u.sendButton.setText(self.tr("&Send SMS") if channel == "sms" else self.tr("&Send message"))
        u.sendButton.setEnabled(sent is None)
        u.fallbackEdit.setReadOnly(sent is not None)
        u.sentLabel.setText(
            self.tr("✔ sent {when}").format(when=f"{sent.at:%m-%d %H:%M}") if sent else ""
        )
        u.failButton.setEnabled(sent is not None)
        u.failureCombo.setEnabled(sent is not None)
        u.failureNoteEdit.setEnabled(sent is not None)

    # -- recording -----------------------------------------------------------------------

    def save(self) -> None:
        if not self.ready or not self.save_button.isVisible():
            return
        mode = self.mode()
        if mode == self.REACHED:
            self.record_reached()
        elif mode == self.UNREACHED:
            self.record_unreached()
        else:
            self.record_dnc()

    def outcome(self) -> Outcome | None:
        """The reached page as an Outcome; None (with the field marked) if the mileage cannot
        be read."""
        u = self.ui
        level = next((s for s, r in self.satisfaction_radios.items() if r.isChecked()), None)
        grievances = frozenset(g for g, c in self.grievance_checks.items() if c.isChecked())
        raw = u.mileageEdit.text().strip()
        digits = raw.lower().replace(",", "").replace(" ", "").removesuffix("km")
        mileage: int | None = None
        if raw:
            if not digits.isdigit():
                self._refuse(
                    self.tr("“{text}” is not a mileage: type the kilometres as a number.").format(
                        text=raw
                    ),
                    u.mileageEdit,
                )
                return None
            mileage = int(digits)
        service_type = u.serviceTypeCombo.currentData()
        return Outcome(
            satisfaction=level,
            grievances=grievances,
            mileage_km=mileage,
            service_type=ServiceType(service_type) if service_type else None,
            wants_appointment=u.bookCheck.isChecked(),
            note=u.noteEdit.toPlainText().strip(),
        )

    def record_reached(self) -> None:
        self._clear_marks()
        outcome = self.outcome()
        if outcome is None:
            return
        service, task_id = self.service, self.task_id
        self._busy(True)
        (
            Operation(lambda: service.record_outcome(task_id, outcome))
            .success(lambda result: self._done(result, self._reached_summary(outcome)))
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _reached_summary(self, outcome: Outcome) -> str:
        if outcome.satisfaction is not None:
            return self.tr("Reached {name}: {level}.").format(
                name=self._name(), level=tr_label(SATISFACTION_LABELS[outcome.satisfaction])
            )
        return self.tr("Reached {name}.").format(name=self._name())

    def _name(self) -> str:
        return self.task.customer_name if self.task else ""

    def record_unreached(self) -> None:
        self._clear_marks()
        u = self.ui
        reason = Unreached(u.reasonCombo.currentData())
        note = u.unreachedNoteEdit.text().strip()
        service, task_id = self.service, self.task_id
        self._busy(True)
        (
            Operation(lambda: service.record_unreached(task_id, reason, note))
            .success(lambda attempts: self._attempt_recorded(reason, attempts))
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _attempt_recorded(self, reason: Unreached, attempts: list[Attempt]) -> None:
        self._busy(False)
        if reason is Unreached.WRONG_NUMBER:
            self._done(
                None,
                self.tr(
                    "Wrong number for {name}: the task is closed. Correct the number in the "
                    "customer's file."
                ).format(name=self._name()),
            )
            return
        if not attempts_spent(attempts, self.rules):
            self._done(
                None,
                self.tr("Not reached ({reason}): call {n} of {max} recorded.").format(
                    reason=tr_label(UNREACHED_LABELS[reason]),
                    n=len(_calls(attempts)),
                    max=self.rules.attempts,
                ),
            )
            return
        # the last call: stay open for the message and the failure record
        self.sig_changed.emit(self.task_id)
        self.attempts = attempts
        self._show_history(attempts)
        self._mode_changed()
        self.ui.fallbackEdit.setFocus()

    def send_fallback(self) -> None:
        self._clear_marks()
        text = self.ui.fallbackEdit.toPlainText().strip()
        if not text:
            self._refuse(self.tr("Write the message to send."), self.ui.fallbackEdit)
            return
        service, task_id = self.service, self.task_id
        self._busy(True)
        (
            Operation(lambda: service.send_fallback(task_id, text))
            .success(lambda _r: self._fallback_sent())
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _fallback_sent(self) -> None:
        self._busy(False)
        self.sig_changed.emit(self.task_id)
        self.reload()
        self.ui.failureCombo.setFocus()

    def record_failure(self) -> None:
        self._clear_marks()
        u = self.ui
        reason = Unreached(u.failureCombo.currentData())
        note = u.failureNoteEdit.text().strip()
        service, task_id = self.service, self.task_id
        self._busy(True)
        (
            Operation(lambda: service.record_failure(task_id, reason, note))
            .success(
                lambda _r: self._done(
                    None,
                    self.tr("{name} recorded as unreachable ({reason}).").format(
                        name=self._name(), reason=tr_label(UNREACHED_LABELS[reason])
                    ),
                )
            )
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def record_dnc(self) -> None:
        self._clear_marks()
        u = self.ui
        reason = u.dncReasonEdit.text()
        everything = u.dncAllRadio.isChecked()
        service, task_id = self.service, self.task_id
        self._busy(True)
        (
            Operation(lambda: service.do_not_contact(task_id, reason, everything))
            .success(
                lambda n: self._done(
                    None,
                    self.tr("Do-not-contact recorded for {name}: {n} open tasks cancelled.").format(
                        name=self._name(), n=n
                    ),
                )
            )
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _done(self, result: object, summary: str) -> None:
        """Recorded: the worklist refreshes and moves on to the next task."""
        self._busy(False)
        self.sig_done.emit(self.task_id, result, summary)
        self.accept()

    def _busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)

    def _refused(self, error: BaseException) -> None:
        """Say what is wrong where it is wrong; keep everything typed."""
        self._busy(False)
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        assert isinstance(error, DomainError)
        u = self.ui
        if error.field == "attempt":
            self.ui.ruleLabel.setText(
                f"<span style='color:{REFUSED_COLOUR}'>{_html(tr_error(error))}</span>"
            )
        bad = {
            "satisfaction": u.satisfactionGroup,
            "grievances": u.grievanceGroup,
            "note": u.noteEdit,
            "mileage": u.mileageEdit,
            "reason": u.dncReasonEdit,
            "attempt": u.reasonCombo if self.mode() == self.UNREACHED else None,
        }.get(error.field or "")
        self._refuse(tr_error(error), bad)

    def _refuse(self, text: str, bad: QWidget | None) -> None:
        self.ui.errorLabel.setText(text)
        self._mark(bad)
        if bad is not None and not bad.isEnabled():
            self.ui.errorLabel.setFocus()
