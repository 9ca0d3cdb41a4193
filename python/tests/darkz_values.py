"""What the Swift test Tests/DarkzCLITests/PythonPackageTests.swift compares with the command line:
prints one JSON object (floats as repr, which round-trips every double exactly).

    python3 darkz_values.py points ROOT X0,X1 [X0,X1 ...]   values at case-C points, from both
                                                            case="C" and priors=ROOT/priors/caseC.toml
    python3 darkz_values.py compare X0,X1 PREDICT CONSTRAINTS   exact comparison with the outputs of
                                                            darkz predict/constraints --json at the point
    python3 darkz_values.py transform                       prior_transform at 0.5 and the corners
    python3 darkz_values.py chain FILE PRIORS               a chain file's log_prob and blobs beside
                                                            log_posterior and chi2_parts at its samples
    python3 darkz_values.py dynesty                         a 200-iteration dynesty run on case C
"""
import json
import math
import os
import sys

import numpy as np

import darkz


def finite(v):
    return None if isinstance(v, float) and math.isnan(v) else v


def points(root, texts):
    by_case = darkz.Likelihood(case="C")
    by_file = darkz.Likelihood(priors=os.path.join(root, "priors", "caseC.toml"))
    x = np.array([[float(v) for v in t.split(",")] for t in texts])
    batch = by_case.log_likelihood(x)
    out = []
    for i, point in enumerate(x):
        single = list(point)
        constraints = by_case.constraints(single)
        physical = by_case.physical(single)
        out.append({
            "physical": physical,
            "mzd_text": repr(physical["mZD"]), "gmu_text": repr(physical["gMu"]),
            "chi2": by_case.chi2(single),
            "log_likelihood": by_case.log_likelihood(single),
            "log_likelihood_batch": float(batch[i]),
            "log_likelihood_file": by_file.log_likelihood(single),
            "log_prior": by_case.log_prior(single),
            "log_posterior": by_case.log_posterior(single),
            "predictions": list(by_case.predictions(single).values()),
            "constraints": {name: {k: finite(v) for k, v in fields.items()} for name, fields in constraints.items()},
        })
    return {"version": darkz.__version__, "module": darkz.__file__, "parameter_names": by_case.parameter_names,
            "bounds": by_case.bounds, "points": out}


def same(a, b):
    """Exactly equal doubles (Python's json reads each number correctly rounded); NaN, null and the
    string "nan" count as one value."""
    nan = lambda v: v is None or v == "nan" or (isinstance(v, float) and math.isnan(v))
    return (nan(a) and nan(b)) or (not nan(a) and not nan(b) and float(a) == float(b) and type(a) is not str)


def compare(text, predict_file, constraints_file):
    lik = darkz.Likelihood(case="C")
    x = [float(v) for v in text.split(",")]
    predict, constraints = json.load(open(predict_file)), json.load(open(constraints_file))
    mismatches, checked = [], 0

    def check(label, ours, cli):
        nonlocal checked
        checked += 1
        if not same(ours, cli):
            mismatches.append(f"{label}: python {ours!r}, darkz {cli!r}")

    # predict's chi^2 (ChiSquare) and the likelihood's (PosteriorLikelihood) compute r^2 / sigma^2 in
    # the same order: the difference in ulps is reported (the test expects 0).
    chi2 = lik.chi2(x)
    ulps = abs(chi2 - predict["chi2_muon"]) / math.ulp(chi2)
    check("log_likelihood = -chi2/2", lik.log_likelihood(x), -0.5 * chi2)
    for value, o in zip(lik.predictions(x).values(), predict["observables"]):
        check(f"prediction {o['name']}", value, o["prediction"])
    ours = lik.constraints(x)
    check("constraint count", len(ours), len(constraints["constraints"]))
    for c in constraints["constraints"]:
        for key in ("prediction", "bound", "chi2", "pull", "cl"):
            check(f"{c['name']}.{key}", ours.get(c["name"], {}).get(key), c[key])
        for key in ("applies", "excluded"):
            checked += 1
            if ours.get(c["name"], {}).get(key) != c[key]:
                mismatches.append(f"{c['name']}.{key}")
    return {"checked": checked, "mismatches": mismatches, "observables": len(predict["observables"]), "chi2_ulps": ulps}


def transform():
    lik = darkz.Likelihood(case="C")
    d = lik.ndim
    corners = [[float(b >> k & 1) for k in range(d)] for b in range(2 ** d)]
    mapped = lik.prior_transform(np.array([[0.5] * d] + corners))
    hexes = lambda row: [float(v).hex() for v in row]
    return {"bounds": [hexes(b) for b in lik.bounds], "half": [hexes(mapped[0])], "corners": corners,
            "mapped": [hexes(r) for r in mapped[1:]], "single": [hexes(lik.prior_transform([0.5] * d))],
            "log_prior": list(lik.log_prior(mapped))}


def chain(path, priors):
    lik = darkz.Likelihood(priors=priors)
    c = darkz.read_chain(path)
    x = c.chain.reshape(-1, lik.ndim)
    binned, constraints = lik.chi2_parts(x)
    return {"parameter_names": c.parameter_names, "names": lik.parameter_names, "blob_names": c.blob_names,
            "samples": len(x), "priors_matches": c.priors.startswith(lik.priors_text.splitlines()[0]),
            "log_prob_equal": int(np.sum(lik.log_posterior(x) == c.log_prob.reshape(-1))),
            "binned_equal": int(np.sum(binned == c.blobs[..., 0].reshape(-1))),
            "constraints_equal": int(np.sum(constraints == c.blobs[..., 1].reshape(-1)))}


def smoke():
    import dynesty
    lik = darkz.Likelihood(case="C")
    sampler = dynesty.NestedSampler(lik.log_likelihood, lik.prior_transform, lik.ndim, nlive=50,
                                    rstate=np.random.default_rng(1))
    sampler.run_nested(maxiter=200, print_progress=False)
    r = sampler.results
    low, high = np.array(lik.bounds).T
    return {"iterations": int(r.niter), "logz": float(r.logz[-1]),
            "inside": bool(np.all((r.samples >= low) & (r.samples <= high))),
            "max_log_likelihood": float(np.max(r.logl))}


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "points":
        result = points(sys.argv[2], sys.argv[3:])
    elif command == "compare":
        result = compare(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "transform":
        result = transform()
    elif command == "chain":
        result = chain(sys.argv[2], sys.argv[3])
    else:
        result = smoke()
    print(json.dumps(result, allow_nan=True))
