/// The model cases of the paper's section 3.
public enum DarkBosonCase: String, Sendable, Codable, CaseIterable {
    /// Dark photon + dark Z through kinetic (epsilon) and mass (epsilon_Z) mixing, eqs. 2.2, 2.5.
    case A
    /// Case A plus a direct vector coupling g_mu to muons, eq. 3.1.
    case B
    /// Case B plus a direct electron coupling tuned to cancel the mixing-induced electron vector
    /// coupling, eq. 3.2 (electron modes SM-like).
    case C
}

/// A parameter point. Names match the priors files and JSON: mZD (GeV), epsilon, epsilonZ, gMu,
/// invisibleFraction (extra invisible width as a fraction of the nu nu-bar width, paper sec. 5.1).
public struct DarkBosonParameters: Sendable, Equatable, Codable {
    public var modelCase: DarkBosonCase
    public var mZD: Double
    public var epsilon: Double
    public var epsilonZ: Double
    public var gMu: Double
    public var invisibleFraction: Double

    public init(modelCase: DarkBosonCase, mZD: Double, epsilon: Double = 0, epsilonZ: Double = 0,
                gMu: Double = 0, invisibleFraction: Double = 0) {
        self.modelCase = modelCase
        self.mZD = mZD
        self.epsilon = epsilon
        self.epsilonZ = epsilonZ
        self.gMu = gMu
        self.invisibleFraction = invisibleFraction
    }

    /// The parameter names in the order used for vectors of values.
    public static let names = ["mZD", "epsilon", "epsilonZ", "gMu", "invisibleFraction"]

    /// Why the point is unphysical, or nil: a positive finite mass, finite couplings, a
    /// non-negative invisible fraction, and no muon coupling in case A.
    public var problem: String? {
        guard mZD.isFinite, mZD > 0 else { return "mZD must be a positive mass in GeV, got \(mZD)" }
        for (name, value) in [("epsilon", epsilon), ("epsilonZ", epsilonZ), ("gMu", gMu)] where !value.isFinite {
            return "\(name) must be finite, got \(value)"
        }
        guard invisibleFraction.isFinite, invisibleFraction >= 0 else {
            return "invisibleFraction must be >= 0, got \(invisibleFraction)"
        }
        if modelCase == .A && gMu != 0 { return "case A has no direct muon coupling (gMu must be 0)" }
        return nil
    }
}
