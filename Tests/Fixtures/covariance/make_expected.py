#!/usr/bin/env python3
"""Expected chi^2 = r^T C^-1 r for the synthetic table of this folder, computed directly with numpy.

C = D R D + T: D = diag(sigma_exp), sigma_exp the error components of a row in quadrature, each
symmetrised ('mean') or taken on the side of the prediction ('side': up when prediction >= value);
R the correlations of table_correlations.csv; T table_theory_covariance.csv. Writes expected.json:
for each case the predictions (physical units), the convention and chi^2 (repr precision).
Run from the repository root:  python3 Tests/Fixtures/covariance/make_expected.py
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
