"""The app runs BLAS on one thread (gui/blas.py), unless the user chose a count."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui.blas import BLAS_ENV

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, os, numpy
from threadpoolctl import threadpool_info
before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
from gui.blas import limit_blas_threads
applied = limit_blas_threads()
after = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
import scipy.linalg  # scipy's own BLAS loads later, as in the app: the environment limits it
later = [(i["filepath"], i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({"applied": applied, "before": before, "after": after, "later": later,
                  "env": os.environ.get("OPENBLAS_NUM_THREADS")}))
"""


def _probe(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in BLAS_ENV}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env={**clean, **env}, capture_output=True,
                         text=True, timeout=120, check=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_numpys_loaded_blas_is_limited_to_one_thread_and_later_ones_by_the_environment():
    got = _probe()
    assert got["applied"] is True and got["env"] == "1"
    assert got["after"] and set(got["after"]) == {1}
    assert {n for _, n in got["later"]} == {1}, got["later"]


def test_a_thread_count_the_user_set_is_kept():
    got = _probe(OPENBLAS_NUM_THREADS="2")
    assert got["applied"] is False and got["env"] == "2"
    assert got["after"] == got["before"]


def test_the_application_limits_blas(qapp):
    """make_application applies it (the test run itself may have set a count: then it must be left as it was)."""
    from threadpoolctl import threadpool_info

    from gui.app import make_application

    make_application()
    counts = {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}
    assert counts == {1} or os.environ.get("OPENBLAS_NUM_THREADS") not in (None, "1")
