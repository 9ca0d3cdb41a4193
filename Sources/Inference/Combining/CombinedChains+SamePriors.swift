import Foundation
import ChainStorage

extension CombinedChains {
    /// Run settings that may differ between files of one posterior: the seed (each independent
    /// ensemble has its own), the step limit and checkpoint interval (how long a run went and how
    /// often it saved), and which blobs it stored beside the chain. Ignored both in the stored
    /// settings lines and as keys of the stored priors text (its [sampler] and [output] tables).
    public static let ignoredSettings: Set<String> = ["seed", "max_steps", "checkpoint_every", "blobs"]

    /// Throws unless every file samples the same posterior as the first: the same parameter
    /// names (for files without names, the same number of parameters), and for darkz files the
    /// same stored priors text and run settings, ignoring comment and blank lines and the
    /// ``ignoredSettings``. A plain emcee file (no stored priors) combines only with another.
    /// - Throws: ``CombinationError/differentPriors(_:_:difference:)`` naming the two files.
    public static func checkSamePriors(_ files: [ChainFile]) throws {
        guard let first = files.first else { throw CombinationError.noFiles }
        for other in files.dropFirst() {
            if let difference = Self.difference(first, other) {
                throw CombinationError.differentPriors(first.url.relativePath, other.url.relativePath, difference: difference)
            }
        }
    }

    /// How `b` differs from `a` in what must agree, or nil.
    static func difference(_ a: ChainFile, _ b: ChainFile) -> String? {
        if a.chain.nDim != b.chain.nDim { return "\(a.chain.nDim) parameters against \(b.chain.nDim)" }
        if a.parameterNamesOrIndices != b.parameterNamesOrIndices {
            return "parameters " + a.parameterNamesOrIndices.joined(separator: ", ") + " against " + b.parameterNamesOrIndices.joined(separator: ", ")
        }
        switch (a.metadata.priorsText, b.metadata.priorsText) {
        case (nil, nil): return nil
        case (.some, nil): return "the first stores darkz priors, the second none (an emcee file?)"
        case (nil, .some): return "the first stores no darkz priors (an emcee file?), the second does"
        case let (.some(x), .some(y)):
            let (lx, ly) = (comparedLines(x), comparedLines(y))
            for (u, v) in zip(lx, ly) where u != v { return "stored priors line '\(u)' against '\(v)'" }
            if lx.count != ly.count {
                let extra = lx.count > ly.count ? lx[ly.count] : ly[lx.count]
                return "stored priors line '\(extra)' only in the \(lx.count > ly.count ? "first" : "second")"
            }
            return nil
        }
    }

    /// The stored priors text and run settings as compared: trimmed lines without blank and
    /// comment lines (the run settings lines "# key=value" kept, as "key=value"), minus the
    /// ``ignoredSettings`` in either form ("seed = 7", "seed=7").
    static func comparedLines(_ text: String) -> [String] {
        let parts = text.components(separatedBy: SamplingRun.separator)
        let settings = parts.count > 1 ? parts[1].split(separator: "\n").map { String($0.dropFirst(2)) } : []
        let priors = parts[0].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return (priors + settings).filter { line in
            let key = line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return !ignoredSettings.contains(key)
        }
    }
}

/// Why chain files cannot be combined; one line naming the files.
public enum CombinationError: Error, CustomStringConvertible, Sendable {
    case noFiles
    case differentPriors(String, String, difference: String)

    public var description: String {
        switch self {
        case .noFiles: return "give at least one chain file"
        case let .differentPriors(a, b, difference):
            return "\(a) and \(b) are not runs of the same priors, so they cannot be combined: \(difference)"
        }
    }
}
