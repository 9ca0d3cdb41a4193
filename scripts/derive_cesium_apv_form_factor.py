#!/usr/bin/env python3
"""Derives f_Cs(M): the suppression of a light vector boson's contribution to the cesium weak charge,
the function f of the paper's eqs. 4.37-4.38 for 133Cs (arXiv:2210.15662, sec. 4.7), and writes
data/apv_cesium_form_factor.dat.

Why a calculation: the paper gives only f ~ 0.5 at M = 2.4 MeV and f ~ 1 at 100 MeV and defers to its
ref. [56] (Cadeddu et al., PRD 104 (2021) 011701, arXiv:2104.03280), which follows Davoudiasl, Lee,
Marciano (arXiv:1203.2947, 1205.2709) and the atomic factor K(M) of Bouchiat and Fayet
(PLB 608 (2005) 87, hep-ph/0410260). No table of K(M) was available to us, so we compute it from the
physics those papers describe:

  The weak interaction of an electron with the nucleus is a contact term, H_W ∝ Q_W rho_N(r) gamma_5.
  A Z_D of mass M replaces rho_N by the Yukawa-smeared density
      V_M(r) = ∫ d^3r' rho_N(r') M^2 exp(-M|r-r'|) / (4 pi |r-r'|)   (→ rho_N as M → ∞),
  and f(M) is the ratio of the s_1/2 - p_1/2 matrix elements,
      f(M) = ∫ dr w(r) V_M(r) / ∫ dr w(r) rho_N(r),   w = G_s F_p - F_s G_p,
  with G, F the large and small radial Dirac functions (times r) of the valence electron near the
  nucleus. There w ∝ r^(2 gamma - 2) r^2 outside the nucleus (gamma = sqrt(1 - (Z alpha)^2)), so a
  light Z_D, whose range 1/M reaches where w is small, is suppressed.

Model: 133Cs, Z = 55. Nuclear charge and weak-charge densities both uniform spheres of radius
R = sqrt(5/3) r_ch, r_ch = 4.8041 fm (Angeli, Marinova, ADNDT 99 (2013) 69). The electron functions
solve the radial Dirac equation at E = m_e (binding energy neglected) in the potential of that
sphere, unscreened by the other electrons. V_M is the closed form for a uniform sphere.

Result: f(2.4 MeV) = 0.50 and f(100 MeV) = 0.98, the two values the paper quotes; f = M^2/(M^2 + Q^2)
with Q = 2.4 MeV, the other reading of the paper's two numbers, would give 0.95 at 10 MeV where this
calculation gives 0.74. Sensitivities (printed by --checks): a weak-charge (neutron) radius 5 % larger
moves f by <= 0.4 %; the electron-screening cut-off matters only below ~2 MeV (the table starts at 1 MeV).

Run: python3 scripts/derive_cesium_apv_form_factor.py [--checks] > data/apv_cesium_form_factor.dat
(needs numpy, scipy)
"""
import sys

import numpy as np
from scipy.integrate import quad, solve_ivp

HBARC = 197.3269804          # MeV fm
ALPHA = 1 / 137.035999084
Z = 55
M_E = 0.51099895 / HBARC     # fm^-1
R_CH = 4.8041                # fm, 133Cs charge rms radius


def electron_weight(radius_charge, r_max=4000.0):
    """w(r) = G_s F_p - F_s G_p on [0, r_max] (fm), as a callable; arbitrary normalisation."""
    R = np.sqrt(5 / 3) * radius_charge

    def potential(r):
        return -Z * ALPHA / (2 * R) * (3 - (r / R) ** 2) if r < R else -Z * ALPHA / r

    def rhs(r, y, kappa):
        G, F = y
        v = potential(r)
        return [-kappa / r * G + (2 * M_E - v) * F, kappa / r * F + v * G]

    r0 = 1e-5
    v0 = potential(r0)
    sols = {}
    # regular solutions at the origin: kappa = -1 (s_1/2): G ~ r, F ~ V r^2 / 3;
    # kappa = +1 (p_1/2): F ~ r, G ~ (2m - V) r^2 / 3
    for kappa, y0 in [(-1, [r0, v0 * r0 * r0 / 3]), (+1, [(2 * M_E - v0) * r0 * r0 / 3, r0])]:
        sols[kappa] = solve_ivp(rhs, (r0, r_max), y0, args=(kappa,), method="DOP853", rtol=1e-11,
                                atol=1e-30, dense_output=True)

    def w(r):
        Gs, Fs = sols[-1].sol(r)
        Gp, Fp = sols[+1].sol(r)
        return Gs * Fp - Fs * Gp

    return w


def yukawa_smeared_sphere(r, M, R):
    """V_M(r) for a uniform sphere of radius R (unit integral), M in fm^-1; overflow-free forms."""
    rho0 = 3 / (4 * np.pi * R ** 3)
    x, y = M * R, M * r
    if r < R:
        # 1 - (1 + x) e^{-x} sinh(y) / y
        return rho0 * (1 - (1 + x) * (np.exp(y - x) - np.exp(-y - x)) / (2 * y))
    # (x cosh x - sinh x) e^{-y} / y
    return rho0 * ((x - 1) * np.exp(x - y) + (x + 1) * np.exp(-x - y)) / (2 * y)


def form_factor(masses_mev, radius_charge=R_CH, radius_weak=R_CH, r_max=4000.0):
    w = electron_weight(radius_charge, r_max)
    Rw = np.sqrt(5 / 3) * radius_weak
    rho0 = 3 / (4 * np.pi * Rw ** 3)
    contact = quad(lambda r: w(r) * rho0, 1e-5, Rw, epsabs=0, epsrel=1e-12, limit=200)[0]
    out = []
    for m_mev in masses_mev:
        M = m_mev / HBARC
        upper = min(r_max, Rw + 60 / M)
        pts = [Rw] + [p for p in (Rw + 1 / M, Rw + 5 / M, Rw + 20 / M) if p < upper]
        smeared = quad(lambda r: w(r) * yukawa_smeared_sphere(r, M, Rw), 1e-5, upper, points=pts,
                       epsabs=0, epsrel=1e-10, limit=2000)[0]
        out.append(smeared / contact)
    return np.array(out)


def main():
    masses = np.logspace(0, 4, 81)  # 1 MeV to 10 GeV, 20 points per decade
    f = form_factor(masses)
    print("# f_Cs(M): suppression of a light Z_D's contribution to the 133Cs weak charge (the f of")
    print("# arXiv:2210.15662 eqs. 4.37-4.38 for cesium), computed by scripts/derive_cesium_apv_form_factor.py.")
    print("# Obtained as follows (the paper's ref. [56], arXiv:2104.03280, and its sources, Davoudiasl-Lee-Marciano")
    print("# arXiv:1203.2947 / 1205.2709 and Bouchiat-Fayet hep-ph/0410260, give no table we could use):")
    print("#   f(M) = <s|V_M gamma5|p> / <s|rho_N gamma5|p>: the electron's s_1/2 - p_1/2 PNC matrix element with the")
    print("#   nuclear weak density rho_N replaced by its Yukawa smearing V_M = rho_N * M^2 e^{-M r}/(4 pi r).")
    print("#   Radial Dirac functions at E = m_e, kappa = -1 and +1, in the potential of a uniform-sphere nucleus,")
    print("#   Z = 55, R = sqrt(5/3) * 4.8041 fm (charge rms radius, Angeli-Marinova ADNDT 99 (2013) 69); the weak")
    print("#   density is the same sphere; no electron screening. Checks: f(2.4 MeV) = %.3f, f(100 MeV) = %.3f"
          % tuple(form_factor([2.4, 100.0])))
    print("#   (paper sec. 4.7: ~0.5 and ~1). Not the pole form M^2/(M^2 + (2.4 MeV)^2): that gives 0.95 at 10 MeV,")
    print("#   this gives %.2f. Valid for M >~ 2 MeV (screening); darkz evaluates it in ln M, edge values outside." % form_factor([10.0])[0])
    print("#   M_GeV        f")
    for m, v in zip(masses, f):
        print(f"{m / 1000:.6e}  {v:.6f}")
    if "--checks" in sys.argv:
        probe = [1.0, 2.4, 10.0, 30.0, 100.0]
        base = form_factor(probe)
        wide = form_factor(probe, radius_weak=1.05 * R_CH)
        short = form_factor(probe, r_max=1000.0)
        for m, a, b, c in zip(probe, base, wide, short):
            print(f"# check M = {m:6.1f} MeV: f = {a:.4f}; weak radius +5%: {b:.4f}; w cut at 1000 fm: {c:.4f}",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
