"""``python -m bench [--quick] [--json PATH] [--markdown PATH] [--only NAME ...]``: run every bench/bench_*.py, report.

Each module's ``run(quick)`` returns measurement rows (see :mod:`bench.harness`); a module that raises, or returns
something malformed, becomes an error row and the others still run. The table shows p50/p95/max (or the value), the
target and pass/fail; ``--json`` writes ``{"meta": {...}, "measurements": [...]}`` with one object per row.

Interaction rows are judged against the floor measured in the same run (``harness.bare_plane_drag``, always run):
each gets ``target = {"cpu_p95": max(8, 5 × floor CPU p95), "cpu_max": 33}`` and ``x_floor`` (its CPU p95 over the
floor's), see :func:`apply_floor`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
LAB_NAMES = ("vectors", "matrices", "derivatives", "optimizer", "distributions", "hypothesis", "network")

#: Modules run in this order (cheap, Qt-free ones first); the rest follow alphabetically.
PREFERRED_ORDER = ("harness_selftest", "startup", *LAB_NAMES, "matplotlib", "memory")


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_").removeprefix("bench_").removesuffix(".py")


def discover(directory: Path = BENCH_DIR) -> list[str]:
    """Short names (``startup``, ``vectors`` …) of the ``bench_*.py`` modules in ``directory``, in run order."""
    found = sorted(p.stem.removeprefix("bench_") for p in directory.glob("bench_*.py") if p.is_file())
    first = [n for n in PREFERRED_ORDER if n in found]
    return first + [n for n in found if n not in first]


def _error_row(module: str, message: str, unit: str = "error") -> dict[str, Any]:
    return {"name": f"{module}.{unit}", "unit": unit, "value": None, "error": message}


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def check_row(row: Any) -> str | None:
    """Why ``row`` is not a well-formed measurement, or None when it is."""
    if not isinstance(row, dict):
        return f"a measurement must be a dict, got {type(row).__name__}"
    if not isinstance(row.get("name"), str) or not row["name"]:
        return "a measurement needs a non-empty 'name'"
    if row.get("unit") == "error":
        return None if isinstance(row.get("error"), str) else f"{row['name']}: an error row needs an 'error' message"
    if not isinstance(row.get("unit"), str):
        return f"{row['name']}: a measurement needs a 'unit' string"
    has_stats = all(k in row for k in ("p50", "p95", "max"))
    if has_stats:
        if not all(_number(row[k]) for k in ("p50", "p95", "max")):
            return f"{row['name']}: p50/p95/max must be finite numbers"
    elif "value" in row:
        if not _number(row["value"]):
            return f"{row['name']}: value must be a finite number, got {row['value']!r}"
    else:
        return f"{row['name']}: give p50/p95/max or value"
    target = row.get("target")
    if target is not None and (
        not isinstance(target, dict) or not all(isinstance(k, str) and _number(v) for k, v in target.items())
    ):
        return f"{row['name']}: target must map statistic names to numbers"
    return None


def verdict(row: dict[str, Any]) -> str:
    """``pass`` / ``FAIL`` against the row's target (upper bounds), ``''`` when it has none, ``error`` for errors."""
    if row.get("unit") in ("error", "missing"):
        return str(row["unit"])
    target = row.get("target")
    if not target:
        return ""
    ok = all(k in row and _number(row[k]) and row[k] <= bound for k, bound in target.items())
    return "pass" if ok else "FAIL"


def apply_floor(rows: list[dict[str, Any]]) -> float | None:
    """Give every interaction row its floor-relative target and ``x_floor``; the floor's CPU p95 (None if missing).

    Without a floor row (it failed) the rows keep their fixed frame target and a note says so.
    """
    from bench import harness

    floor = next((r for r in rows if r.get("name") == harness.FLOOR_ROW and _number(r.get("cpu_p95"))), None)
    if floor is None:
        for r in rows:
            if r.get("interaction"):
                r["note"] = (r.get("note", "") + "; no floor in this run: fixed frame target").lstrip("; ")
        return None
    base = max(float(floor["cpu_p95"]), 1e-3)
    for r in rows:
        if not r.get("interaction") or r.get("unit") == "error":
            continue
        r["target"] = harness.floor_target(base)
        r["floor_cpu_p95"] = base
        if _number(r.get("cpu_p95")):
            r["x_floor"] = r["cpu_p95"] / base
            r["holds_to_floor_ms"] = holds_to_floor(r["x_floor"])
    return base


def holds_to_floor(x_floor: float) -> float | None:
    """The slowest machine, by its floor's CPU p95 in ms, on which a row ``x_floor`` × the floor still meets its p95
    target if everything scales with the machine; None: every machine (the row is within 5 floors).

    On a machine k× slower the floor and the row both take k× longer: the row passes while x · F ≤ max(8, 5 · F).
    """
    from bench import harness

    if x_floor <= harness.FLOOR_FACTOR:
        return None
    return harness.FLOOR_MIN_MS / x_floor


def run_module(short: str, quick: bool) -> list[dict[str, Any]]:
    """Import ``bench.bench_<short>`` and run it; every failure comes back as an error row."""
    module = f"bench.bench_{short}"
    try:
        mod = importlib.import_module(module)
        rows = mod.run(quick=quick)
        if not isinstance(rows, list):
            return [_error_row(short, f"run() returned {type(rows).__name__}, not a list")]
    except Exception as exc:  # one broken module must not hide the others
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return [_error_row(short, f"{type(exc).__name__}: {exc} ({where})")]
    out = []
    for row in rows:
        problem = check_row(row)
        out.append(_error_row(short, problem) if problem else {**row, "module": short})
    return out


ROWS_MARKER = "BENCH_ROWS "


def run_isolated(short: str, quick: bool, timeout_s: float) -> list[dict[str, Any]]:
    """Run one module in a fresh interpreter (cold imports, own memory, a crash cannot take the suite down)."""
    cmd = [sys.executable, "-m", "bench", "--child", short] + (["--quick"] if quick else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout_s, env=env, cwd=str(BENCH_DIR.parent)
        )
    except subprocess.TimeoutExpired:
        return [
            _error_row(
                short,
                f"did not finish within {timeout_s:.0f} s (a modal dialog? harness.open_lab windows never ask)",
            )
        ]
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(ROWS_MARKER):
            try:
                rows = json.loads(line[len(ROWS_MARKER) :])
            except json.JSONDecodeError as exc:
                return [_error_row(short, f"unreadable result: {exc}")]
            return rows if isinstance(rows, list) else [_error_row(short, "result is not a list")]
    tail = " | ".join(proc.stderr.strip().splitlines()[-3:]) or "no output"
    return [_error_row(short, f"crashed (exit status {proc.returncode}): {tail}")]


def _fmt(v: Any) -> str:
    if not _number(v):
        return "-"
    a = abs(v)
    if a == 0:
        return "0"
    if a >= 1e5:
        return f"{v:.3g}"
    if a >= 100:
        return f"{v:.0f}"
    if a >= 10:
        return f"{v:.1f}"
    if a >= 0.01:
        return f"{v:.2f}"
    return f"{v:.2g}"


def _target_text(row: dict[str, Any]) -> str:
    target = row.get("target") or {}
    return ", ".join(f"{k}<={_fmt(v)}" for k, v in target.items())


def format_table(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    """The aligned text table printed by ``python -m bench``."""
    load = meta.get("loadavg_start") or [math.nan] * 3
    head = (
        f"ML Math Sandbox benchmarks  {meta['mode']}  {meta['cpus']} CPUs  python {meta['python']}  "
        f"load avg at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
        + (f"  with {meta['busy']} busy process(es) beside it" if meta.get("busy") else "")
    )
    cols = ("name", "unit", "p50", "p95", "max / value", "cpu p95", "× floor", "target", "result")
    lines = []
    for r in rows:
        if r.get("unit") in ("error", "missing"):
            lines.append((r["name"], r["unit"], "", "", "", "", "", "", r["unit"], r.get("error", "")))
            continue
        stats = ("p50", "p95", "max") if "p50" in r else (None, None, "value")
        cells = [_fmt(r.get(k)) if k else "" for k in stats]
        cpu = _fmt(r["cpu_p95"]) if "cpu_p95" in r else ""
        ratio = f"{r['x_floor']:.1f}" if _number(r.get("x_floor")) else ""
        lines.append((r["name"], r["unit"], *cells, cpu, ratio, _target_text(r), verdict(r), ""))
    widths = [max([len(c)] + [len(line[i]) for line in lines]) for i, c in enumerate(cols)]
    right = {2, 3, 4, 5, 6}

    def fmt_line(cells: tuple[str, ...]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))]
        return "  ".join(parts).rstrip()

    floor = meta.get("floor_cpu_p95_ms")
    if _number(floor):
        head += f"\nfloor (harness.bare_plane_drag) CPU p95 {floor:.2f} ms: interaction target CPU p95 <= "
        head += f"{max(8.0, 5 * floor):.1f} ms, CPU max <= 33 ms"
    out = [head, "", fmt_line(cols), fmt_line(tuple("-" * w for w in widths))]
    for line in lines:
        text = fmt_line(line[:9])
        if line[9]:
            text += "  " + line[9]
        out.append(text)
    fails = sum(verdict(r) == "FAIL" for r in rows)
    errors = sum(r.get("unit") == "error" for r in rows)
    missing = sum(r.get("unit") == "missing" for r in rows)
    load_end = meta.get("loadavg_end") or [math.nan] * 3
    out += [
        "",
        f"{len(rows)} rows, {fails} over target, {errors} errors, {missing} missing; {meta['seconds']:.1f} s; "
        f"load avg at end {load_end[0]:.2f} (other work on this machine makes timings noisy)",
    ]
    return "\n".join(out)


def _holds_text(ms: float | None) -> str:
    return "any" if ms is None else f"{ms:.2f} ms"


def format_markdown(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    """The README's figures: every interaction row as CPU ms and × floor, then every other row that has a target."""
    load0, load1 = (meta.get("loadavg_start") or [math.nan])[0], (meta.get("loadavg_end") or [math.nan])[0]
    floor = meta.get("floor_cpu_p95_ms")
    out = [
        f"`python -m bench{' --quick' if meta['mode'] == 'quick' else ''}` run of {meta['started']}, {meta['cpus']} "
        f"CPUs, Python {meta['python']}, load average {load0:.2f} → {load1:.2f}, {meta['seconds']:.0f} s"
        + (f", with {meta['busy']} busy process(es) beside it (`--busy {meta['busy']}`)." if meta.get("busy") else "."),
        "",
    ]
    if _number(floor):
        out += [
            f"Floor (`harness.bare_plane_drag`, CPU p95): **{floor:.2f} ms** → every interaction row's target: CPU p95 "
            f"≤ {max(8.0, 5 * floor):.1f} ms and CPU max ≤ 33 ms.",
            "",
        ]
        out += [
            "*Holds to floor*: the slowest machine, named by its own floor, on which the row would still pass if it "
            'scaled with the machine (x · floor ≤ max(8 ms, 5 · floor)); "any" within 5 floors. The issue\'s slow '
            "2-core laptop has a 1.5 ms floor.",
            "",
        ]
    out += ["| interaction row | CPU p95 ms | × floor | holds to floor | CPU max ms | wall p95 ms | result |",
            "| --- | --: | --: | --: | --: | --: | --- |"]  # fmt: skip
    for r in rows:
        if r.get("interaction") and r.get("unit") != "error":
            ratio = f"{r['x_floor']:.1f}×" if _number(r.get("x_floor")) else "-"
            holds = "-" if not _number(r.get("x_floor")) else _holds_text(r.get("holds_to_floor_ms"))
            out.append(f"| `{r['name']}` | {_fmt(r.get('cpu_p95'))} | {ratio} | {holds} | {_fmt(r.get('cpu_max'))} | "
                       f"{_fmt(r.get('p95'))} | {verdict(r)} |")  # fmt: skip
    out += ["", "| other row with a target | figure | target | result |", "| --- | --: | --- | --- |"]
    for r in rows:
        if r.get("interaction") or not (r.get("target") or r.get("unit") in ("error", "missing")):
            continue
        if r.get("unit") in ("error", "missing"):
            out.append(f"| `{r['name']}` | {r['unit']}: {r.get('error', '')} | | {r['unit']} |")
            continue
        if "value" in r:
            figure = f"{_fmt(r['value'])} {r['unit']}"
        else:  # a sampled row: the statistics its target names
            figure = f"p95 {_fmt(r.get('p95'))}, max {_fmt(r.get('max'))} {r['unit']}"
        out.append(f"| `{r['name']}` | {figure} | {_target_text(r)} | {verdict(r)} |")
    return "\n".join(out) + "\n"


BURNER = "import numpy as np\na = np.ones(4_000_000)\nwhile True:\n    a *= 1.0000001\n    a /= 1.0000001\n"
"""What ``--busy`` runs in each other process: a core kept busy and memory bandwidth shared, like a browser tab."""


def start_burner() -> subprocess.Popen:
    """One busy background process (:data:`BURNER`); the caller kills it."""
    return subprocess.Popen([sys.executable, "-c", BURNER], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _loadavg() -> list[float] | None:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the suite; exit status 0 when it ran (targets missed are reported, not fatal), 2 on bad arguments."""
    p = argparse.ArgumentParser(prog="python -m bench", description="ML Math Sandbox benchmark suite")
    p.add_argument("--quick", action="store_true", help="reduced sizes, the whole run in under a minute")
    p.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    p.add_argument("--markdown", metavar="PATH", help="also write the figures as the README's Markdown tables")
    p.add_argument("--only", metavar="NAME", action="append", help="run only bench_NAME.py (repeatable)")
    p.add_argument("--list", action="store_true", help="list the benchmark modules and exit")
    p.add_argument("--in-process", action="store_true", help="run modules in this process (faster, less isolated)")
    p.add_argument("--timeout", type=float, default=None, help="seconds allowed per module (default 45 quick, 600)")
    p.add_argument("--busy", type=int, default=0, metavar="N",
                   help="keep N other processes busy (arithmetic over a 32 MB array) during the run: the figures on "
                   "a busy machine")  # fmt: skip
    p.add_argument("--child", metavar="NAME", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.busy < 0:
        p.error("--busy must be 0 or more")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        rows = run_module(_key(args.child), args.quick)
        print(ROWS_MARKER + json.dumps(rows, allow_nan=False), flush=True)
        return 0
    timeout = args.timeout or (45.0 if args.quick else 600.0)
    names = discover()
    if args.list:
        print("\n".join(names))
        return 0
    if args.only:
        wanted = [_key(n) for n in args.only]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
            return 2
        # the floor is always measured: every interaction row is judged as a ratio to it, in the same run
        names = [n for n in names if n in wanted or n == "harness_selftest"]
    started = time.perf_counter()
    meta: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "busy": args.busy,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_start": _loadavg(),
        "modules": names,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    rows: list[dict[str, Any]] = []
    if not args.only:
        missing = [lab for lab in LAB_NAMES if lab not in names]
        for lab in missing:
            rows.append(_error_row(lab, f"no bench/bench_{lab}.py yet: this lab is not measured", "missing"))
    burners = [start_burner() for _ in range(args.busy)]
    try:
        for short in names:
            t0 = time.perf_counter()
            print(f"running {short} …", file=sys.stderr, flush=True)
            isolated = not args.in_process
            module_rows = run_isolated(short, args.quick, timeout) if isolated else run_module(short, args.quick)
            rows.extend(module_rows)
            took = time.perf_counter() - t0
            meta.setdefault("module_seconds", {})[short] = round(took, 2)
            print(f"  {short}: {len(module_rows)} rows in {took:.1f} s", file=sys.stderr, flush=True)
    finally:
        for proc in burners:
            proc.kill()
            proc.wait()
    meta["floor_cpu_p95_ms"] = apply_floor(rows)
    meta["seconds"] = round(time.perf_counter() - started, 2)
    meta["loadavg_end"] = _loadavg()
    print(format_table(rows, meta))
    if args.json:
        payload = {"meta": meta, "measurements": rows}
        Path(args.json).write_text(json.dumps(payload, indent=1, allow_nan=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    if args.markdown:
        Path(args.markdown).write_text(format_markdown(rows, meta), encoding="utf-8")
        print(f"wrote {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
