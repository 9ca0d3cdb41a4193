/// Paths inside the repository, found from this file's location (Tests/InferenceTests/...).
enum RepositoryPaths {
    static var root: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static var binnedTable: String { root + "/data/bsll_table1.csv" }
}
