import Ensemble
import Flavor
import Foundation
import Inference

/// The `meta` block of the JSON of constraints, predict, chi2, bestfit, diagnose and credible: what
/// the numbers are (units, what a bound or a chi^2 means), the priors and the convergence thresholds
/// used, so that a script need not read the README. Added beside a report's keys (``WithMeta``).
struct JSONMeta: Encodable {
    /// A prior as the priors file gives it, in the parameter's unit, and the variable it is sampled in.
    struct Prior: Encodable {
        /// uniform, log-uniform or fixed.
        let prior: String
        let min: Double?
        let max: Double?
        let value: Double?
        let unit: String
        /// log10(name) for log-uniform priors; null when fixed.
        let sampled_as: String?
        let sampled_bounds: [Double]?

        init(_ p: ParameterPrior) {
            unit = JSONMeta.parameterUnits[p.name] ?? "1"
            switch p.distribution {
            case let .uniform(a, b): (prior, min, max, value) = ("uniform", a, b, nil)
            case let .logUniform(a, b): (prior, min, max, value) = ("log-uniform", a, b, nil)
            case let .fixed(v): (prior, min, max, value) = ("fixed", nil, nil, v)
            }
            let bounds = p.distribution.sampledBounds
            sampled_as = p.distribution.isFree ? p.sampledName : nil
            sampled_bounds = p.distribution.isFree ? [bounds.lowerBound, bounds.upperBound] : nil
        }
    }

    struct Priors: Encodable {
        let file: String
        let model_case: String
        /// Leptons of the binned rows in the fit (data.leptons).
        let leptons: [String]
        let parameters: [String: Prior]

        init(_ file: PriorsFile) {
            self.file = file.source
            model_case = file.modelCase.rawValue
            leptons = Lepton.allCases.filter(file.leptons.contains).map(\.rawValue)
            parameters = Dictionary(uniqueKeysWithValues: file.parameters.map { ($0.name, Prior($0)) })
        }
    }

    /// One constraint: what it predicts, in which unit, and its row's statistical form and CL.
    struct Constraint: Encodable {
        let quantity: String
        let unit: String
        let kind: String
        let form: String
        let cl: Double
    }

    /// The limits of the convergence verdict (``VerdictThresholds``) and the stuck-walker rules.
    struct Convergence: Encodable {
        let minimum_steps_per_tau: Double
        let maximum_relative_tau_change: Double
        let maximum_rhat: Double
        let minimum_ess_bulk: Double
        let minimum_ess_tail: Double
        /// Between adjacent temperatures, tempered runs only.
        let minimum_swap_acceptance: Double
        let stuck_walkers: String
        let default_burn_in: String

        init(_ t: VerdictThresholds) {
            minimum_steps_per_tau = t.minimumStepsPerTau
            maximum_relative_tau_change = t.maximumRelativeTauChange
            maximum_rhat = t.maximumRHat
            minimum_ess_bulk = t.minimumEffectiveSampleSize
            minimum_ess_tail = t.minimumEffectiveSampleSize
            minimum_swap_acceptance = t.minimumSwapAcceptance
            stuck_walkers = "acceptance fraction 0 or below 1/5 of the median, or median log-prob more than max(10, 5 sqrt(d/2)) below the median of the walkers' medians"
            default_burn_in = "a tempered run's ladder adaptation, then twice the largest tau (at most half the steps)"
        }
    }

    let command: String
    let units: [String: String]
    /// What a null number means.
    let null: String
    /// What keys mean where the name alone does not say.
    var keys: [String: String]?
    var constraint_kinds: [String: String]?
    var constraints: [String: Constraint]?
    var priors: Priors?
    var convergence: Convergence?

    init(command: String, units: [String: String], keys: [String: String]? = nil) {
        self.command = command
        self.units = Self.parameterUnits.merging(units) { $1 }
        self.keys = keys
        null = "a number that is not defined here (NaN, e.g. a constraint that does not apply) or not finite"
    }

    /// The unit of every model parameter (JSON `parameters`, priors files).
    static let parameterUnits = [
        "mZD": "GeV", "epsilon": "1", "epsilonZ": "1", "gMu": "1",
        "invisibleFraction": "1 (a fraction of the Z_D -> nu nu-bar width)",
    ]

    /// Units of the binned rows (predict, chi2).
    static let rowUnits = [
        "q2_min": "GeV^2", "q2_max": "GeV^2",
        "measured, sm, prediction, sigma_exp, sigma_sm": "physical units of the row's quantity, not multiplied by scale: dBdq2 in GeV^-2, B and R pure numbers",
        "scale": "the factor the table prints a row's numbers in (measured / scale is the printed value)",
        "chi2, pull": "1",
    ]

    /// What `kind` says about `bound`, `chi2`, `pull` and `excluded` (ConstraintForm).
    static let constraintKinds = [
        "measurement": "bound is the measured value (or the expected one, e.g. 0 for a shift or a ratio minus one) in the constraint's unit; pull = (prediction - bound)/sigma with the error on the prediction's side and theory errors in quadrature; chi2 = pull^2; excluded when |pull| exceeds the two-sided z of cl (0.9545: 2, 0.9973: 3)",
        "upper limit": "bound is the upper limit on the prediction at confidence level cl (a limit curve's value at this M_ZD); pull = max(prediction, 0) z / bound, z the one-sided quantile of cl (0.90: 1.2816); chi2 = pull^2; excluded when prediction > bound",
    ]

    /// The row of every constraint of `set`, by name.
    static func constraints(_ set: ConstraintSet) -> [String: Constraint] {
        Dictionary(uniqueKeysWithValues: set.constraints.map { c in
            let entry = set.data.entries[c.name]!
            return (c.name, Constraint(quantity: c.summary, unit: entry.unit, kind: entry.kind, form: entry.formName, cl: entry.cl))
        })
    }
}

extension JSONMeta {
    static func constraints(set: ConstraintSet, priors: PriorsFile) -> JSONMeta {
        var meta = JSONMeta(command: "constraints", units: [
            "prediction, bound": "the constraint's unit: meta.constraints.<name>.unit",
        ], keys: [
            "chi2_total": "the sum of the listed constraints' chi2",
            "cl": "the confidence level at which the constraint excludes",
            "applies": "false where the constraint does not apply (e.g. M_ZD outside a limit curve's range or below a threshold): prediction and bound null, chi2 and pull 0, excluded false",
        ])
        meta.constraint_kinds = constraintKinds
        meta.constraints = constraints(set)
        meta.priors = Priors(priors)
        return meta
    }

    static func predict(priors: PriorsFile?) -> JSONMeta {
        var meta = JSONMeta(command: "predict", units: rowUnits, keys: [
            "fit": "the rows of the fit (the priors file's data.leptons; case C: the muon rows) and their chi2 at the point and in the SM: the chi2 a sampler of this priors file sees from the binned data",
            "chi2_all, chi2_sm_all": "every row of the table, also rows the fit leaves out",
            "chi2_muon, chi2_sm_muon": "the muon rows",
            "observables.in_fit": "whether the row enters the fit",
            "pull": "(prediction - measured)/sigma, sigma the experimental and SM errors in quadrature",
        ])
        meta.priors = priors.map(Priors.init)
        return meta
    }

    static func chi2() -> JSONMeta {
        JSONMeta(command: "chi2", units: rowUnits, keys: [
            "chi2_all, n_all, p_value_all": "every row of the table, predicted by its SM expectation",
            "chi2_muon, n_muon, p_value_muon": "the muon rows",
            "errors": "mean: each asymmetric error component symmetrised; side: the error on the side of the prediction",
        ])
    }

    static func bestfit(priors: PriorsFile) -> JSONMeta {
        var meta = JSONMeta(command: "bestfit", units: [:], keys: [
            "chi2_min": "the smallest chi2 of the fit's binned rows plus the constraints in its likelihood, over the priors' box",
            "chi2_sm": "the same chi2 in the SM (all couplings 0)",
            "pull": "sqrt(chi2_sm - chi2_min); null when the minimum is worse than the SM",
        ])
        meta.priors = Priors(priors)
        return meta
    }

    static func diagnose(verdict: ConvergenceVerdict, priors: PriorsFile?) -> JSONMeta {
        var meta = JSONMeta(command: "diagnose", units: [
            "steps, tau_steps, discard, tau, adaptation_steps": "steps",
            "n_over_tau, rhat, ess_bulk, ess_tail, acceptance": "1",
            "mcse_mean": "the unit of the sampled variable",
            "log_prob": "natural log of the posterior density in the sampled variables",
        ], keys: [
            "parameters.name": "the sampled variables: log10(name) for log-uniform priors",
        ])
        meta.convergence = Convergence(verdict.thresholds)
        meta.priors = priors.map(Priors.init)
        return meta
    }

    static func credible(verdict: ConvergenceVerdict, priors: PriorsFile?) -> JSONMeta {
        var meta = JSONMeta(command: "credible", units: [
            "median, equal_tailed, hpd, limits, prior_bounds, profile ranges": "the sampled variable: log10 of the parameter's unit (log10(mZD/GeV)) for log-uniform priors",
            "best_fit.parameters": "the parameters' units",
            "discard": "steps",
        ], keys: [
            "parameters.name": "the sampled variables: log10(name) for log-uniform priors",
            "chi2_sm, pull": "as for bestfit: the SM chi2 of the run's rows and constraints, sqrt(chi2_sm - best sample's chi2) or null",
        ])
        meta.convergence = Convergence(verdict.thresholds)
        meta.priors = priors.map(Priors.init)
        return meta
    }
}

/// A report's JSON with a `meta` key added beside its own keys (which stay as they were).
struct WithMeta<Report: Encodable>: Encodable {
    let report: Report
    let meta: JSONMeta

    init(_ report: Report, _ meta: JSONMeta) {
        self.report = report
        self.meta = meta
    }

    enum Key: String, CodingKey { case meta }

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(meta, forKey: .meta)
    }
}
