"""The 3-D view's mesh is consistent (it is drawn only with a real OpenGL context, which the test run has not)."""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl

from gui.labs.optimizer.view_3d import Surface3D


class _FakeView:
    def __init__(self) -> None:
        self.items = []

    def addItem(self, item) -> None:
        self.items.append(item)

    def removeItem(self, item) -> None:
        self.items.remove(item)


def test_surface_colours_index_like_the_faces(qtbot) -> None:
    view = Surface3D()
    qtbot.addWidget(view)
    view.gl, view._gl_module = _FakeView(), gl  # what ensure() sets up on a machine with OpenGL
    xs = np.linspace(-2, 2, 120)
    ys = np.linspace(-1, 3, 120)
    display = np.add.outer(ys**2, xs**2)  # display[iy, ix]
    path = np.array([[-1.5, 2.0], [0.0, 0.5], [1.0, 1.0]])
    view.set_data(xs, ys, display, {"gd": path})
    mesh = view._surface._meshdata
    # Painting asks for per-face vertex colours; a colour array of the wrong shape failed here with IndexError.
    colours = mesh.vertexColors(indexed="faces")
    assert colours.shape == (mesh.faceCount(), 3, 4)
    assert len(view.gl.items) == 2  # the surface and one path
