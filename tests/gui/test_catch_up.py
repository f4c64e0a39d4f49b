"""Secondary readouts during a gesture: the newest update per key, at most every LIVE_MS, all of them on flush."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui.widgets.catch_up import LIVE_MS, CatchUp


def test_live_updates_wait_newest_per_key_and_flush_runs_them(qtbot):
    owner = QtCore.QObject()
    catch_up = CatchUp(owner)
    shown = []
    catch_up.run(lambda: shown.append("a1"), live=True, key="a")
    catch_up.run(lambda: shown.append("b1"), live=True, key="b")
    catch_up.run(lambda: shown.append("a2"), live=True, key="a")  # replaces a1
    assert shown == [] and catch_up.pending()
    catch_up.flush()  # the gesture was committed
    assert shown == ["a2", "b1"] and not catch_up.pending()


def test_at_rest_an_update_runs_at_once_and_drops_the_older_one_waiting(qtbot):
    owner = QtCore.QObject()
    catch_up = CatchUp(owner)
    shown = []
    catch_up.run(lambda: shown.append("live"), live=True, key="x")
    catch_up.run(lambda: shown.append("rest"), live=False, key="x")
    assert shown == ["rest"] and not catch_up.pending()
    catch_up.run(lambda: shown.append("other"), live=True, key="y")
    catch_up.cancel("y")
    assert not catch_up.pending()


def test_a_waiting_update_runs_by_itself_within_the_interval(qtbot):
    owner = QtCore.QObject()
    catch_up = CatchUp(owner)
    shown = []
    catch_up.run(lambda: shown.append(1), live=True)
    assert shown == []
    qtbot.waitUntil(lambda: shown == [1], timeout=20 * LIVE_MS)  # no timing assert: only that it comes


def test_every_lab_shows_what_caught_up_at_10hz_the_moment_a_gesture_ends(qtbot):
    """Lab.commit flushes every CatchUp under the lab (they once each had their own commit override)."""
    from gui.labs.base import Lab

    lab = Lab()
    qtbot.addWidget(lab)
    inner = QtWidgets.QWidget(lab)
    shown = []
    for parent in (lab, inner):
        CatchUp(parent).run(lambda parent=parent: shown.append(parent), live=True)
    assert shown == []
    lab.commit("Move")
    assert shown == [lab, inner] or shown == [inner, lab]
