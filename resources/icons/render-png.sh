#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the PNG icons committed in resources/icons/png/ from scalelab.svg, one per hicolor size
# that packaging/CMakeLists.txt installs. Run it after editing the SVG and commit the PNGs.
# Needs rsvg-convert (Debian: librsvg2-bin, installed by `SCALELAB_DEV_TOOLS=1 .ci/setup`).
# Usage: resources/icons/render-png.sh
set -eu
dir=$(dirname "$0")
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png \
        --output "$dir/png/scalelab-$size.png" "$dir/scalelab.svg"
    echo "$dir/png/scalelab-$size.png"
done
