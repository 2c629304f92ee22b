"""Render every page with sample data to PNG, offscreen.

python -m devtools.screenshots OUTDIR                 light, 100 %, 1100x800
python -m devtools.screenshots OUTDIR --look dark --text 200 --size 1280x800
python -m devtools.screenshots OUTDIR --all           every look at 100 % and 200 %,
                                                      each in OUTDIR/<look>-<text>/
python -m devtools.screenshots OUTDIR --pseudo        in the pseudo-locale (see core.i18n)
python -m devtools.screenshots OUTDIR --pseudo --check-words
                                                      and list words that were not translated
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

import devtools.language_first  # noqa: F401  (first: it chooses the language)
from devtools.sample_data import (
    journal_entries,
    populate,
    populate_journal,
    populate_meetings,
    sample_meetings,
    todays_cravings,
)
from recovery_app import language
from recovery_app.core.checkin.checkin import USED_WORDS, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.help.contacts import Contact
from recovery_app.core.meetings.schedule import DateChange
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.paths import AppPaths
from recovery_app.storage.backup.backups import make_backup
from recovery_app.storage.db import Database
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.meetings.reminders import ReminderList
from recovery_app.storage.toolkit.ops import mark_favourite, save_plan, save_reason
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.insights.page import InsightsPage
from recovery_app.ui.insights.section_card import SectionCard
from recovery_app.ui.journal.model import UID_ROLE
from recovery_app.ui.journal.page import JournalPage
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.report.dialog import ReportDialog
from recovery_app.ui.shell.main_window import MainWindow

SAMPLE_NOW = datetime(2026, 11, 25, 19, 30).astimezone()
SIZE = (1100, 800)


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


LOOKS = {  # name: (colour_scheme, contrast)
    "light": ("light", "normal"),
    "dark": ("dark", "normal"),
    "contrast-light": ("light", "high"),
    "contrast-dark": ("dark", "high"),
}


@dataclass(frozen=True)
class Look:
    name: str = "light"
    text: int = 100
    size: tuple[int, int] = SIZE


def _window(folder: Path, clock: FixedClock, welcome_done: bool, look: Look) -> MainWindow:
    folder.mkdir(parents=True, exist_ok=True)
    scheme, contrast = LOOKS[look.name]
    values = {"colour_scheme": scheme, "contrast": contrast, "text_size": look.text}
    values["welcome_done"] = welcome_done
    (folder / "settings.json").write_text(json.dumps(values), encoding="utf-8")
    window = MainWindow(AppPaths(folder), clock)
    window.resize(*look.size)
    window.show()
    window.open_data()
    return window


def _sample_taper(db: Database) -> None:
    """A diazepam taper set by a prescriber, some days noted, and two PHQ-9s."""
    from recovery_app.core.questionnaires.forms import Kind, Taken
    from recovery_app.core.taper.plan import Dose, DoseDay, DoseTaken, Step, TaperPlan
    from recovery_app.core.taper.symptoms import SymptomDay
    from recovery_app.storage.questionnaires.ops import save_taken
    from recovery_app.storage.taper.ops import record_dose_day, record_symptom_day
    from recovery_app.storage.taper.ops import save_plan as save_taper_plan

    today = SAMPLE_NOW.date()
    steps = tuple(
        Step(today - timedelta(days=42 - 14 * i), (Dose("morning", m), Dose("bedtime", b)))
        for i, (m, b) in enumerate([("5", "5"), ("4", "5"), ("4", "4"), ("3", "4"), ("3", "3")])
    )
    plan = TaperPlan("diazepam (Valium)", "tablet", "2 mg and 5 mg tablets", "mg", steps,
                     "changed by Dr. Ortiz at my last visit")  # fmt: skip
    save_taper_plan(db, plan, SAMPLE_NOW - timedelta(days=43))
    for back in range(1, 13):
        day = today - timedelta(days=back)
        taken = DoseTaken.DIFFERENT if back == 4 else DoseTaken.AS_PLANNED
        amount = "8" if taken is DoseTaken.DIFFERENT else ""
        record_dose_day(
            db, DoseDay(day, taken, amount, "slept badly" if back == 4 else ""), SAMPLE_NOW
        )
        ratings = {"Anxiety": 1 + back % 3, "Trouble sleeping": 2 if back % 4 == 0 else 1}
        record_symptom_day(db, SymptomDay(day, ratings), SAMPLE_NOW)
    for days_ago, answers in ((30, (2, 2, 2, 1, 1, 2, 1, 1, 0)), (2, (1, 1, 1, 1, 0, 1, 1, 0, 0))):
        when = SAMPLE_NOW - timedelta(days=days_ago)
        save_taken(db, Taken(Kind.PHQ9, when, answers))


def _taper_plan_dialog(window: MainWindow) -> QWidget:
    from recovery_app.storage.taper.ops import current_plan
    from recovery_app.ui.taper.plan_dialog import TaperPlanDialog

    assert window.services is not None and window.db is not None
    return TaperPlanDialog(window.services.ctx, current_plan(window.db), SAMPLE_NOW.date(), window)


def _symptoms_dialog(window: MainWindow) -> QWidget:
    from recovery_app.core.taper.symptoms import RedFlag
    from recovery_app.ui.taper.symptoms_dialog import SymptomsDialog

    assert window.services is not None
    dialog = SymptomsDialog(window.services.ctx, SAMPLE_NOW.date(), None, [], window)
    dialog.rows[0].group.button(2).setChecked(True)
    dialog.flags[RedFlag.SEIZURE].blockSignals(True)  # no Get help over the picture
    dialog.flags[RedFlag.SEIZURE].setChecked(True)
    dialog.flags[RedFlag.SEIZURE].blockSignals(False)
    dialog._show_urgent(announce=False)
    return dialog


def _phq9_dialog(window: MainWindow) -> QWidget:
    from recovery_app.core.questionnaires.forms import Kind
    from recovery_app.ui.questionnaires.dialog import QuestionnaireDialog

    assert window.services is not None
    dialog = QuestionnaireDialog(window.services.ctx, Kind.PHQ9, window)
    for question, value in zip(dialog.questions, (1, 2, 1, 1), strict=False):
        question.buttons[value].setChecked(True)
    return dialog


def _dialogs(window: MainWindow, clock: FixedClock, shot: Callable[[str, QWidget], None]) -> None:
    """The forms a person meets less often, each as it opens."""
    from recovery_app.ui.common.start_date import StartDateDialog
    from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
    from recovery_app.ui.data.passphrase_dialog import PassphraseDialog
    from recovery_app.ui.help.contact_dialog import ContactDialog
    from recovery_app.ui.journal.choices_dialog import ChoicesDialog
    from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
    from recovery_app.ui.taper.own_symptoms_dialog import OwnSymptomsDialog

    assert window.db is not None and window.services is not None
    with window.db.transaction() as conn:
        meeting = Meetings(conn).all()[0]
    today = SAMPLE_NOW.date()
    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("appearance", window.show_appearance),
        ("shortcuts", window.show_shortcuts),
        ("meeting-new", lambda: MeetingDialog(None, clock, window)),
        ("meeting-edit", lambda: MeetingDialog(meeting, clock, window)),
        ("contact", lambda: ContactDialog(None, window)),
        ("passphrase", lambda: PassphraseDialog("set", window)),
        ("delete-all", lambda: DeleteAllDialog(window)),
        ("triggers", lambda: ChoicesDialog(window.services.ctx, window)),  # type: ignore[union-attr]
        ("start-date", lambda: StartDateDialog(today - timedelta(days=400), today, window)),
        ("plan", lambda: _plan_dialog(window)),
        ("taper-plan", lambda: _taper_plan_dialog(window)),
        ("symptoms", lambda: _symptoms_dialog(window)),
        ("own-symptoms", lambda: OwnSymptomsDialog(window.services.ctx, window)),  # type: ignore[union-attr]
        ("phq9", lambda: _phq9_dialog(window)),
    ]
    for name, make in dialogs:
        dialog = make()
        dialog.show()
        shot(name, dialog)
        dialog.close()


SAMPLE_PLAN = {
    "warning_signs": "Skipping meetings, staying in bed, telling myself one won't hurt.",
    "high_risk": "Payday. Friday evenings alone. Walking past the old pharmacy.",
    "amber": "Tell Sam. Go to an extra meeting. Use the timer and HALT.",
    "sp_coping": "A cold shower, loud music, a walk round the block.",
    "sp_help": "Sam (sponsor) 555 010 2233. My sister.",
    "sp_professionals": "Dr Ortiz, the clinic. 988, call or text.",
}


def _plan_dialog(window: MainWindow) -> QWidget:
    from recovery_app.storage.toolkit.ops import plan_versions
    from recovery_app.ui.toolkit.plan_dialog import PlanDialog

    assert window.services is not None
    ctx = window.services.ctx
    return PlanDialog(ctx, plan_versions(ctx.db)[0], window)


def _search(window: MainWindow, words: str) -> None:
    page = window.page("learn")
    assert isinstance(page, LearnPage)
    page.search.setText(words)


def render(
    out_dir: Path, look: Look | None = None, visit: Callable[[str, QWidget], None] | None = None
) -> list[Path]:
    look = look or Look()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    language.install(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(SAMPLE_NOW)
    written: list[Path] = []

    def shot(name: str, widget: QWidget) -> None:
        _settle(app)
        target = out_dir / f"{name}.png"
        widget.grab().save(str(target))
        written.append(target)
        if visit is not None:  # after the picture: the key check moves the focus
            visit(name, widget)

    with tempfile.TemporaryDirectory() as tmp:
        welcome = _window(Path(tmp) / "new", clock, False, look)
        shot("welcome", welcome)
        welcome.close()

        data = Path(tmp) / "sample"
        data.mkdir()
        db = Database.open(data / "recovery.db")
        populate(db, SAMPLE_NOW.date(), years=1.1, now=SAMPLE_NOW)
        year_ago = SAMPLE_NOW.date() - timedelta(days=365)
        entries = journal_entries(year_ago, SAMPLE_NOW.date() - timedelta(days=1), 300)
        entries += todays_cravings(SAMPLE_NOW)
        populate_journal(db, entries, SAMPLE_NOW)
        populate_meetings(db, sample_meetings(year_ago, 3, "UTC"), SAMPLE_NOW)
        for words in ("Being there for Mia's first day of school", "Waking up clear-headed"):
            save_reason(db, Reason(words), SAMPLE_NOW)
        mark_favourite(db, "halt", True, SAMPLE_NOW)
        save_plan(db, SAMPLE_PLAN, SAMPLE_NOW - timedelta(days=20))
        _sample_taper(db)
        with db.transaction() as conn:  # as if the app was last open yesterday afternoon
            ReminderList(conn).set_checked_until(SAMPLE_NOW - timedelta(hours=28))
            # One date skipped and one moved, as a group's holiday weeks would be.
            repo = Meetings(conn)
            soon = SAMPLE_NOW, SAMPLE_NOW + timedelta(days=7)
            first = next(m for m in repo.all() if len(m.occurrences(*soon)) >= 2)
            coming = first.occurrences(*soon)
            repo.set_change(first.uid, coming[0].original, DateChange(coming[0].original))
            moved = DateChange(coming[1].original, coming[1].original - timedelta(hours=1),
                               "Library, room 3", "holiday hours")  # fmt: skip
            repo.set_change(first.uid, coming[1].original, moved)
        db.close()
        for days_ago in (2, 1):
            make_backup(
                data / "recovery.db",
                data / "backups",
                SAMPLE_NOW - timedelta(days=days_ago),
                manual=False,
            )
        window = _window(data, clock, True, look)
        pages: list[tuple[str, Callable[[], None]]] = [
            ("today", lambda: window.show_page("today")),
            # Yesterday's check-in, filled in, shows what a saved day looks like.
            ("checkin", lambda: window.open_checkin(SAMPLE_NOW.date() - timedelta(days=1))),
            ("journal", lambda: window.show_page("journal")),
            ("meetings", lambda: window.show_page("meetings")),
            ("learn", lambda: window.open_article("is-klonopin-a-benzodiazepine")),
            ("learn-search", lambda: _search(window, "sleep")),
            ("toolkit", lambda: window.show_page("toolkit")),
            ("insights", lambda: window.show_page("insights")),
            ("insights-times", lambda: _scroll_to(window.page("insights"), "times")),
            ("taper", lambda: window.show_page("taper")),
            ("data", lambda: window.show_page("data")),
        ]
        for name, go in pages:
            go()
            shot(name, window)
        window.show_page("insights")
        insights = window.page("insights")
        assert isinstance(insights, InsightsPage) and insights.current is not None
        period = insights.current.period
        report = ReportDialog.present(window.services.ctx, period.first, period.last, window)  # type: ignore[union-attr]
        shot("report", report)
        report.close()
        journal = window.journal
        assert journal is not None
        capture = journal.log_craving()
        capture.intensity.setValue(7)
        capture.line.setText("Payday, walking past the pharmacy")
        shot("quick-capture", capture)
        capture.discard()
        journal_page = window.page("journal")
        assert isinstance(journal_page, JournalPage)
        form = journal.edit(journal_page.model.index(0, 0).data(UID_ROLE))
        assert form is not None
        shot("entry", form)
        form.close()
        # New ones: a journal entry, and a craving from the craving flow (with Discard).
        from recovery_app.core.journal.entries import EntryKind, JournalEntry

        new_entry = journal.write()
        shot("entry-new", new_entry)
        new_entry.close()
        craving = journal.open_new(
            JournalEntry(kind=EntryKind.CRAVING, occurred_at=SAMPLE_NOW, intensity=6)
        )
        shot("craving-new", craving)
        craving.close()
        reminders = window.show_reminders()
        assert reminders is not None
        shot("reminders", reminders)
        reminders.close()
        check = window.dialogs.open_self_check()
        assert check is not None
        for box in check.boxes[1:3]:
            box.setChecked(True)
        check.show_result()
        shot("self-check", check)
        _settle(app)
        scroll = check.findChild(QScrollArea)
        assert scroll is not None
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        shot("self-check-result", check)
        check.close()
        assert window.db is not None
        with window.db.transaction() as conn:
            Contacts(conn).save(Contact("Sam (sponsor)", "+1 555 010 2233", role="Sponsor",
                                        note="Any time before 11pm"), SAMPLE_NOW)  # fmt: skip
        dialog = HelpDialog.present(window, window.services.ctx if window.services else None)
        dialog.resize(680, 760)
        shot("get-help", dialog)
        dialog.close()
        _dialogs(window, clock, shot)
        # The craving flow: the timer and breathing, a skill with its cautions, the end.
        flow = window.cravings.open()
        flow.strength.setValue(7)
        flow.open_skill("grounding")
        flow.back_to_timer()
        shot("craving-flow", flow)
        flow.open_skill("tipp")
        shot("craving-skill", flow)
        flow.finish()
        flow.strength_now.setValue(3)
        shot("craving-end", flow)
        flow.reject()
        # A hard day: the check-in answers with the person's people and Get help.
        window.open_checkin(SAMPLE_NOW.date())
        checkin = window.page("checkin")
        assert isinstance(checkin, CheckInPage)
        checkin.mood_group.button(1).setChecked(True)
        used = checkin.used_group.button(list(USED_WORDS).index(UsedToday.YES))
        used.setChecked(True)
        checkin.slip_time.setTime(QTime(18, 40))
        checkin.slip_words.setText("After the phone call")
        checkin.save()
        shot("checkin-hard-day", window)
        window.close()
    return written


def _scroll_to(page: QWidget, key: str) -> None:
    """Scroll a page so the card of one Insights section is at the top."""
    _settle(QApplication.instance())  # type: ignore[arg-type]
    card = next(c for c in page.findChildren(SectionCard) if c.section.key == key and c.isVisible())
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(card.y())


def _screen(width: int, height: int) -> None:
    """Offscreen, a screen of a laptop's size (Qt's default is 800x800): windows and
    dialogs open as they would there (fit_on_screen, the sidebar's share)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return  # a real display, or a screen already chosen
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
              "screens": [screen]}  # fmt: skip
    path = Path(tempfile.gettempdir()) / f"recovery-app-screen-{width}x{height}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--look", choices=sorted(LOOKS), default="light")
    parser.add_argument("--text", type=int, default=100, help="text size in percent")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window size, WxH")
    parser.add_argument("--all", action="store_true", help="every look at 100 %% and 200 %%")
    parser.add_argument("--pseudo", action="store_true", help="in the pseudo-locale")
    parser.add_argument(
        "--check-words", action="store_true", help="list words that were not translated"
    )
    parser.add_argument(
        "--check-keys", action="store_true", help="list mnemonics used twice or going nowhere"
    )
    args = parser.parse_args(argv)
    problems: list[str] = []
    checks: list[Callable[[str, QWidget], list[str]]] = []
    if args.check_words:
        from devtools.word_check import untranslated

        checks.append(untranslated)
    if args.check_keys:
        from devtools import keyboard_check

        checks.extend(
            (
                keyboard_check.problems,
                keyboard_check.first_focus,
                keyboard_check.unnamed,
                keyboard_check.unreachable,
            )
        )

    def visit(name: str, widget: QWidget) -> None:
        for check in checks:
            problems.extend(check(name, widget))

    width, height = (int(n) for n in args.size.split("x"))
    _screen(max(width, 1280), max(height, 800))
    looks = [(args.out_dir, Look(args.look, args.text, (width, height)))]
    if args.all:
        looks = [
            (args.out_dir / f"{name}-{text}", Look(name, text, size))
            for name in LOOKS
            for text, size in ((100, SIZE), (200, (1280, 800)))
        ]
    for folder, each in looks:
        for path in render(folder, each, visit):
            print(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
