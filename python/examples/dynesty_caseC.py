"""Nested sampling of darkz's case C (priors/caseC.toml: binned muon data, log10(mZD) and gMu free)
with dynesty, and its evidence beside `darkz evidence`'s (docs/validation.md).

    python3 python/examples/dynesty_caseC.py                 # about a minute
    python3 python/examples/dynesty_caseC.py --nlive 50 --maxiter 200   # a smoke run
"""
import argparse

import dynesty
import numpy as np

import darkz

parser = argparse.ArgumentParser()
parser.add_argument("--nlive", type=int, default=500)
parser.add_argument("--maxiter", type=int, default=None)
parser.add_argument("--dlogz", type=float, default=0.01)
parser.add_argument("--seed", type=int, default=2023)
args = parser.parse_args()

lik = darkz.Likelihood(case="C")
sampler = dynesty.NestedSampler(lik.log_likelihood, lik.prior_transform, lik.ndim, nlive=args.nlive,
                                bound="multi", sample="rwalk", rstate=np.random.default_rng(args.seed))
sampler.run_nested(dlogz=args.dlogz, maxiter=args.maxiter, print_progress=False)
results = sampler.results
weights = results.importance_weights()
mean = np.average(results.samples, weights=weights, axis=0)
print(f"darkz {darkz.__version__}, dynesty {dynesty.__version__}: nlive {args.nlive}, "
      f"{results.niter} iterations, {int(np.sum(results.ncall))} likelihood calls")
print(f"ln Z = {results.logz[-1]:.3f} +- {results.logzerr[-1]:.3f}")
print("posterior mean: " + ", ".join(f"{n} = {m:.4f}" for n, m in zip(lik.parameter_names, mean)))
