import Foundation
import Testing

/// What every `--json` output shares: numbers that are not finite are null, never strings.
@Suite("darkz JSON output", .serialized)
struct JSONOutputTests {
    /// lhcb-dark-photon does not apply at 150 MeV (below its curve): prediction and bound are NaN,
    /// written as null (before issue #16 the string "nan").
    @Test func notANumberIsNull() throws {
        let out = try DarkzRunner.run(["constraints", "--case", "C", "--mzd", "150MeV", "--g-mu", "-0.01", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("\"nan\"") && !out.stdout.contains("\"inf\""))
        let json = try #require(out.json)
        let constraints = try #require(json["constraints"] as? [[String: Any]])
        let lhcb = try #require(constraints.first { $0["name"] as? String == "lhcb-dark-photon" })
        #expect(lhcb["applies"] as? Bool == false)
        #expect(lhcb["prediction"] is NSNull && lhcb["bound"] is NSNull)
        #expect(lhcb["chi2"] as? Double == 0)
    }
}

/// The `meta` block of every report's JSON (JSONMeta): units, what the keys and bounds mean, the
/// priors and the convergence thresholds; the reports' own keys unchanged beside it.
@Suite("darkz JSON meta blocks", .serialized)
struct JSONMetaTests {
    static func meta(_ arguments: [String]) throws -> (json: [String: Any], meta: [String: Any]) {
        let out = try DarkzRunner.run(arguments)
        #expect(out.status == 0 || out.status == 3, "\(arguments): \(out.stderr)")
        let json = try #require(out.json, "\(arguments)")
        let meta = try #require(json["meta"] as? [String: Any], "\(arguments)")
        #expect(meta["command"] as? String == arguments[0])
        let units = try #require(meta["units"] as? [String: String])
        #expect(units["mZD"] == "GeV" && units["gMu"] == "1")
        #expect(meta["null"] is String)
        return (json, meta)
    }

    /// The priors of case C as the meta block gives them: bounds in GeV and the sampled variable.
    static func expectCaseCPriors(_ meta: [String: Any]) throws {
        let priors = try #require(meta["priors"] as? [String: Any])
        let parameters = try #require(priors["parameters"] as? [String: [String: Any]])
        let mass = try #require(parameters["mZD"])
        #expect(mass["prior"] as? String == "log-uniform" && mass["min"] as? Double == 0.01 && mass["max"] as? Double == 0.3)
        #expect(mass["sampled_as"] as? String == "log10(mZD)" && (mass["sampled_bounds"] as? [Double])?.first == -2)
        #expect(parameters["epsilon"]?["prior"] as? String == "fixed" && parameters["epsilon"]?["value"] as? Double == 1e-4)
        #expect(priors["leptons"] as? [String] == ["mu"])
    }

    @Test func constraintsMeta() throws {
        let (json, meta) = try Self.meta(["constraints", "--case", "C", "--mzd", "150MeV", "--g-mu", "-0.01", "--json"])
        for key in ["parameters", "constraints", "chi2_total"] { #expect(json[key] != nil) }
        let kinds = try #require(meta["constraint_kinds"] as? [String: String])
        #expect(kinds["upper limit"]?.contains("upper limit on the prediction at confidence level cl") == true)
        #expect(kinds["measurement"]?.contains("measured value") == true)
        let rows = try #require(meta["constraints"] as? [String: [String: Any]])
        #expect(rows["delta-mk"]?["unit"] as? String == "GeV" && rows["delta-mk"]?["kind"] as? String == "measurement")
        #expect(rows["b-k-nunu-limit"]?["unit"] as? String == "1" && rows["b-k-nunu-limit"]?["form"] as? String == "upper_limit")
        #expect(rows["lhcb-dark-photon"]?["form"] as? String == "limit_curve")
        try Self.expectCaseCPriors(meta)
    }

    @Test func predictChi2AndBestFitMeta() throws {
        let predict = try Self.meta(["predict", "--case", "C", "--mzd", "30.2MeV", "--g-mu", "-0.033", "--json"])
        try Self.expectCaseCPriors(predict.meta)
        #expect((predict.meta["units"] as? [String: String])?["q2_min"] == "GeV^2")
        #expect((predict.meta["keys"] as? [String: String])?["chi2_all, chi2_sm_all"]?.contains("also rows the fit leaves out") == true)
        let chi2 = try Self.meta(["chi2", "--json"])
        #expect(chi2.json["chi2_all"] != nil && chi2.meta["priors"] == nil)
        let bestfit = try Self.meta(["bestfit", "--case", "C", "--starts", "1", "--json"])
        #expect(bestfit.json["chi2_min"] != nil)
        #expect((bestfit.meta["keys"] as? [String: String])?["pull"]?.contains("null when") == true)
        try Self.expectCaseCPriors(bestfit.meta)
    }

    /// diagnose and credible give the convergence thresholds they applied (--rhat-max included).
    @Test func chainCommandsMeta() throws {
        let file = NSTemporaryDirectory() + "darkz-cli-meta-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sample = try DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "100", "--temperatures", "1",
                                          "--out", file, "--overwrite", "--threads", "1", "--blobs", "none"])
        #expect(sample.status == 0 || sample.status == 3, "\(sample.stderr)")
        let diagnose = try Self.meta(["diagnose", file, "--rhat-max", "1.05", "--json"])
        #expect(diagnose.json["parameters"] != nil && diagnose.json["verdict"] != nil)
        let thresholds = try #require(diagnose.meta["convergence"] as? [String: Any])
        #expect(thresholds["maximum_rhat"] as? Double == 1.05 && thresholds["minimum_steps_per_tau"] as? Double == 50)
        #expect(thresholds["minimum_ess_bulk"] as? Double == 400 && thresholds["minimum_ess_tail"] as? Double == 400)
        try Self.expectCaseCPriors(diagnose.meta)
        let credible = try Self.meta(["credible", file, "--json"])
        #expect(credible.json["parameters"] != nil && credible.json["best_fit"] != nil)
        #expect((credible.meta["convergence"] as? [String: Any])?["maximum_rhat"] as? Double == 1.01)
        try Self.expectCaseCPriors(credible.meta)
    }
}
