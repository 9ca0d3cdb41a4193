#!/bin/sh
# Writes predictions.json: `darkz constraints --json` at a few fixed points, one object per point
# ({"arguments", "parameters", "constraints"}). Run from the repository root with a built darkz:
#     swift build -c release && sh Tests/Fixtures/constraints/make_predictions.sh
# DARKZ selects another binary. FlavorTests' ConstraintRegistryTests compare every constraint with these
# numbers to 1e-12 relative.
set -eu
DARKZ=${DARKZ:-.build/release/darkz}
out=Tests/Fixtures/constraints/predictions.json
point() {
    "$DARKZ" constraints "$@" --constraints all --json | jq --arg args "$*" '{arguments: $args, parameters, constraints}'
}
{
    point --case C --mzd 30MeV --epsilon 1e-4 --epsilon-z 1e-4 --g-mu 0.03          # the task's point
    point --case A --mzd 10.07MeV --epsilon 1.6e-5 --epsilon-z 2e-3                 # the paper's case-A fit
    point --case B --mzd 300MeV --epsilon 1e-4 --epsilon-z 1e-5 --g-mu 2e-3         # above 2 m_mu: LHCb, K -> mu nu e e apply
    point --case C --mzd 250MeV --epsilon 1e-4 --epsilon-z 1e-4 --g-mu -0.03        # negative g_mu above 2 m_mu
    point --case A --mzd 150MeV --epsilon 1e-3 --epsilon-z 1e-4 --invisible-fraction 0.5  # extra invisible width
} | jq -s '{note: "darkz constraints --json at fixed points, written by make_predictions.sh from branch lhcb at 8364b63 (lhcb-dark-photon became the DarkCast recast, issue #11 item 3; the paper rule is the alternative lhcb-dark-photon-paper, not in --constraints all; every other constraint unchanged since main at 2bf84c4); NaN is the string \"nan\"", points: .}' > "$out"
echo "wrote $out"
