#!/usr/bin/env python3
"""Proposals per second of emcee's EnsembleSampler for the target `darkz bench` uses for the
sampler overhead: a 3-D standard Gaussian, 32 walkers, the stretch move, one process.
Prints one number. Used by `darkz bench --compare-emcee` so that darkz's rate and emcee's are
measured in the same run on the same machine (pip install emcee)."""
import sys
import time

import numpy as np

try:
    import emcee
except ImportError:
    print("nan")
    sys.exit(0)


def log_prob(x):
    return -0.5 * float(np.dot(x, x))


walkers, dim, steps = 32, 3, int(sys.argv[1]) if len(sys.argv) > 1 else 2000
rng = np.random.default_rng(2013)
sampler = emcee.EnsembleSampler(walkers, dim, log_prob)
start = rng.normal(size=(walkers, dim))
sampler.run_mcmc(start, 100)  # warm-up
t0 = time.perf_counter()
sampler.run_mcmc(None, steps)
elapsed = time.perf_counter() - t0
print(walkers * steps / elapsed)
