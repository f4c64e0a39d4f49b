"""Widgets built from a field spec show exactly the spec's range and step, and never admit a refused value."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtWidgets

from engine.schema import spec
from gui.widgets.field_controls import INT_LIMIT, configure_spin, spec_of, value_slider


@dataclass(frozen=True)
class Demo:
    sigma: float = spec(1.0, lo=1e-9, hi=50.0, step=0.1, decimals=3, unit="cm")
    seed: int = spec(7, lo=0, hi=2**31 - 1, integer=True)
    rate: float = spec(0.1, lo=0.0, hi=10.0, step=0.05, soft_hi=1.0, label="η")


def test_a_double_spin_box_takes_range_step_decimals_and_unit_from_the_spec(qtbot) -> None:
    box = QtWidgets.QDoubleSpinBox()
    qtbot.addWidget(box)
    configure_spin(box, spec_of(Demo, "sigma"))
    assert (box.minimum(), box.maximum(), box.singleStep(), box.decimals()) == (0.001, 50.0, 0.1, 3)
    assert box.suffix() == " cm"
    box.setValue(0.0)  # 0 would be refused by the validator (lo = 1e-9): the box cannot show it
    assert box.value() == 0.001


def test_an_integer_spin_box_stops_at_the_32_bit_limit_not_below_the_spec(qtbot) -> None:
    box = QtWidgets.QSpinBox()
    qtbot.addWidget(box)
    configure_spin(box, spec_of(Demo, "seed"))
    assert (box.minimum(), box.maximum()) == (0, INT_LIMIT)


def test_a_value_slider_spans_the_teaching_range_and_moves_in_the_spec_step(qtbot) -> None:
    slider = value_slider(Demo, "rate")
    qtbot.addWidget(slider)
    assert slider.label.text() == "η"
    assert (slider.box.minimum(), slider.box.maximum(), slider.box.singleStep()) == (0.0, 1.0, 0.05)
    with qtbot.waitSignal(slider.value_changed) as sig:
        slider.slider.setFocus()
        qtbot.keyClick(slider.slider, QtCore.Qt.Key.Key_Right)
    assert sig.args[0] == 0.15
