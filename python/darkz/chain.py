"""darkz.read_chain: a chain file in emcee's HDFBackend layout (chains/README.md), with darkz's additions."""
from dataclasses import dataclass, field
from typing import Optional

import numpy as np


@dataclass
class Chain:
    """A chain file's contents (the untempered chain: beta = 1 for a tempered run)."""
    chain: np.ndarray                   # (steps, walkers, ndim)
    log_prob: np.ndarray                # (steps, walkers)
    blobs: Optional[np.ndarray]         # (steps, walkers, nblobs), or None
    parameter_names: list = field(default_factory=list)
    blob_names: list = field(default_factory=list)
    priors: str = ""                    # the priors file's text and the run's settings
    accepted: Optional[np.ndarray] = None
    iteration: int = 0

    def flat(self, discard=0, thin=1):
        """The samples after `discard` steps, every `thin`-th, as (n, ndim), with their log_prob."""
        chain, log_prob = self.chain[discard::thin], self.log_prob[discard::thin]
        return chain.reshape(-1, chain.shape[-1]), log_prob.reshape(-1)


def _strings(dataset):
    return [s.decode() if isinstance(s, bytes) else str(s) for s in dataset[()]]


def read_chain(path, group="mcmc"):
    """Reads a chain file written by `darkz sample` (or any emcee HDFBackend file: darkz's names
    and priors text are then empty). Needs h5py."""
    import h5py

    with h5py.File(path, "r") as f:
        g = f[group]
        iteration = int(g.attrs["iteration"])
        chain = np.asarray(g["chain"][:iteration])
        log_prob = np.asarray(g["log_prob"][:iteration])
        blobs = None
        if g.attrs.get("has_blobs", False) and "blobs" in g:
            blobs = np.asarray(g["blobs"][:iteration])
            if blobs.ndim == 2:
                blobs = blobs[..., None]
        names, blob_names, priors = [], [], ""
        if "darkz" in g:
            d = g["darkz"]
            names = _strings(d["parameter_names"]) if "parameter_names" in d else []
            blob_names = _strings(d["blob_names"]) if "blob_names" in d else []
            text = d.attrs.get("priors", "")
            priors = text.decode() if isinstance(text, bytes) else str(text)
        accepted = np.asarray(g["accepted"]) if "accepted" in g else None
    return Chain(chain=chain, log_prob=log_prob, blobs=blobs, parameter_names=names, blob_names=blob_names,
                 priors=priors, accepted=accepted, iteration=iteration)
