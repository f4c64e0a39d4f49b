"""The Optimizer lab's worker process: long races computed on another core while the window only sends and receives.

One process per lab, started on demand ("spawn": a fresh interpreter, the same on every platform and in the frozen
app, which calls ``multiprocessing.freeze_support()``), running :func:`engine.optim.serve_races`. It inherits the
environment, so one BLAS thread as the app (``gui/blas.py`` sets it before any lab exists). Answers are read when the
pipe becomes readable (a socket notifier; a 5 ms poll where the pipe is no socket, on Windows). If the process cannot
start, dies or fails, :attr:`broken` turns True and ``lost`` is emitted: the caller computes in-thread instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import struct
import time

if os.name == "posix":
    import fcntl
    import termios

import numpy as np
from PySide6 import QtCore

from engine import i18n as engine_i18n
from engine.optim import OptimizerState, runs, serve_races
from gui.i18n import I18N_DIR, apply_language
from gui.qm_translator import QmTranslator

__all__ = ["RaceProcess"]

_STOP_WAIT_S = 2.0  # a stop is read within a few ms (between 1000 optimizer steps); then the process is terminated


class RaceProcess(QtCore.QObject):
    """One worker process: ``send`` a numbered request; ``answered(seq, trajectories)`` or ``refused(seq, message)``."""

    answered = QtCore.Signal(int, object)
    refused = QtCore.Signal(int, str)
    lost = QtCore.Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._process = None
        self._conn = None
        self._watch: QtCore.QObject | None = None  # the socket notifier or poll timer
        self.ready = False  # the process has imported everything and reads requests
        self.broken = False  # it could not start or died: never used again
        self._translators: dict[str, QmTranslator] = {}
        self._frames: _FrameReader | None = None  # POSIX: answers are read as their bytes arrive

    @property
    def pid(self) -> int | None:
        """The process id while it runs (tests check it ends)."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the process in the background if it is not running (``ready`` turns True a moment later)."""
        if self._process is not None or self.broken:
            return
        import multiprocessing  # here: ~7 ms the lab's opening does not pay unless a long race comes

        try:
            ctx = multiprocessing.get_context("spawn")
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=serve_races, args=(theirs,), name="optimizer-races", daemon=True)
            process.start()
        except Exception:  # no process (sandbox, no fork/exec, frozen-app quirk): compute in-thread
            self.broken = True
            self.lost.emit()
            return
        theirs.close()  # only the child holds it now: its exit reads as end-of-file here
        self._process, self._conn = process, ours
        if os.name == "posix":
            self._frames = _FrameReader()
            watch = QtCore.QSocketNotifier(ours.fileno(), QtCore.QSocketNotifier.Type.Read, self)
            watch.activated.connect(self._read)
        else:
            watch = QtCore.QTimer(self)
            watch.setInterval(5)
            watch.timeout.connect(self._read)
            watch.start()
        self._watch = watch

    def send(self, seq: int, state: OptimizerState) -> bool:
        """Ask for the runs of ``state`` as request ``seq``; False (and ``lost``) when the process is gone."""
        return self._put(("race", seq, state, self._language()))

    def cancel(self, seq: int) -> None:
        """Drop every request up to ``seq`` (the one being computed included)."""
        self._put(("cancel", seq))

    def stop(self) -> None:
        """End the process and wait for it (the lab closes); no signals after this."""
        process, conn = self._close()
        self.broken = True
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):  # already gone
                conn.send(("stop",))
        _end(process, conn)

    def _language(self) -> tuple:
        """How the process writes its texts: the app's decimal point and catalogue (None: English)."""
        lang = engine_i18n.language()
        if lang == "en":
            return (engine_i18n.decimal_point(), None)
        if lang not in self._translators:
            self._translators[lang] = QmTranslator(str(I18N_DIR / f"mlsandbox_{lang}.qm"))
        return (engine_i18n.decimal_point(), self._translators[lang])

    def _put(self, msg: tuple) -> bool:
        if self._conn is None or self.broken:
            return False
        try:
            self._conn.send(msg)
        except (OSError, ValueError):
            self._die()
            return False
        return True

    def _read(self) -> None:
        try:
            messages = self._receive()
        except (EOFError, OSError):
            self._die()
            return
        answers = [msg for msg in messages if msg[0] == "done"]
        for msg in messages:
            if self._conn is None:
                return  # a slot stopped us
            if msg[0] == "ready":
                self.ready = True
            elif msg[0] == "done" and msg is answers[-1]:  # older answers read with it would never be on screen
                self.answered.emit(msg[1], msg[2])
            elif msg[0] == "error":
                self.refused.emit(msg[1], msg[2])

    def _receive(self) -> list:
        """The messages that arrived whole (raises EOFError when the process is gone)."""
        conn = self._conn
        if conn is None:
            return []
        if self._frames is not None:
            return self._frames.feed(conn.fileno())
        out = []
        while conn.poll():
            out.append(conn.recv())
        return out

    def _die(self) -> None:
        """The process ended on its own (killed, crashed) or stopped listening: say so once, never use it again."""
        _end(*self._close())
        self.broken = True
        self.lost.emit()

    def _close(self) -> tuple:
        """Stop watching the pipe; the process and our end of the pipe, now ours to end."""
        if self._watch is not None:
            if isinstance(self._watch, QtCore.QSocketNotifier):
                self._watch.setEnabled(False)
            else:
                self._watch.stop()
            self._watch.deleteLater()
            self._watch = None
        process, conn = self._process, self._conn
        self._process, self._conn, self.ready = None, None, False
        return process, conn


class _FrameReader:
    """Reads :class:`multiprocessing.connection.Connection` messages a piece at a time, never waiting.

    ``Connection.recv`` blocks until a whole message is in; a 7 × 3000-step race (~2 MB) is written in pieces the
    size of the socket buffer, so the GUI thread waited ~3-6 ms for the process to write the rest (measured).
    This takes what has arrived and unpickles each message once it is complete. The framing is
    ``Connection.send_bytes``'s: a 4-byte big-endian length, or -1 and an 8-byte length; the payload is a pickle.
    """

    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, fd: int) -> list:
        """Read what ``fd`` holds now (a socket notifier saw it readable); the messages now complete."""
        waiting = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
        data = os.read(fd, max(waiting, 1))  # readable with nothing waiting: end of file, read at once
        if not data:
            raise EOFError
        self._buf += data
        out = []
        while len(self._buf) >= 4:
            (size,) = struct.unpack("!i", self._buf[:4])
            head = 4
            if size == -1:
                if len(self._buf) < 12:
                    break
                (size,), head = struct.unpack("!Q", self._buf[4:12]), 12
            if len(self._buf) < head + size:
                break
            with memoryview(self._buf) as whole:  # unpickled in place: a slice of a bytearray is a copy
                out.append(pickle.loads(whole[head : head + size]))
            del self._buf[: head + size]
        return out


def _end(process, conn) -> None:
    """Wait for ``process`` to exit (killed when it does not within a few seconds) and release it and ``conn``."""
    if process is not None:
        process.join(_STOP_WAIT_S)
        if process.is_alive():
            process.kill()
            process.join()
        process.close()
    if conn is not None:
        conn.close()


def check_race_process(timeout_s: float = 120.0) -> str:
    """Self-test: a worker process starts, answers a race in Spanish with run_many's numbers and texts, and ends."""
    state = dataclasses.replace(OptimizerState(), steps=200)
    process = RaceProcess()
    got: list[dict] = []
    process.answered.connect(lambda _seq, trajectories: got.append(trajectories))
    apply_language("es")
    try:
        process.start()
        pid, sent, deadline = process.pid, False, time.monotonic() + timeout_s
        while not got:
            if process.broken:
                raise RuntimeError("the worker process could not start, or died")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer from the worker process in {timeout_s:g} s")
            if process.ready and not sent:
                sent = process.send(1, state)
            QtCore.QCoreApplication.processEvents()
            time.sleep(0.005)
        want = runs(state)
        same = list(got[0]) == list(want) and all(
            np.array_equal(got[0][k].points, tr.points) and got[0][k].message == tr.message for k, tr in want.items()
        )
        if not same:
            raise RuntimeError("the worker process's runs differ from run_many's")
    finally:
        apply_language()  # back to the saved choice
        process.stop()
    return f"pid {pid}: {len(want)} runs identical, texts in Spanish"
