import Foundation

extension ChainWriter {
    /// Makes the file self-contained again: its rows move from the segments into ordinary chunked,
    /// compressed datasets of the file (emcee's own layout, which emcee can also append to), in one
    /// checkpoint, and the segment folder is deleted. Costs a read and a write of every row, once;
    /// does nothing to a file that is self-contained already (but removes a leftover folder).
    ///
    /// Killed before the checkpoint's rename, the segmented file stays as it was; after it, the
    /// folder is unreferenced, and the next writer (`resume`, `compact`, `create`) deletes it.
    public func compact() throws {
        guard isSegmented else {
            folder.removeUnreferenced(keeping: [])
            return
        }
        let started = Date()
        try writeCheckpoint(iteration: iteration, stateIteration: iteration) { file, _ in
            try copyCurrentFile(into: file)
            // rows read through the current file opened read-only, so its segments open read-only
            let source = try H5Object.openForReading(url)
            let from = try source.openGroup(groupName), to = try file.openGroup(groupName)
            for name in [EmceeLayout.chainDataset, EmceeLayout.logProbDataset, EmceeLayout.blobsDataset] where to.hasLink(name) {
                try materialize(name, from: from, in: to)
            }
            if let tempering = try temperingGroup(of: to), let sourceTempering = try temperingGroup(of: from) {
                for name in DarkzLayout.temperingRowDatasets where tempering.hasLink(name) {
                    try materialize(name, from: sourceTempering, in: tempering)
                }
            }
        }
        segments = []
        folder.removeUnreferenced(keeping: [])
        checkpointObserver?(CheckpointRecord(iteration: iteration, steps: 0, seconds: Date().timeIntervalSince(started),
                                             segmentBytes: 0, fileBytes: fileSize(url)))
    }

    /// Replaces the virtual dataset `name` of `parent` (a copy of `source`'s) by a chunked,
    /// compressed dataset holding the same rows, read from `source`'s a few MB at a time, in whole
    /// chunks.
    private func materialize(_ name: String, from source: H5Object, in parent: H5Object) throws {
        guard try parent.openDataset(name).isVirtualDataset() else { return }
        let virtual = try source.openDataset(name)
        let shape = try virtual.numericShape()
        let rows = shape.dimensions[0], rowShape = Array(shape.dimensions.dropFirst())
        let perRow = rowShape.reduce(1, *) * shape.elementCount
        let chunkRows = EmceeLayout.chunkRows(valuesPerRow: perRow)
        let temporary = name + ".compacting"
        let target = try parent.createRowDataset(temporary, rows: rows, rowShape: rowShape, elementCount: shape.elementCount,
                                                 chunkRows: chunkRows)
        let block = chunkRows * max(1, (1 << 20) / max(chunkRows * perRow, 1))
        var start = 0
        while start < rows {
            let n = min(block, rows - start)
            try target.writeRows(start: start, rows: n, try virtual.readRows(start: start, rows: n))
            start += n
        }
        try parent.deleteLink(name)
        try parent.moveLink(temporary, to: name)
    }
}
