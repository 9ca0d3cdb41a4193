@preconcurrency import CGSL
import Foundation

/// Coherent elastic neutrino-nucleus scattering at COHERENT (CsI[Na], 2017) with a Z_D: the ratio of
/// the number of events to the Standard-Model number in the analysis window (paper sec. 4.8;
/// docs/neutrino.md §2).
///
/// Cross section (spin-0 nucleus of mass M, recoil energy T, Q^2 = 2 M T):
///   dsigma/dT = (G_F^2 M/pi) (1 - T/E - M T/(2 E^2)) Q_w^2 F^2(Q^2),   Q_w = Z g_V^p + N g_V^n,
/// g_V^p = 1/2 - 2 s_W^2, g_V^n = -1/2 (tree level). The Z_D, coupled to nu_L with g_nu = (g/c_W) eps_Z/2
/// and to quarks with vector couplings v_u, v_d (`DarkBosonCouplings`, which include the e eps Q_q part),
/// is exchanged in the t channel and shifts each quark's g_V by g_nu v_q / (sqrt 2 G_F (Q^2 + M_ZD^2)):
///   Q_w -> Q_w + g_nu [Z (2 v_u + v_d) + N (v_u + 2 v_d)] / (sqrt 2 G_F (Q^2 + M_ZD^2)),
/// the same for every neutrino flavour and for antineutrinos. The SNS flux is the pi+ decay-at-rest
/// spectrum: prompt nu_mu at E = (m_pi^2 - m_mu^2)/(2 m_pi), delayed nu_e and nu_mu-bar with the Michel
/// spectra 192/m (E/m)^2 (1/2 - E/m) and 64/m (E/m)^2 (3/4 - E/m), m = m_mu, one of each per pion.
/// Cs and I nuclei are equally many. The rate is integrated over a sharp recoil window (one bin; the
/// data file gives it) with Gauss-Legendre nodes (GSL's glfixed, 40 per piece, split where the prompt
/// line ends), so the ratio at a point is a fixed sum without allocation.
public struct CoherentScattering: Sendable {
    struct Nucleus: Sendable {
        let protons: Double, neutrons: Double, mass: Double
        let weakChargeSM: Double
        /// Q^2 at the nodes and the weights (Gauss-Legendre x flux-averaged dsigma/dT without Q_w^2).
        let q2: [Double]
        let weights: [Double]
    }

    let nuclei: [Nucleus]
    let sqrt2GF: Double
    /// sum over nuclei and nodes of weight x Q_w^2: the Standard-Model rate (arbitrary units).
    let rateSM: Double
    /// The recoil window (GeV).
    public let recoilWindow: (min: Double, max: Double)

    public init(inputs: FlavorInputs, scattering s: NeutrinoScatteringInputs) throws {
        _ = gslReturnsErrorCodes
        sqrt2GF = 2.0.squareRoot() * inputs.fermiConstant
        let mMu = inputs.massMuon, mPi = try inputs.value("m_pi_plus")
        let prompt = (mPi * mPi - mMu * mMu) / (2 * mPi)
        let qf = try s.value("coherent_quenching_factor"), ly = try s.value("coherent_light_yield")
        let tMin = try s.value("coherent_pe_min") / ly / qf * 1e-6   // keVnr -> GeV
        let tMax = try s.value("coherent_pe_max") / ly / qf * 1e-6
        recoilWindow = (tMin, tMax)
        let gVp = 0.5 - 2 * inputs.sin2ThetaW, gVn = -0.5
        var nuclei: [Nucleus] = []
        for prefix in ["cs", "i"] {
            let z = try s.value("\(prefix)_Z"), n = try s.value("\(prefix)_N"), mass = try s.value("\(prefix)_mass")
            let helm = try s.helm(massNumber: z + n)
            // split the window where the prompt line ends, T = 2E^2/(M + 2E)
            let tPrompt = 2 * prompt * prompt / (mass + 2 * prompt)
            var edges = [tMin]
            if tPrompt > tMin && tPrompt < tMax { edges.append(tPrompt) }
            edges.append(tMax)
            var q2: [Double] = [], weights: [Double] = []
            let table = gsl_integration_glfixed_table_alloc(40)!
            defer { gsl_integration_glfixed_table_free(table) }
            for piece in 0..<(edges.count - 1) {
                for i in 0..<40 {
                    var t = 0.0, w = 0.0
                    gsl_integration_glfixed_point(edges[piece], edges[piece + 1], i, &t, &w, table)
                    let ff = helm(q2: 2 * mass * t)
                    let flux = Self.fluxAveragedKinematics(recoil: t, nucleusMass: mass, promptEnergy: prompt, muonMass: mMu)
                    q2.append(2 * mass * t)
                    weights.append(w * mass * ff * ff * flux)
                }
            }
            nuclei.append(Nucleus(protons: z, neutrons: n, mass: mass, weakChargeSM: z * gVp + n * gVn, q2: q2, weights: weights))
        }
        self.nuclei = nuclei
        rateSM = nuclei.reduce(0) { total, nuc in
            total + nuc.weights.reduce(0) { $0 + $1 * nuc.weakChargeSM * nuc.weakChargeSM }
        }
    }

    /// sum over flavours of ∫ dE f(E) (1 - T/E - M T/(2 E^2)) over E able to give recoil T.
    static func fluxAveragedKinematics(recoil t: Double, nucleusMass mass: Double, promptEnergy: Double, muonMass m: Double) -> Double {
        func kinematic(_ e: Double) -> Double { max(0, 1 - t / e - mass * t / (2 * e * e)) }
        let eMin = (t + (t * t + 2 * mass * t).squareRoot()) / 2
        var total = promptEnergy >= eMin ? kinematic(promptEnergy) : 0
        let eMax = m / 2
        guard eMin < eMax else { return total }
        final class Box { let f: (Double) -> Double; init(_ f: @escaping (Double) -> Double) { self.f = f } }
        let box = Box { e in
            let x = e / m
            let delayed = 192 / m * x * x * (0.5 - x) + 64 / m * x * x * (0.75 - x)
            return delayed * kinematic(e)
        }
        let workspace = gsl_integration_workspace_alloc(200)
        defer { gsl_integration_workspace_free(workspace) }
        var function = gsl_function(function: { x, params in
            Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
        }, params: Unmanaged.passUnretained(box).toOpaque())
        var result = 0.0, error = 0.0
        gsl_integration_qag(&function, eMin, eMax, 0, 1e-10, 200, Int32(GSL_INTEG_GAUSS21), workspace, &result, &error)
        total += result
        return total
    }

    /// The Z_D's weak-charge shift of each nucleus per unit coupling, c = g_nu [Z (2 v_u + v_d) + N (v_u + 2 v_d)] / (sqrt 2 G_F).
    func chargeShift(_ nucleus: Int, neutrinoCoupling gNu: Double, vectorUp vUp: Double, vectorDown vDown: Double) -> Double {
        let nuc = nuclei[nucleus]
        return gNu * (nuc.protons * (2 * vUp + vDown) + nuc.neutrons * (vUp + 2 * vDown)) / sqrt2GF
    }

    /// The mass moments of nucleus `n` over the window's nodes: B = sum_k w_k Q_w^SM / (Q_k^2 + M^2) and
    /// C = sum_k w_k / (Q_k^2 + M^2)^2, so that its rate is sum_k w_k Q_w^SM^2 + 2 c B + c^2 C exactly.
    func massMoments(_ n: Int, mass: Double) -> (b: Double, c: Double) {
        let nuc = nuclei[n], m2 = mass * mass
        var b = 0.0, c = 0.0
        for k in nuc.weights.indices {
            let f = 1 / (nuc.q2[k] + m2)
            b += nuc.weights[k] * nuc.weakChargeSM * f
            c += nuc.weights[k] * f * f
        }
        return (b, c)
    }

    /// The Standard-Model rate of nucleus n, sum_k w_k Q_w^SM^2.
    func standardModelRate(_ n: Int) -> Double {
        nuclei[n].weights.reduce(0) { $0 + $1 * nuclei[n].weakChargeSM * nuclei[n].weakChargeSM }
    }

    /// N/N_SM in the window for a Z_D of mass M (GeV) with coupling gNu to nu_L and vector couplings
    /// vUp, vDown to u and d quarks.
    public func ratio(mass: Double, neutrinoCoupling gNu: Double, vectorUp vUp: Double, vectorDown vDown: Double) -> Double {
        let m2 = mass * mass
        var rate = 0.0
        for (n, nuc) in nuclei.enumerated() {
            let charge = chargeShift(n, neutrinoCoupling: gNu, vectorUp: vUp, vectorDown: vDown)
            for k in nuc.weights.indices {
                let qw = nuc.weakChargeSM + charge / (nuc.q2[k] + m2)
                rate += nuc.weights[k] * qw * qw
            }
        }
        return rate / rateSM
    }

    /// The ratio at a parameter point.
    public func ratio(_ point: DarkBosonPoint) -> Double {
        let c = point.couplings
        return ratio(mass: point.parameters.mZD, neutrinoCoupling: c.neutrinoLeft, vectorUp: c.up.vector, vectorDown: c.down.vector)
    }

    /// The flux- and window-averaged momentum transfer <Q^2> of the Standard-Model events (GeV^2).
    public var meanMomentumTransfer2: Double {
        var num = 0.0
        for nuc in nuclei { for k in nuc.weights.indices { num += nuc.weights[k] * nuc.weakChargeSM * nuc.weakChargeSM * nuc.q2[k] } }
        return num / rateSM
    }
}
