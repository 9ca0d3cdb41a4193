import Ensemble
import Foundation
import Testing

/// Evidence from tempered runs on targets of known Z (Tests/Fixtures/evidence, whose script also
/// ran dynesty on them), and a check that the reported errors are calibrated.
@Suite("Evidence")
struct EvidenceTests {
    struct Fixture: Decodable {
        struct Target: Decodable {
            struct Run: Decodable { let seed: Int; let log_z: Double; let log_z_error: Double }
            let name: String
            let log_z_exact: Double
            let dynesty: [Run]
        }
        let dynesty_version: String
        let targets: [Target]
    }

    static let fixture: Fixture = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        let url = dir.appendingPathComponent("Tests/Fixtures/evidence/evidence.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func exact(_ name: String) -> Fixture.Target { fixture.targets.first { $0.name == name }! }

    static func estimates<T: BoxTarget>(_ target: T, temperatures: Int, steps: Int, seed: UInt64 = 3) throws -> [EvidenceEstimate] {
        let s = try TemperedSampler(
            target: target, moves: StretchMove(),
            ladder: .geometric(temperatures: temperatures, dimension: target.dimension, adaptationSteps: steps / 4),
            initialPositions: target.priorDraws(temperatures: temperatures, walkers: 32, seed: seed), seed: seed, threads: 2)
        s.run(steps: steps)
        return try TemperedEvidence.estimate(s.history, discard: steps / 4)
    }

    // |Δ ln Z| <= 0.1 (the issue's requirement) for both estimators, and the truth within two
    // reported standard errors (a 95 % interval; single fixed-seed runs, so this is deterministic).
    @Test("ln Z of a Gaussian in a box, a two-Gaussian mixture and the 5-D Gaussian shells",
          arguments: [("gaussian_box_2d", 8, 4_000), ("gaussian_box_5d", 10, 4_000), ("mixture_2d", 8, 4_000),
                      ("mixture_5d", 10, 4_000), ("shell_5d", 12, 6_000)])
    func knownEvidence(name: String, temperatures: Int, steps: Int) throws {
        let reference = Self.exact(name)
        let d = name.hasSuffix("5d") ? 5 : 2
        let results: [EvidenceEstimate]
        switch name.prefix(5) {
        case "gauss": results = try Self.estimates(GaussianInBox(dimension: d), temperatures: temperatures, steps: steps)
        case "mixtu": results = try Self.estimates(GaussianMixture(dimension: d), temperatures: temperatures, steps: steps)
        default: results = try Self.estimates(GaussianShells(dimension: d), temperatures: temperatures, steps: steps)
        }
        let dynesty = reference.dynesty.map { String(format: "%.3f±%.3f", $0.log_z, $0.log_z_error) }.joined(separator: ", ")
        for e in results {
            let delta = e.logEvidence - reference.log_z_exact
            print("evidence \(name) \(e.method.rawValue): ln Z = \(e.logEvidence) ± \(e.error), exact \(reference.log_z_exact), Δ = \(delta); dynesty \(Self.fixture.dynesty_version): \(dynesty)")
            #expect(abs(delta) <= 0.1, "\(name) \(e.method): Δ ln Z = \(delta)")
            #expect(abs(delta) <= 2 * e.error, "\(name) \(e.method): Δ ln Z = \(delta), error \(e.error)")
        }
    }

    // darkz's likelihoods span ln L from about -50 (or -35265 for case B) at the best fit to
    // -10^5..-10^6 over the prior. A Gaussian of σ = 10^-3 in [-1, 1]^2 peaked at ln L = -35000
    // has that range (ln L ≈ -3.7 10^5 at the box's corners). Both estimators within 0.1, their
    // errors covering the truth.
    @Test("A narrow Gaussian (σ = 1e-3 in [-1, 1]², peak ln L = -35000, ln L down to -3.7e5): both within 0.1")
    func narrowGaussian() throws {
        let target = GaussianInBox(dimension: 2, sigma: 1e-3, halfWidth: 1, peak: -35_000)
        let results = try Self.estimates(target, temperatures: 8, steps: 6_000)
        for e in results {
            let delta = e.logEvidence - target.exactLogEvidence
            print("evidence narrow_gaussian_2d \(e.method.rawValue): ln Z = \(e.logEvidence) ± \(e.error), exact \(target.exactLogEvidence), Δ = \(delta)")
            #expect(abs(delta) <= 2 * e.error, "\(e.method): Δ ln Z = \(delta), error \(e.error)")
            #expect(abs(delta) <= 0.1, "\(e.method): Δ ln Z = \(delta)")
        }
    }

    // Calibration: over 12 independent seeds of the 2-D box, the stepping-stone residuals divided
    // by their reported errors should scatter with unit RMS. With 12 draws the sample RMS of a
    // standard normal lies in [0.6, 1.4] with probability ~0.98; the seeds are fixed, so the test
    // is deterministic and fails only if the error is mis-scaled by more than that.
    @Test("Stepping-stone errors are calibrated: RMS of (ln Z - exact) / error over 12 seeds in [0.6, 1.4]")
    func steppingStoneCalibration() throws {
        let target = GaussianInBox(dimension: 2)
        var z: [Double] = []
        for seed in 1...12 {
            let ss = try Self.estimates(target, temperatures: 8, steps: 2_000, seed: UInt64(seed))[1]
            z.append((ss.logEvidence - target.exactLogEvidence) / ss.error)
        }
        let rms = (z.reduce(0) { $0 + $1 * $1 } / Double(z.count)).squareRoot()
        print("stepping-stone z-scores \(z.map { String(format: "%.2f", $0) }), RMS \(rms)")
        #expect(rms >= 0.6 && rms <= 1.4, "RMS \(rms)")
    }

    @Test("Thermodynamic integration is exact for ⟨ln L⟩ = -1/β (a Gaussian's 1/β law) on a geometric ladder")
    func quadratureOnKnownCurve() {
        // ⟨ln L⟩_β = -1/β and Var = 1/β² (d ⟨ln L⟩/dβ = Var): ∫_{β_min}^1 = ln β_min, plus the
        // hottest chain's β_min ⟨ln L⟩ = -1 for [0, β_min] (no β = 0 chain).
        let betas = (0..<8).map { pow(3.0, -Double($0)) }
        let integral = TemperedEvidence.thermodynamicIntegration(
            betas: betas, means: betas.map { -1 / $0 }, variances: betas.map { 1 / ($0 * $0) })
        #expect(abs(integral - (log(betas[7]) - 1)) < 1e-12)
        // The same curve with a β = 0 chain of mean -1/β_min and variance 0 adds β_min (m + m0)/2
        // and the end correction; stepping stone on constant samples is the exact log-ratio.
        let ss = TemperedEvidence.steppingStone(betas: [1, 0.5], samples: [[-3, -3], [-4, -4]])
        #expect(abs(ss - (0.5 * -4 + 0.5 * -4)) < 1e-12)
    }

    @Test("An untempered history is refused with a reason")
    func untempered() {
        #expect(throws: TemperedEvidence.Failure.notTempered) {
            _ = try TemperedEvidence.estimate(TemperedHistory(temperatures: 1, walkers: 4), discard: 0)
        }
    }
}
