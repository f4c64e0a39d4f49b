"""A log-scale slider built from a state field's spec (learning rates, condition numbers, ε): range from one place.

Beside :mod:`gui.widgets.field_controls` (which builds linear sliders and spin boxes) until that module grows a
``log_slider`` of its own; the Optimizer and Network labs' learning-rate sliders are made here.
"""

from __future__ import annotations

from engine.schema import FieldSpec, field_spec
from gui.widgets.log_slider import LogSlider

__all__ = ["log_slider", "log_range"]


def log_range(fs: FieldSpec) -> tuple[float, float]:
    """The positive range a log slider spans: the field's teaching range (a log scale cannot reach 0)."""
    lo, hi = fs.slider_range
    if not 0 < lo < hi:
        raise ValueError(f"field {fs.name!r} needs a positive soft range for a log slider, got {lo}..{hi}")
    return lo, hi


def log_slider(state_cls: type, name: str, parent=None) -> LogSlider:
    """A :class:`LogSlider` over the field's slider range, showing its default."""
    fs = field_spec(state_cls, name)
    return LogSlider(*log_range(fs), value=float(fs.default), parent=parent)
