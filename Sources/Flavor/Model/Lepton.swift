/// The charged-lepton flavours of the b -> s l+ l- data (and of Z_D decays below 2 GeV).
public enum Lepton: String, Sendable, Codable, CaseIterable {
    case electron = "e"
    case muon = "mu"
}
