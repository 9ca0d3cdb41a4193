import Numerics

// Real scaling of complex numbers with operators, on top of swift-numerics' multiplied(by:) and
// divided(by:), so that formulas read as written.
extension Complex where RealType == Double {
    @inlinable static func * (z: Complex, a: Double) -> Complex { z.multiplied(by: a) }
    @inlinable static func * (a: Double, z: Complex) -> Complex { z.multiplied(by: a) }
    @inlinable static func / (z: Complex, a: Double) -> Complex { z.divided(by: a) }
}
