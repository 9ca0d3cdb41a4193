import Foundation
import Ensemble

/// A reference case written by Tests/Fixtures/diagnostics/make_fixtures.py: one or more runs
/// (CSV, one row per step and walker) and emcee's and ArviZ's numbers for their stacked walkers.
struct DiagnosticsFixture: Decodable {
    struct Run: Decodable {
        let file: String
        let nSteps: Int
        let nWalkers: Int
        let nDim: Int
    }
    struct Emcee: Decodable {
        let tau: [Double]
        let tooShort: [Bool]
    }
    struct ArviZ: Decodable {
        let rhat: [Double]
        let essBulk: [Double]
        let essTail: [Double]
        let essBulkRelative: [Double]
        let essTailRelative: [Double]
        let mcseMean: [Double]
    }
    let name: String
    let runs: [Run]
    let emcee: Emcee
    let arviz: ArviZ

    static let names = ["ar1_rho09", "short_chain", "odd_draws", "heavy_tail", "two_runs"]

    /// Tests/Fixtures/diagnostics, found by walking up from this file to the package root.
    static let directory: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            let parent = dir.deletingLastPathComponent()
            precondition(parent.path != dir.path, "no Package.swift above \(#filePath)")
            dir = parent
        }
        return dir.appendingPathComponent("Tests/Fixtures/diagnostics")
    }()

    static func load(_ name: String) throws -> DiagnosticsFixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try decoder.decode(DiagnosticsFixture.self, from: data)
    }

    /// The runs as emcee-layout chains.
    func chains() throws -> [ChainArray] {
        try runs.map { run in
            let text = try String(contentsOf: Self.directory.appendingPathComponent(run.file), encoding: .utf8)
            var values = [Double]()
            values.reserveCapacity(run.nSteps * run.nWalkers * run.nDim)
            for line in text.split(separator: "\n") {
                for field in line.split(separator: ",") {
                    guard let v = Double(field) else { throw FixtureError.notANumber(String(field), run.file) }
                    values.append(v)
                }
            }
            return ChainArray(nSteps: run.nSteps, nWalkers: run.nWalkers, nDim: run.nDim, values: values)
        }
    }

    /// All runs' walkers as chains, as the references were computed.
    func stackedChain() throws -> ChainArray { ChainArray.stackingWalkers(try chains()) }
}

enum FixtureError: Error { case notANumber(String, String) }

/// |a - b| / |b|, 0 when both are equal (including both infinite).
func relativeDifference(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : abs(a - b) / abs(b)
}
