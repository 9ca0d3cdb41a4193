import Foundation
import Testing
import Cluster

/// The MPI world: one process without a launcher (MPI never initialised), and the ranks, size and
/// an all-reduce under `mpirun` on loopback. mpirun runs as root here only with Open MPI's two
/// environment variables, and needs --oversubscribe for more ranks than the 2 cores.
@Suite("MPI world", .serialized)
struct MPIWorldTests {
    static var helper: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ClusterWorldHelper")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/ClusterWorldHelper")
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
        for key in environment.keys where key.hasPrefix("OMPI_COMM_WORLD") || key.hasPrefix("PMIX_") { environment[key] = nil }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var mpirun: String? {
        ["/usr/bin/mpirun", "/usr/local/bin/mpirun"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func withoutALauncherTheWorldIsOneProcess() throws {
        let out = try Self.run(Self.helper.path, [])
        #expect(out.status == 0)
        #expect(out.output == "rank 0 of 1, mpi false, sum 1\n")
    }

    /// Every rank reports itself once, the world has N ranks, and the all-reduce gives N(N+1)/2.
    @Test(arguments: [2, 3])
    func underMpirun(ranks: Int) throws {
        let mpirun = try #require(Self.mpirun, "mpirun (openmpi-bin) is not installed")
        let out = try Self.run(mpirun, ["-n", "\(ranks)", "--oversubscribe", Self.helper.path])
        #expect(out.status == 0, "\(out.output)")
        let lines = Set(out.output.split(separator: "\n").map(String.init))
        let expected = Set((0..<ranks).map { "rank \($0) of \(ranks), mpi true, sum \(ranks * (ranks + 1) / 2)" })
        #expect(lines == expected)
    }
}
