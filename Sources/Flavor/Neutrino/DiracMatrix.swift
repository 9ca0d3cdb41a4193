/// A complex 4x4 matrix in Dirac space, stored as real and imaginary rows (no allocation), with the
/// few operations the trident matrix element needs: products, sums, the Dirac adjoint
/// M-bar = gamma^0 M^† gamma^0 and the trace of a product. Gamma matrices are in the Dirac
/// representation: gamma^0 = diag(1, 1, -1, -1), gamma^i = [[0, sigma^i], [-sigma^i, 0]],
/// gamma_5 = i gamma^0 gamma^1 gamma^2 gamma^3 = [[0, 1], [1, 0]]; metric (+, -, -, -).
struct DiracMatrix: Sendable {
    var re: (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>)
    var im: (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>)

    static let zero = DiracMatrix(re: (.zero, .zero, .zero, .zero), im: (.zero, .zero, .zero, .zero))

    init(re: (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>),
         im: (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>)) {
        self.re = re
        self.im = im
    }

    /// From row-major entries (re, im).
    init(_ entries: [[(Double, Double)]]) {
        func row(_ i: Int, _ part: (Double, Double) -> Double) -> SIMD4<Double> {
            SIMD4(part(entries[i][0].0, entries[i][0].1), part(entries[i][1].0, entries[i][1].1),
                  part(entries[i][2].0, entries[i][2].1), part(entries[i][3].0, entries[i][3].1))
        }
        re = (row(0) { r, _ in r }, row(1) { r, _ in r }, row(2) { r, _ in r }, row(3) { r, _ in r })
        im = (row(0) { _, i in i }, row(1) { _, i in i }, row(2) { _, i in i }, row(3) { _, i in i })
    }

    @inline(__always) func reRow(_ i: Int) -> SIMD4<Double> {
        switch i { case 0: re.0; case 1: re.1; case 2: re.2; default: re.3 }
    }

    @inline(__always) func imRow(_ i: Int) -> SIMD4<Double> {
        switch i { case 0: im.0; case 1: im.1; case 2: im.2; default: im.3 }
    }

    /// Entry (i, j) as (re, im).
    func entry(_ i: Int, _ j: Int) -> (Double, Double) { (reRow(i)[j], imRow(i)[j]) }

    static func + (a: DiracMatrix, b: DiracMatrix) -> DiracMatrix {
        DiracMatrix(re: (a.re.0 + b.re.0, a.re.1 + b.re.1, a.re.2 + b.re.2, a.re.3 + b.re.3),
                    im: (a.im.0 + b.im.0, a.im.1 + b.im.1, a.im.2 + b.im.2, a.im.3 + b.im.3))
    }

    static func - (a: DiracMatrix, b: DiracMatrix) -> DiracMatrix {
        DiracMatrix(re: (a.re.0 - b.re.0, a.re.1 - b.re.1, a.re.2 - b.re.2, a.re.3 - b.re.3),
                    im: (a.im.0 - b.im.0, a.im.1 - b.im.1, a.im.2 - b.im.2, a.im.3 - b.im.3))
    }

    /// Real multiple.
    static func * (s: Double, a: DiracMatrix) -> DiracMatrix {
        DiracMatrix(re: (s * a.re.0, s * a.re.1, s * a.re.2, s * a.re.3),
                    im: (s * a.im.0, s * a.im.1, s * a.im.2, s * a.im.3))
    }

    /// Complex multiple (re + i im) a.
    static func scaled(_ a: DiracMatrix, re s: Double, im t: Double) -> DiracMatrix {
        DiracMatrix(re: (s * a.re.0 - t * a.im.0, s * a.re.1 - t * a.im.1, s * a.re.2 - t * a.im.2, s * a.re.3 - t * a.im.3),
                    im: (s * a.im.0 + t * a.re.0, s * a.im.1 + t * a.re.1, s * a.im.2 + t * a.re.2, s * a.im.3 + t * a.re.3))
    }

    @inline(__always) private func productRow(_ i: Int, _ b: DiracMatrix) -> (SIMD4<Double>, SIMD4<Double>) {
        let ar = reRow(i), ai = imRow(i)
        var cr = ar[0] * b.re.0 - ai[0] * b.im.0
        var ci = ar[0] * b.im.0 + ai[0] * b.re.0
        cr += ar[1] * b.re.1 - ai[1] * b.im.1
        ci += ar[1] * b.im.1 + ai[1] * b.re.1
        cr += ar[2] * b.re.2 - ai[2] * b.im.2
        ci += ar[2] * b.im.2 + ai[2] * b.re.2
        cr += ar[3] * b.re.3 - ai[3] * b.im.3
        ci += ar[3] * b.im.3 + ai[3] * b.re.3
        return (cr, ci)
    }

    static func * (a: DiracMatrix, b: DiracMatrix) -> DiracMatrix {
        let r0 = a.productRow(0, b), r1 = a.productRow(1, b), r2 = a.productRow(2, b), r3 = a.productRow(3, b)
        return DiracMatrix(re: (r0.0, r1.0, r2.0, r3.0), im: (r0.1, r1.1, r2.1, r3.1))
    }

    /// tr(a b) = sum_ij a_ij b_ji, as (re, im).
    static func traceOfProduct(_ a: DiracMatrix, _ b: DiracMatrix) -> (re: Double, im: Double) {
        var sr = 0.0, si = 0.0
        for i in 0..<4 {
            let ar = a.reRow(i), ai = a.imRow(i)
            // column i of b
            let br = SIMD4(b.re.0[i], b.re.1[i], b.re.2[i], b.re.3[i])
            let bi = SIMD4(b.im.0[i], b.im.1[i], b.im.2[i], b.im.3[i])
            sr += (ar * br - ai * bi).sum()
            si += (ar * bi + ai * br).sum()
        }
        return (sr, si)
    }

    var trace: (re: Double, im: Double) { (re.0[0] + re.1[1] + re.2[2] + re.3[3], im.0[0] + im.1[1] + im.2[2] + im.3[3]) }

    /// The Dirac adjoint gamma^0 M^† gamma^0: entry (i, j) is s_i s_j conj(M_ji), s = (1, 1, -1, -1).
    var bar: DiracMatrix {
        let s = SIMD4<Double>(1, 1, -1, -1)
        func row(_ i: Int) -> (SIMD4<Double>, SIMD4<Double>) {
            let r = SIMD4(re.0[i], re.1[i], re.2[i], re.3[i]) * s * s[i]
            let m = -SIMD4(im.0[i], im.1[i], im.2[i], im.3[i]) * s * s[i]
            return (r, m)
        }
        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3)
        return DiracMatrix(re: (r0.0, r1.0, r2.0, r3.0), im: (r0.1, r1.1, r2.1, r3.1))
    }
}

extension DiracMatrix {
    static let identity = DiracMatrix([[(1, 0), (0, 0), (0, 0), (0, 0)], [(0, 0), (1, 0), (0, 0), (0, 0)],
                                       [(0, 0), (0, 0), (1, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (1, 0)]])
    static let gamma0 = DiracMatrix([[(1, 0), (0, 0), (0, 0), (0, 0)], [(0, 0), (1, 0), (0, 0), (0, 0)],
                                     [(0, 0), (0, 0), (-1, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (-1, 0)]])
    static let gamma1 = DiracMatrix([[(0, 0), (0, 0), (0, 0), (1, 0)], [(0, 0), (0, 0), (1, 0), (0, 0)],
                                     [(0, 0), (-1, 0), (0, 0), (0, 0)], [(-1, 0), (0, 0), (0, 0), (0, 0)]])
    static let gamma2 = DiracMatrix([[(0, 0), (0, 0), (0, 0), (0, -1)], [(0, 0), (0, 0), (0, 1), (0, 0)],
                                     [(0, 0), (0, 1), (0, 0), (0, 0)], [(0, -1), (0, 0), (0, 0), (0, 0)]])
    static let gamma3 = DiracMatrix([[(0, 0), (0, 0), (1, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (-1, 0)],
                                     [(-1, 0), (0, 0), (0, 0), (0, 0)], [(0, 0), (1, 0), (0, 0), (0, 0)]])
    static let gamma5 = DiracMatrix([[(0, 0), (0, 0), (1, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (1, 0)],
                                     [(1, 0), (0, 0), (0, 0), (0, 0)], [(0, 0), (1, 0), (0, 0), (0, 0)]])
    /// gamma^mu, mu = 0...3.
    static let gammas = [gamma0, gamma1, gamma2, gamma3]

    /// p-slash = gamma^mu p_mu = p^0 gamma^0 - p^i gamma^i for a real four-vector (contravariant components).
    static func slash(_ p: LorentzVector) -> DiracMatrix {
        p.t * gamma0 - p.x * gamma1 - p.y * gamma2 - p.z * gamma3
    }

    /// The slash of a complex four-vector (re + i im, contravariant components).
    static func slash(re p: LorentzVector, im q: LorentzVector) -> DiracMatrix {
        slash(p) + scaled(slash(q), re: 0, im: 1)
    }
}
