#!/usr/bin/env python3
"""The BG/NBD maximum-likelihood fit with scipy, as the peer of CRMKit's BgNbdModel.fit.

Usage: python3 bgnbd_scipy.py DATA.csv REPEATS [VARIANTS [START_R START_ALPHA START_A START_B]]

VARIANTS is "rows,grouped" (default), "grouped" or "rows".

DATA.csv has a header and columns x,t_x,T (the Java harness ClvScipyComparison writes it). The
objective is the same as CRMKit's: minus the BG/NBD log-likelihood per customer over
log-parameters, with its analytic gradient (numpy, vectorised), minimised by
scipy.optimize.minimize(method="BFGS", jac=True, gtol=1e-9) from the same first starting point.
Two variants are timed, each the median of REPEATS runs of the minimisation alone (loading the
file is not timed), in wall-clock and in process CPU time:
  * "rows": one term per customer, as the lifetimes package does;
  * "grouped": customers grouped by identical (x, t_x, T) with np.unique (grouping time included),
    the same reduction CRMKit makes.
Prints one JSON object on stdout.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import digamma, gammaln


def objective(theta, x, tx, T, w, total):
    r, alpha, a, b = np.exp(theta)
    repeat = x > 0
    log_at = np.log(alpha + T)
    log_atx = np.log(alpha + tx)
    a3 = -(r + x) * log_at
    bx = np.where(repeat, b + x - 1, 1.0)
    a4 = np.where(repeat, np.log(a) - np.log(bx) - (r + x) * log_atx, -np.inf)
    hi = np.maximum(a3, a4)
    e3 = np.exp(a3 - hi)
    e4 = np.exp(a4 - hi)
    s = e3 + e4
    ll = (gammaln(r + x) - gammaln(r) + r * np.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b)
          - gammaln(a + b + x) + hi + np.log(s))
    w3 = w * e3 / s
    w4 = w * e4 / s
    psi_abx = digamma(a + b + x)
    dr = np.sum(w * (digamma(r + x) - digamma(r) + np.log(alpha))) - np.sum(w3 * log_at + w4 * log_atx)
    dalpha = np.sum(w * r / alpha) - np.sum((r + x) * (w3 / (alpha + T) + w4 / (alpha + tx)))
    da = np.sum(w * (digamma(a + b) - psi_abx)) + np.sum(w4 / a)
    db = np.sum(w * (digamma(a + b) + digamma(b + x) - digamma(b) - psi_abx)) - np.sum(w4 / bx)
    grad = -np.array([dr * r, dalpha * alpha, da * a, db * b]) / total
    return -np.sum(w * ll) / total, grad


def fit(x, tx, T, w, start):
    total = np.sum(w)
    res = minimize(objective, np.log(start), args=(x, tx, T, w, total), jac=True, method="BFGS",
                   options={"gtol": 1e-9, "maxiter": 1000})
    return res, total


def timed(fn, repeats):
    """Median and best wall time, and median process CPU time (the machine may be shared)."""
    times = []
    cpu = []
    out = None
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    times.sort()
    cpu.sort()
    return times[len(times) // 2], times[0], cpu[len(cpu) // 2], out


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2])
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    x, tx, T = data[:, 0], data[:, 1], data[:, 2]
    variants = sys.argv[3].split(",") if len(sys.argv) >= 4 else ["rows", "grouped"]
    start = [float(v) for v in sys.argv[4:8]] if len(sys.argv) >= 8 else [0.5, 0.2 * float(np.mean(T)), 1.0, 3.0]

    def rows():
        return fit(x, tx, T, np.ones_like(x), start)

    def grouped():
        keys, counts = np.unique(np.stack([x, tx, T], axis=1), axis=0, return_counts=True)
        return fit(keys[:, 0], keys[:, 1], keys[:, 2], counts.astype(float), start)

    report = {"customers": int(len(x)), "scipy": __import__("scipy").__version__, "numpy": np.__version__}
    for name, fn in (("rows", rows), ("grouped", grouped)):
        if name not in variants:
            continue
        median, best, cpu, (res, total) = timed(fn, repeats)
        report[name] = {"median_ms": median * 1e3, "best_ms": best * 1e3, "cpu_median_ms": cpu * 1e3,
                        "success": bool(res.success),
                        "message": str(res.message), "iterations": int(res.nit), "evaluations": int(res.nfev),
                        "log_likelihood": float(-res.fun * total), "params": [float(v) for v in np.exp(res.x)]}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
