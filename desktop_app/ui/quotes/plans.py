"""One finance plan's column in the quote builder's comparison grid: what the consultant types
(lender, down payment, term, rate, fee) above what it costs the customer (loan, monthly
payment, total interest, due at purchase, total cost), and the plan's refusal under it.

A column reads its fields into a ``FinancePlan`` or names the field it cannot read; what it
typed is never replaced by a refusal — the field is outlined and the reason shown under it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.quotes import TERMS, FinancePlan, PlanFigures, money_text, parse_money
from ..widgets import ERROR_STYLE
from .models import set_read_only, yuan

LENDER, DOWN, TERM, RATE, FEE, LOAN, MONTHLY, INTEREST, DUE, COST, ERROR = range(1, 12)
HEADER = 0
FIELDS = ("lender", "down_payment", "months", "rate", "fee")
MONTHLY_STYLE = "font-size: 13pt; font-weight: bold; color: #0b5394;"
FIGURE_STYLE = "color: #243b53;"
COLUMN_WIDTH = 150


def parse_rate(text: str, field: str) -> Decimal:
    """A yearly rate typed in percent ("3.99", "3.99 %") as a fraction (0.0399)."""
    cleaned = text.strip().replace("%", "").replace("％", "").replace(" ", "")
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "“{text}” is not an interest rate: type the yearly rate, e.g. 3.99."
            ),
            field=field,
            text=text.strip(),
        )
    return value / 100


def parse_months(text: str, field: str) -> int:
    cleaned = text.strip()
    for suffix in ("个月", "月", "months", "month"):
        cleaned = cleaned.removesuffix(suffix).strip()
    try:
        return int(cleaned)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "“{text}” is not a number of months."),
            field=field,
            text=text.strip(),
        ) from None


def rate_text(rate: Decimal) -> str:
    """0.0399 → "3.99" (as typed, without trailing zeros beyond two decimals)."""
    return f"{rate * 100:.2f}"


class PlanColumn(QObject):
    """The widgets of plan ``index`` (0-based) in column ``index + 1`` of the grid."""

    sig_changed = Signal()  # the consultant typed or chose something
    sig_remove = Signal(object)  # this column

    def __init__(self, grid: QGridLayout, index: int, host: QWidget) -> None:
        super().__init__(host)
        self.grid = grid
        self.index = index
        self.host = host
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #102a43;")
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove this plan from the quote"))
        self.remove_button.clicked.connect(lambda: self.sig_remove.emit(self))
        self.header = QWidget()
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        self.lender = QLineEdit()
        self.lender.setPlaceholderText(self.tr("bank or finance company"))
        self.down = QLineEdit()
        self.term = QComboBox()
        self.term.setEditable(True)
        for months in TERMS:
            self.term.addItem(str(months), months)
        self.rate = QLineEdit()
        self.fee = QLineEdit()
        for edit in (self.down, self.rate, self.fee):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.loan = QLabel()
        self.monthly = QLabel()
        self.interest = QLabel()
        self.due = QLabel()
        self.cost = QLabel()
        self.monthly.setStyleSheet(MONTHLY_STYLE)
        for label in (self.loan, self.monthly, self.interest, self.due, self.cost):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.loan, self.interest, self.due, self.cost):
            label.setStyleSheet(FIGURE_STYLE)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.error.setMinimumWidth(COLUMN_WIDTH)
        self.error.setMaximumWidth(COLUMN_WIDTH + 80)
        self.fields: dict[str, QWidget] = {
            "lender": self.lender,
            "down_payment": self.down,
            "months": self.term,
            "rate": self.rate,
            "fee": self.fee,
        }
        for edit in (self.lender, self.down, self.rate, self.fee):
            edit.setMinimumWidth(COLUMN_WIDTH)
            edit.textEdited.connect(lambda _t: self.sig_changed.emit())
        self.term.setMinimumWidth(COLUMN_WIDTH)
        self.term.currentTextChanged.connect(lambda _t: self.sig_changed.emit())
        self.place(index)

    # -- layout --------------------------------------------------------------------------

    def _cells(self) -> list[tuple[int, QWidget]]:
        return [
            (HEADER, self.header),
            (LENDER, self.lender),
            (DOWN, self.down),
            (TERM, self.term),
            (RATE, self.rate),
            (FEE, self.fee),
            (LOAN, self.loan),
            (MONTHLY, self.monthly),
            (INTEREST, self.interest),
            (DUE, self.due),
            (COST, self.cost),
            (ERROR, self.error),
        ]

    def place(self, index: int) -> None:
        """Put the widgets in column ``index + 1`` (after a column to the left was removed)."""
        self.index = index
        for row, widget in self._cells():
            self.grid.removeWidget(widget)
            self.grid.addWidget(widget, row, index + 1)
        self.title.setText(self.tr("Plan {n}").format(n=index + 1))

    def remove(self) -> None:
        for _row, widget in self._cells():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.deleteLater()

    # -- data ----------------------------------------------------------------------------

    def field(self, name: str) -> str:
        """The field name the services use for this plan's ``name`` ("plan2.down_payment")."""
        return f"plan{self.index + 1}.{name}"

    def set_plan(self, plan: FinancePlan) -> None:
        for widget in (self.lender, self.down, self.term, self.rate, self.fee):
            widget.blockSignals(True)
        self.lender.setText(plan.lender)
        self.down.setText(money_text(plan.down_payment))
        self.term.setCurrentText(str(plan.months))
        self.rate.setText(rate_text(plan.annual_rate))
        self.fee.setText(money_text(plan.fee))
        for widget in (self.lender, self.down, self.term, self.rate, self.fee):
            widget.blockSignals(False)

    def read(self) -> FinancePlan:
        """The plan as typed; a ValidationError names the first field that cannot be read."""
        return FinancePlan(
            lender=self.lender.text().strip(),
            down_payment=parse_money(self.down.text(), self.field("down_payment")),
            months=parse_months(self.term.currentText(), self.field("months")),
            annual_rate=parse_rate(self.rate.text(), self.field("rate")),
            fee=parse_money(self.fee.text(), self.field("fee")),
        )

    def show_figures(self, figures: PlanFigures | None) -> None:
        labels = (self.loan, self.monthly, self.interest, self.due, self.cost)
        if figures is None:
            for label in labels:
                label.setText("—")
            return
        self.loan.setText(yuan(figures.loan))
        self.monthly.setText(yuan(figures.monthly))
        if figures.final != figures.monthly:
            self.monthly.setToolTip(
                self.tr("The last instalment is {amount}: it settles the rounding.").format(
                    amount=yuan(figures.final)
                )
            )
        else:
            self.monthly.setToolTip("")
        self.interest.setText(yuan(figures.interest))
        self.due.setText(yuan(figures.due_at_purchase))
        self.cost.setText(yuan(figures.total_cost))

    def show_error(self, error: ValidationError | None, text: str = "") -> None:
        """Outline the refused field and say why under the column (what was typed stays)."""
        bad = None
        if error is not None and error.field:
            bad = self.fields.get(error.field.split(".", 1)[-1])
        for widget in self.fields.values():
            widget.setStyleSheet(ERROR_STYLE if widget is bad else "")
        self.error.setText(text)
        self.error.setToolTip(text)
        width = max(self.error.width(), COLUMN_WIDTH)
        self.error.setMinimumHeight(self.error.heightForWidth(width) if text else 0)

    def set_editable(self, editable: bool) -> None:
        for edit in (self.lender, self.down, self.rate, self.fee):
            set_read_only(edit, not editable)
        self.term.setEnabled(editable)
        self.remove_button.setVisible(editable)
