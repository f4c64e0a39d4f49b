"""Controls built from a state field's :class:`engine.schema.FieldSpec`: the one place a range or step reaches a widget.

A lab never writes a bound or a step of its own: ``value_slider(OptimizerConfig, "lr")`` or
``configure_spin(box, field_spec(VectorsState, "scalar_c"))`` read the range, step, unit and decimals declared beside
the state in the engine, so the slider, the spin box, the scene validator and lesson goals agree by construction.
"""

from __future__ import annotations

import math

from PySide6 import QtWidgets

from engine.schema import FieldSpec, field_spec
from gui.i18n import translate
from gui.widgets.param_slider import ParamSlider
from gui.widgets.value_slider import ValueSlider

INT_LIMIT = 2**31 - 1
"""The largest value a QSpinBox holds (a C int)."""

__all__ = ["spec_of", "decimals_for", "configure_spin", "value_slider", "param_slider", "field_label", "next_seed"]


def field_label(fs: FieldSpec, default: str = "") -> str:
    """The field's label in the current language (``python -m gui.i18n --update`` extracts every spec's label)."""
    return translate("fields", fs.label) if fs.label else (default or fs.name)


def spec_of(state_cls: type, name: str) -> FieldSpec:
    """The field spec of ``state_cls.name`` (a thin alias, so gui code reads as what it does)."""
    return field_spec(state_cls, name)


def decimals_for(fs: FieldSpec) -> int:
    """Decimals a spin box shows: the declared ones, else enough to show one step exactly."""
    if fs.decimals is not None:
        return fs.decimals
    if fs.integer:
        return 0
    if fs.step is None or fs.step <= 0:
        return 3
    text = f"{fs.step:.8f}".rstrip("0")
    return max(1, min(8, len(text.split(".")[1]))) if "." in text else 0


def _bounds(fs: FieldSpec) -> tuple[float, float]:
    lo = fs.lo if fs.lo is not None else -1e9
    hi = fs.hi if fs.hi is not None else 1e9
    return float(lo), float(hi)


def configure_spin(box: QtWidgets.QAbstractSpinBox, fs: FieldSpec) -> None:
    """Range, step, decimals and unit suffix of a (double) spin box, from the field spec.

    The shown range never admits a value the spec refuses: a lower bound such as 1e-9 that would round to 0.000 at
    the shown decimals is raised to the smallest shown value, and integer boxes stop at Qt's 32-bit limit.
    """
    lo, hi = _bounds(fs)
    if isinstance(box, QtWidgets.QDoubleSpinBox):
        decimals = decimals_for(fs)
        quantum = 10.0**-decimals
        shown_lo = math.ceil(round(lo / quantum, 6)) * quantum if fs.lo is not None else lo
        shown_hi = math.floor(round(hi / quantum, 6)) * quantum if fs.hi is not None else hi
        box.setDecimals(decimals)
        box.setRange(shown_lo, shown_hi)
        if fs.step:
            box.setSingleStep(fs.step)
    elif isinstance(box, QtWidgets.QSpinBox):
        box.setRange(int(max(math.ceil(lo), -INT_LIMIT)), int(min(math.floor(hi), INT_LIMIT)))
        if fs.step:
            box.setSingleStep(max(1, int(fs.step)))
    if fs.unit and hasattr(box, "setSuffix"):
        box.setSuffix(f" {translate('fields', fs.unit)}")


def next_seed(box: QtWidgets.QSpinBox) -> int:
    """The seed after ``box``'s, wrapping to its minimum past its maximum ("Again" at 2³¹ − 1 must not overflow)."""
    return box.value() + 1 if box.value() < box.maximum() else box.minimum()


def value_slider(state_cls: type, name: str, label: str | None = None, parent=None) -> ValueSlider:
    """A :class:`ValueSlider` spanning the field's slider range in its declared step."""
    fs = field_spec(state_cls, name)
    lo, hi = fs.slider_range
    step = fs.step or (hi - lo) / 100
    return ValueSlider(
        label if label is not None else field_label(fs, name), lo, hi, float(fs.default), step, decimals_for(fs), parent
    )


def param_slider(state_cls: type, name: str, symbol: str | None = None, tooltip: str = "", parent=None) -> ParamSlider:
    """A :class:`ParamSlider`: the slider over the teaching range, the spin box over the whole domain."""
    fs = field_spec(state_cls, name)
    return ParamSlider(
        symbol if symbol is not None else field_label(fs, name),
        fs.slider_range,
        _bounds(fs),
        integer=fs.integer,
        decimals=decimals_for(fs),
        tooltip=tooltip,
        parent=parent,
    )
