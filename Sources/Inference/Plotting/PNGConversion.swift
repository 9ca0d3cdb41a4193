import Foundation

/// SVG -> PNG with rsvg-convert (Debian/Ubuntu: librsvg2-bin; `make setup` installs it). Plots are
/// always written as SVG; the PNG is a convenience beside it.
public enum PNGConversion {
    public enum Outcome: Equatable, Sendable {
        case written(URL)
        /// Why no PNG was written, as a sentence for the user.
        case skipped(String)
    }

    /// The rsvg-convert executable on PATH, if any.
    public static func converter(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Writes `png` from `svg` at `zoom` times the SVG's size (2 gives a sharp image on screens).
    public static func convert(svg: URL, png: URL, zoom: Double = 2,
                               converter: URL? = PNGConversion.converter()) -> Outcome {
        guard let converter else {
            return .skipped("no PNG: rsvg-convert not found (Debian/Ubuntu: sudo apt-get install librsvg2-bin, or make setup); wrote the SVG only")
        }
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--zoom", String(zoom), "--background-color", "white", "--output", png.path, svg.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .skipped("no PNG: could not run \(converter.path): \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .skipped("no PNG: rsvg-convert failed (exit \(process.terminationStatus))" + (message.isEmpty ? "" : ": " + message))
        }
        return .written(png)
    }
}
