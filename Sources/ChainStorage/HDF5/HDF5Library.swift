import CHDF5
import Foundation

/// Entry point to libhdf5 for the rest of the module.
///
/// Every call into the library runs inside `HDF5Library.run`, which holds one process-wide lock:
/// libhdf5 is built thread-safe on Debian, but not everywhere (Homebrew, source builds), and
/// chain files are written once per checkpoint, so serialising costs nothing that matters. The
/// lock also scopes the handles: an `H5Object` created inside `run` is closed before `run`
/// returns, because handles never escape the closure.
///
/// Inside `run`, the library's automatic printing of error stacks to stderr is switched off
/// (the setting is per thread in thread-safe builds); failures become `HDF5Failure` values
/// carrying the stack's messages instead.
enum HDF5Library {
    private static let lock = NSLock()

    static func run<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard H5open() >= 0 else { throw HDF5Failure(operation: "H5open", detail: "libhdf5 failed to initialise") }
        _ = H5Eset_auto2(darkz_H5E_DEFAULT(), nil, nil)
        return try body()
    }

    /// Throws with the library's error stack if `status` is negative.
    static func check(_ status: herr_t, _ operation: @autoclosure () -> String) throws {
        if status < 0 { throw HDF5Failure(operation: operation(), detail: errorStack()) }
    }

    /// Returns `id`, or throws with the library's error stack if it is negative.
    static func checkID(_ id: hid_t, _ operation: @autoclosure () -> String) throws -> hid_t {
        if id < 0 { throw HDF5Failure(operation: operation(), detail: errorStack()) }
        return id
    }

    /// The messages of the current error stack, outermost call first, joined by "; ".
    static func errorStack() -> String {
        final class Messages { var lines: [String] = [] }
        let messages = Messages()
        let walker: H5E_walk2_t = { _, entry, context in
            guard let entry, let context else { return 0 }
            let box = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
            let function = entry.pointee.func_name.map { String(cString: $0) } ?? "?"
            let text = entry.pointee.desc.map { String(cString: $0) } ?? ""
            box.lines.append("\(function): \(text)")
            return 0
        }
        _ = H5Ewalk2(darkz_H5E_DEFAULT(), H5E_WALK_DOWNWARD, walker,
                     Unmanaged.passUnretained(messages).toOpaque())
        _ = H5Eclear2(darkz_H5E_DEFAULT())
        return messages.lines.isEmpty ? "no message from libhdf5" : messages.lines.joined(separator: "; ")
    }
}

/// A libhdf5 call that failed: the call and the library's error stack.
struct HDF5Failure: Error, CustomStringConvertible {
    var operation: String
    var detail: String
    var description: String { "\(operation) failed (\(detail))" }
}

/// Owns one HDF5 identifier (file, group, dataset, attribute, dataspace, datatype or property
/// list) and closes it when released. Only used inside `HDF5Library.run`.
final class H5Object {
    let id: hid_t
    private let closer: (hid_t) -> herr_t
    private var isOpen = true

    init(_ id: hid_t, _ operation: @autoclosure () -> String, close: @escaping (hid_t) -> herr_t) throws {
        self.id = try HDF5Library.checkID(id, operation())
        self.closer = close
    }

    /// Closes now and reports failure: for a file, closing flushes everything still buffered,
    /// and that can fail (a full disk); `deinit` would have to swallow the error.
    func close(_ operation: @autoclosure () -> String) throws {
        guard isOpen else { return }
        isOpen = false
        try HDF5Library.check(closer(id), operation())
    }

    deinit { if isOpen { _ = closer(id) } }
}

extension HDF5Library {
    /// `run`, with library failures reported as `ChainFileError.hdf5` about `path`.
    static func run<T>(path: String, _ body: () throws -> T) throws -> T {
        do { return try run(body) } catch let failure as HDF5Failure {
            throw ChainFileError.hdf5(path: path, detail: failure.description)
        }
    }
}

extension H5Object {
    /// Opens a chain file read-only: `fileNotFound` if there is none, `notHDF5` if libhdf5 cannot
    /// open it (not HDF5, truncated, damaged).
    static func openForReading(_ url: URL, locking: Bool = true) throws -> H5Object {
        guard FileManager.default.fileExists(atPath: url.path) else { throw ChainFileError.fileNotFound(path: url.path) }
        do { return try openFile(url.path, locking: locking) } catch let failure as HDF5Failure {
            throw ChainFileError.notHDF5(path: url.path, detail: failure.detail)
        }
    }
}
