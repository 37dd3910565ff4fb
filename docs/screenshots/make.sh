#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README's screenshots: every view on the bundled sample and on Epoch's Chinchilla
# points, normal and presentation mode, and the PolyPythia folder of run logs, under a virtual X
# server (Debian's xvfb).
# Usage: docs/screenshots/make.sh [BUILD_DIR]   (default build/release; needs ../shared/data)
set -eu
build=${1:-build/release}
app="$build/app/scalelab"
out=$(dirname "$0")
epoch="$(dirname "$0")/../../../shared/data/epoch-chinchilla-replication/svg_extracted_data.csv"
polypythia="$(dirname "$0")/../../../shared/data/polypythia-seeds"
shot() { # name, then scalelab arguments
    name=$1
    shift
    xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$@" --screenshot "$out/$name.png" 2>/dev/null
    echo "$out/$name.png"
}
for view in loss isoflop allocation residuals; do
    shot "sample-$view" --view "$view"
done
shot sample-presentation --view loss --presentation
epochfit="--objective huber-log --drop-top 5 --budget 5.76e23"
for view in loss isoflop allocation residuals; do
    # shellcheck disable=SC2086
    shot "epoch-$view" "$epoch" $epochfit --view "$view"
done
# shellcheck disable=SC2086
shot epoch-presentation "$epoch" $epochfit --view allocation --presentation
# A folder of run logs: PolyPythia's per-step training losses, joined on metadata.tsv.
shot polypythia-loss "$polypythia" --tokens-per-step 2097152 --x D
