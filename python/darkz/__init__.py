"""darkz from Python: the posterior of a priors file (binned b -> s l+ l- data plus constraints) for
any sampler, computed by darkz's own library (values bit-identical to the command line's), and
darkz's chain files.

    import darkz
    lik = darkz.Likelihood(case="C")          # or priors="priors/caseC.toml"
    lik.log_likelihood([-1.5, -0.033])        # log10(mZD / GeV), gMu
"""
from ._library import lib as _lib
from .chain import Chain, read_chain
from .likelihood import Likelihood

__version__ = _lib.darkz_version().decode()

__all__ = ["Likelihood", "Chain", "read_chain", "__version__"]
