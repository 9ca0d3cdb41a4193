import Ensemble
import Foundation

/// A trace plot as SVG, as emcee's users draw them: one panel per sampled parameter and one of the
/// log-probability, each walker's path against the step, stacked with a shared step axis. The
/// burn-in the verdict discards is shaded and marked with a dashed line (a tempered run's ladder
/// adaptation, which it includes, with a dotted one); walkers the verdict calls stuck are drawn on
/// top in red. Parameters are drawn in the sampled variable, so a log-uniform parameter is shown on
/// a logarithmic axis labelled in its units (log10 M_ZD on a log M_ZD axis in MeV, as the corner
/// plot does). Long chains are thinned to at most `maxPoints` points per walker line (every k-th
/// step and the last; the plot says k). The log-probability axis spans the walkers that are not
/// stuck after the burn-in (and the burn-in down to half that span below); anything
/// lower is drawn on the panel's foot, and the panel says how low it goes (and where stuck walkers sit).
public struct TracePlotSVG {
    /// Positions (steps, walkers, parameters) and log-probabilities (steps, walkers, 1).
    public let chain: ChainArray
    public let logProbabilities: ChainArray
    public let parameters: [PlotParameter]
    /// Steps discarded as burn-in, counted from the first (the verdict's `discard`).
    public let burnIn: Int
    /// A tempered run's ladder-adaptation steps (0 for an untempered run).
    public let adaptationSteps: Int
    public let stuckWalkers: [Int]
    public let maxPoints: Int

    public let panelWidth = 760.0, panelHeight = 130.0, gap = 12.0
    let tickFont = 10.5, labelFont = 13.0, noteFont = 10.5
    let top = 58.0, bottom = 50.0, right = 16.0
    public static let walkerColour = "#1f4e79", stuckColour = "#d62728"
    let burnInColour = "#444444", burnInFill = "#ededed"

    public init(chain: ChainArray, logProbabilities: ChainArray, parameters: [PlotParameter], burnIn: Int,
                adaptationSteps: Int = 0, stuckWalkers: [Int] = [], maxPoints: Int = 1000) {
        precondition(parameters.count == chain.nDim, "\(parameters.count) parameters for a chain of \(chain.nDim)")
        precondition(logProbabilities.nSteps == chain.nSteps && logProbabilities.nWalkers == chain.nWalkers,
                     "log-probabilities and chain differ in shape")
        precondition(chain.nSteps >= 2 && maxPoints >= 2, "a trace needs at least two steps and two points")
        self.chain = chain
        self.logProbabilities = logProbabilities
        self.parameters = parameters
        self.burnIn = min(max(burnIn, 0), chain.nSteps - 1)
        self.adaptationSteps = min(max(adaptationSteps, 0), chain.nSteps - 1)
        self.stuckWalkers = stuckWalkers.filter { (0..<chain.nWalkers).contains($0) }
        self.maxPoints = maxPoints
    }

    /// Panels: the parameters, then the log-probability.
    public var panelCount: Int { parameters.count + 1 }
    public static let logProbability = PlotParameter(name: "log_prob", symbol: "ln p", unit: nil, logarithmic: false)

    func parameter(_ k: Int) -> PlotParameter { k < parameters.count ? parameters[k] : Self.logProbability }

    func value(_ step: Int, _ walker: Int, _ k: Int) -> Double {
        k < parameters.count ? chain[step, walker, k] : logProbabilities[step, walker, 0]
    }

    /// Every `thinning`-th step is drawn (1: all).
    public var thinning: Int { max(1, Int((Double(chain.nSteps - 1) / Double(maxPoints - 1)).rounded(.up))) }

    /// The drawn steps: 0, k, 2k, ... and the last step; at most `maxPoints`.
    public var drawnSteps: [Int] {
        var steps = Array(stride(from: 0, to: chain.nSteps, by: thinning))
        if steps.last != chain.nSteps - 1 { steps.append(chain.nSteps - 1) }
        return steps
    }

    /// The y range of panel `k` in the sampled variable.
    public func yRange(_ k: Int) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        if k < parameters.count {
            for s in 0..<chain.nSteps { for w in 0..<chain.nWalkers where chain[s, w, k].isFinite {
                lo = min(lo, chain[s, w, k]); hi = max(hi, chain[s, w, k])
            } }
        } else {
            let stuck = Set(stuckWalkers)
            let moving = (0..<chain.nWalkers).filter { !stuck.contains($0) }
            let walkers = moving.isEmpty ? Array(0..<chain.nWalkers) : moving
            var keptLow = Double.infinity, allLow = Double.infinity
            for s in 0..<chain.nSteps { for w in walkers where logProbabilities[s, w, 0].isFinite {
                let v = logProbabilities[s, w, 0]
                hi = max(hi, v); allLow = min(allLow, v)
                if s >= burnIn { keptLow = min(keptLow, v) }
            } }
            if keptLow.isFinite {
                let span = max(hi - keptLow, 1e-9 * max(1, abs(hi)))
                lo = max(allLow, hi - 1.5 * span)
            } else {
                lo = allLow
            }
        }
        guard lo.isFinite, hi.isFinite else { return 0...1 }
        let pad = hi > lo ? 0.04 * (hi - lo) : max(abs(hi) * 0.01, 1e-9)
        return (lo - pad)...(hi + pad)
    }

    public func yTicks(_ k: Int) -> AxisTicks {
        let p = parameter(k)
        return AxisTicks(range: yRange(k), logarithmic: p.logarithmic, displayScale: p.displayScale,
                         length: panelHeight, fontSize: tickFont, horizontal: false, slack: gap / 2 - 1)
    }

    public var xTicks: AxisTicks {
        AxisTicks(range: 0...Double(chain.nSteps), logarithmic: false, length: panelWidth, fontSize: tickFont, horizontal: true,
                  slack: right - 1)
    }

    public var left: Double {
        let widest = (0..<panelCount).flatMap { yTicks($0).major.map { $0.label.width(fontSize: tickFont) } }.max() ?? 0
        return widest + 8 + 10 + labelFont + 10
    }

    /// Top-left corner of panel `k`.
    public func origin(_ k: Int) -> (x: Double, y: Double) { (left, top + Double(k) * (panelHeight + gap)) }

    public var width: Double { left + panelWidth + right }
    public var height: Double { top + Double(panelCount) * panelHeight + Double(panelCount - 1) * gap + bottom }

    /// Step s is drawn at s of an axis from 0 to the number of steps.
    func px(_ step: Double, _ x0: Double) -> Double { x0 + step / Double(chain.nSteps) * panelWidth }

    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        header(&canvas)
        for k in 0..<panelCount { panel(k, &canvas) }
        stepAxis(&canvas)
        return canvas.svg
    }
}
