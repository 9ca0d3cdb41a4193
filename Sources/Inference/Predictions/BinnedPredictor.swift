import Flavor
import Foundation
import Numerics

/// Predictions for every row of the binned b -> s l l table at a parameter point (paper sec. 5,
/// docs/physics.md §4): the table's SM value times (SM + NP)/SM of darkz's own bin-integrated rates,
/// plus the on-shell narrow-width term of eq. 2.13 smeared with eq. 2.14. A ratio row (R_K, R_K*) is
/// darkz's own B(mu mu)/B(e e) in the bin, each with its off-shell and on-shell terms, so that the SM
/// form factors cancel (docs/physics.md §4). Everything that does not depend on the parameters
/// (quadrature nodes with their rate forms, interpolation grids, form factors) is built once here.
public struct BinnedPredictor: Sendable {
    /// One table row with what its prediction needs.
    public struct Row: Sendable {
        public let measurement: Measurement
        public let channel: SemileptonicChannel
        public let rate: ResonantBinRate
        /// For a ratio row, the electron mode's bin (the denominator); nil otherwise.
        public let denominator: ResonantBinRate?
    }

    public let table: MeasurementTable
    public let model: DarkBosonModel
    public let rates: SemileptonicRates
    public let onShell: OnShellProduction
    public let rows: [Row]
    /// The rows' bins (and ratio denominators after them) in flat storage, and per row what the
    /// per-point loop needs, free of references (`predictions(_:into:)`).
    let flat: FlatBinRates
    let plan: ContiguousArray<RowPlan>
    /// The decays with an on-shell term, by index in `RowPlan.decay`.
    let decays: [SemileptonicDecay]

    /// One row for the per-point loop: its bin in `flat`, the denominator's (-1: none), the index of
    /// its decay in `decays`, and the table's SM value.
    struct RowPlan: Sendable {
        var bin: Int
        var denominator: Int
        var decay: Int
        var muon: Bool
        var differential: Bool
        var sm: Double
    }

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
        // Every channel a row needs (a ratio row also its electron mode), with the bins it spans.
        var needed: [SemileptonicChannel: [Measurement]] = [:]
        for (m, channel) in zip(table.measurements, channels) {
            needed[channel, default: []].append(m)
            if m.quantity == .ratio { needed[SemileptonicChannel(channel.decay, .electron), default: []].append(m) }
        }
        var grids: [SemileptonicChannel: ChannelFormGrid] = [:]
        for (channel, bins) in needed {
            let threshold = 4 * pow(rates.leptonMass(channel.lepton), 2)
            let lo = max(threshold * 1.0001, bins.map { $0.q2Min - 0.5 * ($0.q2Max - $0.q2Min) }.min()!)
            let hi = bins.map { $0.q2Max + 0.5 * ($0.q2Max - $0.q2Min) }.max()!
            grids[channel] = ChannelFormGrid(rates: rates, channel: channel, q2Min: lo, q2Max: hi)
        }
        func binRate(_ channel: SemileptonicChannel, _ m: Measurement) -> ResonantBinRate {
            ResonantBinRate(bin: rates.bin(channel, q2Min: m.q2Min, q2Max: m.q2Max), grid: grids[channel]!,
                            resolution: resolution[channel.lepton]!, leptonMass: rates.leptonMass(channel.lepton))
        }
        let rows = zip(table.measurements, channels).map { m, channel in
            Row(measurement: m, channel: channel, rate: binRate(channel, m),
                denominator: m.quantity == .ratio ? binRate(SemileptonicChannel(channel.decay, .electron), m) : nil)
        }
        self.rows = rows
        let denominators = rows.compactMap(\.denominator)
        flat = FlatBinRates(rows.map(\.rate) + denominators)
        var decays: [SemileptonicDecay] = []
        var next = rows.count
        plan = ContiguousArray(rows.enumerated().map { k, row in
            if !decays.contains(row.channel.decay) { decays.append(row.channel.decay) }
            var denominator = -1
            if row.denominator != nil { denominator = next; next += 1 }
            return RowPlan(bin: k, denominator: denominator, decay: decays.firstIndex(of: row.channel.decay)!,
                           muon: row.channel.lepton == .muon, differential: row.measurement.quantity == .differentialBranchingFraction,
                           sm: row.measurement.sm)
        })
        self.decays = decays
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
        [Double](unsafeUninitializedCapacity: plan.count) { buffer, count in
            predictions(p, into: buffer)
            count = plan.count
        }
    }

    /// The predictions written into `out` (one per row), allocating nothing: the per-point path of
    /// the likelihood. Equal to rounding to `rowByRowPredictions` (`FlatBinRates` computes every bin's
    /// off-shell change in one pass, sharing what bins have in common).
    public func predictions(_ p: DarkBosonParameters, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count >= plan.count)
        let point = model.point(p)
        let electronShift = point.poleShift(lepton: .electron), muonShift = point.poleShift(lepton: .muon)
        let widths = point.widths
        let leptonFraction = (electron: widths.branchingFraction(widths.leptons(.electron)),
                              muon: widths.branchingFraction(widths.leptons(.muon)))
        let bins = flat.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: decays.count + 2 * bins) { scratch in
            let production = UnsafeMutableBufferPointer(rebasing: scratch[0..<decays.count])
            let changes = UnsafeMutableBufferPointer(rebasing: scratch[decays.count..<(decays.count + bins)])
            // eq. 2.14's smearing of the pole into each bin, for the on-shell term and the
            // imaginary-part interference of the off-shell change alike
            let smearings = UnsafeMutableBufferPointer(rebasing: scratch[(decays.count + bins)...])
            production.initialize(repeating: .nan)
            flat.offShellChanges(electron: electronShift, muon: muonShift, changes: changes, smearings: smearings)
            /// The on-shell narrow-width term of eq. 2.13 in bin b (integrated over it), from the bin's smearing.
            func onShellTerm(_ smearing: Double, decay: Int, muon: Bool) -> Double {
                guard smearing > 0 else { return 0 }
                if production[decay].isNaN { production[decay] = onShell.branchingFraction(decays[decay], point: point) }
                return production[decay] * (muon ? leptonFraction.muon : leptonFraction.electron) * smearing
            }
            plan.withUnsafeBufferPointer { plan in
                for (k, row) in plan.enumerated() {
                    let smearing = smearings[row.bin]
                    if row.denominator >= 0 {
                        let below = smearings[row.denominator]
                        let numerator = flat.standardModel(row.bin) + changes[row.bin] + onShellTerm(smearing, decay: row.decay, muon: true)
                        let denominator = flat.standardModel(row.denominator) + changes[row.denominator]
                            + onShellTerm(below, decay: row.decay, muon: false)
                        out[k] = numerator / denominator
                        continue
                    }
                    let ratio = 1 + changes[row.bin] / flat.standardModel(row.bin)
                    var value = row.sm * ratio
                    let onShellPart = onShellTerm(smearing, decay: row.decay, muon: row.muon)
                    value += row.differential ? onShellPart / flat.width(bin: row.bin) : onShellPart
                    out[k] = value
                }
            }
        }
    }

    /// The same predictions with the off-shell bin integrals done by GSL's adaptive quadrature
    /// (epsrel 1e-10, exact rate coefficients at every q^2): the accuracy reference of `darkz bench`.
    public func referencePredictions(_ p: DarkBosonParameters) -> [Double] {
        predictions(p) { rate, shift in rate.adaptiveOffShellChange(shift, rates: rates) }
    }

    /// The predictions through `ResonantBinRate` row by row (the reference layout of the flat loop).
    public func rowByRowPredictions(_ p: DarkBosonParameters) -> [Double] {
        predictions(p) { rate, shift in rate.offShellChange(shift) }
    }

    func predictions(_ p: DarkBosonParameters, offShell: (ResonantBinRate, PoleShift) -> Double) -> [Double] {
        let point = model.point(p)
        let electronShift = point.poleShift(lepton: .electron), muonShift = point.poleShift(lepton: .muon)
        let widths = point.widths
        var production: (decay: SemileptonicDecay, value: Double)?  // rows of one decay are adjacent in the table
        /// The on-shell narrow-width term of eq. 2.13 in a bin (integrated over it).
        func onShellTerm(_ rate: ResonantBinRate, _ channel: SemileptonicChannel) -> Double {
            let bin = rate.bin
            let smearing = ResonanceIntegrals.gaussianSmearing(q2Min: bin.q2Min, q2Max: bin.q2Max, mass: p.mZD,
                                                               resolution: rate.resolution)
            guard smearing > 0 else { return 0 }
            if production?.decay != channel.decay {
                production = (channel.decay, onShell.branchingFraction(channel.decay, point: point))
            }
            return production!.value * widths.branchingFraction(widths.leptons(channel.lepton)) * smearing
        }
        return rows.map { row in
            let rate = row.rate, bin = rate.bin
            if let denominator = row.denominator {
                let electron = SemileptonicChannel(row.channel.decay, .electron)
                let numerator = bin.standardModel + offShell(rate, muonShift) + onShellTerm(rate, row.channel)
                let below = denominator.bin.standardModel + offShell(denominator, electronShift) + onShellTerm(denominator, electron)
                return numerator / below
            }
            let ratio = 1 + offShell(rate, row.channel.lepton == .electron ? electronShift : muonShift) / bin.standardModel
            var value = row.measurement.sm * ratio
            let onShellPart = onShellTerm(rate, row.channel)
            value += row.measurement.quantity == .differentialBranchingFraction ? onShellPart / bin.width : onShellPart
            return value
        }
    }

    /// Predictions for constant shifts of C9 and C10 of each row's lepton (model-independent,
    /// for cross-checks with flavio): the table's SM value times our (SM + NP)/SM; a ratio row is
    /// darkz's B(mu mu) with the shifts over its SM B(e e).
    public func predictions(deltaC9: Complex<Double>, deltaC10: Complex<Double>) -> [Double] {
        rows.map { row in
            if let denominator = row.denominator {
                return row.rate.bin.branchingFraction(deltaC9: deltaC9, deltaC10: deltaC10) / denominator.bin.standardModel
            }
            return row.measurement.sm * row.rate.bin.ratioToStandardModel(deltaC9: deltaC9, deltaC10: deltaC10)
        }
    }
}
