import Testing
@testable import Inference

/// The run settings stored after the priors text in a chain file (`SamplingRun.runText`), read back
/// by diagnose, credible, evidence and resume.
@Suite("Run settings in chain files")
struct RunSettingsTextTests {
    /// `--constraints none` on a priors file that lists constraints is stored as an empty list and must
    /// read back as the override [] (before issue #12 it read back as no override, so the commands after
    /// `sample` used the file's constraints); a list and no override round-trip too.
    @Test(arguments: [[String]?.none, [], ["g-2"], ["bs-mixing", "g-2"]])
    func constraintOverrideRoundTrips(constraints: [String]?) throws {
        let text = SamplingRun.runText("name = \"x\"\n", settings: .defaults, constraints: constraints, blobs: .chi2)
        let (_, _, back, _) = try SamplingRun.parseRunText(text, file: "t")
        #expect(back == constraints)
    }

    /// The blobs choice round-trips; a text without the line (darkz before issue #14) reads as nil,
    /// which `StoredRun` takes for the predictions those files hold.
    @Test(arguments: BlobSelection.allCases)
    func blobsRoundTrip(blobs: BlobSelection) throws {
        let text = SamplingRun.runText("name = \"x\"\n[output]\nblobs = \"none\"\n", settings: .defaults, constraints: nil, blobs: blobs)
        let (priors, _, _, back) = try SamplingRun.parseRunText(text, file: "t")
        #expect(back == blobs)
        #expect(priors == "name = \"x\"\n[output]\nblobs = \"none\"\n")
        let old = text.replacingOccurrences(of: "# blobs=\(blobs.rawValue)\n", with: "")
        #expect(try SamplingRun.parseRunText(old, file: "t").3 == nil)
    }
}
