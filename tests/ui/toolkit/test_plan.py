"""My plan: written section by section, every version kept, printable, and the
safety plan in Get help."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.storage.toolkit.ops import plan_versions, save_plan
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import SaveFileDialog
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.toolkit.page import ToolkitPage
from recovery_app.ui.toolkit.plan_dialog import PlanDialog, VersionsDialog, plan_html
from tests.pdf_text import pdf_text


def test_write_the_plan_then_change_it_and_both_versions_are_kept(
    ctx: AppContext,
    clock: FixedClock,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = shown(ToolkitPage(ctx))
    assert isinstance(page, ToolkitPage)
    assert "Not written yet" in page.plan_status.text() and not page.pdf_button.isEnabled()
    dialog = PlanDialog(ctx, None, page)
    shown(dialog)
    dialog.fields["warning_signs"].setPlainText("Staying in bed, skipping meetings")
    dialog.fields["sp_help"].setPlainText("Sam: 555 0100")
    dialog.save()
    assert dialog.saved is not None and not dialog.isVisible()
    page.refresh()
    assert "2 of 12 parts written" in page.plan_status.text()
    clock.current += timedelta(days=14)
    again = PlanDialog(ctx, plan_versions(ctx.db)[0], page)
    shown(again)
    assert again.fields["sp_help"].toPlainText() == "Sam: 555 0100"  # it opens as saved
    again.fields["sp_help"].setPlainText("Sam: 555 0100\nDr Lee: 555 0199")
    again.save()
    versions = plan_versions(ctx.db)
    assert [v.text("sp_help") for v in versions] == ["Sam: 555 0100\nDr Lee: 555 0199",
                                                    "Sam: 555 0100"]  # fmt: skip
    page.refresh()
    assert "the earlier version is kept" in page.plan_status.text()
    assert page.versions_button.isEnabled()
    history = shown(VersionsDialog(versions, clock, page))
    assert isinstance(history, VersionsDialog)
    history.dates.setCurrentRow(1)
    assert "Dr Lee" not in history.reader.toPlainText()
    assert "Sam: 555 0100" in history.reader.toPlainText()


def test_the_plan_prints_to_a_private_pdf(
    ctx: AppContext,
    clock: FixedClock,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ctx.ops.run(lambda: save_plan(ctx.db, {"red": "Call <Sam> & go to a meeting"}, clock.now()))
    page = shown(ToolkitPage(ctx))
    assert isinstance(page, ToolkitPage)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    page.pdf_button.click()
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    words = "".join(pdf_text(data).split())
    assert "Call<Sam>&gotoameeting" in words  # the plan's words, as typed
    assert "notencrypted" in words and "988" in words
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "not encrypted" in page.plan_message.text()
    html = plan_html(plan_versions(ctx.db)[0], clock, clock.now())
    assert "Call &lt;Sam&gt; &amp; go to a meeting" in html and "988" in html


def test_the_safety_plan_is_in_get_help_only_while_unlocked(
    ctx: AppContext, clock: FixedClock, shown: Callable[[QWidget], QWidget]
) -> None:
    host = shown(QWidget())
    ctx.ops.run(lambda: save_plan(ctx.db, {"sp_coping": "A cold shower, then music"}, clock.now()))
    dialog = HelpDialog.present(host, ctx)
    assert dialog.safety_plan.isVisibleTo(dialog)
    assert "A cold shower, then music" in dialog.safety_plan.text()
    dialog.show_contacts(None)  # locked
    assert not dialog.safety_plan.isVisibleTo(dialog)
    dialog.close()


def test_high_risk_situations_take_names_from_my_trigger_list(
    ctx: AppContext, shown: Callable[[QWidget], QWidget]
) -> None:
    dialog = shown(PlanDialog(ctx, None))
    assert isinstance(dialog, PlanDialog)
    assert dialog.triggers.count() > 5  # the default list
    dialog.triggers.setCurrentText("Payday or having cash")
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Add this trigger")
    add.click()
    add.click()  # once is enough
    dialog.triggers.setCurrentText("Stress")
    add.click()
    assert dialog.fields["high_risk"].toPlainText() == "Payday or having cash\nStress"


def test_the_printed_plan_has_my_reasons_and_people(ctx: AppContext, clock: FixedClock) -> None:
    from recovery_app.core.help.contacts import Contact
    from recovery_app.core.toolkit.reasons import Reason

    version = ctx.ops.run(lambda: save_plan(ctx.db, {"green": "Tuesday meeting"}, clock.now()))
    page = plan_html(version, clock, clock.now(), [Reason("For Mia")],
                     [Contact("Sam", "+1 555 010 2233")])  # fmt: skip
    assert "For Mia" in page and "Sam: +1 555 010 2233" in page and "Tuesday meeting" in page


def test_what_is_typed_in_the_plan_survives_closing_and_cancel_asks_first(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    dialog = shown(PlanDialog(ctx, None))
    assert isinstance(dialog, PlanDialog)
    dialog.fields["amber"].setPlainText("Tell Sam, go to a meeting")
    qtbot.waitSignal(dialog.drafts.saved, timeout=2000).wait()
    dialog.reject()  # closed by a lock or Esc: kept as a draft
    again = shown(PlanDialog(ctx, None))
    assert isinstance(again, PlanDialog)
    assert again.fields["amber"].toPlainText() == "Tell Sam, go to a meeting"
    assert "unsaved changes are back" in again.status.text()
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, p, t, *a: asked.append(t)))
    again.cancel()  # "Keep editing" (the safe answer)
    assert asked == ["Discard your changes?"] and again.isVisible()
    again.save()
    assert plan_versions(ctx.db)[0].text("amber") == "Tell Sam, go to a meeting"
    unchanged = shown(PlanDialog(ctx, plan_versions(ctx.db)[0]))
    assert isinstance(unchanged, PlanDialog)
    unchanged.save()  # nothing new: no new version
    assert len(plan_versions(ctx.db)) == 1
