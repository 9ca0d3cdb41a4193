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
        let text = SamplingRun.runText("name = \"x\"\n", settings: .defaults, constraints: constraints)
        let (_, _, back) = try SamplingRun.parseRunText(text, file: "t")
        #expect(back == constraints)
    }
}
