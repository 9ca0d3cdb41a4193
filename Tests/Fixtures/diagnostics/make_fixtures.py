#!/usr/bin/env python3
"""Reference fixtures for the MCMC diagnostics in Sources/Ensemble/Diagnostics.

Produced with Python 3.11, numpy 2.4.6, scipy 1.17.1, emcee 3.1.6, arviz 0.23.4 (no numba).
Rerun from the repository root:

    pip install emcee==3.1.6 arviz==0.23.4
    python3 Tests/Fixtures/diagnostics/make_fixtures.py

It rewrites, next to this script, one CSV per run (<name>.csv or <name>_run<k>.csv: one row per
(step, walker) in step-major order, one column per parameter, i.e. emcee's get_chain() reshaped
to (nsteps*nwalkers, ndim)) and one <name>.json holding the run shapes and the reference numbers:

    emcee.tau        emcee.autocorr.integrated_time(x, c=5, tol=50, quiet=True)
    emcee.too_short  50 * tau > nsteps (the condition behind emcee's "shorter than 50 tau" warning)
    arviz.*          az.rhat(method="rank"), az.ess(method="bulk"/"tail", relative=False/True),
                     az.mcse(method="mean"), with walkers as chains

For a fixture with several runs the references are computed on the runs' walkers stacked as
chains (run 1's walkers first), as ChainArray.stackingWalkers does.
The chains are rounded to 7 significant digits before anything is computed, so the CSV files hold
exactly (repr) the numbers the references were computed from, and stay small. CI never runs this.
"""
import json
import logging
import os

import numpy as np
import emcee
import arviz as az

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 50
RNG = np.random.default_rng(20240611)


def ar1(nsteps, nwalkers, rho, rng=RNG):
    """Stationary AR(1) series with unit marginal variance, shape (nsteps, nwalkers)."""
    x = np.empty((nsteps, nwalkers))
    x[0] = rng.standard_normal(nwalkers)
    s = np.sqrt(1.0 - rho * rho)
    for t in range(1, nsteps):
        x[t] = rho * x[t - 1] + s * rng.standard_normal(nwalkers)
    return x


def round7(x):
    return np.vectorize(lambda v: float(f"{v:.7g}"))(x)


class _Flag(logging.Handler):
    def __init__(self):
        super().__init__()
        self.warned = False

    def emit(self, record):
        self.warned = True


def references(x):
    """x: array (nsteps, nwalkers, ndim) exactly as emcee's get_chain()."""
    flag = _Flag()
    logging.getLogger("emcee.autocorr").addHandler(flag)
    tau = emcee.autocorr.integrated_time(x, c=5, tol=TOL, quiet=True)
    logging.getLogger("emcee.autocorr").removeHandler(flag)
    too_short = [bool(TOL * t > x.shape[0]) for t in tau]
    assert flag.warned == any(too_short)

    ds = az.convert_to_dataset(np.transpose(x, (1, 0, 2)))  # (chain, draw, dim), variable "x"

    def per_dim(result):
        return [float(v) for v in np.atleast_1d(result["x"].values)]

    return {
        "emcee": {"tau": [float(t) for t in tau], "too_short": too_short},
        "arviz": {
            "rhat": per_dim(az.rhat(ds, method="rank")),
            "ess_bulk": per_dim(az.ess(ds, method="bulk")),
            "ess_tail": per_dim(az.ess(ds, method="tail")),
            "ess_bulk_relative": per_dim(az.ess(ds, method="bulk", relative=True)),
            "ess_tail_relative": per_dim(az.ess(ds, method="tail", relative=True)),
            "mcse_mean": per_dim(az.mcse(ds, method="mean")),
        },
    }


def write(name, description, runs):
    runs = [round7(r) for r in runs]
    files = []
    for k, run in enumerate(runs):
        fname = f"{name}.csv" if len(runs) == 1 else f"{name}_run{k + 1}.csv"
        ns, nw, nd = run.shape
        with open(os.path.join(HERE, fname), "w") as f:
            for row in run.reshape(ns * nw, nd):
                f.write(",".join(repr(float(v)) for v in row) + "\n")
        files.append({"file": fname, "n_steps": ns, "n_walkers": nw, "n_dim": nd})
    stacked = np.concatenate(runs, axis=1)
    doc = {"name": name, "description": description, "runs": files}
    doc.update(references(stacked))
    with open(os.path.join(HERE, f"{name}.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def main():
    # (a) AR(1), rho = 0.9, three parameters with their own mean and scale.
    means, scales = np.array([1.0, -3.0, 250.0]), np.array([0.5, 2.0, 40.0])
    a = np.stack([ar1(2000, 8, 0.9) for _ in range(3)], axis=2) * scales + means
    write("ar1_rho09", "AR(1) rho=0.9, 2000 steps x 8 walkers x 3 dims, per-dim mean/scale", [a])

    # (b) Short chain: parameter 0 has tau ~ 100 > 300/50, parameter 1 tau ~ 3.
    b = np.stack([ar1(300, 4, 0.98), ar1(300, 4, 0.5)], axis=2)
    write("short_chain", "300 steps x 4 walkers: dim 0 shorter than 50 tau, dim 1 not", [b])

    # (c) Odd number of draws: ArviZ's split drops the middle draw of every chain.
    c = np.stack([ar1(1001, 4, 0.7), 3.0 + 0.1 * ar1(1001, 4, 0.3)], axis=2)
    write("odd_draws", "1001 steps x 4 walkers x 2 dims, odd draw count", [c])

    # (d) Heavy tail, skew and ties: dim 0 is a stochastic-volatility series (slowly varying scale,
    # so the tails mix slower than the bulk), dim 1 log-normal, dim 2 rounded to 0.1 (many ties).
    vol = np.exp(1.2 * ar1(1000, 6, 0.98))
    d0 = vol * RNG.standard_normal((1000, 6))
    d1 = np.exp(1.5 * ar1(1000, 6, 0.8))
    d2 = np.round(ar1(1000, 6, 0.6), 1)
    write("heavy_tail", "1000 x 6 x 3: stochastic volatility, log-normal, ties", [np.stack([d0, d1, d2], axis=2)])

    # (e) Two independent runs; run 2 sits 0.3 sd off in dim 0, so across-run R-hat shows it.
    r1 = np.stack([ar1(500, 4, 0.8), 2.0 * ar1(500, 4, 0.5)], axis=2)
    r2 = np.stack([ar1(500, 4, 0.8) + 0.3, 2.0 * ar1(500, 4, 0.5)], axis=2)
    write("two_runs", "two runs of 500 steps x 4 walkers x 2 dims, run 2 offset in dim 0", [r1, r2])


if __name__ == "__main__":
    main()
