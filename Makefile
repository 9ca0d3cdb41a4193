# darkz — the two commands of the README:
#   make run    set up, build in release, run the main job
#   make test   set up, run the test suite
# and installing (README "Installing"):
#   make install PREFIX=~/.local   the darkz binary in PREFIX/bin, data/ and priors/ in PREFIX/share/darkz
#   make python                    libDarkzC (the C ABI) built and copied into python/darkz/
SWIFT ?= swift
DARKZ ?= .build/release/darkz
PREFIX ?= /usr/local
LIBRARY := $(if $(filter Darwin,$(shell uname -s)),libDarkzC.dylib,libDarkzC.so)

.PHONY: run test setup build clean gallery install install-files python

setup:
	@bash scripts/ensure-system-packages.sh

build: setup
	$(SWIFT) build -c release --product darkz

run: build
	$(DARKZ) chi2 --sm
	$(DARKZ) sample --case C --overwrite
	$(DARKZ) diagnose chains/caseC.h5
	$(DARKZ) credible chains/caseC.h5
	$(DARKZ) evidence chains/caseC.h5
	$(DARKZ) corner chains/caseC.h5
	$(DARKZ) regions chains/caseC.h5

test: setup
	$(SWIFT) test

# The figures of docs/images: case C's corner plot, regions plot (every constraint) and trace from
# the make-run chain, a scan of three constraints against M_ZD at the paper's case-C couplings, and
# the binned data against the prediction at the paper's case-C best fit.
gallery: run
	$(DARKZ) diagnose chains/caseC.h5 --plot chains/caseC-trace
	$(DARKZ) scan --case C --g-mu -0.033 --constraints bs-mumu,k-pi-nunu,g-2 --out chains/caseC-scan
	$(DARKZ) predict --case C --mzd 30.2MeV --g-mu -0.033 --plot chains/caseC-predictions
	cp chains/caseC-corner/corner.png docs/images/caseC-corner.png
	cp chains/caseC-regions/regions.png docs/images/caseC-regions.png
	cp chains/caseC-trace/trace.png docs/images/caseC-trace.png
	cp chains/caseC-scan/scan.png docs/images/caseC-scan.png
	cp chains/caseC-predictions/predictions.png docs/images/caseC-predictions.png

install: build
	$(MAKE) install-files PREFIX="$(PREFIX)" DARKZ="$(DARKZ)"

# The copy alone (DARKZ: the binary to install), as the install test runs it.
install-files:
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/darkz"
	install -m 755 "$(DARKZ)" "$(PREFIX)/bin/darkz"
	rm -rf "$(PREFIX)/share/darkz/data" "$(PREFIX)/share/darkz/priors"
	cp -R data priors "$(PREFIX)/share/darkz/"

python: setup
	$(SWIFT) build -c release --product DarkzC
	cp "$$($(SWIFT) build -c release --show-bin-path)/$(LIBRARY)" python/darkz/

clean:
	rm -rf .build
