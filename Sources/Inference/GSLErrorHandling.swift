@preconcurrency import CGSL

/// GSL's default error handler aborts the process. darkz reads GSL's return codes instead; every
/// entry point that calls GSL touches this once-initialised value first.
let gslReturnsErrorCodes: Void = { _ = gsl_set_error_handler_off() }()
