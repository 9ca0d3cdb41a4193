# darkz — the two commands of the README:
#   make run    set up, build in release, run the main job
#   make test   set up, run the test suite
SWIFT ?= swift
DARKZ := .build/release/darkz

.PHONY: run test setup build clean gallery

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

clean:
	rm -rf .build
