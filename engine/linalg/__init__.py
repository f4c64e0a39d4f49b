"""Matrix facts a student asks about (determinant, eigen, inverse, Ax = b, row reduction).

The Matrices lab state, metrics and code live in :mod:`engine.linalg.lab`, its derive in :mod:`engine.linalg.derive`;
both are re-exported here, so the lab registry and ``from engine import linalg`` see one module.

Exact fractions are used whenever the entries are integers, fractions or short decimals, so a singular integer matrix is
reported singular (det exactly 0), never "det = 1e-16".
"""

from engine.linalg import transform2d
from engine.linalg.derive import (
    MatricesResults,
    PresetSlider,
    RrefView,
    choose_preset,
    derive,
    matrix_text,
    preset_slider,
    set_preset_param,
)
from engine.linalg.front import describe
from engine.linalg.lab import (
    DEFAULT_AUGMENTED,
    MAX_COLS,
    MAX_ROWS,
    PRESETS,
    TABS,
    MatricesState,
    code,
    metrics,
)
from engine.linalg.matrix import (
    EigenResult,
    SingularMatrixError,
    SolveResult,
    determinant,
    eigen,
    inverse,
    inverse_exact,
    rank,
    solve,
)
from engine.linalg.row_reduction import (
    CellError,
    MatrixShapeError,
    RrefResult,
    RrefStep,
    format_number,
    parse_cell,
    rref,
    to_float,
)

__all__ = [
    "describe",
    "to_float",
    "transform2d",
    "CellError",
    "MatrixShapeError",
    "SingularMatrixError",
    "EigenResult",
    "SolveResult",
    "RrefResult",
    "RrefStep",
    "parse_cell",
    "format_number",
    "rref",
    "rank",
    "determinant",
    "eigen",
    "inverse",
    "inverse_exact",
    "solve",
    "MatricesState",
    "MatricesResults",
    "PresetSlider",
    "RrefView",
    "derive",
    "matrix_text",
    "preset_slider",
    "choose_preset",
    "set_preset_param",
    "PRESETS",
    "TABS",
    "DEFAULT_AUGMENTED",
    "MAX_ROWS",
    "MAX_COLS",
    "metrics",
    "code",
]
