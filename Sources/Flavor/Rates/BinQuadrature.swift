@preconcurrency import CGSL
import Foundation

/// Fixed Gauss-Legendre nodes and weights over a q^2 bin, from GSL
/// (gsl_integration_glfixed_table_alloc / gsl_integration_glfixed_point), applied in the variable
/// u = ln q^2: integral_{q2min}^{q2max} f dq^2 = integral f(e^u) e^u du ~ sum_i w_i f(q2_i).
/// The logarithmic variable flattens the 1/q^2 photon pole of B -> K* l l at low q^2, so that
/// 16 nodes integrate the table-1 bins (down to 0.0009 GeV^2) to better than 1e-4.
public struct BinQuadrature: Sendable, Equatable {
    public let q2Min: Double
    public let q2Max: Double
    /// The q^2 nodes (GeV^2), increasing.
    public let nodes: [Double]
    /// The weights (GeV^2) of the nodes, Jacobian included.
    public let weights: [Double]

    public init(q2Min: Double, q2Max: Double, nodeCount: Int = 16) {
        precondition(q2Min > 0 && q2Max > q2Min && nodeCount > 0, "a q^2 bin needs 0 < q2Min < q2Max")
        self.q2Min = q2Min
        self.q2Max = q2Max
        let table = gsl_integration_glfixed_table_alloc(nodeCount)!
        defer { gsl_integration_glfixed_table_free(table) }
        var nodes: [Double] = [], weights: [Double] = []
        for i in 0..<nodeCount {
            var u = 0.0, w = 0.0
            gsl_integration_glfixed_point(log(q2Min), log(q2Max), i, &u, &w, table)
            nodes.append(exp(u))
            weights.append(w * exp(u))
        }
        let order = nodes.indices.sorted { nodes[$0] < nodes[$1] }
        self.nodes = order.map { nodes[$0] }
        self.weights = order.map { weights[$0] }
    }

    /// sum_i w_i f(q2_i).
    public func integrate(_ f: (Double) -> Double) -> Double {
        zip(nodes, weights).reduce(0) { $0 + $1.1 * f($1.0) }
    }
}
