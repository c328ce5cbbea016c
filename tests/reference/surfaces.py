"""Independent reference values for tests/surfaces.rs.

Values come from numpy (float64), written the way the series writes them (kuroitu/optimizers
olds/_sample2.py and _sample.py: np.sinc, np.tanh, np.exp), and the classics as on Wikipedia's
"Test functions for optimization". Every value is cross-checked against mpmath at 50 digits
(asserted below to 1e-14 relative). Gradients come from mpmath's numerical differentiation
(mp.diff at 50 digits) of the same formulas, so they are independent of the Rust analytic
gradients. Run: python3 tests/reference/surfaces.py  (numpy 2.4.6, mpmath 1.3.0 were used) and
paste the printed arrays into tests/surfaces.rs.
"""
import numpy as np
import mpmath as mp

mp.mp.dps = 50


def np_surfaces(name, x, y):
    if name == "saddle":
        return y**2 - x**2
    if name == "tanh":
        return np.tanh(x)**2 + np.tanh(y)**2
    if name == "sinc":
        return -(np.sinc(x) + np.sinc(y)) + (x**2 + y**2) / 10
    if name == "tanh-bowl":
        return 0.125 * (x**2 + y**2) + np.tanh(x * 10)**2
    if name == "rosenbrock":
        return (1 - x)**2 + 100 * (y - x**2)**2
    if name == "beale":
        return (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2
    if name == "himmelblau":
        return (x**2 + y - 11)**2 + (x + y**2 - 7)**2
    raise ValueError(name)


def mp_sinc(x):
    return mp.mpf(1) if x == 0 else mp.sin(mp.pi * x) / (mp.pi * x)


def mp_surfaces(name, x, y):
    if name == "saddle":
        return y**2 - x**2
    if name == "tanh":
        return mp.tanh(x)**2 + mp.tanh(y)**2
    if name == "sinc":
        return -(mp_sinc(x) + mp_sinc(y)) + (x**2 + y**2) / 10
    if name == "tanh-bowl":
        return mp.mpf("0.125") * (x**2 + y**2) + mp.tanh(x * 10)**2
    if name == "rosenbrock":
        return (1 - x)**2 + 100 * (y - x**2)**2
    if name == "beale":
        return ((mp.mpf("1.5") - x + x * y)**2 + (mp.mpf("2.25") - x + x * y**2)**2
                + (mp.mpf("2.625") - x + x * y**3)**2)
    if name == "himmelblau":
        return (x**2 + y - 11)**2 + (x + y**2 - 7)**2
    raise ValueError(name)


def np_multiwell(x):
    return -np.exp(-((x + 4) * (x + 1) * (x - 1) * (x - 3) / 14 + 0.5))


def mp_multiwell(x):
    return -mp.exp(-((x + 4) * (x + 1) * (x - 1) * (x - 3) / 14 + mp.mpf("0.5")))


NAMES = ["saddle", "tanh", "sinc", "tanh-bowl", "rosenbrock", "beale", "himmelblau"]
# Generic points (no cancellation to 0 in the value), plus points near 0 for sinc/tanh.
POINTS = [(0.3, -1.7), (-2.2, 0.9), (1.1, 2.6), (-4.1, -3.3), (0.01, -0.02), (2.75, 0.35)]


def rel_check(a, b):
    b = float(b)
    assert abs(a - b) <= 1e-14 * abs(b) + 1e-300, (a, b)


print("// name, x, y, value (numpy), dvalue/dx, dvalue/dy (mpmath diff)")
print("const SURFACE_REF: [(&str, f64, f64, f64, f64, f64); %d] = [" % (len(NAMES) * len(POINTS)))
for name in NAMES:
    for (x, y) in POINTS:
        v = float(np_surfaces(name, np.float64(x), np.float64(y)))
        mx, my = mp.mpf(x), mp.mpf(y)  # the exact f64 inputs
        rel_check(v, mp_surfaces(name, mx, my))
        gx = mp.diff(lambda t: mp_surfaces(name, t, my), mx)
        gy = mp.diff(lambda t: mp_surfaces(name, mx, t), my)
        print("    (%r, %r, %r, %r, %r, %r)," % (name, x, y, v, float(gx), float(gy)))
print("];")

MW_POINTS = [-4.5, -2.0, -0.5, 0.7, 1.9, 3.5, 4.8]
print("// x, value (numpy), derivative (mpmath diff)")
print("const MULTIWELL_REF: [(f64, f64, f64); %d] = [" % len(MW_POINTS))
for x in MW_POINTS:
    v = float(np_multiwell(np.float64(x)))
    rel_check(v, mp_multiwell(mp.mpf(x)))
    print("    (%r, %r, %r)," % (x, v, float(mp.diff(mp_multiwell, mp.mpf(x)))))
print("];")

# Minimisers (nearest f64) and values there, for the doc comments.
for s in [(-2.8, 3.1), (-3.78, -3.28), (3.58, -1.85)]:
    r = mp.findroot(lambda x, y: [mp.diff(lambda t: mp_surfaces("himmelblau", t, y), x),
                                  mp.diff(lambda t: mp_surfaces("himmelblau", x, t), y)], s)
    print("// himmelblau minimiser", repr(float(r[0])), repr(float(r[1])))
for root in mp.polyroots([1, mp.mpf("0.75"), mp.mpf("-6.5"), mp.mpf("-0.25")]):
    print("// multiwell stationary point", repr(float(root)), "value", repr(float(mp_multiwell(root))))
print("// multiwell at -5, 5:", repr(float(mp_multiwell(-5))), repr(float(mp_multiwell(5))))
