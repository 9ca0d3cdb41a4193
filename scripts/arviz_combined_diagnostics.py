#!/usr/bin/env python3
"""ArviZ's convergence diagnostics of several chain files combined, each file's walkers as chains,
for darkz's interoperability test (Tests/DarkzCLITests/ArvizInteropTests.swift) and for checking
`darkz diagnose a.h5 b.h5 ...` by hand.

    python3 scripts/arviz_combined_diagnostics.py --draws K FILE:FIRST [FILE:FIRST ...]
        Reads every FILE with emcee's HDFBackend (read_only), keeps steps FIRST .. FIRST+K-1 of
        get_chain() (the "first_kept_step" and "kept_steps" that `darkz diagnose --json` reports),
        concatenates the files' walkers along ArviZ's chain axis (file order) and prints, as JSON,
        the ArviZ version and per parameter (var_0, var_1, ...): rank-normalised split R-hat
        (arviz.rhat), bulk and tail ESS (arviz.ess, method "bulk" and "tail") and the MCSE of the
        mean (arviz.mcse), every float as float.hex() so the comparison is bit for bit if it can be.
"""
import argparse
import json
import sys

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--draws", type=int, required=True)
    parser.add_argument("files", nargs="+", help="FILE:FIRST")
    args = parser.parse_args()

    import arviz
    import emcee

    blocks = []
    for item in args.files:
        path, first = item.rsplit(":", 1)
        first = int(first)
        chain = emcee.backends.HDFBackend(path, read_only=True).get_chain()  # (steps, walkers, dim)
        kept = chain[first:first + args.draws]
        if kept.shape[0] != args.draws:
            sys.exit(f"{path} has {chain.shape[0]} steps, fewer than {first} + {args.draws}")
        blocks.append(np.transpose(kept, (1, 0, 2)))  # (walkers, draws, dim): walkers as chains
    draws = np.concatenate(blocks, axis=0)
    data = arviz.convert_to_dataset({f"var_{k}": draws[:, :, k] for k in range(draws.shape[2])})

    def values(dataset):
        return [float(dataset[f"var_{k}"].values).hex() for k in range(draws.shape[2])]

    json.dump({
        "arviz_version": arviz.__version__,
        "chains": int(draws.shape[0]),
        "draws": int(draws.shape[1]),
        "rhat": values(arviz.rhat(data)),
        "ess_bulk": values(arviz.ess(data, method="bulk")),
        "ess_tail": values(arviz.ess(data, method="tail")),
        "mcse_mean": values(arviz.mcse(data, method="mean")),
    }, sys.stdout)


if __name__ == "__main__":
    main()
