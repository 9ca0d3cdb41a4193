import Numerics

/// 4x4 complex matrices in the Dirac representation, for checking spin sums by explicit traces
/// (independent of any trace identity used in a derivation). Metric (+, -, -, -).
struct TraceMatrix {
    var entries: [Complex<Double>]   // row-major, 16

    init(_ entries: [Complex<Double>]) { self.entries = entries }

    static let zero = TraceMatrix(Array(repeating: .zero, count: 16))
    static let identity: TraceMatrix = {
        var m = zero
        for i in 0..<4 { m.entries[5 * i] = .one }
        return m
    }()

    subscript(i: Int, j: Int) -> Complex<Double> {
        get { entries[4 * i + j] }
        set { entries[4 * i + j] = newValue }
    }

    static func * (a: TraceMatrix, b: TraceMatrix) -> TraceMatrix {
        var c = zero
        for i in 0..<4 {
            for j in 0..<4 {
                var sum = Complex<Double>.zero
                for k in 0..<4 { sum += a.entries[4 * i + k] * b.entries[4 * k + j] }
                c.entries[4 * i + j] = sum
            }
        }
        return c
    }
    static func + (a: TraceMatrix, b: TraceMatrix) -> TraceMatrix { TraceMatrix(zip(a.entries, b.entries).map { $0 + $1 }) }
    static func - (a: TraceMatrix, b: TraceMatrix) -> TraceMatrix { TraceMatrix(zip(a.entries, b.entries).map { $0 - $1 }) }
    static func * (s: Double, a: TraceMatrix) -> TraceMatrix { TraceMatrix(a.entries.map { $0 * Complex<Double>(s, 0) }) }

    var trace: Complex<Double> { (0..<4).reduce(.zero) { $0 + self[$1, $1] } }
    /// gamma^0 A^dagger gamma^0.
    var bar: TraceMatrix {
        var h = TraceMatrix.zero
        for i in 0..<4 { for j in 0..<4 { h[i, j] = self[j, i].conjugate } }
        return Self.gamma[0] * h * Self.gamma[0]
    }

    /// gamma^mu, mu = 0...3, Dirac representation.
    static let gamma: [TraceMatrix] = {
        let i = Complex<Double>.i, o = Complex<Double>.one, z = Complex<Double>.zero
        let g0 = TraceMatrix([o, z, z, z,  z, o, z, z,  z, z, -o, z,  z, z, z, -o])
        // gamma^k = [[0, sigma_k], [-sigma_k, 0]]
        let sigmas: [[Complex<Double>]] = [[z, o, o, z], [z, -i, i, z], [o, z, z, -o]]
        let gk = sigmas.map { s -> TraceMatrix in
            var m = TraceMatrix.zero
            for r in 0..<2 { for c in 0..<2 { m[r, c + 2] = s[2 * r + c]; m[r + 2, c] = -s[2 * r + c] } }
            return m
        }
        return [g0] + gk
    }()
    /// gamma_5 = i gamma^0 gamma^1 gamma^2 gamma^3.
    static let gamma5: TraceMatrix = {
        let g = gamma[0] * gamma[1] * gamma[2] * gamma[3]
        return TraceMatrix(g.entries.map { $0 * Complex<Double>.i })
    }()

    /// p-slash = gamma^mu p_mu.
    static func slash(_ p: TraceVector) -> TraceMatrix {
        1 * (p.t * gamma[0]) - (p.x * gamma[1]) - (p.y * gamma[2]) - (p.z * gamma[3])
    }
}

struct TraceVector {
    var t, x, y, z: Double
    static func + (a: TraceVector, b: TraceVector) -> TraceVector { TraceVector(t: a.t + b.t, x: a.x + b.x, y: a.y + b.y, z: a.z + b.z) }
    static func - (a: TraceVector, b: TraceVector) -> TraceVector { TraceVector(t: a.t - b.t, x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
    func dot(_ b: TraceVector) -> Double { t * b.t - x * b.x - y * b.y - z * b.z }
    /// Lower-index component mu.
    func lower(_ mu: Int) -> Double { [t, -x, -y, -z][mu] }
}
