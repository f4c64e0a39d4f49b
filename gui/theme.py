"""Colours, fonts and line widths: an Okabe–Ito (colour-blind-safe) palette, light/dark themes, presenter sizes.

Labs read colours and pens from here when they build their items; the main window rebuilds the open labs after a theme
or presenter-mode change, so nothing needs to listen for it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["Theme", "COLORS", "SERIES", "current", "set_theme", "pen", "brush", "color", "font"]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
COLORS = OKABE_ITO
# On the dark background the darker Okabe–Ito hues lose contrast; the same hues, lightened, keep them distinct.
DARK_VARIANTS = {
    "blue": "#3D9BE0",
    "vermillion": "#FF7F3F",
    "green": "#1FC490",
    "purple": "#E69AC6",
    "grey": "#B0B0B0",
}
# High contrast: the same hues, darkened on white / lightened on black until each is >= 3:1 against the background
# (WCAG 2.x non-text contrast; tests/gui/test_access.py measures it).
HC_LIGHT = {
    "orange": "#A66300",
    "sky": "#1F6FA8",
    "yellow": "#7A6D00",
    "purple": "#A3407A",
    "grey": "#6B6B6B",
    "green": "#007A59",
}
HC_DARK = {
    "blue": "#4FA8F0",
    "vermillion": "#FF8A50",
    "green": "#2ED3A0",
    "purple": "#F0A8D0",
    "grey": "#C0C0C0",
}
# Order for series that need distinct colours (optimizers, vectors, samples): strongest contrast first.
SERIES = ("blue", "vermillion", "green", "orange", "purple", "sky", "yellow", "black")


@dataclass(frozen=True)
class Theme:
    """One look of the app: light or dark, normal or presenter (bigger fonts, thicker lines)."""

    dark: bool = False
    presenter: bool = False
    high_contrast: bool = False
    zoom: float = 1.0
    """UI zoom (View → Zoom, Ctrl + / Ctrl − / Ctrl 0): scales fonts and line widths."""

    @property
    def background(self) -> str:
        if self.high_contrast:
            return "#000000" if self.dark else "#ffffff"
        return "#1e1f22" if self.dark else "#ffffff"

    @property
    def foreground(self) -> str:
        if self.high_contrast:
            return "#ffffff" if self.dark else "#000000"
        return "#e8e8e8" if self.dark else "#1a1a1a"

    @property
    def grid(self) -> str:
        if self.high_contrast:
            return "#5c5c5c" if self.dark else "#b0b0b0"
        return "#3a3d42" if self.dark else "#dedede"

    @property
    def axis(self) -> str:
        if self.high_contrast:
            return self.foreground
        return "#9aa0a6" if self.dark else "#555555"

    @property
    def line_width(self) -> float:
        base = 5.0 if self.presenter else 2.5
        return base * self.zoom * (1.3 if self.high_contrast else 1.0)

    @property
    def font_pt(self) -> int:
        return max(6, round((15 if self.presenter else 10) * self.zoom))

    def with_(self, **changes: bool | float) -> "Theme":
        return replace(self, **changes)


_current = Theme()


def current() -> Theme:
    """The theme in force."""
    return _current


def set_theme(theme: Theme) -> None:
    """Make ``theme`` current and tell pyqtgraph (affects plots created afterwards)."""
    global _current
    _current = theme
    # segmentedLineMode: thick cosmetic lines drawn as segments are much cheaper to rasterise (18 -> 13.5 ms/frame
    # in the optimizer profile) and look the same.
    pg.setConfigOptions(
        background=theme.background, foreground=theme.foreground, antialias=True, segmentedLineMode="on"
    )


def color(name: str, alpha: int = 255) -> QtGui.QColor:
    """A palette colour by name ("blue", "vermillion", ..., or "fg"/"bg"/"grid"/"axis"), or any '#rrggbb'."""
    special = {"fg": _current.foreground, "bg": _current.background, "grid": _current.grid, "axis": _current.axis}
    if name == "black" and _current.dark:
        name = "fg"
    value = (
        special.get(name)
        or (_current.high_contrast and (HC_DARK if _current.dark else HC_LIGHT).get(name))
        or (_current.dark and DARK_VARIANTS.get(name))
        or OKABE_ITO.get(name)
        or name
    )
    c = QtGui.QColor(value)
    c.setAlpha(alpha)
    return c


def pen(name: str = "fg", width: float | None = None, style: str = "solid", alpha: int = 255) -> QtGui.QPen:
    """A cosmetic pen in a palette colour; ``width`` is relative to the theme's line width (1.0 = standard)."""
    w = _current.line_width * (1.0 if width is None else width)
    p = pg.mkPen(color(name, alpha), width=w)
    p.setCosmetic(True)
    styles = {
        "solid": QtCore.Qt.PenStyle.SolidLine,
        "dash": QtCore.Qt.PenStyle.DashLine,
        "dot": QtCore.Qt.PenStyle.DotLine,
    }
    p.setStyle(styles[style])
    return p


def brush(name: str, alpha: int = 80) -> QtGui.QBrush:
    """A translucent fill in a palette colour."""
    return QtGui.QBrush(color(name, alpha))


def font(scale: float = 1.0, bold: bool = False) -> QtGui.QFont:
    """The UI font at the theme's size."""
    f = QtGui.QFont()
    f.setPointSizeF(_current.font_pt * scale)
    f.setBold(bold)
    return f


def scale_fixed_widths(root: QtWidgets.QWidget) -> None:
    """Widen every fixed/min/max width under ``root`` by the theme's font scale (presenter fonts need room)."""
    factor = _current.font_pt / Theme().font_pt
    if factor == 1.0:
        return
    limit = 16777215  # QWIDGETSIZE_MAX
    for w in [root, *root.findChildren(QtWidgets.QWidget)]:
        low, high = w.minimumWidth(), w.maximumWidth()
        if high < limit:
            w.setMaximumWidth(int(high * factor))
        if low > 0:
            w.setMinimumWidth(int(low * factor))


def apply(app: QtWidgets.QApplication) -> None:
    """Give ``app`` the theme's font and stylesheet (call after :func:`set_theme`; windows made later follow it).

    The size comes from the application font, not from a stylesheet: a ``font-size`` rule overrode every widget's own
    font (headings drawn at body size), and any stylesheet puts Qt's slower stylesheet style in front of every widget
    — the light theme, the usual one, needs none.
    """
    app.setFont(font())
    app.setStyleSheet(stylesheet())


def stylesheet() -> str:
    """Application stylesheet for the theme: the dark and high-contrast colours ("" for the light theme)."""
    t = _current
    if t.high_contrast:
        return _high_contrast_sheet(t)
    if not t.dark:
        return ""
    return (
        f"""
    QWidget {{ background: #2b2d30; color: {t.foreground}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QTableWidget, QTableView, QListWidget {{
        background: #1e1f22; color: {t.foreground}; border: 1px solid #4a4d52; selection-background-color: #0072B2; }}
    QPushButton {{ background: #3c3f44; border: 1px solid #55585d; padding: 4px 10px; border-radius: 3px; }}
    QPushButton:checked {{ background: #0072B2; }}
    QTabBar::tab {{ background: #3c3f44; padding: 5px 12px; }}
    QTabBar::tab:selected {{ background: #1e1f22; }}
    QHeaderView::section {{ background: #3c3f44; color: {t.foreground}; }}
    QMenuBar, QMenu {{ background: #2b2d30; color: {t.foreground}; }}
    QMenu::item:selected {{ background: #0072B2; }}
    QWidget:disabled {{ color: #74777c; }}
    QCheckBox::indicator {{ width: 14px; height: 14px; border: 1px solid #8a8d92; background: #1e1f22; }}
    QCheckBox::indicator:checked {{ background: #3D9BE0; }}
    """
    )


def _high_contrast_sheet(t: Theme) -> str:
    """Black on white (or white on black) everywhere, thick borders and a 3 px focus ring in the accent colour."""
    fg, bg = t.foreground, t.background
    accent = "#FFD700" if t.dark else "#0000CC"  # focus/selection: 12:1 on black / 12:1 on white
    disabled = "#A0A0A0" if t.dark else "#595959"  # 7:1 on white / 7.9:1 on black: still readable
    return f"""
    QWidget {{ background: {bg}; color: {fg}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QTableWidget, QTableView, QListWidget {{
        background: {bg}; color: {fg}; border: 2px solid {fg}; selection-background-color: {accent};
        selection-color: {bg}; }}
    QPushButton {{ background: {bg}; color: {fg}; border: 2px solid {fg}; padding: 4px 10px; }}
    QPushButton:checked {{ background: {fg}; color: {bg}; }}
    QTabBar::tab {{ background: {bg}; color: {fg}; border: 2px solid {fg}; padding: 5px 12px; }}
    QTabBar::tab:selected {{ background: {fg}; color: {bg}; }}
    QHeaderView::section {{ background: {bg}; color: {fg}; border: 1px solid {fg}; }}
    QMenuBar, QMenu {{ background: {bg}; color: {fg}; }}
    QMenu::item:selected, QListWidget::item:selected {{ background: {accent}; color: {bg}; }}
    QWidget:disabled {{ color: {disabled}; }}
    QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px; border: 2px solid {fg}; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: {accent}; }}
    QPushButton:focus, QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus, QCheckBox:focus,
    QRadioButton:focus, QSlider:focus, QListWidget:focus, QTableView:focus, QTableWidget:focus, QTabBar:focus,
    QGraphicsView:focus {{ border: 3px solid {accent}; }}
    """


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two colours ('#rrggbb'): 1 (same) to 21 (black on white)."""

    def lum(hex_color: str) -> float:
        c = QtGui.QColor(hex_color)
        chans = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in chans]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
