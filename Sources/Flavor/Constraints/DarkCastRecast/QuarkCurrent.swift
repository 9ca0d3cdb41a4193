/// The vector and axial couplings of a light vector boson to the five quarks LHCb's production
/// involves, in the units of `DarkBosonCouplings` (a dark photon of mixing eps has vector e eps Q_q).
/// The Z_D's couplings come from eps and eps_Z, which are the same for every generation, so c couples
/// as u and b as d (docs/physics.md §8).
public struct QuarkCurrent: Sendable, Equatable {
    public var up, down, strange, charm, bottom: ChiralCoupling

    public enum Quark: String, Sendable { case u, d, s, c, b }

    public subscript(_ q: Quark) -> ChiralCoupling {
        switch q {
        case .u: return up
        case .d: return down
        case .s: return strange
        case .c: return charm
        case .b: return bottom
        }
    }

    public init(up: ChiralCoupling, down: ChiralCoupling, strange: ChiralCoupling,
                charm: ChiralCoupling, bottom: ChiralCoupling) {
        self.up = up; self.down = down; self.strange = strange; self.charm = charm; self.bottom = bottom
    }

    /// The Z_D's quark couplings at a parameter point.
    public init(_ c: DarkBosonCouplings) {
        self.init(up: c.up, down: c.down, strange: c.strange, charm: c.up, bottom: c.down)
    }

    /// A dark photon with unit mixing: vector e Q_q, no axial couplings.
    public static func darkPhoton(electricCharge e: Double) -> QuarkCurrent {
        func v(_ q: Double) -> ChiralCoupling { ChiralCoupling(vector: e * q, axial: 0) }
        return QuarkCurrent(up: v(2.0 / 3), down: v(-1.0 / 3), strange: v(-1.0 / 3), charm: v(2.0 / 3), bottom: v(-1.0 / 3))
    }
}

/// The diagonal of a U(3) flavour matrix on (u, d, s): DarkCast's meson generators T (its eq. A.1)
/// and the photon's charge matrix (its eq. 2.8).
struct FlavourDiagonal: Sendable, Equatable {
    let u, d, s: Double

    static let photon = FlavourDiagonal(u: 2.0 / 3, d: -1.0 / 3, s: -1.0 / 3)
    static let rho = FlavourDiagonal(u: 0.5, d: -0.5, s: 0)
    static let pion = rho
    static let omega = FlavourDiagonal(u: 0.5, d: 0.5, s: 0)
    static let phi = FlavourDiagonal(u: 0, d: 0, s: 1 / 2.0.squareRoot())
    static let eta = FlavourDiagonal(u: 1 / 6.0.squareRoot(), d: 1 / 6.0.squareRoot(), s: -1 / 6.0.squareRoot())

    /// Tr[T Q_V] with Q_V = diag(x_u, x_d, x_s) the vector quark couplings.
    func trace(vector c: QuarkCurrent) -> Double { u * c.up.vector + d * c.down.vector + s * c.strange.vector }

    /// Tr[A B C] of three diagonal matrices.
    static func trace(_ a: FlavourDiagonal, _ b: FlavourDiagonal, _ c: FlavourDiagonal) -> Double {
        a.u * b.u * c.u + a.d * b.d * c.d + a.s * b.s * c.s
    }
}
