"""The open scene as a document: New/Open/Save/Save As/Recent, autosave with crash recovery, and no lost work.

Scene files are read and validated by :mod:`engine.scene`; a file that fails leaves every lab as it was. Saving goes
through QSaveFile (atomic). Autosave writes a per-process file to the user's data folder every few seconds while there
are unsaved changes; a clean exit removes it, so one left behind means a crash and the next start offers it back.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from engine import scene as scene_io
from gui import preferences
from gui.i18n import translate

__all__ = ["SceneDocument", "data_dir", "scene_filter"]

log = logging.getLogger("mlsandbox")
AUTOSAVE_MS = 5000
MAX_RECENT = 8


def scene_filter() -> str:
    """The file dialogs' filter for scene files, in the user's language."""
    return translate("Document", "ML Math Sandbox scenes (*.mlscene);;All files (*)")


def data_dir() -> Path | None:
    """The per-user data folder (env MLSANDBOX_DATA_DIR overrides); None when it cannot be created or written."""
    override = os.environ.get("MLSANDBOX_DATA_DIR")
    base = override or QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.AppLocalDataLocation
    )
    if not base:
        return None
    path = Path(base)
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".write-test-{os.getpid()}"
        probe.write_text("ok")
        probe.unlink()
    except OSError:
        return None
    return path


def write_atomic(path: Path, text: str) -> None:
    """Write through QSaveFile: the old file stays intact unless the whole new one was written."""
    f = QtCore.QSaveFile(str(path))
    if not f.open(QtCore.QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f.errorString() or f"cannot open {path} for writing")
    data = text.encode("utf-8")
    if f.write(data) != len(data):
        f.cancelWriting()
        raise OSError(f.errorString() or f"could not write {path}")
    if not f.commit():
        raise OSError(f.errorString() or f"could not save {path}")


class SceneDocument(QtCore.QObject):
    """Scene file handling for a main window (menus, autosave, recovery, recent files)."""

    path_changed = QtCore.Signal(object)

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.last_error = ""
        self.data_dir = data_dir()
        self.autosave_path = (self.data_dir / f"autosave-{os.getpid()}.mlscene") if self.data_dir else None
        self._dirty_since_autosave = False
        self._view_moved = False  # a pan/zoom since the last save: not an undo step, but unsaved work
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        if self.autosave_path is not None:
            self.timer.start()
        window.undo_stack.indexChanged.connect(self._on_edit)

    # --- state ---------------------------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self._view_moved or not self.window.undo_stack.isClean()

    def note_view_change(self) -> None:
        """A pan/zoom happened: the scene (which holds every view) now differs from the file."""
        self._dirty_since_autosave = True
        if not self._view_moved:
            self._view_moved = True
            self.path_changed.emit(self.path)  # the title gains its "*"

    def _on_edit(self, _index: int) -> None:
        self._dirty_since_autosave = True

    def current_scene(self) -> scene_io.Scene:
        """Every opened (or loaded) lab's state, and the lab on screen."""
        title = self.path.stem if self.path else ""
        views = self.window.view_memory.snapshot() if hasattr(self.window, "view_memory") else {}
        return scene_io.Scene(
            states=self.window.all_states(), current_lab=self.window.current_lab_name(), title=title, views=views
        )

    # --- commands ------------------------------------------------------------------------------------------------
    def new(self) -> None:
        """Every lab back to its opening state, no file, history cleared."""
        if not self.maybe_save():
            return
        self.window.reset_labs()
        self.window.undo_stack.clear()
        self._view_moved = False
        self.set_path(None)

    def open(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Open a scene file (asks for one when ``path`` is None); on failure the current work is untouched."""
        if path is None:
            if not self.maybe_save():
                return False
            chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.window, translate("Document", "Open scene"), self._dialog_dir(), scene_filter()
            )
            if not chosen:
                return False
            path = chosen
        try:
            scene = scene_io.load(path)
        except scene_io.SceneError as exc:
            self.report_error(translate("Document", "Could not open {name}: {reason}").format(
                name=Path(path).name, reason=exc))  # fmt: skip
            return False
        self.window.apply_scene(scene)
        self.window.undo_stack.clear()
        self._view_moved = False
        self.set_path(Path(path))
        self.add_recent(Path(path))
        self._remember_folder(Path(path))
        notes = " ".join(getattr(self.window, "view_notes", []))
        opened = translate("Document", "Opened {name}").format(name=Path(path).name)
        self.window.show_message(opened + (f". {notes}" if notes else ""))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self, path: str | os.PathLike[str] | None = None) -> bool:
        if path is None:
            suggested = str(self.path or Path(self._dialog_dir()) / "untitled.mlscene")
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.window, translate("Document", "Save scene as"), suggested, scene_filter()
            )
            if not chosen:
                return False
            path = chosen if chosen.endswith(".mlscene") else chosen + ".mlscene"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the scene atomically; on failure say why and keep everything as it was."""
        try:
            write_atomic(path, scene_io.dumps(self.current_scene()))
        except (OSError, ValueError) as exc:
            self.report_error(
                translate("Document", "Could not save {name}: {reason}").format(name=path.name, reason=exc)
            )
            return False
        self.window.undo_stack.setClean()
        self._view_moved = False
        self.set_path(path)
        self.add_recent(path)
        self._remember_folder(path)
        self.window.show_message(translate("Document", "Saved {name}").format(name=path.name))
        return True

    def maybe_save(self) -> bool:
        """Before discarding unsaved changes, ask: Save / Discard / Cancel. True means go ahead."""
        if not self.is_modified() or not self.window.ask_before_discarding:
            return True
        answer = QtWidgets.QMessageBox.question(
            self.window,
            translate("Document", "Unsaved changes"),
            translate("Document", "This scene has unsaved changes. Save them first?"),
            QtWidgets.QMessageBox.StandardButton.Save
            | QtWidgets.QMessageBox.StandardButton.Discard
            | QtWidgets.QMessageBox.StandardButton.Cancel,
            QtWidgets.QMessageBox.StandardButton.Save,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QtWidgets.QMessageBox.StandardButton.Discard

    def report_error(self, text: str) -> None:
        """Show a problem the user can act on (status bar + a non-blocking dialog) and log it."""
        self.last_error = text
        log.warning(text)
        self.window.show_message(text, 15000)
        if self.window.show_error_dialogs:
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Warning,
                "ML Math Sandbox",
                text,
                QtWidgets.QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)

    def _dialog_dir(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        documents = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
        return preferences.folder("scenes", documents)

    def _remember_folder(self, path: Path) -> None:
        if getattr(self.window, "remember", False):
            preferences.remember_folder("scenes", path)

    # --- autosave and recovery -----------------------------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the autosave file if something changed since the last one (never touches the user's file)."""
        if self.autosave_path is None or not self._dirty_since_autosave:
            return False
        try:
            write_atomic(self.autosave_path, scene_io.dumps(self.current_scene()))
            origin = {"path": str(self.path) if self.path else None}
            write_atomic(origin_file(self.autosave_path), json.dumps(origin))
        except (OSError, ValueError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        self._dirty_since_autosave = False
        return True

    def discard_autosave(self) -> None:
        """Clean exit: no recovery needed next time."""
        if self.autosave_path is not None:
            discard_autosave_file(self.autosave_path)

    def orphaned_autosaves(self) -> list[Path]:
        """Autosave files left by processes that are no longer running (i.e. crashed), newest first."""
        if self.data_dir is None:
            return []
        found = []
        for p in self.data_dir.glob("autosave-*.mlscene"):
            try:
                pid = int(p.stem.split("-", 1)[1])
            except ValueError:
                continue
            if pid != os.getpid() and not _pid_alive(pid):
                found.append(p)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def recover(self, path: Path) -> bool:
        """Load an orphaned autosave as unsaved work, with the path of the file it came from (marked modified)."""
        try:
            scene = scene_io.load(path)
        except scene_io.SceneError as exc:
            self.report_error(
                translate("Document", "The autosaved work could not be restored: {reason}").format(reason=exc)
            )
            return False  # kept: File → Recovered work… can still discard it
        origin = autosave_origin(path)
        self.window.apply_scene(scene)
        self.window.undo_stack.clear()
        self.window.undo_stack.resetClean()  # recovered work is unsaved work
        self.set_path(origin)
        self._dirty_since_autosave = True
        self.autosave()
        discard_autosave_file(path)
        if origin:
            text = translate("Document", "Restored the work of {name} from before the last crash (not yet saved).")
        else:
            text = translate("Document", "Restored the work from before the last crash (not yet saved).")
        self.window.show_message(text.format(name=origin.name if origin else ""))
        return True

    def offer_recovery(self) -> None:
        """At start-up: if a previous session crashed with unsaved work, ask whether to restore it.

        "No" keeps the autosave: File → Recovered work… restores or discards it later.
        """
        orphans = self.orphaned_autosaves()
        if not orphans:
            return
        answer = QtWidgets.QMessageBox.question(
            self.window,
            translate("Document", "Restore unsaved work?"),
            translate(
                "Document",
                "ML Math Sandbox did not close normally last time. Restore the unsaved work from then?\n\n"
                "(If you answer No, it is kept: File → Recovered work… restores or discards it later.)",
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.Yes,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.recover(orphans[0])

    def recovered_work(self) -> None:
        """File → Recovered work…: restore or discard the newest autosave left by a crash."""
        orphans = self.orphaned_autosaves()
        if not orphans:
            self.window.show_message(translate("Document", "There is no recovered work."))
            return
        origin = autosave_origin(orphans[0])
        name = origin.name if origin else translate("Document", "an untitled scene")
        box = QtWidgets.QMessageBox(self.window)
        box.setWindowTitle(translate("Document", "Recovered work"))
        box.setText(
            translate("Document", "Work on {name}, autosaved before a crash ({count} in all).").format(
                name=name, count=len(orphans)
            )
        )
        restore = box.addButton(translate("Document", "Restore"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Document", "Discard for good"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is restore and self.maybe_save():
            self.recover(orphans[0])
        elif box.clickedButton() is discard:
            discard_autosave_file(orphans[0])
            self.window.show_message(translate("Document", "Discarded the recovered work."))

    # --- recent files --------------------------------------------------------------------------------------------
    def _recent_file(self) -> Path | None:
        return (self.data_dir / "recent.json") if self.data_dir else None

    def recent(self) -> list[Path]:
        """Recently opened/saved scenes that still exist, newest first."""
        store = self._recent_file()
        if store is None or not store.exists():
            return []
        try:
            items = json.loads(store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(items, list):
            return []
        return [Path(p) for p in items if isinstance(p, str) and Path(p).exists()][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        store = self._recent_file()
        if store is None:
            return
        items = [str(path.resolve())] + [str(p) for p in self.recent() if p.resolve() != path.resolve()]
        try:
            write_atomic(store, json.dumps(items[:MAX_RECENT]))
        except OSError as exc:
            log.warning("could not update the recent-files list: %s", exc)


def origin_file(autosave: Path) -> Path:
    """The small file beside an autosave that names the scene file the work came from."""
    return autosave.with_suffix(".origin.json")


def autosave_origin(autosave: Path) -> Path | None:
    """The scene file an autosave's work came from (None: untitled, or unreadable)."""
    try:
        data = json.loads(origin_file(autosave).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = data.get("path") if isinstance(data, dict) else None
    return Path(path) if isinstance(path, str) and path else None


def discard_autosave_file(autosave: Path) -> None:
    """Remove an autosave and the note of where its work came from."""
    autosave.unlink(missing_ok=True)
    origin_file(autosave).unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def scene_paths_from_mime(mime: QtCore.QMimeData) -> list[Path]:
    """Local .mlscene/.mllesson files in a drag-and-drop payload."""
    if not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().endswith((".mlscene", ".mllesson")):
            out.append(Path(url.toLocalFile()))
    return out


def add_file_actions(window: QtWidgets.QMainWindow, doc: SceneDocument) -> None:
    """File menu: New, Open, Open Recent, Save, Save As (with the standard shortcuts)."""
    menu = window.file_menu
    keys = QtGui.QKeySequence.StandardKey
    for text, key, slot in (
        (translate("Document", "&New scene"), keys.New, doc.new),
        (translate("Document", "&Open scene…"), keys.Open, lambda: doc.open()),
    ):
        act = menu.addAction(text)
        act.setShortcut(QtGui.QKeySequence(key))
        act.triggered.connect(slot)
    window.recent_menu = menu.addMenu(translate("Document", "Open &recent"))
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window.recent_menu, doc))
    save = menu.addAction(translate("Document", "&Save scene"))
    save.setShortcut(QtGui.QKeySequence(keys.Save))
    save.triggered.connect(doc.save)
    save_as = menu.addAction(translate("Document", "Save scene &as…"))
    save_as.setShortcut(QtGui.QKeySequence("Ctrl+Shift+S"))
    save_as.triggered.connect(lambda: doc.save_as())
    recovered = menu.addAction(translate("Document", "Recovered &work…"))
    recovered.setToolTip(translate("Document", "Restore or discard work autosaved before a crash"))
    recovered.triggered.connect(doc.recovered_work)
    window.recovered_action = recovered
    menu.addSeparator()


def _fill_recent(menu: QtWidgets.QMenu, doc: SceneDocument) -> None:
    menu.clear()
    items = doc.recent()
    if not items:
        act = menu.addAction(translate("Document", "(no recent scenes)"))
        act.setEnabled(False)
    for p in items:
        act = menu.addAction(p.name)
        act.setToolTip(str(p))
        act.triggered.connect(lambda _=False, path=p: doc.maybe_save() and doc.open(path))
    lessons = preferences.recent_lessons() if getattr(doc.window, "remember", False) else []
    if lessons:
        menu.addSection(translate("Document", "Lessons"))
    for text in lessons:
        act = menu.addAction(Path(text).name)
        act.setToolTip(text)
        act.triggered.connect(lambda _=False, path=text: doc.window.open_path(path))
