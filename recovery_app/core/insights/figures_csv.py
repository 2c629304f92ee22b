"""The report's figures as CSV: one row per number, so a spreadsheet can filter them.

Columns: section, row (the first cell of the table row, e.g. the week), measure (the
column it is under), value. The person's own words never appear here.
"""

from __future__ import annotations

import csv
import io

from recovery_app.core.insights.sections import Section

HEADER = ("section", "row", "measure", "value")


def figures_csv(sections: list[Section]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for section in sections:
        headers = section.table.headers
        for row in section.table.rows:
            for measure, value in zip(headers[1:], row[1:], strict=True):
                if value != "":
                    writer.writerow((section.key, row[0], measure, value))
    return out.getvalue()
