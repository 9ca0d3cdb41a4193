import Foundation

/// Finds darkz's data/ folder: $DARKZ_DATA_DIR if set, else ./data, else a data/ folder beside
/// or above the running executable (so `.build/release/darkz` finds the repository's data/).
public enum DataDirectory {
    /// The default binned b -> s l l table (paper table 1).
    public static let binnedTableFile = "bsll_table1.csv"

    /// The path of `file` inside the data folder, or a clear error when no folder holds it.
    public static func path(of file: String) throws -> String {
        try path(of: file, inRepositoryFolder: "data", environmentVariable: "DARKZ_DATA_DIR")
    }

    /// The path of `file` in the repository folder `folder` (e.g. "scripts"), searched in
    /// $`environmentVariable`, ./folder, and folder/ beside or above the executable.
    public static func path(of file: String, inRepositoryFolder folder: String,
                            environmentVariable: String? = nil) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let name = environmentVariable, let env = ProcessInfo.processInfo.environment[name], !env.isEmpty {
            candidates.append(env)
        }
        candidates.append(fm.currentDirectoryPath + "/" + folder)
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent(folder).path)
            dir.deleteLastPathComponent()
        }
        for candidate in candidates where fm.fileExists(atPath: candidate + "/" + file) {
            return candidate + "/" + file
        }
        let where_ = environmentVariable.map { "$\($0), " } ?? ""
        throw DataFileError(file: file, message:
            "not found in \(where_)./\(folder) or beside the darkz executable; run darkz from the repository\(environmentVariable.map { " or set \($0)" } ?? "")")
    }
}
