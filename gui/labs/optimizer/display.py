"""What the Optimizer lab writes beside the surface at a playback position: table rows, narration, curvature, loss.

Pure helpers (text and rows from the trajectories) plus :class:`LiveThrottle`, which holds the readouts to at most
ten refreshes a second while a drag recomputes the runs every frame: the paths and the star follow the mouse at
once, the numbers a moment later, and everything is exact again when the mouse is released.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from engine.optim import narrate
from engine.optim import objectives as obj
from gui.labs.optimizer.readout import SHORT_NAMES
from gui.labs.optimizer.views import COLORS

__all__ = ["LiveThrottle", "readout_rows", "narration_text", "curvature_text", "loss_offset", "LIVE_REFRESH_MS"]

LIVE_REFRESH_MS = 100
"""While a gesture lasts, the loss curves, table, narration and start label refresh at most this often."""


def readout_rows(runs: dict, k_all: int) -> list[tuple[str, str, list[str], str, str]]:
    """Rows for :meth:`ReadoutTable.show_rows`: every run at step ``k_all`` (or its last step)."""
    rows = []
    for name, tr in runs.items():
        k = min(k_all, tr.steps)
        status = tr.status if k == tr.steps else "running"
        cells = [SHORT_NAMES[name], status, f"{tr.values[k]:.3g}", f"{tr.grad_norms[k]:.2g}"]
        point = f"({tr.points[k, 0]:.4g}, {tr.points[k, 1]:.4g}) after {k} steps"
        rows.append((COLORS[name], status, cells, point, tr.message))
    return rows


def narration_text(tr, k_all: int) -> str:
    """The focused run's step ``k_all`` in words (its start, or how it ended at its last step)."""
    if tr is None:
        return "Enable an optimizer on the right to race it from the star.\n"
    k = min(k_all, tr.steps)
    text = narrate(tr, k) if k > 0 else f"start at {tuple(round(c, 4) for c in tr.points[0])}"
    if k == tr.steps:
        text += f"\n{tr.status}: {tr.message}"
    return text + "\n"


def curvature_text(o, p) -> tuple[str, np.ndarray | None]:
    """What the Hessian at ``p`` says (eigenvalues and the kind of point), and its eigenvectors (None: not finite)."""
    axes = obj.hessian_axes(o, p)
    if axes is None:
        return "Hessian: not finite here", None
    w, vecs = axes
    if w[0] > 0:
        kind = "minimum-like (positive definite)"
    else:
        kind = "saddle-like" if w[0] * w[1] < 0 else "flat/maximum-like"
    return f"Hessian eigenvalues at ({p[0]:.3g}, {p[1]:.3g}): λ = {w[0]:.4g}, {w[1]:.4g} — {kind}", vecs


def loss_offset(values: dict[str, np.ndarray], known_minima: list[float]) -> tuple[float, str]:
    """The value subtracted before the log scale (f* when known, else the lowest loss seen) and the axis label."""
    lows = [float(np.min(v)) for v in values.values() if len(v)] + known_minima
    fmin = min(lows) if lows else 0.0
    offset = fmin if known_minima else fmin - 1e-12
    exact = known_minima and abs(min(known_minima) - fmin) < 1e-12
    return offset, ("f − f*" if exact else f"f − ({offset:.4g})")


class LiveThrottle(QtCore.QObject):
    """Coalesces refresh requests during a gesture: ``refresh`` runs at most once per :data:`LIVE_REFRESH_MS`.

    The first request of a quiet spell waits one interval (the drag's next frames come first); ``flush`` runs a
    waiting refresh at once (the gesture ended), ``cancel`` drops it.
    """

    refresh = QtCore.Signal()

    def __init__(self, parent: QtCore.QObject | None = None, interval_ms: int = LIVE_REFRESH_MS) -> None:
        super().__init__(parent)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)

    @property
    def pending(self) -> bool:
        """True while a refresh waits for its turn."""
        return self._timer.isActive()

    def request(self) -> None:
        """Refresh within one interval (requests meanwhile are folded into it)."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Run the waiting refresh now, if there is one."""
        if self._timer.isActive():
            self._timer.stop()
            self.refresh.emit()

    def cancel(self) -> None:
        """Drop the waiting refresh."""
        self._timer.stop()
