"""The Network lab's control column: data, network builder, loss, optimizer, batch size, playback and readouts."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.nn import ACTIVATIONS, DATASETS, MAX_HIDDEN_LAYERS, NET_OPTIMIZERS, NetworkState
from engine.optim import LABELS
from gui import theme
from gui.i18n import translate
from gui.widgets.field_controls import configure_spin, spec_of
from gui.widgets.optimizer_controls import OptimizerControls

DATASET_LABELS = {
    "blobs": QT_TRANSLATE_NOOP("Network", "Two blobs"),
    "xor": "XOR",
    "circles": QT_TRANSLATE_NOOP("Network", "Circles"),
    "moons": QT_TRANSLATE_NOOP("Network", "Two moons"),
    "spiral": QT_TRANSLATE_NOOP("Network", "Spiral"),
    "custom": QT_TRANSLATE_NOOP("Network", "Hand-placed / CSV"),
}
ACTIVATION_LABELS = {"tanh": "tanh", "relu": "ReLU", "sigmoid": "sigmoid"}
LOSS_LABELS = {
    "logloss": QT_TRANSLATE_NOOP("Network", "Log-loss (cross-entropy)"),
    "mse": QT_TRANSLATE_NOOP("Network", "Mean squared error"),
}


QT_INT_MAX = 2**31 - 1  # the largest value a QSpinBox can hold


def _spin(field: str, name: str) -> QtWidgets.QAbstractSpinBox:
    """A spin box for a ``NetworkState`` field, its range, step and decimals from the field's spec."""
    fs = spec_of(NetworkState, field)
    w = QtWidgets.QSpinBox() if fs.integer else QtWidgets.QDoubleSpinBox()
    configure_spin(w, fs)
    if fs.integer and fs.hi is not None and fs.hi <= QT_INT_MAX:
        w.setMaximum(int(fs.hi))  # configure_spin caps integers at 2e9; a seed may reach 2^31 − 1
    w.setObjectName(name)
    w.setKeyboardTracking(False)
    return w


def _percent_spin(field: str, name: str) -> QtWidgets.QSpinBox:
    """A whole-percent spin box for a share field (0..1 in the state), range and step from its spec."""
    fs = spec_of(NetworkState, field)
    w = QtWidgets.QSpinBox()
    w.setRange(round(100 * fs.lo), round(100 * fs.hi))
    w.setSingleStep(max(1, round(100 * (fs.step or 0.01))))
    w.setSuffix(" %")
    w.setObjectName(name)
    w.setKeyboardTracking(False)
    return w


class NetworkControls(QtWidgets.QWidget):
    """Widgets only; the lab reads and writes them (under signal blockers) and connects their signals."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        col = QtWidgets.QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        col.addWidget(self._playback_group())
        col.addWidget(self._readout_group())
        col.addWidget(self._data_group())
        col.addWidget(self._network_group())
        col.addWidget(self._optimizer_group())
        col.addStretch(1)

    # --- groups -----------------------------------------------------------------------------------------------
    def _playback_group(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Network", "Training"))
        self.play_button = QtWidgets.QPushButton(translate("Network", "▶ Play"))
        self.play_button.setObjectName("play")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(translate("Network", "Train continuously; press again to pause"))
        self.step_button = QtWidgets.QPushButton(translate("Network", "Step"))
        self.step_button.setToolTip(translate("Network", "Train one epoch"))
        self.reset_button = QtWidgets.QPushButton(translate("Network", "Reset"))
        self.reset_button.setToolTip(translate("Network", "Fresh seeded weights, epoch 0"))
        self.speed = QtWidgets.QComboBox()
        self.speed.addItem(translate("Network", "fast"), 0)
        self.speed.addItem(translate("Network", "1 epoch / frame"), 1)
        self.speed.addItem(translate("Network", "slow: 5 epochs / s"), -1)
        row = QtWidgets.QHBoxLayout()
        for w in (self.play_button, self.step_button, self.reset_button):
            row.addWidget(w)
        lay = QtWidgets.QVBoxLayout(box)
        lay.addLayout(row)
        speed_row = QtWidgets.QHBoxLayout()
        speed_row.addWidget(QtWidgets.QLabel(translate("Network", "Speed")))
        speed_row.addWidget(self.speed, 1)
        lay.addLayout(speed_row)
        return box

    def _readout_group(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Network", "Now"))
        form = QtWidgets.QFormLayout(box)
        self.readouts: dict[str, QtWidgets.QLabel] = {}
        for key, label in (
            ("epoch", translate("Network", "Epoch")),
            ("train_loss", translate("Network", "Training loss")),
            ("test_loss", translate("Network", "Test loss")),
            ("accuracy", translate("Network", "Accuracy (train / test)")),
            ("status", translate("Network", "Status")),
        ):
            w = QtWidgets.QLabel("—")
            w.setObjectName(f"readout_{key}")
            w.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            w.setWordWrap(True)
            self.readouts[key] = w
            form.addRow(label, w)
        return box

    def _data_group(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Network", "Data"))
        form = QtWidgets.QFormLayout(box)
        self.dataset = QtWidgets.QComboBox()
        self.dataset.setObjectName("dataset")
        for name in DATASETS:
            self.dataset.addItem(translate("Network", DATASET_LABELS[name]), name)
        self.n_points = _spin("n_points", "n_points")
        self.noise = _spin("noise", "noise")
        self.seed = _spin("seed", "seed")
        self.new_seed = QtWidgets.QPushButton(translate("Network", "New"))
        self.new_seed.setToolTip(translate("Network", "Draw new points and new initial weights"))
        seed_row = QtWidgets.QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        self.test_fraction = _percent_spin("test_fraction", "test_fraction")
        self.class_group = QtWidgets.QButtonGroup(self)
        self.class0 = QtWidgets.QRadioButton(translate("Network", "blue (0)"))
        self.class1 = QtWidgets.QRadioButton(translate("Network", "orange (1)"))
        self.class0.setStyleSheet(f"color: {theme.COLORS['blue']}; font-weight: bold;")
        self.class1.setStyleSheet(f"color: {theme.COLORS['orange']}; font-weight: bold;")
        self.class_group.addButton(self.class0, 0)
        self.class_group.addButton(self.class1, 1)
        self.class0.setChecked(True)
        class_row = QtWidgets.QHBoxLayout()
        class_row.addWidget(self.class0)
        class_row.addWidget(self.class1)
        self.load_csv = QtWidgets.QPushButton(translate("Network", "Load CSV…"))
        self.clear_points = QtWidgets.QPushButton(translate("Network", "Clear points"))
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.load_csv)
        file_row.addWidget(self.clear_points)
        hint = QtWidgets.QLabel(
            translate(
                "Network",
                "Click the plane to place a point of the chosen class, right-click for the other class, drag a point "
                "to move it, Shift+click to delete it. Filled = training, hollow = test.",
            )
        )
        hint.setWordWrap(True)
        form.addRow(translate("Network", "Data set"), self.dataset)
        form.addRow(translate("Network", "Points"), self.n_points)
        form.addRow(translate("Network", "Noise"), self.noise)
        form.addRow(translate("Network", "Seed"), seed_row)
        form.addRow(translate("Network", "Test share"), self.test_fraction)
        form.addRow(translate("Network", "Place class"), class_row)
        form.addRow(file_row)
        form.addRow(hint)
        return box

    def _network_group(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Network", "Network"))
        lay = QtWidgets.QVBoxLayout(box)
        self.arch_label = QtWidgets.QLabel()
        self.arch_label.setObjectName("architecture")
        self.arch_label.setWordWrap(True)
        layers_row = QtWidgets.QHBoxLayout()
        self.remove_layer = QtWidgets.QPushButton(translate("Network", "− layer"))
        self.remove_layer.setObjectName("remove_layer")
        self.add_layer = QtWidgets.QPushButton(translate("Network", "+ layer"))
        self.add_layer.setObjectName("add_layer")
        layers_row.addWidget(self.remove_layer)
        layers_row.addWidget(self.add_layer)
        units_row = QtWidgets.QHBoxLayout()
        self.units = [_spin("hidden", f"units_{i + 1}") for i in range(MAX_HIDDEN_LAYERS)]
        for i, w in enumerate(self.units):
            w.setPrefix(f"h{i + 1}: ")
            w.setToolTip(translate("Network", "Units in hidden layer {0}").format(i + 1))
            units_row.addWidget(w)
        self.activation = QtWidgets.QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(ACTIVATION_LABELS[name], name)
        self.loss = QtWidgets.QComboBox()
        for name, label in LOSS_LABELS.items():
            self.loss.addItem(translate("Network", label), name)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("Network", "Activation"), self.activation)
        form.addRow(translate("Network", "Loss"), self.loss)
        lay.addWidget(self.arch_label)
        lay.addLayout(layers_row)
        lay.addLayout(units_row)
        lay.addLayout(form)
        return box

    def _optimizer_group(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Network", "Optimizer"))
        self.optimizer_box = QtWidgets.QVBoxLayout(box)
        self.optimizer = QtWidgets.QComboBox()
        self.optimizer.setObjectName("optimizer")
        for name in NET_OPTIMIZERS:
            self.optimizer.addItem(translate("optim", LABELS[name]), name)
        self.batch_size = _spin("batch_size", "batch_size")
        form = QtWidgets.QFormLayout()
        form.addRow(translate("Network", "Method"), self.optimizer)
        form.addRow(translate("Network", "Batch size"), self.batch_size)
        self.optimizer_box.addLayout(form)
        self.hyper: OptimizerControls | None = None
        return box

    def set_test_fraction(self, share: float) -> None:
        """Show a test share (0..1 in the state) in whole percent."""
        self.test_fraction.setValue(round(share * 100))

    def test_fraction_value(self) -> float:
        """The test share the spin box shows, as the state holds it (0..1)."""
        return self.test_fraction.value() / 100

    def show_optimizer(self, name: str) -> OptimizerControls:
        """The shared hyperparameter controls for ``name`` (rebuilt when the optimizer changes)."""
        if self.hyper is None or self.hyper.name != name:
            if self.hyper is not None:
                self.optimizer_box.removeWidget(self.hyper)
                self.hyper.deleteLater()
            lr_range = spec_of(NetworkState, "lr").slider_range
            self.hyper = OptimizerControls(name, translate("optim", LABELS[name]), "blue", lr_range=lr_range)
            self.hyper.enabled_box.hide()
            self.optimizer_box.addWidget(self.hyper)
        return self.hyper
