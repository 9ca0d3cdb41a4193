/// A quantity quadratic in the chiral couplings g_L, g_R of Z_D to the muon,
///   X = left g_L^2 + right g_R^2 + interference g_L g_R,
/// as the squared amplitude of eq. 4.27 and the width of eq. 4.28 are. Keeping the three coefficients
/// lets one integration serve every coupling (scans in g_mu, limits solved in closed form).
public struct ChiralQuadraticForm: Sendable, Equatable {
    public var left: Double
    public var right: Double
    public var interference: Double

    public init(left: Double, right: Double, interference: Double) {
        self.left = left
        self.right = right
        self.interference = interference
    }

    public static let zero = ChiralQuadraticForm(left: 0, right: 0, interference: 0)

    /// The form at couplings g_L = coupling.left, g_R = coupling.right.
    @inlinable
    public func value(_ coupling: ChiralCoupling) -> Double {
        let l = coupling.left, r = coupling.right
        return left * l * l + right * r * r + interference * l * r
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(left: a.left + b.left, right: a.right + b.right, interference: a.interference + b.interference)
    }

    public static func * (s: Double, a: Self) -> Self {
        Self(left: s * a.left, right: s * a.right, interference: s * a.interference)
    }
}
