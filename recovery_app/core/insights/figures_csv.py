"""The report's figures as CSV: one row per number, so a spreadsheet can filter them.

Columns: section, row (the week's or month's first day as YYYY-MM-DD, or the first cell
of the table row, e.g. a trigger), measure (the column it is under), value (a plain
number; a share is a percentage, its measure marked "(%)"; text cells, such as a range's
name or a step's doses, are left out). The person's notes never appear here; trigger and
coping names do, as the labels they are (some may be their own).
"""

from __future__ import annotations

import csv
import io

from recovery_app.core.insights.sections import Section

HEADER = ("section", "row", "measure", "value")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def figures_csv(sections: list[Section]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for section in sections:
        table = section.table
        keys = table.keys or tuple(row[0] for row in table.rows)
        for key, row in zip(keys, table.rows, strict=True):
            for measure, value in zip(table.headers[1:], row[1:], strict=True):
                if value.endswith(" %"):
                    measure, value = f"{measure} (%)", value.removesuffix(" %")
                if _is_number(value):
                    writer.writerow((section.key, key, measure, value))
    return out.getvalue()
