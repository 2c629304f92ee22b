"""The pages in the sidebar, in order, and how each is built the first time it is shown.

The one place features are imported lazily (so the window paints before they
load) and the one place a page's requests are wired to the shell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from recovery_app.core.i18n import translate
from recovery_app.ui.common.context import AppContext

if TYPE_CHECKING:
    from recovery_app.ui.common.requests import Request
    from recovery_app.ui.data.safety import DataSafety


@dataclass(frozen=True)
class Services:
    """What the pages of one unlocked session are built with."""

    ctx: AppContext
    safety: DataSafety
    handle: Callable[[Request], None]  # the shell's answer to a page's request
    delete_all: Callable[[], None]


def _today(s: Services) -> QWidget:
    from recovery_app.ui.today.page import TodayPage

    page = TodayPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _checkin(s: Services) -> QWidget:
    from recovery_app.ui.checkin.page import CheckInPage

    page = CheckInPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _journal(s: Services) -> QWidget:
    from recovery_app.ui.journal.page import JournalPage

    page = JournalPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _meetings(s: Services) -> QWidget:
    from recovery_app.ui.meetings.page import MeetingsPage

    return MeetingsPage(s.ctx)


def _learn(s: Services) -> QWidget:
    from recovery_app.storage.learn.library import library
    from recovery_app.ui.learn.page import LearnPage

    page = LearnPage(s.ctx, library())
    page.requested.connect(s.handle)
    return page


def _toolkit(s: Services) -> QWidget:
    from recovery_app.ui.toolkit.page import ToolkitPage

    page = ToolkitPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _insights(s: Services) -> QWidget:
    from recovery_app.ui.insights.page import InsightsPage

    page = InsightsPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _taper(s: Services) -> QWidget:
    from recovery_app.ui.taper.page import TaperPage

    page = TaperPage(s.ctx)
    page.requested.connect(s.handle)
    return page


def _data(s: Services) -> QWidget:
    from recovery_app.ui.data.page import DataPage

    page = DataPage(s.ctx, s.safety)
    page.deleteAllRequested.connect(s.delete_all)
    return page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    build: Callable[[Services], QWidget]


# Only pages that are built are in the sidebar. Ctrl+1 ... Ctrl+9 follow this order.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", translate("ui.shell.pages", "Today"), "today", _today),
    PageSpec("checkin", translate("ui.shell.pages", "Check-in"), "checkin", _checkin),
    PageSpec("journal", translate("ui.shell.pages", "Journal"), "journal", _journal),
    PageSpec("meetings", translate("ui.shell.pages", "Meetings"), "meetings", _meetings),
    PageSpec("learn", translate("ui.shell.pages", "Learn"), "learn", _learn),
    PageSpec("toolkit", translate("ui.shell.pages", "Toolkit"), "toolkit", _toolkit),
    PageSpec("insights", translate("ui.shell.pages", "Insights"), "insights", _insights),
    PageSpec("taper", translate("ui.shell.pages", "Taper diary"), "taper", _taper),
    PageSpec("data", translate("ui.shell.pages", "Your data"), "data", _data),
)
