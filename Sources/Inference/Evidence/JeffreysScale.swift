/// The words of the Jeffreys scale for a log Bayes factor, in the form of Trotta (2008,
/// Contemp. Phys. 49, 71, table 1): |ln B| < 1 inconclusive, 1-2.5 weak, 2.5-5 moderate,
/// >= 5 strong evidence for the favoured model.
public enum JeffreysScale {
    public static func strength(_ logBayesFactor: Double) -> String {
        let b = abs(logBayesFactor)
        switch b {
        case ..<1: return "inconclusive"
        case ..<2.5: return "weak"
        case ..<5: return "moderate"
        default: return "strong"
        }
    }

    /// "strong evidence for A over B", or "inconclusive between A and B".
    public static func words(_ logBayesFactor: Double, _ a: String, over b: String) -> String {
        guard logBayesFactor.isFinite else { return "undetermined" }
        let s = strength(logBayesFactor)
        if s == "inconclusive" { return "inconclusive between \(a) and \(b)" }
        return logBayesFactor > 0 ? "\(s) evidence for \(a) over \(b)" : "\(s) evidence for \(b) over \(a)"
    }
}
