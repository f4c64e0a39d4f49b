"""Low-rank images: the picture rebuilt from its k largest singular values, its spectrum, error and storage."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.decomp import (
    DecompositionsState,
    ImageSvd,
    LowRank,
    RankSteps,
    bundled_image,
    bundled_steps,
    bundled_svd,
    image_svd,
    low_rank_summary,
    rank_image,
    rank_steps,
)
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label
from gui.labs.decompositions.span_curve import MarkerLine, SpanCurve, SpanGroup
from gui.widgets.field_controls import value_slider
from gui.widgets.jobs import LatestJob
from gui.widgets.plane import configure_plot, decade_axes

__all__ = ["LowRankPage", "GrayImageItem", "image_to_array", "to_pixels"]

MAX_SIDE = 512


def image_to_array(image: QtGui.QImage) -> np.ndarray:
    """A QImage as grayscale values 0..1, scaled down so the longer side is at most 512 pixels."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                             QtCore.Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    gray = image.convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buf = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return buf[:, :w].astype(float) / 255.0


def to_pixels(image: np.ndarray) -> np.ndarray:
    """Grayscale values 0..1 as 8-bit pixels (a rank-k image may stray a little outside 0..1: clipped for display)."""
    scaled = image * 255.0  # one temporary, rounded and clipped in place (float32 stays float32)
    np.rint(scaled, out=scaled)
    np.clip(scaled, 0, 255, out=scaled)
    return scaled.astype(np.uint8)


class GrayImageItem(pg.ImageItem):
    """An ImageItem that shows 8-bit pixels with levels (0, 255) itself: the pixels pyqtgraph shows (an Indexed8 QImage
    with a gray colour table, which QPainter converts to ARGB32 at every paint), drawn from an ARGB32 copy made once per
    picture — the same scaling path and pixels, drawImage 0.9 -> 0.3 ms for 512² at 1280×800 (2.3 -> 0.6 ms at 1920
    presenter), and no lookup or colour table built per picture (~0.2 ms a rank step). Anything else is rendered by
    pyqtgraph."""

    _pixels: np.ndarray | None = None

    def render(self) -> None:  # pyqtgraph override
        image, levels = self.image, self.levels
        if not (
            image is not None and image.ndim == 2 and image.dtype == np.uint8 and image.size and self.lut is None
            and not self.autoDownsample and self.axisOrder == "row-major" and levels is not None
            and np.ndim(levels) == 1 and np.asarray(levels).tolist() == [0, 255]
        ):  # fmt: skip
            self._pixels = None
            super().render()
            return
        h, w = image.shape
        argb = np.empty((h, w), dtype=np.uint32)  # 0xAARRGGBB: opaque gray v -> (v, v, v)
        np.multiply(image, np.uint32(0x010101), out=argb, dtype=np.uint32)
        np.bitwise_or(argb, np.uint32(0xFF000000), out=argb)
        self._pixels = argb  # the QImage reads this buffer: kept while it is shown
        self.qimage = QtGui.QImage(argb.data, w, h, 4 * w, QtGui.QImage.Format.Format_ARGB32)
        self._renderRequired = False
        self._unrenderable = False


def _decompose(pixels: np.ndarray) -> tuple[np.ndarray, ImageSvd, RankSteps]:
    """The picture, its SVD and its kept partial sums (run in the background)."""
    svd = image_svd(pixels)
    return pixels, svd, rank_steps(svd)


class SteadyLabel(pg.LabelItem):
    """A layout title whose size only grows: a new text re-lays out the whole ``GraphicsLayout`` (both images and the
    spectrum plot, ~1 ms) only when it is wider or taller than any before, not on every slider step.

    The text is centred in its cell as a ``LabelItem``'s is; the cell is as wide as its column, far wider than the
    title, so keeping the widest size seen changes nothing on screen.
    """

    _held: tuple[float, float] = (0.0, 0.0)
    _laid_out: tuple[float, float] | None = None

    def updateMin(self) -> None:  # pyqtgraph override: the size hints never shrink
        bounds = self.itemRect()
        w, h = max(self._held[0], bounds.width()), max(self._held[1], bounds.height())
        self._held = (w, h)
        self.setMinimumWidth(w)
        self.setMinimumHeight(h)
        hint = QtCore.Qt.SizeHint
        self._sizeHint = {hint.MinimumSize: (w, h), hint.PreferredSize: (w, h), hint.MaximumSize: (-1, -1),
                          hint.MinimumDescent: (0, 0)}  # fmt: skip
        self.updateGeometry()

    def updateGeometry(self) -> None:  # Qt override: LabelItem.setText asks for a re-layout even at the same size
        if self._laid_out != self._held:
            self._laid_out = self._held
            super().updateGeometry()


class LowRankPage(QtWidgets.QWidget):
    """Original and rank-k images side by side, the singular value spectrum, and the k slider."""

    svd_ready = QtCore.Signal()

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.svd: ImageSvd | None = None
        self.original: np.ndarray | None = None
        self.source = ""
        self.own_name = ""
        self._shown_k = -1
        self.current: LowRank | None = None
        self.steps: RankSteps | None = None
        self.job = LatestJob(self)
        self.job.finished.connect(self._on_svd)
        self.job.failed.connect(lambda exc: self.lab.error_message(str(exc)))

        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("lowRankView")
        self.view.setAccessibleName(self.tr("Original image, rank-k approximation and singular values"))
        self.view.setMinimumSize(420, 320)
        self.images = []
        self.titles = [self.view.addLabel(self.tr("original"), row=0, col=0), SteadyLabel("")]
        self.view.addItem(self.titles[1], row=0, col=1)
        for col in range(2):
            box = self.view.addViewBox(row=1, col=col, lockAspect=True, invertY=True, enableMouse=False)
            item = GrayImageItem(axisOrder="row-major")
            box.addItem(item)
            self.images.append((box, item))
        self.spectrum_plot = self.view.addPlot(row=2, col=0, colspan=2)
        decade_axes(self.spectrum_plot, "left")
        configure_plot(self.spectrum_plot)
        self.spectrum_plot.setLogMode(y=True)
        self.spectrum_plot.setLabel("bottom", self.tr("index i"))
        self.spectrum_plot.setTitle(self.tr("Singular values σᵢ (log scale): blue kept, grey discarded"))
        # the log scale is applied here, once per picture; a rank step moves the split between the kept and the
        # discarded part (span_curve.py: only the segments that change colour are repainted)
        self.kept = SpanCurve(theme.pen("blue", 1.4))
        self.dropped = SpanCurve(theme.pen("grey", 1.0))
        self.spectrum = SpanGroup(self.spectrum_plot.getViewBox(), (self.kept, self.dropped))
        self._spectrum: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self.k_line = MarkerLine(theme.pen("vermillion", 1.0))  # moved without repainting the whole plot
        for item in (self.kept, self.dropped, self.k_line):
            self.spectrum_plot.addItem(item)
        self.view.ci.layout.setRowStretchFactor(1, 3)
        self.view.ci.layout.setRowStretchFactor(2, 2)

        self.k_slider = value_slider(DecompositionsState, "rank_k", self.tr("k"))
        self.k_slider.setObjectName("rankSlider")
        self.k_slider.slider.setAccessibleName(self.tr("Rank k of the approximation"))
        self.k_slider.box.setAccessibleName(self.tr("Rank k, typed"))
        self.k_slider.value_changed.connect(self._on_k)
        self.open_button = QtWidgets.QPushButton(self.tr("Open your own image…"))
        self.open_button.setAccessibleName(self.tr("Open a PNG or JPEG image"))
        self.open_button.clicked.connect(self._open_dialog)
        self.bundled_button = QtWidgets.QPushButton(self.tr("Back to the bundled picture"))
        self.bundled_button.clicked.connect(self.use_bundled)
        self.message = message_label(self.tr("Image message"))
        self.readout = Readout(self.tr("Low-rank results"))
        self.readout.setObjectName("lowRankReadout")

        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        col.addWidget(self.k_slider)
        col.addWidget(self.open_button)
        col.addWidget(self.bundled_button)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addWidget(lab.side_panel(column))

    # --- images -----------------------------------------------------------------------------------------------------
    def ensure_image(self, name: str) -> None:
        """Start the SVD of the bundled image ``name`` in the background unless it is shown already."""
        if self.own_name or self.source == name:
            return
        self.source = name
        self.message.show_text(self.tr("Computing the SVD of the image…"))
        self.job.submit(lambda: (bundled_image(name), bundled_svd(name), bundled_steps(name)))

    def use_bundled(self) -> None:
        self.own_name = ""
        self.source = ""
        self.ensure_image(self.lab.state().image)

    def load_image(self, path: str) -> bool:
        """Read a PNG/JPEG with Qt's image reader and decompose it in the background (False with a message if not)."""
        reader = QtGui.QImageReader(path)
        image = reader.read()
        if image.isNull():
            text = self.tr("Cannot open {0}: {1}").format(path, reader.errorString())
            self.message.show_text(text)
            self.lab.error_message(text)
            return False
        pixels = image_to_array(image)
        self.own_name = QtCore.QFileInfo(path).fileName()
        self.source = self.own_name
        self.message.show_text(self.tr("Computing the SVD of the image…"))
        self.job.submit(lambda: _decompose(pixels))
        return True

    def _open_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open an image"), "", self.tr("Images (*.png *.jpg *.jpeg *.bmp *.pgm)")
        )
        if path:
            self.load_image(path)

    def _on_svd(self, result: tuple[np.ndarray, ImageSvd, RankSteps]) -> None:
        self.original, self.svd, self.steps = result
        self.current = None
        self.message.show_text("")
        self.images[0][1].setImage(to_pixels(self.original), levels=(0, 255))
        s = self.svd.s
        floor = max(float(s[0]) * 1e-12, 1e-300)
        self._spectrum = (np.arange(1, len(s) + 1), np.log10(np.maximum(s, floor)))  # y on the plot's log scale
        self.spectrum.set_polyline(*self._spectrum, [(0, 0), (0, 0)])
        self.spectrum_plot.setXRange(0, len(s), padding=0.02)
        self.k_slider.set_range(1, len(s), 1)
        self._shown_k = -1
        self.render(self.lab.state())
        self.svd_ready.emit()

    # --- user actions -----------------------------------------------------------------------------------------------
    def _on_k(self, value: float, final: bool) -> None:
        state = replace(self.lab.state(), rank_k=int(round(value)))
        if final:  # a key, a click or the release of a drag
            self.lab.edit(state, self.tr("Rank k"))
        else:
            self.lab.preview(state)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: DecompositionsState) -> None:
        self.k_slider.set_value(state.rank_k)
        if self.svd is None:
            return
        if self._shown_k == state.rank_k:
            return
        self._shown_k = state.rank_k
        lr = self._rebuild(state.rank_k)
        self.current = lr
        self.images[1][1].setImage(to_pixels(lr.image), levels=(0, 255))  # 8-bit: pyqtgraph's fast path
        self.titles[1].setText(self.tr("rank {0}").format(lr.k))
        log_s = self._spectrum[1]
        self.spectrum.set_spans([(0, lr.k), (lr.k, len(log_s))])
        self.k_line.setValue(lr.k + 0.5)
        self.readout.show_live(lambda: self.readout_text(lr), self.lab.live_quality.live)

    def _rebuild(self, k: int) -> LowRank:
        """The rank-k picture from the nearest kept partial sum (at most 16 rank-one terms whatever k is)."""
        return replace(low_rank_summary(self.svd, k), image=rank_image(self.steps, k))

    def readout_text(self, lr: LowRank) -> str:
        m, n = self.svd.shape
        name = self.own_name or self.tr("the bundled picture (procedurally generated)")
        return "<br>".join(
            [
                self.tr("<b>{0}</b>, {1} × {2} pixels").format(name, m, n),
                self.tr("<b>k = {0}</b>: stores {1} numbers instead of {2} ({3} %)").format(
                    lr.k, lr.storage, m * n, fmt(100 * lr.storage_ratio, 3)
                ),
                self.tr("Error ‖A − A_k‖ = √(sum of the discarded σᵢ²) = {0}").format(fmt(lr.error, 5)),
                self.tr("Relative error {0} % — Eckart–Young: no rank-{1} image is closer").format(
                    fmt(100 * lr.relative_error, 3), lr.k
                ),
            ]
        )
