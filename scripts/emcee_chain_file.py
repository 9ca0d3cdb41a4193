#!/usr/bin/env python3
"""Read and write chain files with emcee's own HDFBackend, for darkz's interoperability tests
(Tests/ChainStorageTests/EmceeInteropTests.swift) and for checking a darkz chain by hand.

    python3 scripts/emcee_chain_file.py read  FILE [--group mcmc] [--arviz]
        Opens FILE with emcee.backends.HDFBackend(read_only=True) and prints, as JSON, what
        emcee returns: iteration, shape, get_chain(), get_log_prob(), get_blobs(), accepted,
        get_last_sample(). Arrays are flattened in C order, every float as float.hex() so the
        comparison is bit for bit. With --arviz, also builds ArviZ InferenceData from the
        backend and reports its groups and posterior dimensions. Also reports, from h5py, how
        the chain is stored: "layout" of mcmc/chain ("virtual": rows in the segment folder
        FILE.segments beside the file; "chunked") and "compression" (e.g. "gzip") of the
        dataset holding them.
    python3 scripts/emcee_chain_file.py write FILE --walkers W --ndim D --blobs B --steps N
                                              [--capacity C] [--seed S]
        Samples a Gaussian with emcee into FILE (blobs: B floats per walker), stopping after N
        of C >= N steps so the datasets keep unused capacity, as after an interrupted run, and
        prints what it wrote in the same JSON form.
    python3 scripts/emcee_chain_file.py append-step FILE
        Appends one step with emcee's own HDFBackend.save_step (the last sample again), as a
        program other than darkz would.

ArviZ from a darkz chain file, in two lines:

    backend = emcee.backends.HDFBackend("chains/run.h5", read_only=True)
    idata = arviz.from_emcee(backend, var_names=["M_ZD", "epsilon", "epsilon_Z"])
"""
import argparse
import json
import sys

import numpy as np


def hexes(array):
    return [float(x).hex() for x in np.asarray(array, dtype=np.float64).ravel()]


def describe(backend):
    chain = backend.get_chain()
    blobs = backend.get_blobs()
    last = backend.get_last_sample()
    return {
        "emcee_version": __import__("emcee").__version__,
        "iteration": int(backend.iteration),
        "shape": [int(n) for n in backend.shape],
        "chain_shape": list(chain.shape),
        "chain": hexes(chain),
        "log_prob_shape": list(backend.get_log_prob().shape),
        "log_prob": hexes(backend.get_log_prob()),
        "accepted": hexes(backend.accepted),
        "blobs_shape": None if blobs is None else list(blobs.shape),
        "blobs": None if blobs is None else hexes(blobs),
        "last_coords": hexes(last.coords),
        "last_log_prob": hexes(last.log_prob),
        "last_blobs": None if last.blobs is None else hexes(last.blobs),
        "last_random_state_is_none": last.random_state is None,
    }


def storage(path, group):
    """How the chain dataset is stored: its layout and the compression of its rows."""
    import os
    import h5py

    with h5py.File(path, "r") as f:
        chain = f[group]["chain"]
        if not chain.is_virtual:
            return {"layout": "chunked" if chain.chunks else "contiguous", "compression": chain.compression}
        source = chain.virtual_sources()[0]
        with h5py.File(os.path.join(os.path.dirname(path), source.file_name), "r") as s:
            return {"layout": "virtual", "compression": s[source.dset_name].compression}


def read(args):
    import emcee

    backend = emcee.backends.HDFBackend(args.file, name=args.group, read_only=True)
    out = describe(backend)
    out.update(storage(args.file, args.group))
    if args.arviz:
        try:
            import arviz
        except ImportError:
            out["arviz"] = None
        else:
            idata = arviz.from_emcee(backend)
            out["arviz"] = {
                "groups": list(idata.groups()),
                "posterior_dims": {k: int(v) for k, v in idata.posterior.sizes.items()},
            }
    json.dump(out, sys.stdout)


def write(args):
    import emcee

    rng = np.random.default_rng(args.seed)
    np.random.seed(args.seed)  # emcee draws from numpy's global state

    def log_prob(x):
        value = -0.5 * float(np.sum(x * x))
        if args.blobs == 0:
            return value
        extras = [float(x[0]) * (k + 1) for k in range(args.blobs)]
        return (value, *extras)

    backend = emcee.backends.HDFBackend(args.file)
    backend.reset(args.walkers, args.ndim)
    sampler = emcee.EnsembleSampler(args.walkers, args.ndim, log_prob, backend=backend)
    start = rng.normal(size=(args.walkers, args.ndim))
    for i, _ in enumerate(sampler.sample(start, iterations=max(args.capacity, args.steps))):
        if i + 1 == args.steps:
            break
    json.dump(describe(emcee.backends.HDFBackend(args.file, read_only=True)), sys.stdout)


def append_step(args):
    import emcee
    from emcee.state import State

    backend = emcee.backends.HDFBackend(args.file)
    last = backend.get_last_sample()
    backend.grow(1, last.blobs)
    backend.save_step(State(last.coords, log_prob=last.log_prob, blobs=last.blobs,
                            random_state=np.random.get_state()),
                      np.zeros(backend.shape[0], dtype=bool))
    json.dump({"iteration": int(backend.iteration)}, sys.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("read")
    r.add_argument("file")
    r.add_argument("--group", default="mcmc")
    r.add_argument("--arviz", action="store_true")
    w = commands.add_parser("write")
    w.add_argument("file")
    w.add_argument("--walkers", type=int, required=True)
    w.add_argument("--ndim", type=int, required=True)
    w.add_argument("--blobs", type=int, default=0)
    w.add_argument("--steps", type=int, required=True)
    w.add_argument("--capacity", type=int, default=0)
    w.add_argument("--seed", type=int, default=1)
    a = commands.add_parser("append-step")
    a.add_argument("file")
    args = parser.parse_args()
    {"read": read, "write": write, "append-step": append_step}[args.command](args)


if __name__ == "__main__":
    main()
