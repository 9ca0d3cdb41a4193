import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz credible FILE...`: Bayesian intervals and regions, the best sample, and the paper's
/// profile-likelihood regions from the same samples; several files of the same priors are pooled
/// (``CombinedChains``). A plain emcee file (no stored priors) gets the intervals and 2-D levels
/// only, with a note.
struct CredibleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credible",
        abstract: "Credible intervals (median, equal-tailed, HPD), 2-D HPD levels, best sample, profile-likelihood regions and the pull.",
        discussion: "Several files of the same priors are pooled: the last common number of steps after each file's burn-in, every walker of every file. A file written by emcee's HDFBackend (no darkz priors) gets intervals and 2-D levels only.")

    @Argument(help: "Chain files written by darkz sample (or emcee's HDFBackend); several are pooled.")
    var files: [String]

    @Option(name: .customLong("levels"), help: "Credible levels, comma-separated.")
    var levels = "0.68,0.95"

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau).")
    var discard: Int?

    @Option(name: .customLong("constraints"), help: "Also report the fraction of posterior mass each constraint excludes: all or a list.")
    var constraints: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one chain file") }
    }

    func run() throws {
        let levelValues = try levels.split(separator: ",").map { text -> Double in
            guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v > 0, v < 1 else {
                throw ValidationError("--levels takes numbers between 0 and 1, got '\(text)'")
            }
            return v
        }
        let chainFiles = try files.map { try ChainFile(contentsOf: URL(fileURLWithPath: $0)) }
        let combined = try CombinedChains(files: chainFiles, discard: discard)
        // The stored run, nil for a plain emcee file: then no prior bounds, SM comparison,
        // profile regions or constraints.
        let stored = try chainFiles[0].metadata.priorsText.map { _ in try SamplingRun.StoredRun(chainFiles[0]) }
        if stored == nil, constraints != nil {
            throw ValidationError("--constraints needs a chain file written by darkz sample; \(files[0]) holds no priors")
        }
        let likelihood = try stored?.likelihood()
        let verdict = combined.verdict
        let samples = combined.samples
        let logProbs = combined.logProbabilities.values
        let names = combined.parameterNames
        let bounds = stored?.priors.free.map(\.distribution.sampledBounds)
        var notes = combined.notes
        if stored == nil {
            notes.append("\(files[0]) holds no darkz priors (an emcee file?): parameter names from the file or x0, x1, ...; no prior bounds (so no one-sided limits), no best-fit chi^2, SM comparison or profile-likelihood regions")
        }
        var warnings = [String]()
        if !verdict.isConverged {
            warnings.append("the chain is not converged (failed: " + verdict.failedCriteria.map(\.rawValue).joined(separator: ", ")
                            + "; see darkz diagnose): these intervals are not yet to be trusted")
        }
        let parameters = (0..<combined.chain.nDim).map { k -> CredibleReport.Parameter in
            let sorted = samples.map { $0[k] }.sorted()
            let limits = BoundedLimit.limits(name: names[k], sorted: sorted, bounds: bounds?[k] ?? -Double.infinity...Double.infinity, levels: levelValues)
            for bound in Set(limits.compactMap(\.bound)).sorted() {
                warnings.append("posterior of \(names[k]) piled against its prior bound \(String(format: "%.4g", bound)): one-sided limits reported")
            }
            return CredibleReport.Parameter(
                name: names[k], median: CredibleIntervals.quantile(sorted, 0.5),
                equal_tailed: Dictionary(uniqueKeysWithValues: levelValues.map { (String($0), CredibleIntervals.equalTailed(sorted, level: $0)) }),
                hpd: Dictionary(uniqueKeysWithValues: levelValues.map { (String($0), CredibleIntervals.highestDensity(sorted, level: $0)) }),
                prior_bounds: bounds.map { [$0[k].lowerBound, $0[k].upperBound] },
                limits: Dictionary(uniqueKeysWithValues: zip(levelValues.map { String($0) }, limits).map { ($0, $1) }))
        }
        let bestIndex = logProbs.indices.max { logProbs[$0] < logProbs[$1] }!
        let chi2 = logProbs.map { -2 * $0 }
        let best = stored.map { s in samples[bestIndex].withUnsafeBufferPointer { s.priors.point($0) } }
        var comparison: StandardModelComparison?
        if let best, let likelihood { comparison = StandardModelComparison(best: best, chi2Min: chi2[bestIndex], likelihood: likelihood) }
        if let warning = comparison?.warning { warnings.append(warning) }
        var pairs: [CredibleReport.Pair] = []
        for i in 0..<combined.chain.nDim {
            for j in (i + 1)..<combined.chain.nDim {
                let regions = DensityRegions2D(x: samples.map { $0[i] }, y: samples.map { $0[j] }, levels: levelValues)
                pairs.append(.init(x: names[i], y: names[j], regions: regions))
            }
        }
        var excluded: [String: Double]?
        if let constraints, let stored, let likelihood {
            let predictor = likelihood.predictor
            let set = try ConstraintSet.standard(model: predictor.model, onShell: predictor.onShell)
            let selected = try set.select(constraints)
            let stride = max(1, samples.count / 2000)
            var counts = [String: Int](), n = 0
            for s in Swift.stride(from: 0, to: samples.count, by: stride) {
                let point = predictor.model.point(samples[s].withUnsafeBufferPointer { stored.priors.point($0) })
                for r in set.evaluate(point, names: selected) where r.excluded { counts[r.name, default: 0] += 1 }
                n += 1
            }
            excluded = Dictionary(uniqueKeysWithValues: selected.map { ($0, Double(counts[$0] ?? 0) / Double(n)) })
        }
        for note in notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let report = CredibleReport(
            file: combined.label, files: combined.members, walkers: combined.walkers, kept_steps: combined.keptSteps,
            discard: verdict.discard, samples: samples.count, parameters: parameters,
            best_fit: .init(parameters: best, sampled: samples[bestIndex], chi2: stored == nil ? nil : chi2[bestIndex], log_prob: logProbs[bestIndex]),
            chi2_sm: comparison?.chi2_sm, pull: NullableNumber(value: comparison?.pull), standard_model: comparison,
            pairs: pairs, profile: stored == nil ? nil : ProfileRegions(samples: samples, chiSquare: chi2, names: names),
            excluded_fraction: excluded, warnings: warnings)
        if json { try printJSON(WithMeta(report, .credible(verdict: verdict, priors: stored?.priors))) } else { print(report.text) }
    }
}

struct CredibleReport: Encodable {
    struct Parameter: Encodable {
        let name: String
        let median: Double
        let equal_tailed: [String: [Double]]
        let hpd: [String: [Double]]
        /// The prior range in the sampled variable; null for a file without priors.
        let prior_bounds: [Double]?
        /// Per level: two-sided HPD interval, or a one-sided limit when the mass piles against a bound.
        let limits: [String: BoundedLimit]

        enum CodingKeys: String, CodingKey { case name, median, equal_tailed, hpd, prior_bounds, limits }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(median, forKey: .median)
            try c.encode(equal_tailed, forKey: .equal_tailed)
            try c.encode(hpd, forKey: .hpd)
            try c.encode(prior_bounds, forKey: .prior_bounds)
            try c.encode(limits, forKey: .limits)
        }
    }

    /// The sample of highest log-probability; `parameters` and `chi2` (= -2 ln posterior) null for
    /// a file without priors.
    struct BestFit: Encodable {
        let parameters: DarkBosonParameters?
        let sampled: [Double]
        let chi2: Double?
        let log_prob: Double

        enum CodingKeys: String, CodingKey { case parameters, sampled, chi2, log_prob }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(parameters, forKey: .parameters)
            try c.encode(sampled, forKey: .sampled)
            try c.encode(chi2, forKey: .chi2)
            try c.encode(log_prob, forKey: .log_prob)
        }
    }

    /// The 2-D HPD regions of a pair from a 40 x 40 histogram over the samples' extent: per level,
    /// the density threshold (samples per bin / (all samples x bin area), per unit area of the two
    /// sampled variables) whose bins at or above it hold the level's mass, and the bin edges.
    struct Pair: Encodable {
        let x: String
        let y: String
        let thresholds: [Double]
        let levels: [Double]
        let x_edges: [Double]
        let y_edges: [Double]
        let threshold_units = "probability per unit area of the sampled variables x, y"

        init(x: String, y: String, regions r: DensityRegions2D) {
            self.x = x
            self.y = y
            let binArea = (r.xEdges[1] - r.xEdges[0]) * (r.yEdges[1] - r.yEdges[0])
            let total = r.counts.joined().reduce(0, +)
            thresholds = r.thresholds.map { $0 / (total * binArea) }
            levels = r.levels
            x_edges = r.xEdges
            y_edges = r.yEdges
        }
    }

    /// The file, or the pooled files joined by " + ", and what each contributes.
    let file: String
    let files: [CombinedChains.Member]
    let walkers: Int
    /// Kept draws per walker (the same for every file).
    let kept_steps: Int
    /// Steps dropped before the kept draws (the largest over the files).
    let discard: Int
    let samples: Int
    let parameters: [Parameter]
    let best_fit: BestFit
    /// Null (with `standard_model` and `profile`) for a file without priors.
    let chi2_sm: Double?
    /// sqrt(chi2_SM - chi2_min), null when the best sample is worse than the SM.
    let pull: NullableNumber
    let standard_model: StandardModelComparison?
    let pairs: [Pair]
    let profile: ProfileRegions?
    let excluded_fraction: [String: Double]?
    let warnings: [String]

    enum CodingKeys: String, CodingKey {
        case file, files, walkers, kept_steps, discard, samples, parameters, best_fit, chi2_sm, pull, standard_model, pairs, profile,
             excluded_fraction, warnings
    }

    /// Writes the optional fields as null rather than leaving them out.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(files, forKey: .files)
        try c.encode(walkers, forKey: .walkers)
        try c.encode(kept_steps, forKey: .kept_steps)
        try c.encode(discard, forKey: .discard)
        try c.encode(samples, forKey: .samples)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(best_fit, forKey: .best_fit)
        try c.encode(chi2_sm, forKey: .chi2_sm)
        try c.encode(pull, forKey: .pull)
        try c.encode(standard_model, forKey: .standard_model)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(profile, forKey: .profile)
        try c.encode(excluded_fraction, forKey: .excluded_fraction)
        try c.encode(warnings, forKey: .warnings)
    }

    var text: String {
        var lines = [files.count == 1 ? "\(file): \(samples) samples after discarding \(discard) steps"
                     : "\(file): \(samples) samples pooled from \(files.count) files (\(walkers) walkers, the last \(kept_steps) steps of each after its burn-in)", ""]
        for p in parameters {
            lines.append(String(format: "%@: median %.4g", p.name, p.median))
            for level in p.equal_tailed.keys.sorted() {
                let e = p.equal_tailed[level]!, h = p.hpd[level]!, limit = p.limits[level]!
                if limit.one_sided || limit.kind == .none {
                    lines.append("  \(level): " + limit.text)
                } else {
                    lines.append(String(format: "  %@: equal-tailed [%.4g, %.4g]  HPD [%.4g, %.4g]", level, e[0], e[1], h[0], h[1]))
                }
            }
        }
        lines.append("")
        if let b = best_fit.parameters, let chi2 = best_fit.chi2 {
            lines.append(String(format: "best sample: M_ZD = %.4g MeV  epsilon = %.3g  epsilon_Z = %.3g  g_mu = %.4g  chi2 = %.3f",
                                b.mZD * 1e3, b.epsilon, b.epsilonZ, b.gMu, chi2))
        } else {
            lines.append("best sample (highest log-prob \(String(format: "%.6g", best_fit.log_prob))): "
                         + zip(parameters, best_fit.sampled).map { "\($0.name) = \(String(format: "%.4g", $1))" }.joined(separator: "  "))
        }
        if let standard_model { lines += standard_model.textLines }
        if let profile {
            lines.append("")
            lines.append("profile-likelihood regions (chi2 <= chi2_min + Delta, from the samples):")
            for r in profile.intervals_1d {
                lines.append(String(format: "  %@: %@ [%.4g, %.4g]  (%.1f%% of samples)", r.label, r.parameter, r.range[0], r.range[1], 100 * r.fraction_of_samples))
            }
            for r in profile.regions_2d {
                lines.append(String(format: "  %@: %@ [%.4g, %.4g], %@ [%.4g, %.4g]  (%.1f%% of samples)", r.label, r.x, r.x_range[0], r.x_range[1],
                                    r.y, r.y_range[0], r.y_range[1], 100 * r.fraction_of_samples))
            }
        }
        if let excluded = excluded_fraction {
            lines.append("")
            lines.append("fraction of posterior mass excluded:")
            for name in excluded.keys.sorted() { lines.append(String(format: "  %@: %.3f", name, excluded[name]!)) }
        }
        if !warnings.isEmpty {
            lines.append("")
            lines += warnings.map { "warning: " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
