"""The benchmark suite (``python -m bench``): interaction latency, start-up, engine throughput, matplotlib, memory.

Each ``bench/bench_<name>.py`` exposes ``run(quick: bool) -> list[dict]``; :mod:`bench.harness` holds the shared
helpers and :mod:`bench.__main__` discovers, runs and reports them. Never imported by the app.
"""
