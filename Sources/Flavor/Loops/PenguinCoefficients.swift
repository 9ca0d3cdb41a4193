import Numerics
import Foundation

/// The penguin coefficients of d_i -> d_j Z_D (paper eqs. 2.6-2.8 and appendix B) for unit mixing:
/// multiply the `A` coefficients by epsilon and the `Z` coefficients by epsilon_Z.
///
/// Each coefficient is K * sum_{j=c,t} lambda_j [f(x_u^2) - f(x_j^2)] with x = m/M_W, lambda_j =
/// V_{j,out}^* V_{j,in}, the loop functions of `PenguinLoopFunctions` and K the printed prefactor.
/// Sign convention (docs/physics.md §2): darkz uses eqs. 2.2 and 2.5 as written,
/// L ⊃ e eps Z_D J_em + (g/c_W) eps_Z Z_D J_Z. The printed E^{0,Z}, E^{2,Z}, M^{1,Z} follow it (the
/// SM Z-penguin limit checks this); the printed E^{2,A} and M^{1,A} belong to the opposite sign of
/// epsilon (the SM photon-penguin limit and the photon-like part of E^{2,Z} show it), so darkz flips
/// their sign. E^{0,A} = 0 and every right-handed monopole vanishes (eqs. B.1, B.2, B.4, B.8, B.10).
///
/// Units: E^0 dimensionless, E^2 in GeV^-2, M^1 in GeV^-1.
public struct PenguinCoefficients: Sendable, Equatable {
    /// (E^{0,Z})_L per unit epsilon_Z, eq. B.7.
    public let e0ZLeft: Complex<Double>
    /// (E^{2,A})_L per unit epsilon, eq. B.3 with the sign of docs/physics.md §2.
    public let e2ALeft: Complex<Double>
    /// (E^{2,Z})_L per unit epsilon_Z, eq. B.9.
    public let e2ZLeft: Complex<Double>
    /// (M^{1,A})_{L,R} per unit epsilon, eqs. B.5, B.6 with the sign of docs/physics.md §2.
    public let m1ALeft: Complex<Double>
    public let m1ARight: Complex<Double>
    /// (M^{1,Z})_{L,R} per unit epsilon_Z, eqs. B.11, B.12.
    public let m1ZLeft: Complex<Double>
    public let m1ZRight: Complex<Double>

    public init(transition: DownQuarkTransition, inputs: FlavorInputs) {
        let e = inputs.electricCharge, s = inputs.sinThetaW, c = inputs.cosThetaW, s2 = inputs.sin2ThetaW
        let mW = inputs.massW, pi2 = Double.pi * Double.pi
        let e3 = e * e * e
        let downMasses = [inputs.massDown, inputs.massStrange, inputs.massBottom]
        let mIn = downMasses[transition.from], mOut = downMasses[transition.to]
        let y1 = pow(inputs.massUp / mW, 2)
        let yj = [pow(inputs.massCharm / mW, 2), pow(inputs.massTop / mW, 2)]
        let lambdas = [1, 2].map { inputs.ckm.lambda(up: $0, from: transition.from, to: transition.to) }

        /// sum_{j=c,t} lambda_j [f(x_u^2) - f(x_j^2)]
        func gim(_ f: (Double) -> Double) -> Complex<Double> {
            let f1 = f(y1)
            let charm: Complex<Double> = lambdas[0] * (f1 - f(yj[0]))
            let top: Complex<Double> = lambdas[1] * (f1 - f(yj[1]))
            return charm + top
        }
        let i = Complex<Double>.i

        e0ZLeft = gim(PenguinLoopFunctions.e0Z) * (e3 / (64 * pi2 * c * s * s * s))
        e2ALeft = gim(PenguinLoopFunctions.e2A) * (-e3 / (1152 * pi2 * mW * mW * s * s))
        e2ZLeft = gim { PenguinLoopFunctions.e2Z($0, sin2ThetaW: s2) } * (e3 / (2304 * pi2 * c * mW * mW * s * s * s))
        let dipoleA = gim(PenguinLoopFunctions.m1A) * i * (e3 / (384 * pi2 * mW * mW * s * s))
        m1ALeft = dipoleA * mOut
        m1ARight = dipoleA * (-mIn)
        let dipoleZ = gim { PenguinLoopFunctions.m1Z($0, sin2ThetaW: s2) } * i * (e3 / (768 * pi2 * c * mW * mW * s * s * s))
        m1ZLeft = dipoleZ * mOut
        m1ZRight = dipoleZ * mIn
    }

    /// The monopole form factor of eq. 2.10 at q^2 for given mixings:
    /// eps_Z (E^{0,Z})_L + [eps (E^{2,A})_L + eps_Z (E^{2,Z})_L] q^2.
    @inlinable
    public func monopole(q2: Double, epsilon: Double, epsilonZ: Double) -> Complex<Double> {
        e0ZLeft * epsilonZ + (e2ALeft * epsilon + e2ZLeft * epsilonZ) * q2
    }
}
