"""The command line (main.py) as a teacher meets it: --version, --screenshot, usage errors, bad scene files, no home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import engine

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"


def run_main(*args: str, cwd: Path, env_extra: dict[str, str] | None = None, timeout: float = 120):
    """Run ``python main.py ARGS`` in a separate process, away from the source tree's working directory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MLSANDBOX_DATA_DIR=str(cwd / "userdata"))
    env.pop("PYTHONPATH", None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def drawn_png(path: Path):
    """The PNG at ``path`` as a QImage, asserting it has real content (not one flat colour)."""
    from PySide6 import QtGui

    from gui.selftest.labs import image_is_drawn

    assert path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
    img = QtGui.QImage(str(path))
    assert not img.isNull()
    assert image_is_drawn(img, min_colours=8), f"{path.name} is blank"
    return img


def test_version_prints_name_and_version(tmp_path) -> None:
    done = run_main("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"ML Math Sandbox {engine.__version__}"


def test_version_does_not_load_qt(tmp_path) -> None:
    """--version and --help answer instantly: no Qt, numpy or scipy import on that path."""
    code = (
        "import sys, main\n"
        "assert main.main(['--version']) == 0\n"
        "print(sorted(m for m in ('PySide6', 'pyqtgraph', 'scipy', 'sympy') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_help_lists_the_options(tmp_path) -> None:
    done = run_main("--help", cwd=tmp_path)
    assert done.returncode == 0
    for option in ("--lab", "--screenshot", "--size", "--self-test", "--version", "--presenter", "--dark"):
        assert option in done.stdout


def test_unknown_lab_is_a_usage_error(tmp_path) -> None:
    done = run_main("--lab", "nope", cwd=tmp_path)
    assert done.returncode == 2
    assert "invalid choice: 'nope'" in done.stderr and "vectors" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_size_is_a_usage_error(tmp_path) -> None:
    done = run_main("--screenshot", str(tmp_path / "x.png"), "--size", "banana", cwd=tmp_path)
    assert done.returncode == 2
    assert "--size" in done.stderr and "banana" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_screenshot_writes_a_png_of_the_requested_lab_and_size(tmp_path, qapp) -> None:
    from gui import labs as gui_labs

    lab = gui_labs.available()[-1] if gui_labs.available() else None
    if lab is None:
        pytest.skip("no lab built yet")
    out = tmp_path / "shot.png"
    done = run_main("--screenshot", str(out), "--lab", lab, "--size", "1200x760", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    img = drawn_png(out)
    assert (img.width(), img.height()) == (1200, 760)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.mlscene", None, "no such file"),
        ("corrupt.mlscene", b'{"format": "mlscene", "version": 1, "labs": [\x00\xff', "not a text file"),
        ("truncated.mlscene", b'{"format": "mlscene", "version": 1, "labs": {"vectors": {', "not valid JSON"),
    ],
)
def test_bad_scene_on_the_command_line_still_renders_and_says_why(tmp_path, qapp, name, content, reason) -> None:
    scene = tmp_path / name
    if content is not None:
        scene.write_bytes(content)
    out = tmp_path / "shot.png"
    done = run_main("--screenshot", str(out), str(scene), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    drawn_png(out)
    assert f"Could not open {name}" in done.stderr and reason in done.stderr
    assert "Traceback" not in done.stderr


def test_app_opens_normally_with_a_corrupt_scene_and_no_home(tmp_path) -> None:
    """The real start-up path (event loop, not --screenshot): a broken scene file and no home directory."""
    scene = tmp_path / "broken.mlscene"
    scene.write_text('{"format": "mlscene", "version": 99}', encoding="utf-8")
    done = run_main(
        str(scene),
        cwd=tmp_path,
        env_extra={"MLSANDBOX_EXIT_AFTER_PAINT": "1", "HOME": "/nonexistent", "MLSANDBOX_DATA_DIR": ""},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "MLSANDBOX_FIRST_PAINT" in done.stdout
    assert "Could not open broken.mlscene" in done.stderr and "newer version" in done.stderr


def test_screenshot_works_without_a_writable_home(tmp_path, qapp) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    out = tmp_path / "shot.png"
    done = run_main(
        "--screenshot",
        str(out),
        cwd=tmp_path,
        env_extra={"HOME": "/nonexistent", "MLSANDBOX_DATA_DIR": str(blocker / "data")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    drawn_png(out)


def test_started_twice_at_once_both_run_and_leave_no_lock_files(tmp_path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MLSANDBOX_DATA_DIR=str(tmp_path / "shared"),
        MLSANDBOX_EXIT_AFTER_PAINT="1",
    )
    procs = [
        subprocess.Popen(
            [sys.executable, str(MAIN)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "MLSANDBOX_FIRST_PAINT" in out
    leftovers = sorted(p.name for p in (tmp_path / "shared").glob("*") if "lock" in p.name or "autosave" in p.name)
    assert leftovers == []


def test_window_shows_the_scene_error_and_keeps_the_labs(qtbot, tmp_path, monkeypatch) -> None:
    """In the window itself: the message names the file and the problem; every lab keeps its state."""
    monkeypatch.setenv("MLSANDBOX_DATA_DIR", str(tmp_path / "userdata"))
    from gui.app import MainWindow, make_application

    make_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    before = win.all_states()
    scene = tmp_path / "bad.mlscene"
    scene.write_text('{"format": "mlscene", "version": 1, "labs": {"nope": {}}}', encoding="utf-8")
    assert win.open_scene(str(scene)) is False
    message = win.statusBar().currentMessage()
    assert "bad.mlscene" in message and "unknown lab" in message
    assert win.all_states() == before
    win.close()


def test_window_notes_that_autosave_is_off_without_a_data_folder(qtbot, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("MLSANDBOX_DATA_DIR", str(blocker / "data"))
    from gui.app import MainWindow, make_application

    make_application()
    win = MainWindow()
    qtbot.addWidget(win)
    assert "Autosave is off" in win.statusBar().currentMessage()
    win.close()


def test_notebook_of_a_bundled_lesson_is_written_without_qt(tmp_path) -> None:
    import nbformat

    out = tmp_path / "out.ipynb"
    done = run_main("--notebook", "vectors-dot-product", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and "dot product" in nb.cells[0].source.lower()
    assert any(c.cell_type == "code" and "import numpy" in c.source for c in nb.cells)


def test_notebook_errors_are_named_and_nothing_is_written(tmp_path) -> None:
    out = tmp_path / "out.ipynb"
    done = run_main("--notebook", "no-such-lesson", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 1 and "no-such-lesson: no such file" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
    done = run_main("-o", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "goes with --notebook" in done.stderr


@pytest.mark.parametrize(("preset", "expected"), [(None, "False"), ("1", "True")])
def test_the_app_turns_numpy_huge_page_advice_off_unless_asked(preset, expected):
    """Fresh 10⁷-draw arrays were 7× slower to touch with it where the kernel cannot find huge pages (issue 13)."""
    env = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    if preset is not None:
        env["NUMPY_MADVISE_HUGEPAGE"] = preset
    code = "import main, numpy; print(numpy._core.multiarray._get_madvise_hugepage())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == expected
