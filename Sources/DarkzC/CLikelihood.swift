import Foundation
import Inference

// The C ABI of darkz (darkz.h beside this file): a likelihood is created from a priors file or a
// case, answers questions about its parameters, evaluates points in batches and is freed.

/// darkz's version string (static storage).
@_cdecl("darkz_version")
public func darkz_version() -> UnsafePointer<CChar> { UnsafePointer(versionCString) }

nonisolated(unsafe) private let versionCString: UnsafeMutablePointer<CChar> = strdup(DarkzVersion.string)!

/// A likelihood from `priors_path` (a priors file) or, when that is NULL, the shipped priors of
/// `case_name` (A, A-invisible, B, C); `constraints` as `darkz sample --constraints` (NULL: the
/// file's). Returns NULL on failure with a one-line message in `error` (at most `error_capacity` bytes).
@_cdecl("darkz_likelihood_create")
public func darkz_likelihood_create(_ priorsPath: UnsafePointer<CChar>?, _ caseName: UnsafePointer<CChar>?,
                                    _ constraints: UnsafePointer<CChar>?,
                                    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ errorCapacity: Int) -> UnsafeMutableRawPointer? {
    do {
        let handle = try LikelihoodHandle(priorsPath: priorsPath.map { String(cString: $0) },
                                          caseName: caseName.map { String(cString: $0) },
                                          constraints: constraints.map { String(cString: $0) })
        return Unmanaged.passRetained(handle).toOpaque()
    } catch {
        if let buffer = errorBuffer, errorCapacity > 0 {
            let text = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            let bytes = Array(text.utf8.prefix(errorCapacity - 1))
            for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
            buffer[bytes.count] = 0
        }
        return nil
    }
}

/// Frees a likelihood (NULL is ignored).
@_cdecl("darkz_likelihood_free")
public func darkz_likelihood_free(_ handle: UnsafeMutableRawPointer?) {
    guard let handle else { return }
    Unmanaged<LikelihoodHandle>.fromOpaque(handle).release()
}

func likelihood(_ handle: UnsafeMutableRawPointer) -> LikelihoodHandle {
    Unmanaged<LikelihoodHandle>.fromOpaque(handle).takeUnretainedValue()
}

/// The number of sampled variables (the free parameters).
@_cdecl("darkz_dimension")
public func darkz_dimension(_ handle: UnsafeMutableRawPointer) -> Int { likelihood(handle).dimension }

/// The name of sampled variable `i` as in the chain files (log10(mZD) for a log-uniform prior); NULL out of range.
@_cdecl("darkz_parameter_name")
public func darkz_parameter_name(_ handle: UnsafeMutableRawPointer, _ i: Int) -> UnsafePointer<CChar>? {
    likelihood(handle).parameterNames[i]
}

/// The bounds of the sampled variables, `dimension` values each.
@_cdecl("darkz_bounds")
public func darkz_bounds(_ handle: UnsafeMutableRawPointer, _ low: UnsafeMutablePointer<Double>, _ high: UnsafeMutablePointer<Double>) {
    for (k, prior) in likelihood(handle).priors.free.enumerated() {
        low[k] = prior.distribution.sampledBounds.lowerBound
        high[k] = prior.distribution.sampledBounds.upperBound
    }
}

/// The priors file's text (static for the handle's life), as chain files store it.
@_cdecl("darkz_priors_text")
public func darkz_priors_text(_ handle: UnsafeMutableRawPointer) -> UnsafePointer<CChar>? {
    likelihood(handle).priorsText[0]
}
