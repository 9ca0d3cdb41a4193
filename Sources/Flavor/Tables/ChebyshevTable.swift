@preconcurrency import CGSL
import Foundation

/// Up to four functions of one variable x on [lower, upper], each approximated piecewise by Chebyshev
/// series: GSL's gsl_cheb_init takes the function at the order + 1 Chebyshev nodes of a segment and
/// forms the coefficients; evaluation runs Clenshaw's recurrence as gsl_cheb_eval does, for the four
/// components at once (one pass over coefficients stored lane by lane).
///
/// Segments are split in halves, from `initialSegments` equal ones, until on every segment and for every
/// component the last two coefficients are below `tolerance` times the component's largest value on the
/// segment's nodes (for a function analytic around the segment the coefficients fall geometrically,
/// so this tail bounds the truncation error to about that size), or the segment is 1/4096 of the
/// interval (where the function's own rounding or quadrature error stops the tail from falling);
/// `estimatedError` is the largest tail left. Evaluation finds the segment by bisection over the breakpoints and allocates
/// nothing. Built once, read by every thread.
public final class ChebyshevTable: @unchecked Sendable {
    public let lower: Double
    public let upper: Double
    public let components: Int
    public let order: Int
    /// Segment edges, increasing, from `lower` to `upper`.
    public let breakpoints: [Double]
    /// max over segments and components of the coefficient tail relative to the component's scale.
    public let estimatedError: Double
    private let edges: UnsafeMutableBufferPointer<Double>
    /// coefficients[segment * (order + 1) + j], component k in lane k.
    private let coefficients: UnsafeMutableBufferPointer<SIMD4<Double>>

    /// The table of `f` (returning `components` values, at most four) on [lower, upper].
    public init(lower: Double, upper: Double, components: Int, order: Int = 12, tolerance: Double = 1e-9,
                initialSegments: Int = 4, maxSegments: Int = 512, _ f: (Double) -> [Double]) {
        precondition(upper > lower && (1...4).contains(components) && order >= 2, "a table needs an interval and 1-4 components")
        _ = gslReturnsErrorCodes
        self.lower = lower
        self.upper = upper
        self.components = components
        self.order = order
        // The Chebyshev nodes of gsl_cheb_init on [-1, 1].
        let nodes = (0...order).map { k in cos(Double.pi * (Double(k) + 0.5) / Double(order + 1)) }

        func fit(_ a: Double, _ b: Double) -> (coefficients: [SIMD4<Double>], tail: Double) {
            let values = nodes.map { y in f(y * (b - a) / 2 + (b + a) / 2) }
            var lanes = [SIMD4<Double>](repeating: .zero, count: order + 1), tail = 0.0
            let cs = gsl_cheb_alloc(order)!
            defer { gsl_cheb_free(cs) }
            for k in 0..<components {
                let column = values.map { $0[k] }
                let scale = column.map(abs).max()!
                withCachedNodes(column, a, b) { function in _ = gsl_cheb_init(cs, &function, a, b) }
                let c = cs.pointee.c!
                for j in 0...order { lanes[j][k] = c[j] }
                if scale > 0 { tail = max(tail, (abs(c[order - 1]) + abs(c[order])) / scale) }
            }
            return (lanes, tail)
        }

        var pieces: [(a: Double, b: Double, coefficients: [SIMD4<Double>], tail: Double)] = []
        var pending = (0..<initialSegments).map { i in
            (lower + (upper - lower) * Double(i) / Double(initialSegments),
             i == initialSegments - 1 ? upper : lower + (upper - lower) * Double(i + 1) / Double(initialSegments))
        }
        while let (a, b) = pending.first {
            pending.removeFirst()
            let piece = fit(a, b)
            if piece.tail > tolerance && b - a > (upper - lower) / 4096 && pieces.count + pending.count + 2 <= maxSegments {
                let mid = (a + b) / 2
                pending.insert(contentsOf: [(a, mid), (mid, b)], at: 0)
            } else {
                pieces.append((a, b, piece.coefficients, piece.tail))
            }
        }
        breakpoints = [lower] + pieces.map(\.b)
        estimatedError = pieces.map(\.tail).max()!
        edges = .allocate(capacity: breakpoints.count)
        _ = edges.initialize(from: breakpoints)
        coefficients = .allocate(capacity: pieces.count * (order + 1))
        _ = coefficients.initialize(from: pieces.flatMap(\.coefficients))
    }

    deinit {
        coefficients.deallocate()
        edges.deallocate()
    }

    /// The number of segments.
    public var segments: Int { breakpoints.count - 1 }

    /// The components at x, clamped to [lower, upper]; unused lanes are zero.
    public func callAsFunction(_ x: Double) -> SIMD4<Double> {
        let x = min(max(x, lower), upper)
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if edges[mid] <= x { lo = mid } else { hi = mid }
        }
        // Clenshaw as in gsl_cheb_eval: y = (2x - a - b)/(b - a), f = y d1 - d2 + c_0/2.
        let a = edges[lo], b = edges[lo + 1], y = (2 * x - a - b) / (b - a)
        let c = coefficients.baseAddress! + lo * (order + 1)
        var d1 = SIMD4<Double>(), d2 = SIMD4<Double>()
        let y2 = 2 * y
        for j in stride(from: order, through: 1, by: -1) {
            let t = d1
            d1 = (c[j] - d2) + y2 * d1   // c_j - d2 off the recurrence's critical path
            d2 = t
        }
        return y * d1 - d2 + 0.5 * c[0]
    }
}

/// Calls `body` with a gsl_function that returns the cached value at the Chebyshev node nearest to x
/// (gsl_cheb_init asks for exactly those nodes), so one evaluation of a vector function serves every component.
private func withCachedNodes(_ values: [Double], _ a: Double, _ b: Double, _ body: (inout gsl_function) -> Void) {
    final class Cache {
        let values: [Double], a: Double, b: Double
        init(_ values: [Double], _ a: Double, _ b: Double) { self.values = values; self.a = a; self.b = b }
        func value(at x: Double) -> Double {
            let n = values.count, y = (2 * x - a - b) / (b - a)
            let k = (0..<n).min { abs(cos(Double.pi * (Double($0) + 0.5) / Double(n)) - y)
                                  < abs(cos(Double.pi * (Double($1) + 0.5) / Double(n)) - y) }!
            return values[k]
        }
    }
    let cache = Cache(values, a, b)
    withExtendedLifetime(cache) {
        var function = gsl_function(function: { x, params in
            Unmanaged<Cache>.fromOpaque(params!).takeUnretainedValue().value(at: x)
        }, params: Unmanaged.passUnretained(cache).toOpaque())
        body(&function)
    }
}
