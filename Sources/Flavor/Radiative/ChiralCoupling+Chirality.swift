extension ChiralCoupling {
    /// The coupling to the left-chiral fermion, g_L = vector - axial.
    ///
    /// With L ⊃ Z_D^mu f-bar gamma_mu (v + a gamma_5) f and gamma_5 f_L = -f_L (P_L = (1 - gamma_5)/2, the
    /// chirality of the V - A charged current), L ⊃ Z_D^mu [(v - a) f-bar_L gamma_mu f_L + (v + a) f-bar_R gamma_mu f_R].
    /// This is the g_L = g_V - g_A of eq. 4.27 evaluated with darkz's (v, a) (docs/physics.md §6). For the
    /// mixing part of a charged lepton it is (g/c_W) eps_Z (-1/2 + s_W^2) - e eps, the left-handed Z coupling.
    @inlinable public var left: Double { vector - axial }

    /// The coupling to the right-chiral fermion, g_R = vector + axial (eq. 4.27's g_R with darkz's (v, a)).
    @inlinable public var right: Double { vector + axial }
}
