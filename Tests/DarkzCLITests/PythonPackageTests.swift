import Foundation
import Testing

/// The Python package (python/, `pip install ./python`) against the command line: its values are
/// computed by the same library code, so they must be the same doubles, not merely close. Python runs
/// from a temporary folder, so the package must find its data/ and priors/ itself. Uses the installed
/// package (.ci/run installs it), else python/, with the tested build's libDarkzC.so
/// (`PythonPackage.environment`); skipped, with the reason, when python3 lacks numpy or neither imports.
@Suite("Python package", .serialized,
       .enabled(if: PythonPackage.environment != nil, "python3 with numpy and the darkz package is not available (pip install ./python)"))
struct PythonPackageTests {
    /// Case-C points in the sampled variables (log10(mZD / GeV), gMu): the paper's best-fit region,
    /// a heavy Z_D with a positive coupling, and a light one near the lower mass edge.
    static let points = ["-1.52,-0.033", "-0.9,0.12", "-1.95,-0.25"]

    /// A JSON number or null/"nan" (the CLI's NaN) as a Double.
    static func number(_ value: Any?) -> Double {
        if let n = value as? NSNumber { return n.doubleValue }
        return .nan
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }

    @Test("predictions and constraints equal darkz predict --json and constraints --json bit for bit, chi2 to rounding")
    func valuesEqualTheCommandLine() throws {
        let values = try PythonPackage.run(["points", DarkzRunner.root] + Self.points)
        #expect(values["version"] as? String == DarkzVersionFile.version)
        #expect(values["parameter_names"] as? [String] == ["log10(mZD)", "gMu"])
        let points = try #require(values["points"] as? [[String: Any]])
        #expect(points.count == Self.points.count)
        let dir = NSTemporaryDirectory() + "darkz-cli-python-values-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (text, point) in zip(Self.points, points) {
            // Python's repr: the shortest text that reads back as the same double.
            let mass = try #require(point["mzd_text"] as? String), gMu = try #require(point["gmu_text"] as? String)
            let model = ["--case", "C", "--mzd", mass, "--g-mu", gMu, "--json"]
            let predict = try DarkzRunner.run(["predict"] + model), constraints = try DarkzRunner.run(["constraints"] + model)
            #expect(predict.status == 0 && constraints.status == 0, "\(predict.stderr) \(constraints.stderr)")
            try predict.stdout.write(toFile: dir + "/predict.json", atomically: true, encoding: .utf8)
            try constraints.stdout.write(toFile: dir + "/constraints.json", atomically: true, encoding: .utf8)
            // Python reads both JSON outputs, each number correctly rounded, and compares the doubles.
            let comparison = try PythonPackage.run(["compare", text, dir + "/predict.json", dir + "/constraints.json"])
            #expect(comparison["mismatches"] as? [String] == [], "at \(text)")
            #expect(comparison["observables"] as? Int == 26)
            #expect(comparison["checked"] as? Int ?? 0 > 100)
            // predict's chi^2 and the likelihood's are one computation (r^2/sigma^2 in the same order): 0 ulps.
            #expect(Self.number(comparison["chi2_ulps"]) == 0, "chi2 at \(text)")
            // One point, a batch and the priors file give the same doubles; inside the box log p = log L.
            for key in ["log_likelihood_batch", "log_likelihood_file", "log_posterior"] {
                #expect(Self.number(point[key]) == Self.number(point["log_likelihood"]), "\(key) at \(text)")
            }
            #expect(Self.number(point["log_prior"]) == 0)
        }
    }

    /// The unit cube's centre maps to each sampled variable's midpoint and its corners to the
    /// bounds exactly (the bounds of priors/caseC.toml: log10 of 10 and 300 MeV, gMu +-0.3).
    @Test("prior_transform maps 0.5 to the midpoints and the corners to the bounds")
    func priorTransform() throws {
        let values = try PythonPackage.run(["transform"])
        let expectedBounds = [[-2.0, log10(0.3)], [-0.3, 0.3]]
        // Hexadecimal text from Python: Double(String) reads it exactly.
        func doubles(_ key: String) throws -> [[Double]] {
            try #require(values[key] as? [[String]]).map { $0.map { Double($0) ?? .nan } }
        }
        #expect(try doubles("bounds") == expectedBounds)
        let half = try doubles("half").first ?? []
        #expect(half == expectedBounds.map { 0.5 * $0[0] + 0.5 * $0[1] })
        #expect(try doubles("single").first == half)
        let corners = try #require(values["corners"] as? [[Any]]).map { $0.map { Self.number($0) } }
        let mapped = try doubles("mapped")
        #expect(corners.count == 4 && mapped.count == 4)
        for (u, x) in zip(corners, mapped) {
            #expect(x == zip(u, expectedBounds).map { $0 == 0 ? $1[0] : $1[1] }, "corner \(u)")
        }
        #expect(try #require(values["log_prior"] as? [Any]).allSatisfy { Self.number($0) == 0 })
    }

    /// A short untempered run of case C (8 walkers, 40 steps): every stored log-probability and both
    /// chi^2 blobs are what log_posterior and chi2_parts give at the stored positions.
    @Test("log_posterior and chi2_parts reproduce a darkz chain file's log_prob and blobs; read_chain reads it")
    func chainFileValues() throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-python-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let priors = caseC.replacingOccurrences(of: "temperatures = 12", with: "temperatures = 1")
            .replacingOccurrences(of: "walkers = 32", with: "walkers = 8")
        try priors.write(toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        let sample = try DarkzRunner.run(["sample", "--priors", dir + "/c.toml", "--max-steps", "40", "--out", dir + "/c.h5", "--threads", "1"])
        #expect(sample.status == 0 || sample.status == 3, "\(sample.stderr)")
        let values = try PythonPackage.run(["chain", dir + "/c.h5", dir + "/c.toml"])
        #expect(values["parameter_names"] as? [String] == values["names"] as? [String])
        #expect(values["blob_names"] as? [String] == ["chi2_binned", "chi2_constraints"])
        #expect(values["priors_matches"] as? Bool == true)
        let samples = try #require(values["samples"] as? Int)
        #expect(samples == 8 * 40)
        #expect(values["log_prob_equal"] as? Int == samples)
        #expect(values["binned_equal"] as? Int == samples)
        #expect(values["constraints_equal"] as? Int == samples)
    }

    /// dynesty (pinned in .ci/run) runs 200 iterations on the package's likelihood and prior
    /// transform: every sample inside the prior box, and the best log L near the posterior's
    /// maximum (-26.7 at the paper's best fit region: chi^2 = 53.4 of 20 muon rows) — within 3 of it
    /// after 200 iterations of 50 live points, which shrink the prior volume by e^-4 only.
    @Test("a 200-iteration dynesty run on case C", .enabled(if: PythonPackage.hasDynesty, "dynesty is not installed (pip install dynesty==3.1.0)"))
    func dynestySmokeRun() throws {
        let values = try PythonPackage.run(["dynesty"])
        #expect(values["iterations"] as? Int ?? 0 >= 200)
        #expect(values["inside"] as? Bool == true)
        #expect(Self.number(values["logz"]).isFinite)
        #expect(Self.number(values["max_log_likelihood"]) > -30)
    }
}

/// How the tests run python3 with the darkz package.
enum PythonPackage {
    static let python = URL(fileURLWithPath: "/usr/bin/env")
    static let script = DarkzRunner.root + "/python/tests/darkz_values.py"

    static func succeeds(_ code: String, environment: [String: String] = [:]) -> Bool {
        (try? DarkzRunner.capture(python, ["python3", "-c", code], directory: NSTemporaryDirectory(), environment: environment).status) == 0
    }

    /// The variables under which `import darkz` works with the library of the build under test
    /// (libDarkzC.so beside the darkz executable: a debug and a release build differ in the last
    /// bits, so bit-identity holds within one build): the installed package with DARKZ_LIBRARY set to
    /// it, else python/ on PYTHONPATH; the installed package alone when the build has no library; nil
    /// when python3 lacks numpy or none of these imports.
    static let environment: [String: String]? = {
        guard succeeds("import numpy") else { return nil }
        let library = DarkzRunner.executable.deletingLastPathComponent().appendingPathComponent("libDarkzC.so").path
        guard FileManager.default.fileExists(atPath: library) else { return succeeds("import darkz") ? [:] : nil }
        let installed = ["DARKZ_LIBRARY": library]
        if succeeds("import darkz", environment: installed) { return installed }
        let local = ["PYTHONPATH": DarkzRunner.root + "/python", "DARKZ_LIBRARY": library]
        return succeeds("import darkz", environment: local) ? local : nil
    }()

    static let hasDynesty: Bool = environment != nil && succeeds("import dynesty")

    /// Runs python/tests/darkz_values.py from a temporary folder and returns its JSON object.
    static func run(_ arguments: [String]) throws -> [String: Any] {
        // Empty overrides: other suites point DARKZ_DATA_DIR at data/ in this process; the package finds its own.
        let result = try DarkzRunner.capture(python, ["python3", script] + arguments, directory: NSTemporaryDirectory(),
                                             environment: (environment ?? [:]).merging(["DARKZ_DATA_DIR": "", "DARKZ_PRIORS_DIR": ""]) { a, _ in a })
        let text = String(decoding: result.stdout, as: UTF8.self)
        guard result.status == 0, let object = (try? JSONSerialization.jsonObject(with: result.stdout, options: [.fragmentsAllowed])) as? [String: Any] else {
            throw PythonFailure(text: "python3 \(arguments.first ?? "") exited \(result.status): \(text) \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return object
    }

    struct PythonFailure: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}

/// The version written in Sources/Inference/DarkzVersion.swift.
enum DarkzVersionFile {
    static var version: String? {
        guard let text = try? String(contentsOfFile: DarkzRunner.root + "/Sources/Inference/DarkzVersion.swift", encoding: .utf8),
              let range = text.range(of: #"static let string = "[^"]+""#, options: .regularExpression) else { return nil }
        return text[range].split(separator: "\"")[1].description
    }
}
