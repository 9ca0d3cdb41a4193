import Foundation
import Testing

@Suite("darkz scan", .serialized)
struct ScanCommandTests {
    static let point = ["--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3"]
    static let constraints = "bs-mixing,bs-mumu,b-k-nunu-limit,k-mu-invisible,lhcb-dark-photon,apv-cesium"

    /// Every CSV row equals `darkz constraints --json` at that mass, prediction and chi^2 to 1e-12.
    @Test func csvEqualsConstraints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("darkz-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try DarkzRunner.run(["scan"] + Self.point + ["--constraints", Self.constraints, "--points", "7",
                                                             "--range", "15MeV", "1.5", "--out", folder.path])
        #expect(out.status == 0, "\(out.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("scan.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = rows[0]
        // the constraints in the order `darkz constraints` lists them (the registry's)
        let names = ["bs-mixing", "bs-mumu", "b-k-nunu-limit", "apv-cesium", "k-mu-invisible", "lhcb-dark-photon"]
        #expect(header == ["mZD"] + names.flatMap { ["\($0)_prediction", "\($0)_chi2"] } + ["chi2_total"])
        #expect(rows.count == 8)
        #expect(Double(rows[1][0]) == 0.015 && Double(rows[7][0]) == 1.5)
        func close(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300) }
        for r in [1, 4, 6, 7] {
            let json = try #require(try DarkzRunner.run(["constraints"] + Self.point + ["--mzd", rows[r][0], "--constraints", Self.constraints, "--json"]).json)
            let results = try #require(json["constraints"] as? [[String: Any]])
            var total = 0.0
            for (k, name) in names.enumerated() {
                let result = try #require(results.first { $0["name"] as? String == name })
                let prediction = (result["prediction"] as? Double) ?? .nan, chi2 = try #require(result["chi2"] as? Double)
                #expect(close(Double(rows[r][1 + 2 * k])!, prediction), "\(name) at \(rows[r][0]): \(rows[r][1 + 2 * k]) vs \(prediction)")
                #expect(close(Double(rows[r][2 + 2 * k])!, chi2), "\(name) chi2 at \(rows[r][0])")
                total += chi2
            }
            #expect(close(Double(rows[r].last!)!, try #require(json["chi2_total"] as? Double)))
        }
        let svg = try String(contentsOf: folder.appendingPathComponent("scan.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "<g class=\"panel\"").count - 1 == names.count + 1)
    }

    /// Bad input: one line on stderr, exit code 2, nothing on stdout.
    @Test(arguments: [
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--parameter", "mass"],
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--range", "-1", "2"],
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--range", "0", "2"],
        ["scan", "--case", "A", "--mzd", "0.1", "--epsilon-z", "1e-3", "--parameter", "epsilon", "--range", "-1e-3", "1e-3", "--scale", "log"],
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--range", "2", "1"],
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--range", "1"],
        ["scan", "--case", "A", "--epsilon", "0"],  // epsilonZ is free in caseA.toml
        ["scan", "--case", "C", "--g-mu", "-0.03", "--parameter", "epsilon"],  // fixed in caseC.toml: needs --range
        ["scan", "--case", "A", "--epsilon", "0", "--epsilon-z", "1e-3", "--constraints", "bs-mixing,nonsense"],
        ["scan", "--case", "A", "--mzd", "0.1", "--epsilon", "0", "--epsilon-z", "1e-3"],  // mZD is scanned
    ])
    func badInputExitsWithTwo(arguments: [String]) throws {
        let out = try DarkzRunner.run(arguments)
        #expect(out.status == 2, "\(arguments): status \(out.status)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error:"), "\(arguments): \(out.stderr)")
        #expect(out.stdout.isEmpty)
    }
}
