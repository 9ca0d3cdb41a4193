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

    /// The rows a self-contained file holds (steps 0 ..< iteration), as blocks of a segment.
    func storedRowBlocks(in group: H5Object) throws -> [RowBlock] {
        let n = iteration, w = shape.walkers
        func block(_ parent: H5Object, _ name: String, _ rowShape: [Int], _ elementCount: Int) throws -> RowBlock {
            RowBlock(name: name, rows: n, rowShape: rowShape, elementCount: elementCount,
                     values: try parent.openDataset(name).readRows(n).values)
        }
        var blocks = [try block(group, EmceeLayout.chainDataset, [w, shape.dimension], 1),
                      try block(group, EmceeLayout.logProbDataset, [w], 1)]
        if shape.blobs > 0 { blocks.append(try block(group, EmceeLayout.blobsDataset, [w], shape.blobs)) }
        if let tempering = try temperingGroup(of: group) {
            let k = Int(try tempering.readInt64Attribute(DarkzLayout.temperaturesAttribute))
            blocks += [try block(tempering, DarkzLayout.betasDataset, [k], 1),
                       try block(tempering, DarkzLayout.logLikelihoodDataset, [k, w], 1),
                       try block(tempering, DarkzLayout.swapsAcceptedDataset, [max(k - 1, 1)], 1)]
        }
        return blocks
    }

    /// Moves the rows of a self-contained file into a first segment (the file still holds them
    /// until the checkpoint that maps the segment replaces it); returns the segment's path and
    /// the datasets it holds.
    func writeBaseSegment() throws -> (path: String, datasets: Set<String>) {
        let blocks = try HDF5Library.run(path: url.path) {
            let file = try H5Object.openForReading(url)
            return try storedRowBlocks(in: file.openGroup(groupName))
        }
        return (try folder.write(blocks, firstStep: 0, steps: iteration), Set(blocks.map(\.name)))
    }

    /// Replaces each row dataset of `blocks` in the partial file's `group` by a virtual dataset:
    /// its earlier mappings (or the base segment's rows of a self-contained file), then `segment`'s.
    func mapRows(_ blocks: [RowBlock], segment: String, base: (path: String, datasets: Set<String>)?, in group: H5Object) throws {
        for block in blocks {
            let parent = try rowParent(block.name, in: group)
            var mappings: [VirtualRows] = []
            if parent.hasLink(block.name) {
                let dataset = try parent.openDataset(block.name)
                mappings = try dataset.virtualRows()
                if mappings.isEmpty, let base, base.datasets.contains(block.name) {
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
