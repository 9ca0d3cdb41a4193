import Flavor
import Foundation
import Numerics

/// Predictions for every row of the binned b -> s l l table at a parameter point (paper sec. 5,
/// docs/physics.md §4): the table's SM value times (SM + NP)/SM of darkz's own bin-integrated rates,
/// plus the on-shell narrow-width term of eq. 2.13 smeared with eq. 2.14. Everything that does not
/// depend on the parameters (quadrature nodes with their rate forms, interpolation grids, form
/// factors) is built once here.
public struct BinnedPredictor: Sendable {
    /// One table row with what its prediction needs.
    public struct Row: Sendable {
        public let measurement: Measurement
        public let channel: SemileptonicChannel
        public let rate: ResonantBinRate
    }

    public let table: MeasurementTable
    public let model: DarkBosonModel
    public let rates: SemileptonicRates
    public let onShell: OnShellProduction
    public let rows: [Row]

    public init(table: MeasurementTable, model: DarkBosonModel, rates: SemileptonicRates,
                onShell: OnShellProduction) throws {
        self.table = table
        self.model = model
        self.rates = rates
        self.onShell = onShell
        let inputs = model.inputs
        let resolution: [Lepton: Double] = [.electron: try inputs.value("resolution_e"), .muon: try inputs.value("resolution_mu")]
        var channels: [SemileptonicChannel] = []
        for m in table.measurements {
            guard let channel = SemileptonicChannel(tableDecay: m.decay) else {
                throw DataFileError(file: table.source, field: "decay", message: "no rate for the decay '\(m.decay)'")
            }
            guard channel.lepton == m.lepton else {
                throw DataFileError(file: table.source, field: "lepton", message: "'\(m.decay)' is not a \(m.lepton.rawValue) mode")
            }
            channels.append(channel)
        }
        var grids: [SemileptonicChannel: ChannelFormGrid] = [:]
        for channel in Set(channels) {
            let bins = zip(table.measurements, channels).filter { $0.1 == channel }.map(\.0)
            let threshold = 4 * pow(rates.leptonMass(channel.lepton), 2)
            let lo = max(threshold * 1.0001, bins.map { $0.q2Min - 0.5 * ($0.q2Max - $0.q2Min) }.min()!)
            let hi = bins.map { $0.q2Max + 0.5 * ($0.q2Max - $0.q2Min) }.max()!
            grids[channel] = ChannelFormGrid(rates: rates, channel: channel, q2Min: lo, q2Max: hi)
        }
        rows = zip(table.measurements, channels).map { m, channel in
            let bin = rates.bin(channel, q2Min: m.q2Min, q2Max: m.q2Max)
            return Row(measurement: m, channel: channel,
                       rate: ResonantBinRate(bin: bin, grid: grids[channel]!, resolution: resolution[channel.lepton]!,
                                             leptonMass: rates.leptonMass(channel.lepton)))
        }
    }

    /// The predictor for data/bsll_table1.csv with the standard inputs.
    public static func standard(tableFile: String? = nil) throws -> BinnedPredictor {
        let table = try MeasurementTable(contentsOf: tableFile ?? DataDirectory.path(of: DataDirectory.binnedTableFile))
        let model = try DarkBosonModel.standard()
        let rates = try SemileptonicRates.standard()
        return try BinnedPredictor(table: table, model: model, rates: rates,
                                   onShell: try OnShellProduction(rates: rates))
    }

    /// Predictions in the units of `Measurement.value` (physical), one per row.
    public func predictions(_ p: DarkBosonParameters) -> [Double] {
        predictions(p) { row, shift in row.rate.offShellChange(shift) }
    }

    /// The same predictions with the off-shell bin integrals done by GSL's adaptive quadrature
    /// (epsrel 1e-10, exact rate coefficients at every q^2): the accuracy reference of `darkz bench`.
    public func referencePredictions(_ p: DarkBosonParameters) -> [Double] {
        predictions(p) { row, shift in row.rate.adaptiveOffShellChange(shift, rates: rates) }
    }

    func predictions(_ p: DarkBosonParameters, offShell: (Row, PoleShift) -> Double) -> [Double] {
        let point = model.point(p)
        let electronShift = point.poleShift(lepton: .electron), muonShift = point.poleShift(lepton: .muon)
        let widths = point.widths
        var production: (decay: SemileptonicDecay, value: Double)?  // rows of one decay are adjacent in the table
        return rows.map { row in
            let shift = row.channel.lepton == .electron ? electronShift : muonShift
            let bin = row.rate.bin
            let ratio = 1 + offShell(row, shift) / bin.standardModel
            var value = row.measurement.sm * ratio
            let smearing = ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max, mass: p.mZD,
                                                               resolution: row.rate.resolution)
            if smearing > 0 {
                if production?.decay != row.channel.decay {
                    production = (row.channel.decay, onShell.branchingFraction(row.channel.decay, point: point))
                }
                let onShellTerm = production!.value * widths.branchingFraction(widths.leptons(row.channel.lepton)) * smearing
                value += row.measurement.quantity == .differentialBranchingFraction ? onShellTerm / bin.width : onShellTerm
            }
            return value
        }
    }

    /// Predictions for constant shifts of C9 and C10 of each row's lepton (model-independent,
    /// for cross-checks with flavio): the table's SM value times our (SM + NP)/SM.
    public func predictions(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> [Double] {
        rows.map { $0.measurement.sm * $0.rate.bin.ratioToStandardModel(deltaC9: deltaC9, deltaC10: deltaC10) }
    }
}
