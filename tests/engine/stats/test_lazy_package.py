"""engine.stats imports its submodules on first use of a name: the Hypothesis lab (which needs only ``StatsError``)
opens without the Distributions engine, and every re-exported name still resolves to the same object."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); {code}; "
         "print(' '.join(m for m in sys.modules if m.startswith('engine.stats')))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(out.stdout.split())


def test_the_inference_engine_loads_only_the_stats_error_of_engine_stats():
    loaded = _modules_after("import engine.inference")
    assert loaded == {"engine.stats", "engine.stats.registry"}


def test_every_exported_name_resolves_to_its_submodule_object():
    import importlib

    from engine import stats

    for module, names in stats._SUBMODULES.items():
        sub = importlib.import_module(f"engine.stats.{module}")
        for name in names:
            assert getattr(stats, name) is getattr(sub, name)
    assert isinstance(stats.derive, types.FunctionType)  # not the submodule of the same name
    assert set(stats.__all__) == set(stats._HOME)
    assert "derive" in dir(stats)


def test_derive_stays_the_function_when_its_submodule_is_imported_first():
    loaded = _modules_after(
        "import engine.stats.derive; from engine import stats; assert callable(stats.derive), stats.derive"
    )
    assert "engine.stats.derive" in loaded
