import Foundation
import Testing

/// A bad `data.constraints` entry in a priors file is reported against the file and the key (it was
/// "--constraints: ...", a flag the user never gave); the --constraints flag keeps its own name.
@Suite("darkz priors-file constraint errors", .serialized)
struct PriorsConstraintsErrorTests {
    /// caseC.toml with its `data.constraints` set to `list`.
    static func priorsFile(_ list: String) throws -> String {
        let text = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\nconstraints = []", with: "\nconstraints = \(list)")
        #expect(edited != text)
        let path = NSTemporaryDirectory() + "darkz-cli-bad-constraints-\(getpid())-\(abs(list.hashValue)).toml"
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func unknownNameNamesTheFileAndKey() throws {
        let file = try Self.priorsFile("[\"bs-mumu\", \"nonsense\"]")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let chain = NSTemporaryDirectory() + "darkz-cli-bad-constraints-\(getpid()).h5"
        defer { try? FileManager.default.removeItem(atPath: chain) }
        for command in [["constraints", "--priors", file, "--mzd", "30MeV", "--g-mu", "-0.03"],
                        ["bestfit", "--priors", file, "--starts", "1"],
                        ["sample", "--priors", file, "--max-steps", "10", "--out", chain, "--overwrite"],
                        ["scan", "--priors", file, "--g-mu", "-0.03", "--points", "2", "--out", NSTemporaryDirectory() + "darkz-cli-unused"]] {
            let out = try DarkzRunner.run(command)
            #expect(out.status == 2 && out.stdout.isEmpty, "\(command[0]): \(out.status)")
            #expect(out.stderr.hasPrefix("darkz: error: \(file): key 'data.constraints': unknown constraint 'nonsense'"),
                    "\(command[0]): \(out.stderr)")
            #expect(!out.stderr.contains("--constraints:"))
        }
        // the flag, given, overrides the file's list and is named as the flag
        let flag = try DarkzRunner.run(["constraints", "--priors", file, "--mzd", "30MeV", "--g-mu", "-0.03", "--constraints", "bogus"])
        #expect(flag.status == 2 && flag.stderr.hasPrefix("darkz: error: --constraints: unknown constraint 'bogus'"), "\(flag.stderr)")
    }

    @Test func alternativeWithItsDefault() throws {
        let file = try Self.priorsFile("[\"g-2\", \"g-2-2021\"]")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = try DarkzRunner.run(["constraints", "--priors", file, "--mzd", "30MeV", "--g-mu", "-0.03"])
        #expect(out.status == 2 && out.stderr.hasPrefix("darkz: error: \(file): key 'data.constraints': 'g-2-2021' is an alternative to 'g-2'"),
                "\(out.stderr)")
    }
}
