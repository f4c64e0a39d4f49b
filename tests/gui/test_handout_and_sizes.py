"""Slides: PNG/SVG at a chosen size or aspect, re-laid out for it; a printable PDF handout of the lab on screen."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6 import QtCore, QtGui

from engine.lessons import Step
from gui.export_dialog import ON_SCREEN_WIDTH, ExportDialog
from gui.handout import shown_views, write_handout

pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) reads the handout back")

A4_POINTS = (595.3, 841.9)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1600, 1200), (800, 800)])
def test_png_at_a_chosen_size_is_re_laid_out_not_stretched(lab_window, tmp_path, width, height) -> None:
    win = lab_window("optimizer")
    win.lessons_dock.show()  # a narrow plot on screen: the export must not keep its shape
    plot = win.current_lab().export_views()["surface"]
    on_screen = plot.geometry()
    path = tmp_path / "surface.png"
    win.export_view("png", str(path), "surface", width, height)
    image = QtGui.QImage(str(path))
    assert (image.width(), image.height()) == (width, height)
    assert plot.geometry() == on_screen  # the on-screen layout is put back
    # re-laid out: the axis labels keep their size, so the plot's data area fills most of both directions
    background = image.pixelColor(2, 2)
    rows = [y for y in range(0, height, 8) if image.pixelColor(width // 2, y) != background]
    cols = [x for x in range(0, width, 8) if image.pixelColor(x, height // 2) != background]
    assert rows and cols
    assert (rows[-1] - rows[0]) > 0.7 * height and (cols[-1] - cols[0]) > 0.7 * width


def test_svg_at_a_chosen_size(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    path = tmp_path / "plane.svg"
    win.export_view("svg", str(path), None, 1280, 720)
    root = ET.parse(path).getroot()
    assert root.get("viewBox").split() == ["0", "0", "1280", "720"]


def test_unknown_view_is_a_message_not_a_crash(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    win._run_export(lambda: win.export_view("png", str(tmp_path / "x.png"), "nope", 800, 600), "x.png")
    assert "no view called" in win.status.currentMessage()
    assert not (tmp_path / "x.png").exists()


def test_export_dialog_offers_presets_custom_and_on_screen(lab_window, qtbot) -> None:
    win = lab_window("network")
    dialog = ExportDialog(list(win.current_lab().export_views()), "png", win)
    qtbot.addWidget(dialog)
    assert dialog.choice() == ("boundary", 1920, 1080)
    assert not dialog.width_box.isEnabled()
    dialog.choose(view="loss", size="1600x1200")
    assert dialog.choice() == ("loss", 1600, 1200)
    dialog.choose(size="custom")
    assert dialog.width_box.isEnabled()
    dialog.show()
    dialog.width_box.setFocus()
    dialog.width_box.selectAll()
    qtbot.keyClicks(dialog.width_box, "1000")
    dialog.height_box.setFocus()
    dialog.height_box.selectAll()
    qtbot.keyClicks(dialog.height_box, "250")
    assert dialog.choice() == ("loss", 1000, 250)
    dialog.choose(size="screen")
    assert dialog.choice() == ("loss", ON_SCREEN_WIDTH, None)
    assert ExportDialog(["a"], "svg", win).choice()[0] == "a"
    dialog.close()


def _pdf_text(path) -> tuple[list, str]:
    reader = pypdf.PdfReader(str(path))
    return reader.pages, "\n".join(page.extract_text() for page in reader.pages)


def test_handout_pdf_has_title_step_readouts_and_views(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = win.current_lab()
    step = Step(title="Dot product", text="Make u and v perpendicular.", lab="vectors")
    path = tmp_path / "handout.pdf"
    pages = write_handout(lab, path, step)
    assert path.read_bytes().startswith(b"%PDF")
    reader_pages, text = _pdf_text(path)
    assert len(reader_pages) == pages >= 1
    box = reader_pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1.0)
    words = " ".join(text.split())
    assert lab.title in words
    assert "Dot product" in words and "perpendicular" in words
    assert lab.describe().split()[0] in words
    assert sum(len(page.images) for page in reader_pages) >= len(shown_views(lab))
    assert pypdf.PdfReader(str(path)).metadata.title.startswith(lab.title)


def test_handout_of_a_tabbed_lab_from_the_window(lab_window, tmp_path) -> None:
    win = lab_window("distributions")
    lab = win.current_lab()
    shown = shown_views(lab)
    assert 1 <= len(shown) < len(lab.export_views())  # only what is on screen (hidden tabs are not drawn)
    path = tmp_path / "dist.pdf"
    win._run_export(lambda: win.export_handout(str(path)), str(path))
    assert path.exists()
    reader_pages, text = _pdf_text(path)
    assert lab.title in text and len(reader_pages) >= 1


def test_handout_to_an_unwritable_place_is_a_message(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    target = tmp_path / "no" / "such" / "dir" / "h.pdf"
    win._run_export(lambda: win.export_handout(str(target)), str(target))
    assert "Could not export" in win.status.currentMessage() or not target.exists()
    assert not target.exists()


def test_handout_step_is_only_for_its_lab(lab_window, tmp_path) -> None:
    win = lab_window("matrices")
    assert QtCore.QFileInfo(str(tmp_path)).isDir()
    path = tmp_path / "m.pdf"
    assert win.export_handout(str(path)) >= 1  # no lesson open: no step section, still a handout
    _pages, text = _pdf_text(path)
    assert "Lesson step" not in text
