import DataFiles
import Foundation

/// Hadronic widths of a light vector boson with vector couplings x_u, x_d, x_s to quarks, from
/// DarkCast's data-driven vector-meson-dominance tables (Ilten, Soreq, Williams, Xue,
/// arXiv:1801.04847; data/darkcast/vmd, README there):
///   Gamma(X -> F) = sum_S m/(12 pi) W_S R_S(m),
///   W_V = (r_V Tr[Q T_V])^2 for one meson, W_{VV'} = 2 (r_V Tr[Q T_V]) (r_V' Tr[Q T_V']) for a pair,
/// with Q = diag(x_u, x_d, x_s). For a dark photon (x_q = e Q_q) this is Gamma(mu mu) x R(e+e- -> F).
public struct VectorMesonDominance: Sendable {
    /// The vector-meson sets a table belongs to.
    public enum MesonSet: Sendable, Equatable {
        case single(Meson)
        case pair(Meson, Meson)
    }

    /// rho0, omega, phi with their U(3) generator and prefactor (DarkCast).
    public enum Meson: Sendable, Equatable {
        case rho, omega, phi

        /// r_V Tr[Q T_V] for quark couplings (x_u, x_d, x_s).
        func amplitude(_ xu: Double, _ xd: Double, _ xs: Double) -> Double {
            switch self {
            case .rho: return 2 * (xu - xd) / 2
            case .omega: return 6 * (xu + xd) / 2
            case .phi: return 3 * 2.0.squareRoot() * xs / 2.0.squareRoot()
            }
        }
    }

    public struct Channel: Sendable {
        public let finalState: String
        public let mesons: MesonSet
        public let r: TabulatedFunction
    }

    public let channels: [Channel]

    /// The table files and the sets they belong to, as DarkCast names them.
    public static let tableFiles: [(file: String, finalState: String, mesons: MesonSet)] = [
        ("rf.pi+_pi-.rho0.dat", "pi+ pi-", .single(.rho)),
        ("rf.pi+_pi-_pi+_pi-.rho0.dat", "2pi+ 2pi-", .single(.rho)),
        ("rf.pi+_pi-_pi0_pi0.rho0.dat", "pi+ pi- 2pi0", .single(.rho)),
        ("rf.pi+_pi-_pi0.omega.dat", "pi+ pi- pi0", .single(.omega)),
        ("rf.pi+_pi-_pi0.phi.dat", "pi+ pi- pi0", .single(.phi)),
        ("rf.pi+_pi-_pi0.omega_phi.dat", "pi+ pi- pi0", .pair(.omega, .phi)),
        ("rf.pi0_gamma.omega.dat", "pi0 gamma", .single(.omega)),
        ("rf.K_K.phi.dat", "K K", .single(.phi)),
        ("rf.K_K_pi.phi.dat", "K K pi", .single(.phi)),
        ("rf.other.rho0.dat", "other", .single(.rho)),
        ("rf.other.omega.dat", "other", .single(.omega)),
        ("rf.other.phi.dat", "other", .single(.phi)),
    ]

    /// Loads every table from `directory` (default: data/darkcast/vmd).
    public init(directory: String? = nil) throws {
        let folder = try directory ?? {
            let anyFile = try DataDirectory.path(of: "darkcast/vmd/" + Self.tableFiles[0].file)
            return (anyFile as NSString).deletingLastPathComponent
        }()
        channels = try Self.tableFiles.map { entry in
            Channel(finalState: entry.finalState, mesons: entry.mesons,
                    r: try TabulatedFunction(contentsOf: folder + "/" + entry.file))
        }
    }

    /// The weight W_S of a meson set for quark vector couplings (x_u, x_d, x_s).
    static func weight(_ set: MesonSet, _ xu: Double, _ xd: Double, _ xs: Double) -> Double {
        switch set {
        case .single(let v):
            let a = v.amplitude(xu, xd, xs)
            return a * a
        case .pair(let v, let w):
            return 2 * v.amplitude(xu, xd, xs) * w.amplitude(xu, xd, xs)
        }
    }

    /// The hadronic width (GeV) at mass m for quark vector couplings.
    public func width(mass m: Double, up xu: Double, down xd: Double, strange xs: Double) -> Double {
        var sum = 0.0
        channels.withUnsafeBufferPointer { channels in
            for k in channels.indices { sum += Self.weight(channels[k].mesons, xu, xd, xs) * channels[k].r(m) }
        }
        return m / (12 * Double.pi) * sum
    }

    /// sum over all tables of R_S(m) weighted for a unit-charge dark photon: R(e+e- -> hadrons)
    /// of DarkCast at m.
    public func ratioR(mass m: Double) -> Double {
        width(mass: m, up: 2.0 / 3, down: -1.0 / 3, strange: -1.0 / 3) / (m / (12 * Double.pi))
    }
}
