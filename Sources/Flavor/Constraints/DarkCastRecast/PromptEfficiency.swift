import DataFiles
import Foundation

/// The fraction of bosons of total width Gamma that decay within a prompt search's proper-lifetime
/// window, 1 - exp(-t1(m) Gamma / hbar) (DarkCast, arXiv:1801.04847 eq. 2.23 with t0 = 0), with LHCb's
/// t1(m) = slope / (m - 2 m_mu) + offset (data/darkcast/lhcb_prompt_efficiency.csv).
public struct PromptEfficiency: Sendable {
    public let slope, offset, muonMass, hbar: Double

    public init(slope: Double, offset: Double, muonMass: Double, hbar: Double) {
        self.slope = slope
        self.offset = offset
        self.muonMass = muonMass
        self.hbar = hbar
    }

    /// LHCb's prompt window from data/darkcast/lhcb_prompt_efficiency.csv, with m_mu and hbar of the inputs.
    public static func lhcbPrompt(inputs: FlavorInputs) throws -> PromptEfficiency {
        let v = try CSVTable.namedValues(contentsOf: DataDirectory.path(of: "darkcast/lhcb_prompt_efficiency.csv"))
        guard let slope = v["t1_slope"], let offset = v["t1_offset"] else {
            throw DataFileError(file: "lhcb_prompt_efficiency.csv", message: "needs t1_slope and t1_offset")
        }
        return PromptEfficiency(slope: slope, offset: offset, muonMass: inputs.massMuon, hbar: try inputs.value("hbar"))
    }

    /// The longest accepted proper lifetime t1 (s) at mass m (GeV); zero at or below 2 m_mu.
    public func maximumLifetime(mass m: Double) -> Double {
        m > 2 * muonMass ? slope / (m - 2 * muonMass) + offset : 0
    }

    /// The accepted fraction for total width `width` (GeV).
    public func callAsFunction(mass m: Double, width: Double) -> Double {
        let t1 = maximumLifetime(mass: m)
        return width > 0 && t1 > 0 ? -expm1(-t1 * width / hbar) : 0
    }
}
