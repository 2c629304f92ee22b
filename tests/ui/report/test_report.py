"""The clinician report: a private PDF with the numbers a person logged, the person's
own words only when asked, charts as vectors; the same figures as CSV."""

from __future__ import annotations

import csv
import io
import re
import stat
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.insights.period import Period
from recovery_app.storage.insights.report import report_data
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import SaveFileDialog
from recovery_app.ui.report.dialog import ReportDialog
from recovery_app.ui.report.document import ReportDocument, ReportRequest
from tests.insights_data import OWN_WORDS, PERIOD, fill
from tests.pdf_text import pdf_text


def words(data: bytes) -> str:
    """The PDF's text without spaces, its ligatures ("ﬁ") as the letters they are."""
    return unicodedata.normalize("NFKC", "".join(pdf_text(data).split()))


def saved(
    dialog: ReportDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, target: Path, csv_: bool
) -> bytes:
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    (dialog.csv_button if csv_ else dialog.pdf_button).click()
    qtbot.waitUntil(lambda: "Saved to" in dialog.status.text(), timeout=20000)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "not encrypted" in dialog.status.text()
    return target.read_bytes()


def test_the_report_has_the_figures_and_my_words_only_when_i_ask(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    fill(ctx.db)
    dialog = shown(ReportDialog(ctx, PERIOD.first, PERIOD.last))
    assert isinstance(dialog, ReportDialog)
    assert not dialog.notes.isChecked()  # the person's words are left out unless asked
    data = saved(dialog, qtbot, monkeypatch, tmp_path / "report.pdf", csv_=False)
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    text = words(data)
    assert "2November2026to15November2026" in text
    assert "self-reported,notadiagnosis" in text and "Page1of" in text
    assert "3cravingslogged" in text  # 6, 9 and 13 November
    assert "Youwentto1meeting." in text
    assert "".join(OWN_WORDS.split()) not in text
    # The charts are drawn as vectors: the file holds no pictures.
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data

    dialog.notes.setChecked(True)
    with_notes = words(saved(dialog, qtbot, monkeypatch, tmp_path / "notes.pdf", csv_=False))
    assert "".join(OWN_WORDS.split()) in with_notes


def test_the_figures_as_csv_hold_numbers_and_no_words(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    fill(ctx.db)
    dialog = shown(ReportDialog(ctx, PERIOD.first, PERIOD.last))
    assert isinstance(dialog, ReportDialog)
    dialog.notes.setChecked(True)  # words never go into the figures
    text = saved(dialog, qtbot, monkeypatch, tmp_path / "figures.csv", csv_=True).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    weekly = {  # by the week's Monday
        r["row"]: r["value"]
        for r in rows
        if r["section"] == "cravings" and r["measure"] == "Cravings"
    }
    assert weekly == {"2026-11-02": "1", "2026-11-09": "2"}
    friday_23 = [
        r for r in rows if r["section"] == "times" and r["row"] == "23:00" and r["measure"] == "Fri"
    ]
    assert [r["value"] for r in friday_23] == ["1"]
    assert OWN_WORDS not in text


def test_no_parts_or_dates_the_wrong_way_round_say_so(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: asked.append(a)))
    dialog = shown(ReportDialog(ctx, date(2026, 11, 2), date(2026, 11, 15)))
    assert isinstance(dialog, ReportDialog)
    for box in dialog.parts.values():
        box.setChecked(False)
    dialog.pdf_button.click()
    assert "at least one part" in dialog.status.text()
    dialog.parts["cravings"].setChecked(True)
    dialog.first.setDate(QDate(2026, 11, 20))
    dialog.pdf_button.click()
    assert "after the last day" in dialog.status.text() and asked == []


def test_only_the_chosen_parts_are_in_the_report(ctx: AppContext) -> None:
    fill(ctx.db)
    data = report_data(ctx.db, PERIOD, date(2026, 11, 25), include_notes=False)
    report = ReportDocument(data, ReportRequest(PERIOD, ("meetings",)), date(2026, 11, 25))
    text = words(report.pdf())
    assert "Youwentto1meeting." in text and "Cravingslogged3;meanstrength6.0" in text
    assert not re.search("Whencravingscame|passed1of2", text)
    assert [s.key for s in report.sections] == ["meetings"]


def test_ten_years_fit_the_pages_and_none_is_blank(ctx: AppContext) -> None:
    """A long period: month bars, long tables left to the CSV, and every page numbered."""
    fill(ctx.db)
    period = Period(date(2016, 12, 1), date(2026, 11, 25))
    report = ReportDocument(
        report_data(ctx.db, period, date(2026, 11, 25), False),
        ReportRequest(period),
        date(2026, 11, 25),
    )
    text = words(report.pdf())
    pages = report.document.pageCount()
    for page in range(1, pages + 1):
        assert f"Page{page}of{pages}" in text
    assert "The120rowsofnumbersbehindthischart" in text  # 120 months: in the CSV only


def test_the_taper_and_questionnaires_with_warning_signs_first(ctx: AppContext) -> None:
    from datetime import UTC, datetime

    from recovery_app.cli import SECTION_NAMES
    from recovery_app.core.questionnaires.forms import Kind, Taken
    from recovery_app.core.taper.plan import Dose, DoseDay, DoseTaken, Step, TaperPlan
    from recovery_app.core.taper.symptoms import RedFlag, SymptomDay
    from recovery_app.storage.questionnaires.ops import save_taken
    from recovery_app.storage.taper.ops import record_dose_day, record_symptom_day, save_plan
    from recovery_app.ui.report.document import REPORT_KEYS

    assert SECTION_NAMES == REPORT_KEYS  # the command offers every part the report has
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    plan = TaperPlan(
        "clonazepam (Klonopin)", "tablet", "0.5 mg", "mg",
        (Step(date(2026, 10, 1), (Dose("morning", "1"),)),  # ended before the period
         Step(date(2026, 11, 2), (Dose("morning", "0.5"),)),
         Step(date(2026, 11, 9), (Dose("morning", "0.25"),))),
    )  # fmt: skip
    save_plan(ctx.db, plan, now)
    for day, taken in (
        (3, DoseTaken.AS_PLANNED),
        (10, DoseTaken.DIFFERENT),
        (11, DoseTaken.MISSED),
    ):
        amount = "0.5" if taken is DoseTaken.DIFFERENT else ""
        record_dose_day(ctx.db, DoseDay(date(2026, 11, day), taken, amount), now)
    record_symptom_day(
        ctx.db, SymptomDay(date(2026, 11, 10), {"Anxiety": 3}, (RedFlag.SEIZURE,)), now
    )
    from recovery_app.core.checkin.checkin import CheckIn, UsedToday
    from recovery_app.storage.checkin.checkins import CheckIns

    with ctx.db.transaction() as conn:  # sleep on two nights of the second step
        for day, hours in ((10, 6.0), (11, 5.0)):
            checkin = CheckIn(date(2026, 11, day), 3, 2, 2, UsedToday.NO, sleep_hours=hours)
            CheckIns(conn).save(checkin, now)
    for day, answers in ((4, (2,) * 8 + (0,)), (12, (1,) * 8 + (1,))):
        save_taken(ctx.db, Taken(Kind.PHQ9, datetime(2026, 11, day, 9, tzinfo=UTC), answers))
    data = report_data(ctx.db, PERIOD, date(2026, 11, 25), include_notes=False)
    report = ReportDocument(data, ReportRequest(PERIOD), date(2026, 11, 25))
    text = words(report.pdf())
    first_page = text.split("Page1of")[1].split("Summary")[0]
    assert "Warningsignsnotedinthesedays" in first_page
    assert "10Nov2026:aseizureorfit" in first_page and "PHQ-9question9" in first_page
    assert "Daysasplanned:1;differentfromtheplan:1;missed:1." in text
    assert "morning0.25mg" in text and "PHQ-9:16atfirst,9mostrecently" in text
    assert "1Oct2026" not in text  # a step that ended before these days is not listed
    # From 9 Nov: none as planned, one different, one missed, symptoms 3.0, sleep 5.5 h.
    assert "Meansleep(hours)" in text and "9Nov2026morning0.25mg0113.05.5" in text
    figures = list(csv.DictReader(io.StringIO(report.csv().decode())))
    assert all(float(r["value"]) >= 0 for r in figures)  # numbers only, no range names
    totals = {r["row"]: r["value"] for r in figures if r["measure"] == "Total"}
    assert totals == {"2026-11-04 phq9": "16", "2026-11-12 phq9": "9"}
