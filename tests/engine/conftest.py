"""Engine-test setup: "show the code" snippets executed in-process draw with matplotlib's Agg, never a Qt backend."""

from __future__ import annotations

import os
import sys

import pytest

# Before anything imports pyplot: a snippet's figure must not pull in Qt (engine tests run without it).
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_snippet_figures():
    """Close the figures a snippet drew, so a long run never piles up open figures."""
    yield
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
