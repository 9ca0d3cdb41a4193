import Ensemble
import Foundation
import Testing
import Inference

@Suite("Trace plots")
struct TracePlotTests {
    /// A small chain: 6 walkers, 2 parameters (log10 M_ZD in GeV and g_mu), random-walk-like paths,
    /// walker 4 frozen at a far lower log-prob.
    static func chain(steps: Int, stuck: Int? = 4) -> (ChainArray, ChainArray) {
        var rng = TestStream(state: 7)
        let walkers = 6
        var positions = ChainArray(nSteps: steps, nWalkers: walkers, nDim: 2)
        var logProb = ChainArray(nSteps: steps, nWalkers: walkers, nDim: 1)
        for w in 0..<walkers {
            var m = -0.6 + 0.05 * Double(w), g = 1e-3
            for s in 0..<steps {
                if w != stuck {
                    m = min(max(m + 0.01 * rng.normal(), -1.2), -0.2)
                    g = min(max(g + 1e-4 * rng.normal(), 0), 3e-3)
                }
                positions[s, w, 0] = m
                positions[s, w, 1] = g
                logProb[s, w, 0] = w == stuck ? -1.8e5 : -30 - 3 * rng.uniform() - (s < 20 ? Double(20 - s) * 10 : 0)
            }
        }
        return (positions, logProb)
    }

    static let parameters = [
        PlotParameter(name: "log10(mZD)", symbol: "M" + .sub("ZD"), unit: "MeV", logarithmic: true, displayScale: 1e3),
        PlotParameter(name: "gMu", symbol: "g" + .sub("μ"), unit: nil, logarithmic: false),
    ]

    static func count(_ needle: String, in svg: String) -> Int { svg.components(separatedBy: needle).count - 1 }

    @Test func panelsPolylinesAndBurnIn() {
        let (positions, logProb) = Self.chain(steps: 300)
        let plot = TracePlotSVG(chain: positions, logProbabilities: logProb, parameters: Self.parameters,
                                burnIn: 60, stuckWalkers: [4])
        let svg = plot.svg
        #expect(plot.panelCount == 3)
        #expect(Self.count("class=\"frame\"", in: svg) == 3, "one panel per parameter plus log-prob")
        #expect(Self.count("<polyline class=\"walker", in: svg) == 3 * 6, "one polyline per walker per panel")
        #expect(Self.count("class=\"burn-in\"", in: svg) == 3)
        #expect(Self.count("class=\"burn-in-region\"", in: svg) == 3)
        #expect(svg.contains("burn-in discarded by the verdict: 60 steps"))
        #expect(svg.contains("every step drawn"))
        // Stuck walker 4: drawn in the highlight colour, once per panel, the others not.
        let stuck = svg.components(separatedBy: "\n").filter { $0.contains("class=\"walker stuck\"") }
        #expect(stuck.count == 3)
        #expect(stuck.allSatisfy { $0.contains("data-walker=\"4\"") && $0.contains("stroke=\"\(TracePlotSVG.stuckColour)\"") })
        let normal = svg.components(separatedBy: "\n").filter { $0.contains("<polyline class=\"walker\"") }
        #expect(normal.allSatisfy { $0.contains("stroke=\"\(TracePlotSVG.walkerColour)\"") })
        #expect(svg.contains("stuck walker [4]"))
        // The stuck walker's log-prob (-1.8e5) is off the axis of the others, and said so.
        #expect(plot.yRange(2).lowerBound > -1000)
        #expect(svg.contains("stuck walkers at ln p ≈ −180000"))
        // Physics labels: M_ZD [MeV] on a logarithmic axis, ln p.
        #expect(svg.contains("<tspan>M</tspan><tspan dy=\"3.90\" font-size=\"9.4\">ZD</tspan>"))
        #expect(svg.contains(">ln p<"))
    }

    @Test func noStuckWalkers() {
        let (positions, logProb) = Self.chain(steps: 100, stuck: nil)
        let svg = TracePlotSVG(chain: positions, logProbabilities: logProb, parameters: Self.parameters, burnIn: 30).svg
        #expect(!svg.contains("class=\"walker stuck\""))
        #expect(svg.contains("stuck walkers: none"))
        // The start (log-prob down to -231) lies more than half the kept span below it: clipped, and said so.
        #expect(svg.contains("below the axis, drawn on its edge: lowest ln p = −2"))
    }

    /// A long chain is thinned to at most maxPoints points per line, and the plot says so.
    @Test func thinning() {
        let (positions, logProb) = Self.chain(steps: 5000)
        let plot = TracePlotSVG(chain: positions, logProbabilities: logProb, parameters: Self.parameters,
                                burnIn: 1000, stuckWalkers: [4], maxPoints: 1000)
        #expect(plot.thinning == 6)
        #expect(plot.drawnSteps.count <= 1000)
        #expect(plot.drawnSteps.first == 0 && plot.drawnSteps.last == 4999)
        let svg = plot.svg
        #expect(svg.contains("every 6th step drawn (at most 1000 points per walker)"))
        for line in svg.components(separatedBy: "\n") where line.hasPrefix("<polyline") {
            let points = line.components(separatedBy: "points=\"")[1].components(separatedBy: "\"")[0]
            #expect(points.split(separator: " ").count == plot.drawnSteps.count)
        }
        #expect(svg.utf8.count < 1_000_000, "SVG of \(svg.utf8.count) bytes")
    }

    /// Tick labels lie within their axes (AxisTicks' own check) and every panel has some.
    @Test func ticksWithinAxes() throws {
        let (positions, logProb) = Self.chain(steps: 300)
        let plot = TracePlotSVG(chain: positions, logProbabilities: logProb, parameters: Self.parameters,
                                burnIn: 60, stuckWalkers: [4])
        for k in 0..<plot.panelCount {
            let ticks = plot.yTicks(k)
            #expect(ticks.major.count >= 2, "panel \(k)")
            #expect(ticks.fits(ticks.major))
            #expect(ticks.major.allSatisfy { plot.yRange(k).contains($0.position) })
        }
        #expect(plot.xTicks.major.count >= 3)
        #expect(plot.xTicks.fits(plot.xTicks.major))
        // In the SVG: x labels inside the panels' width, y labels between the first panel's top and the last one's foot.
        let svg = plot.svg
        let x0 = plot.left, x1 = plot.left + plot.panelWidth
        let top = plot.origin(0).y, foot = plot.origin(plot.panelCount - 1).y + plot.panelHeight
        for line in svg.components(separatedBy: "\n") where line.contains("class=\"tick") {
            let x = try #require(Double(line.components(separatedBy: "x=\"")[1].components(separatedBy: "\"")[0]))
            let y = try #require(Double(line.components(separatedBy: " y=\"")[1].components(separatedBy: "\"")[0]))
            if line.contains("tick x") {
                #expect(x >= x0 - 5 && x <= x1 + 5, "\(line)")
            } else {
                #expect(y >= top - 5 && y <= foot + 10, "\(line)")
                #expect(x < x0)
            }
        }
        // M_ZD ticks in MeV on the log axis: 10^-0.6 GeV ~ 250 MeV lies in the range.
        #expect(plot.yTicks(0).major.contains { Double($0.label.plain).map { $0 >= 60 && $0 <= 600 } ?? false })
    }

    /// A tempered run's ladder adaptation gets its own marker.
    @Test func adaptationMarker() {
        let (positions, logProb) = Self.chain(steps: 300, stuck: nil)
        let svg = TracePlotSVG(chain: positions, logProbabilities: logProb, parameters: Self.parameters,
                               burnIn: 150, adaptationSteps: 100).svg
        #expect(Self.count("class=\"adaptation\"", in: svg) == 3)
        #expect(svg.contains("ladder adaptation: 100"))
    }
}
