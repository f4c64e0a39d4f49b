"""Side by side: the same three scenes redrawn by pyqtgraph (as the labs do) and by matplotlib Agg (as notebooks do).

Both sides get identical, precomputed data for every frame (the engine's trajectories, histograms and eigenvectors),
so the ratio compares drawing alone, at the same pixel size (800×600) and the same line widths in pixels.

* Ours mirrors what the labs do on an interaction: items built once and updated in place (``setData``); what does
  not move (the surface image, its contour lines, the axes) repainted from a cached pixmap
  (``DeviceCoordinateCache``); optimizer paths drawn by the lab's own ``RunLines`` item, thinned to one point per
  2 screen pixels and without antialiasing while the start point is dragged (the Optimizer lab's live mode; the
  ``_smooth`` rows: one point per pixel, antialiased, as at rest); histogram bars without antialiasing (the
  Distributions lab); the grid as one ``connect="finite"`` line item (the Matrices lab). Each frame ends with a
  synchronous repaint of the viewport.
* Theirs is the course-notebook way, already the kind version of it: the figure's artists updated in place
  (``set_data``, ``set_segments``), then ``fig.canvas.draw()`` of the whole 800×600 Agg figure — what a notebook
  slider callback does (without ``plt.clf()`` and re-plotting, which would be slower still).

matplotlib is a benchmark-only extra (``pip install -e .[bench]``): without it the scenes report an error row.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from bench import harness

SIZE = (800, 600)
DPI = 100
LINE_PX = 2.25  # path / pdf / eigenvector width in pixels on both sides (the labs' theme: 0.9 × 2.5 px)
MPL_LW = LINE_PX * 72 / DPI  # matplotlib widths are in points
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
RATIO_TARGET = {"value": 0.1}  # at least 10x faster than matplotlib
# The optimizer view (contour + 7 trajectories) at least 20x faster (issue 13), the smooth variant included.
SCENE_TARGETS = {"contour_trajectories": {"value": 0.05}, "contour_trajectories_smooth": {"value": 0.05}}


# --- the scenes' data (engine when present, plain numpy otherwise) ------------------------------------------------
def optimizer_scene(n_frames: int, steps: int = 500, grid: int = 400) -> dict[str, Any]:
    """Rosenbrock on a grid×grid surface and, per frame, 7 optimizer paths from a start point moving on a circle."""
    from engine import optim
    from engine.optim import objectives as objectives

    obj = objectives.preset("rosenbrock")
    xs, ys, z = objectives.surface_grid(obj, obj.view, grid)
    logz = np.log10(np.nan_to_num(z, nan=np.nanmax(z)) + 1.0)
    frames = []
    for k in range(n_frames):
        a = 2 * np.pi * k / max(n_frames, 1)
        start = (-1.2 + 0.5 * np.cos(a), 1.0 + 0.5 * np.sin(a))
        frames.append([optim.run(obj, start, name, steps).points for name in optim.OPTIMIZERS])
    levels = np.linspace(float(logz.min()), float(logz.max()), 14)[1:-1]
    return {"xs": xs, "ys": ys, "logz": logz, "levels": levels, "frames": frames, "view": obj.view}


def histogram_scene(n_frames: int, n_samples: int = 1_000_000) -> dict[str, Any]:
    """Per frame: a density histogram of ``n_samples`` normal draws and the PDF, as μ and σ slide."""
    from engine import stats

    frames = []
    x = np.linspace(-8, 8, 400)
    for k in range(n_frames):
        params = {"mu": -1.0 + 2.0 * k / max(n_frames - 1, 1), "sigma": 1.0 + 0.5 * np.sin(k)}
        h = stats.histogram(stats.sample("normal", params, n_samples, seed=k), bins=100)
        frames.append((h.edges, h.density, x, stats.pdf("normal", params, x)))
    return {"frames": frames, "xlim": (-8.0, 8.0), "ylim": (0.0, 0.9)}


def grid_scene(n_frames: int) -> dict[str, Any]:
    """Per frame: the integer grid −5…5, the unit square and the eigenvectors under M(t) = (1−t)I + tA."""
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    ticks = np.arange(-5.0, 6.0)
    segs = [((t, -5.0), (t, 5.0)) for t in ticks] + [((-5.0, t), (5.0, t)) for t in ticks]
    base = np.array(segs)  # (22, 2, 2)
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
    frames = []
    for k in range(n_frames):
        t = k / max(n_frames - 1, 1)
        m = (1 - t) * np.eye(2) + t * a
        lines = base @ m.T
        vals, vecs = np.linalg.eigh(m)  # symmetric: real eigenpairs, the same as numpy.linalg.eig
        eig = [np.array([[0.0, 0.0], vecs[:, i] * vals[i]]) for i in range(2)]
        frames.append((lines, square @ m.T, eig))
    return {"frames": frames, "lim": (-8.0, 8.0)}


# --- pyqtgraph -----------------------------------------------------------------------------------------------------
def _pg_widget() -> Any:
    harness.offscreen_app()
    import pyqtgraph as pg

    w = pg.PlotWidget(background="w")
    w.resize(*SIZE)
    w.getPlotItem().hideButtons()
    return w


def _cache_axes(plot: Any) -> None:
    """Axes repainted from a pixmap unless the range changes, as every lab plot does (``configure_plot``)."""
    from PySide6 import QtWidgets

    for side in ("left", "bottom"):
        plot.getAxis(side).setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _pg_finish(w: Any) -> None:
    from PySide6 import QtWidgets

    w.show()
    QtWidgets.QApplication.processEvents()
    w.viewport().repaint()


def contour_lines(scene: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Every contour level of the scene as one NaN-separated polyline in data coordinates (computed once)."""
    import pyqtgraph as pg

    xs, ys, z = scene["xs"], scene["ys"], scene["logz"]
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    px: list[np.ndarray] = []
    py: list[np.ndarray] = []
    for level in scene["levels"]:
        for line in pg.functions.isocurve(z, level, connected=True):
            a = np.asarray(line, dtype=float)  # (row, col) grid coordinates
            px += [xs[0] + a[:, 1] * dx, [np.nan]]
            py += [ys[0] + a[:, 0] * dy, [np.nan]]
    return np.concatenate(px), np.concatenate(py)


def pg_optimizer(scene: dict[str, Any], antialias: bool = False) -> tuple[Any, Callable[[int], None]]:
    """The contour + trajectories scene in pyqtgraph, drawn as the Optimizer lab draws a start-point drag.

    ``antialias=True`` draws the paths smooth, as the lab shows them at rest (and as matplotlib always does).
    """
    import pyqtgraph as pg
    from PySide6 import QtCore, QtWidgets

    cache = QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
    w = _pg_widget()
    plot = w.getPlotItem()
    x0, x1, y0, y1 = scene["view"]
    img = pg.ImageItem(scene["logz"], axisOrder="row-major")
    img.setColorMap(pg.colormap.get("viridis"))
    img.setRect(QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
    img.setCacheMode(cache)  # the surface does not move during a drag: blit it, don't rescale 400×400 every frame
    plot.addItem(img)
    contours = pg.PlotCurveItem(*contour_lines(scene), pen=pg.mkPen("w", width=1), connect="finite")
    contours.setCacheMode(cache)
    plot.addItem(contours)
    from gui.labs.optimizer.lines import RunLines  # the lab's own path drawing: all paths in one item
    from gui.labs.optimizer.views import thin_path as lab_thin_path

    runs = RunLines()
    runs.set_antialias(antialias)
    plot.addItem(runs)
    paths = []
    for c in OKABE_ITO:
        pen = pg.mkPen(c, width=LINE_PX)
        pen.setCosmetic(True)
        paths.append(runs.line(pen))
    grain = 1.0 if antialias else 2.0  # as SurfaceView.set_path: one point per 2 px while a drag redraws them
    plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
    plot.disableAutoRange()
    for side in ("left", "bottom"):
        plot.getAxis(side).setCacheMode(cache)  # as gui.widgets.plane.configure_plot does for every lab plot
    vb = plot.getViewBox()

    def update(i: int) -> None:
        px, py = vb.viewPixelSize()
        for line, pts in zip(paths, scene["frames"][i % len(scene["frames"])], strict=True):
            shown = lab_thin_path(pts, (grain * px, grain * py))
            line.setData(shown[:, 0], shown[:, 1])

    update(0)
    _pg_finish(w)
    return w, update


def pg_histogram(scene: dict[str, Any]) -> tuple[Any, Callable[[int], None]]:
    """The histogram + PDF scene in pyqtgraph."""
    import pyqtgraph as pg

    from gui.widgets.pixel_curve import PixelCurveItem

    w = _pg_widget()
    plot = w.getPlotItem()
    # As the Distributions lab: axis-aligned bars without antialiasing, the pdf as a smooth line on top.
    bars = plot.plot(stepMode="center", fillLevel=0, brush=pg.mkBrush(86, 180, 233, 140), pen=pg.mkPen("#0072B2"),
                     antialias=False)  # fmt: skip
    pdf = PixelCurveItem(pen=pg.mkPen("#D55E00", width=LINE_PX))  # as the lab's pdf: stroked in screen pixels
    plot.addItem(pdf)
    plot.setRange(xRange=scene["xlim"], yRange=scene["ylim"], padding=0)
    plot.disableAutoRange()
    _cache_axes(plot)

    def update(i: int) -> None:
        edges, dens, x, y = scene["frames"][i % len(scene["frames"])]
        bars.setData(edges, dens)
        pdf.setData(x, y)

    update(0)
    _pg_finish(w)
    return w, update


def pg_grid(scene: dict[str, Any]) -> tuple[Any, Callable[[int], None]]:
    """The transformed grid + unit square + eigenvectors scene in pyqtgraph."""
    import pyqtgraph as pg
    from PySide6 import QtGui, QtWidgets

    w = _pg_widget()
    plot = w.getPlotItem()
    plot.setAspectLocked(True)
    grid = plot.plot(pen=pg.mkPen((120, 120, 120), width=1), connect="pairs")
    square = QtWidgets.QGraphicsPolygonItem()
    square.setBrush(pg.mkBrush(230, 159, 0, 110))
    square.setPen(pg.mkPen("#E69F00", width=2))
    plot.addItem(square)
    eig = [plot.plot(pen=pg.mkPen(c, width=LINE_PX)) for c in ("#0072B2", "#D55E00")]
    lo, hi = scene["lim"]
    plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
    plot.disableAutoRange()
    _cache_axes(plot)

    def update(i: int) -> None:
        lines, sq, vecs = scene["frames"][i % len(scene["frames"])]
        flat = lines.reshape(-1, 2)
        grid.setData(flat[:, 0], flat[:, 1])
        square.setPolygon(QtGui.QPolygonF([pg.QtCore.QPointF(float(a), float(b)) for a, b in sq]))
        for item, v in zip(eig, vecs, strict=True):
            item.setData(v[:, 0], v[:, 1])

    update(0)
    _pg_finish(w)
    return w, update


# --- matplotlib ----------------------------------------------------------------------------------------------------
def _mpl_figure() -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(SIZE[0] / DPI, SIZE[1] / DPI), dpi=DPI)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def mpl_optimizer(scene: dict[str, Any]) -> tuple[Any, Callable[[int], None]]:
    """The contour + trajectories scene in matplotlib: imshow + contour + 7 lines, redrawn with canvas.draw()."""
    fig, ax = _mpl_figure()
    x0, x1, y0, y1 = scene["view"]
    ax.imshow(scene["logz"], extent=(x0, x1, y0, y1), origin="lower", aspect="auto", cmap="viridis")
    ax.contour(scene["xs"], scene["ys"], scene["logz"], levels=scene["levels"], colors="w", linewidths=1)
    lines = [ax.plot([], [], color=c, lw=MPL_LW)[0] for c in OKABE_ITO]
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)

    def update(i: int) -> None:
        for line, pts in zip(lines, scene["frames"][i % len(scene["frames"])], strict=True):
            line.set_data(pts[:, 0], pts[:, 1])
        fig.canvas.draw()

    update(0)
    return fig, update


def mpl_histogram(scene: dict[str, Any]) -> tuple[Any, Callable[[int], None]]:
    """The histogram + PDF scene in matplotlib (StepPatch + Line2D updated in place)."""
    fig, ax = _mpl_figure()
    edges, dens, x, y = scene["frames"][0]
    bars = ax.stairs(dens, edges, fill=True, color="#56B4E9", alpha=0.55)
    (pdf,) = ax.plot(x, y, color="#D55E00", lw=MPL_LW)
    ax.set_xlim(*scene["xlim"])
    ax.set_ylim(*scene["ylim"])

    def update(i: int) -> None:
        edges, dens, x, y = scene["frames"][i % len(scene["frames"])]
        bars.set_data(dens, edges)
        pdf.set_data(x, y)
        fig.canvas.draw()

    update(0)
    return fig, update


def mpl_grid(scene: dict[str, Any]) -> tuple[Any, Callable[[int], None]]:
    """The transformed grid scene in matplotlib (LineCollection, Polygon and two lines updated in place)."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Polygon

    fig, ax = _mpl_figure()
    lines, sq, vecs = scene["frames"][0]
    grid = LineCollection(lines, colors=(0.47, 0.47, 0.47), linewidths=1)
    ax.add_collection(grid)
    square = Polygon(sq, closed=True, facecolor=(0.9, 0.62, 0.0, 0.43), edgecolor="#E69F00", lw=2)
    ax.add_patch(square)
    eig = [ax.plot(v[:, 0], v[:, 1], color=c, lw=MPL_LW)[0] for v, c in zip(vecs, ("#0072B2", "#D55E00"), strict=True)]
    lo, hi = scene["lim"]
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")

    def update(i: int) -> None:
        lines, sq, vecs = scene["frames"][i % len(scene["frames"])]
        grid.set_segments(lines)
        square.set_xy(sq)
        for line, v in zip(eig, vecs, strict=True):
            line.set_data(v[:, 0], v[:, 1])
        fig.canvas.draw()

    update(0)
    return fig, update


SCENES = {
    "contour_trajectories": (optimizer_scene, pg_optimizer, mpl_optimizer),
    "contour_trajectories_smooth": (optimizer_scene, lambda sc: pg_optimizer(sc, antialias=True), mpl_optimizer),
    "histogram_pdf": (histogram_scene, pg_histogram, mpl_histogram),
    "transformed_grid": (grid_scene, pg_grid, mpl_grid),
}


def _timed(fn: Callable[[int], None], i: int) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    c0 = time.thread_time()
    t0 = time.perf_counter()
    fn(i)
    return (time.perf_counter() - t0) * 1e3, (time.thread_time() - c0) * 1e3


def side_by_side(label: str, scene: dict[str, Any], rounds: int, pg_per_round: int) -> list[dict]:
    """Interleave the two libraries (``pg_per_round`` pyqtgraph frames, then one matplotlib frame, ``rounds`` times)
    so both see the same machine load; rows for each side and the ratios of their p50 wall and CPU times."""
    _make, build_pg, build_mpl = SCENES[label]
    w, update_pg = build_pg(scene)
    _fig, update_mpl = build_mpl(scene)
    ours: list[float] = []
    ours_cpu: list[float] = []
    theirs: list[tuple[float, float]] = []
    try:
        update_pg(1)
        update_mpl(1)  # first draws (font caches, path caches) untimed on both sides
        frame = 2
        for _ in range(rounds):
            frames = list(range(frame, frame + pg_per_round))
            wall = harness.time_events(lambda i, fr=frames: update_pg(fr[i]), w.viewport(), pg_per_round)
            ours += wall
            ours_cpu += harness.cpu_times_of(wall) or []
            theirs.append(_timed(update_mpl, frame))
            frame += pg_per_round
    finally:
        w.close()
        w.deleteLater()
    a = harness.measurement(f"matplotlib.{label}.pyqtgraph", "ms", samples=ours)
    a.update({f"cpu_{k}": v for k, v in harness.percentiles(ours_cpu).items()})
    b = harness.measurement(f"matplotlib.{label}.matplotlib", "ms", samples=[t for t, _ in theirs])
    b.update({f"cpu_{k}": v for k, v in harness.percentiles([c for _, c in theirs]).items()})
    target = SCENE_TARGETS.get(label, RATIO_TARGET)
    times = f"{1 / target['value']:.0f}"
    return [
        a,
        b,
        harness.measurement(
            f"matplotlib.{label}_ratio", "x", value=a["p50"] / b["p50"], target=target,
            note=f"p50 redraw wall ms, pyqtgraph / matplotlib Agg (< {target['value']:g} = at least {times}x faster)",
        ),
        harness.measurement(
            f"matplotlib.{label}_cpu_ratio", "x", value=a["cpu_p50"] / b["cpu_p50"], target=target,
            note="the same from the GUI thread's CPU time, which other processes' load hardly moves",
        ),
    ]  # fmt: skip


def run(quick: bool) -> list[dict]:
    """Redraw each scene with both libraries; report ms per redraw and the ratio ours/theirs (p50)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return [
            {
                "name": "matplotlib.error",
                "unit": "error",
                "value": None,
                "error": "matplotlib is not installed (pip install -e .[bench]); no side-by-side figures",
            }
        ]
    n_frames = 6 if quick else 24
    rounds = 6 if quick else 40
    rows: list[dict] = []
    made: dict[Callable, dict[str, Any]] = {}
    for label, (make, _pg, _mpl) in SCENES.items():
        scene = made.setdefault(make, make(n_frames))  # the smooth variant reuses the same trajectories
        rows += side_by_side(label, scene, rounds, pg_per_round=5)
    return rows
