import Foundation
import Testing

/// `predict` gives the chi^2 of the rows the case fits first, and labels the others: case C leaves out
/// the electron rows, whose chi^2 at a light Z_D is huge (`chi2_all` about 4.6e8 at 30.2 MeV).
@Suite("darkz predict: the fit's chi^2", .serialized)
struct PredictFitTests {
    static let caseC = ["predict", "--case", "C", "--mzd", "30.2MeV", "--g-mu", "-0.033"]

    @Test func caseCFitsTheMuonRows() throws {
        let out = try DarkzRunner.run(Self.caseC + ["--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let fit = try #require(json["fit"] as? [String: Any])
        #expect(fit["name"] as? String == "case C" && fit["leptons"] as? [String] == ["mu"] && fit["rows"] as? Int == 20)
        #expect((fit["priors"] as? String)?.hasSuffix("priors/caseC.toml") == true)
        let chi2 = try #require(fit["chi2"] as? Double), all = try #require(json["chi2_all"] as? Double)
        #expect(chi2 == json["chi2_muon"] as? Double && chi2 < 100 && all > 1e8)
        #expect(fit["chi2_sm"] as? Double == json["chi2_sm_muon"] as? Double)
        let observables = try #require(json["observables"] as? [[String: Any]])
        #expect(observables.filter { $0["in_fit"] as? Bool == true }.count == 20)
        #expect(observables.allSatisfy { ($0["in_fit"] as? Bool) == ($0["lepton"] as? String == "mu") })
        #expect(observables.first?["quantity"] as? String == "dBdq2")
    }

    /// Text: the fit's line first, then "other row sets" with the all-rows total saying how many rows
    /// lie outside the fit.
    @Test func textPutsTheFitFirst() throws {
        let out = try DarkzRunner.run(Self.caseC)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("chi2") })
        #expect(lines[first].hasPrefix("chi2 of the fit (case C: its 20 muon rows):"), "\(lines[first])")
        #expect(lines[first + 1] == "other row sets (not the fit's chi^2):")
        #expect(lines[first + 2].hasPrefix("chi2 (all 26 rows, 6 outside the fit):"), "\(lines[first + 2])")
        #expect(lines.count == first + 3)
    }

    /// Constant shifts have no priors file: every row is the fit.
    @Test func constantShiftsFitEveryRow() throws {
        let out = try DarkzRunner.run(["predict", "--delta-c9", "-1", "--json"])
        let fit = try #require(out.json?["fit"] as? [String: Any])
        #expect(fit["name"] as? String == "all rows" && fit["rows"] as? Int == 26 && fit["priors"] == nil)
        #expect(fit["chi2"] as? Double == out.json?["chi2_all"] as? Double)
        let text = try DarkzRunner.run(["predict", "--delta-c9", "-1"])
        #expect(text.stdout.contains("chi2 of the fit (all 26 rows):") && text.stdout.contains("chi2 (20 muon rows):"))
    }
}
