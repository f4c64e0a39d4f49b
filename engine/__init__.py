"""ML Math Sandbox engine: the mathematics behind the labs, headless (numpy/scipy; sympy lazily; never Qt).

Usable from a notebook::

    from engine import linalg
    from engine import optim
    from engine import stats
    linalg.determinant([[1, 2], [3, 4]])
"""

__version__ = "0.1.0"
