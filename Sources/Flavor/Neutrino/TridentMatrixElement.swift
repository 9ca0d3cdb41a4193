/// Spin-summed squared amplitude of nu_mu(p1) gamma(k) -> nu_mu(p2) mu-(p3) mu+(p4) for a
/// neutrino-muon contact interaction, the hard process of neutrino trident production in the
/// equivalent-photon approximation (docs/neutrino.md §1).
///
/// The interaction is L = -sqrt 2 G_F (nu-bar gamma_alpha P_L nu)(mu-bar gamma^alpha (G_V + G_A gamma_5) mu),
/// with G_V = 1/2 + 2 s_W^2, G_A = -1/2 in the Standard Model (W and Z exchange, the W Fierzed), as in
/// Altmannshofer, Gori, Pospelov, Yavin, arXiv:1406.2332 (the paper's ref. [59]). A light vector
/// exchanged between the two currents makes G_V, G_A depend on Q^2 = -(p1 - p2)^2 only, so the cross
/// section is a quadratic form in G_V(Q^2), G_A(Q^2); this type returns its three pieces,
///   sum |M|^2 = 2 G_F^2 e^2 [G_V^2 vv + G_A^2 aa + G_V G_A va],
/// summed over the muon spins and the two photon polarisations (not averaged). The photon couples to
/// the muon line in the two orderings; the neutrino current J^alpha = u-bar(p2) gamma^alpha P_L u(p1)
/// is built from its tensor L^{alpha beta} = tr[p2-slash gamma^alpha p1-slash gamma^beta P_L] = J^alpha J^beta*,
/// and each piece is tr[(p3-slash + m) A (p4-slash - m) A-bar] with explicit Dirac matrices.
/// Momenta must be in a frame where the photon moves along the z axis (the nu-gamma centre of mass
/// of `TridentKinematics`): the polarisations used are the transverse x and y directions.
struct TridentMatrixElement: Sendable {
    let muonMass: Double

    /// The neutrino current J^alpha (contravariant, up to a phase) from the rank-one tensor L^{alpha beta}.
    static func neutrinoCurrent(p1: LorentzVector, p2: LorentzVector) -> (re: LorentzVector, im: LorentzVector) {
        let pL = 0.5 * (DiracMatrix.identity - DiracMatrix.gamma5)
        let s1 = DiracMatrix.slash(p1), s2 = DiracMatrix.slash(p2)
        let a = DiracMatrix.gammas.map { s2 * $0 }
        let b = DiracMatrix.gammas.map { s1 * $0 * pL }
        var lRe = [[Double]](repeating: [0, 0, 0, 0], count: 4), lIm = lRe
        for alpha in 0..<4 {
            for beta in 0..<4 {
                let t = DiracMatrix.traceOfProduct(a[alpha], b[beta])
                lRe[alpha][beta] = t.re
                lIm[alpha][beta] = t.im
            }
        }
        // J^alpha = L^{alpha beta} Y_beta / sqrt(Y L Y) for a real Y with J.Y != 0; take the best of a few.
        let candidates: [[Double]] = [[1, 0.3, 0.5, 0.7], [0.2, 1, -0.4, 0.1], [0.3, -0.2, 1, 0.6], [0.5, 0.7, 0.1, -1]]
        var best = (norm: -1.0, y: candidates[0])
        for y in candidates {
            var n = 0.0
            for alpha in 0..<4 { for beta in 0..<4 { n += y[alpha] * lRe[alpha][beta] * y[beta] } }
            if n > best.norm { best = (n, y) }
        }
        let scale = 1 / best.norm.squareRoot()
        func component(_ alpha: Int, _ l: [[Double]]) -> Double {
            scale * (0..<4).reduce(0.0) { $0 + l[alpha][$1] * best.y[$1] }
        }
        return (LorentzVector(component(0, lRe), component(1, lRe), component(2, lRe), component(3, lRe)),
                LorentzVector(component(0, lIm), component(1, lIm), component(2, lIm), component(3, lIm)))
    }

    /// The transverse photon polarisations for a photon along z: eps-slash = -gamma^1, -gamma^2 (the
    /// sign cancels in |M|^2).
    static let transversePolarisations = [DiracMatrix.gamma1, DiracMatrix.gamma2]

    /// (vv, aa, va) as defined above, at one phase-space point (photon along z), summed over the given
    /// photon polarisations (eps-slash matrices).
    func pieces(p1: LorentzVector, k: LorentzVector, p2: LorentzVector, p3: LorentzVector, p4: LorentzVector,
                polarisations: [DiracMatrix] = transversePolarisations) -> (vv: Double, aa: Double, va: Double) {
        let m = muonMass
        let j = Self.neutrinoCurrent(p1: p1, p2: p2)
        let jSlash = DiracMatrix.slash(re: j.re, im: j.im)
        let g5 = DiracMatrix.gamma5
        let mass = m * DiracMatrix.identity
        // photon on the mu- line (internal momentum p3 - k) and on the mu+ line (k - p4)
        let sa = (1 / (-2 * (p3 * k))) * (DiracMatrix.slash(p3 - k) + mass)
        let sb = (1 / (-2 * (p4 * k))) * (DiracMatrix.slash(k - p4) + mass)
        let saJ = sa * jSlash, jSb = jSlash * sb
        let saJ5 = saJ * g5, j5Sb = jSlash * g5 * sb
        let p3m = DiracMatrix.slash(p3) + mass, p4m = DiracMatrix.slash(p4) - mass
        var vv = 0.0, aa = 0.0, va = 0.0
        for eps in polarisations {
            let aV = eps * saJ + jSb * eps
            let aA = eps * saJ5 + j5Sb * eps
            let xV = p3m * aV, xA = p3m * aA
            let yV = p4m * aV.bar, yA = p4m * aA.bar
            vv += DiracMatrix.traceOfProduct(xV, yV).re
            aa += DiracMatrix.traceOfProduct(xA, yA).re
            va += 2 * DiracMatrix.traceOfProduct(xV, yA).re
        }
        return (vv, aa, va)
    }
}
