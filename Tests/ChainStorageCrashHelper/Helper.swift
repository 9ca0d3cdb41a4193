import Foundation

/// `ChainStorageCrashHelper <chain file>`: creates or resumes the chain file of `CrashRun` and
/// samples to the end, checkpointing all the while. The crash-safety test kills it mid-way.
@main
struct ChainStorageCrashHelper {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: ChainStorageCrashHelper <chain file>\n".utf8))
            exit(2)
        }
        do {
            let steps = try CrashRun.runToCompletion(at: URL(fileURLWithPath: arguments[1]))
            print("done \(steps)")
        } catch {
            FileHandle.standardError.write(Data("ChainStorageCrashHelper: \(error)\n".utf8))
            exit(1)
        }
    }
}
