/// One constraint judged at one parameter point (JSON keys of `darkz constraints`; decodable too, so
/// that the processes of a scan exchange results exactly).
public struct ConstraintResult: Sendable, Codable, Equatable {
    public let name: String
    public let applies: Bool
    /// The predicted quantity (units of the bound), NaN when it does not apply.
    public let prediction: Double
    /// The measured value or the upper limit it is compared with.
    public let bound: Double
    /// "measurement" or "upper limit".
    public let kind: String
    public let chi2: Double
    public let pull: Double
    public let excluded: Bool
    public let cl: Double

    public static func notApplicable(_ name: String, kind: String, cl: Double) -> ConstraintResult {
        ConstraintResult(name: name, applies: false, prediction: .nan, bound: .nan, kind: kind, chi2: 0, pull: 0,
                         excluded: false, cl: cl)
    }
}
