#!/usr/bin/env python3
"""flavio 2.7.1 SM predictions and SM theory covariance of the rows of data/bsll_2025.csv (issue #12).

What it does
------------
1. Maps each row of data/bsll_2025.csv (by quantity, decay and bin) to a flavio observable:
     dBdq2 rows  -> '<dBR/dq2>(...)'  (flavio's bin average, GeV^-2)
     B rows      -> '<BR>(B->Xsll)' for B -> X_s l l; for B -> K(*) e e (flavio 2.7.1 has no '<BR>(B+->Kee)')
                    (q2_max - q2_min) * '<dBR/dq2>(...)', the bin-integrated branching fraction
     R rows      -> '<Rmue>(B+->Kll)' / '<Rmue>(B0->K*ll)': flavio's Rmue is BR(mu mu)/BR(e e) in the bin,
                    the convention of the file's R (checked below: a negative muon-only dC9 lowers it).
2. Central SM values (flavio.sm_prediction at flavio.default_parameters' central values).
3. The SM covariance: flavio.sm_covariance over all rows' observables at once, N random draws of all of
   flavio's parameters (par_vary='all'), numpy's global seed fixed (SEED) before the draws, which flavio makes
   in this process before any worker starts. The relative accuracy of each sigma is about 1/sqrt(2N).
4. Writes data/bsll_2025_theory_covariance.csv (id_a, id_b, covariance in physical units: GeV^-4 for two
   dBdq2 rows, GeV^-2 for dBdq2 x B, none for B x B and R; each unordered pair once, diagonal included, in the
   order of the rows) and rewrites the sm and sm_err columns of data/bsll_2025.csv in place (units of the row's
   scale; sm_err = sqrt of the covariance's diagonal), leaving every other byte of that file as it was.

Run from the repository root (N = 1000: 16 CPU-minutes, about 8 minutes with 2 processes; the committed file
was written so, in 15 minutes while a Swift build shared the 2 cores):
    python3 scripts/make_2025_theory_covariance.py
with flavio 2.7.1 installed (pip install flavio==2.7.1 "particle<0.25"). Optional arguments: N and threads,
e.g. `python3 scripts/make_2025_theory_covariance.py 400 2` (3 minutes, sigmas to 3.5%). CI reads the two output files; it does not rerun
this script.
"""

import csv
import datetime
import os
import platform
import sys
import time
import warnings

import numpy as np
import flavio

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
TABLE = os.path.join(REPO, 'data', 'bsll_2025.csv')
OUT = os.path.join(REPO, 'data', 'bsll_2025_theory_covariance.csv')
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
SEED = 20250

# (quantity, decay) -> (flavio observable, kind); kind 'avg' = the number is flavio's value, 'width*avg' =
# (q2_max - q2_min) times flavio's bin average.
MAPPING = {
    ('dBdq2', 'B0 -> K*0 mu+ mu-'): ('<dBR/dq2>(B0->K*mumu)', 'avg'),
    ('dBdq2', 'B+ -> K*+ mu+ mu-'): ('<dBR/dq2>(B+->K*mumu)', 'avg'),
    ('dBdq2', 'B+ -> K+ mu+ mu-'): ('<dBR/dq2>(B+->Kmumu)', 'avg'),
    ('dBdq2', 'B0 -> K0 mu+ mu-'): ('<dBR/dq2>(B0->Kmumu)', 'avg'),
    ('dBdq2', 'Bs -> phi mu+ mu-'): ('<dBR/dq2>(Bs->phimumu)', 'avg'),
    ('dBdq2', 'B+ -> K+ e+ e-'): ('<dBR/dq2>(B+->Kee)', 'avg'),
    ('dBdq2', 'B0 -> K*0 e+ e-'): ('<dBR/dq2>(B0->K*ee)', 'avg'),
    ('B', 'B+ -> K+ e+ e-'): ('<dBR/dq2>(B+->Kee)', 'width*avg'),
    ('B', 'B0 -> K*0 e+ e-'): ('<dBR/dq2>(B0->K*ee)', 'width*avg'),
    ('B', 'B -> X_s mu+ mu-'): ('<BR>(B->Xsmumu)', 'avg'),
    ('B', 'B -> X_s e+ e-'): ('<BR>(B->Xsee)', 'avg'),
    ('R', 'B+ -> K+ mu+ mu-'): ('<Rmue>(B+->Kll)', 'avg'),
    ('R', 'B0 -> K*0 mu+ mu-'): ('<Rmue>(B0->K*ll)', 'avg'),
}


def read_rows(path):
    with open(path) as f:
        lines = f.read().split('\n')
    body = [l for l in lines if l and not l.startswith('#')]
    return lines, list(csv.DictReader(body))


def check_convention():
    """flavio's Rmue is mu/e: a muon-only dC9 = -1 must lower it (to about 0.79 for B -> K)."""
    wc = flavio.WilsonCoefficients()
    wc.set_initial({'C9_bsmumu': -1.0}, scale=4.8, eft='WET', basis='flavio')
    r = float(flavio.np_prediction('<Rmue>(B+->Kll)', wc, q2min=1.1, q2max=6.0))
    if not r < 0.9:
        raise RuntimeError('unexpected Rmue convention: %r' % r)
    return r


def main():
    lines, rows = read_rows(TABLE)
    obs_list, widths, labels = [], [], []
    for r in rows:
        key = (r['quantity'], r['decay'])
        if key not in MAPPING:
            raise KeyError('row %s: no flavio observable for %r' % (r['id'], key))
        name, kind = MAPPING[key]
        if name not in flavio.classes.Observable.instances:
            raise KeyError('flavio has no observable %r' % name)
        q2min, q2max = float(r['q2_min']), float(r['q2_max'])
        obs_list.append((name, q2min, q2max))
        widths.append(q2max - q2min if kind == 'width*avg' else 1.0)
        labels.append(name if kind == 'avg' else '(q2_max-q2_min)*' + name)
    widths = np.array(widths)
    r_np = check_convention()

    seen_warnings = set()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        central = np.array([float(flavio.sm_prediction(o[0], q2min=o[1], q2max=o[2])) for o in obs_list]) * widths
        np.random.seed(SEED)
        t0 = time.time()
        cov = flavio.sm_covariance(obs_list, N=N, threads=THREADS)
        elapsed = time.time() - t0
    seen_warnings.update(str(x.message) for x in w)
    cov = np.asarray(cov) * np.outer(widths, widths)
    sigma = np.sqrt(np.diag(cov))

    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC')
    header = [
        'SM theory covariance of the rows of data/bsll_2025.csv, in physical units (value x scale: GeV^-4 for two',
        '  dBdq2 rows, GeV^-2 for a dBdq2 row with a B row, none for B, R rows). Each unordered pair once, diagonal',
        '  included, in the order of the rows of data/bsll_2025.csv.',
        'Generated by scripts/make_2025_theory_covariance.py',
        'flavio version: %s (flavio.sm_covariance, par_vary=all: every parameter of flavio.default_parameters drawn'
        % flavio.__version__,
        '  from its distribution)',
        'N samples: %d (each sigma to about %.1f%%), numpy seed %d, %d processes, %.0f s' % (
            N, 100 / np.sqrt(2 * N), SEED, THREADS, elapsed),
        'date: %s; python %s; numpy %s' % (now, platform.python_version(), np.__version__),
        'observables: dBdq2 rows <dBR/dq2>(...); B rows <BR>(B->Xsll), or (q2_max-q2_min)*<dBR/dq2>(...) for',
        "  B -> K(*) e e (flavio 2.7.1 has no '<BR>(B+->Kee)'); R rows <Rmue>(B+->Kll), <Rmue>(B0->K*ll) = BR(mu mu)/BR(e e)",
        '  (checked: muon-only dC9 = -1 gives <Rmue>(B+->Kll)[1.1, 6] = %.4f)' % r_np,
        'flavio warnings: ' + ('; '.join(sorted(seen_warnings)) if seen_warnings else 'none'),
        'rows (id: flavio observable [q2_min, q2_max], SM central, sigma, both in physical units):',
    ] + ['  %s: %s [%g, %g] %.6e +- %.3e' % (r['id'], lab, o[1], o[2], c, s)
         for r, lab, o, c, s in zip(rows, labels, obs_list, central, sigma)]
    with open(OUT, 'w', newline='') as f:
        for h in header:
            f.write('# ' + h + '\n')
        wr = csv.writer(f, lineterminator='\n')
        wr.writerow(['id_a', 'id_b', 'covariance'])
        for i in range(len(rows)):
            for j in range(i, len(rows)):
                wr.writerow([rows[i]['id'], rows[j]['id'], repr(float(cov[i, j]))])

    # rewrite sm and sm_err of the table in place
    by_id = {r['id']: (c / float(r['scale']), s / float(r['scale'])) for r, c, s in zip(rows, central, sigma)}
    out, columns = [], None
    for l in lines:
        if not l or l.startswith('#'):
            out.append(l)
            continue
        fields = l.split(',')
        if columns is None:
            columns = fields
            out.append(l)
            continue
        rid = fields[columns.index('id')]
        sm, err = by_id[rid]
        fields[columns.index('sm')] = '%.5g' % sm
        fields[columns.index('sm_err')] = '%.3g' % err
        out.append(','.join(fields))
    with open(TABLE, 'w') as f:
        f.write('\n'.join(out))
    for r, c, s in zip(rows, central, sigma):
        print('%-40s SM %.4e +- %.3e (%.1f%%)' % (r['id'], c, s, 100 * s / c))
    print('wrote %s and the sm, sm_err columns of %s' % (OUT, TABLE))


if __name__ == '__main__':
    main()
