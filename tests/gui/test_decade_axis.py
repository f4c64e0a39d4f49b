"""Log axes tick the 2…9 of each decade only where a decade has room for them."""

from __future__ import annotations

import pyqtgraph as pg

from gui.widgets.plane import DecadeAxis, configure_plot, decade_axes


def _minor_ticks(axis, lo: float, hi: float, size: float) -> list[float]:
    levels = axis.tickValues(lo, hi, size)
    return [v for spacing, values in levels if spacing is None for v in values]


def test_twenty_decades_on_a_short_axis_get_powers_of_ten_only(qtbot):
    plain, decade = pg.AxisItem("left"), DecadeAxis("left")
    for ax in (plain, decade):
        ax.setLogMode(False, True)
    assert len(_minor_ticks(plain, -16.8, 3.7, 170)) > 150  # what pyqtgraph alone draws: ~1 px apart
    assert _minor_ticks(decade, -16.8, 3.7, 170) == []
    majors = [v for spacing, values in decade.tickValues(-16.8, 3.7, 170) for v in values]
    assert majors and all(float(v).is_integer() for v in majors)  # powers of ten remain


def test_a_tall_decade_keeps_its_minor_ticks_exactly_as_pyqtgraph_draws_them(qtbot):
    plain, decade = pg.AxisItem("left"), DecadeAxis("left")
    for ax in (plain, decade):
        ax.setLogMode(False, True)
    assert decade.tickValues(-2.0, 0.5, 400) == plain.tickValues(-2.0, 0.5, 400)  # 160 px per decade
    # by hand: 2…9 × 10⁻², 1…9 × 10⁻¹, then 1, 2, 3 (log10 3 = 0.477 < 0.5): 8 + 9 + 3
    assert len(_minor_ticks(decade, -2.0, 0.5, 400)) == 20


def test_decade_axes_replaces_the_sides_asked_for(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    item = widget.getPlotItem()
    decade_axes(item, "left")
    configure_plot(item)
    assert isinstance(item.getAxis("left"), DecadeAxis)
    assert not isinstance(item.getAxis("bottom"), DecadeAxis)
