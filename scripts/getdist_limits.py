#!/usr/bin/env python3
"""What getdist makes of a darkz getdist export (darkz corner FILE), for darkz's interoperability
test (Tests/DarkzCLITests/GetdistInteropTests.swift) and for checking an export by hand.

    python3 scripts/getdist_limits.py ROOT
        Loads ROOT_1.txt, ROOT_2.txt, ... with getdist.loadMCSamples (no cache) and prints, as
        JSON: the getdist version, the number of chains, rows and the total weight, getdist's
        own R-1 across the chains (getGelmanRubin), and per parameter its name, label, the
        ranges getdist read and, per contour level, the marginalised limit
        [lower, upper] with getdist's tag: "two" (two-tail), ">" (one-tail upper limit: the
        density is high at the lower bound), "<" (one-tail lower limit) or "none".
"""
import contextlib
import json
import sys

import getdist
from getdist import loadMCSamples


def main():
    root = sys.argv[1]
    with contextlib.redirect_stdout(sys.stderr):  # getdist's progress lines stay out of the JSON
        samples = loadMCSamples(root, no_cache=True)
        stats = samples.getMargeStats()
        r_minus_one = samples.getGelmanRubin()
    parameters = []
    for info in samples.paramNames.names:
        marge = stats.parWithName(info.name)
        parameters.append({
            "name": info.name,
            "label": info.label,
            "range": [samples.ranges.getLower(info.name), samples.ranges.getUpper(info.name)],
            "limits": {
                str(float(level)): {"interval": [float(limit.lower), float(limit.upper)], "tag": limit.limitTag()}
                for level, limit in zip(samples.contours, marge.limits)
            },
        })
    print(json.dumps({
        "getdist_version": getdist.__version__,
        "chains": len(samples.chain_offsets) - 1,
        "rows": int(samples.numrows),
        "total_weight": float(samples.norm),
        "r_minus_one": float(r_minus_one),
        "parameters": parameters,
    }))


if __name__ == "__main__":
    main()
