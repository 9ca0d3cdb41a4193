# darkz — the two commands of the README:
#   make run    set up, build in release, run the main job
#   make test   set up, run the test suite
SWIFT ?= swift
DARKZ := .build/release/darkz

.PHONY: run test setup build clean

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

test: setup
	$(SWIFT) test

clean:
	rm -rf .build
