#!/usr/bin/env python3
"""Independent reference values for tests/reference_values.rs.

Run:  python3 tests/reference/activations.py > /tmp/ref.rs   (numpy 2.x, mpmath 1.3)
and paste the output between the markers in tests/reference_values.rs.

Two independent sources, neither of them the Rust code:
  TORCH: torch.nn.functional's definitions written in numpy float64, transcribed from
         aten/src/ATen/native/cpu/Activation.cpp (torch itself is not installed): the forward
         formulas and torch's backward formulas (e.g. tanh' = 1 - y*y, mish' = tsp + x*s*(1-tsp^2),
         log_sigmoid' = max_deriv - sign*b/(1+b)); for tanhExp (not in torch) the paper / series
         formula; for bent identity and step the series' (kuroitu/MAIN) formulas.
  EXACT: the same mathematical functions in mpmath with 50 significant digits, rounded to f64.
The script checks TORCH against EXACT itself (relative 1e-12, or 1e-9 where torch's 1 - tanh^2
cancels, |z| > 5) before printing.

Loss references: torch's BCELoss forward/backward (log clamped at -100, derivative denominator
max(y(1-y), 1e-12)), the series' one-output cross-entropy -t*log y with the same clamp, and the
square loss 0.5*(y-t)^2; EXACT values in mpmath for interior y.
"""
import numpy as np
import mpmath as mp

mp.mp.dps = 50
LAM = 1.0507009873554804934193349852946
ALP = 1.6732632423543772848170429916717
LAMm = mp.mpf("1.0507009873554804934193349852946")
ALPm = mp.mpf("1.6732632423543772848170429916717")

ZS = [-7.3, -5.5, -3.7, -2.2, -1.3, -0.7, -0.25, 0.1, 0.45, 0.8, 1.6, 2.9, 4.4, 5.9, 7.3]


def w(c, a, b):
    return np.where(c, a, b)


def sig(x):
    return 1 / (1 + np.exp(-x))


def torch_fwd(name, x):
    x = np.float64(x)
    return {
        "identity": lambda: x,
        "step": lambda: w(x > 0, 1.0, 0.0),
        "sigmoid": lambda: 1 / (1 + np.exp(-x)),
        "hard-sigmoid": lambda: np.minimum(np.maximum(x + 3, 0), 6) / 6,
        "log-sigmoid": lambda: np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))),
        "tanh": lambda: np.tanh(x),
        "tanh-shrink": lambda: x - np.tanh(x),
        "hard-tanh": lambda: np.clip(x, -1, 1),
        "relu": lambda: np.maximum(x, 0),
        "relu6": lambda: np.clip(x, 0, 6),
        "leaky-relu": lambda: w(x > 0, x, x * 0.01),
        "elu": lambda: w(x <= 0, np.expm1(x) * 1.0, x),
        "selu": lambda: w(x <= 0, np.expm1(x) * (ALP * LAM), x * LAM),
        "celu": lambda: w(x <= 0, np.expm1(x / 1.0) * 1.0, x),
        "softplus": lambda: w(x > 20, x, np.log1p(np.exp(x))),
        "softsign": lambda: x / (1 + np.abs(x)),
        "swish": lambda: x / (1 + np.exp(-x)),
        "mish": lambda: x * np.tanh(np.log1p(np.exp(x))),
        "tanh-exp": lambda: x * np.tanh(np.exp(x)),
        "hard-swish": lambda: x * np.minimum(np.maximum(x + 3, 0), 6) / 6,
        "bent-identity": lambda: 0.5 * (np.sqrt(x**2 + 1) - 1) + x,
        "hard-shrink": lambda: w((x >= -0.5) & (x <= 0.5), 0.0, x),
        "soft-shrink": lambda: w(x > 0.5, x - 0.5, w(x < -0.5, x + 0.5, 0.0)),
        "threshold": lambda: w(x <= 0.0, -1.0, x),
    }[name]()


def torch_der(name, x):
    x = np.float64(x)
    s = sig(x)

    def logsig_d():
        b = np.exp(-np.abs(x))
        neg = x < 0
        return (1.0 if neg else 0.0) - (1.0 if neg else -1.0) * (b / (1 + b))

    def mish_d():
        tsp = np.tanh(np.log1p(np.exp(x)))
        return tsp + x * s * (1 - tsp * tsp)

    def tanhexp_d():
        e = np.exp(x)
        return np.tanh(e) - x * e * (np.tanh(e) ** 2 - 1)

    return {
        "identity": lambda: 1.0,
        "step": lambda: 0.0,
        "sigmoid": lambda: s * (1 - s),
        # torch's f64 kernel uses the f32 constant 1.0f/6.0f; we take the exact 1/6 (see docs)
        "hard-sigmoid": lambda: w((x > -3) & (x < 3), 1 / 6, 0.0),
        "log-sigmoid": logsig_d,
        "tanh": lambda: 1 - np.tanh(x) * np.tanh(x),
        "tanh-shrink": lambda: 1 - (1 - np.tanh(x) * np.tanh(x)),
        "hard-tanh": lambda: w((x > -1) & (x < 1), 1.0, 0.0),
        "relu": lambda: w(x > 0, 1.0, 0.0),
        "relu6": lambda: w((x > 0) & (x < 6), 1.0, 0.0),
        "leaky-relu": lambda: w(x > 0, 1.0, 0.01),
        "elu": lambda: w(x <= 0, 1.0 * 1.0 * np.exp(x), 1.0),
        "selu": lambda: w(x <= 0, 1.0 * (ALP * LAM) * np.exp(x), LAM),
        "celu": lambda: w(x <= 0, 1.0 * 1.0 * np.exp(x), 1.0),
        "softplus": lambda: w(x > 20, 1.0, np.exp(x) / (np.exp(x) + 1)),
        "softsign": lambda: 1 / (1 + np.abs(x)) ** 2,
        "swish": lambda: s * (1 + x * (1 - s)),
        "mish": mish_d,
        "tanh-exp": tanhexp_d,
        "hard-swish": lambda: w(x < -3, 0.0, w(x <= 3, x / 3 + 0.5, 1.0)),
        "bent-identity": lambda: 0.5 * x / np.sqrt(x**2 + 1) + 1,
        "hard-shrink": lambda: w((x >= -0.5) & (x <= 0.5), 0.0, 1.0),
        "soft-shrink": lambda: w((x >= -0.5) & (x <= 0.5), 0.0, 1.0),
        "threshold": lambda: w(x <= 0.0, 0.0, 1.0),
    }[name]()


def exact_fwd(name, x):
    x = mp.mpf(x)
    sp = mp.log1p(mp.exp(x))
    return {
        "identity": lambda: x,
        "step": lambda: mp.mpf(1 if x > 0 else 0),
        "sigmoid": lambda: 1 / (1 + mp.exp(-x)),
        "hard-sigmoid": lambda: min(max(x + 3, 0), 6) / 6,
        "log-sigmoid": lambda: -mp.log1p(mp.exp(-x)),
        "tanh": lambda: mp.tanh(x),
        "tanh-shrink": lambda: x - mp.tanh(x),
        "hard-tanh": lambda: min(max(x, -1), 1),
        "relu": lambda: max(x, 0),
        "relu6": lambda: min(max(x, 0), 6),
        "leaky-relu": lambda: x if x > 0 else x * mp.mpf("0.01"),
        "elu": lambda: x if x > 0 else mp.expm1(x),
        "selu": lambda: LAMm * x if x > 0 else LAMm * ALPm * mp.expm1(x),
        "celu": lambda: x if x > 0 else mp.expm1(x),
        "softplus": lambda: sp,
        "softsign": lambda: x / (1 + abs(x)),
        "swish": lambda: x / (1 + mp.exp(-x)),
        "mish": lambda: x * mp.tanh(sp),
        "tanh-exp": lambda: x * mp.tanh(mp.exp(x)),
        "hard-swish": lambda: x * min(max(x + 3, 0), 6) / 6,
        "bent-identity": lambda: (mp.sqrt(x * x + 1) - 1) / 2 + x,
        "hard-shrink": lambda: mp.mpf(0) if abs(x) <= mp.mpf("0.5") else x,
        "soft-shrink": lambda: x - mp.mpf("0.5") if x > 0.5 else (x + mp.mpf("0.5") if x < -0.5 else mp.mpf(0)),
        "threshold": lambda: x if x > 0 else mp.mpf(-1),
    }[name]()


def exact_der(name, x):
    # derivative of the exact function, by mpmath's numerical differentiation at 50 digits
    # (no test point is within 0.05 of a kink, so the function is smooth around it)
    return mp.diff(lambda u: exact_fwd(name, u), mp.mpf(x))


NAMES = ["identity", "step", "sigmoid", "hard-sigmoid", "log-sigmoid", "tanh", "tanh-shrink", "hard-tanh",
         "relu", "relu6", "leaky-relu", "elu", "selu", "celu", "softplus", "softsign", "swish", "mish",
         "tanh-exp", "hard-swish", "bent-identity", "hard-shrink", "soft-shrink", "threshold"]


def rel(a, b):
    a, b = float(a), float(b)
    return abs(a - b) / max(abs(b), 1e-300) if b != 0 else abs(a)


def lit(v):
    v = float(v)
    return repr(v) if v == v else "f64::NAN"


def main():
    out = []
    out.append("/// Test points z (none within 0.05 of a kink).")
    out.append("pub const ZS: [f64; %d] = [%s];" % (len(ZS), ", ".join(lit(z) for z in ZS)))
    out.append("/// (name, torch f(z), exact f(z), torch f'(z), exact f'(z)) per activation, over ZS.")
    out.append("pub const ACT_REF: [(&str, [[f64; 4]; %d]); %d] = [" % (len(ZS), len(NAMES)))
    for n in NAMES:
        rows = []
        for z in ZS:
            tf, ef = float(torch_fwd(n, z)), float(exact_fwd(n, z))
            td, ed = float(torch_der(n, z)), float(exact_der(n, z))
            tol_d = 1e-9 if (n in ("tanh", "tanh-shrink") and abs(z) > 5) else 1e-12
            # x - tanh x for |x| << 1 keeps only absolute precision, in torch as here
            tol_f = 1e-11 if n == "tanh-shrink" and abs(z) < 0.5 else 1e-12
            assert rel(tf, ef) <= tol_f, (n, z, tf, ef)
            assert rel(td, ed) <= tol_d, (n, z, td, ed)
            rows.append("[%s, %s, %s, %s]" % (lit(tf), lit(ef), lit(td), lit(ed)))
        out.append('    ("%s", [%s]),' % (n, ", ".join(rows)))
    out.append("];")

    # Losses
    pts = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.3), (1.0, 0.3), (0.2, 0.0), (0.2, 1.0),
           (0.5, 0.5), (0.73, 0.3), (0.999, 1.0), (1e-5, 0.0), (1e-5, 1.0), (0.37, 0.9)]

    def bce(y, t):
        y, t = np.float64(y), np.float64(t)
        with np.errstate(divide="ignore"):
            return (t - 1) * max(np.log1p(-y), -100.0) - t * max(np.log(y), -100.0)

    def bce_d(y, t):
        return (y - t) / max((1 - y) * y, 1e-12)

    def ce(y, t):
        with np.errstate(divide="ignore"):
            return -t * max(np.log(np.float64(y)), -100.0)

    def ce_d(y, t):
        return -t / max(y, 1e-12)

    def sq(y, t):
        return 0.5 * (y - t) ** 2

    def exact_loss(kind, y, t):
        y, t = mp.mpf(y), mp.mpf(t)
        if kind == "bce":
            return -(t * mp.log(y) + (1 - t) * mp.log(1 - y)), (y - t) / (y * (1 - y))
        if kind == "ce":
            return -t * mp.log(y), -t / y
        return (y - t) ** 2 / 2, y - t

    out.append("/// (y, t, value, derivative, exact value, exact derivative) per loss; exact = NaN where y")
    out.append("/// is 0 or 1 (the clamped value is the reference there).")
    for kind, f, d in (("square", sq, lambda y, t: y - t), ("bce", bce, bce_d), ("ce", ce, ce_d)):
        rows = []
        for y, t in pts:
            v, dv = float(f(y, t)), float(d(y, t))
            if 0 < y < 1 or kind == "square":
                ev, ed = exact_loss(kind, y, t)
                ev, ed = float(ev), float(ed)
                assert rel(v, ev) <= 1e-12 and rel(dv, ed) <= 1e-12, (kind, y, t, v, ev, dv, ed)
            else:
                ev, ed = float("nan"), float("nan")
            rows.append("    [%s, %s, %s, %s, %s, %s]," % tuple(lit(u) for u in (y, t, v, dv, ev, ed)))
        out.append("pub const LOSS_%s: [[f64; 6]; %d] = [" % (kind.upper(), len(pts)))
        out.extend(rows)
        out.append("];")

    # Minima of the non-monotone activations (for output_range)
    for n, z0 in (("swish", -1.28), ("mish", -1.19), ("tanh-exp", -1.08)):
        zm = mp.findroot(lambda u: mp.diff(lambda v: exact_fwd(n, v), u), z0)
        out.append("/// min of %s: %s at z = %s (mpmath)" % (n, mp.nstr(exact_fwd(n, zm), 30), mp.nstr(zm, 20)))
        out.append("pub const MIN_%s: (f64, f64) = (%s, %s);" % (n.replace("-", "_").upper(), lit(zm), lit(exact_fwd(n, zm))))
    print("\n".join(out))


if __name__ == "__main__":
    main()
