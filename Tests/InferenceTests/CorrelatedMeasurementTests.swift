import Flavor
import Foundation
import Numerics
import Testing
@testable import Inference

/// Ratio rows and correlated measurements (issue #12 items 1-2): the quadratic-form chi^2 against a
/// direct numpy computation (Tests/Fixtures/covariance, make_expected.py), the covariance files'
/// checks, and R = B(mu mu)/B(e e) from darkz's own rates.
@Suite("Ratio rows and correlated measurements")
struct CorrelatedMeasurementTests {
    static let folder = RepositoryPaths.root + "/Tests/Fixtures/covariance"

    struct Expected: Decodable {
        struct Case: Decodable { let name, convention: String; let predictions: [Double]; let chi2: Double }
        let cases: [Case]
    }

    /// The chi^2 r^T (D R D + T)^-1 r of the synthetic table equals numpy's to 1e-10 relative (both are
    /// exact linear algebra on a 4 x 4 system; rounding is ~1e-15), for both error conventions, through
    /// the report path (`ChiSquare`) and the likelihood path (`CovarianceChiSquare`).
    @Test func quadraticFormMatchesNumpy() throws {
        let table = try MeasurementTable(contentsOf: Self.folder + "/table.csv")
        #expect(!table.covariance.isDiagonal && table.covariance.correlations.count == 1)
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: Self.folder + "/expected.json")))
        #expect(expected.cases.count == 4)
        let rows = Array(table.measurements.indices), form = try CovarianceChiSquare(table: table, rows: rows)
        for c in expected.cases {
            let convention = ErrorConvention(rawValue: c.convention)!
            let chi2 = try ChiSquare(table: table, rows: rows, predictions: c.predictions, convention: convention).total
            #expect(abs(chi2 / c.chi2 - 1) < 1e-10, "\(c.name) \(c.convention): \(chi2) vs numpy \(c.chi2)")
            let sigma = zip(table.measurements, c.predictions).map { $0.experimentalError(convention: convention, prediction: $1) }
            let direct = form.value(residuals: zip(table.measurements, c.predictions).map { $0.value - $1 },
                                    sigmaExp: sigma, sigmaFixed: convention == .mean)
            #expect(abs(direct / c.chi2 - 1) < 1e-10)
        }
        // without the covariance files the same rows give the sum of squares, which differs
        let independent = ChiSquare(standardModel: table.measurements).total
        #expect(abs(independent - expected.cases[0].chi2) > 0.05)
    }

    /// The SM chi^2 of the 2025 data set (data/bsll_2025.csv with its correlation and theory-covariance
    /// files) equals numpy's direct r^T C^-1 r (expected_2025.json) to 1e-9 relative, for all rows and
    /// for the muon rows (a sub-block of C).
    @Test func dataSet2025MatchesNumpy() throws {
        struct Expected: Decodable { let chi2_all, chi2_muon: Double; let n_all, n_muon: Int }
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: Self.folder + "/expected_2025.json")))
        let table = try MeasurementTable(contentsOf: RepositoryPaths.root + "/data/bsll_2025.csv")
        #expect(!table.covariance.isDiagonal && table.covariance.theory != nil)
        let all = try ChiSquare(standardModel: table, rows: table.indices(lepton: nil))
        let muon = try ChiSquare(standardModel: table, rows: table.indices(lepton: .muon))
        #expect(all.count == expected.n_all && muon.count == expected.n_muon)
        #expect(abs(all.total / expected.chi2_all - 1) < 1e-9 && abs(muon.total / expected.chi2_muon - 1) < 1e-9)
    }

    /// A table without covariance files is independent rows, and its chi^2 is eq. 5.1's sum (table 1).
    @Test func tableOneIsIndependent() throws {
        let table = try MeasurementTable(contentsOf: RepositoryPaths.binnedTable)
        #expect(table.covariance.isDiagonal)
        let viaTable = try ChiSquare(standardModel: table, rows: table.indices(lepton: nil)).total
        #expect(viaTable == ChiSquare(standardModel: table.measurements).total)
    }

    /// The covariance files are checked: a pair outside one group, a theory diagonal that is not sm_err^2,
    /// a missing diagonal and a non-positive-definite covariance are errors naming the file.
    @Test func badCovarianceFilesAreErrors() throws {
        func load(correlations: String? = nil, theory: String? = nil) throws -> MeasurementTable {
            let fm = FileManager.default
            let dir = fm.temporaryDirectory.appendingPathComponent("darkz-cov-\(UUID().uuidString)").path
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(atPath: dir) }
            try fm.copyItem(atPath: Self.folder + "/table.csv", toPath: dir + "/t.csv")
            if let correlations { try correlations.write(toFile: dir + "/t_correlations.csv", atomically: true, encoding: .utf8) }
            if let theory { try theory.write(toFile: dir + "/t_theory_covariance.csv", atomically: true, encoding: .utf8) }
            return try MeasurementTable(contentsOf: dir + "/t.csv")
        }
        #expect { try load(correlations: "id_a,id_b,correlation\nrk_low,k_1,0.5\n") } throws: { "\($0)".contains("not in one correlation group") }
        #expect { try load(correlations: "id_a,id_b,correlation\nrk_low,nope,0.5\n") } throws: { "\($0)".contains("no row 'nope'") }
        #expect { try load(correlations: "id_a,id_b,correlation\nrk_low,rk_central,1.5\n") } throws: { "\($0)".contains("outside [-1, 1]") }
        #expect { try load(theory: "id_a,id_b,covariance\nrk_low,rk_low,4e-4\n") } throws: { "\($0)".contains("not sm_err^2") }
        #expect { try load(theory: "id_a,id_b,covariance\nrk_low,rk_low,1e-4\n") } throws: { "\($0)".contains("no diagonal entry") }
        // an experimental correlation of -1 plus a theory anticorrelation beyond what its diagonal allows
        // (-5e-4 against 1e-4 x 1e-4): det of the 2 x 2 block = 1.0e-6 - 4.2e-6 - 2.4e-7 < 0
        let bad = try load(correlations: "id_a,id_b,correlation\nrk_low,rk_central,-1\n",
                           theory: "id_a,id_b,covariance\nrk_low,rk_low,1e-4\nrk_central,rk_central,1e-4\nrk_low,rk_central,-5e-4\nk_1,k_1,0.25e-16\nk_2,k_2,0.2025e-16\n")
        #expect { try CovarianceChiSquare(table: bad, rows: Array(bad.measurements.indices)) } throws: { "\($0)".contains("not positive definite") }
    }

    /// Parsing: R is a quantity of muon rows; unknown quantities and repeated ids are errors.
    @Test func ratioRowsAndIds() throws {
        let header = "name,decay,reference,quantity,q2_min,q2_max,scale,value,err1_up,err1_down,sm,sm_err,lepton,id,correlation"
        let ok = try MeasurementTable(text: header + "\nR,B+ -> K+ mu+ mu-,x,R,1.1,6,1,0.95,0.04,0.04,1,0.01,mu,a,\n", file: "t")
        #expect(ok.measurements[0].quantity == .ratio && ok.measurements[0].id == "a" && ok.measurements[0].correlationGroup == nil)
        #expect { try MeasurementTable(text: header + "\nR,B+ -> K+ e+ e-,x,R,1.1,6,1,0.95,0.04,0.04,1,0.01,e,a,\n", file: "t") } throws: {
            "\($0)".contains("written as a muon row")
        }
        #expect { try MeasurementTable(text: header + "\nR,B+ -> K+ mu+ mu-,x,AFB,1.1,6,1,0.95,0.04,0.04,1,0.01,mu,a,\n", file: "t") } throws: {
            "\($0)".contains("unknown quantity 'AFB' (expected dBdq2, B or R)")
        }
        #expect { try MeasurementTable(text: header + "\nR,B+ -> K+ mu+ mu-,x,R,1.1,6,1,0.95,0.04,0.04,1,0.01,mu,a,\nR,B+ -> K+ mu+ mu-,x,R,0.1,1.1,1,0.95,0.04,0.04,1,0.01,mu,a,\n", file: "t") } throws: {
            "\($0)".contains("row key 'a' appears twice")
        }
        // without an id column the key is name[q2min,q2max]
        let table1 = try MeasurementTable(contentsOf: RepositoryPaths.binnedTable)
        #expect(table1.measurements[0].id == "dBdq2(B0->K*0mumu)[0.1,0.98]")
    }

    static let ratioPredictor: BinnedPredictor = {
        setenv("DARKZ_DATA_DIR", RepositoryPaths.root + "/data", 1)
        let header = "name,decay,reference,quantity,q2_min,q2_max,scale,value,err1_up,err1_down,sm,sm_err,lepton"
        let text = header + """

            RK,B+ -> K+ mu+ mu-,x,R,1.1,6.0,1,0.949,0.047,0.046,1.0,0.01,mu
            RKstar,B0 -> K*0 mu+ mu-,x,R,0.1,1.1,1,0.927,0.10,0.09,0.99,0.01,mu
            """
        let table = try! MeasurementTable(text: text, file: "ratios")
        return try! BinnedPredictor(table: table, model: .standard(), rates: .standard(),
                                    onShell: OnShellProduction(rates: .standard()))
    }()

    /// R at the SM point is the ratio of darkz's own SM muon and electron rates in the bin (exactly:
    /// the same code path), within 1% of 1 above 1 GeV^2 and a few % below (phase space and the
    /// lepton mass near threshold); with a constant muon shift it is B_mu(shift)/B_e(SM).
    @Test func ratioRowsUseDarkzsOwnRates() throws {
        let predictor = Self.ratioPredictor, rates = predictor.rates
        let sm = predictor.predictions(DarkBosonParameters(modelCase: .A, mZD: 0.1))
        for (row, value) in zip(predictor.rows, sm) {
            let m = row.measurement
            let mu = rates.bin(SemileptonicChannel(row.channel.decay, .muon), q2Min: m.q2Min, q2Max: m.q2Max).standardModel
            let e = rates.bin(SemileptonicChannel(row.channel.decay, .electron), q2Min: m.q2Min, q2Max: m.q2Max).standardModel
            #expect(abs(value / (mu / e) - 1) < 1e-12)
        }
        #expect(abs(sm[0] - 1) < 0.01 && abs(sm[1] - 1) < 0.1)
        let shifted = predictor.predictions(deltaC9: Complex(-1, 0), deltaC10: .zero)
        #expect(shifted[0] < sm[0] - 0.1 && shifted[1] < sm[1])  // delta C9 = -1 on muons lowers R_K by ~20%
        // a case-C point: the muon modes move, the electron modes do not (v_e = 0)
        let c = predictor.predictions(DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033))
        #expect(c[0] < sm[0] && c[0] > 0.8)
    }
}
