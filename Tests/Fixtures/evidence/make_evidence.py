#!/usr/bin/env python3
"""Reference evidences (ln Z) for the nested-sampling tests: exact values and dynesty runs.

Rerun from the repository root (about 70 s on 2 cores; CI never runs this):

    pip install dynesty==3.1.0 numpy scipy
    python3 Tests/Fixtures/evidence/make_evidence.py

It rewrites evidence.json next to this script. Every target has a prior that is uniform on a box
[lower, upper]^d, so

    Z = (1/V) * integral over the box of L(x) dx,   V = (upper - lower)^d,

with L the likelihood written below (L is not normalised as a density in x unless said so).
For each target the file holds the exact ln Z (closed form or 1-D quadrature, with the prior-box
truncation included) and dynesty's ln Z and its error estimate (results.logz[-1],
results.logzerr[-1]) from a static NestedSampler run for each of SEEDS, with
rstate = numpy.random.default_rng(seed). A dynesty run is deterministic for a given seed and
given versions of dynesty/numpy/scipy, whatever --jobs is (each run is its own process).

    --jobs N   run N dynesty runs at once (default: number of CPUs)
    --quick    nlive=200, one seed, write nothing (a smoke test of the script)
"""
import argparse
import json
import math
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import scipy
from scipy import integrate, special

import dynesty

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "evidence.json")

SEEDS = [1, 2, 3]
NLIVE = 1000
BOUND = "multi"
SAMPLE = "rwalk"  # walks = ndim + 20, dynesty's default for rwalk
DLOGZ = 0.01      # stop when the live points could add less than 1% to Z (remainder then added)

LN2PI = math.log(2.0 * math.pi)


# --------------------------------------------------------------------------------------------
# Target definitions
# --------------------------------------------------------------------------------------------

def gaussian_box(d):
    return dict(
        name=f"gaussian_box_{d}d", dimension=d, kind="gaussian",
        log_likelihood="ln L(x) = -|x - centre|^2 / (2 sigma^2)  (unnormalised: L(centre) = 1)",
        prior_lower=[-10.0] * d, prior_upper=[10.0] * d,
        centre=[0.0] * d, sigma=1.0,
    )


def mixture(d):
    mu1 = [-10.0] + [0.0] * (d - 1)
    mu2 = [10.0] + [0.0] * (d - 1)
    return dict(
        name=f"mixture_{d}d", dimension=d, kind="mixture",
        log_likelihood=("L(x) = sum_k weights[k] * N(x; means[k], sigma^2 I), N the normalised "
                        "Gaussian density (2 pi sigma^2)^(-d/2) exp(-|x - mu|^2 / (2 sigma^2))"),
        prior_lower=[-20.0] * d, prior_upper=[20.0] * d,
        weights=[0.3, 0.7], means=[mu1, mu2], sigma=1.0,
    )


def shell(d):
    c1 = [-3.5] + [0.0] * (d - 1)
    c2 = [3.5] + [0.0] * (d - 1)
    return dict(
        name=f"shell_{d}d", dimension=d, kind="shell",
        log_likelihood=("L(x) = sum_k exp(-(|x - centres[k]| - radius)^2 / (2 width^2)) "
                        "/ sqrt(2 pi width^2)  (dynesty's / Feroz & Hobson's Gaussian shells)"),
        prior_lower=[-6.0] * d, prior_upper=[6.0] * d,
        centres=[c1, c2], radius=2.0, width=0.1,
    )


TARGETS = [gaussian_box(2), gaussian_box(5), mixture(2), mixture(5), shell(2), shell(5)]


# --------------------------------------------------------------------------------------------
# Log-likelihoods (module level so that worker processes can pickle them)
# --------------------------------------------------------------------------------------------

class LogL:
    def __init__(self, t):
        self.kind = t["kind"]
        self.d = t["dimension"]
        if self.kind == "gaussian":
            self.c = np.array(t["centre"])
            self.s2 = t["sigma"] ** 2
        elif self.kind == "mixture":
            self.mus = [np.array(m) for m in t["means"]]
            self.s2 = t["sigma"] ** 2
            self.logw = [math.log(w) for w in t["weights"]]
            self.norm = -0.5 * self.d * math.log(2.0 * math.pi * self.s2)
        elif self.kind == "shell":
            self.cs = [np.array(c) for c in t["centres"]]
            self.r = t["radius"]
            self.w2 = t["width"] ** 2
            self.norm = -0.5 * math.log(2.0 * math.pi * self.w2)

    def __call__(self, x):
        if self.kind == "gaussian":
            return -0.5 * np.sum((x - self.c) ** 2) / self.s2
        if self.kind == "mixture":
            terms = [lw + self.norm - 0.5 * np.sum((x - mu) ** 2) / self.s2
                     for lw, mu in zip(self.logw, self.mus)]
            return np.logaddexp.reduce(terms)
        terms = [self.norm - (np.sqrt(np.sum((x - c) ** 2)) - self.r) ** 2 / (2.0 * self.w2)
                 for c in self.cs]
        return np.logaddexp.reduce(terms)


class PriorTransform:
    def __init__(self, t):
        self.lo = np.array(t["prior_lower"])
        self.width = np.array(t["prior_upper"]) - self.lo

    def __call__(self, u):
        return self.lo + self.width * u


# --------------------------------------------------------------------------------------------
# Exact evidences
# --------------------------------------------------------------------------------------------

def log_box_volume(t):
    return float(np.sum(np.log(np.array(t["prior_upper"]) - np.array(t["prior_lower"]))))


def log_gauss_interval_mass(a, b):
    """ln(Phi(b) - Phi(a)) for a < 0 < b, accurate when the mass is ~1: ln(1 - lower - upper)."""
    lost = 0.5 * special.erfc(-a / math.sqrt(2.0)) + 0.5 * special.erfc(b / math.sqrt(2.0))
    return math.log1p(-lost)


def exact_gaussian(t):
    # Z = (1/V) prod_j integral_{lo_j}^{hi_j} exp(-(x_j - c_j)^2 / (2 s^2)) dx_j
    #   = (1/V) (2 pi s^2)^(d/2) prod_j [Phi((hi_j - c_j)/s) - Phi((lo_j - c_j)/s)].
    # Box truncation: each coordinate loses erfc(10/sqrt 2) = 1.5e-23 of its mass, so the
    # correction to ln Z is -d * 1.5e-23: negligible (below double precision of ln Z).
    s = t["sigma"]
    logz = 0.5 * t["dimension"] * math.log(2.0 * math.pi * s * s) - log_box_volume(t)
    trunc = sum(log_gauss_interval_mass((lo - c) / s, (hi - c) / s)
                for lo, hi, c in zip(t["prior_lower"], t["prior_upper"], t["centre"]))
    return logz + trunc, trunc


def exact_mixture(t):
    # Z = (1/V) sum_k w_k * (mass of N(mu_k, s^2 I) inside the box); sum_k w_k = 1.
    # The first coordinate of each component is 10 sd from the nearer box face (mu = -+10, face
    # at -+20) and 30 sd from the farther one; the other coordinates are 20 sd from both faces.
    # Mass lost per component: Phi(-10) + Phi(-30) + (d-1) * 2 Phi(-20) = 7.6e-24, so the
    # correction to ln Z is -7.6e-24: negligible.
    s = t["sigma"]
    lost = 0.0  # 1 - (mass in box), summed as small numbers so that it is not rounded away
    for w, mu in zip(t["weights"], t["means"]):
        lm = sum(log_gauss_interval_mass((lo - m) / s, (hi - m) / s)
                 for lo, hi, m in zip(t["prior_lower"], t["prior_upper"], mu))
        lost += w * -math.expm1(lm)
    trunc = math.log1p(-lost)  # ln(mass in box)
    return -log_box_volume(t) + trunc, trunc


def unit_sphere_area(n):
    """Surface area of the unit sphere S^(n-1) in R^n: 2 pi^(n/2) / Gamma(n/2)."""
    return 2.0 * math.pi ** (n / 2.0) / math.gamma(n / 2.0)


def exact_shell(t):
    # One shell, centre c, in all of R^d:  S_(d-1) * int_0^inf rho^(d-1) f(rho) d rho, with
    # f(rho) = exp(-(rho - r)^2 / (2 w^2)) / sqrt(2 pi w^2) and S_(d-1) the area of the unit
    # sphere in R^d (2 pi for d = 2, 8 pi^2 / 3 for d = 5). The integrand is restricted to
    # rho in [r - 40w, r + 40w] (the rest is < exp(-800) of it; rho = 0 is 20 w away).
    # Closed-form check: int_R rho^(d-1) N(rho; r, w^2) = the (d-1)-th raw Gaussian moment
    # (r for d = 2; r^4 + 6 r^2 w^2 + 3 w^4 for d = 5).
    #
    # Box truncation: shell k's centre is at x_1 = -+3.5, so the nearer face x_1 = -+6 is
    # a = 2.5 = r + 5w from the centre; every other face is >= 6 = r + 40w away (contributes
    # < exp(-800), i.e. nothing). The part of shell k beyond the near face is
    #     int_a^inf f(rho) * A_cap(rho) d rho,
    #     A_cap(rho) = S_(d-2) rho^(d-1) int_0^arccos(a/rho) sin^(d-2)(theta) d theta,
    # S_(d-2) the area of the unit sphere in R^(d-1) (2 for d = 2, 2 pi^2 for d = 5): the area
    # of the cap {|y| = rho, y_1 > a}. This is subtracted. It is ~1e-8 relative (5 sd tail times
    # a small cap); its effect on ln Z is recorded as log_z_box_truncation (negligible for any
    # test tolerance, but included). The shells do not overlap (their nearest points, x_1 = -1.5
    # and +1.5, are 30w apart), and as L is a sum of the two, overlap would need no care anyway.
    d = t["dimension"]
    r, w = t["radius"], t["width"]
    lo, hi = t["prior_lower"], t["prior_upper"]
    f = lambda rho: math.exp(-(rho - r) ** 2 / (2 * w * w)) / math.sqrt(2 * math.pi * w * w)

    a_lo, b_hi = max(0.0, r - 40 * w), r + 40 * w
    radial, _ = integrate.quad(lambda rho: rho ** (d - 1) * f(rho), a_lo, b_hi,
                               points=[r], epsabs=0, epsrel=1e-13, limit=200)
    moment = {2: r, 3: r * r + w * w, 5: r ** 4 + 6 * r * r * w * w + 3 * w ** 4}.get(d)
    if moment is not None:
        assert abs(radial / moment - 1) < 1e-12, (radial, moment)
    full = unit_sphere_area(d) * radial

    total_in_box = 0.0
    total_lost = 0.0
    for c in t["centres"]:
        c = np.array(c)
        # distances from the centre to each of the 2d faces
        gaps = sorted([ci - l for ci, l in zip(c, lo)] + [h - ci for ci, h in zip(c, hi)])
        a = gaps[0]
        assert a > r and gaps[1] >= r + 40 * w, gaps  # only one face is within reach
        assert np.all(c - r - 5 * w >= np.array(lo) - 1e-12) and np.all(c + r + 5 * w <= np.array(hi) + 1e-12)

        def cap(rho):
            alpha = math.acos(min(1.0, a / rho))
            ang, _ = integrate.quad(lambda th: math.sin(th) ** (d - 2), 0.0, alpha,
                                    epsabs=0, epsrel=1e-13)
            return unit_sphere_area(d - 1) * rho ** (d - 1) * ang

        lost, _ = integrate.quad(lambda rho: f(rho) * cap(rho), a, b_hi,
                                 epsabs=0, epsrel=1e-10, limit=200)
        total_in_box += full - lost
        total_lost += lost

    logz = math.log(total_in_box) - log_box_volume(t)
    trunc = math.log1p(-total_lost / (len(t["centres"]) * full))
    if d == 2:
        check = shell_2d_by_polar_quadrature(t)
        assert abs(check / total_in_box - 1) < 1e-9, (check, total_in_box)
    return logz, trunc


def shell_2d_by_polar_quadrature(t):
    """Independent check for d = 2: integral of L over the box in polar coordinates about each
    centre, rho up to the distance to the box boundary in direction theta."""
    r, w = t["radius"], t["width"]
    lo, hi = t["prior_lower"], t["prior_upper"]
    f = lambda rho: math.exp(-(rho - r) ** 2 / (2 * w * w)) / math.sqrt(2 * math.pi * w * w)
    total = 0.0
    for cx, cy in t["centres"]:
        def rho_max(th):
            ct, st = math.cos(th), math.sin(th)
            ds = []
            if ct > 0: ds.append((hi[0] - cx) / ct)
            if ct < 0: ds.append((lo[0] - cx) / ct)
            if st > 0: ds.append((hi[1] - cy) / st)
            if st < 0: ds.append((lo[1] - cy) / st)
            return min(ds)

        def inner(th):
            b = min(rho_max(th), r + 40 * w)
            v, _ = integrate.quad(lambda rho: rho * f(rho), max(0.0, r - 40 * w), b,
                                  points=[r] if b > r else None, epsabs=0, epsrel=1e-13,
                                  limit=200)
            return v

        # split theta at the corners and at the direction of the near face
        corners = sorted({math.atan2(y - cy, x - cx) % (2 * math.pi)
                          for x in (lo[0], hi[0]) for y in (lo[1], hi[1])} | {0.0, math.pi})
        edges = [0.0] + [c for c in corners if 0.0 < c < 2 * math.pi] + [2 * math.pi]
        for a0, a1 in zip(edges[:-1], edges[1:]):
            v, _ = integrate.quad(inner, a0, a1, epsabs=0, epsrel=1e-12, limit=400)
            total += v
    return total


EXACT = {"gaussian": exact_gaussian, "mixture": exact_mixture, "shell": exact_shell}


# --------------------------------------------------------------------------------------------
# dynesty
# --------------------------------------------------------------------------------------------

def run_dynesty(job):
    t, seed, nlive = job
    sampler = dynesty.NestedSampler(LogL(t), PriorTransform(t), t["dimension"], nlive=nlive,
                                    bound=BOUND, sample=SAMPLE,
                                    rstate=np.random.default_rng(seed))
    t0 = time.time()
    sampler.run_nested(dlogz=DLOGZ, print_progress=False)
    dt = time.time() - t0
    res = sampler.results
    return dict(seed=seed, log_z=float(res.logz[-1]), log_z_error=float(res.logzerr[-1]),
                niter=int(res.niter), ncall=int(np.sum(res.ncall))), dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    seeds, nlive = (SEEDS[:1], 200) if args.quick else (SEEDS, NLIVE)

    for t in TARGETS:
        t["log_z_exact"], t["log_z_box_truncation"] = EXACT[t["kind"]](t)
        print(f"{t['name']:16s} exact ln Z = {t['log_z_exact']:.12f}  "
              f"(box truncation {t['log_z_box_truncation']:.3e})", flush=True)

    jobs = [(t, s, nlive) for t in TARGETS for s in seeds]
    t_start = time.time()
    with ProcessPoolExecutor(max_workers=args.jobs) as ex:
        outs = list(ex.map(run_dynesty, jobs))
    wall = time.time() - t_start

    out_targets = []
    print(f"\n{'target':16s} {'seed':>4s} {'exact':>10s} {'dynesty':>10s} {'err':>7s} "
          f"{'diff/err':>8s} {'niter':>7s} {'ncall':>9s} {'sec':>6s}")
    for t in TARGETS:
        runs = []
        for (tj, s, _), (rec, dt) in zip(jobs, outs):
            if tj["name"] != t["name"]:
                continue
            runs.append(rec)
            z = (rec["log_z"] - t["log_z_exact"]) / rec["log_z_error"]
            print(f"{t['name']:16s} {s:4d} {t['log_z_exact']:10.5f} {rec['log_z']:10.5f} "
                  f"{rec['log_z_error']:7.4f} {z:8.2f} {rec['niter']:7d} {rec['ncall']:9d} "
                  f"{dt:6.1f}")
        out = {k: t[k] for k in t}
        out["dynesty"] = runs
        out_targets.append(out)
    print(f"\nwall time of the dynesty runs: {wall:.0f} s with {args.jobs} jobs")

    doc = {
        "generator": "Tests/Fixtures/evidence/make_evidence.py",
        "description": ("Prior uniform on the box [prior_lower, prior_upper]; "
                        "Z = (1/V) * integral of L over the box. log_z_exact includes the box "
                        "truncation, whose contribution to ln Z is log_z_box_truncation."),
        "dynesty_version": dynesty.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "sampler": "dynesty.NestedSampler (static)",
        "nlive": nlive,
        "bound": BOUND,
        "sample": SAMPLE,
        "walks": "ndim + 20 (dynesty default for rwalk)",
        "dlogz": DLOGZ,
        "rstate": "numpy.random.default_rng(seed)",
        "targets": out_targets,
    }
    if args.quick:
        print("--quick: nothing written")
        return
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT)}")


if __name__ == "__main__":
    sys.exit(main())
