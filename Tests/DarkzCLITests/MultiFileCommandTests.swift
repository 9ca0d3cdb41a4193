import Foundation
import Testing

/// `diagnose`, `credible` and `evidence` on several chain files of the same priors
/// (``MultiFileChains``), and their refusal of files of different priors.
@Suite("darkz diagnose, credible and evidence on several files", .serialized)
struct MultiFileCommandTests {
    /// Two runs with different seeds and lengths combine: 16 walkers as chains, equal draws per
    /// walker taken from the end of each file (the longer one cut, with a note on stderr), τ per
    /// file and combined.
    @Test func diagnoseCombinesTwoFiles() throws {
        let files = MultiFileChains.untempered
        let out = try DarkzRunner.run(["diagnose"] + files + ["--json"])
        #expect(out.status == 3, "\(out.stderr)")  // 300 steps are far from converged
        #expect(out.stderr.contains("note: the files keep different numbers of steps after their burn-in"), "\(out.stderr)")
        let json = try #require(out.json)
        let members = try #require(json["files"] as? [[String: Any]])
        #expect(members.map { $0["path"] as? String } == files)
        #expect(members.map { $0["steps"] as? Int } == [300, 400])
        #expect(members.map { $0["seed"] as? Int } == [1, 2])
        #expect(json["walkers"] as? Int == 16)
        #expect(members.map { $0["first_walker"] as? Int } == [0, 8])
        let kept = try #require(json["kept_steps"] as? Int)
        for m in members {
            let steps = try #require(m["steps"] as? Int), burn = try #require(m["burn_in"] as? Int)
            #expect(m["first_kept_step"] as? Int == steps - kept)
            #expect(steps - burn >= kept)
        }
        #expect(members.contains { ($0["steps"] as? Int)! - ($0["burn_in"] as? Int)! == kept })  // the shorter sets the length
        #expect(json["tau_steps"] as? Int == 300)
        let parameters = try #require(json["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["name"] as? String } == ["log10(mZD)", "gMu"])
        for p in parameters { #expect((p["tau_per_file"] as? [Double])?.count == 2) }

        // one file alone: the same report shape, one member
        let single = try #require(try DarkzRunner.run(["diagnose", files[0], "--json"]).json)
        #expect((single["files"] as? [Any])?.count == 1 && single["walkers"] as? Int == 8)
        #expect(single["kept_steps"] as? Int == 300 - ((single["files"] as? [[String: Any]])?[0]["burn_in"] as? Int ?? -1))

        let text = try DarkzRunner.run(["diagnose"] + files)
        #expect(text.stdout.hasPrefix("2 files combined, 16 walkers in all (8 + 8)"), "\(text.stdout)")
    }

    /// credible pools the kept draws of both files: 16 walkers x the common kept steps.
    @Test func credibleOnTwoFilesPoolsTheSamples() throws {
        let out = try DarkzRunner.run(["credible"] + MultiFileChains.untempered + ["--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let kept = try #require(json["kept_steps"] as? Int)
        #expect(json["samples"] as? Int == 16 * kept)
        #expect((json["files"] as? [Any])?.count == 2)
        #expect((json["file"] as? String)?.contains(" + ") == true)
        let text = try DarkzRunner.run(["credible"] + MultiFileChains.untempered)
        #expect(text.stdout.contains("samples pooled from 2 files (16 walkers"), "\(text.stdout)")
    }

    /// Each file's ln Z and the combined one: the mean, the standard error from the scatter
    /// (|a - b| / 2 for two), the error the stated ones give, sqrt(σa² + σb²) / 2, and their chi^2.
    @Test func evidenceOfTwoTemperedFiles() throws {
        let files = MultiFileChains.tempered
        let out = try DarkzRunner.run(["evidence"] + files + ["--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let reports = try #require(json["files"] as? [[String: Any]])
        let combined = try #require(json["combined"] as? [String: Any])
        #expect(reports.count == 2)
        let lnZ = reports.compactMap { $0["log_evidence"] as? Double }, sigma = reports.compactMap { $0["log_evidence_error"] as? Double }
        #expect(lnZ.count == 2 && sigma.count == 2)
        // Each file's estimate is its single-file one.
        for (file, value) in zip(files, lnZ) {
            let alone = try #require(try DarkzRunner.run(["evidence", file, "--json"]).json)
            #expect(alone["log_evidence"] as? Double == value)
        }
        let tolerance = 1e-12  // a few roundings of numbers of order 30 (and the JSON round trip)
        #expect(abs((combined["log_evidence"] as? Double ?? .nan) - (lnZ[0] + lnZ[1]) / 2) < tolerance)
        #expect(abs((combined["log_evidence_error"] as? Double ?? .nan) - abs(lnZ[0] - lnZ[1]) / 2) < tolerance)
        #expect(abs((combined["stated_error"] as? Double ?? .nan) - (sigma[0] * sigma[0] + sigma[1] * sigma[1]).squareRoot() / 2) < tolerance)
        let chi2 = (lnZ[0] - lnZ[1]) * (lnZ[0] - lnZ[1]) / 4 * (1 / (sigma[0] * sigma[0]) + 1 / (sigma[1] * sigma[1]))
        #expect(abs((combined["chi2"] as? Double ?? .nan) - chi2) < 1e-9 * max(1, chi2))
        #expect(combined["dof"] as? Int == 1)
        let lnZSM = try #require(reports[0]["log_evidence_sm"] as? Double)
        #expect(abs((combined["log_bayes_factor_vs_sm"] as? Double ?? .nan) - ((lnZ[0] + lnZ[1]) / 2 - lnZSM)) < tolerance)
        let text = try DarkzRunner.run(["evidence"] + files)
        #expect(text.stdout.contains("combined (2 files): ln Z ="), "\(text.stdout)")
    }

    /// Files of different priors, or a darkz file with an emcee file, are not combined: one error
    /// line naming both files and what differs, exit 2, for each command.
    @Test(arguments: ["diagnose", "credible", "evidence"])
    func differentPriorsAreRefused(command: String) throws {
        let a = MultiFileChains.untempered[0], other = MultiFileChains.otherPriors
        let out = try DarkzRunner.run([command, a, other])
        #expect(out.status == 2, "\(out.stderr)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error: \(a) and \(other) are not runs of the same priors"), "\(out.stderr)")
        #expect(out.stderr.contains("'max = 0.3' against 'max = 0.25'"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)

        let mixed = try DarkzRunner.run([command, a, MultiFileChains.plainEmcee])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("not runs of the same priors"), "\(mixed.stderr)")
    }
}
