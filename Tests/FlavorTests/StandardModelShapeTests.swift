import Foundation
import Numerics
import Testing
@testable import Flavor

/// SM dB/dq^2 against flavio 2.7.1 at the points of Tests/Fixtures/flavio/dbr_points.csv.
///
/// Tolerances and why: 3% wherever darkz and flavio compute the same physics; the remaining
/// differences are inputs (PDG 2022 CKM: |V_tb V_ts^*|^2 0.7% below flavio's; pole masses; two-loop
/// alpha_s) and, for B -> X_s, the QED logarithms darkz leaves out. For B -> K* and Bs -> phi below
/// 2 GeV^2 flavio's QCD-factorisation corrections, which darkz leaves out, raise flavio's rate by up to
/// 7% (K*) and 9% (phi) at 0.05 GeV^2 (dbr_points_no_qcdf.csv), so there the tolerance is 12%, and
/// darkz is compared with flavio-without-QCDF at 2.5%.
@Suite("SM dB/dq2 shapes vs flavio")
struct StandardModelShapeTests {
    @Test func standardModelPoints() {
        let rates = FlavorFixtures.rates
        print("SM dB/dq2: darkz / flavio - 1")
        for row in FlavioFixtureTables.points where row.deltaC9 == 0 && row.deltaC10 == 0 {
            let ours = rates.dBdq2(row.channel.decay, lepton: row.channel.lepton, q2: row.q2)
            let relative = ours / row.value - 1
            let isVector = [.bZeroToKStarZero, .bsToPhi].contains(row.channel.decay)
            let tolerance = isVector && row.q2 < 2 ? 0.12 : 0.03
            print(String(format: "  %-20@ q2 = %4.2f  %+.4f", row.channel.tableDecay as NSString, row.q2, relative))
            #expect(abs(relative) < tolerance, "\(row.channel) at q2 = \(row.q2): \(ours) vs flavio \(row.value)")
        }
    }

    @Test func vectorModesWithoutQCDF() {
        let rates = FlavorFixtures.rates
        print("SM dB/dq2: darkz / (flavio without QCDF) - 1")
        for row in FlavioFixtureTables.pointsWithoutQCDF {
            let ours = rates.dBdq2(row.channel.decay, lepton: row.channel.lepton, q2: row.q2)
            let relative = ours / row.noQCDF - 1
            print(String(format: "  %-20@ q2 = %4.2f  %+.4f", row.channel.tableDecay as NSString, row.q2, relative))
            #expect(abs(relative) < 0.025, "\(row.channel) at q2 = \(row.q2): \(ours) vs flavio without QCDF \(row.noQCDF)")
        }
    }

    /// NP/SM at single q^2 points (dbr_points.csv), all four shifts: within 2% as for the bins.
    @Test func pointRatios() {
        let rates = FlavorFixtures.rates
        var standardModel: [String: Double] = [:]
        for row in FlavioFixtureTables.points where row.deltaC9 == 0 && row.deltaC10 == 0 {
            standardModel["\(row.channel) \(row.q2)"] = row.value
        }
        var worst = 0.0
        for row in FlavioFixtureTables.points where row.deltaC9 != 0 || row.deltaC10 != 0 {
            let node = rates.coefficients(row.channel, q2: row.q2)
            let ours = node.dBdq2(deltaC9: Complex(row.deltaC9, 0), deltaC10: Complex(row.deltaC10, 0)) / node.standardModel
            let flavio = row.value / standardModel["\(row.channel) \(row.q2)"]!
            worst = max(worst, abs(ours / flavio - 1))
            #expect(abs(ours / flavio - 1) < 0.02, "\(row.channel) q2 = \(row.q2) (\(row.deltaC9), \(row.deltaC10)): \(ours) vs \(flavio)")
        }
        print(String(format: "max |NP/SM - flavio| / flavio at single points: %.4f", worst))
    }

    /// SM bin values of the 26 table rows (np_ratios.csv's `sm`), same tolerances as the points
    /// (B -> V bins that start below 2 GeV^2: 10%, they carry flavio's QCDF terms), and 5% for
    /// B -> X_s e e: flavio's log-enhanced QED corrections, ln(m_b/m_e), which darkz leaves out, raise
    /// its electron rate by about 3.5% over the muon one (darkz: ee/mumu - 1 = 0.3%, phase space).
    @Test func standardModelBins() {
        let rates = FlavorFixtures.rates
        print("SM bins: darkz / flavio - 1")
        for row in FlavioFixtureTables.ratios where row.deltaC9 == -1 && row.deltaC10 == 0 {
            let bin = rates.bin(row.channel, q2Min: row.q2Min, q2Max: row.q2Max)
            let ours = row.name.hasPrefix("dBdq2") ? bin.standardModel / bin.width : bin.standardModel
            let relative = ours / row.sm - 1
            let isVector = [.bZeroToKStarZero, .bPlusToKStarPlus, .bsToPhi].contains(row.channel.decay)
            print(String(format: "  %-20@ [%6.4f, %4.2f]  %+.4f", row.channel.tableDecay as NSString, row.q2Min, row.q2Max, relative))
            let tolerance = isVector && row.q2Min < 2 ? 0.10 : row.channel == SemileptonicChannel(.bToXs, .electron) ? 0.05 : 0.03
            #expect(abs(relative) < tolerance, "\(row.name) [\(row.q2Min), \(row.q2Max)]")
        }
    }
}
