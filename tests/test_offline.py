"""Offline: the suite refuses every network connection, and the app never tries one."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NetworkAccessError

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_refuses_network_connections() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("127.0.0.1", 9))
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkAccessError):
            s.connect(("10.0.0.1", 80))
    finally:
        s.close()


def test_every_lab_opens_without_touching_the_network(tmp_path) -> None:
    """In a fresh process with socket creation itself forbidden, open every lab and run the warm-up imports."""
    script = f"""
import os, socket, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MLSANDBOX_DATA_DIR"] = {str(tmp_path)!r}
attempts = []
class NoSocket(socket.socket):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            attempts.append(family)
            raise OSError("network disabled for this test")
        super().__init__(family, *args, **kwargs)
socket.socket = NoSocket
sys.path.insert(0, {str(ROOT)!r})
from gui.app import MainWindow, make_application, warm_up_heavy_modules
app = make_application()
win = MainWindow()
win.ask_before_discarding = False
for name in win.lab_names():
    win.show_lab(name)
    app.processEvents()
warm_up_heavy_modules().join()
win.close()
print("attempts", len(attempts))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "attempts 0" in out.stdout
