/// The b -> s l+ l- decays of the fit (paper table 1), by their hadrons.
public enum SemileptonicDecay: String, CaseIterable, Sendable, Codable {
    case bPlusToKPlus, bZeroToKZero, bZeroToKStarZero, bPlusToKStarPlus, bsToPhi, bToXs

    /// The hadrons as written in data/bsll_table1.csv's `decay` column, e.g. "B0 -> K*0".
    public var hadrons: String {
        switch self {
        case .bPlusToKPlus: "B+ -> K+"
        case .bZeroToKZero: "B0 -> K0"
        case .bZeroToKStarZero: "B0 -> K*0"
        case .bPlusToKStarPlus: "B+ -> K*+"
        case .bsToPhi: "Bs -> phi"
        case .bToXs: "B -> X_s"
        }
    }

    public var isInclusive: Bool { self == .bToXs }
}

/// A decay with its lepton flavour: one kind of row of data/bsll_table1.csv.
public struct SemileptonicChannel: Hashable, Sendable, Codable, CustomStringConvertible {
    public let decay: SemileptonicDecay
    public let lepton: Lepton

    public init(_ decay: SemileptonicDecay, _ lepton: Lepton) {
        self.decay = decay
        self.lepton = lepton
    }

    /// The channel of a `decay` string of data/bsll_table1.csv ("B0 -> K*0 mu+ mu-",
    /// "B -> X_s e+ e-"; blanks are not significant), or nil for any other text.
    public init?(tableDecay: String) {
        let key = Self.normalized(tableDecay)
        for decay in SemileptonicDecay.allCases {
            for lepton in Lepton.allCases where Self.normalized(SemileptonicChannel(decay, lepton).tableDecay) == key {
                self.init(decay, lepton)
                return
            }
        }
        return nil
    }

    /// As written in data/bsll_table1.csv, e.g. "B+ -> K+ e+ e-".
    public var tableDecay: String {
        "\(decay.hadrons) \(lepton.rawValue)+ \(lepton.rawValue)-"
    }

    public var description: String { tableDecay }

    static func normalized(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}
