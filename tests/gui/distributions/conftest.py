"""The Distributions lab in a window, shut down after the test (its background draws and timers stopped)."""

from __future__ import annotations

import pytest


@pytest.fixture
def lab(lab_window):
    win = lab_window("distributions")
    lab = win.current_lab()
    assert lab.name == "distributions"
    yield lab
    lab.shutdown()
