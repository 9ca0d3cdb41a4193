import Foundation
import Testing

/// Issue #16's rough edges in the commands that read chain files: a `--discard` past the chain,
/// a plain emcee file (Tests/Fixtures/chains/plain-emcee.h5, written by emcee's HDFBackend
/// without darkz's names, priors or sampler state), and credible's 2-D thresholds.
@Suite("chain-file commands: --discard, plain emcee files, 2-D densities", .serialized)
struct ChainFileEdgeTests {
    static let emcee = MultiFileChains.plainEmcee

    /// Every command that takes --discard refuses one that leaves too few steps, with the same
    /// one-line message (exit 2, nothing on stdout); diagnose needs 4 kept steps for R-hat and ESS.
    @Test(arguments: [
        (["diagnose"], "--discard 7000 leaves no steps of the 600 in"),
        (["credible"], "--discard 7000 leaves no steps of the 600 in"),
        (["corner", "--out", NSTemporaryDirectory() + "darkz-cli-discard-corner"], "--discard 7000 leaves no steps of the 600 in"),
        (["regions", "--out", NSTemporaryDirectory() + "darkz-cli-discard-regions"], "--discard 7000 leaves no steps of the 300 in"),
        (["evidence"], "--discard 7000 leaves no steps of the 400 in"),
    ])
    func discardPastTheChainIsAnError(command: [String], message: String) throws {
        let file = command[0] == "regions" ? MultiFileChains.untempered[0]
            : command[0] == "evidence" ? MultiFileChains.tempered[0] : Self.emcee
        let out = try DarkzRunner.run([command[0], file] + command.dropFirst() + ["--discard", "7000"])
        #expect(out.status == 2, "\(command): \(out.stderr)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error: " + message), "\(command): \(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    @Test func discardLimitsOfDiagnose() throws {
        let few = try DarkzRunner.run(["diagnose", Self.emcee, "--discard", "598"])
        #expect(few.status == 2)
        #expect(few.stderr.contains("--discard 598 leaves 2 steps of the 600") && few.stderr.contains("at least 4 kept steps")
                && few.stderr.contains("give --discard at most 596"), "\(few.stderr)")
        let negative = try DarkzRunner.run(["credible", Self.emcee, "--discard=-1"])
        #expect(negative.status == 2 && negative.stderr.contains("--discard must be 0 or more"), "\(negative.stderr)")
        let last = try DarkzRunner.run(["diagnose", Self.emcee, "--discard", "596", "--json"])
        #expect(last.status == 3, "\(last.stderr)")
        #expect(last.json?["kept_steps"] as? Int == 4)
    }

    /// diagnose, credible and corner read a plain emcee file as ArviZ and corner.py do: names x0,
    /// x1; the priors-dependent parts skipped with a note. Commands that need priors say so (a
    /// read, not "Cannot write to chain file").
    @Test func plainEmceeFile() throws {
        let diagnose = try DarkzRunner.run(["diagnose", Self.emcee, "--json"])
        #expect(diagnose.status == 3 || diagnose.status == 0, "\(diagnose.stderr)")
        #expect((diagnose.json?["parameters"] as? [[String: Any]])?.map { $0["name"] as? String } == ["x0", "x1"])

        let credible = try DarkzRunner.run(["credible", Self.emcee, "--json"])
        #expect(credible.status == 0, "\(credible.stderr)")
        #expect(credible.stderr.contains("note: ") && credible.stderr.contains("holds no darkz priors"), "\(credible.stderr)")
        let json = try #require(credible.json)
        let parameters = try #require(json["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["name"] as? String } == ["x0", "x1"])
        #expect(parameters.allSatisfy { $0["prior_bounds"] is NSNull })
        #expect(json["chi2_sm"] is NSNull && json["profile"] is NSNull && json["standard_model"] is NSNull)
        let best = try #require(json["best_fit"] as? [String: Any])
        #expect(best["parameters"] is NSNull && best["log_prob"] is Double)
        // a unit Gaussian: medians near 0, 68% intervals near [-1, 1] (ESS ~100: a few tenths)
        for p in parameters {
            let interval = try #require((p["equal_tailed"] as? [String: [Double]])?["0.68"])
            #expect(abs(interval[0] + 1) < 0.35 && abs(interval[1] - 1) < 0.35, "\(interval)")
        }
        let constraints = try DarkzRunner.run(["credible", Self.emcee, "--constraints", "all"])
        #expect(constraints.status == 2 && constraints.stderr.contains("--constraints needs a chain file written by darkz sample"))

        let folder = NSTemporaryDirectory() + "darkz-cli-emcee-corner-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corner = try DarkzRunner.run(["corner", Self.emcee, "--out", folder])
        #expect(corner.status == 0, "\(corner.stderr)")
        #expect(corner.stdout.contains("holds no darkz priors"))
        let ranges = try String(contentsOfFile: folder + "/plain-emcee.ranges", encoding: .utf8)
        #expect(ranges == "x0\tN\tN\nx1\tN\tN\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/corner.svg") && FileManager.default.fileExists(atPath: folder + "/plain-emcee_8.txt"))

        let regions = try DarkzRunner.run(["regions", Self.emcee, "--out", folder + "/regions"])
        #expect(regions.status == 2)
        #expect(regions.stderr.contains("holds no priors file") && !regions.stderr.contains("Cannot write"), "\(regions.stderr)")
    }

    /// credible --json's 2-D thresholds are densities per unit area of the sampled variables,
    /// with the 40 x 40 bin edges: each threshold times samples times the bin area is the whole
    /// count of a bin, and for this unit Gaussian the 68% threshold is near its exact value
    /// 0.32 / (2 pi) = 0.051 (the histogram's bins at that level hold ~8 samples of a chain with
    /// ESS ~100: 40% allowed).
    @Test func credibleDensityThresholds() throws {
        let json = try #require(try DarkzRunner.run(["credible", Self.emcee, "--json"]).json)
        let samples = try #require(json["samples"] as? Int)
        let pair = try #require((json["pairs"] as? [[String: Any]])?.first)
        let x = try #require(pair["x_edges"] as? [Double]), y = try #require(pair["y_edges"] as? [Double])
        #expect(x.count == 41 && y.count == 41)
        let area = (x[1] - x[0]) * (y[1] - y[0])
        let thresholds = try #require(pair["thresholds"] as? [Double])
        #expect(pair["levels"] as? [Double] == [0.68, 0.95])
        for t in thresholds {
            let count = t * Double(samples) * area
            #expect(abs(count - count.rounded()) < 1e-6 && count >= 1, "\(count)")
        }
        #expect(abs(thresholds[0] / (0.32 / (2 * Double.pi)) - 1) < 0.4, "\(thresholds)")
    }
}
