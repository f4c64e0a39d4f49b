"""Access for every student: the Describe panel, accessible names, high contrast, UI zoom.

``add_access_actions(window)`` adds to the View menu: the **Describe** panel (the current lab's ``describe()`` text,
updated live, also set as the accessible description of the lab and its plots so a screen reader can read it, and
announced without moving the focus), **High contrast** and **Zoom in / out / reset**.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.i18n import translate
from gui.widgets.item_focus import install_item_tabbing

__all__ = [
    "add_access_actions",
    "DescribePanel",
    "name_controls",
    "CONTROL_TYPES",
    "accessible_name",
    "ZOOM_STEPS",
    "is_control",
    "keyboard_moves",
    "announce",
    "announce_goal",
]

ZOOM_STEPS = (0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
CONTROL_TYPES = (
    QtWidgets.QAbstractButton,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QComboBox,
    QtWidgets.QLineEdit,
    QtWidgets.QAbstractSlider,
    QtWidgets.QAbstractItemView,
    QtWidgets.QPlainTextEdit,
    QtWidgets.QTextEdit,
    QtWidgets.QTabBar,
    QtWidgets.QGraphicsView,
)
"""What counts as an interactive control (the accessible-name test lists these)."""


def is_control(widget: QtWidgets.QWidget) -> bool:
    """An interactive control a user tabs to (scroll bars and table headers belong to their view)."""
    return isinstance(widget, CONTROL_TYPES) and not isinstance(widget, QtWidgets.QScrollBar | QtWidgets.QHeaderView)


def accessible_name(widget: QtWidgets.QWidget) -> str:
    """The name a screen reader announces for ``widget`` (its own text counts, as Qt's accessibility does)."""
    iface = QtGui.QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QtGui.QAccessible.Text.Name) if iface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _own_name(widget: QtWidgets.QWidget) -> str:
    """The name ``widget`` has of itself; a plain combo box's current text is its value, not its name."""
    if isinstance(widget, QtWidgets.QComboBox) and not widget.isEditable():
        return widget.accessibleName().strip()
    return accessible_name(widget)


def _label_beside(widget: QtWidgets.QWidget) -> QtWidgets.QLabel | None:
    """The QLabel just before ``widget`` in its layout (form rows, label + field rows), if any."""
    parent = widget.parentWidget()
    lay = parent.layout() if parent is not None else None
    if lay is None:
        return None
    stack = [lay]
    while stack:
        cur = stack.pop()
        if isinstance(cur, QtWidgets.QFormLayout):
            label = cur.labelForField(widget)
            if isinstance(label, QtWidgets.QLabel):
                return label
        previous = None
        for i in range(cur.count()):
            item = cur.itemAt(i)
            if item.layout() is not None:
                stack.append(item.layout())
            w = item.widget()
            if w is widget:
                if isinstance(cur, QtWidgets.QGridLayout):
                    r, c, _rs, _cs = cur.getItemPosition(i)
                    for cc in range(c - 1, -1, -1):
                        left = cur.itemAtPosition(r, cc)
                        if left is not None and isinstance(left.widget(), QtWidgets.QLabel):
                            return left.widget()
                if isinstance(previous, QtWidgets.QLabel):
                    return previous
            if w is not None:
                previous = w
    return None


def _clean(text: str) -> str:
    doc = QtGui.QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText().replace("&", "").strip().rstrip(":").strip()


def name_controls(root: QtWidgets.QWidget) -> int:
    """Give every control under ``root`` without an accessible name one from what a sighted user reads beside it.

    In order: the label before it in its layout (which becomes its buddy), its tooltip, a spin box's prefix/suffix,
    a line edit's placeholder, its enclosing group box's title, its object name. A plain combo box's current text is
    its value, not its name, so it is named too. Returns how many were named.
    """
    named = 0
    for w in root.findChildren(QtWidgets.QWidget):
        if not is_control(w) or _own_name(w):
            continue
        label = _label_beside(w)
        text = _clean(label.text()) if label is not None else ""
        if text and label.buddy() is None:
            label.setBuddy(w)  # the platform's "labelled by" relation: how Linux screen readers name a combo box
        if not text and w.toolTip():
            text = _clean(w.toolTip())
        if not text and isinstance(w, QtWidgets.QAbstractSpinBox):
            text = (getattr(w, "prefix", lambda: "")() or getattr(w, "suffix", lambda: "")()).strip(" =")
        if not text and isinstance(w, QtWidgets.QLineEdit):
            text = w.placeholderText()
        if not text:
            box = w.parentWidget()
            while box is not None and not isinstance(box, QtWidgets.QGroupBox):
                box = box.parentWidget()
            if box is not None:
                text = _clean(box.title())
        if not text and isinstance(w, QtWidgets.QGraphicsView):
            text = translate("Access", "Plot")
        if not text:
            text = w.objectName().replace("_", " ")
        if text:
            w.setAccessibleName(text)
            named += 1
    return named


def announce(source: QtWidgets.QWidget, text: str, assertive: bool = False) -> bool:
    """Have the platform screen reader speak ``text`` now, without moving the focus; False when no reader listens.

    Qt 6.8+ sends a ``QAccessibleAnnouncementEvent`` (ARIA live-region-like: polite waits for the reader to finish,
    assertive interrupts it).
    """
    if not text or not QtGui.QAccessible.isActive():
        return False
    event = QtGui.QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QtGui.QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QtGui.QAccessible.AnnouncementPoliteness.Polite
    )
    QtGui.QAccessible.updateAccessibility(event)
    return True


class DescribePanel(QtWidgets.QLabel):
    """The current lab in words, for everyone; a screen reader gets the same text, announced without a focus change."""

    notable_changed = QtCore.Signal(str)
    """The lab's ``notable()`` sentence changed to this (non-empty) text: announced, and shown in the status bar."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._notable = ("", "")  # (lab name, sentence): a change of lab is not an event
        self.setObjectName("describePanel")
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # updates must never take the focus
        self.setAccessibleName(translate("Access", "Description of the view"))
        self.setMargin(6)
        self._lab = None
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # a drag changes the state every frame: describe once it pauses
        self._timer.timeout.connect(self.refresh)

    def follow(self, lab) -> None:
        """Describe ``lab`` (the one on screen) from now on."""
        self._lab = lab
        self.refresh()

    def schedule(self) -> None:
        """Describe again soon (coalesces the many changes of a drag into one)."""
        self._timer.start()

    def refresh(self) -> None:
        """Ask the lab for its words now; push them to the panel, the lab and its plots, and announce a change."""
        lab = self._lab
        if lab is None:
            return
        try:
            text = lab.describe() or ""
        except Exception as exc:  # a description must never take the lab down
            text = translate("Access", "No description: {0}").format(type(exc).__name__)
        install_item_tabbing(lab)  # plots and controls of tabs built since the lab was shown
        name_controls(lab)
        self._check_notable(lab)
        for view in lab.findChildren(pg.GraphicsView):  # views of pages built since the last change too
            if view.accessibleDescription() != text:
                view.setAccessibleDescription(text)
        if text == self.text():
            return
        self.setText(text)
        self.setAccessibleDescription(text)
        lab.setAccessibleDescription(text)
        if QtGui.QAccessible.isActive():
            QtGui.QAccessible.updateAccessibility(
                QtGui.QAccessibleEvent(self, QtGui.QAccessible.Event.DescriptionChanged)
            )
            if self.isVisible():  # the reader asked for the running description: read it, politely
                announce(self, text)

    def _check_notable(self, lab) -> None:
        """Announce the lab's notable sentence when it changed for the same lab (not on opening another lab)."""
        try:
            notable = lab.notable() or ""
        except Exception:  # an announcement must never take the lab down
            notable = ""
        before, self._notable = self._notable, (lab.name, notable)
        if before[0] == lab.name and notable and notable != before[1]:
            announce(self, notable, assertive=True)
            self.notable_changed.emit(notable)


def add_access_actions(window) -> None:
    """View menu entries: Describe panel, High contrast, Zoom in / out / reset; the panel follows the lab on screen."""
    menu = window.view_menu
    panel = DescribePanel()
    dock = QtWidgets.QDockWidget(translate("Access", "Describe"), window)
    dock.setObjectName("describeDock")
    dock.setWidget(panel)
    window.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText(translate("Access", "&Describe panel"))
    toggle.setShortcut(QtGui.QKeySequence("Ctrl+Shift+R"))
    menu.addAction(toggle)
    window.describe_panel, window.describe_dock, window.describe_action = panel, dock, toggle

    def on_shown(name: str) -> None:
        lab = window.lab(name)
        install_item_tabbing(lab)
        name_controls(lab)
        panel.follow(lab)

    window.lab_shown.connect(on_shown)
    window.lab_state_changed.connect(lambda _name, _state: panel.schedule())
    panel.notable_changed.connect(lambda text: window.statusBar().showMessage(text, 8000))

    contrast = menu.addAction(translate("Access", "&High contrast"))
    contrast.setCheckable(True)
    contrast.setShortcut(QtGui.QKeySequence("Ctrl+Shift+H"))
    contrast.toggled.connect(lambda on: window._set_theme(theme.current().with_(high_contrast=on)))
    window.high_contrast_action = contrast

    zoom = menu.addMenu(translate("Access", "&Zoom"))
    for text, keys, step in (
        (translate("Access", "Zoom &in"), ("Ctrl++", "Ctrl+="), 1),
        (translate("Access", "Zoom &out"), ("Ctrl+-",), -1),
        (translate("Access", "&Reset zoom"), ("Ctrl+0",), 0),
    ):
        act = zoom.addAction(text)
        act.setShortcuts([QtGui.QKeySequence(k) for k in keys])
        act.triggered.connect(lambda _=False, s=step: window._set_theme(theme.current().with_(zoom=zoomed(s))))
    window.zoom_menu = zoom


def zoomed(step: int) -> float:
    """The zoom one step in (1), out (-1) from the current one, or back to 100 % (0)."""
    if step == 0:
        return 1.0
    now = theme.current().zoom
    i = min(range(len(ZOOM_STEPS)), key=lambda k: abs(ZOOM_STEPS[k] - now))
    return ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i + step))]


def keyboard_moves() -> list[tuple[str, str]]:
    """(what, keys) for moving things without a mouse, listed on Help → Keyboard shortcuts."""
    return [
        (translate("Access", "Next / previous control, or next draggable in a plot"), "Tab, Shift+Tab"),
        (translate("Access", "Move the selected vector tip, point or start"), translate("Access", "Arrow keys")),
        (translate("Access", "Move in fine steps / coarse steps"), translate("Access", "Shift+arrows / Ctrl+arrows")),
        (translate("Access", "Finish the move (one undo step)"), translate("Access", "Enter")),
        (translate("Access", "Put it back where the move began"), translate("Access", "Escape")),
        (translate("Access", "Select the next / previous data point (Network, Classifier)"), "N, Shift+N"),
        (translate("Access", "Select event A or B (Probability)"), "A, B"),
        (translate("Access", "Resize the selected event (Probability)"), translate("Access", "Shift+arrows")),
        (translate("Access", "Show or hide the Describe panel (the view in words)"), "Ctrl+Shift+R"),
        (translate("Access", "Change a slider or number box"), translate("Access", "Arrow keys, Page Up / Page Down")),
    ]


def announce_goal(window, goal_text: str) -> str:
    """A lesson goal ticked: tell a screen reader and the status bar, leaving the focus where it is; the sentence."""
    text = translate("Access", "Goal reached: {0}").format(goal_text)
    window.statusBar().showMessage(text, 8000)
    announce(window, text, assertive=True)
    return text
