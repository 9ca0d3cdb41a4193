#!/usr/bin/env python3
"""Reference numbers from flavio 2.7.1 for darkz's R_K and R_K* with a q^2-dependent shift (issue #12).

What it computes
----------------
ratio_points.csv, one long table (column `kind`):

1. kind = dBRdq2: flavio's differential branching fraction dBR/dq2 (GeV^-2) of B+ -> K+ l l
   ('dBR/dq2(B+->Kll)') and B0 -> K*0 l l ('dBR/dq2(B0->K*ll)'), l = mu and e, at the 16 Gauss-Legendre
   nodes of each R bin [0.1, 1.1] and [1.1, 6.0] GeV^2 (node q2 and weight written; the weights are those of
   the bin, sum = q2_max - q2_min, so sum_i w_i f(q2_i) is the bin integral), each at 15 constant shifts
   x = (Re dC9, Im dC9, Re dC10, Im dC10) of the row's own lepton (C9_bsll, C10_bsll with ll = mumu or ee;
   WET, basis flavio, scale 4.8 GeV):
       x = 0;  x = +e_k and -e_k for k = 1..4;  x = e_k + e_m for 1 <= k < m <= 4.
   dBR/dq2 is exactly quadratic in the shifts, f(x) = f0 + sum_k b_k x_k + sum_{k<=m} A_km x_k x_m, and the
   15 values give it exactly:
       f0 = f(0),  b_k = [f(e_k) - f(-e_k)]/2,  A_kk = [f(e_k) + f(-e_k)]/2 - f0,
       A_km = f(e_k + e_m) - f(e_k) - f(e_m) + f0   (k < m).
   A test evaluates flavio's bin rate for any q^2-dependent shift x(q2) as sum_i w_i Q_i(x(q2_i)) and forms
   R = rate(mu)/rate(e).
2. kind = Rmue: flavio's own '<Rmue>(B+->Kll)' and '<Rmue>(B0->K*ll)' (= BR(mu mu)/BR(e e) in the bin, flavio's
   scipy-quad bin integrals) for the 4 bins, in the SM (x = 0) and at two constant muon-only shifts,
   (Re dC9 = -1) and (Re dC9 = -0.5, Re dC10 = +0.5): the check that the node sums reproduce flavio's R.
   node, q2 and weight are empty, lepton is 'mu/e', and the shift columns give the muon shift.

The script reconstructs the quadratic forms, evaluates R at the two check shifts and in the SM from the
node sums, and writes the largest relative difference to flavio's <Rmue> into the header.

All numbers are central values (flavio.default_parameters, no uncertainties), written with repr() of
Python floats. Header lines: script, flavio version, pip freeze, date, notes.

How to rerun (about a minute; writes next to this script):
    pip install flavio==2.7.1 "particle<0.25"
    python3 Tests/Fixtures/flavio/make_ratio_points.py
"""

import csv
import datetime
import os
import platform
import subprocess
import sys
import warnings

import numpy as np
import flavio

HERE = os.path.dirname(os.path.abspath(__file__))
SCALE = 4.8  # GeV, input scale of the NP Wilson coefficients (flavio's renormalisation scale for B -> K(*) l l)
NODES = 16
BINS = [(0.1, 1.1), (1.1, 6.0)]
MODES = [  # (mode as in data/bsll_2025.csv, flavio differential observable pattern, flavio R observable)
    ('B+ -> K+', 'dBR/dq2(B+->K%s)', '<Rmue>(B+->Kll)'),
    ('B0 -> K*0', 'dBR/dq2(B0->K*%s)', '<Rmue>(B0->K*ll)'),
]
LEPTONS = ['mu', 'e']


def shift_pattern():
    """The 15 shifts, as 4-tuples (Re dC9, Im dC9, Re dC10, Im dC10)."""
    e = np.eye(4)
    out = [np.zeros(4)]
    for k in range(4):
        out += [e[k], -e[k]]
    for k in range(4):
        for m in range(k + 1, 4):
            out.append(e[k] + e[m])
    return [tuple(float(v) + 0.0 for v in x) for x in out]  # + 0.0: no -0.0 in the file


SHIFTS = shift_pattern()
CHECK_SHIFTS = [(-1.0, 0.0, 0.0, 0.0), (-0.5, 0.0, 0.5, 0.0)]


def wc_for(lepton, x):
    ll = lepton + lepton
    wc = flavio.WilsonCoefficients()
    wc.set_initial({'C9_bs' + ll: complex(x[0], x[1]), 'C10_bs' + ll: complex(x[2], x[3])},
                   scale=SCALE, eft='WET', basis='flavio')
    return wc


def quadratic(values):
    """(f0, b[4], A[4x4] upper) from the 15 values in SHIFTS order."""
    f0 = values[0]
    plus = [values[1 + 2 * k] for k in range(4)]
    minus = [values[2 + 2 * k] for k in range(4)]
    b = [(plus[k] - minus[k]) / 2 for k in range(4)]
    A = np.zeros((4, 4))
    for k in range(4):
        A[k, k] = (plus[k] + minus[k]) / 2 - f0
    i = 9
    for k in range(4):
        for m in range(k + 1, 4):
            A[k, m] = values[i] - plus[k] - plus[m] + f0
            i += 1
    return f0, np.array(b), A


def evaluate(q, x):
    f0, b, A = q
    x = np.array(x)
    return f0 + b @ x + sum(A[k, m] * x[k] * x[m] for k in range(4) for m in range(k, 4))


def pip_freeze():
    try:
        out = subprocess.run([sys.executable, '-m', 'pip', 'freeze'],
                             capture_output=True, text=True, check=True).stdout
        return [l for l in out.splitlines() if l.strip()]
    except Exception as e:  # pragma: no cover
        return ['(pip freeze failed: %r)' % (e,)]


def main():
    x_gl, w_gl = np.polynomial.legendre.leggauss(NODES)
    rows, warn = [], set()
    quads = {}  # (mode, lepton, bin) -> list of (q2, w, quadratic)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        for mode, pattern, _ in MODES:
            for lep in LEPTONS:
                obs = pattern % (lep + lep)
                if obs not in flavio.classes.Observable.instances:
                    raise KeyError(obs)
                wcs = [None] + [wc_for(lep, x) for x in SHIFTS[1:]]
                for (a, bnd) in BINS:
                    nodes = []
                    for i in range(NODES):
                        q2 = float((bnd - a) / 2 * x_gl[i] + (bnd + a) / 2)
                        w = float((bnd - a) / 2 * w_gl[i])
                        vals = [float(flavio.sm_prediction(obs, q2=q2))]
                        vals += [float(flavio.np_prediction(obs, wc, q2=q2)) for wc in wcs[1:]]
                        for x, v in zip(SHIFTS, vals):
                            rows.append(['dBRdq2', mode, lep, repr(a), repr(bnd), str(i), repr(q2), repr(w)]
                                        + [repr(c) for c in x] + [repr(v)])
                        nodes.append((q2, w, quadratic(vals)))
                    quads[(mode, lep, (a, bnd))] = nodes
                print('%s %s done' % (mode, lep), flush=True)
        # flavio's own R and the node-sum check
        worst = 0.0
        checks = []
        for mode, _, robs in MODES:
            for (a, bnd) in BINS:
                for x in [SHIFTS[0]] + CHECK_SHIFTS:
                    if x == SHIFTS[0]:
                        r = float(flavio.sm_prediction(robs, q2min=a, q2max=bnd))
                    else:
                        r = float(flavio.np_prediction(robs, wc_for('mu', x), q2min=a, q2max=bnd))
                    rows.append(['Rmue', mode, 'mu/e', repr(a), repr(bnd), '', '', '']
                                + [repr(c) for c in x] + [repr(r)])
                    mu = sum(w * evaluate(q, x) for _, w, q in quads[(mode, 'mu', (a, bnd))])
                    e = sum(w * evaluate(q, (0, 0, 0, 0)) for _, w, q in quads[(mode, 'e', (a, bnd))])
                    rel = (mu / e) / r - 1
                    worst = max(worst, abs(rel))
                    checks.append('  %s [%g, %g] x=%s: flavio %.8f, nodes %.8f, rel %+.1e'
                                  % (robs, a, bnd, x, r, mu / e, rel))
    warn.update(str(c.message) for c in caught)

    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC')
    header = [
        'Generated by Tests/Fixtures/flavio/make_ratio_points.py',
        'flavio version: %s' % flavio.__version__,
        'date: %s' % now,
        'python: %s' % platform.python_version(),
        'kind=dBRdq2: dBR/dq2 (GeV^-2) of dBR/dq2(B+->Kll), dBR/dq2(B0->K*ll) at %d Gauss-Legendre nodes per bin' % NODES,
        '  (node 0..15, q2 in GeV^2, weight: sum of the weights = q2_max - q2_min), at 15 constant shifts',
        '  (dRe9, dIm9, dRe10, dIm10) of C9_bsll, C10_bsll of the row lepton (WET, basis flavio, scale %g GeV):' % SCALE,
        '  0; +e_k, -e_k (k = 1..4); e_k + e_m (k < m). f = f0 + b.x + sum_{k<=m} A_km x_k x_m with',
        '  f0 = f(0), b_k = [f(e_k) - f(-e_k)]/2, A_kk = [f(e_k) + f(-e_k)]/2 - f0, A_km = f(e_k+e_m) - f(e_k) - f(e_m) + f0',
        "kind=Rmue: flavio's <Rmue>(B+->Kll), <Rmue>(B0->K*ll) = BR(mu mu)/BR(e e) in the bin (lepton 'mu/e'),",
        '  SM and two constant muon-only shifts; node, q2, weight empty',
        'check: R from the node sums against flavio <Rmue>, largest |relative difference| %.1e:' % worst,
    ] + checks + [
        'central values of flavio.default_parameters; numbers written with repr()',
        'flavio warnings: ' + ('; '.join(sorted(warn)) if warn else 'none'),
        'pip freeze:',
    ] + ['  ' + l for l in pip_freeze()]
    with open(os.path.join(HERE, 'ratio_points.csv'), 'w', newline='') as f:
        for h in header:
            f.write('# ' + h + '\n')
        wr = csv.writer(f, lineterminator='\n')
        wr.writerow(['kind', 'mode', 'lepton', 'q2_min', 'q2_max', 'node', 'q2', 'weight',
                     'dRe9', 'dIm9', 'dRe10', 'dIm10', 'value'])
        wr.writerows(rows)
    print('\n'.join(checks))
    print('wrote ratio_points.csv (%d rows), worst node-sum vs flavio R: %.1e' % (len(rows), worst))


if __name__ == '__main__':
    main()
