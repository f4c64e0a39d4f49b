"""The export dialog: which view, and at what size or aspect (1920×1080, 4:3, custom, or the shape on screen)."""

from __future__ import annotations

from PySide6 import QtWidgets

from gui.export import SIZE_PRESETS

__all__ = ["ExportDialog", "ON_SCREEN_WIDTH"]

ON_SCREEN_WIDTH = 1920
"""A PNG in the on-screen shape is this many pixels wide (an SVG keeps the on-screen size)."""
_CUSTOM = "custom"
_ON_SCREEN = "screen"


class ExportDialog(QtWidgets.QDialog):
    """Pick a view and a size for a PNG or SVG export; ``choice()`` reads the answer."""

    def __init__(self, views: list[str], kind: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Export view as {0}").format(kind.upper()))
        form = QtWidgets.QFormLayout(self)
        self.view_box = QtWidgets.QComboBox()
        for name in views:
            self.view_box.addItem(name.replace("_", " ").capitalize(), name)
        self.view_box.setAccessibleName(self.tr("View to export"))
        form.addRow(self.tr("&View:"), self.view_box)
        self.size_box = QtWidgets.QComboBox()
        for label, (w, h) in SIZE_PRESETS.items():
            self.size_box.addItem(label, f"{w}x{h}")
        self.size_box.addItem(self.tr("Custom size"), _CUSTOM)
        self.size_box.addItem(self.tr("Shape on screen"), _ON_SCREEN)
        self.size_box.setAccessibleName(self.tr("Export size"))
        form.addRow(self.tr("&Size:"), self.size_box)
        self.width_box, self.height_box = QtWidgets.QSpinBox(), QtWidgets.QSpinBox()
        for box, value, name in (
            (self.width_box, 1600, self.tr("Width in pixels")),
            (self.height_box, 900, self.tr("Height in pixels")),
        ):
            box.setRange(16, 10_000)
            box.setSingleStep(10)
            box.setValue(value)
            box.setSuffix(" px")
            box.setAccessibleName(name)
        self.width_label = QtWidgets.QLabel(self.tr("&Width:"))
        self.width_label.setBuddy(self.width_box)
        self.height_label = QtWidgets.QLabel(self.tr("&Height:"))
        self.height_label.setBuddy(self.height_box)
        form.addRow(self.width_label, self.width_box)
        form.addRow(self.height_label, self.height_box)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.size_box.currentIndexChanged.connect(self._on_size)
        self._on_size()

    def _on_size(self, *_args: object) -> None:
        custom = self.size_box.currentData() == _CUSTOM
        for widget in (self.width_box, self.height_box, self.width_label, self.height_label):
            widget.setEnabled(custom)

    def choice(self) -> tuple[str, int | None, int | None]:
        """(view name, width, height): both sizes for a chosen size, a width only (PNG) or neither for on screen."""
        view = self.view_box.currentData() or ""
        data = self.size_box.currentData()
        if data == _CUSTOM:
            return view, self.width_box.value(), self.height_box.value()
        if data == _ON_SCREEN:
            return view, (ON_SCREEN_WIDTH if self.kind == "png" else None), None
        width, height = (int(v) for v in str(data).split("x"))
        return view, width, height

    def choose(self, view: str | None = None, size: str | None = None) -> None:
        """Select a view by name and a size: a preset "1920x1080", "custom" or "screen" (tests and scripts)."""
        if view is not None:
            self.view_box.setCurrentIndex(max(0, self.view_box.findData(view)))
        if size is not None:
            index = self.size_box.findData(size)
            if index >= 0:
                self.size_box.setCurrentIndex(index)
