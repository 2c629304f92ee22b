"""The chart painter draws what the data says, in marks that don't rely on colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication

from recovery_app.core.insights.charts import Bars, Heat, Line, Mark, Ranked, Stack
from recovery_app.ui.common.charts import Ink, chart_image, nice_step
from recovery_app.ui.common.theme import DARK, LIGHT

WIDTH = 600


def ink() -> Ink:
    return Ink.from_palette(LIGHT.palette())


def share_of(image: QImage, colour: QColor, x0: int, x1: int, y0: int, y1: int) -> float:
    hits = total = 0
    for x in range(x0, x1):
        for y in range(y0, y1):
            total += 1
            if QColor(image.pixel(x, y)).rgb() == colour.rgb():
                hits += 1
    return hits / max(1, total)


def column_fill(image: QImage, colour: QColor, x: int) -> int:
    """How many pixels of column ``x`` are the fill colour: a bar's height."""
    return sum(1 for y in range(image.height()) if QColor(image.pixel(x, y)).rgb() == colour.rgb())


def test_bars_are_as_tall_as_their_counts(qapp: QApplication) -> None:
    chart = Bars(("a", "b", "c", "d"), (Stack("Passed", (1, 2, 4, 0), Mark.SOLID),))
    image = chart_image(chart, WIDTH, ink(), QFont(qapp.font()))
    plot_left = 3.4 * QFont(qapp.font()).pointSizeF()  # inside the first bar, roughly
    slot = (WIDTH - plot_left * 2) / 4
    heights = [
        column_fill(image, ink().fill, int(plot_left * 1.6 + slot * i + slot / 2)) for i in range(4)
    ]
    assert heights[3] == 0 and heights[0] > 0
    assert abs(heights[1] - 2 * heights[0]) <= 2 and abs(heights[2] - 4 * heights[0]) <= 3


def test_a_second_series_is_hatched_not_only_another_colour(qapp: QApplication) -> None:
    colours = ink()
    solid = chart_image(
        Bars(("a",), (Stack("x", (5,), Mark.SOLID),)), WIDTH, colours, QFont(qapp.font())
    )
    hatched = chart_image(
        Bars(("a",), (Stack("x", (5,), Mark.HATCHED),)), WIDTH, colours, QFont(qapp.font())
    )
    middle = WIDTH // 2
    top, bottom = solid.height() // 3, solid.height() * 2 // 3
    # The same bar: solid is (almost) all fill; hatched lets the paper through.
    assert share_of(solid, colours.fill, middle - 20, middle + 20, top, bottom) > 0.9
    assert 0.1 < share_of(hatched, colours.fill, middle - 20, middle + 20, top, bottom) < 0.7


def test_the_heat_map_draws_more_as_a_bigger_dot(qapp: QApplication) -> None:
    counts = tuple(
        tuple(10 if (d, h) == (4, 21) else 1 if (d, h) == (0, 8) else 0 for h in range(24))
        for d in range(7)
    )
    image = chart_image(
        Heat(tuple("MTWTFSS"), ("",) * 24, counts), WIDTH, ink(), QFont(qapp.font())
    )
    darkish = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 200 and x > 40
    ]
    # Two dots: the one for 10 cravings covers far more than the one for 1.
    right = [p for p in darkish if p[0] > WIDTH * 0.7]
    left = [p for p in darkish if p[0] < WIDTH * 0.5]
    assert len(right) > 4 * len(left) > 0


def test_every_kind_draws_in_both_looks_without_trouble(qapp: QApplication) -> None:
    charts = [
        Bars(
            ("1 Nov",) * 60,
            (Stack("a", (3,) * 60, Mark.SOLID), Stack("b", (1,) * 60, Mark.DOTTED)),
            "m",
            (5.0,) * 60,
        ),
        Line("Mood", ("x",) * 5, (1.0, None, 3.0, 5.0, 2.0), 1, 5),
        Ranked(("a long name for a coping strategy",), (0.5,), ("1 of 2",), 1.0),
        Heat(tuple("MTWTFSS"), ("",) * 24, tuple((0,) * 24 for _ in range(7))),
    ]
    for theme in (LIGHT, DARK):
        colours = Ink.from_palette(theme.palette())
        for chart in charts:
            image = chart_image(chart, 320, colours, QFont(qapp.font()))
            assert not image.isNull() and image.height() > 0


def test_axis_steps_are_round_numbers() -> None:
    assert [nice_step(t) for t in (3, 10, 37, 250, 0)] == [1.0, 5.0, 10.0, 100.0, 1.0]


def test_a_screen_reader_is_told_a_chart_is_a_chart_and_given_its_reading(
    qapp: QApplication,
) -> None:
    """The issue: custom-painted widgets said only "client" with no role or value."""
    import gc

    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from recovery_app.ui.common.charts import ChartView
    from recovery_app.ui.toolkit.breathing import BreathingGuide

    chart = Line("Cravings each week", ("1 Nov", "8 Nov"), (3.0, 1.0), 0, 3)
    for _ in range(20):  # made and dropped again and again: nothing may crash
        page = QWidget()
        views = [ChartView("Cravings each week", chart, "Fewer cravings in the second week")]
        breathing = BreathingGuide()
        layout = QVBoxLayout(page)
        for widget in (*views, breathing):
            layout.addWidget(widget)
        page.show()
        told = QAccessible.queryAccessibleInterface(views[0])
        assert told is not None and told.role() == QAccessible.Role.Chart
        assert told.text(QAccessible.Text.Name) == "Cravings each week"
        assert told.text(QAccessible.Text.Description) == "Fewer cravings in the second week"
        assert told.parent().object() is page
        circle = QAccessible.queryAccessibleInterface(breathing.circle)
        assert circle is not None and circle.role() == QAccessible.Role.Animation
        assert "breathe in" in circle.text(QAccessible.Text.Name)
        page.deleteLater()
        qapp.processEvents()
        gc.collect()
