/// A real four-vector (t, x, y, z), contravariant components, metric (+, -, -, -), GeV.
struct LorentzVector: Sendable, Equatable {
    var t, x, y, z: Double

    init(_ t: Double, _ x: Double, _ y: Double, _ z: Double) {
        self.t = t; self.x = x; self.y = y; self.z = z
    }

    static let zero = LorentzVector(0, 0, 0, 0)

    static func + (a: LorentzVector, b: LorentzVector) -> LorentzVector { LorentzVector(a.t + b.t, a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: LorentzVector, b: LorentzVector) -> LorentzVector { LorentzVector(a.t - b.t, a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (s: Double, a: LorentzVector) -> LorentzVector { LorentzVector(s * a.t, s * a.x, s * a.y, s * a.z) }

    /// Minkowski product a.b = a^0 b^0 - a.b (3-vector).
    static func * (a: LorentzVector, b: LorentzVector) -> Double { a.t * b.t - a.x * b.x - a.y * b.y - a.z * b.z }

    var mass2: Double { self * self }
    var spatialLength: Double { (x * x + y * y + z * z).squareRoot() }

    /// Contravariant component mu.
    subscript(mu: Int) -> Double {
        switch mu { case 0: t; case 1: x; case 2: y; default: z }
    }

    /// This vector seen from a frame moving with velocity beta (|beta| < 1) relative to the current one
    /// (the rest frame of a momentum P is reached with beta = P-vec / P^0).
    func boosted(into beta: (Double, Double, Double)) -> LorentzVector {
        let b2 = beta.0 * beta.0 + beta.1 * beta.1 + beta.2 * beta.2
        guard b2 > 0 else { return self }
        let gamma = 1 / (1 - b2).squareRoot()
        let bp = beta.0 * x + beta.1 * y + beta.2 * z
        let g2 = (gamma - 1) / b2
        return LorentzVector(gamma * (t - bp),
                             x + g2 * bp * beta.0 - gamma * beta.0 * t,
                             y + g2 * bp * beta.1 - gamma * beta.1 * t,
                             z + g2 * bp * beta.2 - gamma * beta.2 * t)
    }

    /// The velocity of the rest frame of this (timelike) momentum.
    var restFrameVelocity: (Double, Double, Double) { (x / t, y / t, z / t) }
}
