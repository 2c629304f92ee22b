import pytest

from recovery_app.core.contrast import luminance, ratio


def test_black_on_white_is_21_to_1_either_way_round() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert ratio("#777777", "#777777") == pytest.approx(1.0)


def test_the_published_wcag_example_grey_just_passes() -> None:
    # #767676 on white is the well-known lightest grey that reaches 4.5:1.
    assert 4.5 <= ratio("#767676", "#ffffff") < 4.6
    assert ratio("#777777", "#ffffff") < 4.5


def test_a_colour_that_is_not_rrggbb_is_refused() -> None:
    with pytest.raises(ValueError):
        luminance("#fff")
