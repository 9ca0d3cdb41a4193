#!/usr/bin/env python3
"""Experimental correlations of data/bsll_2025.csv -> data/bsll_2025_correlations.csv (issue #12).

Columns id_a, id_b, correlation: total-error correlation coefficients between rows of the same `correlation`
group, each unordered pair once (a < b in file order), the diagonal (1) implied. Two kinds of source:

* published correlation matrices, read from flavio 2.7.1's data/measurements.yml (the entry named in GROUPS;
  each row is matched to the entry's value by flavio observable and bin):
    lhcb-rk-2022    'LHCb RK RK* 2022'       (arXiv:2212.09152, 2212.09153)
    cms-kmumu-2024  'CMS B+->Kmumu BR 2024'  (arXiv:2401.07090)
* a common error component quoted separately by the paper and fully correlated between its rows (the third
  error component of the rows, err3): rho_ab = s3_a s3_b / (sigma_a sigma_b), sigma the total error with each
  component symmetrised, (up + down)/2, and the components added in quadrature:
    lhcb-kstar0mumu-2016  normalisation B(B0 -> J/psi K*0)  (arXiv:1606.04731)
    lhcb-phimumu-2021     normalisation B(Bs -> J/psi phi)  (arXiv:2105.14007)
    babar-xsll-2014       X_s model dependence, common to ee and mu mu (arXiv:1312.5364)

Run from the repository root (a second):  python3 scripts/make_2025_correlations.py
"""

import csv
import datetime
import math
import os

import yaml
import flavio

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
TABLE = os.path.join(REPO, 'data', 'bsll_2025.csv')
OUT = os.path.join(REPO, 'data', 'bsll_2025_correlations.csv')
YML = os.path.join(os.path.dirname(flavio.__file__), 'data', 'measurements.yml')

GROUPS = {
    'lhcb-rk-2022': ('matrix', 'LHCb RK RK* 2022'),
    'cms-kmumu-2024': ('matrix', 'CMS B+->Kmumu BR 2024'),
    'lhcb-kstar0mumu-2016': ('common', 'normalisation B(B0 -> J/psi K*0), err3, arXiv:1606.04731'),
    'lhcb-phimumu-2021': ('common', 'normalisation B(Bs -> J/psi phi), err3, arXiv:2105.14007'),
    'babar-xsll-2014': ('common', 'X_s model dependence, err3, arXiv:1312.5364'),
}
FLAVIO_NAME = {
    ('R', 'B+ -> K+ mu+ mu-'): '<Rmue>(B+->Kll)',
    ('R', 'B0 -> K*0 mu+ mu-'): '<Rmue>(B0->K*ll)',
    ('dBdq2', 'B+ -> K+ mu+ mu-'): '<dBR/dq2>(B+->Kmumu)',
}


def read_rows():
    with open(TABLE) as f:
        return list(csv.DictReader(l for l in f if not l.startswith('#')))


def sym_sigma(r, k):
    up, down = r['err%d_up' % k], r['err%d_down' % k]
    return (float(up) + float(down)) / 2 if up else 0.0


def matrix_correlations(entry_name, rows):
    entry = yaml.safe_load(open(YML))[entry_name]
    keys = [(v['name'], float(v['q2min']), float(v['q2max'])) for v in entry['values']]
    n = len(keys)
    corr = [[0.0] * n for _ in range(n)]
    raw = entry['correlation']
    triangular = any(len(row) != n for row in raw)
    for i in range(n):
        row = raw[i]
        if not triangular:         # full matrix
            for j in range(n):
                corr[i][j] = float(row[j])
        else:                      # upper triangle, row i starts at the diagonal
            for j in range(i, n):
                corr[i][j] = corr[j][i] = float(row[j - i])
    index = []
    for r in rows:
        key = (FLAVIO_NAME[(r['quantity'], r['decay'])], float(r['q2_min']), float(r['q2_max']))
        index.append(keys.index(key))
    out = []
    for a in range(len(rows)):
        for b in range(a + 1, len(rows)):
            c1, c2 = corr[index[a]][index[b]], corr[index[b]][index[a]]
            if abs(c1 - c2) > 1e-12:
                raise ValueError('asymmetric matrix in %s' % entry_name)
            out.append((rows[a]['id'], rows[b]['id'], c1))
    return out


def common_correlations(rows):
    out = []
    for a in range(len(rows)):
        for b in range(a + 1, len(rows)):
            ra, rb = rows[a], rows[b]
            sa = math.sqrt(sum(sym_sigma(ra, k) ** 2 for k in (1, 2, 3)))
            sb = math.sqrt(sum(sym_sigma(rb, k) ** 2 for k in (1, 2, 3)))
            out.append((ra['id'], rb['id'], sym_sigma(ra, 3) * sym_sigma(rb, 3) / (sa * sb)))
    return out


def main():
    rows = read_rows()
    lines = []
    for group, (kind, source) in GROUPS.items():
        members = [r for r in rows if r['correlation'] == group]
        if not members:
            raise ValueError('no rows in group %s' % group)
        pairs = matrix_correlations(source, members) if kind == 'matrix' else common_correlations(members)
        lines += pairs
    unknown = {r['correlation'] for r in rows if r['correlation']} - set(GROUPS)
    if unknown:
        raise ValueError('groups without a source: %s' % unknown)
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d')
    with open(OUT, 'w', newline='') as f:
        f.write('# Experimental correlations of the rows of data/bsll_2025.csv: total-error correlation coefficients\n')
        f.write('# between rows of one `correlation` group, each unordered pair once, diagonal 1 implied; pairs not\n')
        f.write('# listed are uncorrelated. Written by scripts/make_2025_correlations.py (%s). Sources per group:\n' % now)
        for group, (kind, source) in GROUPS.items():
            if kind == 'matrix':
                f.write("#   %s: flavio %s data/measurements.yml entry '%s'\n" % (group, flavio.__version__, source))
            else:
                f.write('#   %s: %s, fully correlated between the rows: rho = s3_a s3_b / (sigma_a sigma_b),\n'
                        '#     sigma = total error, components symmetrised ((up + down)/2) and added in quadrature\n'
                        % (group, source))
        f.write('#   lhcb-rk-2022 from arXiv:2212.09152, 2212.09153 (LHCb R_K, R_K* 2022); cms-kmumu-2024 from\n')
        f.write('#   arXiv:2401.07090 (CMS B+ -> K+ mu mu 2024), the rows below 6 GeV^2 of its 15-bin matrix.\n')
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id_a', 'id_b', 'correlation'])
        for a, b, c in lines:
            w.writerow([a, b, '%.4g' % c])
    print('wrote %s (%d pairs)' % (OUT, len(lines)))


if __name__ == '__main__':
    main()
