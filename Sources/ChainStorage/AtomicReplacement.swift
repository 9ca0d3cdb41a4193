import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file beside its final path and renaming it over (see `ChainWriter` for why).
///
/// A file being written is called `.<name>.partial-<pid>-<random>` and sits in the directory of
/// `<name>`, so `rename(2)` stays on one file system and is atomic: a reader, or a process
/// restarted after a crash, sees either the old complete file or the new complete file. A
/// partial file whose writer process no longer exists is left over from a crash; it is never
/// renamed, and `removeAbandoned` deletes it.
enum AtomicReplacement {
    /// A fresh name for a partial file beside `url`.
    static func partialURL(beside url: URL) -> URL {
        let token = UInt32.random(in: 0...UInt32.max)
        let name = ".\(url.lastPathComponent).partial-\(getpid())-\(String(token, radix: 16))"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Partial files beside `url`, with the id of the process that wrote each.
    static func partialFiles(beside url: URL) -> [(url: URL, pid: pid_t)] {
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).partial-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }) else { return nil }
            return (directory.appendingPathComponent(name), pid)
        }
    }

    /// Deletes partial files beside `url` left by processes that have ended (crashed writers).
    /// Files of live processes, including this one, are left alone.
    static func removeAbandoned(beside url: URL) {
        for partial in partialFiles(beside: url) where partial.pid != getpid() && !isRunning(partial.pid) {
            try? FileManager.default.removeItem(at: partial.url)
        }
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Forces the file's contents to stable storage (beyond what a killed process needs, which is
    /// only that the data reached the kernel: this also covers a power cut).
    static func synchronize(_ url: URL) throws {
        try synchronize(path: url.path, flags: O_RDONLY, what: "fsync")
    }

    /// Makes `partial` the file at `url`, atomically, and makes the rename durable.
    static func replace(_ url: URL, with partial: URL) throws {
        guard rename(partial.path, url.path) == 0 else {
            throw ChainFileError.io(path: url.path, operation: "rename(\(partial.lastPathComponent))", detail: errorText())
        }
        try synchronizeDirectory(url.deletingLastPathComponent())
    }

    /// Makes the entries of `directory` (renames, new files, removals) durable.
    static func synchronizeDirectory(_ directory: URL) throws {
        try synchronize(path: directory.path, flags: O_RDONLY | O_DIRECTORY, what: "fsync(directory)")
    }

    private static func synchronize(path: String, flags: Int32, what: String) throws {
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw ChainFileError.io(path: path, operation: "open for \(what)", detail: errorText()) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw ChainFileError.io(path: path, operation: what, detail: errorText()) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
