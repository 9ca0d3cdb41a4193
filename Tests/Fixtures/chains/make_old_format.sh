#!/bin/sh
# Writes old-format-caseC.h5 with darkz as of commit 5dc2430 (before issue #14's lean chain files):
# a self-contained file, uncompressed rows, all 28 blobs (chi^2 parts and the 26 predictions), format 2.
# Run from the repository root of a checkout of that commit, built in release:
#   Tests/Fixtures/chains/make_old_format.sh
set -eu
DARKZ_DATA_DIR=data .build/release/darkz sample --priors Tests/Fixtures/chains/old-format-caseC.toml \
    --out Tests/Fixtures/chains/old-format-caseC.h5 --threads 1 --overwrite || [ $? -eq 3 ]
