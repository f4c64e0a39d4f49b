"""Start-up: process start to first painted window, import cost of each heavy module, what is deferred, lab opening.

Every figure comes from fresh interpreters (``subprocess``), so nothing is warm from an earlier measurement; the
only thing that stays warm is the operating system's file cache, as on a machine where the app has run before.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import harness

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("numpy", "scipy", "scipy.stats", "sympy", "pyqtgraph", "PySide6.QtWidgets", "matplotlib")
#: Modules that must not be loaded just by starting the app (they cost seconds; labs import them when needed).
MUST_DEFER = ("sympy", "scipy.stats", "matplotlib", "torch")
STARTUP_TARGET_S = 0.8  # issue 13: first paint of the window
LAB_OPEN_TARGET_MS = 200.0  # issue 13: each lab's first open
#: Seconds main.py may take to quit after its first paint before it is killed (and counted in HUNG_AFTER_PAINT).
EXIT_GRACE_S = 3.0
HUNG_AFTER_PAINT: list[float] = []
#: Labs whose first open needs scipy.stats or sympy, also measured after the app's background warm-up.
WARM_LABS = ("derivatives", "distributions", "hypothesis", "optimizer")

_LAB_OPEN_SCRIPT = r"""
import json, os, sys, time
sys.path.insert(0, {root!r})
from bench import harness
harness.offscreen_app()
from PySide6 import QtWidgets
from gui.app import MainWindow
first, targets, warm = {first!r}, {targets!r}, {warm!r}
win = harness.quiet_window(MainWindow(start_lab=first))
win.resize(1280, 800)
win.show()
QtWidgets.QApplication.processEvents()
win.repaint()
loaded = sorted(m for m in {must_defer!r} if m in sys.modules)
out = {{"loaded_after_start": loaded, "start_lab": win.current_lab_name(), "open_ms": {{}}, "settled_ms": {{}},
        "warm_up_s": None}}
if warm:  # what launch() does 400 ms after the first paint; here we wait for it to finish before opening a lab
    from gui.app import warm_up_heavy_modules
    t0 = time.perf_counter()
    warm_up_heavy_modules().join(60)
    out["warm_up_s"] = time.perf_counter() - t0
for target in targets:
    t0 = time.perf_counter()
    lab = win.show_lab(target)
    QtWidgets.QApplication.processEvents()
    win.repaint()
    out["open_ms"][target] = (time.perf_counter() - t0) * 1e3
    harness.settle(lab)
    win.repaint()
    out["settled_ms"][target] = (time.perf_counter() - t0) * 1e3
import gc
t0 = time.perf_counter()
gc.collect()  # a full pass: with the warm-up's gc.freeze() it no longer walks every module's objects
out["full_gc_ms"] = (time.perf_counter() - t0) * 1e3
out["gc_frozen"] = gc.get_freeze_count()
win.close()
print("RESULT " + json.dumps(out), flush=True)
"""


def _env() -> dict[str, str]:
    data = tempfile.mkdtemp(prefix="mlsandbox-bench-")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MLSANDBOX_DATA_DIR": data, "PYTHONDONTWRITEBYTECODE": "0"}


def first_paint_seconds(extra_args: tuple[str, ...] = (), timeout_s: float = 60.0) -> float:
    """Seconds from launching ``python main.py`` to its first painted window (``MLSANDBOX_EXIT_AFTER_PAINT``)."""
    env = {**_env(), "MLSANDBOX_EXIT_AFTER_PAINT": "1"}
    t0 = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *extra_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=str(ROOT),
    ) as proc:
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("MLSANDBOX_FIRST_PAINT"):
                    elapsed = time.perf_counter() - t0
                    try:  # the figure is taken; an app that then fails to quit is noted, not waited for
                        proc.wait(timeout=min(timeout_s, EXIT_GRACE_S))
                    except subprocess.TimeoutExpired:
                        HUNG_AFTER_PAINT.append(elapsed)
                    return elapsed
            proc.wait(timeout=timeout_s)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    raise RuntimeError(
        f"main.py exited (status {proc.returncode}) without reporting a first paint; "
        "is the MLSANDBOX_EXIT_AFTER_PAINT hook in gui/app.py launch() still there?"
    )


def bare_interpreter_seconds() -> float:
    """Seconds for ``python -c pass``: the floor no start-up can beat."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=_env())
    return time.perf_counter() - t0


def import_seconds(module: str) -> float:
    """Seconds to import ``module`` in a fresh interpreter (with everything it pulls in)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=str(ROOT))
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "import failed")
    return float(out.stdout.strip().splitlines()[-1])


def lab_open(first: str | None, targets: list[str] | tuple[str, ...] = (), warm: bool = False) -> dict[str, Any]:
    """Open the app on ``first`` in a fresh process, then time switching to each of ``targets`` in turn.

    With ``warm``, the app's background warm-up of scipy.stats and sympy (``gui.app.warm_up_heavy_modules``, started
    400 ms after the first paint) is run to its end first: a lab opened a few seconds after start-up.
    Returns ``{"start_lab", "loaded_after_start", "open_ms": {lab: ms}, "settled_ms": {lab: ms}, "warm_up_s"}``;
    ``open_ms`` runs until the new lab is painted, ``settled_ms`` until its background jobs finished too.
    """
    script = _LAB_OPEN_SCRIPT.format(
        root=str(ROOT), first=first, targets=list(targets), must_defer=MUST_DEFER, warm=warm
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(), cwd=str(ROOT), timeout=120
    )
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    tail = out.stderr.strip().splitlines()[-1:] or ["no output"]
    raise RuntimeError(f"opening {', '.join(targets) or first} failed: {tail[0]}")


def _available_labs() -> list[str]:
    try:
        sys.path.insert(0, str(ROOT))
        from gui import labs as registry

        return registry.available()
    except ImportError:
        return []


def run(quick: bool) -> list[dict]:
    """Start-up figures: first paint (median of runs), imports, deferred modules, each lab's first open."""
    rows: list[dict] = []
    runs = 2 if quick else 7
    rows.append(harness.measurement("startup.bare_python", "s", value=bare_interpreter_seconds()))
    first_paint = [first_paint_seconds() for _ in range(runs)]
    rows.append(
        harness.measurement(
            "startup.first_paint",
            "s",
            value=statistics.median(first_paint),
            target={"value": STARTUP_TARGET_S},
            note=f"median of {runs} cold starts of main.py to the first painted window: "
            + ", ".join(f"{v:.2f}" for v in first_paint),
        )
    )
    rows.append(
        harness.measurement(
            "startup.hung_after_first_paint",
            "runs",
            value=float(len(HUNG_AFTER_PAINT)),
            target={"value": 0.0},
            note=f"of {runs} runs, how many did not quit within {EXIT_GRACE_S:.0f} s of MLSANDBOX_EXIT_AFTER_PAINT's "
            "quit (e.g. a modal 'Save changes?' on close) and had to be killed",
        )
    )
    for module in HEAVY_MODULES if not quick else ("scipy.stats", "sympy"):
        try:
            rows.append(harness.measurement(f"startup.import.{module}", "s", value=import_seconds(module)))
        except RuntimeError as exc:
            rows.append({"name": f"startup.import.{module}", "unit": "error", "value": None, "error": str(exc)})
    labs = _available_labs()
    if quick:  # one process: labs opened one after another (imports they share are warm for the later ones)
        start = lab_open(labs[0] if labs else None, labs[1:])
        opened = [(name, labs[0], start) for name in labs[1:]]
    else:  # one fresh process per lab: each lab's true first open
        start = lab_open(labs[0] if labs else None, ())
        opened = []
        for name in labs if len(labs) > 1 else []:
            origin = labs[0] if name != labs[0] else labs[1]
            try:
                opened.append((name, origin, lab_open(origin, [name])))
            except RuntimeError as exc:
                rows.append({"name": f"startup.first_open.{name}", "unit": "error", "value": None, "error": str(exc)})
    warm_labs = [n for n in WARM_LABS if n in labs and n != (labs[0] if labs else None)]
    warm_rows: list[dict] = []
    gc_rows: list[dict] = []
    for name in warm_labs if not quick else warm_labs[:1]:
        origin = labs[0]
        try:
            res = lab_open(origin, [name], warm=True)
        except RuntimeError as exc:
            warm_rows.append({"name": f"startup.first_open_warm.{name}", "unit": "error", "value": None,
                              "error": str(exc)})  # fmt: skip
            continue
        warm_rows.append(
            harness.measurement(
                f"startup.first_open_warm.{name}",
                "ms",
                value=res["open_ms"][name],
                target={"value": LAB_OPEN_TARGET_MS},
                note=f"as first_open, but after the app's background warm-up of scipy.stats + sympy finished "
                f"({res['warm_up_s']:.2f} s in the background); background jobs done after "
                f"{res['settled_ms'][name]:.0f} ms",
            )
        )
        if not gc_rows:
            cold = lab_open(origin, [name])
            gc_rows.append(
                harness.measurement(
                    "startup.full_gc_ms",
                    "ms",
                    value=res["full_gc_ms"],
                    note=f"one full garbage collection with {name} open after the warm-up, which freezes "
                    f"{res['gc_frozen']} loaded objects out of its reach (gc.freeze); without the warm-up "
                    f"{cold['full_gc_ms']:.0f} ms — the pause a drag would take when Python's collector runs a "
                    "full pass",
                )
            )
    loaded = set(start["loaded_after_start"])
    for module in MUST_DEFER:
        rows.append(
            harness.measurement(
                f"startup.loaded_at_start.{module}",
                "bool",
                value=1.0 if module in loaded else 0.0,
                target={"value": 0.0},
                note=f"1 = imported by the time the window (on {start['start_lab'] or 'no lab'}) first painted",
            )
        )
    for name, origin, res in opened:
        rows.append(
            harness.measurement(
                f"startup.first_open.{name}",
                "ms",
                value=res["open_ms"][name],
                target={"value": LAB_OPEN_TARGET_MS},
                note=f"switch from {origin} to a never-opened {name} until painted; "
                f"background jobs done after {res['settled_ms'][name]:.0f} ms"
                + ("; sequential, earlier labs' imports warm" if quick else ""),
            )
        )
    return rows + warm_rows + gc_rows
