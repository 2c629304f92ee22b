"""Before a calendar file changes anything: its meetings, each with a checkbox, and what was
left out with the reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.meetings.ics import IcsImport, past_words
from recovery_app.ui.common.style import heading, scroll_area, wrapped
from recovery_app.ui.common.widgets import accepted
from recovery_app.ui.common.windowing import fit_on_screen


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        name: str,
        parsed: IcsImport,
        present: dict[str, bool],
        parent: QWidget | None = None,
    ) -> None:
        """``present``: the meetings here already, each with whether the file's is newer."""
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(
            translate("ui.meetings.import_preview", "Import meetings from {name}").format(name=name)
        )
        self.setAccessibleName(translate("ui.meetings.import_preview", "Import meetings: preview"))
        fit_on_screen(self, 640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                translate("ui.meetings.import_preview", "Meetings in {name}").format(name=name), 1.2
            )
        )
        new = [m for m in parsed.meetings if m.uid not in present or present[m.uid]]
        layout.addWidget(
            wrapped(
                translate(
                    "ui.meetings.import_preview",
                    "Tick the meetings to add. Nothing is changed until you press Import.",
                )
                if new
                else translate(
                    "ui.meetings.import_preview",
                    "Every meeting in this file is here already: there is nothing to add.",
                )
            )
        )
        content = QWidget()
        rows = QVBoxLayout(content)
        self.boxes: list[tuple[QCheckBox, str]] = []
        for m in parsed.meetings:
            words = f"{m.name} — {m.schedule.describe()}"
            if m.changes:
                count = len(m.changes)
                words += translate(
                    "ui.meetings.import_preview", " · {count} date{value} skipped or moved"
                ).format(count=count, value="" if count == 1 else "s")
            here, newer = m.uid in present, present.get(m.uid, False)
            note = (
                translate(
                    "ui.meetings.import_preview", " (changed in the calendar: will be updated)"
                )
                if newer
                else (translate("ui.meetings.import_preview", " (already here)") if here else "")
            )
            box = QCheckBox(words + note)
            box.setChecked(not here or newer)
            box.setEnabled(not here or newer)
            box.setAccessibleName(words + note.replace(" (", ", ").rstrip(")"))
            rows.addWidget(box)
            self.boxes.append((box, m.uid))
        rows.addStretch(1)
        scroll = scroll_area()
        scroll.setWidget(content)
        layout.addWidget(scroll, 2)
        left_out = list(parsed.skipped)
        if parsed.past:
            left_out.insert(0, past_words(parsed.past))
        if left_out:
            layout.addWidget(
                heading(translate("ui.meetings.import_preview", "Left out, and why"), 1.0)
            )
            listed = QListWidget()
            listed.setAccessibleName(translate("ui.meetings.import_preview", "Left out, and why"))
            listed.setWordWrap(True)
            listed.addItems(left_out)
            layout.addWidget(listed, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            translate("ui.meetings.import_preview", "&Import the ticked meetings"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(bool(new))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> IcsImport:
        """The file's reading with only the ticked meetings."""
        ticked = {uid for box, uid in self.boxes if box.isChecked() and box.isEnabled()}
        return replace(self.parsed, meetings=[m for m in self.parsed.meetings if m.uid in ticked])

    @classmethod
    def ask(
        cls, name: str, parsed: IcsImport, present: dict[str, bool], parent: QWidget | None
    ) -> IcsImport | None:
        dialog = cls(name, parsed, present, parent)
        return dialog.chosen() if accepted(dialog) else None
