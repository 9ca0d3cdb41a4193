#!/usr/bin/env python3
"""Expected chi^2 = r^T C^-1 r for the synthetic table of this folder, computed directly with numpy.

C = D R D + T: D = diag(sigma_exp), sigma_exp the error components of a row in quadrature, each
symmetrised ('mean') or taken on the side of the prediction ('side': up when prediction >= value);
R the correlations of table_correlations.csv; T table_theory_covariance.csv. Writes expected.json:
for each case the predictions (physical units), the convention and chi^2 (repr precision).
Also the SM chi^2 of data/bsll_2025.csv (expected_2025.json). Run from the repository root:
    python3 Tests/Fixtures/covariance/make_expected.py
"""
import csv, json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

def read(name):
    with open(os.path.join(HERE, name)) as f:
        return list(csv.DictReader(l for l in f if not l.startswith('#')))

rows = read('table.csv')
ids = [r['id'] for r in rows]
n = len(rows)
value = np.array([float(r['value']) * float(r['scale']) for r in rows])
sm = np.array([float(r['sm']) * float(r['scale']) for r in rows])
comps = []
for r in rows:
    s = float(r['scale'])
    comps.append([(float(r[f'err{k}_up']) * s, float(r[f'err{k}_down']) * s) for k in (1, 2, 3) if r[f'err{k}_up']])
R = np.eye(n)
for c in read('table_correlations.csv'):
    i, j = ids.index(c['id_a']), ids.index(c['id_b'])
    R[i, j] = R[j, i] = float(c['correlation'])
T = np.zeros((n, n))
for c in read('table_theory_covariance.csv'):
    i, j = ids.index(c['id_a']), ids.index(c['id_b'])
    T[i, j] = T[j, i] = float(c['covariance'])

def chi2(pred, convention):
    sig = []
    for i in range(n):
        if convention == 'mean':
            sig.append(np.sqrt(sum((0.5 * (u + d)) ** 2 for u, d in comps[i])))
        else:
            sig.append(np.sqrt(sum((u if pred[i] >= value[i] else d) ** 2 for u, d in comps[i])))
    D = np.diag(sig)
    C = D @ R @ D + T
    r = value - pred
    return float(r @ np.linalg.solve(C, r))

shifted = sm * np.array([0.97, 0.93, 0.80, 0.85])
cases = []
for name, pred in [('sm', sm), ('shifted', shifted)]:
    for conv in ('mean', 'side'):
        cases.append({'name': name, 'convention': conv, 'predictions': [float(x) for x in pred], 'chi2': chi2(pred, conv)})
with open(os.path.join(HERE, 'expected.json'), 'w') as f:
    json.dump({'note': 'written by make_expected.py (numpy %s)' % np.__version__, 'cases': cases}, f, indent=1)
print('wrote expected.json')

# The SM chi^2 of the 2025 data set (data/bsll_2025.csv with its covariance files), all rows and
# muon rows, 'mean' convention: written to expected_2025.json.
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))

def read_path(path):
    with open(path) as f:
        return list(csv.DictReader(l for l in f if not l.startswith('#')))

rows25 = read_path(os.path.join(REPO, 'data', 'bsll_2025.csv'))
ids25 = [r['id'] for r in rows25]
n25 = len(rows25)
val25 = np.array([float(r['value']) * float(r['scale']) for r in rows25])
sm25 = np.array([float(r['sm']) * float(r['scale']) for r in rows25])
sig25 = []
for r in rows25:
    s = float(r['scale'])
    sig25.append(np.sqrt(sum((0.5 * (float(r[f'err{k}_up']) + float(r[f'err{k}_down'])) * s) ** 2
                             for k in (1, 2, 3) if r.get(f'err{k}_up'))))
R25 = np.eye(n25)
for c in read_path(os.path.join(REPO, 'data', 'bsll_2025_correlations.csv')):
    i, j = ids25.index(c['id_a']), ids25.index(c['id_b'])
    R25[i, j] = R25[j, i] = float(c['correlation'])
T25 = np.zeros((n25, n25))
for c in read_path(os.path.join(REPO, 'data', 'bsll_2025_theory_covariance.csv')):
    i, j = ids25.index(c['id_a']), ids25.index(c['id_b'])
    T25[i, j] = T25[j, i] = float(c['covariance'])
C25 = np.diag(sig25) @ R25 @ np.diag(sig25) + T25

def chi2_rows(sel):
    r = (val25 - sm25)[sel]
    return float(r @ np.linalg.solve(C25[np.ix_(sel, sel)], r))

allrows = list(range(n25))
muon = [i for i in allrows if rows25[i]['lepton'] == 'mu']
with open(os.path.join(HERE, 'expected_2025.json'), 'w') as f:
    json.dump({'note': 'SM chi^2 of data/bsll_2025.csv by make_expected.py (numpy %s)' % np.__version__,
               'chi2_all': chi2_rows(allrows), 'n_all': len(allrows),
               'chi2_muon': chi2_rows(muon), 'n_muon': len(muon)}, f, indent=1)
print('wrote expected_2025.json')
