import Ensemble
import Foundation

extension ChainFileHeader {
    /// Reads the tempering subgroup (nil when the run was not tempered): the rows up to the
    /// tempered state's step, which a checkpoint writes together with them; `rows: false` reads
    /// the state alone (a checkpoint's verification, whose cost must not grow with the chain).
    static func readTempering(_ file: H5Object, path: String, groupName: String, header: ChainFileHeader,
                              rows: Bool = true) throws -> TemperingRecord? {
        guard header.hasDarkzGroup else { return nil }
        let darkz = try file.openGroup(groupName).openGroup(DarkzLayout.group)
        guard darkz.hasLink(DarkzLayout.temperingGroup) else { return nil }
        let tempering = try darkz.openGroup(DarkzLayout.temperingGroup)
        func broken(_ reason: String) -> ChainFileError { .inconsistentFile(path: path, reason: "its tempering record \(reason)") }
        guard tempering.hasAttribute(DarkzLayout.temperaturesAttribute), tempering.hasLink(DarkzLayout.temperedStateDataset) else {
            throw broken("lacks the temperature count or the tempered state")
        }
        let k = Int(try tempering.readInt64Attribute(DarkzLayout.temperaturesAttribute))
        let stateDataset = try tempering.openDataset(DarkzLayout.temperedStateDataset)
        let steps = Int(try stateDataset.readInt64Attribute(DarkzLayout.stateIterationAttribute))
        guard k >= 1, steps >= 0, steps <= header.iteration else {
            throw broken("has \(k) temperatures and a state at step \(steps) for a chain of \(header.iteration) steps")
        }
        let state: TemperedSamplerState
        do { state = try StateCoding.decode(try stateDataset.readStrings().first ?? "", as: TemperedSamplerState.self) } catch {
            throw broken("holds a state that is not valid JSON of a TemperedSamplerState (\(error))")
        }
        guard state.iteration == steps, state.ladder.count == k, state.ensembles.first?.walkerCount == header.shape.walkers else {
            throw broken("holds a state for \(state.ladder.count) temperatures at step \(state.iteration), expected \(k) at step \(steps)")
        }
        guard rows else {
            return TemperingRecord(history: TemperedHistory(temperatures: k, walkers: header.shape.walkers), state: state)
        }
        let betas = try tempering.openDataset(DarkzLayout.betasDataset).readRows(steps).values
        let logL = try tempering.openDataset(DarkzLayout.logLikelihoodDataset).readRows(steps).values
        let swaps = try tempering.openDataset(DarkzLayout.swapsAcceptedDataset).readRows(steps).values
        guard betas.count == steps * k, logL.count == steps * k * header.shape.walkers, swaps.count == steps * max(k - 1, 1) else {
            throw broken("has datasets whose extents do not fit \(steps) steps of \(k) temperatures")
        }
        let history = TemperedHistory(temperatures: k, walkers: header.shape.walkers, steps: steps, betas: betas,
                                      logLikelihoods: logL, swapsAccepted: k > 1 ? swaps : [])
        return TemperingRecord(history: history, state: state)
    }
}
