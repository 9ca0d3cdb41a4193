import Ensemble
import Foundation
import Inference
import Testing

/// The getdist export (Sources/Inference/Export): names, labels, ranges, one file per walker,
/// repeats merged. getdist itself reads it in DarkzCLITests/GetdistInteropTests.swift.
@Suite("getdist export")
struct GetdistExportTests {
    @Test func getdistNamesAreTheSampledNamesWithoutParentheses() throws {
        #expect(ParameterPrior.getdistName("log10(mZD)") == "log10_mZD")
        #expect(ParameterPrior.getdistName("gMu") == "gMu")
        #expect(ParameterPrior.getdistName("log10(epsilonZ)") == "log10_epsilonZ")
        let priors = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseC.toml")
        #expect(priors.free.map(\.getdistName) == ["log10_mZD", "gMu"])
        #expect(priors.free.map(\.latexLabel) == ["\\log_{10}(M_{Z_D}/\\mathrm{GeV})", "g_\\mu"])
        let a = try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/caseA.toml")
        let names = a.free.map(\.getdistName)
        #expect(Set(names).count == names.count && names.allSatisfy { !$0.contains("(") && !$0.contains(")") })
    }

    /// Two walkers, five steps, the first dropped: walker 0 repeats its position twice in a row
    /// (one row of weight 3 after the burn-in), walker 1 returns to an earlier position (a new row).
    @Test func consecutiveRepeatsMergeIntoWeights() {
        // (step, walker) -> (x, y, ln p)
        let steps: [[(Double, Double, Double)]] = [
            [(9, 9, -9), (8, 8, -8)],
            [(1, 2, -1), (5, 6, -5)],
            [(1, 2, -1), (7, 8, -7)],
            [(1, 2, -1), (5, 6, -5)],
            [(3, 4, -3), (5, 6, -5)],
        ]
        let chain = ChainArray(nSteps: 5, nWalkers: 2, nDim: 2, values: steps.flatMap { $0.flatMap { [$0.0, $0.1] } })
        let logP = ChainArray(nSteps: 5, nWalkers: 2, nDim: 1, values: steps.flatMap { $0.map(\.2) })
        let parameters = [GetdistExport.Parameter(name: "x", label: "x", bounds: 0...10),
                          GetdistExport.Parameter(name: "y", label: "y", bounds: -1...10)]
        let export = GetdistExport(root: "toy", parameters: parameters, chain: chain, logProbabilities: logP, discard: 1)
        #expect(export.walkers[0] == [.init(weight: 3, minusLogPosterior: 1, values: [1, 2]),
                                      .init(weight: 1, minusLogPosterior: 3, values: [3, 4])])
        #expect(export.walkers[1].map(\.weight) == [1, 1, 2] && export.walkers[1].map(\.values) == [[5, 6], [7, 8], [5, 6]])
        #expect(export.sampleCount == 8 && export.rowCount == 5)
        #expect(export.chainText(walker: 0) == "3 1.0 1.0 2.0\n1 3.0 3.0 4.0\n")
        #expect(export.paramnamesText == "x\tx\ny\ty\n")
        #expect(export.rangesText == "x\t0.0\t10.0\ny\t-1.0\t10.0\n")
    }

    @Test func writesOneFilePerWalkerAndRemovesStaleChains() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("darkz-getdist-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // an old single-file export and a walker file of a larger ensemble: getdist would read both
        for stale in ["toy.txt", "toy_3.txt", "toy_4.txt"] {
            try Data("1 0 0\n".utf8).write(to: folder.appendingPathComponent(stale))
        }
        let chain = ChainArray(nSteps: 3, nWalkers: 2, nDim: 1, values: [1, 2, 3, 4, 5, 6])
        let logP = ChainArray(nSteps: 3, nWalkers: 2, nDim: 1, values: [-1, -2, -3, -4, -5, -6])
        let export = GetdistExport(root: "toy", parameters: [.init(name: "x", label: "x", bounds: 0...6)],
                                   chain: chain, logProbabilities: logP, discard: 0)
        let written = try export.write(to: folder)
        #expect(written == ["toy_1.txt", "toy_2.txt", "toy.paramnames", "toy.ranges", "toy.properties.ini"])
        let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(present == written.sorted())
        #expect(try String(contentsOf: folder.appendingPathComponent("toy_2.txt"), encoding: .utf8) == "1 2.0 2.0\n1 4.0 4.0\n1 6.0 6.0\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("toy.properties.ini"), encoding: .utf8) == "burn_removed = T\n")
    }
}
