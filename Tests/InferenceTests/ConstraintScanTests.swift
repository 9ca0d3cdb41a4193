import Flavor
import Foundation
import Testing
import Inference

@Suite("Constraint scan")
struct ConstraintScanTests {
    static let names = ["bs-mixing", "bs-mumu", "b-k-nunu-limit", "k-mu-invisible", "lhcb-dark-photon", "apv-cesium"]

    /// The same in the order of the constraint set (the registry's), which the scan keeps.
    static let ordered = ["bs-mixing", "bs-mumu", "b-k-nunu-limit", "apv-cesium", "k-mu-invisible", "lhcb-dark-photon"]

    static func scan(count: Int = 40) throws -> ConstraintScan {
        let model = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
        let base = DarkBosonParameters(modelCase: .A, mZD: 0.1, epsilon: 0, epsilonZ: 1e-3)
        return try ConstraintScan(parameter: "mZD", range: 0.01...2, logarithmic: true, count: count, base: base,
                                  model: model, set: set, names: names)
    }

    @Test func logGridAndValues() throws {
        let s = try Self.scan()
        #expect(s.values.first == 0.01 && s.values.last == 2 && s.values.count == 40)
        let ratios = zip(s.values.dropFirst(), s.values).map { $0 / $1 }
        #expect(ratios.allSatisfy { abs($0 / ratios[0] - 1) < 1e-9 })
        #expect(s.columns.map(\.name) == Self.ordered)
        // the total is the sum, and a row is the set's own evaluation
        let model = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
        let direct = set.evaluate(model.point(DarkBosonParameters(modelCase: .A, mZD: s.values[7], epsilon: 0, epsilonZ: 1e-3)), names: Self.names)
        #expect(direct.map(\.chi2) == s.columns.map { $0.chi2[7] })
        #expect(abs(s.totalChi2[7] - direct.reduce(0) { $0 + $1.chi2 }) <= 1e-12 * s.totalChi2[7])
        if case .limit = s.columns[2].reference {} else { Issue.record("b-k-nunu-limit should be a limit") }
        if case .measurement(let v, _, _, let z) = s.columns[0].reference { #expect(v == 0 && abs(z - 2) < 1e-3) } else { Issue.record("bs-mixing should be a measurement") }
    }

    @Test func badRanges() throws {
        let model = try DarkBosonModel.standard()
        let set = try ConstraintSet.standard(model: model, onShell: OnShellProduction.standard())
        let base = DarkBosonParameters(modelCase: .A, mZD: 0.1)
        #expect(throws: ScanError.self) { try ConstraintScan(parameter: "mZD", range: 0...2, logarithmic: true, count: 10, base: base, model: model, set: set, names: ["bs-mixing"]) }
        #expect(throws: ScanError.self) { try ConstraintScan(parameter: "mass", range: 1...2, logarithmic: false, count: 10, base: base, model: model, set: set, names: ["bs-mixing"]) }
    }

    /// One panel per constraint plus the chi^2 panel; a band or limit element in each constraint
    /// panel; every tick label inside its axis (AxisTicks' fit) and drawn within the panel's extent.
    @Test func svgPanelsBandsAndTicks() throws {
        let plot = ConstraintScanSVG(scan: try Self.scan())
        let svg = plot.svg
        let panels = svg.components(separatedBy: "<g class=\"panel\"").dropFirst()
        #expect(panels.count == Self.ordered.count + 1)
        for (k, panel) in panels.enumerated() {
            let name = k < Self.ordered.count ? Self.ordered[k] : "chi2_total"
            #expect(panel.hasPrefix(" data-name=\"\(name)\""))
            if k < Self.ordered.count {
                #expect(panel.contains("class=\"band\"") || panel.contains("class=\"limit\""), "\(name): no band or limit")
            }
            let (x0, y0) = plot.origin(k)
            #expect(!plot.xTicks.major.isEmpty && plot.xTicks.fits(plot.xTicks.major))
            let yt = plot.yTicks(k)
            #expect(!yt.major.isEmpty && yt.fits(yt.major), "\(name): y ticks")
            for (axis, label) in [("x", "tick x"), ("y", "tick y")] {
                let texts = panel.components(separatedBy: "<text ").dropFirst().filter { $0.contains("class=\"\(label)\"") }
                #expect(!texts.isEmpty)
                for t in texts {
                    let x = Self.attribute("x", t), y = Self.attribute("y", t)
                    if axis == "x" {
                        #expect(x >= x0 && x <= x0 + plot.plotWidth && y > y0 + plot.plotHeight, "\(name) x tick at \(x)")
                    } else {
                        #expect(y >= y0 && y <= y0 + plot.plotHeight + plot.tickFont && x < x0, "\(name) y tick at \(y)")
                    }
                }
            }
        }
    }

    static func attribute(_ name: String, _ element: String) -> Double {
        guard let r = element.range(of: " \(name)=\"") else { return .nan }
        return Double(element[r.upperBound...].prefix { $0 != "\"" }) ?? .nan
    }
}
