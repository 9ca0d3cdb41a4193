/// One constraint's `likelihoodChiSquare` with its row, behind a class so that `ConstraintSet.chiSquare`
/// calls it through an unretained reference: no existential copy, no reference counting per call.
class LikelihoodTerm: @unchecked Sendable {
    func chiSquare(_ point: DarkBosonPoint) -> Double { 0 }
}

/// `LikelihoodTerm` of a concrete constraint type.
final class ConstraintLikelihoodTerm<C: Constraint>: LikelihoodTerm, @unchecked Sendable {
    let constraint: C
    let entry: ConstraintData.Entry

    init(_ constraint: C, entry: ConstraintData.Entry) {
        self.constraint = constraint
        self.entry = entry
    }

    override func chiSquare(_ point: DarkBosonPoint) -> Double { constraint.likelihoodChiSquare(at: point, entry: entry) }
}

extension Constraint {
    func likelihoodTerm(entry: ConstraintData.Entry) -> LikelihoodTerm { ConstraintLikelihoodTerm(self, entry: entry) }
}
