import Foundation

/// Small chain files shared by the multi-file CLI tests, sampled once per test process with the
/// debug darkz (short runs: debug builds are ~10x slower): two untempered case-C runs of 8 walkers
/// with different seeds and lengths, two tempered ones (4 temperatures, the ladder adapting for
/// 100 steps) and a run of other priors (the gMu prior up to 0.25).
enum MultiFileChains {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "darkz-cli-multifile-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// Seed 1, 300 steps, and seed 2, 400 steps (so the files keep different lengths).
    static let untempered: [String] = [(1, 300), (2, 400)].map { seed, steps in
        sample(["--case", "C", "--temperatures", "1"], seed: seed, steps: steps, name: "untempered-\(seed)")
    }

    /// Case C with 4 temperatures of 8 walkers, seeds 5 and 6, 400 steps each.
    static let tempered: [String] = [5, 6].map { seed in
        sample(["--priors", priors("tempered", { $0.replacingOccurrences(of: "temperatures = 12", with: "temperatures = 4")
                .replacingOccurrences(of: "adaptation_steps = 2000", with: "adaptation_steps = 100") })],
               seed: seed, steps: 400, name: "tempered-\(seed)")
    }

    /// Case C untempered with the gMu prior narrowed to [-0.3, 0.25]: other priors than `untempered`.
    static let otherPriors: String = sample(
        ["--priors", priors("other", { $0.replacingOccurrences(of: "max = 0.3\n", with: "max = 0.25\n") }), "--temperatures", "1"],
        seed: 3, steps: 30, name: "other")

    /// A plain emcee file (Tests/Fixtures/chains/make_plain_emcee.sh): 600 steps, 8 walkers, 2 parameters.
    static let plainEmcee = DarkzRunner.root + "/Tests/Fixtures/chains/plain-emcee.h5"

    private static func priors(_ name: String, _ edit: (String) -> String) -> String {
        let caseC = (try? String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)) ?? ""
        let path = folder + "/\(name).toml"
        try? edit(caseC).replacingOccurrences(of: "walkers = 32", with: "walkers = 8").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func sample(_ options: [String], seed: Int, steps: Int, name: String) -> String {
        let file = folder + "/\(name).h5"
        _ = try? DarkzRunner.run(["sample"] + options + ["--walkers", "8", "--seed", "\(seed)", "--max-steps", "\(steps)",
                                                         "--out", file, "--overwrite", "--threads", "1", "--blobs", "none"])
        return file
    }
}
