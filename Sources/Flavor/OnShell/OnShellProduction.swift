import Numerics

/// The branching fractions B(H1 -> H2 Z_D) of the on-shell, narrow-width term of eq. 2.13, for
/// each decay of the fit, built once and then evaluated per parameter point without allocation:
///
///     let production = try OnShellProduction(rates: rates)                 // once
///     let b = production.branchingFraction(.bPlusToKPlus, mass: M, vertex: F) // per point
///
/// `vertex` is F = F(M^2) of the b -> s Z_D vertex L ⊃ -F (s-bar gamma^mu P_L b) Z_D,mu
/// (`PenguinCoefficients.monopole` at q^2 = M^2; `OnShellProduction+DarkBoson.swift` evaluates it
/// from a parameter point). Widths: `TwoBodyProductionWidths` (eqs. 4.10-4.13 and b -> s Z_D).
///
/// - Exclusive modes reuse the form factors, meson masses, lifetimes and Bs width difference of
///   `SemileptonicRates.exclusiveModels`, so the on-shell and the off-shell terms of eq. 2.13 see
///   the same hadronic inputs. B = Gamma tau / hbar.
/// - Bs -> phi: the rate of the fit is the untagged time-integrated one (`ExclusiveRateModel`), so
///   the on-shell term carries the same time integration, which for the narrow-width limit of that
///   formula reads (y = DeltaGamma_s/(2 Gamma_s), no mixing phase, as there)
///       B = tau_Bs [Gamma_CP-even/(1 + y) + Gamma_CP-odd/(1 - y)],
///   CP-even = longitudinal and parallel (A12, A1), CP-odd = perpendicular (V). At small M the
///   longitudinal amplitude dominates and the factor is close to 1/(1 + y) = 0.94.
/// - B -> X_s: the partonic width b -> s Z_D with the pole mass m_b_pole and m_s = m_s(2 GeV)
///   (a -0.1% effect, O(3 m_s^2/m_b^2); it puts the threshold at m_b - m_s), times the average
///   of the B+ and B0 lifetimes (the inclusive measurements of table 1 come from B+ B- and B0 B0-bar
///   pairs at the Upsilon(4S) in nearly equal numbers). This is a leading-order estimate: the m_b^3
///   makes it uncertain by tens of percent (m_b^MSbar = 4.18 GeV would give (4.18/4.78)^3 = 0.67 times
///   the value).
public struct OnShellProduction: Sendable {
    /// The exclusive modes (all of `SemileptonicDecay` but `.bToXs`).
    public let exclusiveChannels: [SemileptonicDecay: OnShellExclusiveChannel]
    /// The same by `SemileptonicDecay.ordinal` (the inclusive mode's place holds a copy of another
    /// channel, never read), read in place per parameter point: no hashing, and no copy of the channel
    /// (unwrapping an optional element copied it, retaining its form factors' arrays).
    let channelList: ContiguousArray<OnShellExclusiveChannel>
    /// m_b (pole) and m_s for b -> s Z_D.
    public let bottomPoleMass: Double
    public let strangeMass: Double
    /// (tau_B+ + tau_B0)/2 in GeV^-1, the lifetime of B -> X_s.
    public let inclusiveLifetime: Double

    /// Builds every mode from the rates' exclusive models and inputs (m_b_pole, m_s, tau_B_plus,
    /// tau_B0, hbar).
    public init(rates: SemileptonicRates) throws {
        let inputs = rates.inputs
        var channels: [SemileptonicDecay: OnShellExclusiveChannel] = [:]
        for (decay, model) in rates.exclusiveModels {
            channels[decay] = OnShellExclusiveChannel(model)
        }
        for decay in SemileptonicDecay.allCases where !decay.isInclusive && channels[decay] == nil {
            throw OnShellProductionError.missingChannel(decay)
        }
        exclusiveChannels = channels
        let any = channels.values.first!
        channelList = ContiguousArray(SemileptonicDecay.allCases.sorted { $0.ordinal < $1.ordinal }.map { channels[$0] ?? any })
        bottomPoleMass = try inputs.value("m_b_pole")
        strangeMass = inputs.massStrange
        let tauPlus = try inputs.value("tau_B_plus"), tauZero = try inputs.value("tau_B0"), hbar = try inputs.value("hbar")
        inclusiveLifetime = (tauPlus + tauZero) / 2 / hbar
    }

    /// The production with the rates of the data files (`SemileptonicRates.standard()`).
    public static func standard() throws -> OnShellProduction {
        try OnShellProduction(rates: .standard())
    }

    /// Gamma(H1 -> H2 Z_D) in GeV (CP-averaged, no time integration) at Z_D mass `mass` (GeV) and
    /// vertex F(M^2); zero at and above the kinematic limit.
    public func width(_ decay: SemileptonicDecay, mass: Double, vertex: Complex<Double>) -> Double {
        if decay.isInclusive {
            return TwoBodyProductionWidths.quark(vertex: vertex, mass: mass, initialQuarkMass: bottomPoleMass,
                                                 finalQuarkMass: strangeMass)
        }
        return channelList[decay.ordinal].width(mass: mass, vertex: vertex)
    }

    /// B(H1 -> H2 Z_D) at Z_D mass `mass` (GeV) and vertex F(M^2): Gamma tau / hbar, with the
    /// Bs time integration and the inclusive lifetime described above.
    public func branchingFraction(_ decay: SemileptonicDecay, mass: Double, vertex: Complex<Double>) -> Double {
        if decay.isInclusive { return inclusiveLifetime * width(decay, mass: mass, vertex: vertex) }
        // Read through the array, not an unsafe pointer: through a pointer the compiler cannot tell
        // that the element stays unchanged during the call, and copies it (retaining its arrays).
        return channelList[decay.ordinal].branchingFraction(mass: mass, vertex: vertex)
    }
}

extension SemileptonicDecay {
    /// The position in `allCases`, without building the array.
    var ordinal: Int {
        switch self {
        case .bPlusToKPlus: 0
        case .bZeroToKZero: 1
        case .bZeroToKStarZero: 2
        case .bPlusToKStarPlus: 3
        case .bsToPhi: 4
        case .bToXs: 5
        }
    }
}

public enum OnShellProductionError: Error, CustomStringConvertible {
    case missingChannel(SemileptonicDecay)

    public var description: String {
        switch self {
        case .missingChannel(let decay): "the rates have no exclusive model for \(decay.hadrons)"
        }
    }
}

/// One exclusive mode H1 -> H2 Z_D: form factors, masses, lifetime and width difference, taken from
/// the `ExclusiveRateModel` of the same decay.
public struct OnShellExclusiveChannel: Sendable {
    public let hadronic: ExclusiveHadronicModel
    public let initialMass: Double
    public let finalMass: Double
    /// tau in GeV^-1.
    public let lifetime: Double
    /// y = DeltaGamma/(2 Gamma) (0 but for Bs).
    public let widthDifference: Double

    public init(_ model: ExclusiveRateModel) {
        hadronic = model.hadronic
        initialMass = model.initialMass
        finalMass = model.finalMass
        lifetime = model.lifetime
        widthDifference = model.widthDifference
    }

    /// Gamma(H1 -> H2 Z_D) in GeV, eq. 4.10 (B -> P) or 4.11 (B -> V).
    public func width(mass M: Double, vertex: Complex<Double>) -> Double {
        let (even, odd) = cpParts(mass: M, vertex: vertex)
        return even + odd
    }

    /// Gamma tau, with the time integration (CP-even / (1 + y), CP-odd / (1 - y)) when y != 0.
    public func branchingFraction(mass M: Double, vertex: Complex<Double>) -> Double {
        let (even, odd) = cpParts(mass: M, vertex: vertex)
        let y = widthDifference
        return lifetime * (even / (1 + y) + odd / (1 - y))
    }

    /// The width split into the CP-even and CP-odd final states of H2 Z_D (for B -> P all of it is
    /// one partial wave, counted as even; the split matters only for y != 0).
    func cpParts(mass M: Double, vertex: Complex<Double>) -> (even: Double, odd: Double) {
        let mB = initialMass, mM = finalMass
        guard M > 0, M < mB - mM else { return (0, 0) }
        let q2 = M * M
        switch hadronic {
        case .pseudoscalar(let ff):
            let fPlus = ff.fPlus.value(q2: q2, z: ff.z)
            return (TwoBodyProductionWidths.pseudoscalar(vertex: vertex, mass: M, initialMass: mB, finalMass: mM,
                                                         fPlus: fPlus), 0)
        case .vector(let ff):
            let h = BToVectorZDAmplitudes(mass: M, initialMass: mB, finalMass: mM, v: ff.v.value(q2: q2, z: ff.z),
                                          a1: ff.a1.value(q2: q2, z: ff.z), a12: ff.a12.value(q2: q2, z: ff.z))
            let scale = vertex.lengthSquared * h.phaseSpace
            return (scale * h.cpEven, scale * h.cpOdd)
        }
    }
}
