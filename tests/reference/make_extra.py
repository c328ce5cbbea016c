"""More reference values from the article's own numpy code, on points and runs that
tests/reference/seed.json does not hold (other x0, y*, starts and learning rates).

Run: python3 tests/reference/make_extra.py > tests/reference/extra.json
The formulas are the article's (show_loss_space.py, optimizers.py SGD) and its back propagation
for a sigmoid neuron with the square error.
"""
import json
import numpy as np

sigma = lambda x: 1 / (1 + np.exp(-x))


def loss(x0, y_star, w, b):
    return 0.5 * (sigma(x0 * w + b) - y_star) ** 2


def grad(x0, y_star, w, b):
    y = sigma(x0 * w + b)
    delta = (y - y_star) * y * (1 - y)
    return delta * x0, delta


class SGD:
    def __init__(self, eta=1e-2):
        self.eta = eta

    def update(self, grad_w, grad_b):
        return -self.eta * grad_w, -self.eta * grad_b


rng = np.random.default_rng(20261129)
points = []
for _ in range(200):
    x0, y_star = float(rng.uniform(-3, 3)), float(rng.uniform(0.05, 0.95))
    w, b = float(rng.uniform(-4, 4)), float(rng.uniform(-4, 4))
    gw, gb = grad(np.float64(x0), y_star, np.float64(w), np.float64(b))
    points.append({"x0": x0, "y_star": y_star, "w": w, "b": b,
                   "y": float(sigma(np.float64(x0) * w + b)), "loss": float(loss(np.float64(x0), y_star, np.float64(w), np.float64(b))),
                   "grad_w": float(gw), "grad_b": float(gb)})

runs = []
for (x0, y_star, w0, b0, eta, steps) in [(1, 0.5, 1.3, -0.4, 0.5, 100), (1, 0.5, -0.7, 1.9, 3.0, 60),
                                          (1.5, 0.2, 0.8, 0.8, 1.0, 80), (-1, 0.9, 1.0, -1.0, 2.0, 50)]:
    opt = SGD(eta)
    w, b = np.float64(w0), np.float64(b0)
    traj = [[float(w), float(b)]]
    for _ in range(steps):
        gw, gb = grad(np.float64(x0), y_star, w, b)
        dw, db = opt.update(gw, gb)
        w += dw
        b += db
        traj.append([float(w), float(b)])
    runs.append({"x0": x0, "y_star": y_star, "w0": w0, "b0": b0, "eta": eta, "steps": steps, "trajectory_w_b": traj})

parabola = []
for (x0, eta, steps) in [(1.0, 0.3, 25), (-2.0, 0.05, 40), (0.7, 0.75, 30), (1.0, 1.02, 30), (2.2, -0.1, 10)]:
    xs = [x0]
    x = np.float64(x0)
    for _ in range(steps):
        x = x - eta * 2 * x
        xs.append(float(x))
    parabola.append({"x0": x0, "eta": eta, "steps": steps, "xs": xs})

print(json.dumps({"source": "make_extra.py: the article's numpy formulas", "points": points,
                  "sgd_runs": runs, "parabola_runs": parabola}))
