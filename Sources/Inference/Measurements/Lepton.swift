/// The charged-lepton flavour of a b -> s l+ l- measurement.
public enum Lepton: String, Sendable, Codable, CaseIterable {
    case electron = "e"
    case muon = "mu"
}
