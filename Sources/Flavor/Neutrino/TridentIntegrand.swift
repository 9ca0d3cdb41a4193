import Foundation

/// The nu gamma -> nu mu+ mu- cross section at fixed s-hat as an integral over the unit hypercube
/// (docs/neutrino.md §1):
///   sigma(s-hat) = (1/(2 s-hat)) (1/2) ∫ sum|M|^2 dPhi_3,   sum|M|^2 = 2 G_F^2 e^2 [G_V^2 vv + G_A^2 aa + G_V G_A va],
/// returned without the factor 2 G_F^2 e^2. Variables: ln s34 uniform on [ln 4m^2, ln s-hat]; Q^2 from two
/// channels (uniform on [0, s-hat - s34], or uniform in ln Q^2 on [1e-10 GeV^2, s-hat - s34]) mixed half and
/// half, the weight being the inverse of the combined density; cos theta* = tanh(y)/beta with y uniform on
/// [-atanh beta, atanh beta] (density ~ 1/(1 - beta^2 cos^2), the collinear muon-propagator peaks); phi*
/// uniform.
struct TridentIntegrand: Sendable {
    let muonMass: Double
    let kinematics: TridentKinematics
    let element: TridentMatrixElement
    /// Lower end of the ln Q^2 channel (GeV^2).
    static let lowestQ2 = 1e-10

    init(muonMass: Double) {
        self.muonMass = muonMass
        kinematics = TridentKinematics(muonMass: muonMass)
        element = TridentMatrixElement(muonMass: muonMass)
    }

    struct Sample {
        /// Weight such that the sum of weight x piece over uniform points, divided by their number,
        /// estimates the cross-section piece (without 2 G_F^2 e^2).
        let weight: Double
        let q2: Double
        let pieces: (vv: Double, aa: Double, va: Double)
    }

    func sample(sHat: Double, u: (Double, Double, Double, Double)) -> Sample? {
        let m = muonMass, pi = Double.pi
        let threshold = 4 * m * m
        let lnS34Range = log(sHat / threshold)
        guard lnS34Range > 0 else { return nil }
        let s34 = threshold * exp(lnS34Range * u.0)
        let q2Max = sHat - s34
        guard q2Max > 0 else { return nil }
        let qLow = Self.lowestQ2
        let logChannel = q2Max > qLow
        let q2: Double
        if u.1 < 0.5 || !logChannel {
            q2 = q2Max * (logChannel ? 2 * u.1 : u.1)
        } else {
            q2 = qLow * exp(log(q2Max / qLow) * (2 * u.1 - 1))
        }
        var density = logChannel ? 0.5 / q2Max : 1 / q2Max
        if logChannel && q2 > qLow { density += 0.5 / (q2 * log(q2Max / qLow)) }
        let beta = (1 - threshold / s34).squareRoot()
        guard beta > 0 else { return nil }
        let yMax = atanh(beta)
        let cosStar = tanh(yMax * (2 * u.2 - 1)) / beta
        let betaCos = beta * cosStar
        let cosJacobian: Double = 2 * yMax * (1 - betaCos * betaCos) / beta
        let phiStar = 2 * pi * u.3
        let pt = kinematics.point(sHat: sHat, s34: s34, q2: q2, cosStar: cosStar, phiStar: phiStar)
        let pieces = element.pieces(p1: pt.p1, k: pt.k, p2: pt.p2, p3: pt.p3, p4: pt.p4)
        // dPhi_3 = dQ^2/(8 pi s-hat) ds34/(2 pi) beta/(8 pi) dOmega*/(4 pi); flux 1/(2 s-hat), photon average 1/2
        let phaseSpace: Double = beta / (8 * pi * sHat * 2 * pi * 8 * pi * 4 * pi)
        let jacobian: Double = s34 * lnS34Range / density * cosJacobian * 2 * pi
        let weight = phaseSpace * jacobian / (4 * sHat)
        guard weight.isFinite, pieces.vv.isFinite, pieces.aa.isFinite, pieces.va.isFinite else { return nil }
        return Sample(weight: weight, q2: q2, pieces: pieces)
    }
}
