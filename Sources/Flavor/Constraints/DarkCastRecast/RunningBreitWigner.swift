import DataFiles
import Numerics

/// DarkCast's running-width Breit-Wigner of a vector resonance (arXiv:1801.04847 eq. A.3), for the
/// vector-meson amplitudes of a meson decay P -> B + X:
///   BW(m) = m_V^2 / (m_V^2 - m^2 - i m_V^2 Gamma_V k(m) / m),
///   k(m) = sum over decay channels c of B_c (p_c(m) / p_c(m_V))^3,
/// p_c the break-up momentum into the channel's two masses (a p wave). Parameters in
/// data/darkcast/resonances.csv.
public struct RunningBreitWigner: Sendable {
    public struct Channel: Sendable, Equatable {
        public let branching, mass1, mass2: Double
    }

    public let mass, width: Double
    public let channels: [Channel]

    public init(mass: Double, width: Double, channels: [Channel]) {
        self.mass = mass
        self.width = width
        self.channels = channels
    }

    /// The resonances of `file` (default data/darkcast/resonances.csv) by name.
    public static func table(contentsOf file: String? = nil) throws -> [String: RunningBreitWigner] {
        let path = try file ?? DataDirectory.path(of: "darkcast/resonances.csv")
        let csv = try CSVTable(contentsOf: path)
        try csv.requireColumns(["meson", "mass", "width", "branching", "mass_1", "mass_2"])
        var rows: [String: (mass: Double, width: Double, channels: [Channel])] = [:]
        for row in csv.rows {
            let name = try csv.text(row, "meson")
            let mass = try csv.number(row, "mass"), width = try csv.number(row, "width")
            let channel = Channel(branching: try csv.number(row, "branching"), mass1: try csv.number(row, "mass_1"),
                                  mass2: try csv.number(row, "mass_2"))
            if let known = rows[name] {
                guard known.mass == mass, known.width == width else {
                    throw DataFileError(file: path, line: row.line, field: name, message: "mass and width differ from the meson's first row")
                }
                rows[name]!.channels.append(channel)
            } else {
                rows[name] = (mass, width, [channel])
            }
        }
        return rows.mapValues { RunningBreitWigner(mass: $0.mass, width: $0.width, channels: $0.channels) }
    }

    /// p^2 (up to the common factor 1/4) of a two-body decay of mass sqrt(s) into m1 + m2.
    static func momentumSquared(_ s: Double, _ m1: Double, _ m2: Double) -> Double {
        (s - (m1 + m2) * (m1 + m2)) * (s - (m1 - m2) * (m1 - m2)) / s
    }

    public func callAsFunction(_ m: Double) -> Complex<Double> {
        let s = m * m, sV = mass * mass
        var k = 0.0
        for c in channels where m > c.mass1 + c.mass2 {
            let ratio = Self.momentumSquared(s, c.mass1, c.mass2) / Self.momentumSquared(sV, c.mass1, c.mass2)
            k += c.branching * ratio * ratio.squareRoot()
        }
        return Complex(sV, 0) / Complex(sV - s, -sV * width * k / m)
    }
}
