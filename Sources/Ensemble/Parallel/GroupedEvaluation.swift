/// Steps several ensembles at once with their evaluations spread over an `EvaluationGroup`: subset
/// phase by subset phase, the proposals of every ensemble in the phase form one list, dealt out
/// to the processes in turn (item j to process j mod N); each process evaluates its share on its threads, one
/// exchange per phase gives every process all results, and every process accepts alike. A
/// tempered step with the red-blue moves thus costs two exchanges, whatever the temperatures.
final class GroupedEvaluation {
    let group: EvaluationGroup
    /// Values per evaluation: the log-density and the blobs.
    let stride: Int
    private var results: [Double] = []
    private var ordered: [Double] = []
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
            if results.count < total * stride {
                results = [Double](repeating: 0, count: total * stride)
                ordered = results
            }
            // Item j goes to rank j mod N (strided: a proposal outside the prior costs nothing, and
            // those crowd the hot temperatures), stored in that rank's contiguous block.
            let size = group.size, rank = group.rank
            var start = 0
            for r in 0..<size {
                let n = (total - r + size - 1) / size
                offsets[r] = Int32(start * stride)
                counts[r] = Int32(n * stride)
                start += n
            }
            let mine = Int(counts[rank]) / stride, mineStart = Int(offsets[rank]) / stride
            results.withUnsafeMutableBufferPointer { buffer in
                let out = SharedBuffer(buffer.baseAddress!, count: buffer.count)
                let starts = listStart, stride = stride
                let list = UncheckedSteps(steps)
                workers.forEachChunk(of: mine) { range, _ in
                    var e = 0
                    for i in range {
                        let item = rank + i * size
                        while starts[e + 1] <= item { e += 1 }
                        list.steps[e].evaluate(member: item - starts[e], into: out.base + (mineStart + i) * stride)
                    }
                }
                counts.withUnsafeBufferPointer { c in
                    offsets.withUnsafeBufferPointer { o in group.exchange(buffer, counts: c, offsets: o) }
                }
            }
            // Back to list order, then every ensemble accepts its members.
            for j in 0..<total {
                let from = (Int(offsets[j % size]) / stride + j / size) * stride
                for v in 0..<stride { ordered[j * stride + v] = results[from + v] }
            }
            ordered.withUnsafeBufferPointer { buffer in
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
