import DataFiles
import Foundation
import Numerics

/// The production of a light vector boson X at an experiment relative to a dark photon's, as DarkCast
/// computes it (Ilten, Soreq, Williams, Xue, arXiv:1801.04847 eq. 2.12):
///   sigma_X / sigma_A'(eps = 1) = sum_i f_i(m) sigma_i(X) / sigma_i(A'),
/// f_i the fraction of the dark photon's production through mechanism i at mass m (a Monte Carlo
/// table for the experiment) and sigma_i up to a factor common to X and A':
///   vector-meson mixing V (eq. 2.11):         Tr[T_V Q_v]^2,
///   meson decay P -> B + X (eqs. 2.7-2.10):   |sum_V Tr[T_P T_B T_V] Tr[T_V Q_v] BW_V(m)|^2,
///   Drell-Yan q q-bar -> X (eq. 2.3):         v_q^2 + a_q^2,
/// with Q_v = diag(v_u, v_d, v_s) the vector quark couplings. The axial couplings, which DarkCast does
/// not model, enter only Drell-Yan: a vector meson (J^PC = 1--) mixes only with a vector current, and
/// P -> gamma X or V -> P X through an axial current would break C; massless quarks add the chiralities
/// as v^2 + a^2 (docs/physics.md §8). Rows of the table are divided by their sum (DarkCast's LHCb table
/// sums to 0.90-1.01).
public struct DarkCastProduction: Sendable {
    public enum Mechanism: Sendable, Equatable {
        case vectorMixing(String)
        case mesonDecay(parent: String, daughter: String)
        case drellYan(String)

        /// DarkCast's column names: rho0, eta_gamma, u_u, ...
        init(darkCastName name: String) throws {
            let parts = name.split(separator: "_").map(String.init)
            switch parts.count {
            case 1 where ["rho0", "omega", "phi"].contains(name): self = .vectorMixing(name)
            case 2 where parts[0] == parts[1] && ["u", "d", "s", "c", "b"].contains(parts[0]): self = .drellYan(parts[0])
            case 2 where FlavourDiagonal.named(parts[0]) != nil && FlavourDiagonal.named(parts[1]) != nil:
                self = .mesonDecay(parent: parts[0], daughter: parts[1])
            default:
                throw DataFileError(file: "production table", field: name, message: "unknown production mechanism")
            }
        }
    }

    /// What one mechanism needs at a point, built once.
    enum Amplitude: Sendable {
        case mixing(FlavourDiagonal)
        /// sum_V c_V Tr[T_V Q_v] BW_V(m): the three vector mesons' coefficients and resonances.
        case decay([(coefficient: Double, generator: FlavourDiagonal, resonance: RunningBreitWigner)])
        case drellYan(QuarkCurrent.Quark)
    }

    public let mechanisms: [Mechanism]
    let amplitudes: [Amplitude]
    /// The table's masses (GeV), increasing.
    public let masses: [Double]
    /// fractions[row * mechanisms.count + i], each row divided by its sum.
    let fractions: [Double]
    /// The unit dark photon's sigma_i where it does not depend on the mass (nil for meson decays).
    let darkPhotonSigma: [Double?]
    let darkPhoton: QuarkCurrent

    /// Loads a DarkCast production table (first column mass, then one column per mechanism as named on
    /// its "# columns:" comment line) with the resonances of data/darkcast/resonances.csv.
    public init(contentsOf path: String, resonances: [String: RunningBreitWigner], electricCharge: Double) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DataFileError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard let header = text.split(separator: "\n").first(where: { $0.hasPrefix("# columns:") }) else {
            throw DataFileError(file: path, message: "no '# columns:' line naming the mechanisms")
        }
        let names = header.dropFirst("# columns:".count).split(separator: " ").map(String.init)
        guard names.first == "mass", names.count >= 2 else {
            throw DataFileError(file: path, message: "the first column must be 'mass'")
        }
        mechanisms = try names.dropFirst().map { try Mechanism(darkCastName: $0) }
        let table = try NumericTable(text: text, file: path, columns: names.count)
        masses = table.column(0)
        for k in 1..<masses.count where !(masses[k] > masses[k - 1]) {
            throw DataFileError(file: path, message: "masses must increase (\(masses[k]) after \(masses[k - 1]))")
        }
        var fractions: [Double] = []
        for row in table.rows {
            let sum = row.dropFirst().reduce(0, +)
            guard sum > 0 else { throw DataFileError(file: path, message: "a row at \(row[0]) GeV has no production") }
            fractions += row.dropFirst().map { $0 / sum }
        }
        self.fractions = fractions
        amplitudes = try mechanisms.map { mechanism in
            switch mechanism {
            case .vectorMixing(let v): return .mixing(FlavourDiagonal.named(v)!)
            case .drellYan(let q): return .drellYan(QuarkCurrent.Quark(rawValue: q)!)
            case let .mesonDecay(parent, daughter):
                let tP = FlavourDiagonal.named(parent)!, tB = FlavourDiagonal.named(daughter)!
                var terms: [(coefficient: Double, generator: FlavourDiagonal, resonance: RunningBreitWigner)] = []
                for v in ["rho0", "omega", "phi"] {
                    let tV = FlavourDiagonal.named(v)!, c = FlavourDiagonal.trace(tP, tB, tV)
                    guard c != 0 else { continue }
                    guard let bw = resonances[v] else {
                        throw DataFileError(file: "resonances.csv", field: v, message: "needed for \(parent) -> \(daughter) X")
                    }
                    terms.append((c, tV, bw))
                }
                return .decay(terms)
            }
        }
        darkPhoton = .darkPhoton(electricCharge: electricCharge)
        darkPhotonSigma = amplitudes.map { a in
            if case .decay = a { return nil }
            return Self.sigma(a, mass: 1, darkPhoton: .darkPhoton(electricCharge: electricCharge))
        }
    }

    /// DarkCast's LHCb prompt production (data/darkcast/limits/LHCb_Aaij2017rft.prd).
    public static func lhcbPrompt(electricCharge: Double) throws -> DarkCastProduction {
        try DarkCastProduction(contentsOf: DataDirectory.path(of: "darkcast/limits/LHCb_Aaij2017rft.prd"),
                               resonances: RunningBreitWigner.table(), electricCharge: electricCharge)
    }

    static func sigma(_ a: Amplitude, mass m: Double, darkPhoton c: QuarkCurrent) -> Double {
        switch a {
        case .mixing(let t):
            let x = t.trace(vector: c)
            return x * x
        case .decay(let terms):
            var sum = Complex<Double>.zero
            for term in terms { sum = sum + Complex(term.coefficient * term.generator.trace(vector: c), 0) * term.resonance(m) }
            return sum.lengthSquared
        case .drellYan(let q):
            let x = c[q]
            return x.vector * x.vector + x.axial * x.axial
        }
    }

    /// The mechanism fractions at mass m (linear between the table's rows, the end rows outside),
    /// as a row index and weight: f_i(m) = (1 - w) f[row][i] + w f[row + 1][i].
    func row(at m: Double) -> (row: Int, weight: Double) {
        let n = masses.count
        if m <= masses[0] { return (0, 0) }
        if m >= masses[n - 1] { return (n - 2, 1) }
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if masses[mid] <= m { lo = mid } else { hi = mid }
        }
        return (lo, (m - masses[lo]) / (masses[lo + 1] - masses[lo]))
    }

    /// The dark photon's fraction of production through mechanism i at mass m.
    public func fraction(_ i: Int, mass m: Double) -> Double {
        let (r, w) = row(at: m), k = mechanisms.count
        return (1 - w) * fractions[r * k + i] + w * fractions[(r + 1) * k + i]
    }

    /// sigma_X / sigma_A' at unit mixing, for quark couplings c at mass m. No allocation.
    public func ratio(mass m: Double, couplings c: QuarkCurrent) -> Double {
        let (r, w) = row(at: m), k = mechanisms.count
        var total = 0.0
        for i in 0..<k {
            let f = (1 - w) * fractions[r * k + i] + w * fractions[(r + 1) * k + i]
            guard f > 0 else { continue }
            let a = amplitudes[i]
            let reference = darkPhotonSigma[i] ?? Self.sigma(a, mass: m, darkPhoton: darkPhoton)
            guard reference > 0 else { continue }
            total += f * Self.sigma(a, mass: m, darkPhoton: c) / reference
        }
        return total
    }
}

extension FlavourDiagonal {
    /// DarkCast's names of the generators (pars.tms).
    static func named(_ name: String) -> FlavourDiagonal? {
        switch name {
        case "gamma": return .photon
        case "rho0": return .rho
        case "pi0": return .pion
        case "omega": return .omega
        case "phi": return .phi
        case "eta": return .eta
        default: return nil
        }
    }
}
