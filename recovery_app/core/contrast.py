"""Contrast between two colours, as WCAG 2 measures it (pure maths, no Qt).

Relative luminance and the contrast ratio follow the WCAG 2.x definitions; text
needs at least 4.5:1 against its background, large text and the borders of
controls at least 3:1.
"""

from __future__ import annotations

TEXT = 4.5
LARGE_OR_BORDER = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    digits = hex_colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_colour!r}")
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white), whichever way round."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
