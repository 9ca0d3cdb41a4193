import Foundation
import Testing
import Inference

@Suite("Priors files (priors/*.toml)")
struct PriorsFileTests {
    func load(_ name: String) throws -> PriorsFile {
        try PriorsFile(contentsOf: RepositoryPaths.root + "/priors/\(name).toml")
    }

    @Test func caseC() throws {
        let p = try load("caseC")
        #expect(p.modelCase == .C && p.leptons == [.muon] && p.constraints.isEmpty)
        #expect(p.free.map(\.name) == ["mZD", "gMu"])
        #expect(p.free.map(\.sampledName) == ["log10(mZD)", "gMu"])
        #expect(p.parameters[0].distribution == .logUniform(min: 0.010, max: 0.300))
        #expect(p.parameters[1].distribution == .fixed(1e-4) && p.parameters[2].distribution == .fixed(1e-4))
        #expect(p.sampler.walkers == 32 && p.sampler.moves.count == 3)
        let point = [log10(0.0302), -0.033].withUnsafeBufferPointer { p.point($0) }
        #expect(abs(point.mZD - 0.0302) < 1e-15 && point.gMu == -0.033 && point.epsilonZ == 1e-4 && point.modelCase == .C)
        #expect([log10(0.0302), -0.033].withUnsafeBufferPointer { p.logPrior($0) } == 0)
        #expect([log10(0.5), -0.033].withUnsafeBufferPointer { p.logPrior($0) } == -.infinity)
    }

    @Test(arguments: ["caseA", "caseA-invisible", "caseB", "caseC"])
    func everyShippedFileParses(name: String) throws {
        let p = try load(name)
        #expect(p.name == name)
        #expect(p.sampler.walkers >= 2 * p.free.count)
    }

    @Test func caseAInvisibleFreesTheFraction() throws {
        let p = try load("caseA-invisible")
        #expect(p.free.map(\.name) == ["mZD", "epsilon", "epsilonZ", "invisibleFraction"])
        #expect(p.parameters[4].distribution == .uniform(min: 0.1, max: 1.0))
    }

    /// Replaces `old` with `new` in caseC.toml and expects an error naming `key` and containing `words`.
    func expectError(_ old: String, _ new: String, key: String?, _ words: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: RepositoryPaths.root + "/priors/caseC.toml", encoding: .utf8)
        #expect(text.contains(old), "fixture text missing", sourceLocation: sourceLocation)
        do {
            _ = try PriorsFile(text: text.replacingOccurrences(of: old, with: new), source: "edited.toml")
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let error as PriorsError {
            #expect(error.key == key, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(words), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("edited.toml"), sourceLocation: sourceLocation)
        }
    }

    @Test func errorsNameTheKey() throws {
        try expectError("case = \"C\"", "case = \"D\"", key: "case", "not a case")
        try expectError("name = \"caseC\"\n", "", key: "name", "missing")
        try expectError("min = 10\n", "minimum = 10\n", key: "parameters.mZD.minimum", "unknown key")
        try expectError("max = 300", "max = 5", key: "parameters.mZD.max", "max must exceed min")
        try expectError("unit = \"MeV\"", "unit = \"eV\"", key: "parameters.mZD.unit", "not GeV or MeV")
        try expectError("min = 10\nmax = 300", "min = 0\nmax = 300", key: "parameters.mZD.min", "min > 0")
        try expectError("prior = \"uniform\"", "prior = \"gaussian\"", key: "parameters.gMu.prior", "not uniform or log-uniform")
        try expectError("walkers = 32", "walkers = 3", key: "sampler.walkers", "at least 2 x 2")
        try expectError("walkers = 32", "walkers = \"many\"", key: "sampler.walkers", "integer")
        try expectError("leptons = [\"mu\"]", "leptons = [\"tau\"]", key: "data.leptons", "not a lepton")
        try expectError("stretch = 0.7", "hop = 0.7", key: "sampler.moves.hop", "unknown move")
        try expectError("case = \"C\"", "case = \"A\"", key: "parameters.gMu", "case A has no direct muon coupling")
        try expectError("[parameters.epsilon]\nfixed = 1e-4", "[parameters.epsilon]\nfixed = 1e-4\nmin = 1", key: "parameters.epsilon", "takes no prior")
    }

    /// [output] blobs: chi2 by default, each choice read, anything else an error naming the key.
    @Test func outputBlobs() throws {
        #expect(try load("caseC").output.blobs == .chi2)
        let text = try String(contentsOfFile: RepositoryPaths.root + "/priors/caseC.toml", encoding: .utf8)
        for choice in BlobSelection.allCases {
            let p = try PriorsFile(text: text + "\n[output]\nblobs = \"\(choice.rawValue)\"\n", source: "edited.toml")
            #expect(p.output.blobs == choice)
        }
        try expectError("[sampler]\n", "[output]\nblobs = \"all\"\n\n[sampler]\n", key: "output.blobs", "is not none, chi2, predictions")
        try expectError("[sampler]\n", "[output]\nthin = 2\n\n[sampler]\n", key: "output.thin", "unknown key")
        #expect(BlobSelection.predictions.count(rows: 26) == 28 && BlobSelection(count: 2, rows: 26) == .chi2)
    }

    @Test func invalidTOMLGivesTheLine() throws {
        try expectError("name = \"caseC\"", "name = \"caseC", key: nil, "not valid TOML at line")
    }

    @Test func missingFile() {
        #expect(throws: PriorsError.self) { try PriorsFile(contentsOf: "/nonexistent/priors.toml") }
    }
}
