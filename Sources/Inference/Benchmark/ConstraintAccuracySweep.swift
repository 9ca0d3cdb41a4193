import Flavor
import Foundation

/// Every constraint's likelihood prediction (`Constraint.fastPrediction`) against its direct computation
/// (`Constraint.prediction`) at points spread over the shipped priors' boxes: a Halton sequence in each
/// box's sampled variables, the box's corners, and the masses where a table or a rate changes form
/// (`ConstraintSet.specialMasses`: the tables' edges and segment boundaries, the kinematic thresholds)
/// just below and above, each with the box's extreme and central couplings.
public enum ConstraintAccuracySweep {
    public struct Result: Sendable {
        public var maxRelativeDeviation: Double
        public var worst: String
        public var points: Int
    }

    /// Every priors file of the repository's priors/ folder (`folder`, or the one beside caseC.toml), by name.
    public static func shippedPriors(folder: String? = nil) throws -> [PriorsFile] {
        let folder = try folder ?? (DataDirectory.priorsPath(of: "caseC.toml") as NSString).deletingLastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
            .map { try PriorsFile(contentsOf: folder + "/" + $0) }
    }

    /// The i-th element of the van der Corput sequence in `base` (i >= 1), in (0, 1).
    static func halton(_ i: Int, base: Int) -> Double {
        var f = 1.0, r = 0.0, n = i
        while n > 0 {
            f /= Double(base)
            r += f * Double(n % base)
            n /= base
        }
        return r
    }

    /// The sweep's points of one priors file: `spread` Halton points, the corners of the box and, for
    /// each special mass inside the mass range times (1 -+ 1e-7), the couplings at the box's corners and centre.
    public static func points(_ priors: PriorsFile, specialMasses: [Double], spread: Int = 200) -> [DarkBosonParameters] {
        let free = priors.free
        let bounds = free.map(\.distribution.sampledBounds)
        func point(_ unit: [Double]) -> DarkBosonParameters {
            let sampled = zip(unit, bounds).map { u, b in b.lowerBound + u * (b.upperBound - b.lowerBound) }
            return sampled.withUnsafeBufferPointer { priors.point($0) }
        }
        var unitPoints: [[Double]] = (1...spread).map { i in free.indices.map { halton(i, base: [2, 3, 5, 7, 11][$0]) } }
        var corners: [[Double]] = [[]]
        for _ in free { corners = corners.flatMap { [$0 + [0], $0 + [1]] } }
        unitPoints += corners
        let massIndex = free.firstIndex { $0.name == "mZD" }
        if let k = massIndex {
            let b = bounds[k], prior = free[k].distribution
            let others = corners.map { c in c.enumerated().filter { $0.offset != k }.map(\.element) }
                + [Array(repeating: 0.5, count: free.count - 1)]
            let masses = specialMasses.flatMap { [$0 * (1 - 1e-7), $0 * (1 + 1e-7)] }
                .filter { b.contains(prior.sampled($0)) }
            for m in masses {
                let u = (prior.sampled(m) - b.lowerBound) / (b.upperBound - b.lowerBound)
                for o in others {
                    var unit = o
                    unit.insert(u, at: k)
                    unitPoints.append(unit)
                }
            }
        }
        return unitPoints.map(point)
    }

    /// |fast - direct| / |direct|, 0 when both are zero or both do not apply, infinity when only one applies.
    static func deviation(_ fast: ConstraintPrediction?, _ direct: ConstraintPrediction?) -> Double {
        switch (fast, direct) {
        case (nil, nil): return 0
        case let (f?, d?):
            let values = [(f.value, d.value), (f.theoryError, d.theoryError)]
            return values.map { a, b in a == b ? 0 : abs(a - b) / abs(b) }.max()!
        default: return .infinity
        }
    }

    /// The largest deviation of any constraint of `set` over the points of the priors files (default: the shipped ones).
    public static func run(set: ConstraintSet, model: DarkBosonModel, priors: [PriorsFile]? = nil, spread: Int = 200) throws -> Result {
        var worst = (deviation: 0.0, text: "none"), count = 0
        let special = set.specialMasses
        for priors in try priors ?? shippedPriors() {
            let name = priors.name
            for p in points(priors, specialMasses: special, spread: spread) {
                let point = model.point(p)
                count += 1
                for i in set.constraints.indices {
                    let d = deviation(set.fastPrediction(i, at: point), set.constraints[i].prediction(at: point))
                    if d > worst.deviation || d.isNaN {
                        worst = (d, "\(set.constraints[i].name) in \(name) at M_ZD = \(p.mZD) GeV, eps = \(p.epsilon), eps_Z = \(p.epsilonZ), g_mu = \(p.gMu)")
                    }
                }
            }
        }
        return Result(maxRelativeDeviation: worst.deviation, worst: worst.text, points: count)
    }
}
