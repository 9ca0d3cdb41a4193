import DataFiles
import Testing
@testable import Flavor

@Suite("Table-1 decay names")
struct SemileptonicChannelTests {
    /// Every decay string of data/bsll_table1.csv names a channel.
    @Test func everyTableRowMaps() throws {
        let table = try CSVTable(contentsOf: FlavorFixtures.root + "/data/bsll_table1.csv")
        for row in table.rows {
            let decay = try table.text(row, "decay")
            let channel = SemileptonicChannel(tableDecay: decay)
            #expect(channel != nil, "\(decay)")
            #expect(channel?.lepton.rawValue == (try table.text(row, "lepton")))
        }
        #expect(SemileptonicChannel(tableDecay: "B0 -> K*0 mu+ mu-") == SemileptonicChannel(.bZeroToKStarZero, .muon))
        #expect(SemileptonicChannel(tableDecay: "B -> X_s  e+ e-") == SemileptonicChannel(.bToXs, .electron))
        #expect(SemileptonicChannel(tableDecay: "B0 -> K*0 tau+ tau-") == nil)
    }

    @Test func namesRoundTrip() {
        for decay in SemileptonicDecay.allCases {
            for lepton in Lepton.allCases {
                let channel = SemileptonicChannel(decay, lepton)
                #expect(SemileptonicChannel(tableDecay: channel.tableDecay) == channel)
            }
        }
    }
}
