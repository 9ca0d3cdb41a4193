/// A flavour-changing transition between down-type quarks, d_i -> d_j, whose penguins the paper's
/// appendix B gives for b -> s and says follow for b -> d and s -> d by changing CKM elements and
/// external masses.
public enum DownQuarkTransition: String, Sendable, CaseIterable {
    case bToS = "b->s"
    case bToD = "b->d"
    case sToD = "s->d"

    /// Down-type indices (0 = d, 1 = s, 2 = b) of the incoming and outgoing quark.
    public var from: Int { self == .sToD ? 1 : 2 }
    public var to: Int { self == .bToS ? 1 : 0 }
}
