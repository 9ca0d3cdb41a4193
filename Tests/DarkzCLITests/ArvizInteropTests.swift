import Foundation
import Testing

/// ArviZ 0.23.4 on the chains `darkz diagnose a.h5 b.h5` combines: each file read with emcee's
/// HDFBackend, its common kept draws taken (the `first_kept_step` and `kept_steps` diagnose
/// reports), the walkers of both files concatenated as chains (scripts/arviz_combined_diagnostics.py).
/// Skipped, with the reason, when python3 with arviz and emcee is not installed
/// (`pip install arviz==0.23.4 emcee==3.1.6`; CI installs them).
@Suite("ArviZ interoperability of combined chains", .serialized,
       .enabled(if: ArvizScript.isAvailable, "python3 with arviz and emcee is not installed (pip install arviz==0.23.4 emcee==3.1.6)"))
struct ArvizInteropTests {
    /// darkz computes R-hat, ESS and MCSE with ArviZ's algorithm on the same draws, so only
    /// floating-point rounding separates them: 2e-15 relative at most on these chains (20 ulps of
    /// the bulk ESS, from FFT and summation order). 1e-10 leaves room for other platforms' FFTs.
    static let tolerance = 1e-10

    @Test("R-hat, bulk and tail ESS and MCSE match ArviZ's with each file's walkers as chains",
          arguments: ["untempered", "tempered"])
    func combinedDiagnosticsMatchArviz(pair: String) throws {
        let files = pair == "tempered" ? MultiFileChains.tempered : MultiFileChains.untempered
        let out = try DarkzRunner.run(["diagnose"] + files + ["--json"])
        #expect(out.status == 0 || out.status == 3, "\(out.stderr)")
        let json = try #require(out.json)
        let kept = try #require(json["kept_steps"] as? Int)
        let members = try #require(json["files"] as? [[String: Any]])
        let firsts = members.compactMap { $0["first_kept_step"] as? Int }
        #expect(firsts.count == 2)
        let arviz = try ArvizScript.run(draws: kept, files: Array(zip(files, firsts)))
        #expect(arviz.arviz_version == "0.23.4")
        #expect(arviz.chains == 16 && arviz.draws == kept)
        let parameters = try #require(json["parameters"] as? [[String: Any]])
        #expect(parameters.count == arviz.rhat.count)
        var largest = 0.0
        for (k, p) in parameters.enumerated() {
            for (key, theirs) in [("rhat", arviz.rhat[k]), ("ess_bulk", arviz.ess_bulk[k]), ("ess_tail", arviz.ess_tail[k]),
                                  ("mcse_mean", arviz.mcse_mean[k])] {
                let ours = try #require(p[key] as? Double, "\(key)")
                let relative = abs(ours - theirs) / abs(theirs)
                largest = max(largest, relative)
                #expect(relative <= Self.tolerance, "\(p["name"] ?? k) \(key): darkz \(ours), ArviZ \(theirs)")
            }
        }
        print("ArviZ agreement (\(pair)): largest relative deviation \(largest)")
    }
}

/// scripts/arviz_combined_diagnostics.py, run with python3.
enum ArvizScript {
    static let script = DarkzRunner.root + "/scripts/arviz_combined_diagnostics.py"

    static let isAvailable: Bool = {
        (try? GetdistScript.python(["-c", "import arviz, emcee"]).status) == 0
    }()

    /// What the script prints (floats as hexadecimal strings).
    struct View: Decodable {
        var arviz_version: String
        var chains: Int
        var draws: Int
        var rhat, ess_bulk, ess_tail, mcse_mean: [Double]

        enum CodingKeys: String, CodingKey { case arviz_version, chains, draws, rhat, ess_bulk, ess_tail, mcse_mean }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func hexes(_ key: CodingKeys) throws -> [Double] {
                try c.decode([String].self, forKey: key).map { text in
                    guard let value = Double(text) else { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: text) }
                    return value
                }
            }
            arviz_version = try c.decode(String.self, forKey: .arviz_version)
            chains = try c.decode(Int.self, forKey: .chains)
            draws = try c.decode(Int.self, forKey: .draws)
            rhat = try hexes(.rhat)
            ess_bulk = try hexes(.ess_bulk)
            ess_tail = try hexes(.ess_tail)
            mcse_mean = try hexes(.mcse_mean)
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "scripts/arviz_combined_diagnostics.py exited with \(status): \(stderr)" }
    }

    static func run(draws: Int, files: [(String, Int)]) throws -> View {
        let result = try GetdistScript.python([script, "--draws", "\(draws)"] + files.map { "\($0.0):\($0.1)" })
        guard result.status == 0 else { throw Failed(status: result.status, stderr: result.stderr) }
        return try JSONDecoder().decode(View.self, from: result.stdout)
    }
}
