"""The taper diary: a six-step plan typed from the prescriber's letter, and a week of days."""

from __future__ import annotations

import stat
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QTableWidgetItem, QWidget

from recovery_app.core.clock import FixedClock
from recovery_app.core.taper.plan import DoseTaken
from recovery_app.storage.taper.ops import current_plan, dose_days, plan_versions
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import SaveFileDialog
from recovery_app.ui.taper.page import TaperPage
from recovery_app.ui.taper.plan_dialog import TaperPlanDialog
from tests.pdf_text import pdf_text
from tests.ui.conftest import WindowFactory

# Six steps, two weeks apart, from a prescriber's letter, typed as written.
LETTER = [
    (date(2026, 11, 2), "morning", "1"), (date(2026, 11, 2), "bedtime", "1"),
    (date(2026, 11, 16), "morning", "0.75"), (date(2026, 11, 16), "bedtime", "1"),
    (date(2026, 11, 30), "morning", "0.5"), (date(2026, 11, 30), "bedtime", "1"),
    (date(2026, 12, 14), "morning", "0.5"), (date(2026, 12, 14), "bedtime", "0.75"),
    (date(2026, 12, 28), "morning", "0.25"), (date(2026, 12, 28), "bedtime", "0.75"),
    (date(2027, 1, 11), "morning", "¼"), (date(2027, 1, 11), "bedtime", "0.5"),
]  # fmt: skip


def type_the_letter(dialog: TaperPlanDialog) -> None:
    dialog.medicine.setCurrentText("clonazepam (Klonopin)")
    dialog.form_field.setText("tablet")
    dialog.strength.setText("0.5 mg tablets")
    dialog.unit.setText("mg")
    dialog.table.setRowCount(0)
    for starts, when, amount in LETTER:
        row = dialog.add_row()
        widget = dialog.table.cellWidget(row, 0)
        assert isinstance(widget, QDateEdit)
        widget.setDate(QDate(starts.year, starts.month, starts.day))
        dialog.table.setItem(row, 1, QTableWidgetItem(when))
        dialog.table.setItem(row, 2, QTableWidgetItem(amount))


def test_a_six_step_plan_is_stored_and_shown_exactly_as_typed(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = shown(TaperPage(ctx))
    assert isinstance(page, TaperPage)
    assert not page.today_card.isVisible() and "never suggests a dose" in page.plan_words.text()

    def fill_and_save(dialog: TaperPlanDialog) -> bool:
        type_the_letter(dialog)
        dialog.save()
        return dialog.saved is not None

    monkeypatch.setattr("recovery_app.ui.taper.page.accepted", fill_and_save)
    page.edit_plan()
    plan = current_plan(ctx.db)
    assert plan is not None and len(plan.steps) == 6
    stored = [(s.starts, d.when, d.amount) for s in plan.steps for d in s.doses]
    assert stored == LETTER  # what is stored as the plan is what was typed
    shown_steps = [page.steps.item(i).text() for i in range(page.steps.count())]
    assert shown_steps[0] == "From 2 Nov 2026\nmorning: 1 mg; bedtime: 1 mg"
    assert shown_steps[5] == "From 11 Jan 2027\nmorning: ¼ mg; bedtime: 0.5 mg"
    assert page.today_card.isVisible()  # 25 November: the second step
    assert "morning: 0.75 mg; bedtime: 1 mg" in page.today.planned.text()


def test_a_week_of_days_including_a_different_dose_and_a_missed_one(
    ctx: AppContext, clock: FixedClock, shown: Callable[[QWidget], QWidget]
) -> None:
    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    type_the_letter(dialog)
    dialog.save()
    page = shown(TaperPage(ctx))
    assert isinstance(page, TaperPage)
    start = clock.now()
    week = [DoseTaken.AS_PLANNED] * 4 + [
        DoseTaken.DIFFERENT,
        DoseTaken.MISSED,
        DoseTaken.AS_PLANNED,
    ]
    for offset, taken in enumerate(week):
        clock.current = start + timedelta(days=offset)
        page.refresh()
        page.today.buttons[taken].setChecked(True)
        assert page.today.amount.isVisibleTo(page) is (taken is DoseTaken.DIFFERENT)
        if taken is DoseTaken.DIFFERENT:
            page.today.amount.setText("0.5")
            assert page.today.not_a_slip.isVisible()
            assert "never as a slip" in page.today.not_a_slip.text()
        page.save_today()
        assert "Saved" in page.status.text()
    days = dose_days(ctx.db, date(2026, 11, 25), date(2026, 12, 1))
    assert [d.taken for d in days] == week and days[4].amount == "0.5"
    listed = [page.days.item(i).text() for i in range(page.days.count())]
    assert "Different from the plan: 0.5 mg" in listed[2] and "Missed" in listed[1]
    assert not any("slip" in text.lower() for text in listed)
    assert page.charts and len(plan_versions(ctx.db)) == 1


def test_the_taper_diary_is_in_the_sidebar(make_window: WindowFactory) -> None:
    window = make_window()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles.index("Taper diary") == titles.index("Insights") + 1
    window.show_page("taper")
    assert isinstance(window.page("taper"), TaperPage)


def test_the_plan_prints_for_the_prescriber_as_typed(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    type_the_letter(dialog)
    dialog.save()
    page = shown(TaperPage(ctx))
    assert isinstance(page, TaperPage)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    page.print_button.click()
    raw = "".join(pdf_text(target.read_bytes()).split())
    text = unicodedata.normalize("NFKC", raw)  # ligatures as letters
    assert "morning:¼mg;bedtime:0.5mg" in raw and "Onlyyourprescriber" in text
    assert (
        stat.S_IMODE(target.stat().st_mode) == 0o600 and "not encrypted" in page.plan_status.text()
    )
    assert len(page.charts) == 2  # planned and taken, on the same days


def test_a_forgotten_start_day_never_merges_two_steps(ctx: AppContext) -> None:
    """The next step's first dose typed with the date left as the step before: refused,
    since one step of morning 0.5, bedtime 0.5 and morning 0.25 was never prescribed."""
    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    dialog.medicine.setCurrentText("clonazepam")
    dialog.table.setRowCount(0)
    for when, amount in (("morning", "0.5"), ("bedtime", "0.5"), ("morning", "0.25")):
        row = dialog.add_row(date(2026, 11, 2))
        dialog.table.setItem(row, 1, QTableWidgetItem(when))
        dialog.table.setItem(row, 2, QTableWidgetItem(amount))
    dialog.save()
    assert "two doses for the same time of day" in dialog.status.text()
    assert current_plan(ctx.db) is None and dialog.table.tabKeyNavigation() is False
    dialog.deleteLater()


def test_a_dose_keeps_its_own_note(ctx: AppContext) -> None:
    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    dialog.medicine.setCurrentText("clonazepam")
    dialog.table.setRowCount(0)
    for when, note in (("morning", ""), ("bedtime", "with food")):
        row = dialog.add_row(date(2026, 11, 2))
        dialog.table.setItem(row, 1, QTableWidgetItem(when))
        dialog.table.setItem(row, 2, QTableWidgetItem("0.5"))
        dialog.table.setItem(row, 3, QTableWidgetItem(note))
    dialog.save()
    again = TaperPlanDialog(ctx, current_plan(ctx.db), date(2026, 11, 25))
    notes = [again._text(r, 3) for r in range(again.table.rowCount())]
    assert notes == ["", "with food"]
    for d in (dialog, again):
        d.deleteLater()


def test_a_new_day_starts_with_no_answer_chosen(
    ctx: AppContext, clock: FixedClock, shown: Callable[[QWidget], QWidget]
) -> None:
    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    type_the_letter(dialog)
    dialog.save()
    page = shown(TaperPage(ctx))
    assert isinstance(page, TaperPage)
    page.today.buttons[DoseTaken.AS_PLANNED].setChecked(True)
    page.save_today()
    clock.current = clock.current + timedelta(days=1)
    page.refresh()
    assert page.today.chosen() is None and page.today.fields()["note"] == ""


def test_the_medicine_typed_is_never_finished_for_me(ctx: AppContext) -> None:
    """The common names are offered in a list, never filled in after what was typed
    (inline completion turned "diazepam" into "diazepam (Valium)" on Tab)."""
    from PySide6.QtWidgets import QCompleter

    dialog = TaperPlanDialog(ctx, None, date(2026, 11, 25))
    completer = dialog.medicine.completer()
    assert completer is not None
    assert completer.completionMode() is QCompleter.CompletionMode.PopupCompletion
    dialog.deleteLater()
