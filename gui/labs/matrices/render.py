"""How the Matrices lab shows a state: the transformed plane (grid, unit square, det, eigen-lines), the facts about A,
and the system A x = b as two lines with their solution set.

A mixin of :class:`gui.labs.matrices.lab.MatricesLab`, split out so each module stays readable; it reads the state and
writes into the lab's plot items and labels (never edits state).
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui

from engine import linalg as la
from engine.linalg import MatricesState, format_number
from engine.linalg import transform2d as t2d
from gui import theme

__all__ = ["MatricesViewsMixin"]


def _num(x: float) -> str:
    return format_number(x, 4)


def _matrix_text(M) -> str:
    return "[" + "; ".join(", ".join(format_number(x) for x in row) for row in M) + "]"


class MatricesViewsMixin:
    """``render`` helpers of the Matrices lab (expects its planes, plot items, fact labels and system widgets)."""

    def _render_transform(self, s: MatricesState) -> None:
        M = t2d.morph(s.matrix, s.morph_t)
        self.i_hat.set_points((float(M[0, 0]), float(M[1, 0])))
        self.j_hat.set_points((float(M[0, 1]), float(M[1, 1])))
        if s.show_grid:
            xs, ys = t2d.transformed_grid(M, half=12)
            self.grid_item.setData(xs, ys)
        else:
            self.grid_item.setData([], [])
        det_t = float(np.linalg.det(M)) if s.morph_t < 1 else la.determinant(s.matrix)
        scale = max(1.0, float(np.abs(M).max()) ** 2)
        singular = abs(det_t) <= 1e-12 * scale
        color = "grey" if singular else ("sky" if det_t > 0 else "orange")
        sq = t2d.unit_square(M)
        self.square.setPolygon(QtGui.QPolygonF([QtCore.QPointF(float(x), float(y)) for x, y in sq]))
        self.square.setBrush(theme.brush(color, 110))
        self.square.setPen(theme.pen("fg" if singular else color, 2.0 if singular else 0.8))
        self.square.setVisible(s.show_det)
        self.det_label.setVisible(s.show_det)
        centre = sq[:4].mean(axis=0)
        self.det_label.setPos(float(centre[0]), float(centre[1]))
        self.det_label.setAnchor((0.5, 0.5))
        if singular:
            x0, x1, y0, y1 = self.plane.current_view()
            self.det_label.setAnchor((0, 0))
            self.det_label.setPos(x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0))
            self.det_label.setText("singular: det = 0, the plane collapses")
            self.det_label.setColor(theme.color("fg"))
        else:
            self.det_label.setText(f"det = {_num(det_t)}" + ("  (flipped)" if det_t < 0 else ""))
            self.det_label.setColor(theme.color("blue" if det_t > 0 else "vermillion"))
        eig = la.eigen(s.matrix)
        whole_plane = len(eig.vectors) == 2 and len(set(eig.vector_values)) == 1
        lines = list(eig.vectors) if eig.is_real and not whole_plane else []
        for k, line in enumerate(self.eigen_lines):
            show = s.show_eigen and k < len(lines)
            line.setVisible(show)
            if show:
                v, lam = lines[k], eig.vector_values[k]
                line.setAngle(float(np.degrees(np.arctan2(v[1], v[0]))))
                lam_t = (1 - s.morph_t) + s.morph_t * lam
                line.label.setFormat(f"λ = {_num(lam_t)}")
        self._render_facts(s, det_t, eig)

    def _render_facts(self, s: MatricesState, det_t: float, eig: la.EigenResult) -> None:
        det = la.determinant(s.matrix)
        if det == 0:
            orient = "singular: the plane collapses onto " + ("a point" if la.rank(s.matrix) == 0 else "a line")
        elif det > 0:
            orient = "keeps orientation (î→ĵ still turns counter-clockwise)"
        else:
            orient = "flips orientation (mirror image)"
        at = f" (at t = {s.morph_t:.2f}: {_num(det_t)})" if s.morph_t < 1 else ""
        self.det_text.setText(
            f"<b>det A = {_num(det)}</b>{at}<br>Area of the unit square × {_num(abs(det))}; {orient}."
        )
        if eig.is_real:
            vals = ", ".join(_num(v) for v in eig.values)
            self.eigen_text.setText(f"<b>Eigenvalues:</b> {vals}<br>{eig.message}.")
        else:
            self.eigen_text.setText(f"<b>Eigenvalues are complex.</b><br>{eig.message}.")
        try:
            exact = la.inverse_exact(s.matrix)
            inv = exact if exact is not None else la.inverse(s.matrix)
            self.inverse_text.setText(f"<b>A⁻¹ = {_matrix_text(inv)}</b><br>It undoes A: A⁻¹A = I.")
        except la.SingularMatrixError as exc:
            self.inverse_text.setText(f"<b>No inverse.</b> A is {exc}.")

    def _render_system(self, s: MatricesState) -> None:
        A, b = s.matrix, s.system_b
        for spin, value in zip(self.b_spins, b, strict=True):
            if spin.value() != value:
                with QtCore.QSignalBlocker(spin):
                    spin.setValue(value)
        x0, x1, y0, y1 = self.sys_plane.current_view()
        w, h = x1 - x0, y1 - y0  # a margin, so panning or resizing never shows a line's end
        segs = t2d.system_lines(A, b, (x0 - w, x1 + w, y0 - h, y1 + h))
        eqs = []
        for k, (line, label, seg) in enumerate(zip(self.sys_lines, self.sys_labels, segs, strict=True)):
            eq = f"{_num(A[k][0])}·x + {_num(A[k][1])}·y = {_num(b[k])}".replace("+ \u2212", "− ")
            color = theme.color(("vermillion", "blue")[k]).name()
            eqs.append(f"<span style='color:{color}'><b>({k + 1})</b>  {eq}</span>")
            if seg is None:
                line.setData([], [])
                label.setText("")
            else:
                line.setData(seg[:, 0], seg[:, 1])
                at = self._label_point(seg, 0.8 if k == 0 else 0.2)
                label.setAnchor((0.5, 1.2))
                label.setPos(float(at[0]), float(at[1]))
                label.setText(f"({k + 1})")
        self.equations_text.setText("<br>".join(eqs))
        sol = la.solve(A, b)
        if sol.kind == "unique":
            x, y = sol.x
            self.sys_point.setData([x], [y])
            shown = sol.x_exact if sol.x_exact is not None else sol.x
            self.sys_point_label.setText(f"({format_number(shown[0])}, {format_number(shown[1])})")
            self.sys_point_label.setPos(x, y)
            self.system_kind.setText("One solution: the lines meet at one point.")
            self.system_explain.setText(f"x = {format_number(shown[0])}, y = {format_number(shown[1])}.")
        else:
            self.sys_point.setData([], [])
            self.sys_point_label.setText("")
            if sol.kind == "none":
                self.system_kind.setText("No solution: the lines are parallel and never meet.")
                self.system_explain.setText("det A = 0 and the equations contradict each other.")
            else:
                self.system_kind.setText("Infinitely many solutions: both equations are the same line.")
                self.system_explain.setText("det A = 0 and every point on the line solves both equations.")
        for k in range(2):
            if A[k][0] == 0 and A[k][1] == 0:
                what = "is always true (0 = 0)" if b[k] == 0 else f"reads 0 = {_num(b[k])}: impossible"
                self.system_explain.setText(self.system_explain.text() + f" Equation ({k + 1}) {what}.")

    def _label_point(self, seg: np.ndarray, frac: float) -> np.ndarray:
        """A point a fraction of the way along the visible part of a segment (labels stay on screen)."""
        x0, x1, y0, y1 = self.sys_plane.current_view()
        clipped = t2d.line_in_box(*self._line_eq(seg), (x0, x1, y0, y1))
        part = clipped if clipped is not None else seg
        return part[0] + frac * (part[1] - part[0])

    @staticmethod
    def _line_eq(seg: np.ndarray) -> tuple[float, float, float]:
        (ax, ay), (bx, by) = seg
        a, b = by - ay, ax - bx
        return float(a), float(b), float(a * ax + b * ay)
