"""The Optimizer lab's 3-D view of the surface with the paths on it (OpenGL, created on first show)."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.labs.optimizer.views import COLORS

__all__ = ["Surface3D"]


class Surface3D(QtWidgets.QWidget):
    """A 3-D view of the surface and paths, created only when first shown; a note where OpenGL is missing."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lay = QtWidgets.QVBoxLayout(self)
        self.note = QtWidgets.QLabel(self.tr("The 3-D view opens when this tab is shown."))
        self.note.setWordWrap(True)
        self.note.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._lay.addWidget(self.note)
        self.gl = None
        self.failed = False
        self._surface = None
        self._paths: dict[str, object] = {}

    def ensure(self) -> bool:
        """Create the OpenGL view now; False (with a note) when this machine cannot show it."""
        if self.gl is not None:
            return True
        if self.failed:
            return False
        app = QtGui.QGuiApplication.instance()
        if app is None or app.platformName() in ("offscreen", "minimal"):
            return self._fail(self.tr("3-D view unavailable: this session has no OpenGL display (offscreen)."))
        try:
            import pyqtgraph.opengl as gl

            w = gl.GLViewWidget()
            w.setCameraPosition(distance=4.0, elevation=30, azimuth=-60)
            w.setBackgroundColor(theme.current().background)
        except Exception as exc:
            return self._fail(self.tr("3-D view unavailable: OpenGL could not start ({0}).").format(type(exc).__name__))
        self._gl_module = gl
        self.gl = w
        self.note.setText(self.tr("Drag to rotate, wheel to zoom. Heights are the display-compressed loss."))
        self._lay.addWidget(w, 1)
        return True

    def _fail(self, text: str) -> bool:
        self.failed = True
        self.note.setText(text + "\n" + self.tr("The contour view on the first tab shows the same surface from above."))
        return False

    def set_data(self, xs, ys, display, paths: dict[str, np.ndarray]) -> None:
        """Show the surface (normalised to a unit box) and paths lifted onto it."""
        if self.gl is None:
            return
        gl = self._gl_module
        step = max(1, len(xs) // 100)
        xs_, ys_, d = xs[::step], ys[::step], display[::step, ::step]
        finite = d[np.isfinite(d)]
        top = float(finite.max()) if finite.size else 1.0
        d = np.where(np.isfinite(d), d, top) / max(top, 1e-12)
        sx, sy = 2.0 / (xs_[-1] - xs_[0]), 2.0 / (ys_[-1] - ys_[0])
        u, v = (xs_ - xs_[0]) * sx - 1.0, (ys_ - ys_[0]) * sy - 1.0
        colors = np.empty(d.T.shape + (4,), dtype=np.float32)
        colors[..., 0] = 0.35 + 0.5 * d.T
        colors[..., 1] = 0.55 + 0.3 * d.T
        colors[..., 2] = 0.75 - 0.2 * d.T
        colors[..., 3] = 1.0
        colors = colors.reshape(-1, 4)  # one colour per mesh vertex: the faces index the flattened grid
        if self._surface is None:
            self._surface = gl.GLSurfacePlotItem(x=u, y=v, z=d.T, colors=colors, shader=None, smooth=False)
            self.gl.addItem(self._surface)
        else:
            self._surface.setData(x=u, y=v, z=d.T, colors=colors)
        for item in self._paths.values():
            self.gl.removeItem(item)
        self._paths.clear()
        for name, pts in paths.items():
            if len(pts) == 0:
                continue
            ix = np.clip(np.searchsorted(xs_, pts[:, 0]), 0, len(xs_) - 1)
            iy = np.clip(np.searchsorted(ys_, pts[:, 1]), 0, len(ys_) - 1)
            z = d[iy, ix] + 0.02
            pos = np.column_stack(((pts[:, 0] - xs_[0]) * sx - 1.0, (pts[:, 1] - ys_[0]) * sy - 1.0, z))
            c = theme.color(COLORS[name])
            item = gl.GLLinePlotItem(pos=pos, color=(c.redF(), c.greenF(), c.blueF(), 1.0), width=3, antialias=True)
            self.gl.addItem(item)
            self._paths[name] = item
