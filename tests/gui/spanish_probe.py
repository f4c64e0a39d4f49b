"""Run by tests/gui/test_i18n.py in a fresh process under LANG=es_ES.UTF-8: every lab's visible texts, as JSON.

Prints {"lab": {"english": [texts with English words], "texts": n, "comma": bool}, ...}.
"""

from __future__ import annotations

import json
import os
import re
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

ENGLISH_WORDS = (
    "the of and with show hide reset drag add remove sample samples step steps run train training test data loss "
    "learning view points point load open size layer layers weights from for on at by is are mean variance "
    "distribution hypothesis reject null matrix vectors angle value values random seed noise speed play pause stop "
    "clear epoch batch snap grid area width height type choose pick draw fit none readouts surface start dataset "
    "hidden activation optimizer rate true false one two sided significance level power interval intervals effect "
    "confidence coverage resamples statistic observed expected successes trials eigenvalues determinant solution "
    "system row rows columns column steps back next previous first last export copy lessons lesson unit ball "
    "projection scaled combo span function slope tangent secant derivative second chain rule momentum descent "
    "gradient paths path speed contour contours formula compare theory histogram classroom reveal coin flips "
    "heads tails prior posterior likelihood maximum estimate permutation shuffle shuffles "
    "scene scenes save recent recovered restore discard unsaved keyboard shortcuts language about "
)
ENGLISH = frozenset(ENGLISH_WORDS.split())
WORD = re.compile(r"[A-Za-z]{2,}")


def texts_of(root: QtWidgets.QWidget) -> list[str]:
    """What a sighted user reads in ``root``: labels, buttons, group titles, combo entries, tab titles."""
    out = []
    for w in root.findChildren(QtWidgets.QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QtWidgets.QLabel) and w.text():
            doc = w.text()
            out.append(re.sub(r"<[^>]+>", " ", doc))
        elif isinstance(w, QtWidgets.QAbstractButton) and w.text():
            out.append(w.text())
        elif isinstance(w, QtWidgets.QGroupBox) and w.title():
            out.append(w.title())
        elif isinstance(w, QtWidgets.QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QtWidgets.QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QtWidgets.QLineEdit) and w.placeholderText():
            out.append(w.placeholderText())
        if isinstance(w, pg.GraphicsView):  # plot titles, axis labels and legend entries are text too
            out += _plot_texts(w)
    return [t.replace("&", "") for t in out if t.strip()]


def _plot_texts(view) -> list[str]:
    out = []
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.LabelItem) and item.text:
            out.append(re.sub(r"<[^>]+>", " ", item.text))
        elif isinstance(item, pg.AxisItem) and item.labelText:
            out.append(item.labelText)
    return out


def menu_texts(menu: QtWidgets.QMenu) -> list[str]:
    """Every entry of ``menu`` and of its submenus (filled as when they are about to show), and its tooltips."""
    menu.aboutToShow.emit()
    out = []
    for act in menu.actions():
        if act.text():
            out.append(act.text().replace("&", ""))
        if act.toolTip() and act.toolTip() != act.text().replace("&", ""):
            out.append(act.toolTip())
        if act.menu() is not None:
            out += menu_texts(act.menu())
    return out


def english_in(text: str) -> bool:
    return any(word.lower() in ENGLISH for word in WORD.findall(text))


def main() -> int:
    sys.path.insert(0, os.getcwd())
    from gui.app import MainWindow, make_application

    app = make_application()
    win = MainWindow()
    win.ask_before_discarding = False
    win.resize(1280, 800)
    win.show()
    report = {"language": QtCore.QLocale().name()}
    menus = [t for act in win.menuBar().actions() for t in [act.text().replace("&", ""), *menu_texts(act.menu())]]
    report["menus"] = {"texts": len(menus), "english": sorted({t for t in menus if english_in(t)})}
    for name in win.lab_names():
        lab = win.show_lab(name)
        for _ in range(5):
            app.processEvents()
        texts = texts_of(lab)
        for tabs in lab.findChildren(QtWidgets.QTabWidget):  # every page, not only the one a lab opens on
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                for _ in range(5):
                    app.processEvents()
                texts += texts_of(lab)
        spins = [s.text() for s in lab.findChildren(QtWidgets.QDoubleSpinBox) if s.decimals() > 0]
        report[name] = {
            "texts": len(texts),
            "english": sorted({t for t in texts if english_in(t)}),
            "comma": any("," in s for s in spins),
        }
    print(json.dumps(report, ensure_ascii=False))
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
