import Foundation
import Testing
import Inference

/// The per-point path (flat, reference-free SIMD storage, predictions into a buffer) against the row
/// by row `ResonantBinRate` layout it replaces, and the precomputed-error chi^2 against `ChiSquare`.
@Suite("Flat prediction path")
struct FlatPredictionTests {
    /// Points across the priors' boxes: every case, masses from 10 MeV to 2 GeV (bin edges, the
    /// dimuon threshold, inside the low-q^2 bins), couplings of both signs, widths from tiny to large.
    static var points: [DarkBosonParameters] {
        var points = LikelihoodBenchmark.accuracyPoints(BinnedPredictorTests.predictor.table)
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<60 {
            let m = pow(10, -2 + uniform() * 2.3)
            points.append(DarkBosonParameters(modelCase: .A, mZD: m, epsilon: pow(10, -6 + 4 * uniform()), epsilonZ: pow(10, -6 + 4 * uniform())))
            points.append(DarkBosonParameters(modelCase: .C, mZD: m, epsilon: 1e-4, epsilonZ: 1e-4, gMu: 0.6 * uniform() - 0.3))
            points.append(DarkBosonParameters(modelCase: .B, mZD: m, epsilon: 1e-4, epsilonZ: 1e-5, gMu: 0.6 * uniform() - 0.3,
                                              invisibleFraction: uniform()))
        }
        points.append(DarkBosonParameters(modelCase: .C, mZD: 2 * 0.1056583755 * (1 + 1e-9), epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.05))
        return points
    }

    /// The same sums in another order (four lanes, the quadratic form by its upper triangle): equal
    /// to rounding, for the 2022 and the 2025 tables (ratio rows included). A bin's NP change is a sum
    /// of 16 node terms whose sizes reach the bin's total rate, so rounding is a few 1e-16 of the larger
    /// of the prediction and the table's SM value; 1e-13 leaves room and still catches any wrong term.
    @Test(arguments: ["bsll_table1.csv", "bsll_2025.csv"])
    func flatEqualsRowByRow(table: String) throws {
        let predictor = try BinnedPredictor.standard(tableFile: RepositoryPaths.root + "/data/" + table)
        var largest = 0.0
        for p in Self.points {
            let flat = predictor.predictions(p), rows = predictor.rowByRowPredictions(p)
            #expect(flat.count == predictor.rows.count)
            for k in flat.indices {
                let scale = max(abs(rows[k]), abs(predictor.table.measurements[k].sm), 1e-300)
                let difference = abs(flat[k] - rows[k]) / scale
                largest = max(largest, difference)
                #expect(difference <= 1e-13, "\(table) row \(k) at \(p): \(flat[k]) vs \(rows[k])")
            }
        }
        print("largest relative difference, flat vs row by row (\(table)): \(largest)")
    }

    /// The buffer path's chi^2 equals `ChiSquare` over the same rows (the chi^2 of `darkz predict`),
    /// to rounding, in both error conventions; the predictions written are `predictions(p)`.
    @Test(arguments: [ErrorConvention.mean, .side])
    func bufferPathMatchesChiSquare(convention: ErrorConvention) throws {
        let predictor = BinnedPredictorTests.predictor
        let likelihood = try PosteriorLikelihood(predictor: predictor, leptons: [.muon], convention: convention)
        let table = predictor.table
        let rows = table.indices(lepton: .muon)
        var buffer = [Double](repeating: .nan, count: table.measurements.count)
        for p in Self.points.prefix(80) {
            let (binned, constraint) = buffer.withUnsafeMutableBufferPointer { likelihood.evaluate(p, predictions: $0) }
            #expect(buffer == predictor.predictions(p))
            let reference = try ChiSquare(table: table, rows: rows, predictions: buffer, convention: convention).total
            #expect(abs(binned - reference) <= 1e-12 * reference, "\(p): \(binned) vs \(reference)")
            #expect(constraint == 0)
        }
    }
}
