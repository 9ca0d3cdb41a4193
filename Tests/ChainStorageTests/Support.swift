@testable import ChainStorage
import Ensemble
import Foundation

/// Bit patterns, for bit-for-bit comparisons (== on Double ignores the sign of zero and NaN).
func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
func bits(_ chain: ChainArray) -> [UInt64] { bits(chain.values) }

/// A fresh empty directory under the system's temporary directory.
func temporaryDirectory(_ label: String = #function) throws -> URL {
    let name = "darkz-chainstorage-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A 3-parameter correlated Gaussian with `blobs` blobs (x0, 2 x0, 3 x0, ...).
func gaussianTarget(blobs: Int) -> ClosureLogDensity {
    ClosureLogDensity(dimension: 3, blobCount: blobs) { x, out in
        for k in 0..<out.count { out[k] = Double(k + 1) * x[0] }
        let a = x[0], b = x[1] - 0.5 * x[0], c = x[2]
        return -0.5 * (a * a + 4 * b * b + 0.25 * c * c)
    }
}

/// A stretch-move sampler on `gaussianTarget(blobs:)`, serial so runs are cheap and repeatable.
func gaussianSampler(walkers: Int = 10, blobs: Int = 2, seed: UInt64 = 3) throws
    -> EnsembleSampler<ClosureLogDensity, StretchMove>
{
    let start = InitialEnsemble.ball(around: [0.2, -0.1, 0.3], scale: 0.3, walkers: walkers, seed: seed &+ 100)
    return try EnsembleSampler(target: gaussianTarget(blobs: blobs), moves: StretchMove(), initialPositions: start,
                               seed: seed, threads: 1)
}

func resumedSampler(_ state: SamplerState) throws -> EnsembleSampler<ClosureLogDensity, StretchMove> {
    try EnsembleSampler(target: gaussianTarget(blobs: state.blobCount), moves: StretchMove(), resumingFrom: state,
                        threads: 1)
}

let sampleMetadata = ChainMetadata(
    parameterNames: ["M_ZD", "epsilon", "epsilon_Z"], blobNames: ["x0", "2x0"],
    priorsText: "# priors/case-A.toml\n[M_ZD]\nprior = \"log-uniform\"\nrange = [0.1, 4.5] # GeV\n", seed: 3)

/// The first `steps` steps of a chain.
func prefix(_ chain: ChainArray, steps: Int) -> ChainArray {
    ChainArray(nSteps: steps, nWalkers: chain.nWalkers, nDim: chain.nDim,
               values: Array(chain.values.prefix(steps * chain.nWalkers * chain.nDim)))
}

/// Runs a program to its end (in `directory`, if given); stdout is returned, stderr goes to a temporary file so that
/// neither pipe can fill up and block the child.
func runProgram(_ executable: URL, _ arguments: [String], directory: URL? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("darkz-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    process.standardOutput = output
    process.standardError = errorHandle
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    return (process.terminationStatus, data, errorText)
}

/// The repository's root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
