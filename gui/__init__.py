"""ML Math Sandbox's window half: PySide6 + pyqtgraph views that show and edit the engine's states."""

from gui import import_hook

import_hook.install()  # first thing: every later import (sympy, scipy.stats) would otherwise pin its source in memory
