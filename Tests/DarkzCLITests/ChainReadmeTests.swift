import Foundation
import Testing

/// chains/README.md's ArviZ snippet names the variables a chain file stores (log10 of log-uniform
/// parameters); it named the bare parameters ("mZD", ...) before issue #16.
@Suite("chains/README.md snippet", .serialized)
struct ChainReadmeTests {
    @Test func arvizNamesAreTheStoredOnes() throws {
        let readme = try String(contentsOfFile: DarkzRunner.root + "/chains/README.md", encoding: .utf8)
        let call = try #require(readme.split(separator: "\n").first { $0.contains("arviz.from_emcee(") })
        #expect(call.contains("var_names=names"), "\(call)")
        #expect(readme.contains("f[\"mcmc/darkz/parameter_names\"]"))
        // The case-A names the snippet gives are those a case-A run stores.
        let file = NSTemporaryDirectory() + "darkz-cli-readme-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let sample = try DarkzRunner.run(["sample", "--case", "A", "--walkers", "8", "--max-steps", "20", "--temperatures", "1",
                                          "--out", file, "--overwrite", "--threads", "1", "--blobs", "none"])
        #expect(sample.status == 0 || sample.status == 3, "\(sample.stderr)")
        let json = try #require(try DarkzRunner.run(["diagnose", file, "--json"]).json)
        let names = try #require((json["parameters"] as? [[String: Any]])?.compactMap { $0["name"] as? String })
        #expect(names == ["log10(mZD)", "log10(epsilon)", "log10(epsilonZ)"])
        let listed = "[" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        #expect(call.contains("case A: " + listed), "\(call)")
    }
}
