import Foundation
import Testing

/// `darkz evidence` and `darkz compare` on a short tempered run, and their refusal of an untempered one.
@Suite("darkz evidence and compare", .serialized)
struct EvidenceCommandTests {
    @Test func evidenceAndCompare() throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-evidence-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Case C with 4 temperatures of 8 walkers, the ladder adapting for 100 steps, 400 steps in all:
        // short (debug builds are slow) but past the adaptation, so the evidence has 300 steps.
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let short = caseC.replacingOccurrences(of: "temperatures = 12", with: "temperatures = 4")
            .replacingOccurrences(of: "adaptation_steps = 2000", with: "adaptation_steps = 100")
            .replacingOccurrences(of: "walkers = 32", with: "walkers = 8")
        #expect(short.contains("temperatures = 4") && short.contains("adaptation_steps = 100"))
        try short.write(toFile: dir + "/short.toml", atomically: true, encoding: .utf8)
        let file = dir + "/short.h5"
        _ = try DarkzRunner.run(["sample", "--priors", dir + "/short.toml", "--max-steps", "400", "--out", file, "--threads", "1"])

        let out = try DarkzRunner.run(["evidence", file, "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        for key in ["log_evidence", "log_evidence_error", "log_evidence_sm", "log_bayes_factor_vs_sm", "method", "temperatures",
                    "prior_volume", "jeffreys", "estimates"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["method"] as? String == "stepping-stone")
        #expect(json["temperatures"] as? Int == 4)
        let lnZ = try #require(json["log_evidence"] as? Double), lnZSM = try #require(json["log_evidence_sm"] as? Double)
        let lnB = try #require(json["log_bayes_factor_vs_sm"] as? Double)
        #expect(abs(lnB - (lnZ - lnZSM)) < 1e-9)
        // chi2_SM of case C's 20 muon rows (docs/validation.md): ln Z_SM = -81.707/2.
        #expect(abs(lnZSM + 81.707 / 2) < 1e-3)
        // The prior box of case C in the sampled variables: log10(mZD) in [-2, log10 0.3], gMu in [-0.3, 0.3].
        let volume = try #require(json["prior_volume"] as? Double)
        #expect(abs(volume - (log10(0.3) + 2) * 0.6) < 1e-9)

        let text = try DarkzRunner.run(["evidence", file])
        #expect(text.stdout.contains("ln B (Z_D model vs SM)") && text.stdout.contains("Gaussian normalisation constants dropped"))

        let compare = try DarkzRunner.run(["compare", file, file, "--json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let pairs = try #require(compare.json?["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs[0]["log_bayes_factor"] as? Double == 0)

        // An untempered run has no evidence: one error line, exit 2.
        let plain = dir + "/plain.h5"
        _ = try DarkzRunner.run(["sample", "--case", "C", "--temperatures", "1", "--walkers", "8", "--max-steps", "30", "--out", plain, "--threads", "1"])
        let refused = try DarkzRunner.run(["evidence", plain])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("untempered run"), "\(refused.stderr)")
    }
}
