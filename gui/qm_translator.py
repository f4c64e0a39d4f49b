"""A translator for :func:`engine.i18n.set_translator` that a worker process can unpickle and load by itself.

The app's own translators live in its QCoreApplication; a worker process (the Optimizer lab's races) has none, so it
gets this: the path of the same ``.qm`` catalogue, loaded with QtCore alone on the first text it translates.
"""

from __future__ import annotations

from PySide6 import QtCore

__all__ = ["QmTranslator"]


class QmTranslator:
    """``(context, text) -> translation`` from one ``.qm`` file ("" when missing: the engine then keeps the English)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._translator: QtCore.QTranslator | None = None

    def __call__(self, context: str, text: str) -> str:
        if self._translator is None:
            self._translator = QtCore.QTranslator()
            self._translator.load(self.path)
        return self._translator.translate(context, text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QmTranslator) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    def __getstate__(self) -> dict:
        return {"path": self.path}  # the catalogue is loaded again where it is unpickled

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])
