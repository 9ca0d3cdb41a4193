import ChainStorage
import Foundation
import Testing

/// Ctrl-C during `darkz sample`: the run saves its steps, says how to go on, exits 130, and the
/// file resumes from that step.
@Suite("Interrupting a run", .serialized)
struct InterruptionTests {
    @Test("SIGINT: 'interrupted at step N, saved; continue with darkz resume FILE', exit 130; resume says it continues from N")
    func interruptSavesAndResumes() throws {
        let dir = try MPICommandTests.folder("interrupt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let priors = try MPICommandTests.shortPriors(in: dir, checkEvery: 20, endless: true)
        let file = dir + "/run.h5", log = dir + "/checkpoints.tsv"
        let process = Process()
        process.executableURL = DarkzRunner.executable
        process.arguments = ["sample", "--priors", priors, "--max-steps", "100000", "--out", file, "--threads", "1", "--checkpoint-log", log]
        process.currentDirectoryURL = URL(fileURLWithPath: DarkzRunner.root)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count < 2 {
            Thread.sleep(forTimeInterval: 0.2)
        }
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        let saved = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        #expect(stderr.contains("interrupted at step \(saved.iteration), saved; continue with darkz resume \(file)"), "\(stderr)")
        #expect(saved.iteration >= 20)
        // Progress lines (stderr is no terminal here): the percentage and the convergence target.
        #expect(stderr.contains("step 20/100000 (0%)"), "\(stderr)")

        let resumed = try DarkzRunner.run(["resume", file, "--max-steps", "\(saved.iteration + 20)", "--threads", "1"])
        #expect(resumed.stdout.contains("\(file): continuing from step \(saved.iteration) to \(saved.iteration + 20) steps"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("after \(saved.iteration + 20) steps in "), "\(resumed.stdout)")
    }
}
