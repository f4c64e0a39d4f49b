"""ML Math Sandbox's window half: PySide6 + pyqtgraph views that show and edit the engine's states."""
