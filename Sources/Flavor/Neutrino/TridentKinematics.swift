import Foundation

/// Three-body kinematics of nu(p1) gamma(k) -> nu(p2) mu-(p3) mu+(p4) in the nu-gamma centre of mass,
/// the neutrino along +z and the photon along -z, built from the invariants
///   s-hat = (p1 + k)^2,  s34 = (p3 + p4)^2,  Q^2 = -(p1 - p2)^2  (0 <= Q^2 <= s-hat - s34),
/// and the muon direction (cos theta*, phi*) in the dimuon rest frame, measured from the photon
/// direction there (so that the propagators 1/(p3.k), 1/(p4.k) peak at cos theta* = +-1).
/// Phase space: dPhi_3 = dQ^2/(8 pi s-hat) ds34/(2 pi) beta/(8 pi) dOmega*/(4 pi), beta = sqrt(1 - 4 m^2/s34).
struct TridentKinematics: Sendable {
    let muonMass: Double

    struct Point {
        let p1, k, p2, p3, p4: LorentzVector
    }

    func point(sHat: Double, s34: Double, q2: Double, cosStar: Double, phiStar: Double) -> Point {
        let m = muonMass
        let rootS = sHat.squareRoot(), e1 = rootS / 2
        let p1 = LorentzVector(e1, 0, 0, e1), k = LorentzVector(e1, 0, 0, -e1)
        let e2 = (sHat - s34) / (2 * rootS)
        let cosTheta = max(-1, min(1, 1 - q2 / (2 * e1 * e2)))
        let sinTheta = (1 - cosTheta * cosTheta).squareRoot()
        let p2 = LorentzVector(e2, e2 * sinTheta, 0, e2 * cosTheta)
        let total = p1 + k - p2
        let toRest = total.restFrameVelocity
        let kRest = k.boosted(into: toRest), p1Rest = p1.boosted(into: toRest)
        // axes in the dimuon rest frame: z* along the photon, x* in the photon-neutrino plane
        let kn = kRest.spatialLength
        let z = (kRest.x / kn, kRest.y / kn, kRest.z / kn)
        let pz = p1Rest.x * z.0 + p1Rest.y * z.1 + p1Rest.z * z.2
        var x = (p1Rest.x - pz * z.0, p1Rest.y - pz * z.1, p1Rest.z - pz * z.2)
        var xn = (x.0 * x.0 + x.1 * x.1 + x.2 * x.2).squareRoot()
        if !(xn > 1e-12 * p1Rest.t) {  // collinear: any direction orthogonal to z*
            x = abs(z.0) < 0.9 ? (1 - z.0 * z.0, -z.0 * z.1, -z.0 * z.2) : (-z.1 * z.0, 1 - z.1 * z.1, -z.1 * z.2)
            xn = (x.0 * x.0 + x.1 * x.1 + x.2 * x.2).squareRoot()
        }
        x = (x.0 / xn, x.1 / xn, x.2 / xn)
        let y = (z.1 * x.2 - z.2 * x.1, z.2 * x.0 - z.0 * x.2, z.0 * x.1 - z.1 * x.0)
        let eStar = s34.squareRoot() / 2
        let pStar = max(0, eStar * eStar - m * m).squareRoot()
        let sinStar = max(0, 1 - cosStar * cosStar).squareRoot()
        let n = (sinStar * cos(phiStar), sinStar * sin(phiStar), cosStar)
        let dir = (n.0 * x.0 + n.1 * y.0 + n.2 * z.0, n.0 * x.1 + n.1 * y.1 + n.2 * z.1, n.0 * x.2 + n.1 * y.2 + n.2 * z.2)
        let p3Rest = LorentzVector(eStar, pStar * dir.0, pStar * dir.1, pStar * dir.2)
        let p4Rest = LorentzVector(eStar, -pStar * dir.0, -pStar * dir.1, -pStar * dir.2)
        let back = (-toRest.0, -toRest.1, -toRest.2)
        return Point(p1: p1, k: k, p2: p2, p3: p3Rest.boosted(into: back), p4: p4Rest.boosted(into: back))
    }
}
