/// What a binned measurement reports.
public enum BinnedQuantity: String, Sendable, Codable {
    /// The differential branching fraction dB/dq^2 averaged over the bin, in GeV^-2.
    case differentialBranchingFraction = "dBdq2"
    /// The branching fraction integrated over the bin.
    case branchingFraction = "B"
    /// A lepton-universality ratio R = B(mu mu)/B(e e) of one hadronic mode in the bin (R_K, R_K*);
    /// the row's `decay` names the muon mode.
    case ratio = "R"

    /// The quantities a table may carry, for error messages.
    public static let supported = "dBdq2, B or R"
}

/// One error component as printed, `+up -down`, both stored as non-negative magnitudes.
public struct ErrorComponent: Sendable, Equatable, Codable {
    public let up: Double
    public let down: Double

    public init(up: Double, down: Double) {
        self.up = up
        self.down = down
    }

    /// The symmetrised size, the mean of up and down.
    public var mean: Double { 0.5 * (up + down) }
}

/// One row of the binned b -> s l+ l- table (paper table 1). All numbers are physical, the
/// printed scale factor already applied; `scale` is kept so tables can be printed as in the paper.
public struct Measurement: Sendable, Equatable {
    public let name: String
    public let decay: String
    /// The reference number of the paper's bibliography.
    public let reference: String
    public let quantity: BinnedQuantity
    /// Bin edges in GeV^2.
    public let q2Min: Double
    public let q2Max: Double
    /// The factor the printed numbers carry (1e-8, 1e-7, ...).
    public let scale: Double
    public let value: Double
    /// Experimental error components (statistical, systematic, normalisation, ...).
    public let errors: [ErrorComponent]
    /// The Standard-Model expectation and its uncertainty.
    public let sm: Double
    public let smError: Double
    public let lepton: Lepton
    /// A key unique in its table: the `id` column, or "name[q2Min,q2Max]" without one.
    public let id: String
    /// The group of rows whose experimental errors are correlated (`correlation` column), or nil.
    public let correlationGroup: String?

    public init(name: String, decay: String, reference: String, quantity: BinnedQuantity,
                q2Min: Double, q2Max: Double, scale: Double, value: Double,
                errors: [ErrorComponent], sm: Double, smError: Double, lepton: Lepton,
                id: String? = nil, correlationGroup: String? = nil) {
        self.name = name
        self.decay = decay
        self.reference = reference
        self.quantity = quantity
        self.q2Min = q2Min
        self.q2Max = q2Max
        self.scale = scale
        self.value = value
        self.errors = errors
        self.sm = sm
        self.smError = smError
        self.lepton = lepton
        self.id = id ?? "\(name)[\(q2Min),\(q2Max)]"
        self.correlationGroup = correlationGroup
    }

    /// The experimental error for a prediction under the given convention: the quadrature sum
    /// of all components, each symmetrised (`mean`) or taken on the side of the prediction
    /// (`side`: the up error when the prediction lies above the measurement, else the down error).
    public func experimentalError(convention: ErrorConvention, prediction: Double) -> Double {
        var sum = 0.0
        for component in errors {
            let size: Double
            switch convention {
            case .mean: size = component.mean
            case .side: size = prediction >= value ? component.up : component.down
            }
            sum += size * size
        }
        return sum.squareRoot()
    }
}

/// How asymmetric experimental errors enter the chi^2 of eq. 5.1.
public enum ErrorConvention: String, Sendable, Codable, CaseIterable {
    /// Each component symmetrised as the mean of its up and down errors (the default).
    case mean
    /// The up or down error according to the side on which the prediction lies.
    case side
}
