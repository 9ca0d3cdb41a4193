/// darkz's version: the one place it is written (`darkz --version`, the C ABI's `darkz_version`,
/// Python's `darkz.__version__` and the Python package's metadata read it from here).
public enum DarkzVersion {
    public static let string = "0.1.0"
}
