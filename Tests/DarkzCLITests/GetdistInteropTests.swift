import Foundation
import Testing

/// getdist 1.7.7 reads what `darkz corner` exports (one file per walker, .paramnames, .ranges),
/// through scripts/getdist_limits.py, and its marginalised 95% limits agree with `darkz credible`'s
/// on the same samples. Skipped, with the reason, when python3 with getdist is not installed
/// (`pip install getdist==1.7.7`; .ci/run installs it).
@Suite("getdist interoperability", .serialized,
       .enabled(if: GetdistScript.isAvailable, "python3 with getdist is not installed (pip install getdist==1.7.7)"))
struct GetdistInteropTests {
    /// Both tools read the same kept samples, so the Monte Carlo error of the 95% limits (about
    /// 0.007 in log10(mZD) for these chains: sqrt(q(1-q)/ESS_tail)/p(x_q), tail ESS ~4,100, density
    /// 0.3-0.5 there) does not enter their difference: what is left is where each puts a quantile
    /// between neighbouring samples (getdist takes the first sample past the weight, darkz
    /// interpolates), 1e-5 to 1e-4 here. 1e-3 is ten times that and a seventh of the sampling
    /// error. The total weight, equal to credible's sample count, checks the burn-in.
    static let tolerance = 1e-3

    /// Case C (priors/caseC.toml, untempered with 16 walkers for 2000 steps: debug builds are slow)
    /// with its 10 MeV mass edge, where the 95% interval of log10(mZD) is two-sided in both tools,
    /// and with the edge moved to 30 MeV, below the posterior's peak, where the mass piles against
    /// it and both give the one-sided upper limit.
    @Test("getdist's 95% limits of log10(mZD) and gMu match darkz credible's, one-sided at a prior edge",
          arguments: [(10, "two_sided"), (30, "upper")])
    func limitsMatchCredible(minimumMassMeV: Int, kind: String) throws {
        let dir = NSTemporaryDirectory() + "darkz-cli-getdist-\(getpid())-\(minimumMassMeV)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let priors = caseC.replacingOccurrences(of: "temperatures = 12", with: "temperatures = 1")
            .replacingOccurrences(of: "walkers = 32", with: "walkers = 16")
            .replacingOccurrences(of: "min = 10\n", with: "min = \(minimumMassMeV)\n")
        #expect(priors.contains("temperatures = 1\n") && priors.contains("min = \(minimumMassMeV)\n"))
        try priors.write(toFile: dir + "/c.toml", atomically: true, encoding: .utf8)
        let file = dir + "/c.h5"
        let sample = try DarkzRunner.run(["sample", "--priors", dir + "/c.toml", "--max-steps", "2000", "--out", file, "--threads", "1"])
        #expect(sample.status == 0 || sample.status == 3, "\(sample.stderr)")
        let credible = try #require(try DarkzRunner.run(["credible", file, "--json"]).json)
        let corner = try DarkzRunner.run(["corner", file, "--out", dir + "/corner"])
        #expect(corner.status == 0, "\(corner.stderr)")
        let getdist = try GetdistScript.run(dir + "/corner/caseC")

        // the same kept samples: 16 walker files whose weights add up to credible's sample count
        let samples = try #require(credible["samples"] as? Int)
        #expect(getdist.chains == 16)
        #expect(getdist.total_weight == Double(samples) && getdist.rows < samples)
        #expect(getdist.r_minus_one.isFinite && getdist.r_minus_one < 0.05, "getdist R-1 = \(getdist.r_minus_one)")
        #expect(getdist.parameters.map(\.name) == ["log10_mZD", "gMu"])
        #expect(getdist.parameters.map(\.label) == ["\\log_{10}(M_{Z_D}/\\mathrm{GeV})", "g_\\mu"])

        // log10(mZD): the same kind of limit, and the same numbers. getdist's two-tail limits are the
        // equal-tailed interval unless the density differs by more than 5% of its peak at the two
        // ends; then (gMu here) they come from its kernel density estimate: only the kind is compared.
        let darkz = try #require(credible["parameters"] as? [[String: Any]])
        for (k, (ours, theirs)) in zip(darkz, getdist.parameters).enumerated() {
            let bounds = try #require(ours["prior_bounds"] as? [Double])
            // (the JSON round trip through Foundation may move the last digit)
            #expect(zip(theirs.range, bounds).allSatisfy { abs($0 - $1) < 1e-12 }, "\(theirs.name): \(theirs.range) vs \(bounds)")
            let limit = try #require((ours["limits"] as? [String: [String: Any]])?["0.95"])
            let gd = try #require(theirs.limits["0.95"])
            let ourKind = try #require(limit["kind"] as? String)
            let compareNumbers = k == 0
            switch ourKind {
            case "upper":   // x < limit: getdist's ">" (density high at the lower bound)
                #expect(gd.tag == ">", "\(theirs.name): getdist \(gd.tag)")
                let interval = try #require(limit["interval"] as? [Double])
                #expect(abs(gd.interval[0] - bounds[0]) < 1e-12)
                if compareNumbers {
                    #expect(abs(gd.interval[1] - interval[1]) < Self.tolerance,
                            "\(theirs.name) < \(gd.interval[1]) (getdist) vs \(interval[1]) (darkz)")
                }
            case "two_sided":
                #expect(gd.tag == "two", "\(theirs.name): getdist \(gd.tag)")
                let equalTailed = try #require((ours["equal_tailed"] as? [String: [Double]])?["0.95"])
                if compareNumbers {
                    for end in 0..<2 {
                        #expect(abs(gd.interval[end] - equalTailed[end]) < Self.tolerance,
                                "\(theirs.name): \(gd.interval) (getdist) vs \(equalTailed) (darkz)")
                    }
                }
            default:
                Issue.record("\(theirs.name): darkz limit of kind \(ourKind) at 95%")
            }
        }
        let mass = try #require((darkz.first?["limits"] as? [String: [String: Any]])?["0.95"]?["kind"] as? String)
        #expect(mass == kind)
    }
}

/// scripts/getdist_limits.py, run with python3.
enum GetdistScript {
    static let script = DarkzRunner.root + "/scripts/getdist_limits.py"

    static let isAvailable: Bool = {
        (try? python(["-c", "import getdist"]).status) == 0
    }()

    /// What the script prints.
    struct View: Decodable {
        struct Parameter: Decodable {
            struct Limit: Decodable {
                var interval: [Double]
                var tag: String
            }
            var name: String
            var label: String
            var range: [Double]
            var limits: [String: Limit]
        }
        var getdist_version: String
        var chains: Int
        var rows: Int
        var total_weight: Double
        var r_minus_one: Double
        var parameters: [Parameter]
    }

    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "scripts/getdist_limits.py exited with \(status): \(stderr)" }
    }

    static func run(_ root: String) throws -> View {
        let result = try python([script, root])
        guard result.status == 0 else { throw Failed(status: result.status, stderr: result.stderr) }
        return try JSONDecoder().decode(View.self, from: result.stdout)
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let r = try DarkzRunner.capture(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
        return (r.status, r.stdout, String(decoding: r.stderr, as: UTF8.self))
    }
}
