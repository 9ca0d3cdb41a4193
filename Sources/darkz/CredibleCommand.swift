import ArgumentParser
import ChainStorage
import Ensemble
import Foundation
import Inference

/// `darkz credible FILE`: Bayesian intervals and regions, the best sample, and the paper's
/// profile-likelihood regions from the same samples.
struct CredibleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credible",
        abstract: "Credible intervals (median, equal-tailed, HPD), 2-D HPD levels, best sample, profile-likelihood regions and the pull.")

    @Argument(help: "A chain file written by darkz sample.")
    var file: String

    @Option(name: .customLong("levels"), help: "Credible levels, comma-separated.")
    var levels = "0.68,0.95"

    @Option(name: .customLong("discard"), help: "Burn-in steps to drop (default: twice the largest tau).")
    var discard: Int?

    @Option(name: .customLong("constraints"), help: "Also report the fraction of posterior mass each constraint excludes: all or a list.")
    var constraints: String?

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    func run() throws {
        let levelValues = try levels.split(separator: ",").map { text -> Double in
            guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v > 0, v < 1 else {
                throw ValidationError("--levels takes numbers between 0 and 1, got '\(text)'")
            }
            return v
        }
        let chainFile = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        let stored = try SamplingRun.StoredRun(chainFile)
        let likelihood = try stored.likelihood()
        // The verdict's burn-in is the file's default one (``BurnIn/defaultSteps(file:)``): computed once.
        let verdict = ConvergenceVerdict(file: chainFile, discard: discard)
        let burn = discard ?? verdict.discard
        let chain = chainFile.chain.slice(discard: burn)
        let logProbs = chainFile.logProbabilities.slice(discard: burn).values
        let samples = chain.flattened()
        let names = chainFile.metadata.parameterNames
        let bounds = stored.priors.free.map(\.distribution.sampledBounds)
        var warnings = [String]()
        if !verdict.isConverged {
            warnings.append("the chain is not converged (failed: " + verdict.failedCriteria.map(\.rawValue).joined(separator: ", ")
                            + "; see darkz diagnose): these intervals are not yet to be trusted")
        }
        let parameters = (0..<chain.nDim).map { k -> CredibleReport.Parameter in
            let sorted = samples.map { $0[k] }.sorted()
            let limits = BoundedLimit.limits(name: names[k], sorted: sorted, bounds: bounds[k], levels: levelValues)
            for bound in Set(limits.compactMap(\.bound)).sorted() {
                warnings.append("posterior of \(names[k]) piled against its prior bound \(String(format: "%.4g", bound)): one-sided limits reported")
            }
            return CredibleReport.Parameter(
                name: names[k], median: CredibleIntervals.quantile(sorted, 0.5),
                equal_tailed: Dictionary(uniqueKeysWithValues: levelValues.map { (String($0), CredibleIntervals.equalTailed(sorted, level: $0)) }),
                hpd: Dictionary(uniqueKeysWithValues: levelValues.map { (String($0), CredibleIntervals.highestDensity(sorted, level: $0)) }),
                prior_bounds: [bounds[k].lowerBound, bounds[k].upperBound],
                limits: Dictionary(uniqueKeysWithValues: zip(levelValues.map { String($0) }, limits).map { ($0, $1) }))
        }
        let chi2 = logProbs.map { -2 * $0 }
        let bestIndex = chi2.indices.min { chi2[$0] < chi2[$1] }!
        let best = samples[bestIndex].withUnsafeBufferPointer { stored.priors.point($0) }
        let comparison = StandardModelComparison(best: best, chi2Min: chi2[bestIndex], likelihood: likelihood)
        if let warning = comparison.warning { warnings.append(warning) }
        var pairs: [CredibleReport.Pair] = []
        for i in 0..<chain.nDim {
            for j in (i + 1)..<chain.nDim {
                let regions = DensityRegions2D(x: samples.map { $0[i] }, y: samples.map { $0[j] }, levels: levelValues)
                pairs.append(.init(x: names[i], y: names[j], thresholds: regions.thresholds, levels: levelValues))
            }
        }
        var excluded: [String: Double]?
        if let constraints {
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
        let report = CredibleReport(
            file: file, discard: burn, samples: samples.count, parameters: parameters,
            best_fit: .init(parameters: best, sampled: samples[bestIndex], chi2: chi2[bestIndex]),
            chi2_sm: comparison.chi2_sm, pull: NullableNumber(value: comparison.pull), standard_model: comparison,
            pairs: pairs, profile: ProfileRegions(samples: samples, chiSquare: chi2, names: names), excluded_fraction: excluded,
            warnings: warnings)
        if json { try printJSON(WithMeta(report, .credible(verdict: verdict, priors: stored.priors))) } else { print(report.text) }
    }
}

struct CredibleReport: Encodable {
    struct Parameter: Encodable {
        let name: String
        let median: Double
        let equal_tailed: [String: [Double]]
        let hpd: [String: [Double]]
        /// The prior range in the sampled variable.
        let prior_bounds: [Double]
        /// Per level: two-sided HPD interval, or a one-sided limit when the mass piles against a bound.
        let limits: [String: BoundedLimit]
    }

    struct BestFit: Encodable {
        let parameters: DarkBosonParameters
        let sampled: [Double]
        let chi2: Double
    }

    struct Pair: Encodable {
        let x: String
        let y: String
        /// Histogram-count thresholds of the 2-D HPD regions (40 x 40 bins), one per level.
        let thresholds: [Double]
        let levels: [Double]
    }

    let file: String
    let discard: Int
    let samples: Int
    let parameters: [Parameter]
    let best_fit: BestFit
    let chi2_sm: Double
    /// sqrt(chi2_SM - chi2_min), null when the best sample is worse than the SM.
    let pull: NullableNumber
    let standard_model: StandardModelComparison
    let pairs: [Pair]
    let profile: ProfileRegions
    let excluded_fraction: [String: Double]?
    let warnings: [String]

    var text: String {
        var lines = ["\(file): \(samples) samples after discarding \(discard) steps", ""]
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
        let b = best_fit.parameters
        lines.append("")
        lines.append(String(format: "best sample: M_ZD = %.4g MeV  epsilon = %.3g  epsilon_Z = %.3g  g_mu = %.4g  chi2 = %.3f",
                            b.mZD * 1e3, b.epsilon, b.epsilonZ, b.gMu, best_fit.chi2))
        lines += standard_model.textLines
        lines.append("")
        lines.append("profile-likelihood regions (chi2 <= chi2_min + Delta, from the samples):")
        for r in profile.intervals_1d {
            lines.append(String(format: "  %@: %@ [%.4g, %.4g]  (%.1f%% of samples)", r.label, r.parameter, r.range[0], r.range[1], 100 * r.fraction_of_samples))
        }
        for r in profile.regions_2d {
            lines.append(String(format: "  %@: %@ [%.4g, %.4g], %@ [%.4g, %.4g]  (%.1f%% of samples)", r.label, r.x, r.x_range[0], r.x_range[1],
                                r.y, r.y_range[0], r.y_range[1], 100 * r.fraction_of_samples))
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
