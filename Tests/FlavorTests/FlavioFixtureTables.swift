import DataFiles
import Foundation
import Numerics
@testable import Flavor

/// The flavio 2.7.1 reference numbers of Tests/Fixtures/flavio (see its README.md).
enum FlavioFixtureTables {
    struct RatioRow {
        let name: String
        let channel: SemileptonicChannel
        let q2Min, q2Max: Double
        let deltaC9, deltaC10: Double
        /// flavio's SM value: the bin average <dB/dq^2> or, for `B` rows, the bin integral.
        let sm: Double
        let ratio: Double
    }

    struct PointRow {
        let channel: SemileptonicChannel
        let q2: Double
        let deltaC9, deltaC10: Double
        let value: Double
    }

    /// Row name of data/bsll_table1.csv -> its channel.
    static let tableChannels: [String: SemileptonicChannel] = {
        let table = try! CSVTable(contentsOf: FlavorFixtures.root + "/data/bsll_table1.csv")
        var channels: [String: SemileptonicChannel] = [:]
        for row in table.rows {
            channels[try! table.text(row, "name")] = SemileptonicChannel(tableDecay: try! table.text(row, "decay"))!
        }
        return channels
    }()

    static let ratios: [RatioRow] = {
        let csv = try! CSVTable(contentsOf: FlavorFixtures.root + "/Tests/Fixtures/flavio/np_ratios.csv")
        return csv.rows.map { row in
            let name = try! csv.text(row, "name")
            return RatioRow(name: name, channel: tableChannels[name]!,
                            q2Min: try! csv.number(row, "q2_min"), q2Max: try! csv.number(row, "q2_max"),
                            deltaC9: try! csv.number(row, "dC9"), deltaC10: try! csv.number(row, "dC10"),
                            sm: try! csv.number(row, "sm"), ratio: try! csv.number(row, "ratio"))
        }
    }()

    /// flavio observable name of dbr_points.csv -> channel.
    static let pointChannels: [String: SemileptonicChannel] = [
        "dBR/dq2(B0->K*mumu)": SemileptonicChannel(.bZeroToKStarZero, .muon),
        "dBR/dq2(B+->Kmumu)": SemileptonicChannel(.bPlusToKPlus, .muon),
        "dBR/dq2(Bs->phimumu)": SemileptonicChannel(.bsToPhi, .muon),
        "dBR/dq2(B->Xsmumu)": SemileptonicChannel(.bToXs, .muon),
    ]

    static let points: [PointRow] = {
        let csv = try! CSVTable(contentsOf: FlavorFixtures.root + "/Tests/Fixtures/flavio/dbr_points.csv")
        return csv.rows.map { row in
            PointRow(channel: pointChannels[try! csv.text(row, "observable")]!, q2: try! csv.number(row, "q2"),
                     deltaC9: try! csv.number(row, "dC9"), deltaC10: try! csv.number(row, "dC10"),
                     value: try! csv.number(row, "value"))
        }
    }()
}

extension FlavioFixtureTables {
    /// components.csv: quantity -> q^2 -> (real, imag).
    static let components: [String: [Double: Complex<Double>]] = {
        let csv = try! CSVTable(contentsOf: FlavorFixtures.root + "/Tests/Fixtures/flavio/components.csv")
        var table: [String: [Double: Complex<Double>]] = [:]
        for row in csv.rows {
            table[try! csv.text(row, "quantity"), default: [:]][try! csv.number(row, "q2")] =
                Complex(try! csv.number(row, "real"), try! csv.number(row, "imag"))
        }
        return table
    }()

    /// dbr_points_no_qcdf.csv rows: (channel, q2, flavio without QCDF, flavio full).
    static let pointsWithoutQCDF: [(channel: SemileptonicChannel, q2: Double, noQCDF: Double, full: Double)] = {
        let csv = try! CSVTable(contentsOf: FlavorFixtures.root + "/Tests/Fixtures/flavio/dbr_points_no_qcdf.csv")
        return csv.rows.map { row in
            (pointChannels[try! csv.text(row, "observable")]!, try! csv.number(row, "q2"),
             try! csv.number(row, "value_no_qcdf"), try! csv.number(row, "value_full"))
        }
    }()
}
