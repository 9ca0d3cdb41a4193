extension ChainWriter {
    /// Replaces the stored priors text (darkz's run description) in one checkpoint, rows and state
    /// unchanged: how `darkz resume --max-steps` records a new maximum for later resumes.
    public func replacePriorsText(_ text: String) throws {
        try writeCheckpoint(iteration: iteration, stateIteration: iteration) { file, _ in
            try copyCurrentFile(into: file)
            let darkz = try file.openGroup(groupName).openGroup(DarkzLayout.group)
            try darkz.writeAttribute(DarkzLayout.priorsAttribute, string: text)
        }
    }
}
