import Ensemble
import Foundation

// How a checkpoint's rows become a segment and the chain file's row datasets map the segments.
extension ChainWriter {
    /// The row datasets of one checkpoint, named as in the chain group and in a segment.
    func rowBlocks(_ rows: ChainRows, tempering history: TemperedHistory?) -> [RowBlock] {
        let n = rows.stepCount, w = shape.walkers
        var blocks = [
            RowBlock(name: EmceeLayout.chainDataset, rows: n, rowShape: [w, shape.dimension], elementCount: 1, values: rows.positions.values),
            RowBlock(name: EmceeLayout.logProbDataset, rows: n, rowShape: [w], elementCount: 1, values: rows.logProbabilities.values),
        ]
        if shape.blobs > 0 {
            blocks.append(RowBlock(name: EmceeLayout.blobsDataset, rows: n, rowShape: [w], elementCount: shape.blobs, values: rows.blobs.values))
        }
        if let h = history {
            let k = h.temperatures
            blocks += [
                RowBlock(name: DarkzLayout.betasDataset, rows: n, rowShape: [k], elementCount: 1, values: h.betas),
                RowBlock(name: DarkzLayout.logLikelihoodDataset, rows: n, rowShape: [k, w], elementCount: 1, values: h.logLikelihoods),
                RowBlock(name: DarkzLayout.swapsAcceptedDataset, rows: n, rowShape: [max(k - 1, 1)], elementCount: 1,
                         values: k > 1 ? h.swapsAccepted : [Double](repeating: 0, count: n)),
            ]
        }
        return blocks
    }

    /// The tempering subgroup of a chain group, nil for an untempered run.
    func temperingGroup(of group: H5Object) throws -> H5Object? {
        guard group.hasLink(DarkzLayout.group) else { return nil }
        let darkz = try group.openGroup(DarkzLayout.group)
        return darkz.hasLink(DarkzLayout.temperingGroup) ? try darkz.openGroup(DarkzLayout.temperingGroup) : nil
    }

    /// The group holding row dataset `name`: the chain group, or its tempering subgroup.
    func rowParent(_ name: String, in group: H5Object) throws -> H5Object {
        DarkzLayout.temperingRowDatasets.contains(name)
            ? try group.openGroup(DarkzLayout.group).openGroup(DarkzLayout.temperingGroup) : group
    }

    /// The row datasets the file holds now (name, parent group, row shape, doubles per element).
    func storedRowDatasets(in group: H5Object) throws -> [(name: String, parent: H5Object, rowShape: [Int], elementCount: Int)] {
        let w = shape.walkers
        var datasets = [(EmceeLayout.chainDataset, group, [w, shape.dimension], 1), (EmceeLayout.logProbDataset, group, [w], 1)]
        if shape.blobs > 0 { datasets.append((EmceeLayout.blobsDataset, group, [w], shape.blobs)) }
        if let tempering = try temperingGroup(of: group) {
            let k = Int(try tempering.readInt64Attribute(DarkzLayout.temperaturesAttribute))
            datasets += [(DarkzLayout.betasDataset, tempering, [k], 1), (DarkzLayout.logLikelihoodDataset, tempering, [k, w], 1),
                         (DarkzLayout.swapsAcceptedDataset, tempering, [max(k - 1, 1)], 1)]
        }
        return datasets.map { (name: $0.0, parent: $0.1, rowShape: $0.2, elementCount: $0.3) }
    }

    /// Rewrites every row the file holds (steps 0 ..< iteration, in the file itself or in its
    /// segments) into one new segment, a few MB at a time, read back and compared; returns its path
    /// and datasets. The first checkpoint of a resumed self-contained file does this once, and a
    /// checkpoint that would pass `maximumSegments` does it to keep the number of files bounded.
    func writeConsolidatedSegment() throws -> (path: String, datasets: Set<String>) {
        let steps = iteration
        let segment = try folder.newSegment(firstStep: 0, steps: steps)
        do {
            let names = try HDF5Library.run(path: url.path) { () -> [String] in
                let source = try H5Object.openForReading(url)
                let datasets = try storedRowDatasets(in: source.openGroup(groupName))
                func blocks(_ valuesPerRow: Int) -> StrideTo<Int> { stride(from: 0, to: steps, by: max(1, (1 << 20) / max(valuesPerRow, 1))) }
                let target = try folder.createSegmentFile(segment.partial, firstStep: 0, steps: steps)
                for d in datasets {
                    let from = try d.parent.openDataset(d.name)
                    let to = try target.createSegmentDataset(d.name, rows: steps, rowShape: d.rowShape, elementCount: d.elementCount)
                    let perRow = d.rowShape.reduce(1, *) * d.elementCount
                    for start in blocks(perRow) {
                        let n = min(steps - start, max(1, (1 << 20) / max(perRow, 1)))
                        try to.writeRows(start: start, rows: n, try from.readRows(start: start, rows: n))
                    }
                }
                try target.close("closing \(segment.partial.lastPathComponent)")
                let written = try H5Object.openFile(segment.partial.path, locking: false)
                for d in datasets {
                    let from = try d.parent.openDataset(d.name), back = try written.openDataset(d.name)
                    let perRow = d.rowShape.reduce(1, *) * d.elementCount
                    for start in blocks(perRow) {
                        let n = min(steps - start, max(1, (1 << 20) / max(perRow, 1)))
                        guard try from.readRows(start: start, rows: n).map(\.bitPattern) == back.readRows(start: start, rows: n).map(\.bitPattern) else {
                            throw ChainFileError.checkpointVerificationFailed(
                                path: url.path, reason: "the segment \(segment.path) does not read back as written")
                        }
                    }
                }
                return datasets.map(\.name)
            }
            try folder.commit(segment)
            return (segment.path, Set(names))
        } catch {
            try? FileManager.default.removeItem(at: segment.partial)
            throw error
        }
    }

    /// Replaces each row dataset of `blocks` in the partial file's `group` by a virtual dataset:
    /// its earlier mappings (or the consolidated segment `base`, which replaces them), then `segment`'s.
    func mapRows(_ blocks: [RowBlock], segment: String, base: (path: String, datasets: Set<String>)?, in group: H5Object) throws {
        for block in blocks {
            let parent = try rowParent(block.name, in: group)
            var mappings: [VirtualRows] = []
            if parent.hasLink(block.name) {
                let dataset = try parent.openDataset(block.name)
                mappings = try dataset.virtualRows()
                if let base, base.datasets.contains(block.name) {
                    mappings = [VirtualRows(file: base.path, dataset: block.name, firstRow: 0, rows: iteration)]
                } else if mappings.isEmpty, iteration > 0, try dataset.numericShape().dimensions[0] > 0 {
                    // rows in the file itself that no segment holds: compacted under this writer
                    throw ChainFileError.inconsistentFile(
                        path: url.path, reason: "its \(block.name) rows are no longer in segments; another program changed it")
                }
                try parent.deleteLink(block.name)
            }
            mappings.append(VirtualRows(file: segment, dataset: block.name, firstRow: iteration, rows: block.rows))
            try parent.createVirtualRowDataset(block.name, rows: iteration + block.rows, rowShape: block.rowShape,
                                               elementCount: block.elementCount, mappings: mappings)
        }
    }

    func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// What one checkpoint took and wrote (`ChainWriter.checkpointObserver`).
public struct CheckpointRecord: Sendable, Equatable {
    /// Steps in the file after the checkpoint.
    public let iteration: Int
    /// Steps the checkpoint appended; 0 for a compaction (`ChainWriter.compact`).
    public let steps: Int
    /// Wall time of the whole checkpoint (segment, chain file, fsyncs, rename).
    public let seconds: Double
    /// Size of the new segment.
    public let segmentBytes: Int
    /// Size of the chain file itself (without its segments).
    public let fileBytes: Int
}
