"""Every lab's "show the code" runs in a fresh interpreter without this project and prints the lab's numbers.

Each snippet is run with ``python -I`` (no PYTHONPATH, no user site), ``MPLBACKEND=Agg``, in an empty directory, and
with the ``engine``/``gui`` packages made unimportable even if an editable install put them on ``sys.path``. The
snippet's ``result`` dict must be a subset of ``metrics(state)`` with the same values, and it must draw a figure.
The processes of all labs start together (one per lab), so the file costs about as long as the slowest snippet.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from engine import labs

RUNNER = r'''
import importlib.abc, json, runpy, sys

class RefuseProject(importlib.abc.MetaPathFinder):
    """The snippet must not need this app: importing it fails as it would on a student's machine."""
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("engine", "gui", "main"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, RefuseProject())

def plain(v):
    return v.item() if hasattr(v, "item") else str(v)

for script in sys.argv[1:]:   # one interpreter per lab runs that lab's scripts in turn
    try:
        namespace = runpy.run_path(script, run_name="__main__")
    except BaseException as exc:
        report = {"error": f"{type(exc).__name__}: {exc}"}
    else:
        plt = sys.modules.get("matplotlib.pyplot")
        figures = len(plt.get_fignums()) if plt is not None else 0
        if plt is not None:
            plt.close("all")
        report = {"figures": figures, "result": namespace.get("result")}
    print("\n@@RESULT@@" + json.dumps(report, default=plain), flush=True)
'''


def _extra_states() -> dict[str, list[object]]:
    """States beyond the defaults that take each snippet down its other branches."""
    from engine import inference, linalg, optim, stats, vectors
    from engine.calculus import DerivativesState

    base = optim.OptimizerState()
    all_on = replace(base, configs=tuple(replace(c, enabled=True) for c in base.configs))
    hyp = inference.HypothesisState
    return {
        "vectors": [vectors.VectorsState(vectors=((0.0, 0.0), (1.0, 2.0)), scalar_c=-1.5)],
        "matrices": [linalg.MatricesState(matrix=((1.0, 2.0), (2.0, 4.0)), system_b=(1.0, 3.0))],
        "derivatives": [
            DerivativesState(expression="relu(x) + softplus(x)*x^2 - 2e^x", preset="custom", x0=0.7, h=1e-3),
            DerivativesState(expression="sin(x)*exp(-x^2/5)", preset="wave", chain_loss="squared error"),
            # f″ of a step is sympy's DiracDelta(x, 1): 0 off the jump, undefined (nan) on it, never a NameError
            DerivativesState(expression="step(x)", preset="custom", x0=0.0),
            DerivativesState(expression="sign(x)*x^2 + step(x)", preset="custom", x0=0.5),
        ],
        "optimizer": [
            *(optim.with_surface(all_on, s) for s in optim.SURFACES),
            # Newton's first step lands on the step at x = 0: "not differentiable there", in the app and the script
            replace(base, surface="expression", expression="step(x) + x^2 + y^2", start=(1.0, 0.5)),
        ],
        "distributions": [
            stats.DistributionsState(distribution="poisson", params=(("lam", 3.0),), mle_family="negative_binomial"),
            stats.DistributionsState(
                distribution="binomial",
                params=(("n", 12.0), ("p", 0.3)),
                mle_family="binomial",
                flips="HHT",
                n_samples=500,
                seed=4,
            ),
            stats.DistributionsState(
                distribution="gamma",
                params=(("alpha", 2.0), ("beta", 1.5)),
                mle_family="normal",
                mle_source="data",
                data=(1.0, 2.5, 3.0, 4.5),
                n_samples=300,
            ),
            stats.DistributionsState(mle_family="exponential"),  # the fit is refused: the script says why
        ],
        "hypothesis": [
            hyp(test="welch_t", tab="permutation", perm_resamples=300),
            hyp(test="binomial", tab="ab"),
            hyp(test="chi2", tab="intervals"),
            hyp(test="z", tab="power", alternative="less"),
            hyp(tab="bootstrap", boot_stat="std", boot_resamples=300),
        ],
        "classifier": [replace(labs.default_state("classifier"), source="blobs", separation=6.0)],  # separable
        "network": [replace(labs.default_state("network"), hidden=(3, 2), activation="sigmoid", loss="mse")],
    }


def _cases() -> list[tuple[str, int, object]]:
    extra = _extra_states()
    out = []
    for spec in labs.LABS:
        states = [labs.default_state(spec.name), *extra.get(spec.name, [])]
        out += [(spec.name, i, state) for i, state in enumerate(states)]
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[tuple[str, int], dict]:
    """Start one clean interpreter per lab at once, each running that lab's scripts; collect every report."""
    root = tmp_path_factory.mktemp("snippets")
    runner = root / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env.update(MPLBACKEND="Agg", MPLCONFIGDIR=str(root / "mpl"))
    scripts: dict[str, list[tuple[int, Path]]] = {}
    for name, i, state in CASES:
        work = root / name
        work.mkdir(exist_ok=True)
        script = work / f"{name}_{i}.py"
        script.write_text(labs.code(name, state), encoding="utf-8")
        scripts.setdefault(name, []).append((i, script))
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-I", str(runner), *(str(p) for _, p in items)],
            cwd=root / name,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, items in scripts.items()
    }
    out = {}
    for name, p in procs.items():
        stdout, stderr = p.communicate(timeout=170)
        reports = [json.loads(chunk.splitlines()[0]) for chunk in stdout.split("@@RESULT@@")[1:]]
        for k, (i, _) in enumerate(scripts[name]):
            out[(name, i)] = reports[k] if k < len(reports) else {"error": f"no report; stderr:\n{stderr[-2000:]}"}
        out[(name, "stdout")] = stdout
    return out


def _same(value, expected) -> bool:
    if isinstance(value, bool) or isinstance(expected, (bool, str)):
        return value == expected
    if isinstance(value, (int, float)) and isinstance(expected, (int, float)):
        if math.isnan(value) or math.isnan(expected):
            return math.isnan(value) and math.isnan(expected)
        return value == pytest.approx(expected, rel=1e-9, abs=1e-12)
    return value == expected


@pytest.mark.clean_interpreter
@pytest.mark.parametrize(("name", "i", "state"), CASES, ids=[f"{n}-{i}" for n, i, _ in CASES])
def test_snippet_runs_alone_and_reproduces_metrics(runs, name, i, state):
    report = runs[(name, i)]
    assert "error" not in report, f"{name} snippet {i} failed: {report.get('error')}"
    result = report["result"]
    assert isinstance(result, dict) and result, f"{name}: the snippet defines no non-empty dict `result`"
    m = labs.metrics(name, state)
    unknown = sorted(set(result) - set(m))
    assert not unknown, f"{name}: keys not in metrics: {unknown}"
    wrong = {k: (v, m[k]) for k, v in result.items() if not _same(v, m[k])}
    assert not wrong, f"{name}: snippet vs metrics differ: {wrong}"
    assert report["figures"] >= 1, f"{name}: the snippet draws no matplotlib figure"


@pytest.mark.clean_interpreter
def test_snippets_print_their_numbers(runs):
    for spec in labs.LABS:
        printed = runs[(spec.name, "stdout")].split("@@RESULT@@")[0]
        assert printed.strip(), f"{spec.name}: the snippet prints nothing"


@pytest.mark.parametrize("name", labs.LAB_NAMES)
def test_snippet_names_no_project_module_or_file(name):
    source = labs.code(name, labs.default_state(name))
    assert "from engine" not in source and "import engine" not in source
    assert str(Path(__file__).resolve().parents[2]) not in source
    assert "open(" not in source, f"{name}: the snippet reads a file; it must carry its data"
