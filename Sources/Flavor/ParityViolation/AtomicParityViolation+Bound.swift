import Foundation

/// The upper bound on eps_Z of the paper's Fig. 9.
extension AtomicParityViolation {
    /// The largest |pull| of the two weak charges.
    public func largestPull(_ p: DarkBosonParameters) -> Double {
        WeakChargeTarget.allCases.map { abs(pull($0, p)) }.max()!
    }

    /// The upper bound on eps_Z > 0 at Z_D mass `mZD` (GeV) and kinetic mixing `epsilon`: the
    /// smallest eps_Z at which either weak charge is more than `sigmas` standard deviations from its
    /// measurement (Fig. 9: 3 sigma). nil when no eps_Z in (0, 1] is excluded, 0 when eps_Z -> 0 is
    /// already excluded. Found on a grid of 40 points per decade from 1e-10, then refined by GSL's
    /// Brent solver to 1e-14 relative.
    ///
    /// The first exclusion only: above it, the eps eps_Z and eps_Z^2 terms of Q_W^Cs have opposite
    /// signs (for eps > 0) and can cancel, so a narrow band of larger eps_Z can be allowed again by
    /// cesium; `reentersAllowedRegion` tells whether the grid finds one.
    public func upperBoundOnEpsilonZ(mZD: Double, epsilon: Double, sigmas: Double = 3) -> Double? {
        let excess = { (epsilonZ: Double) -> Double in
            self.largestPull(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: epsilon, epsilonZ: epsilonZ)) - sigmas
        }
        if excess(0) > 0 { return 0 }
        let grid = Self.epsilonZGrid
        var previous = 0.0
        for epsilonZ in grid {
            if excess(epsilonZ) > 0 {
                return GSLRootFinder.brent(lower: previous, upper: epsilonZ, excess)
            }
            previous = epsilonZ
        }
        return nil
    }

    /// Whether some eps_Z on the grid above the bound is allowed again (see `upperBoundOnEpsilonZ`).
    public func reentersAllowedRegion(mZD: Double, epsilon: Double, sigmas: Double = 3) -> Bool {
        guard let bound = upperBoundOnEpsilonZ(mZD: mZD, epsilon: epsilon, sigmas: sigmas) else { return false }
        return Self.epsilonZGrid.contains { epsilonZ in
            epsilonZ > bound * (1 + 1e-9)
                && largestPull(DarkBosonParameters(modelCase: .A, mZD: mZD, epsilon: epsilon, epsilonZ: epsilonZ)) <= sigmas
        }
    }

    /// 1e-10 ... 1, 40 points per decade.
    static let epsilonZGrid: [Double] = (0...400).map { pow(10, -10 + Double($0) / 40) }
}
