"""emcee's ensemble sampler on darkz's case C, with darkz's likelihood (a short run; `darkz sample`
does the same natively, with tempering, diagnostics and chain files).

    python3 python/examples/emcee_caseC.py --steps 2000
"""
import argparse

import emcee
import numpy as np

import darkz

parser = argparse.ArgumentParser()
parser.add_argument("--walkers", type=int, default=16)
parser.add_argument("--steps", type=int, default=2000)
parser.add_argument("--seed", type=int, default=2023)
args = parser.parse_args()

lik = darkz.Likelihood(case="C")
rng = np.random.default_rng(args.seed)
# Start near the paper's best fit (30.2 MeV, gMu = -0.033 in darkz's signs).
start = np.array([np.log10(0.0302), -0.033]) + 1e-3 * rng.standard_normal((args.walkers, lik.ndim))
sampler = emcee.EnsembleSampler(args.walkers, lik.ndim, lik.log_posterior, vectorize=True)
sampler.run_mcmc(start, args.steps, progress=False)
tau = sampler.get_autocorr_time(quiet=True)
samples = sampler.get_chain(discard=int(2 * np.max(tau)), flat=True)
print(f"acceptance {np.mean(sampler.acceptance_fraction):.3f}, tau " + ", ".join(f"{t:.1f}" for t in tau))
for name, column in zip(lik.parameter_names, samples.T):
    lo, mid, hi = np.percentile(column, [2.5, 50, 97.5])
    print(f"{name}: median {mid:.4f}, 95% [{lo:.4f}, {hi:.4f}]")
