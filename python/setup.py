"""Builds the package's native part: libDarkzC (the C ABI of darkz) and copies of data/ and priors/.

The library is $DARKZ_LIBRARY (a built libDarkzC.so) if set, else the one in darkz/ if present
(`make python` puts it there; delete it to rebuild), else it is built here with `swift build -c release --product DarkzC` in the
repository above this folder (about 3 minutes the first time). The version is darkz's, read from
Sources/Inference/DarkzVersion.swift.
"""
import os
import re
import shutil
import subprocess
import sys

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PACKAGE = os.path.join(HERE, "darkz")
LIBRARY = "libDarkzC.dylib" if sys.platform == "darwin" else "libDarkzC.so"


def version():
    text = open(os.path.join(ROOT, "Sources", "Inference", "DarkzVersion.swift")).read()
    return re.search(r'static let string = "([^"]+)"', text).group(1)


def ensure_native_files():
    target = os.path.join(PACKAGE, LIBRARY)
    built = os.environ.get("DARKZ_LIBRARY")
    if built or not os.path.exists(target):
        if not built:
            subprocess.check_call(["swift", "build", "-c", "release", "--product", "DarkzC"], cwd=ROOT)
            out = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, text=True)
            built = os.path.join(out.strip(), LIBRARY)
        shutil.copy2(built, target)
    for folder in ("data", "priors"):
        shutil.rmtree(os.path.join(PACKAGE, folder), ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(PACKAGE, folder))


class BuildWithLibrary(build_py):
    def run(self):
        ensure_native_files()
        super().run()


class NativeDistribution(Distribution):
    """A platform wheel: the package carries a native library."""

    def has_ext_modules(self):
        return True


setup(version=version(), cmdclass={"build_py": BuildWithLibrary}, distclass=NativeDistribution)
