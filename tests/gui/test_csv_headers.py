"""CSV exports name what each column is: vector names, layer/from-unit/to-unit for network weights, every lab."""

from __future__ import annotations

import csv
import io

from gui.export import csv_text

GENERIC = {"index", "col", "column", ""}
"""Column names that say nothing on their own ("value" is fine beside columns saying which value it is)."""


def test_every_lab_csv_has_named_unique_columns(lab_window) -> None:
    win = lab_window("vectors")
    for name in win.lab_names():
        lab = win.show_lab(name)
        for table, (header, rows) in lab.export_data().items():
            assert len(set(header)) == len(header), (name, table, header)
            assert not GENERIC & {h.lower() for h in header}, (name, table, header)
            assert header != ["value"], (name, table, header)
            assert all(len(r) == len(header) for r in rows), (name, table)


def test_vectors_csv_names_the_vectors(lab_window) -> None:
    win = lab_window("vectors")
    lab = win.current_lab()
    header, rows = lab.export_data()["vectors"]
    parsed = list(csv.reader(io.StringIO(csv_text(header, rows))))
    assert parsed[0] == ["vector", "x", "y"]
    assert [r[0] for r in parsed[1:]] == list(lab.state().names)
    assert [(float(r[1]), float(r[2])) for r in parsed[1:]] == [tuple(v) for v in lab.state().vectors]


def test_network_weights_csv_says_layer_from_and_to(lab_window) -> None:
    win = lab_window("network")
    lab = win.current_lab()
    run = lab.training.run
    header, rows = lab.export_data()["weights"]
    assert header == ["layer", "from_unit", "to_unit", "value"]
    assert len(rows) == run.layout.n_params
    sizes = run.layout.sizes
    # the flat vector starts with layer 1's W (to-unit major, from-unit minor), then its biases
    by_key = {(r[0], r[1], r[2]): r[3] for r in rows}
    assert by_key[(1, 1, 1)] == float(run.params[0])
    assert by_key[(1, 2, 1)] == float(run.params[1])
    assert by_key[(1, "bias", 1)] == float(run.params[sizes[0] * sizes[1]])
    last = len(sizes) - 1
    assert {r[2] for r in rows if r[0] == last} == {1}  # one output unit
    assert {r[1] for r in rows if r[0] == 1} == {1, 2, "bias"}  # from the two inputs and the bias
