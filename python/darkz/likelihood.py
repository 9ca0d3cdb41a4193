"""darkz.Likelihood: a priors file's posterior over the C ABI, evaluated in batches."""
import ctypes

import numpy as np

from ._library import lib

_DOUBLE_P = ctypes.POINTER(ctypes.c_double)
_PHYSICAL = ("mZD", "epsilon", "epsilonZ", "gMu", "invisibleFraction")
_CONSTRAINT_FIELDS = ("prediction", "bound", "chi2", "pull", "cl", "applies", "excluded")


def _pointer(array):
    return array.ctypes.data_as(_DOUBLE_P)


class Likelihood:
    """The posterior of a priors file, as `darkz sample` samples it.

    Points are in the sampled variables of the priors (`parameter_names`: log10 of a log-uniform
    parameter, the value of a uniform one). Every method takes one point (a sequence of
    `ndim` numbers), giving a float, or an (n, ndim) array, giving an array of n values.

    priors: a priors file (as `--priors`); case: a shipped case "A", "A-invisible", "B" or "C"
    (as `--case`); constraints: the likelihood's constraints as `darkz sample --constraints`
    takes them ("all", "none", "g-2,apv"; default: the priors file's list).
    """

    def __init__(self, priors=None, case=None, constraints=None):
        if (priors is None) == (case is None):
            raise ValueError("give either priors= (a priors file) or case= (A, A-invisible, B or C)")
        error = ctypes.create_string_buffer(1024)
        encode = lambda s: None if s is None else str(s).encode()
        self._handle = lib.darkz_likelihood_create(encode(priors), encode(case), encode(constraints), error, len(error))
        if not self._handle:
            raise ValueError(error.value.decode())
        self.ndim = lib.darkz_dimension(self._handle)
        self.parameter_names = [lib.darkz_parameter_name(self._handle, i).decode() for i in range(self.ndim)]
        low, high = np.empty(self.ndim), np.empty(self.ndim)
        lib.darkz_bounds(self._handle, _pointer(low), _pointer(high))
        self.bounds = [(float(a), float(b)) for a, b in zip(low, high)]
        self.priors_text = lib.darkz_priors_text(self._handle).decode()
        count = lib.darkz_prediction_count(self._handle)
        self.prediction_names = [lib.darkz_prediction_name(self._handle, i).decode() for i in range(count)]
        self.prediction_in_fit = [bool(lib.darkz_prediction_in_fit(self._handle, i)) for i in range(count)]
        self.constraint_names = [lib.darkz_constraint_name(self._handle, i).decode()
                                 for i in range(lib.darkz_constraint_count(self._handle))]

    def __del__(self):
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            lib.darkz_likelihood_free(handle)

    def __repr__(self):
        return f"darkz.Likelihood({', '.join(self.parameter_names)})"

    def _points(self, x):
        """x as a C-contiguous (n, ndim) float64 array, and whether it was one point."""
        array = np.ascontiguousarray(np.asarray(x, dtype=np.float64))
        single = array.ndim == 1
        if single:
            array = array.reshape(1, -1)
        if array.ndim != 2 or array.shape[1] != self.ndim:
            raise ValueError(f"expected {self.ndim} values per point ({', '.join(self.parameter_names)}), got shape {np.shape(x)}")
        return array, single

    def _per_point(self, function, x):
        points, single = self._points(x)
        out = np.empty(len(points))
        function(self._handle, _pointer(points), len(points), _pointer(out))
        return float(out[0]) if single else out

    def log_likelihood(self, x):
        """log L = -chi^2 / 2 (binned rows of the priors file plus its constraints)."""
        return self._per_point(lib.darkz_log_likelihood, x)

    def chi2(self, x):
        """chi^2 of the binned rows plus the constraints' chi^2."""
        return self._per_point(lambda h, p, n, out: lib.darkz_chi2(h, p, n, out, None, None), x)

    def chi2_parts(self, x):
        """(binned chi^2, constraints' chi^2): a chain file's blobs chi2_binned, chi2_constraints."""
        points, single = self._points(x)
        total, binned, constraints = (np.empty(len(points)) for _ in range(3))
        lib.darkz_chi2(self._handle, _pointer(points), len(points), _pointer(total), _pointer(binned), _pointer(constraints))
        return (float(binned[0]), float(constraints[0])) if single else (binned, constraints)

    def log_prior(self, x):
        """0 inside the priors' box, -inf outside (flat in the sampled variables)."""
        return self._per_point(lib.darkz_log_prior, x)

    def log_posterior(self, x):
        """log prior + log L as the sampler computes it (a chain file's log_prob); -inf outside the box."""
        return self._per_point(lib.darkz_log_posterior, x)

    __call__ = log_posterior

    def prior_transform(self, u):
        """The unit cube to the sampled variables, for nested samplers: (1 - u) low + u high per variable."""
        cube, single = self._points(u)
        out = np.empty_like(cube)
        lib.darkz_prior_transform(self._handle, _pointer(cube), len(cube), _pointer(out))
        return out[0] if single else out

    def physical(self, x):
        """The five model parameters (mZD in GeV, fixed ones from the priors file), by name."""
        points, single = self._points(x)
        out = np.empty((len(points), len(_PHYSICAL)))
        lib.darkz_physical(self._handle, _pointer(points), len(points), _pointer(out))
        return {name: (float(out[0, k]) if single else out[:, k]) for k, name in enumerate(_PHYSICAL)}

    def predictions(self, x):
        """Every table row's prediction (physical units, as `darkz predict --json`), by row label."""
        points, single = self._points(x)
        out = np.empty((len(points), len(self.prediction_names)))
        lib.darkz_predictions(self._handle, _pointer(points), len(points), _pointer(out))
        return {name: (float(out[0, k]) if single else out[:, k]) for k, name in enumerate(self.prediction_names)}

    def constraints(self, x):
        """Each constraint as `darkz constraints --json` reports it: name -> {prediction, bound, chi2,
        pull, cl, applies, excluded} (the likelihood's constraints, or all when it has none)."""
        points, single = self._points(x)
        k = len(self.constraint_names)
        out = np.empty((len(points), k, len(_CONSTRAINT_FIELDS)))
        lib.darkz_constraints(self._handle, _pointer(points), len(points), _pointer(out))
        result = {}
        for j, name in enumerate(self.constraint_names):
            fields = {}
            for f, field in enumerate(_CONSTRAINT_FIELDS):
                column = out[:, j, f]
                if field in ("applies", "excluded"):
                    fields[field] = bool(column[0]) if single else column.astype(bool)
                else:
                    fields[field] = float(column[0]) if single else column
            result[name] = fields
        return result
