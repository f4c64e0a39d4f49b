"""Show the code for the Optimizer lab: the surface, torch's update rules and the race, in plain Python floats.

The script needs numpy/matplotlib (and sympy for a typed formula, to get its exact gradient and Hessian). Preset
surfaces are written with the same arithmetic as :mod:`engine.optim.objectives`, the rules as in
:mod:`engine.optim.rules` and the loop as in :mod:`engine.optim.trajectory`, so the numbers are the lab's.
"""

from __future__ import annotations

from engine.optim.rules import DIVERGENCE_BOUND, VALUE_BOUND
from engine.snippet_text import SYMPY_FUNCTIONS, sympy_formula_lines

__all__ = ["snippet"]

_PRESET_SOURCE = {
    "rosenbrock": """def f(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def grad(x, y):
    return -2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)


def hess(x, y):
    return 2.0 - 400.0 * y + 1200.0 * x * x, -400.0 * x, 200.0 + 0.0 * x
""",
    "himmelblau": """def f(x, y):
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


def grad(x, y):
    a, b = x * x + y - 11.0, x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


def hess(x, y):
    return 12.0 * x * x + 4.0 * y - 42.0, 4.0 * (x + y), 4.0 * x + 12.0 * y * y - 26.0
""",
    "beale": """C = (1.5, 2.25, 2.625)


def f(x, y):
    return sum((c - x + x * y ** (i + 1)) ** 2 for i, c in enumerate(C))


def grad(x, y):
    gx = gy = 0.0
    for i, c in enumerate(C):
        k = i + 1
        r = c - x + x * y**k
        gx = gx + 2.0 * r * (y**k - 1.0)
        gy = gy + 2.0 * r * x * k * y ** (k - 1)
    return gx, gy


def hess(x, y):
    hxx = hxy = hyy = 0.0
    for i, c in enumerate(C):
        k = i + 1
        r = c - x + x * y**k
        dr_dx, dr_dy = y**k - 1.0, x * k * y ** (k - 1)
        hxx = hxx + 2.0 * dr_dx * dr_dx
        hxy = hxy + 2.0 * (dr_dx * dr_dy + r * k * y ** (k - 1))
        d2 = x * k * (k - 1) * y ** (k - 2) if k >= 2 else 0.0 * y
        hyy = hyy + 2.0 * (dr_dy * dr_dy + r * d2)
    return hxx, hxy, hyy
""",
    "saddle": """def f(x, y):
    return x * x - y * y


def grad(x, y):
    return 2.0 * x, -2.0 * y


def hess(x, y):
    return 2.0, 0.0, -2.0
""",
    "rastrigin": """TAU = 2.0 * math.pi


def f(x, y):
    return 20.0 + x * x - 10.0 * math.cos(TAU * x) + y * y - 10.0 * math.cos(TAU * y)


def grad(x, y):
    return 2.0 * x + 10.0 * TAU * math.sin(TAU * x), 2.0 * y + 10.0 * TAU * math.sin(TAU * y)


def hess(x, y):
    return 2.0 + 10.0 * TAU * TAU * math.cos(TAU * x), 0.0, 2.0 + 10.0 * TAU * TAU * math.cos(TAU * y)
""",
    "camel": """def f(x, y):
    x2, y2 = x * x, y * y
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2


def grad(x, y):
    x2 = x * x
    return 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y


def hess(x, y):
    x2 = x * x
    return 8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0, -8.0 + 48.0 * y * y
""",
}

_QUADRATIC = """kappa, angle_deg = {kappa!r}, {angle!r}   # condition number and rotation of the bowl
th = math.radians(angle_deg)
c, s = math.cos(th), math.sin(th)
a, b, d = c * c + kappa * s * s, (1.0 - kappa) * c * s, s * s + kappa * c * c


def f(x, y):
    return 0.5 * (a * x * x + 2.0 * b * x * y + d * y * y)


def grad(x, y):
    return a * x + b * y, b * x + d * y


def hess(x, y):
    return a, b, d
"""

_LINE_FIT = """xs, ys = np.array(data).T
sxx, sx, sxy, sy, syy = (float(v) for v in (np.mean(xs * xs), xs.mean(), np.mean(xs * ys), ys.mean(), np.mean(ys * ys)))


def f(m, b):   # mean squared error of the line y = m*x + b, written through the data's moments
    return m * m * sxx + 2.0 * m * b * sx + b * b - 2.0 * m * sxy - 2.0 * b * sy + syy


def grad(m, b):
    return 2.0 * (m * sxx + b * sx - sxy), 2.0 * (m * sx + b - sy)


def hess(m, b):
    return 2.0 * sxx, 2.0 * sx, 2.0
"""

_EXPRESSION = """
{formula}
gradient = [sp.diff(f_sym, v) for v in (x, y)]
hessian = [[sp.diff(g, v) for v in (x, y)] for g in gradient]
print("f(x, y) =", f_sym)
_f = sp.lambdify((x, y), f_sym, [MATH_EXTRAS, "math"])
_g = sp.lambdify((x, y), gradient, [MATH_EXTRAS, "math"])
_h = sp.lambdify((x, y), [hessian[0][0], hessian[0][1], hessian[1][1]], [MATH_EXTRAS, "math"])


def f(x, y):
    return float(_f(x, y))


def grad(x, y):
    return tuple(float(v) for v in _g(x, y))


def hess(x, y):
    return tuple(float(v) for v in _h(x, y))
"""

_RULES = '''

# torch.optim's update rules, one coordinate at a time; each returns the new value and the new state.
def update(name, hp, t, p, g, s):
    """One step of optimizer ``name`` on one coordinate p with gradient g and state s (a dict)."""
    lr = hp["lr"]
    if name == "gd":
        return p - lr * g
    if name in ("momentum", "nesterov"):
        s["b"] = g if t == 1 else hp["momentum"] * s["b"] + (1.0 - hp.get("dampening", 0.0)) * g
        if name == "nesterov":
            return p - lr * (g + hp["momentum"] * s["b"])
        return p - lr * s["b"]
    if name == "adagrad":
        s["sum_sq"] = s.get("sum_sq", hp.get("initial_accumulator_value", 0.0)) + g * g
        clr = lr / (1.0 + (t - 1) * hp.get("lr_decay", 0.0))
        return p - clr * (g / (math.sqrt(s["sum_sq"]) + hp["eps"]))
    if name == "rmsprop":
        s["v"] = hp["alpha"] * s.get("v", 0.0) + (1.0 - hp["alpha"]) * (g * g)
        return p - lr * (g / (math.sqrt(s["v"]) + hp["eps"]))
    if name == "adam":
        b1, b2 = hp["beta1"], hp["beta2"]
        step_size, bc2 = lr / (1.0 - b1**t), math.sqrt(1.0 - b2**t)   # bias corrections
        s["m"] = b1 * s.get("m", 0.0) + (1.0 - b1) * g
        s["v"] = b2 * s.get("v", 0.0) + (1.0 - b2) * (g * g)
        return p - step_size * (s["m"] / (math.sqrt(s["v"]) / bc2 + hp["eps"]))
    raise ValueError(name)


def run(name, hp, start, steps, tol=TOL):
    """The race loop: stop when the gradient norm is below tol, or when the run blows up."""
    x, y = start
    gx, gy = grad(x, y)
    path, losses, norms = [(x, y)], [f(x, y)], [math.hypot(gx, gy)]
    sx, sy, status = {}, {}, "step limit"
    for t in range(1, steps + 1):
        if math.sqrt(gx * gx + gy * gy) < tol:
            break
        if name == "newton":   # solve H d = g (Cramer's rule) and step along -d
            hxx, hxy, hyy = hess(x, y)
            det = hxx * hyy - hxy * hxy
            scale = abs(hxx) + abs(hyy) + 2.0 * abs(hxy)
            if not math.isfinite(det) or abs(det) <= 1e-12 * scale * scale:
                status = "diverged"   # the Hessian is singular: Newton's step is undefined
                break
            nx = x - hp["lr"] * (hyy * gx - hxy * gy) / det
            ny = y - hp["lr"] * (hxx * gy - hxy * gx) / det
        else:
            nx, ny = update(name, hp, t, x, gx, sx), update(name, hp, t, y, gy, sy)
        if abs(nx) <= BOUND and abs(ny) <= BOUND:
            nf = f(nx, ny)
            if abs(nf) <= VALUE_BOUND:
                ngx, ngy = grad(nx, ny)
                if math.isfinite(ngx) and math.isfinite(ngy):
                    x, y, gx, gy = nx, ny, ngx, ngy
                    path.append((x, y))
                    losses.append(nf)
                    norms.append(math.hypot(gx, gy))
                    continue
                status = "diverged"   # the gradient is not finite
                break
        else:
            nf = f(nx, ny) if math.isfinite(nx) and math.isfinite(ny) else math.nan
        status = "diverged"           # the loss or the point blew up: keep the last finite point
        if math.isfinite(nf) and math.isfinite(nx) and math.isfinite(ny):
            ngx, ngy = grad(nx, ny)
            if math.isfinite(ngx) and math.isfinite(ngy):
                path.append((nx, ny))
                losses.append(nf)
                norms.append(math.hypot(ngx, ngy))
        break
    if status != "diverged" and norms[-1] < tol:
        status = "converged"
    return np.array(path), np.array(losses), np.array(norms), status

'''


def _surface_lines(state) -> list[str]:
    if state.surface == "expression":
        formula = "\n".join(sympy_formula_lines("f_sym", state.expression, ("x", "y")))
        return [SYMPY_FUNCTIONS + _EXPRESSION.format(formula=formula)]
    if state.surface == "line_fit":
        pts = ",\n    ".join(f"({x!r}, {y!r})" for x, y in state.line_points)
        return [f"data = [\n    {pts},\n]", _LINE_FIT]
    if state.surface == "quadratic":
        return [_QUADRATIC.format(kappa=state.kappa, angle=state.angle)]
    return [f"# the {state.surface} surface", _PRESET_SOURCE[state.surface]]


def snippet(state, tol: float) -> str:
    """The script for an :class:`engine.optim.OptimizerState` (see :func:`engine.optim.code`)."""
    enabled = [c for c in state.configs if c.enabled]
    head = ["import math", "", "import matplotlib.pyplot as plt", "import numpy as np"]
    if state.surface == "expression":
        head.append("import sympy as sp")
    lines = [*head, "", *_surface_lines(state)]
    lines += [
        f"TOL, BOUND, VALUE_BOUND = {tol!r}, {DIVERGENCE_BOUND!r}, {VALUE_BOUND!r}",
        _RULES,
        f"start = {tuple(float(v) for v in state.start)!r}",
        f"steps = {state.steps}",
        "settings = {",
    ]
    for c in enabled:
        hp = {k: v for k, v in c.hyperparameters().items()}
        lines.append(f"    {c.name!r}: {hp!r},")
    lines += [
        "}",
        "runs = {name: run(name, hp, start, steps) for name, hp in settings.items()}",
        "",
        "result = {'surface': " + repr(state.surface) + ", 'start_loss': float(f(*start))}",
        "for name, (path, losses, norms, status) in runs.items():",
        "    x, y = path[-1]",
        "    result[f'{name}_status'] = status",
        "    result[f'{name}_final_loss'] = float(losses[-1])",
        "    result[f'{name}_final_x'], result[f'{name}_final_y'] = float(x), float(y)",
        "    result[f'{name}_final_grad_norm'] = float(norms[-1])",
        "    result[f'{name}_steps'] = len(path) - 1",
        "    print(f'{name:>9}: {status:<10} f = {losses[-1]:.6g} at ({x:.4f}, {y:.4f})')",
    ]
    if state.surface in ("quadratic", "line_fit"):
        lines += [
            "lam_max = float(np.linalg.eigvalsh(np.array([[hess(0, 0)[0], hess(0, 0)[1]], "
            "[hess(0, 0)[1], hess(0, 0)[2]]]))[-1])",
            "result['lambda_max'] = lam_max",
            "result['gd_lr_bound'] = 2.0 / lam_max  # gradient descent is stable only for lr < 2/λmax",
        ]
    if state.surface == "line_fit":
        lines += [
            "slope, intercept = np.linalg.solve([[sxx, sx], [sx, 1.0]], [sxy, sy])  # the least-squares line",
            "result['lsq_slope'], result['lsq_intercept'] = float(slope), float(intercept)",
        ]
    view = tuple(float(v) for v in state.view)
    lines += [
        "print(result)",
        "",
        "# The race on the contour map of f.",
        f"gx, gy = np.meshgrid(np.linspace({view[0]!r}, {view[1]!r}, 150), np.linspace({view[2]!r}, {view[3]!r}, 150))",
        "with np.errstate(all='ignore'):",
        "    z = np.vectorize(lambda a, b: f(float(a), float(b)), otypes=[float])(gx, gy)",
        "z = np.where(np.isfinite(z), z, np.nan)",
        "fig, ax = plt.subplots(figsize=(7, 6))",
        "ax.contour(gx, gy, np.log1p(z - np.nanmin(z)), levels=25, cmap='viridis')",
        "colours = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7']",
        "for (name, (path, *_)), colour in zip(runs.items(), colours):",
        "    ax.plot(path[:, 0], path[:, 1], '-', color=colour, lw=2.5, label=name)",
        "ax.plot(*start, 'ko')",
        f"ax.set(xlim=({view[0]!r}, {view[1]!r}), ylim=({view[2]!r}, {view[3]!r}), title='{state.surface}')",
        "ax.legend()",
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"
