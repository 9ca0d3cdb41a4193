import Foundation
#if canImport(Darwin)
import Darwin
#endif

/// Finds darkz's data/ and priors/ folders. In order: $DARKZ_DATA_DIR (or $DARKZ_PRIORS_DIR), ./data,
/// then beside or above the running executable and beside or above the loaded library holding this
/// code (so `.build/release/darkz` finds the repository's data/ and the Python package its copy),
/// each also as ../share/darkz/data (the `make install PREFIX=...` layout).
public enum DataDirectory {
    /// The default binned b -> s l l table (paper table 1).
    public static let binnedTableFile = "bsll_table1.csv"

    /// The path of `file` inside the data folder, or a clear error when no folder holds it.
    public static func path(of file: String) throws -> String {
        try path(of: file, inRepositoryFolder: "data", environmentVariable: "DARKZ_DATA_DIR")
    }

    /// The path of `file` inside the priors folder ($DARKZ_PRIORS_DIR first).
    public static func priorsPath(of file: String) throws -> String {
        try path(of: file, inRepositoryFolder: "priors", environmentVariable: "DARKZ_PRIORS_DIR")
    }

    /// The path of `file` in the repository folder `folder` (e.g. "scripts"), searched in
    /// $`environmentVariable`, ./folder, and folder/ (or share/darkz/folder) beside or above the
    /// executable and the library image that holds this code.
    public static func path(of file: String, inRepositoryFolder folder: String,
                            environmentVariable: String? = nil) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let name = environmentVariable, let env = ProcessInfo.processInfo.environment[name], !env.isEmpty {
            candidates.append(env)
        }
        candidates.append(fm.currentDirectoryPath + "/" + folder)
        for start in [CommandLine.arguments.first ?? ".", imagePath].compactMap({ $0 }) {
            var dir = URL(fileURLWithPath: start).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent(folder).path)
                candidates.append(dir.appendingPathComponent("share/darkz/" + folder).path)
                dir.deleteLastPathComponent()
            }
        }
        for candidate in candidates where fm.fileExists(atPath: candidate + "/" + file) {
            return candidate + "/" + file
        }
        let where_ = environmentVariable.map { "$\($0), " } ?? ""
        throw DataFileError(file: file, message:
            "not found in \(where_)./\(folder) or beside the darkz executable; run darkz from the repository\(environmentVariable.map { " or set \($0)" } ?? "")")
    }

    /// The file of the executable or shared library this code was linked into, nil when unknown
    /// (Linux: the mapping of /proc/self/maps that holds a function of this module; Darwin: dladdr).
    static var imagePath: String? {
        let address = unsafeBitCast(imageMarker as @convention(c) () -> Void, to: UInt.self)
        #if canImport(Darwin)
        var info = Dl_info()
        guard dladdr(#dsohandle, &info) != 0, let name = info.dli_fname else { return nil }
        return String(cString: name)
        #else
        // Read to the end: /proc files report a size of 0.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        for line in maps.split(separator: "\n") {
            // "start-end perms offset dev inode path"
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt(fields[0][..<dash], radix: 16),
                  let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16),
                  (start..<end).contains(address) else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            return path.hasPrefix("/") ? path : nil
        }
        return nil
        #endif
    }
}

/// A function whose address lies in the image (executable or library) that holds DataFiles.
private func imageMarker() {}
