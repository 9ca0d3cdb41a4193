import Foundation

/// Finds darkz's data/ folder: $DARKZ_DATA_DIR if set, else ./data, else a data/ folder beside
/// or above the running executable (so `.build/release/darkz` finds the repository's data/).
public enum DataDirectory {
    /// The default binned b -> s l l table (paper table 1).
    public static let binnedTableFile = "bsll_table1.csv"

    /// The path of `file` inside the data folder, or a clear error when no folder holds it.
    public static func path(of file: String) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["DARKZ_DATA_DIR"], !env.isEmpty {
            candidates.append(env)
        }
        candidates.append(fm.currentDirectoryPath + "/data")
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("data").path)
            dir.deleteLastPathComponent()
        }
        for folder in candidates where fm.fileExists(atPath: folder + "/" + file) {
            return folder + "/" + file
        }
        throw DataFileError(file: file, message:
            "not found in $DARKZ_DATA_DIR, ./data or beside the darkz executable; run darkz from the repository or set DARKZ_DATA_DIR")
    }
}
