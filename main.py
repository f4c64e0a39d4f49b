"""ML Math Sandbox: start the app, open a lab or a scene, render a screenshot, or run the self-test."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Before numpy loads: no transparent-huge-page advice for big arrays. Where the kernel cannot find free huge pages it
# compacts memory on every first touch: 10⁷ fresh draws (80 MB) took 220 ms to touch instead of 33 ms (measured,
# issue 13). NUMPY_MADVISE_HUGEPAGE=1 in the environment still turns it on.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line (kept free of heavy imports so --version and --help are instant)."""
    from engine.labs import LAB_NAMES  # deferred: --version/--help stay instant, no Qt

    p = argparse.ArgumentParser(prog="mlsandbox", description="ML Math Sandbox — see the mathematics behind ML.")
    p.add_argument("scene", nargs="?", help="a .mlscene file to open")
    p.add_argument("--lab", choices=LAB_NAMES, help="open this lab")
    p.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WIDTHxHEIGHT)")
    p.add_argument("--dark", action="store_true", help="dark theme")
    p.add_argument("--presenter", action="store_true", help="presenter mode (large fonts, thick lines)")
    p.add_argument("--lessons", action="store_true", help="open the Lessons panel (for --screenshot)")
    p.add_argument("--self-test", action="store_true", help="exercise every lab offscreen and report")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument(
        "--notebook",
        metavar="LESSON_OR_SCENE",
        help="write a Jupyter notebook of a lesson (.mllesson, or a bundled lesson's name) or a scene (.mlscene)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="where --notebook writes (default: NAME.ipynb here)")
    args = p.parse_args(argv)
    if args.output and not args.notebook:
        p.error("-o/--output goes with --notebook")
    return args


def write_notebook_cli(source: str, output: str | None) -> int:
    """--notebook: write the notebook of a lesson or scene without starting Qt; 1 with the reason on failure."""
    from engine.notebook import NotebookError, notebook_for, write_notebook  # deferred: no Qt, no sympy at start

    target = Path(output) if output else Path(Path(source).stem + ".ipynb")
    try:
        write_notebook(notebook_for(source), target)
    except NotebookError as exc:
        print(f"mlsandbox: cannot write the notebook: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point (also the ``mlsandbox`` console script)."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from engine import __version__  # deferred: --version/--help stay instant, no Qt

    if args.version:
        print(f"ML Math Sandbox {__version__}")
        return 0
    if args.notebook:
        return write_notebook_cli(args.notebook, args.output)
    if args.screenshot or args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui import theme  # deferred: --version/--help stay instant, no Qt

    if args.dark or args.presenter:
        theme._current = theme.Theme(dark=args.dark, presenter=args.presenter)  # before any widget exists
    if args.self_test:
        from gui.selftest import run_self_test  # deferred: --version/--help stay instant, no Qt

        return run_self_test()
    if args.screenshot:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            print(f"--size must look like 1280x800, got {args.size!r}", file=sys.stderr)
            return 2
        from gui.app import render_lab_png  # deferred: --version/--help stay instant, no Qt

        render_lab_png(args.screenshot, args.lab, (w, h), scene=args.scene, lessons=args.lessons)
        return 0
    from gui.app import launch  # deferred: --version/--help stay instant, no Qt

    return launch(lab=args.lab, scene=args.scene)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # (a no-op elsewhere: not imported, start-up stays ~7 ms faster)
        import multiprocessing

        # First of all: in the frozen app the Optimizer lab's worker process ("spawn") is this executable started
        # again, and this call runs the worker instead of the app (PyInstaller needs it on every OS).
        multiprocessing.freeze_support()
    sys.exit(main())
