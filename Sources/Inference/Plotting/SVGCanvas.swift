import Foundation

/// A minimal SVG document builder: elements are appended as strings in drawing order (later on
/// top). Plots build on it so that every figure shares the header, font and escaping.
public struct SVGCanvas {
    public let width: Double
    public let height: Double
    public static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    private var elements: [String] = []
    private var definitions: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public mutating func append(_ element: String) { elements.append(element) }
    /// Adds to `<defs>` (clip paths, patterns).
    public mutating func define(_ element: String) { definitions.append(element) }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "black",
                              width: Double = 1, attributes: String = "") {
        append(String(format: "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%@\" stroke-width=\"%.2f\"%@/>",
                      x1, y1, x2, y2, stroke, width, attributes.isEmpty ? "" : " " + attributes))
    }

    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String = "none",
                              stroke: String = "none", attributes: String = "") {
        append(String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%@\" stroke=\"%@\"%@/>",
                      x, y, w, h, fill, stroke, attributes.isEmpty ? "" : " " + attributes))
    }

    /// Path data of polylines; `closed` adds Z to each.
    public static func pathData(_ polylines: [[(Double, Double)]], closed: Bool) -> String {
        polylines.filter { !$0.isEmpty }.map { line in
            "M" + line.map { String(format: "%.2f %.2f", $0.0, $0.1) }.joined(separator: " L") + (closed ? " Z" : "")
        }.joined(separator: " ")
    }

    public var svg: String {
        var out = [String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%@\" font-size=\"12\">",
                          width, height, width, height, Self.fontFamily),
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"]
        if !definitions.isEmpty { out.append("<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>") }
        out += elements
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
