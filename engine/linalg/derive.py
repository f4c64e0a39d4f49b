"""Everything the Matrices lab draws and reads out for one state, computed once (the exact RREF included)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np

from engine.i18n import decimal_point, localize, translate
from engine.linalg.lab import MatricesState
from engine.linalg.matrix import (
    EigenResult,
    SingularMatrixError,
    SolveResult,
    determinant,
    eigen,
    inverse,
    inverse_exact,
    rank,
    solve,
)
from engine.linalg.row_reduction import Number, RrefResult, format_number
from engine.linalg.transform2d import (
    PRESET_PARAMS,
    line_in_box,
    morph,
    preset_matrix,
    system_lines,
    transformed_grid,
    unit_square,
)

__all__ = [
    "MatricesResults",
    "PresetSlider",
    "RrefView",
    "derive",
    "matrix_text",
    "preset_slider",
    "choose_preset",
    "set_preset_param",
    "SNAP_STEP",
    "FREE_STEP",
    "GRID_HALF",
]

SNAP_STEP = 0.5
"""Grid a dragged basis tip lands on when snapping is on."""
FREE_STEP = 0.01
"""Resolution of a dragged basis tip when snapping is off."""
GRID_HALF = 12
"""The moved grid shows the lines x = k and y = k for |k| ≤ GRID_HALF."""

Point = tuple[float, float]


@dataclass(frozen=True)
class PresetSlider:
    """The slider of a preset's parameter: its symbol, range and step."""

    symbol: str
    lo: float
    hi: float
    step: float


@dataclass(frozen=True, eq=False)
class RrefView:
    """The row-reduction page for one state: the reduction (computed once) and the step being shown."""

    result: RrefResult
    solution: SolveResult
    step: int
    """The step shown, 0 (the input) to ``len(result.steps)``."""
    cells: tuple[tuple[str, ...], ...]
    changed_rows: tuple[int, ...]
    pivot_cells: frozenset[tuple[int, int]]
    """(row, column) of the leading 1s, marked once the reduction is complete."""
    description: str
    step_text: str
    summary: str

    @property
    def steps(self) -> int:
        """Number of row operations."""
        return len(self.result.steps)

    @property
    def final(self) -> bool:
        """True when the shown step is the reduced form."""
        return self.step == self.steps


@dataclass(frozen=True, eq=False)
class MatricesResults:
    """What the Transform, System and Row-reduction pages show for one :class:`MatricesState`."""

    morph: np.ndarray
    """(1 − t)·I + t·A, the matrix drawn at the current morph time."""
    i_tip: Point
    j_tip: Point
    snap_step: float
    grid: tuple[np.ndarray, np.ndarray] | None
    """x/y arrays (NaN-separated) of the moved grid, None when the grid is hidden."""
    det: float
    det_t: float
    singular_t: bool
    square: np.ndarray
    square_color: str
    """Theme colour of the moved unit square: sky (det > 0), orange (flipped), grey (singular)."""
    det_label: str
    det_label_color: str
    det_label_pos: Point
    det_label_anchor: Point
    eigen_lines: tuple[tuple[float, str], ...]
    """(direction in degrees, "λ = …" at the morph time) per real eigen-line; empty when none is drawn."""
    matrix_text: str
    preset_slider: PresetSlider | None
    rref: RrefView
    _state: MatricesState = field(repr=False)
    _eigen: EigenResult = field(repr=False)

    # The facts and the system are worked out when first read, once per results: a basis drag on the Transform page
    # reads neither on most moves (the facts catch up at 10 Hz, the System page is hidden), and together they were
    # 0.34 of derive's 0.55 ms a move (exact inverse, exact solve).
    @cached_property
    def _fact_texts(self) -> tuple[str, str, str]:
        return _facts(self._state, self.det, self.det_t, self._eigen)

    @cached_property
    def _system_parts(self) -> dict:
        return _system(self._state)

    @property
    def det_text(self) -> str:
        """The determinant and what it does to areas and orientation (rich text, "What A does")."""
        return self._fact_texts[0]

    @property
    def eigen_text(self) -> str:
        """The eigenvalues in words (rich text, "What A does")."""
        return self._fact_texts[1]

    @property
    def inverse_text(self) -> str:
        """The inverse, or why there is none (rich text, "What A does")."""
        return self._fact_texts[2]

    @property
    def equations(self) -> tuple[str, str]:
        """The two equations of A x = b as text."""
        return self._system_parts["equations"]

    @property
    def system_segments(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Each equation's line as a segment reaching a view's size beyond the view (None: no line)."""
        return self._system_parts["system_segments"]

    @property
    def system_label_points(self) -> tuple[Point | None, Point | None]:
        """Where each line's label sits, on its visible part."""
        return self._system_parts["system_label_points"]

    @property
    def solution_point(self) -> Point | None:
        """The single solution of A x = b, when there is one."""
        return self._system_parts["solution_point"]

    @property
    def solution_label(self) -> str:
        """The single solution as "(x, y)", exact where possible ("" when none)."""
        return self._system_parts["solution_label"]

    @property
    def system_kind(self) -> str:
        """One, no, or infinitely many solutions, in words."""
        return self._system_parts["system_kind"]

    @property
    def system_explain(self) -> str:
        """Why: the solution, or what det A = 0 means for these equations."""
        return self._system_parts["system_explain"]


def _num(x: float) -> str:
    return format_number(x, 4)


def matrix_text(M) -> str:
    """A matrix as one line, rows separated by semicolons: "[2, 1; 1, 2]" (fractions stay exact)."""
    return "[" + "; ".join(", ".join(format_number(x) for x in row) for row in M) + "]"


def preset_slider(preset: str) -> PresetSlider | None:
    """Symbol, range and step of a preset's parameter slider (None for "custom": nothing to slide)."""
    if preset not in PRESET_PARAMS:
        return None
    label, lo, hi, _default = PRESET_PARAMS[preset]
    if "°" in label:
        return PresetSlider("θ°", lo, hi, 1.0)
    return PresetSlider(label.split(" ")[-1], lo, hi, 0.05)


def choose_preset(state: MatricesState, preset: str) -> MatricesState:
    """``state`` switched to a preset: its default parameter and matrix ("custom" keeps the matrix)."""
    if preset not in PRESET_PARAMS:
        return replace(state, preset=preset)
    default = PRESET_PARAMS[preset][3]
    return replace(state, preset=preset, preset_param=default, matrix=preset_matrix(preset, default))


def set_preset_param(state: MatricesState, value: float) -> MatricesState:
    """``state`` with the current preset's parameter set to ``value`` and the matrix it gives (unchanged if custom)."""
    if state.preset not in PRESET_PARAMS:
        return state
    return replace(state, preset_param=float(value), matrix=preset_matrix(state.preset, float(value)))


def derive(state: MatricesState) -> MatricesResults:
    """The moved plane, the facts about A, the system's lines and the row-reduction page of ``state``.

    The exact-fraction reduction of the augmented matrix runs once here (through :func:`solve`, whose result carries
    it), so the gui's results cache keeps every view of one state to a single RREF. Everything is cheap enough for a
    drag; nothing runs off the GUI thread.

    Parameters
    ----------
    state : MatricesState

    Returns
    -------
    MatricesResults
    """
    A = state.matrix
    M = morph(A, state.morph_t)
    det = determinant(A)
    det_t = float(np.linalg.det(M)) if state.morph_t < 1 else det
    singular = abs(det_t) <= 1e-12 * max(1.0, float(np.abs(M).max()) ** 2)
    square = unit_square(M)
    x0, x1, y0, y1 = state.view
    if singular:
        label, label_color = translate("linalg", "singular: det = 0, the plane collapses"), "fg"
        pos, anchor = (x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0)), (0.0, 0.0)
    else:
        label = f"det = {_num(det_t)}" + (translate("linalg", "  (flipped)") if det_t < 0 else "")
        label_color = "blue" if det_t > 0 else "vermillion"
        centre = square[:4].mean(axis=0)
        pos, anchor = (float(centre[0]), float(centre[1])), (0.5, 0.5)
    eig = eigen(A)
    return MatricesResults(
        morph=M,
        i_tip=(float(M[0, 0]), float(M[1, 0])),
        j_tip=(float(M[0, 1]), float(M[1, 1])),
        snap_step=SNAP_STEP if state.snap else FREE_STEP,
        grid=transformed_grid(M, half=GRID_HALF) if state.show_grid else None,
        det=det,
        det_t=det_t,
        singular_t=singular,
        square=square,
        square_color="grey" if singular else ("sky" if det_t > 0 else "orange"),
        det_label=label,
        det_label_color=label_color,
        det_label_pos=pos,
        det_label_anchor=anchor,
        eigen_lines=_eigen_lines(eig, state.morph_t),
        matrix_text=matrix_text(A),
        preset_slider=preset_slider(state.preset),
        rref=_rref_view(state),
        _state=state,
        _eigen=eig,
    )


def _eigen_lines(eig: EigenResult, t: float) -> tuple[tuple[float, str], ...]:
    """Real eigen-directions with their eigenvalue at morph time t (none for complex ones or a whole plane)."""
    whole_plane = len(eig.vectors) == 2 and len(set(eig.vector_values)) == 1
    if not eig.is_real or whole_plane:
        return ()
    out = []
    for v, lam in zip(eig.vectors, eig.vector_values, strict=True):
        out.append((float(np.degrees(np.arctan2(v[1], v[0]))), f"λ = {_num((1 - t) + t * lam)}"))
    return tuple(out)


def _facts(state: MatricesState, det: float, det_t: float, eig: EigenResult) -> tuple[str, str, str]:
    """The "What A does" texts: determinant, eigenvalues, inverse."""
    A = state.matrix
    if det == 0:
        orient = (
            translate("linalg", "singular: the plane collapses onto a point")
            if rank(A) == 0
            else translate("linalg", "singular: the plane collapses onto a line")
        )
    elif det > 0:
        orient = translate("linalg", "keeps orientation (î→ĵ still turns counter-clockwise)")
    else:
        orient = translate("linalg", "flips orientation (mirror image)")
    at = f" (t = {localize(f'{state.morph_t:.2f}')}: {_num(det_t)})" if state.morph_t < 1 else ""
    det_text = f"<b>det A = {_num(det)}</b>{at}<br>" + translate(
        "linalg", "Area of the unit square × {0}; {1}."
    ).format(_num(abs(det)), orient)
    if eig.is_real:
        eigen_text = translate("linalg", "<b>Eigenvalues:</b> {0}<br>{1}.").format(
            "; ".join(_num(v) for v in eig.values)
            if decimal_point() == ","
            else ", ".join(_num(v) for v in eig.values),
            eig.message,
        )
    else:
        eigen_text = translate("linalg", "<b>Eigenvalues are complex.</b><br>{0}.").format(eig.message)
    try:
        exact = inverse_exact(A)
        inv = exact if exact is not None else inverse(A)
        inverse_text = f"<b>A⁻¹ = {matrix_text(inv)}</b><br>It undoes A: A⁻¹A = I."
    except SingularMatrixError as exc:
        inverse_text = f"<b>No inverse.</b> A is {exc}."
    return det_text, eigen_text, inverse_text


def _line_eq(seg: np.ndarray) -> tuple[float, float, float]:
    (ax, ay), (bx, by) = seg
    a, b = by - ay, ax - bx
    return float(a), float(b), float(a * ax + b * ay)


def _label_point(seg: np.ndarray, frac: float, view: tuple[float, float, float, float]) -> Point:
    """A point a fraction of the way along the visible part of a segment (labels stay on screen)."""
    clipped = line_in_box(*_line_eq(seg), view)
    part = clipped if clipped is not None else seg
    at = part[0] + frac * (part[1] - part[0])
    return float(at[0]), float(at[1])


def _system(state: MatricesState) -> dict:
    """The two lines of A x = b (drawn a view's size beyond the view, so panning never shows an end) and the case."""
    A, b = state.matrix, state.system_b
    x0, x1, y0, y1 = state.view
    w, h = x1 - x0, y1 - y0
    segs = system_lines(A, b, (x0 - w, x1 + w, y0 - h, y1 + h))
    equations = tuple(
        f"{_num(A[k][0])}·x + {_num(A[k][1])}·y = {_num(b[k])}".replace("+ \u2212", "− ") for k in range(2)
    )
    points = tuple(None if seg is None else _label_point(seg, (0.8, 0.2)[k], state.view) for k, seg in enumerate(segs))
    sol = solve(A, b)
    point, point_label = None, ""
    if sol.kind == "unique":
        shown = sol.x_exact if sol.x_exact is not None else sol.x
        point = (float(sol.x[0]), float(sol.x[1]))
        point_label = f"({format_number(shown[0])}, {format_number(shown[1])})"
        kind = translate("linalg", "One solution: the lines meet at one point.")
        explain = f"x = {format_number(shown[0])}, y = {format_number(shown[1])}."
    elif sol.kind == "none":
        kind = translate("linalg", "No solution: the lines are parallel and never meet.")
        explain = translate("linalg", "det A = 0 and the equations contradict each other.")
    else:
        kind = translate("linalg", "Infinitely many solutions: both equations are the same line.")
        explain = translate("linalg", "det A = 0 and every point on the line solves both equations.")
    for k in range(2):
        if A[k][0] == 0 and A[k][1] == 0:
            what = "is always true (0 = 0)" if b[k] == 0 else f"reads 0 = {_num(b[k])}: impossible"
            explain += f" Equation ({k + 1}) {what}."
    return {
        "equations": equations,
        "system_segments": tuple(segs),
        "system_label_points": points,
        "solution_point": point,
        "solution_label": point_label,
        "system_kind": kind,
        "system_explain": explain,
    }


def _rref_view(state: MatricesState) -> RrefView:
    """The row-reduction page: one exact reduction of [A | b] (inside solve) and the step the state points at."""
    return _rref_view_of(state.augmented, state.rref_step)


@lru_cache(maxsize=16)
def _rref_view_of(aug: tuple[tuple[str, ...], ...], rref_step: int) -> RrefView:
    """:func:`_rref_view` keyed on the two fields it reads: dragging î or ĵ leaves [A | b] alone, so the exact
    reduction runs once per edit of the augmented matrix, not once per mouse move."""
    n = len(aug[0]) - 1
    sol = solve([r[:n] for r in aug], [r[n] for r in aug])
    red = sol.reduced
    steps = red.steps
    k = min(rref_step, len(steps))
    matrix: tuple[tuple[Number, ...], ...] = red.original if k == 0 else steps[k - 1].matrix
    if k == 0:
        changed: tuple[int, ...] = ()
    else:
        changed = steps[k - 1].rows if steps[k - 1].kind == "swap" else steps[k - 1].rows[:1]
    final = k == len(steps)
    pivots = frozenset((i, p) for i, p in enumerate(red.pivots) if final and matrix[i][p] == 1)
    mode = (
        translate("linalg", "exact fractions") if sol.exact else translate("linalg", "decimals (rounded for display)")
    )
    if not final:
        summary = translate("linalg", "Walk with Next ▶ to the reduced form. Arithmetic: {0}.").format(mode)
    else:
        lines = [
            f"Reduced row echelon form: rank {sol.rank}, pivots in columns "
            f"{', '.join(str(p + 1) for p in red.pivots if p < n) or 'none'}.",
            sol.message + ".",
        ]
        if sol.kind == "infinite":
            xs = sol.x_exact if sol.x_exact is not None else sol.x
            lines.append("One solution: x = (" + ", ".join(format_number(v) for v in xs) + ")")
            for j, v in enumerate(sol.nullspace):
                lines.append(f"plus any multiple of n{j + 1} = (" + ", ".join(format_number(x) for x in v) + ")")
        summary = "<br>".join(lines)
    return RrefView(
        result=red,
        solution=sol,
        step=k,
        cells=tuple(tuple(format_number(x) for x in row) for row in matrix),
        changed_rows=changed,
        pivot_cells=pivots,
        description=translate("linalg", "Start: the augmented matrix [A | b]") if k == 0 else steps[k - 1].description,
        step_text=translate("linalg", "step {0} of {1}").format(k, len(steps)),
        summary=summary,
    )
