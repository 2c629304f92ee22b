"""The clinician report as a document: a one-page summary first, then the chosen
sections with their charts (as vectors) and tables, and the person's own words only
when they asked for them. Readable printed in black and white.

Used by the report dialog and by ``recovery-app report`` (offscreen, no window).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument

from recovery_app.core.i18n import translate
from recovery_app.core.insights import readings
from recovery_app.core.insights.charts import Chart, Table
from recovery_app.core.insights.figures_csv import figures_csv
from recovery_app.core.insights.period import Period
from recovery_app.core.insights.sections import SECTION_KEYS, Section, period_words, sections
from recovery_app.core.meetings.schedule import WEEKDAY_PLURALS
from recovery_app.core.taper.report import questionnaires_section, taper_section, warnings
from recovery_app.storage.files import write_private
from recovery_app.storage.insights.report import Note, ReportData
from recovery_app.ui.common.charts import CHART_OBJECT, CHART_PROPERTY, ChartObject, Ink
from recovery_app.ui.common.pdf import document_pdf, text_width

_t = translate
POINT_SIZE = 10.0
CHART_MARK = "[[chart {n}]]"
MOST_TABLE_ROWS = 40  # a summary, not a data dump: longer tables go to the CSV only
CSS = """
h1 { font-size: 20pt; margin-bottom: 2px; }
h2 { font-size: 14pt; margin-top: 18px; margin-bottom: 4px; }
p.caption { font-size: 9pt; color: #444444; margin-top: 0px; }
p.muted { color: #444444; }
table.figures { border-collapse: collapse; margin-top: 6px; }
table.figures td, table.figures th { border: 1px solid #777777; padding: 3px 6px; }
table.figures th { background: #eeeeee; text-align: left; }
td.box { border: 2px solid #000000; padding: 8px; }
"""


# The insights' parts, then the taper and the questionnaires (which the report adds).
REPORT_KEYS = (*SECTION_KEYS, "taper", "questionnaires")


@dataclass(frozen=True)
class ReportRequest:
    period: Period
    keys: tuple[str, ...] = REPORT_KEYS
    include_notes: bool = False


def report_title() -> str:
    return _t("ui.report.document", "My recovery report")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in table.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in table.rows
    )
    return (
        f'<table class="figures" cellspacing="0"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _summary_rows(data: ReportData) -> list[tuple[str, str]]:
    ins = data.insights
    rows: list[tuple[str, str]] = []
    count = ins.craving_count
    passed, used, ongoing, not_said = ins.outcome_totals()
    cravings = (
        _t("ui.report.document", "{count}; mean strength {strength} of 10").format(
            count=count, strength=readings.number(ins.mean_strength or 0)
        )
        if count
        else _t("ui.report.document", "none")
    )
    if passed + used + ongoing:
        cravings += _t(
            "ui.report.document", "; passed {passed}, used {used}, still going {ongoing}"
        ).format(passed=passed, used=used, ongoing=ongoing)
    if count and not_said:
        cravings += _t("ui.report.document", "; end not noted {n}").format(n=not_said)
    rows.append((_t("ui.report.document", "Cravings logged"), cravings))
    if ins.triggers and count:
        top = ins.triggers[0]
        rows.append(
            (
                _t("ui.report.document", "Most common trigger"),
                f"{top.name} ({readings.percent(top.count, count)})",
            )
        )
    if count >= readings.FEW:
        by_day = [sum(row) for row in ins.heat]
        busiest = max(range(7), key=lambda d: by_day[d])
        rows.append(
            (
                _t("ui.report.document", "Day with the most cravings"),
                f"{WEEKDAY_PLURALS[busiest]} ({readings.percent(by_day[busiest], count)})",
            )
        )
    rows.append(
        (
            _t("ui.report.document", "Days with a check-in"),
            f"{ins.checkin_days} / {ins.period.days}",
        )
    )
    if ins.progress is not None:
        rows.append(
            (
                _t("ui.report.document", "Days in recovery"),
                _t(
                    "ui.report.document", "current run {current}; longest {longest}; {total} in all"
                ).format(
                    current=readings.days_text(ins.progress.current_run_days),
                    longest=readings.days_text(ins.progress.longest_run_days),
                    total=ins.progress.total_free_days,
                ),
            )
        )
    rows.append((_t("ui.report.document", "Meetings attended"), str(ins.went)))
    return rows


def _note_html(note: Note) -> str:
    if isinstance(note.when, datetime):
        when = f"{note.when:%a} {note.when.day} {note.when:%b %Y, %H:%M}"
    else:
        when = f"{note.when:%a} {note.when.day} {note.when:%b %Y}"
    kind = {
        "craving": _t("ui.report.document", "craving"),
        "journal": _t("ui.report.document", "journal"),
        "checkin": _t("ui.report.document", "check-in"),
    }[note.kind]
    if note.strength is None:
        strength = ""
    elif note.kind == "checkin":
        strength = _t("ui.report.document", ", craving {n} of 10").format(n=note.strength)
    else:
        strength = _t("ui.report.document", ", strength {n} of 10").format(n=note.strength)
    words = " · ".join(_esc(w) for w in note.words)
    return f"<p><b>{_esc(when)}</b> ({_esc(kind)}{_esc(strength)}): {words}</p>"


class ReportDocument:
    """The laid-out report; keep it while the document is drawn (it owns the charts)."""

    def __init__(self, data: ReportData, request: ReportRequest, made: date) -> None:
        self.data, self.request, self.made = data, request, made
        insight_keys = tuple(k for k in request.keys if k in SECTION_KEYS)
        self.sections: list[Section] = sections(data.insights, insight_keys)
        if "taper" in request.keys:
            self.sections.append(
                taper_section(
                    data.insights.period,
                    data.taper_plan,
                    list(data.dose_days),
                    list(data.symptom_days),
                    data.sleep,
                )
            )
        if "questionnaires" in request.keys:
            self.sections.append(questionnaires_section(list(data.questionnaires)))
        # Warning signs go first, on the summary page, whenever those parts are chosen.
        self.warnings = warnings(
            list(data.symptom_days) if "taper" in request.keys else [],
            list(data.questionnaires) if "questionnaires" in request.keys else [],
        )
        self.charts: list[Chart] = []
        font = QFont()
        font.setPointSizeF(POINT_SIZE)
        self.document = QTextDocument()
        self.document.setDefaultFont(font)
        self.document.setDefaultStyleSheet(CSS)
        self.document.setTextWidth(text_width())
        self.handler = ChartObject(self.charts, Ink.for_print(), text_width() - 4, font)
        self.document.documentLayout().registerHandler(CHART_OBJECT, self.handler)
        self._write()

    def period_text(self) -> str:
        p = self.data.insights.period
        return period_words(p.first, p.last)

    def header(self) -> str:
        return _t(
            "ui.report.document",
            "{title} · {period} · made {made} · self-reported, not a diagnosis",
        ).format(
            title=report_title(),
            period=self.period_text(),
            made=f"{self.made.day} {self.made:%B %Y}",
        )

    def _chart_mark(self, chart: Chart) -> str:
        """A placeholder in the HTML, replaced by the chart object once laid out."""
        self.charts.append(chart)
        return f"<p>{CHART_MARK.format(n=len(self.charts) - 1)}</p>"

    def _write(self) -> None:
        summary = "".join(
            f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in _summary_rows(self.data)
        )
        sentences = "".join(f"<li>{_esc(s.reading)}</li>" for s in self.sections)
        made = f"{self.made.day} {self.made:%B %Y}"
        parts = [
            f"<h1>{_esc(report_title())}</h1>",
            f'<p class="muted">{_esc(self.period_text())} · ',
            _esc(_t("ui.report.document", "made {made} with Recovery Companion").format(made=made)),
            "</p>",
            '<table width="100%" cellspacing="0"><tr><td class="box">',
            _esc(
                _t(
                    "ui.report.document",
                    "These are my own records, self-reported in Recovery Companion on my "
                    "computer. They are not a diagnosis. The sentences describe patterns in "
                    "what I logged, not what caused them.",
                )
            ),
            "</td></tr></table>",
            self._warnings_html(),
            f"<h2>{_esc(_t('ui.report.document', 'Summary'))}</h2>",
            f'<table class="figures" cellspacing="0">{summary}</table>',
            f"<h2>{_esc(_t('ui.report.document', 'In one sentence each'))}</h2>",
            f"<ul>{sentences}</ul>",
        ]
        for index, section in enumerate(self.sections):
            # The summary is a page of its own.
            style = ' style="page-break-before: always"' if index == 0 else ""
            parts.append(f"<h2{style}>{_esc(section.title)}</h2><p>{_esc(section.reading)}</p>")
            for _name, chart in section.charts:  # each names itself (its legend or title)
                parts.append(self._chart_mark(chart))
            rows = len(section.table.rows)
            if 0 < rows <= MOST_TABLE_ROWS:
                parts.append(_table_html(section.table))
            elif rows:
                note = _t(
                    "ui.report.document",
                    "The {rows} rows of numbers behind this chart are in the figures (CSV).",
                ).format(rows=rows)
                parts.append(f'<p class="caption">{_esc(note)}</p>')
        if self.request.include_notes:
            parts.append(self._notes_html())
        self.document.setHtml("".join(parts))
        self._place_charts()

    def _warnings_html(self) -> str:
        if not self.warnings:
            return ""
        items = "".join(f"<li>{_esc(w)}</li>" for w in self.warnings)
        title = _esc(_t("ui.report.document", "Warning signs noted in these days"))
        return f"<h2>{title}</h2><ul>{items}</ul>"

    def _place_charts(self) -> None:
        for number in range(len(self.charts)):
            found = self.document.find(CHART_MARK.format(n=number))
            fmt = QTextCharFormat()
            fmt.setObjectType(CHART_OBJECT)
            fmt.setProperty(CHART_PROPERTY, number)
            found.insertText("\ufffc", fmt)

    def _notes_html(self) -> str:
        d = self.data
        total = d.entry_notes_total + d.checkin_notes_total
        shown = len(d.notes)
        intro = (
            _t("ui.report.document", "No notes were written in these days.")
            if total == 0
            else _t(
                "ui.report.document",
                "My own words from these days: the {shown} most recent of {total}.",
            ).format(shown=shown, total=total)
            if shown < total
            else _t("ui.report.document", "My own words from these days.")
        )
        return (
            f"<h2>{_esc(_t('ui.report.document', 'My notes'))}</h2><p>{_esc(intro)}</p>"
            + "".join(_note_html(n) for n in d.notes)
        )

    def pdf(self, progress: Callable[[int, int], None] | None = None) -> bytes:
        return document_pdf(self.document, report_title(), self.header(), progress)

    def csv(self) -> bytes:
        return figures_csv(self.sections).encode("utf-8")


def write_report(
    path: Path,
    data: ReportData,
    request: ReportRequest,
    made: date,
    as_csv: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the report (or its figures as CSV) to ``path``, mode 0600."""
    report = ReportDocument(data, request, made)
    write_private(path, report.csv() if as_csv else report.pdf(progress))
