"""The app's languages: Qt translators, the language setting, locale-aware numbers, and the extract/compile step.

Every user-visible text goes through Qt's translation: ``self.tr("…")`` in QObject subclasses,
``QtCore.QCoreApplication.translate("Context", "…")`` elsewhere in ``gui/``, and ``engine.i18n.translate(...)`` in the
engine (which calls the same Qt translator once :func:`apply_language` has installed it). Catalogues live in
``resources/i18n/mlsandbox_<lang>.ts`` (edited with Qt Linguist or by hand) and are compiled to ``.qm`` beside them.

Re-run after adding or changing texts (extracts every marked text from ``gui/`` and ``engine/``, keeps the existing
translations, compiles the ``.qm``)::

    python -m gui.i18n --update

then fill the new ``<translation type="unfinished">`` entries in ``resources/i18n/mlsandbox_es.ts`` and run it again
(``tests/gui/test_i18n.py`` fails while a ``.qm`` is older than its ``.ts`` or a text is left untranslated).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from engine import i18n as engine_i18n
from engine import labs
from engine.i18n import QT_TRANSLATE_NOOP
from engine.schema import field_specs
from gui import preferences

__all__ = [
    "LANGUAGES",
    "SETTING_KEY",
    "I18N_DIR",
    "chosen_language",
    "save_language",
    "effective_language",
    "apply_language",
    "locale",
    "fmt",
    "parse_number",
    "update_catalogues",
    "add_language_menu",
    "translate",
    "lab_title",
    "LAB_TITLES",
]

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = {"": "System default", "en": "English", "es": "Español"}
"""Setting value -> name shown in the Language menu (each language in its own words)."""
TRANSLATED = ("es",)
SETTING_KEY = "ui/language"

LAB_TITLES = {
    "vectors": QT_TRANSLATE_NOOP("Labs", "Vectors"),
    "matrices": QT_TRANSLATE_NOOP("Labs", "Matrices"),
    "derivatives": QT_TRANSLATE_NOOP("Labs", "Derivatives"),
    "optimizer": QT_TRANSLATE_NOOP("Labs", "Optimizer"),
    "distributions": QT_TRANSLATE_NOOP("Labs", "Distributions"),
    "hypothesis": QT_TRANSLATE_NOOP("Labs", "Hypothesis tests"),
    "network": QT_TRANSLATE_NOOP("Labs", "Neural network"),
    "classifier": QT_TRANSLATE_NOOP("Labs", "Classifier"),
    "decompositions": QT_TRANSLATE_NOOP("Labs", "Decompositions"),
    "probability": QT_TRANSLATE_NOOP("Labs", "Probability"),
}
"""Titles of the labs as the registry spells them (engine.labs), marked for translation."""

_installed: list[QtCore.QTranslator] = []


def translate(context: str, text: str) -> str:
    """``text`` in the current language (``QCoreApplication.translate``; pyside6-lupdate extracts the call)."""
    return QtCore.QCoreApplication.translate(context, text)


def lab_title(name: str, english: str) -> str:
    """The title of lab ``name`` in the current language (``english``: the registry's title)."""
    return translate("Labs", english)


_locale = QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)


def _settings() -> QtCore.QSettings:
    return preferences.store()  # the app's one settings store


def chosen_language() -> str:
    """The language saved in the settings ("" = follow the system)."""
    value = _settings().value(SETTING_KEY, "")
    return value if value in LANGUAGES else ""


def save_language(code: str) -> None:
    """Remember the user's language choice ("" = follow the system)."""
    _settings().setValue(SETTING_KEY, code if code in LANGUAGES else "")


def effective_language(code: str | None = None) -> str:
    """The language the app will show: the choice, or the system's when it is one we translate, else English."""
    code = chosen_language() if code is None else code
    if code:
        return code
    system = QtCore.QLocale.system().name().split("_")[0]
    return system if system in TRANSLATED else "en"


def locale() -> QtCore.QLocale:
    """The QLocale numbers are written and read with (decimal comma in Spanish)."""
    return _locale


def fmt(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits in the current language's number format."""
    return engine_i18n.number(float(x), digits)


def parse_number(text: str) -> float | None:
    """A number typed by the user, with either decimal separator ("2,5" or "2.5"); None if it is not one."""
    text = text.strip().replace("\u2212", "-")
    value, ok = _locale.toDouble(text)
    if ok:
        return value
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def apply_language(code: str | None = None) -> str:
    """Install the translators and number format of ``code`` (None: the saved choice); return the language used.

    Missing translations fall back to the English source text (Qt's rule), never to an empty string.
    """
    global _locale
    app = QtCore.QCoreApplication.instance()
    lang = effective_language(code)
    for tr in _installed:
        if app is not None:
            app.removeTranslator(tr)
    _installed.clear()
    if lang == "es":
        _locale = QtCore.QLocale(QtCore.QLocale.Language.Spanish, QtCore.QLocale.Country.Spain)
    else:
        _locale = QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)
    _locale.setNumberOptions(QtCore.QLocale.NumberOption.OmitGroupSeparator)
    QtCore.QLocale.setDefault(_locale)
    if app is not None and lang != "en":
        own = QtCore.QTranslator(app)
        if own.load(str(I18N_DIR / f"mlsandbox_{lang}.qm")):
            app.installTranslator(own)
            _installed.append(own)
        qt_base = QtCore.QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel …)
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
    engine_i18n.set_translator(None if lang == "en" else QtCore.QCoreApplication.translate)
    engine_i18n.set_decimal_point(_locale.decimalPoint())
    engine_i18n.set_language(lang)
    return lang


def add_language_menu(window) -> QtWidgets.QMenu:
    """View → Language: System default / English / Español, remembered in the settings; labs re-open translated."""
    menu = window.view_menu.addMenu(QtCore.QCoreApplication.translate("Language", "&Language"))
    group = QtGui.QActionGroup(menu)
    chosen = chosen_language()
    for code, name in LANGUAGES.items():
        text = QtCore.QCoreApplication.translate("Language", "System default") if not code else name
        act = menu.addAction(text)
        act.setCheckable(True)
        act.setChecked(code == chosen)
        act.setData(code)
        group.addAction(act)
        act.triggered.connect(lambda _=False, c=code: _switch(window, c))
    window.language_menu = menu
    return menu


def _switch(window, code: str) -> None:
    save_language(code)
    apply_language(code)
    window._rebuild_labs()
    window.show_message(
        QtCore.QCoreApplication.translate("Language", "Language changed: the menus follow at the next start.")
    )


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    """Every Python file whose marked texts go into the catalogues."""
    return sorted(p for pkg in ("gui", "engine") for p in (ROOT / pkg).rglob("*.py") if "__pycache__" not in p.parts)


def data_texts() -> list[tuple[str, str]]:
    """(context, text) of texts that live in data, not in code: every field spec's label and unit (context
    "fields"), which ``field_controls.field_label`` translates."""
    seen: set[str] = set()
    out = []
    todo = []
    for lab in labs.LABS:
        try:
            todo.append(getattr(importlib.import_module(lab.module), lab.state_class))
        except (ImportError, AttributeError):  # a lab being written: its texts come on the next run
            continue
    while todo:
        cls = todo.pop()
        for f in dataclasses.fields(cls):  # nested dataclasses (OptimizerConfig …) carry specs too
            inner = getattr(cls, "__annotations__", {}).get(f.name)
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                todo.append(inner)
        for fs in field_specs(cls).values():
            for text in (fs.label, fs.unit):
                if text and text not in seen and any(c.isalpha() for c in text):
                    seen.add(text)
                    out.append(("fields", text))
    from engine.stats import DISTRIBUTIONS, MOMENT_ROWS  # shown through translate("stats"/"Distributions", …)

    out += [("Distributions", row) for row in MOMENT_ROWS]
    from engine.inference import TEST_TITLES  # shown through translate("inference", …)

    out += [("inference", title) for title in TEST_TITLES.values()]
    out += [
        ("inference", label)  # the estimates' names the tests report (engine/inference/parametric.py, counts.py)
        for label in (
            "sample mean x̄",
            "difference of means x̄_A − x̄_B",
            "sample proportion k/n",
            "difference of proportions A − B",
            "A/B test (two proportions)",
        )
    ]

    for dist in DISTRIBUTIONS.values():
        for text in (dist.label, dist.kind, *(p.label for p in dist.params)):
            if ("stats", text) not in out:
                out.append(("stats", text))
    from engine.optim import OptimizerConfig  # the optimizers' knobs, shared by two labs

    for fs in field_specs(OptimizerConfig).values():
        if fs.label and fs.label not in seen:
            seen.add(fs.label)
            out.append(("fields", fs.label))
    return out


def update_catalogues(languages: tuple[str, ...] = TRANSLATED) -> None:
    """Extract the marked texts into each ``.ts`` (keeping translations) and compile each ``.qm``."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    with tempfile.TemporaryDirectory() as tmp:
        marks = Path(tmp) / "data_texts.py"  # the data's texts as markers, so lupdate keeps them
        marks.write_text(
            "\n".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})".replace("'", '"') for c, t in data_texts()) + "\n",
            encoding="utf-8",
        )
        for lang in languages:
            ts = I18N_DIR / f"mlsandbox_{lang}.ts"
            subprocess.run(
                [_tool("pyside6-lupdate"), *files, str(marks), "-locations", "none", "-no-obsolete", "-ts", str(ts)],
                cwd=ROOT,
                check=True,
            )
            compile_catalogue(ts)


def compile_catalogue(ts: Path) -> Path:
    """``.ts`` -> ``.qm`` beside it."""
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.i18n", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="extract texts into the .ts files and compile .qm")
    parser.add_argument("--compile", action="store_true", help="only compile the .ts files to .qm")
    args = parser.parse_args(argv)
    if args.update:
        update_catalogues()
    elif args.compile:
        for lang in TRANSLATED:
            compile_catalogue(I18N_DIR / f"mlsandbox_{lang}.ts")
    else:
        parser.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
