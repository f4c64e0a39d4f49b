"""Everything the Vectors lab draws and reads out for one state, computed in one place (the views only draw it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from engine.i18n import decimal_point, localize, number, translate
from engine.vectors.lab import (
    NORM_KINDS,
    VectorsState,
    angle,
    angle_arc,
    metrics,
    norm,
    parallelogram,
    span_description,
    unit_ball,
)

__all__ = ["VectorsResults", "derive", "SNAP_STEP", "FREE_STEP"]

SNAP_STEP = 1.0
"""Grid a dragged tip lands on when snapping is on (the integer grid)."""
FREE_STEP = 0.01
"""Resolution of a dragged tip when snapping is off (keeps typed-back numbers short)."""
NORM_NAMES = {"l1": "L1", "l2": "L2", "linf": "L∞"}

Point = tuple[float, float]


@dataclass(frozen=True, eq=False)
class VectorsResults:
    """What the plane and the side panel show for one :class:`VectorsState` (arrays are (k, 2) outlines)."""

    snap_step: float
    sum: Point
    parallelogram: np.ndarray
    diff: Point
    scaled: Point
    scaled_label: str
    combo: Point
    combo_path: np.ndarray
    """0 → a·u → a·u + b·v: how the combination is walked."""
    span_dim: int
    span_fill: np.ndarray | None
    """A square far larger than the view (the whole plane is the span), or None."""
    span_line_deg: float | None
    """Direction of the line spanned by dependent u, v (None unless the span is a line)."""
    span_label: str
    span_label_pos: Point
    projection: Point | None
    """Projection of u onto v; None when v is zero."""
    perpendicular: np.ndarray | None
    v_line_deg: float | None
    angle_deg: float | None
    arc: np.ndarray | None
    arc_label: str
    arc_label_pos: Point | None
    unit_ball: np.ndarray | None
    u_ball: np.ndarray | None
    """The ball of the norm through u's tip (radius ‖u‖)."""
    ball_label: str
    ball_label_pos: Point | None
    metrics: dict[str, float | bool | str]
    _state: VectorsState = field(repr=False)

    @cached_property
    def readouts(self) -> dict[str, str]:
        """Readout key -> text: u_dot_v angle norms_u norms_v sum diff scaled combo proj cross span.

        Worked out when first read, once per results: during a drag the side column reads them at its 10 Hz catch-up.
        """
        return _readouts(self._state, self.metrics)


def _num(x: float) -> str:
    return number(x, 4)


def _pair(p: tuple[float, ...]) -> str:
    sep = "; " if decimal_point() == "," else ", "  # "(2,5; 1)" where the comma is the decimal separator
    return f"({_num(p[0])}{sep}{_num(p[1])})"


def _direction_deg(d: np.ndarray) -> float:
    return float(np.degrees(np.arctan2(d[1], d[0])))


def derive(state: VectorsState) -> VectorsResults:
    """Every vector, outline, angle, span and readout text the Vectors lab shows for ``state``.

    All of it is cheap (a few small arrays), so the gui calls it synchronously on every drag move, through one cache
    keyed on the state.

    Parameters
    ----------
    state : VectorsState

    Returns
    -------
    VectorsResults
    """
    m = metrics(state)
    u, v = np.array(state.vectors[0], dtype=float), np.array(state.vectors[1], dtype=float)
    au = state.coef_a * u
    combo = (float(m["combo_x"]), float(m["combo_y"]))
    span_dim = int(m["span_dim"])
    x0, x1, y0, y1 = state.view
    span_fill = None
    span_line_deg = None
    if span_dim == 2:
        w = 4 * max(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        span_fill = np.array([(cx - w, cy - w), (cx + w, cy - w), (cx + w, cy + w), (cx - w, cy + w)])
        span_text = translate("vectors", "span{u, v} = the whole plane")
    elif span_dim == 1:
        span_line_deg = _direction_deg(u if np.hypot(*u) >= np.hypot(*v) else v)
        span_text = translate("vectors", "u, v dependent: span = a line")
    else:
        span_text = translate("vectors", "u = v = 0: span = the origin")
    proj = None if m["proj_x"] == "undefined" else (float(m["proj_x"]), float(m["proj_y"]))
    ang = angle(u, v)
    radius = min(max(0.3 * min(float(np.hypot(*u)), float(np.hypot(*v))), 0.3), 1.2)
    arc = angle_arc(u, v, radius=radius)
    arc_label_pos = None
    if arc is not None and ang is not None:
        mid = arc[len(arc) // 2] * 1.45
        arc_label_pos = (float(mid[0]), float(mid[1]))
    ball = u_ball = ball_pos = None
    ball_label = ""
    if state.norm_ball != "none":
        ball = unit_ball(state.norm_ball)
        u_ball = norm(u, state.norm_ball) * ball
        ball_label = f"‖x‖_{NORM_NAMES[state.norm_ball]} = 1"
        ball_pos = (float(ball[:, 0].max()) * 0.72, float(ball[:, 1].max()) * 0.72)
    return VectorsResults(
        snap_step=SNAP_STEP if state.snap else FREE_STEP,
        sum=(float(m["sum_x"]), float(m["sum_y"])),
        parallelogram=parallelogram(u, v),
        diff=(float(m["diff_x"]), float(m["diff_y"])),
        scaled=(float(m["cu_x"]), float(m["cu_y"])),
        scaled_label=f"{_num(state.scalar_c)}·u",
        combo=combo,
        combo_path=np.array([(0.0, 0.0), (au[0], au[1]), combo]),
        span_dim=span_dim,
        span_fill=span_fill,
        span_line_deg=span_line_deg,
        span_label=span_text,
        span_label_pos=(x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0)),
        projection=proj,
        perpendicular=None if proj is None else np.array([(u[0], u[1]), proj]),
        v_line_deg=None if proj is None else _direction_deg(v),
        angle_deg=ang,
        arc=arc if ang is not None else None,
        arc_label="" if arc_label_pos is None else localize(f"θ={ang:.1f}°"),
        arc_label_pos=arc_label_pos,
        unit_ball=ball,
        u_ball=u_ball,
        ball_label=ball_label,
        ball_label_pos=ball_pos,
        metrics=m,
        _state=state,
    )


def _readouts(state: VectorsState, m: dict[str, float | bool | str]) -> dict[str, str]:
    """The side panel's texts, from the metrics (so readouts and lesson goals never disagree)."""
    ang = m["angle_deg"]
    out = {
        "u_dot_v": _num(float(m["u_dot_v"])),
        "angle": translate("vectors", "undefined (zero vector)")
        if ang == "undefined"
        else localize(f"{float(ang):.2f}°"),
        "sum": _pair((float(m["sum_x"]), float(m["sum_y"]))),
        "diff": _pair((float(m["diff_x"]), float(m["diff_y"]))),
        "scaled": f"{_num(state.scalar_c)}·u = {_pair((float(m['cu_x']), float(m['cu_y'])))}",
        "combo": _pair((float(m["combo_x"]), float(m["combo_y"]))),
        "proj": translate("vectors", "undefined (v = 0)")
        if m["proj_x"] == "undefined"
        else _pair((float(m["proj_x"]), float(m["proj_y"]))),
        "cross": _num(float(m["cross"])),
        "span": span_description(state.vectors[0], state.vectors[1]),
    }
    for key in ("u", "v"):
        out[f"norms_{key}"] = " / ".join(_num(float(m[f"norm_{k}_{key}"])) for k in NORM_KINDS)
    return out
