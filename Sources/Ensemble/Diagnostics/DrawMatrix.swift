/// One parameter's samples as ArviZ's 2-D (chain, draw) array, chain-major: each walker of a
/// ``ChainArray`` is one chain. The rank diagnostics below work on this view.
struct DrawMatrix {
    var nChains: Int
    var nDraws: Int
    /// `values[chain * nDraws + draw]`.
    var values: [Double]

    init(nChains: Int, nDraws: Int, values: [Double]) {
        precondition(values.count == nChains * nDraws)
        self.nChains = nChains
        self.nDraws = nDraws
        self.values = values
    }

    /// Parameter `dim` of `chain`, walkers as chains.
    init(_ chain: ChainArray, dim: Int) {
        precondition((0..<chain.nDim).contains(dim), "dim \(dim) out of range 0..<\(chain.nDim)")
        var values = [Double]()
        values.reserveCapacity(chain.nSteps * chain.nWalkers)
        for walker in 0..<chain.nWalkers { values += chain.series(walker: walker, dim: dim) }
        self.init(nChains: chain.nWalkers, nDraws: chain.nSteps, values: values)
    }

    func chain(_ c: Int) -> [Double] { Array(values[(c * nDraws)..<((c + 1) * nDraws)]) }

    var chainMeans: [Double] { (0..<nChains).map { chain($0).gslMean } }

    var containsNaN: Bool { values.contains { $0.isNaN } }

    /// ArviZ's `_not_valid` shape and NaN check: true when a diagnostic must return NaN.
    func isInvalid(minChains: Int, minDraws: Int = 4) -> Bool {
        containsNaN || nChains < minChains || nDraws < minDraws
    }

    func map(_ transform: (Double) -> Double) -> DrawMatrix {
        DrawMatrix(nChains: nChains, nDraws: nDraws, values: values.map(transform))
    }

    /// ArviZ's `_split_chains`: with h = nDraws / 2 (integer division) every chain becomes its
    /// first h and its last h draws, all first halves stacked before all second halves. For an
    /// odd draw count the middle draw of each chain is dropped.
    func splitChains() -> DrawMatrix {
        let half = nDraws / 2
        var out = [Double]()
        out.reserveCapacity(2 * nChains * half)
        for c in 0..<nChains { out += values[(c * nDraws)..<(c * nDraws + half)] }
        for c in 0..<nChains { out += values[((c + 1) * nDraws - half)..<((c + 1) * nDraws)] }
        return DrawMatrix(nChains: 2 * nChains, nDraws: half, values: out)
    }
}
