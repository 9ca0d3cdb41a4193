#!/bin/sh
# Writes predictions.json: `darkz constraints --json` at a few fixed points, one object per point
# ({"arguments", "parameters", "constraints"}): the defaults (`--constraints all`) followed by the documented
# alternatives (rows of data/constraints.csv with an alternative_to). Run from the repository root with a built darkz:
#     swift build -c release --product darkz && sh Tests/Fixtures/constraints/make_predictions.sh
# DARKZ selects another binary. FlavorTests' ConstraintRegistryTests compare every constraint with these
# numbers to 1e-12 relative.
set -eu
DARKZ=${DARKZ:-.build/release/darkz}
out=Tests/Fixtures/constraints/predictions.json
alternatives=$(awk -F, '!/^#/ && $1 != "name" && $9 != "" {print $1}' data/constraints.csv | paste -sd, -)
point() {
    defaults=$("$DARKZ" constraints "$@" --constraints all --json)
    others=$("$DARKZ" constraints "$@" --constraints "$alternatives" --json)
    jq -n --arg args "$*" --argjson a "$defaults" --argjson b "$others" \
        '{arguments: $args, parameters: $a.parameters, constraints: ($a.constraints + $b.constraints)}'
}
{
    point --case C --mzd 30MeV --epsilon 1e-4 --epsilon-z 1e-4 --g-mu 0.03          # the task's point
    point --case A --mzd 10.07MeV --epsilon 1.6e-5 --epsilon-z 2e-3                 # the paper's case-A fit
    point --case B --mzd 300MeV --epsilon 1e-4 --epsilon-z 1e-5 --g-mu 2e-3         # above 2 m_mu: LHCb, K -> mu nu e e apply
    point --case C --mzd 250MeV --epsilon 1e-4 --epsilon-z 1e-4 --g-mu -0.03        # negative g_mu above 2 m_mu
    point --case A --mzd 150MeV --epsilon 1e-3 --epsilon-z 1e-4 --invisible-fraction 0.5  # extra invisible width
} | jq -s '{note: "darkz constraints --json at fixed points (defaults, then the paper alternatives), written by make_predictions.sh after issue #12 (g-2 against the 2025 Delta a_mu = 38(63)e-11, the paper value as g-2-2021; new alternatives b-k-nunu-belle2-2023 and k-pi-nunu-na62-2024), on top of issue #11 items 1-4 (full Z_D propagator in B_s -> mu mu; N with alpha_em(m_b); w-width, k-mu-invisible, k-mu-nu-ee radiating only from the non-conserved couplings; the DarkCast recast of lhcb-dark-photon; the paper formulas are the -paper rows); NaN is null (the string \"nan\" before issue #16)", points: .}' > "$out"
echo "wrote $out"
