"""One BLAS thread for the app: on a busy 2-core machine OpenBLAS's extra threads spin and stall the GUI thread.

Measured here with one busy process beside it: a 200×200 by 200×64 product took 0.06 ms at p50 but 10.7 ms at p95
with OpenBLAS's two threads, 0.11 ms at p95 with one; a 64×64 SVD 12.7 ms → 0.5 ms. The app's matrices are small
(the largest, a 512×512 image SVD in the background, took the same 74 ms either way), so the extra threads only
ever cost. The notebook API (:mod:`engine`) is left alone: this is applied by the gui's application, not on import.
"""

from __future__ import annotations

import os

from threadpoolctl import threadpool_limits

__all__ = ["BLAS_ENV", "limit_blas_threads"]

BLAS_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
"""Read by BLAS libraries when they load (scipy's own OpenBLAS loads after the window shows)."""


def limit_blas_threads() -> bool:
    """One thread for every BLAS loaded now or later, unless the user set a count; True when limits were applied.

    Libraries already loaded (numpy's) are limited through threadpoolctl; those loaded later read the environment.
    """
    if any(name in os.environ for name in BLAS_ENV):
        return False  # the user's (or a test's) own choice wins
    for name in BLAS_ENV:
        os.environ[name] = "1"
    threadpool_limits(limits=1, user_api="blas")
    return True
