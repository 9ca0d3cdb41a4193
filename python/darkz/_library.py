"""Loads libDarkzC (darkz's C ABI, Sources/DarkzC/darkz.h) with ctypes and declares its functions."""
import ctypes
import os
import sys

_NAME = "libDarkzC.dylib" if sys.platform == "darwin" else "libDarkzC.so"


def _path():
    """$DARKZ_LIBRARY if set, else the library installed beside this file."""
    return os.environ.get("DARKZ_LIBRARY") or os.path.join(os.path.dirname(os.path.abspath(__file__)), _NAME)


def _load():
    path = _path()
    if not os.path.exists(path):
        raise ImportError(f"darkz: {path} is missing; install with `pip install ./python` or run `make python`")
    lib = ctypes.CDLL(path)
    h, p, n = ctypes.c_void_p, ctypes.POINTER(ctypes.c_double), ctypes.c_ssize_t
    signatures = {
        "darkz_version": ([], ctypes.c_char_p),
        "darkz_likelihood_create": ([ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, n], h),
        "darkz_likelihood_free": ([h], None),
        "darkz_dimension": ([h], n),
        "darkz_parameter_name": ([h, n], ctypes.c_char_p),
        "darkz_bounds": ([h, p, p], None),
        "darkz_priors_text": ([h], ctypes.c_char_p),
        "darkz_chi2": ([h, p, n, p, p, p], None),
        "darkz_log_likelihood": ([h, p, n, p], None),
        "darkz_log_prior": ([h, p, n, p], None),
        "darkz_log_posterior": ([h, p, n, p], None),
        "darkz_prior_transform": ([h, p, n, p], None),
        "darkz_physical": ([h, p, n, p], None),
        "darkz_prediction_count": ([h], n),
        "darkz_prediction_name": ([h, n], ctypes.c_char_p),
        "darkz_prediction_in_fit": ([h, n], ctypes.c_int32),
        "darkz_predictions": ([h, p, n, p], None),
        "darkz_constraint_count": ([h], n),
        "darkz_constraint_name": ([h, n], ctypes.c_char_p),
        "darkz_constraints": ([h, p, n, p], None),
    }
    for name, (arguments, result) in signatures.items():
        function = getattr(lib, name)
        function.argtypes = arguments
        function.restype = result
    return lib


lib = _load()
