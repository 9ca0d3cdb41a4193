import Foundation
import Testing
@testable import Flavor

/// The constraint rows of issue #12 (data/constraints.csv) against their papers, and their judgement of the
/// SM point: Belle II B+ -> K+ nu nu-bar 2023 (arXiv:2311.14647), NA62 K+ -> pi+ nu nu-bar 2016-22
/// (arXiv:2412.12015), muon g-2 from the final FNAL result with the 2025 White Paper (arXiv:2506.03069,
/// 2505.21476) and the paper's 2021 value (eq. 6.1). docs/validation.md, "The 2025 data set (issue #12)".
@Suite("Constraints of issue #12 (2023-2025 measurements)")
struct Constraints2025Tests {
    static var set: ConstraintSet { FlavorFixtures.constraints }

    /// The row's Gaussian numbers (value, sigma_up, sigma_down), its CL and its alternative_to.
    func row(_ name: String) throws -> (value: Double, up: Double, down: Double, cl: Double, alternativeTo: String?) {
        let entry = try Self.set.data.entry(name)
        guard case let .gaussian(value, up, down) = entry.form else {
            Issue.record("\(name) is not a Gaussian row")
            return (.nan, .nan, .nan, .nan, nil)
        }
        return (value, up, down, entry.cl, entry.alternativeTo)
    }

    /// Same numbers to the rows' printed digits (1e-9 relative: the rows are decimal literals; the combined errors
    /// are rounded to 3 digits, checked against their quadrature sums to that rounding, 1e-3).
    static func close(_ a: Double, _ b: Double, _ rel: Double = 1e-9) -> Bool { abs(a - b) <= rel * abs(b) }

    /// A point whose Z_D couplings are negligible: every prediction is the SM's to far below the errors.
    static let standardModelLike = FlavorFixtures.model.point(
        DarkBosonParameters(modelCase: .A, mZD: 0.05, epsilon: 1e-9, epsilonZ: 1e-9))

    func judged(_ name: String) -> ConstraintResult {
        Self.set.evaluate(Self.standardModelLike, names: [name])[0]
    }

    /// Belle II: (2.3 +- 0.5 (stat) +0.5 -0.4 (syst)) e-5, errors added in quadrature per side.
    @Test func belle2BToKNuNu() throws {
        let r = try row("b-k-nunu-belle2-2023")
        #expect(Self.close(r.value, 2.3e-5))
        #expect(Self.close(r.up, (0.5 * 0.5 + 0.5 * 0.5).squareRoot() * 1e-5, 1e-3))
        #expect(Self.close(r.down, (0.5 * 0.5 + 0.4 * 0.4).squareRoot() * 1e-5, 1e-3))
        #expect(r.cl == 0.9545 && r.alternativeTo == "b-k-nunu-average")
        // The SM (eq. 4.14, 4.4e-6) lies (4.4 - 23) / 6.40 = -2.91 sigma away: excluded at 2 sigma (Belle II
        // quotes 2.7 sigma above its own SM expectation).
        let sm = judged("b-k-nunu-belle2-2023")
        let standardModel = try FlavorFixtures.inputs.value("BR_Bplus_Kplus_nunu_SM")
        #expect(sm.applies && Self.close(sm.prediction, standardModel, 1e-6))
        #expect(abs(sm.pull - (4.4e-6 - 2.3e-5) / 0.640e-5) < 1e-4 && sm.excluded)
    }

    /// NA62 2016-22: (13.0 +3.3 -3.0) e-11, the quoted total; the SM 8.4(1.0)e-11 of eq. 4.21 with its error as
    /// theory error: pull (8.4 - 13.0) / sqrt(3.0^2 + 1.0^2) = -1.45, allowed at 2 sigma.
    @Test func na62KToPiNuNu() throws {
        let r = try row("k-pi-nunu-na62-2024")
        #expect(Self.close(r.value, 13.0e-11) && Self.close(r.up, 3.3e-11) && Self.close(r.down, 3.0e-11))
        #expect(r.cl == 0.9545 && r.alternativeTo == "k-pi-nunu")
        let sm = judged("k-pi-nunu-na62-2024")
        #expect(sm.applies && !sm.excluded)
        #expect(abs(sm.pull - (8.4 - 13.0) / (3.0 * 3.0 + 1.0 * 1.0).squareRoot()) < 1e-4)
    }

    /// g-2, 2025: Delta a_mu = 38(63)e-11 (WP25: world average 116592071.5(14.5)e-11 - SM 116592033(62)e-11),
    /// a two-sided Gaussian at 3 sigma: the SM point (a_mu^NP = 0) has pull -38/63 = -0.60 and is not excluded.
    @Test func muonGMinus2Of2025() throws {
        let r = try row("g-2")
        #expect(Self.close(r.value, 38e-11) && Self.close(r.up, 63e-11) && Self.close(r.down, 63e-11))
        #expect(r.cl == 0.9973 && r.alternativeTo == nil)
        // the row is the difference of the two published numbers, to their rounding (0.5e-11 in the value)
        #expect(abs(r.value - (116592071.5e-11 - 116592033e-11)) < 1e-11)
        #expect(abs(r.up - (14.5 * 14.5 + 62 * 62).squareRoot() * 1e-11) < 1e-11)
        let sm = judged("g-2")
        #expect(sm.applies && abs(sm.prediction) < 1e-15)
        #expect(abs(sm.pull + 38.0 / 63.0) < 1e-4 && !sm.excluded)
    }

    /// g-2, the paper's eq. 6.1: 251(59)e-11; the SM point is 251/59 = 4.25 sigma away, excluded at 3 sigma.
    @Test func muonGMinus2OfThePaper() throws {
        let r = try row("g-2-2021")
        #expect(Self.close(r.value, 251e-11) && Self.close(r.up, 59e-11) && Self.close(r.down, 59e-11))
        #expect(r.cl == 0.9973 && r.alternativeTo == "g-2")
        let sm = judged("g-2-2021")
        #expect(abs(sm.pull + 251.0 / 59.0) < 1e-4 && sm.excluded)
    }

    /// Each new row predicts what its default predicts (same type, same inputs), at points where the Z_D counts.
    @Test(arguments: [
        DarkBosonParameters(modelCase: .A, mZD: 0.05, epsilon: 1e-4, epsilonZ: 1e-4),
        DarkBosonParameters(modelCase: .C, mZD: 0.03, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.03),
        DarkBosonParameters(modelCase: .B, mZD: 0.3, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 2e-3),
    ])
    func alternativesPredictAsTheirDefaults(_ p: DarkBosonParameters) {
        let point = FlavorFixtures.model.point(p)
        for (alternative, base) in [("b-k-nunu-belle2-2023", "b-k-nunu-average"), ("k-pi-nunu-na62-2024", "k-pi-nunu"),
                                    ("g-2-2021", "g-2")] {
            let r = Self.set.evaluate(point, names: [alternative, base])
            #expect(r.count == 2 && r[0].applies == r[1].applies)
            if r[0].applies { #expect(r[0].prediction == r[1].prediction, "\(alternative)") }
        }
    }

    /// `--constraints all` takes the 2025 g-2 and the older B -> K nu nu-bar, K -> pi nu nu-bar defaults.
    @Test func allSelectsTheDefaults() throws {
        let all = try Self.set.select("all")
        #expect(all.contains("g-2") && !all.contains("g-2-2021"))
        #expect(all.contains("b-k-nunu-average") && !all.contains("b-k-nunu-belle2-2023"))
        #expect(all.contains("k-pi-nunu") && !all.contains("k-pi-nunu-na62-2024"))
        #expect(try Self.set.select("g-2-2021,b-k-nunu-belle2-2023,k-pi-nunu-na62-2024").count == 3)
    }
}
