#!/usr/bin/env python3
"""Derives the one-variable loop functions of darkz's penguin coefficients from the paper's
appendix B (arXiv:2210.15662, eqs. B.3, B.5, B.7, B.9, B.11) and their Taylor series about y = 1.

Each printed coefficient has the form  sum_j lambda_j * P(x_1^2, x_j^2) / ((x_1^2-1)^n (x_j^2-1)^n).
With a = x_1^2, b = x_j^2 this script checks that P/(...) = f(a) - f(b) for a single function f
(d^2/da db = 0), prints f, and prints the Taylor coefficients of f about y = 1 that
Sources/Flavor/Loops/PenguinLoopFunctions.swift uses where the closed form is 0/0.
Run: python3 scripts/derive_loop_functions.py   (needs sympy)
"""
import sympy as sp

a, b, y, s2 = sp.symbols('a b y s2', positive=True)
c2 = 1 - s2
L1, Lj = sp.log(a) / 2, sp.log(b) / 2  # log(x_1), log(x_j)

printed = {
    'E2A': (4*(3*a**4-30*a**3+54*a**2-32*a+8)*(b-1)**4*L1 - (a-1)*(4*(a-1)**3*(3*b**4-30*b**3+54*b**2-32*b+8)*Lj
            + (b-1)*(25*b**2-19*b**3+a**3*(32*b**2-57*b+19)+(-32*b**3+75*b-25)*a**2+(57*b**3-75*b**2)*a)))
           / ((a-1)**4*(b-1)**4),
    'M1A': (-12*a**2*(3*a-2)*(b-1)**4*L1 + (a-1)*(12*(a-1)**3*b**2*(3*b-2)*Lj + (b-1)*(a**3*(-29*b**2+31*b-8)
            + b*(8*b**2+5*b-7) + (29*b**3-6*b-5)*a**2 + (-31*b**3+6*b**2+7)*a))) / ((a-1)**4*(b-1)**4),
    'E0Z': (2*a*(3*a+2)*(b-1)**2*L1 + (a-1)*(-2*(a-1)*b*(3*b+2)*Lj + (b-1)*((b-1)*a**2-(b**2-6)*a+b*(b-6))))
           / ((a-1)**2*(b-1)**2),
}
def P(v): return (3*v**4-36*v**3+36*v**2-64*v+16)*s2 - 3*(4-12*v+v**4*c2-8*v**3*c2+3*v**2*(8*c2+3))
printed['E2Z'] = (4*L1*P(a)*(b-1)**4 - (a-1)*(4*(a-1)**3*Lj*P(b) - (a-b)*(b-1)*(10-5*a-11*a**2-5*b-26*a*b+43*a**2*b
    -11*b**2+43*a*b**2-38*a**2*b**2 + c2*(-58-73*b+29*b**2+a*(-145*b**2+422*b-73)+a**2*(14*b**2-145*b+29))
    - s2*(58+23*b+9*b**2+(50*b**2+31*b+9)*a**2+(31*b**2-234*b+23)*a)))) / ((a-1)**4*(b-1)**4)
def Q(v): return v*(-2*c2+2*s2-1)+v**2*(6*c2-1)+1
printed['M1Z'] = (-12*a*L1*Q(a)*(b-1)**4 + (a-1)*(12*(a-1)**3*b*Lj*Q(b) - (a-b)*(b-1)*(10-17*a+a**2-17*b+22*a*b
    +7*a**2*b+b**2+7*a*b**2-14*a**2*b**2 + 2*s2*(2+5*b-b**2+a**2*(2*b**2+5*b-1)+a*(5*b**2-22*b+5))
    + 2*c2*(-5+10*b+7*b**2+(31*b**2-26*b+7)*a**2-2*(13*b**2+4*b-5)*a)))) / ((a-1)**4*(b-1)**4)

# The closed forms used in Swift (constants dropped: they cancel in f(a) - f(b)).
closed = {
    'E0Z': ((y-4)*(y-1)*(3*y+2) + 3*y*(3*y+2)*sp.log(y)) / (3*(y-1)**2),
    'E2A': (-(y-4)*(y-1)*(101*y**2-187*y+68) + 18*(3*y**4-30*y**3+54*y**2-32*y+8)*sp.log(y)) / (9*(y-1)**4),
    'M1A': (-(y-4)*(y-1)*(116*y**2-145*y+47) - 54*y**2*(3*y-2)*sp.log(y)) / (9*(y-1)**4),
    'E2Zrest': (-2*(y-4)*(y-1)*(129*y**2+21*y+12) + 18*(-3*y**4+24*y**3-99*y**2+36*y-12)*sp.log(y)) / (9*(y-1)**4),
    'M1Zrest': ((y-4)*(y-1)*(-201*y**2+231*y-84) + 54*y*(-5*y**2+3*y-1)*sp.log(y)) / (9*(y-1)**4),
}
as_closed = {
    'E0Z': closed['E0Z'], 'E2A': closed['E2A'], 'M1A': closed['M1A'],
    'E2Z': 2*s2*closed['E2A'] + closed['E2Zrest'],
    'M1Z': -2*s2*closed['M1A'] + closed['M1Zrest'],
}
for name, expr in printed.items():
    f = as_closed[name]
    for av, bv in [(sp.Rational(3, 10), sp.Rational(7, 2)), (sp.Rational(1, 100), sp.Rational(41, 10))]:
        diff = (f.subs(y, av) - f.subs(y, bv)) - expr.subs({a: av, b: bv})
        assert abs(sp.N(diff.subs(s2, sp.Rational(23, 100)), 40)) < 1e-25, name
    print(f'{name}: printed = f(a) - f(b) verified')

order = 14
for name in ['E0Z', 'E2A', 'M1A', 'E2Zrest', 'M1Zrest']:
    t = sp.Symbol('t')
    ser = sp.series(closed[name].subs(y, 1 + t), t, 0, order).removeO()
    coeffs = [sp.nsimplify(ser.coeff(t, k)) for k in range(order)]
    print(f'// {name}: Taylor coefficients about y = 1, powers (y-1)^0 ... (y-1)^{order-1}')
    print('[' + ', '.join(repr(float(c)) for c in coeffs) + ']')
