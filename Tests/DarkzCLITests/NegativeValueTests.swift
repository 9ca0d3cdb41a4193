import Foundation
import Testing

/// Negative numbers on the command line: a negative mass is an error that says so (it was "Missing
/// value", the parser taking -1 for a flag), negative couplings are values wherever couplings are
/// parsed, and a negative value the parser takes for a flag gets the '=' spelling.
@Suite("darkz negative values", .serialized)
struct NegativeValueTests {
    @Test(arguments: [["--mzd", "-1"], ["--mzd=-1"], ["--mzd", "-30MeV"], ["--mzd", "0"]])
    func negativeMassIsNamed(mass: [String]) throws {
        let out = try DarkzRunner.run(["wilson", "--case", "A"] + mass + ["--epsilon", "1e-4", "--epsilon-z", "1e-4", "--q2", "1"])
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("darkz: error: --mzd must be a positive mass"), "\(out.stderr)")
        #expect(!out.stderr.contains("Missing value"))
    }

    /// --epsilon, --epsilon-z and --g-mu take negative values in predict, wilson, constraints and scan.
    @Test func negativeCouplingsEverywhere() throws {
        let point = ["--case", "B", "--mzd", "300MeV", "--epsilon", "-1e-4", "--epsilon-z", "-1e-5", "--g-mu", "-0.002"]
        for command in [["predict"], ["wilson", "--q2", "1"], ["constraints"]] {
            let out = try DarkzRunner.run(command + point + ["--json"])
            #expect(out.status == 0, "\(command): \(out.stderr)")
            let parameters = try #require(out.json?["parameters"] as? [String: Any], "\(command)")
            #expect(parameters["epsilon"] as? Double == -1e-4 && parameters["epsilonZ"] as? Double == -1e-5
                    && parameters["gMu"] as? Double == -0.002, "\(command)")
        }
        let folder = NSTemporaryDirectory() + "darkz-cli-negative-scan-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scan = try DarkzRunner.run(["scan", "--case", "C", "--mzd", "30MeV", "--parameter", "gMu", "--range=-0.05,-0.01",
                                        "--points", "3", "--constraints", "bs-mumu", "--out", folder])
        #expect(scan.status == 0, "\(scan.stderr)")
        let csv = try String(contentsOfFile: folder + "/scan.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").dropFirst().first?.hasPrefix("-0.05") == true, "\(csv.prefix(200))")
    }

    /// A list option followed by negative numbers: the error says how to attach them.
    @Test func negativeRangeGetsTheEqualsSpelling() throws {
        let out = try DarkzRunner.run(["scan", "--case", "C", "--mzd", "30MeV", "--parameter", "gMu", "--range", "-0.05", "-0.01"])
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr == "darkz: error: --range: '-0.05' is taken for a flag, not a value; attach negative values with '=': --range=-0.05,-0.01\n",
                "\(out.stderr)")
    }
}
