"""A formula input box: validates through engine.expr, shows the error under the box and puts the caret on it."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.expr import ExpressionError, parse
from gui import theme
from gui.i18n import translate

__all__ = ["ExpressionEdit"]


class ExpressionEdit(QtWidgets.QWidget):
    """Line edit + message label; ``expressionAccepted(text)`` fires only for valid, changed input (Enter/focus out).

    While typing, problems are shown live under the box (the caret is left alone so typing is not disturbed);
    on Enter a bad formula keeps the last good one in force, and the caret jumps to the reported position.
    """

    expressionAccepted = QtCore.Signal(str)  # noqa: N815 - Qt signal naming
    expressionRejected = QtCore.Signal(str)  # noqa: N815 - the readable error message

    def __init__(self, variables: tuple[str, ...] = ("x",), text: str = "", parent=None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._variables = tuple(variables)
        self._accepted = text
        self.line = QtWidgets.QLineEdit(text)
        self.line.setPlaceholderText(
            placeholder
            or translate("Widgets", "a formula in {0}, e.g. sin(x)*exp(-x^2/5)").format(", ".join(self._variables))
        )
        self.line.setClearButtonEnabled(True)
        self.line.setToolTip(
            translate(
                "Widgets",
                "Numbers, + − * / ^, parentheses, pi, e and sin cos tan exp log sqrt abs tanh sigmoid relu softplus "
                "min max. Write 2x or 2*x; x*y needs the *.",
            )
        )
        self.message = QtWidgets.QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.COLORS['vermillion']};")
        self.message.hide()
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.line)
        lay.addWidget(self.message)
        self.line.textEdited.connect(self._on_edited)
        self.line.editingFinished.connect(self._on_finished)

    # -- API -------------------------------------------------------------------------------------------------------
    def text(self) -> str:
        """The text in the box (possibly not yet accepted)."""
        return self.line.text()

    def accepted_text(self) -> str:
        """The last valid formula."""
        return self._accepted

    def error(self) -> str:
        """The message currently shown under the box ('' when the text is fine)."""
        return self.message.text() if not self.message.isHidden() else ""

    def set_text(self, text: str) -> None:
        """Show a formula from outside (state, preset) without emitting; clears any message."""
        self._accepted = text
        if self.line.text() != text:
            with QtCore.QSignalBlocker(self.line):
                self.line.setText(text)
        self._show(None)

    def set_variables(self, variables: tuple[str, ...]) -> None:
        """Change which names count as variables (re-checks the current text)."""
        self._variables = tuple(variables)
        self._check(self.line.text())

    # -- internals -------------------------------------------------------------------------------------------------
    def _check(self, text: str) -> ExpressionError | None:
        try:
            parse(text, self._variables)
        except ExpressionError as err:
            self._show(err)
            return err
        self._show(None)
        return None

    def _show(self, err: ExpressionError | None) -> None:
        if err is None:
            self.message.clear()
            self.message.hide()
            self.line.setStyleSheet("")
            return
        self.message.setText(
            translate("Widgets", "{0} (character {1})").format(err.message, err.position + 1)
            if err.show_position
            else err.message
        )
        self.message.show()
        self.line.setStyleSheet(f"border: 2px solid {theme.COLORS['vermillion']};")

    def _on_edited(self, text: str) -> None:
        self._check(text)

    def _on_finished(self) -> None:
        text = self.line.text()
        err = self._check(text)
        if err is not None:
            self.line.setCursorPosition(min(err.position, len(text)))
            self.expressionRejected.emit(str(err))
            return
        if text != self._accepted:
            self._accepted = text
            self.expressionAccepted.emit(text)
