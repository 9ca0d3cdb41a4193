import Foundation
import Testing

@Suite("darkz predict --plot", .serialized)
struct PredictPlotTests {
    static func folder(_ tag: String) -> String { NSTemporaryDirectory() + "darkz-predict-\(tag)-\(UUID().uuidString)" }

    /// `predict --case C --mzd 30MeV --g-mu -0.033 --plot DIR` prints the usual table, then the files
    /// it wrote; the SVG has one panel per observable with the electron ones outside the fit, the CSV
    /// one row per table row equal to `predict --json`, the PNG is a PNG (or a note says why not).
    @Test func writesSVGPNGAndCSV() throws {
        let dir = Self.folder("caseC")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let point = ["predict", "--case", "C", "--mzd", "30MeV", "--g-mu", "-0.033"]
        let out = try DarkzRunner.run(point + ["--plot", dir])
        #expect(out.status == 0, "\(out.stderr)")
        let plain = try DarkzRunner.run(point)
        #expect(out.stdout.hasPrefix(plain.stdout.trimmingCharacters(in: .newlines) + "\n"), "the text output stays as it is")
        let extra = out.stdout.dropFirst(plain.stdout.count).split(separator: "\n").map(String.init)
        let png = FileManager.default.fileExists(atPath: dir + "/predictions.png")
        #expect(extra == (png ? ["wrote \(dir)/predictions.svg", "wrote \(dir)/predictions.png", "wrote \(dir)/predictions.csv"]
                              : ["wrote \(dir)/predictions.svg", "wrote \(dir)/predictions.csv"]) || extra.last?.hasPrefix("note: no PNG") == true,
                "\(extra)")
        if png {
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/predictions.png")).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
        let svg = try String(contentsOfFile: dir + "/predictions.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<g class=\"panel\"").count - 1 == 11)
        #expect(svg.components(separatedBy: "data-in-fit=\"false\"").count - 1 == 5, "the five electron observables (6 rows) outside the case-C fit")
        #expect(svg.components(separatedBy: "class=\"error-bar\"").count - 1 == 26)
        #expect(svg.contains(">case C, M</tspan>") && svg.contains("(not in the case C fit)") && svg.contains("GeV</tspan>"))

        let rows = try String(contentsOfFile: dir + "/predictions.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 27 && rows[0].prefix(10) == ["name", "lepton", "q2_min", "q2_max", "measured", "sigma_up", "sigma_down", "sm", "prediction", "pull"])
        let json = try #require(try DarkzRunner.run(point + ["--json"]).json)
        let observables = try #require(json["observables"] as? [[String: Any]])
        #expect(observables.count == 26)
        // to a few ulps: Foundation's JSON round trip is not exact (the CSV itself is, InferenceTests' csvEqualsTheReport)
        func close(_ a: Double?, _ b: Double?) -> Bool { guard let a, let b else { return false }; return abs(a - b) <= 1e-15 * max(abs(a), abs(b)) }
        for (row, o) in zip(rows.dropFirst(), observables) {
            #expect(row[0] == o["name"] as? String && row[1] == o["lepton"] as? String)
            for (k, key) in [(2, "q2_min"), (3, "q2_max"), (4, "measured"), (7, "sm"), (8, "prediction"), (9, "pull")] {
                #expect(close(Double(row[k]), o[key] as? Double), "\(row[0]) \(key): \(row[k])")
            }
            #expect(row[12] == (row[1] == "mu" ? "true" : "false"))
        }
    }

    /// With --json the paths are in the JSON (stdout stays JSON); a PNG note goes to stderr.
    @Test func jsonListsThePlots() throws {
        let dir = Self.folder("json")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try DarkzRunner.run(["predict", "--priors", DarkzRunner.root + "/priors/caseC-2025.toml", "--mzd", "30.2MeV",
                                       "--g-mu", "-0.033", "--json", "--plot", dir])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let plots = try #require(json["plots"] as? [String])
        #expect(plots.first == dir + "/predictions.svg" && plots.last == dir + "/predictions.csv")
        let svg = try String(contentsOfFile: dir + "/predictions.svg", encoding: .utf8)
        #expect(svg.contains("bsll_2025.csv") && svg.contains("not in the caseC-2025 fit"))
        #expect(svg.components(separatedBy: "class=\"error-bar\"").count - 1 == 34)
        // without --plot, no "plots" key
        #expect(try DarkzRunner.run(["predict", "--delta-c9", "-1", "--json"]).json?["plots"] == nil)
    }
}
