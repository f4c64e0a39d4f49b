"""engine.datasets: the one CSV reader (messages naming row/column, caps, property tests) and the bundled data."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as hs
from scipy import stats as st

from engine import datasets as D
from engine.resources import resource_path


def test_reads_a_column_by_name_position_and_default():
    text = "name,height,weight\nann,1.62,55\nbob,1.80,80.5\n"
    np.testing.assert_array_equal(D.read_csv_column(text, "weight"), [55.0, 80.5])
    np.testing.assert_array_equal(D.read_csv_column(text, 1), [1.62, 1.80])
    np.testing.assert_array_equal(D.read_csv_column(text), [1.62, 1.80])  # first all-numeric column
    np.testing.assert_array_equal(D.read_csv_column(text, " Weight "), [55.0, 80.5])


def test_headerless_semicolon_tab_and_decimal_comma():
    np.testing.assert_array_equal(D.read_csv_column("1\n2\n3.5\n"), [1, 2, 3.5])
    np.testing.assert_array_equal(D.read_csv_column("a;b\n1,5;2\n3;4,25\n", "b"), [2, 4.25])
    np.testing.assert_array_equal(D.read_csv_column("a\tb\n1\t2\n", "b"), [2.0])
    np.testing.assert_array_equal(D.read_csv_column("x\n# comment\n1e3\n-.5\n"), [1000.0, -0.5])


def test_files_and_bytes(tmp_path):
    p = tmp_path / "data.csv"
    p.write_bytes("\ufeffx,y\n1,2\n3,4\n".encode())
    np.testing.assert_array_equal(D.read_csv_column(p, "y"), [2, 4])
    np.testing.assert_array_equal(D.read_csv_column(str(p), "x"), [1, 3])
    np.testing.assert_array_equal(D.read_csv_column(b"v\n7\n"), [7.0])
    latin = tmp_path / "latin.csv"
    latin.write_bytes("caf\xe9,x\n1,2\n".encode("latin-1"))
    assert D.read_csv_table(latin).header == ("café", "x")


@pytest.mark.parametrize(
    ("text", "column", "fragment"),
    [
        ("x\n1\nabc\n3\n", "x", "row 3, column 'x': 'abc' is not a number"),
        ("x,y\n1,2\n3,NaN\n", "y", "row 3, column 'y': 'NaN' is not a finite number"),
        ("x\n1\ninf\n", "x", "not a finite number"),
        ("x,y\n1,\n2,3\n", "y", "row 2, column 'y' is empty"),
        ("x\n1e999\n", "x", "too large"),
        ("x,y\n1,2\n", "z", "no column named 'z'; the columns are 'x', 'y'"),
        ("x,y\n1,2\n", 5, "column 6 does not exist"),
        ("x,y\n1,2\n3,4,5\n", "x", "row 3 has 3 field(s)"),
        ("", None, "empty"),
        ("\n\n  \n", None, "empty"),
        ("x,y\n", None, "no data rows"),
        ("name\nann\nbob\n", None, "no column holds numbers"),
        ("x,y\na,1\nb,c\n", None, "row 3, column 'y': 'c' is not a number"),
        ("a,a\n1,2\n", "a", "two columns are both called 'a'"),
    ],
)
def test_bad_input_gives_a_message_naming_the_place(text, column, fragment):
    with pytest.raises(D.DataError) as info:
        D.read_csv_column(text, column)
    assert fragment in str(info.value)


def test_missing_cells_can_be_skipped():
    np.testing.assert_array_equal(D.read_csv_column("x\n1\nNA\n\n3\n", "x", missing="skip"), [1.0, 3.0])


def test_file_errors(tmp_path):
    with pytest.raises(D.DataError, match="not found"):
        D.read_csv_column(tmp_path / "nope.csv")
    with pytest.raises(D.DataError, match="folder"):
        D.read_csv_column(tmp_path)
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(D.DataError, match="not a text file"):
        D.read_csv_column(binary)


def test_size_caps(tmp_path, monkeypatch):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x\n" + b"1\n" * (D.MAX_BYTES // 2 + 10))
    with pytest.raises(D.DataError, match="MB"):
        D.read_csv_column(big)
    monkeypatch.setattr(D, "MAX_ROWS", 100)
    with pytest.raises(D.DataError, match="rows"):
        D.read_csv_column("x\n" + "1\n" * 150)
    wide = ",".join(f"c{i}" for i in range(D.MAX_COLUMNS + 1)) + "\n"
    with pytest.raises(D.DataError, match="columns"):
        D.read_csv_table(wide + wide.replace("c", "1"))


def test_large_valid_column_is_read_exactly():
    values = np.round(np.random.default_rng(0).normal(size=100_000), 6)
    text = "v\n" + "\n".join(f"{v:.6f}" for v in values) + "\n"
    np.testing.assert_array_equal(D.read_csv_column(text), values)


@given(hs.text(max_size=300))
def test_random_text_never_crashes(text):
    try:
        out = D.read_csv_column(text)
    except D.DataError as exc:
        assert str(exc)
    else:
        assert out.dtype == np.float64 and out.size >= 1 and np.isfinite(out).all()


@given(
    hs.lists(hs.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=50),
    hs.sampled_from([",", ";", "\t"]),
)
def test_written_numbers_read_back_exactly(values, sep):
    text = f"value{sep}other\n" + "".join(f"{v!r}{sep}0\n" for v in values)
    np.testing.assert_array_equal(D.read_csv_column(text, "value"), values)


@given(hs.lists(hs.sampled_from(["1", "2.5", "x", "nan", "", "NA", "-3e2", "1,5", '"4"']), min_size=1, max_size=20))
def test_mixed_cells_give_numbers_or_a_row_message(cells):
    text = "col\n" + "\n".join(cells) + "\n"
    try:
        out = D.read_csv_column(text, "col")
    except D.DataError as exc:
        assert "row" in str(exc) or "empty" in str(exc) or "no " in str(exc)
    else:
        assert np.isfinite(out).all()


def test_bundled_datasets_load_and_match_their_published_statistics():
    names = {d.name for d in D.list_datasets()}
    assert {"anscombe", "horse_kicks", "sleep", "zea_mays", "mendel_peas"} <= names
    for info in D.list_datasets():
        assert D.dataset_column(info.name).size > 0
    a = D.load_dataset("anscombe")
    for i in "1234":
        x, y = a.column(f"x{i}"), a.column(f"y{i}")
        assert x.mean() == 9.0 and y.mean() == pytest.approx(7.50, abs=0.01)
        assert np.corrcoef(x, y)[0, 1] == pytest.approx(0.816, abs=0.001)
        slope, intercept = np.polyfit(x, y, 1)
        assert slope == pytest.approx(0.5, abs=0.001) and intercept == pytest.approx(3.0, abs=0.01)
    kicks = D.dataset_column("horse_kicks")
    assert kicks.size == 200 and kicks.mean() == pytest.approx(0.61)
    sleep = D.load_dataset("sleep").column("extra")
    assert st.ttest_rel(sleep[:10], sleep[10:]).statistic == pytest.approx(-4.0621, abs=1e-4)
    z = D.load_dataset("zea_mays")
    assert st.ttest_rel(z.column("cross"), z.column("self")).statistic == pytest.approx(2.148, abs=1e-3)
    assert D.dataset_column("mendel_peas").sum() == 556
    with pytest.raises(D.DataError, match="anscombe"):
        D.load_dataset("iris")


def test_numeric_columns_lists_only_numbers():
    table = D.load_dataset("mendel_peas")
    assert table.numeric_columns() == ["observed", "expected_ratio"]
    assert not math.isnan(table.column("observed").sum())


def test_every_bundled_data_file_has_source_licence_and_citation():
    """resources/datasets/: every CSV in the README table, licences stated, a BibTeX entry per source."""
    folder = resource_path("datasets")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    bib = (folder / "CITATION.bib").read_text(encoding="utf-8")
    csvs = sorted(p.name for p in folder.glob("*.csv"))
    assert {"penguins.csv", "iris.csv"} <= set(csvs)
    for name in csvs:
        assert f"| `{name}` |" in readme, name
    assert "CC0" in (folder / "LICENSE-penguins.txt").read_text(encoding="utf-8")
    assert bib.count("@") >= 7 and "10.1371/journal.pone.0090081" in bib and "Annals of Eugenics" in bib
    assert bib.count("{") == bib.count("}")
