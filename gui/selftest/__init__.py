"""``main.py --self-test``: every lab exercised offscreen, one report line per check (also run on the frozen build)."""

from gui.selftest.labs import state_edit_candidates
from gui.selftest.report import SelfTestReport, SkipCheck
from gui.selftest.runner import BUILD_INFO, build_info, run_self_test

__all__ = ["BUILD_INFO", "SelfTestReport", "SkipCheck", "build_info", "run_self_test", "state_edit_candidates"]
