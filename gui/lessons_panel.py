"""The lessons panel: pick a lesson, walk its steps, load each step's lab state, tick the goal when it is met."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from engine import labs as engine_labs
from engine import lessons as lesson_io
from gui import preferences
from gui.i18n import translate

__all__ = ["LessonsPanel"]


class LessonsPanel(QtWidgets.QWidget):
    """Lesson picker, step text (Markdown), goal status and Prev/Next; goals are checked live, debounced."""

    goal_reached = QtCore.Signal(int)  # step index

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__()
        self.window = window
        self.lessons: list[lesson_io.Lesson] = []
        self.lesson: lesson_io.Lesson | None = None
        self.step_index = 0
        self.met: set[tuple[str, int]] = set()

        self.picker = QtWidgets.QComboBox()
        self.picker.setObjectName("lessonPicker")
        self.picker.setPlaceholderText(translate("Lessons", "Choose a lesson…"))
        self.picker.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(8)  # the panel may be narrowed to leave the lab room
        self.open_button = QtWidgets.QPushButton(translate("Lessons", "Open lesson file…"))
        self.step_title = QtWidgets.QLabel()
        self.step_title.setWordWrap(True)
        bold = self.step_title.font()
        bold.setBold(True)  # only the weight is set: the size still follows the application font (presenter mode)
        self.step_title.setFont(bold)
        self.text = QtWidgets.QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setOpenLinks(False)
        self.goal = QtWidgets.QLabel()
        self.goal.setObjectName("lessonGoal")
        self.goal.setWordWrap(True)
        self.show_me_button = QtWidgets.QPushButton(translate("Lessons", "Show me"))
        self.show_me_button.setToolTip(
            translate("Lessons", "Load a state that meets this step's goal (undo with Ctrl+Z)")
        )
        self.prev_button = QtWidgets.QPushButton(translate("Lessons", "◀ Back"))
        self.next_button = QtWidgets.QPushButton(translate("Lessons", "Next ▶"))
        self.progress = QtWidgets.QLabel()
        nav = QtWidgets.QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.progress, 1, QtCore.Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.open_button)
        layout.addWidget(self.step_title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.goal)
        layout.addWidget(self.show_me_button)
        layout.addLayout(nav)

        self._check_timer = QtCore.QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(120)
        self._check_timer.timeout.connect(self.check_goal)
        self.picker.currentIndexChanged.connect(self._on_pick)
        self.open_button.clicked.connect(lambda: self.open_file())
        self.show_me_button.clicked.connect(self.show_solution)
        self.prev_button.clicked.connect(lambda: self.go(self.step_index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.step_index + 1))
        window.lab_state_changed.connect(self._on_state_changed)
        self._loaded = False
        self._job = None
        self.step_title.setText(
            translate("Lessons", "Pick a lesson above: each step loads a lab and sets a goal that ticks when met.")
        )

    # --- lessons ---------------------------------------------------------------------------------------------------
    def ensure_loaded(self, wait: bool = False) -> None:
        """Read the bundled lessons the first time the panel is shown, in the background (about 2 s: validating
        every step imports the labs' engines); ``wait`` blocks until they are listed."""
        if not self._loaded and self._job is None:
            from gui.widgets.jobs import LatestJob  # deferred: loaded when the panel first opens

            self._job = LatestJob(self)
            self._job.finished.connect(self._on_bundled)
            self._job.failed.connect(lambda exc: self._on_bundled([], exc))
            self.step_title.setText(translate("Lessons", "Loading lessons…"))
            self._job.submit(lesson_io.bundled)
        if wait and not self._loaded:
            self._job.wait()
            QtCore.QCoreApplication.sendPostedEvents(self._job)
            QtWidgets.QApplication.processEvents()

    def showEvent(self, event) -> None:  # Qt override
        self.ensure_loaded()
        super().showEvent(event)

    def _on_bundled(self, found: list, error: Exception | None = None) -> None:
        if self._loaded:
            return
        self._loaded = True
        if error is not None:  # a broken bundled file is a bug, but must not stop the app
            self.window.show_message(translate("Lessons", "The bundled lessons could not be read: {0}").format(error))
        for lesson in found:
            self.add_lesson(lesson)
        if self.lesson is None:
            self.step_title.setText(
                translate("Lessons", "Pick a lesson above: each step loads a lab and sets a goal that ticks when met.")
            )

    def add_lesson(self, lesson: lesson_io.Lesson) -> int:
        """List a lesson in the picker without starting it."""
        self.lessons.append(lesson)
        with QtCore.QSignalBlocker(self.picker):
            current = self.picker.currentIndex()
            self.picker.addItem(lesson.title, len(self.lessons) - 1)
            self.picker.setCurrentIndex(current)
        return len(self.lessons) - 1

    def open_file(self, path: str | Path | None = None) -> bool:
        """Open a teacher's lesson file; a bad one gets a message naming the problem."""
        if path is None:
            start = preferences.folder("lessons")
            chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
                self,
                translate("Lessons", "Open lesson"),
                start,
                translate("Lessons", "ML Math Sandbox lessons (*.mllesson);;All files (*)"),
            )
            if not chosen:
                return False
            path = chosen
        self.ensure_loaded(wait=True)
        try:
            lesson = lesson_io.load(path)
        except lesson_io.LessonError as exc:
            self.window.document.report_error(
                translate("Lessons", "Could not open lesson {0}: {1}").format(Path(path).name, exc)
            )
            return False
        index = self.add_lesson(lesson)
        self.picker.setCurrentIndex(index)
        if getattr(self.window, "remember", False):
            preferences.remember_folder("lessons", path)
            preferences.add_recent_lesson(path)
        return True

    def start(self, index: int) -> None:
        """Begin lesson ``index`` at its first step."""
        self.ensure_loaded(wait=True)
        self.picker.setCurrentIndex(index)
        if self.lesson is not self.lessons[index]:
            self._on_pick(index)

    def _on_pick(self, index: int) -> None:
        if not 0 <= index < len(self.lessons):
            return
        self.lesson = self.lessons[index]
        self.go(0)

    # --- steps -----------------------------------------------------------------------------------------------------
    def current_step(self) -> lesson_io.Step | None:
        if self.lesson is None:
            return None
        return self.lesson.steps[self.step_index]

    def go(self, index: int) -> None:
        """Show step ``index``: its text, its lab, its state (one undoable step, so the user's work is not lost)."""
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return
        self.step_index = index
        step = self.lesson.steps[index]
        self.step_title.setText(step.title)
        self.text.setMarkdown(step.text)
        self.progress.setText(translate("Lessons", "Step {0} of {1}").format(index + 1, len(self.lesson.steps)))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.lesson.steps) - 1)
        self.show_me_button.setVisible(step.solution is not None)
        lab = self.window.show_lab(step.lab)
        if step.state is not None:
            lab.edit(step.state, translate("Lessons", "Lesson: {0}").format(step.title))
        self.check_goal()

    def show_solution(self) -> None:
        """Load the step's solution state (one undo step) and re-check the goal."""
        step = self.current_step()
        if step is None or step.solution is None:
            return
        self.window.show_lab(step.lab).edit(
            step.solution, translate("Lessons", "Lesson: show me ({0})").format(step.title)
        )
        self.check_goal()

    def _on_state_changed(self, lab_name: str, _state: Any) -> None:
        step = self.current_step()
        if step is not None and step.goal is not None and step.lab == lab_name:
            self._check_timer.start()

    def show_goal_met(self, met: bool) -> None:
        """A met goal in bold green (Okabe–Ito bluish green), else plain; by font weight and palette, not a style
        sheet, so its size keeps following the application font when presenter mode is switched."""
        font = QtGui.QFont()  # nothing resolved but the weight: family and size come from the application
        font.setBold(met)
        self.goal.setFont(font)
        palette = QtGui.QPalette()
        if met:
            palette.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor("#009E73"))
        self.goal.setPalette(palette)

    def check_goal(self) -> bool:
        """Evaluate the current step's goal against its lab's state now; update the tick."""
        step = self.current_step()
        if step is None or step.goal is None:
            self.goal.setText("")
            return False
        state = self.window.lab(step.lab).state()
        try:
            met = lesson_io.goal_met(step.goal, engine_labs.metrics(step.lab, state))
        except Exception as exc:
            self.goal.setText(translate("Lessons", "☐ Goal: {0} (cannot check: {1})").format(step.goal.text, exc))
            return False
        key = (self.lesson.id, self.step_index)
        self.goal.setText(
            (translate("Lessons", "☑ Done: {0}") if met else translate("Lessons", "☐ Goal: {0}")).format(step.goal.text)
        )
        self.show_goal_met(met)
        if met and key not in self.met:
            self.met.add(key)
            self.goal_reached.emit(self.step_index)
        return met
