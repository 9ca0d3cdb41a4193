#!/bin/sh
# Writes plain-emcee.h5 with emcee 3.1.6's own HDFBackend (no darkz extras: no parameter names, no
# priors, no sampler state): 8 walkers on a 2-D unit Gaussian, 600 steps, seed 7. emcee rewrites
# its random-state attributes at every step, which leaves 2.6 MB of free space in the file, so the
# "mcmc" group is then copied as it is (datasets, chunks, attributes) into a fresh file with h5py.
# The CLI tests run corner, diagnose and credible on it (Tests/DarkzCLITests/PlainEmceeFileTests.swift).
# Run from the repository root:
#   Tests/Fixtures/chains/make_plain_emcee.sh
set -eu
tmp=$(mktemp -d)
python3 scripts/emcee_chain_file.py write "$tmp/emcee.h5" --walkers 8 --ndim 2 --steps 600 --seed 7 > /dev/null
python3 -c "
import sys, h5py
with h5py.File(sys.argv[1], 'r') as src, h5py.File(sys.argv[2], 'w') as dst:
    src.copy('mcmc', dst)
" "$tmp/emcee.h5" Tests/Fixtures/chains/plain-emcee.h5
rm -r "$tmp"
