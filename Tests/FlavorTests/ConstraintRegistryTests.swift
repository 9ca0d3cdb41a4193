import Foundation
import Testing
@testable import Flavor

/// ConstraintRegistry and data/constraints.csv agree, and a disagreement is an error at load.
@Suite("Constraint registry and data/constraints.csv")
struct ConstraintRegistryTests {
    static var set: ConstraintSet { FlavorFixtures.constraints }

    @Test func everyRowHasATypeAndEveryTypeARow() throws {
        let rows = try ConstraintData(contentsOf: FlavorFixtures.root + "/data/constraints.csv").names
        let registered = try ConstraintRegistry.all(model: FlavorFixtures.model, onShell: Self.onShell).map(\.name)
        #expect(registered == rows)  // the same names, in the same order
        #expect(Set(registered).count == registered.count)
        #expect(Self.set.names == rows)
        // 19 defaults; the paper's formulas beside four of them (k-mu-invisible, k-mu-nu-ee, w-width, lhcb-dark-photon);
        // the 2023-24 B+ -> K+ nu nu-bar and K+ -> pi+ nu nu-bar measurements beside the older ones, and the paper's
        // 2021 g-2 beside the 2025 one (issue #12)
        #expect(Self.set.defaultNames.count == 19 && rows.count == 26)
        #expect(Set(rows).subtracting(Self.set.defaultNames)
                == ["w-width-paper", "k-mu-invisible-paper", "k-mu-nu-ee-paper", "lhcb-dark-photon-paper",
                    "b-k-nunu-belle2-2023", "k-pi-nunu-na62-2024", "g-2-2021"])
        for c in Self.set.constraints { #expect(!c.summary.isEmpty, "\(c.name)") }
    }

    @Test func aRegisteredConstraintWithoutARowIsAnError() throws {
        let data = try Self.data(editing: { $0.filter { !$0.hasPrefix("w-width") } })  // and its alternative
        #expect(data.entries["w-width"] == nil)
        #expect { try ConstraintSet(model: FlavorFixtures.model, onShell: Self.onShell, data: data) } throws: { error in
            "\(error)".contains("no row for constraint 'w-width'") && "\(error)".contains("WWidthConstraint")
        }
    }

    @Test func aRowWithoutATypeIsAnError() throws {
        let data = try Self.data(editing: { $0 + ["pienu,upper_limit,1e-6,,,0.90,,,"] })
        #expect { try ConstraintSet(model: FlavorFixtures.model, onShell: Self.onShell, data: data) } throws: { error in
            "\(error)".contains("row 'pienu' has no constraint type")
        }
    }

    @Test func aRowTwiceIsAnError() {
        #expect { try Self.data(editing: { $0 + ["g-2,gaussian,251e-11,59e-11,59e-11,0.9973,,,"] }) } throws: { error in
            "\(error)".contains("constraint 'g-2' appears twice")
        }
    }

    @Test func alternativesAreChosenByNameOnly() throws {
        let data = try Self.data(editing: { $0 + ["w-width-test,gaussian,0,0.042,0.042,0.9545,,GeV,w-width"] })
        #expect(data.entries["w-width-test"]?.alternativeTo == "w-width")
        #expect(data.names.contains("w-width-test") && !data.defaultNames.contains("w-width-test"))
        #expect(data.defaultNames.contains("w-width"))
        #expect { try Self.data(editing: { $0 + ["w-width-test,gaussian,0,0.042,0.042,0.9545,,GeV,no-such"] }) } throws: { error in
            "\(error)".contains("'w-width-test' is an alternative to 'no-such'")
        }
        for name in Self.set.names where Self.set.data.entries[name]!.alternativeTo != nil {
            #expect(try !Self.set.select("all").contains(name))
            #expect(throws: (any Error).self) { try Self.set.select("\(name),\(Self.set.data.entries[name]!.alternativeTo!)") }
        }
    }

    /// Built after the fixtures' set, which points DARKZ_DATA_DIR at the repository's data/.
    static let onShell: OnShellProduction = {
        _ = FlavorFixtures.constraints
        return try! OnShellProduction(rates: FlavorFixtures.rates)
    }()

    /// data/constraints.csv with its lines edited, read from a temporary folder that links the curves.
    static func data(editing edit: ([String]) -> [String]) throws -> ConstraintData {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("darkz-constraints-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createSymbolicLink(atPath: folder + "/darkcast", withDestinationPath: FlavorFixtures.root + "/data/darkcast")
        let lines = try String(contentsOfFile: FlavorFixtures.root + "/data/constraints.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try edit(lines).joined(separator: "\n").write(toFile: folder + "/constraints.csv", atomically: true, encoding: .utf8)
        return try ConstraintData(contentsOf: folder + "/constraints.csv")
    }
}
