"""Test setup for the whole suite: headless Qt, no network, deterministic hypothesis profile."""

from __future__ import annotations

import os
import socket

import pytest

# Set before anything imports Qt: tests never need (or may grab) a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.pop("QT_SCALE_FACTOR", None)

from hypothesis import HealthCheck, settings

settings.register_profile(
    "suite", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile("suite")


class NetworkAccessError(RuntimeError):
    """Raised when code under test tries to open a network connection (the app must work offline)."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network fails the test: the app is used in offline classrooms."""

    def refuse(self, address, *args, **kwargs):
        family = getattr(self, "family", None)
        if family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkAccessError(f"network access attempted: {address!r}")
        return original_connect(self, address, *args, **kwargs)

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(
        socket,
        "create_connection",
        lambda *a, **k: (_ for _ in ()).throw(NetworkAccessError(f"network access attempted: {a!r}")),
    )
