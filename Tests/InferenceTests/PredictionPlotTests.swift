import Flavor
import Foundation
import Testing
import Inference

@Suite("Prediction plots")
struct PredictionPlotTests {
    /// Case C at the paper's best fit (darkz's sign of g_mu), epsilon = epsilon_Z = 1e-4 as
    /// priors/caseC.toml fixes them.
    static let point = DarkBosonParameters(modelCase: .C, mZD: 0.0302, epsilon: 1e-4, epsilonZ: 1e-4, gMu: -0.033)

    static func comparison(table file: String, leptons: Set<Lepton> = [.muon]) throws -> (PredictionComparison, PredictionReport, MeasurementTable) {
        let predictor = try BinnedPredictor.standard(tableFile: file)
        let report = try PredictionReport(table: predictor.table, predictions: predictor.predictions(point), convention: .mean,
                                          parameters: point, deltaC9: nil, deltaC10: nil)
        let comparison = try PredictionComparison(table: predictor.table, report: report, leptons: leptons,
                                                  fixedNames: ["epsilon", "epsilonZ", "invisibleFraction"], fitName: "case C")
        return (comparison, report, predictor.table)
    }

    static let table1 = try! comparison(table: RepositoryPaths.binnedTable)
    static let table2025 = try! comparison(table: RepositoryPaths.root + "/data/bsll_2025.csv")

    /// The panels' SVG, split at each `<g class="panel"`.
    static func panels(_ svg: String) -> [String] { Array(svg.components(separatedBy: "<g class=\"panel\"").dropFirst()) }
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
    static func attribute(_ name: String, _ element: String) -> Double {
        guard let r = element.range(of: " \(name)=\"") else { return .nan }
        return Double(element[r.upperBound...].prefix { $0 != "\"" }) ?? .nan
    }

    /// One panel per observable (name and lepton) in table order, an error bar per row, the SM and
    /// the prediction in each; electron panels greyed and marked as outside the case-C fit.
    @Test func panelPerObservableAndErrorBarPerRow() throws {
        let (comparison, _, table) = Self.table1
        let expected = ["dBdq2(B0->K*0mumu)", "dBdq2(B+->K*+mumu)", "dBdq2(B+->K+mumu)", "dBdq2(B0->K0mumu)", "dBdq2(Bs->phimumu)",
                        "B(B+->K+ee)", "B(B0->K*0ee)", "B(B->Xsmumu)", "B(B->Xsee)", "dBdq2(B+->K+ee)", "dBdq2(B0->K*0ee)"]
        #expect(comparison.groups.map(\.name) == expected)
        let plot = PredictionPlotSVG(comparison: comparison)
        let panels = Self.panels(plot.svg)
        #expect(panels.count == expected.count)
        var bars = 0
        for (k, (panel, group)) in zip(panels, comparison.groups).enumerated() {
            let electron = group.lepton == .electron
            #expect(panel.hasPrefix(" data-name=\"\(SVGCanvas.escape(group.name))\" data-lepton=\"\(group.lepton.rawValue)\" data-in-fit=\"\(!electron)\""), "panel \(k)")
            #expect(Self.count("class=\"error-bar\"", in: panel) == group.rows.count, "\(group.name): error bars")
            #expect(Self.count("class=\"prediction", in: panel) == group.rows.count, "\(group.name): predictions")
            #expect(Self.count("class=\"sm\"", in: panel) == group.rows.count, "\(group.name): SM boxes")
            #expect(panel.contains("not in the case C fit") == electron, "\(group.name)")
            #expect(panel.contains("class=\"excluded\"") == electron)
            bars += Self.count("class=\"error-bar\"", in: panel)
        }
        #expect(bars == table.measurements.count)
        // the 0.0009-1 GeV^2 K*0 e e bin holds the on-shell Z_D (M_ZD^2 = 9.1e-4 GeV^2): far off the data, drawn on the edge
        let kstarEE = try #require(panels.first { $0.contains("data-name=\"B(B0-&gt;K*0ee)\"") || $0.contains("data-name=\"B(B0->K*0ee)\"") })
        #expect(kstarEE.contains("off-scale") && kstarEE.contains("class=\"off-scale-value\""))
        let k = try #require(comparison.groups.firstIndex { $0.name == "B(B0->K*0ee)" })
        let row = comparison.groups[k].rows[0], scale = comparison.groups[k].scale
        #expect(!plot.yRange(k).contains(row.prediction / scale))
        // its value is written inside the frame, above the measurement's error bar
        let (x0, y0) = plot.origin(k)
        let label = try #require(kstarEE.components(separatedBy: "<text ").first { $0.contains("off-scale-value") })
        #expect(label.contains(">prediction 2.18×10</tspan>"))
        let errorTop = y0 + plot.plotHeight - plot.yTicks(k).offset((row.measurement.value + row.sigmaUp) / scale)
        #expect(Self.attribute("x", label) > x0 && Self.attribute("y", label) > y0 && Self.attribute("y", label) < errorTop - 3)
    }

    /// The legend names the measurement, the SM and the point; the axis labels carry the table's scale.
    @Test func legendAndAxisLabels() throws {
        let (comparison, _, _) = Self.table1
        let plot = PredictionPlotSVG(comparison: comparison)
        let entries = plot.legendEntries.map(\.text.plain)
        #expect(entries.count == 4)
        #expect(entries[0].hasPrefix("measured ± 1σ") && entries[1].hasPrefix("SM ± 1σ"))
        #expect(entries[2] == "case C, MZD = 30.2 MeV, gμ = −0.033 (fixed: ε = 10−4, εZ = 10−4)")
        #expect(entries[3] == "grey panel: not in the case C fit")
        let svg = plot.svg
        #expect(Self.count("class=\"legend\"", in: svg) == 4)
        #expect(svg.contains(">case C, M</tspan>"))
        #expect(plot.yLabel(0).plain == "dB/dq2 [10−8 GeV−2]")
        #expect(plot.yLabel(comparison.groups.firstIndex { $0.name == "B(B->Xsmumu)" }!).plain == "B [10−6]")
        #expect(plot.yLabel(comparison.groups.firstIndex { $0.name == "dBdq2(B+->K+ee)" }!).plain == "dB/dq2 [10−9 GeV−2]")
        #expect(PredictionPlotSVG.xLabel.plain == "q2 [GeV2]")
        #expect(plot.title(0).plain == "dB/dq2(B0 → K*0μ+μ−)")
        #expect(plot.titleText.plain.contains(String(format: "= %.2f over the 20 rows of the case C fit (SM: %.2f)", comparison.chi2Fit, comparison.chi2FitSM)))
        // M_ZD^2 = 9.1e-4 GeV^2 sits on the q^2 = 0 edge: no marker there
        #expect(!svg.contains("class=\"mzd\""))
    }

    /// Tick labels: at least two per axis, inside their axis (AxisTicks' own check), drawn below
    /// (x) or left of (y) their panel, within its extent, and neighbouring panels' x labels apart.
    @Test func ticksInsideAxesAndApart() throws {
        for (comparison, _, _) in [Self.table1, Self.table2025] {
            let plot = PredictionPlotSVG(comparison: comparison)
            let panels = Self.panels(plot.svg)
            for k in 0..<plot.panelCount {
                let name = comparison.groups[k].name
                for t in [plot.xTicks(k), plot.yTicks(k)] {
                    #expect(t.major.count >= 2 && t.fits(t.major), "\(name)")
                    #expect(t.major.allSatisfy { t.offset($0.position) - t.extent($0.label) / 2 >= -t.slack
                            && t.offset($0.position) + t.extent($0.label) / 2 <= t.length + t.slack }, "\(name)")
                }
                let (x0, y0) = plot.origin(k)
                let texts = panels[k].components(separatedBy: "<text ").dropFirst()
                let xLabels = texts.filter { $0.contains("class=\"tick x\"") }, yLabels = texts.filter { $0.contains("class=\"tick y\"") }
                #expect(xLabels.count == plot.xTicks(k).major.count && yLabels.count == plot.yTicks(k).major.count)
                for t in xLabels {
                    let x = Self.attribute("x", t), y = Self.attribute("y", t)
                    #expect(x >= x0 && x <= x0 + plot.plotWidth && y > y0 + plot.plotHeight && y < y0 + plot.plotHeight + plot.bottom, "\(name) x tick \(x), \(y)")
                }
                for t in yLabels {
                    let x = Self.attribute("x", t), y = Self.attribute("y", t)
                    #expect(x < x0 && x > x0 - plot.left && y >= y0 && y <= y0 + plot.plotHeight + plot.tickFont, "\(name) y tick \(x), \(y)")
                }
                // the y-axis label stays in the panel's left margin, right of the previous column
                if let r = panels[k].range(of: "translate(") {
                    let lx = Double(panels[k][r.upperBound...].prefix { $0 != " " })!
                    let widest = plot.yTicks(k).major.map { $0.label.width(fontSize: plot.tickFont) }.max()!
                    #expect(lx > x0 - plot.left && lx + plot.labelFont / 2 < x0 - 8 - widest, "\(name) y label at \(lx)")
                } else { Issue.record("\(name): no y-axis label") }
            }
            for k in 0..<plot.panelCount - 1 where k % plot.columnsPerRow != plot.columnsPerRow - 1 {
                let a = plot.xTicks(k), b = plot.xTicks(k + 1)
                let aEnd = plot.origin(k).x + a.offset(a.major.last!.position) + a.extent(a.major.last!.label) / 2
                let bStart = plot.origin(k + 1).x + b.offset(b.major.first!.position) - b.extent(b.major.first!.label) / 2
                #expect(bStart > aEnd + 10)
            }
        }
    }

    /// predictions.csv holds the report's numbers exactly, the experimental errors per side in
    /// quadrature, and whether the row is in the fit.
    @Test func csvEqualsTheReport() throws {
        for (comparison, report, table) in [Self.table1, Self.table2025] {
            let lines = comparison.csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(lines[0] == ["name", "lepton", "q2_min", "q2_max", "measured", "sigma_up", "sigma_down", "sm", "prediction", "pull", "sm_err", "reference", "in_fit"])
            #expect(lines.count == report.observables.count + 1)
            for (i, (o, m)) in zip(report.observables, table.measurements).enumerated() {
                let f = lines[i + 1]
                #expect(f.count == 13)
                #expect(f[0] == o.name && f[1] == o.lepton && f[11] == m.reference)
                #expect(Double(f[2]) == o.q2_min && Double(f[3]) == o.q2_max && Double(f[4]) == o.measured)
                #expect(Double(f[7]) == o.sm && Double(f[8]) == o.prediction && Double(f[9]) == o.pull, "\(o.name) row \(i)")
                #expect(Double(f[10]) == m.smError)
                let up = m.errors.map { $0.up * $0.up }.reduce(0, +).squareRoot(), down = m.errors.map { $0.down * $0.down }.reduce(0, +).squareRoot()
                #expect(Double(f[5]) == up && Double(f[6]) == down)
                #expect(f[12] == (o.lepton == "mu" ? "true" : "false"))
            }
        }
        // asymmetric errors stay asymmetric: LHCb's first K*0 mu mu bin, +0.67 -0.73 (stat)
        let first = Self.table1.0.rows[0]
        #expect(first.sigmaUp < first.sigmaDown)
    }

    /// The 2025 table: LHCb's and CMS's B+ -> K+ mu mu in one panel with a marker each (CMS's 10^-9
    /// rows shown in the panel's 10^-8), ratio panels without a scale.
    @Test func table2025() throws {
        let (comparison, _, _) = Self.table2025
        let plot = PredictionPlotSVG(comparison: comparison)
        let panels = Self.panels(plot.svg)
        let k = try #require(comparison.groups.firstIndex { $0.name == "dBdq2(B+->K+mumu)" })
        #expect(comparison.groups[k].rows.count == 12 && comparison.groups[k].references == ["arXiv:1403.8044", "arXiv:2401.07090"])
        #expect(comparison.groups[k].scale == 1e-8 && plot.yLabel(k).plain == "dB/dq2 [10−8 GeV−2]")
        #expect(Self.count("class=\"error-bar\"", in: panels[k]) == 12)
        #expect(Self.count("<circle", in: panels[k]) == 6 + 1 && Self.count("width=\"6.4\"", in: panels[k]) == 6 + 1)  // rows + subtitle key
        #expect(Self.count("class=\"sm\"", in: panels[k]) == 6)  // one SM box per bin: both experiments share flavio's
        #expect(panels[k].contains(">arXiv:2401.07090<"))
        let ratios = comparison.groups.indices.filter { comparison.groups[$0].quantity == .ratio }
        #expect(ratios.map { comparison.groups[$0].name } == ["R(B+->K+ll)", "R(B0->K*0ll)"])
        for r in ratios {
            #expect(plot.yLabel(r).plain == "R" && comparison.groups[r].inFit)
            #expect(plot.title(r).plain == (r == ratios[0] ? "R = B(B+ → K+μ+μ−)/B(B+ → K+e+e−)" : "R = B(B0 → K*0μ+μ−)/B(B0 → K*0e+e−)"))
            #expect(plot.yRange(r).contains(1))
        }
        #expect(comparison.fitCount == 31 && plot.panelCount == 11)
    }

    /// Model-independent shifts in the legend; M_ZD^2 marked where it lies inside the axes.
    @Test func shiftsAndMassMarker() throws {
        let predictor = try BinnedPredictor.standard(tableFile: RepositoryPaths.binnedTable)
        let shifts = try PredictionReport(table: predictor.table, predictions: predictor.predictions(deltaC9: .init(-1, 0), deltaC10: .init(0.3, 0)),
                                          convention: .mean, parameters: nil, deltaC9: -1, deltaC10: 0.3)
        let plot = PredictionPlotSVG(comparison: try PredictionComparison(table: predictor.table, report: shifts))
        #expect(plot.predictionLabel.plain == "constant δC9 = −1, δC10 = 0.3 (each row’s lepton)")
        #expect(plot.legendEntries.count == 3 && !plot.svg.contains("class=\"excluded\""))
        #expect(plot.titleText.plain.contains("over the 26 rows of the fit"))
        let heavy = DarkBosonParameters(modelCase: .B, mZD: 1.5, epsilon: 1e-4, epsilonZ: 1e-5, gMu: -0.03)
        let report = try PredictionReport(table: predictor.table, predictions: predictor.predictions(heavy), convention: .mean,
                                          parameters: heavy, deltaC9: nil, deltaC10: nil)
        let massive = PredictionPlotSVG(comparison: try PredictionComparison(table: predictor.table, report: report))
        #expect(Self.count("class=\"mzd\"", in: massive.svg) == massive.panelCount)
        #expect(massive.predictionLabel.plain == "case B, MZD = 1.5 GeV, ε = 10−4, εZ = 10−5, gμ = −0.03")
        #expect(massive.legendEntries.map(\.text.plain).contains("q2 = MZD2"))
    }

    @Test func decayNotation() {
        #expect(PlotText.decay("B0 -> K*0 mu+ mu-").plain == "B0 → K*0μ+μ−")
        #expect(PlotText.decay("B0 -> K*0 mu+ mu-").runs.filter { $0.shift == .sup }.map(\.text) == ["0", "*0", "+", "−"])
        #expect(PlotText.decay("Bs -> phi mu+ mu-").plain == "Bs → φμ+μ−")
        #expect(PlotText.decay("B -> X_s e+ e-").runs.contains { $0.text == "s" && $0.shift == .sub })
        #expect(PlotText.scaleFactor(1e-8).plain == "10−8" && PlotText.scaleFactor(2.5e-7).plain == "2.5×10−7" && PlotText.scaleFactor(1).runs.isEmpty)
        #expect(PlotText.value(-0.033).plain == "−0.033" && PlotText.value(1e-4).plain == "10−4" && PlotText.value(2.18e4).plain == "2.18×104")
    }
}
