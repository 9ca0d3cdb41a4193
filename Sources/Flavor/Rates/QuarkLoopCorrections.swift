import Foundation
import Numerics

/// The q^2-dependent pieces that turn the SM Wilson coefficients C7eff, C9 into the effective
/// coefficients of the b -> s l l amplitude (the "C7eff(q^2), C9eff(q^2)" of flavio and of
/// Altmannshofer et al., arXiv:0811.1214):
///   C9eff(q^2) = C9 + Y(q^2) + (lambda_u/lambda_t) Y_u(q^2) + delta C9(q^2),
///   C7eff(q^2) = C7eff + delta C7(q^2),
/// with the one-loop four-quark matrix elements Y, Y_u (`FourQuarkMatrixElements`) and the
/// O(alpha_s) matrix elements of O1, O2 (Greub, Pilipovic, Schupbach, arXiv:0810.4077) and O8
/// (Asatrian et al., hep-ph/0312063):
///   delta C9 = -alpha_s/(4 pi) [C8eff F_8^(9) + (1 - lambda_u/lambda_t)(C1 F_1^(9) + C2 F_2^(9))],
///   delta C7 = -alpha_s/(4 pi) [C8eff F_8^(7) + (1 - lambda_u/lambda_t)(C1 F_1^(7) + C2 F_2^(7))].
/// Left out: the O(alpha_s) u-quark two-loop functions of Seidel (hep-ph/0403185), which enter
/// multiplied by lambda_u/lambda_t (|lambda_u/lambda_t| ~ 0.02; about 0.3% of C9eff).
public struct QuarkLoopCorrections: Sendable, Equatable {
    /// Y(q^2) + (lambda_u/lambda_t) Y_u(q^2).
    public var c9OneLoop: Complex<Double>
    /// delta C9(q^2).
    public var c9TwoLoop: Complex<Double>
    /// delta C7(q^2).
    public var c7TwoLoop: Complex<Double>
}

/// Everything q^2-independent of `QuarkLoopCorrections`, fixed once per scale and inputs.
public struct QuarkLoopModel: Sendable {
    public let coefficients: StandardModelWilsonCoefficients
    public let fourQuark: FourQuarkMatrixElements
    /// F_{1,2}^(9) at the pole charm mass, F_{1,2}^(7) at the charm mass of the dipole corrections.
    public let twoLoopVector: CurrentCurrentTwoLoopFunctions
    public let twoLoopDipole: CurrentCurrentTwoLoopFunctions
    public let alphaS: Double
    public let bottomPoleMass: Double
    /// lambda_u / lambda_t = V_ub V_us^* / (V_tb V_ts^*).
    public let ckmRatio: Complex<Double>

    /// `charmPoleMass`, `bottomPoleMass`: the pole masses of the loops; `charmMassDipole`: the
    /// charm mass of F_{1,2}^(7); `alphaS`: alpha_s at the scale of `coefficients`.
    public init(coefficients: StandardModelWilsonCoefficients, grid: CurrentCurrentTwoLoopGrid, ckm: CKMMatrix,
                alphaS: Double, charmPoleMass: Double, bottomPoleMass: Double, charmMassDipole: Double) {
        self.coefficients = coefficients
        fourQuark = FourQuarkMatrixElements(coefficients: coefficients, charmMass: charmPoleMass, bottomMass: bottomPoleMass)
        let muHat = coefficients.scale / bottomPoleMass
        twoLoopVector = grid.slice(muHat: muHat, z: pow(charmPoleMass / bottomPoleMass, 2))
        twoLoopDipole = grid.slice(muHat: muHat, z: pow(charmMassDipole / bottomPoleMass, 2))
        self.alphaS = alphaS
        self.bottomPoleMass = bottomPoleMass
        ckmRatio = ckm.lambda(up: 0, from: 2, to: 1) / ckm.lambda(up: 2, from: 2, to: 1)
    }

    /// The corrections at q^2 for the b-quark decay (`cpConjugate` false) or for its CP conjugate,
    /// where the weak phase of lambda_u/lambda_t flips and the strong phases stay.
    public func corrections(q2: Double, cpConjugate: Bool) -> QuarkLoopCorrections {
        let c = coefficients
        let r = cpConjugate ? ckmRatio.conjugate : ckmRatio
        let (y, yU) = fourQuark.values(q2: q2)
        let sh = q2 / (bottomPoleMass * bottomPoleMass)
        let factor = -alphaS / (4 * Double.pi)
        let cabibbo = Complex<Double>(1, 0) - r
        let f9 = GluonDipoleMatrixElements.f89(sh: sh) * c.c8eff
            + cabibbo * (twoLoopVector.f19(sh: sh) * c.c1 + twoLoopVector.f29(sh: sh) * c.c2)
        let f7 = GluonDipoleMatrixElements.f87(sh: sh, logScale: log(c.scale / bottomPoleMass)) * c.c8eff
            + cabibbo * (twoLoopDipole.f17(sh: sh) * c.c1 + twoLoopDipole.f27(sh: sh) * c.c2)
        return QuarkLoopCorrections(c9OneLoop: y + r * yU, c9TwoLoop: f9 * factor, c7TwoLoop: f7 * factor)
    }
}
