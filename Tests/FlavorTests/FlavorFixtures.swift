import Foundation
@testable import Flavor

/// Shared inputs for the physics tests, read from the repository's data/ folder.
enum FlavorFixtures {
    static var root: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static let inputs: FlavorInputs = try! FlavorInputs(contentsOf: root + "/data/flavor_inputs.csv")
    static let vmd: VectorMesonDominance = try! VectorMesonDominance(directory: root + "/data/darkcast/vmd")
    static let model: DarkBosonModel = try! DarkBosonModel(inputs: inputs, vmd: vmd)

    /// Inputs whose electroweak tree relations hold exactly: G_F / sqrt 2 = g^2 / (8 M_W^2),
    /// M_Z = M_W / c_W and one alpha (the normalisation's alpha_em_mb set to the couplings' alpha_em_0).
    /// With them the SM Z- and photon-penguin limits must come out exactly.
    static let treeLevelInputs: FlavorInputs = {
        let g = inputs.weakCoupling, mW = inputs.massW
        return try! inputs.replacing(["G_F": 2.0.squareRoot() * g * g / (8 * mW * mW),
                                      "M_Z": mW / inputs.cosThetaW, "alpha_em_mb": inputs.alphaEM0])
    }()

    /// Inami-Lim functions (Buchalla, Buras, Lautenbacher, RMP 68 (1996) 1125, section XI),
    /// written independently of the code under test.
    static func inamiLimC0(_ x: Double) -> Double {
        x / 8 * ((x - 6) / (x - 1) + (3 * x + 2) / ((x - 1) * (x - 1)) * log(x))
    }

    static func inamiLimD0(_ x: Double) -> Double {
        -4.0 / 9 * log(x) + (-19 * x * x * x + 25 * x * x) / (36 * pow(x - 1, 3))
            + x * x * (5 * x * x - 2 * x - 6) / (18 * pow(x - 1, 4)) * log(x)
    }

    static func inamiLimD0Prime(_ x: Double) -> Double {
        -(8 * x * x * x + 5 * x * x - 7 * x) / (12 * pow(x - 1, 3)) + x * x * (3 * x - 2) / (2 * pow(x - 1, 4)) * log(x)
    }
}

extension FlavorFixtures {
    /// The b -> s l l rates with the repository's data files (shifts with strong phases).
    static let rates: SemileptonicRates = try! SemileptonicRates(inputs: inputs, dataDirectory: root + "/data")

    /// The constraint set of data/constraints.csv on the fixtures' model and rates.
    static let constraints: ConstraintSet = {
        let data = try! ConstraintData(contentsOf: root + "/data/constraints.csv")
        setenv("DARKZ_DATA_DIR", root + "/data", 1)
        return try! ConstraintSet(model: model, onShell: OnShellProduction(rates: rates), data: data)
    }()
}
