import CGSL

/// The centred lag products s_k = Σ_{t=0}^{n-1-k} (x_t - x̄)(x_{t+k} - x̄) for k = 0..<n.
///
/// Computed as the inverse FFT of the power spectrum of the mean-subtracted series zero-padded to
/// a power of two ≥ 2n (so the circular correlation equals the linear one), with GSL's radix-2
/// real FFT. emcee's `autocorr.function_1d` (padding to 2·next_pow_two(n)) and ArviZ's
/// `stats_utils.autocov` (padding to next_fast_len(2n), then dividing by n) compute the same sums;
/// the padded length changes only rounding.
func centredLagProducts(_ x: [Double]) -> [Double] {
    _ = gslReturnsErrorCodes
    let n = x.count
    guard n > 0 else { return [] }
    var padded = 1
    while padded < 2 * n { padded <<= 1 }
    let mean = x.gslMean
    var buffer = [Double](repeating: 0, count: padded)
    for i in 0..<n { buffer[i] = x[i] - mean }
    buffer.withUnsafeMutableBufferPointer { b in
        let p = b.baseAddress!
        gsl_fft_real_radix2_transform(p, 1, padded)
        // Half-complex layout: Re_k at k and Im_k at padded - k for 0 < k < padded/2;
        // k = 0 and k = padded/2 are real. Replace each term by |z_k|².
        let half = padded / 2
        p[0] *= p[0]
        p[half] *= p[half]
        for k in 1..<half {
            p[k] = p[k] * p[k] + p[padded - k] * p[padded - k]
            p[padded - k] = 0
        }
        gsl_fft_halfcomplex_radix2_inverse(p, 1, padded)
    }
    return Array(buffer[0..<n])
}
