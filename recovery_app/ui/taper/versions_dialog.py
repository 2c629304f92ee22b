"""Every version of the taper plan, newest first, as it was saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.taper.plan import TaperPlan
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.windowing import fit_on_screen


class VersionsDialog(QDialog):
    def __init__(self, versions: list[TaperPlan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ui.taper.versions_dialog", "Earlier versions of my plan"))
        layout = QVBoxLayout(self)
        self.list = CardList(translate("ui.taper.versions_dialog", "Versions"), most_rows=12)
        for plan in versions:
            saved = plan.saved_at
            title = f"{saved:%a} {saved.day} {saved:%b %Y, %H:%M}" if saved else plan.medicine
            steps = "; ".join(
                f"{s.starts.day} {s.starts:%b}: "
                + ", ".join(f"{d.when} {d.amount}".strip() for d in s.doses)
                for s in plan.steps
            )
            changed = f" · {plan.changed_by}" if plan.changed_by else ""
            self.list.addItem(f"{title}\n{plan.medicine} ({plan.unit}){changed}\n{steps}")
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 640, 520)
