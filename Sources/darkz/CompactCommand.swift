import ArgumentParser
import ChainStorage
import Foundation

/// `darkz compact FILE`: makes a chain file self-contained, moving the rows of its segment folder
/// (`FILE.segments`, left by an interrupted or running-then-killed run) back into the file.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Make a chain file self-contained: move the rows of its segment folder into it and delete the folder.",
        discussion: "darkz sample and resume do this at the end of a run; an interrupted run leaves FILE.segments beside FILE, which belongs to it. Safe to interrupt: until the file is replaced, the segmented file stays as it was. Do not run it while a sampler is writing the file.")

    @Argument(help: "The chain file.")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let writer = try ChainWriter.resume(at: url)
        let segmented = writer.isSegmented
        try writer.compact()
        let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
        print(segmented ? "\(file): compacted, \(writer.iteration) steps in one file of \(size) bytes"
                        : "\(file): already self-contained (\(writer.iteration) steps, \(size) bytes)")
    }
}
