"""The background warm-up after the first paint: what it loads so that a lab's first open does less."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_warm_up_imports_every_lab_module_and_freezes_what_it_loaded(tmp_path) -> None:
    """In a fresh process: before the warm-up no lab module is loaded; after it every one is, no lab was built, and
    what was loaded is frozen out of the garbage collector's full passes."""
    script = f"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MLSANDBOX_DATA_DIR"] = {str(tmp_path)!r}
sys.path.insert(0, {str(ROOT)!r})
from gui.app import make_application, warm_up_heavy_modules
from gui import labs
from gui.labs.base import Lab
app = make_application()
before = [m for m in labs.modules() if m in sys.modules]
warm_up_heavy_modules().join(120)
after = [m for m in labs.modules() if m in sys.modules]
built = [w for w in app.allWidgets() if isinstance(w, Lab)]
import gc
frozen = gc.get_freeze_count()
print("RESULT " + json.dumps({{"before": before, "after": after, "built": len(built),
                              "stats": "scipy.stats" in sys.modules, "all": labs.modules(), "frozen": frozen,
                              "tracked": len(gc.get_objects())}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    got = json.loads(line[len("RESULT ") :])
    assert len(got["all"]) >= 10
    assert got["before"] == []
    assert got["after"] == got["all"]
    assert got["built"] == 0
    assert got["stats"]
    # what was loaded is frozen out of the collector's full passes: what is left to walk is small
    assert got["frozen"] > 50_000
    assert got["tracked"] < got["frozen"] / 10


def test_rebuilding_labs_frees_cycles_the_warm_up_froze(qapp) -> None:
    """A theme change rebuilds the labs; the old ones' cycles are freed even if frozen, and the freeze is kept."""
    import gc
    import weakref

    from gui import app

    class Node:
        pass

    node = Node()
    node.me = node  # a cycle: only the collector frees it
    alive = weakref.ref(node)
    del node
    gc.freeze()  # (left frozen afterwards: the suite's conftest freezes what is long-lived for the whole session)
    gc.collect()
    assert alive() is not None  # frozen: out of the collector's reach
    app._collect_garbage()
    assert alive() is None
    assert gc.get_freeze_count() > 0
