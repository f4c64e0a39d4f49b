"""The benchmark suite (``python -m bench``): interaction latency, start-up, engine throughput, matplotlib, memory.

Each ``bench/bench_<name>.py`` exposes ``run(quick: bool) -> list[dict]``; :mod:`bench.harness` holds the shared
helpers and :mod:`bench.__main__` discovers, runs and reports them. Never imported by the app.
"""

import os

os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")  # as main.py sets it for the app, before numpy loads
