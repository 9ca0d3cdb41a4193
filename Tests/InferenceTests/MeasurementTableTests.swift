import Foundation
import Testing
import Inference

@Suite("Measurement table (paper table 1)")
struct MeasurementTableTests {
    let table: MeasurementTable

    init() throws {
        table = try MeasurementTable(contentsOf: RepositoryPaths.binnedTable)
    }

    @Test func rowCountsAsPrinted() {
        #expect(table.measurements.count == 26)
        #expect(table.rows(lepton: .muon).count == 20)
        #expect(table.rows(lepton: .electron).count == 6)
    }

    @Test func firstRowIsParsedWithScale() throws {
        let m = try #require(table.measurements.first)
        #expect(m.decay == "B0 -> K*0 mu+ mu-")
        #expect(m.quantity == .differentialBranchingFraction)
        #expect(m.q2Min == 0.1 && m.q2Max == 0.98)
        #expect(abs(m.value - 11.06e-8) < 1e-20)
        #expect(m.errors.count == 3)
        #expect(abs(m.errors[0].up - 0.67e-8) < 1e-20 && abs(m.errors[0].down - 0.73e-8) < 1e-20)
        #expect(abs(m.sm - 10.60e-8) < 1e-20 && abs(m.smError - 1.54e-8) < 1e-20)
        #expect(m.lepton == .muon)
    }

    @Test func squaredBinEdgesAndIntegratedQuantity() throws {
        let m = try #require(table.measurements.first { $0.name == "B(B0->K*0ee)" })
        #expect(m.q2Min == 0.03 * 0.03 || abs(m.q2Min - 0.0009) < 1e-15)
        #expect(m.q2Max == 1.0)
        #expect(m.quantity == .branchingFraction)
        #expect(m.scale == 1e-7)
        let expectedUp = [0.9e-7, 0.2e-7, 0.2e-7]
        #expect(m.errors.count == 3)
        for (got, want) in zip(m.errors.map(\.up), expectedUp) { #expect(abs(got - want) < 1e-20) }
        #expect(abs(m.errors[1].down - 0.3e-7) < 1e-20)
    }

    /// Replaces `old` by `new` in the real table and expects the load to fail at `line` / `field`.
    func expectFailure(replacing old: String, with new: String, line: Int?, field: String?,
                       containing words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: RepositoryPaths.binnedTable, encoding: .utf8)
        #expect(text.contains(old), "fixture text not found", sourceLocation: sourceLocation)
        let broken = text.replacingOccurrences(of: old, with: new)
        do {
            _ = try MeasurementTable(text: broken, file: "broken.csv")
            Issue.record("loading succeeded but should have failed", sourceLocation: sourceLocation)
        } catch let error as DataFileError {
            #expect(error.file == "broken.csv", sourceLocation: sourceLocation)
            #expect(error.line == line, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
            #expect(error.description.contains(words), "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// Line of the K0 2.0-4.0 bin in data/bsll_table1.csv.
    let k0Line = 41
    let k0Row = "dBdq2(B0->K0mumu),B0 -> K0 mu+ mu-,73,dBdq2,2.0,4.0,1e-8,1.87,0.55,0.49"

    @Test func missingColumnIsNamed() throws {
        try expectFailure(replacing: ",sm,sm_err,lepton", with: ",sm,sm_error,lepton",
                          line: nil, field: "sm_err", containing: "missing column")
    }

    @Test func notANumberNamesLineAndField() throws {
        try expectFailure(replacing: k0Row, with: k0Row.replacingOccurrences(of: "1.87,", with: "1.8x7,"),
                          line: k0Line, field: "value", containing: "'1.8x7' is not a number")
    }

    @Test func emptyBinOrderIsRejected() throws {
        try expectFailure(replacing: k0Row, with: k0Row.replacingOccurrences(of: ",2.0,4.0,", with: ",4.0,2.0,"),
                          line: k0Line, field: "q2_max", containing: "must be below")
    }

    @Test func negativeErrorIsRejected() throws {
        try expectFailure(replacing: k0Row, with: k0Row.replacingOccurrences(of: "0.55,0.49", with: "0.55,-0.49"),
                          line: k0Line, field: "err1_down", containing: "negative error")
    }

    @Test func unknownLeptonIsRejected() throws {
        let row = "dBdq2(B0->K0mumu),B0 -> K0 mu+ mu-,73,dBdq2,2.0,4.0,1e-8,1.87,0.55,0.49,0.09,0.09,,,3.25,0.56,mu"
        try expectFailure(replacing: row, with: row.dropLast(2) + "tau",
                          line: k0Line, field: "lepton", containing: "unknown lepton 'tau'")
    }

    @Test func wrongFieldCountIsRejected() throws {
        try expectFailure(replacing: k0Row, with: k0Row + ",extra",
                          line: k0Line, field: nil, containing: "expected 17 fields")
    }

    @Test func missingFileIsReported() {
        #expect(throws: DataFileError.self) { try MeasurementTable(contentsOf: "/nonexistent/table.csv") }
    }
}
