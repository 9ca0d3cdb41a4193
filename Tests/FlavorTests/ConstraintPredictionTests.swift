import Foundation
import Testing
@testable import Flavor

/// Every constraint's prediction and verdict at fixed points, defaults and documented alternatives, equal the
/// numbers of the fixture (Tests/Fixtures/constraints/README.md).
@Suite("Constraint predictions against the fixture")
struct ConstraintPredictionTests {
    struct Fixture: Decodable {
        struct Point: Decodable {
            let arguments: String
            let parameters: DarkBosonParameters
            let constraints: [Result]
        }
        struct Result: Decodable {
            let name: String, kind: String
            let applies: Bool, excluded: Bool
            let prediction: Double, bound: Double, chi2: Double, pull: Double, cl: Double

            enum CodingKeys: String, CodingKey { case name, kind, applies, excluded, prediction, bound, chi2, pull, cl }

            /// darkz writes NaN (a constraint that does not apply) as null.
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                func number(_ key: CodingKeys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: key) ?? .nan }
                name = try c.decode(String.self, forKey: .name)
                kind = try c.decode(String.self, forKey: .kind)
                applies = try c.decode(Bool.self, forKey: .applies)
                excluded = try c.decode(Bool.self, forKey: .excluded)
                prediction = try number(.prediction)
                bound = try number(.bound)
                chi2 = try number(.chi2)
                pull = try number(.pull)
                cl = try number(.cl)
            }
        }
        let points: [Point]
    }

    static let fixture: Fixture = {
        let path = FlavorFixtures.root + "/Tests/Fixtures/constraints/predictions.json"
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }()

    /// Equal within 1e-12 relative (NaN equals NaN).
    static func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }

    @Test func everyConstraintAtEveryPoint() {
        #expect(Self.fixture.points.count == 5)
        for point in Self.fixture.points {
            // every constraint, the defaults and the documented alternatives (make_predictions.sh asks for both)
            #expect(Set(point.constraints.map(\.name)) == Set(FlavorFixtures.constraints.names), "\(point.arguments)")
            let results = FlavorFixtures.constraints.evaluate(FlavorFixtures.model.point(point.parameters),
                                                              names: point.constraints.map(\.name))
            let byName = Dictionary(uniqueKeysWithValues: point.constraints.map { ($0.name, $0) })
            for r in results {
                guard let want = byName[r.name] else { Issue.record("\(r.name) missing"); continue }
                let where_ = "\(r.name) at \(point.arguments)"
                #expect(r.applies == want.applies && r.excluded == want.excluded && r.kind == want.kind && r.cl == want.cl, "\(where_)")
                #expect(Self.close(r.prediction, want.prediction), "\(where_): prediction \(r.prediction) vs \(want.prediction)")
                #expect(Self.close(r.bound, want.bound), "\(where_): bound \(r.bound) vs \(want.bound)")
                #expect(Self.close(r.chi2, want.chi2), "\(where_): chi2 \(r.chi2) vs \(want.chi2)")
                #expect(Self.close(r.pull, want.pull), "\(where_): pull \(r.pull) vs \(want.pull)")
            }
        }
    }
}
