import Foundation

/// One labelled tick: its position in the axis variable (log10 of the value on a logarithmic
/// axis) and its label in display units.
public struct AxisTick: Sendable, Equatable {
    public let position: Double
    public let label: PlotText
}

/// Tick marks for an axis of `length` user units showing `range` of the axis variable.
///
/// Linear axes get nice steps (1, 2, 2.5, 5 x 10^k), densest first. Logarithmic axes (the axis
/// variable is log10 of the value) try, in order: decades (every 1, 2, 3, 5, 10... decades),
/// 1-2-5 per decade, 1...9 per decade, and (preferred over decades only when the range is under a
/// decade) nice linear steps of the value itself placed
/// at their logarithms (a range narrower than a decade, e.g. 267-296 MeV); then every other tick
/// of each of those sets. Linear labels of values below 0.01 or from 10^5 up are mantissas, with the
/// power of ten given once (`multiplier`, shown in the axis label). The first candidate whose
/// labels fit is taken (at most `maxLabels`) — first asking for three labels, then two, then one. A set fits when every
/// label's estimated extent (`PlotText.width`, or the font height for labels stacked along a vertical
/// axis) lies within the axis plus `slack` on each side and neighbouring labels are at least `gap`
/// apart, so labels never overlap each other or the next panel's.
public struct AxisTicks: Sendable {
    public let range: ClosedRange<Double>
    public let logarithmic: Bool
    /// Display value = physical value x scale (e.g. 1000 to show GeV as MeV).
    public let displayScale: Double
    public let length: Double
    public let fontSize: Double
    /// True for an axis along x (labels side by side), false along y (labels stacked).
    public let horizontal: Bool
    public let slack: Double
    public let gap: Double
    /// At most this many labels (corner.py's max_n_ticks is 5).
    public let maxLabels = 5

    public init(range: ClosedRange<Double>, logarithmic: Bool, displayScale: Double = 1, length: Double,
                fontSize: Double = 11, horizontal: Bool, slack: Double = 5, gap: Double = 6) {
        self.range = range
        self.logarithmic = logarithmic
        self.displayScale = displayScale
        self.length = length
        self.fontSize = fontSize
        self.horizontal = horizontal
        self.slack = slack
        self.gap = gap
    }

    /// Offset along the axis (0...length) of an axis-variable value.
    public func offset(_ position: Double) -> Double {
        (position - range.lowerBound) / (range.upperBound - range.lowerBound) * length
    }

    /// Extent of a label along the axis.
    public func extent(_ label: PlotText) -> Double {
        horizontal ? label.width(fontSize: fontSize) : fontSize * (label.runs.contains { $0.shift == .sup } ? 1.25 : 1.0)
    }

    /// Whether a set of ticks fits: inside the axis (plus slack) and not overlapping.
    public func fits(_ ticks: [AxisTick]) -> Bool {
        var previousEnd = -Double.infinity
        for t in ticks.sorted(by: { $0.position < $1.position }) {
            let c = offset(t.position), half = extent(t.label) / 2
            if c - half < -slack || c + half > length + slack { return false }
            if c - half < previousEnd + gap { return false }
            previousEnd = c + half
        }
        return true
    }

    /// The labelled ticks.
    public var major: [AxisTick] { selection.ticks }

    /// When labels of a linear scale would need many digits (values below 0.01 or from 10^5 up),
    /// they are mantissas and the axis label carries the power of ten: this exponent ("[10^e]").
    public var multiplier: Int? { selection.exponent }

    /// The chosen set and its common exponent.
    public var selection: (ticks: [AxisTick], exponent: Int?) {
        let sets = candidates.map { (ticks: $0.ticks.filter { fitsAlone($0) }, exponent: $0.exponent, kind: $0.kind) }
        // Over a decade or more of a logarithmic axis: three decades, else three of 1-2-5 (10, 20,
        // 50, 100, 200 MeV), else two decades, before linear ticks (which would bunch at the top).
        let passes: [(kinds: Set<Kind>, needed: Int)] = logarithmic && range.upperBound - range.lowerBound >= 1
            ? [([.decades], 3), ([.mantissas], 3), ([.decades], 2), ([.mantissas, .alternate], 2), (Set(Kind.allCases), 2), (Set(Kind.allCases), 1)]
            : [(Set(Kind.allCases), 3), (Set(Kind.allCases), 2), (Set(Kind.allCases), 1)]
        for pass in passes {
            if let set = sets.first(where: { pass.kinds.contains($0.kind) && $0.ticks.count >= pass.needed
                && $0.ticks.count <= maxLabels && fits($0.ticks) }) { return (set.ticks, set.exponent) }
        }
        return ([], nil)
    }

    /// Unlabelled ticks: 2...9 of every decade on a logarithmic axis whose labels are decades.
    public var minor: [Double] {
        guard logarithmic else { return [] }
        let labels = Set(major.map(\.position))
        let shift = log10(displayScale)
        let lo = range.lowerBound + shift, hi = range.upperBound + shift
        guard hi - lo <= 6, hi - lo >= 0.5 else { return [] }
        var out: [Double] = []
        for e in Int(floor(lo))...Int(ceil(hi)) {
            for m in 1...9 {
                let p = Double(e) + log10(Double(m)) - shift
                if range.contains(p) && !labels.contains(where: { abs($0 - p) < 1e-9 }) { out.append(p) }
            }
        }
        return out
    }

    func fitsAlone(_ t: AxisTick) -> Bool {
        let c = offset(t.position), half = extent(t.label) / 2
        return c - half >= -slack && c + half <= length + slack
    }

    enum Kind: CaseIterable { case decades, mantissas, linear, alternate }
    typealias Candidate = (ticks: [AxisTick], exponent: Int?, kind: Kind)

    /// Candidate tick sets, most preferred first.
    var candidates: [Candidate] {
        guard range.upperBound > range.lowerBound else { return [] }
        if !logarithmic {
            let sets = Self.linearCandidates(range.lowerBound * displayScale, range.upperBound * displayScale) { $0 / self.displayScale }
            return sets + Self.alternate(sets)
        }
        let shift = log10(displayScale)
        let lo = range.lowerBound + shift, hi = range.upperBound + shift
        var sets: [Candidate] = []
        for stride in [1, 2, 3, 5, 10, 20, 50, 100] {
            var set: [AxisTick] = []
            for e in Int(ceil(lo - 1e-9))...max(Int(ceil(lo - 1e-9)), Int(floor(hi + 1e-9))) where e % stride == 0 {
                if Double(e) >= lo - 1e-9 && Double(e) <= hi + 1e-9 { set.append(AxisTick(position: Double(e) - shift, label: Self.decadeLabel(e))) }
            }
            sets.append((set, nil, .decades))
        }
        for mantissas in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            var set: [AxisTick] = []
            for e in Int(floor(lo))...Int(ceil(hi)) {
                for m in mantissas {
                    let p = Double(e) + log10(Double(m))
                    if p >= lo - 1e-9 && p <= hi + 1e-9 {
                        let value = Double(m) * pow(10, Double(e))
                        set.append(AxisTick(position: p - shift, label: Self.linearLabel(value, step: pow(10, Double(e)))))
                    }
                }
            }
            sets.append((set, nil, .mantissas))
        }
        let linear = Self.linearCandidates(pow(10, lo), pow(10, hi)) { log10($0) - shift }
        return sets + linear + Self.alternate(sets + linear)
    }

    /// Nice linear steps over lo...hi (display values), each tick placed at `position(value)`;
    /// mantissas with a common exponent when the values need one.
    static func linearCandidates(_ lo: Double, _ hi: Double, position: (Double) -> Double) -> [Candidate] {
        let largest = max(abs(lo), abs(hi))
        let exponent: Int? = largest > 0 && (largest < 0.01 || largest >= 1e5) ? Int(floor(log10(largest) + 1e-9)) : nil
        let unit = pow(10, Double(exponent ?? 0))
        return linearSteps(lo, hi).map { step in
            (linearTicks(lo, hi, step: step).filter { !position($0).isNaN && position($0).isFinite }
                .map { AxisTick(position: position($0), label: PlotText(number($0 / unit, decimals: decimals(step / unit)))) }, exponent, .linear)
        }
    }

    /// Every other tick of each set, both ways (last resort for a narrow range of long labels).
    static func alternate(_ sets: [Candidate]) -> [Candidate] {
        sets.flatMap { set in [0, 1].map { start in (set.ticks.enumerated().filter { $0.offset % 2 == start }.map(\.element), set.exponent, .alternate) } }
    }

    /// Nice steps (1, 2, 2.5, 5 x 10^k) giving about 10 down to 1 ticks over lo...hi.
    static func linearSteps(_ lo: Double, _ hi: Double) -> [Double] {
        let span = hi - lo
        guard span > 0, span.isFinite else { return [] }
        var steps: [Double] = []
        var e = floor(log10(span / 12))
        while steps.count < 12 {
            for m in [1.0, 2.0, 2.5, 5.0] {
                let step = m * pow(10, e)
                if step >= span / 12 && step <= span * 1.01 { steps.append(step) }
            }
            e += 1
            if pow(10, e) > span * 10 { break }
        }
        return steps
    }

    static func linearTicks(_ lo: Double, _ hi: Double, step: Double) -> [Double] {
        var out: [Double] = []
        var k = (lo / step - 1e-9).rounded(.up)
        while k * step <= hi + step * 1e-9 {
            out.append(abs(k) < 1e-9 ? 0 : k * step)
            k += 1
        }
        return out
    }

    static func decadeLabel(_ e: Int) -> PlotText {
        if (-2...3).contains(e) { return linearLabel(pow(10, Double(e)), step: pow(10, Double(e))) }
        return PlotText("10") + .sup(e < 0 ? "−\(-e)" : "\(e)")
    }

    /// A value on a grid of `step`: as many decimals as the step needs, or m×10^e for values
    /// below 0.01 or from 10^5 up.
    public static func linearLabel(_ value: Double, step: Double) -> PlotText {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < 0.01 || magnitude >= 1e5 {
            let e = Int(floor(log10(magnitude) + 1e-9))
            let mantissa = value / pow(10, Double(e))
            let text = number(mantissa, decimals: decimals(step / pow(10, Double(e))))
            let base = text == "1" ? PlotText("10") : (text == "−1" ? PlotText("−10") : PlotText(text + "×10"))
            return base + .sup(e < 0 ? "−\(-e)" : "\(e)")
        }
        return PlotText(number(value, decimals: decimals(step)))
    }

    /// Decimals needed to write multiples of `step` exactly (2.5 -> 1, 0.05 -> 2, 20 -> 0).
    static func decimals(_ step: Double) -> Int {
        for d in 0...12 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
        }
        return 12
    }

    /// Fixed-point text with a true minus sign.
    static func number(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", v)
        if s.hasPrefix("-") {
            s.removeFirst()
            if Double(s) == 0 { return s }
            s = "−" + s
        }
        return s
    }
}
