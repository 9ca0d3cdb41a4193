/// The conformal variable of the z-expansion of B -> M form factors (Bharucha, Straub, Zwicky,
/// arXiv:1503.05534):
///   z(t) = (sqrt(t_+ - t) - sqrt(t_+ - t_0)) / (sqrt(t_+ - t) + sqrt(t_+ - t_0)),
/// with t_+ = (m_B + m_M)^2 and t_0 = t_+ (1 - sqrt(1 - t_-/t_+)), t_- = (m_B - m_M)^2, the choice
/// of that paper that minimises |z| over the semileptonic region 0 <= t <= t_-.
public struct ConformalVariable: Sendable, Equatable {
    public let tPlus: Double
    public let tZero: Double
    /// z(0), subtracted in the BSZ series so that the coefficient a_0 is F(0).
    public let zAtZero: Double

    /// `initialMass` m_B and `finalMass` m_M in GeV.
    public init(initialMass: Double, finalMass: Double) {
        let tPlus = (initialMass + finalMass) * (initialMass + finalMass)
        let tMinus = (initialMass - finalMass) * (initialMass - finalMass)
        let tZero = tPlus * (1 - (1 - tMinus / tPlus).squareRoot())
        self.tPlus = tPlus
        self.tZero = tZero
        let a = tPlus.squareRoot(), b = (tPlus - tZero).squareRoot()
        zAtZero = (a - b) / (a + b)
    }

    /// z(t) for t < t_+ (GeV^2).
    @inlinable
    public func z(_ t: Double) -> Double {
        let a = (tPlus - t).squareRoot(), b = (tPlus - tZero).squareRoot()
        return (a - b) / (a + b)
    }

    /// z(q^2) - z(0), the expansion variable of the BSZ series.
    @inlinable
    public func shifted(_ q2: Double) -> Double { z(q2) - zAtZero }
}
