"""Peak resident memory (``resource.getrusage`` maxrss) of the app, each figure from its own fresh process.

Three figures: the window after start-up, after visiting every lab, and after drawing 10 000 000 samples in the
distributions lab (plus the engine alone doing the same draw, to separate the data from the GUI's copies of it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import harness

ROOT = Path(__file__).resolve().parent.parent
MEMORY_TARGET_MB = 300.0  # issue 13: 10M samples, and every lab visited
BIG_N = 10_000_000
#: Field names a distributions state may use for its sample size (first one found is set to BIG_N).
SAMPLE_SIZE_FIELDS = ("n", "n_samples", "sample_size", "samples", "size", "draws", "n_draws")

_APP_SCRIPT = r"""
import dataclasses, json, resource, sys
sys.path.insert(0, {root!r})
from bench import harness
harness.offscreen_app()
from PySide6 import QtWidgets
from gui.app import MainWindow
from gui import labs as registry

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

out = {{}}
labs = registry.available()
win = harness.quiet_window(MainWindow(start_lab=labs[0] if labs else None))
win.resize(1280, 800)
win.show()
QtWidgets.QApplication.processEvents()
win.repaint()
out["start"] = peak_mb()
mode = {mode!r}
if mode == "visit":
    for name in labs:
        lab = win.show_lab(name)
        harness.settle(lab)
        win.repaint()
    out["visited"] = labs
    out["peak"] = out["visit_peak"] = peak_mb()
if mode == "big":
    if "distributions" not in labs:
        out["error"] = "the distributions lab is not there yet"
    else:
        lab = win.show_lab("distributions")
        harness.settle(lab)
        state = lab.state()
        names = [f.name for f in dataclasses.fields(state)]
        field = next((f for f in {fields!r} if f in names), None)
        if field is None:
            out["error"] = "no sample-size field in DistributionsState; it has: " + ", ".join(names)
        else:
            lab.set_state(dataclasses.replace(state, **{{field: {big_n}}}))
            done = harness.settle(lab, timeout_s=120)
            win.repaint()
            out["field"] = field
            out["settled"] = done
            out["shown_n"] = getattr(lab.state(), field)
            out["peak"] = peak_mb()
win.close()
print("RESULT " + json.dumps(out), flush=True)
"""

_ENGINE_SCRIPT = r"""
import json, resource, sys
sys.path.insert(0, {root!r})
from engine import stats
x = stats.sample("normal", {{"mu": 0.0, "sigma": 1.0}}, {big_n}, seed=1)
h = stats.histogram(x)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print("RESULT " + json.dumps({{"peak": peak, "bins": len(h.counts)}}))
"""


def _run(script: str, timeout_s: float = 300.0) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MLSANDBOX_DATA_DIR": tempfile.mkdtemp(prefix="mlsb-mem-")}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=timeout_s
    )
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    tail = out.stderr.strip().splitlines()[-1:] or [f"exit status {out.returncode}"]
    raise RuntimeError(tail[0])


def _error(name: str, message: str) -> dict:
    return {"name": name, "unit": "error", "value": None, "error": message}


def run(quick: bool) -> list[dict]:
    """Peak memory in MB: app start, every lab visited, 10M samples in the distributions lab, engine alone."""
    rows: list[dict] = []
    fields = SAMPLE_SIZE_FIELDS
    try:
        visit = _run(_APP_SCRIPT.format(root=str(ROOT), mode="visit", fields=fields, big_n=BIG_N))
        rows.append(harness.measurement("memory.app_start_peak", "MB", value=visit["start"]))
        rows.append(
            harness.measurement(
                "memory.all_labs_visited_peak",
                "MB",
                value=visit["visit_peak"],
                target={"value": MEMORY_TARGET_MB},
                note="labs visited: " + (", ".join(visit["visited"]) or "none yet"),
            )
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        rows.append(_error("memory.all_labs_visited_peak", str(exc)))
    try:
        # a fresh process, in --quick too: the two figures are separate (every lab visited; 10⁷ samples)
        big = _run(_APP_SCRIPT.format(root=str(ROOT), mode="big", fields=fields, big_n=BIG_N))
        if "error" in big:
            rows.append(_error("memory.distributions_10M_peak", big["error"]))
        else:
            rows.append(
                harness.measurement(
                    "memory.distributions_10M_peak",
                    "MB",
                    value=big["peak"],
                    target={"value": MEMORY_TARGET_MB},
                    note=f"DistributionsState.{big['field']} = {big['shown_n']}, background work "
                    + ("finished" if big["settled"] else "STILL RUNNING after 120 s"),
                )
            )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        rows.append(_error("memory.distributions_10M_peak", str(exc)))
    if quick:  # the engine-only floor is context, not a target: the full run has it
        return rows
    try:
        eng = _run(_ENGINE_SCRIPT.format(root=str(ROOT), big_n=BIG_N))
        rows.append(
            harness.measurement(
                "memory.engine_10M_sample_histogram_peak",
                "MB",
                value=eng["peak"],
                note="engine.stats.sample + histogram of 10M normal draws, no GUI: the floor for the lab's figure",
            )
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        rows.append(_error("memory.engine_10M_sample_histogram_peak", str(exc)))
    return rows
