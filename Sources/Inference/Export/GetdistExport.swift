import ChainStorage
import Ensemble
import Foundation

/// A chain in getdist's plain-text format, as `getdist.loadMCSamples(folder/root)` reads it:
///
///     root_1.txt ... root_W.txt   one file per walker, so getdist computes its own R-1 across them;
///                                 rows "weight  -ln(posterior)  sampled parameters", consecutive
///                                 repeats of a walker's position merged into one row whose weight
///                                 is their count
///     root.paramnames             "name  label": the getdist name (ParameterPrior.getdistName) and
///                                 the LaTeX label of each sampled variable
///     root.ranges                 "name  min  max" ("N": unbounded): the prior bounds of each sampled variable, so
///                                 getdist's kernel density stops at them and it reports one-sided
///                                 limits where the posterior piles against one
///     root.properties.ini         burn_removed = T: the burn-in is already dropped, so getdist
///                                 drops nothing more whatever its ignore_rows setting
///
/// The kept steps are those of `darkz credible`: the same default burn-in
/// (``BurnIn/defaultSteps(file:)``) and, for a tempered file, its β = 1 chain (the file's `chain`).
/// No `root.txt` is written: getdist would read it as one more chain.
public struct GetdistExport: Sendable {
    public struct Parameter: Sendable, Equatable {
        /// getdist's name (no parentheses): ``ParameterPrior/getdistName``.
        public let name: String
        /// LaTeX, without `$`.
        public let label: String
        /// Prior bounds of the sampled variable.
        public let bounds: ClosedRange<Double>

        public init(name: String, label: String, bounds: ClosedRange<Double>) {
            self.name = name
            self.label = label
            self.bounds = bounds
        }

        public init(_ prior: ParameterPrior) {
            self.init(name: prior.getdistName, label: prior.latexLabel, bounds: prior.distribution.sampledBounds)
        }

        /// A parameter known only by name (a chain file without priors): getdist's name with every
        /// character but letters, digits and "_" made "_", the name itself as label, no bounds.
        public init(plainName: String) {
            let name = String(plainName.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
            self.init(name: name, label: "\\mathrm{\(name.replacingOccurrences(of: "_", with: "\\_"))}", bounds: -Double.infinity...Double.infinity)
        }
    }

    /// One row of a walker's file: `weight` consecutive steps at the same position.
    public struct Row: Sendable, Equatable {
        public var weight: Int
        public let minusLogPosterior: Double
        public let values: [Double]

        public init(weight: Int, minusLogPosterior: Double, values: [Double]) {
            self.weight = weight
            self.minusLogPosterior = minusLogPosterior
            self.values = values
        }
    }

    /// File names are `root` plus `_1.txt`, `.paramnames`, ...
    public let root: String
    public let parameters: [Parameter]
    /// Per walker, its kept steps with consecutive repeats merged.
    public let walkers: [[Row]]
    /// Steps dropped from the start of every walker.
    public let discard: Int

    /// - Parameters:
    ///   - chain: positions (steps, walkers, parameters), as a chain file's `chain`.
    ///   - logProbabilities: ln posterior (steps, walkers, 1).
    ///   - discard: the burn-in steps to drop.
    public init(root: String, parameters: [Parameter], chain: ChainArray, logProbabilities: ChainArray, discard: Int) {
        precondition(chain.nDim == parameters.count, "\(parameters.count) parameters for a chain of \(chain.nDim)")
        precondition(logProbabilities.nSteps == chain.nSteps && logProbabilities.nWalkers == chain.nWalkers
                     && logProbabilities.nDim == 1, "log-probabilities of another shape than the chain")
        precondition(discard >= 0, "negative burn-in")
        self.root = root
        self.parameters = parameters
        self.discard = discard
        walkers = (0..<chain.nWalkers).map { w in
            var rows: [Row] = []
            for s in min(discard, chain.nSteps)..<chain.nSteps {
                let values = (0..<chain.nDim).map { chain[s, w, $0] }
                let minusLogPosterior = -logProbabilities[s, w, 0]
                if let last = rows.last, last.minusLogPosterior.bitPattern == minusLogPosterior.bitPattern,
                   zip(last.values, values).allSatisfy({ $0.bitPattern == $1.bitPattern }) {
                    rows[rows.count - 1].weight += 1
                } else {
                    rows.append(Row(weight: 1, minusLogPosterior: minusLogPosterior, values: values))
                }
            }
            return rows
        }
    }

    /// The export of a darkz chain file: its priors' free parameters, `root` the priors' name, and
    /// the default burn-in of `credible` unless `discard` is given.
    public init(file: ChainFile, priors: PriorsFile, discard: Int? = nil) {
        self.init(root: priors.name, parameters: priors.free.map(Parameter.init), chain: file.chain,
                  logProbabilities: file.logProbabilities, discard: discard ?? BurnIn.defaultSteps(file: file))
    }

    /// The kept steps of all walkers (the sum of the weights).
    public var sampleCount: Int { walkers.reduce(0) { $0 + $1.reduce(0) { $0 + $1.weight } } }

    /// Rows written, after merging repeats.
    public var rowCount: Int { walkers.reduce(0) { $0 + $1.count } }

    /// The text of walker `walker`'s file (`root_<walker + 1>.txt`).
    public func chainText(walker: Int) -> String {
        var text = ""
        for row in walkers[walker] {
            text += "\(row.weight) \(row.minusLogPosterior)"
            for v in row.values { text += " \(v)" }
            text += "\n"
        }
        return text
    }

    public var paramnamesText: String {
        parameters.map { "\($0.name)\t\($0.label)\n" }.joined()
    }

    /// "name  min  max", with getdist's "N" for an unbounded side.
    public var rangesText: String {
        func text(_ x: Double) -> String { x.isFinite ? "\(x)" : "N" }
        return parameters.map { "\($0.name)\t\(text($0.bounds.lowerBound))\t\(text($0.bounds.upperBound))\n" }.joined()
    }

    public var propertiesText: String { "burn_removed = T\n" }

    /// The file names, walker files first.
    public var fileNames: [String] {
        walkers.indices.map { "\(root)_\($0 + 1).txt" } + [root + ".paramnames", root + ".ranges", root + ".properties.ini"]
    }

    /// Writes every file into `folder` (which must exist), each atomically, and removes a stale
    /// `root.txt` or `root_<n>.txt` beyond this export's walkers that getdist would read with it.
    /// - Returns: the names written (``fileNames``).
    @discardableResult
    public func write(to folder: URL) throws -> [String] {
        func write(_ text: String, _ name: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
        for w in walkers.indices { try write(chainText(walker: w), "\(root)_\(w + 1).txt") }
        try write(paramnamesText, root + ".paramnames")
        try write(rangesText, root + ".ranges")
        try write(propertiesText, root + ".properties.ini")
        let manager = FileManager.default
        var stale = [folder.appendingPathComponent(root + ".txt")]
        var n = walkers.count + 1
        while manager.fileExists(atPath: folder.appendingPathComponent("\(root)_\(n).txt").path) {
            stale.append(folder.appendingPathComponent("\(root)_\(n).txt"))
            n += 1
        }
        for url in stale where manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        return fileNames
    }
}
