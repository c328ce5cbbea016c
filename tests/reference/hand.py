#!/usr/bin/env python3
"""Expected moves for tests/optim_hand.rs, computed independently of the Rust code.

Each optimizer is written here from its paper's or library's formulas (numpy, float64, one
vectorised line per formula), and applied to the fixed gradient sequence
    g = [0.3, -0.2], [0.25, -0.1], [-0.05, 0.4]   with losses 0.1, 0.08, 0.07
(SAM: on the quadratic L = 1/2 (a p0^2 + c p1^2), a = 2, c = 0.5, from p = (1, -2), the point
moving by each delta). The output is Rust source: paste it into tests/optim_hand.rs.

    python3 tests/reference/hand.py > /tmp/cases.rs

Santa's noise: SplitMix64 (Vigna's reference algorithm) + Box-Muller (cos half), written here
in Python; the script first checks SplitMix64 against the published first outputs for seed
1234567.
"""
import math

import numpy as np

G = [np.array([0.3, -0.2]), np.array([0.25, -0.1]), np.array([-0.05, 0.4])]
LOSS = [0.1, 0.08, 0.07]


def sgd(eta=1e-2):
    return [-eta * g for g in G]


def msgd(eta=1e-3, mu=0.9, nesterov=False):
    out, buf = [], None
    for g in G:
        buf = g.copy() if buf is None else mu * buf + g  # torch: buf = g at the first step
        out.append(-eta * (g + mu * buf) if nesterov else -eta * buf)
    return out


def adagrad(eta=1e-3, eps=1e-10):
    out, s = [], np.zeros(2)
    for g in G:
        s = s + g * g
        out.append(-eta * g / (np.sqrt(s) + eps))
    return out


def rmsprop(eta=1e-2, rho=0.99, eps=1e-8):
    out, v = [], np.zeros(2)
    for g in G:
        v = rho * v + (1 - rho) * g * g
        out.append(-eta * g / (np.sqrt(v) + eps))
    return out


def adadelta(eta=1.0, rho=0.95, eps=1e-6):
    out, v, u = [], np.zeros(2), np.zeros(2)
    for g in G:
        v = rho * v + (1 - rho) * g * g
        d = np.sqrt(u + eps) / np.sqrt(v + eps) * g
        u = rho * u + (1 - rho) * d * d
        out.append(-eta * d)
    return out


def adam(eta=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, amsgrad=False):
    out, m, v, vmax = [], np.zeros(2), np.zeros(2), np.zeros(2)
    for t, g in enumerate(G, 1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        vmax = np.maximum(vmax, v)
        vh = vmax if amsgrad else v
        out.append(-eta / (1 - beta1**t) * m / (np.sqrt(vh) / np.sqrt(1 - beta2**t) + eps))
    return out


def graves(eta=1e-4, rho=0.95, mu=0.9, eps=1e-4):
    # Graves 2013 eq. 38-41
    out, n, gb, d = [], np.zeros(2), np.zeros(2), np.zeros(2)
    for g in G:
        n = rho * n + (1 - rho) * g * g
        gb = rho * gb + (1 - rho) * g
        d = mu * d - eta * g / np.sqrt(n - gb * gb + eps)
        out.append(d)
    return out


def smorms3(eta=1e-3, eps=1e-16):
    # Funk 2015
    out, mem, g1, g2 = [], np.ones(2), np.zeros(2), np.zeros(2)
    for g in G:
        r = 1 / (mem + 1)
        g1 = (1 - r) * g1 + r * g
        g2 = (1 - r) * g2 + r * g * g
        x = g1 * g1 / (g2 + eps)
        out.append(-g * np.minimum(eta, x) / (np.sqrt(g2) + eps))
        mem = 1 + mem * (1 - x)
    return out


def adamax(eta=2e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    out, m, u = [], np.zeros(2), np.zeros(2)
    for t, g in enumerate(G, 1):
        m = beta1 * m + (1 - beta1) * g
        u = np.maximum(beta2 * u, np.abs(g) + eps)
        out.append(-eta / (1 - beta1**t) * m / u)
    return out


def nadam(eta=2e-3, beta1=0.9, beta2=0.999, eps=1e-8, psi=0.004):
    out, m, v, prod = [], np.zeros(2), np.zeros(2), 1.0
    for t, g in enumerate(G, 1):
        mu = beta1 * (1 - 0.5 * 0.96 ** (t * psi))
        mu1 = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
        prod *= mu
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        d = np.sqrt(v / (1 - beta2**t)) + eps
        out.append(-eta * (1 - mu) / (1 - prod) * g / d - eta * mu1 / (1 - prod * mu1) * m / d)
    return out


def eve(eta=1e-3, beta1=0.9, beta2=0.999, beta3=0.999, c=10.0, f_star=0.0, eps=1e-8, losses=LOSS):
    # Hayashi, Koushik & Neubig, arXiv 1611.01505, Algorithm 1
    out, m, v, dt, fprev = [], np.zeros(2), np.zeros(2), 1.0, None
    for t, (g, f) in enumerate(zip(G, losses), 1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        mh, vh = m / (1 - beta1**t), v / (1 - beta2**t)
        if t > 1:
            d = np.clip(abs(f - fprev) / (min(f, fprev) - f_star), 1 / c, c)
            dt = beta3 * dt + (1 - beta3) * d
        else:
            dt = 1.0
        fprev = f
        out.append(-eta / dt * mh / (np.sqrt(vh) + eps))
    return out


def adabound(eta=1e-3, beta1=0.9, beta2=0.999, final_eta=0.1, gamma=1e-3, eps=1e-8, ams=False):
    # adabound 0.0.5
    out, m, v, vmax = [], np.zeros(2), np.zeros(2), np.zeros(2)
    for t, g in enumerate(G, 1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        vmax = np.maximum(vmax, v)
        denom = np.sqrt(vmax if ams else v) + eps
        step = eta * math.sqrt(1 - beta2**t) / (1 - beta1**t)
        lo = final_eta * (1 - 1 / (gamma * t + 1))
        hi = final_eta * (1 + 1 / (gamma * t))
        out.append(-np.clip(step / denom, lo, hi) * m)
    return out


def adabelief(eta=1e-3, beta1=0.9, beta2=0.999, eps=1e-16):
    # adabelief-pytorch 0.2.1, rectify=False, no weight decay
    out, m, s = [], np.zeros(2), np.zeros(2)
    for t, g in enumerate(G, 1):
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * (g - m) ** 2
        s = s + eps
        out.append(-eta / (1 - beta1**t) * m / (np.sqrt(s) / math.sqrt(1 - beta2**t) + eps))
    return out


MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def normal(self):
        u1 = 1.0 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


_r = SplitMix64(1234567)
assert [_r.next() for _ in range(3)] == [6457827717110365317, 3203168211198807973, 9817491932198370423]


def santa(sss, eta, sigma=0.95, anne_rate=0.5, burnin=100.0, C=5.0, N=16.0, eps=1e-8, seed=0):
    # Chen et al. 2016: Algorithm 1 (Euler) / the appendix's SSS algorithm; element by element
    # in parameter order so the noise is drawn in the same order.
    rng = SplitMix64(seed)
    u = [math.sqrt(eta) * rng.normal() for _ in range(2)]
    alpha = [math.sqrt(eta) * C] * 2
    v = [0.0, 0.0]
    gprev = [None, None]
    out = []
    for t, g in enumerate(G, 1):
        h = eta / t**anne_rate
        d = [0.0, 0.0]
        for i in range(2):
            v[i] = sigma * v[i] + (1 - sigma) * g[i] ** 2 / N**2
            gt = 1 / math.sqrt(eps + math.sqrt(v[i]))
            gp = gt if t == 1 else gprev[i]
            if not sss:
                if t < burnin:
                    alpha[i] += u[i] ** 2 - h
                    un = h * (1 - gp / gt) / u[i] + math.sqrt(2 * h * gp) * rng.normal()
                else:
                    un = 0.0
                un += (1 - alpha[i]) * u[i] - eta * gt * g[i]
                d[i] = gt * un
            else:
                first_half = gt * u[i] / 2
                if t < burnin:
                    alpha[i] += (u[i] ** 2 - h) / 2
                    un = math.exp(-alpha[i] / 2) * u[i]
                    un = un - eta * gt * g[i]
                    un = un + math.sqrt(2 * h * gp) * rng.normal()
                    un = un + h * (1 - gp / gt) / u[i]
                    un = math.exp(-alpha[i] / 2) * un
                    alpha[i] += (un**2 - h) / 2
                else:
                    un = math.exp(-alpha[i] / 2) * (math.exp(-alpha[i] / 2) * u[i] - eta * gt * g[i])
                d[i] = first_half + gt * un / 2
            u[i] = un
            gprev[i] = gt
        out.append(np.array(d))
    return out


def sam(base, rho=0.05, a=2.0, c=0.5, p0=(1.0, -2.0)):
    # Foret et al. 2021: eps = rho g/||g||_2, g' = grad L(p + eps); base(g') with the loss there.
    # `base(g, loss)` is a closure stepping a base optimizer once.
    p = np.array(p0)
    out = []
    for _ in range(3):
        g = np.array([a * p[0], c * p[1]])
        e = rho * g / np.linalg.norm(g)
        q = p + e
        g2 = np.array([a * q[0], c * q[1]])
        f2 = 0.5 * (a * q[0] ** 2 + c * q[1] ** 2)
        d = base(g2, f2)
        out.append(d)
        p = p + d
    return out


def sgd_stepper(eta):
    return lambda g, f: -eta * g


def adam_stepper(eta, beta1=0.9, beta2=0.999, eps=1e-8):
    st = {"t": 0, "m": np.zeros(2), "v": np.zeros(2)}

    def step(g, f):
        st["t"] += 1
        t = st["t"]
        st["m"] = beta1 * st["m"] + (1 - beta1) * g
        st["v"] = beta2 * st["v"] + (1 - beta2) * g * g
        return -eta / (1 - beta1**t) * st["m"] / (np.sqrt(st["v"]) / np.sqrt(1 - beta2**t) + eps)

    return step


def rmsprop_stepper(eta, rho, eps=1e-8):
    st = {"v": np.zeros(2)}

    def step(g, f):
        st["v"] = rho * st["v"] + (1 - rho) * g * g
        return -eta * g / (np.sqrt(st["v"]) + eps)

    return step


def eve_stepper(eta, beta1=0.9, beta2=0.999, beta3=0.999, c=10.0, f_star=0.0, eps=1e-8):
    st = {"t": 0, "m": np.zeros(2), "v": np.zeros(2), "d": 1.0, "f": None}

    def step(g, f):
        st["t"] += 1
        t = st["t"]
        st["m"] = beta1 * st["m"] + (1 - beta1) * g
        st["v"] = beta2 * st["v"] + (1 - beta2) * g * g
        if t > 1:
            d = np.clip(abs(f - st["f"]) / (min(f, st["f"]) - f_star), 1 / c, c)
            st["d"] = beta3 * st["d"] + (1 - beta3) * d
        st["f"] = f
        mh, vh = st["m"] / (1 - beta1**t), st["v"] / (1 - beta2**t)
        return -eta / st["d"] * mh / (np.sqrt(vh) + eps)

    return step


# (label, build name, params as (key, value) with names for SAM's base, moves[, losses])
CASES = [
    ("sgd", "sgd", [], sgd()),
    ("msgd", "msgd", [], msgd()),
    ("nag", "nag", [], msgd(nesterov=True)),
    ("adagrad", "adagrad", [], adagrad()),
    ("rmsprop", "rmsprop", [], rmsprop()),
    ("adadelta", "adadelta", [], adadelta()),
    ("adam", "adam", [], adam()),
    ("rmspropgraves", "rmspropgraves", [], graves()),
    ("smorms3", "smorms3", [], smorms3()),
    ("smorms3 eta 0.6 (zeta < eta)", "smorms3", [("eta", 0.6)], smorms3(eta=0.6)),
    ("adamax", "adamax", [], adamax()),
    ("nadam", "nadam", [], nadam()),
    ("eve", "eve", [], eve()),
    ("eve rising loss, c 2, f* -0.05", "eve", [("c", 2.0), ("f_star", -0.05)],
     eve(c=2.0, f_star=-0.05, losses=[0.1, 0.3, 0.2]), [0.1, 0.3, 0.2]),
    ("santae burnin 3 seed 42", "santae", [("burnin", 3.0), ("seed", 42.0)], santa(False, 1e-2, burnin=3.0, seed=42)),
    ("santasss burnin 3 seed 42", "santasss", [("burnin", 3.0), ("seed", 42.0)], santa(True, 0.1, burnin=3.0, seed=42)),
    ("santae defaults", "santae", [], santa(False, 1e-2)),
    ("santasss defaults", "santasss", [], santa(True, 0.1)),
    ("amsgrad", "amsgrad", [], adam(amsgrad=True)),
    ("amsgrad beta2 0.5 (vmax > v)", "amsgrad", [("beta2", 0.5)], adam(beta2=0.5, amsgrad=True)),
    ("adam beta2 0.5", "adam", [("beta2", 0.5)], adam(beta2=0.5)),
    ("adabound", "adabound", [], adabound()),
    ("adabound lower bound", "adabound", [("gamma", 0.5)], adabound(gamma=0.5)),
    ("amsbound upper bound", "amsbound", [("final_eta", 0.01), ("gamma", 0.5), ("beta2", 0.5)],
     adabound(final_eta=0.01, gamma=0.5, beta2=0.5, ams=True)),
    ("amsbound", "amsbound", [("beta2", 0.5)], adabound(beta2=0.5, ams=True)),
    ("adabelief", "adabelief", [], adabelief()),
    ("sam sgd", "sam", [("eta", 0.1)], sam(sgd_stepper(0.1))),
    ("sam adam rho 0.2", "sam", [("base", "adam"), ("rho", 0.2), ("eta", 0.1)], sam(adam_stepper(0.1), rho=0.2)),
    ("sam rmsprop base_rho 0.9", "sam", [("base", "rmsprop"), ("base_rho", 0.9), ("eta", 0.01)],
     sam(rmsprop_stepper(0.01, 0.9))),
    ("sam eve (loss at p + eps)", "sam", [("base", "eve"), ("eta", 0.1)], sam(eve_stepper(0.1))),
]


def lit(x):
    return repr(float(x))


def hyper(v):
    return f'Hyper::Name("{v}")' if isinstance(v, str) else f"Hyper::Num({lit(v)})"


print("// Generated by tests/reference/hand.py (numpy " + np.__version__ + "); do not edit by hand.")
print("const CASES: &[Case] = &[")
for case in CASES:
    label, name, params, moves = case[:4]
    losses = case[4] if len(case) > 4 else LOSS  # SAM: unused (the quadratic gives its losses)
    ps = ", ".join(f'("{k}", {hyper(v)})' for k, v in params)
    ls = ", ".join(lit(x) for x in losses)
    ms = ", ".join("[" + ", ".join(lit(x) for x in d) + "]" for d in moves)
    print(f'    Case {{ label: "{label}", name: "{name}", params: &[{ps}], losses: [{ls}], moves: [{ms}] }},')
print("];")
