/// The weak charges of the paper's sec. 4.7: the proton's, measured by Qweak in parity-violating
/// e p scattering, and 133Cs's, from atomic parity violation (eq. 4.33).
public enum WeakChargeTarget: String, Sendable, Codable, CaseIterable {
    case proton
    case cesium133
}
