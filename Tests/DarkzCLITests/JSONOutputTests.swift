import Foundation
import Testing

/// What every `--json` output shares: numbers that are not finite are null, never strings.
@Suite("darkz JSON output", .serialized)
struct JSONOutputTests {
    /// lhcb-dark-photon does not apply at 150 MeV (below its curve): prediction and bound are NaN,
    /// written as null (before issue #16 the string "nan").
    @Test func notANumberIsNull() throws {
        let out = try DarkzRunner.run(["constraints", "--case", "C", "--mzd", "150MeV", "--g-mu", "-0.01", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("\"nan\"") && !out.stdout.contains("\"inf\""))
        let json = try #require(out.json)
        let constraints = try #require(json["constraints"] as? [[String: Any]])
        let lhcb = try #require(constraints.first { $0["name"] as? String == "lhcb-dark-photon" })
        #expect(lhcb["applies"] as? Bool == false)
        #expect(lhcb["prediction"] is NSNull && lhcb["bound"] is NSNull)
        #expect(lhcb["chi2"] as? Double == 0)
    }
}
