import Foundation
import Testing

@Suite("darkz command line", .serialized)
struct CommandLineTests {
    /// Bad input: one line on stderr, exit code 2, nothing on stdout.
    @Test(arguments: [
        ["chi2", "--sm", "--errors", "sideways"],
        ["chi2", "--sm", "--data", "/nonexistent.csv"],
        ["wilson", "--case", "A", "--mzd=-1", "--q2", "1"],
        ["wilson", "--case", "A", "--mzd", "30parsec", "--q2", "1"],
        ["wilson", "--case", "A", "--mzd", "0.03", "--epsilon", "nan", "--q2", "1"],
        ["predict", "--case", "B", "--mzd", "0.03", "--delta-c9", "-1"],
        ["predict"],
        ["constraints", "--case", "A", "--mzd", "0.03", "--constraints", "bs-mixing,nonsense"],
        ["wilson", "--case", "A", "--mzd", "0.03", "--q2", "1"],  // epsilon, epsilonZ are free in caseA.toml
        ["wilson", "--case", "A", "--priors", CommandLineTests.root + "/priors/caseC.toml", "--mzd", "0.03", "--q2", "1"],
        ["nosuchcommand"],
        ["help", "foo"],
        ["sampel"],
        ["wilson", "--case", "A", "--mzd", "-1", "--q2", "1"],
        ["predict", "--case", "C", "--mzd", "30MeV", "--g-mu", "-0.03", "--invisible-fraction", "-0.5"],
    ])
    func badInputExitsWithTwo(arguments: [String]) throws {
        let out = try DarkzRunner.run(arguments)
        #expect(out.status == 2, "\(arguments): status \(out.status)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error:"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    static var root: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// `--case C` alone takes epsilon = epsilon_Z = 1e-4 from priors/caseC.toml and says so on stderr
    /// (before issue #12 it set them to 0 and returned the SM chi^2); `--priors FILE` does the same
    /// with any file, whose data rows it also takes.
    @Test func caseTakesTheShippedFixedValues() throws {
        let out = try DarkzRunner.run(["predict", "--case", "C", "--mzd", "30.2MeV", "--g-mu", "-0.033", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("fixed by") && out.stderr.contains("caseC.toml") && out.stderr.contains("epsilon = 0.0001"))
        let json = try #require(out.json)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["epsilon"] as? Double == 1e-4 && parameters["epsilonZ"] as? Double == 1e-4)
        let chi2 = try #require(json["chi2_muon"] as? Double), sm = try #require(json["chi2_sm_muon"] as? Double)
        #expect(chi2 < sm - 5)
        let viaPriors = try DarkzRunner.run(["predict", "--priors", Self.root + "/priors/caseC.toml", "--mzd", "30.2MeV",
                                             "--g-mu", "-0.033", "--json"])
        #expect(viaPriors.status == 0 && viaPriors.json?["chi2_muon"] as? Double == chi2)
        // a value on the command line wins over the file's
        let given = try DarkzRunner.run(["wilson", "--case", "C", "--mzd", "30.2MeV", "--g-mu", "-0.033", "--epsilon-z", "0", "--q2", "1", "--json"])
        #expect(given.status == 0 && !given.stderr.contains("epsilonZ ="))
        #expect((given.json?["parameters"] as? [String: Any])?["epsilonZ"] as? Double == 0)
    }

    /// diagnose --plot DIR writes trace.svg (and trace.png, or a note) with one panel per sampled
    /// parameter plus log-prob, one line per walker per panel, the burn-in marked; prints the paths.
    @Test func diagnoseWritesTracePlot() throws {
        let file = NSTemporaryDirectory() + "darkz-cli-trace-\(getpid()).h5"
        let folder = NSTemporaryDirectory() + "darkz-cli-trace-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: folder) }
        let sample = try DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "200", "--out", file, "--overwrite", "--threads", "1"])
        #expect(sample.status == 3 || sample.status == 0, "\(sample.stderr)")
        let out = try DarkzRunner.run(["diagnose", file, "--plot", folder])
        #expect(out.status == 3 || out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("wrote \(folder)/trace.svg"))
        let svg = try String(contentsOfFile: folder + "/trace.svg", encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"frame\"").count - 1 == 3, "log10(mZD), gMu and log-prob")
        #expect(svg.components(separatedBy: "<polyline class=\"walker").count - 1 == 3 * 8)
        #expect(svg.contains("class=\"burn-in\"") && svg.contains("[MeV]") && svg.contains(">ln p<"))
        #expect(FileManager.default.fileExists(atPath: folder + "/trace.png") && out.stdout.contains("trace.png")
                || out.stdout.contains("note: no PNG"))
        let json = try #require(try DarkzRunner.run(["diagnose", file, "--json", "--plot", folder]).json)
        #expect((json["plots"] as? [String])?.first == folder + "/trace.svg")
    }

    /// A run stopped long before 50 tau: diagnose prints its table and exits with 3. Sampled with
    /// `--blobs none`: no command after sample needs blobs.
    @Test func diagnoseExitsWithThreeWhenNotConverged() throws {
        let file = NSTemporaryDirectory() + "darkz-cli-short-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sample = try DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "60", "--out", file, "--overwrite",
                                          "--threads", "1", "--blobs", "none"])
        #expect(sample.status == 3, "\(sample.stderr)")
        let out = try DarkzRunner.run(["diagnose", file, "--json"])
        #expect(out.status == 3)
        let json = try #require(out.json)
        for key in ["parameters", "acceptance", "steps", "converged", "verdict", "log_prob", "stuck_walkers"] { #expect(json[key] != nil) }
        #expect(json["converged"] as? Bool == false)
        let verdict = try #require(json["verdict"] as? [String: Any])
        #expect(verdict["converged"] as? Bool == false)
        let failed = try #require(verdict["failed"] as? [[String: String]])
        // 60 steps: shorter than one check interval, so tau cannot be stable, and far below 50 tau.
        #expect(failed.contains { $0["criterion"] == "tau_stability" } && failed.contains { $0["criterion"] == "chain_length" })
        #expect(failed.allSatisfy { !($0["message"] ?? "").isEmpty })
        let first = try #require((json["parameters"] as? [[String: Any]])?.first)
        for key in ["name", "tau", "rhat", "ess_bulk", "ess_tail", "mcse_mean"] { #expect(first[key] != nil) }
        let credible = try #require(try DarkzRunner.run(["credible", file, "--json"]).json)
        for key in ["parameters", "best_fit", "chi2_sm", "pull", "standard_model", "profile", "warnings"] { #expect(credible[key] != nil) }
        let parameter = try #require((credible["parameters"] as? [[String: Any]])?.first)
        for key in ["name", "median", "equal_tailed", "hpd", "prior_bounds", "limits"] { #expect(parameter[key] != nil) }
        let limit = try #require((parameter["limits"] as? [String: [String: Any]])?["0.95"])
        for key in ["kind", "one_sided", "interval", "text"] { #expect(limit[key] != nil) }
        let profile = try #require(credible["profile"] as? [String: Any])
        let intervals = try #require(profile["intervals_1d"] as? [[String: Any]])
        #expect(intervals.count == 6 && intervals[0]["label"] as? String == "1-D profile, Delta chi^2 = 1 (68.3%)")
        let regions = try #require(profile["regions_2d"] as? [[String: Any]])
        #expect(regions.count == 3 && regions[0]["x_range"] != nil && regions[0]["y_range"] != nil)
        // bestfit FILE starts also from the chain's best samples, so it ends at or below the best one
        let bestfit = try #require(try DarkzRunner.run(["bestfit", file, "--starts", "2", "--chain-starts", "2", "--json"]).json)
        let chainBest = try #require(bestfit["chain_best_chi2"] as? Double), chi2Min = try #require(bestfit["chi2_min"] as? Double)
        #expect(chi2Min <= chainBest && bestfit["standard_model"] != nil && bestfit["pull"] != nil)
        #expect(try DarkzRunner.run(["bestfit", file, "--case", "C"]).status == 2)
        let folder = NSTemporaryDirectory() + "darkz-cli-corner-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corner = try DarkzRunner.run(["corner", file, "--out", folder])
        #expect(corner.status == 0, "\(corner.stderr)")
        let svg = try String(contentsOfFile: folder + "/corner.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("[MeV]") && svg.contains("best fit") && svg.contains("HPD"))
        #expect(svg.contains("class=\"contour\" data-level=\"0.683\"") && svg.contains("class=\"title\""))
        // the PNG beside the SVG, or a note saying why not
        #expect(FileManager.default.fileExists(atPath: folder + "/corner.png") || corner.stdout.contains("note: no PNG"))
        let paramnames = try String(contentsOfFile: folder + "/caseC.paramnames", encoding: .utf8)
        #expect(paramnames.hasPrefix("log10_mZD\t\\log_{10}(M_{Z_D}/\\mathrm{GeV})\n"))
        // getdist: one file per walker (8), weight, -log posterior, 2 parameters; and the prior ranges
        let getdist = try String(contentsOfFile: folder + "/caseC_1.txt", encoding: .utf8).split(separator: "\n")
        #expect(getdist.first?.split(separator: " ").count == 4)
        #expect(FileManager.default.fileExists(atPath: folder + "/caseC_8.txt") && !FileManager.default.fileExists(atPath: folder + "/caseC_9.txt"))
        #expect(try String(contentsOfFile: folder + "/caseC.ranges", encoding: .utf8).hasPrefix("log10_mZD\t-2.0\t"))
        for name in ["corner.json", "histograms.csv", "pairs.csv"] { #expect(FileManager.default.fileExists(atPath: folder + "/" + name)) }
        let again = try DarkzRunner.run(["sample", "--case", "C", "--out", file])
        #expect(again.status == 2 && again.stderr.contains("resume"))
    }

    /// sample stops unconverged at --max-steps with exit 3 and names the failed criteria; resume
    /// --max-steps extends the chain and stores the new maximum, so a plain resume then does nothing.
    @Test func sampleAndResumeExitWithThreeUntilConverged() throws {
        let file = NSTemporaryDirectory() + "darkz-cli-resume-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sample = try DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "200", "--out", file, "--overwrite", "--threads", "1"])
        #expect(sample.status == 3, "\(sample.stderr)")
        #expect(sample.stdout.contains("not converged") && sample.stdout.contains("verdict: NOT converged; failed:"))
        let extended = try DarkzRunner.run(["resume", file, "--max-steps", "300", "--threads", "1"])
        #expect(extended.status == 3, "\(extended.stderr)")
        let steps = try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int
        #expect(steps == 300)
        let again = try DarkzRunner.run(["resume", file, "--threads", "1"])
        #expect(again.status == 3 && again.stdout.contains("maximum of 300 steps; nothing to do"), "\(again.stdout)")
        #expect(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int == 300)
        let shorter = try DarkzRunner.run(["resume", file, "--max-steps", "100"])
        #expect(shorter.status == 2 && shorter.stderr.contains("300 steps already"))
    }

    /// A run that converges (case C with 16 walkers and tau stability loosened to 30 %, so it stops
    /// at about 2000 steps): sample exits 0; resume without --max-steps says so and leaves the file;
    /// resume --max-steps extends it anyway.
    @Test func resumeOfAConvergedRun() throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-converged-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let quick = caseC.replacingOccurrences(of: "walkers = 32", with: "walkers = 16")
            .replacingOccurrences(of: "check_every = 500", with: "check_every = 250\nmax_tau_change = 0.3")
            .replacingOccurrences(of: "max_steps = 40000", with: "max_steps = 6000")
            .replacingOccurrences(of: "temperatures = 12", with: "temperatures = 1")  // untempered: debug builds are slow
        #expect(quick.contains("max_tau_change = 0.3"))
        try quick.write(toFile: dir + "/quick.toml", atomically: true, encoding: .utf8)
        let file = dir + "/quick.h5"
        let sample = try DarkzRunner.run(["sample", "--priors", dir + "/quick.toml", "--out", file, "--threads", "1"])
        #expect(sample.status == 0, "\(sample.stdout)")
        #expect(sample.stdout.contains("verdict: converged"))
        let steps = try #require(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int)
        #expect(steps < 6000)
        // diagnose agrees with sample's stopping rule on the same file
        #expect(try DarkzRunner.run(["diagnose", file]).status == 0)
        let resume = try DarkzRunner.run(["resume", file, "--threads", "1"])
        #expect(resume.status == 0 && resume.stdout.contains("already converged after \(steps) steps; nothing to do"))
        #expect(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int == steps)
        let extended = try DarkzRunner.run(["resume", file, "--max-steps", "\(steps + 250)", "--threads", "1"])
        #expect(extended.status == 0, "\(extended.stdout)")
        #expect(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int == steps + 250)
    }

    /// A sample run killed after some checkpoints leaves its file with a segment folder: diagnose
    /// reads it, resume continues it, `darkz compact` makes it self-contained; --checkpoint-log
    /// has a line per checkpoint.
    @Test func killedRunCompacts() throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-killed-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let frequent = caseC.replacingOccurrences(of: "check_every = 500", with: "check_every = 20")
            .replacingOccurrences(of: "checkpoint_every = 1000", with: "checkpoint_every = 20")
            .replacingOccurrences(of: "temperatures = 12", with: "temperatures = 1")
        try frequent.write(toFile: dir + "/frequent.toml", atomically: true, encoding: .utf8)
        let file = dir + "/run.h5", log = dir + "/checkpoints.tsv"
        let process = Process()
        process.executableURL = DarkzRunner.executable
        process.arguments = ["sample", "--priors", dir + "/frequent.toml", "--walkers", "8", "--max-steps", "100000", "--out", file,
                             "--threads", "1", "--checkpoint-log", log]
        process.currentDirectoryURL = URL(fileURLWithPath: DarkzRunner.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var lines = 0
        for _ in 0..<600 where lines < 4 {
            usleep(50_000)
            lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(lines >= 4, "no checkpoints logged")
        let logged = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(logged.first == "step\tsteps\tseconds\tsegment_bytes\tfile_bytes")
        #expect(logged.dropFirst().allSatisfy { $0.split(separator: "\t").count == 5 })
        #expect(FileManager.default.fileExists(atPath: file + ".segments"))
        let steps = try #require(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int)
        #expect(steps >= 60 && steps % 20 == 0)
        let compact = try DarkzRunner.run(["compact", file])
        #expect(compact.status == 0 && compact.stdout.contains("compacted, \(steps) steps in one file"), "\(compact.stdout)")
        #expect(!FileManager.default.fileExists(atPath: file + ".segments"))
        #expect(try DarkzRunner.run(["diagnose", file, "--json"]).json?["steps"] as? Int == steps)
        let resumed = try DarkzRunner.run(["resume", file, "--max-steps", "\(steps + 40)", "--threads", "1"])
        #expect(resumed.status == 3 || resumed.status == 0, "\(resumed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file + ".segments"))  // the resumed run ended: compacted
        let again = try DarkzRunner.run(["compact", file])
        #expect(again.status == 0 && again.stdout.contains("already self-contained (\(steps + 40) steps"), "\(again.stdout)")
    }

    @Test func helpExitsWithZero() throws {
        let out = try DarkzRunner.run(["--help"])
        #expect(out.status == 0 && out.stdout.contains("predict"))
    }

    @Test func chi2JSON() throws {
        let json = try #require(try DarkzRunner.run(["chi2", "--sm", "--json"]).json)
        #expect(abs((json["chi2_all"] as? Double ?? 0) - 90.912) < 5e-4)
        #expect(json["n_muon"] as? Int == 20)
    }

    @Test func predictJSON() throws {
        let json = try #require(try DarkzRunner.run(["predict", "--delta-c9", "-1", "--delta-c10", "0", "--json"]).json)
        for key in ["observables", "chi2_all", "chi2_muon"] { #expect(json[key] != nil) }
        let first = try #require((json["observables"] as? [[String: Any]])?.first)
        for key in ["name", "q2_min", "q2_max", "lepton", "measured", "sm", "prediction", "pull"] { #expect(first[key] != nil) }
    }

    @Test func wilsonJSON() throws {
        let json = try #require(try DarkzRunner.run(["wilson", "--case", "C", "--mzd", "30.2MeV", "--epsilon", "1e-4",
                                                     "--epsilon-z", "1e-4", "--g-mu", "-0.033", "--q2", "1", "--json"]).json)
        for key in ["q2", "C9_mu", "C10_mu", "C9_e", "C10_e", "width_total", "branching_fractions"] { #expect(json[key] != nil) }
        let c9 = try #require(json["C9_mu"] as? [Double])
        #expect(c9.count == 2 && c9[0] < -0.4)
        let br = try #require(json["branching_fractions"] as? [String: Double])
        #expect(Set(br.keys) == ["ee", "mumu", "nunu", "hadrons", "invisible"])
    }

    @Test func constraintsJSON() throws {
        let json = try #require(try DarkzRunner.run(["constraints", "--case", "A", "--mzd", "0.1", "--epsilon", "0", "--epsilon-z", "1e-4", "--json"]).json)
        #expect(json["chi2_total"] != nil)
        let first = try #require((json["constraints"] as? [[String: Any]])?.first)
        for key in ["name", "applies", "prediction", "bound", "chi2", "excluded", "cl"] { #expect(first[key] != nil) }
    }
}
