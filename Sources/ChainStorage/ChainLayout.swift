import Ensemble
import Foundation

/// The layout of emcee 3.1.6's `emcee.backends.HDFBackend` (src/emcee/backends/hdf.py), which
/// darkz writes so that `HDFBackend(path, read_only=True)` reads darkz's chains as its own.
///
/// One group (default "mcmc") with the attributes `version` (str), `nwalkers`, `ndim`,
/// `iteration` (int64) and `has_blobs` (bool) and the datasets (darkz compresses the row datasets
/// with deflate, and while a run writes they are virtual datasets over its segments; see
/// `ChainWriter`)
/// - `chain`: float64 (capacity, nwalkers, ndim), chunked, first axis unlimited;
/// - `log_prob`: float64 (capacity, nwalkers), chunked, first axis unlimited;
/// - `accepted`: float64 (nwalkers), accepted proposals per walker since the start;
/// - `blobs` (only with blobs): (capacity, nwalkers), chunked, first axis unlimited, whose
///   element is float64 for one blob per walker and the array type float64[nblobs] for more:
///   emcee creates it with numpy's subarray dtype `(float64, (nblobs,))`, which h5py stores as
///   an HDF5 array type and reads back as a plain (steps, nwalkers, nblobs) float64 array.
/// Only the first `iteration` rows are samples: emcee grows the datasets before it samples.
/// emcee also keeps numpy's random state in attributes `random_state_0...`; darkz has its own
/// random streams (in its sampler state) and writes none, so `get_last_sample().random_state`
/// is None, as for any backend without one.
enum EmceeLayout {
    /// The emcee version whose layout this is, written to the `version` attribute.
    static let version = "3.1.6"
    static let defaultGroup = "mcmc"

    static let versionAttribute = "version"
    static let walkersAttribute = "nwalkers"
    static let dimensionAttribute = "ndim"
    static let hasBlobsAttribute = "has_blobs"
    static let iterationAttribute = "iteration"

    static let chainDataset = "chain"
    static let logProbDataset = "log_prob"
    static let acceptedDataset = "accepted"
    static let blobsDataset = "blobs"

    /// Rows per chunk for rows of `valuesPerRow` doubles: chunks of about 128 KiB (HDF5 advises
    /// 10 KiB to 1 MiB), at most 1024 rows.
    static func chunkRows(valuesPerRow: Int) -> Int {
        min(max(131_072 / max(8 * valuesPerRow, 1), 1), 1024)
    }
}

/// darkz's additions, in the subgroup "darkz" of the chain group: emcee reads only the names
/// of `EmceeLayout`, so it ignores them (none starts with "random_state_", the one prefix emcee
/// collects).
///
/// - attributes `format` ("darkz-chain"), `format_version` (3: compressed rows, segments while a
///   run writes; 2 added the tempering record), `writer` ("darkz"), `nblobs`,
///   and when known `seed` (uint64) and `priors` (the priors file's text);
/// - datasets `parameter_names` and `blob_names` (variable-length UTF-8 strings), and
///   `sampler_state`: the `SamplerState` as JSON text (a scalar string dataset, so its size is
///   not bounded by HDF5's 64 KiB attribute limit), with an `iteration` attribute equal to the
///   state's iteration and to the chain group's.
enum DarkzLayout {
    static let group = "darkz"
    static let format = "darkz-chain"
    static let formatVersion: Int64 = 3

    static let formatAttribute = "format"
    static let formatVersionAttribute = "format_version"
    static let writerAttribute = "writer"
    static let blobCountAttribute = "nblobs"
    static let seedAttribute = "seed"
    static let priorsAttribute = "priors"

    static let parameterNamesDataset = "parameter_names"
    static let blobNamesDataset = "blob_names"
    static let samplerStateDataset = "sampler_state"
    static let stateIterationAttribute = "iteration"

    // A tempered run (format_version 2 adds it; files without it are untempered): the subgroup
    // "tempering" with attribute `temperatures` (K) and the row datasets `betas` (steps, K),
    // `log_likelihood` (steps, K, nwalkers) and `swaps_accepted` (steps, K - 1: swaps accepted
    // between temperatures i and i + 1 in that step, of nwalkers proposed), plus `state`, the
    // `TemperedSamplerState` as JSON text with an `iteration` attribute. The β = 1 chain is the
    // emcee group's.
    static let temperingGroup = "tempering"
    static let temperaturesAttribute = "temperatures"
    static let betasDataset = "betas"
    static let logLikelihoodDataset = "log_likelihood"
    static let swapsAcceptedDataset = "swaps_accepted"
    static let temperedStateDataset = "state"
    static let temperingRowDatasets = [betasDataset, logLikelihoodDataset, swapsAcceptedDataset]
}

/// JSON for the sampler states (`SamplerState`, `TemperedSamplerState`): sorted keys, and
/// non-finite numbers (blobs outside the prior) spelled as strings.
enum StateCoding {
    static func encode<State: Encodable>(_ state: State) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    static func decode<State: Decodable>(_ text: String, as type: State.Type = State.self) throws -> State {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(State.self, from: Data(text.utf8))
    }
}
