/// Steps several ensembles at once with their evaluations spread over an `EvaluationGroup`: subset
/// phase by subset phase, the proposals of every ensemble in the phase form one list, cut into
/// contiguous shares, one per process; each process evaluates its share on its threads, one
/// exchange per phase gives every process all results, and every process accepts alike. A
/// tempered step with the red-blue moves thus costs two exchanges, whatever the temperatures.
final class GroupedEvaluation {
    let group: EvaluationGroup
    /// Values per evaluation: the log-density and the blobs.
    let stride: Int
    private var results: [Double] = []
    private var counts: [Int32]
    private var offsets: [Int32]
    private var listStart: [Int] = []

    init(group: EvaluationGroup, blobCount: Int) {
        self.group = group
        stride = 1 + blobCount
        counts = [Int32](repeating: 0, count: group.size)
        offsets = [Int32](repeating: 0, count: group.size)
    }

    /// One step of every ensemble in `steps`, evaluations on `workers`' threads of each process.
    func step(_ steps: [PhasedStep], workers: WorkerPool) {
        let phases = steps.map(\.subsetCount).max() ?? 0
        for phase in 0..<phases {
            // This phase's list: the members of every ensemble with such a subset, ensemble by ensemble.
            listStart.removeAll(keepingCapacity: true)
            var total = 0
            for step in steps {
                listStart.append(total)
                if phase < step.subsetCount { total += step.propose(subset: phase) }
            }
            listStart.append(total)
            if results.count < total * stride { results = [Double](repeating: 0, count: total * stride) }
            let size = group.size, rank = group.rank
            for r in 0..<size {
                let lo = group.shareStart(r, of: total), hi = group.shareStart(r + 1, of: total)
                offsets[r] = Int32(lo * stride)
                counts[r] = Int32((hi - lo) * stride)
            }
            let mine = group.shareStart(rank, of: total), mineEnd = group.shareStart(rank + 1, of: total)
            results.withUnsafeMutableBufferPointer { buffer in
                let out = SharedBuffer(buffer.baseAddress!, count: buffer.count)
                let starts = listStart, stride = stride
                let list = UncheckedSteps(steps)
                workers.forEachChunk(of: mineEnd - mine) { range, _ in
                    var e = 0
                    for j in range {
                        let item = mine + j
                        while starts[e + 1] <= item { e += 1 }
                        list.steps[e].evaluate(member: item - starts[e], into: out.base + item * stride)
                    }
                }
                counts.withUnsafeBufferPointer { c in
                    offsets.withUnsafeBufferPointer { o in group.exchange(buffer, counts: c, offsets: o) }
                }
            }
            results.withUnsafeBufferPointer { buffer in
                for (e, step) in steps.enumerated() where phase < step.subsetCount {
                    step.accept(from: buffer.baseAddress! + listStart[e] * stride)
                }
            }
        }
        for step in steps { step.finish() }
    }
}

/// The phased steps handed to worker threads, each of which evaluates distinct members (the
/// evaluations only read the samplers' state and write their own result slots).
private struct UncheckedSteps: @unchecked Sendable {
    let steps: [PhasedStep]
    init(_ steps: [PhasedStep]) { self.steps = steps }
}
