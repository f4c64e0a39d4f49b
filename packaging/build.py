"""Build ML Math Sandbox with PyInstaller and (optionally) check the frozen app in a clean environment.

    python packaging/build.py                          one-folder and one-file builds, then print their sizes
    python packaging/build.py --onedir                 only the one-folder build (what CI uses: fastest)
    python packaging/build.py --onefile                only the one-file build
    python packaging/build.py --onedir --ci-self-test  build, then run the frozen app's --version, --self-test,
                                                       a start with a corrupt scene and no home directory, and two
                                                       copies at once, with no Python on PATH; exit 1 on any failure
    python packaging/build.py --check-only             run those checks on the builds already in dist/
    python packaging/build.py --baseline --onedir      an un-leaned build into build/baseline-dist (size comparison)

Outputs: dist/mlsandbox-<version>/mlsandbox[.exe] and dist/mlsandbox-<version>-<os>-<arch>[.exe].
Needs ``pip install -e ".[package]"`` (PyInstaller). The same command works on Linux, Windows and macOS.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "mlsandbox.spec"
PYPROJECT = ROOT / "pyproject.toml"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
RUN_TIMEOUT = 300  # seconds per frozen run: a hang fails the check instead of stalling CI


def version() -> str:
    """The version in pyproject.toml (the one the spec names the builds with)."""
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def platform_tag() -> str:
    """e.g. ``linux-x86_64``, ``windows-x86_64``, ``macos-arm64`` (must match mlsandbox.spec)."""
    os_tag = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{os_tag}-{arch}"


def onedir_exe(dist: Path) -> Path:
    return dist / f"mlsandbox-{version()}" / f"mlsandbox{EXE_SUFFIX}"


def onefile_exe(dist: Path) -> Path:
    return dist / f"mlsandbox-{version()}-{platform_tag()}{EXE_SUFFIX}"


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, number of files) under ``path`` (a file counts as itself); symlinks are not followed."""
    if path.is_file():
        return path.stat().st_size, 1
    total = count = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            count += 1
    return total, count


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def build(mode: str, dist: Path, work: Path, lean: bool = True) -> float:
    """Run PyInstaller on the spec for ``mode`` ("onedir" or "onefile"); returns the seconds it took."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / mode),
        str(SPEC),
    ]
    if mode == "onefile":
        cmd += ["--", "--onefile"]
    env = dict(os.environ, MLSANDBOX_LEAN="1" if lean else "0")
    print(f"== building {mode}{'' if lean else ' (un-leaned baseline)'}: {' '.join(cmd)}", flush=True)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"PyInstaller failed for the {mode} build (exit {done.returncode}); see its output above")
    return time.perf_counter() - t0


def report_sizes(dist: Path, modes: list[str]) -> None:
    """Print the size of each build and the biggest files of the one-folder build (what leaning would target)."""
    print("\n== sizes", flush=True)
    if "onedir" in modes:
        folder = onedir_exe(dist).parent
        size, count = tree_size(folder)
        print(
            f"one-folder  {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: {mb(size)} "
            f"in {count} files"
        )
        files = sorted(
            (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()),
            key=lambda p: p.stat().st_size,
            reverse=True,
        )
        for p in files[:8]:
            print(f"    {mb(p.stat().st_size):>9}  {p.relative_to(folder)}")
    if "onefile" in modes:
        exe = onefile_exe(dist)
        print(f"one-file    {exe.relative_to(ROOT) if exe.is_relative_to(ROOT) else exe}: {mb(exe.stat().st_size)}")


# --- checks on the frozen app ----------------------------------------------------------------------------------------
@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    output: str = ""


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a classroom machine: no Python variables, no venv/pyenv/conda on PATH, a fresh HOME."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PYENV", "CONDA", "VIRTUAL_ENV", "PIP_", "XDG_", "QT_", "MLSANDBOX_"))
        and k not in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "PYINSTALLER_CONFIG_DIR")
    }
    python_dirs = {Path(sys.executable).parent.resolve(), Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}

    def is_python_dir(entry: str) -> bool:
        p = Path(entry)
        low = entry.lower()
        if any(tag in low for tag in ("pyenv", "conda", "venv", "virtualenv", ".local/bin")):
            return True
        try:
            rp = p.resolve()
        except OSError:
            return False
        return rp in python_dirs or any(d in rp.parents for d in python_dirs) or (rp.parent / "pyvenv.cfg").exists()

    env["PATH"] = os.pathsep.join(e for e in os.environ.get("PATH", "").split(os.pathsep) if e and not is_python_dir(e))
    env["HOME"] = str(home)
    if sys.platform == "win32":
        env["USERPROFILE"] = env["APPDATA"] = env["LOCALAPPDATA"] = str(home)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_frozen(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(exe), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=RUN_TIMEOUT,
        check=False,
    )


def check_frozen(exe: Path) -> list[Outcome]:
    """Run the frozen executable the way a teacher's machine would, and judge each run."""
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="mlsandbox-ci-") as tmp:
        tmp_path = Path(tmp)
        home = tmp_path / "home"
        home.mkdir()
        env = clean_env(home)
        cwd = tmp_path / "cwd"  # not the source tree: nothing may be imported from there
        cwd.mkdir()
        print(f"\n== checking {exe} (PATH={env['PATH']!r}, HOME={home})", flush=True)

        def attempt(name: str, args: list[str], judge, run_env=env) -> None:
            t0 = time.perf_counter()
            try:
                done = run_frozen(exe, args, run_env, cwd)
            except subprocess.TimeoutExpired:
                outcomes.append(Outcome(name, False, f"no answer within {RUN_TIMEOUT} s"))
            except OSError as exc:
                outcomes.append(Outcome(name, False, f"could not start: {exc}"))
            else:
                ok, detail = judge(done)
                output = (done.stdout or "") + (done.stderr or "")
                outcomes.append(Outcome(name, ok, f"{detail} ({time.perf_counter() - t0:.1f} s)", output))
            last = outcomes[-1]
            print(f"{'PASS' if last.ok else 'FAIL'}  {name}: {last.detail}", flush=True)

        want = f"ML Math Sandbox {version()}"
        attempt(
            "--version",
            ["--version"],
            lambda d: (d.returncode == 0 and d.stdout.strip() == want, f"exit {d.returncode}, {d.stdout.strip()!r}"),
        )

        def judge_selftest(d):
            tail = [line for line in d.stdout.splitlines() if line.startswith("self-test:")]
            return d.returncode == 0, f"exit {d.returncode}, {tail[-1] if tail else 'no summary line'}"

        attempt("--self-test", ["--self-test"], judge_selftest)
        if outcomes[-1].ok:
            print(
                "\n".join(
                    "    " + line
                    for line in outcomes[-1].output.splitlines()
                    if line.startswith(("PASS", "SKIP", "FAIL", "ML Math Sandbox"))
                ),
                flush=True,
            )

        corrupt = tmp_path / "corrupt.mlscene"
        corrupt.write_bytes(b'{"format": "mlscene", "version": 1, "labs": [ \x00\xff')
        no_home = dict(env, HOME=str(tmp_path / "no" / "such" / "home"))
        # The real start-up path (window + event loop; the app's bench hook quits after the first paint).
        attempt(
            "opens with a corrupt scene and no home directory",
            [str(corrupt)],
            lambda d: (
                d.returncode == 0 and "MLSANDBOX_FIRST_PAINT" in d.stdout and "Could not open corrupt" in d.stderr,
                f"exit {d.returncode}, "
                + ("window painted" if "MLSANDBOX_FIRST_PAINT" in d.stdout else "no first paint")
                + (", scene refused with a message" if "Could not open corrupt" in d.stderr else ", no message"),
            ),
            run_env=dict(no_home, MLSANDBOX_EXIT_AFTER_PAINT="1"),
        )
        shot = tmp_path / "missing.png"
        attempt(
            "--screenshot with a missing scene and no home directory",
            ["--screenshot", str(shot), str(tmp_path / "missing.mlscene")],
            lambda d: (
                d.returncode == 0 and shot.is_file() and shot.stat().st_size > 10_000,
                f"exit {d.returncode}, screenshot {shot.stat().st_size if shot.is_file() else 0} bytes",
            ),
            run_env=no_home,
        )

        # Two copies at once (a classroom double-clicks twice): no lock file may stall or fail either.
        procs, shots = [], [tmp_path / "twice-1.png", tmp_path / "twice-2.png"]
        t0 = time.perf_counter()
        for s in shots:
            procs.append(
                subprocess.Popen(
                    [str(exe), "--screenshot", str(s)],
                    env=env,
                    cwd=cwd,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                )
            )
        codes, output = [], ""
        for p in procs:
            try:
                out, _ = p.communicate(timeout=RUN_TIMEOUT)
                output += out.decode("utf-8", "replace")
                codes.append(p.returncode)
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(None)
        ok = codes == [0, 0] and all(s.is_file() for s in shots)
        outcomes.append(
            Outcome("started twice at once", ok, f"exit codes {codes} ({time.perf_counter() - t0:.1f} s)", output)
        )
        print(f"{'PASS' if ok else 'FAIL'}  started twice at once: {outcomes[-1].detail}", flush=True)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    p.add_argument("--onedir", action="store_true", help="build the one-folder app only")
    p.add_argument("--onefile", action="store_true", help="build the one-file app only")
    p.add_argument("--ci-self-test", action="store_true", help="after building, check the frozen app(s)")
    p.add_argument("--check-only", action="store_true", help="do not build; check the builds already in dist/")
    p.add_argument("--baseline", action="store_true", help="build without leaning, into build/baseline-dist")
    args = p.parse_args(argv)
    modes = [m for m, on in (("onedir", args.onedir), ("onefile", args.onefile)) if on] or ["onedir", "onefile"]

    dist = ROOT / ("build/baseline-dist" if args.baseline else "dist")
    work = ROOT / "build" / ("pyinstaller-baseline" if args.baseline else "pyinstaller")
    if not args.check_only:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print('PyInstaller is not installed: run  python -m pip install -e ".[package]"', file=sys.stderr)
            return 2
        for mode in modes:
            seconds = build(mode, dist, work, lean=not args.baseline)
            print(f"   {mode} built in {seconds:.0f} s", flush=True)
    missing = [
        str(e)
        for m, e in (("onedir", onedir_exe(dist)), ("onefile", onefile_exe(dist)))
        if m in modes and not e.is_file()
    ]
    if missing:
        print(f"expected build output is missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    report_sizes(dist, modes)
    if not (args.ci_self_test or args.check_only):
        return 0

    outcomes: list[Outcome] = []
    for mode in modes:
        exe = onedir_exe(dist) if mode == "onedir" else onefile_exe(dist)
        for o in check_frozen(exe):
            o.name = f"{mode} {o.name}"
            outcomes.append(o)
    failed = [o for o in outcomes if not o.ok]
    print(f"\n== frozen checks: {len(outcomes) - len(failed)} passed, {len(failed)} failed", flush=True)
    for o in failed:
        print(f"\nFAILED {o.name}: {o.detail}\n---- its output (last 40 lines) ----", flush=True)
        print("\n".join(o.output.splitlines()[-40:]) or "(no output)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
