import Numerics

/// On-shell K -> pi Z_D through the s -> d penguin (paper sec. 4.4, appendix A), the Z_D then
/// decaying invisibly in K -> pi nu nu-bar searches.
///
/// K+ -> pi+ Z_D has the width of eq. 4.10 with the s -> d vertex F_sd(M^2) and the K pi form factor
/// f_+(q^2) = f_+(0)(1 + lambda'_+ q^2/m_pi+^2) (the linear K_l3 form of eq. A.6; the slope is PDG's,
/// since eq. A.7 as printed is not a slope, docs/validation.md). K_L -> pi0 Z_D is CP violating: with
/// K_L ≈ (K0 - K0-bar)/sqrt 2 and <pi0| = <pi+|/sqrt 2 in the matrix element the amplitude is
/// proportional to Im F_sd, and Gamma(K_L) = Gamma(K+ -> pi+ with F -> Im F, K_L and pi0 masses)
/// (the same relation behind the Grossman-Nir bound, sec. 4.4). Isospin breaking in f_+ is neglected.
public struct KaonToPionProduction: Sendable {
    public let penguinSToD: PenguinCoefficients
    let mKPlus, mPiPlus, mKL, mPi0, tauKPlus, tauKL, hbar, fPlusZero, slope: Double

    public init(inputs: FlavorInputs) throws {
        penguinSToD = PenguinCoefficients(transition: .sToD, inputs: inputs)
        mKPlus = try inputs.value("m_K_plus"); mPiPlus = try inputs.value("m_pi_plus")
        mKL = try inputs.value("m_K0"); mPi0 = try inputs.value("m_pi0")
        tauKPlus = try inputs.value("tau_K_plus"); tauKL = try inputs.value("tau_K_L"); hbar = try inputs.value("hbar")
        fPlusZero = try inputs.value("f_plus_K_pi_0"); slope = try inputs.value("lambda_plus_K_pi")
    }

    /// m_K+ - m_pi+ and m_K_L - m_pi0, where the widths close.
    public var chargedThreshold: Double { mKPlus - mPiPlus }
    public var neutralThreshold: Double { mKL - mPi0 }

    func fPlus(_ q2: Double) -> Double { fPlusZero * (1 + slope * q2 / (mPiPlus * mPiPlus)) }

    /// B(K+ -> pi+ Z_D).
    public func chargedBranchingFraction(_ p: DarkBosonParameters) -> Double {
        let F = penguinSToD.monopole(q2: p.mZD * p.mZD, epsilon: p.epsilon, epsilonZ: p.epsilonZ)
        let width = TwoBodyProductionWidths.pseudoscalar(vertex: F, mass: p.mZD, initialMass: mKPlus,
                                                         finalMass: mPiPlus, fPlus: fPlus(p.mZD * p.mZD))
        return width * tauKPlus / hbar
    }

    /// B(K_L -> pi0 Z_D).
    public func neutralBranchingFraction(_ p: DarkBosonParameters) -> Double {
        let F = penguinSToD.monopole(q2: p.mZD * p.mZD, epsilon: p.epsilon, epsilonZ: p.epsilonZ)
        let width = TwoBodyProductionWidths.pseudoscalar(vertex: Complex(F.imaginary, 0), mass: p.mZD, initialMass: mKL,
                                                         finalMass: mPi0, fPlus: fPlus(p.mZD * p.mZD))
        return width * tauKL / hbar
    }
}
