import Foundation
import Testing

/// `make install`'s layout (PREFIX/bin/darkz beside PREFIX/share/darkz/{data,priors}) and the
/// DARKZ_DATA_DIR / DARKZ_PRIORS_DIR overrides, with the debug darkz run from a folder that holds
/// neither data/ nor priors/; and `darkz --version`.
@Suite("Install layout and version", .serialized)
struct InstallLayoutTests {
    static let model = ["predict", "--case", "C", "--mzd", "30.2MeV", "--g-mu", "-0.033", "--json"]
    /// Empty values hide the overrides other test suites set in this process (DataDirectory ignores empty ones).
    static let noOverrides = ["DARKZ_DATA_DIR": "", "DARKZ_PRIORS_DIR": ""]

    /// A temporary folder, removed after `body`.
    static func withFolder(_ name: String, _ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test("make install-files puts darkz where --case C works from any folder")
    func installedLayout() throws {
        try Self.withFolder("install") { prefix in
            let make = try DarkzRunner.capture(URL(fileURLWithPath: "/usr/bin/env"),
                                               ["make", "-s", "install-files", "PREFIX=\(prefix)", "DARKZ=\(DarkzRunner.executable.path)"],
                                               directory: DarkzRunner.root)
            #expect(make.status == 0, "\(String(decoding: make.stderr, as: UTF8.self))")
            let fm = FileManager.default
            #expect(fm.isExecutableFile(atPath: prefix + "/bin/darkz"))
            #expect(fm.fileExists(atPath: prefix + "/share/darkz/data/bsll_table1.csv"))
            #expect(fm.fileExists(atPath: prefix + "/share/darkz/priors/caseC.toml"))
            let work = prefix + "/elsewhere"
            try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
            let run = try DarkzRunner.capture(URL(fileURLWithPath: prefix + "/bin/darkz"), Self.model, directory: work,
                                              environment: Self.noOverrides)
            #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")
            #expect(String(decoding: run.stderr, as: UTF8.self).contains(prefix + "/share/darkz/priors/caseC.toml"))
            let json = (try? JSONSerialization.jsonObject(with: run.stdout)) as? [String: Any]
            #expect(json?["chi2_muon"] as? Double != nil)
        }
    }

    @Test("without an installed share folder darkz names DARKZ_PRIORS_DIR; DARKZ_DATA_DIR and DARKZ_PRIORS_DIR find the files")
    func environmentOverrides() throws {
        try Self.withFolder("env") { dir in
            let fm = FileManager.default
            try fm.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
            try fm.copyItem(atPath: DarkzRunner.executable.path, toPath: dir + "/bin/darkz")
            let darkz = URL(fileURLWithPath: dir + "/bin/darkz")
            let bare = try DarkzRunner.capture(darkz, Self.model, directory: dir, environment: Self.noOverrides)
            #expect(bare.status != 0)
            #expect(String(decoding: bare.stderr, as: UTF8.self).contains("DARKZ_PRIORS_DIR"))
            // A priors folder of our own: case C with gMu fixed, so the point needs no --g-mu.
            try fm.createDirectory(atPath: dir + "/mypriors", withIntermediateDirectories: true)
            let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
            let fixed = caseC.replacingOccurrences(of: "[parameters.gMu]\nprior = \"uniform\"\nmin = -0.3\nmax = 0.3",
                                                   with: "[parameters.gMu]\nfixed = -0.033")
            #expect(fixed != caseC)
            try fixed.write(toFile: dir + "/mypriors/caseC.toml", atomically: true, encoding: .utf8)
            let environment = ["DARKZ_DATA_DIR": DarkzRunner.root + "/data", "DARKZ_PRIORS_DIR": dir + "/mypriors"]
            let run = try DarkzRunner.capture(darkz, ["predict", "--case", "C", "--mzd", "30.2MeV", "--json"],
                                              directory: dir, environment: environment)
            let stderr = String(decoding: run.stderr, as: UTF8.self)
            #expect(run.status == 0, "\(stderr)")
            #expect(stderr.contains(dir + "/mypriors/caseC.toml") && stderr.contains("gMu = -0.033"))
            // Only the data folder missing: the error names DARKZ_DATA_DIR.
            let noData = try DarkzRunner.capture(darkz, Self.model, directory: dir, environment: ["DARKZ_DATA_DIR": "", "DARKZ_PRIORS_DIR": DarkzRunner.root + "/priors"])
            #expect(noData.status != 0)
            #expect(String(decoding: noData.stderr, as: UTF8.self).contains("DARKZ_DATA_DIR"))
        }
    }

    @Test("darkz --version prints the version of Sources/Inference/DarkzVersion.swift")
    func version() throws {
        let run = try DarkzRunner.run(["--version"])
        #expect(run.status == 0)
        let version = try #require(DarkzVersionFile.version)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version)
    }
}
