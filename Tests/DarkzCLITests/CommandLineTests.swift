import Foundation
import Testing

@Suite("darkz command line", .serialized)
struct CommandLineTests {
    /// Bad input: one line on stderr, exit code 2, nothing on stdout.
    @Test(arguments: [
        ["chi2"],
        ["chi2", "--sm", "--errors", "sideways"],
        ["chi2", "--sm", "--data", "/nonexistent.csv"],
        ["wilson", "--case", "A", "--mzd=-1", "--q2", "1"],
        ["wilson", "--case", "A", "--mzd", "30parsec", "--q2", "1"],
        ["wilson", "--case", "A", "--mzd", "0.03", "--epsilon", "nan", "--q2", "1"],
        ["predict", "--case", "B", "--mzd", "0.03", "--delta-c9", "-1"],
        ["predict"],
        ["constraints", "--case", "A", "--mzd", "0.03", "--constraints", "bs-mixing,nonsense"],
        ["nosuchcommand"],
    ])
    func badInputExitsWithTwo(arguments: [String]) throws {
        let out = try DarkzRunner.run(arguments)
        #expect(out.status == 2, "\(arguments): status \(out.status)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error:"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    /// A run stopped long before 50 tau: diagnose prints its table and exits with 3.
    @Test func diagnoseExitsWithThreeWhenNotConverged() throws {
        let file = NSTemporaryDirectory() + "darkz-cli-short-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sample = try DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "60", "--out", file, "--overwrite", "--threads", "1"])
        #expect(sample.status == 0, "\(sample.stderr)")
        let out = try DarkzRunner.run(["diagnose", file, "--json"])
        #expect(out.status == 3)
        let json = try #require(out.json)
        for key in ["parameters", "acceptance", "steps", "converged"] { #expect(json[key] != nil) }
        #expect(json["converged"] as? Bool == false)
        let first = try #require((json["parameters"] as? [[String: Any]])?.first)
        for key in ["name", "tau", "rhat", "ess_bulk", "ess_tail", "mcse_mean"] { #expect(first[key] != nil) }
        let credible = try #require(try DarkzRunner.run(["credible", file, "--json"]).json)
        for key in ["parameters", "best_fit", "chi2_sm", "pull"] { #expect(credible[key] != nil) }
        let parameter = try #require((credible["parameters"] as? [[String: Any]])?.first)
        for key in ["name", "median", "equal_tailed", "hpd"] { #expect(parameter[key] != nil) }
        let folder = NSTemporaryDirectory() + "darkz-cli-corner-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corner = try DarkzRunner.run(["corner", file, "--out", folder])
        #expect(corner.status == 0, "\(corner.stderr)")
        let svg = try String(contentsOfFile: folder + "/corner.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("[MeV]") && svg.contains("best fit") && svg.contains("HPD"))
        let paramnames = try String(contentsOfFile: folder + "/caseC.paramnames", encoding: .utf8)
        #expect(paramnames.hasPrefix("log10_mZD "))
        let getdist = try String(contentsOfFile: folder + "/caseC.txt", encoding: .utf8).split(separator: "\n")
        #expect(getdist.first?.split(separator: " ").count == 4)  // weight, -log posterior, 2 parameters
        for name in ["corner.json", "histograms.csv", "pairs.csv"] { #expect(FileManager.default.fileExists(atPath: folder + "/" + name)) }
        let again = try DarkzRunner.run(["sample", "--case", "C", "--out", file])
        #expect(again.status == 2 && again.stderr.contains("resume"))
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
        let json = try #require(try DarkzRunner.run(["constraints", "--case", "A", "--mzd", "0.1", "--epsilon-z", "1e-4", "--json"]).json)
        #expect(json["chi2_total"] != nil)
        let first = try #require((json["constraints"] as? [[String: Any]])?.first)
        for key in ["name", "applies", "prediction", "bound", "chi2", "excluded", "cl"] { #expect(first[key] != nil) }
    }
}
