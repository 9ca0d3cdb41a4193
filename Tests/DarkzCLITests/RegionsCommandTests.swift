import Foundation
import Testing

@Suite("darkz regions", .serialized)
struct RegionsCommandTests {
    /// A short case-C chain (8 walkers, 300 steps), shared by the tests of this suite.
    static let chain: String = {
        let file = NSTemporaryDirectory() + "darkz-cli-regions-\(getpid()).h5"
        _ = try? DarkzRunner.run(["sample", "--case", "C", "--walkers", "8", "--max-steps", "300", "--out", file, "--overwrite", "--threads", "1"])
        return file
    }()

    /// regions FILE writes SVG, CSV and JSON (and PNG or a note): the JSON's constraints are the
    /// selection, every constraint that excludes part of the plane has a legend entry, the regions
    /// at the three levels have loops, the CSV has one row per node; both modes.
    @Test(arguments: [false, true])
    func writesTheFigureAndData(profile: Bool) throws {
        let folder = NSTemporaryDirectory() + "darkz-cli-regions-\(getpid())-\(profile)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = "bs-mumu,apv-cesium,w-width,trident-ccfr,bs-mixing"
        let out = try DarkzRunner.run(["regions", Self.chain, "--grid", "24", "--constraints", names, "--out", folder, "--discard", "100"]
                                      + (profile ? ["--profile"] : []))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("wrote \(folder)/regions.svg, regions.csv, regions.json (log10(mZD) against gMu"))
        #expect(out.stderr.contains("constraints judged at ε = 0.0001, εZ = 0.0001 (priors file)"))
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/regions.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["mode"] as? String == (profile ? "profile" : "posterior"))
        let constraints = try #require(json["constraints"] as? [[String: Any]])
        #expect(Set(constraints.compactMap { $0["name"] as? String }) == Set(names.split(separator: ",").map(String.init)))
        let svg = try String(contentsOfFile: folder + "/regions.svg", encoding: .utf8)
        for c in constraints where (c["excluded_fraction"] as? Double ?? 0) > 0 {
            #expect(svg.contains("<g class=\"legend-entry\" data-name=\"\(c["name"] as! String)\">"))
        }
        let regions = try #require(json["regions"] as? [[String: Any]])
        #expect(regions.map { $0["level"] as? Double } == [0.683, 0.954, 0.997])
        #expect(regions.allSatisfy { !(($0["loops"] as? [Any]) ?? []).isEmpty })
        let x = try #require(json["x"] as? [String: Any])
        #expect(x["name"] as? String == "log10(mZD)" && x["nodes"] as? Int == 24)
        let csv = try String(contentsOfFile: folder + "/regions.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 24 * 24)
        #expect(FileManager.default.fileExists(atPath: folder + "/regions.png") || out.stdout.contains("note: no PNG"))
    }

    /// Bad input: one line on stderr, exit code 2, nothing on stdout.
    @Test(arguments: [
        ["--x", "epsilon"],  // fixed in case C
        ["--x", "mass"],
        ["--x", "gMu", "--y", "gMu"],
        ["--x-range", "10MeV"],
        ["--x-range", "300MeV", "10MeV"],
        ["--x-range", "-1", "1"],
        ["--grid", "3"],
        ["--constraints", "bs-mumu,nonsense"],
        ["--discard", "100000"],
    ])
    func badInputExitsWithTwo(arguments: [String]) throws {
        let out = try DarkzRunner.run(["regions", Self.chain, "--out", NSTemporaryDirectory() + "darkz-cli-regions-bad"] + arguments)
        #expect(out.status == 2, "\(arguments): status \(out.status)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("darkz: error:"), "\(arguments): \(out.stderr)")
        #expect(out.stdout.isEmpty)
    }
}
