import Flavor
import Testing
@testable import Inference

/// A parameter point from a priors file and given values (`PriorsFile.point`, issue #12 item 4).
@Suite("Points from priors files")
struct PriorsPointTests {
    static func file(_ name: String) throws -> PriorsFile {
        try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/\(name).toml")
    }

    @Test func fixedValuesFillAndGivenValuesWin() throws {
        let c = try Self.file("caseC")
        let (p, fromFile) = try c.point(given: ["mZD": 0.0302, "gMu": -0.033])
        #expect(p.modelCase == .C && p.epsilon == 1e-4 && p.epsilonZ == 1e-4 && p.gMu == -0.033 && p.mZD == 0.0302)
        #expect(Set(fromFile.map(\.name)) == ["epsilon", "epsilonZ", "invisibleFraction"])
        let (q, fromFile2) = try c.point(given: ["mZD": 0.0302, "gMu": -0.033, "epsilon": 0])
        #expect(q.epsilon == 0 && !fromFile2.map(\.name).contains("epsilon"))
    }

    @Test func aFreeParameterMustBeGiven() throws {
        #expect { try Self.file("caseC").point(given: ["mZD": 0.03]) } throws: { "\($0)".contains("gMu is free in this file") }
        #expect { try Self.file("caseA").point(given: ["mZD": 0.03]) } throws: { "\($0)".contains("epsilon, epsilonZ are free") }
    }
}
