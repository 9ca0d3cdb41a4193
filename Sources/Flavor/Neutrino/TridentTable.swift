@preconcurrency import CGSL
import DataFiles
import Foundation

/// Moments of the trident cross section in the neutrino momentum transfer Q^2 = -(p1 - p2)^2, from
/// which sigma/sigma_SM follows for any light vector exchanged between the neutrino and muon currents
/// (docs/neutrino.md §1). With sum|M|^2 = G_V^2 vv + G_A^2 aa + G_V G_A va (`TridentMatrixElement`)
/// and the EPA integral of `EquivalentPhotonFlux`, define for X = vv, aa, va
///   S0_X = ∫ dsigma_X,   S1_X(M) = ∫ dsigma_X / (M^2 + Q^2),   S2_X(M) = ∫ dsigma_X / (M^2 + Q^2)^2,
/// all divided by S0_vv. The table holds them on a grid of M (GeV^-2 and GeV^-4).
///
/// `generate` computes them by Monte Carlo (GSL's mt19937 generator, fixed seed): ln s-hat uniform
/// between 4 m_mu^2 and 2 E x 1 GeV, the rest as in `TridentIntegrand`. Errors are from 16 independent
/// batches. The data files data/trident_*.csv were written this way (TridentTableGeneration in the tests).
public struct TridentTable: Sendable {
    public let masses: [Double]
    public let s0aa: Double, s0va: Double
    public let s1vv: [Double], s2vv: [Double], s1aa: [Double], s2aa: [Double], s1va: [Double], s2va: [Double]
    /// Relative standard errors of s1vv, s2vv, s2aa (Monte Carlo).
    public let errS1vv: [Double], errS2vv: [Double], errS2aa: [Double]

    public static let columns = ["mass_GeV", "s0_aa", "s0_va", "s1_vv", "s2_vv", "s1_aa", "s2_aa", "s1_va", "s2_va",
                                 "relerr_s1_vv", "relerr_s2_vv", "relerr_s2_aa"]

    /// The default mass grid: 10^-3 ... 10^1.3 GeV in steps of 0.1 in log10.
    public static let defaultMasses: [Double] = (0...43).map { pow(10, -3 + 0.1 * Double($0)) }

    public init(masses: [Double], s0aa: Double, s0va: Double, s1vv: [Double], s2vv: [Double], s1aa: [Double],
                s2aa: [Double], s1va: [Double], s2va: [Double], errS1vv: [Double], errS2vv: [Double], errS2aa: [Double]) {
        self.masses = masses; self.s0aa = s0aa; self.s0va = s0va
        self.s1vv = s1vv; self.s2vv = s2vv; self.s1aa = s1aa; self.s2aa = s2aa; self.s1va = s1va; self.s2va = s2va
        self.errS1vv = errS1vv; self.errS2vv = errS2vv; self.errS2aa = errS2aa
    }

    /// Reads a table written by `csvText`.
    public init(contentsOf path: String) throws {
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(Self.columns)
        var cols = [String: [Double]]()
        for name in Self.columns { cols[name] = try csv.rows.map { try csv.number($0, name) } }
        guard let m = cols["mass_GeV"], m.count >= 2 else { throw DataFileError(file: path, message: "needs at least two masses") }
        for k in 1..<m.count where !(m[k] > m[k - 1]) {
            throw DataFileError(file: path, line: csv.rows[k].line, field: "mass_GeV", message: "masses must increase")
        }
        let ratio = m[1] / m[0]
        for k in 1..<m.count where abs(m[k] / m[k - 1] / ratio - 1) > 1e-6 {
            throw DataFileError(file: path, line: csv.rows[k].line, field: "mass_GeV", message: "masses must be evenly spaced in log")
        }
        self.init(masses: m, s0aa: cols["s0_aa"]![0], s0va: cols["s0_va"]![0], s1vv: cols["s1_vv"]!, s2vv: cols["s2_vv"]!,
                  s1aa: cols["s1_aa"]!, s2aa: cols["s2_aa"]!, s1va: cols["s1_va"]!, s2va: cols["s2_va"]!,
                  errS1vv: cols["relerr_s1_vv"]!, errS2vv: cols["relerr_s2_vv"]!, errS2aa: cols["relerr_s2_aa"]!)
    }

    /// The table as CSV rows (header line first), without comments.
    public var csvText: String {
        var lines = [Self.columns.joined(separator: ",")]
        for i in masses.indices {
            let values = [masses[i], s0aa, s0va, s1vv[i], s2vv[i], s1aa[i], s2aa[i], s1va[i], s2va[i],
                          errS1vv[i], errS2vv[i], errS2aa[i]]
            lines.append(values.map { String(format: "%.6e", $0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Monte Carlo evaluation of the moments for a neutrino of energy E (GeV) on a nucleus with form
    /// factor F, muon mass m (GeV).
    public static func generate(neutrinoEnergy: Double, formFactor: HelmFormFactor, muonMass m: Double,
                                masses: [Double] = defaultMasses, events: Int, seed: UInt = 1) throws -> TridentTable {
        _ = gslReturnsErrorCodes
        let sMin = 4 * m * m * 1.0001
        let flux = try EquivalentPhotonFlux(neutrinoEnergy: neutrinoEnergy, formFactor: formFactor, sHatMin: sMin)
        let integrand = TridentIntegrand(muonMass: m)
        let rng = gsl_rng_alloc(gsl_rng_mt19937)!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        let masses2 = masses.map { $0 * $0 }
        let nM = masses.count
        let batches = 16
        let perBatch = max(1, events / batches)
        let lnSRange = log(flux.sHatMax / sMin)
        // per batch: S0 (3), S1 (3 x nM), S2 (3 x nM)
        var batchS0 = [[Double]](), batchS1 = [[[Double]]](), batchS2 = [[[Double]]]()
        for _ in 0..<batches {
            var s0 = [0.0, 0.0, 0.0]
            var s1 = [[Double]](repeating: [Double](repeating: 0, count: nM), count: 3)
            var s2 = s1
            for _ in 0..<perBatch {
                let u = (0..<5).map { _ in gsl_rng_uniform_pos(rng) }
                let sHat = sMin * exp(lnSRange * u[0])
                let phi = flux(sHat: sHat)
                guard phi > 0 else { continue }
                guard let sample = integrand.sample(sHat: sHat, u: (u[1], u[2], u[3], u[4])) else { continue }
                let q2 = sample.q2
                let weight = lnSRange * phi * sample.weight
                guard weight.isFinite else { continue }
                let piece = sample.pieces
                let w = [weight * piece.vv, weight * piece.aa, weight * piece.va]
                guard w.allSatisfy({ $0.isFinite }) else { continue }
                for x in 0..<3 { s0[x] += w[x] }
                for j in 0..<nM {
                    let f = 1 / (masses2[j] + q2)
                    for x in 0..<3 {
                        s1[x][j] += w[x] * f
                        s2[x][j] += w[x] * f * f
                    }
                }
            }
            batchS0.append(s0); batchS1.append(s1); batchS2.append(s2)
        }
        // totals, normalised by S0_vv
        let total0 = (0..<3).map { x in batchS0.reduce(0) { $0 + $1[x] } }
        func total(_ b: [[[Double]]], _ x: Int, _ j: Int) -> Double { b.reduce(0) { $0 + $1[x][j] } / total0[0] }
        func relError(_ b: [[[Double]]], _ x: Int, _ j: Int) -> Double {
            let values = (0..<batches).map { k in b[k][x][j] / batchS0[k][0] }
            let mean = values.reduce(0, +) / Double(batches)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batches - 1)
            return (variance / Double(batches)).squareRoot() / abs(mean)
        }
        let idx = Array(0..<nM)
        return TridentTable(masses: masses, s0aa: total0[1] / total0[0], s0va: total0[2] / total0[0],
                            s1vv: idx.map { total(batchS1, 0, $0) }, s2vv: idx.map { total(batchS2, 0, $0) },
                            s1aa: idx.map { total(batchS1, 1, $0) }, s2aa: idx.map { total(batchS2, 1, $0) },
                            s1va: idx.map { total(batchS1, 2, $0) }, s2va: idx.map { total(batchS2, 2, $0) },
                            errS1vv: idx.map { relError(batchS1, 0, $0) }, errS2vv: idx.map { relError(batchS2, 0, $0) },
                            errS2aa: idx.map { relError(batchS2, 1, $0) })
    }
}
