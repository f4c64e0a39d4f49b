"""Spanish: catalogues extracted and compiled, fallbacks to English, numbers by QLocale, the language setting,
and the whole app under LANG=es_ES.UTF-8 with no English left in the labs' widgets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore

from engine import i18n as engine_i18n
from gui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "mlsandbox_es.ts"

# Labs whose every widget text is translated (tests/gui/spanish_probe.py finds no English word in them).
SPANISH_LABS = (
    "vectors",
    "matrices",
    "decompositions",
    "derivatives",
    "optimizer",
    "probability",
    "distributions",
    "hypothesis",
    "network",
    "classifier",
)


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def test_compiled_catalogue_is_current(tmp_path) -> None:
    """The committed .qm is exactly what pyside6-lrelease makes of the .ts (run ``python -m gui.i18n --update``)."""
    fresh = tmp_path / "fresh.qm"
    subprocess.run([i18n._tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_translated_entries_are_never_empty() -> None:
    for ctx, source, tr in _messages():
        if tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete"):
            assert (tr.text or "").strip(), f"{ctx}: {source!r} has an empty translation"


def test_standard_spanish_maths_terms() -> None:
    spanish = " ".join((tr.text or "") for _c, _s, tr in _messages() if tr is not None)
    for term in ("determinante", "autovalor", "descenso de gradiente", "verosimilitud", "valor p"):
        assert term in spanish.lower(), term


def test_engine_falls_back_to_english_never_empty() -> None:
    try:
        engine_i18n.set_translator(lambda ctx, text: "")
        assert engine_i18n.translate("vectors", "span{u, v} = the whole plane") == "span{u, v} = the whole plane"
        engine_i18n.set_translator(lambda ctx, text: 1 / 0)
        assert engine_i18n.translate("x", "kept") == "kept"
    finally:
        engine_i18n.set_translator(None)


def test_spanish_numbers_and_typed_input(qapp) -> None:
    try:
        assert i18n.apply_language("es") == "es"
        assert engine_i18n.number(2.5) == "2,5"
        assert engine_i18n.number(-0.125, 3) == "\u22120,125"
        assert i18n.parse_number("2,5") == 2.5
        assert i18n.parse_number("2.5") == 2.5
        assert i18n.parse_number("−1,5") == -1.5
        assert i18n.parse_number("dos") is None
        assert QtCore.QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        missing = "A text nobody translated"
        assert QtCore.QCoreApplication.translate("MainWindow", missing) == missing
    finally:
        i18n.apply_language("en")
    assert engine_i18n.number(2.5) == "2.5"
    assert QtCore.QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_distributions_engine_texts_follow_the_language(qapp) -> None:
    """The coin, covariance, footer and moment notes are written in Spanish with decimal commas, and the cached
    views are not served in the language they were first made in."""
    from engine import stats

    state = stats.DistributionsState()
    english = stats.derive(state)
    assert english.coin.flips_text.startswith("Flips (0)") and "credible interval" in english.coin.readout
    try:
        assert i18n.apply_language("es") == "es"
        spanish = stats.derive(state)
        assert spanish.coin.flips_text.startswith("Lanzamientos (0)")
        assert "intervalo de credibilidad" in spanish.coin.readout and "0,094" in spanish.coin.readout
        assert "valores propios" in spanish.bivariate.readout and "," in spanish.bivariate.readout
        assert "Aún no hay lanzamientos" in spanish.coin.note
        cauchy = stats.moments("cauchy", {})
        footer = stats.sampled.footer_html(cauchy, (0.1, 0.377, "ks"), 10_000, 0)
        assert "prueba KS: p = 0,377 (N = 10\u00a0000)" in footer and "Cauchy no tiene media" in footer
        assert stats.Moments.describe(float("nan")) == "no definido"
    finally:
        i18n.apply_language("en")
    again = stats.derive(state)
    assert again.coin.flips_text == english.coin.flips_text and again.bivariate.readout == english.bivariate.readout


def test_probability_readouts_write_decimal_commas_in_spanish(qapp) -> None:
    from gui.labs.probability.events_tab import fmt

    assert fmt(0.25) == "0.2500 (1/4)"
    try:
        assert i18n.apply_language("es") == "es"
        assert fmt(0.25) == "0,2500 (1/4)"  # beside lessons and labs that write 0,25
    finally:
        i18n.apply_language("en")


def test_language_choice_is_remembered(qapp, tmp_path) -> None:
    QtCore.QSettings.setPath(QtCore.QSettings.Format.NativeFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path))
    i18n.save_language("es")
    assert i18n.chosen_language() == "es"
    assert i18n.effective_language() == "es"
    i18n.save_language("")
    assert i18n.chosen_language() == ""
    i18n.save_language("klingon")
    assert i18n.chosen_language() == ""


def test_language_menu_switches_and_translates_labs(lab_window, tmp_path) -> None:
    QtCore.QSettings.setPath(QtCore.QSettings.Format.NativeFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path))
    win = lab_window("vectors")
    actions = {a.data(): a for a in win.language_menu.actions()}
    assert set(actions) == {"", "en", "es"}
    try:
        actions["es"].trigger()
        assert i18n.chosen_language() == "es"
        lab = win.current_lab()
        assert lab.rows.add_button.text() == "+ Añadir vector"
        assert "," in lab.readouts.labels["angle"].text()  # 57,53°
    finally:
        actions["en"].trigger()
    assert win.current_lab().rows.add_button.text() == "+ Add vector"


@pytest.fixture(scope="module")
def spanish_report() -> dict:
    env = dict(os.environ, LANG="es_ES.UTF-8", LC_ALL="es_ES.UTF-8", QT_QPA_PLATFORM="offscreen")
    env["MLSANDBOX_DATA_DIR"] = str(ROOT / "build" / "test-i18n-data")
    env["XDG_CONFIG_HOME"] = str(ROOT / "build" / "test-i18n-config")  # no saved language: follow LANG
    out = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "gui" / "spanish_probe.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_app_follows_a_spanish_system(spanish_report) -> None:
    assert spanish_report["language"].startswith("es")


def test_no_english_left_in_the_spanish_menus(spanish_report) -> None:
    """File, Edit, View, Labs and Help with their submenus (recent scenes, language) and tooltips."""
    assert spanish_report["menus"]["texts"] > 30
    assert spanish_report["menus"]["english"] == []


@pytest.mark.parametrize("lab", SPANISH_LABS)
def test_no_english_left_in_a_spanish_lab(spanish_report, lab) -> None:
    found = spanish_report[lab]
    assert found["texts"] > 5
    assert found["english"] == []
    assert found["comma"], "no decimal comma in the lab's number boxes"
