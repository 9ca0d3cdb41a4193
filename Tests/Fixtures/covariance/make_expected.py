#!/usr/bin/env python3
"""Expected chi^2 = r^T C^-1 r for darkz's covariance tests, computed directly with numpy.

C = D R D + T: D = diag(sigma_exp), sigma_exp the error components of a row in quadrature, each
symmetrised ('mean') or taken on the side of the prediction ('side': up when prediction >= value);
R the correlations of <table>_correlations.csv; T <table>_theory_covariance.csv.
Writes, beside this script:
- expected.json: the synthetic table.csv of this folder, for each case the predictions (physical
  units), the convention and chi^2 (repr precision);
- expected_2025.json: the SM chi^2 of data/bsll_2025.csv, all rows and muon rows, 'mean' convention.
Run from the repository root:
    python3 Tests/Fixtures/covariance/make_expected.py
"""
import csv, json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))


def read(path):
    with open(path) as f:
        return list(csv.DictReader(l for l in f if not l.startswith('#')))


def load(table):
    """Rows, measured values, SM values, error components, R and T of a table and its covariance files."""
    rows = read(table)
    ids = [r['id'] for r in rows]
    n = len(rows)
    value = np.array([float(r['value']) * float(r['scale']) for r in rows])
    sm = np.array([float(r['sm']) * float(r['scale']) for r in rows])
    comps = []
    for r in rows:
        s = float(r['scale'])
        comps.append([(float(r[f'err{k}_up']) * s, float(r[f'err{k}_down']) * s) for k in (1, 2, 3) if r.get(f'err{k}_up')])
    stem = table[:-4]
    R = np.eye(n)
    for c in read(stem + '_correlations.csv'):
        i, j = ids.index(c['id_a']), ids.index(c['id_b'])
        R[i, j] = R[j, i] = float(c['correlation'])
    T = np.zeros((n, n))
    for c in read(stem + '_theory_covariance.csv'):
        i, j = ids.index(c['id_a']), ids.index(c['id_b'])
        T[i, j] = T[j, i] = float(c['covariance'])
    return rows, value, sm, comps, R, T


def chi2(data, pred, convention, sel=None):
    rows, value, sm, comps, R, T = data
    sel = list(range(len(rows))) if sel is None else sel
    sig = []
    for i in range(len(rows)):
        if convention == 'mean':
            sig.append(np.sqrt(sum((0.5 * (u + d)) ** 2 for u, d in comps[i])))
        else:
            sig.append(np.sqrt(sum((u if pred[i] >= value[i] else d) ** 2 for u, d in comps[i])))
    D = np.diag(sig)
    C = (D @ R @ D + T)[np.ix_(sel, sel)]
    r = (value - pred)[sel]
    return float(r @ np.linalg.solve(C, r))


synthetic = load(os.path.join(HERE, 'table.csv'))
sm = synthetic[2]
cases = []
for name, pred in [('sm', sm), ('shifted', sm * np.array([0.97, 0.93, 0.80, 0.85]))]:
    for conv in ('mean', 'side'):
        cases.append({'name': name, 'convention': conv, 'predictions': [float(x) for x in pred],
                      'chi2': chi2(synthetic, pred, conv)})
with open(os.path.join(HERE, 'expected.json'), 'w') as f:
    json.dump({'note': 'written by make_expected.py (numpy %s)' % np.__version__, 'cases': cases}, f, indent=1)

data2025 = load(os.path.join(REPO, 'data', 'bsll_2025.csv'))
allrows = list(range(len(data2025[0])))
muon = [i for i in allrows if data2025[0][i]['lepton'] == 'mu']
with open(os.path.join(HERE, 'expected_2025.json'), 'w') as f:
    json.dump({'note': 'SM chi^2 of data/bsll_2025.csv by make_expected.py (numpy %s)' % np.__version__,
               'chi2_all': chi2(data2025, data2025[2], 'mean'), 'n_all': len(allrows),
               'chi2_muon': chi2(data2025, data2025[2], 'mean', muon), 'n_muon': len(muon)}, f, indent=1)
print('wrote expected.json, expected_2025.json')
