/// Checks an initial ensemble and evaluates the target there (the start of
/// `EnsembleSampler.init(target:moves:initialPositions:seed:...)`).
enum InitialState {
    static func make<Target: LogDensity>(
        target: Target, positions: [[Double]], seed: UInt64, threads: Int, degeneracyTolerance: Double
    ) throws -> SamplerState {
        guard threads >= 1 else { throw SamplerError.invalidThreadCount(threads) }
        let w = positions.count, d = target.dimension, nb = target.blobCount
        precondition(d >= 1 && nb >= 0, "a target needs at least one parameter and no negative blob count")
        guard w >= 2 * d, w >= 2 else { throw SamplerError.tooFewWalkers(walkers: w, dimension: d) }
        for (i, p) in positions.enumerated() {
            guard p.count == d else { throw SamplerError.dimensionMismatch(walker: i, expected: d, got: p.count) }
            guard p.allSatisfy(\.isFinite) else { throw SamplerError.nonFiniteInitialPosition(walker: i) }
        }
        let flat = positions.flatMap { $0 }
        let ratio = EnsembleGeometry.relativeSmallestEigenvalue(flat, walkers: w, dimension: d)
        guard ratio >= degeneracyTolerance else {
            throw SamplerError.degenerateInitialEnsemble(relativeEigenvalue: ratio, tolerance: degeneracyTolerance)
        }

        let x = UnsafeMutablePointer<Double>.allocate(capacity: w * d)
        let lp = UnsafeMutablePointer<Double>.allocate(capacity: w)
        let b = UnsafeMutablePointer<Double>.allocate(capacity: max(w * nb, 1))
        defer { x.deallocate(); lp.deallocate(); b.deallocate() }
        x.initialize(from: flat, count: w * d)
        b.initialize(repeating: 0, count: max(w * nb, 1))
        let (xs, lps, bs) = (SharedBuffer(x, count: w * d), SharedBuffer(lp, count: w), SharedBuffer(b, count: w * nb))
        WorkerPool.forEachChunk(of: w, chunks: threads) { range, _ in
            for i in range {
                lps.base[i] = target.logDensity(UnsafeBufferPointer(xs.slice(i * d, d)), blobs: bs.slice(i * nb, nb))
            }
        }
        let logDensities = Array(UnsafeBufferPointer(start: lp, count: w))
        let blobs = Array(UnsafeBufferPointer(start: b, count: w * nb))
        if let bad = logDensities.firstIndex(where: { !$0.isFinite }) {
            throw SamplerError.nonFiniteInitialLogDensity(walker: bad, value: logDensities[bad])
        }
        return SamplerState(
            walkerCount: w, dimension: d, blobCount: nb, iteration: 0,
            positions: flat, logDensities: logDensities, blobs: blobs,
            walkerStreams: (0..<w).map { Xoshiro256StarStar.walkerStream(seed: seed, walker: $0) },
            samplerStream: .samplerStream(seed: seed),
            acceptedCounts: [Int](repeating: 0, count: w), nonFiniteCounts: [Int](repeating: 0, count: w))
    }
}
