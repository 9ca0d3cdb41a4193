#!/usr/bin/env python3
"""Sizes of what darkz's default W width and K+, pi+ -> mu+ nu Z_D rates leave out (docs/physics.md §7).

Tree-level spin sums with explicit 4x4 Dirac matrices (Dirac representation, metric +---), integrated over the
Dalitz region with scipy, inputs from data/flavor_inputs.csv:

1. P+ -> mu+ nu Z_D for a pure dark photon (muon coupling g = -e eps, K+ charge opposite, point-like meson):
   the muon leg, the meson leg and the contact term fixed by the Ward identity q.M = 0, which the script
   checks. Its rate is the transverse inner bremsstrahlung darkz leaves out. As a normalisation check the
   muon leg alone (full polarisation sum) is compared with darkz's width for a vector coupling 1e-3 at 10 MeV.
2. W- -> l- nu-bar Z_D through the right-handed lepton excess g_R = 2 a_l = (g/c_W) eps_Z / 2 only (the lepton
   leg is its complete tree amplitude): the lepton-mass term darkz's W width leaves out.
3. The double-logarithmic estimate alpha eps^2/pi ln^2(M_W/M) x 3 Gamma(W -> l nu) of the transverse W emission.

Run from the repository root: python3 scripts/bound_conserved_emission.py
"""
import csv
import math

import numpy as np
from scipy import integrate


def inputs():
    values = {}
    with open("data/flavor_inputs.csv") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if len(row) >= 2:
                try:
                    values[row[0]] = float(row[1])
                except ValueError:
                    pass
    return values


I = inputs()
GF, MW, MMU, MTAU = I["G_F"], I["M_W"], I["m_mu"], I["m_tau"]
E = math.sqrt(4 * math.pi * I["alpha_em_0"])
S2 = I["sin2_theta_W"]
GW = E / math.sqrt(S2)
GZ = GW / math.sqrt(1 - S2)
C13 = math.sqrt(1 - I["ckm_s13"] ** 2)
VUS, VUD = I["ckm_s12"] * C13, math.sqrt(1 - I["ckm_s12"] ** 2) * C13
HBAR = I["hbar"]

# Dirac matrices
I2, Z2 = np.eye(2), np.zeros((2, 2))
SIG = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
G = [np.block([[I2, Z2], [Z2, -I2]]).astype(complex)] + [np.block([[Z2, s], [-s, Z2]]).astype(complex) for s in SIG]
G5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
ONE = np.eye(4, dtype=complex)
METRIC = np.diag([1.0, -1.0, -1.0, -1.0])


def slash(p):
    return p[0] * G[0] - p[1] * G[1] - p[2] * G[2] - p[3] * G[3]


def dot(a, b):
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]


def bar(m):
    return G[0] @ m.conj().T @ G[0]


def polarisation_sum(q, M):
    """-g^{bc} + q^b q^c / M^2 (upper indices)."""
    return -np.diag([1.0, -1.0, -1.0, -1.0]) + np.outer(q, q) / (M * M)


def transverse_sum(q, M):
    return -np.diag([1.0, -1.0, -1.0, -1.0])


# ---------------------------------------------------------------- 1. P+ -> mu+ nu Z_D

def meson_kinematics(mP, m, M, eMu, eNu):
    """Four-vectors k, p (mu+), q_nu, p_D in the meson rest frame, or None outside the Dalitz region."""
    pMu = math.sqrt(max(eMu * eMu - m * m, 0))
    eD = mP - eMu - eNu
    if eD < M:
        return None
    pD = math.sqrt(eD * eD - M * M)
    # |p_mu + p_nu| = p_D fixes the angle between muon and neutrino
    if pMu == 0 or eNu == 0:
        return None
    cos = (pD * pD - pMu * pMu - eNu * eNu) / (2 * pMu * eNu)
    if abs(cos) > 1:
        return None
    sin = math.sqrt(1 - cos * cos)
    k = np.array([mP, 0, 0, 0.0])
    p = np.array([eMu, 0, 0, pMu])
    nu = np.array([eNu, eNu * sin, 0, eNu * cos])
    return k, p, nu, k - p - nu


def meson_amplitude(mP, m, M, k, p, nu, q, g, withMeson):
    """Gamma^b with M^b = C u-bar(nu) Gamma^b v(p) for a vector coupling g of the muon (C = 1)."""
    Q = p + q
    prop = (-slash(Q) + m * ONE) / (dot(Q, Q) - m * m)
    gammas = [slash(k) @ (ONE - G5) @ prop @ G[b] * g for b in range(4)]
    if withMeson:
        kq = k - q
        mesonProp = 1 / (dot(kq, kq) - mP * mP)
        for b in range(4):
            upper = (2 * k - q)[b]
            gammas[b] = gammas[b] - g * mesonProp * upper * (slash(kq) @ (ONE - G5)) + g * G[b] @ (ONE - G5)
    # lower the index for the contraction with the polarisation sum of upper indices
    return [METRIC[b, b] * gammas[b] for b in range(4)]


def meson_width(meson, M, g, withMeson, longitudinal=True):
    mP, f, V, tau = ((I["m_K_plus"], I["f_K"], VUS, I["tau_K_plus"]) if meson == "K"
                     else (I["m_pi_plus"], I["f_pi"], VUD, I["tau_pi_plus"]))
    m = MMU
    C2 = (GF * V * f) ** 2 / 2

    def integrand(eNu, eMu):
        kin = meson_kinematics(mP, m, M, eMu, eNu)
        if kin is None:
            return 0.0
        k, p, nu, q = kin
        gam = meson_amplitude(mP, m, M, k, p, nu, q, g, withMeson)
        pol = polarisation_sum(q, M) if longitudinal else transverse_sum(q, M)
        return C2 * raw_trace(gam, slash(nu), slash(p) - m * ONE, pol)

    eMax = (mP * mP + m * m - M * M) / (2 * mP)

    def nu_range(eMu):
        pMu = math.sqrt(max(eMu * eMu - m * m, 0))
        a = mP * mP + m * m - M * M - 2 * mP * eMu
        return a / (2 * (mP - eMu + pMu)), a / (2 * (mP - eMu - pMu))

    collinear = m * (mP * mP + (m + M) ** 2) / (2 * mP * (m + M))
    value, _ = integrate.nquad(integrand, [lambda eMu: nu_range(eMu), [m, eMax]],
                               opts=[{"limit": 200, "epsrel": 1e-6}, {"limit": 200, "epsrel": 1e-6, "points": [collinear]}])
    width = value / (64 * math.pi ** 3 * mP)
    return width, width * tau / HBAR


def raw_trace(gammas, left, right, pol):
    total = 0.0
    for b in range(4):
        for c in range(4):
            if pol[b, c] != 0:
                total += pol[b, c] * np.trace(left @ gammas[b] @ right @ bar(gammas[c])).real
    return total


def ward_check(meson="K", M=0.05):
    mP = I["m_K_plus"] if meson == "K" else I["m_pi_plus"]
    eMu = 0.2 if meson == "K" else 0.11
    for eNu in np.linspace(0.05, 0.2, 4) if meson == "K" else [0.005, 0.01]:
        kin = meson_kinematics(mP, MMU, M, eMu, eNu)
        if kin is None:
            continue
        k, p, nu, q = kin
        full = meson_amplitude(mP, MMU, M, k, p, nu, q, 1.0, True)
        legOnly = meson_amplitude(mP, MMU, M, k, p, nu, q, 1.0, False)
        qq = np.outer(q, q)
        print(f"  Ward identity {meson} at E_nu = {eNu:.3f}: sum|q.M|^2 all diagrams {raw_trace(full, slash(nu), slash(p) - MMU * ONE, qq):.2e}, "
              f"muon leg only {raw_trace(legOnly, slash(nu), slash(p) - MMU * ONE, qq):.2e}")


# ---------------------------------------------------------------- 2. W -> l nu Z_D, right-handed excess

def w_width_right_excess(mL, M, gR):
    """Gamma(W- -> l- nu-bar Z_D) for a Z_D coupled to l_R only (strength gR), from the lepton leg."""
    PL, PR = (ONE - G5) / 2, (ONE + G5) / 2
    gw = GW / math.sqrt(2)

    def integrand(eNu, eL):
        # W rest frame; lepton along z, antineutrino at an angle fixed by E_D
        pL = math.sqrt(max(eL * eL - mL * mL, 0))
        eD = MW - eL - eNu
        if eD < M or pL == 0:
            return 0.0
        pD = math.sqrt(eD * eD - M * M)
        cos = (pD * pD - pL * pL - eNu * eNu) / (2 * pL * eNu)
        if abs(cos) > 1:
            return 0.0
        sin = math.sqrt(1 - cos * cos)
        P = np.array([MW, 0, 0, 0.0])
        p = np.array([eL, 0, 0, pL])
        kNu = np.array([eNu, eNu * sin, 0, eNu * cos])
        q = P - p - kNu
        prop = (slash(p + q) + mL * ONE) / (dot(p + q, p + q) - mL * mL)
        total = 0.0
        polW = (-np.diag([1.0, -1.0, -1.0, -1.0]) + np.outer(P, P) / (MW * MW)) / 3
        polD = polarisation_sum(q, M)
        for a in range(4):
            for a2 in range(4):
                if polW[a, a2] == 0:
                    continue
                for b in range(4):
                    for b2 in range(4):
                        if polD[b, b2] == 0:
                            continue
                        g1 = METRIC[b, b] * METRIC[a, a] * gR * gw * (G[b] @ PR @ prop @ G[a] @ PL)
                        g2 = METRIC[b2, b2] * METRIC[a2, a2] * gR * gw * (G[b2] @ PR @ prop @ G[a2] @ PL)
                        total += polW[a, a2] * polD[b, b2] * np.trace((slash(p) + mL * ONE) @ g1 @ slash(kNu) @ bar(g2)).real
        return total

    eMax = (MW * MW + mL * mL - M * M) / (2 * MW)

    def nu_range(eL):
        pL = math.sqrt(max(eL * eL - mL * mL, 0))
        a = MW * MW + mL * mL - M * M - 2 * MW * eL
        return a / (2 * (MW - eL + pL)), a / (2 * (MW - eL - pL))

    value, _ = integrate.nquad(integrand, [lambda eL: nu_range(eL), [mL, eMax]],
                               opts=[{"limit": 100, "epsrel": 1e-4}, {"limit": 100, "epsrel": 1e-4}])
    return value / (64 * math.pi ** 3 * MW)


def main():
    print("1. P+ -> mu+ nu Z_D, pure dark photon (g_mu = -e eps, eps = 1e-3), point-like meson, all diagrams")
    ward_check("K")
    width, _ = meson_width("K", 0.01, 1e-3, withMeson=False)
    print(f"  normalisation: muon leg alone, vector coupling 1e-3, 10 MeV: Gamma = {width:.6e} GeV "
          f"(darkz RadiativeLeptonicDecay: 4.819714e-22)")
    eps = 1e-3
    for meson, masses in [("K", [0.001, 0.01, 0.03, 0.1, 0.145, 0.2, 0.3]), ("pi", [0.001, 0.01, 0.02])]:
        for M in masses:
            _, bAll = meson_width(meson, M, -E * eps, withMeson=True)
            _, bLeg = meson_width(meson, M, -E * eps, withMeson=False)
            print(f"  {meson} M = {1e3 * M:5.0f} MeV: B(all diagrams) = {bAll:.3e}, B(muon leg only, the paper's) = {bLeg:.3e}")

    print("2. W- -> l- nu-bar Z_D from the right-handed excess 2 a_l = (g/c_W) eps_Z / 2, eps_Z = 2e-3")
    gR = GZ * 2e-3 / 2
    for name, mL in [("tau", MTAU), ("mu", MMU)]:
        for M in [0.01, 0.001]:
            print(f"  {name} M = {1e3 * M:4.0f} MeV: Gamma = {w_width_right_excess(mL, M, gR):.3e} GeV (against 0.042 GeV)")

    print("3. transverse W -> l nu Z_D of the dark photon, alpha eps^2/pi ln^2(M_W/M) x 3 Gamma(W -> l nu)")
    gammaLNu = GF * MW ** 3 / (6 * math.sqrt(2) * math.pi)
    for eps in [1e-3, 1e-2]:
        for M in [0.01, 0.001]:
            est = I["alpha_em_0"] * eps ** 2 / math.pi * math.log(MW / M) ** 2 * 3 * gammaLNu
            print(f"  eps = {eps:g}, M = {1e3 * M:4.0f} MeV: {est:.2e} GeV (Gamma(W -> l nu) = {gammaLNu:.4f} GeV)")


if __name__ == "__main__":
    main()
