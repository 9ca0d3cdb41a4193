/// Covariance of a Gaussian Metropolis proposal: isotropic, axis-aligned or general, as emcee's
/// `GaussianMove(cov)` with a scalar, vector or matrix.
public enum ProposalCovariance: Sendable, Equatable {
    /// σ² times the identity.
    case isotropic(variance: Double)
    /// Per-parameter variances.
    case diagonal(variances: [Double])
    /// A full symmetric positive semi-definite matrix, rows of equal length.
    case full([[Double]])
}
