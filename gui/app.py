"""The main window: lab navigator, one lab at a time, menus, status bar, undo stack, themes and presenter mode."""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
import sys
import threading
import traceback
from typing import Any

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from engine import __version__
from engine.i18n import QT_TRANSLATE_NOOP
from engine.labs import lab_spec
from gui import labs as lab_registry
from gui import theme
from gui.access import add_access_actions, announce_goal, keyboard_moves
from gui.blas import limit_blas_threads
from gui.fit import LabFrame, fit_lab
from gui.i18n import add_language_menu, apply_language, lab_title
from gui.labs.base import Lab
from gui.pen_layer import add_pen_layer
from gui.view_memory import ViewMemory
from gui.widgets import drag_hover, opaque_views
from gui.widgets.jobs import settle_jobs
from gui.window_memory import add_reset_preferences_action, restore_window, save_window

__all__ = ["MainWindow", "APP_NAME", "render_lab_png", "install_exception_hook", "make_application", "launch"]

APP_NAME = "ML Math Sandbox"
LAB_BLURBS = {  # shown through translate("MainWindow", …)
    "vectors": QT_TRANSLATE_NOOP(
        "MainWindow", "Drag the tips of u and v. Watch the sum, the dot product, the angle and the norms change live."
    ),
    "matrices": QT_TRANSLATE_NOOP(
        "MainWindow",
        "A matrix moves the plane: drag where î and ĵ land, or type the entries. The shaded square's area is the "
        "determinant.",
    ),
    "derivatives": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Drag the point along f. The secant turns into the tangent as h shrinks; the chain rule tab multiplies local "
        "derivatives.",
    ),
    "optimizer": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Click the surface to start. Gradient descent, momentum, Adam … race downhill with PyTorch's update rules.",
    ),
    "distributions": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Pick a distribution, draw samples, and compare the histogram with the theory. Fit it back by maximum "
        "likelihood.",
    ),
    "hypothesis": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Run a test and see the p-value as an area under the null distribution. Move α and watch the verdict.",
    ),
    "classifier": QT_TRANSLATE_NOOP(
        "MainWindow",
        "A model outputs probabilities: drag the threshold, watch the confusion matrix, ROC and AUC, then ask "
        "statistics whether model B is really better.",
    ),
    "network": QT_TRANSLATE_NOOP(
        "MainWindow",
        "A small network learns to separate two classes. Watch the boundary, the weights and backpropagation.",
    ),
}
log = logging.getLogger("mlsandbox")
SIDEBAR_MIN_LAB_WIDTH = 900
"""Below this much room for the lab (at normal font size) the lab list hides; the Labs menu still switches labs."""
MIN_WINDOW = (960, 600)
"""The smallest window: it fits a 1024×768 screen with room for a taskbar."""
LESSONS_WIDTH = 250
"""The Lessons panel's opening width (the user can drag it narrower, wider, or float it)."""


class LabEditCommand(QtGui.QUndoCommand):
    """One undoable edit of one lab: the state before and after a gesture."""

    def __init__(self, window: "MainWindow", lab_name: str, before: Any, after: Any, text: str) -> None:
        super().__init__(text)
        self._window, self._lab, self._before, self._after = window, lab_name, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # the lab already shows the new state when the step is pushed
            self._first = False
            return
        self._window.apply_state(self._lab, self._after)

    def undo(self) -> None:
        self._window.apply_state(self._lab, self._before)


class MainWindow(QtWidgets.QMainWindow):
    """The application window; labs are created when first shown, then kept."""

    lab_shown = QtCore.Signal(str)
    lab_state_changed = QtCore.Signal(str, object)
    """(lab name, state) after any change in any lab (lessons check goals on it)."""

    def __init__(self, start_lab: str | None = None, remember: bool = False) -> None:
        super().__init__()
        self.remember = remember  # restore and save preferences (the app does; tests and screenshots do not)
        self.ask_before_discarding = True  # tests and --self-test switch the modal questions off
        self.show_error_dialogs = True
        self._pending: dict[str, Any] = {}
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.resize(1280, 800)
        self.setMinimumSize(*MIN_WINDOW)
        self._labs: dict[str, Lab] = {}
        self._names: list[str] = lab_registry.available()
        self.undo_stack = QtGui.QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

        self.navigator = QtWidgets.QListWidget()
        self.navigator.setObjectName("labNavigator")
        self.navigator.setSpacing(2)
        for name in self._names:
            title = lab_title(name, lab_spec(name).title)
            item = QtWidgets.QListWidgetItem(title)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, name)
            item.setToolTip(self.tr("Open the {0} lab (command line: --lab {1})").format(title, name))
            self.navigator.addItem(item)
        self.navigator.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lab_blurb = QtWidgets.QLabel()
        self.lab_blurb.setObjectName("labBlurb")
        self.lab_blurb.setWordWrap(True)
        self.lab_blurb.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        self.lessons_button = QtWidgets.QPushButton(self.tr("Lessons…"))
        self.lessons_button.setToolTip(self.tr("Guided lessons for every lab (Ctrl+L)"))
        self.sidebar = QtWidgets.QWidget()
        self.sidebar.setObjectName("labSidebar")
        side = QtWidgets.QVBoxLayout(self.sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.navigator)
        side.addWidget(self.lessons_button)
        side.addSpacing(8)
        side.addWidget(self.lab_blurb, 1)
        self.stack = QtWidgets.QStackedWidget()
        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._size_sidebar()
        self.status = QtWidgets.QStatusBar()
        self.setStatusBar(self.status)
        self._build_menus()
        # deferred: loaded on first use, not before the first paint
        from gui.document import SceneDocument, add_file_actions

        self.document = SceneDocument(self)
        self.document.path_changed.connect(self._on_clean_changed)
        self.view_memory = ViewMemory(self)  # pan/zoom of every plot, saved in the scene
        self.view_memory.moved.connect(self._on_view_changed)
        self.view_memory.message.connect(self.show_message)
        self.lab_shown.connect(lambda name: self.view_memory.attach(self.lab(name)))
        add_file_actions(self, self.document)
        self._build_export_menu()
        self._build_lessons_dock()
        if self.document.data_dir is None:
            self.show_message(
                self.tr("Autosave is off: no writable folder for user data (your work is not autosaved)."), 0
            )
        self.setAcceptDrops(True)
        self.navigator.currentRowChanged.connect(self._on_navigate)
        if remember:
            restore_window(self)
        first = start_lab if start_lab in self._names else (self._names[0] if self._names else None)
        if first is not None:
            self.show_lab(first)

    # --- labs ---------------------------------------------------------------------------------------------------
    def _size_sidebar(self) -> None:
        """Fit the navigator to its entries at the current font size (presenter mode makes them larger)."""
        fm = QtGui.QFontMetrics(theme.font())
        texts = [self.navigator.item(i).text() for i in range(self.navigator.count())]
        width = max([fm.horizontalAdvance(t) for t in texts] + [120]) + 36
        row = fm.height() + 8
        self.navigator.setFont(theme.font())
        self.navigator.setFixedSize(width, row * max(1, len(texts)) + 10)
        self.lab_blurb.setFixedWidth(width)
        self.lessons_button.setFixedWidth(width)

    def sidebar_fits(self) -> bool:
        """Whether the lab list leaves the lab enough room (it hides itself on small screens; the Labs menu stays)."""
        room = self.width() - (self.lessons_dock.width() if self._lessons_docked() else 0)
        return room - self.sidebar.sizeHint().width() >= SIDEBAR_MIN_LAB_WIDTH * theme.current().font_pt / 10

    def _lessons_docked(self) -> bool:
        dock = getattr(self, "lessons_dock", None)
        return dock is not None and dock.isVisible() and not dock.isFloating()

    def update_sidebar(self, *_args: Any) -> None:
        """Show the lab list when the user wants it and the window has room for it."""
        wanted = getattr(self, "sidebar_action", None) is None or self.sidebar_action.isChecked()
        show = wanted and self.sidebar_fits()
        if self.sidebar.isVisibleTo(self) != show:
            self.sidebar.setVisible(show)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self.update_sidebar()

    def lab_names(self) -> list[str]:
        """Names of the labs this build offers, in navigator order."""
        return list(self._names)

    def lab(self, name: str) -> Lab:
        """The lab called ``name``, created on first use."""
        if name not in self._labs:
            lab = lab_registry.lab_class(name)()
            lab.edit_committed.connect(lambda before, after, text, n=name: self._push_edit(n, before, after, text))
            lab.status_message.connect(self.show_message)
            lab.view_changed.connect(self._on_view_changed)
            lab.request_lab.connect(self.show_lab)
            lab.state_changed.connect(lambda state, n=name: self.lab_state_changed.emit(n, state))
            self._labs[name] = lab
            theme.scale_fixed_widths(lab)
            fit_lab(lab)
            self.stack.addWidget(LabFrame(lab))
            if name in self._pending:
                lab.set_state(self._pending.pop(name))
        return self._labs[name]

    def created_labs(self) -> dict[str, Lab]:
        """Labs opened so far (name -> lab)."""
        return dict(self._labs)

    def current_lab(self) -> Lab | None:
        """The lab on screen."""
        widget = self.stack.currentWidget()
        widget = widget.widget() if isinstance(widget, LabFrame) else widget
        return widget if isinstance(widget, Lab) else None

    def current_lab_name(self) -> str | None:
        lab = self.current_lab()
        return lab.name if lab else None

    def show_lab(self, name: str) -> Lab:
        """Bring lab ``name`` to the front (and select it in the navigator)."""
        if name not in self._names:
            raise KeyError(f"unknown lab {name!r}; known labs: {', '.join(self._names)}")
        lab = self.lab(name)
        self.stack.setCurrentWidget(LabFrame.of(lab))
        row = self._names.index(name)
        if self.navigator.currentRow() != row:
            blocker = QtCore.QSignalBlocker(self.navigator)
            self.navigator.setCurrentRow(row)
            del blocker
        self._update_title()
        self.lab_blurb.setText(self.tr(LAB_BLURBS[name]) if name in LAB_BLURBS else "")
        self.lab_shown.emit(name)
        return lab

    def apply_state(self, name: str, state: Any) -> None:
        """Show ``state`` in lab ``name`` without an undo step (undo/redo, scenes, lessons)."""
        self.lab(name).set_state(state)

    def all_states(self) -> dict[str, Any]:
        """States of every lab opened or loaded so far (what a scene file holds)."""
        states = dict(self._pending)
        states.update({name: lab.state() for name, lab in self._labs.items()})
        return states

    def apply_scene(self, scene: Any) -> None:
        """Show a loaded scene: labs already open take its states now, the others when first opened."""
        self.view_notes: list[str] = []  # view ranges that had to be clamped (the document reports them)
        for name, state in scene.states.items():
            if name not in self._names:
                continue
            state = self._sane_view_of(state)
            if name in self._labs:
                self._labs[name].set_state(state)
            else:
                self._pending[name] = state
        self.view_notes += self.view_memory.load(getattr(scene, "views", {}), self._labs)
        if scene.current_lab in self._names:
            self.show_lab(scene.current_lab)

    def _sane_view_of(self, state: Any) -> Any:
        """A file's view range clamped to finite, non-degenerate bounds (with a message when it had to be)."""
        from gui.view_range import sane_view  # deferred: loaded on first use, not before the first paint

        if not dataclasses.is_dataclass(state) or not hasattr(state, "view"):
            return state
        view, problem = sane_view(state.view)
        if problem is None:
            return state
        self.show_message(problem)
        self.view_notes.append(problem)
        return dataclasses.replace(state, view=view)

    def _on_view_changed(self) -> None:
        self.document.note_view_change()

    def reset_current_lab(self) -> None:
        """Edit → Reset this lab: the lab on screen back to its defaults, as one undo step."""
        lab = self.current_lab()
        if lab is not None:
            lab.edit(lab.state_type(), self.tr("Reset {0}").format(lab.title))

    def reset_labs(self) -> None:
        """Every lab back to its opening state."""
        self._pending.clear()
        for lab in self._labs.values():
            lab.set_state(lab.state_type())
        self.view_memory.load({}, {})

    def open_scene(self, path: str) -> bool:
        """Open a scene file; a missing or broken file gets a message and changes nothing."""
        return self.document.open(path)

    def save_scene(self, path: str) -> bool:
        return self.document.save_as(path)

    def _on_navigate(self, row: int) -> None:
        if 0 <= row < len(self._names):
            self.show_lab(self._names[row])

    def _push_edit(self, name: str, before: Any, after: Any, text: str) -> None:
        self.undo_stack.push(LabEditCommand(self, name, before, after, text))

    # --- menus --------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.edit_menu.addSeparator()
        self.reset_lab_action = self.edit_menu.addAction(self.tr("Reset this &lab"))
        self.reset_lab_action.setToolTip(self.tr("Put the lab on screen back to its defaults (undo with Ctrl+Z)"))
        self.reset_lab_action.triggered.connect(self.reset_current_lab)
        add_reset_preferences_action(self)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.labs_menu = bar.addMenu(self.tr("&Labs"))
        for i, name in enumerate(self._names):
            act = self.labs_menu.addAction(lab_title(name, lab_spec(name).title))
            if i < 9:
                act.setShortcut(QtGui.QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, n=name: self.show_lab(n))
        self.presenter_action = self.view_menu.addAction(self.tr("&Presenter mode"))
        self.presenter_action.setCheckable(True)
        self.presenter_action.setShortcut(QtGui.QKeySequence("F11"))
        self.presenter_action.toggled.connect(self.set_presenter)
        self.dark_action = self.view_menu.addAction(self.tr("&Dark theme"))
        self.dark_action.setCheckable(True)
        self.dark_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+D"))
        self.dark_action.toggled.connect(self.set_dark)
        add_language_menu(self)
        add_access_actions(self)
        add_pen_layer(self)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self.help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.setShortcut(QtGui.QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        about = self.help_menu.addAction(self.tr("&About {0}").format(APP_NAME))
        about.triggered.connect(self.show_about)
        self.about_action = about

    def _build_export_menu(self) -> None:
        menu = self.file_menu
        for text, key, slot in (
            (self.tr("Export view as &PNG…"), "Ctrl+E", self.export_png_dialog),
            (self.tr("Export view as S&VG…"), "Ctrl+Shift+E", self.export_svg_dialog),
            (self.tr("&Copy view as image"), "Ctrl+Shift+C", self.copy_view),
            (self.tr("Export &data as CSV…"), "Ctrl+Alt+E", self.export_csv_dialog),
            (self.tr("Export &handout (PDF)…"), "Ctrl+Alt+P", self.export_handout_dialog),
            (self.tr("Export as note&book…"), "Ctrl+Alt+N", self.export_notebook_dialog),
        ):
            act = menu.addAction(text)
            act.setShortcut(QtGui.QKeySequence(key))
            act.triggered.connect(slot)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        code = self.view_menu.addAction(self.tr("Show the &code"))
        code.setShortcut(QtGui.QKeySequence("Ctrl+Shift+K"))
        code.triggered.connect(self.show_code)
        self.code_action = code

    def _build_lessons_dock(self) -> None:
        from gui.lessons_panel import LessonsPanel  # deferred: loaded on first use, not before the first paint

        self.lessons = LessonsPanel(self)
        self.lessons.goal_reached.connect(lambda _step: announce_goal(self, self.lessons.current_step().goal.text))
        self.lessons_dock = QtWidgets.QDockWidget(self.tr("Lessons"), self)
        self.lessons_dock.setObjectName("lessonsDock")
        self.lessons_dock.setWidget(self.lessons)
        self.lessons_dock.setMinimumWidth(200)
        self.lessons_dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.lessons_dock)
        self.resizeDocks([self.lessons_dock], [LESSONS_WIDTH], QtCore.Qt.Orientation.Horizontal)
        self.lessons_dock.hide()
        self.lessons_dock.visibilityChanged.connect(self.update_sidebar)
        self.lessons_dock.topLevelChanged.connect(self.update_sidebar)
        self.sidebar_action = QtGui.QAction(self.tr("Lab &list"), self)
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.sidebar_action.setToolTip(
            self.tr("The list of labs at the left (hidden by itself when the window is small)")
        )
        self.sidebar_action.toggled.connect(self.update_sidebar)
        self.view_menu.insertAction(self.view_menu.actions()[0], self.sidebar_action)
        toggle = self.lessons_dock.toggleViewAction()
        toggle.setText(self.tr("&Lessons panel"))
        toggle.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.lessons_button.clicked.connect(self.lessons_dock.show)
        self.view_menu.insertAction(self.view_menu.actions()[0], toggle)
        self.lessons_action = toggle
        open_lesson = QtGui.QAction(self.tr("Open &lesson file…"), self)
        self.file_menu.insertAction(self.recent_menu.menuAction(), open_lesson)  # New, Open, Open lesson, Recent
        open_lesson.setShortcut(QtGui.QKeySequence("Ctrl+Shift+O"))
        open_lesson.triggered.connect(lambda: (self.lessons_dock.show(), self.lessons.open_file()))

    # --- export ---------------------------------------------------------------------------------------------------
    def current_view(self) -> Any:
        """The current lab's default export view."""
        lab = self.current_lab()
        views = lab.export_views() if lab else {}
        if not views:
            raise LookupError("this lab has no view to export")
        return next(iter(views.values()))

    def _ask_path(self, title: str, suffix: str, filt: str) -> str | None:
        lab = self.current_lab_name() or "view"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, title, f"{lab}.{suffix}", filt)
        if not path:
            return None
        return path if path.lower().endswith("." + suffix) else f"{path}.{suffix}"

    def export_png_dialog(self) -> None:
        self._export_dialog("png", "PNG images (*.png)")

    def export_svg_dialog(self) -> None:
        self._export_dialog("svg", "SVG images (*.svg)")

    def _export_dialog(self, kind: str, filt: str) -> None:
        """Ask which view and what size (1920×1080, 4:3, custom, on-screen shape), then where; export it."""
        from gui.export_dialog import ExportDialog  # deferred: loaded on first use, not before the first paint

        lab = self.current_lab()
        views = list(lab.export_views()) if lab else []
        if not views:
            self.show_message(self.tr("This lab has no view to export."))
            return
        dialog = ExportDialog(views, kind, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        view, width, height = dialog.choice()
        path = self._ask_path(dialog.windowTitle(), kind, filt)
        if path:
            self._run_export(lambda: self.export_view(kind, path, view, width, height), path)

    def export_view(
        self, kind: str, path: str, view: str | None = None, width: int | None = None, height: int | None = None
    ) -> None:
        """Write the current lab's ``view`` (default: its first) as a PNG or SVG, re-laid out at width×height."""
        from gui.export import export_png, export_svg  # deferred: loaded on first use, not before the first paint

        lab = self.current_lab()
        views = lab.export_views() if lab else {}
        if not views:
            raise LookupError("this lab has no view to export")
        target = views.get(view) if view else next(iter(views.values()))
        if target is None:
            raise LookupError(f"this lab has no view called {view!r}")
        (export_png if kind == "png" else export_svg)(target, path, width, height)

    def export_handout_dialog(self) -> None:
        """File → Export handout (PDF): title, lesson step, readouts and the views on screen, ready to print."""
        path = self._ask_path(self.tr("Export handout"), "pdf", self.tr("PDF documents (*.pdf)"))
        if path:
            self._run_export(lambda: self.export_handout(path), path)

    def export_handout(self, path: str) -> int:
        """Write the current lab's handout (with the lesson step when the lesson is on this lab); the page count."""
        from gui.handout import write_handout  # deferred: loaded on first use, not before the first paint

        lab = self.current_lab()
        if lab is None:
            raise LookupError("no lab is open")
        step = self.lessons.current_step() if self.lessons_dock.isVisible() else None
        return write_handout(lab, path, step if step is not None and step.lab == lab.name else None)

    def export_csv_dialog(self) -> None:
        lab = self.current_lab()
        tables = lab.export_data() if lab else {}
        if not tables:
            self.show_message(self.tr("This lab has no data to export."))
            return
        name = next(iter(tables))
        if len(tables) > 1:
            name, ok = QtWidgets.QInputDialog.getItem(
                self, self.tr("Export CSV"), self.tr("Table:"), list(tables), 0, False
            )
            if not ok:
                return
        path = self._ask_path(self.tr("Export CSV"), "csv", self.tr("CSV files (*.csv)"))
        if path:
            from gui.export import export_csv  # deferred: loaded on first use, not before the first paint

            self._run_export(lambda: export_csv(tables[name], path), path)

    def export_notebook_dialog(self) -> None:
        """A Jupyter notebook of the lesson being followed, or else of the scene (every lab's state)."""
        lessons = getattr(self, "lessons", None)
        lesson = lessons.lesson if lessons is not None and self.lessons_dock.isVisible() else None
        path = self._ask_path(self.tr("Export as notebook"), "ipynb", self.tr("Jupyter notebooks (*.ipynb)"))
        if path:
            self._run_export(lambda: self.write_notebook(path, lesson), path)

    def write_notebook(self, path: str, lesson: Any = None) -> None:
        """Write the notebook of ``lesson`` (a running lesson) or, when None, of the current scene to ``path``."""
        from engine.notebook import lesson_notebook, scene_notebook, write_notebook  # deferred: first use only

        nb = lesson_notebook(lesson) if lesson is not None else scene_notebook(self.document.current_scene())
        write_notebook(nb, path)

    def _run_export(self, action, path: str) -> None:
        try:
            action()
        except (OSError, ValueError, LookupError) as exc:
            self.document.report_error(self.tr("Could not export {path}: {reason}").format(path=path, reason=exc))
            return
        self.show_message(self.tr("Exported {path}").format(path=path))

    def copy_view(self) -> None:
        from gui.export import copy_image  # deferred: loaded on first use, not before the first paint

        try:
            copy_image(self.current_view())
        except (OSError, LookupError) as exc:
            self.show_message(self.tr("Could not copy the view: {reason}").format(reason=exc))
            return
        self.show_message(self.tr("Copied the view to the clipboard."))

    def show_code(self) -> None:
        """Open "Show the code" for the current lab."""
        from engine.labs import code  # deferred: loaded on first use, not before the first paint
        from gui.code_dialog import CodeDialog  # deferred: loaded on first use, not before the first paint

        lab = self.current_lab()
        if lab is None:
            return
        try:
            text = code(lab.name, lab.state())
        except Exception as exc:
            self.show_message(self.tr("Could not produce the code: {reason}").format(reason=exc))
            return
        dialog = CodeDialog(lab.title, text, self, stem=lab.name)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.code_dialog = dialog

    # --- drag and drop --------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        from gui.document import scene_paths_from_mime  # deferred: loaded on first use, not before the first paint

        if scene_paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        from gui.document import scene_paths_from_mime  # deferred: loaded on first use, not before the first paint

        paths = scene_paths_from_mime(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(paths[0])

    def open_path(self, path: Any) -> bool:
        """Open a dropped or command-line file: a lesson (.mllesson) or a scene."""
        if str(path).endswith(".mllesson"):
            self.lessons_dock.show()
            return self.lessons.open_file(path)
        return self.document.maybe_save() and self.open_scene(str(path))

    def all_actions(self) -> list[QtGui.QAction]:
        """Every menu action (for the shortcut list and its test)."""
        found = []

        def walk(menu: QtWidgets.QMenu) -> None:
            for act in menu.actions():
                if act.menu():
                    walk(act.menu())
                elif not act.isSeparator():
                    found.append(act)

        for act in self.menuBar().actions():
            if act.menu():
                walk(act.menu())
        return found

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(action, shortcut) for every action that has one."""
        rows = []
        for act in self.all_actions():
            keys = ", ".join(s.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
            if keys:
                rows.append((act.text().replace("&", ""), keys))
        return rows

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{a}</td><td><b>{k}</b></td></tr>" for a, k in [*self.shortcut_table(), *keyboard_moves()]
        )
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setText(f"<table cellspacing='6'>{rows}</table>")
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def about_text(self) -> str:
        return (
            f"<h3>{APP_NAME} {__version__}</h3>"
            + "<p>"
            + self.tr(
                "See the mathematics behind machine learning and play with it: linear algebra, calculus and "
                "optimisation, probability and statistics, and a small neural network."
            )
            + "</p><p>"
            + self.tr("Python, PySide6 (Qt), pyqtgraph, NumPy and SciPy. Works fully offline.")
            + "</p>"
        )

    def show_about(self) -> None:
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        box.setText(self.about_text())
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- look ---------------------------------------------------------------------------------------------------
    def set_presenter(self, on: bool) -> None:
        """Presenter mode: full screen, larger fonts and thicker lines."""
        self._set_theme(theme.current().with_(presenter=on))
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def set_dark(self, on: bool) -> None:
        self._set_theme(theme.current().with_(dark=on))

    def _set_theme(self, new: theme.Theme) -> None:
        if new == theme.current():
            return
        theme.set_theme(new)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            theme.apply(app)
        self._size_sidebar()
        self._rebuild_labs()

    def _rebuild_labs(self) -> None:
        """Re-create open labs so every pen and font picks up the new theme; their states carry over."""
        current = self.current_lab_name()
        for name, old in list(self._labs.items()):
            state = old.state()
            old.shutdown()
            frame = LabFrame.of(old)
            self.stack.removeWidget(frame)
            frame.deleteLater()
            del self._labs[name]
            self.lab(name).set_state(state)
        if current:
            self.show_lab(current)
        # Collect the old labs' Python/Qt cycles now, at a quiet point in the event loop, rather than whenever the
        # cyclic GC happens to run (possibly inside a Qt call, where destroying QObjects can deadlock).
        QtCore.QTimer.singleShot(0, _collect_garbage)

    # --- status -------------------------------------------------------------------------------------------------
    def show_message(self, text: str, msecs: int = 8000) -> None:
        self.status.showMessage(text, msecs)

    def _on_clean_changed(self, *_args: Any) -> None:
        # A bound method (not a lambda): Qt drops the connection when the window is destroyed.
        self._update_title()

    def _update_title(self) -> None:
        if not shiboken6.isValid(self.undo_stack):  # the stack emits cleanChanged while it is destroyed
            return
        name = self.current_lab_name()
        doc = getattr(self, "document", None)
        parts = []
        if doc is not None:
            scene = doc.path.name if doc.path else "untitled"
            parts.append(scene + ("*" if doc.is_modified() else ""))
        if name:
            parts.append(lab_spec(name).title)
        parts.append(APP_NAME)
        self.setWindowTitle(" — ".join(parts))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.document.maybe_save():
            event.ignore()
            return
        self.document.timer.stop()
        self.document.discard_autosave()
        if self.remember:
            save_window(self)
        for lab in self._labs.values():
            lab.shutdown()
        super().closeEvent(event)


def _collect_garbage() -> None:
    """Free the old labs' cycles, frozen ones too if the warm-up froze them (``gc.freeze``), then freeze again."""
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.collect()
    if frozen:
        gc.freeze()


def install_exception_hook(window_getter=lambda: None) -> None:
    """Uncaught exceptions in slots: log them and show the message instead of killing the app."""

    def hook(exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unhandled exception:\n%s", text)
        sys.stderr.write(text)
        win = window_getter()
        if win is not None:
            message = QtCore.QCoreApplication.translate(
                "MainWindow", "Internal error: {name}: {reason} (details in the log)"
            )
            win.show_message(message.format(name=exc_type.__name__, reason=exc), 15000)

    sys.excepthook = hook


PIXMAP_CACHE_KB = 24 * 1024
"""Qt's pixmap cache: the cached axes of three plots on screen at 1920×1080 (~8 MB a plot). Not more: the cache
keeps the pictures of labs no longer shown too (every lab visited: 279 MB at Qt's 10 MB, 295 MB from ~32 MB on)."""


def make_application(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The QApplication with the app's name, version, icon and theme."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("ML Math Sandbox")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mlsandbox")  # lets the desktop match windows to packaging/mlsandbox.desktop
    # Every plot axis keeps its picture (grid included: a plot-sized pixmap, ~4 MB at 1920×1080) in QPixmapCache.
    # At Qt's default 10 MB two visible plots at 1080p evicted each other's axes and re-rendered them every frame.
    QtGui.QPixmapCache.setCacheLimit(max(QtGui.QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
    limit_blas_threads()  # extra BLAS threads spin on a busy 2-core machine and stall the GUI thread (gui/blas.py)
    drag_hover.install()  # pyqtgraph searched for hover targets on every move of a drag (gui/widgets/drag_hover.py)
    opaque_views.install()  # plots with a solid background: Qt skips painting what lies behind them (every frame)
    from engine.resources import resource_path  # deferred: loaded on first use, not before the first paint

    icon = resource_path("icons/app.png")
    if icon.exists():
        app.setWindowIcon(QtGui.QIcon(str(icon)))
    theme.set_theme(theme.current())
    theme.apply(app)  # the same font and look for the app, its tests and the bench
    apply_language()
    return app


def render_lab_png(
    path: str,
    lab: str | None = None,
    size: tuple[int, int] = (1280, 800),
    scene: str | None = None,
    lessons: bool = False,
) -> None:
    """Render the main window (on lab ``lab``, after opening ``scene`` if given) to a PNG file."""
    make_application()
    win = MainWindow(start_lab=lab)
    win.ask_before_discarding = False
    win.show_error_dialogs = False
    try:
        if scene:
            win.open_scene(scene)
            if lab:
                win.show_lab(lab)
        win.resize(*size)
        if lessons:
            win.lessons_dock.show()
            win.lessons.ensure_loaded(wait=True)  # the picture shows the list, not "Loading lessons…"
        win.show()
        for _ in range(4):  # a resize re-lays the window over a few event-loop turns (columns follow the width)
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
            QtWidgets.QApplication.processEvents()
        if not settle_jobs(win):  # background work (an image's SVD) shown, not its "Computing…" message
            log.warning("a background job was still running when the screenshot was taken")
        for _ in range(2):
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
            QtWidgets.QApplication.processEvents()
        if not win.grab().save(path, "PNG"):
            raise OSError(f"could not write {path}")
    finally:
        win.close()
        win.deleteLater()
        QtWidgets.QApplication.processEvents()


def launch(lab: str | None = None, scene: str | None = None) -> int:
    """Open the main window and run the event loop until it closes."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = make_application()
    win = MainWindow(start_lab=lab, remember=True)
    install_exception_hook(lambda: win)
    win.show()
    if scene:
        win.open_path(scene)
    if os.environ.get("MLSANDBOX_EXIT_AFTER_PAINT") == "1":  # bench/bench_startup.py: time to the first paint
        app.processEvents()
        win.repaint()
        print("MLSANDBOX_FIRST_PAINT", flush=True)
        win.ask_before_discarding = False
        QtCore.QTimer.singleShot(0, app.quit)
        return app.exec()
    if not scene:
        QtCore.QTimer.singleShot(0, win.document.offer_recovery)
    QtCore.QTimer.singleShot(400, warm_up_heavy_modules)
    return app.exec()


def warm_up_heavy_modules() -> threading.Thread:
    """After the first paint, do the labs' one-off work in the background so they open fast.

    Imports every lab's window module (20–90 ms each: a fifth to a half of a lab's first open), then scipy.stats and
    sympy (about 1 s together on a 2-core machine), and computes every lab's opening metrics once, which fills the
    engine's caches (parsed expressions, symbolic derivatives, frozen distributions); then freezes what it loaded
    out of the garbage collector's reach (``gc.freeze``). Only imports and numbers: the
    widgets are still built on the GUI thread when a lab is opened. Start-up does not wait for it; a lab opened before
    it finishes simply does that work itself, as it would anyway.
    """

    def work() -> None:
        import importlib  # deferred: loaded on first use, not before the first paint

        from engine import labs  # deferred: loaded on first use, not before the first paint

        for name in (*lab_registry.modules(), "scipy.stats", "sympy"):
            try:
                importlib.import_module(name)
            except Exception:  # a warm-up must never take the app down
                log.exception("background import of %s failed", name)
        for spec in labs.LABS:
            try:
                labs.metrics(spec.name, labs.default_state(spec.name))
            except Exception:
                log.exception("background warm-up of the %s lab failed", spec.name)
        # Everything loaded so far lives as long as the app: leave it out of the garbage collector's full passes,
        # which otherwise walk its ~170 000 objects (sympy, scipy, every lab's module) and stop the GUI for ~60 ms
        # in the middle of a drag; with them frozen a full pass takes ~1 ms. Reference counting still frees them.
        gc.freeze()

    thread = threading.Thread(target=work, name="warm-up", daemon=True)
    thread.start()
    return thread
