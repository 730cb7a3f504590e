#!/usr/bin/python3
"""numpy/scipy reference for bench/mc.ts: the standard Monte Carlo model of
../shared/bench/mc-standard.md, vectorised the way mc-standard.md describes the reference (LHS,
inverse CDFs with PERT through scipy's inverse regularised incomplete beta, Iman-Conover on van der
Waerden scores with the Spearman-to-Pearson adjustment 2 sin(pi rho / 6), statistics with numpy).

Usage: python3 bench/mc_numpy.py SPEC.json TRIALS  -> one JSON line on stdout with wall-clock ms per
phase, CPU ms of the run, peak RSS (MB) and the largest rank-correlation error. Bench-only: numpy and
scipy come from Debian (python3-numpy, python3-scipy; scripts/system-deps.sh installs them when it
can); bench/mc.ts leaves the numpy column empty when they are missing.
"""
import json
import math
import resource
import sys
import time

import numpy as np
from scipy import special


def lhs(rng, n, k):
    """One draw in each of the n strata of every column, strata in random order per column."""
    u = (np.arange(n)[:, None] + rng.random((n, k))) / n
    for j in range(k):
        u[:, j] = u[rng.permutation(n), j]
    return u


def quantile(driver, u):
    d, p = driver["distribution"], driver["params"]
    if d == "normal":
        return p["mean"] + p["sd"] * special.ndtri(u)
    if d == "lognormal":
        s2 = math.log1p((p["sd"] / p["mean"]) ** 2)
        return np.exp(math.log(p["mean"]) - 0.5 * s2 + math.sqrt(s2) * special.ndtri(u))
    if d == "uniform":
        return p["min"] + u * (p["max"] - p["min"])
    if d == "triangular":
        a, c, b = p["min"], p["mode"], p["max"]
        split = (c - a) / (b - a)
        return np.where(u < split, a + np.sqrt(u * (b - a) * (c - a)), b - np.sqrt((1 - u) * (b - a) * (b - c)))
    if d == "pert":
        a, c, b = p["min"], p["mode"], p["max"]
        alpha = 1 + 4 * (c - a) / (b - a)
        beta = 1 + 4 * (b - c) / (b - a)
        return a + (b - a) * special.betaincinv(alpha, beta, u)
    if d == "discrete":
        values = np.asarray(p["values"], dtype=float)
        cum = np.cumsum(p["probabilities"])
        cum[-1] = 1.0
        return values[np.searchsorted(cum, u, side="left")]
    raise ValueError(d)


def ranks(x):
    r = np.empty_like(x, dtype=np.int64)
    order = np.argsort(x, axis=0, kind="stable")
    np.put_along_axis(r, order, np.arange(x.shape[0])[:, None], axis=0)
    return r


def iman_conover(rng, x, target):
    n, k = x.shape
    scores = special.ndtri(np.arange(1, n + 1) / (n + 1))
    s = np.column_stack([scores[rng.permutation(n)] for _ in range(k)])
    e = np.corrcoef(s, rowvar=False)
    pearson = 2 * np.sin(np.pi * np.asarray(target) / 6)
    np.fill_diagonal(pearson, 1)
    t = s @ np.linalg.inv(np.linalg.cholesky(e)).T @ np.linalg.cholesky(pearson).T
    return np.take_along_axis(np.sort(x, axis=0), ranks(t), axis=0)


def spearman_matrix(x):
    from scipy.stats import rankdata

    r = rankdata(x, axis=0)
    return np.corrcoef(r, rowvar=False)


def evaluate(v):
    revenue = v["price"] * v["volume"] * v["fx"]
    cogs = v["unit_cost"] * v["volume"] * (1 + v["inflation"])
    opex = v["marketing"] + v["headcount_cost"] * (1 + v["inflation"])
    ebit = revenue - cogs - opex
    tax = np.maximum(ebit, 0) * v["tax_rate"]
    receivables = revenue * v["dso"] / 365
    cash = ebit - tax - v["capex"] - (receivables - 0.12 * revenue)
    return {"revenue": revenue, "cogs": cogs, "opex": opex, "ebit": ebit, "tax": tax,
            "receivables": receivables, "cash": cash}


def statistics(y):
    p5, p50, p95 = np.percentile(y, [5, 50, 95])
    mean = y.mean()
    return {"mean": mean, "sd": y.std(ddof=1), "min": y.min(), "max": y.max(), "p5": p5, "p50": p50,
            "p95": p95, "var95": mean - p5, "cvar95": mean - y[y <= p5].mean()}


def run(spec, n, seed):
    rng = np.random.default_rng(seed)
    drivers = spec["drivers"]
    names = [d["name"] for d in drivers]
    t0, c0 = time.perf_counter(), time.process_time()
    u = lhs(rng, n, len(drivers))
    x = np.column_stack([quantile(d, u[:, j]) for j, d in enumerate(drivers)])
    t1 = time.perf_counter()
    order = [names.index(m) for m in spec["correlation"]["names"]]
    x[:, order] = iman_conover(rng, x[:, order], spec["correlation"]["matrix"])
    t2 = time.perf_counter()
    outputs = evaluate({name: x[:, j] for j, name in enumerate(names)})
    t3 = time.perf_counter()
    stats = {name: statistics(y) for name, y in outputs.items()}
    t4, c4 = time.perf_counter(), time.process_time()
    achieved = spearman_matrix(x[:, order])
    error = float(np.max(np.abs(achieved - np.asarray(spec["correlation"]["matrix"]))))
    return {"trials": n, "sampleMs": 1000 * (t1 - t0), "correlateMs": 1000 * (t2 - t1),
            "evaluateMs": 1000 * (t3 - t2), "statsMs": 1000 * (t4 - t3), "totalMs": 1000 * (t4 - t0),
            "cpuMs": 1000 * (c4 - c0), "maxCorrError": error,
            "ebit": {k: float(v) for k, v in stats["ebit"].items()},
            "cash": {k: float(v) for k, v in stats["cash"].items()}}


def main():
    spec = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    run(spec, 2000, 1)  # warm-up, as the TypeScript side does
    best = None
    for rep in range(1 if n >= 1_000_000 else 3):
        m = run(spec, n, 42 + rep)
        if best is None or m["totalMs"] < best["totalMs"]:
            best = m
    best["peakRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(best))


if __name__ == "__main__":
    main()
