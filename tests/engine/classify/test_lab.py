"""The Classifier lab's state: round trip, bad data named, metrics and the show-the-code snippet agree."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from engine.classify import ClassifierError, ClassifierState, code, csv_class_data, derive, metrics, penguin_data
from engine.datasets import read_csv_table
from engine.schema import SchemaError, check, from_dict, to_dict


def test_scene_round_trip_and_cross_field_rules() -> None:
    s = ClassifierState(threshold=0.3, moved=((3.0, 40.0, 190.0),), source="blobs", l2=0.5)
    assert from_dict(ClassifierState, to_dict(s)) == s
    with pytest.raises(SchemaError, match="negative"):
        check(ClassifierState(negative="Chinstrap"))
    with pytest.raises(SchemaError, match="threshold"):
        from_dict(ClassifierState, {"threshold": 1.5})


def test_missing_values_are_counted_not_hidden() -> None:
    data = penguin_data("Chinstrap", "Adelie", ("bill_length_mm", "flipper_length_mm"))
    assert data.dropped == 1 and len(data.y) == 151 + 68
    assert "1 row with a missing value left out" in derive(ClassifierState()).summary


def test_unusable_states_give_a_named_sentence() -> None:
    for state, words in ((ClassifierState(source="csv"), "no CSV"),
                         (ClassifierState(positive="Adelie"), "both Adelie")):  # fmt: skip
        res = derive(state)
        assert words in res.error
        assert words in metrics(state)["error"]


def test_csv_data_needs_two_label_values_and_names_bad_rows() -> None:
    table = read_csv_table("a,b,label\n1,2,yes\n2,3,no\n3,NA,yes\n4,5,no\n")
    data = csv_class_data(table, ("a", "b"), "label")
    assert data.dropped == 1 and list(data.y) == [1, 0, 0] and data.classes == ("no", "yes")
    with pytest.raises(ClassifierError, match="exactly two values"):
        csv_class_data(read_csv_table("a,label\n1,x\n2,y\n3,z\n"), ("a",), "label")
    with pytest.raises(ClassifierError, match="row 3"):
        csv_class_data(read_csv_table("a,label\n1,x\nfoo,y\n"), ("a",), "label")
    with pytest.raises(ClassifierError, match="no column"):
        csv_class_data(table, ("zzz",), "label")


def test_threshold_moves_the_confusion_matrix_monotonically() -> None:
    recalls = [metrics(ClassifierState(threshold=t))["recall"] for t in (0.05, 0.3, 0.6, 0.95)]
    assert recalls == sorted(recalls, reverse=True) and recalls[0] > recalls[-1]


def test_mann_whitney_auc_equals_auc_and_moved_point_refits() -> None:
    m = metrics(ClassifierState())
    assert m["auc"] == pytest.approx(m["mann_whitney_auc"], abs=1e-12)
    moved = metrics(ClassifierState(moved=((0.0, 60.0, 170.0),)))
    assert moved["coef_x"] != m["coef_x"]


def test_separable_blobs_are_flagged_in_metrics_and_results() -> None:
    s = ClassifierState(source="blobs", separation=12.0)
    assert metrics(s)["separable"] is True
    res = derive(s)
    scales, nll = res.separation_path
    assert np.all(np.diff(nll) <= 0) and nll[-1] < 0.01 * nll[0]  # the log-loss keeps falling as the coefficients grow
    assert "undefined" in res.coef_text and "nan" not in res.coef_text.lower()


def test_code_snippet_runs_and_reproduces_the_metrics(tmp_path) -> None:
    state = ClassifierState(threshold=0.4)
    script = tmp_path / "snippet.py"
    script.write_text("import matplotlib\nmatplotlib.use('Agg')\n" + code(state), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    m = metrics(state)
    assert f"TP {m['tp']} FP {m['fp']} TN {m['tn']} FN {m['fn']}" in out
    assert f"accuracy {m['accuracy']:.4f}" in out and f"AUC {m['auc']:.4f}" in out
    assert "sklearn" not in code(state) and "statsmodels" not in code(state)


def test_metrics_of_the_default_state_hold_every_documented_key() -> None:
    m = metrics(ClassifierState())
    doc = metrics.__doc__
    for key in m:
        assert f"``{key}``" in doc, key
    assert dataclasses.is_dataclass(derive(ClassifierState()))
