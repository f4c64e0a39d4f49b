"""The benchmark frame: discovery, the report format, and that the measured interactions really do something.

No timing assertions here (speed is reported by ``python -m bench``, not tested): these tests make sure the bench
cannot silently measure nothing.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import __main__ as bench_main
from bench import harness

ROOT = Path(__file__).resolve().parent.parent


# --- statistics and rows ------------------------------------------------------------------------------------------
@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=300))
def test_percentiles_match_numpy(samples):
    got = harness.percentiles(samples)
    want = np.percentile(samples, [50, 95, 100])
    assert got["p50"] == pytest.approx(want[0], rel=1e-9, abs=1e-9)
    assert got["p95"] == pytest.approx(want[1], rel=1e-9, abs=1e-9)
    assert got["max"] == max(samples)


@pytest.mark.parametrize("bad", [[], [1.0, float("nan")], [float("inf")]])
def test_percentiles_refuse_empty_or_non_finite(bad):
    with pytest.raises(ValueError):
        harness.percentiles(bad)


def test_measurement_takes_samples_or_value_never_both():
    with pytest.raises(ValueError):
        harness.measurement("x", "ms")
    with pytest.raises(ValueError):
        harness.measurement("x", "ms", samples=[1.0], value=2.0)
    row = harness.measurement("x.y", "ms", samples=[1.0, 2.0, 3.0, 10.0])
    assert (row["p50"], row["max"], row["n"]) == (2.5, 10.0, 4)
    assert harness.measurement("x.z_ratio", "x", value=0.05)["value"] == 0.05


def test_interaction_rows_carry_the_frame_target_and_verdicts_follow_it():
    fast = harness.interaction("lab.drag", [1.0] * 20 + [5.0])
    slow = harness.interaction("lab.drag", [20.0] * 20)
    spike = harness.interaction("lab.drag", [1.0] * 99 + [80.0])  # p95 fine, max over 50 ms
    assert fast["target"] == {"p95": 16.0, "max": 50.0}
    assert bench_main.verdict(fast) == "pass"
    assert bench_main.verdict(slow) == "FAIL"
    assert bench_main.verdict(spike) == "FAIL"
    assert bench_main.verdict(harness.measurement("a", "MB", value=3)) == ""


def test_floor_target_is_five_floors_but_never_under_a_120hz_frame():
    assert harness.floor_target(0.5) == {"cpu_p95": 8.0, "cpu_max": 33.0}  # a fast machine: the 8 ms frame
    assert harness.floor_target(3.0) == {"cpu_p95": 15.0, "cpu_max": 33.0}  # a slow one: 5 × its own floor


def test_interaction_rows_are_judged_against_the_floor_of_the_same_run():
    floor = harness.interaction(harness.FLOOR_ROW, [1.0] * 10, cpu_ms=[2.0] * 10)
    ok = harness.interaction("lab.drag", [30.0] * 20, cpu_ms=[9.0] * 20)  # 4.5 × floor, wall time loaded
    slow = harness.interaction("lab.drag.presenter_1920", [5.0] * 20, cpu_ms=[11.0] * 20)  # 5.5 × floor
    spike = harness.interaction("lab.other", [5.0] * 20, cpu_ms=[1.0] * 19 + [40.0])  # p95 fine, one 40 ms event
    no_cpu = harness.interaction("lab.nocpu", [1.0] * 5)
    plain = harness.measurement("lab.ms", "ms", samples=[1.0, 2.0])
    rows = [floor, ok, slow, spike, no_cpu, plain]
    assert bench_main.apply_floor(rows) == 2.0
    assert ok["target"] == {"cpu_p95": 10.0, "cpu_max": 33.0} and ok["x_floor"] == pytest.approx(4.5)
    assert [bench_main.verdict(r) for r in rows] == ["pass", "pass", "FAIL", "FAIL", "FAIL", ""]
    assert "target" not in plain
    text = bench_main.format_table(
        rows, {"mode": "quick", "cpus": 2, "python": "3.11", "seconds": 1.0, "floor_cpu_p95_ms": 2.0}
    )
    assert "CPU p95 <= 10.0 ms" in text and "4.5" in text


def test_without_a_floor_the_fixed_frame_target_stays_and_says_so():
    row = harness.interaction("lab.drag", [1.0] * 10, cpu_ms=[1.0] * 10)
    assert bench_main.apply_floor([row]) is None
    assert row["target"] == harness.INTERACTION_TARGET and "no floor" in row["note"]


def test_presenter_mode_switches_the_theme_for_windows_made_afterwards(qapp):
    from gui import theme

    try:
        harness.set_presenter(True)
        assert theme.current().presenter and theme.current().line_width == 5.0
    finally:
        harness.set_presenter(False)
    assert not theme.current().presenter


@pytest.mark.parametrize(
    "row, problem",
    [
        ({"name": "a", "unit": "ms", "p50": 1, "p95": 2, "max": 3}, None),
        ({"name": "a", "unit": "s", "value": 1.5}, None),
        ({"name": "a", "unit": "error", "value": None, "error": "boom"}, None),
        ([1, 2], "must be a dict"),
        ({"unit": "ms", "value": 1}, "non-empty 'name'"),
        ({"name": "a", "value": 1}, "'unit'"),
        ({"name": "a", "unit": "ms"}, "p50/p95/max or value"),
        ({"name": "a", "unit": "ms", "value": float("nan")}, "finite"),
        ({"name": "a", "unit": "ms", "p50": 1, "p95": "fast", "max": 3}, "finite"),
        ({"name": "a", "unit": "ms", "value": 1, "target": {"value": "low"}}, "target"),
    ],
)
def test_check_row_names_what_is_wrong(row, problem):
    got = bench_main.check_row(row)
    if problem is None:
        assert got is None
    else:
        assert got is not None and problem in got


# --- discovery and running ----------------------------------------------------------------------------------------
def test_discovery_finds_the_suite_in_run_order():
    names = bench_main.discover()
    for expected in ("harness_selftest", "startup", "matplotlib", "memory"):
        assert expected in names
    assert names[0] == "harness_selftest"
    assert names.index("startup") < names.index("matplotlib") < names.index("memory")


def test_discovery_only_picks_bench_modules(tmp_path):
    for name in ("bench_zeta.py", "bench_alpha.py", "helpers.py", "bench_notes.txt"):
        (tmp_path / name).write_text("")
    (tmp_path / "bench_dir.py").mkdir()
    assert bench_main.discover(tmp_path) == ["alpha", "zeta"]


def test_a_failing_or_malformed_module_becomes_an_error_row(monkeypatch):
    def explode(quick):
        raise ZeroDivisionError("lab not ready")

    monkeypatch.setitem(sys.modules, "bench.bench_broken", types.SimpleNamespace(run=explode))
    monkeypatch.setitem(sys.modules, "bench.bench_notalist", types.SimpleNamespace(run=lambda quick: {"a": 1}))
    monkeypatch.setitem(
        sys.modules,
        "bench.bench_halfgood",
        types.SimpleNamespace(run=lambda quick: [{"name": "ok", "unit": "s", "value": 1.0}, {"name": "bad"}]),
    )
    (row,) = bench_main.run_module("broken", quick=True)
    assert row["unit"] == "error" and "ZeroDivisionError: lab not ready" in row["error"]
    (row,) = bench_main.run_module("notalist", quick=True)
    assert "not a list" in row["error"]
    good, bad = bench_main.run_module("halfgood", quick=True)
    assert good == {"name": "ok", "unit": "s", "value": 1.0, "module": "halfgood"}
    assert bad["unit"] == "error" and "'unit'" in bad["error"]


def test_a_module_that_cannot_import_is_an_error_row_in_isolated_mode():
    (row,) = bench_main.run_isolated("no_such_benchmark", quick=True, timeout_s=120)
    assert row["unit"] == "error"
    assert "ModuleNotFoundError" in row["error"]


def test_table_aligns_rows_and_shows_verdicts():
    rows = [
        harness.interaction("vectors.drag_tip", [1.0, 2.0, 3.0]),
        harness.measurement("startup.first_paint", "s", value=2.0, target={"value": 1.5}),
        {"name": "network.error", "unit": "error", "value": None, "error": "ImportError: no lab"},
    ]
    meta = {"mode": "quick", "cpus": 2, "python": "3.11", "loadavg_start": [1, 1, 1], "loadavg_end": [1, 1, 1]}
    text = bench_main.format_table(rows, {**meta, "seconds": 1.0})
    lines = text.splitlines()
    drag = next(line for line in lines if line.startswith("vectors.drag_tip"))
    start = next(line for line in lines if line.startswith("startup.first_paint"))
    assert drag.rstrip().endswith("pass") and start.rstrip().endswith("FAIL")
    assert "ImportError: no lab" in text
    assert drag.index("ms") == start.index("s  ")  # the unit column lines up
    assert "1 over target, 1 errors" in text


def test_markdown_gives_each_interaction_row_as_cpu_ms_and_times_the_floor():
    rows = [
        harness.interaction("harness.bare_plane_drag", [0.5] * 20, cpu_ms=[0.5] * 20),
        harness.interaction("vectors.drag_tip", [3.0] * 20, cpu_ms=[2.0] * 20),
        harness.interaction("matrices.drag.presenter_1920", [20.0] * 20, cpu_ms=[12.0] * 20),
        harness.measurement("startup.first_paint", "s", value=0.5, target={"value": 0.8}),
        harness.measurement("startup.import.numpy", "s", value=0.05),
        harness.measurement("network.frame_ms", "ms", samples=[1.0] * 19 + [30.0], target={"p95": 10.0}),
        {"name": "network.error", "unit": "error", "value": None, "error": "ImportError: no lab"},
    ]
    meta = {"mode": "quick", "cpus": 2, "python": "3.11", "loadavg_start": [1, 1, 1], "loadavg_end": [2, 1, 1],
            "started": "2026-12-05T08:00:00+0000", "seconds": 30.0}  # fmt: skip
    meta["floor_cpu_p95_ms"] = bench_main.apply_floor(rows)
    text = bench_main.format_markdown(rows, meta)
    assert "**0.50 ms**" in text and "CPU p95 ≤ 8.0 ms" in text
    assert "| `vectors.drag_tip` | 2.00 | 4.0× | any | 2.00 |" in text
    assert text.count("| pass |") == 4  # the floor, the drag, first paint, frame_ms
    assert "| `matrices.drag.presenter_1920` | 12.0 | 24.0× | 0.33 ms | 12.0 | 20.0 | FAIL |" in text
    assert "startup.import.numpy" not in text  # context rows without a target stay in the JSON
    assert "| `network.error` | error: ImportError: no lab |" in text
    assert "| `network.frame_ms` | p95 " in text and "max 30.0 ms | p95<=10.0 | pass |" in text  # judged on its p95


def test_quick_smoke_run_writes_well_formed_json(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "harness-selftest", "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=str(ROOT),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "harness.bare_plane_drag" in proc.stdout
    data = json.loads(out.read_text())
    assert data["meta"]["mode"] == "quick"
    assert len(data["meta"]["loadavg_start"]) == 3
    rows = {r["name"]: r for r in data["measurements"]}
    for row in rows.values():
        assert bench_main.check_row(row) is None
        assert row["unit"] != "error", row
    drag = rows["harness.bare_plane_drag"]
    assert drag["n"] == 50 and 0 < drag["p50"] <= drag["p95"] <= drag["max"]
    assert drag["cpu_p95"] > 0 and drag["x_floor"] == 1.0 and drag["target"]["cpu_max"] == 33.0
    assert data["meta"]["floor_cpu_p95_ms"] == drag["cpu_p95"]
    assert rows["harness.bare_plane_drag_distance"]["value"] > 4.0  # (2, 1) -> (-3, 4) is 5.8 away


def test_busy_runs_other_processes_during_the_run_and_stops_them(tmp_path, monkeypatch):
    """``--busy N``: the figures of a busy machine; the N burners run while modules run and are gone after."""
    started = []

    def burner():
        proc = subprocess.Popen([sys.executable, "-c", bench_main.BURNER])
        started.append(proc)
        return proc

    seen_running = []
    monkeypatch.setattr(bench_main, "start_burner", burner)
    monkeypatch.setattr(bench_main, "run_module", lambda short, quick: seen_running.append(
        [p.poll() is None for p in started]) or [harness.measurement(f"{short}.x", "ms", value=1.0)])  # fmt: skip
    out, md = tmp_path / "b.json", tmp_path / "b.md"
    rc = bench_main.main(["--quick", "--in-process", "--only", "vectors", "--busy", "2", "--json", str(out),
                          "--markdown", str(md)])  # fmt: skip
    assert rc == 0
    assert len(started) == 2 and seen_running and all(all(r) and len(r) == 2 for r in seen_running)
    assert all(p.poll() is not None for p in started)  # killed when the run ended
    assert json.loads(out.read_text())["meta"]["busy"] == 2
    assert "with 2 busy process(es) beside it (`--busy 2`)" in md.read_text()
    with pytest.raises(SystemExit):
        bench_main.main(["--busy", "-1"])


def test_every_interaction_bench_has_presenter_rows():
    # Issue 13: at least the vectors, matrices, derivatives, optimizer, distributions and network drags at 1080p.
    for lab in ("vectors", "matrices", "derivatives", "optimizer", "distributions", "network"):
        text = (ROOT / "bench" / f"bench_{lab}.py").read_text(encoding="utf-8")
        assert "harness.PRESENTER_SIZE" in text and "presenter_1920" in text, lab


def test_unknown_only_name_is_refused():
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nope"], capture_output=True, text=True, cwd=str(ROOT), timeout=60
    )
    assert proc.returncode == 2
    assert "unknown benchmark" in proc.stderr and "startup" in proc.stderr


# --- the interaction paths really move things ---------------------------------------------------------------------
def test_drag_events_are_press_moves_release(qapp):
    from bench.bench_harness_selftest import build_plane

    widget, _target = build_plane()
    try:
        senders = list(harness.drag_events(widget, harness.line_path((0, 0), (1, 1), 7)))
        assert len(senders) == 8 + 1
        with pytest.raises(ValueError):
            list(harness.drag_events(widget, [(0, 0)]))
    finally:
        widget.close()


def test_time_drag_moves_the_dragged_item_to_the_end_of_the_path(qapp):
    from bench.bench_harness_selftest import build_plane

    widget, target = build_plane()
    try:
        path = harness.line_path((2.0, 1.0), (-3.0, 4.0), 30)
        times = harness.time_drag(widget, path)
        assert len(times) == 30 and all(t > 0 for t in times)
        assert target.pos().x() == pytest.approx(-3.0, abs=0.4)
        assert target.pos().y() == pytest.approx(4.0, abs=0.4)
        # A drag that misses the item moves nothing, so the distance check above is meaningful.
        harness.time_drag(widget, harness.line_path((5.0, -5.0), (5.5, -4.0), 5))
        assert target.pos().x() == pytest.approx(-3.0, abs=0.4)
    finally:
        widget.close()


def test_time_events_repaints_synchronously_once_per_event(qapp):
    from PySide6 import QtWidgets

    class Counting(QtWidgets.QWidget):
        paints = 0

        def paintEvent(self, event):
            Counting.paints += 1

    w = Counting()
    w.resize(100, 100)
    w.show()
    QtWidgets.QApplication.processEvents()
    sent = []
    before = Counting.paints
    times = harness.time_events(sent.append, w, 6)
    assert sent == list(range(6)) and len(times) == 6
    assert Counting.paints - before >= 6
    w.close()


def test_time_events_paints_once_when_the_event_already_caused_a_paint(qapp):
    from PySide6 import QtWidgets

    class Counting(QtWidgets.QWidget):
        paints = 0

        def paintEvent(self, event):
            Counting.paints += 1

    w = Counting()
    w.resize(100, 100)
    w.show()
    QtWidgets.QApplication.processEvents()
    before = Counting.paints
    times = harness.time_events(lambda i: w.update(), w, 8)  # Qt paints it while processing the events
    assert Counting.paints - before == 8  # not 16: no second, forced repaint on top of Qt's own
    cpu = harness.cpu_times_of(times)
    assert cpu is not None and len(cpu) == 8 and all(c >= 0 for c in cpu)
    row = harness.interaction("x.y", times)
    assert row["cpu_p50"] <= row["cpu_max"] and row["n"] == 8
    w.close()


def test_settle_waits_for_background_jobs(qapp):
    import threading

    from PySide6 import QtWidgets

    from gui.widgets.jobs import LatestJob

    holder = QtWidgets.QWidget()
    job = LatestJob(holder)
    got = []
    job.finished.connect(got.append)
    gate = threading.Event()
    job.submit(lambda: gate.wait(20) and "done")
    assert harness.settle(holder, timeout_s=0.05) is False  # still running: settle says so
    gate.set()
    assert harness.settle(holder, timeout_s=20) is True
    assert got == ["done"]
    holder.deleteLater()


# --- the side-by-side scenes draw what they claim -----------------------------------------------------------------
def test_pyqtgraph_scenes_update_their_items_in_place(qapp):
    from bench import bench_matplotlib as bm

    grid = bm.grid_scene(3)
    w, update = bm.pg_grid(grid)
    try:
        update(2)  # t = 1: M = A
        square = next(i for i in w.getPlotItem().items if type(i).__name__ == "QGraphicsPolygonItem")
        corner = square.polygon()[2]
        assert (corner.x(), corner.y()) == pytest.approx((3.0, 4.0))  # A @ (1, 1)
    finally:
        w.close()
    hist = bm.histogram_scene(2, n_samples=2000)
    w, update = bm.pg_histogram(hist)
    try:
        update(1)
        bars = w.getPlotItem().curves[0]
        assert np.allclose(bars.yData, hist["frames"][1][1])
    finally:
        w.close()


def test_optimizer_scene_uses_seven_real_trajectories(qapp):
    from bench import bench_matplotlib as bm
    from engine import optim

    scene = bm.optimizer_scene(2, steps=20, grid=40)
    assert scene["logz"].shape == (40, 40) and np.isfinite(scene["logz"]).all()
    assert len(scene["frames"][1]) == len(optim.OPTIMIZERS) == 7
    w, update = bm.pg_optimizer(scene)
    try:
        from gui.labs.optimizer.lines import RunLines

        update(1)
        (contours,) = w.getPlotItem().curves
        assert np.isnan(contours.xData).any() and np.isfinite(contours.xData).sum() > 20  # levels, NaN-separated
        (runs,) = [item for item in w.getPlotItem().items if isinstance(item, RunLines)]  # the lab's own path item
        for curve, pts in zip(runs.lines, scene["frames"][1], strict=True):
            # thinned to one point per pixel, as the Optimizer lab draws it: a subset keeping both ends
            assert 2 <= len(curve.xData) <= len(pts)
            assert (curve.xData[0], curve.xData[-1]) == (pts[0, 0], pts[-1, 0])
            assert np.isin(curve.xData, pts[:, 0]).all()
    finally:
        w.close()


def test_matplotlib_scenes_draw_the_same_data():
    pytest.importorskip("matplotlib")
    from bench import bench_matplotlib as bm

    grid = bm.grid_scene(3)
    fig, update = bm.mpl_grid(grid)
    update(2)
    square = fig.axes[0].patches[0]
    assert square.get_xy()[2] == pytest.approx([3.0, 4.0])


# --- start-up and memory probes -----------------------------------------------------------------------------------
def test_startup_hook_reports_the_first_paint_and_exits():
    from bench import bench_startup

    seconds = bench_startup.first_paint_seconds(timeout_s=60)
    assert 0 < seconds < 60


def test_importing_the_app_shell_loads_no_heavy_module():
    code = (
        "import sys, main, gui.app, gui.labs, engine.labs, engine.schema; "
        "print(','.join(m for m in ('sympy', 'scipy.stats', 'matplotlib', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_heavy_modules_are_not_loaded_by_starting_the_app_on_its_first_lab():
    from bench import bench_startup

    res = bench_startup.lab_open(None)
    if res["start_lab"] != "vectors":
        pytest.skip(f"the app starts on {res['start_lab']!r} until the vectors lab exists")
    assert "sympy" not in res["loaded_after_start"]
    assert "scipy.stats" not in res["loaded_after_start"]
    assert "matplotlib" not in res["loaded_after_start"]


def test_memory_bench_can_find_the_distributions_sample_size():
    from bench import bench_memory

    try:
        from engine.labs import state_type

        state_cls = state_type("distributions")
    except (ImportError, AttributeError, KeyError):
        pytest.skip("the distributions lab's state is not there yet")
    names = {f.name for f in dataclasses.fields(state_cls)}
    assert names & set(bench_memory.SAMPLE_SIZE_FIELDS), f"DistributionsState fields: {sorted(names)}"


def test_each_interaction_row_says_how_slow_a_machine_it_would_still_pass_on():
    """x × floor scales with the machine: within 5 floors any machine; beyond, floors up to 8 ms / x."""
    assert bench_main.holds_to_floor(4.9) is None
    assert bench_main.holds_to_floor(10.0) == pytest.approx(0.8)
    assert bench_main.holds_to_floor(5.3) == pytest.approx(8 / 5.3)
    floor = harness.interaction(harness.FLOOR_ROW, [1.0] * 10, cpu_ms=[0.5] * 10)
    row = harness.interaction("lab.drag", [3.0] * 20, cpu_ms=[4.0] * 20)  # 8 × floor
    bench_main.apply_floor([floor, row])
    assert row["holds_to_floor_ms"] == pytest.approx(1.0)
    meta = {"mode": "quick", "cpus": 2, "python": "3.11", "seconds": 1.0, "floor_cpu_p95_ms": 0.5,
            "started": "now", "loadavg_start": [0.0], "loadavg_end": [0.0]}  # fmt: skip
    assert "| `lab.drag` | 4.00 | 8.0× | 1.00 ms |" in bench_main.format_markdown([floor, row], meta)
