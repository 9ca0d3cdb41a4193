import ChainStorage
import Foundation
import Testing

/// darkz under `mpirun` on loopback: sample, resume, scan and regions give the single process's
/// output bit for bit with 2 and 3 ranks (3 oversubscribe the 2 cores), whatever the threads.
/// mpirun runs as root here only with Open MPI's two environment variables.
@Suite("darkz under mpirun", .serialized)
struct MPICommandTests {
    static var mpirun: String? {
        ["/usr/bin/mpirun", "/usr/local/bin/mpirun"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
        for key in environment.keys where key.hasPrefix("OMPI_COMM_WORLD") || key.hasPrefix("PMIX_") { environment[key] = nil }
        return environment
    }

    /// Starts darkz under `mpirun -n ranks --oversubscribe` from the repository root.
    static func start(ranks: Int, _ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(mpirun, "mpirun (openmpi-bin) is not installed"))
        process.arguments = ["-n", "\(ranks)", "--oversubscribe", DarkzRunner.executable.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: DarkzRunner.root)
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(ranks: Int, _ arguments: [String]) throws -> DarkzRunner.Output {
        let (process, out, err) = try start(ranks: ranks, arguments)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DarkzRunner.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                  stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func folder(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "darkz-mpi-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Case C with 3 temperatures of 8 walkers, the ladder adapting for 50 steps (short: debug
    /// builds); `checkEvery` also sets the checkpoints, and `endless` makes convergence unreachable.
    static func shortPriors(in dir: String, checkEvery: Int = 500, endless: Bool = false) throws -> String {
        let caseC = try String(contentsOfFile: DarkzRunner.root + "/priors/caseC.toml", encoding: .utf8)
        let short = caseC.replacingOccurrences(of: "temperatures = 12", with: "temperatures = 3")
            .replacingOccurrences(of: "adaptation_steps = 2000", with: "adaptation_steps = 50")
            .replacingOccurrences(of: "walkers = 32", with: "walkers = 8")
            .replacingOccurrences(of: "check_every = 500", with: "check_every = \(checkEvery)" + (endless ? "\nmin_steps_per_tau = 1e9" : ""))
            .replacingOccurrences(of: "checkpoint_every = 1000", with: "checkpoint_every = \(checkEvery)")
        #expect(short.contains("temperatures = 3") && short.contains("walkers = 8") && short.contains("checkpoint_every = \(checkEvery)"))
        let path = dir + "/short.toml"
        try short.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The two files hold the same run: chain, log-probabilities, blobs, tempering record and
    /// sampler state, bit for bit.
    static func expectSameRun(_ a: String, _ b: String) throws {
        let x = try ChainFile(contentsOf: URL(fileURLWithPath: a)), y = try ChainFile(contentsOf: URL(fileURLWithPath: b))
        #expect(x.iteration == y.iteration)
        #expect(x.chain.values.map(\.bitPattern) == y.chain.values.map(\.bitPattern))
        #expect(x.logProbabilities.values.map(\.bitPattern) == y.logProbabilities.values.map(\.bitPattern))
        #expect(x.blobs.values.map(\.bitPattern) == y.blobs.values.map(\.bitPattern))
        #expect(x.tempering == y.tempering)
        #expect(x.samplerState == y.samplerState)
    }

    @Test("sample: 2 and 3 ranks (1 and 2 threads) write the single process's chain bit for bit; resume continues with another rank count")
    func sampleIsBitIdentical() throws {
        let dir = try Self.folder("sample")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let priors = try Self.shortPriors(in: dir)
        let common = ["sample", "--priors", priors, "--max-steps", "160", "--overwrite"]
        let alone = try DarkzRunner.run(common + ["--out", dir + "/alone.h5", "--threads", "2"])
        #expect(alone.stdout.contains("after 160 steps"), "\(alone.stderr)")
        for (ranks, threads) in [(2, 1), (3, 2)] {
            let file = dir + "/ranks\(ranks).h5"
            let out = try Self.run(ranks: ranks, common + ["--out", file, "--threads", "\(threads)"])
            // Rank 0 alone reports: one result line.
            #expect(out.stdout.components(separatedBy: "after 160 steps").count == 2, "\(out.stdout)\n\(out.stderr)")
            try Self.expectSameRun(dir + "/alone.h5", file)
        }
        // 80 steps on 2 ranks, then resumed to 160 on 3 ranks.
        let parts = dir + "/parts.h5"
        _ = try Self.run(ranks: 2, ["sample", "--priors", priors, "--max-steps", "80", "--out", parts, "--threads", "1"])
        let resumed = try Self.run(ranks: 3, ["resume", parts, "--max-steps", "160", "--threads", "1"])
        #expect(resumed.stdout.contains("after 160 steps"), "\(resumed.stdout)\n\(resumed.stderr)")
        try Self.expectSameRun(dir + "/alone.h5", parts)
    }

    @Test("scan and regions (posterior and profile): 2 and 3 ranks write the single process's files byte for byte")
    func gridsAreIdentical() throws {
        let dir = try Self.folder("grids")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scan = ["scan", "--case", "C", "--g-mu", "-0.033", "--constraints", "bs-mumu,k-pi-nunu,g-2", "--points", "24", "--threads", "1"]
        let alone = try DarkzRunner.run(scan + ["--out", dir + "/scan1"])
        #expect(alone.status == 0, "\(alone.stderr)")
        let priors = try Self.shortPriors(in: dir)
        let chain = dir + "/chain.h5"
        _ = try DarkzRunner.run(["sample", "--priors", priors, "--max-steps", "120", "--out", chain, "--threads", "2"])
        let regions = ["regions", chain, "--grid", "12", "--constraints", "bs-mumu,g-2", "--threads", "1"]
        for mode in [[], ["--profile"]] {
            let out = try DarkzRunner.run(regions + mode + ["--out", dir + "/regions1\(mode.count)"])
            #expect(out.status == 0, "\(out.stderr)")
        }
        for ranks in [2, 3] {
            let out = try Self.run(ranks: ranks, scan + ["--out", dir + "/scan\(ranks)r"])
            #expect(out.status == 0, "\(out.stderr)")
            for name in ["scan.csv", "scan.svg"] {
                #expect(FileManager.default.contentsEqual(atPath: "\(dir)/scan1/\(name)", andPath: "\(dir)/scan\(ranks)r/\(name)"), "\(name)")
            }
            for mode in [[], ["--profile"]] {
                let folder = dir + "/regions\(ranks)r\(mode.count)"
                let out = try Self.run(ranks: ranks, regions + mode + ["--out", folder])
                #expect(out.status == 0, "\(out.stderr)")
                for name in ["regions.csv", "regions.json", "regions.svg"] {
                    #expect(FileManager.default.contentsEqual(atPath: "\(dir)/regions1\(mode.count)/\(name)", andPath: "\(folder)/\(name)"),
                            "\(name) \(mode)")
                }
            }
        }
    }

    @Test("A setting-up error under mpirun is one error line from one rank, exit 2")
    func setUpErrorIsOneLine() throws {
        let dir = try Self.folder("error")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/exists.h5"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let out = try Self.run(ranks: 2, ["sample", "--case", "C", "--out", file, "--max-steps", "10"])
        #expect(out.status != 0)
        let lines = out.stderr.split(separator: "\n").filter { $0.hasPrefix("darkz: error:") }
        #expect(lines == ["darkz: error: rank 0: Cannot write to chain file \(file): exists already; continue it with `darkz resume \(file)` or pass --overwrite."])
        let parse = try Self.run(ranks: 2, ["sample", "--case", "C", "--walkers", "1"])
        #expect(parse.stderr.split(separator: "\n").filter { $0.hasPrefix("darkz: error:") }.count == 1, "\(parse.stderr)")
    }

    /// The pid of the darkz process of `rank` among mpirun's children (from its environment).
    static func pid(ofRank rank: Int, under launcher: Process) -> Int32? {
        let children = (try? String(contentsOfFile: "/proc/\(launcher.processIdentifier)/task/\(launcher.processIdentifier)/children",
                                    encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) {
            guard let environ = FileManager.default.contents(atPath: "/proc/\(child)/environ") else { continue }
            let variables = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if variables.contains("OMPI_COMM_WORLD_RANK=\(rank)") { return child }
        }
        return nil
    }

    @Test("A rank killed mid-run ends the whole run: one darkz error line naming the last checkpoint, mpirun naming rank 1; the file resumes in one process bit for bit")
    func killedRankLeavesAResumableFile() throws {
        let dir = try Self.folder("failure")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let priors = try Self.shortPriors(in: dir, checkEvery: 20, endless: true)
        let file = dir + "/killed.h5", log = dir + "/checkpoints.tsv"
        let (launcher, out, err) = try Self.start(ranks: 2, ["sample", "--priors", priors, "--max-steps", "100000", "--out", file,
                                                             "--threads", "1", "--checkpoint-log", log])
        defer { if launcher.isRunning { launcher.terminate() } }
        // Wait for the first checkpoint (two lines: the header and step 20), then kill rank 1.
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count < 2 {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let victim = try #require(Self.pid(ofRank: 1, under: launcher), "rank 1 not found among mpirun's children")
        kill(victim, SIGKILL)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        launcher.waitUntilExit()
        #expect(launcher.terminationStatus != 0)
        let ours = stderr.split(separator: "\n").filter { $0.hasPrefix("darkz: error:") }
        #expect(ours.count == 1 && ours[0].contains("the run was ended by mpirun") && ours[0].contains("continue with darkz resume"), "\(stderr)")
        #expect(stderr.contains("rank 1"), "\(stderr)")

        // The file holds a checkpoint; resumed in one process past it, it equals an uninterrupted run.
        let killed = try ChainFile(contentsOf: URL(fileURLWithPath: file))
        let steps = killed.iteration
        #expect(steps >= 20 && steps % 20 == 0)
        let resumed = try DarkzRunner.run(["resume", file, "--max-steps", "\(steps + 40)", "--threads", "2"])
        #expect(resumed.stdout.contains("continuing from step \(steps)"), "\(resumed.stdout)\n\(resumed.stderr)")
        let alone = dir + "/alone.h5"
        _ = try DarkzRunner.run(["sample", "--priors", priors, "--max-steps", "\(steps + 40)", "--out", alone, "--threads", "1"])
        try Self.expectSameRun(alone, file)
    }

    @Test("sample --ensembles 3 on 2 ranks: ensemble 0 is the plain run, the summary is diagnose's on the three files, and ArviZ agrees")
    func independentEnsembles() throws {
        let dir = try Self.folder("ensembles")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let priors = try Self.shortPriors(in: dir)
        let out = try Self.run(ranks: 2, ["sample", "--priors", priors, "--ensembles", "3", "--max-steps", "160", "--out", dir + "/ens.h5",
                                          "--threads", "1"])
        #expect(out.status == 0 || out.status == 3, "\(out.stderr)")
        #expect(out.stdout.contains("3 ensembles combined"), "\(out.stdout)")
        let files = (0..<3).map { "\(dir)/ens-e\($0).h5" }
        let plain = dir + "/plain.h5"
        _ = try DarkzRunner.run(["sample", "--priors", priors, "--max-steps", "160", "--out", plain, "--threads", "2"])
        try Self.expectSameRun(plain, files[0])
        let seeds = try files.map { try ChainFile(contentsOf: URL(fileURLWithPath: $0)).metadata.seed }
        #expect(Set(seeds.map { "\($0 as Any)" }).count == 3, "\(seeds)")

        let summary = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/ens-ensembles.json")))) as? [String: Any])
        let diagnose = try #require(summary["diagnose"] as? [String: Any])
        let direct = try #require(try DarkzRunner.run(["diagnose"] + files + ["--json"]).json)
        let ours = try #require(diagnose["parameters"] as? [[String: Any]]), theirs = try #require(direct["parameters"] as? [[String: Any]])
        #expect(ours.count == 2 && theirs.count == 2)
        for (a, b) in zip(ours, theirs) {
            for key in ["rhat", "ess_bulk", "ess_tail", "tau"] { #expect(a[key] as? Double == b[key] as? Double, "\(key)") }
        }
        // Tempered ensembles: the evidence of each and combined.
        let evidence = try #require(summary["evidence"] as? [String: Any])
        #expect((evidence["files"] as? [Any])?.count == 3)

        guard ArvizScript.isAvailable else { return }
        let kept = try #require(diagnose["kept_steps"] as? Int)
        let firsts = try #require(diagnose["files"] as? [[String: Any]]).compactMap { $0["first_kept_step"] as? Int }
        let arviz = try ArvizScript.run(draws: kept, files: Array(zip(files, firsts)))
        #expect(arviz.chains == 24)
        for (k, p) in ours.enumerated() {
            for (key, value) in [("rhat", arviz.rhat[k]), ("ess_bulk", arviz.ess_bulk[k]), ("ess_tail", arviz.ess_tail[k])] {
                let mine = try #require(p[key] as? Double)
                #expect(abs(mine - value) <= ArvizInteropTests.tolerance * abs(value), "\(key): darkz \(mine), ArviZ \(value)")
            }
        }
    }
}
